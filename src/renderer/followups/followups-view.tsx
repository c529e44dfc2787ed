import { useState } from 'react';
import { FOLLOWUP_VIEWS } from '../../shared/contract/followups';
import { useSession } from '../accounts/session-context';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';
import { FollowupItem } from './followup-item';
import { OutcomeKindsDialog } from './outcome-kinds-dialog';

type View = (typeof FOLLOWUP_VIEWS)[number];

/** Calls → Follow-ups: the open ones in due order (overdue in red, today's marked), or today's, the overdue or the done ones. */
export function FollowupsView() {
  const { t, num } = useLocale();
  const f = t.followups;
  const { may } = useSession();
  const [view, setView] = useState<View>('open');
  const [managing, setManaging] = useState(false);
  const q = useQuery('followups/list', { view }, { reloadOn: ['followups/changed', 'contacts/changed'] });
  const kinds = useQuery('followups/outcome-kinds', {}, { reloadOn: ['followups/changed'], skip: !managing });

  return (
    <div className="followups-view" data-testid="followups-view">
      <div className="followups-toolbar">
        <div className="segmented" role="group">
          {FOLLOWUP_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={`button small${view === v ? ' primary' : ' subtle'}`}
              aria-pressed={view === v}
              onClick={() => setView(v)}
              data-testid={`followups-view-${v}`}
            >
              {f.views[v]}
            </button>
          ))}
        </div>
        {q.data && (
          <span className={q.data.overdue > 0 ? 'danger' : 'muted'} data-testid="followups-counts">
            {f.counts(num(q.data.overdue), num(q.data.today))}
          </span>
        )}
        {may('followups/save-outcome-kinds') && (
          <button type="button" className="button small subtle" onClick={() => setManaging(true)} data-testid="outcome-kinds-manage">
            {f.manage}
          </button>
        )}
      </div>
      {q.error && <LoadError message={q.error} onRetry={q.reload} />}
      {q.data && q.data.rows.length === 0 && <p className="muted">{f.none}</p>}
      <ul className="followup-list">
        {q.data?.rows.map((x) => (
          <FollowupItem key={x.id} followup={x} onChanged={q.reload} />
        ))}
      </ul>
      {managing && kinds.data && <OutcomeKindsDialog kinds={kinds.data} onClose={() => setManaging(false)} />}
    </div>
  );
}
