/**
 * The reminder book: reminders (appointments, meetings, tasks) with Jalali repeats and participants
 * from the phonebook, user-defined groups with a colour, the occurrences view (agenda and search,
 * birthdays included) and its printed report. Every change emits 'reminders/changed' and tells the
 * alarms (`onChanged`), which look at the clock again.
 */
import type { FileOut } from '../../shared/contract/io';
import type { OccurrenceList, Reminder, ReminderData, ReminderGroup } from '../../shared/contract/reminders';
import { fileNameDate } from '../../shared/text/calendar';
import { foldForSearch, normalizeInput } from '../../shared/text/normalize';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Lang } from '../i18n/messages';
import { findOccurrences, nextOf, participantsById, repeatOf, scheduleOf, type OccurrenceQueryParsed } from './occurrences';
import { cleanReminder } from './reminder.validate';
import { printReminders } from './reminders.report';
import { createRemindersRepo, type ReminderRow } from './reminders.repo';

export type ReminderChange = { kind: 'saved' | 'deleted'; id: number } | { kind: 'groups' };

export type RemindersHooks = {
  /** Called after every change, before 'reminders/changed' goes out. */
  onChanged(change: ReminderChange): void;
  /** The time birthdays are shown at. */
  birthdayTime(): string;
};

export type RemindersService = ReturnType<typeof createRemindersService>;

export function createRemindersService(db: Db, ctx: EngineContext, hooks: RemindersHooks) {
  const repo = createRemindersRepo(db);
  const checks = { groupExists: (id: number) => repo.groups.get(id) !== undefined, contactExists: (id: number) => repo.contactExists(id) };

  function toReminder(row: ReminderRow): Reminder {
    const g = row.group_id === null ? undefined : repo.groups.get(row.group_id);
    const next = nextOf(scheduleOf(row), ctx.clock());
    return {
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      note: row.note,
      place: row.place,
      groupId: row.group_id,
      date: row.date,
      time: row.time,
      repeat: repeatOf(row),
      until: row.until,
      alarmMinutesBefore: row.alarm_minutes_before,
      group: g ? { id: g.id, name: g.name, color: g.color } : null,
      participants: participantsById(repo.participantsOf([row.id])).get(row.id) ?? [],
      createdAt: row.created_at,
      next: next ? next.toISOString() : null,
    };
  }

  function get(id: number): Reminder {
    const row = repo.get(id);
    if (!row) throw new AppError('not_found', 'not_found.reminder', {}, 'id');
    return toReminder(row);
  }

  function getGroup(id: number): ReminderGroup {
    const g = repo.groups.get(id);
    if (!g) throw new AppError('not_found', 'not_found.reminder_group', {}, 'id');
    return g;
  }

  function groupName(raw: string, id: number | null): { name: string; key: string } {
    const name = normalizeInput(raw);
    if (name === '') throw validationError('validation.empty_name', 'name');
    const key = foldForSearch(name);
    const other = repo.groups.idByKey(key);
    if (other !== null && other !== id) throw new AppError('conflict', 'conflict.reminder_group_name', { value: name }, 'name');
    return { name, key };
  }

  const now = () => ctx.clock().toISOString();
  const changed = (change: ReminderChange) => {
    hooks.onChanged(change);
    ctx.emit('reminders/changed', {});
  };
  const occurrenceDeps = { repo, birthdayTime: hooks.birthdayTime };

  return {
    repo,
    get,
    create(data: ReminderData): Reminder {
      const { cols, participantIds } = cleanReminder(data, checks);
      const id = repo.insert(cols, participantIds, now());
      changed({ kind: 'saved', id });
      return get(id);
    },
    update(id: number, data: ReminderData): Reminder {
      if (!repo.get(id)) throw new AppError('not_found', 'not_found.reminder', {}, 'id');
      const { cols, participantIds } = cleanReminder(data, checks);
      repo.update(id, cols, participantIds, now());
      changed({ kind: 'saved', id });
      return get(id);
    },
    delete(id: number): { id: number } {
      if (!repo.delete(id)) throw new AppError('not_found', 'not_found.reminder', {}, 'id');
      changed({ kind: 'deleted', id });
      return { id };
    },
    occurrences: (q: OccurrenceQueryParsed, lang: Lang): OccurrenceList => findOccurrences(occurrenceDeps, q, lang),
    async print(q: OccurrenceQueryParsed & { detail: 'list' | 'full' }, lang: Lang): Promise<FileOut> {
      const list = findOccurrences(occurrenceDeps, q, lang);
      const pdf = await printReminders(list, { ...q, lang, calendar: ctx.settings.get().calendar, printedAt: ctx.clock() });
      return {
        fileName: `reminders-${fileNameDate(q.from, ctx.settings.get().calendar)}-${fileNameDate(q.to, ctx.settings.get().calendar)}.pdf`,
        mime: 'application/pdf',
        base64: pdf.toString('base64'),
        count: list.items.length,
      };
    },
    listGroups: (): ReminderGroup[] => repo.groups.list(),
    createGroup(data: { name: string; color: string }): ReminderGroup {
      const { name, key } = groupName(data.name, null);
      const id = repo.groups.insert(name, key, data.color);
      changed({ kind: 'groups' });
      return getGroup(id);
    },
    updateGroup(id: number, data: { name: string; color: string }): ReminderGroup {
      getGroup(id);
      const { name, key } = groupName(data.name, id);
      repo.groups.update(id, name, key, data.color);
      changed({ kind: 'groups' });
      return getGroup(id);
    },
    deleteGroup(id: number): { id: number } {
      if (!repo.groups.delete(id)) throw new AppError('not_found', 'not_found.reminder_group', {}, 'id');
      changed({ kind: 'groups' });
      return { id };
    },
  };
}
