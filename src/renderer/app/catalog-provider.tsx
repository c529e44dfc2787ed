import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CustomField, Group } from '../../shared/contract/contacts';
import { useEvent } from '../hooks/use-event';
import { CatalogContext, type Catalog } from './catalog-context';
import { useClient } from './client';

/** Loads groups and fields once and again whenever they (or group counts) may have changed. */
export function CatalogProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [fields, setFields] = useState<CustomField[] | null>(null);

  const loadGroups = useCallback(() => {
    void client.call('groups/list', {}).then((r) => r.ok && setGroups(r.value));
  }, [client]);
  const loadFields = useCallback(() => {
    void client.call('fields/list', {}).then((r) => r.ok && setFields(r.value));
  }, [client]);

  useEffect(() => {
    loadGroups();
    loadFields();
  }, [loadGroups, loadFields]);

  useEvent('groups/changed', loadGroups);
  // Group counts change when contacts are added, deleted, imported or regrouped.
  useEvent('contacts/changed', loadGroups);
  useEvent('fields/changed', loadFields);

  const value = useMemo<Catalog>(() => {
    const g = groups ?? [];
    const f = [...(fields ?? [])].sort((a, b) => a.position - b.position);
    return {
      groups: g,
      fields: f,
      groupById: new Map(g.map((x) => [x.id, x])),
      fieldById: new Map(f.map((x) => [x.id, x])),
      loaded: groups !== null && fields !== null,
    };
  }, [groups, fields]);

  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}
