// Builds everything with esbuild: the engine and CLI (Node), the Electron shell, the renderer (browser)
// and the benchmark. Type checking is separate (`npm run typecheck`), so a build takes about a second.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const external = ['better-sqlite3', 'pdfkit', 'harfbuzzjs', 'electron', 'ws', 'bufferutil', 'utf-8-validate', 'serialport', 'koffi', 'exceljs'];
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', external, logLevel: 'warning' };

rmSync(`${root}dist`, { recursive: true, force: true });
await Promise.all([
  build({ ...node, entryPoints: { cli: `${root}src/main/cli.ts` }, outdir: `${root}dist` }),
  // The benchmark also drives Chromium (playwright-core, a dev dependency, loaded from node_modules).
  build({ ...node, external: [...external, 'playwright-core'], entryPoints: { 'bench/run': `${root}bench/run.ts` }, outdir: `${root}dist` }),
  build({
    ...node,
    entryPoints: { main: `${root}src/main/shell/main.ts`, preload: `${root}src/main/shell/preload.ts`, 'engine-host': `${root}src/main/shell/engine-host.ts` },
    outdir: `${root}dist/shell`,
  }),
  build({
    entryPoints: { app: `${root}src/renderer/index.tsx` },
    outdir: `${root}dist/renderer`,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    sourcemap: 'linked',
    loader: { '.woff2': 'file', '.ttf': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  }),
]);
mkdirSync(`${root}dist/renderer`, { recursive: true });
cpSync(`${root}src/renderer/index.html`, `${root}dist/renderer/index.html`);
cpSync(`${root}src/renderer/icon.svg`, `${root}dist/renderer/icon.svg`);
cpSync(`${root}assets/fonts`, `${root}dist/renderer/fonts`, { recursive: true, filter: (f) => !f.endsWith('.txt') });
