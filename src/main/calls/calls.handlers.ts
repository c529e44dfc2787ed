import type { callsApi } from '../../shared/contract/calls.api';
import type { Handlers } from '../kernel/handlers';
import type { LinesService } from '../lines/lines.service';
import type { CallsService } from './calls.service';

export type CallsDeps = { lines: LinesService; calls: CallsService };

/** The handlers of `callsApi` (src/shared/contract/calls.api.ts). */
export function callsHandlers({ lines, calls }: CallsDeps): Handlers<typeof callsApi> {
  return {
    'calls/list': (input) => calls.list(input),
    'calls/report': (input) => calls.report(input),
    'calls/report-export': (input, hc) => calls.exportReport(input, hc.lang),
    'calls/get': ({ id }) => calls.get(id),
    'calls/notes': ({ callId }) => calls.notes(callId),
    'calls/add-note': ({ callId, body, author }) => calls.addNote(callId, body, author),
    'calls/caller-card': ({ number }) => calls.card(number, '', null),
    'calls/dial': ({ lineId, number }) => lines.dial(lineId, number),
    'calls/hang-up': ({ lineId, callId }) => lines.hangUp(lineId, callId),
    'calls/answer': ({ lineId, callId }) => lines.answer(lineId, callId),
  };
}
