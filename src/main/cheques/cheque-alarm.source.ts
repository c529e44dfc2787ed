/**
 * Due-date warnings for the alarm scheduler: each open cheque (received and on hand or deposited,
 * paid and not yet cleared) rings once, `warnDays` before its due date at `warnTime`. The key names
 * the cheque and its due date, so editing the cheque never rings it again but moving its due date
 * does. Like the reminders, no warning rings for an instant before the cheque was registered (or its
 * due date moved, or it was opened again): entering a cheque due tomorrow does not ring "while you
 * were away" — the list's "due this week" shows it.
 */
import type { AlarmSource, DueItem } from '../reminders/alarm-scheduler';
import { localInstant } from '../reminders/recurrence';
import { isoDateOf } from '../../shared/text/calendar';
import type { ChequeSettings } from '../../shared/contract/cheques';
import type { ChequeRowDb, ChequesRepo } from './cheques.repo';

export const chequeKey = (id: number, dueDate: string) => `cheque:${id}:${dueDate}`;

/** ISO date plus `days` (calendar arithmetic in UTC). */
export function addDays(isoDate: string, days: number): string {
  const t = new Date(`${isoDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

export type ChequeAlarmDeps = {
  settings(): ChequeSettings;
  /** The alarm's title in the user's language. */
  title(row: ChequeRowDb): string;
  /** What the alarm window shows under the title (bank, purpose). */
  detail(row: ChequeRowDb): { place: string; note: string };
};

export function chequeAlarmSource(repo: ChequesRepo, deps: ChequeAlarmDeps): AlarmSource {
  /** When the warning of a cheque rings, or null if it never may (before its base instant). */
  const ringAt = (r: ChequeRowDb, s: ChequeSettings): Date | null => {
    const at = localInstant(addDays(r.due_date!, -s.warnDays), s.warnTime);
    return at.getTime() > Date.parse(r.alarm_base_at) ? at : null;
  };

  return {
    dueBetween(from, to) {
      const s = deps.settings();
      const out: DueItem[] = [];
      // A warning rings on (due − warnDays): those in (from, to] are due in [from + warnDays, to + warnDays].
      for (const r of repo.openDue(addDays(isoDateOf(from), s.warnDays), addDays(isoDateOf(to), s.warnDays))) {
        const at = ringAt(r, s);
        if (!at || at <= from || at > to) continue;
        out.push({
          key: chequeKey(r.id, r.due_date!),
          at,
          occursAt: localInstant(r.due_date!, s.warnTime),
          source: 'cheque',
          refId: r.id,
          title: deps.title(r),
          detail: { ...deps.detail(r), contactId: r.contact_id },
        });
      }
      return out;
    },
    nextAfter(after) {
      const s = deps.settings();
      const a = after.getTime();
      // Cheques in due order: their warnings are in the same order, so the first one ahead is the answer.
      let offset = addDays(isoDateOf(after), s.warnDays);
      for (;;) {
        const rows = repo.openDueFrom(offset, 200);
        for (const r of rows) {
          const at = ringAt(r, s);
          if (at && at.getTime() > a) return at;
        }
        if (rows.length < 200) return null;
        const last = rows[rows.length - 1]!.due_date!;
        // Every cheque of one day already lay behind: go on from the next day.
        offset = last === offset ? addDays(last, 1) : last;
      }
    },
  };
}
