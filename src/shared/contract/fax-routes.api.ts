/**
 * Routing of received faxes: the rules, in the order they are tried. Each request says what it guarantees
 * and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import { faxRouteOrderInput, faxRouteSaveInput, type FaxRouteRule, type FaxRoutes } from './fax-routes';
import { request, id, none, type RequestMap } from './request';

export const faxRoutesApi = {
  /** The rules in order, with who each one names, and the staff and groups a rule can name. */
  'fax/routes': request(none).reads('fax.read').returns<FaxRoutes>(),
  /**
   * Adds (id null: at the end) or changes a rule. validation naming the field for a number that cannot be
   * one ('number'), a line that cannot fax or does not exist ('lineId'), a staff file or group that is not
   * there ('target'); not_found for a rule that is not there. Nothing is saved when it fails.
   */
  'fax/route-save': request(faxRouteSaveInput).writes('fax.write').returns<FaxRouteRule>(),
  /** Deletes a rule; not_found when it is not there. */
  'fax/route-delete': request(z.object({ id })).writes('fax.write').returns<{ id: number }>(),
  /** Puts the rules in this order; validation ('ids') unless the ids are exactly the rules there are. */
  'fax/route-order': request(faxRouteOrderInput).writes('fax.write').returns<FaxRoutes>(),
} satisfies RequestMap;

export type FaxRoutesEvents = {
  /** A rule was added, changed, deleted or moved. */
  'fax/routes-changed': Record<string, never>;
};
