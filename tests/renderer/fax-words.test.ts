/**
 * The words for a fax failure are written once (the catalogue's faxLog.reasons) and said the same in the
 * fax log and in the outbox's status of a job, in Persian and in English.
 */
import type { FaxJob } from '../../src/shared/contract/fax-outbox.api';
import { FAX_FAILURES, type FaxLogRow } from '../../src/shared/contract/fax-log';
import { faxJobStatus } from '../../src/renderer/fax/fax-job-status';
import { resultOf } from '../../src/renderer/fax/fax-log-words';
import { makeLocale } from '../../src/renderer/i18n/locale';

const job = (over: Partial<FaxJob>): FaxJob => ({
  id: 1,
  number: '5550100',
  contactId: null,
  recipient: '',
  status: 'failed',
  pages: 2,
  pagesConfirmed: 0,
  lineId: '',
  ecm: true,
  documents: [],
  cover: false,
  notBefore: '2026-12-07T09:00:00.000Z',
  nextAttempt: '2026-12-07T09:05:00.000Z',
  attempts: 5,
  maxAttempts: 5,
  lastReason: 'busy',
  waitingForLine: false,
  lastBps: null,
  remoteId: '',
  createdAt: '2026-12-07T09:00:00.000Z',
  finishedAt: null,
  progress: null,
  ...over,
});

test.each(['fa', 'en'] as const)('every failure reads the same in the fax log and in the outbox (%s)', (lang) => {
  const locale = makeLocale(lang, lang === 'fa' ? 'jalali' : 'gregorian');
  const words = locale.t.faxLog.reasons;
  // The outbox section has no words of its own any more.
  expect('reasons' in locale.t.faxOut).toBe(false);
  for (const reason of FAX_FAILURES) {
    const failed = faxJobStatus(job({ status: 'failed', lastReason: reason }), locale);
    expect(failed).toBe(locale.t.faxOut.status.failed(words[reason]));
    const row = { direction: 'out', ok: false, reason, pagesDone: 0, pagesTotal: 2 } as FaxLogRow;
    expect(resultOf(row, locale)).toContain(words[reason]);
  }
  const retry = faxJobStatus(job({ status: 'queued', lastReason: 'busy' }), locale);
  expect(retry).toContain(words.busy);
});
