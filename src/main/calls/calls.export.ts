/** The call report as CSV (UTF-8 with BOM added by the caller, so Excel reads Persian). */
import type { CallReport } from '../../shared/contract/calls';
import { formatDate, formatInstant, type CalendarSystem, type Lang } from '../../shared/text/calendar';

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const HEAD = {
  fa: {
    day: 'روز',
    incoming: 'ورودی',
    missed: 'بی‌پاسخ',
    outgoing: 'خروجی',
    top: 'بیشترین تماس‌گیرندگان',
    number: 'شماره',
    contact: 'مخاطب',
    calls: 'تماس‌ها',
    unreturned: 'بی‌پاسخ‌های پیگیری‌نشده',
    time: 'زمان',
  },
  en: {
    day: 'Day',
    incoming: 'Incoming',
    missed: 'Missed',
    outgoing: 'Outgoing',
    top: 'Top callers',
    number: 'Number',
    contact: 'Contact',
    calls: 'Calls',
    unreturned: 'Missed, not returned',
    time: 'Time',
  },
};

export function callCsv(r: CallReport, lang: Lang, cal: CalendarSystem): string {
  const h = HEAD[lang];
  // Digits stay ASCII in CSV so spreadsheets read them as numbers; dates follow the calendar.
  const date = (iso: string) => formatDate(iso, cal, 'en');
  const rows: (string | number)[][] = [[h.day, h.incoming, h.missed, h.outgoing]];
  for (const d of r.perDay) rows.push([date(d.date), d.incoming, d.missed, d.outgoing]);
  rows.push([], [h.top], [h.number, h.contact, h.calls, h.missed]);
  for (const c of r.topCallers) rows.push([c.numberDisplay, c.contactName ?? '', c.calls, c.missed]);
  rows.push([], [h.unreturned], [h.time, h.number, h.contact]);
  for (const c of r.unreturned) rows.push([formatInstant(c.startedAt, cal, 'en'), c.numberDisplay, c.contactName ?? c.callerName]);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
