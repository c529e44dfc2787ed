import { useEffect, useMemo, useRef, useState } from 'react';
import type { Cheque, ChequeDirection, ChequeQuery } from '../../shared/contract/cheques';
import type { FileOut } from '../../shared/contract/io';
import { isoDateOf } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import { useDebounced } from '../hooks/use-debounced';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { saveFile } from '../lib/download';
import { FileReadyDialog } from '../ui/file-ready-dialog';
import { MenuButton } from '../ui/menu-button';
import { useToast } from '../ui/toast-context';
import { AmountView } from './amount-view';
import { BatchStatusDialog } from './batch-status-dialog';
import { ChequeBooksDialog } from './cheque-books-dialog';
import { ChequeDetail } from './cheque-detail';
import { buildChequeFilter, EMPTY_FILTERS, type FilterDraft } from './cheque-filter-draft';
import { ChequeFilters } from './cheque-filters';
import { ChequeForm } from './cheque-form';
import { ChequeList } from './cheque-list';
import { ChequeTotals } from './cheque-totals';
import { useChequeBooks } from './use-cheque-books';
import { useChequeSettings } from './use-cheque-settings';
import { PrintOnChequeDialog, type PrintItem } from './print-on-cheque-dialog';
import { printable, printItemOf } from './print-items';
import { useCheques } from './use-cheques';

type FormState = { cheque: Cheque | null; direction: ChequeDirection; bookId: number | null };

const LIMIT = 300;

/**
 * The cheque book: cheques received and paid with quick views (due this week or month, overdue,
 * bounced), search by every field the office asks about, totals per type, by status and by month, and
 * reports as PDF, CSV or Excel. A cheque opens with its details, status changes, scans and history;
 * own cheque books are managed in their own window.
 */
type Props = {
  onOpenContact: (id: number) => void;
  /** The cheque open in its window, from the route ('#/cheque/5'); opening and closing one navigates. */
  chequeId: number | null;
  /** The route's contact whose cheques to list ('#/cheques?contact=12'): the filters start from it. */
  contactId: number | null;
  /** The own cheque books' window, from the route ('#/cheques/books'). */
  booksOpen: boolean;
};

