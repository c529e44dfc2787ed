import { useState, type FormEvent } from 'react';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { TextField } from '../ui/text-field';
import { PasswordField } from './password-field';
import { RecoveryCodeNotice } from './recovery-code-notice';
import { useSession } from './session-context';

/**
 * Turns accounts on with the first manager (the first-run guide and Settings of a no-password office):
 * name, password with its strength, an optional PIN; then the recovery code, shown once.
 */
export function FirstManagerForm({ onDone }: { onDone?: (name: string) => void }) {
  const t = useT().accounts;
  const client = useClient();
  const session = useSession();
  const [form, setForm] = useState({ name: '', password: '', pin: '' });
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [code, setCode] = useState<{ code: string; state: typeof session.state } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await client.call('accounts/enable', { name: form.name, password: form.password, pin: form.pin.trim() || null });
    if (!r.ok) return setError({ field: r.error.field, message: r.error.message });
    setCode({ code: r.value.recoveryCode, state: r.value.state });
  };
  if (code)
    return (
      <RecoveryCodeNotice
        code={code.code}
        onDone={() => {
          // The session becomes the manager's only now, so the code stays on screen until it was kept.
          session.set(code.state);
          onDone?.(code.state.user?.name ?? '');
        }}
      />
    );
  const err = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <form className="first-manager" onSubmit={(e) => void submit(e)} data-testid="first-manager">
      <h3>{t.firstManager}</h3>
      <p className="muted">{t.firstManagerIntro}</p>
      <div className="form-row">
        <TextField name="manager-name" label={t.name} value={form.name} onChange={(name) => setForm({ ...form, name })} error={err('name')} />
        <PasswordField
          name="manager-password"
          label={t.password}
          value={form.password}
          onChange={(password) => setForm({ ...form, password })}
          strength
          error={err('password')}
        />
        <PasswordField name="manager-pin" label={t.pinOptional} value={form.pin} onChange={(pin) => setForm({ ...form, pin })} error={err('pin')} />
      </div>
      {error && error.field === undefined && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="button primary" data-testid="manager-create">
        {t.turnOn}
      </button>
    </form>
  );
}
