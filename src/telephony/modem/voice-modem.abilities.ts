/** What a voice modem can do besides answering, playing and recording messages, from what it said of itself. */
import type { FaxClass, LineAbilities, LineIdentity } from '../line';

/**
 * The fax class a modem is driven in, from +FCLASS=?. Class 1 whenever the modem has it, even beside
 * Class 2/2.0: then our own T.30 runs the call — ECM, the speed fallbacks, the timers and retries we
 * prove against efax and HylaFAX, and every frame in the fax log's trace — where a Class 2 modem's T.30
 * is the vendor's firmware, reports only a hang-up code, and is where the known quirks live (USR
 * Sportsters reading +FCC as a minimum, bit-order and +FPS number-base differences). Class 2.0 (the
 * standard) is chosen before Class 2 (the draft vendors implemented each their own way).
 */
export function faxClassOf(classes: readonly string[]): FaxClass | null {
  if (classes.includes('1')) return 'class1';
  if (classes.includes('2.0')) return 'class2.0';
  if (classes.includes('2')) return 'class2';
  return null;
}

/** From the modem's voice formats, its +VLS line modes and its classes (+FCLASS=?). */
export function modemAbilities(id: LineIdentity | null): LineAbilities {
  const fax = id ? faxClassOf(id.classes) : null;
  if (!id || !id.voice || !id.compression) return { recordCalls: null, flash: false, fax };
  return { recordCalls: callLineMode(id) ? 'phone-socket' : id.lineModes.some((m) => m.primitives === 'T') ? 'line' : null, flash: true, fax };
}

/** The +VLS label that puts the modem and the local phone both on the line ("LT"), if offered. */
export function callLineMode(id: LineIdentity | null): number | null {
  const m = id?.lineModes.find((l) => /L/.test(l.primitives) && /T/.test(l.primitives) && !/[MSH]/.test(l.primitives));
  return m ? m.label : null;
}
