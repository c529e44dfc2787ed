/**
 * Search, reports and report files of the cheque book: the list with its totals per type, totals by
 * status and by month of the due date (Jalali months with the Jalali calendar), and the same as PDF,
 * CSV (UTF-8 with BOM so Excel reads Persian) or Excel (.xlsx, right-to-left sheets in Persian).
 */
import { bankName } from '../../shared/contract/banks';
import {
  CHEQUE_STATUSES,
  type CHEQUE_SORTS,
  type ChequeDirection,
  type ChequeList,
  type ChequeReport,
  type ChequeRow,
  type ChequeStatus,
} from '../../shared/contract/cheques';
import type { FileOut } from '../../shared/contract/io';
import {
  fileNameDate,
  formatDate,
  formatInstant,
  isoDateOf,
  isoToParts,
  JALALI_MONTHS_EN,
  JALALI_MONTHS_FA,
  type CalendarSystem,
} from '../../shared/text/calendar';
import { formatInteger, localDigits } from '../../shared/text/digits';
import { printChequeReport, type ReportTable } from '../../print/cheque-book/cheque-report.print';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { message, type Lang, type MessageKey } from '../i18n/messages';
import { directionLabel, statusLabel } from './cheque-labels';
import { createChequeQueryRepo, type ChequeFilterParsed, type ListRowDb } from './cheque-query.repo';
import { toChequeXlsx } from './cheques.xlsx';

export type ChequeReportsService = ReturnType<typeof createChequeReportsService>;

/** More rows than this make a PDF of hundreds of pages; the list is cut and says so. */
const PDF_MAX_ROWS = 5000;

export function toRow(r: ListRowDb): ChequeRow {
  return {
    id: r.id,
    direction: r.direction,
    guarantee: r.guarantee === 1,
    status: r.status,
    sayadId: r.sayad_id,
    series: r.series,
    serial: r.serial,
    bankCode: r.bank_code as ChequeRow['bankCode'],
    bankName: r.bank_name,
    amount: r.amount,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    partyName: r.party_name,
    partyId: r.party_id,
    contactId: r.contact_id,
    purpose: r.purpose,
    registeredAt: r.created_at,
    imageCount: r.image_count,
  };
}

function checkFilter(f: ChequeFilterParsed): void {
  if (f.amountMin !== null && f.amountMax !== null && f.amountMin > f.amountMax)
    throw new AppError('validation', 'validation.amount_range', { field: 'amountMax' }, 'amountMax');
  if (f.dueFrom && f.dueTo && f.dueTo < f.dueFrom) throw new AppError('validation', 'validation.range_reversed', { field: 'dueTo' }, 'dueTo');
  if (f.registeredFrom && f.registeredTo && f.registeredTo < f.registeredFrom) {
    throw new AppError('validation', 'validation.range_reversed', { field: 'registeredTo' }, 'registeredTo');
  }
}

/** 'YYYY-MM' of an ISO date in the calendar. */
export function monthOf(iso: string, cal: CalendarSystem): string {
  const p = isoToParts(iso, cal);
  return `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}`;
}

export function monthName(month: string, cal: CalendarSystem, lang: Lang, digits: Lang = lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const name =
    cal === 'jalali'
      ? (lang === 'fa' ? JALALI_MONTHS_FA : JALALI_MONTHS_EN)[m - 1]
      : new Date(Date.UTC(y, m - 1, 1)).toLocaleString(lang === 'fa' ? 'fa-IR-u-ca-gregory' : 'en-GB', { month: 'long', timeZone: 'UTC' });
  return `${name} ${localDigits(y, digits)}`;
}

