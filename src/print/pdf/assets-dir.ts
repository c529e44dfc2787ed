/**
 * Finds the folder holding `fonts/Vazirmatn-*.ttf`. The print code runs from source (Jest),
 * bundled into dist/cli.js or dist/shell/engine-host.js (esbuild), and from a packaged app, so
 * no fixed relative path is right everywhere: walk up from this file, then from the working
 * directory, then try Electron's resources folder (a plain property here; Electron is not imported).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const FONT_FILES = { regular: 'Vazirmatn-Regular.ttf', bold: 'Vazirmatn-Bold.ttf' } as const;
export type FontWeight = keyof typeof FONT_FILES;

const hasFonts = (assetsDir: string) => existsSync(join(assetsDir, 'fonts', FONT_FILES.regular));

let foundDir: string | null = null;

function walkUp(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (hasFonts(join(dir, 'assets'))) return join(dir, 'assets');
    if (dirname(dir) === dir) return null;
  }
}

/**
 * The assets folder (the one containing `fonts/`). An explicit `assetsDir` wins and must contain
 * the fonts. Throws with the places it looked when nothing is found.
 */
export function resolveAssetsDir(assetsDir?: string): string {
  if (assetsDir !== undefined) {
    if (hasFonts(assetsDir)) return resolve(assetsDir);
    throw new Error(`print: no fonts/${FONT_FILES.regular} in assetsDir ${assetsDir}`);
  }
  // Found once per process: the folder does not move, and every font path of every cheque asks for it.
  if (foundDir !== null) return foundDir;
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const found = walkUp(__dirname) ?? walkUp(process.cwd()) ?? (resourcesPath && hasFonts(join(resourcesPath, 'assets')) ? join(resourcesPath, 'assets') : null);
  if (found) return (foundDir = found);
  throw new Error(`print: cannot find assets/fonts above ${__dirname} or ${process.cwd()}; pass assetsDir`);
}

/** Absolute paths of the two font files. */
export function fontPaths(assetsDir: string): Record<FontWeight, string> {
  return { regular: join(assetsDir, 'fonts', FONT_FILES.regular), bold: join(assetsDir, 'fonts', FONT_FILES.bold) };
}
