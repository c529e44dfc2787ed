import { memo } from 'react';
import type { ContactSummary, Group } from '../../shared/contract/contacts';
import { useLocale } from '../i18n/use-t';
import { GroupChip } from '../ui/group-chip';
import { PhoneNumber } from '../ui/phone-number';

type Props = {
  contact: ContactSummary | undefined;
  index: number;
  top: number;
  height: number;
  selected: boolean;
  groupById: Map<number, Group>;
  onPick: (index: number) => void;
};

const MAX_PHONES = 2;
const MAX_CHIPS = 2;

/** One line of the contact list; a grey placeholder while its page is loading. */
export const ContactRow = memo(function ContactRow({ contact, index, top, height, selected, groupById, onPick }: Props) {
  const { t, num } = useLocale();
  const style = { transform: `translateY(${top}px)`, height };
  if (!contact) {
    return (
      <div className="contact-row placeholder" style={style} aria-hidden="true" data-testid="contact-row-placeholder">
        <span className="skeleton skeleton-name" />
        <span className="skeleton skeleton-phone" />
      </div>
    );
  }
  const groups = contact.groupIds.flatMap((id) => groupById.get(id) ?? []);
  const work = [contact.company, contact.jobTitle].filter(Boolean).join(' · ');
  return (
    <div
      id={`contact-row-${index}`}
      className={`contact-row${selected ? ' selected' : ''}`}
      style={style}
      role="option"
      aria-selected={selected}
      data-testid="contact-row"
      data-contact-id={contact.id}
      data-index={index}
      onClick={() => onPick(index)}
    >
      <div className="row-main">
        <span className="row-name">
          <bdi>{contact.displayName || t.row.noName}</bdi>
        </span>
        {work && (
          <span className="row-work">
            <bdi>{work}</bdi>
          </span>
        )}
      </div>
      <div className="row-phones">
        {contact.phones.slice(0, MAX_PHONES).map((p, i) => (
          <span key={i} className="row-phone">
            <span className="row-phone-kind">{t.phoneKinds[p.kind]}</span>
            <PhoneNumber display={p.display} />
          </span>
        ))}
      </div>
      <div className="row-groups">
        {groups.slice(0, MAX_CHIPS).map((g) => (
          <GroupChip key={g.id} group={g} compact />
        ))}
        {groups.length > MAX_CHIPS && <bdi className="more-chips">{t.row.moreGroups(num(groups.length - MAX_CHIPS))}</bdi>}
      </div>
    </div>
  );
});
