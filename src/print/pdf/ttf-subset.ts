/**
 * A TrueType subset for a PDF font, made by copying bytes. It stands in for fontkit's TTFSubset inside
 * pdfkit's EmbeddedFont (see `useFastSubset`): the same interface (`includeGlyph`, `encode`), the same
 * subset glyph ids in the same order (.notdef first, then glyphs as included, then the components of
 * composite glyphs as encoding finds them), the same tables (head, hhea, loca, maxp, cvt, prep, glyf,
 * hmtx, fpgm). fontkit decodes every glyph's outline and re-encodes every table through its struct
 * library for every document — a third of a cheque's time; here the font's tables are read once per
 * process and each document only copies the glyphs it uses.
 */
import { fontBytes } from '../font-bytes';

/** The parts of a TrueType font a subset is cut from, read once per file. */
type TtfSource = {
  tables: Map<string, Buffer>;
  /** glyf offsets of every glyph, numGlyphs + 1 entries. */
  loca: Uint32Array;
  advances: Uint16Array;
  bearings: Int16Array;
};

const sources = new Map<string, TtfSource | null>();

/** The font's tables, or null when it has no TrueType outlines (a CFF font keeps fontkit's subset). */
function sourceOf(path: string): TtfSource | null {
  if (sources.has(path)) return sources.get(path) ?? null;
  const src = readSource(fontBytes(path));
  sources.set(path, src);
  return src;
}

function readSource(file: Buffer): TtfSource | null {
  const tables = new Map<string, Buffer>();
  const count = file.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    const tag = file.toString('latin1', rec, rec + 4);
    const offset = file.readUInt32BE(rec + 8);
    tables.set(tag, file.subarray(offset, offset + file.readUInt32BE(rec + 12)));
  }
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const locaRaw = tables.get('loca');
  if (!head || !maxp || !hhea || !hmtx || !locaRaw || !tables.has('glyf')) return null;
  const numGlyphs = maxp.readUInt16BE(4);
  const long = head.readInt16BE(50) === 1;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) loca[i] = long ? locaRaw.readUInt32BE(i * 4) : locaRaw.readUInt16BE(i * 2) * 2;
  const metrics = hhea.readUInt16BE(34);
  const advances = new Uint16Array(numGlyphs);
  const bearings = new Int16Array(numGlyphs);
  for (let i = 0; i < numGlyphs; i++) {
    // Glyphs past numberOfHMetrics keep the last advance and have only a bearing (OpenType hmtx).
    advances[i] = i < metrics ? hmtx.readUInt16BE(i * 4) : (advances[metrics - 1] ?? 0);
    bearings[i] = i < metrics ? hmtx.readInt16BE(i * 4 + 2) : hmtx.readInt16BE(metrics * 4 + (i - metrics) * 2);
  }
  return { tables, loca, advances, bearings };
}

const ARG_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE = 0x0020;
const XY_SCALE = 0x0040;
const TWO_BY_TWO = 0x0080;

/** Offsets (in the glyph's bytes) of each component's glyph index in a composite glyph. */
function componentIndexOffsets(glyph: Buffer): number[] {
  const out: number[] = [];
  let p = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(p);
    out.push(p + 2);
    p += 4 + (flags & ARG_WORDS ? 4 : 2) + (flags & HAS_SCALE ? 2 : flags & XY_SCALE ? 4 : flags & TWO_BY_TWO ? 8 : 0);
    if (!(flags & MORE)) return out;
  }
}

