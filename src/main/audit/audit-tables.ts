/**
 * What the audit trail knows of each data table: a table is a record of its own (a contact, a cheque),
 * a part of another record (a contact's phones are the contact's), or derived data the engine keeps
 * from other tables (call statistics, search terms), which is not audited because its source is.
 * tests/audit/audit-schema.test.ts walks the schema: a table missing here fails it, so a new table is
 * never left out of the trail by accident.
 */
import type { Db } from '../db/database';

export type Row = Record<string, unknown>;

/** A record of its own: its type as the viewer names it, and its name in words. */
export type RecordTable = { kind: 'record'; type: string; name: (row: Row, db: Db) => string };
/** A part of another record: changes show as the parent's field `field`, each row said by `show`. */
export type ChildTable = { kind: 'child'; parent: string; via: string; field: string; show: (row: Row) => string };
/** Kept by the engine from other tables; `why` says from which. */
export type DerivedTable = { kind: 'derived'; why: string };
export type TableRule = RecordTable | ChildTable | DerivedTable;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const join = (...parts: unknown[]) =>
  parts
    .map(text)
    .filter((p) => p !== '')
    .join(' — ');
const contactName = (db: Db, id: unknown) =>
  typeof id === 'number' ? (db.prepare<[number], string>('SELECT display_name FROM contacts WHERE id = ?').pluck().get(id) ?? '') : '';
const named = (type: string, column = 'name'): RecordTable => ({ kind: 'record', type, name: (r) => text(r[column]) });
const derived = (why: string): DerivedTable => ({ kind: 'derived', why });
const child = (parent: string, via: string, field: string, show: (row: Row) => string): ChildTable => ({ kind: 'child', parent, via, field, show });

