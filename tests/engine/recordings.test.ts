/**
 * Call recording through the engine, on a real SQLite file with the real demo line (the simulator
 * behind the real driver): a line set to record every call records the answered call until the
 * caller hangs up, and the file holds the caller's voice; the call bar's button starts and stops a
 * recording on any line that can; errors name the field in both languages; recordings survive a
 * restart, and one a crash interrupted is repaired from its file; the storage rules remove the
 * oldest unkept recordings; a nearly full disk is warned about and stops recording. The demo line and
 * the engine run on one driven clock (helpers/manual-timers.ts): "three seconds of a call" pass in
 * milliseconds and are three seconds of audio however loaded the machine is.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EventMap } from '../../src/shared/contract/api';
import { createEngine, type EngineOptions } from '../../src/main/engine/engine';
import { readPcm16 } from '../../src/main/ivr/audio/wav';
import { demoVoice } from '../../src/main/ivr/ivr.service';
import { similarity } from '../ivr/audio-helpers';
import { demoOn, fastDemo, until } from '../helpers/demo-line';
import { drivenClock, manualTimers, type DrivenClock } from '../helpers/manual-timers';
import { waitFor } from '../helpers/wait';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

jest.setTimeout(40_000);

const MB = 1024 * 1024;

type Rig = {
  engine: TestEngine;
  dir: string;
  lineId: number;
  events: { name: string; payload: unknown }[];
  /** Waits for a condition: on the driven clock, or in real time when the test brought its own engine timers. */
  wait: DrivenClock['until'];
  /** Lets `ms` of a call pass on the driven clock. */
  pass(ms: number): Promise<void>;
  /** Settles a request that waits on the line (answer, dial, hang up, close) while time moves. */
  during<T>(p: Promise<T>): Promise<T>;
};

async function rig(opts: Partial<EngineOptions> = {}, recordCalls = false, dir = tempDir()): Promise<Rig> {
  // A test with its own engine timers (the disk watcher's) keeps the demo line in real time.
  const clock = opts.timers ? null : drivenClock();
  const engine = clock
    ? testEngine(dir, clock.date, { lineFactory: demoOn(clock), timers: clock.timers, ...opts })
    : testEngine(dir, undefined, { lineFactory: fastDemo, ...opts });
  const wait: Rig['wait'] = clock ? clock.until : (check, ms) => waitFor(check, { timeoutMs: ms });
  const pass = async (ms: number) => {
    if (!clock) throw new Error('pass() needs the driven clock');
    await clock.pass(ms);
  };
  const during = <T>(p: Promise<T>) => (clock ? clock.during(p) : p);
  const events: Rig['events'] = [];
  engine.subscribe((e) => events.push(e));
  const existing = (await engine.ok('lines/list', {}))[0];
  const lineId = existing ? existing.id : (await engine.ok('lines/create', { name: 'Demo', kind: 'demo', recordCalls })).id;
  await wait(() => events.some((e) => e.name === 'lines/status' && (e.payload as EventMap['lines/status']).status === 'idle'));
  return { engine, dir, lineId, events, wait, pass, during };
}

const last = <E extends keyof EventMap>(r: Rig, name: E, pred: (p: EventMap[E]) => boolean = () => true) =>
  [...r.events].reverse().find((x) => x.name === name && pred(x.payload as EventMap[E]))?.payload as EventMap[E] | undefined;

/** Rings the demo line; the caller will say `seconds` of voice once answered; the call is answered. */
async function answeredCall(r: Rig, seconds: number): Promise<number> {
  const before = r.events.length;
  await r.engine.ok('lines/demo-call', { lineId: r.lineId, number: '09121234567' });
  const incoming = await r.wait(() => r.events.slice(before).find((e) => e.name === 'call/incoming')?.payload as EventMap['call/incoming'] | undefined);
  await r.engine.ok('ivr/demo-speak', { lineId: r.lineId, seconds });
  await r.during(r.engine.ok('calls/answer', { lineId: r.lineId }));
  return incoming.call.id;
}

const rms = (pcm: Int16Array) => Math.sqrt(pcm.reduce((sum, v) => sum + v * v, 0) / Math.max(1, pcm.length));

