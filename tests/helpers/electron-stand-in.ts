/**
 * A stand-in for the `electron` module, for testing the desktop shell where the Electron binary is
 * not installed. It implements only what src/main/shell uses and records what the shell did (the
 * windows it opened, the dialogs it showed, the engine processes it forked); the test plays the
 * parts of the user and of the engine process. It checks the shell's decisions, not Electron itself.
 */
import { EventEmitter } from 'node:events';

export type FakeChild = EventEmitter & { postMessage: jest.Mock; kill: jest.Mock; args: string[] };

export class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  static getAllWindows = () => FakeWindow.all.filter((w) => !w.destroyed);
  destroyed = false;
  minimized = false;
  calls: string[] = [];
  url = '';
  webContents = { send: jest.fn(), executeJavaScript: jest.fn(async () => undefined), on: jest.fn(), setWindowOpenHandler: jest.fn() };
  constructor(readonly options: unknown) {
    super();
    FakeWindow.all.push(this);
  }
  loadURL = async (url: string) => { this.url = url; };
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => { this.calls.push('restore'); this.minimized = false; };
  show = () => { this.calls.push('show'); };
  focus = () => { this.calls.push('focus'); };
  setAlwaysOnTop = jest.fn();
  flashFrame = jest.fn();
  setPosition = jest.fn();
  close = () => { this.destroyed = true; this.emit('closed'); };
}

export function createElectronStandIn(opts: { singleInstance: boolean; dialogAnswers: number[] }) {
  const app = Object.assign(new EventEmitter(), {
    ready: false,
    whenReady: () => Promise.resolve().then(() => { app.ready = true; }),
    isReady: () => app.ready,
    requestSingleInstanceLock: jest.fn(() => opts.singleInstance),
    quit: jest.fn(),
  });
  const forks: FakeChild[] = [];
  const utilityProcess = {
    fork: jest.fn((_modulePath: string, args: string[]) => {
      const child = Object.assign(new EventEmitter(), { postMessage: jest.fn(), kill: jest.fn(), args }) as FakeChild;
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
  const session = { defaultSession: { setPermissionRequestHandler: jest.fn(), setPermissionCheckHandler: jest.fn() } };
  const module = {
    app, utilityProcess, dialog, shell, session,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: jest.fn(), on: jest.fn() },
    net: { fetch: jest.fn() },
    protocol: { registerSchemesAsPrivileged: jest.fn(), handle: jest.fn() },
    screen: { getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) },
  };
  return { module, forks, dialogs, app, shell, windows: FakeWindow.all };
}

/** Lets the shell's promise chains (whenReady, the dialog) run. */
export const settle = async () => { for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r)); };