export const TABLE_RULES: Record<string, TableRule> = {
  settings: { kind: 'record', type: 'setting', name: (r) => text(r.key) },
  contacts: named('contact', 'display_name'),
  contact_phones: child('contacts', 'contact_id', 'phones', (r) => join(r.number, r.extension)),
  contact_emails: child('contacts', 'contact_id', 'emails', (r) => text(r.address)),
  contact_groups: child('contacts', 'contact_id', 'groups', (r) => `#${text(r.group_id)}`),
  contact_field_values: child('contacts', 'contact_id', 'custom_fields', (r) => `#${text(r.field_id)}: ${text(r.value)}`),
  contact_notes: child('contacts', 'contact_id', 'notes', (r) => text(r.body)),
  groups: named('group'),
  custom_fields: named('custom_field'),
  search_terms: derived('the words of contacts, groups and fields, written with them'),
  lines: named('line'),
  calls: { kind: 'record', type: 'call', name: (r) => join(r.number_raw, r.caller_name) },
  call_notes: child('calls', 'call_id', 'notes', (r) => text(r.body)),
  call_outcome_kinds: named('call_outcome_kind', 'name_en'),
  call_outcomes: { kind: 'record', type: 'call_outcome', name: (r) => `#${text(r.call_id)}` },
  followups: { kind: 'record', type: 'followup', name: (r, db) => join(contactName(db, r.contact_id), r.note) },
  callback_dismissals: { kind: 'record', type: 'callback_dismissal', name: (r) => text(r.number_key) },
  ivr_runs: child('calls', 'call_id', 'ivr', (r) => join(r.tree_name, r.path, r.end_reason)),
  call_hour_stats: derived('calls (their triggers)'),
  call_number_days: derived('calls (their triggers)'),
  call_numbers: derived('calls (their triggers)'),
  call_number_forms: derived('calls (their triggers)'),
  call_caller_names: derived('calls (their triggers)'),
  call_day_stats: derived('calls (their triggers)'),
  call_part_hours: derived('calls (their triggers)'),
  call_number_parts: derived('calls (their triggers)'),
  call_part_callers: derived('calls (their triggers)'),
  jalali_month_starts: derived('the calendar, written by a migration'),
  reminder_groups: named('reminder_group'),
  reminders: named('reminder', 'subject'),
  reminder_participants: child('reminders', 'reminder_id', 'participants', (r) => `#${text(r.contact_id)}`),
  alarms: named('alarm', 'title'),
  alarm_state: derived('the alarm scheduler: how far it has rung'),
  work_schedules: named('work_schedule'),
  work_shifts: child('work_schedules', 'schedule_id', 'shifts', (r) => `${text(r.weekday)}: ${text(r.start)}–${text(r.end)}`),
  holidays: { kind: 'record', type: 'holiday', name: (r) => join(r.date, r.title) },
  person_files: { kind: 'record', type: 'person_file', name: (r, db) => join(r.file_no, contactName(db, r.contact_id)) },
  person_photos: child('person_files', 'file_id', 'photo', (r) => text(r.data)),
  person_documents: child('person_files', 'file_id', 'documents', (r) => text(r.name)),
  interview_notes: child('person_files', 'file_id', 'interview_notes', (r) => text(r.body)),
  attendance_records: {
    kind: 'record',
    type: 'attendance',
    name: (r, db) => {
      const file = db.prepare<[unknown], Row>('SELECT file_no, contact_id FROM person_files WHERE id = ?').get(r.file_id);
      return join(file?.file_no, contactName(db, file?.contact_id));
    },
  },
  attendance_edits: child('attendance_records', 'record_id', 'corrections', (r) => join(r.action, r.reason)),
  absences: { kind: 'record', type: 'absence', name: (r) => join(r.category, r.from_date) },
  cheque_books: { kind: 'record', type: 'cheque_book', name: (r) => join(r.bank_name, r.series, r.first_serial) },
  cheque_leaves: child('cheque_books', 'book_id', 'leaves', (r) => join(r.serial, r.mark)),
  cheques: { kind: 'record', type: 'cheque', name: (r) => join(r.serial || r.sayad_id, r.party_name) },
  cheque_events: child('cheques', 'cheque_id', 'events', (r) => join(r.kind, r.to_status, r.note)),
  cheque_images: child('cheques', 'cheque_id', 'images', (r) => text(r.file_name)),
  cheque_fonts: named('cheque_font'),
  cheque_templates: named('cheque_template'),
  cheque_template_fields: child('cheque_templates', 'template_id', 'fields', (r) => text(r.kind)),
  prompts: named('prompt'),
  ivr_trees: named('ivr_tree'),
  ivr_hours: { kind: 'record', type: 'ivr_hours', name: (r) => `${text(r.weekday)}: ${text(r.open)}–${text(r.close)}` },
  ivr_line_trees: { kind: 'record', type: 'ivr_line', name: (r) => `#${text(r.line_id)}` },
  mailboxes: named('mailbox'),
  voicemails: { kind: 'record', type: 'voicemail', name: (r) => join(r.number_raw, r.caller_name) },
  call_recordings: { kind: 'record', type: 'recording', name: (r) => text(r.file) },
  recording_settings: { kind: 'record', type: 'recording_settings', name: () => '' },
  fax_documents: named('fax_document'),
  fax_log: { kind: 'record', type: 'fax', name: (r) => join(r.remote_number, r.remote_id) },
  fax_jobs: { kind: 'record', type: 'fax_job', name: (r) => join(r.number, r.recipient) },
  fax_outbox_settings: { kind: 'record', type: 'fax_outbox_settings', name: () => '' },
  fax_route_rules: { kind: 'record', type: 'fax_route', name: (r) => join(r.number, r.tsi) },
  line_call_settings: child('lines', 'line_id', 'call_settings', (r) => join(r.ivr_at_once, r.record_sides)),
  users: named('user'),
  accounts_config: { kind: 'record', type: 'accounts', name: (r) => text(r.mode) },
  sessions: derived('signing in and out: who is signed in where (not a record of the office)'),
  backup_settings: { kind: 'record', type: 'backup_settings', name: () => '' },
  backup_runs: derived('the backup service: a line per backup made (the header warns from it)'),
};

/**
 * Columns holding a secret (a password's hash, a sealed password): the entry says that it changed, never
 * the value, so the trail holds nothing that could be tried offline.
 */
export function isSecretColumn(column: string): boolean {
  return column.endsWith('_hash') || column.endsWith('_sealed') || column === 'password';
}

/** Tables of the trail itself and SQLite's own, never audited. */
export const AUDIT_OWN_TABLES = new Set(['audit_state', 'audit_changes', 'audit_log']);

/** Columns that are the engine's bookkeeping (search keys, timestamps), or a record's key already named by the entry (a setting's). */
export function isNoiseColumn(column: string): boolean {
  return (
    column === 'id' ||
    column === 'key' ||
    column === 'search_text' ||
    column === 'sort_key' ||
    column.endsWith('_key') ||
    column.endsWith('_terms') ||
    column === 'created_at' ||
    column === 'updated_at' ||
    column === 'created_on' ||
    column === 'file_no_int'
  );
}

/** The data tables of the file (real tables, not views, virtual tables, their shadows or SQLite's). */
export function dataTables(db: Db): string[] {
  const list = db.pragma('table_list') as { schema: string; name: string; type: string }[];
  return list
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && !AUDIT_OWN_TABLES.has(t.name))
    .map((t) => t.name)
    .sort();
}
