import { useCallback, useMemo, useState } from 'react';
import { useDebounced } from '../hooks/use-debounced';
import { useLocale } from '../i18n/use-t';
import { isFiltered, NO_FILTERS, toCallQuery, type CallFilterDraft } from './call-filters';
import { CallList } from './call-list';
import { CallLogFilters } from './call-log-filters';
import { COUNT_CAP, useCallLog } from './use-call-log';
import { useDial } from './use-dial';
import { useLines } from './use-lines';

const FILTER_DEBOUNCE_MS = 200;

type Props = { onOpenContact: (id: number) => void; onAddContact: (number: string) => void };

/** The "Call log" tab: filters on top, every call newest first under them, kept live. */
export function CallLogView({ onOpenContact, onAddContact }: Props) {
  const { t, calendar, num } = useLocale();
  const [filters, setFilters] = useState<CallFilterDraft>(NO_FILTERS);
  const debounced = useDebounced(filters, FILTER_DEBOUNCE_MS);
  const query = useMemo(() => toCallQuery(debounced, calendar), [debounced, calendar]);
  const log = useCallLog(query);
  const lines = useLines();
  const { dial } = useDial();
  const onDial = useCallback((n: string) => void dial(n), [dial]);

  let emptyText = t.calls.emptyAll;
  if (isFiltered(debounced)) emptyText = t.calls.emptyFiltered;
  else if (lines !== null && lines.length === 0) emptyText = t.calls.emptyNoLines;
  const count = log.totalExact ? t.calls.count(num(log.total)) : t.calls.countAtLeast(num(Math.max(COUNT_CAP, log.total)));

  return (
    <div className="call-log" data-testid="call-log">
      <CallLogFilters value={filters} onChange={setFilters} lines={lines ?? []} count={count} pending={!log.settled} />
      <CallList log={log} emptyText={emptyText} onDial={onDial} onOpenContact={onOpenContact} onAddContact={onAddContact} />
    </div>
  );
}
