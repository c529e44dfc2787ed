import type { duplicatesApi } from '../../shared/contract/duplicates.api';
import type { Handlers } from '../kernel/handlers';
import type { DuplicatesService } from './duplicates.service';

/** The handlers of `duplicatesApi` (src/shared/contract/duplicates.api.ts). */
export function duplicatesHandlers({ duplicates }: { duplicates: DuplicatesService }): Handlers<typeof duplicatesApi> {
  return {
    'duplicates/find': ({ limit }) => duplicates.find(limit),
  };
}
