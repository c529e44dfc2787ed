/** A stored line as the UI shows it (with its running state) and as the create request would have written it. */
import type { LineData, LineView } from '../../shared/contract/calls';
import type { LineInfo } from '../../telephony';
import type { LineDbRow } from '../calls/calls.repo';
import { shownStatus } from './line-status';
import { lineSipProblem } from './sip-line-problem';

export function lineView(row: LineDbRow, info: LineInfo | null, callId: number | null): LineView {
  const identity = info?.identity
    ? {
        manufacturer: info.identity.manufacturer,
        model: info.identity.model,
        revision: info.identity.revision,
        profile: info.identity.profile,
        classes: info.identity.classes,
        voice: info.identity.voice,
        compressions: info.identity.compressions,
        compression: info.identity.compression,
        callerIdCommand: info.identity.callerIdCommand,
      }
    : null;
  const status = info?.status === 'closed' || !info ? 'disconnected' : shownStatus(info.status);
  const { sipPassword: _never, ...data } = lineDataOf(row);
  return {
    id: row.id,
    ...data,
    sipPasswordSet: row.sip_password_sealed !== '',
    sipProblem: info ? lineSipProblem(row.kind, status, info.detail) : null,
    status,
    detail: info ? info.detail : null,
    identity,
    callId,
    abilities: info?.abilities ?? { recordCalls: null, flash: false, fax: null },
  };
}

/** A stored line as the create request would have written it (without the password, which never leaves sealed). */
export const lineDataOf = (row: LineDbRow): LineData => ({
  name: row.name,
  kind: row.kind,
  port: row.port,
  enabled: row.enabled === 1,
  callerIdMode: row.caller_id_mode,
  ringsBeforeAnswer: row.rings_before_answer,
  extraInit: row.extra_init,
  recordCalls: row.record_calls === 1,
  faxMode: row.fax_mode,
  faxRings: row.fax_rings,
  sipServer: row.sip_server,
  sipUser: row.sip_user,
  sipAuthUser: row.sip_auth_user,
  sipDisplayName: row.sip_display_name,
  sipTransport: row.sip_transport,
  sipOutboundProxy: row.sip_outbound_proxy,
  sipCodecs: row.sip_codecs.split(',').filter((c): c is LineData['sipCodecs'][number] => c === 'PCMU' || c === 'PCMA'),
  sipChannels: row.sip_channels,
  rtpPortMin: row.rtp_port_min,
  rtpPortMax: row.rtp_port_max,
});
