import { useState } from 'react';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { FollowupForm } from './followup-form';
import { FollowupItem } from './followup-item';

/**
 * What a call came to and what comes next: its outcome (from the office's list) and its follow-ups,
 * with a form to add one. On the caller card (compact) and on the call's page.
 */
type Props = {
  callId: number;
  /** The caller card's smaller form. */
  compact?: boolean;
};

export function CallDisposition({ callId, compact = false }: Props) {
  const { t, lang } = useLocale();
  const f = t.followups;
  const client = useClient();
  const toast = useToast();
  const kinds = useQuery('followups/outcome-kinds', {}, { reloadOn: ['followups/changed'] });
  const d = useQuery('followups/of-call', { callId }, { reloadOn: ['followups/changed'] });
  const [adding, setAdding] = useState(false);
  const name = (k: { nameFa: string; nameEn: string }) => (lang === 'fa' ? k.nameFa : k.nameEn);
  const current = d.data?.outcome ?? null;

  const setOutcome = async (value: string) => {
    const r = await client.call('followups/set-call-outcome', { callId, kindId: value === '' ? null : Number(value) });
    if (!r.ok) return toast.show('error', r.error.message);
    d.setData(() => r.value);
    toast.show('success', f.outcomeSaved);
  };

  return (
    <section className={`call-section call-disposition${compact ? ' compact' : ''}`} data-testid="call-disposition">
      {!compact && <h3 className="detail-section-title">{f.outcome}</h3>}
      {(d.error || kinds.error) && (
        <p className="form-banner error" role="alert">
          {d.error ?? kinds.error}
        </p>
      )}
      <label className="field call-outcome-field">
        {compact && <span className="field-label">{f.outcome}</span>}
        <select
          className="input"
          value={current?.id ?? ''}
          onChange={(e) => void setOutcome(e.target.value)}
          disabled={!d.data || !kinds.data}
          aria-label={f.outcome}
          data-testid="call-outcome"
        >
          <option value="">{f.noOutcome}</option>
          {/* An archived outcome this call still names stays readable here. */}
          {current?.archived && <option value={current.id}>{name(current)}</option>}
          {kinds.data?.map((k) => (
            <option key={k.id} value={k.id}>
              {name(k)}
            </option>
          ))}
        </select>
      </label>
      <h4 className="followup-heading">{f.nextStep}</h4>
      {d.data && d.data.followups.length === 0 && !adding && <p className="muted small">{f.noneOfCall}</p>}
      <ul className="followup-list">
        {d.data?.followups.map((x) => (
          <FollowupItem key={x.id} followup={x} onChanged={d.reload} showWho={false} />
        ))}
      </ul>
      {adding ? (
        <FollowupForm
          target={{ callId, contactId: null }}
          onSaved={() => {
            setAdding(false);
            d.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="button small" onClick={() => setAdding(true)} data-testid="followup-add">
          + {f.add}
        </button>
      )}
    </section>
  );
}
