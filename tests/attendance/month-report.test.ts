/**
 * The monthly figures, rule by rule: Jalali month and year boundaries, night shifts across midnight
 * and across the month's end, holidays, lateness and early leave with grace and hourly leave,
 * overtime, day leave over a holiday, missions, absent and future days, open records.
 */
import type { Shift } from '../../src/shared/contract/attendance';
import { computeMonth, type ReportAbsence, type ReportInput } from '../../src/main/attendance/month-report';
import { addDays, iranWeekday, jalaliMonthRange, localMs } from '../../src/main/attendance/local-time';

const at = (date: string, time: string) => localMs(date, time);
/** Saturday to Wednesday 08:00–16:00, Thursday 08:00–12:00, Friday off. */
const office: Shift[] = [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '08:00', end: '16:00' })).concat([{ weekday: 5, start: '08:00', end: '12:00' }]);
const nights: Shift[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '22:00', end: '06:00' }));

// Mehr 1405: 2026-09-23 (Wednesday) … 2026-10-22 (30 days).
const MEHR = jalaliMonthRange(1405, 7);
const base = (over: Partial<ReportInput>): ReportInput => ({
  ...MEHR,
  now: at('2026-12-01', '12:00'),
  shifts: office,
  graceMinutes: 0,
  holidays: new Map(),
  records: [],
  absences: [],
  ...over,
});
const dayOf = (r: ReturnType<typeof computeMonth>, date: string) => r.days.find((d) => d.date === date)!;

describe('Jalali months', () => {
  test('month and year boundaries', () => {
    expect(MEHR).toEqual({ from: '2026-09-23', to: '2026-10-22' });
    // Esfand 1403 is a leap Esfand (30 days); Farvardin 1404 starts the next day.
    expect(jalaliMonthRange(1403, 12)).toEqual({ from: '2025-02-19', to: '2025-03-20' });
    expect(jalaliMonthRange(1404, 1)).toEqual({ from: '2025-03-21', to: '2025-04-20' });
    // Esfand 1404 has 29 days.
    expect(jalaliMonthRange(1404, 12)).toEqual({ from: '2026-02-20', to: '2026-03-20' });
    // Dey starts in one Gregorian year and ends in the next.
    expect(jalaliMonthRange(1404, 10)).toEqual({ from: '2025-12-22', to: '2026-01-20' });
    const r = computeMonth(base({ ...jalaliMonthRange(1403, 12) }));
    expect(r.days).toHaveLength(30);
    expect(r.days[0]!.date).toBe('2025-02-19');
  });

  test('work days follow the Iranian week (Friday off)', () => {
    expect(iranWeekday('2026-09-25')).toBe(6); // a Friday
    const r = computeMonth(base({ now: at('2026-09-01', '00:00') }));
    expect(dayOf(r, '2026-09-25').status).toBe('off');
    // 30 days, 4 Fridays (Sep 25, Oct 2, 9, 16) → 26 work days, all still in the future.
    expect(r.totals.workDays).toBe(26);
    expect(r.days.filter((d) => d.status === 'future')).toHaveLength(26);
    expect(r.totals.absentDays).toBe(0);
  });
});

