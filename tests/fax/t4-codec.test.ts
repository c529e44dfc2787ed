/**
 * The T.4/T.6 codec on its own: the code tables are prefix-free and complete, every coding round-trips
 * every kind of page, fill and minimum scan-line length are honoured, and a corrupted MH/MR page is
 * decoded with its bad lines reported and the rest intact. (The comparison with libtiff is in
 * t4-libtiff.test.ts.)
 */
import { encodeT4, minLineBitsFor } from '../../src/fax/t4/encode';
import { decodeT4 } from '../../src/fax/t4/decode';
import type { FaxBitmap } from '../../src/fax/t4/bitmap';
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { RUN_LOOKUP, MODE_LOOKUP } from '../../src/fax/t4/code-lookup';
import { blankPage, checkerPage, photoPage, seeded, textPage } from '../helpers/fax-pages';

const pages: [string, FaxBitmap][] = [
  ['text 1728', textPage(1728, 600, 1)],
  ['text 2432', textPage(2432, 500, 3)],
  ['photo', photoPage(1728, 300)],
  ['blank', blankPage(1728, 200)],
  ['alternating pixels', checkerPage(1728, 50)],
  ['odd width', textPage(1000 + 3, 200, 4)],
];

test('the code tables are prefix-free (building the lookups checks it) and cover every 13-bit prefix they should', () => {
  for (const t of RUN_LOOKUP) expect(t.filter((e) => e === 0).length).toBeGreaterThan(0); // invalid codes exist
  expect(MODE_LOOKUP.filter((e) => e !== 0).length).toBe(126); // all 7-bit prefixes but 0000000 and 0000001
});

describe.each(pages)('%s page', (_name, page) => {
  test.each([
    ['MH', { coding: 'mh' as const }],
    ['MH with fill', { coding: 'mh' as const, byteAlignEol: true }],
    ['MR K=2', { coding: 'mr' as const, k: 2 }],
    ['MR K=4 with fill', { coding: 'mr' as const, k: 4, byteAlignEol: true }],
    ['MMR', { coding: 'mmr' as const }],
  ])('%s round-trips, ending with RTC/EOFB', (_label, opts) => {
    const data = encodeT4(page, opts);
    const r = decodeT4(data, { coding: opts.coding, width: page.width });
    expect(r.badLines).toEqual([]);
    expect(r.endMarker).toBe(true);
    expect(sameBitmap(r.bitmap, page)).toBe(true);
  });
});

test('fill bits put every EOL at a byte boundary (the EOL ends on one)', () => {
  const page = textPage(1728, 100, 7);
  const data = encodeT4(page, { coding: 'mh', byteAlignEol: true });
  // A 0x01 byte after a byte ending in four zeros ends an EOL (no code has eleven zeros in a row).
  let eols = 0;
  for (let i = 1; i < data.length; i++) if (data[i] === 1 && (data[i - 1]! & 0x0f) === 0) eols++;
  expect(eols).toBeGreaterThanOrEqual(100 + 1); // each line's EOL and the RTC's first
});

test('a minimum scan-line length pads short lines: a blank page takes minLineBits per line', () => {
  const page = blankPage(1728, 100);
  const plain = encodeT4(page, { coding: 'mh', rtc: false });
  expect(minLineBitsFor(20, 9600)).toBe(192);
  expect(minLineBitsFor(10, 14400)).toBe(144);
  const padded = encodeT4(page, { coding: 'mh', rtc: false, minLineBits: minLineBitsFor(20, 9600) });
  expect(plain.length).toBeLessThan(100 * 4);
  expect(padded.length).toBe((100 * 192) / 8);
  const r = decodeT4(padded, { coding: 'mh', width: 1728 });
  expect(sameBitmap(r.bitmap, page)).toBe(true);
});

test('without the height or RTC, decoding stops at the end of the data', () => {
  const page = textPage(1728, 80, 9);
  const r = decodeT4(encodeT4(page, { coding: 'mr', k: 4, rtc: false }), { coding: 'mr', width: 1728 });
  expect(r.endMarker).toBe(false);
  expect(sameBitmap(r.bitmap, page)).toBe(true);
});

