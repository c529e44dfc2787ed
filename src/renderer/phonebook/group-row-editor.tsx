import { useState } from 'react';
import type { Group } from '../../shared/contract/contacts';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { FieldErrorText } from '../ui/field-error';

export const GROUP_PALETTE = ['#4a7dbd', '#2e9d6e', '#c9853a', '#b84a62', '#7a5bb5', '#3a9aa8', '#8a8f3c', '#d06a3a'];

/** One group: rename, recolour (saved with the button or Enter), delete after confirmation. */
export function GroupRowEditor({ group, index }: { group: Group; index: number }) {
  const { t, num } = useLocale();
  const client = useClient();
  const confirm = useConfirm();
  const [name, setName] = useState(group.name);
  const [color, setColor] = useState(group.color);
  const [error, setError] = useState<string | null>(null);
  const dirty = name !== group.name || color.toLowerCase() !== group.color.toLowerCase();

  const save = async () => {
    const r = await client.call('groups/update', { id: group.id, data: { name, color } });
    setError(r.ok ? null : r.error.message);
  };
  const remove = async () => {
    const ok = await confirm({
      title: t.manage.deleteGroupTitle,
      body: t.manage.deleteGroupBody(group.name, num(group.count)),
      confirmLabel: t.common.delete,
      danger: true,
    });
    if (!ok) return;
    const r = await client.call('groups/delete', { id: group.id });
    if (!r.ok) setError(r.error.message);
  };

  return (
    <li className="manage-row" data-testid="group-row">
      <div className="manage-row-inputs">
        <input
          type="color"
          className="color-input"
          value={color}
          aria-label={t.manage.groupColor}
          onChange={(e) => setColor(e.target.value)}
          data-testid={`group-color-${index}`}
        />
        <input
          className={`input${error ? ' invalid' : ''}`}
          value={name}
          dir="auto"
          aria-label={t.manage.groupName}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && dirty && void save()}
          data-testid={`group-name-${index}`}
        />
        <span className="muted manage-count">{t.manage.groupCount(num(group.count))}</span>
        <button type="button" className="button small" disabled={!dirty} onClick={() => void save()} data-testid={`group-save-${index}`}>
          {t.common.save}
        </button>
        <button type="button" className="button small danger-outline" onClick={() => void remove()} data-testid={`group-delete-${index}`}>
          {t.common.delete}
        </button>
      </div>
      <FieldErrorText id={`group-${group.id}-err`} message={error ?? undefined} />
    </li>
  );
}
