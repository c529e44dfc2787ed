/**
 * The one API between UI and engine, spread from the domains' request maps: each domain declares its
 * requests in `src/shared/contract/<domain>.api.ts` (schema, permission, writes, output type; see
 * request.ts) and its handlers in `src/main/<domain>/<domain>.handlers.ts`. A new domain adds its map
 * here and its handlers in src/main/engine/handlers.ts. The engine validates every input against the
 * schema before a handler runs, and every handler returns `Result<Output>` (see errors.ts). Pushed
 * events are in `EventMap`.
 */
import type { z } from 'zod';
import { appApi, type AppInfo } from './app.api';
import { settingsApi, type SettingsEvents } from './settings.api';
import { onboardingApi } from './onboarding.api';
import { contactsApi, type ContactsEvents } from './contacts.api';
import { ioApi } from './io.api';
import { linesApi, type LinesEvents } from './lines.api';
import { callsApi, type CallsEvents } from './calls.api';
import { callbacksApi, type CallbacksEvents } from './callbacks.api';
import { followupsApi, type FollowupsEvents } from './followups.api';
import { ivrApi, type IvrEvents } from './ivr.api';
import { voicemailApi, type VoicemailEvents } from './voicemail.api';
import { recordingsApi, type RecordingsEvents } from './recordings.api';
import { chequesApi, type ChequesEvents } from './cheques.api';
import { chequeTemplatesApi, type ChequeTemplatesEvents } from './cheque-templates.api';
import { remindersApi, type RemindersEvents } from './reminders.api';
import { peopleApi, type PeopleEvents } from './people.api';
import { attendanceApi, type AttendanceEvents } from './attendance.api';
import { faxApi, type FaxEvents } from './fax.api';
import { faxPdfApi } from './fax-pdf.api';
import { faxOutboxApi, type FaxOutboxEvents } from './fax-outbox.api';
import { faxLogApi, type FaxLogEvents } from './fax-log.api';
import { faxRoutesApi, type FaxRoutesEvents } from './fax-routes.api';
import { accountsApi } from './accounts.api';
import { duplicatesApi } from './duplicates.api';
import { lineCallsApi } from './line-calls.api';
import { auditApi } from './audit.api';
import { backupApi, type BackupEvents } from './backup.api';

export type { AppInfo };

export const api = {
  ...appApi,
  ...settingsApi,
  ...onboardingApi,
  ...contactsApi,
  ...ioApi,
  ...linesApi,
  ...callsApi,
  ...callbacksApi,
  ...followupsApi,
  ...ivrApi,
  ...voicemailApi,
  ...recordingsApi,
  ...chequesApi,
  ...chequeTemplatesApi,
  ...remindersApi,
  ...peopleApi,
  ...attendanceApi,
  ...faxApi,
  ...faxPdfApi,
  ...faxOutboxApi,
  ...faxLogApi,
  ...faxRoutesApi,
  ...accountsApi,
  ...lineCallsApi,
  ...auditApi,
  ...backupApi,
  ...duplicatesApi,
};

export type Api = typeof api;
export type Method = keyof Api;
export type InputOf<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Api[M]['input']>;
export type OutputOf<M extends Method> = Api[M]['output'];
/** Every permission some request requires (the accounts issue grants these). */
export type Permission = Api[Method]['permission'];

type Flat<T> = { [K in keyof T]: T[K] };
/** Events pushed from the engine to every connected UI. */
export type EventMap = Flat<
  SettingsEvents &
    ContactsEvents &
    LinesEvents &
    CallsEvents &
    CallbacksEvents &
    FollowupsEvents &
    IvrEvents &
    VoicemailEvents &
    RecordingsEvents &
    ChequesEvents &
    ChequeTemplatesEvents &
    RemindersEvents &
    PeopleEvents &
    AttendanceEvents &
    FaxEvents &
    FaxOutboxEvents &
    FaxLogEvents &
    FaxRoutesEvents &
    BackupEvents
>;
export type EventName = keyof EventMap;
