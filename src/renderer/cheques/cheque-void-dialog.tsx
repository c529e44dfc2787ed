import type { Cheque } from '../../shared/contract/cheques';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { DateInput } from '../ui/date-input';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { useStatusDraft } from './status-fields';

type Props = { cheque: Cheque; onClose: () => void; onDone: (c: Cheque) => void };

/**
 * Voids a cheque (باطل), the way out for an entry with history that must not count: a date and a
 * required reason. It stays in the list with its history and leaves every total.
 */
export function ChequeVoidDialog({ cheque: c, onClose, onDone }: Props) {
  const m = useLocale().t.cheques;
  const client = useClient();
  const toast = useToast();
  const draft = useStatusDraft();
  const { error } = draft;

  const save = async () => {
    if (!draft.note.trim()) return draft.setError({ field: 'reason', message: m.voidReasonRequired });
    const date = draft.date();
    if (!date) return;
    draft.setBusy(true);
    const r = await client.call('cheques/void', { id: c.id, date, reason: draft.note });
    draft.setBusy(false);
    if (!r.ok) return draft.setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.voided);
    onDone(r.value);
  };

  return (
    <Dialog
      title={m.voidTitle}
      onClose={onClose}
      testId="cheque-void-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button type="button" className="button danger" onClick={() => void save()} disabled={draft.busy} data-testid="void-save">
            {m.voidSave}
          </button>
        </>
      }
    >
      <div className="cheque-correction">
        <p className="muted">{m.voidIntro}</p>
        {error && error.field !== 'date' && error.field !== 'reason' && (
          <p className="form-banner" role="alert" data-testid="form-banner">
            {error.message}
          </p>
        )}
        <DateInput name="date" label={m.statusDate} value={draft.day} onChange={draft.setDay} error={error?.field === 'date' ? error.message : undefined} />
        <TextField
          name="reason"
          label={m.voidReason}
          value={draft.note}
          onChange={(v) => {
            draft.setNote(v);
            draft.setError(null);
          }}
          multiline
          rows={2}
          error={error?.field === 'reason' ? error.message : undefined}
        />
      </div>
    </Dialog>
  );
}
