import type { faxRoutesApi } from '../../shared/contract/fax-routes.api';
import type { Handlers } from '../kernel/handlers';
import type { FaxRoutesService } from './fax-routes.service';

export type FaxRoutesDeps = { faxRoutes: FaxRoutesService };

/** The handlers of `faxRoutesApi` (src/shared/contract/fax-routes.api.ts). */
export function faxRoutesHandlers({ faxRoutes }: FaxRoutesDeps): Handlers<typeof faxRoutesApi> {
  return {
    'fax/routes': () => faxRoutes.list(),
    'fax/route-save': ({ id, rule }) => faxRoutes.save(id, rule),
    'fax/route-delete': ({ id }) => faxRoutes.delete(id),
    'fax/route-order': ({ ids }) => faxRoutes.order(ids),
  };
}
