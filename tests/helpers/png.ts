/** Small real PNG files made in tests (an RGB image from a pixel function), e.g. a fake cheque scan. */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG of `width`×`height`; `pixel(x, y)` gives [r, g, b]. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1-bit greyscale PNG of rows packed most-significant bit first with 1 = black (a fax bitmap's layout). */
export function makeBilevelPng(width: number, height: number, rows: Uint8Array): Buffer {
  const rowBytes = (width + 7) >> 3;
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (rowBytes + 1)] = 0; // filter: none
    // PNG's 1-bit grey has 0 = black: the fax layout inverted.
    for (let i = 0; i < rowBytes; i++) raw[y * (rowBytes + 1) + 1 + i] = ~rows[y * rowBytes + i]! & 0xff;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // colour type: grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A pale "scan" of a cheque leaf at `dpmm` pixels per millimetre: a tinted leaf with a border and
 * the printed lines a writer follows (date top left, amount in words, payee, amount box).
 */
export function chequeScanPng(widthMm = 180, heightMm = 85, dpmm = 4): Buffer {
  const lines = [24, 40, 52, 66].map((mm) => Math.round(mm * dpmm));
  return makePng(widthMm * dpmm, heightMm * dpmm, (x, y) => {
    const border = x < 3 || y < 3 || x >= widthMm * dpmm - 3 || y >= heightMm * dpmm - 3;
    if (border) return [40, 90, 140];
    if (lines.includes(y) && x > 10 * dpmm && x < 170 * dpmm && x % 6 < 3) return [90, 110, 130];
    return [236 - ((x + y) % 40 === 0 ? 12 : 0), 244, 240];
  });
}
