/** Reads PDFs back with poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm): the real tools, not a parser of our own. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithTools, POPPLER, testWithTools } from '../../helpers/reference-tools';

export const RESULTS_DIR = join(__dirname, '../../../test-results/print');

/** Tests that read PDFs back: they fail (never skip) without poppler-utils. */
export const describeWithPoppler = describeWithTools(...POPPLER);
export const testWithPoppler = testWithTools(...POPPLER);

/** Writes the PDF under test-results/print and returns its path. */
export function savePdf(name: string, pdf: Buffer): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

export function pageCount(pdfPath: string): number {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/**
 * Text of the PDF (or of one page), without the bidi embedding marks poppler puts around
 * right-to-left and mixed lines.
 */
export function pdfText(pdfPath: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, pdfPath, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
}

export type WordBox = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/**
 * Every word with its box (points, origin top left) on one page, from `pdftotext -bbox`. That mode
 * lists a Persian word's characters in visual order (left to right); they are put back in reading order.
 */
export function wordBoxes(pdfPath: string, page: number): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdfPath, '-'], { encoding: 'utf8' });
  const out: WordBox[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    out.push({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: readingOrder((m[5] ?? '').replace(/[\u202a-\u202e]/g, '')),
    });
  }
  return out;
}

const readingOrder = (word: string) => (/[\u0600-\u06ff]/.test(word) && !/^[\u06f0-\u06f9\d/:.]+$/.test(word) ? [...word].reverse().join('') : word);

export function fontsTable(pdfPath: string): string {
  return execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' });
}

/** Rasterises every page at 80 dpi to test-results/print/<name>-N.png (for people to look at); returns the file names. */
export function rasterise(pdfPath: string, name: string): string[] {
  for (const f of readdirSync(RESULTS_DIR)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(RESULTS_DIR, f));
  execFileSync('pdftoppm', ['-r', '80', '-png', pdfPath, join(RESULTS_DIR, name)]);
  return readdirSync(RESULTS_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}
