/** A job's status in words, as the outbox and the job's page show it: what it waits for, where it is, why it failed. */
import type { FaxJob } from '../../shared/contract/fax-outbox.api';
import type { Locale } from '../i18n/locale';

export function faxJobStatus(job: FaxJob, { t, num, instant }: Pick<Locale, 't' | 'num' | 'instant'>): string {
  const s = t.faxOut.status;
  const reason = job.lastReason ? t.faxLog.reasons[job.lastReason] : '';
  switch (job.status) {
    case 'sending': {
      const p = job.progress;
      if (!p || p.stage === 'dialing') return s.dialing;
      if (p.stage === 'page' && p.page > 0) return s.page(num(p.page), num(p.pages ?? job.pages), p.bps ? num(p.bps) : '');
      return p.stage === 'page' ? s.handshake : s[p.stage];
    }
    case 'scheduled':
      return s.scheduled(instant(job.notBefore));
    case 'queued':
      if (job.waitingForLine) return s.waitingLine;
      if (job.lastReason && job.lastReason !== 'line-unavailable') return s.retryAt(instant(job.nextAttempt), reason);
      return s.queued;
    case 'sent':
      return s.sent(num(job.pages));
    case 'failed':
      return s.failed(reason || t.faxLog.reasons['modem-error']);
    case 'cancelled':
      return s.cancelled;
  }
}
