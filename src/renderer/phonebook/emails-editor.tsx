import { useT } from '../i18n/use-t';
import { newEmail, type EmailDraft } from '../lib/contact-draft';
import { FieldErrorText } from '../ui/field-error';

type Props = { emails: EmailDraft[]; errors: Record<string, string>; onChange: (e: EmailDraft[]) => void };

/** Any number of email addresses, one per row. */
export function EmailsEditor({ emails, errors, onChange }: Props) {
  const t = useT();
  return (
    <div className="rows-editor">
      {emails.map((e, i) => {
        const name = `emails.${i}.address`;
        return (
          <div key={e.key} className="email-row">
            <div className="phone-row-inputs">
              <input
                className={`input${errors[name] ? ' invalid' : ''}`}
                name={name}
                type="email"
                dir="ltr"
                value={e.address}
                placeholder="name@example.com"
                aria-label={t.form.email}
                aria-invalid={errors[name] ? true : undefined}
                autoComplete="off"
                onChange={(ev) => onChange(emails.map((x) => (x.key === e.key ? { ...x, address: ev.target.value } : x)))}
                data-testid={name}
              />
              <button
                type="button"
                className="icon-button"
                onClick={() => onChange(emails.filter((x) => x.key !== e.key))}
                aria-label={t.form.removeEmail}
                title={t.form.removeEmail}
                data-testid={`remove-email-${i}`}
              >
                ×
              </button>
            </div>
            <FieldErrorText id={`${name}-err`} message={errors[name]} />
          </div>
        );
      })}
      <button type="button" className="link-button add-row" onClick={() => onChange([...emails, newEmail()])} data-testid="add-email">
        + {t.form.addEmail}
      </button>
    </div>
  );
}
