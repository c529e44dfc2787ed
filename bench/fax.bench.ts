/**
 * What the fax page codec costs (src/fax), on a dense A4 fine page (1728 × 2292, text-like: the page
 * generator of the codec's tests):
 * - fax_encode_page_ms / fax_decode_page_ms: MH (T.4 1-D, the coding every fax machine accepts), the
 *   median of 40 runs after a warm-up. Goal ≤ 20 ms each.
 * - fax_codec_vs_libtiff_ratio: our decode time ÷ libtiff's on the same 50-page MH TIFF in one run —
 *   `tiffcp -c none` over the file (one process, its start included) vs readTiffF over the same bytes;
 *   the median of 5 rounds each. Goal ≤ 2. Needs libtiff-tools (tiffcp); fails without it.
 * - fax_render_pdf_page_ms: one PDF page (a letter of text with a photo in it, A4) made a fine fax page —
 *   pdf.js drawing at 204 × 196 dpi, grey, the per-tile threshold/dither — the median of 10 after a warm-up;
 *   fax_render_pdf_page_standard_ms the same at 98 lines per inch. What adding a document costs per page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sameBitmap } from '../src/fax/t4/bitmap';
import { decodeT4 } from '../src/fax/t4/decode';
import { encodeT4 } from '../src/fax/t4/encode';
import { readTiffF } from '../src/fax/tiff/tiff-read';
import { writeTiffF } from '../src/fax/tiff/tiff-write';
import { openDocument } from '../src/main/fax/pages/render-document';
import { pdfOf } from '../tests/helpers/fax-docs';
import { textPage } from '../tests/helpers/fax-pages';
import { makePng } from '../tests/helpers/png';
import { p, round } from './bench-util';

function median(fn: () => void, runs: number): number {
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return p(times, 0.5);
}

export async function faxBench(): Promise<Record<string, number>> {
  const page = textPage(1728, 2292, 1);
  const coded = encodeT4(page, { coding: 'mh' });
  if (!sameBitmap(decodeT4(coded, { coding: 'mh', width: 1728 }).bitmap, page)) throw new Error('fax bench: the page does not round-trip');
  for (let i = 0; i < 10; i++) decodeT4(encodeT4(page, { coding: 'mh' }), { coding: 'mh', width: 1728 }); // warm-up (JIT)
  const encodeMs = median(() => encodeT4(page, { coding: 'mh' }), 40);
  const decodeMs = median(() => decodeT4(coded, { coding: 'mh', width: 1728, height: 2292 }), 40);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-bench-fax-'));
  try {
    const pages = Array.from({ length: 50 }, (_, i) => textPage(1728, 2292, 100 + i));
    const file = path.join(dir, 'fifty.tif');
    writeFileSync(file, writeTiffF(pages.map((bitmap) => ({ bitmap, compression: 'mh' as const, yResolution: 196 }))));
    const bytes = readFileSync(file);
    const libtiff: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      const r = spawnSync('tiffcp', ['-c', 'none', file, path.join(dir, 'out.tif')], { encoding: 'utf8' });
      libtiff.push(performance.now() - t0);
      if (r.error || r.status !== 0 || r.stderr) throw new Error(`fax bench: tiffcp failed (Debian package libtiff-tools): ${r.error?.message ?? r.stderr}`);
      const t1 = performance.now();
      const read = readTiffF(bytes);
      ours.push(performance.now() - t1);
      if (read.length !== 50 || read.some((pg) => pg.badLines.length > 0)) throw new Error('fax bench: our decoder did not read the 50 pages cleanly');
    }
    const render = await renderPageMs();
    return {
      ...render,
      fax_encode_page_ms: round(encodeMs, 2),
      fax_decode_page_ms: round(decodeMs, 2),
      fax_codec_vs_libtiff_ratio: round(p(ours, 0.5) / p(libtiff, 0.5), 2),
      fax_decode_50_pages_ms: round(p(ours, 0.5), 0),
      fax_libtiff_decode_50_pages_ms: round(p(libtiff, 0.5), 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function renderPageMs(): Promise<Record<string, number>> {
  const photo = makePng(600, 400, (x, y) => [(x * 255) / 599, (y * 255) / 399, ((x + y) * 255) / 999]);
  const pdf = await pdfOf((doc) => {
    doc.fillColor('#000').fontSize(11);
    for (let i = 0; i < 40; i++) doc.text(`Line ${i + 1}: the quick brown fox jumps over the lazy dog; 0123456789 — a letter of text.`, 60, 60 + i * 15);
    doc.image(photo, 150, 680, { width: 300 });
  });
  const out: Record<string, number> = {};
  for (const [key, resolution] of [
    ['fax_render_pdf_page_ms', 'fine'],
    ['fax_render_pdf_page_standard_ms', 'standard'],
  ] as const) {
    const doc = await openDocument({ bytes: pdf, fileName: 'bench.pdf' }, { resolution });
    try {
      for (let i = 0; i < 2; i++) await doc.render(0); // warm-up: pdf.js fonts, JIT
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        await doc.render(0);
        times.push(performance.now() - t0);
      }
      out[key] = round(p(times, 0.5), 1);
    } finally {
      await doc.close();
    }
  }
  return out;
}
