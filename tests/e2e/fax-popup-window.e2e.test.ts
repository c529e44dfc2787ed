/**
 * The desktop app's received-fax popup window page, one hop, in Debian's Chromium: the built UI at
 * '#fax-popup?faxId=…' with a stand-in for the Electron preload's `window.monshi` bridge (the Electron
 * binary is not installed here; tests/shell/shell-fax-popups.test.ts checks the shell's side). The bridge
 * hands the page a 'fax/received' payload for a fax the engine has never heard of: the card is drawn from
 * it alone — who it is for included — asking the engine for nothing but the settings, and Open goes to the
 * main window through the shell.
 */
import type { FaxReceivedEvent } from '../../src/shared/contract/fax-log';
import { shot, useApp } from './app';

const app = useApp({ name: 'fax-popup-window' });
const { page } = app;

test("the fax popup window draws the card from the event's payload, asks the engine only for the settings, and opens the fax in the main window", async () => {
  await page.getByTestId('nav-phonebook').waitFor();
  const carried: FaxReceivedEvent = {
    id: 4242,
    numberDisplay: '021 8888 1234',
    contactId: null,
    contactName: 'شرکت آکمه',
    remoteId: 'ACME FAX',
    pages: 3,
    ok: true,
    lineId: '1',
    lineName: 'خط ۱',
    routedTo: { kind: 'staff', id: 9, name: 'سارا نوری' },
  };
  const win = await page.context().newPage();
  await win.setViewportSize({ width: 400, height: 260 });
  // What the preload exposes in the desktop app, its requests carried here over the browser mode's socket.
  await win.addInitScript((fax: FaxReceivedEvent) => {
    const asked: string[] = [];
    const shown: string[] = [];
    const waiting = new Map<number, (result: unknown) => void>();
    let nextId = 1;
    const ws = new WebSocket(`ws://${location.host}/ws`);
    const open = new Promise((resolve) => (ws.onopen = resolve));
    ws.onmessage = (ev) => {
      const msg = JSON.parse(String(ev.data)) as { t: string; id: number; result: unknown };
      if (msg.t === 'res') waiting.get(msg.id)?.(msg.result);
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
        subscribe: () => () => undefined,
        showMain: (route: string) => shown.push(route),
        popupCall: async () => null,
        popupFax: async () => fax,
      },
    });
  }, carried);
  const origin = new URL(page.url()).origin;
  await win.goto(`${origin}/#fax-popup?faxId=${carried.id}`);
  const card = win.getByTestId('fax-popup');
  await card.waitFor();
  await expect(card.getByTestId('fax-popup-who').textContent()).resolves.toBe('شرکت آکمه');
  await expect(card.getByTestId('fax-popup-number').textContent()).resolves.toBe('۰۲۱ ۸۸۸۸ ۱۲۳۴');
  await expect(card.getByTestId('fax-popup-tsi').textContent()).resolves.toContain('ACME FAX');
  await expect(card.getByTestId('fax-popup-for').textContent()).resolves.toBe('برای: سارا نوری');
  await expect(card.getByTestId('fax-popup-pages').textContent()).resolves.toBe('۳ صفحه');
  // The window is only the card, filling it (not the app, not a toast in a corner).
  await expect(win.getByTestId('phonebook').count()).resolves.toBe(0);
  const box = (await card.boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  await shot(win, 'fax-popup-window-fa');
  const standIn = () => win.evaluate(() => (window as unknown as { shellStandIn: { asked: string[]; shown: string[] } }).shellStandIn);
  // Only the settings and who is signed in (accounts/state: a locked desk shows nothing); the fax itself is not read again.
  expect((await standIn()).asked.sort()).toEqual(['accounts/state', 'settings/get']);

  await card.getByTestId('fax-popup-open').click();
  const after = await standIn();
  expect({ asked: after.asked.sort(), shown: after.shown }).toEqual({ asked: ['accounts/state', 'settings/get'], shown: [`#/fax/log/${carried.id}`] });
  await win.close();
});
