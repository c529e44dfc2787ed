import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  SAMPLE_CHEQUE,
  type ChequeBackground,
  type ChequeField,
  type ChequeFieldKind,
  type ChequeFont,
  type ChequeTemplate,
} from '../../shared/contract/cheque-print';
import type { FileOut } from '../../shared/contract/io';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { readFileAsBase64 } from '../lib/read-file';
import { FileReadyDialog } from '../ui/file-ready-dialog';
import { useToast } from '../ui/toast-context';
import { DesignerCanvas } from './designer-canvas';
import { FieldList } from './field-list';
import { FieldProperties } from './field-properties';
import { PageProperties } from './page-properties';
import { SampleValues, sampleDraftOf, sampleOf, type SampleDraft } from './sample-values';
import { draftOf, newField, round1, sameDraft, type TemplateDraft } from './template-draft';

type Props = { template: ChequeTemplate; fonts: ChequeFont[]; onSaved: (t: ChequeTemplate) => void; onDirty: (dirty: boolean) => void };

/** The scan as the designer shows it: unchanged (stored), replaced by a picked file, or removed. */
type BackgroundState = { kind: 'stored' | 'new'; image: ChequeBackground } | { kind: 'none' };

const ZOOMS = [null, 3, 4, 6, 8] as const;

/**
 * Designs one template over the scan of its leaf: drag fields into place (or type their mm), set
 * each field's font, size, alignment, shrink, guards; the leaf size and the printer's calibration;
 * preview the PDF with sample values and print the A4 test sheet — both from the unsaved draft.
 * Ctrl+S saves.
 */
