/**
 * The engine: database, domain services and (later) telephony, printing and the scheduler, as plain
 * Node with no Electron import. Shells (Electron, the browser-mode server, the CLI, tests) talk to it
 * only through `invoke` and `subscribe`.
 */
import path from 'node:path';
import { api, type EventMap, type EventName, type Method, type OutputOf } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';
import { contactInput, fieldInput, groupInput } from '../../shared/contract/contacts';
import { ivrSettingsInput, mailboxInput, treeInput } from '../../shared/contract/ivr';
import { recordingSettingsInput } from '../../shared/contract/recordings';
import { chequeInput, chequeSettingsInput } from '../../shared/contract/cheques';
import { alarmSettingsInput, reminderGroupInput, reminderInput } from '../../shared/contract/reminders';
import { fileInput } from '../../shared/contract/people';
import { chequeTemplateInput } from '../../shared/contract/cheque-print';
import { scheduleInput } from '../../shared/contract/attendance';
import { patched, storedOr } from '../kernel/patch-update';
import { createContactsService } from '../contacts/contacts.service';
import { createGroupsService } from '../contacts/groups.service';
import { createIoService } from '../contacts/io.service';
import type { Db } from '../db/database';
import { dbFault } from '../db/db-faults';
import { message, type Lang } from '../i18n/messages';
import { createSettingsService } from '../settings/settings.service';
import { createSampleDataService } from '../onboarding/sample-data.service';
import { createCallsService } from '../calls/calls.service';
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
import { exportAttendance } from '../attendance/attendance.export';
import { printApplication } from '../people/application.report';
import { createChequeTemplatesService } from '../cheque-templates/cheque-templates.service';
import type { Timers } from '../../telephony/transport';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Handlers } from '../kernel/handlers';
import { openDataFolder, type OpenDataFolder } from './engine-start';
import { createLogger } from '../kernel/logger';
import { createTestClock } from '../kernel/test-clock';

export type EngineOptions = {
  dataDir: string;
  /** Injected clock: tests and benchmarks move time themselves. */
  clock?: () => Date;
  nativeBinding?: string;
  shell?: 'electron' | 'browser' | 'headless';
  /** How configured lines become running `Line`s; tests may pass their own. */
  lineFactory?: LineFactory;
  /** Do not start the configured lines (CLI import/export). */
  noLines?: boolean;
  /** Free bytes on the data folder's disk (tests of the recordings' disk warning); default: statfs. */
  diskFree?: (dir: string) => number | null;
  /** Do not ring alarms (CLI import/export: nobody would see them, yet they would count as rung). */
  noAlarms?: boolean;
  /** Timers of the alarm scheduler; tests pass manual ones with `clock`. Default: Node's, unref'd. */
  timers?: Timers;
  /**
   * Tests and demos: the clock is `clock` (or real time) plus an offset that 'clock/advance' moves
   * forward. Off unless asked for (`MONSHI_TEST_CLOCK=1 monshi serve`).
   */
  testClock?: boolean;
  /** Run beside another Monshi on the same folder: only for a shell that never writes (CLI export). */
  noLock?: boolean;
  /** SQLite's `synchronous` (default FULL); NORMAL only for the benchmark that compares the two. */
  synchronous?: 'NORMAL' | 'FULL';
};

export type EngineEvent = { [E in EventName]: { name: E; payload: EventMap[E] } }[EventName];

export type Engine = {
  invoke<M extends Method>(method: M, input: unknown, lang: Lang): Promise<Result<OutputOf<M>>>;
  subscribe(listener: (e: EngineEvent) => void): () => void;
  close(): Promise<void>;
  readonly db: Db;
  readonly dataDir: string;
};

const VERSION = '0.1.0';

