import { useId } from 'react';
import type { PhoneKind } from '../../shared/contract/contacts';
import { usePhoneDuplicates } from '../hooks/use-phone-duplicates';
import { useT } from '../i18n/use-t';
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
  const t = useT();
  const id = useId();
  const { matches, check } = usePhoneDuplicates(phone.number, excludeId);
  const name = (part: string) => `phones.${index}.${part}`;
  const numberError = errors[name('number')];
  const extError = errors[name('extension')];
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
          aria-describedby={numberError ? `${id}-n` : undefined}
          autoComplete="off"
          onChange={(e) => onChange({ ...phone, number: e.target.value })}
          onBlur={check}
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
      {matches.length > 0 && (
        <div className="duplicate-hint" role="status" data-testid="duplicate-phone">
          <span>{t.form.duplicatePhone}</span>{' '}
          {matches.map((m, i) => (
            <span key={m.contactId}>
              {i > 0 && t.common.listSeparator}
              <button type="button" className="link-button" onClick={() => onOpenContact(m.contactId)} title={t.form.openDuplicate(m.displayName)} data-testid="duplicate-open">
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
