import { useRef, useState } from 'react';
import { useClient } from '../app/client';
import { href, navigate, type Route } from '../app/router';
import { FAX_PAPERS, FAX_RESOLUTIONS, type FaxDocument } from '../../shared/contract/fax';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { readFileAsBase64 } from '../lib/read-file';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';
import { FaxDocumentDialog } from './fax-document-dialog';
import { FaxJobDialog } from './fax-job-dialog';
import { FaxOutbox } from './fax-outbox';
import { FaxSendDialog } from './fax-send-dialog';

type Paper = FaxDocument['paper'];
type Resolution = FaxDocument['resolution'];
// What the file picker offers; the engine tells the kind by the content, so a wrong ending is still refused by name.
const ACCEPT = 'application/pdf,image/png,image/jpeg,text/plain,.pdf,.png,.jpg,.jpeg,.txt';

/**
 * The fax document library: documents rendered once to fax pages and kept, listed newest first, each
 * opened over the list at its own address ('#/fax/document/4'); "Send a fax" ('#/fax/send') and the
 * outbox, each job at its own address ('#/fax/job/7'). Receiving is not wired to a line yet, and the
 * screen says so.
 */
export function FaxScreen({ route }: { route: Route }) {
  const documentId = route.screen === 'fax-document' ? route.id : null;
  const { t, num, instant } = useLocale();
  const client = useClient();
  const toast = useToast();
  const docs = useQuery('fax/documents', {}, { reloadOn: ['fax/documents-changed'] });
  const [paper, setPaper] = useState<Paper>('a4');
  const [resolution, setResolution] = useState<Resolution>('fine');
  const [adding, setAdding] = useState<string | null>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const add = async (file: File | undefined) => {
    if (!file) return;
    setAddError(null);
    setAdding(file.name);
    try {
      const base64 = await readFileAsBase64(file);
      const r = await client.call('fax/document-add', { fileName: file.name, base64, paper, resolution });
      if (!r.ok) {
        setAddError(r.error.message);
        return;
      }
      toast.show('success', t.fax.added(r.value.name, num(r.value.pages), r.value.pages));
      docs.reload();
    } catch (e) {
      setAddError(e instanceof Error ? e.message : String(e));
    } finally {
      setAdding(null);
      // The same file may be picked again after it was fixed.
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const list = docs.data ?? [];
  return (
    <div className="fax-screen" data-testid="fax-screen">
      <div className="fax-head">
        <div>
          <h1>{t.fax.title}</h1>
          <p className="muted">{t.fax.intro}</p>
        </div>
        <nav className="fax-links">
          <a href={href({ screen: 'fax-send' })} className="button primary" data-testid="fax-send-open">
            {t.faxOut.sendButton}
          </a>
          <a href={href({ screen: 'fax-log' })} data-testid="fax-log-link">
            {t.faxLog.nav}
          </a>
        </nav>
      </div>
      <p className="fax-later" data-testid="fax-lines-note">
        {t.fax.lines}
      </p>
      <div className="fax-add">
        <label className="fax-option">
          <span>{t.fax.paper}</span>
          <select className="input" value={paper} onChange={(e) => setPaper(e.target.value as Paper)} data-testid="fax-paper">
            {FAX_PAPERS.map((p) => (
              <option key={p} value={p}>
                {t.fax.papers[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="fax-option">
          <span>{t.fax.resolution}</span>
          <select className="input" value={resolution} onChange={(e) => setResolution(e.target.value as Resolution)} data-testid="fax-resolution">
            {FAX_RESOLUTIONS.map((r) => (
              <option key={r} value={r}>
                {t.fax.resolutions[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button primary" disabled={adding !== null} onClick={() => fileRef.current?.click()} data-testid="fax-add">
          {t.fax.add}
        </button>
        <input ref={fileRef} type="file" accept={ACCEPT} hidden onChange={(e) => void add(e.target.files?.[0])} data-testid="fax-file" />
        {adding !== null && (
          <span className="muted" aria-live="polite" data-testid="fax-adding">
            {t.fax.adding.replace('{name}', adding)}
          </span>
        )}
      </div>
      {addError && (
        <p className="form-banner error" role="alert" data-testid="fax-add-error">
          {addError}
        </p>
      )}
      {docs.error && <LoadError message={docs.error} onRetry={docs.reload} variant="list" />}
      {docs.data && list.length === 0 && !docs.error && (
        <p className="fax-empty" data-testid="fax-empty">
          {t.fax.empty}
        </p>
      )}
      {list.length > 0 && (
        <table className="fax-table" aria-label={t.fax.listLabel} data-testid="fax-list">
          <thead>
            <tr>
              <th scope="col">{t.fax.colName}</th>
              <th scope="col" className="num">
                {t.fax.colPages}
              </th>
              <th scope="col">{t.fax.colFormat}</th>
              <th scope="col">{t.fax.colAdded}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id} data-testid="fax-row" data-id={d.id}>
                <td>
                  <a href={href({ screen: 'fax-document', id: d.id })} className="fax-name" dir="auto" data-testid="fax-open">
                    {d.name}
                  </a>
                </td>
                <td className="num" data-testid="fax-pages">
                  {num(d.pages)}
                </td>
                <td data-testid="fax-format">{t.fax.format(t.fax.papers[d.paper], t.fax.resolutions[d.resolution])}</td>
                <td data-testid="fax-added">{instant(d.addedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {documentId !== null && (
        <FaxDocumentDialog
          key={documentId}
          id={documentId}
          doc={list.find((d) => d.id === documentId) ?? null}
          listed={docs.data !== null && !docs.error}
          onClose={() => navigate({ screen: 'fax' })}
        />
      )}
      <FaxOutbox />
      {route.screen === 'fax-send' && <FaxSendDialog library={list} onClose={() => navigate({ screen: 'fax' })} />}
      {route.screen === 'fax-job' && <FaxJobDialog key={route.id} id={route.id} onClose={() => navigate({ screen: 'fax' })} />}
    </div>
  );
}
