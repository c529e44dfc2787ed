import { useState } from 'react';
import { FAX_ROUTE_NUMBER_MATCHES, type FaxRouteRule, type FaxRouteTarget } from '../../shared/contract/fax-routes';
import { useClient } from '../app/client';
import { useLines } from '../calls/use-lines';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { FieldErrorText } from '../ui/field-error';
import { TextField } from '../ui/text-field';

type Props = {
  /** The rule to change, or null for a new one (added at the end). */
  rule: FaxRouteRule | null;
  targets: FaxRouteTarget[];
  onSaved: () => void;
  onClose: () => void;
};

const keyOf = (t: { kind: string; id: number }) => `${t.kind}:${t.id}`;

/** One routing rule's form; the engine checks it and names the field that is wrong, and nothing is saved then. */
export function FaxRouteDialog({ rule, targets, onSaved, onClose }: Props) {
  const { t, digits } = useLocale();
  const m = t.faxRoutes;
  const client = useClient();
  const lines = useLines();
  const [number, setNumber] = useState(rule?.number ?? '');
  const [numberMatch, setNumberMatch] = useState(rule?.numberMatch ?? 'exact');
  const [tsi, setTsi] = useState(rule?.tsi ?? '');
  const [lineId, setLineId] = useState(rule?.lineId ?? '');
  const [target, setTarget] = useState(rule ? keyOf(rule.target) : '');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const chosen = targets.find((x) => keyOf(x) === target) ?? (rule && keyOf(rule.target) === target ? rule.target : null);
    if (!chosen) return setError({ field: 'target', message: m.noTarget });
    setSaving(true);
    setError(null);
    const r = await client.call('fax/route-save', {
      id: rule?.id ?? null,
      rule: { number, numberMatch, tsi, lineId: lineId || null, target: { kind: chosen.kind, id: chosen.id } },
    });
    setSaving(false);
    if (!r.ok) return setError({ field: r.error.field?.replace(/^rule\./, ''), message: r.error.message });
    onSaved();
  };

  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  const staff = targets.filter((x) => x.kind === 'staff');
  const groups = targets.filter((x) => x.kind === 'group');
  return (
    <Dialog
      title={rule ? m.editTitle : m.newTitle}
      onClose={onClose}
      testId="fax-route-dialog"
      footer={
        <>
          <button type="button" className="button primary" disabled={saving} onClick={() => void save()} data-testid="fax-route-save">
            {m.save}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
        </>
      }
    >
      <div className="fax-route-form">
        <TextField name="number" label={m.number} value={number} onChange={setNumber} dir="ltr" type="tel" hint={m.numberHint} error={fieldError('number')} />
        <label className="form-field">
          <span>{m.numberMatch}</span>
          <select
            className="input"
            value={numberMatch}
            onChange={(e) => setNumberMatch(FAX_ROUTE_NUMBER_MATCHES.find((x) => x === e.target.value) ?? 'exact')}
            data-testid="fax-route-number-match"
          >
            {FAX_ROUTE_NUMBER_MATCHES.map((x) => (
              <option key={x} value={x}>
                {m.matches[x]}
              </option>
            ))}
          </select>
        </label>
        <TextField name="tsi" label={m.tsi} value={tsi} onChange={setTsi} dir="ltr" hint={m.tsiHint} error={fieldError('tsi')} />
        <label className="form-field">
          <span>{m.line}</span>
          <select className="input" value={lineId} onChange={(e) => setLineId(e.target.value)} data-testid="fax-route-line">
            <option value="">{m.anyLine}</option>
            {(lines ?? []).map((l) => (
              <option key={l.id} value={String(l.id)}>
                {l.name || digits(l.id)}
              </option>
            ))}
          </select>
          <FieldErrorText id="fax-route-line-error" message={fieldError('lineId')} />
        </label>
        <label className="form-field">
          <span>{m.target}</span>
          <select
            className="input"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            data-testid="fax-route-target"
            aria-invalid={!!fieldError('target')}
          >
            <option value="">{m.chooseTarget}</option>
            <optgroup label={m.staffGroup}>
              {staff.map((x) => (
                <option key={keyOf(x)} value={keyOf(x)}>
                  {x.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={m.groupsGroup}>
              {groups.map((x) => (
                <option key={keyOf(x)} value={keyOf(x)}>
                  {x.name}
                </option>
              ))}
            </optgroup>
          </select>
          <FieldErrorText id="fax-route-target-error" message={fieldError('target')} />
        </label>
        {error && !['number', 'tsi', 'lineId', 'target'].includes(error.field ?? '') && (
          <p className="form-banner error" role="alert">
            {error.message}
          </p>
        )}
      </div>
    </Dialog>
  );
}
