/**
 * The domain services of one engine, created in dependency order and wired to each other (the
 * composition root's first half; handlers.ts is the second). Services that follow another's events
 * register with `follow`.
 */
import { createContactsService } from '../contacts/contacts.service';
import { createGroupsService } from '../contacts/groups.service';
import { createIoService } from '../contacts/io.service';
import type { Db } from '../db/database';
import { createAuditService, type AuditService } from '../audit/audit.service';
import type { SettingsService } from '../settings/settings.service';
import { createSampleDataService } from '../onboarding/sample-data.service';
import { createCallsService } from '../calls/calls.service';
import { createCallbacksService } from '../calls/callbacks.service';
import { createChequeBooksService } from '../cheques/cheque-books.service';
import { createChequeReportsService } from '../cheques/cheque-reports';
import { createChequesService } from '../cheques/cheques.service';
import { createLinesService, type LineFactory } from '../lines/lines.service';
import { createIvrService } from '../ivr/ivr.service';
import { createVoicemailService } from '../ivr/voicemail.service';
import { createRecordingsService } from '../recordings/recordings.service';
import { createHolidaysRepo } from '../calendar/holidays.repo';
import { createAlarmsService } from '../reminders/alarms.service';
import { createRemindersService } from '../reminders/reminders.service';
import { createPeopleService } from '../people/people.service';
import { createAttendanceService } from '../attendance/attendance.service';
import { createChequeTemplatesService } from '../cheque-templates/cheque-templates.service';
import { createFaxDocumentsService } from '../fax/fax-documents.service';
import { createFaxLines } from '../fax/fax-lines';
import type { FaxLines } from '../fax/fax-calls';
import { createFaxOutboxService } from '../fax/fax-outbox.service';
import { createFaxLogService } from '../fax/fax-log.service';
import { createFaxLogReports } from '../fax/fax-log.reports';
import { createFaxAnswer } from '../fax/fax-answer';
import { createFaxOnDemand } from '../fax/fax-on-demand';
import { createFaxRoutesService } from '../fax/fax-routes.service';
import { faxRouteAlarmSource } from '../fax/fax-route-alarm.source';
import { createFollowupsService } from '../followups/followups.service';
import { followupAlarmSource } from '../followups/followup-alarm.source';
import { createBackupService } from '../backup/backup.service';
import { createDuplicatesService } from '../duplicates/duplicates.service';
import { APP_VERSION } from '../kernel/app-version';
import { message } from '../i18n/messages';
import { createAccountsService } from '../accounts/accounts.service';
import { api } from '../../shared/contract/api';
import { toPersianDigits } from '../../shared/text/digits';
import type { Timers } from '../../telephony/transport';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import type { SecretBox } from '../kernel/secret-box';
import type { EngineEvent } from './engine';

export type ServiceOptions = {
  dataDir: string;
  lineFactory?: LineFactory;
  diskFree?: (dir: string) => number | null;
  timers: Timers;
  /** Fax calls on lines; tests pass T.30 over an in-memory line. Default: the lines' (fax-lines.ts). */
  faxLines?: FaxLines;
  /** Seals and opens the secrets the office types (a SIP line's password); see kernel/secret-box.ts. */
  secrets?: SecretBox;
  /** The audit trail, made first by the engine (its gate uses it); a read-only one when absent (tests of the services). */
  audit?: AuditService;
  /** better-sqlite3's addon for Electron's ABI: a backup counts and a restore checks on connections of their own. */
  nativeBinding?: string;
};

export type Services = ReturnType<typeof createServices>;

