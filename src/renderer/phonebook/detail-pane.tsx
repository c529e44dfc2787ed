import { memo, type ReactNode } from 'react';
import type { Contact } from '../../shared/contract/contacts';
import { useClient } from '../app/client';
import { useContact } from '../hooks/use-contact';
import { useT } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';
import { ContactDetail } from './contact-detail';

type Props = {
  id: number | null;
  onClose: () => void;
  onEdit: (c: Contact) => void;
  onPrint: (id: number) => void;
  printing: boolean;
  /** Today's agenda, shown while no contact is open. */
  agenda?: ReactNode;
  /** The first-run guide, shown above the agenda until the user closes it. */
  guide?: ReactNode;
};

/** The end-side pane: the open contact, or a hint when none is open (memoised: typing in the search leaves it alone). */
export const DetailPane = memo(function DetailPane({ id, onClose, onEdit, onPrint, printing, agenda, guide }: Props) {
  const t = useT();
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const state = useContact(id);
  const c = state.contact;

  const remove = async (contact: Contact) => {
    const name = contact.displayName || t.row.noName;
    const ok = await confirm({ title: t.detail.deleteConfirmTitle, body: t.detail.deleteConfirmBody(name), confirmLabel: t.common.delete, danger: true });
    if (!ok) return;
    const r = await client.call('contacts/delete', { id: contact.id });
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', t.detail.deleted(name));
    onClose();
  };

  let body;
  if (id === null)
    body = (
      <>
        {guide}
        {agenda}
        <p className="pane-hint">{t.phonebook.selectHint}</p>
      </>
    );
  else if (state.missing) body = <p className="pane-hint">{t.detail.notFound}</p>;
  else if (state.error)
    body = (
      <p className="pane-hint error" role="alert">
        {state.error}
      </p>
    );
  else if (!c) body = <p className="pane-hint">{t.common.loading}</p>;
  else
    body = (
      <ContactDetail
        key={c.id}
        stale={state.stale}
        contact={c}
        onEdit={() => onEdit(c)}
        onDelete={() => void remove(c)}
        onPrint={() => onPrint(c.id)}
        onClose={onClose}
        onChanged={state.set}
        printing={printing}
      />
    );
  return (
    <div className="detail-pane" data-testid="detail-pane">
      {body}
      {id === null && <p className="pane-keys muted">{t.phonebook.keyboardHint}</p>}
    </div>
  );
});
