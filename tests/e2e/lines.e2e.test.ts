/**
 * Lines and the caller-ID popup, end to end, with a real pseudo-terminal in between: `monshi sim`
 * (the simulated Conexant voice modem) runs as its own process, the user adds it on the Lines screen
 * by its port path, and the app's real driver talks to it through the real serialport. The simulator
 * rings with caller ID (typed into its stdin, as a user would); the popup must name the right
 * contact, take a note, offer "add to phonebook" for an unknown number, and the call log must hold
 * the right rows. Then the demo line, unplugging the modem, the popup-window route, and English. Each
 * test starts on its own data folder with its own simulator; a test that needs the modem line the adding
 * test makes in the form, or Ali's call, makes it through the engine's requests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { waitFor } from '../helpers/wait';
import { engineApi, pollUntil, shot, useApp } from './app';

const root = path.resolve(__dirname, '..', '..');
// Each test on its own data folder and server, and (when it needs a modem) its own simulator.
const e2e = useApp({ name: 'lines', fresh: 'test' });
const { page, browser } = e2e;
let sim: ChildProcess | null = null;
let simOut = '';
let portPath = '';

const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);

const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

/** Types a command into the simulator, as a user at its terminal would. */
const simSays = (command: string) => sim!.stdin!.write(`${command}\n`);

/**
 * Resolves with the next 'The simulated modem is at …' / 'Simulated … at …' path the simulator prints.
 * A new simulator process may take a while to start on a loaded machine (seen over 10 s).
 */
