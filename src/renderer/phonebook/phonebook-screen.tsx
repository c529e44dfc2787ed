import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Contact, ContactQuery } from '../../shared/contract/contacts';
import { useCatalog } from '../app/catalog-context';
import { HOME, navigate } from '../app/router';
import { useSettings } from '../app/settings-context';
import { useSession } from '../accounts/session-context';
import { FirstRunGuide } from '../onboarding/first-run-guide';
import { useContactsSearch } from '../hooks/use-contacts-search';
import { useDebounced } from '../hooks/use-debounced';
import { useLocale } from '../i18n/use-t';
import { toFieldFilter, type FilterDraft } from '../lib/filter-drafts';
import { anyModalOpen } from '../ui/modal-stack';
import { FileReadyDialog } from '../ui/file-ready-dialog';
import { ContactForm } from './contact-form';
import { ContactList } from './contact-list';
import { DetailPane } from './detail-pane';
import { FieldFilters } from './field-filters';
import { ImportDialog } from './import-dialog';
import { ManageDialog } from './manage-dialog';
import { PhonebookToolbar } from './phonebook-toolbar';
import { TodayAgenda } from '../reminders/today-agenda';
import { SearchBar } from './search-bar';
import { usePhonebookFiles } from './use-phonebook-files';

const FILTER_DEBOUNCE_MS = 250;
const FOLLOW_SELECTION_MS = 120;

type FormTarget = { contact: Contact | null; number?: string };

// Opening a contact is a new place in the history; following the keyboard's selection only rewrites it.
const setOpenId = (id: number | null, replace = false) => navigate(id === null ? HOME : { screen: 'contact', id }, { replace });

/**
 * The phonebook: search and filters on top, the virtualised list on the start side and the open
 * contact on the end side. Keys: ↑/↓ (PageUp/PageDown, Home/End) move the selection from the search
 * box or the list, Enter opens it, Esc closes the open contact (or clears the search).
 */
type Props = {
  searchRef: RefObject<HTMLInputElement | null>;
  /** The contact open beside the list, from the route ('#/contact/12'); opening and closing one navigates. */
  openId: number | null;
  /** The route's new contact with a number filled in ('#/new-contact/0912…', from a call), or null. */
  newNumber: string | null;
  /** Today's agenda in the side pane: open a reminder, or the whole reminder book. */
  onOpenReminder: (id: number) => void;
  onShowReminders: () => void;
};

