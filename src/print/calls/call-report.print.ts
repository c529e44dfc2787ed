/**
 * The call report as PDF: totals, a bar chart of calls per day (incoming answered, missed, outgoing
 * stacked), one per hour of the day, the top callers and the missed calls nobody returned. Persian
 * pages run right to left — the time axis too — with Persian digits and Jalali dates.
 */
import type { CallReport } from '../../shared/contract/calls';
import { formatDate, formatInstant, type CalendarSystem, type Lang } from '../../shared/text/calendar';
import { formatInteger, localDigits } from '../../shared/text/digits';
import { PrintDocument, type TextLook } from '../pdf/print-document';
import { PageFlow } from '../pdf/page-flow';
import { MUTED, RULE_COLOR, reportFrame } from '../pdf/report-frame';

export type CallReportLabels = {
  incoming: string;
  answered: string;
  missed: string;
  outgoing: string;
  unreturned: string;
  talkTime: string;
  perDay: string;
  perHour: string;
  topCallers: string;
  number: string;
  contact: string;
  calls: string;
  unreturnedList: string;
  time: string;
  none: string;
  page: string;
};

export type CallReportPrintOptions = { lang: Lang; calendar: CalendarSystem; title: string; printedAt: Date; labels: CallReportLabels; assetsDir?: string };

const COLORS = { answered: '#3b82c4', missed: '#d64545', outgoing: '#4f9d69' };
const H2: TextLook = { size: 10.5, weight: 'bold' };
const BODY: TextLook = { size: 8.5 };
const SMALL: TextLook = { size: 7, color: MUTED };

export async function printCallReport(report: CallReport, opts: CallReportPrintOptions): Promise<Buffer> {
  const doc = await PrintDocument.create({ lang: opts.lang, title: opts.title, assetsDir: opts.assetsDir });
  const { box } = doc;
  const L = opts.labels;
  const n = (x: number) => formatInteger(x, opts.lang);
  const frame = reportFrame(doc, {
    title: opts.title,
    note:
      `${formatDate(report.from, opts.calendar, opts.lang)} – ${formatDate(report.to, opts.calendar, opts.lang)}  ·  ` +
      `${formatInstant(opts.printedAt.toISOString(), opts.calendar, opts.lang)}`,
    footer: (p, ps) => L.page.replace('{page}', localDigits(p, opts.lang)).replace('{pages}', localDigits(ps, opts.lang)),
  });
  const flow = new PageFlow(frame);
  const text = (t: string, look: TextLook, x = box.left, width = box.width) =>
    flow.push({ kind: 'text', text: t, x, y: flow.y, width, look: { align: 'start', ...look } });

  // Totals, one line.
  const t = report.totals;
  const minutes = Math.round(t.talkSeconds / 60);
  text(
    `${L.incoming}: ${n(t.incoming)}   ${L.answered}: ${n(t.answered)}   ${L.missed}: ${n(t.missed)}   ${L.unreturned}: ${n(t.unreturned)}   ${L.outgoing}: ` +
      `${n(t.outgoing)}   ${L.talkTime}: ${n(minutes)}′`,
    BODY,
  );
  flow.y += doc.lineHeight(BODY.size) + 8;

  const chart = (title: string, bars: { label: string; answered: number; missed: number; outgoing: number }[]) => {
    const height = 110;
    flow.need(doc.lineHeight(H2.size) + height + 24);
    text(title, H2);
    flow.y += doc.lineHeight(H2.size) + 4;
    const max = Math.max(1, ...bars.map((b) => b.answered + b.missed + b.outgoing));
    const slot = box.width / Math.max(1, bars.length);
    const barW = Math.max(1, slot * 0.7);
    const base = flow.y + height;
    flow.push({ kind: 'line', x1: box.left, y1: base, x2: box.right, y2: base, color: RULE_COLOR, width: 0.6 });
    const every = Math.ceil(bars.length / 16);
    bars.forEach((b, i) => {
      // Time runs from the reading side: right to left in Persian.
      const x = opts.lang === 'fa' ? box.right - (i + 1) * slot + (slot - barW) / 2 : box.left + i * slot + (slot - barW) / 2;
      let top = base;
      for (const [k, v] of [
        ['answered', b.answered],
        ['missed', b.missed],
        ['outgoing', b.outgoing],
      ] as const) {
        if (v <= 0) continue;
        const h = (v / max) * height;
        top -= h;
        flow.push({ kind: 'rect', x, y: top, w: barW, h, color: COLORS[k] });
      }
      if (i % every === 0) flow.push({ kind: 'text', text: b.label, x: x - slot, y: base + 2, width: slot * 2 + barW, look: { ...SMALL, align: 'center' } });
    });
    flow.push({ kind: 'text', text: n(max), x: box.left, y: flow.y - 2, width: box.width, look: { ...SMALL, align: 'end' } });
    flow.y = base + doc.lineHeight(SMALL.size) + 10;
  };
  chart(
    L.perDay,
    report.perDay.map((d) => ({
      label: formatDate(d.date, opts.calendar, opts.lang).slice(5),
      answered: d.incoming - d.missed,
      missed: d.missed,
      outgoing: d.outgoing,
    })),
  );
  chart(
    L.perHour,
    report.perHour.map((h) => ({ label: localDigits(h.hour, opts.lang), answered: h.incoming - h.missed, missed: h.missed, outgoing: h.outgoing })),
  );

  const table = (title: string, head: string[], weights: number[], rows: string[][]) => {
    flow.need(doc.lineHeight(H2.size) * 3);
    text(title, H2);
    flow.y += doc.lineHeight(H2.size) + 2;
    const cols = doc.columns(box.left, box.width, weights);
    const row = (cells: string[], look: TextLook) => {
      flow.need(doc.lineHeight(look.size) + 2);
      cells.forEach((c, i) => {
        const col = cols[i]!;
        flow.push({
          kind: 'text',
          text: doc.truncate(c, col.width - 6, look),
          x: col.x + 3,
          y: flow.y,
          width: col.width - 6,
          look: { ...look, align: 'start', dir: 'auto' },
        });
      });
      flow.y += doc.lineHeight(look.size) + 2;
    };
    row(head, { size: 8.5, weight: 'bold' });
    flow.push({ kind: 'line', x1: box.left, y1: flow.y - 1, x2: box.right, y2: flow.y - 1, color: RULE_COLOR, width: 0.5 });
    if (rows.length === 0) row([L.none], BODY);
    for (const r of rows) row(r, BODY);
    flow.y += 8;
  };
  table(
    L.topCallers,
    [L.number, L.contact, L.calls, L.missed],
    [30, 40, 15, 15],
    report.topCallers.map((c) => [c.numberDisplay, c.contactName ?? '', n(c.calls), n(c.missed)]),
  );
  table(
    L.unreturnedList,
    [L.time, L.number, L.contact],
    [30, 30, 40],
    report.unreturned.map((c) => [formatInstant(c.startedAt, opts.calendar, opts.lang), c.numberDisplay, c.contactName ?? c.callerName]),
  );

  doc.render(flow.pages, frame.ops);
  return doc.end();
}