test('FillOrder 2 (least significant bit first, as modems send) decodes the same page', () => {
  const page = textPage(1728, 60, 11);
  const data = encodeT4(page, { coding: 'mh' }).map((b) => {
    let r = 0;
    for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 0x80 >> i;
    return r;
  });
  expect(sameBitmap(decodeT4(data, { coding: 'mh', width: 1728, fillOrder: 2 }).bitmap, page)).toBe(true);
});

/** Byte offsets where each line's coded data starts (just after its byte-aligned EOL). */
function lineStarts(data: Uint8Array): number[] {
  const starts: number[] = [];
  for (let i = 1; i < data.length; i++) if (data[i] === 1 && (data[i - 1]! & 0x0f) === 0) starts.push(i + 1);
  return starts;
}

test('a corrupted MH page: the bad lines are reported, replaced by the line above, and every other line is intact', () => {
  const page = textPage(1728, 400, 5);
  const data = encodeT4(page, { coding: 'mh', byteAlignEol: true });
  const starts = lineStarts(data);
  const hit = [140, 141, 200, 275]; // lines of text (the margins are blank)
  for (const y of hit) {
    // Noise on the line: flip bits of its first bytes (never creating eleven zeros in a row).
    for (let i = starts[y]!; i < Math.min(starts[y]! + 6, starts[y + 1]! - 2); i++) data[i] = data[i]! ^ 0xa5;
  }
  const r = decodeT4(data, { coding: 'mh', width: 1728 });
  expect(r.bitmap.height).toBe(400);
  // A flip can by chance still decode to a full line; every line reported must be one we hit.
  expect(r.badLines.length).toBeGreaterThanOrEqual(3);
  for (const y of r.badLines) expect(hit).toContain(y);
  const rb = page.rowBytes;
  for (let y = 0; y < 400; y++) {
    if (hit.includes(y)) continue;
    expect(Buffer.from(r.bitmap.data.subarray(y * rb, (y + 1) * rb)).equals(Buffer.from(page.data.subarray(y * rb, (y + 1) * rb)))).toBe(true);
  }
  for (const y of r.badLines) {
    expect(Buffer.from(r.bitmap.data.subarray(y * rb, (y + 1) * rb)).equals(Buffer.from(r.bitmap.data.subarray((y - 1) * rb, y * rb)))).toBe(true);
  }
});

test('a corrupted MR line: the 2-D lines after it are bad too until the next 1-D line, then decoding recovers', () => {
  const page = textPage(1728, 400, 6);
  const data = encodeT4(page, { coding: 'mr', k: 4, byteAlignEol: true });
  // With the tag bit after each aligned EOL, a line's data starts inside the byte after 0x01.
  const starts = lineStarts(data);
  const y = 201; // a 1-D line is every 4th (… 200, 204): 201–203 are 2-D
  // Pass-mode codes (0001) over the line, keeping the tag bit: they never end where the line does.
  for (let i = starts[y]!; i < starts[y + 1]! - 2; i++) data[i] = i === starts[y] ? (data[i]! & 0x80) | 0x11 : 0x11;
  const r = decodeT4(data, { coding: 'mr', width: 1728 });
  expect(r.bitmap.height).toBe(400);
  expect(r.badLines).toEqual([201, 202, 203]);
  const rb = page.rowBytes;
  expect(Buffer.from(r.bitmap.data.subarray(0, 201 * rb)).equals(Buffer.from(page.data.subarray(0, 201 * rb)))).toBe(true);
  expect(Buffer.from(r.bitmap.data.subarray(204 * rb)).equals(Buffer.from(page.data.subarray(204 * rb)))).toBe(true);
});

test('random bytes never throw or hang the decoder: every coding returns a bitmap, within the row limit', () => {
  const rnd = seeded(42);
  for (let i = 0; i < 60; i++) {
    const data = Uint8Array.from({ length: 200 + Math.floor(rnd() * 4000) }, () => Math.floor(rnd() * 256));
    for (const coding of ['mh', 'mr', 'mmr'] as const) {
      const r = decodeT4(data, { coding, width: 1728, maxHeight: 500 });
      expect(r.bitmap.height).toBeLessThanOrEqual(500);
      const known = decodeT4(data, { coding, width: 1728, height: 40 });
      expect(known.bitmap.height).toBe(40);
    }
  }
});
