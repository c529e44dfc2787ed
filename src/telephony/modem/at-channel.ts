/**
 * Commands and answers over a modem's byte stream, one command at a time. Tolerates what real modems
 * and real drivers produce (reference §1.1, §6): echo of the command (E1), blank lines between
 * information lines, answers split across reads, unsolicited lines (RING, caller ID, DRON) arriving
 * in the middle of a command's answer, DLE events in command state, <DLE><ETX> before OK. In a voice
 * receive state the bytes are audio until <DLE><ETX>, from the byte after CONNECT on even when both
 * came in one read. Every byte is looked at once, and a line without an end is cut at MAX_LINE: a
 * device printing garbage costs neither memory nor time.
 */
import { parseCallerIdLine } from '../caller-id/caller-id.text';
import { LineError } from '../line';
import type { Timers, Transport } from '../transport';
import { DleDecoder, type DleEvent } from './dle';

/**
 * `numeric`: the answer was a V0 result code (a digit), so the modem was not in verbose mode.
 * `echoed`: the modem echoed the command (it is in E1).
 */
export type AtResult = { final: string; lines: string[]; numeric?: boolean; echoed?: boolean };

const FINALS = /^(OK|ERROR|CONNECT(\s.*)?|VCON|NO CARRIER|BUSY|NO ANSWER|NO DIAL ?TONE|\+FCERROR|FAX|DATA)$/;
const UNSOLICITED = /^(RING(\s.*)?|DRON=\d+|DROF=\d+|CID RING|\+CRING:.*)$/i;
/** V.250 numeric result codes (V0). */
const NUMERIC: Record<string, string> = {
  '0': 'OK',
  '1': 'CONNECT',
  '2': 'RING',
  '3': 'NO CARRIER',
  '4': 'ERROR',
  '6': 'NO DIALTONE',
  '7': 'BUSY',
  '8': 'NO ANSWER',
};
/**
 * The longest line kept: unformatted caller ID is the longest a modem prints (a 258-byte packet in
 * hex). The rest of a longer line is dropped, and so is the line.
 */
export const MAX_LINE = 1024;
/** Information lines kept per answer (+VSM=? and +VLS=? print a dozen). */
const MAX_LINES = 256;
/** In a voice transmit state the modem sends only DLE events: this much other text means it is not in one. */
const STRAY_TEXT = 64;

type Pending = {
  text: string;
  enterData: boolean;
  numeric: boolean;
  echoed?: boolean;
  lines: string[];
  resolve: (r: AtResult) => void;
  reject: (e: Error) => void;
  timer: unknown;
};

export type AtChannelOptions = {
  timers: Timers;
  /** Unsolicited lines: RING, caller ID, cadence reports, a NO CARRIER nobody asked for. */
  onLine(line: string): void;
  onEvent(e: DleEvent): void;
  /** Audio bytes in a voice receive state. */
  onAudio(bytes: Uint8Array): void;
  onTrace(dir: 'tx' | 'rx', text: string): void;
  /** The modem echoed a command (it is in E1). */
  onEcho?(command: string): void;
  /** Text where a voice transmit state has only DLE events: the modem is in command state. */
  onStray?(text: string): void;
};

export class AtChannel {
  /** The line being received, up to MAX_LINE characters; `overlong` when more was dropped. */
  private text = '';
  private overlong = false;
  private voiceTx = false;
  /** The CONNECT that began a receive state ended with CR: an LF after it is not audio. */
  private connectCr = false;
  private strayReported = false;
  private pending: Pending | null = null;
  private queue: (() => void)[] = [];
  private finalWaiter: { resolve: (f: string) => void; reject: (e: Error) => void; timer: unknown } | null = null;
  private dataState = false;
  private closed = false;
  private readonly dle: DleDecoder;
  private off: (() => void) | null;

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

