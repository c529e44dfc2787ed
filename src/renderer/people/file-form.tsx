import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useConfirm } from '../ui/confirm-context';
import type { ContactSummary } from '../../shared/contract/contacts';
import { APPLICANT_STATUSES, type ApplicantStatus, type Application, type FileInput, type FileKind, type PersonFile } from '../../shared/contract/people';
import { formatDate, parseDateInput } from '../../shared/text/calendar';
import { localDigits } from '../../shared/text/digits';
import { isValidNationalId } from '../../shared/text/national-id';
import { useCatalog } from '../app/catalog-context';
import { useClient } from '../app/client';
import { useSchedules } from '../hooks/use-schedules';
import { useLocale } from '../i18n/use-t';
import { buildInput, draftFromContact, emptyDraft, errorOnForm, type ContactDraft, type FieldError } from '../lib/contact-draft';
import { PhonesEditor } from '../phonebook/phones-editor';
import { DateInput } from '../ui/date-input';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { ApplicationEditor } from './application-editor';
import { ContactPicker } from './contact-picker';
import { ReferrerPicker, type Referrer } from './referrer-picker';

type Props = { kind: FileKind; id: number | null; onClose: () => void; onSaved: (f: PersonFile) => void };

const emptyApp = (): Application => ({
  fatherName: '',
  birthPlace: '',
  maritalStatus: '',
  militaryService: '',
  education: [],
  workHistory: [],
  skills: '',
  position: '',
  expectedSalary: '',
  availableFrom: '',
});

/**
 * New or edit file. The person is picked from the phonebook or typed as a new contact; on edit their
 * name, phones, address and birth date are edited here and saved to the phonebook contact (one record).
 * Errors show under the field the engine names (a contact's under its own field).
 */
