/**
 * A routed fax rings an alarm for the person (or group) it is for, through the alarm engine like a
 * reminder: once per fax (key 'fax:ID'), kept until dismissed, snoozable, and rung "while you were away"
 * at the next start when the app closed in between. It rings at the instant the fax was kept (routed_at);
 * the fax log pokes the alarms when it keeps one. The window looks back a minute past the scheduler's last
 * look, so a fax kept in the same millisecond as that look is not missed (the key keeps it from ringing twice).
 */
import type { AlarmSource, DueItem } from '../reminders/alarm-scheduler';
import type { FaxLogService } from './fax-log.service';

export const faxAlarmKey = (id: number) => `fax:${id}`;
const LOOK_BACK_MS = 60_000;

export type FaxAlarmDeps = {
  /** The alarm's title and note in the user's language. */
  title(who: string, from: string): string;
  note(pages: number): string;
};

export function faxRouteAlarmSource(faxLog: FaxLogService, deps: FaxAlarmDeps): AlarmSource {
  return {
    dueBetween(from, to) {
      const out: DueItem[] = [];
      for (const r of faxLog.repo.routedBetween(from.getTime() - LOOK_BACK_MS, to.getTime())) {
        const row = faxLog.toRow(r);
        const sender = row.contactName || row.numberDisplay || row.remoteId || '—';
        out.push({
          key: faxAlarmKey(r.id),
          at: new Date(r.routed_at!),
          source: 'fax',
          refId: r.id,
          title: deps.title(r.routed_name, sender),
          detail: { place: row.lineName, note: deps.note(row.pagesDone), contactId: row.contactId },
        });
      }
      return out;
    },
    // A fax never rings in the future: its alarm is due the moment it is kept, and keeping it pokes the scheduler.
    nextAfter: () => null,
  };
}
