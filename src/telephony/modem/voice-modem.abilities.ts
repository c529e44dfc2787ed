/** What a voice modem can do besides answering, playing and recording messages, from what it said of itself. */
import type { LineAbilities, LineIdentity } from '../line';

/** From the modem's voice formats, its +VLS line modes and its classes (+FCLASS=?). */
export function modemAbilities(id: LineIdentity | null): LineAbilities {
  const fax = id?.classes.includes('1') ? 'class1' : null;
  if (!id || !id.voice || !id.compression) return { recordCalls: null, flash: false, fax };
  return { recordCalls: callLineMode(id) ? 'phone-socket' : id.lineModes.some((m) => m.primitives === 'T') ? 'line' : null, flash: true, fax };
}

/** The +VLS label that puts the modem and the local phone both on the line ("LT"), if offered. */
export function callLineMode(id: LineIdentity | null): number | null {
  const m = id?.lineModes.find((l) => /L/.test(l.primitives) && /T/.test(l.primitives) && !/[MSH]/.test(l.primitives));
  return m ? m.label : null;
}