export function PhonebookScreen({ searchRef, openId, newNumber, onOpenReminder, onShowReminders }: Props) {
  const { settings } = useSettings();
  const { calendar } = useLocale();
  const { fieldById, groupById, loaded } = useCatalog();
  const [text, setText] = useState('');
  const [groupId, setGroupId] = useState<number | null>(null);
  const [filters, setFilters] = useState<FilterDraft[]>([]);
  const debouncedFilters = useDebounced(filters, FILTER_DEBOUNCE_MS);

  // A group or field deleted elsewhere drops out of the query rather than failing it.
  const query = useMemo<ContactQuery>(
    () => ({
      text,
      groupId: groupId !== null && (!loaded || groupById.has(groupId)) ? groupId : null,
      filters: debouncedFilters.flatMap((d) => {
        const field = fieldById.get(d.fieldId);
        const f = field ? toFieldFilter(d, field, calendar) : null;
        return f ? [f] : [];
      }),
    }),
    [text, groupId, debouncedFilters, fieldById, groupById, loaded, calendar],
  );
  const search = useContactsSearch(query);
  const files = usePhonebookFiles(query);

  // The keyboard selection: a row index, and the contact id there once its page has loaded.
  const [sel, setSel] = useState<{ index: number; id: number | null } | null>(null);
  const selected = sel?.index ?? null;
  const [ownForm, setForm] = useState<FormTarget | null>(null);
  const form = ownForm ?? (newNumber !== null ? { contact: null, number: newNumber } : null);
  const [dialog, setDialog] = useState<'import' | 'manage' | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => setSel(null), [search.queryKey]);

  // A form of the user's own gives way to a contact opened from elsewhere (a call, the popup).
  useEffect(() => setForm(null), [openId, newNumber]);
  // The route's new-contact form, closed: back to what the phonebook showed under it, in the same history entry.
  const closeForm = () => {
    setForm(null);
    if (newNumber !== null) setOpenId(openId, true);
  };

  // Rows move when contacts are added or deleted: keep the selection on the same contact if it is
  // still near, otherwise drop it (rather than silently selecting whoever took its place).
  // A row asked to be opened before its page had arrived (End, then Enter, say).
  const openWhenLoaded = useRef<number | null>(null);
  const { getRow, rowCount, version } = search;
  useEffect(() => {
    if (!sel) return;
    const row = getRow(sel.index);
    if (!row || row.id === sel.id) return;
    if (sel.id === null) {
      if (openWhenLoaded.current === sel.index) setOpenId(row.id, true);
      openWhenLoaded.current = null;
      return setSel({ index: sel.index, id: row.id });
    }
    for (let i = Math.max(0, sel.index - 100); i < Math.min(rowCount, sel.index + 100); i++) {
      if (getRow(i)?.id === sel.id) return setSel({ index: i, id: sel.id });
    }
    setSel(null);
  }, [version, sel, getRow, rowCount]);

  // With a contact open, moving the selection shows the newly selected one after a short pause.
  const followTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Stable (getRow is), so the list's memoised rows do not all render again on every keystroke and answer.
  const openIndex = useCallback(
    (index: number) => {
      const row = getRow(index);
      setSel({ index, id: row?.id ?? null });
      if (row) setOpenId(row.id);
      else openWhenLoaded.current = index;
    },
    [getRow],
  );
  const move = (delta: number) => {
    if (search.rowCount === 0) return;
    const last = search.totalExact ? search.rowCount - 1 : search.rowCount - 2;
    const next = Math.max(0, Math.min(Math.max(last, 0), selected === null ? (delta > 0 ? 0 : last) : selected + delta));
    setSel({ index: next, id: search.getRow(next)?.id ?? null });
    if (openId === null) return;
    if (followTimer.current) clearTimeout(followTimer.current);
    followTimer.current = setTimeout(() => {
      const row = search.getRow(next);
      if (row) setOpenId(row.id, true);
      else openWhenLoaded.current = next;
    }, FOLLOW_SELECTION_MS);
  };

  const navKeys = (e: KeyboardEvent, fromSearch: boolean) => {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 520) / 52) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (!fromSearch) Object.assign(steps, { Home: -Infinity, End: Infinity });
    const step = steps[e.key];
    if (step !== undefined) {
      e.preventDefault();
      move(Number.isFinite(step) ? step : step > 0 ? search.rowCount : -search.rowCount);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openIndex(selected ?? 0);
    } else if (!fromSearch && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      searchRef.current?.focus(); // typing in the list goes on in the search box
    } else if (e.key === 'Escape') {
      if (openId !== null) setOpenId(null);
      else if (fromSearch && text) setText('');
      else return;
      e.preventDefault();
    }
  };

  // Esc anywhere else in the phonebook (the detail pane's buttons, say) closes the open contact.
  const onScreenKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || anyModalOpen() || openId === null) return;
    const el = e.target as HTMLElement;
    if ((el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') && (el as HTMLInputElement).value) return;
    setOpenId(null);
  };

  // The side pane does not change with the search: its props stay the same while the user types.
  const latest = useRef({ files, onOpenReminder, onShowReminders });
  latest.current = { files, onOpenReminder, onShowReminders };
  const closeOpen = useCallback(() => setOpenId(null), []);
  const editContact = useCallback((contact: Contact) => setForm({ contact }), []);
  const printOne = useCallback((id: number) => void latest.current.files.printOne(id), []);
  const openImport = useCallback(() => setDialog('import'), []);
  // The guide sets the office up: only for whoever may change the settings (everyone in a no-password office).
  const setsUp = useSession().may('settings/update');
  const guide = useMemo(() => (settings.setupDone || !setsUp ? null : <FirstRunGuide onImport={openImport} />), [settings.setupDone, setsUp, openImport]);
  const agenda = useMemo(
    () => (
      <TodayAgenda onOpenReminder={(id) => latest.current.onOpenReminder(id)} onOpenContact={setOpenId} onShowAll={() => latest.current.onShowReminders()} />
    ),
    [],
  );

  const onSaved = (c: Contact) => {
    setForm(null);
    setOpenId(c.id, newNumber !== null);
  };

  return (
    <div className="phonebook" onKeyDown={onScreenKey} data-testid="phonebook">
      <PhonebookToolbar
        onNew={() => setForm({ contact: null })}
        onImport={() => setDialog('import')}
        onExport={(f) => void files.exportList(f)}
        onPrint={() => void files.printList()}
        onManage={() => setDialog('manage')}
        busy={files.busy}
      />
      <SearchBar
        text={text}
        onText={setText}
        groupId={query.groupId ?? null}
        onGroup={setGroupId}
        filters={filters}
        onFilters={setFilters}
        total={search.total}
        totalExact={search.totalExact}
        settled={search.settled}
        inputRef={searchRef}
        onKeyDown={(e) => navKeys(e, true)}
      />
      <FieldFilters filters={filters} onChange={setFilters} />
      <div className="phonebook-body">
        <ContactList
          search={search}
          selectedIndex={selected}
          openId={openId}
          onOpen={openIndex}
          onKeyDown={(e) => navKeys(e, false)}
          listRef={listRef}
          filtered={query.text !== '' || query.groupId !== null || (query.filters?.length ?? 0) > 0}
        />
        <DetailPane
          id={openId}
          onClose={closeOpen}
          onEdit={editContact}
          onPrint={printOne}
          printing={files.printingId !== null}
          guide={guide}
          agenda={agenda}
        />
      </div>
      {form && (
        <ContactForm
          contact={form.contact}
          initialNumber={form.number}
          onClose={closeForm}
          onSaved={onSaved}
          onOpenContact={(id) => {
            setForm(null);
            setOpenId(id, newNumber !== null);
          }}
        />
      )}
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
      {dialog === 'manage' && <ManageDialog onClose={() => setDialog(null)} />}
      {files.pdf && <FileReadyDialog file={files.pdf} onClose={files.closePdf} />}
    </div>
  );
}
