/**
 * A hook flash and digits on an answered call (a blind transfer on a PBX or with the exchange's
 * transfer service), for the voice-modem line: one V.253 +VTS whose elements carry their own durations.
 */
import { LineError } from '../line';
import type { ModemSupervisor } from './voice-modem.supervisor';

export async function sendFlash(modem: ModemSupervisor, digits: string): Promise<void> {
  const keys = digits.replace(/[^0-9*#]/g, '');
  const at = modem.requireAt();
  await modem.exclusive(async () => {
    // V.253 +VTS with each element's own duration (10 ms units), so +VTD's default of a second per
    // tone does not apply: a 300 ms hook flash (Conexant's own example), a second of silence for the
    // exchange's dial tone, then 100 ms digits with 50 ms gaps (two equal digits must not merge).
    const list = [
      '{!,30}',
      '[,,100]',
      keys
        .split('')
        .map((k) => `{${k},10}`)
        .join(',[,,5],'),
    ]
      .filter(Boolean)
      .join(',');
    const r = await at.command(`AT+VTS=${list}`, 10_000 + keys.length * 1000);
    if (r.final !== 'OK') throw new LineError('unsupported', `AT+VTS: ${r.final}`);
  });
}
