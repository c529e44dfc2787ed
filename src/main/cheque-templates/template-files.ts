/**
 * The files of cheque templates in the data folder: background scans under
 * attachments/cheque-templates/ (so the database stays small and a backup of the folder carries
 * them) and the fonts users added under fonts/, named by their SHA-256 so a font added twice is
 * stored once. Image types are read from the bytes, never trusted from a name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_BACKGROUND_BYTES } from '../../shared/contract/cheque-print';

export type ImageFacts = { mime: 'image/png' | 'image/jpeg'; widthPx: number; heightPx: number };

/** Type and pixel size of a PNG or JPEG, or null when the bytes are neither (or too big). */
export function imageFacts(b: Buffer): ImageFacts | null {
  if (b.length > MAX_BACKGROUND_BYTES) return null;
  if (b.length >= 24 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && b.toString('latin1', 12, 16) === 'IHDR') {
    const widthPx = b.readUInt32BE(16);
    const heightPx = b.readUInt32BE(20);
    return widthPx > 0 && heightPx > 0 ? { mime: 'image/png', widthPx, heightPx } : null;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Walk the markers to the frame header (SOF0–SOF15 except DHT C4, JPG C8, DAC CC).
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1] ?? 0;
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
        i += marker === 0xff ? 1 : 2;
        continue;
      }
      const len = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const heightPx = b.readUInt16BE(i + 5);
        const widthPx = b.readUInt16BE(i + 7);
        return widthPx > 0 && heightPx > 0 ? { mime: 'image/jpeg', widthPx, heightPx } : null;
      }
      i += 2 + len;
    }
  }
  return null;
}

const EXT = { 'image/png': 'png', 'image/jpeg': 'jpg' } as const;

export function createTemplateFiles(dataDir: string) {
  const backgrounds = path.join(dataDir, 'attachments', 'cheque-templates');
  const fonts = path.join(dataDir, 'fonts');
  const inside = (dir: string, name: string) => path.join(dir, path.basename(name));
  return {
    /** Writes a background; returns its file name. */
    saveBackground(templateId: number, mime: ImageFacts['mime'], bytes: Buffer): string {
      mkdirSync(backgrounds, { recursive: true });
      const name = `${templateId}-${randomBytes(6).toString('hex')}.${EXT[mime]}`;
      writeFileSync(inside(backgrounds, name), bytes);
      return name;
    },
    /** A copy of a background for another template (a copied template owns its own file). */
    copyBackground(name: string, templateId: number): string {
      const copy = `${templateId}-${randomBytes(6).toString('hex')}${path.extname(name)}`;
      copyFileSync(inside(backgrounds, name), inside(backgrounds, copy));
      return copy;
    },
    readBackground: (name: string): Buffer | null => {
      const p = inside(backgrounds, name);
      return existsSync(p) ? readFileSync(p) : null;
    },
    removeBackground: (name: string) => rmSync(inside(backgrounds, name), { force: true }),

    /** The file name a font's bytes are stored under. */
    fontFileName: (bytes: Buffer) => `${createHash('sha256').update(bytes).digest('hex')}.ttf`,
    fontPath: (name: string) => inside(fonts, name),
    /** Writes the font (if not there yet); returns its path. */
    saveFont(name: string, bytes: Buffer): string {
      mkdirSync(fonts, { recursive: true });
      const p = inside(fonts, name);
      if (!existsSync(p)) writeFileSync(p, bytes);
      return p;
    },
    removeFont: (name: string) => rmSync(inside(fonts, name), { force: true }),
  };
}

export type TemplateFiles = ReturnType<typeof createTemplateFiles>;
