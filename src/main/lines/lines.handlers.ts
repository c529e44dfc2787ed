import type { lineCallsApi } from '../../shared/contract/line-calls.api';
import type { linesApi } from '../../shared/contract/lines.api';
import type { Handlers } from '../kernel/handlers';
import type { LinesService } from './lines.service';

export type LinesDeps = { lines: LinesService };

/** The handlers of `linesApi` (src/shared/contract/lines.api.ts). */
export function linesHandlers({ lines }: LinesDeps): Handlers<typeof linesApi> {
  return {
    'lines/list': () => lines.list(),
    'lines/ports': () => lines.ports(),
    'lines/probe': ({ path: portPath }) => lines.probe(portPath),
    'lines/create': (data) => lines.create(data),
    'lines/update': ({ id, data }) => lines.update(id, data),
    'lines/delete': ({ id }) => lines.remove(id),
    'lines/test': ({ id }) => lines.test(id),
    'lines/demo-call': (input) => lines.demoCall(input),
  };
}

/** The handlers of `lineCallsApi` (src/shared/contract/line-calls.api.ts). */
export function lineCallsHandlers({ lines }: LinesDeps): Handlers<typeof lineCallsApi> {
  return {
    'lines/call-settings': ({ lineId }) => lines.callSettings(lineId),
    'lines/set-call-settings': ({ lineId, ...patch }) => lines.setCallSettings(lineId, patch),
  };
}
