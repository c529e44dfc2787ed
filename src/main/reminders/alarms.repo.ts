/** SQL of the alarms: the fired/pending queue, the scheduler's last look, and the alarm settings. */
import type { AlarmSettings, AlarmSource } from '../../shared/contract/reminders';
import type { Db } from '../db/database';

export type AlarmRow = {
  id: number;
  key: string;
  source: AlarmSource;
  ref_id: number;
  title: string;
  place: string;
  note: string;
  contact_id: number | null;
  occurs_at: number;
  fired_at: number;
  late: 0 | 1;
  snoozed_until: number | null;
  dismissed_at: number | null;
  /** The carrier alarm this missed occurrence was merged into (migration 0011), or null. */
  merged_into: number | null;
  missed_count: number;
  first_occurs_at: number | null;
};
export type FiredAlarm = Pick<AlarmRow, 'key' | 'source' | 'ref_id' | 'title' | 'place' | 'note' | 'contact_id' | 'occurs_at' | 'fired_at' | 'late'>;

export const DEFAULT_ALARM_SETTINGS: AlarmSettings = { birthdayTime: '09:00', sound: true };
/** Keys in the settings table; dotted so they never meet a key of the general settings. */
const SETTING_KEYS = { birthdayTime: 'alarms.birthdayTime', sound: 'alarms.sound' } as const;

export type AlarmsRepo = ReturnType<typeof createAlarmsRepo>;

