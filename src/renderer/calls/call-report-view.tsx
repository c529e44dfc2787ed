import { useMemo, useState } from 'react';
import { useLocale } from '../i18n/use-t';
import { ReportCharts } from './report-charts';
import { presetRange } from '../lib/date-ranges';
import { ReportRangePicker, type RangeChoice } from './report-range-picker';
import { ReportTotals } from './report-totals';
import { TopCallers } from './top-callers';
import { UnreturnedList } from './unreturned-list';
import { useCallReport } from './use-call-report';
import { useDial } from './use-dial';
import { useLines } from './use-lines';
import { useReportFiles } from './use-report-files';
import { FileReadyDialog } from '../ui/file-ready-dialog';

type Props = { onOpenContact: (id: number) => void; onAddContact: (number: string) => void };

/** The "Reports" tab: a range, totals, calls per day and hour, top callers, unreturned missed calls. */
export function CallReportView({ onOpenContact, onAddContact }: Props) {
  const { t, calendar, date } = useLocale();
  const c = t.calls;
  const [choice, setChoice] = useState<RangeChoice>({ preset: 'today' });
  const [lineId, setLineId] = useState<number | null>(null);
  const lines = useLines() ?? [];
  const range = useMemo(() => (choice.preset === 'custom' ? choice.range : presetRange(choice.preset, new Date(), calendar)), [choice, calendar]);
  const input = { from: range.from, to: range.to, lineId };
  const { report, loading, error } = useCallReport(input);
  const files = useReportFiles(input);
  const { dial } = useDial();
  const rangeText = c.rangeShown(date(range.from), date(range.to));

  return (
    <div className="call-report" data-testid="call-report">
      <div className="report-toolbar">
        <ReportRangePicker choice={choice} shown={range} onChoice={setChoice} />
        {lines.length > 1 && (
          <select
            className="input report-line"
            aria-label={c.line}
            value={lineId ?? ''}
            onChange={(e) => setLineId(e.target.value ? Number(e.target.value) : null)}
            data-testid="report-line"
          >
            <option value="">{c.anyLine}</option>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        )}
        <span className="toolbar-spacer" />
        <button type="button" className="button" onClick={files.exportCsv} disabled={files.busy !== null} data-testid="export-csv">
          {files.busy === 'csv' ? t.phonebook.preparing : c.exportCsv}
        </button>
        <button type="button" className="button" onClick={files.exportPdf} disabled={files.busy !== null} data-testid="export-pdf">
          {files.busy === 'pdf' ? t.phonebook.preparing : c.exportPdf}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div className={`report-body${loading ? ' stale' : ''}`} aria-busy={loading} data-testid="report-body" data-from={report.from} data-to={report.to}>
          <ReportTotals totals={report.totals} />
          <ReportCharts report={report} />
          <div className="report-lists">
            <TopCallers callers={report.topCallers} onDial={(n) => void dial(n)} onOpenContact={onOpenContact} onAddContact={onAddContact} />
            <UnreturnedList calls={report.unreturned} total={report.totals.unreturned} onOpenContact={onOpenContact} onAddContact={onAddContact} />
          </div>
        </div>
      )}
      {!report && !error && <p className="pane-hint">{t.common.loading}</p>}
      {files.pdf && (
        <FileReadyDialog file={files.pdf} title={t.calls.pdfTitle} hint={t.calls.pdfBody(rangeText)} testId="report-pdf" onClose={files.closePdf} />
      )}
    </div>
  );
}
