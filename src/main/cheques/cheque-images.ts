/**
 * Scanned images of cheques as files in the data folder (attachments/cheques/), so the database stays
 * small and a backup of the folder carries them. The type is read from the bytes, never trusted from
 * the file name.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const MAX_IMAGE_MB = 15;
const MAX_THUMB_BYTES = 220 * 1024;

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';
const EXT: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** What the bytes are, or null when they are none of the three image types. */
export function sniffImage(b: Buffer): ImageMime | null {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export type ImageCheck = { ok: true; bytes: Buffer; mime: ImageMime; thumb: Buffer | null } | { ok: false; problem: 'type' | 'size' | 'thumb' };

export function checkImage(base64: string, thumbBase64: string): ImageCheck {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_IMAGE_MB * 1024 * 1024) return { ok: false, problem: 'size' };
  const mime = sniffImage(bytes);
  if (!mime) return { ok: false, problem: 'type' };
  if (thumbBase64 === '') return { ok: true, bytes, mime, thumb: null };
  const thumb = Buffer.from(thumbBase64, 'base64');
  if (thumb.length > MAX_THUMB_BYTES || sniffImage(thumb) !== 'image/jpeg') return { ok: false, problem: 'thumb' };
  return { ok: true, bytes, mime, thumb };
}

export function createImageStore(dataDir: string) {
  const dir = path.join(dataDir, 'attachments', 'cheques');
  return {
    /** Writes the file; returns the name it is stored under. */
    save(chequeId: number, mime: ImageMime, bytes: Buffer): string {
      mkdirSync(dir, { recursive: true });
      const name = `${chequeId}-${randomBytes(8).toString('hex')}.${EXT[mime]}`;
      writeFileSync(path.join(dir, name), bytes);
      return name;
    },
    read: (name: string): Buffer => readFileSync(path.join(dir, path.basename(name))),
    remove: (name: string) => rmSync(path.join(dir, path.basename(name)), { force: true }),
  };
}
