import { useRef, useState, type KeyboardEvent } from 'react';
import type { Contact } from '../../shared/contract/contacts';
import { useCatalog } from '../app/catalog-context';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import {
  buildInput,
  draftFromContact,
  draftWithNumber,
  emptyDraft,
  errorOnForm,
  TEXT_KEYS,
  type ContactDraft,
  type FieldError,
  type TextKey,
} from '../lib/contact-draft';
import { useConfirm } from '../ui/confirm-context';
import { DateInput } from '../ui/date-input';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { CustomFieldInput } from './custom-field-input';
import { EmailsEditor } from './emails-editor';
import { GroupPicker } from './group-picker';
import { PhonesEditor } from './phones-editor';

type Props = {
  /** null for a new contact. */
  contact: Contact | null;
  /** A new contact starts with this number (from a call). */
  initialNumber?: string;
  onClose: () => void;
  onSaved: (c: Contact) => void;
  onOpenContact: (id: number) => void;
};

/**
 * New or edit contact. Ctrl+S (or Ctrl+Enter) saves from anywhere in the form; Enter in a text box
 * does not, so a half-typed contact is never saved by accident. Esc asks before dropping changes.
 * An error from the engine is shown under the field it names, which gets the focus.
 */
export function ContactForm({ contact, initialNumber, onClose, onSaved, onOpenContact }: Props) {
  const { t, calendar, lang } = useLocale();
  const { fields } = useCatalog();
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  // Taken once: later catalog or settings changes must not reset what the user is typing.
  const [initial] = useState(() =>
    contact ? draftFromContact(contact, fields, calendar, lang) : initialNumber ? draftWithNumber(initialNumber) : emptyDraft(),
  );
  const initialJson = useRef(JSON.stringify(initial));
  const [draft, setDraft] = useState<ContactDraft>(initial);
  const [error, setError] = useState<FieldError | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const dirty = JSON.stringify(draft) !== initialJson.current;
  const errors: Record<string, string> = error ? { [error.field]: error.message } : {};
  const example = calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian;

  const update = (patch: Partial<ContactDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (error && Object.keys(patch).includes(error.field.split('.')[0] ?? '')) setError(null);
  };
  const setField = (id: number, value: string) => {
    setDraft((d) => ({ ...d, fields: { ...d.fields, [id]: value } }));
    if (error?.field === `fields.${id}`) setError(null);
  };

  const onForm = (field: string) =>
    (TEXT_KEYS as readonly string[]).includes(field) ||
    /^(phones|emails)\.\d+\./.test(field) ||
    field === 'birthDate' ||
    field === 'groupIds' ||
    fields.some((f) => field === `fields.${f.id}`);

  const showError = (fe: FieldError) => {
    setError(fe);
    setBanner(null);
    requestAnimationFrame(() => bodyRef.current?.querySelector<HTMLElement>(`[name="${fe.field}"]`)?.focus());
  };

  const save = async () => {
    if (saving) return;
    const built = buildInput(draft, fields, calendar, t.form.invalidDate(example));
    if ('field' in built) return showError(built);
    setSaving(true);
    const r = contact ? await client.call('contacts/update', { id: contact.id, data: built.input }) : await client.call('contacts/create', built.input);
    setSaving(false);
    if (r.ok) {
      toast.show('success', (contact ? t.form.updated : t.form.created)(r.value.displayName));
      onSaved(r.value);
      return;
    }
    const fe = errorOnForm(r.error, built);
    if (fe && onForm(fe.field)) showError(fe);
    else setBanner(r.error.message);
  };

  const leave = async (then: () => void) => {
    if (!dirty || (await confirm({ title: t.form.discardTitle, body: t.form.discardBody, confirmLabel: t.form.discard, danger: true }))) then();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && (e.code === 'KeyS' || e.key === 'Enter')) {
      e.preventDefault();
      void save();
    }
  };

  const text = (key: TextKey, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField name={key} label={label} value={draft[key]} onChange={(v) => update({ [key]: v })} error={errors[key]} {...extra} />
  );

  return (
    <Dialog
      title={contact ? t.form.editTitle(contact.displayName) : t.form.newTitle}
      size="large"
      testId="contact-form"
      onClose={() => void leave(onClose)}
      onKeyDown={onKeyDown}
      footer={
        <>
          <span className="shortcut-hint">{t.common.shortcutSave}</span>
          <button type="button" className="button" onClick={() => void leave(onClose)} data-testid="cancel-contact">
            {t.common.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save()} disabled={saving} data-testid="save-contact">
            {saving ? t.common.saving : t.common.save}
          </button>
        </>
      }
    >
      <div ref={bodyRef} className="contact-form">
        {banner && (
          <div className="form-banner" role="alert" data-testid="form-error">
            {banner}
          </div>
        )}
        <fieldset className="form-section">
          <legend>{t.form.sectionName}</legend>
          <div className="grid cols-3">
            {text('prefix', t.form.prefix, { placeholder: t.form.prefixHint })}
            {text('firstName', t.form.firstName, { autoFocus: true })}
            {text('lastName', t.form.lastName)}
            {text('middleName', t.form.middleName)}
            {text('suffix', t.form.suffix)}
            {text('nickname', t.form.nickname)}
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t.form.sectionWork}</legend>
          <div className="grid cols-3">
            {text('company', t.form.company)}
            {text('department', t.form.department)}
            {text('jobTitle', t.form.jobTitle)}
          </div>
        </fieldset>
        <div className="grid cols-2 align-start">
          <fieldset className="form-section">
            <legend>{t.form.sectionPhones}</legend>
            <PhonesEditor
              phones={draft.phones}
              excludeId={contact?.id ?? null}
              errors={errors}
              onChange={(phones) => update({ phones })}
              onOpenContact={(id) => void leave(() => onOpenContact(id))}
            />
          </fieldset>
          <fieldset className="form-section">
            <legend>{t.form.sectionEmails}</legend>
            <EmailsEditor emails={draft.emails} errors={errors} onChange={(emails) => update({ emails })} />
          </fieldset>
        </div>
        <fieldset className="form-section">
          <legend>{t.form.sectionAddress}</legend>
          <div className="grid cols-4">
            {text('street', t.form.street, { className: 'span-4' })}
            {text('city', t.form.city)}
            {text('province', t.form.province)}
            {text('postalCode', t.form.postalCode, { dir: 'ltr', inputMode: 'numeric' })}
            {text('country', t.form.country)}
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t.form.sectionOther}</legend>
          <div className="grid cols-3">
            <DateInput name="birthDate" label={t.form.birthDate} value={draft.birthDate} onChange={(v) => update({ birthDate: v })} error={errors.birthDate} />
            <div className="form-field span-2">
              <span className="label">{t.form.sectionGroups}</span>
              <GroupPicker value={draft.groupIds} onChange={(groupIds) => update({ groupIds })} error={errors.groupIds} />
            </div>
          </div>
        </fieldset>
        {fields.length > 0 && (
          <fieldset className="form-section">
            <legend>{t.form.sectionFields}</legend>
            <div className="grid cols-3">
              {fields.map((f) => (
                <CustomFieldInput key={f.id} field={f} value={draft.fields[f.id] ?? ''} error={errors[`fields.${f.id}`]} onChange={(v) => setField(f.id, v)} />
              ))}
            </div>
          </fieldset>
        )}
        <fieldset className="form-section">
          <legend>{t.form.sectionNotes}</legend>
          {text('notes', t.form.notes, { multiline: true, rows: 3 })}
        </fieldset>
      </div>
    </Dialog>
  );
}
