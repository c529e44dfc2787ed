/**
 * End-to-end harness: the built CLI serving browser mode on a fresh data folder, and Debian's
 * Chromium driven by playwright-core. Screenshots go to test-results/e2e/ to be looked at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import type { Result } from '../../src/shared/contract/errors';
import { removeDir, tempDir } from '../helpers/engine';
import { waitFor, waitForValue } from '../helpers/wait';

const root = path.resolve(__dirname, '..', '..');
export const shotsDir = path.join(root, 'test-results', 'e2e');

export type App = {
  /** A fresh one-time sign-in address on every read (each browser context signs in with its own). */
  readonly url: string;
  dataDir: string;
  proc: ChildProcess;
  stop: () => Promise<void>;
};

/** A whole printed line only: a chunk of stdout may end in the middle of an address. */
const SIGN_IN = /http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+(?=\r?\n)/g;

/**
 * Starts `monshi serve` and resolves once it printed its sign-in address. Every address works once,
 * so the harness keeps a few fresh ones: a line on the server's stdin makes it print another.
 */
export function startApp(dataDir = tempDir('monshi-e2e-'), env: Record<string, string> = {}, startTimeoutMs = 20_000): Promise<App> {
  const proc = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'serve', '--data', dataDir, '--port', '0'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const fresh: string[] = [];
  // A server that has stopped takes no more lines; its closed stdin must not fail the test.
  proc.stdin!.on('error', () => undefined);
  const more = () => {
    if (proc.exitCode === null && proc.signalCode === null && proc.stdin!.writable) proc.stdin!.write('\n');
  };
  // Printed codes expire after 10 minutes: keep the stock young during a long test file.
  const refresh = setInterval(() => {
    fresh.shift();
    more();
  }, 3 * 60_000).unref();
  proc.once('exit', () => clearInterval(refresh));
  return new Promise((resolve, reject) => {
    let out = '';
    let seen = 0;
    const timer = setTimeout(() => {
      // Not left running behind the failed test (a Jest worker would not exit).
      proc.kill('SIGKILL');
      reject(new Error(`server did not start in ${startTimeoutMs} ms: ${out}`));
    }, startTimeoutMs);
    proc.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const all = out.match(SIGN_IN) ?? [];
      fresh.push(...all.slice(seen));
      const first = seen === 0 && all.length > 0;
      seen = all.length;
      if (!first) return;
      clearTimeout(timer);
      more();
      more();
      resolve({
        get url() {
          more();
          return fresh.shift() ?? all[all.length - 1]!;
        },
        dataDir,
        proc,
        stop: () =>
          new Promise<void>((done) => {
            proc.once('exit', () => done());
            proc.kill('SIGTERM');
          }),
      });
    });
    proc.stderr!.on('data', (d: Buffer) => {
      out += String(d);
    });
    proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/** What an e2e file needs: a fresh data folder, the server on it, Chromium and one signed-in page. */
export type E2eSetup = {
  /** Part of the data folder's name. */
  name: string;
  /** Extra environment for the server (MONSHI_TEST_CLOCK, …). */
  env?: Record<string, string>;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** The test id the page shows when the app is ready; the phonebook by default. */
  ready?: string;
  /**
   * 'test': every test gets its own data folder, server and browser context (Chromium is shared by the
   * file), so no test sees what an earlier one left and each can run alone with `-t`. 'file' (the default):
   * one of each for the whole file.
   */
  fresh?: 'test' | 'file';
  /** Fills a new data folder before the server starts on it (a copy of a large data set made once, …). */
  prepareData?: (dataDir: string) => void;
  /** Runs on each new page before it opens the app (an audio probe's init script, …). */
  prepare?: (page: Page) => Promise<unknown>;
};

export type E2e = {
  app: App;
  browser: Browser;
  page: Page;
  /** The current data folder (a new one per test when `fresh: 'test'`). */
  readonly dataDir: string;
  pageErrors: string[];
  /** Failed responses (`404 /favicon.ico`) and console errors since the page opened (a test may clear it). */
  loadProblems: string[];
  /** Stops the server and starts it again on the same data folder (what a user's restart keeps), the page signed in anew and ready. */
  restart: (env?: Record<string, string>) => Promise<void>;
};

/**
 * A stand-in that forwards to the object `get()` returns once beforeAll has made it, so a test file can
 * take `page` (and `app`, `browser`) at its top instead of declaring and assigning each in beforeAll.
 */
function late<T extends object>(what: string, get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const real = get();
      if (!real) throw new Error(`the e2e ${what} was used before beforeAll made it`);
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
  });
}

