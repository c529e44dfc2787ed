/**
 * Telephone lines and their modems.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import { demoCallInput, lineInput, linePatch, type LineStatus, type LineTestResult, type LineView, type PortInfo, type PortProbe } from './calls';
import type { SipProblem } from './calls';
import { request, id, none, type RequestMap } from './request';

export const linesApi = {
  /** Every line with its live status and what was detected about its device. */
  'lines/list': request(none).reads('lines.read').returns<LineView[]>(),
  /** Serial ports on this machine (USB modems show their vendor), with the line already using each. */
  'lines/ports': request(none).reads('lines.read').returns<PortInfo[]>(),
  /** Looks for a modem on a port (AT → OK, then identifies it) and closes it again; a port in use by a line is refused ('conflict'). */
  'lines/probe': request(z.object({ path: z.string().trim().min(1).max(200) }))
    .reads('lines.admin')
    .returns<PortProbe>(),
  /** Adds a line and starts it; 'validation' names the field, 'conflict' when the port is taken. */
  'lines/create': request(lineInput).writes('lines.admin').returns<LineView>(),
  /** Changes the keys it carries, the others keep their value; the line restarts when its port or caller-ID mode changed. */
  'lines/update': request(z.object({ id, data: linePatch }))
    .writes('lines.admin')
    .returns<LineView>(),
  /** Stops the line and removes it; its calls stay in the log. */
  'lines/delete': request(z.object({ id })).writes('lines.admin').returns<{ id: number }>(),
  /** Re-identifies the modem and returns the AT exchange; 'line/unavailable' when it is not connected. */
  'lines/test': request(z.object({ id })).writes('lines.admin').returns<LineTestResult>(),
  /** Makes the demo line ring like a real call (only on demo lines: 'validation' otherwise). */
  'lines/demo-call': request(demoCallInput).writes('calls.write').returns<{ ok: true }>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type LinesEvents = {
  'lines/changed': { lines: LineView[] };
  'lines/status': { lineId: number; status: LineStatus; detail: string | null; sipProblem: SipProblem | null };
};
