/**
 * The simulator's incoming call: the ring cadence with the caller ID where the network sends it, what
 * the caller does once answered (keys, a fax machine's calling tone, hanging up), and the keypad that
 * sends the keys the way a person presses them.
 */
import { dtmfCidDigits, modemCidLines, type SimCallerId } from './sim-callerid';
import type { SimIncomingCall } from './sim-options';
import type { SimCall, SimState } from './sim-state';
import { cngTone } from './sim-voice';

/** A key is held this long, the next one follows this much later; a shielding modem repeats it meanwhile. */
const KEY_HOLD_MS = 180;
const KEY_GAP_MS = 100;
const KEY_REPEAT_MS = 70;

/** Runs `fn` after `ms` while `call` is still the simulator's call; the timer is the call's. */
function callTimer(sim: SimState, call: SimCall) {
  return (ms: number, fn: () => void) => call.timers.push(sim.timers.setTimeout(() => sim.call === call && fn(), ms));
}

/** A new call ringing with this caller; the caller gives up after its rings unless answered. */
export function ringingCall(sim: SimState, spec: SimIncomingCall): SimCall {
  const now = new Date(sim.timers.now());
  const pad = (n: number) => String(n).padStart(2, '0');
  const cid: SimCallerId = {
    number: spec.number ?? '',
    name: spec.name ?? '',
    format: spec.format ?? (spec.number ? 'mdmf' : 'none'),
    stamp: `${pad(now.getMonth() + 1)}${pad(now.getDate())}${pad(now.getHours())}${pad(now.getMinutes())}`,
    corrupt: spec.corrupt,
    mesg: spec.mesg,
  };
  return { cid, spec, rings: 0, answered: false, timers: [] };
}

/** Schedules the rings and the caller ID of `call`, which has just become `sim.call`. */
export function scheduleRings(sim: SimState, call: SimCall): void {
  const { spec, cid } = call;
  const maxRings = spec.rings && spec.rings > 0 ? spec.rings : 30;
  const at = callTimer(sim, call);
  let t = 0;
  if (spec.beforeFirstRing || cid.format === 'dtmf') {
    at(0, () => sendCallerId(sim, call));
    t = 700;
  }
  const cycle = sim.ringOnMs + sim.ringOffMs;
  for (let i = 0; i < maxRings; i++) {
    at(t + i * cycle, () => ringOnce(sim, call));
    if (i === 0 && !spec.beforeFirstRing && cid.format !== 'dtmf') at(t + sim.ringOnMs + Math.min(500, sim.ringOffMs / 4), () => sendCallerId(sim, call));
  }
  // The caller gives up a little after the last ring's silence.
  at(t + maxRings * cycle, () => {
    if (!call.answered) sim.endCall();
  });
}

function ringOnce(sim: SimState, call: SimCall): void {
  if (call.answered) return;
  call.rings++;
  if (sim.voice)
    sim.send(Buffer.from([0x10, 0x52])); // <DLE>R in a voice state
  else sim.result('RING');
  const s0 = sim.regs.s.get(0) ?? 0;
  if (s0 > 0 && call.rings >= s0) sim.answer();
}

function sendCallerId(sim: SimState, call: SimCall): void {
  if (sim.regs.cidMode === 0) return;
  if (call.cid.format === 'dtmf') {
    for (const d of dtmfCidDigits(call.cid)) sim.send(Buffer.from([0x10, d.charCodeAt(0)]));
    return;
  }
  const lines = modemCidLines(call.cid, sim.regs.cidMode, sim.profile.cidSpaces);
  if (lines.length) sim.sendLine(...lines);
}

/** Stops the rings of a call that has just been answered (by the modem or at a telephone). */
export function stopRinging(sim: SimState, call: SimCall): void {
  call.answered = true;
  for (const h of call.timers) sim.timers.clearTimeout(h);
  call.timers = [];
}

/** What the caller does once connected: the keys of the spec, a fax machine's tone, hanging up. */
export function scheduleCaller(sim: SimState, call: SimCall): void {
  const at = callTimer(sim, call);
  const keys = call.spec.keys ?? '';
  [...keys].forEach((k, i) => at(sim.keyDelayMs * (i + 1), () => sim.pressKeys(k)));
  if (call.spec.fax) {
    // A fax machine calls with CNG (1100 Hz, 0.5 s on, 3 s off) until it hears a fax answer; the
    // modem reports it as <DLE>c after some cadence, about every 4 s.
    call.spec.audio ??= cngTone(60);
    // Reported in voice mode only: it is a V.253 event (in Class 1 the modem listens for V.21, not tones).
    for (let i = 1; i <= 15; i++) at(i * 4000 - 500, () => sim.regs.fclass === '8' && sim.event('c'));
  }
  if (call.spec.hangUpAfterMs !== undefined) at(call.spec.hangUpAfterMs, () => sim.callerHangsUp());
}

/**
 * The caller's keypad: one DTMF event per key, shielded with repeats on profiles that do. Keys follow
 * each other as a person presses them: each held KEY_HOLD_MS, KEY_GAP_MS apart; while held, a
 * shielding modem repeats the digit about every 70 ms (vgetty's comment, reference §2.2).
 */
export class SimKeypad {
  private keyTimers = new Set<unknown>();
  private keysFreeAt = 0;

  constructor(private readonly sim: SimState) {}

  press(digits: string): void {
    const sim = this.sim;
    const now = sim.timers.now();
    let start = Math.max(now, this.keysFreeAt);
    const later = (ms: number, bytes: number[]) => {
      const h = sim.timers.setTimeout(() => {
        this.keyTimers.delete(h);
        // DTMF is a V.253 voice-mode event: a modem switched to a fax class (fax-on-demand right after
        // the key) reports no more of it, as sim-incoming's <DLE>c reports do.
        if ((sim.voice || sim.offHook) && sim.regs.fclass === '8') sim.send(Buffer.from(bytes));
      }, ms);
      this.keyTimers.add(h);
    };
    for (const d of digits) {
      const code = d.charCodeAt(0);
      const at = start - now;
      if (sim.profile.dtmfShielded) {
        later(at, [0x10, 0x2f, 0x10, code]);
        for (let r = KEY_REPEAT_MS; r < KEY_HOLD_MS; r += KEY_REPEAT_MS) later(at + r, [0x10, code]);
        later(at + KEY_HOLD_MS, [0x10, 0x7e]);
      } else later(at, [0x10, code]);
      start += KEY_HOLD_MS + KEY_GAP_MS;
    }
    this.keysFreeAt = start;
  }

  clear(): void {
    for (const h of this.keyTimers) this.sim.timers.clearTimeout(h);
    this.keyTimers.clear();
    this.keysFreeAt = 0;
  }
}
