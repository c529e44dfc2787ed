import { useState } from 'react';
import type { PersonFile } from '../../shared/contract/people';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

/** Sets or removes a staff member's clock-in PIN. */
export function PinDialog({ file, onClose, onChanged }: { file: PersonFile; onClose: () => void; onChanged: (f: PersonFile) => void }) {
  const { t } = useLocale();
  const m = t.people;
  const client = useClient();
  const toast = useToast();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = async (value: string | null) => {
    const r = await client.call('people/set-pin', { id: file.id, pin: value });
    if (!r.ok) return setError(r.error.message);
    toast.show('success', value === null ? m.pinRemoved : m.pinSaved);
    onChanged(r.value);
    onClose();
  };
  return (
    <Dialog
      title={m.pin}
      onClose={onClose}
      size="small"
      testId="pin-dialog"
      footer={
        <>
          {file.hasPin && (
            <button type="button" className="button danger-outline footer-start" onClick={() => void save(null)}>
              {m.pinRemove}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save(pin)} data-testid="pin-save">
            {m.save}
          </button>
        </>
      }
    >
      <TextField name="pin" label={m.pinPrompt} value={pin} onChange={setPin} inputMode="numeric" dir="ltr" error={error} autoFocus />
    </Dialog>
  );
}
