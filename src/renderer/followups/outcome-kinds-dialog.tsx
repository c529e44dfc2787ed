import { useState } from 'react';
import type { OutcomeKind } from '../../shared/contract/followups';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { useToast } from '../ui/toast-context';

type Row = { id?: number; nameFa: string; nameEn: string; key: number };

/** The office's list of call outcomes, edited in place: rename, reorder (↑), remove, add; saved as a whole. */
export function OutcomeKindsDialog({ kinds, onClose }: { kinds: OutcomeKind[]; onClose: () => void }) {
  const { t } = useLocale();
  const f = t.followups;
  const client = useClient();
  const toast = useToast();
  const [rows, setRows] = useState<Row[]>(kinds.map((k) => ({ id: k.id, nameFa: k.nameFa, nameEn: k.nameEn, key: k.id })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const edit = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const up = (i: number) => setRows((rs) => (i === 0 ? rs : [...rs.slice(0, i - 1), rs[i]!, rs[i - 1]!, ...rs.slice(i + 1)]));

  const save = async () => {
    setBusy(true);
    const r = await client.call('followups/save-outcome-kinds', { kinds: rows.map(({ id, nameFa, nameEn }) => ({ id, nameFa, nameEn })) });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    toast.show('success', f.kindsSaved);
    onClose();
  };

  return (
    <Dialog
      title={f.manageTitle}
      onClose={onClose}
      testId="outcome-kinds-dialog"
      footer={
        <>
          <button type="button" className="button primary" onClick={() => void save()} disabled={busy} data-testid="outcome-kinds-save">
            {t.common.save}
          </button>
          <button type="button" className="button subtle" onClick={onClose}>
            {t.common.cancel}
          </button>
        </>
      }
    >
      <p className="muted small">{f.manageHint}</p>
      {error && (
        <p className="form-banner error" role="alert" data-testid="outcome-kinds-error">
          {error}
        </p>
      )}
      <table className="outcome-kinds">
        <thead>
          <tr>
            <th>{f.nameFa}</th>
            <th>{f.nameEn}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} data-testid="outcome-kind-row">
              <td>
                <input className="input" dir="rtl" value={r.nameFa} aria-label={f.nameFa} onChange={(e) => edit(i, { nameFa: e.target.value })} />
              </td>
              <td>
                <input className="input" dir="ltr" value={r.nameEn} aria-label={f.nameEn} onChange={(e) => edit(i, { nameEn: e.target.value })} />
              </td>
              <td className="row-actions">
                <button type="button" className="icon-button" onClick={() => up(i)} disabled={i === 0} aria-label="↑">
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                  aria-label={t.common.remove}
                  title={t.common.remove}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button small"
        onClick={() => setRows((rs) => [...rs, { nameFa: '', nameEn: '', key: -Date.now() }])}
        data-testid="outcome-kind-add"
      >
        + {f.addKind}
      </button>
    </Dialog>
  );
}