/** The pitch (Hz, 100–320) of 8 kHz speech by autocorrelation: the shortest period nearly as alike as the best. */
function pitchOf(w: Int16Array): number {
  const corr = (lag: number) => {
    let c = 0;
    for (let i = 0; i + lag < w.length; i++) c += w[i]! * w[i + lag]!;
    return c;
  };
  const lags = Array.from({ length: 80 - 25 + 1 }, (_, i) => 25 + i);
  const best = Math.max(...lags.map(corr));
  return 8000 / lags.find((l) => corr(l) >= 0.9 * best)!;
}

describe('recording conversations', () => {
  let r: Rig;
  afterEach(async () => {
    await r.during(r.engine.close());
    removeDir(r.dir);
  });

  test('a line that records every call: the answered call is recorded until the caller hangs up', async () => {
    r = await rig({}, true);
    const line = (await r.engine.ok('lines/list', {}))[0]!;
    expect(line.recordCalls).toBe(true);
    expect(line.abilities).toEqual({ recordCalls: 'phone-socket', flash: true, fax: 'class1' });
    const callId = await answeredCall(r, 2);
    const started = await r.wait(() => last(r, 'recordings/changed', (p) => p.active.some((a) => a.callId === callId)));
    expect(started.active[0]).toMatchObject({ lineId: r.lineId, callId, startedBy: 'auto' });
    await r.pass(3000);
    await r.engine.ok('ivr/demo-hang-up', { lineId: r.lineId });
    const ended = await r.wait(() => last(r, 'call/updated', (p) => p.call.id === callId && p.call.endedAt !== null && p.call.recordingId !== null));
    const list = await r.engine.ok('recordings/list', {});
    expect(list.total).toBe(1);
    const rec = list.rows[0]!;
    expect(rec).toMatchObject({ id: ended.call.recordingId, callId, startedBy: 'auto', keep: false, numberDisplay: expect.stringContaining('0912') });
    expect(rec.durationMs).toBeGreaterThan(2500);
    expect(rec.durationMs).toBeLessThan(5000);
    expect(rec.bytes).toBe(Math.round((rec.durationMs / 1000) * 8000) * 2);
    expect(list.usage.count).toBe(1);
    // What was recorded is the caller's voice (8-bit linear on the line): compare with what the demo caller said.
    const audio = await r.engine.ok('recordings/audio', { id: rec.id });
    const { pcm } = readPcm16(Buffer.from(audio.base64, 'base64'));
    const said = demoVoice(2);
    const voiced = pcm.findIndex((v) => Math.abs(v) > 1000);
    expect(voiced).toBeGreaterThanOrEqual(0);
    expect(similarity(said.subarray(0, 12000), pcm.subarray(voiced, voiced + 12000), 400)).toBeGreaterThan(0.9);
    // After the voice: the line's silence, still recorded (no silence end in a conversation).
    expect(pcm.length).toBeGreaterThan(said.length + 3000);
    expect(audio.peaks.length).toBeGreaterThan(0);
    const file = await r.engine.ok('recordings/file', { id: rec.id });
    expect(file).toMatchObject({ mime: 'audio/wav', fileName: expect.stringMatching(/^call-\d+-.*\.wav$/) });
  });

  test('the demo line: a call recorded while nobody queued a voice holds both sides of a conversation, not silence', async () => {
    r = await rig({}, true);
    const before = r.events.length;
    await r.engine.ok('lines/demo-call', { lineId: r.lineId, number: '09121234567' });
    await r.wait(() => r.events.slice(before).find((e) => e.name === 'call/incoming'));
    await r.during(r.engine.ok('calls/answer', { lineId: r.lineId }));
    await r.wait(() => last(r, 'recordings/changed', (p) => p.active.length === 1));
    await r.pass(5500); // one turn of each side
    await r.during(r.engine.ok('calls/hang-up', { lineId: r.lineId }));
    await r.wait(() => last(r, 'recordings/changed', (p) => p.active.length === 0 && p.usage.count === 1));
    const rec = (await r.engine.ok('recordings/list', {})).rows[0]!;
    const { pcm } = readPcm16(Buffer.from((await r.engine.ok('recordings/audio', { id: rec.id })).base64, 'base64'));
    expect(pcm.length).toBeGreaterThan(4 * 8000);
    expect(rms(pcm)).toBeGreaterThan(1000);
    // Two voices, told apart by their pitch: the caller's low one and the front desk's higher one.
    const pitches = new Set<number>();
    for (let at = 0; at + 800 <= pcm.length; at += 800) {
      const w = pcm.subarray(at, at + 800);
      if (rms(w) > 1500) pitches.add(Math.round(pitchOf(w) / 40) * 40);
    }
    expect([...pitches].sort()).toEqual(expect.arrayContaining([120, 200]));
  });

  test('a dialled call is recorded from the moment it connects on a line that records every call', async () => {
    r = await rig({}, true);
    const row = await r.during(r.engine.ok('calls/dial', { lineId: r.lineId, number: '02188776655' }));
    await r.wait(() => last(r, 'recordings/changed', (p) => p.active.some((a) => a.callId === row.id && a.startedBy === 'auto')), 10_000);
    expect((await r.engine.ok('calls/get', { id: row.id })).outcome).toBe('connected');
    await r.pass(1200);
    await r.during(r.engine.ok('calls/hang-up', { lineId: r.lineId }));
    await r.wait(() => last(r, 'call/updated', (p) => p.call.id === row.id && p.call.endedAt !== null && p.call.recordingId !== null));
    const rec = (await r.engine.ok('recordings/list', {})).rows[0]!;
    expect(rec).toMatchObject({ callId: row.id, direction: 'out', startedBy: 'auto', numberDisplay: '021 8877 6655' });
    expect(rec.durationMs).toBeGreaterThan(800);
  });

  test('the button records any call on a line that can; errors name the line in both languages', async () => {
    r = await rig();
    const none = await r.engine.fail('recordings/start', { lineId: r.lineId });
    expect(none).toMatchObject({ field: 'lineId', message: 'روی این خط تماسِ پاسخ‌داده‌شده‌ای در جریان نیست.' });
    expect((await r.engine.fail('recordings/start', { lineId: r.lineId }, 'en')).message).toBe('There is no answered call in progress on this line.');
    const callId = await answeredCall(r, 1);
    await r.wait(() => last(r, 'call/updated', (p) => p.call.id === callId && p.call.answeredAt !== null));
    await r.pass(300);
    expect(await r.engine.ok('recordings/active', {})).toEqual([]); // not recorded automatically here
    const a = await r.during(r.engine.ok('recordings/start', { lineId: r.lineId }));
    expect(a).toMatchObject({ lineId: r.lineId, callId, startedBy: 'button' });
    expect((await r.engine.fail('recordings/start', { lineId: r.lineId }, 'en')).message).toBe('This call is already being recorded.');
    await r.pass(1500);
    await r.during(r.engine.ok('recordings/stop', { lineId: r.lineId }));
    await r.wait(() => last(r, 'recordings/changed', (p) => p.active.length === 0 && p.usage.count === 1));
    expect((await r.engine.fail('recordings/stop', { lineId: r.lineId }, 'en')).message).toBe('Nothing is being recorded on this line.');
    // The call goes on after the recording stopped; the front desk hangs up.
    expect((await r.engine.ok('lines/list', {}))[0]!.status).toBe('in-call');
    await r.during(r.engine.ok('calls/hang-up', { lineId: r.lineId }));
    const row = await r.engine.ok('calls/get', { id: callId });
    expect(row.recordingId).toBe(a.recordingId);
    const rec = await r.engine.ok('recordings/get', { id: a.recordingId });
    expect(rec.durationMs).toBeGreaterThan(1000);
    expect(rec.durationMs).toBeLessThan(3000);
    // Kept, noted, found by the contact's calls, deleted.
    const contact = await r.engine.ok('contacts/create', { firstName: 'سارا', lastName: 'کریمی', phones: [{ kind: 'mobile', number: '09121234567' }] });
    expect((await r.engine.ok('recordings/list', { contactId: contact.id })).rows.map((x) => x.id)).toEqual([a.recordingId]);
    expect((await r.engine.ok('recordings/get', { id: a.recordingId })).contactName).toBe('سارا کریمی');
    expect((await r.engine.ok('recordings/keep', { id: a.recordingId, keep: true })).keep).toBe(true);
    expect((await r.engine.ok('recordings/note', { id: a.recordingId, note: '  قرار پنجشنبه  ' })).note).toBe('قرار پنجشنبه');
    expect((await r.engine.ok('recordings/list', { keptOnly: true })).total).toBe(1);
    await r.engine.ok('recordings/delete', { id: a.recordingId });
    expect((await r.engine.ok('calls/get', { id: callId })).recordingId).toBeNull();
    expect(readdirSync(path.join(r.dir, 'recordings'))).toEqual([]);
    expect((await r.engine.fail('recordings/audio', { id: a.recordingId }, 'en')).message).toBe('This recording was not found; it may have been deleted.');
  });

  test('recordings survive a restart; one a crash interrupted is repaired from its file', async () => {
    r = await rig({}, true);
    const callId = await answeredCall(r, 1);
    await r.pass(1500);
    await r.engine.ok('ivr/demo-hang-up', { lineId: r.lineId });
    await r.wait(() => last(r, 'call/updated', (p) => p.call.id === callId && p.call.recordingId !== null));
    const before = (await r.engine.ok('recordings/list', {})).rows[0]!;
    // A recording the power cut interrupted: a row without an end and a file whose header says 0 bytes.
    const name = 'call-999-deadbeef.wav';
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'latin1');
    header.write('WAVEfmt ', 8, 'latin1');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(8000, 24);
    header.writeUInt32LE(16000, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'latin1');
    writeFileSync(path.join(r.dir, 'recordings', name), Buffer.concat([header, Buffer.alloc(16000 * 3)]));
    r.engine.db
      .prepare('INSERT INTO call_recordings (call_id, line_id, started_at, file, started_by) VALUES (?, ?, ?, ?, ?)')
      .run(callId, r.lineId, Date.now(), name, 'button');
    await r.during(r.engine.close());
    r = await rig({}, true, r.dir);
    const after = await r.engine.ok('recordings/list', {});
    expect(after.total).toBe(2);
    expect(after.rows.find((x) => x.id === before.id)).toMatchObject({ durationMs: before.durationMs, bytes: before.bytes });
    const repaired = after.rows.find((x) => x.id !== before.id)!;
    expect(repaired).toMatchObject({ durationMs: 3000, bytes: 48000 });
    expect((await r.engine.ok('recordings/audio', { id: repaired.id })).durationMs).toBe(3000);
    expect((await r.engine.ok('recordings/audio', { id: before.id })).durationMs).toBe(before.durationMs);
  });
});

