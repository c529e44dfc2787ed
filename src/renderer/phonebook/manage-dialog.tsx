import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { FieldsManager } from './fields-manager';
import { GroupsManager } from './groups-manager';

/** Groups and user-defined fields, in two tabs. */
export function ManageDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [tab, setTab] = useState<'groups' | 'fields'>('groups');
  return (
    <Dialog title={t.manage.title} size="medium" testId="manage-dialog" onClose={onClose}>
      <div className="tabs" role="tablist">
        {(['groups', 'fields'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={`tab${tab === k ? ' active' : ''}`}
            onClick={() => setTab(k)}
            data-testid={`manage-tab-${k}`}
          >
            {k === 'groups' ? t.manage.groupsTab : t.manage.fieldsTab}
          </button>
        ))}
      </div>
      {tab === 'groups' ? <GroupsManager /> : <FieldsManager />}
    </Dialog>
  );
}
