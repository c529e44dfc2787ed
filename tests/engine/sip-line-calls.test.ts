/**
 * A SIP line in the engine, end to end with a real Kamailio (digest auth on) and real baresip phones on free
 * ports: the engine runs a line whose channels are a SipAccount's (the test's LineFactory builds it, as the
 * line form would), so every call is the engine's own — the popup event, the call-log row, the IVR, the
 * mailbox. Two callers at once are both answered by the IVR, each walks the tree with RFC 4733 keys to its
 * own branch and leaves a message that holds its own voice (not the other's); Kamailio restarted → the line
 * registers again by itself and takes the next call.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LineFactory } from '../../src/main/lines/lines.service';
import { createSipAccount } from '../../src/telephony/sip/signalling/sip-account';
import { rtpMedia } from '../../src/telephony/sip/signalling/sip-rtp-media';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { startBaresip, type Baresip } from '../helpers/sip-baresip';
import { startKamailio, type Kamailio } from '../helpers/sip-kamailio';
import { freeUdpRange } from '../helpers/sip-media-rig';
import { waitFor } from '../helpers/wait';
import { makeWav, tone } from '../ivr/audio-helpers';
import { caller, voiceOf, wav16 } from './sip-voices';

jest.setTimeout(120_000);

let kam: Kamailio;
let engine: TestEngine;
let dir: string;
let lineId: number;
const phones: Baresip[] = [];
const events: { name: string; payload: unknown }[] = [];
const voices: Record<string, Int16Array> = {};
const mailbox: Record<string, number> = {};

type Call = { id: number; numberRaw: string; callerName: string; outcome: string; endedAt: string | null; answeredAt: string | null; lineId: number };

beforeAll(async () => {
  kam = await startKamailio({ auth: true });
  dir = tempDir();
  const portRange = await freeUdpRange(24);
  const media = rtpMedia({ localAddress: '127.0.0.1', portRange, codecs: ['PCMU', 'PCMA'] });
  const factory: LineFactory = (row) => {
    const account = createSipAccount({
      id: `line-${row.id}`,
      server: `127.0.0.1:${kam.sipPort}`,
      user: '3101',
      password: 'secret3101',
      transport: 'udp',
      channels: 3,
      localAddress: '127.0.0.1',
      media,
      ringIntervalMs: 400,
      // A PBX restart is noticed within seconds (the product's default is a minute).
      keepaliveMs: 1000,
      requestTimeoutMs: 1500,
      maxBackoffMs: 1000,
    });
    return { lines: account.lines, sim: null };
  };
  engine = testEngine(dir, undefined, { lineFactory: factory });
  engine.subscribe((e) => events.push(e));
  const ok = engine.ok.bind(engine);
  const prompt = async (name: string, hz: number, ms: number) => {
    const t = tone(hz, ms, 8000, 0.3);
    return (await ok('prompts/import', { name, base64: makeWav([t], 8000, 16).toString('base64') })).id;
  };
  const welcome = await prompt('welcome', 500, 600);
  const greeting = await prompt('greeting', 700, 300);
  mailbox.sales = (await ok('mailboxes/create', { name: 'Sales', kind: 'department', greetingPromptId: greeting })).id;
  mailbox.support = (await ok('mailboxes/create', { name: 'Support', kind: 'department', greetingPromptId: greeting })).id;
  const tree = await ok('ivr/tree-create', {
    name: 'Main',
    tree: {
      root: 'main',
      nodes: [
        {
          id: 'main',
          label: 'Main menu',
          kind: 'menu',
          promptId: welcome,
          timeoutS: 8,
          retries: 1,
          options: [
            { key: '1', next: 'sales' },
            { key: '2', next: 'support' },
          ],
        },
        { id: 'sales', kind: 'voicemail', mailboxId: mailbox.sales, maxSeconds: 5 },
        { id: 'support', kind: 'voicemail', mailboxId: mailbox.support, maxSeconds: 5 },
      ],
    },
  });
  // kind 'modem' only to have a row: the factory above makes the SIP account whatever the row says.
  lineId = (await ok('lines/create', { name: 'PBX', kind: 'modem', port: 'sip-test', ringsBeforeAnswer: 2 })).id;
  await ok('ivr/settings-update', { hours: [], assignments: [{ lineId, officeTreeId: tree.id, closedTreeId: tree.id, holidayTreeId: tree.id }] });
  await waitFor(async () => (await ok('lines/list', {})).find((l) => l.id === lineId)?.status === 'idle', { what: 'the SIP line registered' });
});

afterAll(async () => {
  await engine?.close();
  await Promise.all(phones.map((p) => p.stop()));
  await kam?.stop();
  if (dir) removeDir(dir);
});

async function phone(user: string, name: string, seed: number): Promise<Baresip> {
  voices[user] = voiceOf(seed, 30);
  const wav = path.join(dir, `voice-${user}.wav`);
  fs.writeFileSync(wav, wav16(voices[user]!));
  const p = await startBaresip({ user, displayName: name, sipServerPort: kam.sipPort, auth: true, wav });
  phones.push(p);
  return p;
}

const incomingFor = (number: string) =>
  events.find((e) => e.name === 'call/incoming' && (e.payload as { call: Call }).call.numberRaw === number)?.payload as { call: Call } | undefined;
const getCall = (id: number) => engine.ok('calls/get', { id }) as Promise<Call>;

test('two callers at once: popups with number and name, both in the IVR, each to its branch by RFC 4733, each message holds its own voice', async () => {
  const alice = await phone('1101', 'Alice Caller', 11);
  const bob = await phone('1102', 'Bob Caller', 23);
  await Promise.all([alice.command('dial', `sip:3101@127.0.0.1:${kam.sipPort}`), bob.command('dial', `sip:3101@127.0.0.1:${kam.sipPort}`)]);
  const a = await waitFor(() => incomingFor('1101'), { what: "Alice's call/incoming" });
  const b = await waitFor(() => incomingFor('1102'), { what: "Bob's call/incoming" });
  expect(a.call).toMatchObject({ numberRaw: '1101', callerName: 'Alice Caller', lineId });
  expect(b.call).toMatchObject({ numberRaw: '1102', callerName: 'Bob Caller', lineId });
  expect(a.call.id).not.toBe(b.call.id);
  await Promise.all([alice.waitEvent('CALL_ESTABLISHED', 20_000), bob.waitEvent('CALL_ESTABLISHED', 20_000)]);
  // Both are in the IVR at the same time: each row answered, neither ended.
  const both = await waitFor(async () => {
    const rows = await Promise.all([getCall(a.call.id), getCall(b.call.id)]);
    return rows.every((r) => r.outcome === 'ivr' && r.answeredAt !== null) && rows;
  });
  expect(both.map((r) => r.endedAt)).toEqual([null, null]);
  const list = await engine.ok('lines/list', {});
  expect(list.find((l) => l.id === lineId)?.status).toBe('in-call');

  await Promise.all([alice.command('sndcode', '1'), bob.command('sndcode', '2')]);
  const runs = await waitFor(
    async () => {
      const r = await Promise.all([engine.ok('ivr/run', { callId: a.call.id }), engine.ok('ivr/run', { callId: b.call.id })]);
      return r[0] && r[1] && r;
    },
    { timeoutMs: 30_000, what: 'both IVR runs ended' },
  );
  expect(runs[0]).toMatchObject({ path: ['main', 'key:1', 'sales'], end: 'voicemail' });
  expect(runs[1]).toMatchObject({ path: ['main', 'key:2', 'support'], end: 'voicemail' });

  const messages = await engine.ok('voicemail/list', {});
  const ofA = messages.find((m) => m.mailboxId === mailbox.sales)!;
  const ofB = messages.find((m) => m.mailboxId === mailbox.support)!;
  expect(ofA).toMatchObject({ numberRaw: '1101' });
  expect(ofB).toMatchObject({ numberRaw: '1102' });
  const { readPcm16 } = await import('../../src/main/ivr/audio/wav');
  const heard = async (id: number) => readPcm16(Buffer.from((await engine.ok('voicemail/audio', { id })).base64, 'base64')).pcm;
  const [pa, pb] = [await heard(ofA.id), await heard(ofB.id)];
  expect(pa.length).toBeGreaterThan(8000 * 2);
  // A second from each message is found in the voice its caller sent, and not in the other caller's.
  expect(caller(pa, voices['1101']!)).toBeGreaterThan(0.9);
  expect(caller(pb, voices['1102']!)).toBeGreaterThan(0.9);
  expect(caller(pa, voices['1102']!)).toBeLessThan(0.3);
  expect(caller(pb, voices['1101']!)).toBeLessThan(0.3);
  const ended = await waitFor(async () => {
    const rows = await Promise.all([getCall(a.call.id), getCall(b.call.id)]);
    return rows.every((r) => r.endedAt !== null) && rows;
  });
  expect(ended.map((r) => r.outcome)).toEqual(['ivr', 'ivr']);
});

test('Kamailio restarted: the line shows why it is down, registers again by itself and takes the next call', async () => {
  const statusSince = events.length;
  await kam.stop();
  await waitFor(() => events.slice(statusSince).some((e) => e.name === 'lines/status' && (e.payload as { status: string }).status === 'disconnected'), {
    what: 'the line down',
  });
  await kam.start();
  await waitFor(async () => (await engine.ok('lines/list', {})).find((l) => l.id === lineId)?.status === 'idle', { what: 'registered again' });
  const carol = await phone('1103', 'Carol', 37);
  await carol.command('dial', `sip:3101@127.0.0.1:${kam.sipPort}`);
  const c = await waitFor(() => incomingFor('1103'), { what: "Carol's call/incoming" });
  expect(c.call).toMatchObject({ numberRaw: '1103', callerName: 'Carol', lineId });
  await carol.waitEvent('CALL_ESTABLISHED', 20_000);
  await carol.command('hangup');
  await waitFor(async () => (await getCall(c.call.id)).endedAt !== null, { what: "Carol's call ended" });
});

test("'IVR calls at once' 1: the first caller is in the IVR, the second rings on for the front desk", async () => {
  expect(await engine.ok('lines/set-call-settings', { lineId, ivrAtOnce: 1 })).toMatchObject({ ivrAtOnce: 1, channels: 3 });
  try {
    const dave = await phone('1104', 'Dave', 41);
    const erin = await phone('1105', 'Erin', 43);
    await dave.command('dial', `sip:3101@127.0.0.1:${kam.sipPort}`);
    const d = await waitFor(() => incomingFor('1104'), { what: "Dave's call/incoming" });
    await dave.waitEvent('CALL_ESTABLISHED', 20_000);
    await erin.command('dial', `sip:3101@127.0.0.1:${kam.sipPort}`);
    const e = await waitFor(() => incomingFor('1105'), { what: "Erin's call/incoming" });
    // Well past the 2 rings the IVR answers after: Erin still rings, Dave is in the IVR.
    await waitFor(() => events.filter((x) => x.name === 'call/updated' && (x.payload as { call: Call }).call.id === e.call.id).length >= 1);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await getCall(e.call.id)).outcome).toBe('ringing');
    expect(erin.events.some((x) => x.type === 'CALL_ESTABLISHED')).toBe(false);
    expect((await getCall(d.call.id)).outcome).toBe('ivr');
    await Promise.all([dave.command('hangup'), erin.command('hangup')]);
    await waitFor(async () => (await getCall(e.call.id)).endedAt !== null && (await getCall(d.call.id)).endedAt !== null, { what: 'both ended' });
    expect((await getCall(e.call.id)).outcome).toBe('missed');
  } finally {
    await engine.ok('lines/set-call-settings', { lineId, ivrAtOnce: 0 });
  }
});
