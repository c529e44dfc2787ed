import { useState } from 'react';
import type { FileOut } from '../../shared/contract/io';
import type { PersonReport, ReportTotals } from '../../shared/contract/attendance';
import { useClient } from '../app/client';
import { href } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { saveFile } from '../lib/download';
import { FileReadyDialog } from '../ui/file-ready-dialog';
import { useToast } from '../ui/toast-context';
import { MonthPicker, currentJalaliMonth, type YearMonth } from './month-picker';
import { StaffSelect } from './staff-select';
import { useAttData } from './use-att-data';

/** Minutes as 'H:MM' ('' for none). */
const hm = (minutes: number) => (minutes > 0 ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}` : '');
const daysTime = (days: number, minutes: number) => (days > 0 && minutes > 0 ? `${days} (${hm(minutes)})` : days > 0 ? String(days) : hm(minutes));

/** The monthly report on screen: a summary row per person; one person's days below; PDF and Excel. */
export function ReportPanel() {
  const { t, digits, date } = useLocale();
  const m = t.attendance;
  const client = useClient();
  const toast = useToast();
  const [ym, setYm] = useState<YearMonth>(currentJalaliMonth);
  const [fileId, setFileId] = useState<number | null>(null);
  const [pdf, setPdf] = useState<FileOut | null>(null);
  const [busy, setBusy] = useState(false);
  const { value: report, error } = useAttData('attendance/report', { ...ym, fileId });

  const exportAs = async (format: 'pdf' | 'xlsx') => {
    setBusy(true);
    const r = await client.call('attendance/report-export', { ...ym, fileId, format });
    setBusy(false);
    if (!r.ok) return toast.show('error', r.error.message);
    if (format === 'pdf') setPdf(r.value);
    else saveFile(r.value);
  };
  const cells = (x: ReportTotals) => [
    x.workDays,
    x.presentDays,
    x.absentDays,
    daysTime(x.lateDays, x.lateMinutes),
    daysTime(x.earlyDays, x.earlyMinutes),
    hm(x.overtimeMinutes),
    hm(x.workedMinutes),
    [
      daysTime(x.leaveDays.entitled, x.leaveMinutes.entitled),
      daysTime(x.leaveDays.sick, x.leaveMinutes.sick),
      daysTime(x.leaveDays.unpaid, x.leaveMinutes.unpaid),
    ]
      .map((v) => v || '–')
      .join(' / '),
    daysTime(x.missionDays, x.missionMinutes),
    x.openRecords || '',
  ];
  const one: PersonReport | null = fileId !== null ? (report?.people[0] ?? null) : null;
  const weekday = (iso: string) => m.weekDays[(new Date(`${iso}T00:00:00Z`).getUTCDay() + 1) % 7];

  return (
    <div className="report-panel">
      <div className="people-filters">
        <StaffSelect value={fileId} onChange={setFileId} allowAll />
        <MonthPicker value={ym} onChange={setYm} />
        <span className="toolbar-spacer" />
        <button type="button" className="button" disabled={busy || !report} onClick={() => void exportAs('pdf')} data-testid="report-pdf">
          {m.print}
        </button>
        <button type="button" className="button" disabled={busy || !report} onClick={() => void exportAs('xlsx')} data-testid="report-xlsx">
          {m.excel}
        </button>
      </div>
      <div className="book-body">
        {error && (
          <p className="form-banner error" role="alert">
            {error}
          </p>
        )}
        {report && report.people.length === 0 && <p className="muted">{m.reportEmpty}</p>}
        {report && report.people.length > 0 && (
          <>
            <div className="table-wrap">
              <table className="table report-table" data-testid="report-table">
                <thead>
                  <tr>
                    <th>{m.colName}</th>
                    <th>{m.colWorkDays}</th>
                    <th>{m.colPresent}</th>
                    <th>{m.colAbsent}</th>
                    <th>{m.colLate}</th>
                    <th>{m.colEarly}</th>
                    <th>{m.colOvertime}</th>
                    <th>{m.colWorked}</th>
                    <th>{m.colLeave}</th>
                    <th>{m.colMission}</th>
                    <th>{m.colOpen}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.people.map((p) => (
                    <tr key={p.fileId} data-testid="report-row" data-file-id={p.fileId}>
                      <td>
                        <button type="button" className="link-button" onClick={() => setFileId(p.fileId)}>
                          <bdi>{p.displayName}</bdi>
                        </button>
                        {p.scheduleName === null && (
                          <span className="badge warn" title={m.noScheduleWarn} data-testid="report-no-schedule">
                            {m.noScheduleShort}
                          </span>
                        )}
                      </td>
                      {cells(p.totals).map((c, i) => (
                        <td key={i} className="num-cell" data-testid={`report-cell-${i}`}>
                          {digits(c)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted small">{m.timesNote}</p>
          </>
        )}
        {one && (
          <section className="book-section">
            <h3 className="detail-section-title">{m.daysOf(one.displayName)}</h3>
            {one.scheduleName === null && (
              <p className="form-banner" data-testid="no-schedule-warn">
                {m.noScheduleWarn}{' '}
                <a className="link-button" href={href({ screen: 'file', id: one.fileId })} data-testid="no-schedule-assign">
                  {m.assignSchedule}
                </a>
              </p>
            )}
            {one.totals.openRecords > 0 && <p className="form-banner">{m.openWarn(digits(one.totals.openRecords))}</p>}
            <table className="table days-table" data-testid="days-table">
              <thead>
                <tr>
                  <th>{m.colDate}</th>
                  <th>{m.colWeekday}</th>
                  <th>{m.colStatus}</th>
                  <th>{m.colIn}</th>
                  <th>{m.colOut}</th>
                  <th>{m.colWorked}</th>
                  <th>{m.colLate}</th>
                  <th>{m.colEarly}</th>
                  <th>{m.colOvertime}</th>
                  <th>{m.colNote}</th>
                </tr>
              </thead>
              <tbody>
                {one.days.map((d) => (
                  <tr key={d.date} className={`day-${d.status}`} data-testid="report-day" data-date={d.date} data-status={d.status}>
                    <td>{date(d.date)}</td>
                    <td>{weekday(d.date)}</td>
                    <td>{m.statuses[d.status]}</td>
                    <td>{digits(d.firstIn ?? '')}</td>
                    <td>{digits(d.lastOut ?? '')}</td>
                    <td>{digits(hm(d.workedMinutes))}</td>
                    <td>{digits(hm(d.lateMinutes))}</td>
                    <td>{digits(hm(d.earlyMinutes))}</td>
                    <td>{digits(hm(d.overtimeMinutes))}</td>
                    <td>
                      {[
                        d.holiday ?? '',
                        d.leaveType ? `${m.leave} ${m.leaveTypes[d.leaveType]}` : '',
                        d.leaveMinutes ? `${m.leave} ${digits(hm(d.leaveMinutes))}` : '',
                        d.missionMinutes ? `${m.mission} ${digits(hm(d.missionMinutes))}` : '',
                        d.openRecord ? m.colOpen : '',
                      ]
                        .filter(Boolean)
                        .join(t.common.listSeparator)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
      {pdf && <FileReadyDialog file={pdf} onClose={() => setPdf(null)} countLabel={() => m.title} />}
    </div>
  );
}
