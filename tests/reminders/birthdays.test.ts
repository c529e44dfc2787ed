/**
 * Birthdays found through the birth month-day index agree, day by day over three Jalali years (one of
 * them leap), with a brute-force Jalali anniversary of every contact — both the exact per-day lookup
 * the alarms use and the range-with-slack the agenda uses.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { birthdaysBetween, birthdaysOn } from '../../src/main/reminders/birthdays';
import { createRemindersRepo } from '../../src/main/reminders/reminders.repo';
import { removeDir, tempDir } from '../helpers/engine';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (t: Date) => t.toISOString().slice(0, 10);

test('per-day and range lookups match a brute-force Jalali anniversary', () => {
  const dir = tempDir();
  const db: Database.Database = openDatabase(path.join(dir, 'b.sqlite'), { migrations: loadMigrations(migrationsDir()) });
  try {
    // 3000 births from 1800 to 2025, every day of the year several times, and the awkward ones.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const births: string[] = ['2025-03-20', '1996-03-20', '1992-02-29', '1800-01-01', '2024-03-19'];
    while (births.length < 3000) births.push(iso(new Date(Date.UTC(1800, 0, 1) + Math.floor(rnd() * 82_000) * 86_400_000)));
    const ins = db.prepare("INSERT INTO contacts (display_name, sort_key, birth_date, created_at, updated_at) VALUES (?, ?, ?, '', '')");
    db.transaction(() => births.forEach((b, i) => ins.run(`c${i}`, `c${i}`, b)))();
    const repo = createRemindersRepo(db);

    const expected = new Map<string, string[]>();
    births.forEach((b, i) => {
      const [y, m, d] = b.split('-').map(Number) as [number, number, number];
      const j = toJalaali(y, m, d);
      for (let jy = 1403; jy <= 1405; jy++) {
        if (jy <= j.jy) continue;
        const g = toGregorian(jy, j.jm, Math.min(j.jd, jalaaliMonthLength(jy, j.jm)));
        const date = `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
        expected.set(date, [...(expected.get(date) ?? []), `c${i}:${jy - j.jy}`]);
      }
    });

    const first = toGregorian(1403, 1, 1);
    let day = Date.UTC(first.gy, first.gm - 1, first.gd);
    let days = 0;
    for (
      let date = iso(new Date(day));
      toJalaali(...(date.split('-').map(Number) as [number, number, number])).jy <= 1405;
      date = iso(new Date((day += 86_400_000)))
    ) {
      const want = (expected.get(date) ?? []).sort();
      expect([
        date,
        birthdaysOn(repo, date)
          .map((b) => `${b.displayName}:${b.age}`)
          .sort(),
      ]).toEqual([date, want]);
      expect([
        date,
        birthdaysBetween(repo, date, date)
          .map((b) => `${b.displayName}:${b.age}`)
          .sort(),
      ]).toEqual([date, want]);
      days++;
    }
    expect(days).toBe(366 + 365 + 365); // 1403 is leap
    // The whole span at once (the agenda's range query with slack).
    const all = birthdaysBetween(repo, '2024-03-20', '2025-04-22');
    const wanted = [...expected].filter(([d]) => d >= '2024-03-20' && d <= '2025-04-22').reduce((n, [, v]) => n + v.length, 0);
    expect(all).toHaveLength(wanted);
  } finally {
    db.close();
    removeDir(dir);
  }
});
