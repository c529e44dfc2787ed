/** SQL of the cheques themselves: rows, their history (events), scanned images, and the cheque settings. */
import type { ChequeDirection, ChequeEventKind, ChequeSettings, ChequeStatus } from '../../shared/contract/cheques';
import { DEFAULT_CHEQUE_SETTINGS } from '../../shared/contract/cheques';
import type { Db } from '../db/database';

export type ChequeRowDb = {
  id: number;
  direction: ChequeDirection;
  status: ChequeStatus;
  guarantee: 0 | 1;
  sayad_id: string;
  sayad_registered: 0 | 1;
  series: string;
  serial: string;
  bank_code: string | null;
  bank_name: string;
  branch: string;
  account: string;
  amount: number;
  issue_date: string | null;
  due_date: string | null;
  contact_id: number | null;
  party_name: string;
  party_id: string;
  purpose: string;
  note: string;
  leaf_id: number | null;
  search_text: string;
  party_key: string;
  bank_key: string;
  created_at: string;
  created_on: string;
  updated_at: string;
  alarm_base_at: string;
};
/** What a save writes; the rest (status, times, leaf) is the service's business. */
export type ChequeColumns = Pick<
  ChequeRowDb,
  | 'guarantee'
  | 'sayad_id'
  | 'sayad_registered'
  | 'series'
  | 'serial'
  | 'bank_code'
  | 'bank_name'
  | 'branch'
  | 'account'
  | 'amount'
  | 'issue_date'
  | 'due_date'
  | 'contact_id'
  | 'party_name'
  | 'party_id'
  | 'purpose'
  | 'note'
  | 'search_text'
  | 'party_key'
  | 'bank_key'
>;
export type EventRowDb = {
  id: number;
  cheque_id: number;
  kind: ChequeEventKind;
  from_status: ChequeStatus | null;
  to_status: ChequeStatus | null;
  date: string;
  note: string;
  counterparty: string;
  certificate: 0 | 1;
  changes: string;
  recorded_at: string;
  recorded_by: string;
};
export type NewEvent = Omit<EventRowDb, 'id'>;
export type ImageRowDb = {
  id: number;
  cheque_id: number;
  file_name: string;
  mime: string;
  size: number;
  stored_as: string;
  thumb: Buffer | null;
  added_at: string;
};

export const CHEQUE_COLUMNS = [
  'guarantee',
  'sayad_id',
  'sayad_registered',
  'series',
  'serial',
  'bank_code',
  'bank_name',
  'branch',
  'account',
  'amount',
  'issue_date',
  'due_date',
  'contact_id',
  'party_name',
  'party_id',
  'purpose',
  'note',
  'search_text',
  'party_key',
  'bank_key',
] as const satisfies readonly (keyof ChequeColumns)[];

const SETTING_KEYS = { warnDays: 'cheques.warnDays', warnTime: 'cheques.warnTime', showToman: 'cheques.showToman' } as const;

export type ChequesRepo = ReturnType<typeof createChequesRepo>;