/** Node's timers, unref'd: the alarm scheduler alone never keeps a process (the CLI, a test) alive. */
const backgroundTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createEngine(opts: EngineOptions): Engine {
  const folder = openDataFolder({ dataDir: opts.dataDir, nativeBinding: opts.nativeBinding, lock: !opts.noLock, synchronous: opts.synchronous });
  try {
    return buildEngine(opts, folder);
  } catch (e) {
    // Services read their tables as they start: damage there is the file's fault, said as such, and
    // the folder is let go so the user can retry once it is fixed.
    if (folder.db.open) folder.db.close();
    folder.lock?.release();
    throw dbFault(e, folder.dbFile) ?? e;
  }
}

function buildEngine(opts: EngineOptions, { db, dbFile, lock }: OpenDataFolder): Engine {
  const log = createLogger(path.join(opts.dataDir, 'monshi.log'));
  const listeners = new Set<(e: EngineEvent) => void>();
  /** Services that follow other services' events (reminders follow contacts' birthdays). */
  const followers: ((e: EngineEvent) => void)[] = [];
  const settings = createSettingsService(db);
  const baseClock = opts.clock ?? (() => new Date());
  const testClock = opts.testClock ? createTestClock(baseClock) : null;
  const ctx: EngineContext = {
    clock: testClock ? testClock.now : baseClock,
    settings,
    emit: (name, payload) => {
      const event = { name, payload } as EngineEvent;
      for (const l of listeners) l(event);
      for (const f of followers) f(event);
    },
  };
  const contacts = createContactsService(db, ctx);
  const groups = createGroupsService(db, ctx, contacts);
  const io = createIoService(db, ctx, contacts, groups);
  const calls = createCallsService(db, ctx, contacts);
  const lines = createLinesService(db, ctx, calls, log, opts.lineFactory);
  const voicemail = createVoicemailService(db, ctx, contacts, opts.dataDir);
  const ivr = createIvrService(db, ctx, { calls, voicemail, holidays: createHolidaysRepo(db), log, simOf: (id) => lines.simOf(id) });
  lines.setIvr((r) => ivr.ring(r));
  const recordings = createRecordingsService(db, ctx, { calls, lines, log, dataDir: opts.dataDir, timers: opts.timers ?? backgroundTimers, diskFree: opts.diskFree });
  followers.push((e) => {
    if (e.name === 'call/updated') recordings.callUpdated(e.payload.call);
  });
  const reminders = createRemindersService(db, ctx, {
    onChanged: (change) => alarms.reminderChanged(change),
    birthdayTime: () => alarms.settings().birthdayTime ?? '09:00',
  });
  // Cheque due dates join the same alarms with `alarms.addSource(…)` (source 'cheque'; see alarms.service.ts).
  const alarms = createAlarmsService(db, ctx, { reminders: reminders.repo, timers: opts.timers ?? backgroundTimers, log });
  const chequeTemplates = createChequeTemplatesService(db, ctx, { dataDir: opts.dataDir });
  const people = createPeopleService(db, ctx, contacts);
  calls.setFilesLookup((contactId) => people.ofContact(contactId).map(({ id, kind, fileNo }) => ({ id, kind, fileNo })));
  const attendance = createAttendanceService(db, ctx, people);
  followers.push((e) => {
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
  const chequeBooks = createChequeBooksService(db, ctx);
  const chequeReports = createChequeReportsService(db, ctx);

  const sampleData = createSampleDataService({ ctx, contacts, groups, settings, isProtected: (id) => people.ofContact(id).length > 0 });

  const handlers: Handlers = {
    'app/info': () => ({ version: VERSION, dataDir: opts.dataDir, shell: opts.shell ?? 'headless', demo: false }),
    'settings/get': () => settings.get(),
    'settings/update': (patch) => {
      const next = settings.update(patch);
      ctx.emit('settings/changed', next);
      return next;
    },
    'onboarding/add-sample': (_, { lang }) => sampleData.add(lang),
    'onboarding/remove-sample': () => sampleData.remove(),
    'contacts/search': (q) => contacts.search(q),
    'contacts/get': ({ id }) => contacts.get(id),
    'contacts/create': (data) => contacts.create(data),
    'contacts/update': ({ id, data }) => contacts.update(id, patched(contactInput, storedOr(() => contacts.get(id)), data)),
    'contacts/delete': ({ id }) => {
      people.assertContactDeletable(id);
      return contacts.delete(id);
    },
    'contacts/find-by-phone': ({ number, excludeId }) => contacts.findByPhone(number, excludeId),
    'contacts/add-note': ({ contactId, body, author }) => contacts.addNote(contactId, body, author),
    'contacts/delete-note': ({ id }) => contacts.deleteNote(id),
    'groups/list': () => groups.listGroups(),
    'groups/create': (data) => groups.createGroup(data),
    'groups/update': ({ id, data }) => groups.updateGroup(id, patched(groupInput, groups.listGroups().find((g) => g.id === id), data)),
    'groups/delete': ({ id }) => groups.deleteGroup(id),
    'fields/list': () => groups.listFields(),
    'fields/create': (data) => groups.createField(data),
    'fields/update': ({ id, data }) => groups.updateField(id, patched(fieldInput, groups.listFields().find((f) => f.id === id), data)),
    'fields/delete': ({ id }) => groups.deleteField(id),
    'io/import-preview': (input, hc) => io.preview(input, hc.lang),
    'io/import-commit': (input) => io.commit(input),
    'io/export': (input) => io.exportFile(input),
    'print/contacts': (input, hc) => io.print(input, hc.lang),
    'lines/list': () => lines.list(),
    'lines/ports': () => lines.ports(),
    'lines/probe': ({ path: portPath }) => lines.probe(portPath),
    'lines/create': (data) => lines.create(data),
    'lines/update': ({ id, data }) => lines.update(id, data),
    'lines/delete': ({ id }) => lines.remove(id),
    'lines/test': ({ id }) => lines.test(id),
    'lines/demo-call': (input) => lines.demoCall(input),
    'calls/list': (input) => calls.list(input),
    'calls/report': (input) => calls.report(input),
    'calls/report-export': (input, hc) => calls.exportReport(input, hc.lang),
    'calls/get': ({ id }) => calls.get(id),
    'calls/caller-card': ({ number }) => calls.card(number, '', null),
    'calls/dial': ({ lineId, number }) => lines.dial(lineId, number),
    'calls/hang-up': ({ lineId }) => lines.hangUp(lineId),
    'calls/answer': ({ lineId }) => lines.answer(lineId),
    'prompts/list': () => ivr.prompts(),
    'prompts/import': (i) => ivr.importPrompt(i),
    'prompts/tts': (i) => ivr.ttsPrompt(i),
    'prompts/tts-available': () => ivr.ttsAvailable(),
    'prompts/rename': ({ id, name }) => ivr.renamePrompt(id, name),
    'prompts/delete': ({ id }) => ivr.deletePrompt(id),
    'prompts/audio': ({ id }) => ivr.promptAudio(id),
    'ivr/trees': () => ivr.trees(),
    'ivr/tree-create': (i, hc) => ivr.createTree(i, hc.lang),
    'ivr/tree-update': ({ id, data }, hc) => ivr.updateTree(id, patched(treeInput, ivr.trees().find((x) => x.id === id), data), hc.lang),
    'ivr/tree-delete': ({ id }) => ivr.deleteTree(id),
    'ivr/settings': () => ivr.settings(),
    'ivr/settings-update': (s) => ivr.updateSettings(patched(ivrSettingsInput, ivr.settings(), s)),
    'ivr/office': () => ivr.office(),
    'ivr/run': ({ callId }) => ivr.runOf(callId),
    'ivr/waiting': () => ivr.waiting(),
    'ivr/take': ({ lineId }) => ivr.take(lineId),
    'ivr/demo-keys': ({ lineId, keys }) => ivr.demoKeys(lineId, keys),
    'ivr/demo-hang-up': ({ lineId }) => ivr.demoHangUp(lineId),
    'ivr/demo-speak': ({ lineId, seconds }) => ivr.demoSpeak(lineId, seconds),
    'ivr/soundcard-start': ({ treeId }) => ivr.soundcardStart(treeId),
    'ivr/soundcard-key': ({ session, key }) => ivr.soundcardKey(session, key),
    'ivr/soundcard-audio': ({ session, base64 }) => ivr.soundcardAudio(session, base64),
    'ivr/soundcard-hang-up': ({ session }) => ivr.soundcardHangUp(session),
    'ivr/soundcard-take': ({ session }) => ivr.soundcardTake(session),
    'mailboxes/list': () => voicemail.mailboxes(),
    'mailboxes/create': (d) => voicemail.createMailbox(d),
    'mailboxes/update': ({ id, data }) => voicemail.updateMailbox(id, patched(mailboxInput, voicemail.mailboxes().find((m) => m.id === id), data)),
    'mailboxes/delete': ({ id }) => voicemail.deleteMailbox(id),
    'voicemail/list': (q) => voicemail.list(q),
    'voicemail/unheard': () => voicemail.unheard(),
    'voicemail/audio': ({ id }) => voicemail.audio(id),
    'voicemail/mark': ({ id, heard }) => voicemail.setHeard(id, heard),
    'voicemail/note': ({ id, note }) => voicemail.setNote(id, note),
    'voicemail/attach': ({ id }, hc) => voicemail.attach(id, hc.lang),
    'voicemail/forward': ({ id, mailboxId }) => voicemail.forward(id, mailboxId),
    'voicemail/delete': ({ id }) => voicemail.delete(id),
    'recordings/list': (q) => recordings.list(q),
    'recordings/active': () => recordings.active(),
    'recordings/start': ({ lineId }) => recordings.start(lineId),
    'recordings/stop': ({ lineId }) => recordings.stop(lineId),
    'recordings/get': ({ id }) => recordings.get(id),
    'recordings/audio': ({ id }) => recordings.audio(id),
    'recordings/file': ({ id }) => recordings.file(id),
    'recordings/keep': ({ id, keep }) => recordings.keep(id, keep),
    'recordings/note': ({ id, note }) => recordings.note(id, note),
    'recordings/delete': ({ id }) => recordings.delete(id),
    'recordings/settings': () => recordings.settings(),
    'recordings/settings-update': (s) => recordings.updateSettings(patched(recordingSettingsInput, recordings.settings(), s)),
    'cheques/get': ({ id }) => cheques.get(id),
    'cheques/create': (data) => cheques.create(data),
    'cheques/update': ({ id, data }) => cheques.update(id, patched(chequeInput, storedOr(() => cheques.get(id)), data)),
    'cheques/delete': ({ id }) => cheques.delete(id),
    'cheques/correct': (input) => cheques.correct(input),
    'cheques/void': (input) => cheques.void(input),
    'cheques/set-status': (input) => cheques.setStatus(input),
    'cheques/set-status-batch': (input) => cheques.setStatusBatch(input),
    'cheques/add-image': (input) => cheques.addImage(input),
    'cheques/image': ({ id }) => cheques.image(id),
    'cheques/delete-image': ({ id }) => cheques.deleteImage(id),
    'cheques/search': (q) => chequeReports.search(q),
    'cheques/report': (q) => chequeReports.report(q),
    'cheques/export': (q, hc) => chequeReports.export(q, hc.lang),
    'cheques/settings': () => cheques.settings(),
    'cheques/settings-update': (v) => cheques.updateSettings(patched(chequeSettingsInput, cheques.settings(), v)),
    'cheque-books/list': () => chequeBooks.list(),
    'cheque-books/create': (data) => chequeBooks.create(data),
    'cheque-books/delete': ({ id }) => chequeBooks.delete(id),
    'cheque-books/leaves': ({ bookId }) => chequeBooks.leaves(bookId),
    'cheque-books/mark-leaf': (input) => chequeBooks.markLeaf(input),
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
    'reminder-groups/update': ({ id, data }) => reminders.updateGroup(id, patched(reminderGroupInput, reminders.listGroups().find((g) => g.id === id), data)),
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
    'cheque-templates/list': () => chequeTemplates.list(),
    'cheque-templates/get': ({ id }) => chequeTemplates.get(id),
    'cheque-templates/create': (data) => chequeTemplates.create(data),
    'cheque-templates/update': ({ id, data }) => chequeTemplates.update(id, patched(chequeTemplateInput, storedOr(() => ({ ...chequeTemplates.get(id), background: undefined })), data)),
    'cheque-templates/delete': ({ id }) => chequeTemplates.delete(id),
    'cheque-templates/copy': (input, hc) => chequeTemplates.copy(input, hc.lang),
    'cheque-templates/fonts': () => chequeTemplates.fonts(),
    'cheque-templates/add-font': (input) => chequeTemplates.addFont(input),
    'cheque-templates/delete-font': ({ key }) => chequeTemplates.deleteFont(key),
    'cheque-templates/font-file': ({ key }) => chequeTemplates.fontFile(key),
    'cheque-templates/print': (input) => chequeTemplates.print(input),
    'cheque-templates/preview': (input) => chequeTemplates.preview(input),
    'cheque-templates/test-print': (input, hc) => chequeTemplates.testPrint(input, hc.lang),
    'people/search': (q) => people.search(q),
    'people/get': ({ id }) => people.get(id),
    'people/of-contact': ({ contactId }) => people.ofContact(contactId),
    'people/next-number': ({ kind }) => ({ fileNo: people.nextNumber(kind) }),
    'people/create': (data) => people.create(data),
    'people/update': ({ id, data }) => {
      // The contact is changed only when the patch carries it (the phonebook owns it otherwise).
      const f = storedOr(() => people.get(id));
      return people.update(id, patched(fileInput, f && { ...f, referrerFileId: f.referrer?.id ?? null, contact: null, contactId: null }, data));
    },
    'people/delete': ({ id }) => people.delete(id),
    'people/set-status': ({ id, status }) => people.setStatus(id, status),
    'people/hire': (input) => people.hire(input),
    'people/photo': ({ id }) => people.photo(id),
    'people/set-photo': ({ id, base64, mime }) => people.setPhoto(id, base64, mime),
    'people/add-document': ({ fileId, name, mime, base64 }) => people.addDocument(fileId, name, mime, base64),
    'people/document': ({ id }) => people.document(id),
    'people/delete-document': ({ id }) => people.deleteDocument(id),
    'people/add-interview': ({ fileId, body, author }) => people.addInterview(fileId, body, author),
    'people/delete-interview': ({ id }) => people.deleteInterview(id),
    'people/set-pin': ({ id, pin }) => people.setPin(id, pin),
    'people/print-application': ({ id }, hc) => printApplication(id === null ? null : people.get(id), { lang: hc.lang, calendar: settings.get().calendar, printedAt: ctx.clock() }),
    'attendance/roster': () => attendance.roster(),
    'attendance/clock': ({ fileId, pin }) => attendance.clock(fileId, pin),
    'attendance/records': (q) => attendance.records(q),
    'attendance/record-add': (q) => attendance.addRecord(q),
    'attendance/record-correct': (q) => attendance.correctRecord(q),
    'attendance/record-delete': ({ id, reason }) => attendance.deleteRecord(id, reason),
    'attendance/absences': (q) => attendance.absences(q),
    'attendance/absence-add': (q) => attendance.addAbsence(q),
    'attendance/absence-delete': ({ id }) => attendance.deleteAbsence(id),
    'attendance/report': (q) => attendance.report(q),
    'attendance/report-export': (q, hc) => exportAttendance(attendance.report(q), q.format, { lang: hc.lang, calendar: settings.get().calendar, printedAt: ctx.clock() }),
    'schedules/list': () => attendance.schedules(),
    'schedules/create': (data) => attendance.createSchedule(data),
    'schedules/update': ({ id, data }) => attendance.updateSchedule(id, patched(scheduleInput, attendance.schedules().find((x) => x.id === id), data)),
    'schedules/delete': ({ id }) => attendance.deleteSchedule(id),
    'holidays/list': ({ from, to }) => attendance.listHolidays(from, to),
    'holidays/set': ({ date, title }) => attendance.setHoliday(date, title),
    'holidays/delete': ({ date }) => attendance.deleteHoliday(date),
    'holidays/add-official': ({ year }, hc) => attendance.addOfficialHolidays(year, hc.lang),
    'clock/advance': ({ ms, away }) => {
      if (!testClock) throw new AppError('not_found', 'not_found.test_clock');
      return { now: (away ? testClock.jump(ms, alarms) : testClock.advance(ms, alarms)).toISOString() };
    },
  };

  async function invoke<M extends Method>(method: M, input: unknown, lang: Lang): Promise<Result<OutputOf<M>>> {
    const language: Lang = lang === 'en' ? 'en' : 'fa';
    const endpoint = Object.hasOwn(api, method) ? api[method] : undefined;
    if (!endpoint) return { ok: false, error: { code: 'validation', message: message(language, 'validation.generic', { field: String(method) }) } };
    const parsed = endpoint.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      const key = issue?.code === 'too_big' ? 'validation.too_long' : 'validation.generic';
      return { ok: false, error: { code: 'validation', message: message(language, key, { field }), field } };
    }
    try {
      const handler = handlers[method] as (i: unknown, hc: { lang: Lang }) => OutputOf<M> | Promise<OutputOf<M>>;
      return { ok: true, value: await handler(parsed.data, { lang: language }) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toShape(language) };
      log.error(`${method} failed`, e);
      // A full disk, a read-only or damaged file while running: say which and what to do, not "internal error".
      const fault = dbFault(e, dbFile);
      if (fault) return { ok: false, error: fault.toShape(language) };
      return { ok: false, error: { code: 'internal', message: message(language, 'internal') } };
    }
  }

  log.info(`engine started, data in ${opts.dataDir}`);
  if (!opts.noLines) lines.startAll();
  if (!opts.noAlarms) alarms.start();
  /** Runs `fn` every `everyMs` (first after `firstMs`) on the background timers; a failure is logged, never thrown. */
  const repeatTimers = opts.timers ?? backgroundTimers;
  const repeating = new Set<unknown>();
  const repeat = (what: string, fn: () => void, everyMs: number, firstMs = everyMs) => {
    let handle: unknown = null;
    const tick = () => {
      repeating.delete(handle);
      try {
        fn();
      } catch (e) {
        log.error(`${what} failed`, e);
      }
      handle = repeatTimers.setTimeout(tick, everyMs);
      repeating.add(handle);
    };
    handle = repeatTimers.setTimeout(tick, firstMs);
    repeating.add(handle);
  };
  if (!opts.noLines) {
    // The retention period applies on days without calls too: at start, then every six hours.
    repeat('recordings: the storage rules', () => recordings.prune(), 6 * 3_600_000, 0);
    // The data folder's disk (recordings, voicemail, the database) is looked at every ten minutes, so
    // the header warns before it fills even on days nothing is recorded.
    repeat('the disk check', () => recordings.checkDisk(), 10 * 60_000);
  }
  return {
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      alarms.stop();
      for (const h of repeating) repeatTimers.clearTimeout(h);
      repeating.clear();
      const teardown = () => {
        listeners.clear();
        io.dispose();
        if (db.open) db.close();
        lock?.release();
      };
      // With no line running the database closes at once (callers may reopen the folder right away).
      if (lines.runningCount() === 0) {
        teardown();
        return Promise.resolve();
      }
      return ivr.close().then(() => recordings.close()).then(() => lines.close()).then(teardown);
    },
    db,
    dataDir: opts.dataDir,
  };
}
