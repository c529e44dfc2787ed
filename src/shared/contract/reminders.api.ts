/**
 * Reminders, their groups and the alarms they ring.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import type { FileOut } from './io';
import {
  alarmSettingsInput,
  occurrenceQuery,
  reminderGroupInput,
  reminderInput,
  remindersPrintInput,
  snoozeInput,
  type Alarm,
  type AlarmSettings,
  type OccurrenceList,
  type Reminder,
  type ReminderGroup,
} from './reminders';
import { patchOf } from './patch';
import { request, id, none, type RequestMap } from './request';

/** Update requests take a patch: the keys it carries change, the others keep their stored value (patch.ts). */
const reminderGroupPatch = patchOf(reminderGroupInput);
const alarmSettingsPatch = patchOf(alarmSettingsInput);
const reminderPatch = patchOf(reminderInput);

export const remindersApi = {
  /** A reminder with its group, participants and next occurrence. 'not_found' when deleted. */
  'reminders/get': request(z.object({ id })).reads('reminders.read').returns<Reminder>(),
  /** 'validation' names the field ('subject', 'date', 'time', 'until', 'repeat.days', 'participantIds.0'…). */
  'reminders/create': request(reminderInput).writes('reminders.write').returns<Reminder>(),
  'reminders/update': request(z.object({ id, data: reminderPatch }))
    .writes('reminders.write')
    .returns<Reminder>(),
  /** Deletes the reminder and its pending alarms. */
  'reminders/delete': request(z.object({ id })).writes('reminders.write').returns<{ id: number }>(),
  /** Occurrences (repeats expanded, birthdays included) in a date range, filtered; the agenda and the search. */
  'reminders/occurrences': request(occurrenceQuery).reads('reminders.read').returns<OccurrenceList>(),
  /** The occurrences of a query as a PDF list, or with full descriptions. */
  'reminders/print': request(remindersPrintInput).reads('reminders.read').returns<FileOut>(),
  'reminder-groups/list': request(none).reads('reminders.read').returns<ReminderGroup[]>(),
  'reminder-groups/create': request(reminderGroupInput).writes('reminders.write').returns<ReminderGroup>(),
  'reminder-groups/update': request(z.object({ id, data: reminderGroupPatch }))
    .writes('reminders.write')
    .returns<ReminderGroup>(),
  /** Deletes the group; its reminders stay, without a group. */
  'reminder-groups/delete': request(z.object({ id })).writes('reminders.write').returns<{ id: number }>(),
  /** Alarms that rang and wait for the user, and snoozed ones; oldest first. Survives restarts. */
  'alarms/pending': request(none).reads('reminders.read').returns<Alarm[]>(),
  'alarms/snooze': request(snoozeInput).writes('reminders.write').returns<Alarm>(),
  'alarms/dismiss': request(z.object({ id })).writes('reminders.write').returns<{ id: number }>(),
  'alarms/settings': request(none).reads('reminders.read').returns<AlarmSettings>(),
  'alarms/settings-update': request(alarmSettingsPatch).writes('reminders.admin').returns<AlarmSettings>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type RemindersEvents = {
  /** Reminders or reminder groups were created, changed or deleted (or birthdays changed with contacts). */
  'reminders/changed': Record<string, never>;
  /** Alarms rang now: show the alarm window (with a sound). Several at once are in time order. */
  'alarms/fired': { alarms: Alarm[] };
  /** The pending alarms after a snooze or dismiss (in any window). */
  'alarms/changed': { alarms: Alarm[] };
};
