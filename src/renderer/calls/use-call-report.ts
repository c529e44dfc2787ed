import { useEffect, useRef, useState } from 'react';
import type { CallReport, ReportInput } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

const REFRESH_DEBOUNCE_MS = 400;

export type CallReportState = { report: CallReport | null; loading: boolean; error: string | null };

/**
 * The report for the range, fetched again when calls come in or change (a live report for the
 * manager). The previous report stays on screen while the next one loads; late answers for an older
 * range are dropped.
 */
export function useCallReport(input: ReportInput): CallReportState {
  const client = useClient();
  const key = JSON.stringify(input);
  const [state, setState] = useState<CallReportState>({ report: null, loading: true, error: null });
  const [tick, setTick] = useState(0);
  const gen = useRef(0);

  useEffect(() => {
    const mine = ++gen.current;
    setState((s) => ({ ...s, loading: true }));
    void client.call('calls/report', JSON.parse(key) as ReportInput).then((r) => {
      if (gen.current !== mine) return;
      setState(r.ok ? { report: r.value, loading: false, error: null } : (s) => ({ ...s, loading: false, error: r.error.message }));
    });
  }, [client, key, tick]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setTick((x) => x + 1), REFRESH_DEBOUNCE_MS);
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useEvent('call/incoming', refresh);
  useEvent('call/updated', refresh);
  useEvent('contacts/changed', refresh);
  return state;
}
