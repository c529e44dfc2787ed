// Builds everything with esbuild: the engine and CLI (Node), the Electron shell, the renderer (browser)
// and the benchmark. Type checking is separate (`npm run typecheck`), so a build takes about a second.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
// Packages left out of the Node bundles (native addons, or files they load at run time); the tests
// that bundle the CLI themselves read the same list.
const external = JSON.parse(readFileSync(`${root}scripts/node-externals.json`, 'utf8'));
// zod's `z` namespace re-exports every one of its ~50 message locales (about 300 kB minified, more
// than React DOM), and a namespace object keeps them all in the bundle. The renderer never reads
// `z.locales` or `core.locales` (zod registers English itself from schemas.js), so its locales index is an empty module
// there: a third less script for the window to load before its first paint.
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'no-zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', external, logLevel: 'warning' };
// Worker threads of the engine (src/main/kernel/worker-thread.ts): each is bundled beside every Node
// bundle that may start one, under the name the engine asks for; the tests that bundle the CLI read the same list.
const nodeWorkers = JSON.parse(readFileSync(`${root}scripts/node-workers.json`, 'utf8'));
const workers = (dir) => Object.fromEntries(Object.entries(nodeWorkers).map(([name, source]) => [`${dir}${name}`, `${root}${source}`]));

rmSync(`${root}dist`, { recursive: true, force: true });
const [, , , renderer] = await Promise.all([
  build({ ...node, entryPoints: { cli: `${root}src/main/cli.ts`, ...workers('') }, outdir: `${root}dist` }),
  // The benchmark also drives Chromium (playwright-core, a dev dependency, loaded from node_modules).
  build({
    ...node,
    external: [...external, 'playwright-core'],
    entryPoints: { 'bench/run': `${root}bench/run.ts`, ...workers('bench/') },
    outdir: `${root}dist`,
  }),
  build({
    ...node,
    entryPoints: {
      main: `${root}src/main/shell/main.ts`,
      preload: `${root}src/main/shell/preload.ts`,
      'engine-host': `${root}src/main/shell/engine-host.ts`,
      ...workers(''),
    },
    outdir: `${root}dist/shell`,
  }),
  build({
    entryPoints: { app: `${root}src/renderer/index.tsx` },
    outdir: `${root}dist/renderer`,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    // The screens other than the phonebook are chunks of their own (src/renderer/app/lazy-screens.tsx).
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    sourcemap: 'linked',
    loader: { '.woff2': 'file', '.ttf': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [noZodLocales],
    // zod must be told to stay jitless (src/renderer/lib/zod-no-eval.ts) before any schema parses; split
    // into chunks, a shared chunk's modules run before app.js's first import, so every file starts by
    // setting zod's global config (the object zod's config() writes to) itself.
    banner: { js: '(globalThis.__zod_globalConfig ??= {}).jitless = true;' },
    metafile: true,
    logLevel: 'warning',
  }),
]);
mkdirSync(`${root}dist/renderer`, { recursive: true });
// The chunks app.js imports are named in the page, so the browser fetches them beside app.js instead
// of after reading it.
const appOut = Object.entries(renderer.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('src/renderer/index.tsx'));
const preloads = appOut[1].imports
  .filter((i) => i.kind === 'import-statement')
  .map((i) => `    <link rel="modulepreload" href="${i.path.replace(/^.*dist\/renderer\//, '')}" />\n`);
const html = readFileSync(`${root}src/renderer/index.html`, 'utf8');
if (!html.includes('    <script type="module" src="app.js"></script>')) throw new Error('index.html: the app.js script tag moved');
writeFileSync(`${root}dist/renderer/index.html`, html.replace('    <script type="module"', `${preloads.join('')}    <script type="module"`));
// pdf.js's worker (src/renderer/ui/pdf-js.ts), served from our own origin so the CSP's script-src 'self' admits it;
// named .js so both shells serve it as JavaScript.
cpSync(`${root}node_modules/pdfjs-dist/build/pdf.worker.min.mjs`, `${root}dist/renderer/pdf.worker.js`);
cpSync(`${root}src/renderer/icon.svg`, `${root}dist/renderer/icon.svg`);
cpSync(`${root}assets/fonts`, `${root}dist/renderer/fonts`, { recursive: true, filter: (f) => !f.endsWith('.txt') });
