import { useState } from 'react';
import type { FaxRouteRule } from '../../shared/contract/fax-routes';
import { useClient } from '../app/client';
import { href } from '../app/router';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';
import { FaxRouteDialog } from './fax-route-dialog';

/**
 * Routing of received faxes ('#/fax/routes'): the rules in the order they are tried, each said in words
 * ("the number starts with 021 and it comes on line 2 → Sara"), moved up and down, edited and deleted.
 */
export function FaxRoutesScreen() {
  const { t, num, digits } = useLocale();
  const m = t.faxRoutes;
  const client = useClient();
  const toast = useToast();
  const routes = useQuery('fax/routes', {}, { reloadOn: ['fax/routes-changed', 'people/changed', 'groups/changed'] });
  const [editing, setEditing] = useState<FaxRouteRule | 'new' | null>(null);
  const rules = routes.data?.rules ?? [];

  const when = (r: FaxRouteRule) => {
    const parts: string[] = [];
    if (r.number) parts.push(m.whenNumber(digits(r.numberDisplay), r.numberMatch === 'prefix'));
    if (r.tsi) parts.push(m.whenTsi(r.tsi));
    if (r.lineId !== null) parts.push(m.whenLine(r.lineName || digits(r.lineId)));
    return parts.length ? parts.join(' · ') : m.anyFax;
  };
  const move = async (i: number, by: -1 | 1) => {
    const ids = rules.map((r) => r.id);
    const j = i + by;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    const r = await client.call('fax/route-order', { ids });
    if (!r.ok) return toast.show('error', r.error.message);
    routes.setData(() => r.value);
  };
  const remove = async (rule: FaxRouteRule) => {
    const r = await client.call('fax/route-delete', { id: rule.id });
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', m.deleted);
    routes.reload();
  };

  return (
    <div className="fax-screen fax-routes" data-testid="fax-routes">
      <div className="fax-head">
        <div>
          <h1>{m.title}</h1>
          <p className="muted">{m.intro}</p>
        </div>
        <nav className="fax-links">
          <button type="button" className="button primary" onClick={() => setEditing('new')} data-testid="fax-route-add">
            {m.add}
          </button>
          <a href={href({ screen: 'fax-log' })}>{t.faxLog.nav}</a>
        </nav>
      </div>
      {routes.error && <LoadError message={routes.error} onRetry={routes.reload} variant="list" />}
      {routes.data && rules.length === 0 && (
        <p className="fax-empty" data-testid="fax-routes-empty">
          {m.empty}
        </p>
      )}
      {rules.length > 0 && (
        <table className="fax-table" data-testid="fax-routes-list">
          <thead>
            <tr>
              <th scope="col" className="num">
                {m.colOrder}
              </th>
              <th scope="col">{m.colWhen}</th>
              <th scope="col">{m.colFor}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={r.id} data-testid="fax-route-row" data-id={r.id}>
                <td className="num">{num(i + 1)}</td>
                <td data-testid="fax-route-when">
                  <bdi>{when(r)}</bdi>
                </td>
                <td data-testid="fax-route-for">
                  <bdi>{r.target.name}</bdi> <span className="muted">({m.kinds[r.target.kind]})</span>
                </td>
                <td className="fax-route-actions">
                  <button type="button" className="button small" disabled={i === 0} onClick={() => void move(i, -1)} data-testid="fax-route-up">
                    {m.up}
                  </button>
                  <button type="button" className="button small" disabled={i === rules.length - 1} onClick={() => void move(i, 1)} data-testid="fax-route-down">
                    {m.down}
                  </button>
                  <button type="button" className="button small" onClick={() => setEditing(r)} data-testid="fax-route-edit">
                    {m.edit}
                  </button>
                  <button type="button" className="button small subtle" onClick={() => void remove(r)} data-testid="fax-route-delete">
                    {m.delete}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && routes.data && (
        <FaxRouteDialog
          rule={editing === 'new' ? null : editing}
          targets={routes.data.targets}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            toast.show('success', m.saved);
            routes.reload();
          }}
        />
      )}
    </div>
  );
}
