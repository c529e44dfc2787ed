// Lint: typescript-eslint's recommended rules, plus the boundaries of the tree (STYLE.md):
// the engine, telephony, printing and fax never import Electron, React or the DOM; the renderer never
// imports Node modules; only src/main/shell may import Electron. The lists are built, not typed: every
// Node built-in, and every dependency that is not known to run in a page. (The compiler holds the rest:
// one tsconfig per layer, see docs/architecture.md.)
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Dependencies that run in the sandboxed page. Any other dependency (a native addon, one that reads
// files, opens sockets or ports: better-sqlite3, serialport, koffi, ws, pdfkit, exceljs, harfbuzzjs,
// electron, …) needs Node and is refused in src/renderer and src/shared until it is listed here.
// pdfjs-dist: its main build is a browser build (the renderer's PDF viewer); the engine loads the legacy one.
const browserPackages = ['react', 'react-dom', '@tanstack/react-virtual', 'react-day-picker', 'jalaali-js', 'bidi-js', 'zod', 'pdfjs-dist', 'chart.js'];
// The page's own packages: the engine, telephony and printing have no use for them.
const uiPackages = ['react', 'react-dom', '@tanstack/react-virtual', 'react-day-picker', 'chart.js'];
const nodeOnlyPackages = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((name) => !browserPackages.includes(name));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Every Node built-in with and without `node:` (also `node:`-only ones such as node:test), and the Node-only packages with their subpaths. */
const noNode = (message) => ({
  paths: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].map((name) => ({ name, message })),
  patterns: [
    { regex: '^node:', message },
    { regex: `^(${nodeOnlyPackages.map(escape).join('|')}|@serialport/[^/]+)(/.*)?$`, message },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/.cache/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      // Prettier (run by `npm run lint`) wraps code at 160; this catches what it cannot wrap: comments and strings.
      'max-len': ['error', { code: 160, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/telephony/**/*.ts', 'src/print/**/*.ts', 'src/fax/**/*.ts', 'src/node/**/*.ts'],
    ignores: ['src/main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', ...uiPackages].map((name) => ({ name, message: 'The engine stays plain Node: no Electron, React or DOM (STYLE.md).' })),
        patterns: [
          { group: ['**/renderer/**', 'react-dom/*'], message: 'The engine never imports the UI.' },
          { regex: '(^|/)shell(/|$)', message: 'The engine never imports the Electron shell: the shell hosts the engine, not the other way round.' },
        ],
      }],
    },
  },
  // The kernel (errors, context, logging, clock, the request gate) is what every domain may import, so it
  // imports none of them, nor the composition root (engine/) or the shells: imports run one way, down.
  {
    files: ['src/main/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'The kernel stays plain Node: no Electron, React or DOM (STYLE.md).' })),
        patterns: [{
          group: ['attendance', 'calendar', 'calls', 'cheque-templates', 'cheques', 'contacts', 'engine', 'fax', 'ivr', 'lines', 'onboarding', 'people',
            'recordings', 'reminders', 'server', 'settings', 'shell'].flatMap((d) => [`../${d}/**`, `**/main/${d}/**`]).concat(['**/renderer/**']),
          message: 'src/main/kernel imports no domain: only src/shared, src/main/i18n and src/main/db.',
        }],
      }],
    },
  },
  {
    files: ['src/telephony/**/*.ts', 'src/print/**/*.ts', 'src/fax/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', ...uiPackages].map((name) => ({ name, message: 'telephony, print and fax never import Electron, React or the DOM.' })),
        patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'telephony, print and fax depend only on src/shared.' }],
      }],
    },
  },
  // src/node: small helpers for the Node runtime (a real ESM import) that the engine, telephony, print and
  // fax may all import, so it imports nothing of ours: imports run one way, down.
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', ...uiPackages].map((name) => ({ name, message: 'src/node stays plain Node: no Electron, React or DOM.' })),
        patterns: [{ group: ['../**'], message: 'src/node imports nothing of ours: every Node layer imports it.' }],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: noNode('The renderer runs in a sandboxed page: no Node modules.').paths,
        patterns: [
          ...noNode('The renderer runs in a sandboxed page: no Node modules.').patterns,
          { group: ['**/main/**', '**/print/**', '**/telephony/**'], message: 'The renderer reaches the engine only through the Connection.' },
        ],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...noNode('src/shared runs on both sides: no Node, Electron or React.').paths,
          ...uiPackages.map((name) => ({ name, message: 'src/shared runs on both sides: no Node, Electron or React.' })),
        ],
        patterns: [
          ...noNode('src/shared runs on both sides: no Node, Electron or React.').patterns,
          { group: ['**/main/**', '**/renderer/**', '**/print/**', '**/telephony/**'], message: 'src/shared depends on nothing of ours.' },
        ],
      }],
    },
  },
);
