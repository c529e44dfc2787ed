import { useEffect, useMemo, useState } from 'react';
import { APPLICANT_STATUSES, FILE_KINDS, type ApplicantStatus, type FileKind, type FileQuery } from '../../shared/contract/people';
import type { FileOut } from '../../shared/contract/io';
import { parseDateInput } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import { useDebounced } from '../hooks/use-debounced';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { FileReadyDialog } from '../ui/file-ready-dialog';
import { useToast } from '../ui/toast-context';
import { FileDetail } from './file-detail';
import { FileForm } from './file-form';
import { FileTable } from './file-table';
import { useFiles } from './use-files';

/** From the route: one kind's list ('#/people/customer'), or one file open beside its kind's list ('#/file/7'). */
export type PeoplePlace = { kind: FileKind } | { fileId: number };

type Props = { onOpenContact: (id: number) => void; place: PeoplePlace };

/**
 * People files: personnel, customers and job applicants side by side in tabs; search by name,
 * phone, national ID or file number, by referrer and by registration dates; the chosen file opens
 * beside the list. Applicants also have a blank application form to print.
 */
export function PeopleScreen({ onOpenContact, place }: Props) {
  const { t, num, calendar } = useLocale();
  const m = t.people;
  const client = useClient();
  const toast = useToast();
  const routeKind = 'kind' in place ? place.kind : null;
  const selected = 'fileId' in place ? place.fileId : null;
  // A file's route does not say its kind: the file says it once read, and its kind's list shows beside it.
  // Until then no kind is chosen (null), so no tab and no other kind's list is shown for a moment.
  const [kind, setKind] = useState<FileKind | null>(routeKind ?? (selected === null ? 'staff' : null));
  const [text, setText] = useState('');
  const [referrer, setReferrer] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<ApplicantStatus | null>(null);
  const setSelected = (id: number | null) => navigate(id === null ? { screen: 'people', kind: kind ?? 'staff' } : { screen: 'file', id });
  const [form, setForm] = useState<{ id: number | null } | null>(null);
  const [pdf, setPdf] = useState<FileOut | null>(null);
  const debounced = useDebounced({ text, referrer }, 200);

  const query: FileQuery | null = useMemo(
    () =>
      kind && {
        kind,
        text: debounced.text,
        referrer: debounced.referrer,
        status: kind === 'applicant' ? status : null,
        from: from.trim() ? parseDateInput(from, calendar) : null,
        to: to.trim() ? parseDateInput(to, calendar) : null,
      },
    [kind, debounced, status, from, to, calendar],
  );
  const { list, error } = useFiles(query);

  useEffect(() => {
    if (routeKind) setKind(routeKind);
  }, [routeKind]);
  useEffect(() => {
    if (selected === null) return;
    let stale = false;
    void client.call('people/get', { id: selected }).then((r) => {
      if (stale) return;
      if (!r.ok) return toast.show('error', r.error.message);
      setKind(r.value.kind);
    });
    return () => {
      stale = true;
    };
  }, [selected, client, toast]);

  const printBlank = async () => {
    const r = await client.call('people/print-application', {});
    if (!r.ok) return toast.show('error', r.error.message);
    setPdf(r.value);
  };
  const filtered = text !== '' || referrer !== '' || from !== '' || to !== '' || status !== null;

  return (
    <div className="people-screen" data-testid="people-screen">
      <div className="people-toolbar">
        <h1>{m.title}</h1>
        <div className="segmented" role="tablist" aria-label={m.title}>
          {FILE_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={kind === k}
              className={`segment${kind === k ? ' active' : ''}`}
              onClick={() => navigate({ screen: 'people', kind: k })}
              data-testid={`files-${k}`}
            >
              {m.kinds[k]}
            </button>
          ))}
        </div>
        <div className="toolbar-actions">
          {kind === 'applicant' && (
            <button type="button" className="button" onClick={() => void printBlank()} data-testid="print-blank-form">
              {m.blankForm}
            </button>
          )}
          {kind && (
            <button type="button" className="button primary" onClick={() => setForm({ id: null })} data-testid="file-new">
              + {m.newFile[kind]}
            </button>
          )}
        </div>
      </div>
      <div className="people-filters">
        <input
          className="input people-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={m.search}
          aria-label={m.search}
          data-testid="files-search"
        />
        <input
          className="input people-referrer"
          value={referrer}
          onChange={(e) => setReferrer(e.target.value)}
          placeholder={m.referrerSearch}
          aria-label={m.referrerSearch}
          data-testid="files-referrer"
        />
        <DateInput name="files-from" label={m.from} value={from} onChange={setFrom} className="people-date" />
        <DateInput name="files-to" label={m.to} value={to} onChange={setTo} className="people-date" />
        {kind === 'applicant' && (
          <select
            className="input"
            value={status ?? ''}
            onChange={(e) => setStatus((e.target.value || null) as ApplicantStatus | null)}
            aria-label={m.status}
            data-testid="files-status"
          >
            <option value="">{m.anyStatus}</option>
            {APPLICANT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.statuses[s]}
              </option>
            ))}
          </select>
        )}
        <span className="muted people-count" data-testid="files-count">
          {list ? m.count(num(list.total)) : ''}
        </span>
      </div>
      <div className="people-body">
        <div className="people-list">
          {error && (
            <p className="form-banner error" role="alert">
              {error}
            </p>
          )}
          {list && list.items.length === 0 && <p className="people-empty">{filtered ? m.emptySearch : m.empty}</p>}
          {kind && list && list.items.length > 0 && <FileTable kind={kind} items={list.items} selected={selected} onSelect={setSelected} />}
        </div>
        <div className="detail-pane">
          {selected === null ? (
            <p className="pane-hint">{m.selectHint}</p>
          ) : (
            <FileDetail
              id={selected}
              onEdit={() => setForm({ id: selected })}
              onClose={() => setSelected(null)}
              onOpenFile={(id, k) => {
                setKind(k);
                setSelected(id);
              }}
              onOpenContact={onOpenContact}
            />
          )}
        </div>
      </div>
      {form && kind && (
        <FileForm
          kind={kind}
          id={form.id}
          onClose={() => setForm(null)}
          onSaved={(f) => {
            setForm(null);
            setSelected(f.id);
          }}
        />
      )}
      {pdf && <FileReadyDialog file={pdf} onClose={() => setPdf(null)} countLabel={() => m.blankForm} />}
    </div>
  );
}
