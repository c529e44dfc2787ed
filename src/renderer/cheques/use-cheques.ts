import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChequeList, ChequeQuery, ChequeReport } from '../../shared/contract/cheques';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

export type ChequesState = { list: ChequeList | null; report: ChequeReport | null; error: { field: string; message: string } | null };

/**
 * The cheques of a query with its totals (and, when asked, totals by status and month), fetched again
 * when cheques change anywhere. A late answer to an older query never replaces a newer one.
 */
export function useCheques(query: ChequeQuery | null, withReport: boolean): ChequesState {
  const client = useClient();
  const [state, setState] = useState<ChequesState>({ list: null, report: null, error: null });
  const seq = useRef(0);
  const key = JSON.stringify(query);

  const load = useCallback(() => {
    const q = JSON.parse(key) as ChequeQuery | null;
    if (!q) return;
    const mine = ++seq.current;
    const { sort: _s, limit: _l, offset: _o, ...filter } = q;
    void Promise.all([client.call('cheques/search', q), withReport ? client.call('cheques/report', filter) : Promise.resolve(null)]).then(([r, rep]) => {
      if (mine !== seq.current) return;
      if (!r.ok) return setState({ list: null, report: null, error: { field: r.error.field ?? '', message: r.error.message } });
      setState({ list: r.value, report: rep && rep.ok ? rep.value : null, error: null });
    });
  }, [client, key, withReport]);

  useEffect(load, [load]);
  useEvent('cheques/changed', load);
  useEvent('settings/changed', load);
  return state;
}
