import { useEffect, useState } from 'react';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import type { ContactSummary } from '../../shared/contract/contacts';
import type { FaxDocument } from '../../shared/contract/fax';
import { parseDateInput } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { readFileAsBase64 } from '../lib/read-file';
import { ContactPicker } from '../people/contact-picker';
import { DateInput } from '../ui/date-input';
import { Dialog } from '../ui/dialog';
import { FieldErrorText } from '../ui/field-error';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { FaxSendDocuments } from './fax-send-documents';

type Cover = { to: string; from: string; subject: string; note: string };
type Errors = Partial<Record<'documentIds' | 'number' | 'contactIds' | 'groupId' | 'sendAt' | 'form', string>>;

/** The instant a Jalali/Gregorian date and an HH:MM time in the office's time zone stand for; null when either is unreadable. */
function instantOf(date: string, time: string, calendar: 'jalali' | 'gregorian'): string | null {
  const iso = parseDateInput(date, calendar);
  const m = /^(\d{1,2}):(\d{2})$/.exec(toAsciiDigits(time.trim()));
  if (!iso || !m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  const at = new Date(`${iso}T${m[1]!.padStart(2, '0')}:${m[2]}:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/**
 * "Send a fax", open over the Fax screen at '#/fax/send': documents in order, a number typed or contacts
 * and a group chosen, an optional cover page prefilled from the contact and the office settings, now or
 * at a chosen time. The engine checks everything and queues all or nothing; its error shows under the
 * field it names.
 */
export function FaxSendDialog({ library, onClose }: { library: FaxDocument[]; onClose: () => void }) {
  const { t, calendar, digits } = useLocale();
  const client = useClient();
  const toast = useToast();
  const settings = useQuery('settings/get', {});
  const groups = useQuery('groups/list', {});
  const [docs, setDocs] = useState<number[]>([]);
  const [adding, setAdding] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [contacts, setContacts] = useState<ContactSummary[]>([]);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [withCover, setWithCover] = useState(false);
  const [cover, setCover] = useState<Cover>({ to: '', from: '', subject: '', note: '' });
  const [later, setLater] = useState(false);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [ecm, setEcm] = useState(true);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  // The cover's sender is the office, its recipient the first contact chosen, unless the user wrote them.
  const officeName = settings.data?.officeName ?? '';
  const firstName = contacts[0]?.displayName ?? '';
  useEffect(() => setCover((c) => (c.from ? c : { ...c, from: officeName })), [officeName]);
  useEffect(() => setCover((c) => (c.to ? c : { ...c, to: firstName })), [firstName]);

  const addFile = async (file: File) => {
    setAdding(file.name);
    setErrors({});
    try {
      const r = await client.call('fax/document-add', { fileName: file.name, base64: await readFileAsBase64(file) });
      if (!r.ok) return setErrors({ documentIds: r.error.message });
      setDocs((d) => [...d, r.value.id]);
    } finally {
      setAdding(null);
    }
  };

  const send = async () => {
    let sendAt: string | null = null;
    if (later) {
      sendAt = instantOf(date, time, calendar);
      if (!sendAt) return setErrors({ sendAt: t.faxOut.badTime });
    }
    setBusy(true);
    setErrors({});
    const r = await client.call('fax/send', {
      documentIds: docs,
      number,
      contactIds: contacts.map((c) => c.id),
      groupId,
      cover: withCover ? cover : null,
      sendAt,
      ecm,
    });
    setBusy(false);
    if (!r.ok) {
      const field = r.error.field as keyof Errors | undefined;
      return setErrors(field && field !== 'form' ? { [field]: r.error.message } : { form: r.error.message });
    }
    toast.show('success', t.faxOut.queued(r.value.jobs.length));
    if (r.value.skipped.length > 0) toast.show('error', t.faxOut.skipped(r.value.skipped.map((s) => s.name).join('، ')));
    const only = r.value.jobs.length === 1 ? r.value.jobs[0]! : null;
    navigate(only ? { screen: 'fax-job', id: only.id } : { screen: 'fax' }, { replace: true });
  };

  const setCoverField = (k: keyof Cover) => (v: string) => setCover((c) => ({ ...c, [k]: v }));
  return (
    <Dialog
      title={t.faxOut.sendTitle}
      size="large"
      testId="fax-send"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="button" className="button primary" disabled={busy || adding !== null} onClick={() => void send()} data-testid="fax-send-submit">
            {busy ? t.faxOut.sending : t.faxOut.send}
          </button>
        </>
      }
    >
      {errors.form && (
        <p className="form-banner error" role="alert" data-testid="fax-send-error">
          {errors.form}
        </p>
      )}
      <FaxSendDocuments library={library} chosen={docs} onChange={setDocs} onFile={(f) => void addFile(f)} adding={adding} error={errors.documentIds} />
      <fieldset className="fax-send-part">
        <legend>{t.faxOut.to}</legend>
        <TextField
          name="number"
          label={t.faxOut.number}
          value={number}
          onChange={setNumber}
          dir="ltr"
          type="tel"
          hint={t.faxOut.numberHint}
          error={errors.number}
          autoFocus
        />
        <ContactPicker label={t.faxOut.contacts} onPick={(c) => setContacts((l) => (l.some((x) => x.id === c.id) ? l : [...l, c]))} error={errors.contactIds} />
        {contacts.length > 0 && (
          <ul className="fax-send-chips" data-testid="fax-send-contacts">
            {contacts.map((c) => (
              <li key={c.id} className="chip">
                <bdi>{c.displayName}</bdi> <bdi dir="ltr">{digits(c.phones.find((p) => p.kind === 'fax')?.display ?? c.phones[0]?.display ?? '')}</bdi>
                <button
                  type="button"
                  className="button small"
                  aria-label={t.faxOut.removeContact(c.displayName)}
                  onClick={() => setContacts((l) => l.filter((x) => x.id !== c.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <label className="fax-option">
          <span>{t.faxOut.group}</span>
          <select
            className="input"
            value={groupId ?? ''}
            onChange={(e) => setGroupId(e.target.value ? Number(e.target.value) : null)}
            data-testid="fax-send-group"
          >
            <option value="">{t.faxOut.noGroup}</option>
            {(groups.data ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <FieldErrorText id="fax-send-group-err" message={errors.groupId} />
      </fieldset>
      <fieldset className="fax-send-part">
        <legend>{t.faxOut.cover}</legend>
        <label className="check">
          <input type="checkbox" checked={withCover} onChange={(e) => setWithCover(e.target.checked)} data-testid="fax-send-cover" /> {t.faxOut.coverOn}
        </label>
        {withCover && (
          <div className="fax-send-cover">
            <TextField name="coverTo" label={t.faxOut.coverTo} value={cover.to} onChange={setCoverField('to')} />
            <TextField name="coverFrom" label={t.faxOut.coverFrom} value={cover.from} onChange={setCoverField('from')} />
            <TextField name="coverSubject" label={t.faxOut.coverSubject} value={cover.subject} onChange={setCoverField('subject')} />
            <TextField name="coverNote" label={t.faxOut.coverNote} value={cover.note} onChange={setCoverField('note')} multiline />
          </div>
        )}
      </fieldset>
      <fieldset className="fax-send-part">
        <legend>{t.faxOut.when}</legend>
        <label className="check">
          <input type="radio" name="fax-when" checked={!later} onChange={() => setLater(false)} data-testid="fax-send-now" /> {t.faxOut.now}
        </label>
        <label className="check">
          <input type="radio" name="fax-when" checked={later} onChange={() => setLater(true)} data-testid="fax-send-later" /> {t.faxOut.later}
        </label>
        {later && (
          <div className="fax-add">
            <DateInput name="sendDate" label={t.faxOut.date} value={date} onChange={setDate} />
            <TextField name="sendTime" label={t.faxOut.time} value={time} onChange={setTime} dir="ltr" inputMode="numeric" placeholder="22:30" />
          </div>
        )}
        <FieldErrorText id="fax-send-at-err" message={errors.sendAt} />
        <label className="check">
          <input type="checkbox" checked={ecm} onChange={(e) => setEcm(e.target.checked)} data-testid="fax-send-ecm" /> {t.faxOut.ecm}
        </label>
      </fieldset>
    </Dialog>
  );
}
