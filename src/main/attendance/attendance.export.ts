/**
 * The monthly attendance report as a file: PDF (shaped Persian, see src/print) or an Excel workbook
 * (exceljs) with a summary sheet and one sheet of days per person. Excel cells hold numbers (minutes
 * as hours in [h]:mm format, so the sums work) and right-to-left sheets in Persian.
 */
import type { MonthlyReport, ReportDay } from '../../shared/contract/attendance';
import type { FileOut } from '../../shared/contract/io';
import { formatDate, JALALI_MONTHS_EN, JALALI_MONTHS_FA, type CalendarSystem } from '../../shared/text/calendar';
import { localDigits } from '../../shared/text/digits';
import { printAttendanceReport, type AttendanceLabels } from '../../print';
import { message, type Lang, type MessageKey } from '../i18n/messages';

type Opts = { lang: Lang; calendar: CalendarSystem; printedAt: Date };

export function attendanceLabels(report: Pick<MonthlyReport, 'year' | 'month'>, lang: Lang): AttendanceLabels {
  const m = (k: MessageKey, p: Record<string, string | number> = {}) => message(lang, k, p);
  const month = `${(lang === 'fa' ? JALALI_MONTHS_FA : JALALI_MONTHS_EN)[report.month - 1]} ${localDigits(report.year, lang)}`;
  const statuses: Record<ReportDay['status'], string> = {
    present: m('att.status_present'),
    absent: m('att.status_absent'),
    off: m('att.status_off'),
    holiday: m('att.status_holiday'),
    leave: m('att.status_leave'),
    mission: m('att.status_mission'),
    future: m('att.status_future'),
    none: '',
  };
  return {
    title: m('att.title', { month }),
    name: m('att.name'),
    fileNo: m('att.file_no'),
    schedule: m('att.schedule'),
    noSchedule: m('att.no_schedule'),
    workDays: m('att.work_days'),
    present: m('att.present'),
    absent: m('att.absent'),
    late: m('att.late'),
    early: m('att.early'),
    overtime: m('att.overtime'),
    worked: m('att.worked'),
    leaveEntitled: m('att.leave_entitled'),
    leaveSick: m('att.leave_sick'),
    leaveUnpaid: m('att.leave_unpaid'),
    mission: m('att.mission'),
    leave: m('att.leave'),
    days: m('att.days'),
    holidays: m('att.holidays'),
    open: m('att.open'),
    date: m('att.date'),
    weekday: m('att.weekday'),
    status: m('att.status'),
    in: m('att.in'),
    out: m('att.out'),
    note: m('att.note'),
    summary: m('att.summary'),
    statuses,
    weekdays: m('att.weekdays').split(','),
    minutesNote: m('att.minutes_note'),
    page: message(lang, 'att.page', { page: '{page}', pages: '{pages}' }),
    none: m('att.none'),
  };
}

const fileBase = (r: MonthlyReport) => `attendance-${r.year}-${String(r.month).padStart(2, '0')}${r.people.length === 1 ? `-${r.people[0]!.fileNo}` : ''}`;

