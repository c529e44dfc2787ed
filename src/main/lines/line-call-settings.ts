/**
 * How a line handles several calls at once (migration line_call_settings): how many callers the IVR holds,
 * and whether a recording keeps the caller and the office apart (stereo) or mixes them. No row = defaults.
 */
import type { LineCallSettings } from '../../shared/contract/line-calls.api';
import type { Db } from '../db/database';

type Row = { ivr_at_once: number; record_sides: 'stereo' | 'mixed' };

export type CallSettingsStore = ReturnType<typeof createCallSettingsStore>;

export function createCallSettingsStore(db: Db) {
  const get = db.prepare<[number], Row>('SELECT ivr_at_once, record_sides FROM line_call_settings WHERE line_id = ?');
  const put = db.prepare<[number, number, string]>(
    'INSERT INTO line_call_settings (line_id, ivr_at_once, record_sides) VALUES (?, ?, ?) ' +
      'ON CONFLICT (line_id) DO UPDATE SET ivr_at_once = excluded.ivr_at_once, record_sides = excluded.record_sides',
  );
  const of = (lineId: number): Row => get.get(lineId) ?? { ivr_at_once: 0, record_sides: 'stereo' };
  return {
    of,
    view: (lineId: number, channels: number): LineCallSettings => {
      const r = of(lineId);
      return { lineId, ivrAtOnce: r.ivr_at_once, recordSides: r.record_sides, channels };
    },
    save(lineId: number, patch: { ivrAtOnce?: number; recordSides?: 'stereo' | 'mixed' }): void {
      const r = of(lineId);
      put.run(lineId, patch.ivrAtOnce ?? r.ivr_at_once, patch.recordSides ?? r.record_sides);
    },
  };
}

/** Callers the IVR may hold at once on a line of `channels` channels: the setting, never more than the channels. */
export const ivrAtOnceOf = (setting: number, channels: number): number => (setting > 0 ? Math.min(setting, channels) : channels);
