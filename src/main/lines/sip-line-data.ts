/** A SIP line's settings as the lines service checks and stores them (the password sealed, never plain). */
import type { LineData } from '../../shared/contract/calls';
import type { LineDbRow } from '../calls/calls.repo';
import { AppError, validationError } from '../kernel/app-error';
import type { SecretBox } from '../kernel/secret-box';

/** At least this many RTP ports: two (RTP and RTCP) for each call, with room for ports other programs hold. */
export const MIN_RTP_PORTS = 10;

/** Checks what the schema cannot see alone (the server and user a SIP line needs, the port range); the error names the field. */
export function sipLineData(d: LineData): void {
  if (!d.sipServer) throw validationError('line.sip_server_required', 'sipServer');
  if (!d.sipUser) throw validationError('line.sip_user_required', 'sipUser');
  if (new Set(d.sipCodecs).size !== d.sipCodecs.length) throw validationError('line.sip_codecs_twice', 'sipCodecs');
  if (d.rtpPortMax - d.rtpPortMin + 1 < MIN_RTP_PORTS) throw validationError('line.rtp_range', 'rtpPortMax', { min: MIN_RTP_PORTS });
}

/** The new password sealed for storing ('' clears it), or null to keep the stored one. */
export function sealPassword(secrets: SecretBox | undefined, d: LineData): string | null {
  if (d.sipPassword === undefined) return null;
  if (d.sipPassword === '') return '';
  try {
    if (!secrets) throw new Error('no key was given to the engine');
    return secrets.seal(d.sipPassword);
  } catch (e) {
    throw new AppError('validation', 'line.secret_unavailable', { detail: e instanceof Error ? e.message : String(e) }, 'sipPassword');
  }
}

const SIP_KEYS = [
  'sip_server',
  'sip_user',
  'sip_auth_user',
  'sip_display_name',
  'sip_transport',
  'sip_outbound_proxy',
  'sip_codecs',
  'sip_channels',
  'rtp_port_min',
  'rtp_port_max',
  'sip_password_sealed',
] as const satisfies readonly (keyof LineDbRow)[];

/** The account must register again (the line restarts) when any of its SIP settings changed. */
export const sipChanged = (old: LineDbRow, row: LineDbRow): boolean => row.kind === 'sip' && SIP_KEYS.some((k) => old[k] !== row[k]);
