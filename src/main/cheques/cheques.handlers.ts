import type { chequesApi } from '../../shared/contract/cheques.api';
import type { Handlers } from '../kernel/handlers';
import type { ChequesService } from './cheques.service';
import type { ChequeBooksService } from './cheque-books.service';
import type { createChequeReportsService } from './cheque-reports';
import { patched, storedOr } from '../kernel/patch-update';
import { chequeInput, chequeSettingsInput } from '../../shared/contract/cheques';

export type ChequesDeps = { cheques: ChequesService; chequeBooks: ChequeBooksService; chequeReports: ReturnType<typeof createChequeReportsService> };

/** The handlers of `chequesApi` (src/shared/contract/cheques.api.ts). */
export function chequesHandlers({ cheques, chequeBooks, chequeReports }: ChequesDeps): Handlers<typeof chequesApi> {
  return {
    'cheques/get': ({ id }) => cheques.get(id),
    'cheques/create': (data) => cheques.create(data),
    'cheques/update': ({ id, data }) =>
      cheques.update(
        id,
        patched(
          chequeInput,
          storedOr(() => cheques.get(id)),
          data,
        ),
      ),
    'cheques/delete': ({ id }) => cheques.delete(id),
    'cheques/correct': (input) => cheques.correct(input),
    'cheques/void': (input) => cheques.void(input),
    'cheques/set-status': (input) => cheques.setStatus(input),
    'cheques/set-status-batch': (input) => cheques.setStatusBatch(input),
    'cheques/add-image': (input) => cheques.addImage(input),
    'cheques/image': ({ id }) => cheques.image(id),
    'cheques/delete-image': ({ id }) => cheques.deleteImage(id),
    'cheques/search': (q) => chequeReports.search(q),
    'cheques/report': (q) => chequeReports.report(q),
    'cheques/export': (q, hc) => chequeReports.export(q, hc.lang),
    'cheques/settings': () => cheques.settings(),
    'cheques/settings-update': (v) => cheques.updateSettings(patched(chequeSettingsInput, cheques.settings(), v)),
    'cheque-books/list': () => chequeBooks.list(),
    'cheque-books/create': (data) => chequeBooks.create(data),
    'cheque-books/delete': ({ id }) => chequeBooks.delete(id),
    'cheque-books/leaves': ({ bookId }) => chequeBooks.leaves(bookId),
    'cheque-books/mark-leaf': (input) => chequeBooks.markLeaf(input),
  };
}