/**
 * The set-up every e2e file repeated: the server on a fresh data folder, Chromium and a page signed in
 * and showing the app, before the file's tests (or before each test with `fresh: 'test'`); after them,
 * all stopped and the folder removed. Uncaught page errors are collected in `pageErrors` for a file that
 * checks them.
 */
export function useApp(setup: E2eSetup): E2e {
  const perTest = setup.fresh === 'test';
  const pageErrors: string[] = [];
  const loadProblems: string[] = [];
  let browser: Browser | undefined;
  /** The test's data folder, server, context and page; `next`, the following test's, made while this one runs. */
  let now: Fresh | undefined;
  let next: Fresh | undefined;
  /** Opens the app in the page on a server already starting (`starting`) or on a new one. */
  const open = async (at: Fresh, env = setup.env, starting = startApp(at.dataDir, env)) => {
    at.app = await starting;
    await at.page!.goto(at.app.url);
    // A loaded machine may take a while for the first screen after a (re)start.
    await at.page!.getByTestId(setup.ready ?? 'phonebook').waitFor({ timeout: 30_000 });
  };
  /** A fresh data folder with the server on it and a page, signed in and showing the app unless the file has a `prepare`. */
  const make = (): Fresh => {
    const at: Fresh = { dataDir: tempDir(`monshi-e2e-${setup.name}-`), pageErrors: [], loadProblems: [], ready: Promise.resolve() };
    // Until the test takes it, what this page reports is kept with it; from then on, in the test's lists.
    const errors = () => (at === now ? pageErrors : at.pageErrors);
    const problems = () => (at === now ? loadProblems : at.loadProblems);
    at.ready = (async () => {
      setup.prepareData?.(at.dataDir);
      // The server starts while Chromium makes the context and page: the two took a second or two each, one after the other.
      // Given longer than a start on its own: an early one shares the machine with the test that runs meanwhile.
      const starting = startApp(at.dataDir, setup.env, 45_000);
      // Known at once to `close`, which stops it even if the context fails; a failed start is reported by open.
      starting.then((a) => (at.app = a)).catch(() => undefined);
      at.context = await browser!.newContext({ viewport: setup.viewport ?? { width: 1280, height: 800 }, acceptDownloads: setup.acceptDownloads ?? false });
      const page = (at.page = await at.context.newPage());
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (e) => errors().push(e.message));
      page.on('response', (r) => {
        if (r.status() >= 400) problems().push(`${r.status()} ${new URL(r.url()).pathname}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error') problems().push(`console: ${m.text()}`);
      });
      at.starting = starting;
      // A file's `prepare` keeps what it makes (an audio probe) for the test that runs next, so a page
      // made early opens the app only when its test takes it (in `up`).
      if (!setup.prepare) await open(at, setup.env, starting);
    })();
    return at;
  };
  const up = async () => {
    let at = next ?? make();
    // One made early that failed (a start that timed out beside a busy test) is made again now, as it
    // would have been without the early start; a second failure is the test's.
    if (at === next && !(await succeeds(at.ready))) {
      await close(at);
      at = make();
    }
    next = undefined;
    now = at;
    pageErrors.splice(0, pageErrors.length, ...at.pageErrors);
    loadProblems.splice(0, loadProblems.length, ...at.loadProblems);
    await at.ready;
    if (setup.prepare) {
      await setup.prepare(at.page!);
      await open(at, setup.env, at.starting);
    }
    // The next test's server and page start while this test runs: most of a test is waiting (on the page, a
    // call's rings), and the start cost a test 3–6 s before it could begin. Not after the last test.
    if (perTest && (globalThis as Record<symbol, unknown>)[MORE_TESTS] === true) {
      next = make();
      // Its failure is the next test's (`up` awaits it again); not an unhandled rejection meanwhile.
      next.ready.catch(() => undefined);
    }
  };
  const down = async () => {
    if (now) await close(now);
    now = undefined;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
    if (!perTest) await up();
  }, 60_000);
  if (perTest) {
    beforeEach(up, 60_000);
    afterEach(down);
  }
  afterAll(async () => {
    await down();
    if (next) await close(next);
    await browser?.close();
  });
  const restart = async (env?: Record<string, string>) => {
    await now?.app?.stop();
    await open(now!, env);
  };
  const current = () => now?.app && now;
  return {
    app: late('app', () => current()?.app),
    browser: late('browser', () => browser),
    page: late('page', () => current()?.page),
    get dataDir() {
      return now?.dataDir ?? '';
    },
    pageErrors,
    loadProblems,
    restart,
  };
}

/** One test's (or file's) data folder, server, browser context and page; `ready` once the page shows the app (without `prepare`). */
type Fresh = {
  dataDir: string;
  app?: App;
  context?: BrowserContext;
  page?: Page;
  /** The server's start (until `open` has taken it). */
  starting?: Promise<App>;
  /** What the page reported before a test took it. */
  pageErrors: string[];
  loadProblems: string[];
  ready: Promise<void>;
};

/** Set by the e2e Jest environment (e2e-environment.ts) while a test runs that has another test of its file after it. */
const MORE_TESTS = Symbol.for('monshi.e2e.moreTests');

const succeeds = (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => true,
    () => false,
  );

/** Closes the page's context, stops the server and removes the data folder, once whatever was starting has settled. */
async function close(at: Fresh): Promise<void> {
  await at.ready.catch(() => undefined);
  await at.context?.close();
  await at.app?.stop();
  removeDir(at.dataDir);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/**
 * Calls the engine over a WebSocket of the page's own (same origin and cookie as the app's), for
 * setting up data and reading back what the UI did; a failed call fails the test.
 */
export async function engineApi<M extends Method>(page: Page, method: M, input: InputOf<M>, lang: 'fa' | 'en' = 'en'): Promise<OutputOf<M>> {
  const r = await page.evaluate(
    ([method, input, lang]) =>
      new Promise<unknown>((resolve, reject) => {
        // The page's session cookie signs this socket in, as it does the app's.
        const ws = new WebSocket(`ws://${location.host}/ws`);
        ws.onerror = () => reject(new Error('socket failed'));
        ws.onopen = () => ws.send(JSON.stringify({ t: 'req', id: 1, method, input, lang }));
        ws.onmessage = (ev) => {
          const msg = JSON.parse(String(ev.data)) as { t: string; id?: number; result?: unknown };
          if (msg.t !== 'res' || msg.id !== 1) return;
          ws.close();
          resolve(msg.result);
        };
      }),
    [method, input, lang] as const,
  );
  const result = r as Result<OutputOf<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Waits until `read()` gives `want` (checked every 100 ms); fails with the last value it saw. `page` is kept for the callers. */
export async function pollUntil<T>(_page: Page, read: () => Promise<T>, want: T, timeoutMs = 10_000): Promise<void> {
  await waitForValue(read, want, { timeoutMs });
}

/**
 * Waits until the PDF preview (pdf.js, src/renderer/ui/pdf-viewer.tsx) has read the file and drawn
 * every page that is in view on its canvas; fails at once with the viewer's message when it could not read it.
 */
export async function pdfPreviewLoaded(page: Page, preview = page.getByTestId('pdf-preview')): Promise<void> {
  await preview.waitFor();
  const state = await waitFor(
    async () => {
      const s = await preview.getAttribute('data-state');
      return s !== 'loading' && s;
    },
    { what: 'the PDF preview to read its file' },
  );
  if (state !== 'ready') throw new Error(`the PDF preview could not read its file: ${await preview.textContent()}`);
  await waitFor(
    () =>
      preview.evaluate((box) => {
        const view = box.getBoundingClientRect();
        const inView = [...box.querySelectorAll('canvas')].filter((c) => {
          const r = c.getBoundingClientRect();
          return r.bottom > view.top && r.top < view.bottom;
        });
        return inView.length > 0 && inView.every((c) => c.dataset.rendered === 'true');
      }),
    { what: 'the PDF preview to draw its pages' },
  );
}

/**
 * Waits until the page is still enough for a screenshot: its fonts loaded, every image decoded and no
 * finite CSS animation or transition running (a dialog fading in), instead of a fixed sleep before the shot.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.fonts.status === 'loaded' &&
      [...document.images].every((img) => img.complete) &&
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { polling: 50 },
  );
}
