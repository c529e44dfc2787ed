/** A stored line as the UI shows it (with its running state) and as the create request would have written it. */
import type { LineData, LineView } from '../../shared/contract/calls';
import type { LineInfo } from '../../telephony';
import type { LineDbRow } from '../calls/calls.repo';
import { shownStatus } from './line-status';

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
  return {
    id: row.id,
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
    status: info?.status === 'closed' || !info ? 'disconnected' : shownStatus(info.status),
    detail: info ? info.detail : null,
    identity,
    callId,
    abilities: info?.abilities ?? { recordCalls: null, flash: false, fax: null },
  };
}

/** A stored line as the create request would have written it. */
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
});