function nextSimPath(after: number, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port path from the simulator in ${timeoutMs} ms: ${simOut}`)), timeoutMs);
    const look = () => {
      const m = /(?:is at|at) (\/dev\/\S+)/.exec(simOut.slice(after));
      if (!m) return;
      clearTimeout(timer);
      sim!.stdout!.off('data', look);
      resolve(m[1]!);
    };
    sim!.stdout!.on('data', look);
    look();
  });
}

/** `monshi sim` (the simulated Conexant voice modem) in a process of its own; resolves once it printed its port. */
async function startSim(): Promise<void> {
  simOut = '';
  sim = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'sim', '--profile', 'conexant'], { stdio: ['pipe', 'pipe', 'pipe'] });
  sim.stdout!.on('data', (d: Buffer) => (simOut += String(d)));
  sim.stderr!.on('data', (d: Buffer) => (simOut += String(d)));
  portPath = await nextSimPath(0);
}
afterEach(async () => {
  if (!sim) return;
  const done = new Promise((r) => sim!.once('exit', r));
  sim.stdin?.end('quit\n');
  sim.kill('SIGTERM');
  await done;
  sim = null;
});

const card = () => page.getByTestId('line-card').filter({ has: page.getByTestId('line-port') });
const popup = () => page.getByTestId('caller-card');

let contactId = 0;

/** Ali, in a group and with a note: the caller the popup must name. */
async function addAli(): Promise<void> {
  const group = await api('groups/create', { name: 'مشتریان ویژه', color: '#c2410c' });
  const c = await api('contacts/create', {
    firstName: 'علی',
    lastName: 'کریمی',
    company: 'فولاد سپاهان',
    jobTitle: 'مدیر خرید',
    phones: [{ number: '0912 123 4567', kind: 'mobile' }],
    groupIds: [group.id],
  });
  contactId = c.id;
  await api('contacts/add-note', { contactId, body: 'پیش‌فاکتور ۱۲ تن میلگرد فرستاده شد؛ منتظر تأیید است.' });
}

/** The simulator and the line on its port, as the adding test makes it in the form (here through the engine's request), ready. */
async function modemLine(): Promise<void> {
  await startSim();
  await api('lines/create', { name: 'خط پذیرش', kind: 'modem', port: portPath });
  await page.getByTestId('nav-lines').click();
  await poll(() => card().getByTestId('line-status').getAttribute('data-status'), 'idle', 20_000);
}

/** The demo line, as the demo test adds it from the Lines screen, idle. */
async function demoLine(): Promise<number> {
  const { id } = await api('lines/create', { name: 'خط نمایشی', kind: 'demo' });
  await waitFor(async () => (await api('lines/list', {})).find((l) => l.id === id)?.status === 'idle', { what: 'the demo line to be idle', everyMs: 100 });
  return id;
}

it('starts with no lines and says how to add one', async () => {
  await page.getByTestId('nav-lines').click();
  await page.getByTestId('lines-empty').waitFor();
  await expect(page.getByTestId('line-add-demo').isVisible()).resolves.toBe(true);
  await shot(page, 'lines-01-empty-fa');
});

it('names the port field when it is left empty, then adds the modem by its port and identifies it', async () => {
  await startSim();
  await page.getByTestId('nav-lines').click();
  await page.getByTestId('line-add').click();
  const form = page.getByTestId('line-form');
  await form.getByTestId('name').fill('خط پذیرش');
  await form.getByTestId('line-save').click();
  await expect(form.getByTestId('field-error').textContent()).resolves.toBe('برای خط مودم، درگاه (پورت) را انتخاب کنید.');
  await form.getByTestId('port').fill(portPath);
  // "Find modems" asks every free port found, and the typed one, whether a modem answers.
  await form.getByTestId('find-modems').click();
  await expect(form.getByTestId('port-typed-probe').getByTestId('probe-found').textContent()).resolves.toMatch(/CONEXANT/);
  await shot(page, 'lines-02-form-fa');
  await form.getByTestId('line-save').click();
  await form.waitFor({ state: 'detached' });

  await poll(() => card().getByTestId('line-status').getAttribute('data-status'), 'idle', 20_000);
  await expect(card().getByTestId('line-status').textContent()).resolves.toBe('آماده');
  await expect(card().getByTestId('line-port').textContent()).resolves.toBe(portPath);
  await expect(card().getByTestId('line-device').textContent()).resolves.toMatch(/CX93001|Conexant|Zoom/i);
  await shot(page, 'lines-03-modem-ready-fa');
});

it('tests the modem: what it said about itself and the AT exchange', async () => {
  await modemLine();
  await card().getByTestId('line-test').click();
  const dialog = page.getByTestId('line-test-dialog');
  await dialog.getByTestId('line-test-ok').waitFor({ timeout: 15_000 });
  const exchange = await dialog.getByTestId('at-exchange').textContent();
  expect(exchange).toContain('AT+FCLASS=?');
  expect(exchange).toContain('AT+VSM=?');
  await shot(page, 'lines-04-test-fa');
  await dialog.getByTestId('dialog-close').click();
  await dialog.waitFor({ state: 'detached' });
  await poll(() => card().getByTestId('line-status').getAttribute('data-status'), 'idle', 10_000);
});

it('the modem rings with caller ID: the popup names the contact, with company, group and last note; a note is added', async () => {
  await addAli();
  await modemLine();
  simSays('ring 09121234567 name="KARIMI ALI" rings=2');
  const p = popup();
  await p.waitFor({ timeout: 15_000 });
  await expect(p.getByTestId('caller-name').textContent()).resolves.toBe('علی کریمی');
  await expect(p.getByTestId('caller-company').textContent()).resolves.toBe('فولاد سپاهان · مدیر خرید');
  await expect(p.getByTestId('group-chip').textContent()).resolves.toBe('مشتریان ویژه');
  await expect(p.getByTestId('caller-notes').textContent()).resolves.toContain('میلگرد');
  await expect(p.getByTestId('caller-number').textContent()).resolves.toBe('۰۹۱۲ ۱۲۳ ۴۵۶۷');
  await expect(p.getByTestId('caller-stage').getAttribute('data-stage')).resolves.toBe('ringing');
  await shot(page, 'lines-05-popup-fa');

  await p.getByTestId('caller-note').click();
  await p.getByTestId('caller-note-input').fill('تماس گرفت؛ فردا صبح پیگیری شود.');
  await p.getByTestId('caller-note-save').click();
  await poll(async () => (await p.getByTestId('caller-notes').textContent())?.includes('فردا صبح') ?? false, true);
  const contact = await api('contacts/get', { id: contactId });
  expect(contact.timeline[0]?.body).toBe('تماس گرفت؛ فردا صبح پیگیری شود.');

  // The caller gives up after two rings: the card says so and the log has the missed call.
  await poll(() => p.getByTestId('caller-stage').getAttribute('data-stage'), 'missed', 25_000);
  await shot(page, 'lines-06-popup-missed-fa');
  await p.getByTestId('caller-dismiss').click();
  await p.waitFor({ state: 'detached' });

  await page.getByTestId('nav-calls').click();
  const row = page.locator('[data-testid="call-row"][data-index="0"]');
  await row.waitFor();
  await expect(row.getAttribute('data-outcome')).resolves.toBe('missed');
  await expect(row.getByTestId('call-contact').textContent()).resolves.toBe('علی کریمی');
  await expect(row.textContent()).resolves.toContain('خط پذیرش');
  const logged = (await api('calls/list', { limit: 1 })).rows[0]!;
  expect(logged).toMatchObject({
    direction: 'in',
    outcome: 'missed',
    numberRaw: '09121234567',
    numberKey: '989121234567',
    callerName: 'KARIMI ALI',
    contactId,
    lineName: 'خط پذیرش',
  });
  expect(logged.ringMs).toBeGreaterThan(0);
});

it('an unknown number gets "add to phonebook" with the number filled in; the popup then shows the new contact', async () => {
  await modemLine();
  simSays('ring 02144556677 format=sdmf rings=0');
  const p = popup();
  await p.waitFor({ timeout: 15_000 });
  await expect(p.getByTestId('caller-name').textContent()).resolves.toBe('شمارهٔ ناشناس');
  await p.getByTestId('caller-add').click();
  const form = page.getByTestId('contact-form');
  await form.waitFor();
  await expect(form.locator('[data-testid="phones.0.number"]').inputValue()).resolves.toBe('02144556677');
  await form.getByTestId('firstName').fill('دفتر');
  await form.getByTestId('lastName').fill('نمایندگی غرب');
  await shot(page, 'lines-07-add-from-popup-fa');
  await form.getByTestId('save-contact').click();
  await form.waitFor({ state: 'detached' });
  await page.getByTestId('detail-pane').getByText('دفتر نمایندگی غرب').first().waitFor();

  // Still ringing: a caller ID lookup now finds the new contact, and hanging up ends the call as missed.
  await expect((await api('calls/caller-card', { number: '02144556677' })).contact?.displayName).toBe('دفتر نمایندگی غرب');
  simSays('hangup');
  await poll(async () => (await api('calls/list', { limit: 1 })).rows[0]?.outcome, 'missed', 15_000);
  expect((await api('calls/list', { limit: 1 })).rows[0]?.contactName).toBe('دفتر نمایندگی غرب');
});

it('a withheld number still pops up and is logged', async () => {
  await modemLine();
  simSays('ring format=private rings=1');
  const p = popup();
  await p.waitFor({ timeout: 15_000 });
  await expect(p.getByTestId('caller-name').textContent()).resolves.toBe('شماره پنهان');
  await expect(p.getByTestId('caller-add').count()).resolves.toBe(0);
  await poll(() => p.getByTestId('caller-stage').getAttribute('data-stage'), 'missed', 20_000);
  await p.getByTestId('caller-dismiss').click();
  expect((await api('calls/list', { limit: 1 })).rows[0]).toMatchObject({ absence: 'private', outcome: 'missed', numberRaw: '' });
});

it('shows an unplugged modem as not connected and finds it again', async () => {
  await modemLine();
  await page.getByTestId('nav-lines').click();
  const mark = simOut.length;
  simSays('unplug');
  await poll(() => card().getByTestId('line-status').getAttribute('data-status'), 'disconnected', 15_000);
  await card().getByTestId('line-detail').waitFor();
  await shot(page, 'lines-08-unplugged-fa');
  simSays('replug');
  const again = await nextSimPath(mark);
  if (again !== portPath) {
    // The system gave the re-plugged modem another port: the user points the line at it.
    await card().getByTestId('line-edit').click();
    const form = page.getByTestId('line-form');
    await form.getByTestId('port').fill(again);
    await form.getByTestId('line-save').click();
    await form.waitFor({ state: 'detached' });
    portPath = again;
  }
  await poll(() => card().getByTestId('line-status').getAttribute('data-status'), 'idle', 40_000);
});

it('the demo line: added from the Lines screen, rings from its panel, answered from the popup', async () => {
  await addAli();
  await page.getByTestId('nav-lines').click();
  await page.getByTestId('line-add-demo').click();
  const form = page.getByTestId('line-form');
  await form.getByTestId('line-save').click();
  await form.waitFor({ state: 'detached' });
  const panel = page.getByTestId('demo-panel');
  await panel.waitFor();
  await panel.getByTestId('demo-rings').fill('۲۵');
  await panel.getByTestId('demo-ring').click();
  await expect(panel.getByTestId('field-error').textContent()).resolves.toBe('عددی از ۰ تا ۲۰ بنویسید.');
  await panel.getByTestId('demo-rings').fill('۰');
  await panel.getByTestId('demo-number').fill('۰۹۱۲۱۲۳۴۵۶۷');
  await panel.getByTestId('demo-format').selectOption('mdmf');
  await shot(page, 'lines-09-demo-panel-fa');
  const demo = page.getByTestId('line-card').filter({ hasNot: page.getByTestId('line-port') });
  await poll(() => demo.getByTestId('line-status').getAttribute('data-status'), 'idle', 15_000);
  await panel.getByTestId('demo-ring').click();
  const p = popup();
  await p.waitFor({ timeout: 15_000 });
  await expect(p.getByTestId('caller-name').textContent()).resolves.toBe('علی کریمی');
  await p.getByTestId('caller-answer').click();
  await poll(() => p.getByTestId('caller-stage').getAttribute('data-stage'), 'answered', 15_000);
  await page.getByTestId('call-bar').waitFor();
  await page.getByTestId('call-bar').getByTestId('hang-up').click();
  await poll(() => p.getByTestId('caller-stage').getAttribute('data-stage'), 'ended', 15_000);
  await p.getByTestId('caller-dismiss').click();
  expect((await api('calls/list', { limit: 1 })).rows[0]).toMatchObject({ outcome: 'answered', contactId });
});

it("the popup window's route shows the card alone, and Open goes to the contact in the main window", async () => {
  // Ali's call on the demo line, answered and hung up (as in the demo test), through the engine's requests.
  await addAli();
  const lineId = await demoLine();
  const status = async () => (await api('lines/list', {})).find((l) => l.id === lineId)?.status;
  await api('lines/demo-call', { lineId, number: '09121234567', format: 'mdmf', rings: 0 });
  // Answered once the caller ID has come (between the first and second ring) and the card named Ali.
  await popup().getByTestId('caller-name').filter({ hasText: 'علی کریمی' }).waitFor({ timeout: 15_000 });
  await expect(status()).resolves.toBe('ringing');
  await api('calls/answer', { lineId });
  await poll(status, 'in-call', 15_000);
  await api('calls/hang-up', { lineId });
  await poll(async () => (await api('calls/list', { limit: 1 })).rows[0]?.endedAt != null, true, 15_000);
  const last = (await api('calls/list', { limit: 1 })).rows[0]!;
  const win = await browser.newPage({ viewport: { width: 400, height: 440 } });
  await win.goto(`${e2e.app.url}#popup?callId=${last.id}&number=${encodeURIComponent(last.numberRaw)}`);
  const p = win.getByTestId('caller-card');
  await p.waitFor();
  await expect(p.getByTestId('caller-name').textContent()).resolves.toBe('علی کریمی');
  await expect(win.getByTestId('phonebook').count()).resolves.toBe(0);
  await shot(win, 'lines-10-popup-window-fa');
  await p.getByTestId('caller-open').click();
  await win.getByTestId('phonebook').waitFor();
  await win.getByTestId('detail-pane').getByText('علی کریمی').first().waitFor();
  await win.close();
});

