import { useRef, useState } from 'react';
import type { ChequeFont } from '../../shared/contract/cheque-print';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { readFileAsBase64 } from '../lib/read-file';
import { useConfirm } from '../ui/confirm-context';
import { Dialog } from '../ui/dialog';
import { useToast } from '../ui/toast-context';
import { cssFontOf } from './use-cheque-fonts';

const SPECIMEN = 'یک میلیون و دویست و پنجاه هزار ریال ۱۴۰۳/۱۲/۲۵';

/**
 * Fonts for cheque fields: the bundled Vazirmatn and Noto Nastaliq Urdu (OFL), and TrueType files
 * the user adds (IranNastaliq and the like). The engine checks a file with HarfBuzz and a test PDF
 * before accepting it and says why it refuses one.
 */
export function FontsDialog({ fonts, onClose }: { fonts: ChequeFont[]; onClose: () => void }) {
  const { t, digits } = useLocale();
  const m = t.chequeTemplates;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (file: File) => {
    setBusy(true);
    setError(null);
    const r = await client.call('cheque-templates/add-font', { fileName: file.name, base64: await readFileAsBase64(file) });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    toast.show('success', m.fontAdded(r.value.name));
  };
  const remove = async (f: ChequeFont) => {
    if (!(await confirm({ title: m.deleteFont, body: m.confirmDeleteFont(f.name), confirmLabel: m.deleteFont, danger: true }))) return;
    const r = await client.call('cheque-templates/delete-font', { key: f.key });
    if (!r.ok) toast.show('error', r.error.message);
  };

  return (
    <Dialog
      title={m.fontsTitle}
      onClose={onClose}
      testId="cheque-fonts"
      footer={
        <button type="button" className="button primary" onClick={onClose}>
          {t.common.close}
        </button>
      }
    >
      <ul className="cheque-font-list">
        {fonts.map((f) => {
          const css = cssFontOf(f.key);
          return (
            <li key={f.key} className="cheque-font-row" data-testid="cheque-font-row">
              <div>
                <strong>{f.builtIn ? (m.builtinFonts[f.key as keyof typeof m.builtinFonts] ?? f.name) : f.name}</strong>
                <span className="muted">
                  {' '}
                  — {f.builtIn ? m.fontBuiltIn : m.fontUser}
                  {f.usedBy > 0 ? ` — ${m.fontUsedBy(digits(f.usedBy))}` : ''}
                </span>
                <p className="cheque-font-specimen" style={{ fontFamily: `'${css.family}', Vazirmatn`, fontWeight: css.weight }} dir="rtl">
                  {SPECIMEN}
                </p>
              </div>
              {!f.builtIn && (
                <button type="button" className="button small danger-outline" onClick={() => void remove(f)} data-testid="font-delete">
                  {m.deleteFont}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="cheque-font-add">
        <input
          ref={fileRef}
          type="file"
          accept=".ttf,font/ttf"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void add(file);
            e.target.value = '';
          }}
          data-testid="font-file"
        />
        <button type="button" className="button" disabled={busy} onClick={() => fileRef.current?.click()} data-testid="font-add">
          + {m.addFont}
        </button>
        <span className="field-hint">{m.addFontHint}</span>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="font-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
