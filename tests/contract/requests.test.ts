/**
 * Walks every request of the contract: each says the permission it needs and whether it writes, each
 * has exactly one handler, and the ones that say they only read leave the database as it was — on a
 * real engine and a real SQLite file. The accounts issue adds its rule against these declarations.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { api, type Method } from '../../src/shared/contract/api';
import type { Request } from '../../src/shared/contract/request';
import { openDataFolder } from '../../src/main/engine/engine-start';
import { handlerMaps } from '../../src/main/engine/handlers';
import { createServices } from '../../src/main/engine/services';
import { createGate } from '../../src/main/kernel/gate';
import { joinHandlers } from '../../src/main/kernel/handlers';
import { createLogger } from '../../src/main/kernel/logger';
import { createSettingsService } from '../../src/main/settings/settings.service';
import { manualTimers } from '../helpers/manual-timers';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const methods = Object.keys(api) as Method[];
const contractDir = path.join(__dirname, '../../src/shared/contract');

describe('every request of the contract', () => {
  it('names a permission and whether it writes; a writing request needs a write or admin permission', () => {
    expect(methods.length).toBeGreaterThan(170);
    for (const m of methods) {
      const r: Request = api[m];
      expect({ m, permission: r.permission }).toEqual({ m, permission: expect.stringMatching(/^[a-z-]+(\.[a-z-]+)*\.(read|write|admin)$/) });
      expect({ m, writes: typeof r.writes }).toEqual({ m, writes: 'boolean' });
      if (r.writes) expect({ m, permission: r.permission }).toEqual({ m, permission: expect.stringMatching(/\.(write|admin)$/) });
    }
  });

  it('is declared by exactly one domain file (a name in two maps would be overwritten by the spread)', async () => {
    const seen = new Map<string, string>();
    for (const file of readdirSync(contractDir).filter((f) => f.endsWith('.api.ts'))) {
      const mod: Record<string, unknown> = await import(path.join(contractDir, file));
      for (const map of Object.values(mod)) {
        if (typeof map !== 'object' || map === null) continue;
        for (const name of Object.keys(map)) {
          expect({ name, also: seen.get(name) }).toEqual({ name, also: undefined });
          seen.set(name, file);
        }
      }
    }
    expect([...seen.keys()].sort()).toEqual([...methods].sort());
  });

  it('has exactly one handler among the domains', () => {
    const dir = tempDir();
    const { db } = openDataFolder({ dataDir: dir, lock: false });
    try {
      const settings = createSettingsService(db);
      const ctx = { clock: () => new Date(), settings, emit: () => undefined };
      const log = createLogger(null);
      const services = createServices(db, ctx, settings, { dataDir: dir, timers: manualTimers(0).timers }, log, () => undefined);
      const maps = handlerMaps(services, { version: '0', dataDir: dir, shell: 'headless', testClock: null, alarms: services.alarms });
      const owners = new Map<string, number>();
      for (const map of maps) for (const name of Object.keys(map)) owners.set(name, (owners.get(name) ?? 0) + 1);
      expect(methods.filter((m) => owners.get(m) !== 1)).toEqual([]);
      expect([...owners.keys()].filter((n) => !(n in api))).toEqual([]);
      services.io.dispose();
    } finally {
      db.close();
      removeDir(dir);
    }
  });

  it('the engine refuses to start with a request handled twice, or one missing', () => {
    const h = () => null;
    expect(() => joinHandlers({ 'app/info': h }, { 'app/info': h })).toThrow(/two handlers for 'app\/info'/);
    const log = createLogger(null);
    expect(() => createGate({ api, handlers: { 'app/info': h }, log, fault: () => null })).toThrow(/missing .*settings\/get/);
  });
});

describe('a request that says it only reads', () => {
  let dir: string;
  let e: TestEngine;
  const ids = { contact: 0, file: 0, reminder: 0, cheque: 0, book: 0 };
  beforeAll(async () => {
    dir = tempDir();
    // No alarms or lines: nothing but the requests below may touch the database while it is watched.
    e = testEngine(dir, () => new Date('2025-03-20T08:00:00Z'), { noAlarms: true, noLines: true });
    ids.contact = (await e.ok('contacts/create', { firstName: 'Sara', lastName: 'Nouri', phones: [{ kind: 'mobile', number: '09121111111' }] })).id;
    ids.file = (await e.ok('people/create', { kind: 'staff', contactId: ids.contact, contact: null })).id;
    ids.reminder = (await e.ok('reminders/create', { subject: 'Daily', date: '2025-03-20', time: '09:00', repeat: { kind: 'daily' } })).id;
    const cheque = { direction: 'received', bankCode: 'mellat', amount: 12_500_000, partyName: 'Maryam', dueDate: '2025-04-10' };
    ids.cheque = (await e.ok('cheques/create', cheque)).id;
  });
  afterAll(async () => {
    await e.close();
    removeDir(dir);
  });

  const range = { from: '2025-03-01', to: '2025-03-31' };
  const month = { year: 1404, month: 1 };
  /** Inputs beyond `{}`; records created above. */
  const inputs: Partial<Record<Method, () => object>> = {
    'contacts/get': () => ({ id: ids.contact }),
    'contacts/find-by-phone': () => ({ number: '09121111111' }),
    'io/import-preview': () => ({ base64: Buffer.from('name,phone\nAli,09120000000\n').toString('base64'), fileName: 'a.csv' }),
    'io/export': () => ({ format: 'csv' }),
    'print/contacts': () => ({ scope: 'list' }),
    'calls/report': () => range,
    'calls/report-export': () => ({ ...range, format: 'csv' }),
    'calls/caller-card': () => ({ number: '09121111111' }),
    // A port that does not exist: the probe answers that no modem is there.
    'lines/probe': () => ({ path: '/dev/monshi-no-such-port' }),
    // No call yet: the IVR did not answer it (null).
    'ivr/run': () => ({ callId: 1 }),
    'cheques/get': () => ({ id: ids.cheque }),
    'cheques/export': () => ({ format: 'csv' }),
    'reminders/get': () => ({ id: ids.reminder }),
    'reminders/occurrences': () => range,
    'reminders/print': () => range,
    'people/search': () => ({ kind: 'staff' }),
    'people/get': () => ({ id: ids.file }),
    'people/of-contact': () => ({ contactId: ids.contact }),
    'people/next-number': () => ({ kind: 'customer' }),
    'people/photo': () => ({ id: ids.file }),
    'people/print-application': () => ({ id: null }),
    'attendance/records': () => range,
    'attendance/absences': () => range,
    'attendance/report': () => month,
    'attendance/report-export': () => ({ ...month, format: 'xlsx' }),
    'holidays/list': () => range,
    'fax/log-report': () => range,
  };
  /**
   * These need a record this test does not make (a call, a recording, a voicemail, a prompt, a cheque
   * book, an image, a document, a template, a user font): they are still invoked, answer 'not_found'
   * (or 'validation'), and must write nothing on the way.
   */
  const needsRecord: Partial<Record<Method, object>> = {
    'followups/of-call': { callId: 1 },
    'calls/get': { id: 1 },
    'backup/inspect': { file: '/no/such/backup.monshi-backup' },
    'calls/notes': { callId: 1 },
    'lines/call-settings': { lineId: 1 },
    'prompts/audio': { id: 1 },
    'voicemail/audio': { id: 1 },
    'recordings/get': { id: 1 },
    'recordings/audio': { id: 1 },
    'recordings/file': { id: 1 },
    'cheques/image': { id: 1 },
    'cheque-books/leaves': { bookId: 1 },
    'cheque-templates/get': { id: 1 },
    'cheque-templates/font-file': { key: 'user:0123456789abcdef' },
    'cheque-templates/print': { templateId: 1, items: [{}] },
    'cheque-templates/preview': { templateId: 1 },
    'cheque-templates/test-print': { templateId: 1 },
    'people/document': { id: 1 },
    'fax/document-page': { id: 1 },
    'fax/document-tiff': { id: 1 },
    'fax/document-pdf': { id: 1 },
    'fax/job': { id: 1 },
    'fax/job-page': { id: 1 },
    'fax/log-entry': { id: 1 },
    'fax/log-page': { id: 1 },
    'fax/log-tiff': { id: 1 },
  };

  /** What this connection changed so far, and the bytes of the database and its write-ahead log. */
  const state = () => {
    const changes = e.db.prepare('select total_changes()').pluck().get();
    const hash = createHash('sha256');
    for (const f of ['monshi.sqlite', 'monshi.sqlite-wal']) if (existsSync(path.join(dir, f))) hash.update(readFileSync(path.join(dir, f)));
    return { changes, file: hash.digest('hex') };
  };

  const reads = methods.filter((m) => !api[m].writes);

  it.each(reads)('%s leaves the database unchanged', async (m) => {
    const before = state();
    const r = await e.invoke(m, needsRecord[m] ?? inputs[m]?.() ?? {}, 'en');
    if (needsRecord[m]) expect({ m, code: r.ok ? 'ok' : r.error.code }).toEqual({ m, code: expect.stringMatching(/^(not_found|validation)$/) });
    else expect({ m, error: r.ok ? null : r.error }).toEqual({ m, error: null });
    expect(state()).toEqual(before);
  });
});
