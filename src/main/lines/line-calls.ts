/**
 * One call on one channel of a line, as the call log and the popup see it (lines.service.ts runs the channels):
 * the first ring or caller ID opens an incoming call's row, the caller ID fills in its number and shows the
 * popup, the answer and the hang-up set its outcome.
 */
import type { CallOutcome, CallRow } from '../../shared/contract/calls';
import { normalizePhone } from '../../shared/text/phone';
import type { CallerId, HangupReason } from '../../telephony';
import type { CallsRepo } from '../calls/calls.repo';
import { localDayHour, type CallsService } from '../calls/calls.service';
import type { Db } from '../db/database';
import { commitBeforeFsync } from '../db/wal-sync';
import type { EngineContext } from '../kernel/context';
import type { Running } from './line-running';

export function createLineCalls(db: Db, ctx: EngineContext, calls: CallsService, repo: CallsRepo) {
  const now = () => ctx.clock().getTime();

  const callUpdated = (id: number) => {
    const r = repo.get(id);
    if (r) ctx.emit('call/updated', { call: calls.toRow(r) });
  };

  function openIncoming(run: Running): number {
    if (run.callId !== null) return run.callId;
    const t = now();
    const { day, hour } = localDayHour(t);
    run.callId = repo.insert({
      lineId: run.row.id,
      lineName: run.row.name,
      direction: 'in',
      outcome: 'ringing',
      startedAt: t,
      day,
      hour,
      numberRaw: '',
      numberKey: '',
      callerName: '',
      absence: null,
    });
    run.direction = 'in';
    run.answered = false;
    return run.callId;
  }

  /**
   * Caller ID of the ringing call. A second one for the same call (a late caller ID after the 'none'
   * of ring 2, line.ts) updates that call's number and card: the same call id, so the log keeps one
   * row and the popup replaces its card.
   */
  function onCallerId(run: Running, cid: CallerId): void {
    const raw = cid.number ?? '';
    const key = raw ? (normalizePhone(raw, ctx.settings.phoneRegion())?.key ?? '') : '';
    const opened = run.callId === null;
    // The popup waits for the commit, not for the disk (0.3 ms quiet, 5-20 ms while the disk is busy):
    // the caller is in the WAL before anyone sees it (a crash keeps it), fsync'd right after the event.
    let committed: { value: CallRow; fsync: () => void };
    try {
      committed = commitBeforeFsync(db, () => {
        const id = openIncoming(run);
        repo.setCaller(id, raw, key, cid.name ?? '', cid.absence);
        return calls.toRow(repo.get(id)!);
      });
    } catch (e) {
      // Rolled back: a call this opened does not exist.
      if (opened) [run.callId, run.direction] = [null, null];
      throw e;
    }
    const row = committed.value;
    try {
      ctx.emit('call/incoming', { call: row, card: calls.card(raw, cid.name ?? '', cid.absence) });
    } finally {
      committed.fsync();
    }
    ctx.emit('call/updated', { call: row });
  }

  const callerOf = (run: Running): string | null => (run.callId !== null ? repo.get(run.callId)?.number_raw || null : null);

  function onAnswered(run: Running): void {
    if (run.callId === null) return;
    run.answered = true;
    const t = now();
    const outcome: CallOutcome = run.direction === 'out' ? 'connected' : run.ivr ? 'ivr' : 'answered';
    repo.answered(run.callId, outcome, t);
    const r = repo.get(run.callId);
    if (r) repo.markReturned(r.number_key, t);
    callUpdated(run.callId);
  }

  function onHangup(run: Running, reason: HangupReason): void {
    if (run.callId === null) return;
    const id = run.callId;
    let outcome: CallOutcome;
    if (run.direction === 'out') outcome = run.answered ? 'answered' : reason === 'busy' ? 'busy' : reason === 'no-answer' ? 'no-answer' : 'failed';
    else outcome = run.fax || reason === 'fax' ? 'fax' : run.ivr && run.answered ? 'ivr' : run.answered ? 'answered' : 'missed';
    repo.ended(id, outcome, now());
    run.callId = null;
    run.direction = null;
    run.answered = false;
    run.ivr = false;
    run.fax = false;
    run.rings = 0;
    run.callerIdIn = false;
    callUpdated(id);
  }

  return { callUpdated, openIncoming, onCallerId, callerOf, onAnswered, onHangup };
}