export function createServices(
  db: Db,
  ctx: EngineContext,
  settings: SettingsService,
  opts: ServiceOptions,
  log: Logger,
  follow: (f: (e: EngineEvent) => void) => void,
) {
  const contacts = createContactsService(db, ctx);
  const groups = createGroupsService(db, ctx, contacts);
  const io = createIoService(db, ctx, contacts, groups);
  const calls = createCallsService(db, ctx, contacts);
  const callbacks = createCallbacksService(db, ctx, calls);
  const lines = createLinesService(db, ctx, calls, log, opts.lineFactory, opts.secrets);
  const voicemail = createVoicemailService(db, ctx, contacts, opts.dataDir);
  const ivr = createIvrService(db, ctx, {
    calls,
    voicemail,
    holidays: createHolidaysRepo(db),
    log,
    // The engine's timers, as the recordings' and the alarms': a test's manual clock reaches the menus' timeouts too.
    timers: opts.timers,
    simOf: (id) => lines.simOf(id),
    faxTone: (id) => faxAnswer.faxTone(id),
    faxOnDemand: (id, documentId) => faxOnDemand.send(id, documentId),
    faxDocumentIds: () => new Set(faxDocuments.list().map((d) => d.id)),
  });
  lines.setIvr((r) => ivr.ring(r));
  const recordings = createRecordingsService(db, ctx, {
    calls,
    lines,
    log,
    dataDir: opts.dataDir,
    timers: opts.timers,
    diskFree: opts.diskFree,
    faxTone: (id) => faxAnswer.faxTone(id),
    takesFaxOnTone: (id) => faxAnswer.takesFaxOnTone(id),
  });
  // Fax calls on the lines: what the outbox sends through and what received faxes arrive from; and
  // when a line takes a call as fax (its fax setting).
  // Our CSI is the office's fax number of the outbox's settings (the outbox stamps it as TSI per call too).
  const lineFax = createFaxLines({ lines: () => lines.runningLines(), now: () => ctx.clock().getTime(), localId: () => faxOutbox.settings().ourNumber, log });
  // Tests may put T.30 over an in-memory line in place of the lines' own (the outbox and the log then use it).
  const faxLines: FaxLines = opts.faxLines ?? lineFax;
  const faxAnswer = createFaxAnswer(lines, lineFax, log);
  lines.setFaxRing(faxAnswer.ring);
  follow((e) => {
    if (e.name === 'call/updated') recordings.callUpdated(e.payload.call);
    if (e.name === 'settings/changed') contacts.rekeyPhones(); // a new area code keys local numbers anew
  });
  const reminders = createRemindersService(db, ctx, {
    onChanged: (change) => alarms.reminderChanged(change),
    birthdayTime: () => alarms.settings().birthdayTime ?? '09:00',
  });
  // Cheque due dates join the same alarms with `alarms.addSource(…)` (source 'cheque'; see alarms.service.ts).
  const alarms = createAlarmsService(db, ctx, { reminders: reminders.repo, timers: opts.timers, log });
  const chequeTemplates = createChequeTemplatesService(db, ctx, { dataDir: opts.dataDir });
  const people = createPeopleService(db, ctx, contacts);
  calls.setFilesLookup((contactId) => people.ofContact(contactId).map(({ id, kind, fileNo }) => ({ id, kind, fileNo })));
  const attendance = createAttendanceService(db, ctx, people);
  follow((e) => {
    if (e.name !== 'contacts/changed') return;
    alarms.contactsChanged();
    ctx.emit('reminders/changed', {});
  });
  const cheques = createChequesService(db, ctx, {
    dataDir: opts.dataDir,
    alarmChanged: (id, text) => alarms.sourceItemChanged('cheque', id, text),
    pokeAlarms: () => alarms.poke(),
  });
  alarms.addSource(cheques.alarmSource());
  // Follow-ups ring through the same alarms (source 'followup'); a change retitles or removes a waiting one.
  const followups = createFollowupsService(db, ctx, {
    calls,
    alarmChanged: (id, text) => alarms.sourceItemChanged('followup', id, text),
    alarmTitle: (who) => message(ctx.settings.get().language, 'alarms.followup_title', { who }),
  });
  alarms.addSource(followupAlarmSource(followups));
  const chequeBooks = createChequeBooksService(db, ctx);
  const chequeReports = createChequeReportsService(db, ctx);
  const faxDocuments = createFaxDocumentsService(db, ctx, { dataDir: opts.dataDir });
  // The fax log keeps every received fax, and is the writer the outbox records sent faxes with.
  // A received fax is routed by the first rule it matches (fax-routes.service.ts) and rings an alarm for its person.
  const faxRoutes = createFaxRoutesService(db, ctx);
  const faxLog = createFaxLogService(db, ctx, { dataDir: opts.dataDir, contacts, route: (fax) => faxRoutes.route(fax) });
  const faxLogReports = createFaxLogReports(ctx, faxLog);
  const lang = () => ctx.settings.get().language;
  alarms.addSource(
    faxRouteAlarmSource(faxLog, {
      // A Persian alarm writes the sender's number in Persian digits, as every number in the Persian UI.
      title: (name, from) => message(lang(), 'alarms.fax_title', { name, from: lang() === 'fa' ? toPersianDigits(from) : from }),
      note: (pages) => message(lang(), 'alarms.fax_note', { pages }),
    }),
  );
  faxLines.onReceived((fax) => {
    try {
      if (faxLog.receive(fax).routed) alarms.poke();
    } catch (e) {
      // A full disk or a damaged database: the fax cannot be kept, and the log says so (the line goes on).
      log.error(`fax log: a fax received on line ${fax.lineId} could not be kept`, e);
    }
  });
  const faxOutbox = createFaxOutboxService(db, ctx, {
    dataDir: opts.dataDir,
    faxLines,
    faxLog: faxLog.writer,
    getContact: (id) => contacts.get(id),
    timers: opts.timers,
    log,
  });
  // An IVR fax-document node sends on the call it answered, on the lines' own fax (never a test's stand-in).
  const faxOnDemand = createFaxOnDemand(db, ctx, {
    dataDir: opts.dataDir,
    lines,
    fax: lineFax,
    log: faxLog.writer,
    ourNumber: () => faxOutbox.settings().ourNumber,
    logger: log,
  });
  const accounts = createAccountsService(db, ctx, api);
  const backup = createBackupService(db, ctx, {
    dataDir: opts.dataDir,
    appVersion: APP_VERSION,
    timers: opts.timers,
    log,
    nativeBinding: opts.nativeBinding,
    secrets: opts.secrets,
  });
  const sampleData = createSampleDataService({ ctx, contacts, groups, settings, isProtected: (id) => people.ofContact(id).length > 0 });

  return {
    ctx,
    audit: opts.audit ?? createAuditService(db, { now: Date.now, userName: () => settings.get().userName, log, writable: false }),
    settings,
    contacts,
    groups,
    io,
    calls,
    callbacks,
    followups,
    lines,
    voicemail,
    ivr,
    recordings,
    reminders,
    alarms,
    chequeTemplates,
    people,
    attendance,
    cheques,
    chequeBooks,
    chequeReports,
    sampleData,
    faxDocuments,
    faxLines,
    faxOutbox,
    faxLog,
    faxLogReports,
    faxRoutes,
    accounts,
    backup,
    duplicates: createDuplicatesService(db),
  };
}
