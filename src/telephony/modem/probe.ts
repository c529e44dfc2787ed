/**
 * Is there a modem on this port? Opens it, says AT (a modem answers OK within a second; a mouse, a GPS
 * or an empty serial port does not), and if so identifies it the way the driver does. Always closes
 * the port again: probing must never keep a port another program (or another line) wants.
 */
import type { LineIdentity } from '../line';
import type { Timers, TransportFactory } from '../transport';
import { AtChannel } from './at-channel';
import { identifyModem } from './modem-identify';

export type ProbeResult =
  { ok: true; identity: Omit<LineIdentity, 'callerIdCommand' | 'lineModes'> } | { ok: false; reason: 'open-failed' | 'no-answer'; detail: string };

export async function probeModem(open: TransportFactory, timers: Timers, answerMs = 1200): Promise<ProbeResult> {
  let transport;
  try {
    transport = await open();
  } catch (e) {
    return { ok: false, reason: 'open-failed', detail: e instanceof Error ? e.message : String(e) };
  }
  const at = new AtChannel(transport, { timers, onLine: () => undefined, onEvent: () => undefined, onAudio: () => undefined, onTrace: () => undefined });
  try {
    // Twice: the first AT after opening may be eaten by a modem still waking up (or by line noise).
    let answered = false;
    for (let i = 0; i < 2 && !answered; i++) {
      const r = await at.command('AT', answerMs).catch(() => null);
      answered = r?.final === 'OK';
    }
    if (!answered) return { ok: false, reason: 'no-answer', detail: 'no OK to AT' };
    const { identity } = await identifyModem(at);
    const { lineModes: _modes, callerIdCommand: _cid, ...rest } = identity;
    return { ok: true, identity: rest };
  } catch (e) {
    return { ok: false, reason: 'no-answer', detail: e instanceof Error ? e.message : String(e) };
  } finally {
    at.close();
    await transport.close().catch(() => undefined);
  }
}
