import type { Contact } from '../../shared/contract/contacts';
import { formatDateLong } from '../../shared/text/calendar';
import { useCatalog } from '../app/catalog-context';
import { DialButton } from '../calls/dial-button';
import { useLocale } from '../i18n/use-t';
import { fieldValueToDisplay } from '../lib/field-values';
import { GroupChip } from '../ui/group-chip';
import { PhoneNumber } from '../ui/phone-number';
import { ContactFiles } from '../people/contact-files';
import { ContactCheques } from '../cheques/contact-cheques';
import { ContactCalls } from './contact-calls';
import { ContactTimeline } from './contact-timeline';
import { DetailSection } from './detail-section';

type Props = {
  contact: Contact;
  onEdit: () => void;
  onDelete: () => void;
  onPrint: () => void;
  onClose: () => void;
  onChanged: (c: Contact) => void;
  printing: boolean;
  /** Still the previous contact while the next one loads: shown dimmed and inert. */
  stale?: boolean;
};

/** Everything about one contact: their files, calls and cheques, and the timeline of notes. */
export function ContactDetail({ contact: c, onEdit, onDelete, onPrint, onClose, onChanged, printing, stale = false }: Props) {
  const { t, lang, calendar, date, digits, instant } = useLocale();
  const { groupById, fieldById } = useCatalog();
  const work = [c.jobTitle, c.department, c.company].filter(Boolean).join(' · ');
  const groups = c.groupIds.flatMap((id) => groupById.get(id) ?? []);
  const fields = c.fields.flatMap((v) => {
    const f = fieldById.get(v.fieldId);
    return f && v.value !== '' ? [{ f, v: v.value }] : [];
  });
  const addressLines = [
    c.street,
    [c.city, c.province].filter(Boolean).join(t.common.listSeparator),
    [c.postalCode && digits(c.postalCode), c.country].filter(Boolean).join(' — '),
  ].filter(Boolean);
  const yesNo = { yes: t.common.yes, no: t.common.no };

  return (
    <article className={stale ? 'detail stale' : 'detail'} inert={stale} aria-busy={stale} data-testid="contact-detail" data-contact-id={c.id}>
      <header className="detail-header">
        <div className="detail-title">
          <h2 data-testid="detail-name">
            <bdi>{c.displayName || t.row.noName}</bdi>
          </h2>
          {c.nickname && <span className="muted">«{c.nickname}»</span>}
          {work && (
            <p className="detail-work">
              <bdi>{work}</bdi>
            </p>
          )}
        </div>
        <div className="detail-actions">
          <button type="button" className="button" onClick={onEdit} data-testid="edit-contact">
            {t.common.edit}
          </button>
          <button type="button" className="button" onClick={onPrint} disabled={printing} data-testid="print-contact">
            {printing ? t.phonebook.preparing : t.detail.print}
          </button>
          <button type="button" className="button danger-outline" onClick={onDelete} data-testid="delete-contact">
            {t.common.delete}
          </button>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t.detail.closePane} title={t.detail.closePane} data-testid="close-detail">
            ×
          </button>
        </div>
      </header>

      <div className="detail-grid">
        <DetailSection title={t.detail.phones} testId="detail-phones">
          {c.phones.length > 0 && (
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
        </DetailSection>
        <DetailSection title={t.detail.emails} testId="detail-emails">
          {c.emails.length > 0 && (
            <ul className="plain-list">
              {c.emails.map((e, i) => (
                <li key={i}>
                  <bdi dir="ltr">{e.address}</bdi>
                </li>
              ))}
            </ul>
          )}
        </DetailSection>
        <DetailSection title={t.detail.address} testId="detail-address">
          {addressLines.length > 0 && (
            <p className="pre-line" dir="auto">
              {addressLines.join('\n')}
            </p>
          )}
        </DetailSection>
        <DetailSection title={t.detail.birthDate} testId="detail-birth-date">
          {c.birthDate && (
            <p>
              <span data-testid="birth-date">{date(c.birthDate)}</span> <span className="muted">({formatDateLong(c.birthDate, calendar, lang)})</span>
            </p>
          )}
        </DetailSection>
        <DetailSection title={t.detail.groups} testId="detail-groups">
          {groups.length > 0 && (
            <div className="chips">
              {groups.map((g) => (
                <GroupChip key={g.id} group={g} />
              ))}
            </div>
          )}
        </DetailSection>
        <DetailSection title={t.detail.extraFields} testId="detail-fields">
          {fields.length > 0 && (
            <dl className="field-list">
              {fields.map(({ f, v }) => (
                <div key={f.id} className="field-item">
                  <dt>{f.name}</dt>
                  <dd>
                    <bdi>{fieldValueToDisplay(f, v, calendar, lang, yesNo)}</bdi>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </DetailSection>
      </div>
      <DetailSection title={t.detail.notes} testId="detail-notes">
        {c.notes && (
          <p className="pre-line" dir="auto">
            {c.notes}
          </p>
        )}
      </DetailSection>

      <ContactFiles contactId={c.id} />
      <ContactCalls contactId={c.id} />
      <ContactCheques contactId={c.id} />
      <ContactTimeline contact={c} onChanged={onChanged} />
      <footer className="detail-footer muted">
        <span>{t.detail.createdAt(instant(c.createdAt))}</span>
        <span>{t.detail.updatedAt(instant(c.updatedAt))}</span>
      </footer>
    </article>
  );
}
