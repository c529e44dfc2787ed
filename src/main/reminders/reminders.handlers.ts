import type { remindersApi } from '../../shared/contract/reminders.api';
import type { Handlers } from '../kernel/handlers';
import type { EngineContext } from '../kernel/context';
import type { RemindersService } from './reminders.service';
import type { AlarmsService } from './alarms.service';
import { patched, storedOr } from '../kernel/patch-update';
import { alarmSettingsInput, reminderGroupInput, reminderInput } from '../../shared/contract/reminders';

export type RemindersDeps = { ctx: EngineContext; reminders: RemindersService; alarms: AlarmsService };

/** The handlers of `remindersApi` (src/shared/contract/reminders.api.ts). */
export function remindersHandlers({ ctx, reminders, alarms }: RemindersDeps): Handlers<typeof remindersApi> {
  return {
    'reminders/get': ({ id }) => reminders.get(id),
    'reminders/create': (data) => reminders.create(data),
    'reminders/update': ({ id, data }) => {
      const r = storedOr(() => reminders.get(id));
      return reminders.update(id, patched(reminderInput, r && { ...r, participantIds: r.participants.map((p) => p.id) }, data));
    },
    'reminders/delete': ({ id }) => reminders.delete(id),
    'reminders/occurrences': (q, hc) => reminders.occurrences(q, hc.lang),
    'reminders/print': (q, hc) => reminders.print(q, hc.lang),
    'reminder-groups/list': () => reminders.listGroups(),
    'reminder-groups/create': (data) => reminders.createGroup(data),
    'reminder-groups/update': ({ id, data }) =>
      reminders.updateGroup(
        id,
        patched(
          reminderGroupInput,
          reminders.listGroups().find((g) => g.id === id),
          data,
        ),
      ),
    'reminder-groups/delete': ({ id }) => reminders.deleteGroup(id),
    'alarms/pending': () => alarms.pending(),
    'alarms/snooze': ({ id, minutes }) => alarms.snooze(id, minutes),
    'alarms/dismiss': ({ id }) => alarms.dismiss(id),
    'alarms/settings': () => alarms.settings(),
    'alarms/settings-update': (v) => {
      const next = alarms.updateSettings(patched(alarmSettingsInput, alarms.settings(), v));
      ctx.emit('reminders/changed', {}); // birthdays move to the new time on the calendar
      return next;
    },
  };
}