export function TemplateDesigner({ template, fonts, onSaved, onDirty }: Props) {
  const { t, lang, calendar, digits } = useLocale();
  const m = t.chequeTemplates;
  const client = useClient();
  const toast = useToast();
  const [saved, setSaved] = useState<TemplateDraft>(() => draftOf(template));
  const [draft, setDraft] = useState<TemplateDraft>(saved);
  const [bg, setBg] = useState<BackgroundState>(template.background ? { kind: 'stored', image: template.background } : { kind: 'none' });
  const [bgChanged, setBgChanged] = useState(false);
  const [selected, setSelected] = useState<number | null>(template.fields.length > 0 ? 0 : null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'preview' | 'test' | null>(null);
  const [pdf, setPdf] = useState<FileOut | null>(null);
  const [zoom, setZoom] = useState<(typeof ZOOMS)[number]>(null);
  const [grid, setGrid] = useState(false);
  const [opacity, setOpacity] = useState(0.8);
  const [sampleDraft, setSampleDraft] = useState<SampleDraft>(() => sampleDraftOf(SAMPLE_CHEQUE, lang, calendar, digits));
  const sample = useMemo(() => sampleOf(sampleDraft, SAMPLE_CHEQUE, calendar), [sampleDraft, calendar]);
  const rootRef = useRef<HTMLDivElement>(null);
  const dirty = bgChanged || !sameDraft(draft, saved);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const update = useCallback((patch: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  /** A new field, or a change computed from the field as it is now (key presses faster than renders do not undo each other). */
  const setField = useCallback((index: number, field: ChequeField | ((current: ChequeField) => ChequeField)) => {
    setDraft((d) => ({ ...d, fields: d.fields.map((f, i) => (i === index ? (typeof field === 'function' ? field(f) : field) : f)) }));
    setError((e) => (e?.field.startsWith(`fields.${index}.`) ? null : e));
  }, []);
  const deleteField = (index: number) => {
    setDraft((d) => ({ ...d, fields: d.fields.filter((_, i) => i !== index) }));
    setSelected(null);
  };
  const addField = (kind: ChequeFieldKind) => {
    const widthMm = round1(Math.min(60, draft.widthMm / 3));
    const f = newField(kind, { xMm: round1((draft.widthMm - widthMm) / 2), yMm: round1(draft.heightMm / 2), widthMm });
    setDraft((d) => ({ ...d, fields: [...d.fields, f] }));
    setSelected(draft.fields.length);
  };

  const pickBackground = async (file: File) => {
    const mime = file.type === 'image/jpeg' ? 'image/jpeg' : 'image/png';
    const base64 = await readFileAsBase64(file);
    const img = new Image();
    img.src = `data:${mime};base64,${base64}`;
    await img.decode().catch(() => undefined);
    setBg({ kind: 'new', image: { mime, base64, widthPx: img.naturalWidth, heightPx: img.naturalHeight } });
    setBgChanged(true);
  };

  const showError = (e: { field?: string; message: string }) => {
    const field = e.field ?? '';
    const m2 = /^fields\.(\d+)\./.exec(field);
    if (m2) setSelected(Number(m2[1]));
    if (field) setError({ field, message: e.message });
    toast.show('error', e.message);
  };

  const save = async () => {
    setBusy('save');
    const background = !bgChanged ? undefined : bg.kind === 'none' ? null : { mime: bg.image.mime, base64: bg.image.base64 };
    const r = await client.call('cheque-templates/update', { id: template.id, data: { ...draft, background } });
    setBusy(null);
    if (!r.ok) return showError(r.error);
    const next = draftOf(r.value);
    setSaved(next);
    setDraft(next);
    setBgChanged(false);
    setBg(r.value.background ? { kind: 'stored', image: r.value.background } : { kind: 'none' });
    setError(null);
    toast.show('success', m.saved(r.value.name));
    onSaved(r.value);
  };

  const makePdf = async (which: 'preview' | 'test') => {
    setBusy(which);
    const r = await client.call(which === 'preview' ? 'cheque-templates/preview' : 'cheque-templates/test-print', { draft, values: sample });
    setBusy(null);
    if (!r.ok) return showError(r.error);
    setPdf(r.value);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Only while the designer is on screen (it stays mounted behind other tabs) and no dialog is open.
      const visible = rootRef.current?.offsetParent != null;
      if ((e.ctrlKey || e.metaKey) && e.code === 'KeyS' && visible && !document.querySelector('[role="dialog"]')) {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const errorOfField = (index: number) => (prop: string) => (error?.field === `fields.${index}.${prop}` ? error.message : undefined);
  const errorOf = (field: string) => (error?.field === field ? error.message : undefined);
  const field = selected !== null ? draft.fields[selected] : undefined;
  const background = bg.kind === 'none' ? null : `data:${bg.image.mime};base64,${bg.image.base64}`;

  return (
    <div ref={rootRef} className="cheque-designer" data-testid="cheque-designer">
      <div className="cheque-designer-toolbar">
        <div className="cheque-designer-title">
          <h2 dir="auto">{draft.name || m.untitled}</h2>
          {dirty && (
            <span className="badge warn" data-testid="template-dirty">
              {m.unsaved}
            </span>
          )}
        </div>
        <div className="toolbar-actions">
          <label className="cheque-view-option">
            {m.zoom}
            <select
              className="input small"
              value={zoom ?? 'fit'}
              onChange={(e) => setZoom(e.target.value === 'fit' ? null : (Number(e.target.value) as (typeof ZOOMS)[number]))}
              data-testid="designer-zoom"
            >
              {ZOOMS.map((z) => (
                <option key={z ?? 'fit'} value={z ?? 'fit'}>
                  {z === null ? m.zoomFit : m.zoomPxPerMm(digits(z))}
                </option>
              ))}
            </select>
          </label>
          <label className="cheque-view-option">
            <input type="checkbox" checked={grid} onChange={(e) => setGrid(e.target.checked)} data-testid="designer-grid" />
            {m.grid}
          </label>
          {background && (
            <label className="cheque-view-option">
              {m.backgroundOpacity}
              <input type="range" min={0.1} max={1} step={0.05} value={opacity} onChange={(e) => setOpacity(Number(e.target.value))} />
            </label>
          )}
          <button type="button" className="button" disabled={busy !== null} onClick={() => void makePdf('preview')} data-testid="template-preview">
            {m.preview}
          </button>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void makePdf('test')} data-testid="template-test-print">
            {m.testPrint}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy !== null || !dirty}
            onClick={() => void save()}
            data-testid="template-save"
            title={t.common.shortcutSave}
          >
            {busy === 'save' ? t.common.saving : t.common.save}
          </button>
        </div>
      </div>
      <div className="cheque-designer-body">
        <div className="cheque-designer-stage">
          <DesignerCanvas
            draft={draft}
            background={background}
            backgroundOpacity={opacity}
            showGrid={grid}
            zoom={zoom}
            fonts={fonts}
            sample={sample}
            selected={selected}
            onSelect={setSelected}
            onFieldChange={setField}
            onDelete={deleteField}
          />
          <p className="field-hint cheque-canvas-hint">{m.canvasHint}</p>
        </div>
        <aside className="cheque-designer-side">
          {field && selected !== null && (
            <FieldProperties
              key={selected}
              field={field}
              index={selected}
              fonts={fonts}
              leaf={draft}
              onChange={(f) => setField(selected, f)}
              onDelete={() => deleteField(selected)}
              errorOf={errorOfField(selected)}
            />
          )}
          <FieldList fields={draft.fields} selected={selected} onSelect={setSelected} onAdd={addField} />
          <PageProperties
            draft={draft}
            onChange={update}
            hasBackground={bg.kind !== 'none'}
            backgroundSize={bg.kind === 'none' ? null : { widthPx: bg.image.widthPx, heightPx: bg.image.heightPx }}
            onPickBackground={(f) => void pickBackground(f)}
            onRemoveBackground={() => {
              setBg({ kind: 'none' });
              setBgChanged(true);
            }}
            errorOf={errorOf}
          />
          <SampleValues value={sampleDraft} onChange={setSampleDraft} />
        </aside>
      </div>
      {pdf && <FileReadyDialog file={pdf} onClose={() => setPdf(null)} countLabel={m.pdfPages} />}
    </div>
  );
}
