/** The reminder form's draft → ReminderInput: times and numbers in any digits, Jalali dates, repeats, and errors on the right field. */
import { messages } from '../../src/renderer/i18n/messages';
import {
  buildReminderInput,
  emptyReminderDraft,
  neverRings,
  parseTime,
  withRepeatDefaults,
  type ReminderDraft,
} from '../../src/renderer/reminders/reminder-draft';

const t = messages.fa;
const base = (patch: Partial<ReminderDraft> = {}): ReminderDraft => ({
  ...emptyReminderDraft('2026-12-01', 'jalali', 'fa', new Date(2026, 11, 1, 9, 10)),
  subject: 'جلسه با بانک',
  ...patch,
});

describe('parseTime', () => {
  it('reads times typed in Persian, Arabic-Indic or ASCII digits', () => {
    expect(parseTime('۰۹:۳۰')).toBe('09:30');
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('٢٣:٥٩')).toBe('23:59');
    expect(parseTime('1430')).toBe('14:30');
    expect(parseTime('09.30')).toBe('09:30');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('12:60')).toBeNull();
    expect(parseTime('ساعت نه')).toBeNull();
  });
});

describe('buildReminderInput', () => {
  it('starts a new reminder on the given day at the next hour, with an alarm at the time', () => {
    const d = base();
    expect(d.date).toBe('۱۴۰۵/۰۹/۱۰');
    expect(d.time).toBe('۱۰:۰۰');
    const r = buildReminderInput(d, 'jalali', t, 'fa');
    expect(r).toEqual({
      ok: true,
      input: expect.objectContaining({ date: '2026-12-01', time: '10:00', repeat: { kind: 'none' }, until: null, alarmMinutesBefore: 0 }),
    });
  });
  it('after 23:00 today a new reminder starts tomorrow at midnight, not at a past 23:00; another day keeps 23:00', () => {
    const late = new Date(2026, 11, 1, 23, 10);
    const today = emptyReminderDraft('2026-12-01', 'jalali', 'fa', late);
    expect([today.date, today.time]).toEqual(['۱۴۰۵/۰۹/۱۱', '۰۰:۰۰']);
    const built = buildReminderInput({ ...today, subject: 'تماس با بانک' }, 'jalali', t, 'fa');
    expect(built.ok && neverRings(built.input, late)).toBeNull();
    const other = emptyReminderDraft('2026-12-05', 'gregorian', 'en', late);
    expect([other.date, other.time]).toEqual(['2026/12/05', '23:00']);
  });

  it('names the field of the first mistake', () => {
    const err = (d: ReminderDraft) => {
      const r = buildReminderInput(d, 'jalali', t, 'fa');
      return r.ok ? null : r.error;
    };
    expect(err(base({ subject: '  ' }))?.field).toBe('subject');
    expect(err(base({ date: '۱۴۰۵/۱۳/۰۱' }))).toEqual({ field: 'date', message: 'تاریخ را به شکل ۱۳۶۹/۰۲/۱۱ وارد کنید.' });
    expect(err(base({ time: '25:00' }))?.field).toBe('time');
    expect(err(base({ repeatKind: 'weekly', days: [] }))).toEqual({ field: 'repeat.days', message: 'دست‌کم یک روز هفته را برگزینید.' });
    expect(err(base({ repeatKind: 'daily', every: '۰' }))).toEqual({ field: 'repeat.every', message: 'عددی از ۱ تا ۳۶۵ بنویسید.' });
    expect(err(base({ repeatKind: 'monthly', monthDay: '۳۲' }))?.field).toBe('repeat.day');
    expect(err(base({ repeatKind: 'daily', until: '۱۴۰۵/۰۲/۳۲' }))?.field).toBe('until');
  });
  it('builds each repeat kind, with until only for repeats', () => {
    const ok = (d: ReminderDraft) => {
      const r = buildReminderInput(d, 'jalali', t, 'fa');
      if (!r.ok) throw new Error(r.error.message);
      return r.input;
    };
    expect(ok(base({ repeatKind: 'weekly', every: '۲', days: [4, 0] })).repeat).toEqual({ kind: 'weekly', every: 2, days: [0, 4] });
    expect(ok(base({ repeatKind: 'monthly', monthDay: '۳۱', until: '۱۴۰۶/۰۱/۰۱' }))).toMatchObject({
      repeat: { kind: 'monthly', day: 31 },
      until: '2027-03-21',
    });
    expect(ok(base({ repeatKind: 'yearly', yearMonth: 12, yearDay: '۳۰' })).repeat).toEqual({ kind: 'yearly', month: 12, day: 30 });
    expect(ok(base({ repeatKind: 'none', until: '۱۴۰۶/۰۱/۰۱' })).until).toBeNull();
    expect(ok(base({ alarm: 'none' })).alarmMinutesBefore).toBeNull();
    expect(ok(base({ alarm: '1440' })).alarmMinutesBefore).toBe(1440);
  });
});

describe('withRepeatDefaults', () => {
  it('fills the Jalali day, month and weekday of the date', () => {
    const d = base(); // 1405/09/10, a Tuesday (Iranian weekday 3)
    expect(withRepeatDefaults(d, 'monthly', 'jalali', 'fa').monthDay).toBe('۱۰');
    expect(withRepeatDefaults(d, 'yearly', 'jalali', 'fa')).toMatchObject({ yearMonth: 9, yearDay: '۱۰' });
    expect(withRepeatDefaults(d, 'weekly', 'jalali', 'fa').days).toEqual([3]);
    expect(withRepeatDefaults({ ...d, days: [1] }, 'weekly', 'jalali', 'fa').days).toEqual([1]);
  });
});

describe('neverRings', () => {
  const input = (patch: Partial<ReminderDraft>) => {
    const r = buildReminderInput(base(patch), 'jalali', t, 'fa');
    if (!r.ok) throw new Error(r.error.message);
    return r.input;
  };
  const now = new Date(2026, 11, 1, 9, 10); // 1405/09/10 09:10
  it('warns of a one-off whose alarm time has passed, counting the alarm lead', () => {
    expect(neverRings(input({ time: '۰۹:۰۰' }), now)).toBe('past');
    expect(neverRings(input({ time: '۰۹:۱۰' }), now)).toBeNull(); // rings now
    expect(neverRings(input({ time: '۰۹:۳۰', alarm: '30' }), now)).toBe('past'); // 09:00 alarm
    expect(neverRings(input({ time: '۰۹:۳۰', alarm: '15' }), now)).toBeNull();
    expect(neverRings(input({ date: '۱۴۰۵/۰۹/۰۹', time: '۲۳:۵۹' }), now)).toBe('past');
  });
  it('never warns of a reminder without an alarm (it is not meant to ring)', () => {
    expect(neverRings(input({ time: '۰۸:۰۰', alarm: 'none' }), now)).toBeNull();
  });
  it('warns of a repeat whose last day has passed, not of one that still has days to come', () => {
    const daily = (until: string) => input({ ...withRepeatDefaults(base({ date: '۱۴۰۵/۰۹/۰۱' }), 'daily', 'jalali', 'fa'), until });
    expect(neverRings(daily('۱۴۰۵/۰۹/۰۹'), now)).toBe('ended');
    expect(neverRings(daily('۱۴۰۵/۰۹/۱۰'), now)).toBeNull();
    expect(neverRings(daily(''), now)).toBeNull();
  });
});
