/**
 * A stand-in for the `electron` module, for testing the desktop shell where the Electron binary is
 * not installed. It implements only what src/main/shell uses and records what the shell asked of it
 * (the windows it opened and their options, the webContents handlers, the session's permission
 * handlers, the protocol and IPC handlers, the dialogs, the engine processes it forked); the test
 * plays the parts of the user, the page and the engine process. It checks the shell's decisions,
 * not Electron itself.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveEngine } from '../../src/main/shell/engine-port';
import type { EnginePort, HostMessage, HostRequest } from '../../src/main/shell/host-messages';
import type { Engine } from '../../src/main/engine/engine';

export type FakeChild = EventEmitter & { postMessage: jest.Mock; kill: jest.Mock; args: string[]; env: Record<string, string | undefined> };

/** What the page's frame says about itself; `parent` is null for a window's top frame. */
export type FakeFrame = { url: string; parent: FakeFrame | null };

let nextContentsId = 1;
/** A webContents: its handlers are real listeners the test can fire; what was sent to the page is recorded. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame: FakeFrame = { url: '', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = jest.fn();
  executeJavaScript = jest.fn(async (_code: string) => undefined);
  setWindowOpenHandler = (handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  };
  /** Fires `name` the way Chromium would (will-navigate …); says whether the shell prevented it. */
  attempt(name: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): 'prevented' | 'allowed' {
    const event = { preventDefault: jest.fn() };
    this.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0 ? 'prevented' : 'allowed';
  }
}

/** The app emitter the windows announce their webContents on ('web-contents-created', as Electron does). */
let currentApp: EventEmitter | null = null;

export class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  static getAllWindows = () => FakeWindow.all.filter((w) => !w.destroyed);
  destroyed = false;
  minimized = false;
  focused = false;
  calls: string[] = [];
  url = '';
  webContents = new FakeWebContents();
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeWindow.all.push(this);
    currentApp?.emit('web-contents-created', {}, this.webContents);
  }
  loadURL = async (url: string) => {
    this.url = url;
    this.webContents.mainFrame = { url, parent: null };
  };
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isFocused = () => this.focused;
  restore = () => {
    this.calls.push('restore');
    this.minimized = false;
  };
  show = () => {
    this.calls.push('show');
  };
  showInactive = () => {
    this.calls.push('showInactive');
  };
  focus = () => {
    this.calls.push('focus');
  };
  setAlwaysOnTop = jest.fn();
  flashFrame = jest.fn();
  setPosition = jest.fn();
  close = () => {
    this.destroyed = true;
    this.emit('closed');
  };
}

type PermissionRequest = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;
type PermissionCheck = (wc: unknown, permission: string, origin: string, details: Record<string, unknown>) => boolean;
/** What an IPC handler receives: the sending webContents and frame. */
export type FakeIpcEvent = { sender: FakeWebContents; senderFrame: FakeFrame | null };

/**
 * `safeStorage`: offer a stand-in for Electron's safeStorage (it "encrypts" by reversing the bytes behind a
 * marker, so a test can see the stored key is not the plain one). Without it the module has none, and
 * main makes no key file (the shell tests' data folders may be paths that must not be written).
 */
