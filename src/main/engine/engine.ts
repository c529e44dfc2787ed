/**
 * The engine: database, domain services and (later) telephony, printing and the scheduler, as plain
 * Node with no Electron import. Shells (Electron, the browser-mode server, the CLI, tests) talk to it
 * only through `invoke` and `subscribe`.
 */
import path from 'node:path';
import { api, type EventMap, type EventName, type Method, type OutputOf } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';
import type { Db } from '../db/database';
import { dbFault } from '../db/db-faults';
import type { Lang } from '../i18n/messages';
import { createSettingsService } from '../settings/settings.service';
import type { LineFactory } from '../lines/lines.service';
import type { FaxLines } from '../fax/fax-calls';
import type { Timers } from '../../telephony/transport';
import type { EngineContext } from '../kernel/context';
import { createGate } from '../kernel/gate';
import type { Caller } from '../kernel/handlers';
import { createAuditService } from '../audit/audit.service';
import { createLogger } from '../kernel/logger';
import { keyFileSecretBox, type SecretBox } from '../kernel/secret-box';
import { createTestClock } from '../kernel/test-clock';
import { openDataFolder, type OpenDataFolder } from './engine-start';
import { createHandlers } from './handlers';
import { createServices } from './services';
import { APP_VERSION } from '../kernel/app-version';
import type { Restarter } from '../backup/backup.service';
import type { AccountsService } from '../accounts/accounts.service';
import { eventFor } from '../accounts/event-permissions';

export type EngineOptions = {
  dataDir: string;
  /** Injected clock: tests and benchmarks move time themselves. */
  clock?: () => Date;
  nativeBinding?: string;
  shell?: 'electron' | 'browser' | 'headless';
  /** How configured lines become running `Line`s; tests may pass their own. */
  lineFactory?: LineFactory;
  /** Do not start the configured lines (CLI import/export). */
  noLines?: boolean;
  /** Free bytes on the data folder's disk (tests of the recordings' disk warning); default: statfs. */
  diskFree?: (dir: string) => number | null;
  /** Do not ring alarms (CLI import/export: nobody would see them, yet they would count as rung). */
  noAlarms?: boolean;
  /** Timers of the alarm scheduler; tests pass manual ones with `clock`. Default: Node's, unref'd. */
  timers?: Timers;
  /**
   * Tests and demos: the clock is `clock` (or real time) plus an offset that 'clock/advance' moves
   * forward. Off unless asked for (`MONSHI_TEST_CLOCK=1 monshi serve`).
   */
  testClock?: boolean;
  /** Run beside another Monshi on the same folder: only for a shell that never writes (CLI export). */
  noLock?: boolean;
  /** SQLite's `synchronous` (default FULL); NORMAL only for the benchmark that compares the two. */
  synchronous?: 'NORMAL' | 'FULL';
  /** Fax calls on lines (tests: our T.30 over an in-memory line); default: the lines'. */
  faxLines?: FaxLines;
  /**
   * Seals the secrets the office types (a SIP line's password). The desktop app passes one keyed by
   * Electron's safeStorage; default: a 0600 key file beside the data (browser mode, CLI, tests).
   */
  secrets?: SecretBox;
  /** False only for the benchmark's "save without the audit trail" (drops the capture triggers of its folder). */
  audit?: boolean;
};

export type EngineEvent = { [E in EventName]: { name: E; payload: EventMap[E] } }[EventName];

export type Engine = {
  /** `caller`: the session and PC the shell names (accounts); none is this PC's own session ('local'). */
  invoke<M extends Method>(method: M, input: unknown, lang: Lang, caller?: Caller): Promise<Result<OutputOf<M>>>;
  subscribe(listener: (e: EngineEvent) => void): () => void;
  /** The event as `caller`'s session may receive it (accounts: by role, alarms narrowed), or null: a shell asks before sending. */
  eventFor(caller: Caller, e: EngineEvent): EngineEvent | null;
  close(): Promise<void>;
  readonly db: Db;
  readonly dataDir: string;
};

const VERSION = APP_VERSION;

/** Node's timers, unref'd: the alarm scheduler alone never keeps a process (the CLI, a test) alive. */
const backgroundTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * The engine the shells hold. A restore replaces the data under it: the running engine closes, the
 * restore's swap runs with the folder still this process's, and a new engine starts on the restored
 * data; the shells keep this object, their subscriptions, and requests made meanwhile wait for it.
 */
