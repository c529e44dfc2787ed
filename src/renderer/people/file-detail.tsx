import { useState } from 'react';
import { APPLICANT_STATUSES, type ApplicantStatus, type FileKind } from '../../shared/contract/people';
import type { FileOut } from '../../shared/contract/io';
import { useClient } from '../app/client';
import { DialButton } from '../calls/dial-button';
import { useSchedules } from '../hooks/use-schedules';
import { useLocale } from '../i18n/use-t';
import { ContactCalls } from '../phonebook/contact-calls';
import { ContactTimeline } from '../phonebook/contact-timeline';
import { DetailSection } from '../phonebook/detail-section';
import { useConfirm } from '../ui/confirm-context';
import { FileReadyDialog } from '../ui/file-ready-dialog';
import { PhoneNumber } from '../ui/phone-number';
import { useToast } from '../ui/toast-context';
import { ApplicationSummary } from './application-summary';
import { DocumentsSection } from './documents-section';
import { HireDialog } from './hire-dialog';
import { InterviewsSection } from './interviews-section';
import { PhotoBox } from './photo-box';
import { PinDialog } from './pin-dialog';
import { usePersonFile } from './use-person-file';

type Props = {
  id: number;
  onEdit: () => void;
  onClose: () => void;
  onOpenFile: (id: number, kind: FileKind) => void;
  onOpenContact: (contactId: number) => void;
};

/**
 * One file: photo, number, the person's details from the phonebook, national ID, referrer,
 * documents; for applicants the application, status, interview notes, printing and hiring; for
 * staff the schedule and the clock-in PIN; and the person's calls and notes.
 */
