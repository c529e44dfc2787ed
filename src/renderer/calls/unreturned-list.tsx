import type { CallRow } from '../../shared/contract/calls';
import { useLocale } from '../i18n/use-t';
import { CallContact } from './call-contact';
import { CallLink } from './call-link';
import { CallNumber } from './call-number';
import { DialButton } from './dial-button';

type Props = {
  calls: CallRow[];
  /** How many there are in all (the list holds at most 200). */
  total: number;
  onOpenContact: (id: number) => void;
  onAddContact: (number: string) => void;
};

/** Missed calls nobody has returned yet, newest first, each with "call back". */
export function UnreturnedList({ calls, total, onOpenContact, onAddContact }: Props) {
  const { t, num, instant } = useLocale();
  const c = t.calls;
  return (
    <section className="report-section" data-testid="report-unreturned">
      <h3>{c.unreturnedTitle}</h3>
      {calls.length === 0 ? (
        <p className="muted">{c.noUnreturned}</p>
      ) : (
        <ul className="unreturned-list">
          {calls.map((call) => {
            const number = call.numberDisplay || call.numberRaw;
            return (
              <li key={call.id} className="unreturned-item" data-testid="unreturned-call" data-call-id={call.id}>
                <CallLink id={call.id} className="muted unreturned-when">
                  {instant(call.startedAt)}
                </CallLink>
                <CallNumber call={call} />
                <CallContact
                  contactId={call.contactId}
                  contactName={call.contactName}
                  callerName={call.callerName}
                  number={call.numberKey ? number : ''}
                  onOpenContact={onOpenContact}
                  onAddContact={onAddContact}
                />
                {call.numberKey && <DialButton number={call.numberRaw || number} contactId={call.contactId} label={c.callBack} className="call-back" />}
              </li>
            );
          })}
        </ul>
      )}
      {total > calls.length && <p className="muted">{c.unreturnedMore(num(total - calls.length))}</p>}
    </section>
  );
}
