/**
 * The monthly attendance report as PDF: a summary table (one row per person: present, absent,
 * lateness, early leave, overtime, worked time, leave by type, missions), then each person's days
 * (status, entry, exit, minutes). Persian pages run right to left with Persian digits and Jalali dates.
 */
import type { MonthlyReport, ReportDay, ReportTotals } from '../../shared/contract/attendance';
import { formatDate, formatInstant, type CalendarSystem, type Lang } from '../../shared/text/calendar';
import { localDigits } from '../../shared/text/digits';
import { PrintDocument, type TextLook } from '../pdf/print-document';
import { PageFlow } from '../pdf/page-flow';
import { MUTED, RULE_COLOR, reportFrame } from '../pdf/report-frame';

export type AttendanceLabels = {
  title: string;
  name: string;
  fileNo: string;
  schedule: string;
  noSchedule: string;
  workDays: string;
  present: string;
  absent: string;
  late: string;
  early: string;
  overtime: string;
  worked: string;
  leaveEntitled: string;
  leaveSick: string;
  leaveUnpaid: string;
  mission: string;
  leave: string;
  days: string;
  holidays: string;
  open: string;
  date: string;
  weekday: string;
  status: string;
  in: string;
  out: string;
  note: string;
  summary: string;
  statuses: Record<ReportDay['status'], string>;
  weekdays: string[];
  minutesNote: string;
  page: string;
  none: string;
};

export type AttendancePrintOptions = { lang: Lang; calendar: CalendarSystem; printedAt: Date; labels: AttendanceLabels; assetsDir?: string };

const H2: TextLook = { size: 10.5, weight: 'bold' };
const HEAD: TextLook = { size: 7.5, weight: 'bold' };
const CELL: TextLook = { size: 7.5 };
const SMALL: TextLook = { size: 7.5, color: MUTED };
const HEAD_FILL = '#eef1f5';
const OFF_FILL = '#f6f7f9';
const ABSENT_FILL = '#fbeceb';

