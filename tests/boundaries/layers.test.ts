/**
 * The build holds the layers (docs/architecture.md): probe files that break a boundary are compiled with
 * the layer's own tsconfig and linted with the project's ESLint config, and must fail with the message
 * that names the boundary; beside each, a probe that stays inside the rules must pass, so a failure is
 * the boundary's and not the set-up's. The probes live only in memory at a path inside the layer (the
 * compiler host and ESLint's lintText are given the path), so nothing is written into src/ that a
 * concurrent build or an interrupted test could leave behind.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');

type Probe = { file: string; code: string };

/** Type-checks the probes with a layer's compiler options; returns each probe's diagnostics as text. */
function compile(layerConfig: string, probes: Probe[]): Map<string, string> {
  const configPath = path.join(root, layerConfig);
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(d.messageText) });
  if (!parsed) throw new Error(`cannot read ${layerConfig}`);
  const inMemory = new Map(probes.map((p) => [path.join(root, p.file), p.code]));
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => inMemory.has(f) || fileExists(f);
  host.readFile = (f) => inMemory.get(f) ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) => {
    const text = inMemory.get(f);
    return text === undefined ? getSourceFile(f, lang, ...rest) : ts.createSourceFile(f, text, lang);
  };
  const program = ts.createProgram([...inMemory.keys()], parsed.options, host);
  const out = new Map<string, string>();
  for (const [file] of inMemory) {
    const sf = program.getSourceFile(file);
    const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    out.set(path.relative(root, file), diags.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`).join('\n'));
  }
  return out;
}

/** Lints the probes with eslint.config.mjs in one child process (the config is an ES module). */
function lint(probes: Probe[]): Map<string, string> {
  const script = `
    import { ESLint } from 'eslint';
    const probes = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = {};
    for (const p of probes) {
      const [r] = await eslint.lintText(p.code, { filePath: p.file });
      out[p.file] = r.messages.map((m) => (m.ruleId ?? 'fatal') + ': ' + m.message).join('\\n');
    }
    console.log(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(probes)], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`eslint did not run: ${r.stderr}`);
  return new Map(Object.entries(JSON.parse(r.stdout) as Record<string, string>));
}

describe('the compiler holds the layers', () => {
  it('the renderer has the DOM and no Node: process.env and Buffer do not compile, document and timers do', () => {
    const out = compile('tsconfig.renderer.json', [
      { file: 'src/renderer/probe-uses-process.ts', code: 'export const mode = process.env.NODE_ENV;\n' },
      { file: 'src/renderer/probe-uses-buffer.ts', code: "export const bytes = Buffer.from('x');\n" },
      { file: 'src/renderer/probe-clean.ts', code: 'export const t: ReturnType<typeof setTimeout> = setTimeout(() => document.title, 1);\n' },
    ]);
    expect(out.get('src/renderer/probe-uses-process.ts')).toMatch(/TS25(80|91): Cannot find name 'process'/);
    expect(out.get('src/renderer/probe-uses-buffer.ts')).toMatch(/TS25(80|91): Cannot find name 'Buffer'/);
    expect(out.get('src/renderer/probe-clean.ts')).toBe('');
  }, 180_000);

  it('telephony, printing and the engine have Node and no DOM: document and window do not compile, process and serialport do', () => {
    const out = compile('tsconfig.engine.json', [
      { file: 'src/telephony/probe-uses-document.ts', code: 'export const title = document.title;\n' },
      { file: 'src/print/probe-uses-window.ts', code: 'export const w = window.innerWidth;\n' },
      { file: 'src/main/probe-uses-localstorage.ts', code: "export const v = localStorage.getItem('x');\n" },
      {
        file: 'src/telephony/probe-clean.ts',
        code: "import { SerialPort } from 'serialport';\nexport const p = (path: string) => new SerialPort({ path, baudRate: Number(process.env.BAUD) });\n",
      },
    ]);
    expect(out.get('src/telephony/probe-uses-document.ts')).toMatch(/TS2584: Cannot find name 'document'.*include 'dom'/);
    expect(out.get('src/print/probe-uses-window.ts')).toMatch(/Cannot find name 'window'/);
    expect(out.get('src/main/probe-uses-localstorage.ts')).toMatch(/Cannot find name 'localStorage'/);
    expect(out.get('src/telephony/probe-clean.ts')).toBe('');
  }, 180_000);

  it('src/shared has neither: process and document do not compile, plain ECMAScript does', () => {
    const out = compile('tsconfig.shared.json', [
      { file: 'src/shared/probe-uses-process.ts', code: 'export const env = process.env;\n' },
      { file: 'src/shared/probe-uses-document.ts', code: 'export const title = document.title;\n' },
      { file: 'src/shared/probe-clean.ts', code: "export const words = new Map([[1, 'یک']]).get(1)?.normalize('NFC');\n" },
    ]);
    expect(out.get('src/shared/probe-uses-process.ts')).toMatch(/TS25(80|91): Cannot find name 'process'/);
    expect(out.get('src/shared/probe-uses-document.ts')).toMatch(/TS2584: Cannot find name 'document'/);
    expect(out.get('src/shared/probe-clean.ts')).toBe('');
  }, 180_000);
});

