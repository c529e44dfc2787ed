/**
 * When a line takes a call as fax, by its fax setting (stored with the line, migration 0019_fax_on_lines):
 * - 'fax-only': at ring `fax_rings`, whatever else is set (the IVR is not asked); set to ring 1 on a line
 *   with caller ID on, it waits for the caller ID (sent between rings 1 and 2) or the 2nd ring, so the
 *   received fax has the caller's number;
 * - 'after-rings': at ring `fax_rings` when voice answering (the IVR) has not taken the call by then (at
 *   ring 1 it waits for the caller ID too);
 * - 'adaptive': voice answers; when the IVR, voicemail or a call recording hears a fax machine's
 *   calling tone, the answered call is switched to fax (`faxTone`) instead of being hung up.
 * A line whose modem cannot fax stays voice only whatever is stored. The call's log row ends as 'fax';
 * if the hand-over fails (the caller gave up), the row ends as it would have without fax.
 */
import type { Logger } from '../kernel/logger';
import type { FaxRingHook, LinesService } from '../lines/lines.service';
import type { LineFaxCalls } from './fax-lines';
import { canFax } from './fax-line-handover';

export function createFaxAnswer(lines: Pick<LinesService, 'faxCandidate' | 'markFax'>, fax: LineFaxCalls, log: Logger) {
  const take = (lineId: number, how: 'answer' | 'switch', callId: number | null, callerNumber: string | null) => {
    fax.receiveOn(lineId, how, { callId, callerNumber }).then(
      (r) => {
        if (!r) lines.markFax(lineId, false);
      },
      (e: unknown) => {
        lines.markFax(lineId, false);
        log.error(`line ${lineId}: receiving a fax failed`, e);
      },
    );
  };
  const ring: FaxRingHook = (r) => {
    const mode = r.row.fax_mode;
    if ((mode !== 'fax-only' && mode !== 'after-rings') || r.rings < r.row.fax_rings) return false;
    // At ring 1 the caller ID has not come yet (it is sent between rings 1 and 2): wait for it, or ring 2.
    if (r.row.caller_id_mode !== 'off' && !r.callerIdIn && r.rings < 2) return false;
    if (!canFax(r.line) || fax.holds(r.lineId)) return false;
    take(r.lineId, 'answer', r.callId, r.callerNumber);
    return true;
  };
  return {
    ring,
    /**
     * A fax machine's calling tone was heard on an answered call (the IVR, voicemail or a recording):
     * true when the line is adaptive and the call now goes to fax — the caller then must not hang up.
     */
    /** Whether a calling tone heard now would take the call to fax (so a recording should end at it). */
    takesFaxOnTone(lineId: number): boolean {
      const c = lines.faxCandidate(lineId);
      return !!c && c.row.fax_mode === 'adaptive' && canFax(c.line) && !fax.holds(lineId);
    },
    faxTone(lineId: number): boolean {
      const c = lines.faxCandidate(lineId);
      if (!c || c.row.fax_mode !== 'adaptive' || !canFax(c.line) || fax.holds(lineId)) return false;
      lines.markFax(lineId, true);
      take(lineId, 'switch', c.callId, c.callerNumber);
      return true;
    },
  };
}

export type FaxAnswer = ReturnType<typeof createFaxAnswer>;