export function createChequesRepo(db: Db) {
  const s = {
    insert: db.prepare(
      `INSERT INTO cheques (direction, status, leaf_id, ${CHEQUE_COLUMNS.join(', ')}, created_at, created_on, updated_at, alarm_base_at)
       VALUES (@direction, @status, @leaf_id, ${CHEQUE_COLUMNS.map((c) => '@' + c).join(', ')}, @now, @today, @now, @now)`,
    ),
    update: db.prepare(`UPDATE cheques SET ${CHEQUE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`),
    setStatus: db.prepare<{ id: number; status: ChequeStatus; now: string }>('UPDATE cheques SET status = @status, updated_at = @now WHERE id = @id'),
    rebaseAlarm: db.prepare<[string, number]>('UPDATE cheques SET alarm_base_at = ? WHERE id = ?'),
    get: db.prepare<[number], ChequeRowDb>('SELECT * FROM cheques WHERE id = ?'),
    delete: db.prepare<[number]>('DELETE FROM cheques WHERE id = ?'),
    bySayad: db.prepare<[string], { id: number; party_name: string }>("SELECT id, party_name FROM cheques WHERE sayad_id = ? AND sayad_id <> ''"),
    contactName: db.prepare<[number], string>('SELECT display_name FROM contacts WHERE id = ?'),
    insertEvent: db.prepare(
      `INSERT INTO cheque_events (cheque_id, kind, from_status, to_status, date, note, counterparty, certificate, changes, recorded_at, recorded_by)
       VALUES (@cheque_id, @kind, @from_status, @to_status, @date, @note, @counterparty, @certificate, @changes, @recorded_at, @recorded_by)`,
    ),
    events: db.prepare<[number], EventRowDb>('SELECT * FROM cheque_events WHERE cheque_id = ? ORDER BY id'),
    lastStatusDate: db.prepare<[number], string>("SELECT date FROM cheque_events WHERE cheque_id = ? AND kind = 'status' ORDER BY id DESC LIMIT 1"),
    laterEvents: db.prepare<[number], number>("SELECT COUNT(*) FROM cheque_events WHERE cheque_id = ? AND kind <> 'created'"),
    insertImage: db.prepare(
      'INSERT INTO cheque_images (cheque_id, file_name, mime, size, stored_as, thumb, added_at) VALUES (@cheque_id, @file_name, @mime, @size, @stored_as, ' +
        '@thumb, @added_at)',
    ),
    images: db.prepare<[number], ImageRowDb>('SELECT * FROM cheque_images WHERE cheque_id = ? ORDER BY id'),
    image: db.prepare<[number], ImageRowDb>('SELECT * FROM cheque_images WHERE id = ?'),
    deleteImage: db.prepare<[number]>('DELETE FROM cheque_images WHERE id = ?'),
    /** Open cheques due in [from, to] (local dates), for the due-date warnings; uses cheques_open_by_due. */
    openDue: db.prepare<[string, string], ChequeRowDb>(
      `SELECT * FROM cheques WHERE status IN ('on_hand', 'deposited', 'issued') AND due_date IS NOT NULL
         AND due_date BETWEEN ? AND ? ORDER BY due_date, id`,
    ),
    openDueFrom: db.prepare<[string, number], ChequeRowDb>(
      `SELECT * FROM cheques WHERE status IN ('on_hand', 'deposited', 'issued') AND due_date IS NOT NULL
         AND due_date >= ? ORDER BY due_date, id LIMIT ?`,
    ),
    setting: db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?'),
    putSetting: db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };

  return {
    insert: (row: ChequeColumns & { direction: ChequeDirection; status: ChequeStatus; leaf_id: number | null; now: string; today: string }): number =>
      Number(s.insert.run(row).lastInsertRowid),
    update: (id: number, cols: ChequeColumns, now: string) => s.update.run({ ...cols, id, now }),
    setStatus: (id: number, status: ChequeStatus, now: string) => s.setStatus.run({ id, status, now }),
    rebaseAlarm: (id: number, now: string) => s.rebaseAlarm.run(now, id),
    get: (id: number) => s.get.get(id),
    delete: (id: number) => s.delete.run(id).changes > 0,
    bySayad: (sayad: string) => s.bySayad.get(sayad),
    contactName: (id: number): string | null => s.contactName.pluck().get(id) ?? null,
    addEvent: (e: NewEvent) => Number(s.insertEvent.run(e).lastInsertRowid),
    events: (chequeId: number) => s.events.all(chequeId),
    lastStatusDate: (chequeId: number): string | null => s.lastStatusDate.pluck().get(chequeId) ?? null,
    /** Events after the registration: any makes the cheque's money fields correction-only and the cheque undeletable. */
    laterEvents: (chequeId: number): number => s.laterEvents.pluck().get(chequeId) ?? 0,
    addImage: (img: Omit<ImageRowDb, 'id'>) => Number(s.insertImage.run(img).lastInsertRowid),
    images: (chequeId: number) => s.images.all(chequeId),
    image: (id: number) => s.image.get(id),
    deleteImage: (id: number) => s.deleteImage.run(id).changes > 0,
    openDue: (from: string, to: string) => s.openDue.all(from, to),
    openDueFrom: (from: string, limit: number) => s.openDueFrom.all(from, limit),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    settings(): ChequeSettings {
      const read = (k: string): unknown => {
        const v = s.setting.pluck().get(k);
        return v === undefined ? undefined : JSON.parse(v);
      };
      const days = read(SETTING_KEYS.warnDays);
      const time = read(SETTING_KEYS.warnTime);
      const toman = read(SETTING_KEYS.showToman);
      const d = DEFAULT_CHEQUE_SETTINGS;
      return {
        warnDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 60 ? days : d.warnDays,
        warnTime: typeof time === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(time) ? time : d.warnTime,
        showToman: typeof toman === 'boolean' ? toman : d.showToman,
      };
    },
    saveSettings: db.transaction((v: ChequeSettings) => {
      s.putSetting.run(SETTING_KEYS.warnDays, JSON.stringify(v.warnDays));
      s.putSetting.run(SETTING_KEYS.warnTime, JSON.stringify(v.warnTime));
      s.putSetting.run(SETTING_KEYS.showToman, JSON.stringify(v.showToman));
    }),
  };
}
