/**
 * Two calls at once on one SIP line, in Chromium: a real Kamailio and two real baresip phones on free ports,
 * the built app serving a line that is a SIP account with three channels (MONSHI_TEST_SIP_LINE, a test-only
 * engine option, until the line form has a SIP kind). Both callers ring at once: two caller cards, stacked
 * without covering each other or the call bar; each is answered from its own card; the call bar lists both
 * with their names and durations; Hang up on one ends that caller's call only. In Persian, then in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startBaresip, type Baresip } from '../helpers/sip-baresip';
import { startKamailio, type Kamailio } from '../helpers/sip-kamailio';
import { freeUdpRange } from '../helpers/sip-media-rig';
import { tempDir } from '../helpers/engine';
import { waitFor } from '../helpers/wait';
import { voiceOf, wav16 } from '../engine/sip-voices';
import { engineApi, pollUntil, shot, useApp } from './app';
import { useLanguage } from './fax-setup';

jest.setTimeout(180_000);

let kam: Kamailio;
const env: Record<string, string> = {};
const phones: Baresip[] = [];
const wavDir = tempDir('monshi-e2e-sip-voices-');

// Before the app starts (useApp's beforeAll comes after this one): the SIP server the line registers with.
beforeAll(async () => {
  kam = await startKamailio({ auth: true });
  const rtp = await freeUdpRange(24);
  const account = { server: `127.0.0.1:${kam.sipPort}`, user: '3201', password: 'secret3201', channels: 3 };
  env.MONSHI_TEST_SIP_LINE = JSON.stringify({ ...account, rtpMin: rtp.min, rtpMax: rtp.max });
});

const { page } = useApp({ name: 'sip-calls', fresh: 'test', env });

afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.stop()));
});
afterAll(async () => {
  await kam?.stop();
  fs.rmSync(wavDir, { recursive: true, force: true });
});

async function phone(user: string, name: string, seed: number): Promise<Baresip> {
  const wav = path.join(wavDir, `${user}.wav`);
  fs.writeFileSync(wav, wav16(voiceOf(seed, 60)));
  const p = await startBaresip({ user, displayName: name, sipServerPort: kam.sipPort, auth: true, wav });
  phones.push(p);
  return p;
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function twoCallsAtOnce(lang: 'fa' | 'en') {
  await useLanguage(page, lang);
  const line = await engineApi(page, 'lines/create', { name: lang === 'fa' ? 'مرکز تلفن' : 'PBX', kind: 'modem', port: 'sip-test', ringsBeforeAnswer: 0 });
  await pollUntil(page, async () => (await engineApi(page, 'lines/list', {})).find((l) => l.id === line.id)?.status ?? null, 'idle', 20_000);
  const alice = await phone('1201', 'Alice Caller', 5);
  const bob = await phone('1202', 'Bob Caller', 9);
  await Promise.all([alice.command('dial', `sip:3201@127.0.0.1:${kam.sipPort}`), bob.command('dial', `sip:3201@127.0.0.1:${kam.sipPort}`)]);

  const cards = page.getByTestId('caller-card');
  await waitFor(async () => (await cards.count()) === 2, { what: 'two caller cards', timeoutMs: 20_000 });
  const names = await page.getByTestId('caller-name').allTextContents();
  expect(names.sort()).toEqual(['Alice Caller', 'Bob Caller']);
  // Stacked: neither card covers the other, nor the call bar.
  const [a, b] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  const bar = await page.getByTestId('call-bars').boundingBox();
  expect(a && b && bar).toBeTruthy();
  expect(overlaps(a!, b!)).toBe(false);
  expect(overlaps(a!, bar!) || overlaps(b!, bar!)).toBe(false);
  await shot(page, `sip-two-ringing-${lang}`);

  // Each answered from its own card.
  for (const who of ['Alice Caller', 'Bob Caller']) await cards.filter({ hasText: who }).getByTestId('caller-answer').click();
  await Promise.all([alice.waitEvent('CALL_ESTABLISHED', 20_000), bob.waitEvent('CALL_ESTABLISHED', 20_000)]);
  const bars = page.getByTestId('call-bar');
  await waitFor(async () => (await bars.count()) === 2, { what: 'two calls on the call bar', timeoutMs: 20_000 });
  await expect(bars.filter({ hasText: 'Alice Caller' }).getAttribute('data-state')).resolves.toBe('answered');
  await expect(bars.filter({ hasText: 'Bob Caller' }).getAttribute('data-state')).resolves.toBe('answered');
  await shot(page, `sip-two-calls-${lang}`);

  // Hang up Bob's call from its bar: Bob's phone hears it, Alice is still on.
  await bars.filter({ hasText: 'Bob Caller' }).getByTestId('hang-up').click();
  await bob.waitEvent('CALL_CLOSED', 20_000);
  expect(alice.events.some((e) => e.type === 'CALL_CLOSED')).toBe(false);
  // Bob's bar says his call ended (then goes); Alice's stays in the call.
  const states = () => bars.evaluateAll((els) => els.map((el) => `${el.textContent?.includes('Bob Caller') ? 'bob' : 'alice'}:${el.dataset.state}`));
  await waitFor(async () => !(await states()).includes('bob:answered'), { what: "Bob's bar ended" });
  expect(await states()).toContain('alice:answered');
  await bars.filter({ hasText: 'Alice Caller' }).getByTestId('hang-up').click();
  await alice.waitEvent('CALL_CLOSED', 20_000);
  const log = await engineApi(page, 'calls/list', { limit: 10 });
  expect(log.rows.map((r) => [r.numberRaw, r.callerName, r.outcome]).sort()).toEqual([
    ['1201', 'Alice Caller', 'answered'],
    ['1202', 'Bob Caller', 'answered'],
  ]);
}

test('two callers at once on a SIP line, in Persian: two cards, both answered, two calls on the bar, one hung up', async () => {
  await twoCallsAtOnce('fa');
});

test('the same in English', async () => {
  await twoCallsAtOnce('en');
});
