import type { callbacksApi } from '../../shared/contract/callbacks.api';
import type { Handlers } from '../kernel/handlers';
import type { CallbacksService } from './callbacks.service';

/** The handlers of `callbacksApi` (src/shared/contract/callbacks.api.ts). */
export function callbacksHandlers({ callbacks }: { callbacks: CallbacksService }): Handlers<typeof callbacksApi> {
  return {
    'calls/to-call-back': (input) => callbacks.list(input),
    'calls/dismiss-callback': ({ numberKey }) => callbacks.dismiss(numberKey),
  };
}
