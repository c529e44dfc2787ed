/**
 * Lines and the call log inside the engine, on a real SQLite file, with the REAL demo line (the modem
 * simulator in-process behind the real driver; its ring cadence shortened so the suite stays quick).
 * The calls run on one driven clock (helpers/manual-timers.ts): rings and dialling pass in milliseconds.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EventMap } from '../../src/shared/contract/api';
import { createEngine } from '../../src/main/engine/engine';
import { demoOn, demoSims, fastDemo, until as realUntil } from '../helpers/demo-line';
import { removeDir, tempDir, type TestEngine } from '../helpers/engine';
import { drivenClock, type DrivenClock } from '../helpers/manual-timers';

jest.setTimeout(30_000);

function engineAt(dir: string, clock?: DrivenClock): TestEngine & { events: { name: string; payload: unknown }[] } {
  const engine = createEngine(
    clock ? { dataDir: dir, clock: clock.date, timers: clock.timers, lineFactory: demoOn(clock) } : { dataDir: dir, lineFactory: fastDemo },
  );
  const events: { name: string; payload: unknown }[] = [];
  engine.subscribe((e) => events.push(e));
  return Object.assign(engine, {
    events,
    async ok(method: never, input: unknown, lang: 'fa' | 'en' = 'fa') {
      const r = await engine.invoke(method, input, lang);
      if (!r.ok) throw new Error(`${String(method)} failed: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    async fail(method: never, input: unknown, lang: 'fa' | 'en' = 'fa') {
      const r = await engine.invoke(method, input, lang);
      if (r.ok) throw new Error(`${String(method)} should have failed`);
      return r.error;
    },
  }) as never;
}

const lastOf = <E extends keyof EventMap>(e: ReturnType<typeof engineAt>, name: E, pred: (p: EventMap[E]) => boolean = () => true) =>
  [...e.events].reverse().find((x) => x.name === name && pred(x.payload as EventMap[E]))?.payload as EventMap[E] | undefined;

describe('calls on the demo line', () => {
  let dir: string;
  let e: ReturnType<typeof engineAt>;
  let lineId: number;
  let contactId: number;
  const clock = drivenClock();
  const until = clock.until;

  beforeAll(async () => {
    dir = tempDir();
    e = engineAt(dir, clock);
    const group = await e.ok('groups/create', { name: 'مشتریان ویژه' });
    const c = await e.ok('contacts/create', {
      firstName: 'علی',
      lastName: 'رضایی',
      company: 'آسیا تک',
      phones: [{ kind: 'mobile', number: '0912 123 4567' }],
      groupIds: [group.id],
    });
    contactId = c.id;
    await e.ok('contacts/add-note', { contactId, body: 'پیش‌فاکتور را می‌خواهد' });
    const line = await e.ok('lines/create', { name: 'خط نمایشی', kind: 'demo' });
    lineId = line.id;
    await until(() => lastOf(e, 'lines/status', (s) => s.lineId === lineId && s.status === 'idle'));
  });
  afterAll(async () => {
    if (process.env.TRACE) console.log(readFileSync(path.join(dir, 'monshi.log'), 'utf8'));
    await clock.during(e.close());
    removeDir(dir);
  });

  test('caller ID → popup event with the contact, rings out → missed, in the log and unreturned', async () => {
    e.events.length = 0;
    await e.ok('lines/demo-call', { lineId, number: '+989121234567', name: 'ALI REZAEI', rings: 2 });
    const incoming = await until(() => lastOf(e, 'call/incoming'));
    expect(incoming.card.contact).toMatchObject({ id: contactId, displayName: 'علی رضایی', company: 'آسیا تک', groups: [{ name: 'مشتریان ویژه' }] });
    expect(incoming.card.contact?.lastNotes[0]?.body).toBe('پیش‌فاکتور را می‌خواهد');
    expect(incoming.call).toMatchObject({
      direction: 'in',
      outcome: 'ringing',
      numberRaw: '+989121234567',
      numberDisplay: '0912 123 4567',
      callerName: 'ALI REZAEI',
      contactId,
    });
    const missed = await until(() => lastOf(e, 'call/updated', (u) => u.call.outcome === 'missed'));
    expect(missed.call.endedAt).not.toBeNull();
    expect(e.events.filter((x) => x.name === 'call/incoming')).toHaveLength(1);
    const log = await e.ok('calls/list', { unreturned: true });
    expect(log.rows[0]).toMatchObject({ id: missed.call.id, contactName: 'علی رضایی', outcome: 'missed', returnedAt: null });
    const byContact = await e.ok('calls/list', { contactId });
    expect(byContact.total).toBe(1);
  });

  test('answered from the PC, the caller hangs up: answered, and the missed call counts as returned', async () => {
    e.events.length = 0;
    await e.ok('lines/demo-call', { lineId, number: '09121234567', name: 'ALI', rings: 0 });
    const incoming = await until(() => lastOf(e, 'call/incoming'));
    await clock.during(e.ok('calls/answer', { lineId }));
    const answered = await until(() => lastOf(e, 'call/updated', (u) => u.call.id === incoming.call.id && u.call.outcome === 'answered'));
    expect(answered.call.answeredAt).not.toBeNull();
    await clock.during(e.ok('calls/hang-up', { lineId }));
    const ended = await until(() => lastOf(e, 'call/updated', (u) => u.call.id === incoming.call.id && u.call.endedAt !== null));
    expect(ended.call.outcome).toBe('answered');
    expect((await e.ok('calls/list', { unreturned: true })).total).toBe(0);
    expect(incoming.card.callCount).toBe(2);
    expect(incoming.card.lastCalls.map((c) => c.outcome)).toEqual(['ringing', 'missed']);
  });

  test('withheld and no caller ID still raise the popup and are logged', async () => {
    e.events.length = 0;
    await e.ok('lines/demo-call', { lineId, format: 'private', rings: 2 });
    const priv = await until(() => lastOf(e, 'call/incoming'));
    expect(priv.card).toMatchObject({ absence: 'private', contact: null });
    await until(() => lastOf(e, 'call/updated', (u) => u.call.outcome === 'missed'));
    e.events.length = 0;
    await e.ok('lines/demo-call', { lineId, format: 'none', rings: 3 });
    const none = await until(() => lastOf(e, 'call/incoming'));
    expect(none.call.absence).toBe('none');
    await until(() => lastOf(e, 'call/updated', (u) => u.call.outcome === 'missed'));
  });

  test('a caller ID that arrives after the second ring updates the same call: number, contact, popup', async () => {
    e.events.length = 0;
    await e.ok('lines/demo-call', { lineId, format: 'none', rings: 5 });
    const none = await until(() => lastOf(e, 'call/incoming'));
    expect(none.call.absence).toBe('none');
    const sim = demoSims.get(lineId)!;
    sim.sendLine('NMBR = 09121234567');
    // The name in UTF-8 bytes, as some networks send it: read through the real driver, no mojibake.
    sim.send(Buffer.from('\r\nNAME = علی رضایی\r\n', 'utf8'));
    const late = await until(() => lastOf(e, 'call/incoming', (x) => x.call.numberRaw === '09121234567'));
    expect(late.call).toMatchObject({ id: none.call.id, absence: null, contactId, callerName: 'علی رضایی' });
    expect(late.card.contact?.id).toBe(contactId);
    const missed = await until(() => lastOf(e, 'call/updated', (u) => u.call.id === none.call.id && u.call.outcome === 'missed'));
    expect(missed.call).toMatchObject({ numberRaw: '09121234567', contactId });
    expect(e.events.filter((x) => x.name === 'call/incoming')).toHaveLength(2);
  });

  test('a DTMF caller ID whose end marker never came keeps its digits: the call has its number and contact', async () => {
    e.events.length = 0;
    const sim = demoSims.get(lineId)!;
    for (const d of 'A09121234567') sim.send(Buffer.from([0x10, d.charCodeAt(0)])); // <DLE>digit before the first ring, no closing C
    await e.ok('lines/demo-call', { lineId, format: 'none', rings: 2 });
    const incoming = await until(() => lastOf(e, 'call/incoming'));
    expect(incoming.call).toMatchObject({ numberRaw: '09121234567', absence: null, contactId });
    await until(() => lastOf(e, 'call/updated', (u) => u.call.id === incoming.call.id && u.call.outcome === 'missed'));
    expect(e.events.filter((x) => x.name === 'call/incoming')).toHaveLength(1);
  });

  test('dialling from the PC: outgoing row, connected, hung up from the UI', async () => {
    e.events.length = 0;
    const row = await e.ok('calls/dial', { number: '۰۹۱۲ ۱۲۳ ۴۵۶۷' });
    expect(row).toMatchObject({ direction: 'out', outcome: 'dialing', contactId, lineId });
    await until(() => lastOf(e, 'call/updated', (u) => u.call.id === row.id && u.call.outcome === 'connected'));
    expect(await e.fail('calls/dial', { number: '021 1234 5678' }, 'en')).toMatchObject({ code: 'line/unavailable' });
    await clock.during(e.ok('calls/hang-up', { lineId }));
    const done = await until(() => lastOf(e, 'call/updated', (u) => u.call.id === row.id && u.call.endedAt !== null));
    expect(done.call.outcome).toBe('answered');
  });

  test('the number dialled is the number meant: short numbers as typed, home numbers national, foreign after 00', async () => {
    const cases: [string, string][] = [
      ['110', '110'],
      ['۱۸۱۸', '1818'],
      ['88776655', '02188776655'],
      ['0912 123 4567 داخلی ۱۲', '09121234567'],
      ['+44 (0)20 7946 0958', '00442079460958'],
    ];
    for (const [typed, atd] of cases) {
      e.events.length = 0;
      const row = await e.ok('calls/dial', { number: typed });
      const sim = demoSims.get(lineId)!;
      await until(() => lastOf(e, 'call/updated', (u) => u.call.id === row.id && u.call.outcome === 'connected'));
      expect([typed, sim.dialled.at(-1)]).toEqual([typed, atd]);
      await clock.during(e.ok('calls/hang-up', { lineId }));
      await until(() => lastOf(e, 'call/updated', (u) => u.call.id === row.id && u.call.endedAt !== null));
    }
    const rows = (await e.ok('calls/list', { text: '110' })).rows;
    expect(rows[0]).toMatchObject({ numberRaw: '110', numberDisplay: '110' });
  });

  test('errors name the field in the user language', async () => {
    expect(await e.fail('lines/create', { name: 'USB', kind: 'modem', port: '' })).toMatchObject({
      code: 'validation',
      field: 'port',
      message: expect.stringContaining('درگاه'),
    });
    await e.ok('lines/create', { name: 'USB', kind: 'modem', port: '/dev/monshi-no-such-port', enabled: true });
    expect(await e.fail('lines/create', { name: 'USB 2', kind: 'modem', port: '/dev/monshi-no-such-port' }, 'en')).toMatchObject({
      code: 'conflict',
      field: 'port',
      message: 'Port “/dev/monshi-no-such-port” is already used by another line.',
    });
    expect(await e.fail('calls/dial', { number: 'abc' }, 'en')).toMatchObject({ field: 'number' });
    expect(await e.fail('lines/demo-call', { lineId: 999 }, 'en')).toMatchObject({ code: 'not_found' });
    // A missing modem leaves the line disconnected, with the reason, and the engine running (a real port: real time).
    const usb = (await e.ok('lines/list', {})).find((l) => l.name === 'USB')!;
    await realUntil(() => lastOf(e, 'lines/status', (s) => s.lineId === usb.id && s.status === 'disconnected'));
    expect((await e.ok('lines/list', {})).find((l) => l.id === usb.id)!.detail).toContain('/dev/monshi-no-such-port');
    await e.ok('lines/delete', { id: usb.id });
  });
});

describe('reports', () => {
  test('exact numbers over a hand-made log, per day and hour in local time, CSV and PDF', async () => {
    const dir = tempDir();
    const e = engineAt(dir);
    try {
      await e.ok('contacts/create', { firstName: 'سارا', phones: [{ kind: 'work', number: '021 8888 7777' }] });
      const ins = e.db.prepare(`INSERT INTO calls (line_id, line_name, direction, outcome, started_at, local_day, local_hour,
        duration_s, number_raw, number_key, returned_at, ended_at)
        VALUES (1, 'L', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
      const rows: [string, string, string, number, number, string, string, number | null][] = [
        ['in', 'answered', '2026-11-21', 9, 120, '02188887777', '982188887777', null],
        ['in', 'missed', '2026-11-21', 9, 0, '02188887777', '982188887777', null],
        ['in', 'missed', '2026-11-22', 23, 0, '09350001111', '989350001111', 5],
        ['out', 'answered', '2026-11-22', 0, 60, '02188887777', '982188887777', null],
        ['in', 'ivr', '2026-11-23', 14, 30, '02188887777', '982188887777', null],
        ['in', 'answered', '2026-11-24', 10, 10, '02188887777', '982188887777', null], // outside the range
      ];
      // started_at on the call's local day, as the engine writes it (the report's date bounds rely on it).
      for (const [dir, outcome, day, ...rest] of rows) ins.run(dir, outcome, Date.parse(`${day}T12:00:00Z`), day, ...rest);
      const rep = await e.ok('calls/report', { from: '2026-11-21', to: '2026-11-23' });
      expect(rep.totals).toEqual({ incoming: 4, answered: 1, missed: 2, ivr: 1, outgoing: 1, unreturned: 1, talkSeconds: 210 });
      expect(rep.perDay).toEqual([
        { date: '2026-11-21', incoming: 2, missed: 1, outgoing: 0 },
        { date: '2026-11-22', incoming: 1, missed: 1, outgoing: 1 },
        { date: '2026-11-23', incoming: 1, missed: 0, outgoing: 0 },
      ]);
      expect(rep.perHour[9]).toEqual({ hour: 9, incoming: 2, missed: 1, outgoing: 0 });
      expect(rep.perHour[23]).toEqual({ hour: 23, incoming: 1, missed: 1, outgoing: 0 });
      expect(rep.perHour[0]).toEqual({ hour: 0, incoming: 0, missed: 0, outgoing: 1 });
      expect(rep.topCallers[0]).toMatchObject({ numberKey: '982188887777', numberDisplay: '021 8888 7777', contactName: 'سارا', calls: 3, missed: 1 });
      expect(rep.unreturned.map((c) => c.numberKey)).toEqual(['982188887777']);

      const csv = await e.ok('calls/report-export', { from: '2026-11-21', to: '2026-11-23', format: 'csv' }, 'fa');
      const text = Buffer.from(csv.base64, 'base64').toString('utf8');
      expect(text.startsWith('\uFEFFروز,ورودی,بی‌پاسخ,خروجی\r\n1405/08/30,2,1,0\r\n')).toBe(true);
      expect(text).toContain('021 8888 7777,سارا,3,1');

      const pdf = await e.ok('calls/report-export', { from: '2026-11-21', to: '2026-11-23', format: 'pdf' }, 'en');
      const file = path.join(dir, 'r.pdf');
      writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
      const read = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(read).toContain('Call report');
      expect(read).toContain('Top callers');
      expect(read).toMatch(/Incoming: 4\s+Answered: 1\s+Missed: 2/);
      expect(read).toContain('021 8888 7777');
    } finally {
      await e.close();
      removeDir(dir);
    }
  });

  test('the report and log queries use their indexes', () => {
    const dir = tempDir();
    const e = engineAt(dir);
    try {
      const plan = (sql: string) =>
        e.db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all()
          .map((r) => (r as { detail: string }).detail)
          .join(' | ');
      expect(
        plan(
          "SELECT local_day, local_hour, direction, outcome, COUNT(*), SUM(duration_s) FROM calls WHERE local_day BETWEEN '2026-01-01' AND '2026-02-01' " +
            'GROUP BY 1,2,3,4',
        ),
      ).toMatch(/COVERING INDEX calls_report/);
      expect(plan("SELECT * FROM calls WHERE number_key = '98912' ORDER BY started_at DESC LIMIT 6")).toMatch(/INDEX calls_number/);
      expect(plan('SELECT * FROM calls ORDER BY started_at DESC, id DESC LIMIT 100')).toMatch(/calls_started/);
    } finally {
      void e.close();
      removeDir(dir);
    }
  });

  test('lines and calls survive a restart; a call left open by a crash is closed as missed', async () => {
    const dir = tempDir();
    const e1 = engineAt(dir);
    await e1.ok('lines/create', { name: 'Demo', kind: 'demo', ringsBeforeAnswer: 3 });
    e1.db
      .prepare(
        "INSERT INTO calls (line_id, line_name, direction, outcome, started_at, local_day, local_hour) VALUES (1, 'Demo', 'in', 'ringing', 5, '2026-11-23', " +
          '10)',
      )
      .run();
    await e1.close();
    const e2 = engineAt(dir);
    try {
      expect((await e2.ok('lines/list', {}))[0]).toMatchObject({ name: 'Demo', kind: 'demo', ringsBeforeAnswer: 3 });
      expect((await e2.ok('calls/list', {})).rows[0]).toMatchObject({ outcome: 'missed' });
    } finally {
      await e2.close();
      removeDir(dir);
    }
  });
});