describe('the lint ban list holds the imports', () => {
  const sandboxed = /no-restricted-imports: .*The renderer runs in a sandboxed page: no Node modules\./;
  const both = /no-restricted-imports: .*src\/shared runs on both sides/;
  const probes: (Probe & { expect: RegExp | '' })[] = [
    // The renderer: every Node built-in (with or without node:) and every Node-only package.
    { file: 'src/renderer/probe-serialport.ts', code: "import { SerialPort } from 'serialport';\nexport { SerialPort };\n", expect: sandboxed },
    { file: 'src/renderer/probe-events.ts', code: "import { EventEmitter } from 'events';\nexport { EventEmitter };\n", expect: sandboxed },
    { file: 'src/renderer/probe-node-events.ts', code: "import { once } from 'node:events';\nexport { once };\n", expect: sandboxed },
    { file: 'src/renderer/probe-node-test.ts', code: "import test from 'node:test';\nexport { test };\n", expect: sandboxed },
    { file: 'src/renderer/probe-bindings.ts', code: "import * as b from '@serialport/bindings-cpp';\nexport { b };\n", expect: sandboxed },
    { file: 'src/renderer/probe-koffi.ts', code: "import koffi from 'koffi';\nexport { koffi };\n", expect: sandboxed },
    { file: 'src/renderer/probe-pdfkit-sub.ts', code: "import x from 'pdfkit/js/pdfkit.standalone';\nexport { x };\n", expect: sandboxed },
    { file: 'src/renderer/probe-electron.ts', code: "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n", expect: sandboxed },
    {
      file: 'src/renderer/probe-engine.ts',
      code: "import { AppError } from '../main/engine/app-error';\nexport { AppError };\n",
      expect: /reaches the engine only through the Connection/,
    },
    {
      file: 'src/renderer/probe-clean.tsx',
      code: "import { useState } from 'react';\nimport { z } from 'zod';\nexport const s = z.string();\nexport { useState };\n",
      expect: '',
    },
    // src/shared: neither Node nor React.
    { file: 'src/shared/probe-fs.ts', code: "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n", expect: both },
    { file: 'src/shared/probe-path.ts', code: "import path from 'path';\nexport { path };\n", expect: both },
    { file: 'src/shared/probe-react.ts', code: "import { useState } from 'react';\nexport { useState };\n", expect: both },
    {
      file: 'src/shared/probe-clean.ts',
      code: "import { z } from 'zod';\nimport { toJalaali } from 'jalaali-js';\nexport const s = z.string();\nexport { toJalaali };\n",
      expect: '',
    },
    // The engine never imports the shell or the UI; only the shell imports Electron.
    { file: 'src/main/engine/probe-shell.ts', code: "import { x } from '../shell/main';\nexport { x };\n", expect: /never imports the Electron shell/ },
    { file: 'src/main/probe-shell.ts', code: "import { x } from './shell/security';\nexport { x };\n", expect: /never imports the Electron shell/ },
    { file: 'src/main/calls/probe-electron.ts', code: "import { app } from 'electron';\nexport { app };\n", expect: /The engine stays plain Node/ },
    { file: 'src/main/calls/probe-react.ts', code: "import { useState } from 'react';\nexport { useState };\n", expect: /The engine stays plain Node/ },
    { file: 'src/main/shell/probe-electron.ts', code: "import { app } from 'electron';\nexport { app };\n", expect: '' },
    // Telephony and printing depend only on src/shared.
    {
      file: 'src/telephony/probe-main.ts',
      code: "import { AppError } from '../main/kernel/app-error';\nexport { AppError };\n",
      expect: /telephony, print and fax depend only on src\/shared/,
    },
    {
      file: 'src/print/probe-electron.ts',
      code: "import { app } from 'electron';\nexport { app };\n",
      expect: /telephony, print and fax never import Electron/,
    },
    {
      file: 'src/telephony/probe-clean.ts',
      code: "import { SerialPort } from 'serialport';\nimport { once } from 'node:events';\nexport { SerialPort, once };\n",
      expect: '',
    },
    // src/node: every Node layer may import it (print does, for a real ESM import); it imports nothing of ours.
    { file: 'src/print/probe-node.ts', code: "import { importEsm } from '../node/esm-import';\nexport { importEsm };\n", expect: '' },
    {
      file: 'src/node/probe-main.ts',
      code: "import { AppError } from '../main/kernel/app-error';\nexport { AppError };\n",
      expect: /src\/node imports nothing of ours/,
    },
    {
      file: 'src/node/probe-shared.ts',
      code: "import { toAsciiDigits } from '../shared/text/digits';\nexport { toAsciiDigits };\n",
      expect: /src\/node imports nothing of ours/,
    },
    { file: 'src/node/probe-electron.ts', code: "import { app } from 'electron';\nexport { app };\n", expect: /src\/node stays plain Node/ },
    {
      file: 'src/node/probe-clean.ts',
      code: "import vm from 'node:vm';\nimport { pathToFileURL } from 'node:url';\nexport { vm, pathToFileURL };\n",
      expect: '',
    },
  ];

  it('every boundary probe fails with its message, and each clean probe passes', () => {
    const out = lint(probes);
    // All probes in one list, so a failure names every leak at once.
    const wrong = probes
      .filter((p) => (p.expect === '' ? out.get(p.file) !== '' : !p.expect.test(out.get(p.file) ?? '')))
      .map((p) => `${p.file}: expected ${p.expect === '' ? 'no message' : String(p.expect)}, got «${out.get(p.file)}»`);
    expect(wrong).toEqual([]);
  }, 180_000);
});
