/**
 * How a configured line becomes a running `Line`: a voice modem on its serial port, the demo line's
 * simulator, or a SIP account (the office's PBX or VoIP provider) with its password opened from the
 * secret box. A SIP account has one `Line` per simultaneous call (`lines`); `closeAll` closes them all
 * and unregisters. A SIP line whose password cannot be opened runs as an unavailable line that says why.
 */
import { createDemoLine, createVoiceModemLine, serialTransport, type Line, type ModemSimulator } from '../../telephony';
import { createSipAccount } from '../../telephony/sip/signalling/sip-account';
import { rtpMedia } from '../../telephony/sip/signalling/sip-rtp-media';
import type { LineDbRow } from '../calls/calls.repo';
import { attachDemoFaxMachine } from '../fax/demo-fax-machine';
import { SecretError, type SecretBox } from '../kernel/secret-box';
import { lineDataOf } from './line-view';
import { unavailableLine } from './unavailable-line';

/**
 * What a configured line runs as: `lines`, its channels, one call at a time on each (one for a modem or
 * the demo line, one per simultaneous call for a SIP account); `sim`, the demo line's simulator (on its
 * only channel); `closeAll`, what closes them all (a SIP account: every channel, then unregisters) —
 * absent, each line is closed.
 */
export type LineMade = { lines: Line[]; sim: ModemSimulator | null; closeAll?: () => Promise<void> };

/** `secrets` opens a SIP line's password; a factory for modems and the demo line may ignore it. */
export type LineFactory = (row: LineDbRow, secrets?: SecretBox) => LineMade;

/** Where a SIP line's account is shown: `sip:user@server (transport)`. */
export const sipAddress = (row: LineDbRow) => `sip:${row.sip_user}@${row.sip_server} (${row.sip_transport})`;

export function sipLine(row: LineDbRow, secrets: SecretBox | undefined): LineMade {
  const id = `line-${row.id}`;
  let password = '';
  try {
    if (row.sip_password_sealed) {
      if (!secrets) throw new SecretError('secret/no-key', 'The stored password cannot be opened: no key was given to the engine.');
      password = secrets.open(row.sip_password_sealed);
    }
  } catch (e) {
    if (!(e instanceof SecretError)) throw e;
    return { lines: [unavailableLine(id, 'sip', sipAddress(row), e.message)], sim: null };
  }
  const d = lineDataOf(row);
  const account = createSipAccount({
    id,
    server: d.sipServer,
    user: d.sipUser,
    password,
    authUser: d.sipAuthUser || undefined,
    displayName: d.sipDisplayName || undefined,
    transport: d.sipTransport,
    outboundProxy: d.sipOutboundProxy || undefined,
    channels: d.sipChannels,
    media: rtpMedia({ localAddress: '0.0.0.0', portRange: { min: d.rtpPortMin, max: d.rtpPortMax }, codecs: d.sipCodecs }),
  });
  const lines: Line[] = account.lines;
  return {
    sim: null,
    lines,
    // The account first: it unregisters (within a second) and stops its user agent, which must be over
    // before the engine closes; a channel closing first would start that close without anyone awaiting it.
    closeAll: async () => {
      await account.close();
      await Promise.all(lines.map((l) => l.close()));
    },
  };
}

export const defaultLineFactory: LineFactory = (row, secrets) => {
  const callerIdMode = row.caller_id_mode;
  if (row.kind === 'sip') return sipLine(row, secrets);
  if (row.kind === 'demo') {
    const demo = createDemoLine(`line-${row.id}`, { callerIdMode });
    // A failure at the far end shows on our side (the fax call's report), so nothing more is said here.
    attachDemoFaxMachine(demo.sim, () => undefined);
    return { lines: [demo.line], sim: demo.sim };
  }
  const extraInit = row.extra_init
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { lines: [createVoiceModemLine({ id: `line-${row.id}`, port: row.port, open: serialTransport(row.port), callerIdMode, extraInit })], sim: null };
};
