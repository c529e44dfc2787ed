import { useRef } from 'react';
import { CHEQUE_ROTATIONS, type ChequeRotation } from '../../shared/contract/cheque-print';
import { useLocale } from '../i18n/use-t';
import { NumberField } from './number-field';
import type { TemplateDraft } from './template-draft';

type Props = {
  draft: TemplateDraft;
  onChange: (patch: Partial<TemplateDraft>) => void;
  hasBackground: boolean;
  backgroundSize: { widthPx: number; heightPx: number } | null;
  onPickBackground: (file: File) => void;
  onRemoveBackground: () => void;
  errorOf: (field: string) => string | undefined;
};

/** The template itself: name, bank, leaf size, the scan behind it, and the printer's calibration. */
export function PageProperties({ draft, onChange, hasBackground, backgroundSize, onPickBackground, onRemoveBackground, errorOf }: Props) {
  const { t, digits } = useLocale();
  const m = t.chequeTemplates;
  const fileRef = useRef<HTMLInputElement>(null);
  // The scan's shape against the leaf's: a different ratio means the leaf size (or the scan) is off.
  const ratioOff = backgroundSize ? Math.abs(backgroundSize.widthPx / backgroundSize.heightPx / (draft.widthMm / draft.heightMm) - 1) > 0.03 : false;
  return (
    <>
      <section className="cheque-panel" aria-label={m.templatePanel}>
        <div className="grid cols-2">
          <div className="form-field span-2">
            <label htmlFor="cheque-name">{m.name}</label>
            <input
              id="cheque-name"
              className={`input small${errorOf('name') ? ' invalid' : ''}`}
              dir="auto"
              value={draft.name}
              onChange={(e) => onChange({ name: e.target.value })}
              data-testid="template-name"
            />
            {errorOf('name') && (
              <p className="field-error" role="alert">
                {errorOf('name')}
              </p>
            )}
          </div>
          <div className="form-field span-2">
            <label htmlFor="cheque-bank">{m.bank}</label>
            <input
              id="cheque-bank"
              className="input small"
              dir="auto"
              value={draft.bank}
              placeholder={m.bankPlaceholder}
              onChange={(e) => onChange({ bank: e.target.value })}
              data-testid="template-bank"
            />
          </div>
          <NumberField
            name="template-widthMm"
            label={m.leafWidth}
            unit={m.mm}
            value={draft.widthMm}
            min={50}
            max={400}
            onChange={(widthMm) => onChange({ widthMm })}
            error={errorOf('widthMm')}
          />
          <NumberField
            name="template-heightMm"
            label={m.leafHeight}
            unit={m.mm}
            value={draft.heightMm}
            min={30}
            max={400}
            onChange={(heightMm) => onChange({ heightMm })}
            error={errorOf('heightMm')}
          />
        </div>
        <div className="cheque-background-row">
          <span className="label">{m.background}</span>
          <input
            ref={fileRef}
            type="file"
            accept="image/png,image/jpeg"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onPickBackground(file);
              e.target.value = '';
            }}
            data-testid="background-file"
          />
          <button type="button" className="button small" onClick={() => fileRef.current?.click()} data-testid="background-pick">
            {hasBackground ? m.backgroundReplace : m.backgroundPick}
          </button>
          {hasBackground && (
            <button type="button" className="button small subtle" onClick={onRemoveBackground} data-testid="background-remove">
              {m.backgroundRemove}
            </button>
          )}
        </div>
        <p className="field-hint">{m.backgroundHint}</p>
        {backgroundSize && ratioOff && (
          <p className="field-hint warn" data-testid="background-ratio">
            {m.backgroundRatio(digits(`${backgroundSize.widthPx}×${backgroundSize.heightPx}`))}
          </p>
        )}
        {errorOf('background') && (
          <p className="field-error" role="alert">
            {errorOf('background')}
          </p>
        )}
      </section>

      <section className="cheque-panel" aria-label={m.calibration}>
        <h3>{m.calibration}</h3>
        <div className="grid cols-2">
          <NumberField
            name="template-offsetXMm"
            label={m.offsetX}
            unit={m.mm}
            value={draft.offsetXMm}
            min={-50}
            max={50}
            onChange={(offsetXMm) => onChange({ offsetXMm })}
            error={errorOf('offsetXMm')}
          />
          <NumberField
            name="template-offsetYMm"
            label={m.offsetY}
            unit={m.mm}
            value={draft.offsetYMm}
            min={-50}
            max={50}
            onChange={(offsetYMm) => onChange({ offsetYMm })}
            error={errorOf('offsetYMm')}
          />
          <div className="form-field">
            <label htmlFor="cheque-rotation">{m.rotation}</label>
            <select
              id="cheque-rotation"
              className="input small"
              value={draft.rotation}
              onChange={(e) => onChange({ rotation: Number(e.target.value) as ChequeRotation })}
              data-testid="template-rotation"
            >
              {CHEQUE_ROTATIONS.map((r) => (
                <option key={r} value={r}>
                  {m.rotations[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="cheque-paper">{m.paper}</label>
            <select
              id="cheque-paper"
              className="input small"
              value={draft.paper}
              onChange={(e) => onChange({ paper: e.target.value as TemplateDraft['paper'] })}
              data-testid="template-paper"
            >
              <option value="leaf">{m.paperLeaf}</option>
              <option value="a4">{m.paperA4}</option>
            </select>
          </div>
        </div>
        <p className="field-hint">{m.calibrationHint}</p>
      </section>
    </>
  );
}
