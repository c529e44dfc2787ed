import { useT } from '../i18n/use-t';

/** The recovery code, shown once: to print (the browser's print of this card) or write down. */
export function RecoveryCodeNotice({ code, onDone }: { code: string; onDone: () => void }) {
  const t = useT().accounts;
  return (
    <section className="recovery-code" role="alertdialog" aria-labelledby="recovery-title" data-testid="recovery-code">
      <h2 id="recovery-title">{t.codeTitle}</h2>
      <p>{t.codeIntro}</p>
      <p className="recovery-code-value" dir="ltr" data-testid="recovery-code-value">
        {code}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => window.print()}>
          {t.printCode}
        </button>
        <button type="button" className="button primary" onClick={onDone} data-testid="recovery-code-kept">
          {t.codeKept}
        </button>
      </div>
    </section>
  );
}
