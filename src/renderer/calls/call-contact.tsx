import { href } from '../app/router';
import { useT } from '../i18n/use-t';

type Props = {
  contactId: number | null;
  contactName: string | null;
  /** The name the network sent with the caller ID, shown for unknown numbers. */
  callerName?: string;
  /** The number to add when the caller is not in the phonebook ('' for a withheld number). */
  number: string;
  onOpenContact: (id: number) => void;
  onAddContact: (number: string) => void;
};

/** Who the call was with: the contact (a link to it) or, for an unknown number, "add to phonebook". */
export function CallContact({ contactId, contactName, callerName = '', number, onOpenContact, onAddContact }: Props) {
  const t = useT();
  if (contactId !== null) {
    const name = contactName || t.row.noName;
    return (
      <a
        className="link-button call-contact"
        href={href({ screen: 'contact', id: contactId })}
        title={t.calls.openContact(name)}
        onClick={(e) => {
          // A plain click goes where the screen says; Ctrl/Shift/middle click is the browser's (a new tab, a copied link).
          if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          onOpenContact(contactId);
        }}
        data-testid="call-contact"
        data-contact-id={contactId}
      >
        <bdi>{name}</bdi>
      </a>
    );
  }
  return (
    <span className="call-unknown">
      {callerName && (
        <bdi className="muted caller-name" dir="auto">
          {callerName}
        </bdi>
      )}
      {number && (
        <button type="button" className="button subtle small add-contact" onClick={() => onAddContact(number)} data-testid="add-contact">
          + {t.calls.addToPhonebook}
        </button>
      )}
    </span>
  );
}
