/**
 * The reminder book (appointments, meetings, tasks with Jalali repeats) and the alarms: the part of the
 * API for PRODUCT.md §5. Dates are ISO calendar dates and times 'HH:MM' in the office's local time
 * (Iran has no daylight saving since 2022, so a local date and time is one instant); instants are
 * ISO-8601 UTC with 'Z'. Monthly and yearly repeats count Jalali months: "monthly on the 25th" is the
 * 25th of every Jalali month; a day the month lacks falls on its last day.
 */
import { z } from 'zod';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const REMINDER_KINDS = ['appointment', 'meeting', 'task'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Iranian week: 0 = Saturday … 6 = Friday. */
export const weekDay = z.number().int().min(0).max(6);

export const repeatInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('daily'), every: z.number().int().min(1).max(365).default(1) }),
  z.object({ kind: z.literal('weekly'), days: z.array(weekDay).min(1).max(7), every: z.number().int().min(1).max(52).default(1) }),
  /** Jalali day of the month. */
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31) }),
  /** Jalali month and day. */
  z.object({ kind: z.literal('yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
]);
export type RepeatInput = z.input<typeof repeatInput>;
export type Repeat = z.output<typeof repeatInput>;

export const reminderInput = z.object({
  kind: z.enum(REMINDER_KINDS).default('appointment'),
  subject: z.string().trim().min(1).max(200),
  note: z.string().max(5000).default(''),
  place: z.string().trim().max(200).default(''),
  groupId: id.nullable().default(null),
  /** First (or only) occurrence. */
  date: isoDate,
  time: hhmm,
  repeat: repeatInput.default({ kind: 'none' }),
  /** Last date (inclusive) a repeat may occur; null = forever. Must not be before `date` ('validation', field 'until'). */
  until: isoDate.nullable().default(null),
  /** Alarm this many minutes before each occurrence; null = no alarm. */
  alarmMinutesBefore: z.number().int().min(0).max(10080).nullable().default(0),
  /** Contacts from the phonebook taking part. */
  participantIds: z.array(id).max(50).default([]),
});
export type ReminderInput = z.input<typeof reminderInput>;
export type ReminderData = z.output<typeof reminderInput>;

export type Reminder = Omit<ReminderData, 'participantIds'> & {
  id: number;
  group: { id: number; name: string; color: string } | null;
  participants: { id: number; displayName: string }[];
  createdAt: string;
  /** The next occurrence from now (instant), or null when it has none left. */
  next: string | null;
};

export const reminderGroupInput = z.object({
  name: z.string().trim().min(1).max(60),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#1f5fa8'),
});
export type ReminderGroup = { id: number; name: string; color: string; count: number };

/** One occurrence on the calendar: of a reminder, or a contact's birthday (which needs no reminder). */
export type Occurrence = {
  source: 'reminder' | 'birthday';
  /** The reminder's id, or the contact's id for a birthday. */
  refId: number;
  /** Local date and time of this occurrence, and its instant. */
  date: string;
  time: string;
  at: string;
  kind: ReminderKind | 'birthday';
  subject: string;
  note: string;
  place: string;
  group: { id: number; name: string; color: string } | null;
  participants: { id: number; displayName: string }[];
  repeats: boolean;
  /** For birthdays: the age reached that day, when the birth year is known. */
  age: number | null;
};

export const occurrenceQuery = z.object({
  /** Inclusive local dates; at most 400 days apart ('validation', field 'to'). */
  from: isoDate,
  to: isoDate,
  /** Words of the subject, note, place or a participant's name (Persian/Arabic letters folded as in the phonebook). */
  text: z.string().max(200).default(''),
  groupId: id.nullable().default(null),
  kind: z.enum(REMINDER_KINDS).nullable().default(null),
  includeBirthdays: z.boolean().default(true),
});
export type OccurrenceQuery = z.input<typeof occurrenceQuery>;
/** In time order; `truncated` when more than 2000 matched (only the first 2000 are returned). */
export type OccurrenceList = { items: Occurrence[]; truncated: boolean };

export const remindersPrintInput = occurrenceQuery.extend({
  /** 'list': one line per occurrence; 'full': with the note, place and participants. */
  detail: z.enum(['list', 'full']).default('list'),
});

// ---------------------------------------------------------------- alarms

export const ALARM_SOURCES = ['reminder', 'birthday', 'cheque', 'fax', 'followup'] as const;
export type AlarmSource = (typeof ALARM_SOURCES)[number];

/** An alarm that has fired and waits for the user (or is snoozed). */
export type Alarm = {
  id: number;
  source: AlarmSource;
  /** The reminder, contact (birthday) or cheque it is about. */
  refId: number;
  title: string;
  /**
   * When the occurrence is (not when the alarm rang: that can be minutes before). For missed
   * occurrences merged into this alarm, the last of them.
   */
  occursAt: string;
  /**
   * How many occurrences this alarm stands for: 1, or — for late alarms — every missed repeat of the
   * same reminder (birthday, cheque warning) found at one start, merged into this one alarm, plus
   * those of a later start while it still waits. Dismiss and snooze act on all of them; a snooze makes
   * this one alarm ring again, once. Occurrences that ring on time are never merged.
   */
  missedCount: number;
  /** The first merged occurrence; equals `occursAt` when `missedCount` is 1. */
  firstOccursAt: string;
  /** When it rang. */
  firedAt: string;
  /** It fell due while the app was closed or the computer asleep ("while you were away"). */
  late: boolean;
  /** Snoozed until this instant; null when it is showing. */
  snoozedUntil: string | null;
  /** What the alarm window shows under the title. */
  place: string;
  note: string;
  contactId: number | null;
};

export const snoozeInput = z.object({ id, minutes: z.number().int().min(1).max(1440) });

export const alarmSettingsInput = z.object({
  /** Time of day birthday alarms ring; null = no birthday alarms. */
  birthdayTime: hhmm.nullable(),
  /** Play a sound when an alarm rings. */
  sound: z.boolean(),
});
export type AlarmSettings = z.output<typeof alarmSettingsInput>;
