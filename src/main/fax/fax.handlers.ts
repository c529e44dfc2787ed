import type { faxApi } from '../../shared/contract/fax.api';
import type { Handlers } from '../kernel/handlers';
import type { FaxDocumentsService } from './fax-documents.service';

export type FaxDeps = { faxDocuments: FaxDocumentsService };

/** The handlers of `faxApi` (src/shared/contract/fax.api.ts). */
export function faxHandlers({ faxDocuments }: FaxDeps): Handlers<typeof faxApi> {
  return {
    'fax/documents': () => faxDocuments.list(),
    'fax/document-add': (input) => faxDocuments.add(input),
    'fax/document-page': ({ id, page }) => faxDocuments.page(id, page),
    'fax/document-tiff': ({ id }) => faxDocuments.tiff(id),
    'fax/document-delete': ({ id }) => faxDocuments.delete(id),
  };
}
