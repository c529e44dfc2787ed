import { createContext, useContext } from 'react';
import type { CustomField, Group } from '../../shared/contract/contacts';

/** Groups (with contact counts) and user-defined fields, kept fresh from engine events. */
export type Catalog = {
  groups: Group[];
  fields: CustomField[];
  groupById: Map<number, Group>;
  fieldById: Map<number, CustomField>;
  loaded: boolean;
};

export const emptyCatalog: Catalog = { groups: [], fields: [], groupById: new Map(), fieldById: new Map(), loaded: false };

export const CatalogContext = createContext<Catalog>(emptyCatalog);

export function useCatalog(): Catalog {
  return useContext(CatalogContext);
}
