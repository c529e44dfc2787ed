import { useAttData } from './use-att-data';
import { useLocale } from '../i18n/use-t';

/** A staff member (all personnel files, active ones first), or everyone when `allowAll`. */
export function StaffSelect({ value, onChange, allowAll }: { value: number | null; onChange: (id: number | null) => void; allowAll: boolean }) {
  const { t, digits } = useLocale();
  const { value: list } = useAttData('people/search', { kind: 'staff', limit: 500 });
  const items = [...(list?.items ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName, 'fa'));
  return (
    <select
      className="input staff-select"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      aria-label={t.attendance.person}
      data-testid="staff-select"
    >
      <option value="">{allowAll ? t.attendance.everyone : t.attendance.pickPerson}</option>
      {items.map((f) => (
        <option key={f.id} value={f.id}>
          {f.displayName} ({digits(f.fileNo)}){f.active ? '' : ` — ${t.people.inactive}`}
        </option>
      ))}
    </select>
  );
}
