/** SQL of the alarms: the fired/pending queue, the scheduler's last look, and the alarm settings. */
import type { AlarmSettings, AlarmSource } from '../../shared/contract/reminders';
import type { Db } from '../db/database';

export type AlarmRow = {
  id: number; key: string; source: AlarmSource; ref_id: number; title: string; place: string; note: string;
  contact_id: number | null; occurs_at: number; fired_at: number; late: 0 | 1; snoozed_until: number | null; dismissed_at: number | null;
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
    pending: db.prepare<[], AlarmRow>('SELECT * FROM alarms WHERE dismissed_at IS NULL ORDER BY occurs_at, id'),
    snoozesDue: db.prepare<[number], AlarmRow>(
      'SELECT * FROM alarms WHERE snoozed_until IS NOT NULL AND snoozed_until <= ? AND dismissed_at IS NULL ORDER BY snoozed_until, id',
    ),
    clearSnooze: db.prepare<[number]>('UPDATE alarms SET snoozed_until = NULL WHERE id = ?'),
    nextSnooze: db.prepare<[], number | null>('SELECT MIN(snoozed_until) FROM alarms WHERE snoozed_until IS NOT NULL AND dismissed_at IS NULL'),
    snooze: db.prepare<[number, number]>('UPDATE alarms SET snoozed_until = ? WHERE id = ? AND dismissed_at IS NULL'),
    dismiss: db.prepare<[number, number]>('UPDATE alarms SET dismissed_at = ?, snoozed_until = NULL WHERE id = ? AND dismissed_at IS NULL'),
    deleteOf: db.prepare<[string, number]>('DELETE FROM alarms WHERE source = ? AND ref_id = ?'),
    pendingOf: db.prepare<[string, number], number>('SELECT COUNT(*) FROM alarms WHERE source = ? AND ref_id = ? AND dismissed_at IS NULL'),
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
    dismiss: (id: number, at: number) => s.dismiss.run(at, id).changes > 0,
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
