/**
 * Checks a reminder beyond its zod schema and turns it into columns. Each problem is thrown as a
 * validation error naming its field: 'date', 'until', 'repeat.day', 'groupId', 'participantIds.N'.
 */
import type { ReminderData, Repeat } from '../../shared/contract/reminders';
import { isIsoDate, JALALI_MONTHS_EN, JALALI_MONTHS_FA } from '../../shared/text/calendar';
import { normalizeInput, normalizeMultiline } from '../../shared/text/normalize';
import { AppError, validationError } from '../kernel/app-error';
import type { ReminderColumns } from './reminders.repo';

export type ReminderChecks = {
  groupExists(id: number): boolean;
  contactExists(id: number): boolean;
};

/** Longest day a Jalali month can have (Esfand: 30 in leap years; a common year falls back to 29). */
const jalaliMonthMax = (month: number) => (month <= 6 ? 31 : 30);

function cleanRepeat(r: Repeat): Repeat {
  switch (r.kind) {
    case 'weekly':
      return { ...r, days: [...new Set(r.days)].sort((a, b) => a - b) };
    case 'yearly':
      if (r.day > jalaliMonthMax(r.month)) {
        const month = (lang: 'fa' | 'en') => (lang === 'fa' ? JALALI_MONTHS_FA : JALALI_MONTHS_EN)[r.month - 1] ?? String(r.month);
        throw new AppError('validation', 'validation.repeat_day', { month, day: r.day, field: 'repeat.day' }, 'repeat.day');
      }
      return r;
    default:
      return r;
  }
}

export function cleanReminder(data: ReminderData, checks: ReminderChecks): { cols: ReminderColumns; participantIds: number[] } {
  const subject = normalizeInput(data.subject);
  if (subject === '') throw validationError('validation.generic', 'subject', { field: 'subject' });
  if (!isIsoDate(data.date)) throw validationError('validation.field_date', 'date', { field: 'date', value: data.date });
  if (data.until !== null) {
    if (!isIsoDate(data.until)) throw validationError('validation.field_date', 'until', { field: 'until', value: data.until });
    if (data.until < data.date) throw validationError('validation.until_before_date', 'until', { field: 'until' });
  }
  const repeat = cleanRepeat(data.repeat);
  if (data.groupId !== null && !checks.groupExists(data.groupId)) {
    throw validationError('validation.unknown_reminder_group', 'groupId', { field: 'groupId' });
  }
  const participantIds: number[] = [];
  data.participantIds.forEach((id, i) => {
    if (!checks.contactExists(id)) throw validationError('validation.unknown_participant', `participantIds.${i}`, { n: i + 1 });
    if (!participantIds.includes(id)) participantIds.push(id);
  });
  return {
    cols: {
      kind: data.kind,
      subject,
      note: normalizeMultiline(data.note),
      place: normalizeInput(data.place),
      group_id: data.groupId,
      date: data.date,
      time: data.time,
      repeat: JSON.stringify(repeat),
      until: data.until,
      alarm_minutes_before: data.alarmMinutesBefore,
    },
    participantIds,
  };
}
