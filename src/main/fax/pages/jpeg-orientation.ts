/**
 * The EXIF orientation of a JPEG (TIFF tag 0x0112 in IFD0 of the APP1 "Exif" segment) and the turn or
 * mirror that makes its pixels upright. A phone stores a photo as its sensor read it and writes in this
 * tag how to show it; a fax of that photo sent as stored arrives on its side or upside down.
 * Reading is defensive: any malformed or missing part means 1 (as stored), never an error — the
 * picture is still faxable, only perhaps turned.
 */
import type { Rgba } from './png-decode';

/** EXIF orientations: 1 as stored, 2 mirrored, 3 half turn, 4 flipped, 5 transposed, 6 quarter turn clockwise, 7 transverse, 8 quarter turn anticlockwise. */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export function jpegOrientation(bytes: Uint8Array): Orientation {
  let at = 2; // after SOI
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return 1;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return 1; // start of scan or end: no EXIF before the picture
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return 1;
    if (marker === 0xe1) {
      const o = exifOrientation(bytes.subarray(at + 4, Math.min(bytes.length, at + 2 + length)));
      if (o !== null) return o;
    }
    at += 2 + length;
  }
  return 1;
}

function exifOrientation(seg: Uint8Array): Orientation | null {
  // "Exif\0\0", then a TIFF header: byte order, 42, the offset of IFD0.
  if (seg.length < 14 || String.fromCharCode(...seg.subarray(0, 4)) !== 'Exif' || seg[4] !== 0 || seg[5] !== 0) return null;
  const tiff = seg.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const u16 = (i: number) => (i + 2 > tiff.length ? -1 : little ? tiff[i]! | (tiff[i + 1]! << 8) : (tiff[i]! << 8) | tiff[i + 1]!);
  const u32 = (i: number) => (i + 4 > tiff.length ? -1 : little ? u16(i) + u16(i + 2) * 65536 : u16(i) * 65536 + u16(i + 2));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  const count = u16(ifd);
  if (ifd < 8 || count < 0) return null;
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) !== 0x0112) continue;
    const value = u16(entry + 8); // a SHORT, left-justified in the value field
    return u16(entry + 2) === 3 && value >= 1 && value <= 8 ? (value as Orientation) : null;
  }
  return null;
}

/**
 * The pixels upright: for each pixel (x, y) of the shown picture, the stored pixel the EXIF rule names
 * (TIFF 6.0's Orientation: which side the stored 0th row and 0th column are on when shown). An exact
 * copy, no resampling; 5–8 swap width and height.
 */
export function uprightPixels(img: Rgba, o: Orientation): Rgba {
  if (o === 1) return img;
  const { width: sw, height: sh } = img;
  const swap = o >= 5;
  const [uw, uh] = swap ? [sh, sw] : [sw, sh];
  const data = img.data.byteOffset % 4 === 0 ? img.data : img.data.slice(); // whole pixels as 32-bit words
  const src = new Uint32Array(data.buffer, data.byteOffset, sw * sh);
  const out = new Uint8ClampedArray(uw * uh * 4);
  const dst = new Uint32Array(out.buffer);
  // stored (sx, sy) of shown (x, y)
  const from: Record<Exclude<Orientation, 1>, (x: number, y: number) => number> = {
    2: (x, y) => y * sw + (sw - 1 - x), // 0th row top, 0th column right
    3: (x, y) => (sh - 1 - y) * sw + (sw - 1 - x), // 0th row bottom, 0th column right
    4: (x, y) => (sh - 1 - y) * sw + x, // 0th row bottom, 0th column left
    5: (x, y) => x * sw + y, // 0th row left, 0th column top
    6: (x, y) => (sh - 1 - x) * sw + y, // 0th row right, 0th column top
    7: (x, y) => (sh - 1 - x) * sw + (sw - 1 - y), // 0th row right, 0th column bottom
    8: (x, y) => x * sw + (sw - 1 - y), // 0th row left, 0th column bottom
  };
  const at = from[o];
  for (let y = 0; y < uh; y++) for (let x = 0; x < uw; x++) dst[y * uw + x] = src[at(x, y)]!;
  return { width: uw, height: uh, data: out };
}
