/**
 * Manual performance check, skipped unless MONSHI_PERF=1 (timings on shared CI machines are noise):
 *   MONSHI_PERF=1 npx jest tests/io/parse-100k --verbose
 * Parses 100,000 generated cards (the benchmark's own generator) and a 100,000-row CSV, and prints
 * the time of each. Budget: the whole 100k import must take ≤ 10 s including the database, so
 * parsing should stay well under 3 s.
 */
import { performance } from 'node:perf_hooks';
import { parseCsv, writeCsv } from '../../src/main/contacts/io/csv';
import { decodeText } from '../../src/main/contacts/io/detect';
import { parseVCards } from '../../src/main/contacts/io/vcard.parse';
import { writeVCards } from '../../src/main/contacts/io/vcard.write';
import { contacts, vcard } from '../../bench/generate';
import { stored } from './io-helpers';

const run = process.env.MONSHI_PERF === '1' ? it : it.skip;
const N = 100_000;

run('parses 100,000 cards and 100,000 CSV rows', () => {
  const parts: string[] = [];
  for (const c of contacts(N, 42)) parts.push(vcard(c));
  const bytes = Buffer.from(parts.join(''), 'utf8');

  let t = performance.now();
  const records = parseVCards(decodeText(bytes));
  const vcardMs = performance.now() - t;
  expect(records).toHaveLength(N);

  const asContacts = records.map((r, i) => stored(i + 1, r.contact));
  t = performance.now();
  const csv = writeCsv(asContacts, () => '', []);
  const csvWriteMs = performance.now() - t;
  t = performance.now();
  expect(parseCsv(decodeText(Buffer.from(csv, 'utf8')))).toHaveLength(N);
  const csvMs = performance.now() - t;
  t = performance.now();
  const v3 = writeVCards(asContacts, '3.0', () => '');
  const vcardWriteMs = performance.now() - t;

  console.log(
    `${N} cards, ${(bytes.length / 1e6).toFixed(1)} MB: decode+parse vCard ${vcardMs.toFixed(0)} ms, write vCard ${vcardWriteMs.toFixed(0)} ms ` +
      `(${(v3.length / 1e6).toFixed(1)} M chars); ` +
      `write CSV ${csvWriteMs.toFixed(0)} ms, decode+parse CSV ${csvMs.toFixed(0)} ms`,
  );
});
