/**
 * The import reads the picked file in a worker thread (import-reader.ts): for every fixture file —
 * vCards of many phones and programs, CSVs, legacy code pages, broken files — the thread must hand
 * over exactly what readImportFile returns in the engine's own thread (records, order, format,
 * encoding, bad lines) or throw the same error with the same line; and a large file arrives in
 * several chunks, each after the file's head, in file order.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readInWorker, type FileHead } from '../../src/main/contacts/io/import-reader';
import { readImportFile, type ReadFile } from '../../src/main/contacts/io/read-file';
import { ImportParseError, type ImportedRecord } from '../../src/main/contacts/io/record';
import { contacts, vcard } from '../../bench/generate';
import { removeDir, tempDir, testEngine } from '../helpers/engine';
import { fixtureBytes } from './io-helpers';

type Outcome = { file: ReadFile | null } | { error: { line: number; reason: string; message: string; column?: string } };

function inThread(name: string, bytes: Buffer): Outcome {
  try {
    return { file: readImportFile(name, bytes) };
  } catch (e) {
    if (!(e instanceof ImportParseError)) throw e;
    return { error: { line: e.line, reason: e.reason, message: e.message, column: e.column } };
  }
}

async function inWorker(name: string, bytes: Buffer, chunks: number[] = []): Promise<Outcome> {
  const records: ImportedRecord[] = [];
  try {
    const head = await readInWorker(
      name,
      bytes,
      'auto',
      (h: FileHead, chunk) => {
        expect(h.encoding).not.toBe('');
        chunks.push(chunk.length);
        records.push(...chunk);
      },
      new Set(),
    );
    return { file: head && { ...head, records } };
  } catch (e) {
    if (!(e instanceof ImportParseError)) throw e;
    return { error: { line: e.line, reason: e.reason, message: e.message, column: e.column } };
  }
}

const fixtures = readdirSync(path.join(__dirname, 'fixtures')).sort();

describe('the import reader thread gives what the engine thread reads', () => {
  it('knows every fixture, broken ones included', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    expect(fixtures.filter((f) => f.startsWith('broken-')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(fixtures)('%s', async (name) => {
    const bytes = fixtureBytes(name);
    const expected = inThread(name, bytes);
    expect(await inWorker(name, bytes)).toEqual(expected);
  });

  it('a file with no contact data, one that is no contact file, and an unknown format', async () => {
    const cases: [string, Buffer][] = [
      ['empty.vcf', Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n')],
      ['notes.vcf', Buffer.from('hello\r\n')],
      ['sheet.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])],
      ['tiny.csv', Buffer.from('Name,Phone\nAli,0912\n')],
    ];
    for (const [name, bytes] of cases) {
      const expected = inThread(name, bytes);
      expect({ name, got: await inWorker(name, bytes) }).toEqual({ name, got: expected });
    }
  });

  it('a 2,500-card file comes in chunks, in order, with the same records', async () => {
    const text = [...contacts(2_500, 5)].map(vcard).join('');
    const bytes = Buffer.from(text, 'utf8');
    const expected = inThread('big.vcf', bytes); // first: the reader takes the bytes over
    const chunks: number[] = [];
    const got = await inWorker('big.vcf', bytes, chunks);
    expect(chunks.length).toBeGreaterThan(1);
    expect(got).toEqual(expected);
    expect('file' in got && got.file?.records.length).toBe(2_500);
  });

  it('a card broken after the first chunks fails the read with its line, and nothing else is passed on after it', async () => {
    const good = [...contacts(1_500, 6)].map(vcard).join('');
    const bytes = Buffer.from(`${good}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\n`, 'utf8');
    const expected = inThread('broken.vcf', bytes);
    expect(expected).toMatchObject({ error: { reason: 'unterminated' } });
    expect(await inWorker('broken.vcf', bytes)).toEqual(expected);
  });

  it('what the receiver throws stops the reader and is the answer', async () => {
    const bytes = Buffer.from([...contacts(3_000, 7)].map(vcard).join(''), 'utf8');
    let calls = 0;
    const running = new Set<() => void>();
    const read = readInWorker(
      'big.vcf',
      bytes,
      'auto',
      () => {
        calls++;
        throw new Error('receiver failed');
      },
      running,
    );
    expect(running.size).toBe(1);
    await expect(read).rejects.toThrow('receiver failed');
    expect(calls).toBe(1);
    expect(running.size).toBe(0);
  });

  it('a stopped reader (the engine closes) rejects its read', async () => {
    const bytes = Buffer.from([...contacts(20_000, 8)].map(vcard).join(''), 'utf8');
    const running = new Set<() => void>();
    const read = readInWorker('big.vcf', bytes, 'auto', () => {}, running);
    for (const stop of running) stop();
    await expect(read).rejects.toThrow(/stopped/);
  });
});

describe('the engine while a large file is read', () => {
  it('answers another request before the preview of 30,000 cards is done, and the preview is whole', async () => {
    const dir = tempDir();
    const e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
    try {
      const base64 = Buffer.from([...contacts(30_000, 9)].map(vcard).join(''), 'utf8').toString('base64');
      const order: string[] = [];
      const preview = e.ok('io/import-preview', { fileName: 'big.vcf', base64 }).then((p) => (order.push('preview'), p));
      const search = e.ok('contacts/search', { text: 'علی' }).then((r) => (order.push('search'), r));
      const [p, r] = await Promise.all([preview, search]);
      expect(order).toEqual(['search', 'preview']);
      expect(r.total).toBe(0);
      expect(p.total).toBe(30_000);
    } finally {
      await e.close();
      removeDir(dir);
    }
  }, 60_000);
});
