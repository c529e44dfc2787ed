import { useLocale } from '../i18n/use-t';
import { useQuery } from '../hooks/use-query';
import { TileFrame } from '../dashboard/tile-frame';

/** The dashboard's follow-ups tile: due today and overdue (red), the first few of them. */
export function FollowupsTile() {
  const { t, num, instant, digits } = useLocale();
  const f = t.followups;
  const q = useQuery('followups/list', { view: 'open', limit: 50 }, { reloadOn: ['followups/changed'] });
  const soon = q.data?.rows.filter((x) => x.state !== 'later').slice(0, 4) ?? [];
  return (
    <TileFrame
      id="followups"
      title={f.tileTitle}
      opens={{ screen: 'calls', tab: 'followups' }}
      error={q.error}
      onRetry={q.reload}
      figure={q.data ? num(q.data.today + q.data.overdue) : null}
    >
      {q.data && (
        <dl className="tile-parts">
          <div className="tile-part danger" data-testid="part-overdue">
            <dt>{f.overdue}</dt>
            <dd>{num(q.data.overdue)}</dd>
          </div>
          <div className="tile-part" data-testid="part-today">
            <dt>{f.dueToday}</dt>
            <dd>{num(q.data.today)}</dd>
          </div>
        </dl>
      )}
      {q.data && soon.length === 0 && <p className="muted">{f.tileNone}</p>}
      <ul className="tile-list">
        {soon.map((x) => (
          <li key={x.id}>
            <span>{x.contactName ?? <bdi dir="ltr">{digits(x.numberDisplay)}</bdi>}</span>
            <span className={x.state === 'overdue' ? 'danger' : 'muted'}>{instant(x.dueAt)}</span>
          </li>
        ))}
      </ul>
    </TileFrame>
  );
}
