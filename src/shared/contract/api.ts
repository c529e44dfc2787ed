/**
 * The one API between UI and engine. Every request is named here with its zod input schema and its
 * result type; the engine validates every input against the schema before a handler runs, and every
 * handler returns `Result<Output>` (see errors.ts). Pushed events are in `EventMap`.
 */
import { z } from 'zod';
import {
  contactInput, fieldInput, groupInput, searchInput,
  type Contact, type CustomField, type Group, type PhoneMatch, type SearchResult,
} from './contacts';
import { exportInput, importCommitInput, importPreviewInput, printContactsInput, type FileOut, type ImportOutcome, type ImportPreview } from './io';
import { settingsSchema, type Settings } from './settings';
import {
  chequeBookInput, chequeExportInput, chequeFilter, chequeImageInput, chequeInput, chequeQuery, chequeSettingsInput, markLeafInput, statusBatchInput, statusChangeInput,
  type Cheque, type ChequeBook, type ChequeLeaf, type ChequeList, type ChequeReport, type ChequeSettings, type StatusBatchResult,
} from './cheques';
import {
  callListInput, demoCallInput, dialInput, lineInput, linePatch, reportExportInput, reportInput,
  type CallerCard, type CallList, type CallReport, type CallRow, type IncomingCallEvent, type LineStatus, type LineTestResult, type LineView, type PortInfo, type PortProbe,
} from './calls';
import {
  alarmSettingsInput, occurrenceQuery, reminderGroupInput, reminderInput, remindersPrintInput, snoozeInput,
  type Alarm, type AlarmSettings, type OccurrenceList, type Reminder, type ReminderGroup,
} from './reminders';
import {
  documentInput, fileInput, fileQuery, hireInput, photoInput, pinInput, APPLICANT_STATUSES, FILE_KINDS,
  type FileList, type FileRef, type PersonFile,
} from './people';
import {
  absenceInput, clockInput, holidayInput, rangeQuery, recordCorrection, recordDelete, recordInput, reportExportInput as attendanceExportInput, reportQuery, scheduleInput,
  type Absence, type AttendanceRecord, type ClockResult, type Holiday, type MonthlyReport, type RosterEntry, type Schedule,
} from './attendance';
import {
  addFontInput, chequeFontKey, chequePrintInput, chequeSampleInput, chequeTemplateInput, copyTemplateInput,
  type ChequeFont, type ChequeFontKey, type ChequeTemplate, type ChequeTemplateSummary,
} from './cheque-print';

import {
  ivrSettingsInput, mailboxInput, MAX_AUDIO_BASE64, promptImportInput, promptTtsInput, treeInput, voicemailListInput,
  type AudioOut, type IvrRun, type IvrSettings, type IvrTreeRow, type Mailbox, type OperatorWaiting, type Prompt, type SoundCardEvent, type Voicemail,
} from './ivr';
import { recordingQuery, recordingSettingsInput, type ActiveRecording, type RecordingList, type RecordingRow, type RecordingSettings, type RecordingStopReason, type RecordingUsage } from './recordings';
import { patchOf } from './patch';

const id = z.number().int().positive();
const none = z.object({}).default({});

/**
 * Every `…/update` request takes a patch: the keys it carries change, the others keep their stored
 * value (see patch.ts). The settings-like requests below take patches the same way.
 */
const contactPatch = patchOf(contactInput);
const groupPatch = patchOf(groupInput);
const fieldPatch = patchOf(fieldInput);
const treePatch = patchOf(treeInput);
const ivrSettingsPatch = patchOf(ivrSettingsInput);
const mailboxPatch = patchOf(mailboxInput);
const recordingSettingsPatch = patchOf(recordingSettingsInput);
const chequeSettingsPatch = patchOf(chequeSettingsInput);
const reminderGroupPatch = patchOf(reminderGroupInput);
const alarmSettingsPatch = patchOf(alarmSettingsInput);
const chequeTemplatePatch = patchOf(chequeTemplateInput);
const schedulePatch = patchOf(scheduleInput);
const chequePatch = patchOf(chequeInput);
const reminderPatch = patchOf(reminderInput);
const filePatch = patchOf(fileInput);

/** Name → [input schema, output type]. The output type is carried by a phantom `null as unknown as T`. */
function endpoint<S extends z.ZodType, T>(input: S): { input: S; output: T } {
  return { input, output: null as unknown as T };
}

