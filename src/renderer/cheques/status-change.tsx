import { useEffect } from 'react';
import type { Cheque } from '../../shared/contract/cheques';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { statusName } from './cheque-format';
import { StatusChoices, StatusFields, useStatusDraft } from './status-fields';

type Props = { cheque: Cheque; onChanged: (c: Cheque) => void };

/**
 * Moves a cheque to one of the statuses its current one allows, with the date it happened (today by
 * default), a note, and — where it applies — who it went to and the bounce certificate.
 */
export function StatusChange({ cheque, onChanged }: Props) {
  const { t } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const draft = useStatusDraft();
  const { to, error, reset } = draft;

  // Another cheque, or this one changed: start again.
  useEffect(() => reset(), [cheque.id, cheque.status]);

  if (cheque.nextStatuses.length === 0)
    return (
      <p className="muted cheque-final" data-testid="cheque-final">
        {m.finalStatus}
      </p>
    );

  const apply = async () => {
    if (!to) return;
    const iso = draft.date();
    if (!iso) return;
    draft.setBusy(true);
    const r = await client.call('cheques/set-status', {
      id: cheque.id,
      status: to,
      date: iso,
      note: draft.note,
      counterparty: draft.counterparty,
      certificate: draft.certificate,
    });
    draft.setBusy(false);
    if (!r.ok) return draft.setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.statusChanged(statusName(t, cheque.direction, to)));
    onChanged(r.value);
  };

  const actions = m.actions[cheque.direction];
  return (
    <div className="status-change" data-testid="status-change">
      <h3>{m.changeStatus}</h3>
      <StatusChoices choices={cheque.nextStatuses} draft={draft} label={(s) => actions[s] || statusName(t, cheque.direction, s)} />
      {to && (
        <div className="status-form">
          <StatusFields draft={draft} dateError={error?.field === 'date' ? error.message : undefined} />
          {error && error.field !== 'date' && (
            <p className="form-banner error" role="alert" data-testid="status-error">
              {error.message}
            </p>
          )}
          <button type="button" className="button primary" onClick={() => void apply()} disabled={draft.busy} data-testid="status-apply">
            {m.applyStatus}: {statusName(t, cheque.direction, to)}
          </button>
        </div>
      )}
    </div>
  );
}
