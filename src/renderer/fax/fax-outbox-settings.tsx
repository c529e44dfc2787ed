import { useEffect, useState } from 'react';
import { useClient } from '../app/client';
import type { FaxOutboxSettings } from '../../shared/contract/fax-outbox.api';
import { toAsciiDigits } from '../../shared/text/digits';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

type Form = Record<keyof FaxOutboxSettings, string>;
type NumberKey = 'busyDelayMin' | 'noAnswerDelayMin' | 'failedDelayMin' | 'maxAttempts';

/** The outbox's retry rules and our fax number, folded under the outbox; the engine checks the ranges and names the field. */
export function FaxOutboxSettingsForm() {
  const { t, digits } = useLocale();
  const client = useClient();
  const toast = useToast();
  const saved = useQuery('fax/outbox-settings', {});
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  useEffect(() => {
    const s = saved.data;
    if (s)
      setForm({
        busyDelayMin: digits(s.busyDelayMin),
        noAnswerDelayMin: digits(s.noAnswerDelayMin),
        failedDelayMin: digits(s.failedDelayMin),
        maxAttempts: digits(s.maxAttempts),
        ourNumber: s.ourNumber,
      });
  }, [saved.data, digits]);
  if (!form) return null;

  const save = async () => {
    setError(null);
    const n = (k: NumberKey) => Number(toAsciiDigits(form[k].trim()) || NaN);
    const r = await client.call('fax/outbox-settings-save', {
      busyDelayMin: n('busyDelayMin'),
      noAnswerDelayMin: n('noAnswerDelayMin'),
      failedDelayMin: n('failedDelayMin'),
      maxAttempts: n('maxAttempts'),
      ourNumber: form.ourNumber,
    });
    if (!r.ok) return setError({ field: r.error.field, message: r.error.message });
    toast.show('success', t.faxOut.settingsSaved);
    saved.setData(() => r.value);
  };
  const field = (k: keyof Form, dir: 'ltr' | 'auto' = 'auto') => (
    <TextField
      name={k}
      label={t.faxOut.settings[k]}
      value={form[k]}
      onChange={(v) => setForm({ ...form, [k]: v })}
      dir={dir}
      inputMode={k === 'ourNumber' ? 'tel' : 'numeric'}
      error={error?.field === k ? error.message : undefined}
    />
  );
  return (
    <details className="fax-outbox-settings" data-testid="fax-outbox-settings">
      <summary>{t.faxOut.settingsTitle}</summary>
      <div className="fax-send-cover">
        {field('busyDelayMin')}
        {field('noAnswerDelayMin')}
        {field('failedDelayMin')}
        {field('maxAttempts')}
        {field('ourNumber', 'ltr')}
      </div>
      {error && !error.field && (
        <p className="form-banner error" role="alert">
          {error.message}
        </p>
      )}
      <button type="button" className="button primary" onClick={() => void save()} data-testid="fax-outbox-settings-save">
        {t.common.save}
      </button>
    </details>
  );
}
