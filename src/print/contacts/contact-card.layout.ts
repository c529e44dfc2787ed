/**
 * Lays out one contact: the name in large type, a two-column list of details (label at the start
 * side, value beside it), then the timeline of notes. Long values and notes flow onto further
 * pages line by line.
 */
import type { Contact, CustomField } from '../../shared/contract/contacts';
import { formatDate, formatInstant } from '../../shared/text/calendar';
import type { Frame } from '../pdf/report-frame';
import { MUTED, RULE_COLOR } from '../pdf/report-frame';
import { MM, type DrawOp, type PrintDocument, type TextLook } from '../pdf/print-document';
import { addressLines, fieldValue, groupList, phoneLine, type FormatContext } from './contact-format';

export type FieldDef = Pick<CustomField, 'id' | 'name' | 'kind'>;

const NAME: TextLook = { size: 18, weight: 'bold', dir: 'auto' };
const LABEL: TextLook = { size: 8.5, weight: 'bold', color: MUTED };
const VALUE: TextLook = { size: 10 };
/** User-typed text takes its direction from its first letter. */
const USER: TextLook = { ...VALUE, dir: 'auto' };
const SECTION: TextLook = { size: 12, weight: 'bold' };
const META: TextLook = { size: 8.5, color: MUTED };
const LABEL_WIDTH = 32 * MM;
const GUTTER = 8;
const ROW_RULE = '#e3e7ec';

/** Lines of a detail value: `wrap` for prose, `single` for data that must stay on one line (truncated). */
type Value = { lines: string[]; look?: TextLook; mode: 'wrap' | 'single' };

/** A cursor over pages: asks for room before each line and starts a new page when there is none. */
class Flow {
  readonly pages: DrawOp[][] = [[]];
  y: number;
  constructor(private readonly frame: Frame) {
    this.y = frame.bodyTop;
  }
  room(height: number): void {
    if (this.y + height <= this.frame.bodyBottom || this.y === this.frame.bodyTop) return;
    this.pages.push([]);
    this.y = this.frame.bodyTop;
  }
  add(op: DrawOp): void {
    this.pages[this.pages.length - 1]?.push(op);
  }
}

function detailRows(c: Contact, ctx: FormatContext, fieldDefs: readonly FieldDef[]): [string, Value][] {
  const { labels } = ctx;
  const text = (s: string): Value => ({ lines: s.trim() ? [s.trim()] : [], look: USER, mode: 'wrap' });
  const rows: [string, Value][] = [
    [labels.company, text(c.company)],
    [labels.department, text(c.department)],
    [labels.jobTitle, text(c.jobTitle)],
    [labels.nickname, text(c.nickname)],
    [labels.phones, { lines: c.phones.map((p) => phoneLine(p, ctx)), mode: 'single' }],
    // E-mail addresses read left to right even in Persian; they still line up at the start side.
    [labels.emails, { lines: c.emails.map((e) => e.address), look: { ...VALUE, dir: 'ltr' }, mode: 'single' }],
    [labels.address, { lines: addressLines(c, ctx), look: USER, mode: 'wrap' }],
    [labels.birthDate, text(c.birthDate ? formatDate(c.birthDate, ctx.calendar, ctx.lang) : '')],
    [labels.groups, text(groupList(c.groupIds, ctx))],
  ];
  const defs = new Map(fieldDefs.map((d) => [d.id, d]));
  for (const f of c.fields) {
    const def = defs.get(f.fieldId);
    if (def) rows.push([def.name, text(fieldValue(def.kind, f.value, ctx))]);
  }
  rows.push([ctx.labels.notes, text(c.notes)]);
  return rows.filter(([, v]) => v.lines.length > 0);
}

