/**
 * The reminder form's state as typed (dates in the chosen calendar, times and numbers in any digits)
 * and its translation to the contract's ReminderInput; a mistake is reported on the field the engine
 * would name, so both kinds of error show in the same place. Pure: no React.
 */
import type { Reminder, ReminderInput, ReminderKind, Repeat } from '../../shared/contract/reminders';
import { formatDate, isoDateOf, isoToParts, parseDateInput, type CalendarSystem, type Lang } from '../../shared/text/calendar';
import { addDays } from '../lib/date-ranges';
import { localDigits, toAsciiDigits } from '../../shared/text/digits';
import type { Messages } from '../i18n/messages';

export type RepeatKind = Repeat['kind'];
export const ALARM_CHOICES = ['none', '0', '5', '15', '30', '60', '1440'] as const;
export type AlarmChoice = (typeof ALARM_CHOICES)[number];

export type ReminderDraft = {
  kind: ReminderKind;
  subject: string;
  date: string;
  time: string;
  repeatKind: RepeatKind;
  every: string;
  days: number[];
  monthDay: string;
  yearMonth: number;
  yearDay: string;
  until: string;
  alarm: AlarmChoice | string;
  groupId: number | null;
  participants: { id: number; displayName: string }[];
  place: string;
  note: string;
};

export type DraftError = { field: string; message: string };

/** 'HH:MM' from '9:30', '۰۹:۳۰', '09.30', '0930'; null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const s = toAsciiDigits(text.trim()).replace(/[٫.]/g, ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

function whole(text: string, min: number, max: number): number | null {
  const s = toAsciiDigits(text.trim());
  if (!/^\d{1,4}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

/**
 * A new reminder on a day (today, or the day the user is looking at), at the next round hour; after 23:00
 * today that is tomorrow at midnight (today at 23:00 would already be past, and never ring).
 */
export function emptyReminderDraft(isoDay: string, cal: CalendarSystem, lang: Lang, now: Date): ReminderDraft {
  const next = now.getHours() + 1;
  const rollsOver = next > 23 && isoDay === isoDateOf(now);
  const hour = rollsOver ? 0 : Math.min(23, next);
  const day = rollsOver ? addDays(isoDay, 1) : isoDay;
  return {
    kind: 'appointment',
    subject: '',
    date: formatDate(day, cal, lang),
    time: localDigits(`${String(hour).padStart(2, '0')}:00`, lang),
    repeatKind: 'none',
    every: localDigits(1, lang),
    days: [],
    monthDay: '',
    yearMonth: 1,
    yearDay: '',
    until: '',
    alarm: '0',
    groupId: null,
    participants: [],
    place: '',
    note: '',
  };
}

export function draftFromReminder(r: Reminder, cal: CalendarSystem, lang: Lang): ReminderDraft {
  const d = localDigits;
  const rep = r.repeat;
  return {
    kind: r.kind,
    subject: r.subject,
    date: formatDate(r.date, cal, lang),
    time: d(r.time, lang),
    repeatKind: rep.kind,
    every: d(rep.kind === 'daily' || rep.kind === 'weekly' ? rep.every : 1, lang),
    days: rep.kind === 'weekly' ? [...rep.days] : [],
    monthDay: rep.kind === 'monthly' ? d(rep.day, lang) : '',
    yearMonth: rep.kind === 'yearly' ? rep.month : 1,
    yearDay: rep.kind === 'yearly' ? d(rep.day, lang) : '',
    until: r.until ? formatDate(r.until, cal, lang) : '',
    alarm: r.alarmMinutesBefore === null ? 'none' : String(r.alarmMinutesBefore),
    groupId: r.group?.id ?? null,
    participants: r.participants,
    place: r.place,
    note: r.note,
  };
}

/**
 * Fills what a repeat needs from the date when the user switches to it: monthly on the date's Jalali
 * day, yearly on its Jalali month and day, weekly on its weekday.
 */