it('in English: the Lines screen and the popup', async () => {
  await addAli();
  await modemLine();
  await demoLine();
  // The demo panel's rings typed in Persian digits, as the demo test leaves them.
  await page.getByTestId('demo-panel').getByTestId('demo-rings').fill('۰');
  await page.getByTestId('language-switch').click();
  await page.getByTestId('nav-lines').click();
  // The switch is saved through the engine first: wait for the page to turn English.
  await poll(() => card().getByTestId('line-status').textContent(), 'Ready');
  // The demo panel's rings, typed «۰» in Persian, turn with the language (they stayed Persian digits).
  await expect(page.getByTestId('demo-panel').getByTestId('demo-rings').inputValue()).resolves.toBe('0');
  await shot(page, 'lines-11-en');
  simSays('ring 09121234567 rings=1');
  const p = popup();
  await p.waitFor({ timeout: 15_000 });
  await expect(p.getByTestId('caller-name').textContent()).resolves.toBe('علی کریمی');
  await expect(p.getByTestId('caller-number').textContent()).resolves.toBe('0912 123 4567');
  await expect(p.getByTestId('caller-stage').textContent()).resolves.toBe('Ringing');
  // A note signed with a Persian name reads "author · date time" in English too: the name must not pull
  // the date and time into its right-to-left run (which showed «03:34 1405/09/16 · نگار صالحی»).
  await api('contacts/add-note', { contactId, body: 'Asked for a quote', author: 'نگار صالحی' });
  await poll(async () => (await p.getByTestId('caller-notes').textContent())?.includes('Asked for a quote') ?? false, true);
  const dateLeftOfTime = await p
    .locator('.caller-notes li')
    .first()
    .evaluate((li) => {
      const meta = li.lastElementChild!;
      const [, date, time] = /(\d{4}\/\d{2}\/\d{2}) (\d{2}:\d{2})/.exec(meta.textContent ?? '') ?? [];
      const leftOf = (s: string) => {
        const walk = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const at = n.textContent!.indexOf(s);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + s.length);
          return range.getBoundingClientRect().left;
        }
        return NaN;
      };
      return date !== undefined && time !== undefined && leftOf(date) < leftOf(time);
    });
  expect(dateLeftOfTime).toBe(true);
  await shot(page, 'lines-12-popup-en');
  await poll(() => p.getByTestId('caller-stage').getAttribute('data-stage'), 'missed', 20_000);
  await p.getByTestId('caller-dismiss').click();
});