describe('a day at the office', () => {
  test('lateness, early leave and overtime, with grace', () => {
    const records = [
      { start: at('2026-09-26', '08:10'), end: at('2026-09-26', '16:30') }, // 10 late, 30 overtime
      { start: at('2026-09-27', '07:30'), end: at('2026-09-27', '15:00') }, // 30 overtime before, 60 early
      { start: at('2026-09-28', '08:04'), end: at('2026-09-28', '15:57') }, // within a 5-minute grace
    ];
    const r = computeMonth(base({ records, graceMinutes: 5 }));
    expect(dayOf(r, '2026-09-26')).toMatchObject({
      status: 'present',
      firstIn: '08:10',
      lastOut: '16:30',
      lateMinutes: 10,
      earlyMinutes: 0,
      overtimeMinutes: 30,
      workedMinutes: 500,
    });
    expect(dayOf(r, '2026-09-27')).toMatchObject({ lateMinutes: 0, earlyMinutes: 60, overtimeMinutes: 30 });
    expect(dayOf(r, '2026-09-28')).toMatchObject({ lateMinutes: 0, earlyMinutes: 0, overtimeMinutes: 0 });
    expect(r.totals).toMatchObject({ presentDays: 3, lateDays: 1, lateMinutes: 10, earlyDays: 1, earlyMinutes: 60, overtimeMinutes: 60 });
    // Every other work day of the month was missed.
    expect(r.totals.absentDays).toBe(26 - 3);
  });

  test('a lunch break does not count as early leave; two records add up', () => {
    const records = [
      { start: at('2026-09-26', '08:00'), end: at('2026-09-26', '12:00') },
      { start: at('2026-09-26', '13:00'), end: at('2026-09-26', '16:00') },
    ];
    const d = dayOf(computeMonth(base({ records })), '2026-09-26');
    expect(d).toMatchObject({ firstIn: '08:00', lastOut: '16:00', workedMinutes: 420, lateMinutes: 0, earlyMinutes: 0 });
  });

  test('hourly leave and missions excuse lateness and early leave', () => {
    const absences: ReportAbsence[] = [
      { category: 'leave', leaveType: 'entitled', unit: 'hour', from: '2026-09-26', to: '2026-09-26', start: '08:00', end: '10:00' },
      { category: 'mission', leaveType: null, unit: 'hour', from: '2026-09-26', to: '2026-09-26', start: '14:00', end: '16:00' },
    ];
    const records = [{ start: at('2026-09-26', '10:15'), end: at('2026-09-26', '14:00') }];
    const r = computeMonth(base({ records, absences }));
    expect(dayOf(r, '2026-09-26')).toMatchObject({ lateMinutes: 15, earlyMinutes: 0, leaveMinutes: 120, missionMinutes: 120 });
    expect(r.totals.leaveMinutes.entitled).toBe(120);
    expect(r.totals.missionMinutes).toBe(120);
  });

  test('hourly leave covering the whole shift is not an absence', () => {
    const absences: ReportAbsence[] = [
      { category: 'leave', leaveType: 'sick', unit: 'hour', from: '2026-10-01', to: '2026-10-01', start: '08:00', end: '12:00' },
    ];
    // 1 Oct 2026 is a Thursday: 08:00–12:00.
    expect(dayOf(computeMonth(base({ absences })), '2026-10-01')).toMatchObject({ status: 'leave', leaveType: 'sick' });
  });
});

describe('holidays, leave and missions', () => {
  test('a holiday is not a work day; work on it is overtime', () => {
    const holidays = new Map([['2026-09-26', 'Holiday']]);
    const records = [{ start: at('2026-09-26', '09:00'), end: at('2026-09-26', '11:00') }];
    const r = computeMonth(base({ holidays, records }));
    expect(dayOf(r, '2026-09-26')).toMatchObject({ status: 'holiday', holiday: 'Holiday', overtimeMinutes: 120, workedMinutes: 120 });
    expect(r.totals).toMatchObject({ holidays: 1, workDays: 25, overtimeMinutes: 120 });
  });

  test('day leave counts work days only: not the Friday or the holiday inside it', () => {
    const holidays = new Map([['2026-09-29', 'Holiday']]);
    // Thursday 24 Sep … Wednesday 30 Sep: Fri 25 off, Tue 29 a holiday → 5 days of leave.
    const absences: ReportAbsence[] = [{ category: 'leave', leaveType: 'entitled', unit: 'day', from: '2026-09-24', to: '2026-09-30', start: null, end: null }];
    const r = computeMonth(base({ holidays, absences }));
    expect(r.totals.leaveDays).toEqual({ entitled: 5, sick: 0, unpaid: 0 });
    expect(dayOf(r, '2026-09-25').status).toBe('off');
    expect(dayOf(r, '2026-09-29').status).toBe('holiday');
    expect(dayOf(r, '2026-09-27')).toMatchObject({ status: 'leave', leaveType: 'entitled' });
    expect(r.days.filter((d) => d.status === 'absent').map((d) => d.date)).not.toContain('2026-09-27');
  });

  test('missions by the day count every day they cover', () => {
    const absences: ReportAbsence[] = [{ category: 'mission', leaveType: null, unit: 'day', from: '2026-10-01', to: '2026-10-03', start: null, end: null }];
    const r = computeMonth(base({ absences }));
    expect(r.totals.missionDays).toBe(3);
    expect(['2026-10-01', '2026-10-02', '2026-10-03'].map((d) => dayOf(r, d).status)).toEqual(['mission', 'mission', 'mission']);
  });
});

