import { useId, useState } from 'react';
import type { PhoneKind } from '../../shared/contract/contacts';
import { officeRegion, phoneLengthProblem, splitExtension } from '../../shared/text/phone';
import { useSettings } from '../app/settings-context';
import { usePhoneDuplicates } from '../hooks/use-phone-duplicates';
import { useLocale } from '../i18n/use-t';
import type { PhoneDraft } from '../lib/contact-draft';
import { PHONE_KIND_LIST } from '../lib/kinds';
import { FieldErrorText } from '../ui/field-error';

type Props = {
  phone: PhoneDraft;
  index: number;
  excludeId: number | null;
  errors: Record<string, string>;
  onChange: (p: PhoneDraft) => void;
  onRemove: () => void;
  onOpenContact: (id: number) => void;
  canRemove: boolean;
};

/** Kind, number and extension of one phone, and the "already saved for …" flag under it. */
export function PhoneRowEditor({ phone, index, excludeId, errors, onChange, onRemove, onOpenContact, canRemove }: Props) {
  const { t, digits } = useLocale();
  const { settings } = useSettings();
  const id = useId();
  const { matches, check } = usePhoneDuplicates(phone.number, excludeId);
  // The digit-count warning shows once the user has left the field, not while they are still typing.
  const [left, setLeft] = useState(false);
  const name = (part: string) => `phones.${index}.${part}`;
  const numberError = errors[name('number')];
  const extError = errors[name('extension')];
  const problem = left && !numberError ? phoneLengthProblem(phone.number, officeRegion(settings.phoneCountryCode, settings.phoneAreaCode)) : null;
  const warning = problem && t.form.phoneLength(t.phoneKinds[phone.kind], digits(problem.digits), digits(problem.expected));

  /** An extension typed after the number ("… x12", «… داخلی ۱۲») moves to its own field, as the engine stores it. */
  function leaveNumber() {
    setLeft(true);
    const split = splitExtension(phone.number);
    if (split.extension && (phone.extension.trim() === '' || digits(phone.extension) === digits(split.extension))) {
      onChange({ ...phone, number: split.number, extension: digits(split.extension) });
    }
    check();
  }
  return (
    <div className="phone-row" data-testid="phone-row">
      <div className="phone-row-inputs">
        <select
          className="input phone-kind"
          name={name('kind')}
          value={phone.kind}
          aria-label={t.form.phoneKind}
          onChange={(e) => onChange({ ...phone, kind: e.target.value as PhoneKind })}
          data-testid={name('kind')}
        >
          {PHONE_KIND_LIST.map((k) => (
            <option key={k} value={k}>
              {t.phoneKinds[k]}
            </option>
          ))}
        </select>
        <input
          className={`input phone-number-input${numberError ? ' invalid' : ''}`}
          name={name('number')}
          type="tel"
          dir="ltr"
          value={phone.number}
          placeholder={t.form.phoneNumber}
          aria-label={t.form.phoneNumber}
          aria-invalid={numberError ? true : undefined}
          aria-describedby={numberError ? `${id}-n` : warning ? `${id}-w` : undefined}
          autoComplete="off"
          onChange={(e) => {
            setLeft(false);
            onChange({ ...phone, number: e.target.value });
          }}
          onBlur={leaveNumber}
          data-testid={name('number')}
        />
        <input
          className={`input phone-ext-input${extError ? ' invalid' : ''}`}
          name={name('extension')}
          dir="ltr"
          inputMode="numeric"
          value={phone.extension}
          placeholder={t.form.extension}
          aria-label={t.form.extension}
          aria-invalid={extError ? true : undefined}
          autoComplete="off"
          onChange={(e) => onChange({ ...phone, extension: e.target.value })}
          data-testid={name('extension')}
        />
        <button
          type="button"
          className="icon-button"
          onClick={onRemove}
          disabled={!canRemove}
          aria-label={t.form.removePhone}
          title={t.form.removePhone}
          data-testid={`remove-phone-${index}`}
        >
          ×
        </button>
      </div>
      <FieldErrorText id={`${id}-n`} message={numberError ?? extError} />
      {warning && (
        <p id={`${id}-w`} className="field-warning" role="status" data-testid="phone-warning">
          {warning}
        </p>
      )}
      {matches.length > 0 && (
        <div className="duplicate-hint" role="status" data-testid="duplicate-phone">
          <span>{t.form.duplicatePhone}</span>{' '}
          {matches.map((m, i) => (
            <span key={m.contactId}>
              {i > 0 && t.common.listSeparator}
              <button
                type="button"
                className="link-button"
                onClick={() => onOpenContact(m.contactId)}
                title={t.form.openDuplicate(m.displayName)}
                data-testid="duplicate-open"
              >
                <bdi>{m.displayName}</bdi>
              </button>
              {m.company && <span className="muted"> ({m.company})</span>}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
