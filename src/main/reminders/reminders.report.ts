/** The printed reminder book: occurrences of a query as a PDF in the request's language. */
import type { OccurrenceList } from '../../shared/contract/reminders';
import type { CalendarSystem } from '../../shared/text/calendar';
import { printReminderList } from '../../print';
import { message, type Lang, type MessageKey } from '../i18n/messages';

export function printReminders(
  list: OccurrenceList,
  opts: { from: string; to: string; detail: 'list' | 'full'; lang: Lang; calendar: CalendarSystem; printedAt: Date },
): Promise<Buffer> {
  const m = (k: MessageKey) => message(opts.lang, k);
  // Placeholders stay in these labels: the report fills them with its own digits.
  const raw = (k: MessageKey, ...names: string[]) => message(opts.lang, k, Object.fromEntries(names.map((n) => [n, `{${n}}`])));
  return printReminderList(list.items, {
    ...opts,
    truncated: list.truncated,
    labels: {
      title: m('reminders.print_title'),
      time: m('reminders.when'),
      subject: m('reminders.subject'),
      group: m('reminders.group'),
      place: m('reminders.place'),
      participants: m('reminders.participants'),
      kinds: {
        appointment: m('reminders.kind_appointment'),
        meeting: m('reminders.kind_meeting'),
        task: m('reminders.kind_task'),
        birthday: m('reminders.kind_birthday'),
      },
      age: raw('reminders.age', 'age'),
      repeats: m('reminders.repeats'),
      none: m('reminders.none'),
      count: raw('reminders.count', 'count'),
      truncated: raw('reminders.truncated', 'count'),
      page: raw('reminders.page', 'page', 'pages'),
    },
  });
}
