import { useT } from '../i18n/use-t';
import { newPhone, type PhoneDraft } from '../lib/contact-draft';
import { PhoneRowEditor } from './phone-row-editor';

type Props = {
  phones: PhoneDraft[];
  excludeId: number | null;
  errors: Record<string, string>;
  onChange: (p: PhoneDraft[]) => void;
  onOpenContact: (id: number) => void;
};

/** Any number of phones: add and remove rows; the first row stays so there is always one to type in. */
export function PhonesEditor({ phones, excludeId, errors, onChange, onOpenContact }: Props) {
  const t = useT();
  return (
    <div className="rows-editor">
      {phones.map((p, i) => (
        <PhoneRowEditor
          key={p.key}
          phone={p}
          index={i}
          excludeId={excludeId}
          errors={errors}
          canRemove={phones.length > 1 || p.number !== '' || p.extension !== ''}
          onChange={(next) => onChange(phones.map((x) => (x.key === p.key ? next : x)))}
          onRemove={() => {
            const rest = phones.filter((x) => x.key !== p.key);
            onChange(rest.length ? rest : [newPhone()]);
          }}
          onOpenContact={onOpenContact}
        />
      ))}
      <button
        type="button"
        className="link-button add-row"
        onClick={() => onChange([...phones, newPhone(phones.length === 0 ? 'mobile' : 'work')])}
        data-testid="add-phone"
      >
        + {t.form.addPhone}
      </button>
    </div>
  );
}
