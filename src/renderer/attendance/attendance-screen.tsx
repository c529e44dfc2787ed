import { ATTENDANCE_TABS, navigate, type AttendanceTab } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { BookPanel } from './book-panel';
import { ClockPanel } from './clock-panel';
import { ReportPanel } from './report-panel';
import { SetupPanel } from './setup-panel';

const TABS = ATTENDANCE_TABS;

/** The attendance book: the front desk's clock-in screen, the book of entries and leave, the monthly report, schedules and holidays. */
/** `tab`: from the route ('#/attendance/report'); a tab's button navigates. */
export function AttendanceScreen({ tab }: { tab: AttendanceTab }) {
  const { t } = useLocale();
  const m = t.attendance;
  return (
    <div className="attendance-screen" data-testid="attendance-screen">
      <div className="people-toolbar">
        <h1>{m.title}</h1>
        <div className="segmented" role="tablist" aria-label={m.title}>
          {TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={`segment${tab === k ? ' active' : ''}`}
              onClick={() => navigate({ screen: 'attendance', tab: k })}
              data-testid={`att-tab-${k}`}
            >
              {m.tabs[k]}
            </button>
          ))}
        </div>
      </div>
      <div className="attendance-body">
        {tab === 'clock' && <ClockPanel />}
        {tab === 'book' && <BookPanel />}
        {tab === 'report' && <ReportPanel />}
        {tab === 'setup' && <SetupPanel />}
      </div>
    </div>
  );
}
