import { useMemo, type ReactNode } from 'react';
import { useFailureToast } from '../hooks/use-failure-toast';
import { useQuery } from '../hooks/use-query';
import { CatalogContext, type Catalog } from './catalog-context';

/** Loads groups and fields once and again whenever they (or group counts) may have changed. */
export function CatalogProvider({ children }: { children: ReactNode }) {
  // Group counts change when contacts are added, deleted, imported or regrouped.
  const groupsQuery = useQuery('groups/list', {}, { reloadOn: ['groups/changed', 'contacts/changed'] });
  const fieldsQuery = useQuery('fields/list', {}, { reloadOn: ['fields/changed'] });
  useFailureToast(groupsQuery.error ?? fieldsQuery.error);
  const groups = groupsQuery.data;
  const fields = fieldsQuery.data;

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