export function createAlarmsRepo(db: Db) {
  const s = {
    lastTick: db.prepare<[], number>("SELECT value FROM alarm_state WHERE key = 'last_tick'"),
    setLastTick: db.prepare<[number]>("INSERT INTO alarm_state (key, value) VALUES ('last_tick', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    fired: db.prepare<[string], number>('SELECT 1 FROM alarms WHERE key = ?'),
    // A snoozed alarm ringing again keeps its row (and id): it rings, shows, and is no longer snoozed.
    upsert: db.prepare(
      `INSERT INTO alarms (key, source, ref_id, title, place, note, contact_id, occurs_at, fired_at, late)
       VALUES (@key, @source, @ref_id, @title, @place, @note, @contact_id, @occurs_at, @fired_at, @late)
       ON CONFLICT (key) DO UPDATE SET fired_at = excluded.fired_at, late = excluded.late, snoozed_until = NULL, dismissed_at = NULL`,
    ),
    byKey: db.prepare<[string], AlarmRow>('SELECT * FROM alarms WHERE key = ?'),
    get: db.prepare<[number], AlarmRow>('SELECT * FROM alarms WHERE id = ?'),
    pending: db.prepare<[], AlarmRow>('SELECT * FROM alarms WHERE dismissed_at IS NULL AND merged_into IS NULL ORDER BY occurs_at, id'),
    snoozesDue: db.prepare<[number], AlarmRow>(
      'SELECT * FROM alarms WHERE snoozed_until IS NOT NULL AND snoozed_until <= ? AND dismissed_at IS NULL AND merged_into IS NULL ORDER BY snoozed_until, id',
    ),
    // What a late occurrence of (source, ref_id) may merge with: a waiting alarm that is itself late or merged.
    mergeTargets: db.prepare<[string, number], AlarmRow>(
      `SELECT * FROM alarms WHERE source = ? AND ref_id = ? AND dismissed_at IS NULL AND merged_into IS NULL
         AND (late = 1 OR missed_count > 1) ORDER BY id`,
    ),
    insertMerged: db.prepare(
      `INSERT INTO alarms (key, source, ref_id, title, place, note, contact_id, occurs_at, fired_at, late, merged_into)
       VALUES (@key, @source, @ref_id, @title, @place, @note, @contact_id, @occurs_at, @fired_at, 1, @merged_into)`,
    ),
    absorb: db.prepare<[number, number]>('UPDATE alarms SET merged_into = ?, snoozed_until = NULL WHERE id = ?'),
    repoint: db.prepare<[number, number]>('UPDATE alarms SET merged_into = ? WHERE merged_into = ?'),
    carry: db.prepare<{ id: number; occurs_at: number; first_occurs_at: number | null; missed_count: number; fired_at: number }>(
      `UPDATE alarms SET occurs_at = @occurs_at, first_occurs_at = @first_occurs_at, missed_count = @missed_count, fired_at = @fired_at,
         late = 1, snoozed_until = NULL, dismissed_at = NULL WHERE id = @id`,
    ),
    clearSnooze: db.prepare<[number]>('UPDATE alarms SET snoozed_until = NULL WHERE id = ?'),
    nextSnooze: db.prepare<[], number | null>(
      'SELECT MIN(snoozed_until) FROM alarms WHERE snoozed_until IS NOT NULL AND dismissed_at IS NULL AND merged_into IS NULL',
    ),
    snooze: db.prepare<[number, number]>('UPDATE alarms SET snoozed_until = ? WHERE id = ? AND dismissed_at IS NULL AND merged_into IS NULL'),
    // Dismissing a carrier dismisses every occurrence merged into it.
    dismiss: db.prepare<{ id: number; at: number }>(
      'UPDATE alarms SET dismissed_at = @at, snoozed_until = NULL WHERE (id = @id OR merged_into = @id) AND dismissed_at IS NULL',
    ),
    deleteOf: db.prepare<[string, number]>('DELETE FROM alarms WHERE source = ? AND ref_id = ?'),
    pendingOf: db.prepare<[string, number], number>(
      'SELECT COUNT(*) FROM alarms WHERE source = ? AND ref_id = ? AND dismissed_at IS NULL AND merged_into IS NULL',
    ),
    retitle: db.prepare<{ source: string; ref_id: number; title: string; place: string; note: string; contact_id: number | null }>(
      `UPDATE alarms SET title = @title, place = @place, note = @note, contact_id = @contact_id
        WHERE source = @source AND ref_id = @ref_id AND dismissed_at IS NULL
          AND NOT (title = @title AND place = @place AND note = @note AND contact_id IS @contact_id)`,
    ),
    setting: db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?'),
    putSetting: db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };

  return {
    lastTick: (): number | null => s.lastTick.pluck().get() ?? null,
    setLastTick: (ms: number) => s.setLastTick.run(ms),
    wasFired: (key: string) => s.fired.pluck().get(key) !== undefined,
    markFired: (a: FiredAlarm) => s.upsert.run(a),
    byKey: (key: string) => s.byKey.get(key),
    get: (id: number) => s.get.get(id),
    pending: () => s.pending.all(),
    /** Snoozes that ended by `now`, cleared as they are returned (they ring again right away). */
    takeSnoozesDue: db.transaction((now: number): AlarmRow[] => {
      const rows = s.snoozesDue.all(now);
      for (const r of rows) s.clearSnooze.run(r.id);
      return rows;
    }),
    nextSnooze: (): number | null => s.nextSnooze.pluck().get() ?? null,
    snooze: (id: number, until: number) => s.snooze.run(until, id).changes > 0,
    dismiss: (id: number, at: number) => s.dismiss.run({ id, at }).changes > 0,
    /**
     * Records late occurrences of one item (same source and ref_id, in time order) as ONE alarm, merged
     * with a waiting late alarm of the same item if there is one (the app closed twice before the user
     * came back), and returns the key of the alarm that carries them. Occurrences already in the table
     * (a snooze that ended while the app was closed) are merged by their rows; the others get rows
     * pointing at the carrier, so each stays "fired" for good. One transaction: all or nothing.
     */
    markMissed: db.transaction((items: FiredAlarm[], firedAt: number): string => {
      const rows = new Map<number, AlarmRow>();
      for (const r of s.mergeTargets.all(items[0]!.source, items[0]!.ref_id)) rows.set(r.id, r);
      const fresh: FiredAlarm[] = [];
      for (const it of items) {
        const r = s.byKey.get(it.key);
        if (r && r.dismissed_at === null && r.merged_into === null) rows.set(r.id, r);
        else if (!r) fresh.push(it);
      }
      // The carrier keeps the oldest id (the window already shows it); otherwise the last occurrence's row.
      let carrier = [...rows.values()].sort((a, b) => a.id - b.id)[0];
      if (!carrier) {
        const last = fresh.pop()!;
        s.upsert.run({ ...last, fired_at: firedAt, late: 1 });
        carrier = s.byKey.get(last.key)!;
      }
      let count = carrier.missed_count;
      let first = carrier.first_occurs_at ?? carrier.occurs_at;
      let last = carrier.occurs_at;
      for (const r of rows.values()) {
        if (r.id === carrier.id) continue;
        s.absorb.run(carrier.id, r.id);
        s.repoint.run(carrier.id, r.id);
        count += r.missed_count;
        first = Math.min(first, r.first_occurs_at ?? r.occurs_at);
        last = Math.max(last, r.occurs_at);
      }
      for (const it of fresh) {
        s.insertMerged.run({
          key: it.key,
          source: it.source,
          ref_id: it.ref_id,
          title: it.title,
          place: it.place,
          note: it.note,
          contact_id: it.contact_id,
          occurs_at: it.occurs_at,
          fired_at: firedAt,
          merged_into: carrier.id,
        });
        count += 1;
        first = Math.min(first, it.occurs_at);
        last = Math.max(last, it.occurs_at);
      }
      s.carry.run({ id: carrier.id, occurs_at: last, first_occurs_at: count > 1 ? first : null, missed_count: count, fired_at: firedAt });
      return carrier.key;
    }),
    /** Removes every alarm of a reminder (or cheque…); returns whether any was still pending. */
    deleteOf: db.transaction((source: AlarmSource, refId: number): boolean => {
      const pending = (s.pendingOf.pluck().get(source, refId) ?? 0) > 0;
      s.deleteOf.run(source, refId);
      return pending;
    }),
    /** Brings the text of a changed reminder's pending alarms up to date; true when any changed. */
    retitle: (source: AlarmSource, refId: number, text: { title: string; place: string; note: string; contactId: number | null }) =>
      s.retitle.run({ source, ref_id: refId, title: text.title, place: text.place, note: text.note, contact_id: text.contactId }).changes > 0,
    settings(): AlarmSettings {
      const read = (k: string): unknown => {
        const v = s.setting.pluck().get(k);
        return v === undefined ? undefined : JSON.parse(v);
      };
      const time = read(SETTING_KEYS.birthdayTime);
      const sound = read(SETTING_KEYS.sound);
      return {
        birthdayTime: time === null || (typeof time === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(time)) ? time : DEFAULT_ALARM_SETTINGS.birthdayTime,
        sound: typeof sound === 'boolean' ? sound : DEFAULT_ALARM_SETTINGS.sound,
      };
    },
    saveSettings: db.transaction((v: AlarmSettings) => {
      s.putSetting.run(SETTING_KEYS.birthdayTime, JSON.stringify(v.birthdayTime));
      s.putSetting.run(SETTING_KEYS.sound, JSON.stringify(v.sound));
    }),
  };
}
