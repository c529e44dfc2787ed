import { useState } from 'react';
import type { Absence, AttendanceRecord } from '../../shared/contract/attendance';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { jalaliMonthBounds } from '../lib/jalali-month';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';
import { AbsenceDialog } from './absence-dialog';
import { MonthPicker, currentJalaliMonth, type YearMonth } from './month-picker';
import { RecordDialog } from './record-dialog';
import { RecordRow } from './record-row';
import { StaffSelect } from './staff-select';
import { useAttData } from './use-att-data';

/**
 * The book: a month of one person's (or everyone's) entries and exits, with manual entries and
 * managers' corrections (each with its reason and history), and their leave and missions.
 */
export function BookPanel() {
  const { t, date, digits } = useLocale();
  const m = t.attendance;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [ym, setYm] = useState<YearMonth>(currentJalaliMonth);
  const [fileId, setFileId] = useState<number | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [editing, setEditing] = useState<{ record: AttendanceRecord | null; mode: 'new' | 'correct' | 'delete' } | null>(null);
  const [absence, setAbsence] = useState<'leave' | 'mission' | null>(null);
  const range = jalaliMonthBounds(ym.year, ym.month);
  const { value: records, error } = useAttData('attendance/records', { fileId, ...range, includeDeleted: deleted });
  const { value: absences } = useAttData('attendance/absences', { fileId, ...range });

  const removeAbsence = async (a: Absence) => {
    if (!(await confirm({ title: m.absenceDeleteTitle, body: m.absenceDeleteBody, confirmLabel: m.remove, danger: true }))) return;
    const r = await client.call('attendance/absence-delete', { id: a.id });
    if (!r.ok) toast.show('error', r.error.message);
  };
  // Ranges read "from … to …" in words: a dash between two numbers would swap them in a right-to-left line.
  const absenceWhen = (a: Absence) =>
    a.unit === 'day'
      ? a.to !== a.from
        ? `${date(a.from)} ${m.until} ${date(a.to)}`
        : date(a.from)
      : `${date(a.from)}${t.common.listSeparator}${digits(a.start ?? '')} ${m.until} ${digits(a.end ?? '')}`;

  return (
    <div className="book-panel">
      <div className="people-filters">
        <StaffSelect value={fileId} onChange={setFileId} allowAll />
        <MonthPicker value={ym} onChange={setYm} />
        <label className="checkbox-row">
          <input type="checkbox" checked={deleted} onChange={(e) => setDeleted(e.target.checked)} data-testid="show-deleted" />
          {m.showDeleted}
        </label>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button"
          disabled={fileId === null}
          title={fileId === null ? m.pickPerson : undefined}
          onClick={() => setAbsence('leave')}
          data-testid="add-leave"
        >
          {m.addLeave}
        </button>
        <button
          type="button"
          className="button"
          disabled={fileId === null}
          title={fileId === null ? m.pickPerson : undefined}
          onClick={() => setAbsence('mission')}
          data-testid="add-mission"
        >
          {m.addMission}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={fileId === null}
          title={fileId === null ? m.pickPerson : undefined}
          onClick={() => setEditing({ record: null, mode: 'new' })}
          data-testid="manual-entry"
        >
          + {m.manualEntry}
        </button>
      </div>
      <div className="book-body">
        {error && (
          <p className="form-banner error" role="alert">
            {error}
          </p>
        )}
        <section className="book-section">
          <h3 className="detail-section-title">{m.records}</h3>
          {records && records.length === 0 ? (
            <p className="muted">{m.recordsEmpty}</p>
          ) : (
            <table className="table book-table" data-testid="records-table">
              <thead>
                <tr>
                  {fileId === null && <th>{m.colName}</th>}
                  <th>{m.colDate}</th>
                  <th>{m.colIn}</th>
                  <th>{m.colOut}</th>
                  <th>{m.colDuration}</th>
                  <th>{m.colSource}</th>
                  <th aria-hidden="true" />
                </tr>
              </thead>
              <tbody>
                {records?.map((r) => (
                  <RecordRow
                    key={r.id}
                    record={r}
                    showName={fileId === null}
                    onCorrect={() => setEditing({ record: r, mode: 'correct' })}
                    onDelete={() => setEditing({ record: r, mode: 'delete' })}
                  />
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="book-section">
          <h3 className="detail-section-title">{m.absences}</h3>
          {absences && absences.length === 0 ? (
            <p className="muted">{m.absencesEmpty}</p>
          ) : (
            <ul className="plain-list absence-list" data-testid="absences">
              {absences?.map((a) => (
                <li key={a.id} className="absence" data-testid="absence">
                  {fileId === null && <bdi className="absence-name">{a.displayName}</bdi>}
                  <span className={`status-chip status-${a.category}`}>
                    {a.category === 'leave' ? `${m.leave} ${m.leaveTypes[a.leaveType ?? 'entitled']}` : m.mission}
                  </span>
                  <span>{absenceWhen(a)}</span>
                  {a.note && <bdi className="muted">{a.note}</bdi>}
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={m.absenceDeleteTitle}
                    title={m.absenceDeleteTitle}
                    onClick={() => void removeAbsence(a)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {editing && fileId !== null && editing.mode === 'new' && <RecordDialog fileId={fileId} record={null} mode="new" onClose={() => setEditing(null)} />}
      {editing && editing.record && (
        <RecordDialog fileId={editing.record.fileId} record={editing.record} mode={editing.mode} onClose={() => setEditing(null)} />
      )}
      {absence && fileId !== null && <AbsenceDialog fileId={fileId} category={absence} onClose={() => setAbsence(null)} />}
    </div>
  );
}
