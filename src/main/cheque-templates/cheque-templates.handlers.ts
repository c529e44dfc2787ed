import type { chequeTemplatesApi } from '../../shared/contract/cheque-templates.api';
import type { Handlers } from '../kernel/handlers';
import type { ChequeTemplatesService } from './cheque-templates.service';
import { patched, storedOr } from '../kernel/patch-update';
import { chequeTemplateInput } from '../../shared/contract/cheque-print';

export type ChequeTemplatesDeps = { chequeTemplates: ChequeTemplatesService };

/** The handlers of `chequeTemplatesApi` (src/shared/contract/cheque-templates.api.ts). */
export function chequeTemplatesHandlers({ chequeTemplates }: ChequeTemplatesDeps): Handlers<typeof chequeTemplatesApi> {
  return {
    'cheque-templates/list': () => chequeTemplates.list(),
    'cheque-templates/get': ({ id }) => chequeTemplates.get(id),
    'cheque-templates/create': (data) => chequeTemplates.create(data),
    'cheque-templates/update': ({ id, data }) => {
      // The stored scan is not part of the patch's base: absent keeps it, null removes it.
      const stored = storedOr(() => ({ ...chequeTemplates.get(id), background: undefined }));
      return chequeTemplates.update(id, patched(chequeTemplateInput, stored, data));
    },
    'cheque-templates/delete': ({ id }) => chequeTemplates.delete(id),
    'cheque-templates/copy': (input, hc) => chequeTemplates.copy(input, hc.lang),
    'cheque-templates/fonts': () => chequeTemplates.fonts(),
    'cheque-templates/add-font': (input) => chequeTemplates.addFont(input),
    'cheque-templates/delete-font': ({ key }) => chequeTemplates.deleteFont(key),
    'cheque-templates/font-file': ({ key }) => chequeTemplates.fontFile(key),
    'cheque-templates/print': (input) => chequeTemplates.print(input),
    'cheque-templates/preview': (input) => chequeTemplates.preview(input),
    'cheque-templates/test-print': (input, hc) => chequeTemplates.testPrint(input, hc.lang),
  };
}