describe('storage rules and the disk', () => {
  let r: Rig;
  afterEach(async () => {
    await r.during(r.engine.close());
    removeDir(r.dir);
  });

  /** A finished recording of `mb` megabytes (the row says so; the file is small) started `daysAgo`. */
  function fake(engine: TestEngine, dir: string, i: number, mb: number, daysAgo: number, keep = false): number {
    const name = `call-${i}-fake.wav`;
    writeFileSync(path.join(dir, 'recordings', name), Buffer.alloc(44));
    const t = Date.now() - daysAgo * 86_400_000;
    return Number(
      engine.db
        .prepare(
          'INSERT INTO call_recordings (call_id, line_id, started_at, ended_at, duration_ms, bytes, file, started_by, keep) VALUES (?, 1, ?, ?, 1000, ?, ?, ' +
            '?, ?)',
        )
        .run(i, t, t + 1000, mb * MB, name, 'auto', keep ? 1 : 0).lastInsertRowid,
    );
  }

  test('over the limit the oldest unkept recordings go; past the retention period too; kept ones stay', async () => {
    r = await rig();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(r.dir, 'recordings'), { recursive: true });
    const oldKept = fake(r.engine, r.dir, 1, 30, 400, true);
    fake(r.engine, r.dir, 2, 30, 300);
    const mid = fake(r.engine, r.dir, 3, 30, 20);
    const recent = fake(r.engine, r.dir, 4, 30, 1);
    expect(await r.engine.ok('recordings/settings', {})).toEqual({ limitMb: 2000, retentionDays: 180, warnFreeMb: 1000 });
    // The default retention (180 days) removes the 300-day-old one; the kept 400-day-old one stays.
    const s1 = await r.engine.ok('recordings/settings-update', { limitMb: 2000, retentionDays: 180, warnFreeMb: 1000 });
    expect(s1.removed).toBe(1);
    expect((await r.engine.ok('recordings/list', {})).rows.map((x) => x.id).sort()).toEqual([oldKept, mid, recent].sort());
    expect(existsSync(path.join(r.dir, 'recordings', 'call-2-fake.wav'))).toBe(false);
    // 90 MB in all, limit 60: the oldest unkept one (20 days) goes, leaving 60.
    const s2 = await r.engine.ok('recordings/settings-update', { limitMb: 60, retentionDays: 0, warnFreeMb: 1000 });
    expect(s2).toEqual({ settings: { limitMb: 60, retentionDays: 0, warnFreeMb: 1000 }, removed: 1 });
    const left = await r.engine.ok('recordings/list', {});
    expect(left.rows.map((x) => x.id).sort()).toEqual([oldKept, recent].sort());
    expect(left.usage).toMatchObject({ count: 2, bytes: 60 * MB, keptBytes: 30 * MB, limitBytes: 60 * MB });
    // Kept recordings alone over the limit: nothing more to remove, and the user is told.
    await r.engine.ok('recordings/keep', { id: recent, keep: true });
    const s3 = await r.engine.ok('recordings/settings-update', { limitMb: 50, retentionDays: 0, warnFreeMb: 1000 });
    expect(s3.removed).toBe(0);
    expect((await r.engine.ok('recordings/list', {})).usage.warnings).toContain('kept-over-limit');
    // Bad input names the field.
    const bad = await r.engine.fail('recordings/settings-update', { limitMb: 10, retentionDays: 0, warnFreeMb: 1000 }, 'en');
    expect(bad.field).toBe('limitMb');
  });

  test('a nearly full disk: warned below the threshold, recording refused and stopped below a tenth of it', async () => {
    let free = 5000 * MB;
    const timers = manualTimers(Date.now());
    r = await rig({ diskFree: () => free, timers: timers.timers }, true);
    expect((await r.engine.ok('recordings/list', {})).usage).toMatchObject({ diskFreeBytes: 5000 * MB, warnings: [] });
    // With nothing recording, the engine still looks every ten minutes.
    free = 800 * MB;
    timers.advance(10 * 60_000);
    await until(() => last(r, 'recordings/changed', (p) => p.usage.warnings.includes('disk-low') && p.active.length === 0));
    free = 5000 * MB;
    timers.advance(10 * 60_000);
    await until(() => last(r, 'recordings/changed', (p) => p.usage.warnings.length === 0));
    const callId = await answeredCall(r, 1);
    await until(() => last(r, 'recordings/changed', (p) => p.active.length === 1));
    free = 500 * MB; // under the 1000 MB warning
    timers.advance(30_000);
    await until(() => last(r, 'recordings/changed', (p) => p.usage.warnings.includes('disk-low') && p.active.length === 1));
    await new Promise((res) => setTimeout(res, 1000));
    free = 50 * MB; // under a tenth of it: recording stops, the call goes on
    timers.advance(30_000);
    const stopped = await until(() => last(r, 'recordings/stopped'));
    expect(stopped).toEqual({ lineId: r.lineId, callId, reason: 'disk-low' });
    await until(() => last(r, 'recordings/changed', (p) => p.active.length === 0 && p.usage.count === 1));
    expect((await r.engine.ok('lines/list', {}))[0]!.status).toBe('in-call');
    const refused = await r.engine.fail('recordings/start', { lineId: r.lineId }, 'en');
    expect(refused).toMatchObject({ field: 'lineId', message: 'The disk is nearly full (50 MB free); recording did not start.' });
    await r.engine.ok('calls/hang-up', { lineId: r.lineId });
  });
});

test('createEngine without lines still opens a data folder with recordings', async () => {
  const dir = tempDir();
  const e = createEngine({ dataDir: dir, noLines: true });
  const r = await e.invoke('recordings/list', {}, 'fa');
  expect(r.ok && r.value.total).toBe(0);
  await e.close();
  removeDir(dir);
});