/** Minutes as 'H:MM' ('' for none). */
export function hhmm(minutes: number): string {
  if (minutes <= 0) return '';
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "days (H:MM)" of a total (days or time may be missing). */
export function daysAndTime(days: number, minutes: number): string {
  if (days > 0 && minutes > 0) return `${days} (${hhmm(minutes)})`;
  return days > 0 ? String(days) : hhmm(minutes);
}

export function summaryCells(t: ReportTotals): string[] {
  return [
    String(t.workDays),
    String(t.presentDays),
    String(t.absentDays),
    daysAndTime(t.lateDays, t.lateMinutes),
    daysAndTime(t.earlyDays, t.earlyMinutes),
    hhmm(t.overtimeMinutes),
    hhmm(t.workedMinutes),
    daysAndTime(t.leaveDays.entitled, t.leaveMinutes.entitled),
    daysAndTime(t.leaveDays.sick, t.leaveMinutes.sick),
    daysAndTime(t.leaveDays.unpaid, t.leaveMinutes.unpaid),
    daysAndTime(t.missionDays, t.missionMinutes),
    t.openRecords ? String(t.openRecords) : '',
  ];
}

export async function printAttendanceReport(report: MonthlyReport, opts: AttendancePrintOptions): Promise<Buffer> {
  const L = opts.labels;
  const doc = await PrintDocument.create({ lang: opts.lang, title: L.title, assetsDir: opts.assetsDir, marginsMm: 10 });
  const { box } = doc;
  const d = (s: string | number) => localDigits(s, opts.lang);
  const frame = reportFrame(doc, {
    title: L.title,
    note:
      `${formatDate(report.from, opts.calendar, opts.lang)} – ${formatDate(report.to, opts.calendar, opts.lang)}  ·  ` +
      `${formatInstant(opts.printedAt.toISOString(), opts.calendar, opts.lang)}`,
    footer: (p, ps) => L.page.replace('{page}', d(p)).replace('{pages}', d(ps)),
  });
  const flow = new PageFlow(frame);
  const rowH = doc.lineHeight(CELL.size) + 3;
  const table = (head: string[], weights: number[], rows: { cells: string[]; fill?: string }[]) => {
    const cols = doc.columns(box.left, box.width, weights);
    const line = (cells: string[], look: TextLook, fill?: string) => {
      // Header cells wrap onto a second line rather than lose their words.
      const texts = cells.map((c, i) =>
        look === HEAD
          ? doc
              .wrap(d(c), cols[i]!.width - 4, look)
              .slice(0, 2)
              .map((l) => l.text)
          : [doc.truncate(d(c), cols[i]!.width - 4, look)],
      );
      const lines = Math.max(1, ...texts.map((t) => t.length));
      const h = rowH + (lines - 1) * doc.lineHeight(look.size);
      if (fill) flow.push({ kind: 'rect', x: box.left, y: flow.y, w: box.width, h, color: fill });
      texts.forEach((t, i) => {
        const col = cols[i]!;
        t.forEach((text, k) => {
          flow.push({
            kind: 'text',
            text,
            x: col.x + 2,
            y: flow.y + 1.5 + k * doc.lineHeight(look.size),
            width: col.width - 4,
            look: { ...look, align: i === 0 ? 'start' : 'center', dir: i === 0 ? 'auto' : undefined },
          });
        });
      });
      flow.y += h;
      flow.push({ kind: 'line', x1: box.left, y1: flow.y, x2: box.right, y2: flow.y, color: RULE_COLOR, width: 0.3 });
    };
    flow.need(rowH * 3);
    line(head, HEAD, HEAD_FILL);
    for (const r of rows) {
      if (!flow.fits(rowH)) {
        flow.newPage();
        line(head, HEAD, HEAD_FILL);
      }
      line(r.cells, CELL, r.fill);
    }
  };

  const summaryHead = [
    L.name,
    L.workDays,
    L.present,
    L.absent,
    L.late,
    L.early,
    L.overtime,
    L.worked,
    L.leaveEntitled,
    L.leaveSick,
    L.leaveUnpaid,
    L.mission,
    L.open,
  ];
  const summaryWeights = [15, 7, 7, 7, 9, 9, 8, 8, 9, 9, 9, 8, 7];
  flow.push({ kind: 'text', text: L.summary, x: box.left, y: flow.y, width: box.width, look: { ...H2, align: 'start' } });
  flow.y += doc.lineHeight(H2.size) + 2;
  if (report.people.length === 0) {
    flow.push({ kind: 'text', text: L.none, x: box.left, y: flow.y, width: box.width, look: { ...CELL, align: 'start' } });
    flow.y += rowH;
  }
  table(
    summaryHead,
    summaryWeights,
    report.people.map((p) => ({ cells: [p.displayName, ...summaryCells(p.totals)] })),
  );
  flow.y += 4;
  flow.push({ kind: 'text', text: L.minutesNote, x: box.left, y: flow.y, width: box.width, look: { ...SMALL, align: 'start' } });
  flow.y += doc.lineHeight(SMALL.size) + 8;

  const dayHead = [L.date, L.weekday, L.status, L.in, L.out, L.worked, L.late, L.early, L.overtime, L.note];
  const dayWeights = [11, 9, 9, 7, 7, 8, 7, 7, 8, 27];
  for (const p of report.people) {
    // Each person's days start on a fresh page unless they fit under what is there.
    if (!flow.fits(rowH * (p.days.length + 3))) flow.newPage();
    flow.push({
      kind: 'text',
      text: `\u2068${p.displayName}\u2069 — ${L.fileNo} ${d(p.fileNo)} — ${L.schedule}: \u2068${p.scheduleName ?? L.noSchedule}\u2069`,
      x: box.left,
      y: flow.y,
      width: box.width,
      look: { ...H2, align: 'start' },
    });
    flow.y += doc.lineHeight(H2.size) + 2;
    table(
      dayHead,
      dayWeights,
      p.days.map((day) => {
        const weekday = L.weekdays[(new Date(`${day.date}T00:00:00Z`).getUTCDay() + 1) % 7] ?? '';
        const note = [
          day.holiday ?? '',
          day.leaveType ? { entitled: L.leaveEntitled, sick: L.leaveSick, unpaid: L.leaveUnpaid }[day.leaveType] : '',
          day.leaveMinutes ? `${L.leave} ${hhmm(day.leaveMinutes)}` : '',
          day.missionMinutes ? `${L.mission} ${hhmm(day.missionMinutes)}` : '',
          day.openRecord ? L.open : '',
        ]
          .filter(Boolean)
          .join('، ');
        const fill = day.status === 'absent' ? ABSENT_FILL : day.status === 'off' || day.status === 'holiday' ? OFF_FILL : undefined;
        return {
          cells: [
            formatDate(day.date, opts.calendar, opts.lang),
            weekday,
            L.statuses[day.status],
            day.firstIn ?? '',
            day.lastOut ?? '',
            hhmm(day.workedMinutes),
            hhmm(day.lateMinutes),
            hhmm(day.earlyMinutes),
            hhmm(day.overtimeMinutes),
            note,
          ],
          fill,
        };
      }),
    );
    flow.y += 10;
  }

  doc.render(flow.pages, frame.ops);
  return doc.end();
}
