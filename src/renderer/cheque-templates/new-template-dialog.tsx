import { useState } from 'react';
import type { ChequeTemplate } from '../../shared/contract/cheque-print';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { NumberField } from './number-field';
import { SAYAD_LEAF, sayadFields } from './template-draft';

/** A new template: its name, bank and leaf size, starting with the usual Sayad fields or none. */
export function NewTemplateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (t: ChequeTemplate) => void }) {
  const t = useT();
  const m = t.chequeTemplates;
  const client = useClient();
  const [name, setName] = useState('');
  const [bank, setBank] = useState('');
  const [size, setSize] = useState<{ widthMm: number; heightMm: number }>(SAYAD_LEAF);
  const [withFields, setWithFields] = useState(true);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    const r = await client.call('cheque-templates/create', {
      name,
      bank,
      ...size,
      fields: withFields ? sayadFields().filter((f) => f.xMm + f.widthMm <= size.widthMm && f.yMm <= size.heightMm) : [],
    });
    setBusy(false);
    if (!r.ok) return setError({ field: r.error.field ?? 'name', message: r.error.message });
    onCreated(r.value);
  };
  const errorOf = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <Dialog
      title={m.newTitle}
      onClose={onClose}
      size="small"
      testId="template-new"
      onKeyDown={(e) => e.key === 'Enter' && !(e.target instanceof HTMLButtonElement) && void create()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void create()} data-testid="template-new-save">
            {m.create}
          </button>
        </>
      }
    >
      <div className="grid cols-2">
        <TextField name="new-name" label={m.name} value={name} onChange={setName} error={errorOf('name')} className="span-2" autoFocus />
        <TextField name="new-bank" label={m.bank} value={bank} onChange={setBank} placeholder={m.bankPlaceholder} className="span-2" />
        <NumberField
          name="new-widthMm"
          label={m.leafWidth}
          unit={m.mm}
          value={size.widthMm}
          min={50}
          max={400}
          onChange={(widthMm) => setSize((s) => ({ ...s, widthMm }))}
          error={errorOf('widthMm')}
        />
        <NumberField
          name="new-heightMm"
          label={m.leafHeight}
          unit={m.mm}
          value={size.heightMm}
          min={30}
          max={400}
          onChange={(heightMm) => setSize((s) => ({ ...s, heightMm }))}
          error={errorOf('heightMm')}
        />
        <label className="cheque-check span-2">
          <input type="checkbox" checked={withFields} onChange={(e) => setWithFields(e.target.checked)} data-testid="new-with-fields" />
          {m.startWithSayad}
        </label>
      </div>
      <p className="field-hint">{m.sizeHint}</p>
    </Dialog>
  );
}
