/**
 * The fax log's printout (the rows as filtered, as a PDF in the user's language) and its report: faxes and
 * pages in and out per day over a range, and per contact (or number, when no contact matches).
 */
import type { ParsedInputOf } from '../../shared/contract/api';
import type { FaxLogReport, FaxLogRow } from '../../shared/contract/fax-log';
import type { FileOut } from '../../shared/contract/io';
import { fileNameDate, formatDate, formatInstant, type Lang } from '../../shared/text/calendar';
import { formatInteger, localDigits } from '../../shared/text/digits';
import { printFaxLog } from '../../print';
import type { EngineContext } from '../kernel/context';
import { message, type MessageKey } from '../i18n/messages';
import type { FaxLogService } from './fax-log.service';

/** The most rows one printout holds (about 40 pages); the printout says when the log was cut there. */
const MAX_PRINTED = 2000;
const MAX_DAYS = 3700;

export function createFaxLogReports(ctx: EngineContext, log: FaxLogService) {
  function cells(r: FaxLogRow, lang: Lang): string[] {
    const m = (k: MessageKey) => message(lang, k);
    const cal = ctx.settings.get().calendar;
    const party = [r.contactName, r.numberDisplay || (r.direction === 'in' ? m('fax_log.withheld') : '')].filter(Boolean).join(' — ');
    const pages = r.direction === 'out' ? `${r.pagesDone}/${r.pagesTotal}` : String(r.pagesDone);
    const speed = r.bps === null ? '—' : `${r.bps}${r.ecm ? ' ECM' : ''}`;
    const secs = Math.round(r.durationMs / 1000);
    const duration = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
    const result = r.ok ? m('fax_log.ok') : r.reason ? message(lang, `fax_log.reason.${r.reason}` as MessageKey) : '';
    return [
      formatInstant(r.startedAt, cal, lang),
      m(r.direction === 'in' ? 'fax_log.in' : 'fax_log.out'),
      party,
      r.remoteId,
      localDigits(pages, lang),
      localDigits(speed, lang),
      localDigits(duration, lang),
      result,
    ];
  }

  return {
    async print(q: Omit<ParsedInputOf<'fax/log'>, 'offset' | 'limit'>, lang: Lang): Promise<FileOut> {
      const { rows, total } = log.list({ ...q, offset: 0, limit: 500 });
      // The list's pages are 500 rows at most: the rest is read page by page up to the printout's limit.
      for (let offset = rows.length; offset < Math.min(total, MAX_PRINTED); offset += 500) rows.push(...log.list({ ...q, offset, limit: 500 }).rows);
      const printed = rows.slice(0, MAX_PRINTED);
      const cal = ctx.settings.get().calendar;
      const m = (k: MessageKey, p: Record<string, string | number> = {}) => message(lang, k, p);
      const range = q.from || q.to ? `${q.from ? formatDate(q.from, cal, lang) : '…'} – ${q.to ? formatDate(q.to, cal, lang) : '…'}` : '';
      const summary = [m('fax_log.count', { count: formatInteger(total, lang) }), range, q.text.trim() ? `«${q.text.trim()}»` : '']
        .concat(total > printed.length ? [m('fax_log.truncated', { count: formatInteger(printed.length, lang) })] : [])
        .filter(Boolean)
        .join('  ·  ');
      const pdf = await printFaxLog(
        printed.map((r) => cells(r, lang)),
        {
          lang,
          calendar: cal,
          title: m('fax_log.title'),
          summary,
          printedAt: ctx.clock(),
          headings: (['col_time', 'col_direction', 'col_party', 'col_remote_id', 'col_pages', 'col_speed', 'col_duration', 'col_result'] as const).map((k) =>
            m(`fax_log.${k}`),
          ),
          pageLabel: m('fax_log.page'),
          none: m('fax_log.none'),
        },
      );
      const day = fileNameDate(ctx.clock().toISOString().slice(0, 10), cal);
      return { fileName: `fax-log-${day}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64'), count: printed.length };
    },

    report(from: string, to: string): FaxLogReport {
      const zero = { faxesIn: 0, pagesIn: 0, faxesOut: 0, pagesOut: 0 };
      const days = new Map<string, FaxLogReport['perDay'][number]>();
      for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) <= to && days.size < MAX_DAYS; d.setUTCDate(d.getUTCDate() + 1)) {
        const key = d.toISOString().slice(0, 10);
        days.set(key, { date: key, ...zero });
      }
      const totals = { ...zero, failed: 0 };
      for (const c of log.repo.perDay(from, to)) {
        const day = days.get(c.day);
        const inbound = c.direction === 'in';
        totals[inbound ? 'faxesIn' : 'faxesOut'] += c.faxes;
        totals[inbound ? 'pagesIn' : 'pagesOut'] += c.pages;
        totals.failed += c.failed;
        if (!day) continue;
        day[inbound ? 'faxesIn' : 'faxesOut'] += c.faxes;
        day[inbound ? 'pagesIn' : 'pagesOut'] += c.pages;
      }
      const who = new Map<string, FaxLogReport['perContact'][number]>();
      for (const c of log.repo.perContact(from, to)) {
        const key = c.contact_id !== null ? `c${c.contact_id}` : `n${c.number}`;
        const row = who.get(key) ?? { contactId: c.contact_id, contactName: c.contact_name, numberDisplay: log.display(c.number), ...zero };
        row[c.direction === 'in' ? 'faxesIn' : 'faxesOut'] += c.faxes;
        row[c.direction === 'in' ? 'pagesIn' : 'pagesOut'] += c.pages;
        who.set(key, row);
      }
      const perContact = [...who.values()].sort((a, b) => b.faxesIn + b.faxesOut - (a.faxesIn + a.faxesOut)).slice(0, 50);
      return { from, to, totals, perDay: [...days.values()], perContact };
    },
  };
}