export function ChequesScreen({ onOpenContact, chequeId, contactId, booksOpen }: Props) {
  const { t, calendar, num } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const settings = useChequeSettings();
  const books = useChequeBooks();
  const [today, setToday] = useState(() => isoDateOf(new Date()));
  const [filters, setFilters] = useState<FilterDraft>(EMPTY_FILTERS);
  const [more, setMore] = useState(false);
  const [mode, setMode] = useState<'list' | 'totals'>('list');
  const [form, setForm] = useState<FormState | null>(null);
  const [detail, setDetail] = useState<Cheque | null>(null);
  const setBooksOpen = (open: boolean) => navigate(open ? { screen: 'cheque-books' } : { screen: 'cheques', contactId: null });
  // A cheque opened from the cheque books' window goes back to it when closed, as the window stayed open under it.
  const fromBooks = useRef(false);
  const [busy, setBusy] = useState(false);
  const [pdf, setPdf] = useState<FileOut | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [printing, setPrinting] = useState<PrintItem[] | null>(null);
  const [batch, setBatch] = useState(false);
  const debounced = useDebounced(filters, 200);

  useEffect(() => {
    const timer = setInterval(() => setToday(isoDateOf(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);

  const built = useMemo(() => buildChequeFilter(debounced, today, calendar, t), [debounced, today, calendar, t]);
  const query: ChequeQuery | null = built.ok ? { ...built.filter, sort: 'due', limit: LIMIT } : null;
  const state = useCheques(query, mode === 'totals');
  const error = !built.ok ? built.error : state.error;

  const open = (id: number, books = false) => {
    fromBooks.current = books;
    navigate({ screen: 'cheque', id });
  };
  const close = (replace = false) => navigate(fromBooks.current ? { screen: 'cheque-books' } : { screen: 'cheques', contactId: null }, { replace });
  // The route's cheque, read whenever the route names another one; a cheque that cannot be read says why.
  useEffect(() => {
    if (chequeId === null) return setDetail(null);
    let stale = false;
    void client.call('cheques/get', { id: chequeId }).then((r) => {
      if (stale) return;
      if (r.ok) return setDetail(r.value);
      setDetail(null);
      toast.show('error', r.error.message);
    });
    return () => {
      stale = true;
    };
  }, [chequeId, client, toast]);
  useEffect(() => {
    if (contactId === null) return;
    // Everything else cleared so that the contact's cheques all show; the name comes with the contact.
    setMode('list');
    setFilters({ ...EMPTY_FILTERS, contact: { id: contactId, name: '' } });
    void client.call('contacts/get', { id: contactId }).then((r) => {
      if (r.ok) setFilters((f) => (f.contact?.id === contactId ? { ...f, contact: { id: contactId, name: r.value.displayName } } : f));
    });
  }, [contactId, client]);
  // The open cheque changed elsewhere (another window, an alarm): show it as it is now.
  useEvent('cheques/changed', (p) => {
    if (!detail || (p.ids !== null && !p.ids.includes(detail.id))) return;
    void client.call('cheques/get', { id: detail.id }).then((r) => (r.ok ? setDetail(r.value) : close(true)));
  });

  const exportAs = async (format: 'pdf' | 'csv' | 'xlsx') => {
    if (!built.ok) return;
    const what = [filters.direction !== 'all' ? m.types[filters.direction] : '', filters.view !== 'all' ? m.views[filters.view] : '']
      .filter(Boolean)
      .join(' — ');
    setBusy(true);
    const r = await client.call('cheques/export', { ...built.filter, format, title: what ? m.exportTitle(what) : '' });
    setBusy(false);
    if (!r.ok) return toast.show('error', r.error.message);
    if (format === 'pdf') return setPdf(r.value);
    saveFile(r.value);
    toast.show('success', m.exported(r.value.fileName));
  };

  const items = state.list?.items ?? [];
  // Only cheques still listed stay picked; only the printable ones of them go to print.
  const pickedRows = items.filter((r) => picked.has(r.id));
  const printRows = pickedRows.filter(printable);
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);
  return (
    <div className="cheques-screen" data-testid="cheques-screen">
      <div className="reminders-toolbar">
        <h1>{m.title}</h1>
        <div className="toolbar-actions">
          <button type="button" className="button" onClick={() => setBooksOpen(true)} data-testid="cheque-books-open">
            {m.books}
          </button>
          {printRows.length > 0 && (
            <button type="button" className="button" onClick={() => setPrinting(printRows.map(printItemOf))} data-testid="cheque-print-selected">
              {m.printSelected(num(printRows.length))}
            </button>
          )}
          {pickedRows.length > 0 && (
            <button type="button" className="button" onClick={() => setBatch(true)} data-testid="cheque-status-selected">
              {m.changeStatusSelected(num(pickedRows.length))}
            </button>
          )}
          <MenuButton
            label={m.export}
            disabled={busy || !built.ok}
            testId="cheque-export"
            items={[
              { id: 'pdf', label: m.exportPdf, onSelect: () => void exportAs('pdf') },
              { id: 'csv', label: m.exportCsv, onSelect: () => void exportAs('csv') },
              { id: 'xlsx', label: m.exportXlsx, onSelect: () => void exportAs('xlsx') },
            ]}
          />
          <button
            type="button"
            className="button primary"
            onClick={() => setForm({ cheque: null, direction: 'received', bookId: null })}
            data-testid="cheque-new-received"
          >
            + {m.newReceived}
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => setForm({ cheque: null, direction: 'paid', bookId: null })}
            data-testid="cheque-new-paid"
          >
            + {m.newPaid}
          </button>
        </div>
      </div>
      <ChequeFilters value={filters} onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))} more={more} onMore={setMore} error={error} />
      <div className="cheque-summary">
        <div className="cheque-summary-totals" data-testid="cheque-totals-line">
          <span className="muted" data-testid="cheque-count">
            {state.list ? m.count(num(state.list.total)) : ''}
          </span>
          {state.list?.totals.map((x) => (
            <span key={x.direction} className={`cheque-total dir-${x.direction}`}>
              {m.types[x.direction]}: {num(x.count)} — <AmountView rials={x.amount} toman={settings.showToman} />
            </span>
          ))}
        </div>
        <div className="segmented" role="radiogroup">
          <button
            type="button"
            role="radio"
            aria-checked={mode === 'list'}
            className={`segment${mode === 'list' ? ' active' : ''}`}
            onClick={() => setMode('list')}
            data-testid="cheque-mode-list"
          >
            {m.showList}
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={mode === 'totals'}
            className={`segment${mode === 'totals' ? ' active' : ''}`}
            onClick={() => setMode('totals')}
            data-testid="cheque-mode-totals"
          >
            {m.showTotals}
          </button>
        </div>
      </div>
      <div className="cheques-body">
        {error && !error.field && (
          <p className="form-banner error" role="alert">
            {error.message}
          </p>
        )}
        {mode === 'totals' && state.report && <ChequeTotals report={state.report} toman={settings.showToman} />}
        {mode === 'list' && state.list && items.length === 0 && (
          <p className="reminders-empty" data-testid="cheques-empty">
            {filtered ? m.emptyFiltered : m.empty}
          </p>
        )}
        {mode === 'list' && items.length > 0 && (
          <ChequeList
            rows={items}
            today={today}
            toman={settings.showToman}
            onOpen={(id) => open(id)}
            selected={picked}
            onSelect={(id, on) =>
              setPicked((p) => {
                const next = new Set(p);
                if (on) next.add(id);
                else next.delete(id);
                return next;
              })
            }
          />
        )}
        {mode === 'list' && state.list && state.list.total > items.length && <p className="form-banner">{m.more(num(items.length))}</p>}
      </div>
      {form && (
        <ChequeForm
          cheque={form.cheque}
          direction={form.direction}
          bookId={form.bookId}
          books={books ?? []}
          onClose={() => setForm(null)}
          onSaved={(c) => {
            setForm(null);
            setDetail(c);
            open(c.id, booksOpen || fromBooks.current);
          }}
        />
      )}
      {detail && !form && !printing && (
        <ChequeDetail
          cheque={detail}
          toman={settings.showToman}
          onChanged={setDetail}
          onEdit={() => setForm({ cheque: detail, direction: detail.direction, bookId: null })}
          onClose={() => close()}
          onOpenContact={onOpenContact}
          extraActions={
            printable(detail) ? (
              <button type="button" className="button" onClick={() => setPrinting([printItemOf(detail)])} data-testid="cheque-print">
                {m.printOnCheque}
              </button>
            ) : null
          }
        />
      )}
      {booksOpen && !form && !detail && (
        <ChequeBooksDialog
          books={books ?? []}
          toman={settings.showToman}
          onWrite={(bookId) => setForm({ cheque: null, direction: 'paid', bookId })}
          onOpenCheque={(id) => open(id, true)}
          onClose={() => setBooksOpen(false)}
        />
      )}
      {printing && <PrintOnChequeDialog items={printing} onClose={() => setPrinting(null)} />}
      {batch && pickedRows.length > 0 && (
        <BatchStatusDialog
          rows={pickedRows}
          toman={settings.showToman}
          onClose={() => setBatch(false)}
          onDone={() => {
            // The list reads itself again on 'cheques/changed'; the selection is done with.
            setBatch(false);
            setPicked(new Set());
          }}
        />
      )}
      {pdf && <FileReadyDialog file={pdf} onClose={() => setPdf(null)} countLabel={m.count} />}
    </div>
  );
}
