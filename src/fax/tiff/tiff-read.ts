/**
 * Reads TIFF Class F (and the bilevel TIFFs other fax software writes): every IFD is a page, with
 * Compression 1 (none), 3 (T.4 MH or MR, from T4Options) or 4 (T.6), FillOrder 1 or 2, any number of
 * strips, either byte order. WhiteIsZero is fax's photometric; BlackIsZero pages are inverted so the
 * bitmap is always 1 = black. A file that is not such a TIFF is refused with a reason, never half read.
 */
import type { FaxBitmap } from '../t4/bitmap';
import { createBitmap } from '../t4/bitmap';
import { decodeT4 } from '../t4/decode';
import type { TiffCompression } from './tiff-write';
import { COMPRESSION, T4_2D, T4_FILL, T4_UNCOMPRESSED, TAG, TYPE_SIZE } from './tiff-tags';

export type TiffReadPage = {
  bitmap: FaxBitmap;
  compression: TiffCompression;
  fillBits: boolean;
  xResolution: number;
  yResolution: number;
  /** Rows that did not decode (copied from the row above or left white). */
  badLines: number[];
  software?: string;
  /**
   * The page's coded data as the file holds it, bits most significant first, when it is one T.4/T.6 strip
   * in fax's WhiteIsZero: what a PDF can carry as it is (/CCITTFaxDecode) instead of coding the bitmap again.
   */
  coded?: Uint8Array;
};

/** Why a file could not be read as a fax TIFF. */
export class TiffFormatError extends Error {
  override name = 'TiffFormatError';
}

type Field = { type: number; count: number; at: number };

export function readTiffF(file: Uint8Array): TiffReadPage[] {
  if (file.length < 8) throw new TiffFormatError('not a TIFF file (too short)');
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const le = file[0] === 0x49 && file[1] === 0x49;
  if (!le && !(file[0] === 0x4d && file[1] === 0x4d)) throw new TiffFormatError('not a TIFF file (no II/MM byte order mark)');
  if (v.getUint16(2, le) !== 42) throw new TiffFormatError('not a TIFF file (no 42 after the byte order)');
  const u16 = (at: number) => v.getUint16(at, le);
  const u32 = (at: number) => v.getUint32(at, le);
  const pages: TiffReadPage[] = [];
  const seen = new Set<number>();
  for (let ifd = u32(4); ifd !== 0;) {
    if (seen.has(ifd) || ifd + 2 > file.length) throw new TiffFormatError(`broken IFD chain at offset ${ifd}`);
    seen.add(ifd);
    const n = u16(ifd);
    if (ifd + 2 + n * 12 + 4 > file.length) throw new TiffFormatError(`IFD at ${ifd} runs past the end of the file`);
    const fields = new Map<number, Field>();
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      const type = u16(e + 2);
      const count = u32(e + 4);
      const bytes = (TYPE_SIZE[type] ?? 1) * count;
      const at = bytes <= 4 ? e + 8 : u32(e + 8);
      if (at + bytes > file.length) throw new TiffFormatError(`tag ${u16(e)} points past the end of the file`);
      fields.set(u16(e), { type, count, at });
    }
    const num = (tag: number, i = 0): number | undefined => {
      const f = fields.get(tag);
      if (!f || i >= f.count) return undefined;
      if (f.type === 3) return u16(f.at + 2 * i);
      if (f.type === 4) return u32(f.at + 4 * i);
      if (f.type === 5) return u32(f.at + 8 * i) / (u32(f.at + 8 * i + 4) || 1);
      if (f.type === 1) return file[f.at + i];
      throw new TiffFormatError(`tag ${tag} has an unexpected type ${f.type}`);
    };
    const list = (tag: number): number[] => Array.from({ length: fields.get(tag)?.count ?? 0 }, (_, i) => num(tag, i)!);
    pages.push(readPage(file, num, list, fields, pages.length + 1));
    ifd = u32(ifd + 2 + n * 12);
  }
  return pages;
}

