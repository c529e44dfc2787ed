/**
 * Every domain's handler map, joined: the composition root's second half. A new domain adds its
 * `<domain>Handlers(services)` here and its `<domain>Api` in src/shared/contract/api.ts; the gate
 * refuses to start when the two do not match.
 */
import { backupHandlers } from '../backup/backup.handlers';
import { duplicatesHandlers } from '../duplicates/duplicates.handlers';
import { attendanceHandlers } from '../attendance/attendance.handlers';
import { auditHandlers } from '../audit/audit.handlers';
import { callsHandlers } from '../calls/calls.handlers';
import { callbacksHandlers } from '../calls/callbacks.handlers';
import { followupsHandlers } from '../followups/followups.handlers';
import { chequeTemplatesHandlers } from '../cheque-templates/cheque-templates.handlers';
import { chequesHandlers } from '../cheques/cheques.handlers';
import { contactsHandlers } from '../contacts/contacts.handlers';
import { ioHandlers } from '../contacts/io.handlers';
import { faxHandlers } from '../fax/fax.handlers';
import { faxPdfHandlers } from '../fax/fax-pdf.handlers';
import { faxOutboxHandlers } from '../fax/fax-outbox.handlers';
import { faxLogHandlers } from '../fax/fax-log.handlers';
import { faxRoutesHandlers } from '../fax/fax-routes.handlers';
import { ivrHandlers } from '../ivr/ivr.handlers';
import { voicemailHandlers } from '../ivr/voicemail.handlers';
import { joinHandlers, type Handlers } from '../kernel/handlers';
import { lineCallsHandlers, linesHandlers } from '../lines/lines.handlers';
import { onboardingHandlers } from '../onboarding/onboarding.handlers';
import { peopleHandlers } from '../people/people.handlers';
import { recordingsHandlers } from '../recordings/recordings.handlers';
import { remindersHandlers } from '../reminders/reminders.handlers';
import { settingsHandlers } from '../settings/settings.handlers';
import { accountsHandlers } from '../accounts/accounts.handlers';
import { appHandlers, type AppDeps } from './app.handlers';
import type { Services } from './services';

/** The maps one by one (a test checks that each request has exactly one handler). */
export function handlerMaps(s: Services, app: AppDeps) {
  return [
    appHandlers(app),
    settingsHandlers(s),
    onboardingHandlers(s),
    contactsHandlers(s),
    ioHandlers(s),
    linesHandlers(s),
    lineCallsHandlers(s),
    callsHandlers(s),
    callbacksHandlers(s),
    followupsHandlers(s),
    ivrHandlers(s),
    voicemailHandlers(s),
    recordingsHandlers(s),
    chequesHandlers(s),
    chequeTemplatesHandlers(s),
    remindersHandlers(s),
    peopleHandlers(s),
    attendanceHandlers(s),
    faxHandlers(s),
    faxPdfHandlers(s),
    faxOutboxHandlers(s),
    faxLogHandlers(s),
    faxRoutesHandlers(s),
    accountsHandlers(s),
    auditHandlers(s),
    backupHandlers(s),
    duplicatesHandlers(s),
  ];
}

/** The whole contract's handlers; the type says each request has one, joinHandlers that none has two. */
export function createHandlers(s: Services, app: AppDeps): Handlers {
  return joinHandlers(...handlerMaps(s, app));
}