export function withRepeatDefaults(d: ReminderDraft, kind: RepeatKind, cal: CalendarSystem, lang: Lang): ReminderDraft {
  const iso = parseDateInput(d.date, cal);
  const next = { ...d, repeatKind: kind };
  if (!iso) return next;
  const j = isoToParts(iso, 'jalali');
  if (kind === 'monthly' && !d.monthDay) next.monthDay = localDigits(j.d, lang);
  if (kind === 'yearly' && !d.yearDay) {
    next.yearMonth = j.m;
    next.yearDay = localDigits(j.d, lang);
  }
  if (kind === 'weekly' && d.days.length === 0) next.days = [(new Date(`${iso}T00:00:00Z`).getUTCDay() + 1) % 7];
  return next;
}

/** The input for the engine, or the first mistake with the field the engine would name. */
export function buildReminderInput(
  d: ReminderDraft,
  cal: CalendarSystem,
  t: Messages,
  lang: Lang,
): { ok: true; input: ReminderInput } | { ok: false; error: DraftError } {
  const m = t.reminders;
  const fail = (field: string, message: string) => ({ ok: false as const, error: { field, message } });
  const example = cal === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian;
  if (!d.subject.trim()) return fail('subject', m.subjectRequired);
  if (!d.date.trim()) return fail('date', m.dateRequired);
  const date = parseDateInput(d.date, cal);
  if (!date) return fail('date', t.form.invalidDate(example));
  const time = parseTime(d.time);
  if (!time) return fail('time', m.invalidTime);
  let until: string | null = null;
  if (d.until.trim()) {
    until = parseDateInput(d.until, cal);
    if (!until) return fail('until', t.form.invalidDate(example));
  }
  const n = (s: string) => localDigits(s, lang);
  let repeat: ReminderInput['repeat'];
  switch (d.repeatKind) {
    case 'none':
      repeat = { kind: 'none' };
      break;
    case 'daily': {
      const every = whole(d.every, 1, 365);
      if (every === null) return fail('repeat.every', m.numberInvalid(n('1'), n('365')));
      repeat = { kind: 'daily', every };
      break;
    }
    case 'weekly': {
      const every = whole(d.every, 1, 52);
      if (every === null) return fail('repeat.every', m.numberInvalid(n('1'), n('52')));
      if (d.days.length === 0) return fail('repeat.days', m.dayRequired);
      repeat = { kind: 'weekly', every, days: [...d.days].sort() };
      break;
    }
    case 'monthly': {
      const day = whole(d.monthDay, 1, 31);
      if (day === null) return fail('repeat.day', m.numberInvalid(n('1'), n('31')));
      repeat = { kind: 'monthly', day };
      break;
    }
    case 'yearly': {
      const day = whole(d.yearDay, 1, 31);
      if (day === null) return fail('repeat.day', m.numberInvalid(n('1'), n('31')));
      repeat = { kind: 'yearly', month: d.yearMonth, day };
      break;
    }
  }
  return {
    ok: true,
    input: {
      kind: d.kind,
      subject: d.subject,
      note: d.note,
      place: d.place,
      groupId: d.groupId,
      date,
      time,
      repeat,
      until: d.repeatKind === 'none' ? null : until,
      alarmMinutesBefore: d.alarm === 'none' ? null : Number(d.alarm),
      participantIds: d.participants.map((p) => p.id),
    },
  };
}

/**
 * Why a reminder as built would never ring, or null when it will: a one-off whose alarm time
 * (its date and time less the alarm's lead) has passed, or a repeat whose last day has passed.
 * A reminder without an alarm never rings by design, so it is never warned about. `now` is the PC's
 * clock, the one the engine's alarms follow.
 */
export function neverRings(input: ReminderInput, now: Date): 'past' | 'ended' | null {
  if (input.alarmMinutesBefore === null || input.alarmMinutesBefore === undefined) return null;
  if ((input.repeat?.kind ?? 'none') === 'none') {
    const [y, mo, d] = input.date.split('-').map(Number) as [number, number, number];
    const [h, mi] = input.time.split(':').map(Number) as [number, number];
    const alarmAt = new Date(y, mo - 1, d, h, mi).getTime() - input.alarmMinutesBefore * 60_000;
    return alarmAt < now.getTime() ? 'past' : null;
  }
  if (input.until) {
    const [y, mo, d] = input.until.split('-').map(Number) as [number, number, number];
    return new Date(y, mo - 1, d + 1).getTime() <= now.getTime() ? 'ended' : null;
  }
  return null;
}
