import type { faxOutboxApi } from '../../shared/contract/fax-outbox.api';
import type { Handlers } from '../kernel/handlers';
import type { FaxOutboxService } from './fax-outbox.service';

export type FaxOutboxDeps = { faxOutbox: FaxOutboxService };

/** The handlers of `faxOutboxApi` (src/shared/contract/fax-outbox.api.ts). */
export function faxOutboxHandlers({ faxOutbox }: FaxOutboxDeps): Handlers<typeof faxOutboxApi> {
  return {
    'fax/send': (input) => faxOutbox.send(input),
    'fax/outbox': () => faxOutbox.outbox(),
    'fax/job': ({ id }) => faxOutbox.job(id),
    'fax/job-page': ({ id, page }) => faxOutbox.page(id, page),
    'fax/job-cancel': ({ id }) => faxOutbox.cancel(id),
    'fax/job-retry': ({ id }) => faxOutbox.retry(id),
    'fax/outbox-settings': () => faxOutbox.settings(),
    'fax/outbox-settings-save': (input) => faxOutbox.saveSettings(input),
  };
}