function layoutDetails(doc: PrintDocument, flow: Flow, rows: [string, Value][]): void {
  const { box } = doc;
  const [labelCol, valueCol] = doc.columns(box.left, box.width, [LABEL_WIDTH, GUTTER, box.width - LABEL_WIDTH - GUTTER]).filter((_, i) => i !== 1);
  if (!labelCol || !valueCol) return;
  const lh = doc.lineHeight(VALUE.size);
  for (const [label, value] of rows) {
    const look = value.look ?? VALUE;
    const lines = value.lines.flatMap((l) =>
      value.mode === 'wrap' ? doc.wrap(l, valueCol.width, look) : [{ text: doc.truncate(l, valueCol.width, look), look }],
    );
    flow.room(lh);
    // The label shares the first value line's band; the smaller label type is nudged to its baseline.
    const labelY = flow.y + (lh - doc.lineHeight(LABEL.size)) / 2 + 1;
    flow.add({
      kind: 'text',
      text: doc.truncate(label, labelCol.width, LABEL),
      x: labelCol.x,
      y: labelY,
      width: labelCol.width,
      look: { ...LABEL, align: 'start' },
    });
    for (const line of lines) {
      flow.room(lh);
      flow.add({ kind: 'text', text: line.text, x: valueCol.x, y: flow.y, width: valueCol.width, look: { ...line.look, align: 'start' } });
      flow.y += lh;
    }
    flow.y += 3;
    flow.add({ kind: 'line', x1: box.left, y1: flow.y - 1.5, x2: box.right, y2: flow.y - 1.5, color: ROW_RULE, width: 0.4 });
  }
}

function layoutTimeline(doc: PrintDocument, flow: Flow, c: Contact, ctx: FormatContext): void {
  if (c.timeline.length === 0) return;
  const { box } = doc;
  const headHeight = doc.lineHeight(SECTION.size);
  flow.y += 10;
  flow.room(headHeight + 3 * doc.lineHeight(VALUE.size)); // keep the heading with the first note
  flow.add({ kind: 'text', text: ctx.labels.timeline, x: box.left, y: flow.y, width: box.width, look: { ...SECTION, align: 'start' } });
  flow.y += headHeight + 2;
  flow.add({ kind: 'line', x1: box.left, y1: flow.y, x2: box.right, y2: flow.y, color: RULE_COLOR, width: 0.8 });
  flow.y += 5;
  const metaHeight = doc.lineHeight(META.size);
  const lh = doc.lineHeight(VALUE.size);
  for (const note of c.timeline) {
    const meta = [formatInstant(note.createdAt, ctx.calendar, ctx.lang), note.author.trim()].filter(Boolean).join('  \u00b7  ');
    flow.room(metaHeight + lh);
    flow.add({ kind: 'text', text: doc.truncate(meta, box.width, META), x: box.left, y: flow.y, width: box.width, look: { ...META, align: 'start' } });
    flow.y += metaHeight;
    for (const line of doc.wrap(note.body, box.width, USER)) {
      flow.room(lh);
      // Prose across the full width starts on its own side: an English note reads from the left.
      flow.add({ kind: 'text', text: line.text, x: box.left, y: flow.y, width: box.width, look: { ...line.look, align: 'natural' } });
      flow.y += lh;
    }
    flow.y += 6;
  }
}

/** Pages of draw operations for one contact. */
export function layoutContactCard(doc: PrintDocument, c: Contact, ctx: FormatContext, fieldDefs: readonly FieldDef[], frame: Frame): DrawOp[][] {
  const flow = new Flow(frame);
  const { box } = doc;
  for (const line of doc.wrap(c.displayName, box.width, NAME)) {
    flow.room(doc.lineHeight(NAME.size));
    flow.add({ kind: 'text', text: line.text, x: box.left, y: flow.y, width: box.width, look: { ...line.look, align: 'start' } });
    flow.y += doc.lineHeight(NAME.size);
  }
  flow.y += 4;
  flow.add({ kind: 'line', x1: box.left, y1: flow.y, x2: box.right, y2: flow.y, color: RULE_COLOR, width: 0.8 });
  flow.y += 6;
  layoutDetails(doc, flow, detailRows(c, ctx, fieldDefs));
  layoutTimeline(doc, flow, c, ctx);
  return flow.pages;
}
