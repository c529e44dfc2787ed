/**
 * `monshi serve | import FILE | export FILE`, each taking `--data DIR`. Headless: no Electron here.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Method, OutputOf } from '../shared/contract/api';
import { openBrowserApp } from './server/open-browser';
import { createEngine, type Engine } from './engine/engine';
import { settingsLanguage, startFailureText } from './engine/start-failure';
import { resolveDataDir, rendererDir } from './paths';
import { startServer } from './server/http-server';
import { OPEN_CODE_TTL_MS, PRINTED_CODE_TTL_MS } from './server/session';
import { simCommand } from './sim-command';
import { testSipLineFactory } from './lines/test-sip-line';
import { backupCommand } from './backup/backup-command';
import { cliCaller, CliSignInError } from './accounts/cli-sign-in';
import type { Caller } from './kernel/handlers';

const USAGE = `Usage:
  monshi serve  [--data DIR] [--port N] [--lan] [--open] [--lang fa|en]
  monshi import FILE [--data DIR] [--on-duplicate merge|skip|add] [--user NAME [--password-file FILE]]
  monshi export FILE [--data DIR] [--format vcard3|vcard4|csv] [--user NAME [--password-file FILE]]
  monshi backup FILE [--data DIR] [--password P]
  monshi restore FILE [--data DIR] [--password P]
  monshi sim    [--profile conexant|usr-5637|agere|silabs] [--script FILE] [--ring NUMBER]`;

async function call<M extends Method>(engine: Engine, method: M, input: unknown, lang: 'fa' | 'en', caller?: Caller): Promise<OutputOf<M>> {
  const r = await engine.invoke(method, input, lang, caller);
  if (!r.ok) throw new CliError(r.error.message);
  return r.value;
}
class CliError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      lan: { type: 'boolean' },
      open: { type: 'boolean' },
      'on-duplicate': { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean' },
      profile: { type: 'string' },
      script: { type: 'string' },
      ring: { type: 'string' },
      password: { type: 'string' },
      user: { type: 'string' },
      'password-file': { type: 'string' },
    },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'sim') return simCommand({ profile: values.profile, script: values.script, ring: values.ring });
  const lang = values.lang === 'en' ? 'en' : values.lang === 'fa' ? 'fa' : undefined;
  let engine: Engine;
  const dataDir = resolveDataDir(values.data);
  const nativeBinding = process.env.MONSHI_SQLITE_BINDING;
  if ((command === 'backup' || command === 'restore') && file) {
    return backupCommand(command, { dataDir, file, password: values.password ?? process.env.MONSHI_BACKUP_PASSWORD ?? null, lang, nativeBinding });
  }
  try {
    engine = createEngine({
      dataDir,
      shell: command === 'serve' ? 'browser' : 'headless',
      nativeBinding,
      // import/export neither answer lines nor ring alarms (an alarm rung there would be seen by nobody).
      noLines: command !== 'serve',
      noAlarms: command !== 'serve',
      // Export only reads, so it may run beside the Monshi that holds the folder; serve and import may not.
      noLock: command === 'export',
      // MONSHI_TEST_CLOCK=1: end-to-end tests and demos move the clock with 'clock/advance' (never in normal use).
      testClock: command === 'serve' && process.env.MONSHI_TEST_CLOCK === '1',
      // MONSHI_TEST_SIP_LINE: end-to-end tests run a SIP account as the line with port 'sip-test' (never in normal use).
      lineFactory: command === 'serve' ? testSipLineFactory(process.env.MONSHI_TEST_SIP_LINE) : undefined,
    });
  } catch (e) {
    // The reason and the folder, in the language of the folder's settings if they can be read, else in both.
    throw new CliError(startFailureText(e, dataDir, lang ?? settingsLanguage(dataDir, nativeBinding)));
  }
  // accounts/state needs nobody signed in (settings/get would be refused to the CLI in an office with accounts).
  const uiLang = lang ?? (await call(engine, 'accounts/state', {}, 'en')).language;

  if (command === 'serve') {
    const token = randomBytes(24).toString('base64url');
    const port = values.port ? Number(values.port) : 0;
    const server = await startServer({
      engine,
      rendererDir: rendererDir(),
      token,
      port,
      host: values.lan ? '0.0.0.0' : '127.0.0.1',
      log: (what) => console.error(`monshi serve: ${what}`),
    });
    console.log(`Monshi is serving ${engine.dataDir}`);
    console.log(server.url);
    console.log('This address works once, within 10 minutes. Press Enter here for a new one.');
    // Each line on stdin (Enter in the terminal, or a test harness) prints a fresh one-time address.
    createInterface({ input: process.stdin }).on('line', () => console.log(server.signInUrl(PRINTED_CODE_TTL_MS)));
    if (values.open) {
      // Its own code, not the printed one: a browser's command line is readable by every local account (ps).
      const opened = openBrowserApp(server.signInUrl(OPEN_CODE_TTL_MS), path.join(engine.dataDir, '.browser-profile'));
      if (!opened) console.log('No Chromium or Chrome found: open the address above in a browser.');
    }
    const stop = async () => {
      await server.close();
      await engine.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1; // keep running
  }

  try {
    if (!((command === 'import' || command === 'export') && file)) {
      console.error(USAGE);
      return 2;
    }
    // With accounts on, the command is the signed-in `--user`'s (refused, saying so, without one).
    const caller = await cliCaller(engine, uiLang, { user: values.user, passwordFile: values['password-file'] }).catch((e: unknown) => {
      throw e instanceof CliSignInError ? new CliError(e.message) : e;
    });
    if (command === 'import' && file) {
      const bytes = readFileSync(file);
      const preview = await call(engine, 'io/import-preview', { fileName: path.basename(file), base64: bytes.toString('base64') }, uiLang, caller);
      const onDuplicate = values['on-duplicate'] ?? 'merge';
      const out = await call(engine, 'io/import-commit', { previewId: preview.previewId, onDuplicate }, uiLang, caller);
      for (const n of preview.notices) console.error(`line ${n.line}: ${n.message}`);
      console.log(
        `${preview.total} records: ${out.added} added, ${out.merged} merged, ${out.skipped} skipped.${out.rejected ? ` ${out.rejected} not imported.` : ''}`,
      );
      return 0;
    }
    if (command === 'export' && file) {
      const ext = path.extname(file).toLowerCase();
      const format = values.format ?? (ext === '.csv' ? 'csv' : 'vcard4');
      const out = await call(engine, 'io/export', { format }, uiLang, caller);
      writeFileSync(file, Buffer.from(out.base64, 'base64'));
      console.log(`${out.count} contacts written to ${file}.`);
      return 0;
    }
    console.error(USAGE);
    return 2;
  } finally {
    await engine.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof CliError ? e.message : e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  },
);
