/**
 * What a file given to fax is, told by its content, never by its name: a PDF (its header `%PDF-`, which
 * the PDF standard allows anywhere in the first 1024 bytes), a PNG or JPEG (their signatures), or plain
 * text (valid UTF-8, an optional byte-order mark, no control characters but tab, line and page breaks).
 * Also reads an image's size from its header, so a huge image is refused before it is decoded.
 */
export type DocumentKind = 'pdf' | 'png' | 'jpeg' | 'text';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function documentKind(bytes: Uint8Array): DocumentKind | null {
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return 'pdf';
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return plainText(bytes) === null ? null : 'text';
}

/** The text of a plain-text file (BOM removed, line ends as '\n'), or null when the bytes are not plain UTF-8 text. */
export function plainText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  // Control characters other than \t \n \f \r mean a binary file (or another encoding's bytes).
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  return text.replace(/\r\n?/g, '\n');
}

/** Width and height from a PNG's IHDR or a JPEG's first SOFn segment; null when the header does not say. */
export function imageSize(bytes: Uint8Array, kind: 'png' | 'jpeg'): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') {
    if (bytes.length < 24) return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    // SOF0–SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

function indexOfAscii(bytes: Uint8Array, text: string, within: number): number {
  const end = Math.min(bytes.length - text.length, within);
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
