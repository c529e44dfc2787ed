/**
 * The TIFF Class F file the fax page renderer writes, read by independent programs: libtiff's
 * `tiffinfo` finds one directory a page with width 1728, the paper's line count, 204 × 98/196 dpi,
 * Group 3 2-D coding with fill bits and its page number; netpbm's `tifftopnm` decodes every page to
 * exactly the bitmap we rendered (a PBM holds rows MSB first with 1 = black, as our bitmaps do).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FaxBitmap } from '../../src/fax/t4/bitmap';
import { faxTiff } from '../../src/main/fax/pages/fax-tiff';
import { renderDocument } from '../../src/main/fax/pages/render-document';
import { makePng } from '../helpers/png';
import { pdfOf, rectPdf } from '../helpers/fax-docs';
import { describeWithTools } from '../helpers/reference-tools';

const describeTools = describeWithTools(['tiffinfo', 'tiffcp', 'tifftopnm'], 'libtiff-tools and netpbm');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-faxpages-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[]): { stdout: Buffer; stderr: string } {
  const r = spawnSync(cmd, args, { maxBuffer: 64 << 20 });
  const stderr = r.stderr.toString('utf8');
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${stderr}`);
  return { stdout: r.stdout, stderr };
}

/** tifftopnm's output for one page: a PBM (P4) — width, height and the packed rows. */
function pbmPages(file: string, pages: number): FaxBitmap[] {
  const out: FaxBitmap[] = [];
  for (let i = 0; i < pages; i++) {
    // tiffcp picks directory i (file,i), tifftopnm decodes that single page.
    const one = path.join(dir, `page-${i}.tif`);
    run('tiffcp', [`${file},${i}`, one]);
    const { stdout, stderr } = run('tifftopnm', [one]);
    expect(stderr).not.toMatch(/error|warning|bad/i);
    const m = /^P4\s+(\d+)\s+(\d+)\s/.exec(stdout.subarray(0, 40).toString('latin1'));
    if (!m) throw new Error(`tifftopnm did not write a PBM: ${stdout.subarray(0, 20).toString('latin1')}`);
    const [width, height] = [Number(m[1]), Number(m[2])];
    const rowBytes = (width + 7) >> 3;
    out.push({ width, height, rowBytes, data: new Uint8Array(stdout.subarray(m[0].length, m[0].length + rowBytes * height)) });
  }
  return out;
}

describeTools('the fax pages as TIFF-F, read by libtiff and netpbm', () => {
  test.each([
    ['standard', 98, 1143],
    ['fine', 196, 2287],
  ] as const)('%s A4: tiffinfo reads the tags of each page, tifftopnm decodes each page to our pixels', async (resolution, yDpi, lines) => {
    const pdf = await pdfOf((doc) => {
      doc.rect(100, 120, 200, 100).fill('#000');
      doc.fillColor('#000').fontSize(18).text('Page one', 100, 400);
      doc.addPage({ size: 'A4', margin: 0 });
      doc.fontSize(18).text('Page two with a photo below', 100, 100);
      doc.image(
        makePng(300, 200, (x, y) => [(x * 255) / 299, (y * 255) / 199, 128]),
        100,
        200,
        { width: 300 },
      );
    });
    const { pages } = await renderDocument({ bytes: pdf, fileName: 'two.pdf' }, { resolution });
    const bitmaps = pages.map((p) => p.bitmap);
    expect(pages[1]!.photoTiles).toBeGreaterThan(0);
    const file = path.join(dir, `fax-${resolution}.tif`);
    writeFileSync(file, faxTiff(bitmaps, resolution));

    const info = run('tiffinfo', [file]).stdout.toString('utf8');
    const dirs = info.split(/TIFF Directory at offset/).slice(1);
    expect(dirs).toHaveLength(2);
    dirs.forEach((d, i) => {
      expect(d).toMatch(new RegExp(`Image Width: 1728 Image Length: ${lines}\\b`));
      expect(d).toMatch(new RegExp(`Resolution: 204, ${yDpi} pixels/inch`));
      expect(d).toMatch(/Compression Scheme: CCITT Group 3/);
      expect(d).toMatch(/Group 3 Options: 2-d encoding\+EOL padding/);
      expect(d).toMatch(/Photometric Interpretation: min-is-white/);
      expect(d).toMatch(new RegExp(`Page Number: ${i}-2`));
    });

    const decoded = pbmPages(file, 2);
    decoded.forEach((b, i) => {
      expect([b.width, b.height]).toEqual([1728, lines]);
      expect(Buffer.from(b.data).equals(Buffer.from(bitmaps[i]!.data))).toBe(true);
    });
  });

  test('a letter page keeps its own length (1076 lines at standard) through libtiff', async () => {
    const { pages } = await renderDocument({ bytes: await rectPdf('LETTER'), fileName: 'letter.pdf' }, { paper: 'letter', resolution: 'standard' });
    const file = path.join(dir, 'letter.tif');
    writeFileSync(file, faxTiff([pages[0]!.bitmap], 'standard'));
    expect(run('tiffinfo', [file]).stdout.toString('utf8')).toMatch(/Image Width: 1728 Image Length: 1076\b/);
    const [b] = pbmPages(file, 1);
    expect(Buffer.from(b!.data).equals(Buffer.from(pages[0]!.bitmap.data))).toBe(true);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('II');
  });
});