export function FileDetail({ id, onEdit, onClose, onOpenFile, onOpenContact }: Props) {
  const { t, date, digits } = useLocale();
  const m = t.people;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const schedules = useSchedules();
  const { file: f, missing, set } = usePersonFile(id);
  const [pdf, setPdf] = useState<FileOut | null>(null);
  const [hiring, setHiring] = useState(false);
  const [pin, setPin] = useState(false);

  if (missing) return <p className="pane-hint">{m.notFound}</p>;
  if (!f) return null;
  const c = f.contact;
  const address = [c.street, c.city, c.province].filter(Boolean).join(t.common.listSeparator);

  const remove = async () => {
    if (!(await confirm({ title: m.deleteTitle, body: m.deleteBody(c.displayName), confirmLabel: m.delete, danger: true }))) return;
    const r = await client.call('people/delete', { id: f.id });
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', m.deleted);
    onClose();
  };
  const print = async () => {
    const r = await client.call('people/print-application', { id: f.id });
    if (!r.ok) return toast.show('error', r.error.message);
    setPdf(r.value);
  };
  const setStatus = async (status: ApplicantStatus) => {
    const r = await client.call('people/set-status', { id: f.id, status });
    if (!r.ok) return toast.show('error', r.error.message);
    set(r.value);
  };
  const schedule = schedules.find((s) => s.id === f.scheduleId);

  return (
    <article className="detail file-detail" data-testid="file-detail" data-file-id={f.id}>
      <header className="detail-header">
        <PhotoBox file={f} onChanged={set} />
        <div className="detail-title">
          <h2 data-testid="file-name">
            <bdi>{c.displayName}</bdi>
          </h2>
          <p className="detail-work">
            <span className="badge">{m.kindOne[f.kind]}</span>{' '}
            <span data-testid="file-no">
              {m.fileNo}: {digits(f.fileNo)}
            </span>
            {f.kind === 'applicant' && (
              <span className={`status-chip status-${f.status}`} data-testid="file-status">
                {m.statuses[f.status]}
              </span>
            )}
          </p>
        </div>
        <div className="detail-actions">
          <button type="button" className="button" onClick={onEdit} data-testid="file-edit">
            {m.edit}
          </button>
          {f.kind === 'applicant' && (
            <button type="button" className="button" onClick={() => void print()} data-testid="file-print">
              {m.print}
            </button>
          )}
          {f.kind === 'applicant' && f.status !== 'hired' && (
            <button type="button" className="button primary" onClick={() => setHiring(true)} data-testid="file-hire">
              {m.hire}
            </button>
          )}
          <button type="button" className="button danger-outline" onClick={() => void remove()} data-testid="file-delete">
            {m.delete}
          </button>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t.detail.closePane} title={t.detail.closePane}>
            ×
          </button>
        </div>
      </header>

      <div className="detail-grid">
        <DetailSection title={m.facts} testId="file-facts">
          <dl className="field-list">
            <div className="field-item">
              <dt>{m.registeredOn}</dt>
              <dd>{date(f.registeredOn)}</dd>
            </div>
            <div className="field-item">
              <dt>{m.nationalId}</dt>
              <dd data-testid="file-national-id">{f.nationalId ? digits(f.nationalId) : t.common.none}</dd>
            </div>
            <div className="field-item">
              <dt>{m.referrer}</dt>
              <dd>
                {f.referrer ? (
                  <button type="button" className="link-button" onClick={() => onOpenFile(f.referrer!.id, f.referrer!.kind)}>
                    <bdi>{m.referrerPicked(f.referrer.displayName, digits(f.referrer.fileNo))}</bdi>
                  </button>
                ) : (
                  <bdi>{f.referrerText || t.common.none}</bdi>
                )}
              </dd>
            </div>
            {c.birthDate && (
              <div className="field-item">
                <dt>{m.birthDate}</dt>
                <dd>{date(c.birthDate)}</dd>
              </div>
            )}
            {f.kind === 'staff' && (
              <>
                <div className="field-item">
                  <dt>{m.schedule}</dt>
                  <dd data-testid="file-schedule">
                    {schedule?.name ?? m.noSchedule}
                    {!f.active && ` — ${m.inactive}`}
                  </dd>
                </div>
                <div className="field-item">
                  <dt>{m.pin}</dt>
                  <dd>
                    {f.hasPin ? m.pinSet : m.pinNone}{' '}
                    <button type="button" className="link-button" onClick={() => setPin(true)} data-testid="file-pin">
                      {m.pinChange}
                    </button>
                  </dd>
                </div>
              </>
            )}
          </dl>
        </DetailSection>
        <DetailSection title={m.contactDetails} testId="file-contact">
          {c.phones.length === 0 ? (
            <p className="muted">{m.noPhones}</p>
          ) : (
            <ul className="plain-list">
              {c.phones.map((p, i) => (
                <li key={i} className="detail-phone">
                  <span className="kind-label">{t.phoneKinds[p.kind]}</span>
                  <PhoneNumber display={p.display} extension={p.extension} />
                  <DialButton number={p.number} contactId={c.id} />
                </li>
              ))}
            </ul>
          )}
          {address && <p dir="auto">{address}</p>}
          <p className="file-links">
            <button type="button" className="link-button" onClick={() => onOpenContact(c.id)} data-testid="file-open-contact">
              {m.openContact}
            </button>
            {f.related.map((r) => (
              <button key={r.id} type="button" className="link-button" onClick={() => onOpenFile(r.id, r.kind)} data-testid="file-related">
                {m.openFile(m.kindOne[r.kind], digits(r.fileNo))}
              </button>
            ))}
          </p>
        </DetailSection>
      </div>

      {f.kind === 'applicant' && (
        <section className="detail-section" data-testid="file-application">
          <div className="section-head">
            <h3 className="detail-section-title">{m.application}</h3>
            <label className="status-select">
              {m.status}{' '}
              <select className="input" value={f.status} onChange={(e) => void setStatus(e.target.value as ApplicantStatus)} data-testid="file-status-select">
                {APPLICANT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {m.statuses[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {f.application && <ApplicationSummary app={f.application} />}
          <InterviewsSection file={f} onChanged={set} />
        </section>
      )}

      <DocumentsSection file={f} onChanged={set} />
      <ContactCalls contactId={c.id} />
      <ContactTimeline contact={c} onChanged={(contact) => set({ ...f, contact })} />
      {pdf && <FileReadyDialog file={pdf} onClose={() => setPdf(null)} countLabel={() => c.displayName} />}
      {hiring && (
        <HireDialog
          file={f}
          onClose={() => setHiring(false)}
          onHired={(staff) => {
            setHiring(false);
            onOpenFile(staff.id, 'staff');
          }}
        />
      )}
      {pin && <PinDialog file={f} onClose={() => setPin(false)} onChanged={set} />}
    </article>
  );
}
