/**
 * A voice-modem line handing its modem to the fax engine (Line.fax): the Class 1 driver
 * (src/telephony/fax/class1.modem.ts) becomes the only reader and writer of the port — the AT channel
 * stops reading, the watchdog and the ring logic wait — until the link's `release()`, which hangs up,
 * sets the modem up again as after a reset (out of Class 1, caller ID on) and gives the port back.
 *
 * How the modem gets into fax (voice-modems.md §1.7, §5.3): 'dial' is ATD in Class 1 (the far fax
 * machine's frames come with CONNECT); 'answer' is ATA in Class 1 on a ringing line; 'switch' is
 * adaptive answer on a call already answered in voice: the play or record stops as on barge-in (its
 * DLE end sequence and OK), then +FCLASS=1 and ATA while off hook, as vgetty hands a call to mgetty;
 * 'switch' to send (fax-on-demand) is +FCLASS=1 without ATA: the caller's machine is the receiver and
 * sends DIS, which the transmitter's first +FRH=3 hears.
 * Line conditions (busy, no answer, no carrier) are outcomes; a port that goes away rejects.
 *
 * A modem without Class 1 but with Class 2.0 or 2 (the line's `abilities.fax`) is handed over the same
 * way through the Class 2 driver (class2.modem.ts): +FCLASS=2.0 with our ID (+FLI) and capabilities,
 * then ATD/ATA, which return once the modem's own T.30 has met the far machine (+FCO … OK).
 */
import { LineError, type DialOutcome, type FaxClass, type FaxHandover, type FaxHandoverResult, type FaxLink } from '../line';
import type { HangupReason, LineStatus } from '../line';
import { Class1Error, Class1Modem } from '../fax/class1.modem';
import { Class2Modem } from '../fax/class2.modem';
import type { Timers, Transport } from '../transport';
import type { ModemSupervisor } from './voice-modem.supervisor';

/** What the handover needs of the line. */
export type FaxLineSide = {
  supervisor: ModemSupervisor;
  /** The class this modem faxes in (voice-modem.abilities.ts: Class 1 if it has it). */
  faxClass(): FaxClass | null;
  timers: Timers;
  status(): LineStatus;
  setStatus(s: LineStatus, detail?: string | null): void;
  /** The ring timeout stops: the call is being answered. */
  ringingOver(): void;
  /** Stops a play or record as on barge-in and waits until the modem has left the voice state. */
  stopAudio(): Promise<void>;
  answered(): void;
  /** The call is over: the ring count and caller ID reset, the `hangup` event with this reason. */
  ended(reason: HangupReason): void;
  trace(dir: 'tx' | 'rx', text: string): void;
};

/** The fax call in progress on a line: `dead` once the device went away under it (the line then ended the call). */
export type FaxCall = { dead: boolean; release(): Promise<void> };

const NEEDS: Record<FaxHandover['how'], LineStatus> = { dial: 'idle', answer: 'ringing', switch: 'in-call' };

export async function handOverToFax(side: FaxLineSide, h: FaxHandover, started: (call: FaxCall) => void): Promise<FaxHandoverResult> {
  if (side.status() !== NEEDS[h.how]) throw new LineError('bad-state', `The line is ${side.status()}, not ${NEEDS[h.how]}.`);
  const digits = h.how === 'dial' ? h.number.replace(/[^0-9*#,]/g, '') : '';
  if (h.how === 'dial' && !digits) throw new LineError('bad-state', 'Nothing to dial.');
  // A Class 2/2.0 modem runs T.30 itself and only as the caller or the answerer: it cannot start as the
  // transmitter on a call whose far machine is already the receiver (fax-on-demand needs Class 1).
  if (h.how === 'switch' && h.send && side.faxClass() !== 'class1') throw new LineError('unsupported', 'Fax-on-demand on a call needs a Class 1 modem.');
  if (h.how === 'switch') await side.stopAudio();
  if (h.how === 'dial') side.setStatus('dialing');
  if (h.how === 'answer') side.ringingOver();
  const lent = side.supervisor.lend();
  if (!lent) throw new LineError('device-lost', 'The modem is not connected.');
  const modem = driverFor(side, lent.transport, h.localId ?? '');
  const call: FaxCall = { dead: false, release: async () => undefined };
  started(call);
  try {
    await modem.init();
    if (h.how === 'dial') await modem.dial(digits);
    // Fax-on-demand (FaxHandover 'switch' with send): in Class 1 and nothing more — the transmitter's
    // first receive is +FRH=3, listening for the caller's machine's DIS (see line.ts).
    else if (!(h.how === 'switch' && h.send)) await modem.answer();
  } catch (e) {
    modem.release();
    lent.giveBack();
    if (call.dead) throw new LineError('device-lost', 'The modem went away during the fax call set-up.');
    if (!(e instanceof Class1Error) || e.code === 'closed') throw e;
    const outcome = outcomeOf(e);
    // Back on hook and out of Class 1 before the line is idle again.
    await side.supervisor.afterFax().catch(() => undefined);
    side.setStatus('idle');
    side.ended(outcome === 'failed' ? 'failed' : outcome);
    return { ok: false, outcome };
  }
  if (h.how !== 'switch') {
    side.setStatus('in-call');
    side.answered();
  }
  let released = false;
  call.release = async () => {
    if (released) return;
    released = true;
    if (!call.dead) await modem.hangUp();
    modem.release();
    lent.giveBack();
    if (call.dead) return;
    await side.supervisor.afterFax().catch(() => undefined);
    side.setStatus('idle');
    side.ended('fax');
  };
  return { ok: true, link: { ...modem.link(), release: () => call.release() } };
}

type Driver = {
  init(): Promise<void>;
  dial(digits: string): Promise<void>;
  answer(): Promise<void>;
  hangUp(): Promise<void>;
  release(): void;
  link(): Omit<Extract<FaxLink, { modem: unknown }>, 'release'> | Omit<Extract<FaxLink, { class2: unknown }>, 'release'>;
};

/** The Class 1 driver under our T.30, or a Class 2/2.0 modem that runs T.30 itself (and sends our ID: +FLI). */
function driverFor(side: FaxLineSide, transport: Transport, localId: string): Driver {
  const onTrace = (dir: 'tx' | 'rx', text: string) => side.trace(dir, text);
  const cls = side.faxClass();
  if (cls === 'class2' || cls === 'class2.0') {
    const m = new Class2Modem(transport, { dialect: cls === 'class2' ? '2' : '2.0', timers: side.timers, onTrace });
    const link = () => ({ class2: m });
    return { init: () => m.init(localId), dial: (d) => m.dial(d), answer: () => m.answer(), hangUp: () => m.hangUp(), release: () => m.release(), link };
  }
  const m = new Class1Modem(transport, { timers: side.timers, onTrace });
  const link = () => ({ modem: m });
  return { init: () => m.init(), dial: (d) => m.dial(d), answer: () => m.answer(), hangUp: () => m.hangUp(), release: () => m.release(), link };
}

function outcomeOf(e: Class1Error): Exclude<DialOutcome, 'connected'> {
  if (e.code === 'busy' || e.code === 'no-answer' || e.code === 'no-dialtone') return e.code;
  return 'failed';
}
