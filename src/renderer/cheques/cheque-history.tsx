import type { Cheque, ChequeEvent } from '../../shared/contract/cheques';
import { formatRials } from '../../shared/text/amount';
import type { Lang } from '../../shared/text/calendar';
import type { Locale } from '../i18n/locale';
import { useLocale } from '../i18n/use-t';
import { bankLabel, statusName } from './cheque-format';

/** An edited field's value as users read it: dates in the calendar, amounts grouped, banks by name. */
function shown(field: string, value: string, loc: Locale): string {
  const m = loc.t.cheques;
  if (value === '') return m.empty_;
  switch (field) {
    case 'amount':
      return formatRials(Number(value), loc.lang);
    case 'dueDate':
    case 'issueDate':
      return loc.date(value);
    case 'bankCode':
      return bankLabel(value, '', loc.lang as Lang);
    case 'guarantee':
    case 'sayadRegistered':
      return value === '1' ? m.yes : m.no;
    case 'contactId':
      return m.partyFromPhonebook;
    default:
      return loc.digits(value);
  }
}

/**
 * The cheque's history, oldest first: registration, each status change with its date and note, each
 * edit and correction with what changed (a correction with its reason), and who recorded it.
 */
export function ChequeHistory({ cheque }: { cheque: Cheque }) {
  const loc = useLocale();
  const { t, date, instant } = loc;
  const m = t.cheques;
  const name = (s: ChequeEvent['toStatus']) => (s ? statusName(t, cheque.direction, s) : '');

  return (
    <section className="cheque-history" data-testid="cheque-history">
      <h3>{m.history}</h3>
      <ol className="cheque-events">
        {cheque.events.map((e) => (
          <li key={e.id} className={`cheque-event kind-${e.kind}`} data-testid="cheque-event" data-kind={e.kind} data-to={e.toStatus ?? ''}>
            <span className="cheque-event-date">{date(e.date)}</span>
            <div className="cheque-event-body">
              <p className="cheque-event-title">
                {e.kind === 'created' && m.historyCreated(name(e.toStatus))}
                {e.kind === 'status' && m.historyStatus(name(e.fromStatus), name(e.toStatus))}
                {e.kind === 'edited' && (e.changes.every((c) => c.field === 'images') ? null : m.historyEdited)}
                {e.kind === 'corrected' && m.historyCorrected}
              </p>
              {(e.kind === 'edited' || e.kind === 'corrected') && (
                <ul className="cheque-changes">
                  {e.changes.map((c, i) => (
                    <li key={i}>
                      {c.field === 'images'
                        ? c.to
                          ? m.imageAdded(c.to)
                          : m.imageRemoved(c.from)
                        : m.changeLine(m.fieldNames[c.field] ?? c.field, shown(c.field, c.from, loc), shown(c.field, c.to, loc))}
                    </li>
                  ))}
                </ul>
              )}
              {e.counterparty && (
                <p>
                  <bdi>{e.counterparty}</bdi>
                </p>
              )}
              {e.certificate && <p>{m.certificateYes}</p>}
              {e.note && (
                <p className="pre-line" data-testid="cheque-event-note">
                  <bdi>{e.kind === 'corrected' ? m.historyReason(e.note) : e.note}</bdi>
                </p>
              )}
              <p className="muted small">
                {m.historyRecorded(instant(e.recordedAt))}
                {e.by && (
                  <>
                    {' '}
                    — <bdi>{m.historyBy(e.by)}</bdi>
                  </>
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
