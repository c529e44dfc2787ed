/**
 * The CLI as a user (issue 18): with accounts on, `monshi import/export` acts as the user `--user NAME`
 * signs in as, with the password asked on the terminal (not echoed) or read from `--password-file`
 * (its first line; for scripts). Without `--user` it is refused before anything is read or written,
 * saying how to give one. The session is the command's own and lives in memory only (never kept in
 * the database: `cli:` sessions are not browsers), so it ends with the command.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Engine } from '../engine/engine';
import { message, type Lang } from '../i18n/messages';
import type { Caller } from '../kernel/handlers';

export type CliUserOptions = { user?: string; passwordFile?: string };
/** Asks the password on the terminal; null when there is no terminal to ask on. */
export type AskPassword = (prompt: string) => Promise<string | null>;

export class CliSignInError extends Error {}

/** The password from the file's first line (a trailing newline, as editors write, is not part of it). */
function passwordFromFile(file: string, lang: Lang): string {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw new CliSignInError(message(lang, 'accounts.cli_password_file', { file, reason }));
  }
}

/**
 * The caller the command's requests go as: this PC's own session in an office without passwords (and
 * `--user` is then not needed), else a session signed in as `--user`. Throws a CliSignInError in `lang`.
 */
export async function cliCaller(engine: Engine, lang: Lang, opts: CliUserOptions, ask: AskPassword = askOnTerminal): Promise<Caller | undefined> {
  const caller: Caller = { session: `cli:${randomBytes(12).toString('base64url')}`, pc: hostname() };
  const state = await engine.invoke('accounts/state', {}, lang, caller);
  if (!state.ok) throw new CliSignInError(state.error.message);
  if (state.value.mode === 'open') return undefined;
  const name = opts.user?.trim();
  if (!name) throw new CliSignInError(message(lang, 'accounts.cli_user_needed'));
  const prompt = message(lang, 'accounts.cli_password_prompt', { user: name });
  const password = opts.passwordFile !== undefined ? passwordFromFile(opts.passwordFile, lang) : await ask(prompt);
  if (password === null) throw new CliSignInError(message(lang, 'accounts.cli_no_terminal', { user: name }));
  const signed = await engine.invoke('accounts/sign-in', { name, password }, lang, caller);
  if (!signed.ok) throw new CliSignInError(signed.error.message);
  return caller;
}

/** Reads one line from the terminal without showing it (raw mode: Enter ends, Backspace erases, Ctrl-C ends the command). */
export function askOnTerminal(prompt: string): Promise<string | null> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(null);
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    let typed = '';
    const done = (value: string | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(typed);
        // Ctrl-C: stopped before anything was read or written; the terminal is given back as it was.
        if (ch === '\u0003') {
          input.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
