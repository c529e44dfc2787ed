import { useRef, useState } from 'react';
import type { PersonFile } from '../../shared/contract/people';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { saveFile } from '../lib/download';
import { readFileAsBase64 } from '../lib/read-file';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';

/** Documents attached to a file (contracts, certificates, scans): attach, download, delete. Kept in the database. */
export function DocumentsSection({ file, onChanged }: { file: PersonFile; onChanged: (f: PersonFile) => void }) {
  const { t, num, date } = useLocale();
  const m = t.people;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const attach = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    for (const picked of [...files]) {
      const base64 = await readFileAsBase64(picked);
      const r = await client.call('people/add-document', { fileId: file.id, name: picked.name, mime: picked.type || 'application/octet-stream', base64 });
      if (r.ok) onChanged(r.value);
      else toast.show('error', r.error.message);
    }
    setBusy(false);
    if (input.current) input.current.value = '';
  };
  const download = async (id: number) => {
    const r = await client.call('people/document', { id });
    if (r.ok) saveFile(r.value);
    else toast.show('error', r.error.message);
  };
  const remove = async (id: number, name: string) => {
    if (!(await confirm({ title: m.documentDeleteTitle, body: m.documentDeleteBody(name), confirmLabel: t.common.delete, danger: true }))) return;
    const r = await client.call('people/delete-document', { id });
    if (r.ok) onChanged(r.value);
    else toast.show('error', r.error.message);
  };

  return (
    <section className="detail-section documents" data-testid="documents">
      <div className="section-head">
        <h3 className="detail-section-title">{m.documents}</h3>
        <button type="button" className="button small" disabled={busy} onClick={() => input.current?.click()} data-testid="document-add">
          + {m.documentAdd}
        </button>
        <input ref={input} type="file" multiple hidden onChange={(e) => void attach(e.target.files)} data-testid="document-input" />
      </div>
      {file.documents.length === 0 ? (
        <p className="muted">{m.documentsEmpty}</p>
      ) : (
        <ul className="plain-list document-list">
          {file.documents.map((d) => (
            <li key={d.id} className="document" data-testid="document">
              <button type="button" className="link-button" onClick={() => void download(d.id)}>
                <bdi>{d.name}</bdi>
              </button>
              <span className="muted">{m.size(num(Math.max(1, Math.round(d.size / 1024))))}</span>
              <span className="muted">{date(d.addedAt.slice(0, 10))}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={m.documentDeleteTitle}
                title={m.documentDeleteTitle}
                onClick={() => void remove(d.id, d.name)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
