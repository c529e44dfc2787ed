/**
 * Routing of received faxes: the rules (kept in the user's order, checked before anything is saved) and
 * `route`, which names who a received fax is for — the first rule that matches (fax-route.match.ts).
 * The fax log calls `route` once, as it keeps the fax, and stores the answer with it.
 */
import type { FaxRouteRule, FaxRoutes, FaxRouteTarget } from '../../shared/contract/fax-routes';
import type { ParsedInputOf } from '../../shared/contract/api';
import { formatPhone, looksLikePhone, normalizePhone, phoneQueryPrefix } from '../../shared/text/phone';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { firstMatch, type RoutedFax } from './fax-route.match';
import { createFaxRoutesRepo, type FaxRouteDbRow, type FaxRouteWrite } from './fax-routes.repo';

export type FaxRoutesService = ReturnType<typeof createFaxRoutesService>;

type RuleInput = ParsedInputOf<'fax/route-save'>['rule'];

export function createFaxRoutesService(db: Db, ctx: EngineContext) {
  const repo = createFaxRoutesRepo(db);
  const region = () => ctx.settings.phoneRegion();

  const targetOf = (r: FaxRouteDbRow): FaxRouteTarget =>
    r.staff_file_id !== null ? { kind: 'staff', id: r.staff_file_id, name: r.target_name } : { kind: 'group', id: r.group_id!, name: r.target_name };

  function numberDisplay(r: FaxRouteDbRow): string {
    if (!r.number) return '';
    if (r.number_match === 'prefix') return r.number.trim();
    const n = normalizePhone(r.number, region());
    return n ? formatPhone(n, region()) : r.number;
  }

  const toRule = (r: FaxRouteDbRow): FaxRouteRule => ({
    id: r.id,
    position: r.position,
    number: r.number,
    numberDisplay: numberDisplay(r),
    numberMatch: r.number_match,
    tsi: r.tsi,
    lineId: r.line_id,
    lineName: r.line_name ?? '',
    target: targetOf(r),
  });

  /** The rule as stored, or a validation error naming the field; nothing is written before this passes. */
  function checked(rule: RuleInput): FaxRouteWrite {
    const number = rule.number.trim();
    if (number) {
      const readable = rule.numberMatch === 'exact' ? normalizePhone(number, region()) !== null : looksLikePhone(number);
      if (!readable || phoneQueryPrefix(number, region()) === '') throw validationError('fax_route.bad_number', 'number', { value: number });
    }
    const lineId = rule.lineId?.trim() || null;
    if (lineId !== null && !repo.lineExists(lineId)) throw validationError('fax_route.no_line', 'lineId', { value: lineId });
    const { kind, id } = rule.target;
    if (kind === 'staff' && !repo.staffExists(id)) throw validationError('fax_route.no_staff', 'target', { id });
    if (kind === 'group' && !repo.groupExists(id)) throw validationError('fax_route.no_group', 'target', { id });
    return {
      number,
      number_match: rule.numberMatch,
      tsi: rule.tsi.trim(),
      line_id: lineId,
      staff_file_id: kind === 'staff' ? id : null,
      group_id: kind === 'group' ? id : null,
    };
  }

  const changed = () => ctx.emit('fax/routes-changed', {});

  return {
    list(): FaxRoutes {
      const targets: FaxRouteTarget[] = [
        ...repo.staff().map((s) => ({ kind: 'staff' as const, ...s })),
        ...repo.groups().map((g) => ({ kind: 'group' as const, ...g })),
      ];
      return { rules: repo.all().map(toRule), targets };
    },

    save(id: number | null, rule: RuleInput): FaxRouteRule {
      const w = checked(rule);
      if (id === null) id = repo.insert(w);
      else if (!repo.update(id, w)) throw new AppError('not_found', 'not_found.fax_route', {}, 'id');
      changed();
      return toRule(repo.get(id)!);
    },

    delete(id: number): { id: number } {
      if (!repo.delete(id)) throw new AppError('not_found', 'not_found.fax_route', {}, 'id');
      changed();
      return { id };
    },

    order(ids: number[]): FaxRoutes {
      const have = repo.all().map((r) => r.id);
      const same = ids.length === have.length && new Set(ids).size === ids.length && ids.every((i) => have.includes(i));
      if (!same) throw validationError('fax_route.bad_order', 'ids');
      repo.order(ids);
      changed();
      return this.list();
    },

    /** Who a received fax is for: the first matching rule's staff member or group, or null. */
    route(fax: RoutedFax): FaxRouteTarget | null {
      const rules = repo.all().map((r) => ({ ...r, numberMatch: r.number_match, lineId: r.line_id }));
      const hit = firstMatch(rules, fax, region());
      return hit ? targetOf(hit) : null;
    },

    /** The contact of a staff file (what a routed fax's alarm opens besides the fax), or null. */
    staffContact: (fileId: number) => repo.staffContact(fileId),
  };
}
