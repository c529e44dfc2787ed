/**
 * Fonts for cheque fields: the ones that ship with the app (assets/fonts, OFL) and TTF files users
 * add (IranNastaliq and the like, which no registry carries). A user's file is accepted only when
 * HarfBuzz loads it, it has TrueType outlines and Persian letters, and pdfkit embeds it — checked
 * by shaping and writing a real line — so a template can never fail later because of its font.
 */
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ChequeFontKey } from '../../shared/contract/cheque-print';
import { resolveAssetsDir } from '../pdf/assets-dir';
import { writeShapedRuns } from '../pdf/glyph-writer';
import { loadHarfBuzz } from '../shaping/harfbuzz-loader';
import { shapeRuns, trustWordBreaks } from '../shaping/run-shaper';
import { createShaper } from '../shaping/text-shaper';

export const BUILTIN_FONT_FILES = {
  vazirmatn: 'Vazirmatn-Regular.ttf',
  'vazirmatn-bold': 'Vazirmatn-Bold.ttf',
  nastaliq: 'NotoNastaliqUrdu-Regular.ttf',
} as const satisfies Record<Exclude<ChequeFontKey, `user:${string}`>, string>;

export const BUILTIN_FONT_NAMES: Record<keyof typeof BUILTIN_FONT_FILES, string> = {
  vazirmatn: 'Vazirmatn',
  'vazirmatn-bold': 'Vazirmatn Bold',
  nastaliq: 'Noto Nastaliq Urdu',
};

/** Absolute path of a built-in font file. */
export function builtinFontPath(key: keyof typeof BUILTIN_FONT_FILES, assetsDir?: string): string {
  const path = join(resolveAssetsDir(assetsDir), 'fonts', BUILTIN_FONT_FILES[key]);
  trustWordBreaks(path); // the shipped fonts never shape across a space (tests/print/word-shaping.test.ts)
  return path;
}

export type FontFacts = { family: string; unitsPerEm: number; ascender: number; descender: number };

/** Why a file is not a font we can print with. */
export type FontProblem = 'not_font' | 'collection' | 'web_font' | 'cff' | 'no_persian' | 'pdf';

export class FontRejected extends Error {
  constructor(
    readonly problem: FontProblem,
    detail = '',
  ) {
    super(`font rejected: ${problem}${detail ? ` (${detail})` : ''}`);
  }
}

/** Letters every Persian font must have: ا ب پ چ ژ گ ک ی. */
const PERSIAN_LETTERS = [0x627, 0x628, 0x67e, 0x686, 0x698, 0x6af, 0x6a9, 0x6cc];

/** The first four bytes tell the container: TrueType (0x00010000 or 'true'), CFF ('OTTO'), a collection, a web font. */
function containerProblem(bytes: Uint8Array): FontProblem | null {
  if (bytes.length < 12) return 'not_font';
  const tag = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0);
  if (tag === '\u0000\u0001\u0000\u0000' || tag === 'true') return null;
  if (tag === 'OTTO') return 'cff';
  if (tag === 'ttcf') return 'collection';
  if (tag === 'wOFF' || tag === 'wOF2') return 'web_font';
  return 'not_font';
}

/** Family name, em size and vertical metrics of a font file HarfBuzz can read. */
export async function fontFacts(bytes: Uint8Array): Promise<FontFacts> {
  const hb = await loadHarfBuzz();
  const blob = new hb.Blob(bytes);
  const face = new hb.Face(blob, 0);
  const font = new hb.Font(face);
  const names = face.listNames();
  const nameOf = (id: number) => names.find((n) => n.nameId === id && /^en/i.test(n.language)) ?? names.find((n) => n.nameId === id);
  const read = (...ids: number[]) => {
    for (const id of ids) {
      const entry = nameOf(id);
      if (entry) return face.getName(entry.nameId, entry.language).trim();
    }
    return '';
  };
  // Typographic family and style (16, 17) before the legacy ones (1, 2): "Vazirmatn" + "Bold".
  const style = read(17, 2);
  const family = [read(16, 1), /^(regular|normal|book|)$/i.test(style) ? '' : style].filter(Boolean).join(' ');
  const ext = font.hExtents();
  return { family, unitsPerEm: face.upem, ascender: ext.ascender, descender: ext.descender };
}

/**
 * Checks a font file a user wants to add; resolves with its facts or rejects with FontRejected.
 * `path` is where the bytes were written (the shaper and pdfkit read fonts by path).
 */
export async function inspectUserFont(bytes: Uint8Array, path: string): Promise<FontFacts> {
  const problem = containerProblem(bytes);
  if (problem) throw new FontRejected(problem);
  const hb = await loadHarfBuzz();
  const face = new hb.Face(new hb.Blob(bytes), 0);
  const maxp = face.referenceTable('maxp');
  const glyphs = maxp && maxp.length >= 6 ? ((maxp[4] ?? 0) << 8) | (maxp[5] ?? 0) : 0;
  if (glyphs === 0 || !face.referenceTable('glyf')) throw new FontRejected('not_font', 'no glyphs');
  const unicodes = new Set(face.collectUnicodes());
  if (!PERSIAN_LETTERS.every((cp) => unicodes.has(cp))) throw new FontRejected('no_persian');
  const facts = await fontFacts(bytes);
  try {
    await writeSample(path);
  } catch (e) {
    throw new FontRejected('pdf', e instanceof Error ? e.message : String(e));
  }
  return facts;
}

/** Shapes and writes a Persian line with the font into a throw-away PDF: what printing a cheque will do. */
async function writeSample(path: string): Promise<void> {
  const shaper = await createShaper();
  const line = shapeRuns(shaper, 'یک هزار و چهارصد و سه ریال ۱۴۰۳/۱۲/۲۵', [path], 14, 'rtl');
  const doc = new PDFDocument({ autoFirstPage: false });
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
    doc.on('data', () => undefined);
  });
  doc.registerFont('user', path);
  doc.addPage({ size: [200, 100], margin: 0 });
  writeShapedRuns(
    doc,
    line,
    10,
    50,
    () => 'user',
    (p, gid) => shaper.glyphAdvance(p, gid),
  );
  doc.end();
  await done;
}
