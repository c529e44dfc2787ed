/**
 * The desktop app's caller-ID popup window page, one hop, in Debian's Chromium: the built UI at the
 * popup route with a stand-in for the Electron preload's `window.monshi` bridge (the Electron binary
 * is not installed here). The bridge carries requests and events over the browser mode's socket and
 * hands the page the 'call/incoming' payload a real demo call carried, as the shell does
 * (tests/shell checks the shell's side). The page must draw the card from that payload, asking the
 * engine for nothing but the settings, and its links must go to the main window through the shell.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IncomingCallEvent } from '../../src/shared/contract/calls';
import { engineApi, launchBrowser, shot, startApp, type App } from './app';
import { removeDir, tempDir } from '../helpers/engine';
import { waitFor } from '../helpers/wait';

const dataDir = tempDir('monshi-e2e-shell-popup-');
let app: App;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startApp(dataDir);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await page.goto(app.url);
  await page.getByTestId('nav-phonebook').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeDir(dataDir);
});

/** Rings the demo line once with caller ID and resolves with the 'call/incoming' event the page's socket received. */
async function ringOnce(): Promise<IncomingCallEvent> {
  const line = await engineApi(page, 'lines/create', { name: 'خط نمایشی', kind: 'demo' });
  const incoming = page.evaluate(
    () =>
      new Promise<IncomingCallEvent>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/ws`);
        ws.onmessage = (ev) => {
          const msg = JSON.parse(String(ev.data)) as { t: string; name?: string; payload?: IncomingCallEvent };
          // The answer to its first request: the socket is signed in and gets the engine's events.
          if (msg.t === 'res') (window as unknown as { listening?: boolean }).listening = true;
          if (msg.t === 'evt' && msg.name === 'call/incoming' && msg.payload) {
            ws.close();
            resolve(msg.payload);
          }
        };
        ws.onopen = () => ws.send(JSON.stringify({ t: 'req', id: 1, method: 'settings/get', input: {}, lang: 'fa' }));
      }),
  );
  // The listening socket is open before the call rings, and the line is ready to ring.
  await page.waitForFunction(() => (window as unknown as { listening?: boolean }).listening === true);
  const idle = async () => (await engineApi(page, 'lines/list', {})).find((l) => l.id === line.id)?.status === 'idle';
  await waitFor(idle, { what: 'the demo line to be idle', everyMs: 200, timeoutMs: 10_000 });
  await engineApi(page, 'lines/demo-call', { lineId: line.id, number: '09121234567', name: 'ALI', rings: 1 });
  return incoming;
}

it(
  "the popup window draws the caller card from the event's payload, asks the engine only for the settings, and opens the contact in the main " + 'window',
  async () => {
    const contact = await engineApi(page, 'contacts/create', {
      firstName: 'علی',
      lastName: 'کریمی',
      company: 'فولاد سپاهان',
      phones: [{ kind: 'mobile', number: '0912 123 4567' }],
    });
    await engineApi(page, 'contacts/add-note', { contactId: contact.id, body: 'پیش‌فاکتور را می‌خواهد' });
    const event = await ringOnce();
    expect(event.card.contact?.id).toBe(contact.id);

    const win = await context.newPage();
    await win.setViewportSize({ width: 400, height: 440 });
    // What the preload exposes in the desktop app, carried here over the browser mode's socket.
    await win.addInitScript((carried: IncomingCallEvent) => {
      const asked: string[] = [];
      const shown: string[] = [];
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const waiting = new Map<number, (result: unknown) => void>();
      let nextId = 1;
      const ws = new WebSocket(`ws://${location.host}/ws`);
      const open = new Promise((resolve) => (ws.onopen = resolve));
      ws.onmessage = (ev) => {
        const msg = JSON.parse(String(ev.data)) as { t: string; id: number; result: unknown; name: string; payload: unknown };
        if (msg.t === 'res') waiting.get(msg.id)?.(msg.result);
        if (msg.t === 'evt') for (const l of listeners.get(msg.name) ?? []) l(msg.payload);
      };
      Object.assign(window, {
        shellStandIn: { asked, shown },
        monshi: {
          invoke: async (method: string, input: unknown, lang: string) => {
            asked.push(method);
            await open;
            const id = nextId++;
            return new Promise((resolve) => {
              waiting.set(id, resolve);
              ws.send(JSON.stringify({ t: 'req', id, method, input, lang }));
            });
          },
          subscribe: (name: string, listener: (payload: unknown) => void) => {
            const set = listeners.get(name) ?? new Set();
            listeners.set(name, set);
            set.add(listener);
            return () => set.delete(listener);
          },
          showMain: (route: string) => shown.push(route),
          popupCall: async () => carried,
        },
      });
    }, event);
    const origin = new URL(page.url()).origin;
    await win.goto(`${origin}/#popup?callId=${event.call.id}&number=${encodeURIComponent(event.call.numberRaw)}`);
    const card = win.getByTestId('caller-card');
    await card.waitFor();
    await expect(card.getByTestId('caller-name').textContent()).resolves.toBe('علی کریمی');
    await expect(card.getByTestId('caller-notes').textContent()).resolves.toContain('پیش‌فاکتور را می‌خواهد');
    await expect(win.getByTestId('phonebook').count()).resolves.toBe(0);
    await shot(win, 'shell-popup-window-fa');
    const standIn = () => win.evaluate(() => (window as unknown as { shellStandIn: { asked: string[]; shown: string[] } }).shellStandIn);
    // The card comes from the event: the window asks only for the settings and, since accounts, who is signed in
    // (a locked or signed-out desk shows no caller details); no contact, call or note is read again.
    expect((await standIn()).asked.sort()).toEqual(['accounts/state', 'settings/get']);

    await card.getByTestId('caller-open').click();
    const after = await standIn();
    expect({ asked: after.asked.sort(), shown: after.shown }).toEqual({ asked: ['accounts/state', 'settings/get'], shown: [`#/contact/${contact.id}`] });
    await win.close();
  },
);
