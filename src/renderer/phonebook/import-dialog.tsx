import { useRef, useState, type DragEvent } from 'react';
import type { ImportOutcome, ImportPreview } from '../../shared/contract/io';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { readFileAsBase64 } from '../lib/read-file';
import { Dialog } from '../ui/dialog';
import { ImportNotices } from './import-notices';
import { ImportPreviewTable } from './import-preview-table';

type OnDuplicate = 'merge' | 'skip' | 'add';
type Step =
  | { kind: 'pick' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; preview: ImportPreview }
  | { kind: 'committing'; fileName: string; preview: ImportPreview }
  | { kind: 'done'; outcome: ImportOutcome };

/**
 * Import from a vCard or CSV file: the engine parses it without writing (preview), then writes the
 * records the preview accepted in one transaction (commit). Broken syntax stops the file and is named
 * by its line; a record with an odd value is listed with its line and reason (skipped or changed).
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t, num } = useLocale();
  const client = useClient();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('merge');
  const inputRef = useRef<HTMLInputElement>(null);

  const readFile = async (file: File) => {
    setError(null);
    setStep({ kind: 'reading', fileName: file.name });
    let base64: string;
    try {
      base64 = await readFileAsBase64(file);
    } catch {
      setError(t.importer.nothingImported);
      setStep({ kind: 'pick' });
      return;
    }
    const r = await client.call('io/import-preview', { fileName: file.name, format: 'auto', base64 });
    if (!r.ok) {
      setError(r.error.message);
      setStep({ kind: 'pick' });
      return;
    }
    setStep({ kind: 'preview', fileName: file.name, preview: r.value });
  };

  const commit = async () => {
    if (step.kind !== 'preview') return;
    setError(null);
    setStep({ ...step, kind: 'committing' });
    const r = await client.call('io/import-commit', { previewId: step.preview.previewId, onDuplicate });
    if (r.ok) setStep({ kind: 'done', outcome: r.value });
    else {
      setError(`${r.error.message} ${t.importer.nothingImported}`);
      setStep({ ...step, kind: 'preview' });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  const picker = (
    <input
      ref={inputRef}
      type="file"
      accept=".vcf,.vcard,.csv,.txt"
      className="visually-hidden"
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void readFile(file);
      }}
      data-testid="import-file"
    />
  );

  const shown = step.kind === 'preview' || step.kind === 'committing' ? step : null;
  const footer = (
    <>
      {step.kind === 'done' ? (
        <button type="button" className="button primary" onClick={onClose} data-autofocus data-testid="import-close">
          {t.common.close}
        </button>
      ) : (
        <button type="button" className="button" onClick={onClose} data-testid="import-cancel">
          {t.common.cancel}
        </button>
      )}
      {shown && (
        <>
          <button type="button" className="button" onClick={() => inputRef.current?.click()} disabled={step.kind === 'committing'}>
            {t.importer.again}
          </button>
          <button type="button" className="button primary" onClick={() => void commit()} disabled={step.kind === 'committing'} data-testid="import-commit">
            {step.kind === 'committing' ? t.importer.committing : t.importer.commit}
          </button>
        </>
      )}
    </>
  );

  return (
    <Dialog title={t.importer.title} size="large" testId="import-dialog" onClose={onClose} footer={footer}>
      {picker}
      {error && (
        <div className="form-banner" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {(step.kind === 'pick' || step.kind === 'reading') && (
        <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          {step.kind === 'reading' ? (
            <p>{t.importer.reading}</p>
          ) : (
            <>
              <button type="button" className="button primary" onClick={() => inputRef.current?.click()} data-autofocus data-testid="import-pick">
                {t.importer.pick}
              </button>
              <p className="muted">{t.importer.pickHint}</p>
            </>
          )}
        </div>
      )}
      {shown && (
        <div className="import-preview" data-testid="import-preview">
          <p className="import-summary">
            <span>{t.importer.fileName(shown.fileName)}</span>
            <strong data-testid="import-total">{t.importer.total(num(shown.preview.total))}</strong>
            <span className={shown.preview.duplicates ? 'badge warn' : 'badge'} data-testid="import-duplicates">
              {t.importer.duplicates(num(shown.preview.duplicates))}
            </span>
            {shown.preview.skipped > 0 && (
              <span className="badge warn" data-testid="import-skipped">
                {t.importer.skippedCount(num(shown.preview.skipped))}
              </span>
            )}
            {shown.preview.changed > 0 && (
              <span className="badge" data-testid="import-changed">
                {t.importer.changedCount(num(shown.preview.changed))}
              </span>
            )}
          </p>
          <p className="muted" data-testid="import-encoding">
            {t.importer.encoding(shown.preview.encoding)}
          </p>
          <ImportNotices preview={shown.preview} />
          {shown.preview.newGroups.length > 0 && (
            <p data-testid="import-new-groups">
              {t.importer.newGroups} <strong>{shown.preview.newGroups.join(t.common.listSeparator)}</strong>
            </p>
          )}
          <h3 className="subheading">
            {t.importer.previewTitle}
            {shown.preview.rows.length < shown.preview.total && (
              <span className="muted"> — {t.importer.previewMore(num(shown.preview.rows.length), num(shown.preview.total))}</span>
            )}
          </h3>
          <ImportPreviewTable preview={shown.preview} />
          {shown.preview.duplicates > 0 && (
            <fieldset className="radio-group" data-testid="import-on-duplicate">
              <legend>{t.importer.onDuplicate}</legend>
              {(['merge', 'skip', 'add'] as const).map((v) => (
                <label key={v}>
                  <input
                    type="radio"
                    name="onDuplicate"
                    value={v}
                    checked={onDuplicate === v}
                    onChange={() => setOnDuplicate(v)}
                    data-testid={`on-duplicate-${v}`}
                  />
                  {v === 'merge' ? t.importer.merge : v === 'skip' ? t.importer.skip : t.importer.addAnyway}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      )}
      {step.kind === 'done' && (
        <p className="import-done" role="status" data-testid="import-result">
          {t.importer.done(num(step.outcome.added), num(step.outcome.merged), num(step.outcome.skipped), num(step.outcome.rejected))}
        </p>
      )}
    </Dialog>
  );
}