export function createElectronStandIn(opts: { singleInstance: boolean; dialogAnswers: number[]; safeStorage?: boolean }) {
  const app = Object.assign(new EventEmitter(), {
    ready: false,
    whenReady: () =>
      Promise.resolve().then(() => {
        app.ready = true;
      }),
    isReady: () => app.ready,
    requestSingleInstanceLock: jest.fn(() => opts.singleInstance),
    quit: jest.fn(),
  });
  currentApp = app;
  const forks: FakeChild[] = [];
  const utilityProcess = {
    fork: jest.fn((_modulePath: string, args: string[], options?: { env?: Record<string, string | undefined> }) => {
      const child = Object.assign(new EventEmitter(), { postMessage: jest.fn(), kill: jest.fn(), args, env: options?.env ?? {} }) as FakeChild;
      forks.push(child);
      return child;
    }),
  };
  const dialogs: { detail: string; buttons: string[]; title: string }[] = [];
  const dialog = {
    showMessageBox: jest.fn(async (o: { detail: string; buttons: string[]; title: string }) => {
      dialogs.push(o);
      return { response: opts.dialogAnswers.shift() ?? 2 };
    }),
  };
  const shell = { openPath: jest.fn(async () => '') };
  const permissions: { request: PermissionRequest | null; check: PermissionCheck | null } = { request: null, check: null };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: PermissionRequest) => {
        permissions.request = h;
      },
      setPermissionCheckHandler: (h: PermissionCheck) => {
        permissions.check = h;
      },
    },
  };
  type Handler = (event: FakeIpcEvent, ...args: unknown[]) => unknown;
  const ipc = { handle: new Map<string, Handler>(), on: new Map<string, Handler>() };
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  /** The files the app protocol read (net.fetch of a file: URL). */
  const fetched: string[] = [];
  const MARK = Buffer.from('stand-in-safe:');
  const safeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.concat([MARK, Buffer.from(plain, 'utf8').reverse()]),
    decryptString: (b: Buffer) => {
      if (!b.subarray(0, MARK.length).equals(MARK)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b.subarray(MARK.length)).reverse().toString('utf8');
    },
  };
  const module = {
    ...(opts.safeStorage ? { safeStorage } : {}),
    app,
    utilityProcess,
    dialog,
    shell,
    session,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, h: Handler) => ipc.handle.set(channel, h),
      on: (channel: string, h: Handler) => ipc.on.set(channel, h),
    },
    net: {
      fetch: async (url: string) => {
        fetched.push(url);
        const file = fileURLToPath(url);
        return existsSync(file) ? new Response(readFileSync(file), { headers: { 'content-type': 'text/html' } }) : new Response('', { status: 404 });
      },
    },
    protocol: { registerSchemesAsPrivileged: jest.fn(), handle: (scheme: string, h: (request: Request) => Promise<Response>) => protocols.set(scheme, h) },
    screen: { getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) },
  };
  return { module, forks, dialogs, app, shell, windows: FakeWindow.all, permissions, ipc, protocols, fetched };
}

/** Lets the shell's promise chains (whenReady, the dialog) run. */
export const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
};

/**
 * Puts a real engine behind a stand-in utility process, through the same engine-port.ts the
 * packaged engine-host.js runs: the requests main posts reach the engine, its answers and events
 * come back as the messages main reads. `requests` lists what main asked the engine.
 */
export function attachEngine(child: FakeChild, engine: Engine) {
  const listeners: ((m: { data: HostRequest }) => void)[] = [];
  const requests: HostRequest[] = [];
  const port: EnginePort = {
    on: (_event, listener) => listeners.push(listener),
    postMessage: (m: HostMessage) => child.emit('message', m),
  };
  child.postMessage.mockImplementation((m: HostRequest) => {
    requests.push(m);
    for (const l of listeners) l({ data: m });
  });
  const detach = serveEngine(port, engine);
  return { requests, detach };
}

/** An IPC event as the page in `win`'s top frame sends it. */
export const fromPage = (win: FakeWindow): FakeIpcEvent => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

const argv = process.argv;
/**
 * Loads src/main/shell/main.ts afresh against a new stand-in, on `dataDir`, as the Electron main
 * process would run it; `restoreArgv` puts the test runner's arguments back.
 */
export async function loadShell(dataDir: string, opts: { singleInstance?: boolean; dialogAnswers?: number[] } = {}) {
  FakeWindow.all.length = 0;
  const standIn = createElectronStandIn({ singleInstance: opts.singleInstance ?? true, dialogAnswers: opts.dialogAnswers ?? [] });
  process.argv = [argv[0]!, 'main.js', `--data=${dataDir}`];
  await jest.isolateModulesAsync(async () => {
    jest.doMock('electron', () => standIn.module);
    await import('../../src/main/shell/main');
  });
  await settle();
  return standIn;
}
export const restoreArgv = () => {
  process.argv = argv;
};
