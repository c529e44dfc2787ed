/**
 * The print library as the product runs it: bundled by esbuild to CommonJS (pdfkit and harfbuzzjs
 * external, as scripts/build.mjs does) and run by plain Node, outside Jest. This is the path where
 * harfbuzzjs comes in through Node's own `import()` and the fonts are found from the bundle's folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveAssetsDir } from '../../src/print/pdf/assets-dir';
import { describeWithPoppler, pageCount, pdfText, RESULTS_DIR } from './helpers/poppler';

const ROOT = join(__dirname, '../..');
const BUNDLE_DIR = join(RESULTS_DIR, 'bundle');

const ENTRY = `
import { printContactList } from '../../../src/print/index';
import { writeFileSync } from 'node:fs';
const rows = [
  {
    id: 1,
    displayName: 'علی‌رضا حسینی‌نژاد',
    company: 'شرکت پارس‌آنلاین',
    jobTitle: 'مدیر فروش',
    phones: [{ kind: 'mobile', display: '0912 123 4567', key: '989121234567', extension: '' }],
    groupIds: [1],
  },
  { id: 2, displayName: 'John Smith', company: 'Asia Tech Co.', jobTitle: '', phones: [], groupIds: [] },
] as const;
const options = {
  lang: 'fa',
  calendar: 'jalali',
  title: 'آزمون بسته',
  printedAt: new Date('2025-03-15T10:20:00Z'),
  groupNames: new Map([[1, 'مشتریان']]),
} as const;
printContactList(rows as never, options)
  .then((pdf) => writeFileSync(process.argv[2] as string, pdf))
  .catch((e) => { console.error(e); process.exit(1); });
`;

describeWithPoppler('bundled with esbuild, run by plain Node', () => {
  test('prints a shaped Persian list without Jest in the way', () => {
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
    mkdirSync(BUNDLE_DIR, { recursive: true });
    writeFileSync(join(BUNDLE_DIR, 'entry.ts'), ENTRY);
    const esbuild = join(ROOT, 'node_modules/.bin/esbuild');
    execFileSync(esbuild, [
      join(BUNDLE_DIR, 'entry.ts'),
      '--bundle',
      '--platform=node',
      '--format=cjs',
      '--target=node20',
      '--external:pdfkit',
      '--external:harfbuzzjs',
      `--outfile=${join(BUNDLE_DIR, 'cli.js')}`,
      '--log-level=warning',
    ]);
    const out = join(BUNDLE_DIR, 'list.pdf');
    const run = spawnSync(process.execPath, [join(BUNDLE_DIR, 'cli.js'), out], { encoding: 'utf8', cwd: '/' });
    expect(run.stderr).toBe(''); // no error, and no vm ExperimentalWarning: Node's own import() was used
    expect(run.status).toBe(0);
    expect(pageCount(out)).toBe(1);
    const text = pdfText(out);
    expect(text).toContain('علی‌رضا حسینی‌نژاد');
    expect(text).toContain('۰۹۱۲ ۱۲۳ ۴۵۶۷');
  }, 30000);
});

describe('resolveAssetsDir', () => {
  test('finds assets/fonts by walking up from the code', () => {
    expect(resolveAssetsDir()).toBe(join(ROOT, 'assets'));
  });

  test('accepts an explicit folder and refuses one without the fonts', () => {
    expect(resolveAssetsDir(join(ROOT, 'assets'))).toBe(join(ROOT, 'assets'));
    expect(existsSync(join(ROOT, 'src'))).toBe(true);
    expect(() => resolveAssetsDir(join(ROOT, 'src'))).toThrow(/no fonts\/Vazirmatn-Regular\.ttf/);
  });
});
