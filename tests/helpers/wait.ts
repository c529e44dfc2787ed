/**
 * The one way tests wait: on a condition or on an event, never on a bare sleep, with a timeout whose
 * message names what was awaited (and the last value seen), so a slow or broken run says what did not
 * happen instead of "timed out". The conditions at the end say what the simulated modem is doing, so
 * a test acts at the moment it means (a key pressed while a prompt plays) instead of sleeping long
 * enough on a quiet machine.
 */
import type { ModemSimulator } from '../../src/telephony';

type Falsy = false | 0 | '' | null | undefined;

export type WaitOptions = {
  /** What is awaited, for the failure message; by default the condition's source text. */
  what?: string;
  timeoutMs?: number;
  /** How often a condition is checked. */
  everyMs?: number;
};

const describe = (what: string | undefined, f: unknown): string => what ?? String(f).replace(/\s+/g, ' ');

/** Resolves with the first truthy value `check()` gives (it may be async); rejects after the timeout naming what it waited for. */
export async function waitFor<T>(check: () => T | Falsy | Promise<T | Falsy>, opts: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 15_000, everyMs = 15 } = opts;
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const v = await check();
    if (v) return v;
    last = v;
    if (Date.now() >= end) throw new Error(`waited ${timeoutMs} ms for ${describe(opts.what, check)}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Resolves once `read()` gives `want` (compared with ===); rejects after the timeout with the last value seen. */
export async function waitForValue<T>(read: () => T | Promise<T>, want: T, opts: WaitOptions = {}): Promise<void> {
  let last: T | undefined;
  try {
    await waitFor(async () => (last = await read()) === want, {
      everyMs: 100,
      ...opts,
      what: opts.what ?? `${describe(undefined, read)} to be ${JSON.stringify(want)}`,
    });
  } catch (e) {
    throw new Error(`${(e as Error).message.replace(/; last value: .*$/, '')}; last value: ${JSON.stringify(last)}`);
  }
}

/** Anything with on/off (a Node EventEmitter, a line, the engine's event source). */
export type Emitter<P> = {
  on(name: string, listener: (payload: P) => void): unknown;
  off(name: string, listener: (payload: P) => void): unknown;
};

/** Resolves with the payload of the next `name` event that satisfies `pred`; rejects after the timeout naming the event. */
export function waitForEvent<P>(source: Emitter<P>, name: string, pred: (payload: P) => boolean = () => true, opts: WaitOptions = {}): Promise<P> {
  const { timeoutMs = 15_000 } = opts;
  return new Promise<P>((resolve, reject) => {
    const listener = (payload: P) => {
      if (!pred(payload)) return;
      clearTimeout(timer);
      source.off(name, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      source.off(name, listener);
      reject(new Error(`waited ${timeoutMs} ms for the event ${opts.what ?? name}`));
    }, timeoutMs);
    source.on(name, listener);
  });
}

/** Polls `f` (which may be async) until it gives a value; fails after `ms` naming the condition. */
export const until = <T>(f: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 15000): Promise<T> =>
  waitFor(f, { timeoutMs: ms });

/** The host is playing a prompt and the caller has heard `ms` of it (a +VTX state, its audio played out at the line rate). */
export function hostPlaying(sim: ModemSimulator, ms = 150): boolean {
  return sim.voice?.mode === 'tx' && sim.voice.playedSamples >= ms * 8;
}

/** The host has received audio in a +VRX state: `bytes` of it since its CONNECT (the modem's side). */
export function modemSentAudio(sim: ModemSimulator, bytes = 1): boolean {
  if (sim.voice?.mode !== 'rx' && sim.voice?.mode !== 'duplex') return false;
  let n = 0;
  for (let i = sim.transcript.length - 1; i >= 0; i--) {
    const e = sim.transcript[i]!;
    if (e.dir === 'modem' && e.bytes.includes('CONNECT')) return n >= bytes;
    if (e.dir === 'modem') n += e.bytes.length;
  }
  return false;
}

/** How many times the host sent `command` (e.g. 'AT+VCID?\r') from transcript entry `from` on: an idle watchdog's probes. */
export function hostSentCount(sim: ModemSimulator, command: string, from = 0): number {
  const sent = sim.transcript
    .slice(from)
    .filter((e) => e.dir === 'host')
    .map((e) => e.bytes.toString('latin1'))
    .join('');
  return sent.split(command).length - 1;
}

/** The host's last command was `command` (e.g. the caller-ID command ending an on-hook sequence) and the modem has answered it. */
export function answeredLast(sim: ModemSimulator, command: string): boolean {
  const last = sim.transcript.findLastIndex((e) => e.dir === 'host');
  return (
    last >= 0 &&
    last < sim.transcript.length - 1 &&
    sim.transcript
      .slice(0, last + 1)
      .filter((e) => e.dir === 'host')
      .map((e) => e.bytes.toString('latin1'))
      .join('')
      .endsWith(command)
  );
}
