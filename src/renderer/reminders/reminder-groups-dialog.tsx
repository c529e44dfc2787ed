import { useState } from 'react';
import type { ReminderGroup } from '../../shared/contract/reminders';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { Dialog } from '../ui/dialog';
import { FieldErrorText } from '../ui/field-error';
import { useToast } from '../ui/toast-context';

const PALETTE = ['#1f5fa8', '#1e7a4c', '#c2410c', '#7c3aed', '#b91c1c', '#0e7490', '#a16207', '#475569'];

/** The reminder groups (user-defined, each with a colour): add, rename, recolour, delete. */
export function ReminderGroupsDialog({ groups, onClose }: { groups: ReminderGroup[]; onClose: () => void }) {
  const { t, digits } = useLocale();
  const m = t.reminders;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [name, setName] = useState('');
  const [color, setColor] = useState(PALETTE[groups.length % PALETTE.length]!);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const r = await client.call('reminder-groups/create', { name, color });
    if (!r.ok) return setError(r.error.message);
    setName('');
    setError(null);
    setColor(PALETTE[(groups.length + 1) % PALETTE.length]!);
  };
  const change = async (g: ReminderGroup, patch: Partial<Pick<ReminderGroup, 'name' | 'color'>>) => {
    const r = await client.call('reminder-groups/update', { id: g.id, data: { name: patch.name ?? g.name, color: patch.color ?? g.color } });
    if (!r.ok) toast.show('error', r.error.message);
  };
  const remove = async (g: ReminderGroup) => {
    if (!(await confirm({ title: m.deleteGroup, body: m.confirmDeleteGroup(g.name), confirmLabel: m.deleteGroup, danger: true }))) return;
    const r = await client.call('reminder-groups/delete', { id: g.id });
    if (!r.ok) toast.show('error', r.error.message);
  };

  return (
    <Dialog
      title={m.groupsTitle}
      onClose={onClose}
      testId="reminder-groups"
      footer={
        <button type="button" className="button primary" onClick={onClose}>
          {m.close}
        </button>
      }
    >
      <ul className="rgroup-list">
        {groups.map((g) => (
          <li key={g.id} className="rgroup-row" data-testid="rgroup-row">
            <input type="color" value={g.color} onChange={(e) => void change(g, { color: e.target.value })} aria-label={m.groupColor} />
            <input
              className="input"
              defaultValue={g.name}
              onBlur={(e) => e.target.value !== g.name && void change(g, { name: e.target.value })}
              aria-label={m.groupName}
            />
            <span className="muted">{m.groupCount(digits(g.count))}</span>
            <button type="button" className="icon-button" onClick={() => void remove(g)} aria-label={m.deleteGroup} title={m.deleteGroup}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="rgroup-add">
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} aria-label={m.groupColor} />
        <input
          className={`input${error ? ' invalid' : ''}`}
          value={name}
          placeholder={m.groupName}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && void add()}
          data-testid="rgroup-name"
          data-autofocus
        />
        <button type="button" className="button" onClick={() => void add()} data-testid="rgroup-add">
          {m.addGroup}
        </button>
      </div>
      <FieldErrorText id="rgroup-err" message={error ?? undefined} />
    </Dialog>
  );
}
