// Lint: typescript-eslint's recommended rules, plus the boundaries of the tree (STYLE.md):
// the engine, telephony, printing and fax never import Electron, React or the DOM; the renderer never
// imports Node modules; only src/main/shell may import Electron.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'worker_threads', 'module'];
const noNode = nodeBuiltins.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/.cache/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/telephony/**/*.ts', 'src/print/**/*.ts', 'src/fax/**/*.ts'],
    ignores: ['src/main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'The engine stays plain Node: no Electron, React or DOM (STYLE.md).' })),
        patterns: [{ group: ['**/renderer/**', 'react-dom/*'], message: 'The engine never imports the UI.' }],
      }],
    },
  },
  {
    files: ['src/telephony/**/*.ts', 'src/print/**/*.ts', 'src/fax/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'telephony, print and fax never import Electron, React or the DOM.' })),
        patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'telephony, print and fax depend only on src/shared.' }],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...noNode, 'electron', 'better-sqlite3', 'ws', 'pdfkit'].map((name) => ({ name, message: 'The renderer runs in a sandboxed page: no Node modules.' })),
        patterns: [{ group: ['**/main/**', '**/print/**', '**/telephony/**'], message: 'The renderer reaches the engine only through the Connection.' }],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...noNode, 'electron', 'react', 'better-sqlite3'].map((name) => ({ name, message: 'src/shared runs on both sides: no Node, Electron or React.' })),
        patterns: [{ group: ['**/main/**', '**/renderer/**', '**/print/**', '**/telephony/**'], message: 'src/shared depends on nothing of ours.' }],
      }],
    },
  },
);