  /**
   * Sends `AT…` and resolves with its final result and information lines; rejects on timeout.
   * `numeric`: a bare digit line is taken as a V0 result code (for commands that print no information
   * text, sent when the modem may still be in V0: the reset and the watchdog).
   */
  command(cmd: string, timeoutMs = 3000, enterData = false, numeric = false): Promise<AtResult> {
    return new Promise((resolve, reject) => {
      const run = () => {
        if (this.closed) return reject(new LineError('device-lost', 'The modem is not connected.'));
        const timer = this.opts.timers.setTimeout(() => {
          if (this.pending?.timer !== timer) return;
          this.pending = null;
          reject(new LineError('timeout', `No answer to ${cmd}`));
          this.next();
        }, timeoutMs);
        this.pending = { text: cmd, enterData, numeric, lines: [], resolve, reject, timer };
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
    this.off?.();
    this.off = null;
    this.fail(new LineError('device-lost', 'closed'));
  }

  private next(): void {
    const run = this.queue.shift();
    if (run) run();
  }

  /**
   * While true the modem is playing what we send (+VTX): it sends DLE events only, and a final result
   * only when it leaves the state. Other text means it is in command state (it reset and echoes the
   * audio): reported once through `onStray`.
   */
  setVoiceTransmit(on: boolean): void {
    this.voiceTx = on;
    this.strayReported = false;
  }

  /**
   * Stops reading the port: while a fax runs, the Class 1 driver is its only reader (page data would
   * look like result lines, a NO CARRIER like a hang-up). `resume` reads again, from a clean state.
   */
  suspend(): void {
    this.off?.();
    this.off = null;
    this.leaveVoiceStates();
  }

  resume(): void {
    if (this.off || this.closed) return;
    this.off = this.transport.onData((chunk) => this.receive(chunk));
  }

  /** Back to command state after the modem lost its voice state on its own (a reset, NO CARRIER). */
  leaveVoiceStates(): void {
    this.dataState = false;
    this.voiceTx = false;
    this.text = '';
    this.overlong = false;
    this.dle.reset();
    if (this.finalWaiter) {
      const w = this.finalWaiter;
      this.finalWaiter = null;
      this.opts.timers.clearTimeout(w.timer);
      w.resolve('NO CARRIER');
    }
  }

  private receive(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.dataState) {
        // CONNECT ends with CR LF: the LF is the line end's, not audio.
        if (this.connectCr && chunk[i] === 0x0a) i++;
        this.connectCr = false;
        if (i >= chunk.length) break;
        const { bytes, rest } = this.dle.feed(chunk.subarray(i), true);
        if (bytes.length) this.opts.onAudio(Uint8Array.from(bytes));
        i = rest ? chunk.length - rest.length : chunk.length;
        continue;
      }
      // Command state: up to and including the next line end, so that a CONNECT switches to data at
      // the very next byte (audio may follow in the same read).
      let end = i;
      while (end < chunk.length && chunk[end] !== 0x0d && chunk[end] !== 0x0a) end++;
      const lineEnds = end < chunk.length;
      const { bytes } = this.dle.feed(chunk.subarray(i, lineEnds ? end : chunk.length), false);
      i = lineEnds ? end + 1 : chunk.length;
      this.append(bytes);
      if (lineEnds) {
        this.endOfLine();
        this.connectCr = this.dataState && chunk[end] === 0x0d;
      } else if (this.voiceTx && this.text.length > STRAY_TEXT) this.stray(this.text);
    }
  }

  private append(bytes: number[]): void {
    if (bytes.length === 0) return;
    const room = MAX_LINE - this.text.length;
    if (bytes.length > room) this.overlong = true;
    if (room > 0) this.text += Buffer.from(bytes.slice(0, room)).toString('latin1');
  }

  private endOfLine(): void {
    const line = this.text.trim();
    const overlong = this.overlong;
    this.text = '';
    this.overlong = false;
    if (overlong) {
      this.opts.onTrace('rx', `${line.slice(0, 80)}… (a line of more than ${MAX_LINE} characters, dropped)`);
      if (this.voiceTx) this.stray(line);
      return;
    }
    if (line) this.line(line);
  }

  private stray(text: string): void {
    if (this.strayReported) return;
    this.strayReported = true;
    this.opts.onStray?.(text.slice(0, 80));
  }

  private line(line: string): void {
    const p = this.pending;
    if (p && line.toUpperCase() === p.text.toUpperCase()) {
      p.echoed = true;
      this.opts.onEcho?.(p.text);
      return;
    }
    this.opts.onTrace('rx', line);
    if (UNSOLICITED.test(line) || parseCallerIdLine(line) !== null) {
      this.opts.onLine(line);
      return;
    }
    const numeric = p?.numeric && NUMERIC[line] !== undefined && NUMERIC[line] !== 'RING';
    const final = numeric ? NUMERIC[line]! : line;
    if (FINALS.test(final)) {
      if (p) {
        this.pending = null;
        this.opts.timers.clearTimeout(p.timer);
        // After CONNECT to +VRX the bytes are audio until <DLE><ETX>, from the very next byte on.
        if (p.enterData && final.startsWith('CONNECT')) this.dataState = true;
        p.resolve({ final, lines: p.lines, ...(numeric ? { numeric: true } : {}), ...(p.echoed ? { echoed: true } : {}) });
        this.next();
        return;
      }
      const w = this.finalWaiter;
      if (w) {
        this.finalWaiter = null;
        this.opts.timers.clearTimeout(w.timer);
        w.resolve(final);
      }
      // The line must hear of a NO CARRIER in a call even when it also ended a play or record.
      if (!w || final === 'NO CARRIER') this.opts.onLine(final);
      return;
    }
    if (this.voiceTx) this.stray(line);
    if (p) {
      if (p.lines.length < MAX_LINES) p.lines.push(line);
    } else this.opts.onLine(line);
  }
}
