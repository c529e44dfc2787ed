import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useCatalog } from '../app/catalog-context';
import type { ContactsSearch } from '../hooks/use-contacts-search';
import { useScaledVirtualizer } from '../hooks/use-scaled-virtualizer';
import { useT } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';
import { ContactRow } from './contact-row';

export const ROW_HEIGHT = 52;

type Props = {
  search: ContactsSearch;
  selectedIndex: number | null;
  /** The contact shown in the detail pane, highlighted wherever it is in the list. */
  openId: number | null;
  onOpen: (index: number) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  listRef: RefObject<HTMLDivElement | null>;
  /** Filters or text are active (changes the empty message). */
  filtered: boolean;
};

/** The virtualised contact list: only the rows in view exist in the page, at any list length. */
export function ContactList({ search, selectedIndex, openId, onOpen, onKeyDown, listRef, filtered }: Props) {
  const t = useT();
  const { groupById } = useCatalog();
  const { virtualizer, realHeight, realTop, scrollIntoView, scrollToTop } = useScaledVirtualizer(search.rowCount, ROW_HEIGHT, listRef);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = search;

  useEffect(() => {
    if (search.rowCount > 0) ensureRange(first, last);
  }, [first, last, ensureRange, search.rowCount, search.version]);

  const lastQuery = useRef(search.queryKey);
  useEffect(() => {
    if (lastQuery.current === search.queryKey) return;
    lastQuery.current = search.queryKey;
    scrollToTop();
  }, [search.queryKey, scrollToTop]);

  // Only when the selection moves (not on every render): scrolling by hand must not snap back to it.
  const scrollIntoViewRef = useRef(scrollIntoView);
  scrollIntoViewRef.current = scrollIntoView;
  useEffect(() => {
    if (selectedIndex !== null) scrollIntoViewRef.current(selectedIndex);
  }, [selectedIndex]);

  const empty = search.settled && search.rowCount === 0 && !search.error;
  return (
    <div
      ref={listRef}
      className="contact-list"
      role="listbox"
      tabIndex={0}
      aria-label={t.phonebook.listLabel}
      aria-activedescendant={selectedIndex !== null ? `contact-row-${selectedIndex}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="contact-list"
    >
      {empty && (
        <div className="list-empty" data-testid="list-empty">
          {filtered ? t.phonebook.emptySearch : t.phonebook.emptyAll}
        </div>
      )}
      {search.error && <LoadError variant="list" message={search.error} onRetry={search.reload} testId="list-error" />}
      {/* Dimmed here, not per row: a new query's pending state renders no row again. */}
      <div className={`contact-list-spacer${search.settled ? '' : ' stale'}`} style={{ height: realHeight }}>
        {items.map((item) => {
          const contact = search.getRow(item.index);
          // Without a keyboard selection, the row of the open contact is the highlighted one.
          const selected = selectedIndex === null ? contact !== undefined && contact.id === openId : item.index === selectedIndex;
          return (
            <ContactRow
              key={item.key}
              contact={contact}
              index={item.index}
              top={realTop(item.start)}
              height={ROW_HEIGHT}
              selected={selected}
              groupById={groupById}
              onPick={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
