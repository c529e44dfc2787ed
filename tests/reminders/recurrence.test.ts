import { nextOccurrence, occurrencesBetween, weekDayOf, type Schedule } from '../../src/main/reminders/recurrence';

// Office time: Tehran (no daylight saving since 2022). Set in jest's environment below.
const iso = (t: Date) =>
  `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')} ` +
  `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;

describe('recurrence (Jalali)', () => {
  test('Iranian weekday: 2026-11-21 is a Saturday', () => {
    expect(weekDayOf('2026-11-21')).toBe(0);
    expect(weekDayOf('2026-11-27')).toBe(6);
  });

  test('daily every 2 days, a year of repeats', () => {
    const s: Schedule = { date: '2025-03-21', time: '09:30', repeat: { kind: 'daily', every: 2 }, until: null };
    const all = occurrencesBetween(s, new Date(2025, 2, 21), new Date(2026, 2, 21));
    expect(all).toHaveLength(183);
    expect(iso(all[0]!)).toBe('2025-03-21 09:30');
    expect(iso(all[1]!)).toBe('2025-03-23 09:30');
  });

  test('weekly on Saturday and Wednesday, every other week', () => {
    const s: Schedule = { date: '2026-11-21', time: '08:00', repeat: { kind: 'weekly', days: [0, 4], every: 2 }, until: null };
    const all = occurrencesBetween(s, new Date(2026, 10, 21), new Date(2026, 11, 20)).map(iso);
    expect(all).toEqual(['2026-11-21 08:00', '2026-11-25 08:00', '2026-12-05 08:00', '2026-12-09 08:00', '2026-12-19 08:00']);
  });

  test('monthly on the 31st falls on the last day of 30-day months and Esfand', () => {
    // 1 Farvardin 1405 = 2026-03-21; Jalali year 1405 is common (Esfand 29 days).
    const s: Schedule = { date: '2026-04-20', time: '10:00', repeat: { kind: 'monthly', day: 31 }, until: null };
    const all = occurrencesBetween(s, new Date(2026, 3, 1), new Date(2027, 2, 25)).map(iso);
    expect(all).toHaveLength(12);
    // 31 Farvardin 1405 = 2026-04-20; 30 Mehr 1405 = 2026-10-22; 29 Esfand 1405 = 2027-03-20.
    expect(all[0]).toBe('2026-04-20 10:00');
    expect(all).toContain('2026-10-22 10:00');
    expect(all[11]).toBe('2027-03-20 10:00');
  });

  test('yearly on 30 Esfand shows on 29 Esfand in common years', () => {
    // 1403 is a leap year: 30 Esfand 1403 = 2025-03-20.
    const s: Schedule = { date: '2025-03-20', time: '12:00', repeat: { kind: 'yearly', month: 12, day: 30 }, until: null };
    const all = occurrencesBetween(s, new Date(2025, 0, 1), new Date(2028, 0, 1)).map(iso);
    expect(all).toEqual(['2025-03-20 12:00', '2026-03-20 12:00', '2027-03-20 12:00']);
  });

  test('until ends it; next occurrence after the last is null', () => {
    const s: Schedule = { date: '2026-11-21', time: '08:00', repeat: { kind: 'daily', every: 1 }, until: '2026-11-23' };
    expect(iso(nextOccurrence(s, new Date(2026, 10, 22, 8, 0))!)).toBe('2026-11-23 08:00');
    expect(nextOccurrence(s, new Date(2026, 10, 23, 8, 0))).toBeNull();
  });
});
