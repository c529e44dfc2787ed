import type { KeyboardEvent, RefObject } from 'react';
import { useCatalog } from '../app/catalog-context';
import { useLocale } from '../i18n/use-t';
import type { FilterDraft } from '../lib/filter-drafts';
import { SearchIcon } from '../ui/search-icon';
import { AddFilterSelect } from './add-filter-select';

type Props = {
  text: string;
  onText: (text: string) => void;
  groupId: number | null;
  onGroup: (id: number | null) => void;
  filters: FilterDraft[];
  onFilters: (f: FilterDraft[]) => void;
  total: number;
  totalExact: boolean;
  settled: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
};

/** Search box (Ctrl+F), group filter with counts, "add filter" and the number of matches. */
export function SearchBar(p: Props) {
  const { t, num } = useLocale();
  const { groups } = useCatalog();
  return (
    <div className="search-bar">
      <div className="search-box">
        <SearchIcon />
        <input
          ref={p.inputRef}
          type="search"
          className="input search-input"
          value={p.text}
          placeholder={t.phonebook.searchPlaceholder}
          aria-label={t.phonebook.searchLabel}
          onChange={(e) => p.onText(e.target.value)}
          onKeyDown={p.onKeyDown}
          autoComplete="off"
          spellCheck={false}
          data-testid="search-input"
        />
      </div>
      <select
        className="input group-filter"
        value={p.groupId ?? ''}
        onChange={(e) => p.onGroup(e.target.value ? Number(e.target.value) : null)}
        aria-label={t.phonebook.groupFilterLabel}
        data-testid="group-filter"
      >
        <option value="">{t.phonebook.allGroups}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {t.phonebook.groupOption(g.name, num(g.count))}
          </option>
        ))}
      </select>
      <AddFilterSelect filters={p.filters} onChange={p.onFilters} />
      <span className={`result-count${p.settled ? '' : ' pending'}`} data-testid="result-count" aria-live="polite">
        {p.totalExact ? t.phonebook.resultCount(num(p.total), p.total) : t.phonebook.resultCountAtLeast(num(p.total))}
      </span>
    </div>
  );
}
