/**
 * The reminder book as PDF: occurrences grouped under a heading per day, either one line each
 * (time, subject, group or kind, place) or with their full description (participants and the note,
 * wrapped). Persian pages run right to left with Persian digits; dates follow the chosen calendar.
 */
import type { Occurrence } from '../../shared/contract/reminders';
import { formatDate, formatDateLong, formatInstant, type CalendarSystem, type Lang } from '../../shared/text/calendar';
import { formatInteger, localDigits } from '../../shared/text/digits';
import { PrintDocument, type TextLook } from '../pdf/print-document';
import { PageFlow } from '../pdf/page-flow';
import { MUTED, RULE_COLOR, reportFrame } from '../pdf/report-frame';

export type ReminderPrintLabels = {
  title: string;
  time: string;
  subject: string;
  group: string;
  place: string;
  participants: string;
  kinds: Record<Occurrence['kind'], string>;
  /** '{age} سالگی' / 'turns {age}'. */
  age: string;
  repeats: string;
  none: string;
  /** With {count}. */
  count: string;
  /** With {count}: shown when the list was cut. */
  truncated: string;
  /** With {page} and {pages}. */
  page: string;
};

export type ReminderPrintOptions = {
  lang: Lang;
  calendar: CalendarSystem;
  from: string;
  to: string;
  detail: 'list' | 'full';
  truncated: boolean;
  printedAt: Date;
  labels: ReminderPrintLabels;
  assetsDir?: string;
};

const DAY: TextLook = { size: 10.5, weight: 'bold' };
const BODY: TextLook = { size: 9 };
const BOLD: TextLook = { size: 9, weight: 'bold' };
const SMALL: TextLook = { size: 8, color: MUTED };

const fill = (t: string, params: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

export async function printReminderList(items: readonly Occurrence[], opts: ReminderPrintOptions): Promise<Buffer> {
  const doc = await PrintDocument.create({ lang: opts.lang, title: opts.labels.title, assetsDir: opts.assetsDir });
  const { box } = doc;
  const L = opts.labels;
  const digits = (s: string | number) => localDigits(s, opts.lang);
  const frame = reportFrame(doc, {
    title: `${L.title} — ${formatDate(opts.from, opts.calendar, opts.lang)} … ${formatDate(opts.to, opts.calendar, opts.lang)}`,
    note: formatInstant(opts.printedAt.toISOString(), opts.calendar, opts.lang),
    footer: (p, ps) => fill(L.page, { page: digits(p), pages: digits(ps) }),
  });
  const flow = new PageFlow(frame);
  const put = (text: string, look: TextLook, x = box.left, width = box.width) =>
    flow.push({ kind: 'text', text: doc.truncate(text, width, look), x, y: flow.y, width, look: { align: 'start', dir: 'auto', ...look } });
  const rule = (width = 0.4) => flow.push({ kind: 'line', x1: box.left, y1: flow.y, x2: box.right, y2: flow.y, color: RULE_COLOR, width });

  put(
    fill(L.count, { count: formatInteger(items.length, opts.lang) }) +
      (opts.truncated ? ` — ${fill(L.truncated, { count: formatInteger(items.length, opts.lang) })}` : ''),
    SMALL,
  );
  flow.y += doc.lineHeight(SMALL.size) + 4;
  if (items.length === 0) put(L.none, BODY);

  const subjectOf = (o: Occurrence) => (o.age !== null ? `${o.subject} (${fill(L.age, { age: digits(o.age) })})` : o.subject);
  const cols = doc.columns(box.left, box.width, [12, 48, 18, 22]);
  const cell = (i: number, text: string, look: TextLook) => {
    const c = cols[i]!;
    put(text, look, c.x + 2, c.width - 4);
  };

  if (opts.detail === 'list' && items.length > 0) {
    [L.time, L.subject, L.group, L.place].forEach((h, i) => cell(i, h, SMALL));
    flow.y += doc.lineHeight(SMALL.size);
  }

  let day = '';
  for (const o of items) {
    if (o.date !== day) {
      day = o.date;
      flow.need(doc.lineHeight(DAY.size) + doc.lineHeight(BODY.size) + 8);
      flow.y += 4;
      put(formatDateLong(o.date, opts.calendar, opts.lang), DAY);
      flow.y += doc.lineHeight(DAY.size);
      rule(0.6);
      flow.y += 2;
    }
    const what = o.group?.name ?? L.kinds[o.kind];
    if (opts.detail === 'list') {
      flow.need(doc.lineHeight(BODY.size) + 2);
      cell(0, digits(o.time), BODY);
      cell(1, subjectOf(o), BODY);
      cell(2, what, BODY);
      cell(3, o.place, BODY);
      flow.y += doc.lineHeight(BODY.size) + 2;
      continue;
    }
    // Full description: a heading line, then what the alarm window would show, wrapped.
    const lines: { text: string; look: TextLook }[] = [];
    const facts = [L.kinds[o.kind], o.group ? `${L.group}: ${o.group.name}` : '', o.place ? `${L.place}: ${o.place}` : '', o.repeats ? L.repeats : ''].filter(
      (t) => t !== '',
    );
    lines.push({ text: facts.join('  ·  '), look: SMALL });
    if (o.participants.length > 0) lines.push({ text: `${L.participants}: ${o.participants.map((p) => p.displayName).join('، ')}`, look: BODY });
    const noteLines = o.note ? doc.wrap(o.note, box.width - 10, { ...BODY, dir: 'auto' }) : [];
    flow.need(doc.lineHeight(BOLD.size) + lines.length * doc.lineHeight(BODY.size) + Math.min(3, noteLines.length) * doc.lineHeight(BODY.size) + 6);
    put(`${digits(o.time)}  ${subjectOf(o)}`, BOLD);
    flow.y += doc.lineHeight(BOLD.size);
    // Details are indented on the start side (the right in Persian).
    const indentX = doc.dir === 'rtl' ? box.left : box.left + 10;
    for (const l of lines) {
      put(l.text, l.look, indentX, box.width - 10);
      flow.y += doc.lineHeight(l.look.size);
    }
    for (const l of noteLines) {
      flow.need(doc.lineHeight(BODY.size));
      flow.push({ kind: 'text', text: l.text, x: indentX, y: flow.y, width: box.width - 10, look: { ...l.look, align: 'natural' } });
      flow.y += doc.lineHeight(BODY.size);
    }
    flow.y += 3;
    rule(0.3);
    flow.y += 3;
  }

  doc.render(flow.pages, frame.ops);
  return doc.end();
}
