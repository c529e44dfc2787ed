/**
 * Who may hear each pushed event (issue 18): the permission a session needs to read what the event
 * says, the same one the requests that read that data declare. Keyed by every event of the contract
 * (`satisfies Record<EventName, Permission>`), so a new event does not compile until it says who may
 * receive it. The shells ask `mayReceive` (accounts.service.ts) before sending an event to a session.
 */
import type { EventMap, EventName, Permission } from '../../shared/contract/api';
import type { Alarm, AlarmSource } from '../../shared/contract/reminders';

export const EVENT_PERMISSION = {
  'settings/changed': 'settings.read',
  'contacts/changed': 'contacts.read',
  'groups/changed': 'contacts.read',
  'fields/changed': 'contacts.read',
  'lines/changed': 'lines.read',
  'lines/status': 'lines.read',
  'call/incoming': 'calls.read',
  'call/updated': 'calls.read',
  'calls/callbacks-changed': 'calls.read',
  'followups/changed': 'followups.read',
  'ivr/changed': 'ivr.read',
  'ivr/operator': 'ivr.read',
  'ivr/soundcard': 'ivr.read',
  'voicemail/changed': 'voicemail.read',
  'recordings/changed': 'recordings.read',
  'recordings/stopped': 'recordings.read',
  'cheques/changed': 'cheques.read',
  'cheque-books/changed': 'cheques.read',
  'cheque-templates/changed': 'cheques.read',
  'reminders/changed': 'reminders.read',
  // The alarms themselves are narrowed per source below: a cheque's due-date alarm names the cheque.
  'alarms/fired': 'reminders.read',
  'alarms/changed': 'reminders.read',
  'people/changed': 'people.read',
  'attendance/changed': 'attendance.read',
  'holidays/changed': 'attendance.read',
  'fax/documents-changed': 'fax.read',
  'fax/received': 'fax.read',
  'fax/log-changed': 'fax.read',
  'fax/outbox-changed': 'fax.read',
  'fax/routes-changed': 'fax.read',
  'backup/changed': 'backup.admin',
} as const satisfies Record<EventName, Permission>;

/** What an alarm of each source tells, so who may see it: the reminders' own, a contact's birthday, a cheque, a fax. */
const ALARM_PERMISSION = {
  reminder: 'reminders.read',
  birthday: 'contacts.read',
  cheque: 'cheques.read',
  fax: 'fax.read',
  followup: 'followups.read',
} as const satisfies Record<AlarmSource, Permission>;

export type Event = { [E in EventName]: { name: E; payload: EventMap[E] } }[EventName];

/**
 * The event as this session may receive it, or null when it may not at all. `may` answers for one
 * permission. An alarm event keeps only the alarms the session may see ('alarms/changed' is the whole
 * current set, so the narrowed list is that session's whole set; 'alarms/fired' with none left is not sent).
 */
export function eventFor(e: Event, may: (permission: Permission) => boolean): Event | null {
  if (!may(EVENT_PERMISSION[e.name])) return null;
  const seen = (alarms: Alarm[]) => alarms.filter((a) => may(ALARM_PERMISSION[a.source]));
  if (e.name === 'alarms/fired') {
    const alarms = seen(e.payload.alarms);
    return alarms.length ? { name: e.name, payload: { alarms } } : null;
  }
  if (e.name === 'alarms/changed') return { name: e.name, payload: { alarms: seen(e.payload.alarms) } };
  return e;
}