export function FileForm({ kind, id, onClose, onSaved }: Props) {
  const { t, calendar, lang, digits, dir } = useLocale();
  const m = t.people;
  const { fields } = useCatalog();
  const client = useClient();
  const toast = useToast();
  const schedules = useSchedules();
  const [file, setFile] = useState<PersonFile | null>(null);
  const [loaded, setLoaded] = useState(id === null);
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [picked, setPicked] = useState<ContactSummary | null>(null);
  const [contact, setContact] = useState<ContactDraft>(emptyDraft);
  const [fileNo, setFileNo] = useState('');
  const [next, setNext] = useState('');
  const [registeredOn, setRegisteredOn] = useState('');
  const [nationalId, setNationalId] = useState('');
  const [referrer, setReferrer] = useState<Referrer>(null);
  const [referrerText, setReferrerText] = useState('');
  const [status, setStatus] = useState<ApplicantStatus>('new');
  const [scheduleId, setScheduleId] = useState<number | null>(null);
  const [active, setActive] = useState(true);
  const [app, setApp] = useState<Application>(emptyApp);
  const [error, setError] = useState<FieldError | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const confirm = useConfirm();
  const initial = useRef<string | null>(null);
  const example = calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian;

  useEffect(() => {
    void client.call('people/next-number', { kind }).then((r) => (r.ok ? setNext(r.value.fileNo) : setBanner(r.error.message)));
    if (id === null) return;
    void client.call('people/get', { id }).then((r) => {
      if (!r.ok) return setBanner(r.error.message);
      const f = r.value;
      setFile(f);
      setContact(draftFromContact(f.contact, fields, calendar, lang));
      setFileNo(localDigits(f.fileNo, lang));
      setRegisteredOn(formatDate(f.registeredOn, calendar, lang));
      setNationalId(localDigits(f.nationalId, lang));
      setReferrer(f.referrer ? { id: f.referrer.id, name: f.referrer.displayName, fileNo: f.referrer.fileNo } : null);
      setReferrerText(f.referrerText);
      setStatus(f.status);
      setScheduleId(f.scheduleId);
      setActive(f.active);
      setApp(f.application ?? emptyApp());
      setLoaded(true);
    });
    // The form is filled once (fields, calendar and language as they were): later changes elsewhere
    // must not overwrite what is being typed.
  }, [client, id, kind]);

  // What the form holds, to ask before closing over unsaved typing.
  const snapshot = JSON.stringify([mode, picked?.id, contact, fileNo, registeredOn, nationalId, referrer, referrerText, status, scheduleId, active, app]);
  useEffect(() => {
    if (loaded && initial.current === null) initial.current = snapshot;
  }, [loaded, snapshot]);
  const leave = async () => {
    const dirty = initial.current !== null && initial.current !== snapshot;
    if (!dirty || (await confirm({ title: t.form.discardTitle, body: t.form.discardBody, confirmLabel: t.form.discard, danger: true }))) onClose();
  };
  const errors: Record<string, string> = error ? { [error.field]: error.message } : {};
  const showError = (fe: FieldError) => {
    setError(fe);
    setBanner(null);
    requestAnimationFrame(() => body.current?.querySelector<HTMLElement>(`[name="${fe.field}"]`)?.focus());
  };

  const save = async () => {
    if (saving) return;
    setError(null);
    const editingContact = id !== null || mode === 'new';
    const built = editingContact ? buildInput(contact, fields, calendar, t.form.invalidDate(example)) : null;
    if (built && 'field' in built) return showError(built);
    let reg: string | null = null;
    if (registeredOn.trim()) {
      reg = parseDateInput(registeredOn, calendar);
      if (!reg) return showError({ field: 'registeredOn', message: t.form.invalidDate(example) });
    }
    if (id === null && mode === 'existing' && !picked) return showError({ field: 'contactId', message: t.people.personSearch });
    const input: FileInput = {
      kind,
      fileNo,
      registeredOn: reg,
      nationalId,
      referrerFileId: referrer?.id ?? null,
      referrerText: referrer ? '' : referrerText,
      status,
      scheduleId,
      active,
      application: kind === 'applicant' ? app : null,
      contactId: id === null && mode === 'existing' ? (picked?.id ?? null) : null,
      contact: built ? built.input : null,
    };
    setSaving(true);
    const r = id === null ? await client.call('people/create', input) : await client.call('people/update', { id, data: input });
    setSaving(false);
    if (r.ok) {
      toast.show('success', m.saved);
      onSaved(r.value);
      return;
    }
    const field = r.error.field ?? '';
    if (field.startsWith('contact.') && built) {
      const fe = errorOnForm({ ...r.error, field: field.slice('contact.'.length) }, built);
      if (fe && body.current?.querySelector(`[name="${fe.field}"]`)) return showError(fe);
    } else if (['fileNo', 'registeredOn', 'nationalId', 'referrerText', 'referrerFileId', 'contactId'].includes(field)) {
      return showError({ field: field === 'referrerFileId' ? 'referrerText' : field, message: r.error.message });
    }
    setBanner(r.error.message);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && (e.code === 'KeyS' || e.key === 'Enter')) {
      e.preventDefault();
      void save();
    }
  };
  const text = (key: 'firstName' | 'lastName' | 'street' | 'city', label: string, autoFocus = false) => (
    <TextField
      name={key}
      label={label}
      value={contact[key]}
      onChange={(v) => setContact((c) => ({ ...c, [key]: v }))}
      error={errors[key]}
      autoFocus={autoFocus}
    />
  );
  const nidState = nationalId.trim() === '' ? null : isValidNationalId(nationalId);
  const personEditable = id !== null || mode === 'new';

  return (
    <Dialog
      title={file ? m.editTitle(file.contact.displayName) : m.newTitle(m.kindOne[kind])}
      size="large"
      testId="file-form"
      onClose={() => void leave()}
      onKeyDown={onKeyDown}
      footer={
        <>
          <span className="shortcut-hint">{t.common.shortcutSave}</span>
          <button type="button" className="button" onClick={() => void leave()}>
            {m.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save()} disabled={saving || !loaded} data-testid="file-save">
            {saving ? t.common.saving : m.save}
          </button>
        </>
      }
    >
      <div ref={body} className="contact-form file-form">
        {banner && (
          <div className="form-banner" role="alert" data-testid="form-error">
            {banner}
          </div>
        )}
        <fieldset className="form-section">
          <legend>{m.person}</legend>
          {id === null && (
            <div className="segmented" role="radiogroup" aria-label={m.person}>
              {(['new', 'existing'] as const).map((k) => (
                <button
                  key={k}
                  type="button"
                  role="radio"
                  aria-checked={mode === k}
                  className={`segment${mode === k ? ' active' : ''}`}
                  onClick={() => setMode(k)}
                  data-testid={`person-${k}`}
                >
                  {k === 'new' ? m.personNew : m.personExisting}
                </button>
              ))}
            </div>
          )}
          {!personEditable &&
            (picked ? (
              <div className="picked">
                <bdi data-testid="person-picked">{picked.displayName}</bdi>
                <bdi dir="ltr" className="muted">
                  {digits(picked.phones[0]?.display ?? '')}
                </bdi>
                <button type="button" className="link-button" onClick={() => setPicked(null)}>
                  {m.personChange}
                </button>
              </div>
            ) : (
              <ContactPicker label={m.personExisting} onPick={setPicked} error={errors.contactId} />
            ))}
          {personEditable && (
            <>
              <div className="grid cols-3">
                {text('firstName', m.firstName, true)}
                {text('lastName', m.lastName)}
                <DateInput
                  name="birthDate"
                  label={m.birthDate}
                  value={contact.birthDate}
                  onChange={(birthDate) => setContact((c) => ({ ...c, birthDate }))}
                  error={errors.birthDate}
                />
              </div>
              <PhonesEditor
                phones={contact.phones}
                excludeId={file?.contact.id ?? null}
                errors={errors}
                onChange={(phones) => setContact((c) => ({ ...c, phones }))}
                onOpenContact={() => undefined}
              />
              <div className="grid cols-3">
                <div className="span-2">{text('street', m.street)}</div>
                {text('city', m.city)}
              </div>
              <p className="field-hint">{m.personNote}</p>
            </>
          )}
        </fieldset>

        <fieldset className="form-section">
          <legend>{m.facts}</legend>
          <div className="grid cols-3">
            <TextField
              name="fileNo"
              label={m.fileNo}
              value={fileNo}
              onChange={setFileNo}
              placeholder={digits(next)}
              hint={id === null && next ? m.fileNoHint(digits(next)) : undefined}
              dir={dir}
              error={errors.fileNo}
            />
            <DateInput name="registeredOn" label={m.registeredOn} value={registeredOn} onChange={setRegisteredOn} error={errors.registeredOn} />
            <TextField
              name="nationalId"
              label={m.nationalId}
              value={nationalId}
              onChange={setNationalId}
              inputMode="numeric"
              dir="ltr"
              error={errors.nationalId ?? (nidState === false ? m.nationalIdBad : undefined)}
              hint={nidState ? m.nationalIdOk : undefined}
            />
          </div>
          <div className="grid cols-3">
            <div className="span-2">
              <ReferrerPicker
                value={referrer}
                text={referrerText}
                onChange={(v, s) => {
                  setReferrer(v);
                  setReferrerText(s);
                }}
                error={errors.referrerText}
                excludeId={id}
              />
            </div>
            {kind === 'applicant' && (
              <div className="form-field">
                <label htmlFor="file-status">{m.status}</label>
                <select id="file-status" className="input" value={status} onChange={(e) => setStatus(e.target.value as ApplicantStatus)} data-testid="status">
                  {APPLICANT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {m.statuses[s]}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {kind === 'staff' && (
              <div className="form-field">
                <label htmlFor="file-schedule">{m.schedule}</label>
                <select
                  id="file-schedule"
                  className="input"
                  value={scheduleId ?? ''}
                  onChange={(e) => setScheduleId(e.target.value ? Number(e.target.value) : null)}
                  data-testid="scheduleId"
                >
                  <option value="">{m.noSchedule}</option>
                  {schedules.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          {kind === 'staff' && (
            <label className="checkbox-row">
              <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="active" />
              {m.active}
            </label>
          )}
        </fieldset>
        {kind === 'applicant' && <ApplicationEditor value={app} onChange={setApp} />}
      </div>
    </Dialog>
  );
}
