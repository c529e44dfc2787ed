import type { CallReport } from '../../shared/contract/calls';
import { useLocale } from '../i18n/use-t';
import { formatDuration } from './call-format';
import { CallContact } from './call-contact';
import { CallNumber } from './call-number';

type Props = {
  callers: CallReport['topCallers'];
  onDial: (number: string) => void;
  onOpenContact: (id: number) => void;
  onAddContact: (number: string) => void;
};

/** The numbers that called most in the range, with their contact (or "add to phonebook"). */
export function TopCallers({ callers, onDial, onOpenContact, onAddContact }: Props) {
  const { t, num, digits } = useLocale();
  const c = t.calls;
  return (
    <section className="report-section" data-testid="report-top-callers">
      <h3>{c.topCallers}</h3>
      {callers.length === 0 ? (
        <p className="muted">{c.noTopCallers}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th>{c.colNumber}</th>
              <th>{c.colContact}</th>
              <th className="num">{c.colCalls}</th>
              <th className="num">{c.colMissed}</th>
              <th className="num">{c.colTalk}</th>
            </tr>
          </thead>
          <tbody>
            {callers.map((r) => (
              <tr key={r.numberKey} data-testid="top-caller" data-number-key={r.numberKey}>
                <td>
                  <CallNumber call={{ numberDisplay: r.numberDisplay, numberRaw: r.numberDisplay, absence: null }} onDial={onDial} />
                </td>
                <td>
                  <CallContact
                    contactId={r.contactId}
                    contactName={r.contactName}
                    number={r.numberDisplay}
                    onOpenContact={onOpenContact}
                    onAddContact={onAddContact}
                  />
                </td>
                <td className="num">{num(r.calls)}</td>
                <td className={`num${r.missed > 0 ? ' missed-count' : ''}`}>{num(r.missed)}</td>
                <td className="num">
                  <bdi dir="ltr">{digits(formatDuration(r.talkSeconds))}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