/** The OpenType table checksum: the sum of its big-endian uint32 words, padded with zeros. */
function checksum(b: Buffer): number {
  let sum = 0;
  const whole = b.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + b.readUInt32BE(i)) >>> 0;
  if (whole < b.length) {
    const tail = Buffer.alloc(4);
    b.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

/** A font file from its tables, in the given order, each at a 4-byte boundary, with checksums. */
function fontFile(tables: [string, Buffer][]): Buffer {
  const n = tables.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(pow * 16, 6);
  header.writeUInt16BE(Math.log2(pow), 8);
  header.writeUInt16BE(n * 16 - pow * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach(([tag, data], i) => {
    const rec = 12 + i * 16;
    header.write(tag, rec, 4, 'latin1');
    header.writeUInt32BE(checksum(data), rec + 4);
    header.writeUInt32BE(offset, rec + 8);
    header.writeUInt32BE(data.length, rec + 12);
    const pad = (4 - (data.length % 4)) % 4;
    parts.push(data, Buffer.alloc(pad));
    offset += data.length + pad;
  });
  const file = Buffer.concat(parts, offset);
  const headAt = tables.findIndex(([tag]) => tag === 'head');
  if (headAt >= 0) file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, header.readUInt32BE(12 + headAt * 16 + 8) + 8);
  return file;
}

export class TtfSubset {
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly src: TtfSource) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset (added at the end the first time). */
  includeGlyph(glyphId: number): number {
    let id = this.mapping.get(glyphId);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(glyphId);
      this.mapping.set(glyphId, id);
    }
    return id;
  }

  /** The subset as a TrueType file (what pdfkit embeds as FontFile2). */
  encode(): Buffer {
    const { tables, loca, advances, bearings } = this.src;
    const glyf = tables.get('glyf')!;
    const pieces: Buffer[] = [];
    const offsets: number[] = [];
    let at = 0;
    // Not a for-of over a copy: composite glyphs add their components to the end as we go.
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i]!;
      let bytes = glyf.subarray(loca[gid] ?? 0, loca[gid + 1] ?? 0);
      if (bytes.length >= 10 && bytes.readInt16BE(0) < 0) {
        bytes = Buffer.from(bytes); // a copy: the component ids are rewritten to subset ids
        for (const p of componentIndexOffsets(bytes)) bytes.writeUInt16BE(this.includeGlyph(bytes.readUInt16BE(p)), p);
      }
      // Even lengths keep every offset valid; glyph data may end with padding.
      if (bytes.length % 2 === 1) bytes = Buffer.concat([bytes, Buffer.alloc(1)]);
      offsets.push(at);
      pieces.push(bytes);
      at += bytes.length;
    }
    offsets.push(at);
    const count = this.glyphs.length;
    const locaOut = Buffer.alloc(offsets.length * 4);
    offsets.forEach((o, i) => locaOut.writeUInt32BE(o, i * 4));
    const hmtx = Buffer.alloc(count * 4);
    this.glyphs.forEach((gid, i) => {
      hmtx.writeUInt16BE(advances[gid] ?? 0, i * 4);
      hmtx.writeInt16BE(bearings[gid] ?? 0, i * 4 + 2);
    });
    const head = Buffer.from(tables.get('head')!);
    head.writeUInt32BE(0, 8); // checkSumAdjustment: computed over the whole file
    head.writeInt16BE(1, 50); // long loca offsets
    const hhea = Buffer.from(tables.get('hhea')!);
    hhea.writeUInt16BE(count, 34);
    const maxp = Buffer.from(tables.get('maxp')!);
    maxp.writeUInt16BE(count, 4);
    const out: [string, Buffer][] = [
      ['head', head],
      ['hhea', hhea],
      ['loca', locaOut],
      ['maxp', maxp],
    ];
    for (const tag of ['cvt ', 'prep'] as const) {
      const t = tables.get(tag);
      if (t) out.push([tag, t]);
    }
    out.push(['glyf', Buffer.concat(pieces, at)], ['hmtx', hmtx]);
    const fpgm = tables.get('fpgm');
    if (fpgm) out.push(['fpgm', fpgm]);
    return fontFile(out);
  }
}

/** Reads the font's tables now, so that the first document does not (see printCheques). */
export function prepareSubsetSource(fontPath: string): void {
  sourceOf(fontPath);
}

/** The part of pdfkit's EmbeddedFont this touches (pdfkit 0.20.2: `subset` is made in its constructor). */
type EmbeddedFontLike = { subset?: { includeGlyph(id: number): number; cff?: unknown } };

/**
 * Gives a freshly selected pdfkit font the fast subset, before any glyph went into fontkit's. A font
 * without TrueType outlines keeps fontkit's subset. Returns whether it was swapped.
 */
export function useFastSubset(embedded: EmbeddedFontLike | undefined, fontPath: string): boolean {
  if (!embedded?.subset || embedded.subset.cff != null) return false;
  const src = sourceOf(fontPath);
  if (!src) return false;
  embedded.subset = new TtfSubset(src);
  return true;
}