export async function exportAttendance(report: MonthlyReport, format: 'pdf' | 'xlsx', opts: Opts): Promise<FileOut> {
  const labels = attendanceLabels(report, opts.lang);
  if (format === 'pdf') {
    const pdf = await printAttendanceReport(report, { ...opts, labels });
    return { fileName: `${fileBase(report)}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64'), count: report.people.length };
  }
  const xlsx = await attendanceWorkbook(report, labels, opts);
  return {
    fileName: `${fileBase(report)}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: xlsx.toString('base64'),
    count: report.people.length,
  };
}

/** Minutes as a fraction of a day: Excel's time value, shown as [h]:mm and summable. */
const asTime = (minutes: number) => (minutes > 0 ? minutes / 1440 : null);
const TIME = '[h]:mm';

async function attendanceWorkbook(report: MonthlyReport, L: AttendanceLabels, opts: Opts): Promise<Buffer> {
  // Loaded on first use: exceljs is large and most sessions never export.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Monshi';
  wb.created = opts.printedAt;
  const rtl = opts.lang === 'fa';
  const head = (ws: import('exceljs').Worksheet) => {
    const row = ws.getRow(1);
    row.font = { bold: true };
    row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
    ws.views = [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }];
  };

  const sum = wb.addWorksheet(L.summary.slice(0, 31), { views: [{ rightToLeft: rtl }] });
  const days = (label: string) => `${label} (${L.days})`;
  const time = (label: string) => `${label} (h:mm)`;
  sum.columns = [
    { header: L.name, width: 26 },
    { header: L.fileNo, width: 10 },
    { header: L.schedule, width: 18 },
    { header: L.workDays, width: 9 },
    { header: L.present, width: 9 },
    { header: L.absent, width: 9 },
    { header: days(L.late), width: 11 },
    { header: time(L.late), width: 11, style: { numFmt: TIME } },
    { header: days(L.early), width: 11 },
    { header: time(L.early), width: 11, style: { numFmt: TIME } },
    { header: time(L.overtime), width: 12, style: { numFmt: TIME } },
    { header: time(L.worked), width: 12, style: { numFmt: TIME } },
    { header: days(L.leaveEntitled), width: 14 },
    { header: days(L.leaveSick), width: 14 },
    { header: days(L.leaveUnpaid), width: 14 },
    { header: time(L.leave), width: 12, style: { numFmt: TIME } },
    { header: days(L.mission), width: 11 },
    { header: time(L.mission), width: 11, style: { numFmt: TIME } },
    { header: L.holidays, width: 8 },
    { header: L.open, width: 9 },
  ];
  for (const p of report.people) {
    const t = p.totals;
    sum.addRow([
      p.displayName,
      p.fileNo,
      p.scheduleName ?? L.noSchedule,
      t.workDays,
      t.presentDays,
      t.absentDays,
      t.lateDays,
      asTime(t.lateMinutes),
      t.earlyDays,
      asTime(t.earlyMinutes),
      asTime(t.overtimeMinutes),
      asTime(t.workedMinutes),
      t.leaveDays.entitled,
      t.leaveDays.sick,
      t.leaveDays.unpaid,
      asTime(t.leaveMinutes.entitled + t.leaveMinutes.sick + t.leaveMinutes.unpaid),
      t.missionDays,
      asTime(t.missionMinutes),
      t.holidays,
      t.openRecords,
    ]);
  }
  head(sum);

  const used = new Set<string>();
  for (const p of report.people) {
    // Sheet names: at most 31 characters, no []:*?/\ and unique.
    let name = `${p.fileNo} ${p.displayName}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 27)} (${i})`;
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ rightToLeft: rtl }] });
    ws.columns = [
      { header: L.date, width: 12 },
      { header: L.weekday, width: 11 },
      { header: L.status, width: 11 },
      { header: L.in, width: 8 },
      { header: L.out, width: 8 },
      { header: L.worked, width: 9, style: { numFmt: TIME } },
      { header: L.late, width: 9, style: { numFmt: TIME } },
      { header: L.early, width: 9, style: { numFmt: TIME } },
      { header: L.overtime, width: 9, style: { numFmt: TIME } },
      { header: L.note, width: 30 },
    ];
    for (const day of p.days) {
      const weekday = L.weekdays[(new Date(`${day.date}T00:00:00Z`).getUTCDay() + 1) % 7] ?? '';
      const note = [
        day.holiday ?? '',
        day.leaveType ? { entitled: L.leaveEntitled, sick: L.leaveSick, unpaid: L.leaveUnpaid }[day.leaveType] : '',
        day.openRecord ? L.open : '',
      ]
        .filter(Boolean)
        .join(', ');
      ws.addRow([
        formatDate(day.date, opts.calendar, 'en'),
        weekday,
        L.statuses[day.status],
        day.firstIn ?? '',
        day.lastOut ?? '',
        asTime(day.workedMinutes),
        asTime(day.lateMinutes),
        asTime(day.earlyMinutes),
        asTime(day.overtimeMinutes),
        note,
      ]);
    }
    head(ws);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
