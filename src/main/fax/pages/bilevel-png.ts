/** A fax bitmap as a 1-bit greyscale PNG (for previews): a few lines over zlib, since PNG's 1-bit grey is our row layout inverted. */
import { deflateSync } from 'node:zlib';
import type { FaxBitmap } from '../../../fax';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let c = 0xffffffff;
  for (const b of body) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0, body.length + 4);
  return out;
}

/** `rowRepeat` draws each line that many times (2 for a standard page, so its pixels look square). */
export function bilevelPng(b: FaxBitmap, rowRepeat = 1): Buffer {
  const height = b.height * rowRepeat;
  const raw = Buffer.alloc((b.rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const src = Math.floor(y / rowRepeat) * b.rowBytes;
    const dst = y * (b.rowBytes + 1) + 1; // after the row's filter byte (0: none)
    for (let i = 0; i < b.rowBytes; i++) raw[dst + i] = ~b.data[src + i]! & 0xff;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(b.width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
