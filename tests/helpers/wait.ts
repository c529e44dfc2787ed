/**
 * Waiting in tests: on a condition or an event, never for a fixed time. `until` polls a condition
 * (which may be async) and fails after `ms`; the conditions below say what the simulated modem is
 * doing, so a test acts at the moment it means (a key pressed while a prompt plays) instead of
 * sleeping long enough on a quiet machine.
 */
import type { ModemSimulator } from '../../src/telephony';

/** Polls `f` (which may be async) every 15 ms until it gives a value; fails after `ms`. */
export async function until<T>(f: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 15000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 15));
  }
}

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
  const sent = sim.transcript.slice(from).filter((e) => e.dir === 'host').map((e) => e.bytes.toString('latin1')).join('');
  return sent.split(command).length - 1;
}

/** The host's last command was `command` (e.g. the caller-ID command ending an on-hook sequence) and the modem has answered it. */
export function answeredLast(sim: ModemSimulator, command: string): boolean {
  const last = sim.transcript.findLastIndex((e) => e.dir === 'host');
  return last >= 0 && last < sim.transcript.length - 1 && sim.transcript.slice(0, last + 1).filter((e) => e.dir === 'host').map((e) => e.bytes.toString('latin1')).join('').endsWith(command);
}
