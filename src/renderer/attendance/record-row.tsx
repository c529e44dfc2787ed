import { useState } from 'react';
import type { AttendanceRecord } from '../../shared/contract/attendance';
import { isoDateOf } from '../../shared/text/calendar';
import { useLocale } from '../i18n/use-t';

const hhmm = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** One entry and exit; corrected and deleted ones carry a badge, and their history opens under the row. */
export function RecordRow({
  record: r,
  showName,
  onCorrect,
  onDelete,
}: {
  record: AttendanceRecord;
  showName: boolean;
  onCorrect: () => void;
  onDelete: () => void;
}) {
  const { t, date, digits, instant } = useLocale();
  const m = t.attendance;
  const [open, setOpen] = useState(false);
  const startDay = isoDateOf(new Date(r.start));
  const endDay = r.end ? isoDateOf(new Date(r.end)) : null;
  const minutes = r.end ? Math.round((Date.parse(r.end) - Date.parse(r.start)) / 60_000) : null;
  const corrected = r.history.some((h) => h.action === 'correct');
  /** A time, with its date only when it is not the record's day; FSI…PDI keep each one whole in a sentence of the other direction. */
  const at = (iso: string | null) => {
    if (!iso) return '…';
    const d = isoDateOf(new Date(iso));
    return `\u2068${d === startDay ? digits(hhmm(iso)) : `${date(d)} ${digits(hhmm(iso))}`}\u2069`;
  };
  const span = (a: string | null, b: string | null) => `${at(a)} ${m.until} ${at(b)}`;
  const what = { create: m.historyCreate, correct: m.historyCorrect, delete: m.historyDelete };
  const cols = showName ? 7 : 6;
  return (
    <>
      <tr className={r.deleted ? 'deleted' : ''} data-testid="record" data-record-id={r.id}>
        {showName && (
          <td>
            <bdi>{r.displayName}</bdi>
          </td>
        )}
        <td>{date(startDay)}</td>
        <td data-testid="record-in">{digits(hhmm(r.start))}</td>
        <td data-testid="record-out">
          {r.end ? digits(hhmm(r.end)) : <span className="muted">{m.stillIn}</span>}
          {endDay && endDay !== startDay && <span className="muted"> (+{digits(1)})</span>}
        </td>
        <td>{minutes !== null ? digits(`${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`) : ''}</td>
        <td>
          {r.source === 'clock' ? m.sourceClock : m.sourceManual}
          {corrected && <span className="badge warn"> {m.corrected}</span>}
          {r.deleted && <span className="badge danger"> {m.deletedBadge}</span>}
        </td>
        <td className="row-actions">
          {r.history.length > 0 && (
            <button type="button" className="link-button" onClick={() => setOpen((x) => !x)} aria-expanded={open} data-testid="record-history">
              {m.history}
            </button>
          )}
          {!r.deleted && (
            <>
              <button type="button" className="link-button" onClick={onCorrect} data-testid="record-correct">
                {m.correct}
              </button>
              <button type="button" className="link-button danger" onClick={onDelete} data-testid="record-delete">
                {m.remove}
              </button>
            </>
          )}
        </td>
      </tr>
      {open && (
        <tr className="history-row">
          <td colSpan={cols}>
            <ol className="history" data-testid="history">
              {r.history.map((h, i) => (
                <li key={i}>
                  <span>{m.historyLine(what[h.action], h.by, instant(h.at))}</span>
                  {h.action === 'correct' && (
                    <span className="muted">
                      {' — '}
                      {m.historyChange(span(h.oldStart, h.oldEnd), span(h.newStart, h.newEnd))}
                    </span>
                  )}
                  {h.reason && (
                    <>
                      {' — '}
                      <bdi className="history-reason">{h.reason}</bdi>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </td>
        </tr>
      )}
    </>
  );
}
