import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { FirstManagerForm } from './first-manager-form';
import { useSession } from './session-context';

/**
 * The first-run guide's step "who works with Monshi": no passwords (the office stays as it is, chosen by
 * default so nothing changes for a one-person office), or accounts with the first manager.
 */
export function AccountsStep() {
  const t = useT().accounts;
  const { state } = useSession();
  const [choice, setChoice] = useState<'open' | 'accounts'>(state.mode);
  return (
    <>
      <h3>{t.guideStep}</h3>
      {state.mode === 'accounts' && state.user ? (
        <p className="guide-notice" role="status" data-testid="guide-accounts-on">
          {t.guideAccountsDone(state.user.name)}
        </p>
      ) : (
        <>
          <div className="segmented" role="radiogroup" aria-label={t.guideStep}>
            {(['open', 'accounts'] as const).map((c) => (
              <button
                key={c}
                type="button"
                role="radio"
                aria-checked={choice === c}
                className={`segment${choice === c ? ' active' : ''}`}
                onClick={() => setChoice(c)}
                data-testid={`guide-accounts-${c}`}
              >
                {c === 'open' ? t.guideOpen : t.guideAccounts}
              </button>
            ))}
          </div>
          {choice === 'open' ? <p className="muted small">{t.guideOpenHelp}</p> : <FirstManagerForm />}
        </>
      )}
    </>
  );
}
