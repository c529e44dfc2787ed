/**
 * The modem's hook as the `Line` works it (voice-modem.line.ts keeps the status and the events): the
 * profile's off-hook commands to answer, ATD in the voice class to dial out and what its final result
 * means, and the profile's on-hook commands after a call.
 */
import { LineError, type DialOutcome } from '../line';
import type { AtChannel } from './at-channel';
import type { ModemSupervisor } from './voice-modem.supervisor';

/** The profile's off-hook commands; a modem that refuses one has not answered. */
export async function goOffHook(modem: ModemSupervisor, at: AtChannel): Promise<void> {
  await modem.exclusive(async () => {
    for (const c of modem.profile.offHook) {
      const r = await at.command(c);
      if (r.final !== 'OK' && r.final !== 'VCON') throw new LineError('bad-state', `${c}: ${r.final}`);
    }
  });
}

/** The profile's on-hook commands, then caller ID again: back in the data class, the modem forgot it. */
export async function backOnHook(modem: ModemSupervisor, at: AtChannel): Promise<void> {
  for (const c of modem.profile.onHook) await at.command(c).catch(() => undefined);
  await modem.enableCallerId().catch(() => null);
}

/** What a modem can dial: digits, * and #, commas for pauses; the rest of a typed number is dropped. */
export function dialDigits(number: string): string {
  return number.replace(/[^0-9*#,]/g, '');
}

/** ATD in the voice class; the modem's final result ('ERROR' when the command failed). */
export function dialVoice(modem: ModemSupervisor, at: AtChannel, digits: string): Promise<string> {
  return modem
    .exclusive(async () => {
      await at.command('AT+FCLASS=8');
      // The far end's answer (or busy / no answer) can take a minute on a real line.
      return (await at.command(`ATD${digits}`, 90_000)).final;
    })
    .catch(() => 'ERROR');
}

/** What ATD's final result says: connected (OK, VCON or CONNECT), or why the call did not happen. */
export function dialOutcome(final: string): DialOutcome {
  if (final === 'OK' || final === 'VCON' || final.startsWith('CONNECT')) return 'connected';
  return final === 'BUSY' ? 'busy' : final === 'NO ANSWER' ? 'no-answer' : /^NO DIAL ?TONE$/.test(final) ? 'no-dialtone' : 'failed';
}
