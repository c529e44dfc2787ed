/** Routing rules for received faxes: who a fax is for, by its number, its fax ID (TSI) and its line. */
import { z } from 'zod';
import { id } from './request';

export const FAX_ROUTE_TARGET_KINDS = ['staff', 'group'] as const;
export type FaxRouteTargetKind = (typeof FAX_ROUTE_TARGET_KINDS)[number];
export const FAX_ROUTE_NUMBER_MATCHES = ['exact', 'prefix'] as const;

/** A staff member (their staff file's id) or a contact group. */
export type FaxRouteTarget = { kind: FaxRouteTargetKind; id: number; name: string };

export const faxRouteInput = z.object({
  /** The sender's number in any written form ('' = any number); a prefix such as '021' or '+98 21'. */
  number: z.string().max(40).default(''),
  numberMatch: z.enum(FAX_ROUTE_NUMBER_MATCHES).default('exact'),
  /** Text the fax ID (TSI) must contain, any case ('' = any). */
  tsi: z.string().max(40).default(''),
  /** The line that received it (its id); null = any line. */
  lineId: z.string().max(20).nullable().default(null),
  target: z.object({ kind: z.enum(FAX_ROUTE_TARGET_KINDS), id }),
});
export type FaxRouteInput = z.input<typeof faxRouteInput>;

export const faxRouteSaveInput = z.object({ id: id.nullable().default(null), rule: faxRouteInput });
export const faxRouteOrderInput = z.object({ ids: z.array(id).max(1000) });

export type FaxRouteRule = {
  id: number;
  /** 1-based place in the order: the first rule that matches wins. */
  position: number;
  number: string;
  /** The number as the office writes it ('021 8888 1234'), or the prefix's digits. */
  numberDisplay: string;
  numberMatch: (typeof FAX_ROUTE_NUMBER_MATCHES)[number];
  tsi: string;
  lineId: string | null;
  lineName: string;
  target: FaxRouteTarget;
};

/** The rules in order, and who a rule can name (active staff, every group). */
export type FaxRoutes = { rules: FaxRouteRule[]; targets: FaxRouteTarget[] };