export const api = {
  /** Version, data folder and shell kind; never fails. */
  'app/info': endpoint<typeof none, AppInfo>(none),

  'settings/get': endpoint<typeof none, Settings>(none),
  /** Partial update; returns the full settings. Fails with 'validation' naming the field. */
  'settings/update': endpoint<ReturnType<typeof settingsSchema.partial>, Settings>(settingsSchema.partial()),
  /** First-run guide: adds a few sample contacts in one group named as sample data (once; again returns those there). */
  'onboarding/add-sample': endpoint<typeof none, { groupId: number; count: number }>(none),
  /** Removes the sample contacts and their group in one step (a sample contact given a people file stays). */
  'onboarding/remove-sample': endpoint<typeof none, { removed: number }>(none),

  /** Search as you type, ordered by name (no text) or by the best-matching word (text). */
  'contacts/search': endpoint<typeof searchInput, SearchResult>(searchInput),
  /** Full contact with phones, groups, extra fields and timeline. Fails with 'not_found'. */
  'contacts/get': endpoint<z.ZodObject<{ id: typeof id }>, Contact>(z.object({ id })),
  /** Creates a contact; 'validation' names the first bad field (e.g. 'phones.1.number'). */
  'contacts/create': endpoint<typeof contactInput, Contact>(contactInput),
  /** Changes the details it carries, the others keep their value (timeline notes are kept). */
  'contacts/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof contactPatch }>, Contact>(z.object({ id, data: contactPatch })),
  'contacts/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** Contacts that already have this number (in any format); for the duplicate flag and caller ID. */
  'contacts/find-by-phone': endpoint<z.ZodObject<{ number: z.ZodString; excludeId: z.ZodDefault<z.ZodNullable<typeof id>> }>, PhoneMatch[]>(
    z.object({ number: z.string().max(40), excludeId: id.nullable().default(null) }),
  ),
  /** Adds a timeline note; the author defaults to the user name in settings. */
  'contacts/add-note': endpoint<z.ZodObject<{ contactId: typeof id; body: z.ZodString; author: z.ZodDefault<z.ZodString> }>, Contact>(
    z.object({ contactId: id, body: z.string().max(10000), author: z.string().max(100).default('') }),
  ),
  'contacts/delete-note': endpoint<z.ZodObject<{ id: typeof id }>, Contact>(z.object({ id })),

  'groups/list': endpoint<typeof none, Group[]>(none),
  'groups/create': endpoint<typeof groupInput, Group>(groupInput),
  'groups/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof groupPatch }>, Group>(z.object({ id, data: groupPatch })),
  /** Deletes the group; its contacts stay. */
  'groups/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),

  'fields/list': endpoint<typeof none, CustomField[]>(none),
  'fields/create': endpoint<typeof fieldInput, CustomField>(fieldInput),
  /** Renames or changes options; the kind of a field that has values cannot change ('conflict'). */
  'fields/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof fieldPatch }>, CustomField>(z.object({ id, data: fieldPatch })),
  /** Deletes the field and its values. */
  'fields/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),

  /** Parses a vCard or CSV file without writing anything; 'import/parse' names the bad line. */
  'io/import-preview': endpoint<typeof importPreviewInput, ImportPreview>(importPreviewInput),
  /** Writes a previewed import in one transaction: all records or none. */
  'io/import-commit': endpoint<typeof importCommitInput, ImportOutcome>(importCommitInput),
  'io/export': endpoint<typeof exportInput, FileOut>(exportInput),
  /** A PDF of the list (filtered by the query) or of one contact, Persian shaped with HarfBuzz. */
  'print/contacts': endpoint<typeof printContactsInput, FileOut>(printContactsInput),

  /** Every line with its live status and what was detected about its device. */
  'lines/list': endpoint<typeof none, LineView[]>(none),
  /** Serial ports on this machine (USB modems show their vendor), with the line already using each. */
  'lines/ports': endpoint<typeof none, PortInfo[]>(none),
  /** Looks for a modem on a port (AT → OK, then identifies it) and closes it again; a port in use by a line is refused ('conflict'). */
  'lines/probe': endpoint<z.ZodObject<{ path: z.ZodString }>, PortProbe>(z.object({ path: z.string().trim().min(1).max(200) })),
  /** Adds a line and starts it; 'validation' names the field, 'conflict' when the port is taken. */
  'lines/create': endpoint<typeof lineInput, LineView>(lineInput),
  /** Changes the keys it carries, the others keep their value; the line restarts when its port or caller-ID mode changed. */
  'lines/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof linePatch }>, LineView>(z.object({ id, data: linePatch })),
  /** Stops the line and removes it; its calls stay in the log. */
  'lines/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** Re-identifies the modem and returns the AT exchange; 'line/unavailable' when it is not connected. */
  'lines/test': endpoint<z.ZodObject<{ id: typeof id }>, LineTestResult>(z.object({ id })),
  /** Makes the demo line ring like a real call (only on demo lines: 'validation' otherwise). */
  'lines/demo-call': endpoint<typeof demoCallInput, { ok: true }>(demoCallInput),

  /** The call log, newest first, filtered. */
  'calls/list': endpoint<typeof callListInput, CallList>(callListInput),
  /** Calls per day and hour, top callers and unreturned missed calls over a date range. */
  'calls/report': endpoint<typeof reportInput, CallReport>(reportInput),
  'calls/report-export': endpoint<typeof reportExportInput, FileOut>(reportExportInput),
  /** One call, as in the log (the popup window starts from its id). */
  'calls/get': endpoint<z.ZodObject<{ id: typeof id }>, CallRow>(z.object({ id })),
  /** Everything the popup shows about a number (also pushed with 'call/incoming'). */
  'calls/caller-card': endpoint<z.ZodObject<{ number: z.ZodString }>, CallerCard>(z.object({ number: z.string().max(40) })),
  /** Dials in voice mode; the user lifts the handset. Logged as outgoing. 'line/unavailable' when no line is idle. */
  'calls/dial': endpoint<typeof dialInput, CallRow>(dialInput),
  /** Hangs up the call in progress on a line. */
  'calls/hang-up': endpoint<z.ZodObject<{ lineId: typeof id }>, { ok: true }>(z.object({ lineId: id })),
  /** Answers a ringing line (the modem goes off hook). */
  'calls/answer': endpoint<z.ZodObject<{ lineId: typeof id }>, { ok: true }>(z.object({ lineId: id })),

  // ---------------------------------------------------------------- IVR and voicemail (contract in ivr.ts)
  'prompts/list': endpoint<typeof none, Prompt[]>(none),
  /** Imports a WAV (any rate, channels, depth): mixed down, resampled to 8 kHz, loudness-normalised. 'validation' on 'base64' if unreadable. */
  'prompts/import': endpoint<typeof promptImportInput, Prompt>(promptImportInput),
  /** Generates a prompt with espeak-ng; 'validation' on 'text' when espeak-ng is not installed or fails. */
  'prompts/tts': endpoint<typeof promptTtsInput, Prompt>(promptTtsInput),
  'prompts/tts-available': endpoint<typeof none, { available: boolean }>(none),
  'prompts/rename': endpoint<z.ZodObject<{ id: typeof id; name: z.ZodString }>, Prompt>(z.object({ id, name: z.string().trim().min(1).max(80) })),
  /** 'conflict' while a tree plays it. */
  'prompts/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  'prompts/audio': endpoint<z.ZodObject<{ id: typeof id }>, AudioOut>(z.object({ id })),
  'ivr/trees': endpoint<typeof none, IvrTreeRow[]>(none),
  /** 'validation' names the node: field 'nodes.<id>.<property>'. */
  'ivr/tree-create': endpoint<typeof treeInput, IvrTreeRow>(treeInput),
  'ivr/tree-update': endpoint<z.ZodObject<{ id: typeof id; data: typeof treePatch }>, IvrTreeRow>(z.object({ id, data: treePatch })),
  'ivr/tree-delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** Office hours and which tree answers each line in and out of them. */
  'ivr/settings': endpoint<typeof none, IvrSettings>(none),
  'ivr/settings-update': endpoint<typeof ivrSettingsPatch, IvrSettings>(ivrSettingsPatch),
  'ivr/office': endpoint<typeof none, { state: 'open' | 'closed' | 'holiday' }>(none),
  /** What the IVR did on a call (null: it did not answer it). */
  'ivr/run': endpoint<z.ZodObject<{ callId: typeof id }>, IvrRun | null>(z.object({ callId: id })),
  /** Callers waiting for a person now. */
  'ivr/waiting': endpoint<typeof none, { lineId: number; callId: number | null }[]>(none),
  /** The front desk takes the waiting caller (lifts a phone on the line; the IVR goes on hook). */
  'ivr/take': endpoint<z.ZodObject<{ lineId: typeof id }>, { ok: true }>(z.object({ lineId: id })),
  /** The demo line's caller presses keys, hangs up, or speaks for some seconds (demo lines only). */
  'ivr/demo-keys': endpoint<z.ZodObject<{ lineId: typeof id; keys: z.ZodString }>, { ok: true }>(z.object({ lineId: id, keys: z.string().min(1).max(20).regex(/^[0-9*#]+$/) })),
  'ivr/demo-hang-up': endpoint<z.ZodObject<{ lineId: typeof id }>, { ok: true }>(z.object({ lineId: id })),
  'ivr/demo-speak': endpoint<z.ZodObject<{ lineId: typeof id; seconds: z.ZodNumber }>, { ok: true }>(z.object({ lineId: id, seconds: z.number().min(0.5).max(60) })),
  /** The sound-card test: runs a tree with the PC's speakers and microphone as the caller (events 'ivr/soundcard'). */
  'ivr/soundcard-start': endpoint<z.ZodObject<{ treeId: typeof id }>, { session: number }>(z.object({ treeId: id })),
  'ivr/soundcard-key': endpoint<z.ZodObject<{ session: typeof id; key: z.ZodString }>, { ok: true }>(z.object({ session: id, key: z.string().regex(/^[0-9*#]$/) })),
  /** The microphone's recording asked for by a 'record' event, as WAV (any rate). */
  'ivr/soundcard-audio': endpoint<z.ZodObject<{ session: typeof id; base64: z.ZodString }>, { ok: true }>(z.object({ session: id, base64: z.string().max(MAX_AUDIO_BASE64) })),
  'ivr/soundcard-hang-up': endpoint<z.ZodObject<{ session: typeof id }>, { ok: true }>(z.object({ session: id })),
  /** The front desk takes the sound-card caller who waits at a ring-through node. */
  'ivr/soundcard-take': endpoint<z.ZodObject<{ session: typeof id }>, { ok: true }>(z.object({ session: id })),
  'mailboxes/list': endpoint<typeof none, Mailbox[]>(none),
  'mailboxes/create': endpoint<typeof mailboxInput, Mailbox>(mailboxInput),
  'mailboxes/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof mailboxPatch }>, Mailbox>(z.object({ id, data: mailboxPatch })),
  /** Deletes the mailbox with its messages. */
  'mailboxes/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  'voicemail/list': endpoint<typeof voicemailListInput, Voicemail[]>(voicemailListInput),
  'voicemail/unheard': endpoint<typeof none, { unheard: number }>(none),
  'voicemail/audio': endpoint<z.ZodObject<{ id: typeof id }>, AudioOut>(z.object({ id })),
  'voicemail/mark': endpoint<z.ZodObject<{ id: typeof id; heard: z.ZodBoolean }>, Voicemail>(z.object({ id, heard: z.boolean() })),
  'voicemail/note': endpoint<z.ZodObject<{ id: typeof id; note: z.ZodString }>, Voicemail>(z.object({ id, note: z.string().max(2000) })),
  /** Adds a note about the message to the matched contact's timeline; 'validation' when no contact matches. */
  'voicemail/attach': endpoint<z.ZodObject<{ id: typeof id }>, Voicemail>(z.object({ id })),
  /** Copies the message into another mailbox (the audio is shared). */
  'voicemail/forward': endpoint<z.ZodObject<{ id: typeof id; mailboxId: typeof id }>, Voicemail>(z.object({ id, mailboxId: id })),
  /** Call recordings, newest first, with the storage in use. */
  'recordings/list': endpoint<typeof recordingQuery, RecordingList>(recordingQuery),
  /** The recordings running now (one per line at most). */
  'recordings/active': endpoint<typeof none, ActiveRecording[]>(none),
  /** Starts recording the call in progress on a line (the call bar's button). */
  'recordings/start': endpoint<z.ZodObject<{ lineId: typeof id }>, ActiveRecording>(z.object({ lineId: id })),
  'recordings/stop': endpoint<z.ZodObject<{ lineId: typeof id }>, { ok: true }>(z.object({ lineId: id })),
  'recordings/get': endpoint<z.ZodObject<{ id: typeof id }>, RecordingRow>(z.object({ id })),
  'recordings/audio': endpoint<z.ZodObject<{ id: typeof id }>, AudioOut>(z.object({ id })),
  /** The WAV file, to save. */
  'recordings/file': endpoint<z.ZodObject<{ id: typeof id }>, FileOut>(z.object({ id })),
  /** Kept recordings are never removed by the retention period or the storage limit. */
  'recordings/keep': endpoint<z.ZodObject<{ id: typeof id; keep: z.ZodBoolean }>, RecordingRow>(z.object({ id, keep: z.boolean() })),
  'recordings/note': endpoint<z.ZodObject<{ id: typeof id; note: z.ZodString }>, RecordingRow>(z.object({ id, note: z.string().max(2000) })),
  'recordings/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  'recordings/settings': endpoint<typeof none, RecordingSettings>(none),
  /** Saves the storage rules and applies them at once; `removed` says how many recordings went. */
  'recordings/settings-update': endpoint<typeof recordingSettingsPatch, { settings: RecordingSettings; removed: number }>(recordingSettingsPatch),
  'voicemail/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),

  /** A cheque with its contact, leaf, images and history. 'not_found' when deleted. */
  'cheques/get': endpoint<z.ZodObject<{ id: typeof id }>, Cheque>(z.object({ id })),
  /**
   * Registers a received or paid cheque (status 'on_hand' / 'issued'); with `bookId` a paid cheque takes
   * the next blank leaf ('conflict' when none is left). 'validation' names the field ('sayadId', 'partyId',
   * 'dueDate', 'bankCode', 'partyName'…); 'conflict' (field 'sayadId') when the Sayad ID is registered already.
   */
  'cheques/create': endpoint<typeof chequeInput, Cheque>(chequeInput),
  /** Changes the details; the history gets an 'edited' event with each changed field. The type and leaf never change. */
  'cheques/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof chequePatch }>, Cheque>(z.object({ id, data: chequePatch })),
  /** Only while its status never changed (a mistaken entry): 'conflict' otherwise. Frees its leaf. */
  'cheques/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** A status change with its date and note. 'conflict' (field 'status') names both statuses when the change is not allowed. */
  'cheques/set-status': endpoint<typeof statusChangeInput, Cheque>(statusChangeInput),
  /**
   * The same status change for several cheques in one transaction (all or nothing), each with its own
   * event; alarms follow as for one change. Refused as a whole, naming every cheque that cannot take it
   * and why ('conflict', field 'status'; 'validation', field 'date' for a date before a cheque's last change).
   */
  'cheques/set-status-batch': endpoint<typeof statusBatchInput, StatusBatchResult>(statusBatchInput),
  /** Attaches a scanned image (PNG, JPEG, WebP) with the UI's thumbnail. */
  'cheques/add-image': endpoint<typeof chequeImageInput, Cheque>(chequeImageInput),
  /** The full image. */
  'cheques/image': endpoint<z.ZodObject<{ id: typeof id }>, FileOut>(z.object({ id })),
  'cheques/delete-image': endpoint<z.ZodObject<{ id: typeof id }>, Cheque>(z.object({ id })),
  /** Search by type, status, registration and due dates, amount, person, bank and words; with totals per type. */
  'cheques/search': endpoint<typeof chequeQuery, ChequeList>(chequeQuery),
  /** Totals of a filter by status and by month of the due date (in the chosen calendar). */
  'cheques/report': endpoint<typeof chequeFilter, ChequeReport>(chequeFilter),
  /** The list and totals of a filter as PDF, CSV (UTF-8 with BOM) or Excel. */
  'cheques/export': endpoint<typeof chequeExportInput, FileOut>(chequeExportInput),
  'cheques/settings': endpoint<typeof none, ChequeSettings>(none),
  'cheques/settings-update': endpoint<typeof chequeSettingsPatch, ChequeSettings>(chequeSettingsPatch),

  /** Own cheque books, newest first, with leaf counts and the next blank leaf. */
  'cheque-books/list': endpoint<typeof none, ChequeBook[]>(none),
  /** Defines a book and all its leaves; 'validation' names the field ('account', 'firstSerial'…). */
  'cheque-books/create': endpoint<typeof chequeBookInput, ChequeBook>(chequeBookInput),
  /** Only a book no cheque was written from ('conflict'). */
  'cheque-books/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** Every leaf of a book in order: blank, used (with its cheque), void or lost. */
  'cheque-books/leaves': endpoint<z.ZodObject<{ bookId: typeof id }>, ChequeLeaf[]>(z.object({ bookId: id })),
  /** Marks a blank leaf void or lost ('conflict' for a used or marked one). */
  'cheque-books/mark-leaf': endpoint<typeof markLeafInput, ChequeLeaf>(markLeafInput),

  /** A reminder with its group, participants and next occurrence. 'not_found' when deleted. */
  'reminders/get': endpoint<z.ZodObject<{ id: typeof id }>, Reminder>(z.object({ id })),
  /** 'validation' names the field ('subject', 'date', 'time', 'until', 'repeat.days', 'participantIds.0'…). */
  'reminders/create': endpoint<typeof reminderInput, Reminder>(reminderInput),
  'reminders/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof reminderPatch }>, Reminder>(z.object({ id, data: reminderPatch })),
  /** Deletes the reminder and its pending alarms. */
  'reminders/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** Occurrences (repeats expanded, birthdays included) in a date range, filtered; the agenda and the search. */
  'reminders/occurrences': endpoint<typeof occurrenceQuery, OccurrenceList>(occurrenceQuery),
  /** The occurrences of a query as a PDF list, or with full descriptions. */
  'reminders/print': endpoint<typeof remindersPrintInput, FileOut>(remindersPrintInput),

  'reminder-groups/list': endpoint<typeof none, ReminderGroup[]>(none),
  'reminder-groups/create': endpoint<typeof reminderGroupInput, ReminderGroup>(reminderGroupInput),
  'reminder-groups/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof reminderGroupPatch }>, ReminderGroup>(z.object({ id, data: reminderGroupPatch })),
  /** Deletes the group; its reminders stay, without a group. */
  'reminder-groups/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),

  /** Alarms that rang and wait for the user, and snoozed ones; oldest first. Survives restarts. */
  'alarms/pending': endpoint<typeof none, Alarm[]>(none),
  'alarms/snooze': endpoint<typeof snoozeInput, Alarm>(snoozeInput),
  'alarms/dismiss': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  'alarms/settings': endpoint<typeof none, AlarmSettings>(none),
  'alarms/settings-update': endpoint<typeof alarmSettingsPatch, AlarmSettings>(alarmSettingsPatch),

  /** People files (personnel, customers, job applicants), newest registration first; by name, phone, file number, national ID, referrer, dates. */
  'people/search': endpoint<typeof fileQuery, FileList>(fileQuery),
  /** A file with its contact (name, phones, timeline), documents, interview notes and related files. 'not_found' when deleted. */
  'people/get': endpoint<z.ZodObject<{ id: typeof id }>, PersonFile>(z.object({ id })),
  /** The files of one phonebook contact (for the phonebook's contact view). */
  'people/of-contact': endpoint<z.ZodObject<{ contactId: typeof id }>, FileRef[]>(z.object({ contactId: id })),
  /** The number a new file of this kind gets when its number is left empty. */
  'people/next-number': endpoint<z.ZodObject<{ kind: z.ZodEnum<{ [K in (typeof FILE_KINDS)[number]]: K }> }>, { fileNo: string }>(z.object({ kind: z.enum(FILE_KINDS) })),
  /** Creates a file for an existing contact or a new one; 'validation'/'conflict' name the field ('fileNo', 'nationalId', 'contact.phones.0.number'…). */
  'people/create': endpoint<typeof fileInput, PersonFile>(fileInput),
  /** Changes the file and, when `contact` is sent, the contact's details (the kind never changes). */
  'people/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof filePatch }>, PersonFile>(z.object({ id, data: filePatch })),
  /** Deletes the file with its photo, documents, interview notes and attendance; the contact stays in the phonebook. */
  'people/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** Applicants only ('validation' otherwise). */
  'people/set-status': endpoint<z.ZodObject<{ id: typeof id; status: z.ZodEnum<{ [K in (typeof APPLICANT_STATUSES)[number]]: K }> }>, PersonFile>(z.object({ id, status: z.enum(APPLICANT_STATUSES) })),
  /** Turns an applicant into personnel: a staff file for the same contact, nothing retyped; returns the staff file. 'conflict' when they already have one. */
  'people/hire': endpoint<typeof hireInput, PersonFile>(hireInput),
  /** The photo as base64, or null. */
  'people/photo': endpoint<z.ZodObject<{ id: typeof id }>, { mime: string; base64: string } | null>(z.object({ id })),
  'people/set-photo': endpoint<typeof photoInput, PersonFile>(photoInput),
  'people/add-document': endpoint<typeof documentInput, PersonFile>(documentInput),
  'people/document': endpoint<z.ZodObject<{ id: typeof id }>, FileOut>(z.object({ id })),
  'people/delete-document': endpoint<z.ZodObject<{ id: typeof id }>, PersonFile>(z.object({ id })),
  'people/add-interview': endpoint<z.ZodObject<{ fileId: typeof id; body: z.ZodString; author: z.ZodDefault<z.ZodString> }>, PersonFile>(
    z.object({ fileId: id, body: z.string().max(10000), author: z.string().max(100).default('') }),
  ),
  'people/delete-interview': endpoint<z.ZodObject<{ id: typeof id }>, PersonFile>(z.object({ id })),
  /** Staff only: the clock-in PIN (4–8 digits; null removes it). */
  'people/set-pin': endpoint<typeof pinInput, PersonFile>(pinInput),
  /** The employment application form as PDF: filled in from an applicant's file, or blank (id null) to print and fill by hand. */
  'people/print-application': endpoint<z.ZodObject<{ id: z.ZodDefault<z.ZodNullable<typeof id>> }>, FileOut>(z.object({ id: id.nullable().default(null) })),

  /** Active staff for the front-desk clock-in screen, with who is in. */
  'attendance/roster': endpoint<typeof none, RosterEntry[]>(none),
  /** Entry when out, exit when in. 'auth' (field 'pin') for a wrong PIN. */
  'attendance/clock': endpoint<typeof clockInput, ClockResult>(clockInput),
  /** Records starting in a date range (one person or all), with their edit history. */
  'attendance/records': endpoint<typeof rangeQuery, AttendanceRecord[]>(rangeQuery),
  /** A manual entry; 'conflict' when it overlaps another record of the person. */
  'attendance/record-add': endpoint<typeof recordInput, AttendanceRecord>(recordInput),
  /** A manager's correction: the old times and the reason go to the record's history. */
  'attendance/record-correct': endpoint<typeof recordCorrection, AttendanceRecord>(recordCorrection),
  /** Marks the record deleted (it stays, with the reason, in the history). */
  'attendance/record-delete': endpoint<typeof recordDelete, AttendanceRecord>(recordDelete),
  'attendance/absences': endpoint<typeof rangeQuery, Absence[]>(rangeQuery),
  /** Leave or a mission; 'conflict' (field 'from') when it overlaps another of the same person. */
  'attendance/absence-add': endpoint<typeof absenceInput, Absence>(absenceInput),
  'attendance/absence-delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** The monthly (Jalali) report of one person or all active staff. */
  'attendance/report': endpoint<typeof reportQuery, MonthlyReport>(reportQuery),
  /** The monthly report as PDF or Excel (.xlsx). */
  'attendance/report-export': endpoint<typeof attendanceExportInput, FileOut>(attendanceExportInput),
  'schedules/list': endpoint<typeof none, Schedule[]>(none),
  'schedules/create': endpoint<typeof scheduleInput, Schedule>(scheduleInput),
  'schedules/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof schedulePatch }>, Schedule>(z.object({ id, data: schedulePatch })),
  /** Staff on this schedule are left without one. */
  'schedules/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** The shared holiday table between two dates. */
  'holidays/list': endpoint<z.ZodObject<{ from: z.ZodString; to: z.ZodString }>, Holiday[]>(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })),
  /** Adds a holiday or renames the one on that date. */
  'holidays/set': endpoint<typeof holidayInput, Holiday>(holidayInput),
  'holidays/delete': endpoint<z.ZodObject<{ date: z.ZodString }>, { date: string }>(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })),
  /** Adds Iran's fixed-date official holidays of a Jalali year (dates already in the table are kept). */
  'holidays/add-official': endpoint<z.ZodObject<{ year: z.ZodNumber }>, { added: number }>(z.object({ year: z.number().int().min(1300).max(1500) })),

  /** Cheque print templates by name (summaries: no fields, no background). */
  'cheque-templates/list': endpoint<typeof none, ChequeTemplateSummary[]>(none),
  /** A template with its fields and background scan. 'not_found' when deleted. */
  'cheque-templates/get': endpoint<z.ZodObject<{ id: typeof id }>, ChequeTemplate>(z.object({ id })),
  /** 'validation' names the field ('fields.2.xMm' outside the leaf, 'fields.0.font', 'background'); 'conflict' (field 'name') for a name in use. */
  'cheque-templates/create': endpoint<typeof chequeTemplateInput, ChequeTemplate>(chequeTemplateInput),
  /** Replaces the template; `background` absent keeps the scan, null removes it. */
  'cheque-templates/update': endpoint<z.ZodObject<{ id: typeof id; data: typeof chequeTemplatePatch }>, ChequeTemplate>(z.object({ id, data: chequeTemplatePatch })),
  'cheque-templates/delete': endpoint<z.ZodObject<{ id: typeof id }>, { id: number }>(z.object({ id })),
  /** A copy (fields, calibration, background) for another bank or account; default name «name (2)». */
  'cheque-templates/copy': endpoint<typeof copyTemplateInput, ChequeTemplate>(copyTemplateInput),
  /** Fonts fields can use: the bundled ones, then the user's, with vertical metrics for the designer. */
  'cheque-templates/fonts': endpoint<typeof none, ChequeFont[]>(none),
  /** Adds a TTF after loading it with HarfBuzz and embedding it in a test PDF; 'validation' (field 'font') says why a file is refused. The same file twice is one font. */
  'cheque-templates/add-font': endpoint<typeof addFontInput, ChequeFont>(addFontInput),
  /** Removes a user font; 'conflict' while a template uses it. */
  'cheque-templates/delete-font': endpoint<z.ZodObject<{ key: typeof chequeFontKey }>, { key: ChequeFontKey }>(z.object({ key: chequeFontKey })),
  /** A user font's TTF (base64), for the designer to preview text in it. */
  'cheque-templates/font-file': endpoint<z.ZodObject<{ key: typeof chequeFontKey }>, { base64: string }>(z.object({ key: chequeFontKey })),
  /** Cheques on their leaves: one page per item, the template's calibration applied, the background never printed. */
  'cheque-templates/print': endpoint<typeof chequePrintInput, FileOut>(chequePrintInput),
  /** One leaf of a saved template or an unsaved draft, with sample (or given) values. */
  'cheque-templates/preview': endpoint<typeof chequeSampleInput, FileOut>(chequeSampleInput),
  /** Plain A4: a 10 mm grid, the leaf's outline where printing puts it, the field boxes and sample values. */
  'cheque-templates/test-print': endpoint<typeof chequeSampleInput, FileOut>(chequeSampleInput),

  /**
   * Tests and demos only: moves the engine's clock forward. Exists only when the engine was started
   * with a test clock (`MONSHI_TEST_CLOCK=1 monshi serve`); otherwise 'not_found'. Alarms on the way
   * ring each at its time; with `away` the clock jumps as if the computer slept (or the app was
   * closed), so they ring at the end as late ("while you were away"), missed repeats merged.
   */
  'clock/advance': endpoint<z.ZodObject<{ ms: z.ZodNumber; away: z.ZodDefault<z.ZodBoolean> }>, { now: string }>(
    z.object({ ms: z.number().int().min(0).max(400 * 86_400_000), away: z.boolean().default(false) }),
  ),
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type InputOf<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Api[M]['input']>;
export type OutputOf<M extends Method> = Api[M]['output'];

export type AppInfo = { version: string; dataDir: string; shell: 'electron' | 'browser' | 'headless'; demo: boolean };

/** Events pushed from the engine to every connected UI. */
export type EventMap = {
  /** Contacts were created, changed, deleted or imported (ids null = many). */
  'contacts/changed': { ids: number[] | null };
  'groups/changed': Record<string, never>;
  'fields/changed': Record<string, never>;
  'settings/changed': Settings;
  /** Caller ID arrived (or a call rang twice without it): show the popup. */
  'call/incoming': IncomingCallEvent;
  /** A call was answered, ended, or its contact changed. */
  'call/updated': { call: CallRow };
  'lines/changed': { lines: LineView[] };
  'lines/status': { lineId: number; status: LineStatus; detail: string | null };
  /** Cheques were registered, changed or deleted (ids null = many, or the cheque settings changed). */
  'cheques/changed': { ids: number[] | null };
  /** Own cheque books or their leaves changed. */
  'cheque-books/changed': Record<string, never>;
  /** Reminders or reminder groups were created, changed or deleted (or birthdays changed with contacts). */
  'reminders/changed': Record<string, never>;
  /** Alarms rang now: show the alarm window (with a sound). Several at once are in time order. */
  'alarms/fired': { alarms: Alarm[] };
  /** The pending alarms after a snooze or dismiss (in any window). */
  'alarms/changed': { alarms: Alarm[] };
  /** People files were created, changed or deleted. */
  'people/changed': { ids: number[] };
  /** Attendance records, leave, missions, schedules or holidays changed. */
  'attendance/changed': Record<string, never>;
  /** The shared holiday table changed. */
  'holidays/changed': Record<string, never>;
  /** Cheque templates or their fonts were created, changed or deleted. */
  'cheque-templates/changed': Record<string, never>;
  /** Prompts, trees, office hours or line assignments changed. */
  'ivr/changed': Record<string, never>;
  /** A caller waits for a person (operator node), or stopped waiting. */
  'ivr/operator': OperatorWaiting;
  /** Voicemail arrived, was heard, forwarded or deleted: the count of unheard messages. */
  'voicemail/changed': { unheard: number };
  /** Recordings started, ended, were kept or removed, or the storage warnings changed. */
  'recordings/changed': { usage: RecordingUsage; active: ActiveRecording[] };
  /** A recording stopped (or could not start) for a reason the front desk must hear about. */
  'recordings/stopped': { lineId: number; callId: number; reason: RecordingStopReason };
  /** The sound-card test asks the page to play, stop, record; the steps of the tree; the end. */
  'ivr/soundcard': SoundCardEvent;
};
export type EventName = keyof EventMap;
