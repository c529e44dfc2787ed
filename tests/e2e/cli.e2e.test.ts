/** The CLI as a user runs it: `monshi import FILE --data DIR` and `monshi export FILE --data DIR`. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { removeDir, tempDir } from '../helpers/engine';

const root = path.resolve(__dirname, '..', '..');
const monshi = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin', 'monshi.js'), ...args], { encoding: 'utf8' });

it('imports a vCard file, exports CSV and vCard, and reports a bad file by line without writing', () => {
  const data = tempDir('monshi-cli-');
  const out = tempDir('monshi-cli-out-');
  try {
    const imported = monshi('import', path.join(root, 'tests', 'io', 'fixtures', 'android-2.1.vcf'), '--data', data);
    expect(imported.status).toBe(0);
    // The Android export holds one person twice (same mobile): the second card merges into the first.
    const m = /^(\d+) records: (\d+) added, (\d+) merged, 0 skipped\./.exec(imported.stdout)!;
    const [records, added] = [Number(m[1]), Number(m[2])];
    expect(added).toBeGreaterThan(1);
    expect(added + Number(m[3])).toBe(records);

    const again = monshi('import', path.join(root, 'tests', 'io', 'fixtures', 'android-2.1.vcf'), '--data', data, '--on-duplicate', 'skip');
    expect(again.stdout).toContain(`${records} records: 0 added, 0 merged, ${records} skipped.`);

    const csv = path.join(out, 'contacts.csv');
    expect(monshi('export', csv, '--data', data).status).toBe(0);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(added + 1);

    const vcf = path.join(out, 'contacts.vcf');
    expect(monshi('export', vcf, '--data', data, '--format', 'vcard3').stdout).toContain(`${added} contacts written`);
    expect(readFileSync(vcf, 'utf8').match(/BEGIN:VCARD/g)).toHaveLength(added);

    const bad = monshi('import', path.join(root, 'tests', 'io', 'fixtures', 'broken-missing-end.vcf'), '--data', data, '--lang', 'en');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^Line 7: /);
    expect(bad.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const count = execFileSync(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path.join(data, 'monshi.sqlite'))});console.log(d.prepare('SELECT COUNT(*) n FROM ` +
          `contacts').get().n)`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(Number(count)).toBe(added);
  } finally {
    removeDir(data);
    removeDir(out);
  }
});