describe('night shifts', () => {
  test('a shift across midnight is one day: no lateness, no overtime', () => {
    const records = [{ start: at('2026-09-26', '22:00'), end: at('2026-09-27', '06:00') }];
    const r = computeMonth(base({ shifts: nights, records }));
    expect(dayOf(r, '2026-09-26')).toMatchObject({
      status: 'present',
      firstIn: '22:00',
      lastOut: '06:00',
      workedMinutes: 480,
      lateMinutes: 0,
      earlyMinutes: 0,
      overtimeMinutes: 0,
    });
    // The morning part does not make the next day present.
    expect(dayOf(r, '2026-09-27').status).toBe('absent');
  });

  test('lateness after midnight and early leave before six', () => {
    const records = [{ start: at('2026-09-26', '23:30'), end: at('2026-09-27', '05:00') }];
    expect(dayOf(computeMonth(base({ shifts: nights, records })), '2026-09-26')).toMatchObject({ lateMinutes: 90, earlyMinutes: 60 });
  });

  test('the last night of the month counts in it; the night before the first day counts in the month before', () => {
    const records = [
      { start: at(addDays(MEHR.from, -1), '22:00'), end: at(MEHR.from, '06:00') }, // last night of Shahrivar
      { start: at(MEHR.to, '22:05'), end: at(addDays(MEHR.to, 1), '06:00') }, // last night of Mehr
    ];
    const r = computeMonth(base({ shifts: nights, records }));
    expect(dayOf(r, MEHR.from).status).toBe('absent');
    expect(dayOf(r, MEHR.to)).toMatchObject({ status: 'present', lateMinutes: 5, workedMinutes: 475 });
    expect(r.totals.presentDays).toBe(1);
    const shahrivar = computeMonth(base({ ...jalaliMonthRange(1405, 6), shifts: nights, records }));
    expect(shahrivar.days.at(-1)).toMatchObject({ date: addDays(MEHR.from, -1), status: 'present', workedMinutes: 480 });
  });
});

describe('the first day at work', () => {
  test('days before the registration date are not work days or absences, unless something happened on them', () => {
    const records = [{ start: at('2026-09-27', '08:00'), end: at('2026-09-27', '16:00') }];
    const r = computeMonth(base({ employedFrom: '2026-10-01', records }));
    expect(dayOf(r, '2026-09-26').status).toBe('none');
    expect(dayOf(r, '2026-09-27').status).toBe('present');
    // 1 Oct … 22 Oct: 19 work days (Fridays 2, 9, 16 off), all missed; the day worked before counts as well.
    expect(r.totals).toMatchObject({ workDays: 20, presentDays: 1, absentDays: 19 });
  });
});

describe('open records and now', () => {
  test('someone still in is counted until now; a forgotten exit is flagged', () => {
    const now = at('2026-10-05', '12:00'); // a Monday
    const records = [
      { start: at('2026-10-05', '08:00'), end: null },
      { start: at('2026-10-04', '08:00'), end: null },
    ];
    const r = computeMonth(base({ now, records }));
    expect(dayOf(r, '2026-10-05')).toMatchObject({ status: 'present', workedMinutes: 240, earlyMinutes: 0, openRecord: false, lastOut: null });
    expect(dayOf(r, '2026-10-04')).toMatchObject({ status: 'present', openRecord: true, workedMinutes: 0 });
    expect(r.totals.openRecords).toBe(1);
    expect(dayOf(r, '2026-10-06').status).toBe('future');
  });

  test('no schedule: nothing is absent and nothing is overtime', () => {
    const r = computeMonth(base({ shifts: null, records: [{ start: at('2026-09-26', '09:00'), end: at('2026-09-26', '10:00') }] }));
    expect(r.totals).toMatchObject({ workDays: 0, absentDays: 0, overtimeMinutes: 0, workedMinutes: 60 });
  });

  test('no schedule: a day with clocked time is a day worked, not a day off; the other days stay off', () => {
    const r = computeMonth(
      base({
        shifts: null,
        records: [
          { start: at('2026-09-26', '09:00'), end: at('2026-09-26', '17:30') },
          { start: at('2026-09-27', '08:00'), end: at('2026-09-27', '12:00') },
        ],
      }),
    );
    expect(dayOf(r, '2026-09-26')).toMatchObject({ status: 'present', workedMinutes: 510, lateMinutes: 0, overtimeMinutes: 0 });
    expect(dayOf(r, '2026-09-27').status).toBe('present');
    expect(dayOf(r, '2026-09-28').status).toBe('off');
    expect(r.totals).toMatchObject({ workDays: 0, presentDays: 2, absentDays: 0, lateDays: 0, overtimeMinutes: 0, workedMinutes: 750 });
  });
});
