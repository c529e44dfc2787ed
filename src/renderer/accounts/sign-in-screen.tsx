import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../shared/contract/accounts';
import type { Result } from '../../shared/contract/errors';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { TextField } from '../ui/text-field';
import { PasswordField } from './password-field';
import { RecoveryCodeNotice } from './recovery-code-notice';

type Mode = 'password' | 'pin' | 'recover';

/**
 * The sign-in screen, and the lock screen when `state.locked`: the locked user (or anyone else) signs in
 * with a password, or switches with a PIN; a manager who forgot the password uses the recovery code.
 * A refusal (wrong name or password, the wait after failures) is shown as the engine said it.
 */
export function SignInScreen({ state, onState }: { state: SessionState; onState: (s: SessionState) => void }) {
  const t = useT().accounts;
  const client = useClient();
  const locked = state.locked && state.user !== null;
  const [mode, setMode] = useState<Mode>(locked ? 'pin' : 'password');
  const [name, setName] = useState(state.user?.name ?? '');
  const [secret, setSecret] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [newCode, setNewCode] = useState<string | null>(null);

  const answer = <T,>(r: Result<T>, done: (v: T) => void) => {
    setBusy(false);
    if (!r.ok) return setError({ field: r.error.field, message: r.error.message });
    setError(null);
    done(r.value);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    if (mode === 'password') answer(await client.call('accounts/sign-in', { name, password: secret }), onState);
    else if (mode === 'pin') answer(await client.call('accounts/switch', { name, pin: secret }), onState);
    else answer(await client.call('accounts/recover', { code, name, password: secret }), (v) => setNewCode(v.recoveryCode));
  };
  if (newCode) return <RecoveryCodeNotice code={newCode} onDone={() => (setNewCode(null), setMode('password'), setSecret(''))} />;

  const title = mode === 'recover' ? t.recoverTitle : locked ? t.lockedTitle : t.signInTitle;
  const intro = mode === 'recover' ? t.recoverIntro : locked ? t.lockedIntro(state.user?.name ?? '') : t.signInIntro;
  const general = error && error.field === undefined ? error.message : null;
  return (
    <main className="sign-in" data-testid={locked ? 'lock-screen' : 'sign-in'}>
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{title}</h1>
        <p className="muted">{intro}</p>
        {locked && mode !== 'recover' && (
          <div className="segmented" role="radiogroup">
            {(['pin', 'password'] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={mode === m}
                className={`segment${mode === m ? ' active' : ''}`}
                onClick={() => setMode(m)}
              >
                {m === 'pin' ? t.withPin : t.withPassword}
              </button>
            ))}
          </div>
        )}
        {mode === 'recover' && (
          <TextField name="code" label={t.recoveryCode} value={code} onChange={setCode} dir="ltr" error={error?.field === 'code' ? error.message : undefined} />
        )}
        <TextField name="name" label={t.name} value={name} onChange={setName} autoFocus={!locked} error={error?.field === 'name' ? error.message : undefined} />
        <PasswordField
          name={mode === 'pin' ? 'pin' : 'password'}
          label={mode === 'pin' ? t.pin : mode === 'recover' ? t.newPassword : t.password}
          value={secret}
          onChange={setSecret}
          strength={mode === 'recover'}
          autoFocus={locked}
          error={error?.field === 'password' ? error.message : undefined}
        />
        {general && (
          <p className="field-error" role="alert" data-testid="sign-in-error">
            {general}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy} data-testid="sign-in-submit">
            {mode === 'recover' ? t.recover : t.signIn}
          </button>
          {mode === 'recover' ? (
            <button type="button" className="button" onClick={() => setMode('password')}>
              {t.back}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={() => (setMode('recover'), setError(null))} data-testid="sign-in-forgot">
              {t.forgot}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
