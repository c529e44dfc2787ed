/**
 * Writes TIFF Class F: one IFD per page, the page's coded data as one strip, little-endian, with the
 * tags fax software (HylaFAX, efax, libtiff's fax2tiff) writes and reads: Compression 3 (T.4, with
 * T4Options for MH/MR and fill bits) or 4 (T.6), FillOrder 1, PhotometricInterpretation 0
 * (WhiteIsZero), 204 × 98 or 196 dpi, PageNumber n of m, Software "Monshi". Compression 1 (none) is
 * for tests and tools only; it is not Class F.
 */
import type { FaxBitmap } from '../t4/bitmap';
import { encodeT4 } from '../t4/encode';
import { COMPRESSION, T4_2D, T4_FILL, TAG, TYPE } from './tiff-tags';

export type TiffCompression = 'mh' | 'mr' | 'mmr' | 'none';

export type TiffPage = {
  bitmap: FaxBitmap;
  compression: TiffCompression;
  /** MR only: K (one 1-D line per K lines). Default 2 at 98 lines per inch, 4 at 196. */
  k?: number;
  /** MH/MR: byte-aligned EOLs (T4Options bit 2). Default true, as fax software writes them. */
  fillBits?: boolean;
  /** Lines per inch: 98 (standard) or 196 (fine); others are written as given. Default 98. */
  yResolution?: number;
  /** Pixels per inch across. Default 204. */
  xResolution?: number;
};

type Entry = { tag: number; type: number; values: number[] | string };

export function writeTiffF(pages: TiffPage[]): Uint8Array {
  if (pages.length === 0) throw new RangeError('a TIFF needs at least one page');
  const parts: Uint8Array[] = [];
  let size = 8;
  const header = new Uint8Array(8);
  const hv = new DataView(header.buffer);
  header[0] = header[1] = 0x49; // "II": little-endian
  hv.setUint16(2, 42, true);
  parts.push(header);
  let patchNext: { part: Uint8Array; at: number } = { part: header, at: 4 }; // where the offset of the next IFD goes
  pages.forEach((page, i) => {
    const { bitmap } = page;
    const yRes = page.yResolution ?? 98;
    const strip = stripData(page, yRes);
    const stripAt = size;
    parts.push(strip);
    size += strip.length;
    if (size & 1) {
      parts.push(new Uint8Array(1));
      size++;
    }
    const entries: Entry[] = [
      { tag: TAG.NewSubfileType, type: TYPE.LONG, values: [2] }, // a page of a multi-page document
      { tag: TAG.ImageWidth, type: TYPE.LONG, values: [bitmap.width] },
      { tag: TAG.ImageLength, type: TYPE.LONG, values: [bitmap.height] },
      { tag: TAG.BitsPerSample, type: TYPE.SHORT, values: [1] },
      {
        tag: TAG.Compression,
        type: TYPE.SHORT,
        values: [page.compression === 'none' ? COMPRESSION.none : page.compression === 'mmr' ? COMPRESSION.t6 : COMPRESSION.t4],
      },
      { tag: TAG.Photometric, type: TYPE.SHORT, values: [0] },
      { tag: TAG.FillOrder, type: TYPE.SHORT, values: [1] },
      { tag: TAG.StripOffsets, type: TYPE.LONG, values: [stripAt] },
      { tag: TAG.SamplesPerPixel, type: TYPE.SHORT, values: [1] },
      { tag: TAG.RowsPerStrip, type: TYPE.LONG, values: [bitmap.height] },
      { tag: TAG.StripByteCounts, type: TYPE.LONG, values: [strip.length] },
      { tag: TAG.XResolution, type: TYPE.RATIONAL, values: [page.xResolution ?? 204, 1] },
      { tag: TAG.YResolution, type: TYPE.RATIONAL, values: [yRes, 1] },
    ];
    if (page.compression === 'mh' || page.compression === 'mr') {
      const opts = (page.compression === 'mr' ? T4_2D : 0) | (page.fillBits !== false ? T4_FILL : 0);
      entries.push({ tag: TAG.T4Options, type: TYPE.LONG, values: [opts] });
    }
    if (page.compression === 'mmr') entries.push({ tag: TAG.T6Options, type: TYPE.LONG, values: [0] });
    entries.push(
      { tag: TAG.ResolutionUnit, type: TYPE.SHORT, values: [2] }, // inch
      { tag: TAG.PageNumber, type: TYPE.SHORT, values: [i, pages.length] },
      { tag: TAG.Software, type: TYPE.ASCII, values: 'Monshi' },
    );
    const ifdAt = size;
    const ifd = ifdBytes(entries, ifdAt);
    new DataView(patchNext.part.buffer, patchNext.part.byteOffset).setUint32(patchNext.at, ifdAt, true);
    patchNext = { part: ifd.bytes, at: ifd.nextAt };
    parts.push(ifd.bytes);
    size += ifd.bytes.length;
  });
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function stripData(page: TiffPage, yRes: number): Uint8Array {
  const { bitmap } = page;
  switch (page.compression) {
    case 'none':
      return bitmap.data.slice();
    case 'mmr':
      return encodeT4(bitmap, { coding: 'mmr' });
    case 'mh':
    case 'mr':
      // TIFF leaves out the RTC: ImageLength says where the page ends.
      return encodeT4(bitmap, { coding: page.compression, k: page.k ?? (yRes > 150 ? 4 : 2), byteAlignEol: page.fillBits !== false, rtc: false });
  }
}

/** The IFD at `at`: entries, the next-IFD offset (0, patched by the next page), then values that do not fit in 4 bytes. */
function ifdBytes(entries: Entry[], at: number): { bytes: Uint8Array; nextAt: number } {
  const fixed = 2 + entries.length * 12 + 4;
  const extra: number[] = [];
  const bytes: number[] = [];
  const u16 = (v: number) => bytes.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (v: number) => bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  u16(entries.length);
  for (const e of entries) {
    const raw: number[] = [];
    if (typeof e.values === 'string') {
      for (const ch of e.values) raw.push(ch.charCodeAt(0) & 0x7f);
      raw.push(0);
    } else {
      for (const v of e.values) {
        if (e.type === TYPE.SHORT) raw.push(v & 0xff, (v >> 8) & 0xff);
        else raw.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
      }
    }
    const count = typeof e.values === 'string' ? raw.length : e.type === TYPE.RATIONAL ? e.values.length / 2 : e.values.length;
    u16(e.tag);
    u16(e.type);
    u32(count);
    if (raw.length <= 4) {
      bytes.push(...raw, ...new Array<number>(4 - raw.length).fill(0));
    } else {
      u32(at + fixed + extra.length);
      extra.push(...raw);
      if (extra.length & 1) extra.push(0);
    }
  }
  const nextAt = bytes.length;
  u32(0);
  return { bytes: Uint8Array.from([...bytes, ...extra]), nextAt };
}
