import { useState } from 'react';
import type { ChequeTemplate, ChequeTemplateSummary } from '../../shared/contract/cheque-print';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';

/** A copy of a template for another bank or account: everything is kept (fields, calibration, scan) under a new name. */
export function CopyTemplateDialog({
  source,
  onClose,
  onCopied,
}: {
  source: ChequeTemplateSummary;
  onClose: () => void;
  onCopied: (t: ChequeTemplate) => void;
}) {
  const t = useT();
  const m = t.chequeTemplates;
  const client = useClient();
  const [name, setName] = useState('');
  const [bank, setBank] = useState(source.bank);
  const [error, setError] = useState<string | null>(null);

  const copy = async () => {
    const r = await client.call('cheque-templates/copy', { id: source.id, name, bank });
    if (!r.ok) return setError(r.error.message);
    onCopied(r.value);
  };

  return (
    <Dialog
      title={m.copyTitle(source.name)}
      onClose={onClose}
      size="small"
      testId="template-copy"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void copy()} data-testid="template-copy-save">
            {m.copy}
          </button>
        </>
      }
    >
      <div className="grid">
        <TextField name="copy-name" label={m.name} value={name} onChange={setName} placeholder={m.copyNamePlaceholder} error={error ?? undefined} autoFocus />
        <TextField name="copy-bank" label={m.bank} value={bank} onChange={setBank} placeholder={m.bankPlaceholder} />
      </div>
    </Dialog>
  );
}
