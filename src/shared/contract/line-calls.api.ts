/**
 * How a line with several calls at once handles them (issue 17): how many callers the IVR holds at once,
 * and whether a call recording keeps the two sides apart. Per line; the line form's own fields are in calls.api.ts.
 */
import { z } from 'zod';
import { request, id, type RequestMap } from './request';

export type LineCallSettings = {
  lineId: number;
  /** Callers the IVR answers at once on the line; 0 = as many as the line has channels. */
  ivrAtOnce: number;
  /** 'stereo': caller left, office right; 'mixed': one mono channel. */
  recordSides: 'stereo' | 'mixed';
  /** How many calls the line can carry at once (its channels; 1 for a modem). */
  channels: number;
};

export const lineCallsApi = {
  'lines/call-settings': request(z.object({ lineId: id }))
    .reads('lines.read')
    .returns<LineCallSettings>(),
  /** Changes only the fields given. */
  'lines/set-call-settings': request(
    z.object({ lineId: id, ivrAtOnce: z.number().int().min(0).max(64).optional(), recordSides: z.enum(['stereo', 'mixed']).optional() }),
  )
    .writes('lines.admin')
    .returns<LineCallSettings>(),
} satisfies RequestMap;