export function createEngine(opts: EngineOptions): Engine {
  const listeners = new Set<(e: EngineEvent) => void>();
  let current: InnerEngine;
  let restarting: Promise<void> | null = null;
  const restart: Restarter = (swap) => {
    restarting = (async () => {
      // The request that asked for it answers first (its handler is still running).
      await new Promise((resolve) => setTimeout(resolve, 0));
      // Who is signed in stays signed in on the restored data, as far as it has those users.
      const signedIn = current.accounts.carrySessions();
      await current.close(false);
      try {
        swap();
      } finally {
        // A swap that failed midway is finished by this start (its journal is there), or left as it was.
        current = startEngine(opts, restart);
        current.accounts.adoptSessions(signedIn);
      }
      current.subscribe((e) => listeners.forEach((l) => l(e)));
    })().finally(() => {
      restarting = null;
    });
    return restarting;
  };
  current = startEngine(opts, restart);
  current.subscribe((e) => listeners.forEach((l) => l(e)));
  return {
    async invoke(method, input, lang, caller) {
      if (restarting) await restarting.catch(() => undefined);
      return current.invoke(method, input, lang, caller);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    eventFor: (caller, e) => current.eventFor(caller, e),
    async close() {
      if (restarting) await restarting.catch(() => undefined);
      await current.close(true);
      listeners.clear();
    },
    get db() {
      return current.db;
    },
    dataDir: opts.dataDir,
  };
}

type InnerEngine = Omit<Engine, 'close'> & { close(exitBackup: boolean): Promise<void>; accounts: AccountsService };

function startEngine(opts: EngineOptions, restart: Restarter): InnerEngine {
  const folder = openDataFolder({
    dataDir: opts.dataDir,
    nativeBinding: opts.nativeBinding,
    lock: !opts.noLock,
    synchronous: opts.synchronous,
    finishRestore: !opts.noLock,
  });
  try {
    return buildEngine(opts, folder, restart);
  } catch (e) {
    // Services read their tables as they start: damage there is the file's fault, said as such, and
    // the folder is let go so the user can retry once it is fixed.
    if (folder.db.open) folder.db.close();
    folder.lock?.release();
    throw dbFault(e, folder.dbFile) ?? e;
  }
}

function buildEngine(opts: EngineOptions, { db, dbFile, lock }: OpenDataFolder, restart: Restarter): InnerEngine {
  const log = createLogger(path.join(opts.dataDir, 'monshi.log'));
  const listeners = new Set<(e: EngineEvent) => void>();
  /** Services that follow other services' events (reminders follow contacts' birthdays). */
  const followers: ((e: EngineEvent) => void)[] = [];
  const settings = createSettingsService(db);
  const baseClock = opts.clock ?? (() => new Date());
  const testClock = opts.testClock ? createTestClock(baseClock) : null;
  const clock = testClock ? testClock.now : baseClock;
  const audit = createAuditService(db, { now: Date.now, userName: () => settings.get().userName, log, writable: !opts.noLock, enabled: opts.audit });
  const ctx: EngineContext = {
    clock,
    settings,
    emit: (name, payload) => {
      const event = { name, payload } as EngineEvent;
      for (const l of listeners) l(event);
      for (const f of followers) f(event);
      // The engine's own writes (a call logged, an alarm rung) are announced: recorded as the system's now.
      audit.flushSystem();
    },
    bulk: (fn, note) => audit.bulk(fn, note),
  };
  const timers = opts.timers ?? backgroundTimers;
  const { dataDir, lineFactory, diskFree, faxLines, nativeBinding } = opts;
  const secrets = opts.secrets ?? keyFileSecretBox(dataDir);
  const serviceOpts = { dataDir, lineFactory, diskFree, timers, faxLines, nativeBinding, secrets, audit };
  const services = createServices(db, ctx, settings, serviceOpts, log, (f) => followers.push(f));
  const { alarms, lines, recordings, ivr, io, backup } = services;
  backup.setRestarter(restart);
  const handlers = createHandlers(services, { version: VERSION, dataDir: opts.dataDir, shell: opts.shell ?? 'headless', testClock, alarms });
  const guard = (method: string, caller: Caller) => services.accounts.guard(method as Method, caller);
  const gate = createGate({ api, handlers, log, fault: (e) => dbFault(e, dbFile), guard, audit });
  const invoke = <M extends Method>(method: M, input: unknown, lang: Lang, caller?: Caller) =>
    gate(method, input, lang, caller) as Promise<Result<OutputOf<M>>>;

  // Keys written under other rules or another area code, once after an update (never by a reader beside another Monshi).
  if (!opts.noLock) {
    try {
      services.contacts.rekeyPhones();
    } catch (e) {
      log.error('phone keys: computing them again failed (tried again at the next start)', e); // a read-only or full disk
    }
  }
  log.info(`engine started, data in ${opts.dataDir}`);
  if (!opts.noLines) lines.startAll();
  if (!opts.noAlarms) alarms.start();
  // Queued faxes go out on the lines; a reader beside another Monshi (CLI export) sends nothing.
  if (!opts.noLines) services.faxOutbox.start();
  // The daily backup, like the alarms, only in the Monshi that serves the office (not a CLI import).
  if (!opts.noAlarms) backup.start();
  /** Runs `fn` every `everyMs` (first after `firstMs`) on `on` (the engine's timers by default); a failure is logged, never thrown. */
  const repeating = new Map<unknown, Timers>();
  const repeat = (what: string, fn: () => void, everyMs: number, firstMs = everyMs, on: Timers = timers) => {
    let handle: unknown = null;
    const tick = () => {
      repeating.delete(handle);
      try {
        fn();
      } catch (e) {
        log.error(`${what} failed`, e);
      }
      handle = on.setTimeout(tick, everyMs);
      repeating.set(handle, on);
    };
    handle = on.setTimeout(tick, firstMs);
    repeating.set(handle, on);
  };
  // Engine writes no event announced are recorded within seconds; the chain is walked once after start.
  // The trail's chores keep real seconds even when a test drives the engine's clock by hand: a test's
  // year of alarms would otherwise run the 5-second flush six million times (two minutes of the suite).
  repeat('audit: the engine’s changes', () => audit.flushSystem(), 5_000, 5_000, backgroundTimers);
  repeat(
    'audit: the chain check',
    () => {
      const c = audit.check();
      if (!c.ok) log.error(`audit trail: entry ${c.entryId} ${c.problem === 'changed' ? 'was changed' : 'follows one removed or changed'} outside Monshi`);
    },
    24 * 3_600_000,
    2_000,
    backgroundTimers,
  );
  if (!opts.noLines) {
    // The retention period applies on days without calls too: at start, then every six hours.
    repeat('recordings: the storage rules', () => recordings.prune(), 6 * 3_600_000, 0);
    // The data folder's disk (recordings, voicemail, the database) is looked at every ten minutes, so
    // the header warns before it fills even on days nothing is recorded.
    repeat('the disk check', () => recordings.checkDisk(), 10 * 60_000);
  }
  let closing: Promise<void> | null = null;
  return {
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    eventFor: (caller, e) => eventFor(e, (permission) => services.accounts.mayReceive(caller, permission)),
    accounts: services.accounts,
    close(exitBackup) {
      // Closing twice (a shell's quit after a test's own close) ends the same way, once.
      if (closing) return closing;
      backup.stop();
      // The backup at exit (when set): before anything stops, with the database still open.
      const exit = exitBackup && !opts.noAlarms ? backup.atExit() : null;
      closing = exit ? exit.then(() => stop()) : stop();
      return closing;
    },
    db,
    dataDir: opts.dataDir,
  };

  /** Stops the services, lines last, and lets the database and the folder go. */
  function stop(): Promise<void> {
    alarms.stop();
    services.faxOutbox.close();
    for (const [h, on] of repeating) on.clearTimeout(h);
    repeating.clear();
    const teardown = () => {
      audit.flushSystem();
      listeners.clear();
      io.dispose();
      if (db.open) db.close();
      lock?.release();
    };
    // With no line running the database closes at once (callers may reopen the folder right away).
    if (lines.runningCount() === 0) {
      teardown();
      return Promise.resolve();
    }
    return ivr
      .close()
      .then(() => recordings.close())
      .then(() => lines.close())
      .then(teardown);
  }
}