function readPage(
  file: Uint8Array,
  num: (tag: number, i?: number) => number | undefined,
  list: (tag: number) => number[],
  fields: Map<number, Field>,
  pageNo: number,
): TiffReadPage {
  const where = `page ${pageNo}`;
  const width = num(TAG.ImageWidth);
  const height = num(TAG.ImageLength);
  if (!width || height === undefined || !Number.isInteger(width) || !Number.isInteger(height))
    throw new TiffFormatError(`${where}: no valid ImageWidth/ImageLength`);
  // Fax pages are at most a few thousand pixels each way; a header claiming more is broken, not a page.
  if (width > 65535 || height > 1 << 20 || (width * height) / 8 > 256 * 1024 * 1024)
    throw new TiffFormatError(`${where}: ${width}×${height} pixels is not a fax page`);
  if ((num(TAG.BitsPerSample) ?? 1) !== 1 || (num(TAG.SamplesPerPixel) ?? 1) !== 1)
    throw new TiffFormatError(`${where}: not a bilevel (1 bit per pixel) image`);
  const compressionTag = num(TAG.Compression) ?? 1;
  const t4 = num(TAG.T4Options) ?? 0;
  if (compressionTag === COMPRESSION.t4 && t4 & T4_UNCOMPRESSED) throw new TiffFormatError(`${where}: T.4 uncompressed mode is not supported`);
  const compression: TiffCompression | undefined =
    compressionTag === COMPRESSION.none
      ? 'none'
      : compressionTag === COMPRESSION.t6
        ? 'mmr'
        : compressionTag === COMPRESSION.t4
          ? t4 & T4_2D
            ? 'mr'
            : 'mh'
          : undefined;
  if (!compression) throw new TiffFormatError(`${where}: compression ${compressionTag} is not fax (1, 3 or 4)`);
  const fillOrder = num(TAG.FillOrder) === 2 ? 2 : 1;
  const offsets = list(TAG.StripOffsets);
  const counts = list(TAG.StripByteCounts);
  if (offsets.length === 0 || offsets.length !== counts.length) throw new TiffFormatError(`${where}: missing or mismatched strips`);
  const rowsPerStrip = Math.floor(Math.min(num(TAG.RowsPerStrip) ?? height, height)) || height;
  const bitmap = createBitmap(width, height);
  const badLines: number[] = [];
  offsets.forEach((off, s) => {
    const y0 = s * rowsPerStrip;
    const rows = Math.min(rowsPerStrip, height - y0);
    if (rows <= 0) return;
    const count = counts[s]!;
    if (off + count > file.length) throw new TiffFormatError(`${where}: strip ${s + 1} runs past the end of the file`);
    const strip = file.subarray(off, off + count);
    const at = y0 * bitmap.rowBytes;
    if (compression === 'none') {
      const need = rows * bitmap.rowBytes;
      if (strip.length < need) throw new TiffFormatError(`${where}: strip ${s + 1} is shorter than its rows`);
      bitmap.data.set(fillOrder === 2 ? strip.subarray(0, need).map(reverseBits) : strip.subarray(0, need), at);
      return;
    }
    const r = decodeT4(strip, { coding: compression, width, height: rows, fillOrder, into: bitmap, intoRow: y0 });
    for (const y of r.badLines) badLines.push(y0 + y);
  });
  if (num(TAG.Photometric) === 1) for (let i = 0; i < bitmap.data.length; i++) bitmap.data[i] = ~bitmap.data[i]! & 0xff;
  if (num(TAG.Photometric) === 1 && width & 7) clearPad(bitmap);
  const sw = fields.get(TAG.Software);
  const one = offsets.length === 1 && compression !== 'none' && (num(TAG.Photometric) ?? 0) === 0;
  const coded = one ? file.subarray(offsets[0]!, offsets[0]! + counts[0]!) : undefined;
  return {
    bitmap,
    compression,
    fillBits: (t4 & T4_FILL) !== 0,
    xResolution: num(TAG.XResolution) ?? 204,
    yResolution: num(TAG.YResolution) ?? 98,
    badLines,
    ...(coded ? { coded: fillOrder === 2 ? coded.map(reverseBits) : coded } : {}),
    ...(sw ? { software: new TextDecoder('latin1').decode(file.subarray(sw.at, sw.at + sw.count)).replace(/\0+$/, '') } : {}),
  };
}

function reverseBits(b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 0x80 >> i;
  return r;
}

/** Inverting turned the pad bits at the end of each row black; fax bitmaps keep them 0. */
function clearPad(b: FaxBitmap): void {
  const mask = (0xff00 >> (b.width & 7)) & 0xff;
  for (let y = 0; y < b.height; y++) {
    const i = y * b.rowBytes + b.rowBytes - 1;
    b.data[i] = b.data[i]! & mask;
  }
}
