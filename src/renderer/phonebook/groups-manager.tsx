import { useState } from 'react';
import { useCatalog } from '../app/catalog-context';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';
import { GROUP_PALETTE, GroupRowEditor } from './group-row-editor';

/** Create, rename, recolour and delete groups. */
export function GroupsManager() {
  const t = useT();
  const client = useClient();
  const { groups } = useCatalog();
  const [name, setName] = useState('');
  const [color, setColor] = useState(GROUP_PALETTE[groups.length % GROUP_PALETTE.length] ?? '#4a7dbd');
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    const r = await client.call('groups/create', { name, color });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setName('');
    setColor(GROUP_PALETTE[(groups.length + 1) % GROUP_PALETTE.length] ?? '#4a7dbd');
  };

  return (
    <div className="manager" data-testid="groups-manager">
      <div className="manage-new">
        <div className="manage-row-inputs">
          <input
            type="color"
            className="color-input"
            value={color}
            aria-label={t.manage.groupColor}
            onChange={(e) => setColor(e.target.value)}
            data-testid="new-group-color"
          />
          <input
            className={`input${error ? ' invalid' : ''}`}
            value={name}
            dir="auto"
            placeholder={t.manage.newGroup}
            aria-label={t.manage.groupName}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && name.trim() && void create()}
            data-autofocus
            data-testid="new-group-name"
          />
          <button type="button" className="button primary" disabled={!name.trim()} onClick={() => void create()} data-testid="create-group">
            {t.manage.addGroup}
          </button>
        </div>
        <FieldErrorText id="new-group-err" message={error ?? undefined} />
      </div>
      {groups.length === 0 ? (
        <p className="muted">{t.manage.noGroups}</p>
      ) : (
        <ul className="manage-list">
          {groups.map((g, i) => (
            <GroupRowEditor key={`${g.id}:${g.name}:${g.color}`} group={g} index={i} />
          ))}
        </ul>
      )}
    </div>
  );
}