export function createChequeReportsService(db: Db, ctx: EngineContext) {
  const q = createChequeQueryRepo(db);
  const calendar = () => ctx.settings.get().calendar;

  function report(f: ChequeFilterParsed): ChequeReport {
    checkFilter(f);
    const cal = calendar();
    const order = (d: ChequeDirection, s: ChequeStatus) => (d === 'received' ? 0 : 100) + CHEQUE_STATUSES.indexOf(s);
    const byStatus = q.byStatus(f).sort((a, b) => order(a.direction, a.status) - order(b.direction, b.status));
    const months = new Map<string, ChequeReport['byMonth'][number]>();
    for (const r of q.byDueDate(f)) {
      const month = r.due_date === null ? null : monthOf(r.due_date, cal);
      const key = `${month ?? '~'}|${r.direction}`;
      const m = months.get(key) ?? { month, direction: r.direction, count: 0, amount: 0 };
      m.count += r.count;
      m.amount += r.amount;
      months.set(key, m);
    }
    // In month order, cheques without a due date last; received before paid within a month.
    const key = (m: ChequeReport['byMonth'][number]) => `${m.month ?? '9999-99'}|${m.direction === 'received' ? 0 : 1}`;
    const byMonth = [...months.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    return { totals: q.totals(f), byStatus, byMonth, calendar: cal };
  }

  /** Everything a report file shows, as text cells in the language (digits local for PDF, ASCII for CSV/Excel). */
  function tables(f: ChequeFilterParsed, lang: Lang, digits: Lang, maxRows: number) {
    const cal = calendar();
    const m = (k: MessageKey, p: Record<string, string | number> = {}) => message(lang, k, p);
    const rep = report(f);
    const rows = q.list(f, 'due', maxRows + 1, 0);
    const cut = rows.length > maxRows;
    const date = (iso: string | null) => (iso ? formatDate(iso, cal, digits) : '');
    const type = (d: ChequeDirection, g: boolean) => directionLabel(d, lang) + (g ? ` (${m('cheques.guarantee')})` : '');
    const n = (x: number) => formatInteger(x, digits);
    const list = rows.slice(0, maxRows).map((r) => ({
      due: date(r.due_date),
      type: type(r.direction, r.guarantee === 1),
      party: r.party_name,
      partyId: localDigits(r.party_id, digits),
      bank: bankName(r.bank_code, r.bank_name, lang),
      branch: r.branch,
      account: localDigits(r.account, digits),
      serial: localDigits([r.series, r.serial].filter(Boolean).join('/'), digits),
      sayad: localDigits(r.sayad_id, digits),
      amount: r.amount,
      status: statusLabel(r.direction, r.status, lang),
      purpose: r.purpose,
      registered: date(r.created_on),
      issue: date(r.issue_date),
    }));
    return {
      rep,
      list,
      cut,
      n,
      type,
      status: rep.byStatus.map((s) => ({
        type: directionLabel(s.direction, lang),
        status: statusLabel(s.direction, s.status, lang),
        count: s.count,
        amount: s.amount,
      })),
      month: rep.byMonth.map((x) => ({
        month: x.month ? monthName(x.month, cal, lang, digits) : m('cheques.no_due'),
        type: directionLabel(x.direction, lang),
        count: x.count,
        amount: x.amount,
      })),
      totals: rep.totals.map(
        (t) =>
          `${directionLabel(t.direction, lang)}: ${m(t.count === 1 ? 'cheques.count_one' : 'cheques.count', { count: n(t.count) })} — ${n(t.amount)} ` +
          `${lang === 'fa' ? 'ریال' : 'rials'}`,
      ),
    };
  }

  async function pdf(f: ChequeFilterParsed, title: string, lang: Lang): Promise<Buffer> {
    const m = (k: MessageKey) => message(lang, k);
    const t = tables(f, lang, lang, PDF_MAX_ROWS);
    const list: ReportTable = {
      title: m('cheques.list'),
      // The amount last: aligned to the end side, it never runs into the status beside it.
      head: [
        m('cheques.col_due'),
        m('cheques.col_type'),
        m('cheques.col_party'),
        m('cheques.col_bank'),
        m('cheques.col_serial'),
        m('cheques.col_status'),
        m('cheques.col_amount'),
      ],
      weights: [11, 10, 22, 16, 13, 13, 15],
      numeric: [false, false, false, false, false, false, true],
      rows: t.list.map((r) => [r.due, r.type, r.party, r.bank, r.serial, r.status, t.n(r.amount)]),
      empty: m('cheques.none'),
    };
    const table = (titleKey: MessageKey, first: string, xs: { key: string; type: string; count: number; amount: number }[]): ReportTable => ({
      title: m(titleKey),
      head: [first, m('cheques.col_type'), m('cheques.col_count'), m('cheques.col_amount')],
      weights: [30, 20, 15, 35],
      numeric: [false, false, true, true],
      rows: xs.map((x) => [x.key, x.type, t.n(x.count), t.n(x.amount)]),
      empty: m('cheques.none'),
    });
    return printChequeReport({
      lang,
      title,
      note: formatInstant(ctx.clock().toISOString(), calendar(), lang),
      summary: [...t.totals, ...(t.cut ? [message(lang, 'reminders.truncated', { count: formatInteger(PDF_MAX_ROWS, lang) })] : [])],
      tables: [
        table(
          'cheques.by_status',
          m('cheques.col_status'),
          t.status.map((s) => ({ key: s.status, ...s })),
        ),
        table(
          'cheques.by_month',
          m('cheques.col_month'),
          t.month.map((s) => ({ key: s.month, ...s })),
        ),
        list,
      ],
      page: message(lang, 'cheques.page', { page: '{page}', pages: '{pages}' }),
    });
  }

  function csv(f: ChequeFilterParsed, lang: Lang): string {
    const m = (k: MessageKey) => message(lang, k);
    const t = tables(f, lang, 'en', 1_000_000);
    const cell = (v: string | number) => {
      const s = String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const out: (string | number)[][] = [
      [
        m('cheques.col_due'),
        m('cheques.col_type'),
        m('cheques.col_party'),
        m('cheques.col_party_id'),
        m('cheques.col_bank'),
        m('cheques.col_branch'),
        m('cheques.col_account'),
        m('cheques.col_serial'),
        m('cheques.col_sayad'),
        m('cheques.col_amount'),
        m('cheques.col_status'),
        m('cheques.col_purpose'),
        m('cheques.col_issue'),
        m('cheques.col_registered'),
      ],
    ];
    for (const r of t.list)
      out.push([r.due, r.type, r.party, r.partyId, r.bank, r.branch, r.account, r.serial, r.sayad, r.amount, r.status, r.purpose, r.issue, r.registered]);
    out.push([], [m('cheques.by_status')], [m('cheques.col_status'), m('cheques.col_type'), m('cheques.col_count'), m('cheques.col_amount')]);
    for (const s of t.status) out.push([s.status, s.type, s.count, s.amount]);
    out.push([], [m('cheques.by_month')], [m('cheques.col_month'), m('cheques.col_type'), m('cheques.col_count'), m('cheques.col_amount')]);
    for (const s of t.month) out.push([s.month, s.type, s.count, s.amount]);
    return out.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
  }

  return {
    search(f: ChequeFilterParsed & { sort: (typeof CHEQUE_SORTS)[number]; limit: number; offset: number }): ChequeList {
      checkFilter(f);
      const totals = q.totals(f);
      return { items: q.list(f, f.sort, f.limit, f.offset).map(toRow), total: totals.reduce((a, t) => a + t.count, 0), totals };
    },
    report,
    async export(f: ChequeFilterParsed & { format: 'pdf' | 'csv' | 'xlsx'; title: string }, lang: Lang): Promise<FileOut> {
      const title = f.title.trim() || message(lang, 'cheques.report_title');
      const name = `cheques-${fileNameDate(isoDateOf(ctx.clock()), ctx.settings.get().calendar)}`;
      const count = report(f).totals.reduce((a, t) => a + t.count, 0);
      if (f.format === 'pdf') {
        return { fileName: `${name}.pdf`, mime: 'application/pdf', base64: (await pdf(f, title, lang)).toString('base64'), count };
      }
      if (f.format === 'csv') {
        return { fileName: `${name}.csv`, mime: 'text/csv', base64: Buffer.from('\uFEFF' + csv(f, lang), 'utf8').toString('base64'), count };
      }
      const m = (k: MessageKey) => message(lang, k);
      const t = tables(f, lang, 'en', 1_000_000);
      const xlsx = await toChequeXlsx({
        lang,
        title,
        sheets: {
          list: {
            name: m('cheques.sheet_list'),
            head: [
              m('cheques.col_due'),
              m('cheques.col_type'),
              m('cheques.col_party'),
              m('cheques.col_party_id'),
              m('cheques.col_bank'),
              m('cheques.col_branch'),
              m('cheques.col_account'),
              m('cheques.col_serial'),
              m('cheques.col_sayad'),
              m('cheques.col_amount'),
              m('cheques.col_status'),
              m('cheques.col_purpose'),
              m('cheques.col_issue'),
              m('cheques.col_registered'),
            ],
            rows: t.list.map((r) => [
              r.due,
              r.type,
              r.party,
              r.partyId,
              r.bank,
              r.branch,
              r.account,
              r.serial,
              r.sayad,
              r.amount,
              r.status,
              r.purpose,
              r.issue,
              r.registered,
            ]),
            amountCols: [9],
          },
          status: {
            name: m('cheques.sheet_status'),
            head: [m('cheques.col_status'), m('cheques.col_type'), m('cheques.col_count'), m('cheques.col_amount')],
            rows: t.status.map((s) => [s.status, s.type, s.count, s.amount]),
            amountCols: [3],
          },
          month: {
            name: m('cheques.sheet_month'),
            head: [m('cheques.col_month'), m('cheques.col_type'), m('cheques.col_count'), m('cheques.col_amount')],
            rows: t.month.map((s) => [s.month, s.type, s.count, s.amount]),
            amountCols: [3],
          },
        },
      });
      return { fileName: `${name}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: xlsx.toString('base64'), count };
    },
  };
}
