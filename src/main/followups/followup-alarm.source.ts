/**
 * A follow-up rings once at its due instant through the alarm engine (key 'followup:ID:dueAt', so a
 * moved follow-up rings again at its new time and an edit of its note does not). As with reminders,
 * nothing rings for an instant before the follow-up was saved, moved or opened again (alarm_base_at):
 * writing down a follow-up for an hour ago does not ring "while you were away" — the list shows it
 * overdue in red. A done follow-up never rings.
 */
import type { AlarmSource, DueItem } from '../reminders/alarm-scheduler';
import type { FollowupsService } from './followups.service';

export const followupKey = (id: number, dueAt: number) => `followup:${id}:${dueAt}`;

export function followupAlarmSource(followups: Pick<FollowupsService, 'repo' | 'toFollowup' | 'alarmText'>): AlarmSource {
  return {
    dueBetween(from, to) {
      const out: DueItem[] = [];
      for (const r of followups.repo.openBetween(from.getTime(), to.getTime())) {
        if (r.due_at <= r.alarm_base_at) continue;
        const text = followups.alarmText(followups.toFollowup(r));
        out.push({
          key: followupKey(r.id, r.due_at),
          at: new Date(r.due_at),
          source: 'followup',
          refId: r.id,
          title: text.title,
          detail: { place: text.place, note: text.note, contactId: text.contactId },
        });
      }
      return out;
    },
    nextAfter(after) {
      const t = followups.repo.firstOpenAfter(after.getTime());
      return t === null ? null : new Date(t);
    },
  };
}
