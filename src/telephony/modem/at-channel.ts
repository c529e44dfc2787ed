/**
 * Commands and answers over a modem's byte stream, one command at a time. Tolerates what real modems
 * and real drivers produce (reference §1.1, §6): echo of the command (E1), blank lines between
 * information lines, answers split across reads, unsolicited lines (RING, caller ID, DRON) arriving
 * in the middle of a command's answer, DLE events in command state, <DLE><ETX> before OK. In a voice
 * receive state the bytes are audio until <DLE><ETX>.
 */
import { parseCallerIdLine } from '../caller-id/caller-id.text';
import { LineError } from '../line';
import type { Timers, Transport } from '../transport';
import { DleDecoder, type DleEvent } from './dle';

export type AtResult = { final: string; lines: string[] };

const FINALS = /^(OK|ERROR|CONNECT(\s.*)?|VCON|NO CARRIER|BUSY|NO ANSWER|NO DIAL ?TONE|\+FCERROR|FAX|DATA)$/;
const UNSOLICITED = /^(RING(\s.*)?|DRON=\d+|DROF=\d+|CID RING|\+CRING:.*)$/i;

type Pending = { text: string; enterData: boolean; lines: string[]; resolve: (r: AtResult) => void; reject: (e: Error) => void; timer: unknown };

export type AtChannelOptions = {
  timers: Timers;
  /** Unsolicited lines: RING, caller ID, cadence reports. */
  onLine(line: string): void;
  onEvent(e: DleEvent): void;
  /** Audio bytes in a voice receive state. */
  onAudio(bytes: Uint8Array): void;
  onTrace(dir: 'tx' | 'rx', text: string): void;
};

export class AtChannel {
  private text = '';
  private pending: Pending | null = null;
  private queue: (() => void)[] = [];
  private finalWaiter: { resolve: (f: string) => void; reject: (e: Error) => void; timer: unknown } | null = null;
  private dataState = false;
  private closed = false;
  private readonly dle: DleDecoder;
  private readonly off: () => void;

  constructor(
    private readonly transport: Transport,
    private readonly opts: AtChannelOptions,
  ) {
    this.dle = new DleDecoder((e) => {
      if (e.kind === 'end') this.dataState = false;
      opts.onEvent(e);
    });
    this.off = transport.onData((chunk) => this.receive(chunk));
  }

  /** Sends `AT…` and resolves with its final result and information lines; rejects on timeout. */
  command(cmd: string, timeoutMs = 3000, enterData = false): Promise<AtResult> {
    return new Promise((resolve, reject) => {
      const run = () => {
        if (this.closed) return reject(new LineError('device-lost', 'The modem is not connected.'));
        const timer = this.opts.timers.setTimeout(() => {
          if (this.pending?.timer !== timer) return;
          this.pending = null;
          reject(new LineError('timeout', `No answer to ${cmd}`));
          this.next();
        }, timeoutMs);
        this.pending = { text: cmd, enterData, lines: [], resolve, reject, timer };
        this.opts.onTrace('tx', cmd);
        this.transport.write(Buffer.from(cmd + '\r', 'latin1')).catch((e: unknown) => this.fail(e instanceof Error ? e : new Error(String(e))));
      };
      if (this.pending) this.queue.push(run);
      else run();
    });
  }

  /** Waits for the next final result that is not the answer to a command (OK after <DLE><ETX>). */
  nextFinal(timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = this.opts.timers.setTimeout(() => {
        this.finalWaiter = null;
        reject(new LineError('timeout', 'The modem did not finish the voice transfer.'));
      }, timeoutMs);
      this.finalWaiter = { resolve, reject, timer };
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.transport.write(bytes);
  }

  /** Rejects everything waiting (the device went away). */
  fail(err: Error): void {
    const e = err instanceof LineError ? err : new LineError('device-lost', err.message);
    if (this.pending) {
      this.opts.timers.clearTimeout(this.pending.timer);
      this.pending.reject(e);
      this.pending = null;
    }
    if (this.finalWaiter) {
      this.opts.timers.clearTimeout(this.finalWaiter.timer);
      this.finalWaiter.reject(e);
      this.finalWaiter = null;
    }
    const queued = this.queue;
    this.queue = [];
    this.closed = true;
    for (const run of queued) run();
  }

  close(): void {
    this.off();
    this.fail(new LineError('device-lost', 'closed'));
  }

  private next(): void {
    const run = this.queue.shift();
    if (run) run();
  }

  private receive(chunk: Uint8Array): void {
    let rest: Uint8Array | null = chunk;
    while (rest && rest.length > 0) {
      const wasData = this.dataState;
      const { bytes, rest: after } = this.dle.feed(rest, wasData);
      if (wasData) {
        if (bytes.length) this.opts.onAudio(Uint8Array.from(bytes));
      } else this.text += String.fromCharCode(...bytes);
      rest = after;
      this.lines();
    }
  }

  private lines(): void {
    for (let i = this.text.search(/[\r\n]/); i >= 0; i = this.text.search(/[\r\n]/)) {
      const line = this.text.slice(0, i).trim();
      this.text = this.text.slice(i + 1);
      if (line) this.line(line);
    }
  }

  private line(line: string): void {
    const p = this.pending;
    if (p && line.toUpperCase() === p.text.toUpperCase()) return; // echo (E1)
    this.opts.onTrace('rx', line);
    if (UNSOLICITED.test(line) || parseCallerIdLine(line) !== null) {
      this.opts.onLine(line);
      return;
    }
    if (FINALS.test(line)) {
      if (p) {
        this.pending = null;
        this.opts.timers.clearTimeout(p.timer);
        // After CONNECT to +VRX the bytes are audio until <DLE><ETX>, from the very next byte on.
        if (p.enterData && line.startsWith('CONNECT')) {
          this.dataState = true;
          const rest = this.text.replace(/^\n/, '');
          this.text = '';
          if (rest) this.opts.onAudio(Buffer.from(rest, 'latin1'));
        }
        p.resolve({ final: line, lines: p.lines });
        this.next();
      } else if (this.finalWaiter) {
        const w = this.finalWaiter;
        this.finalWaiter = null;
        this.opts.timers.clearTimeout(w.timer);
        w.resolve(line);
      } else this.opts.onLine(line);
      return;
    }
    if (p) p.lines.push(line);
    else this.opts.onLine(line);
  }
}
