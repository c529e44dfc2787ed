import { CALL_DIRECTIONS, type LineView } from '../../shared/contract/calls';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { SearchIcon } from '../ui/search-icon';
import { FILTER_OUTCOMES, isFiltered, NO_FILTERS, type CallFilterDraft } from './call-filters';

type Props = {
  value: CallFilterDraft;
  onChange: (next: CallFilterDraft) => void;
  lines: LineView[];
  /** The count line at the end of the bar. */
  count: string;
  pending: boolean;
};

/** Search and filters of the call log: dates, direction, outcome, line, "missed, not returned". */
export function CallLogFilters({ value, onChange, lines, count, pending }: Props) {
  const { t } = useLocale();
  const c = t.calls;
  const set = (patch: Partial<CallFilterDraft>) => onChange({ ...value, ...patch });
  return (
    <div className="call-filters" role="search">
      <div className="search-box call-search">
        <SearchIcon />
        <input
          className="input search-input"
          type="search"
          value={value.text}
          placeholder={c.searchPlaceholder}
          aria-label={c.searchLabel}
          onChange={(e) => set({ text: e.target.value })}
          dir="auto"
          data-testid="call-filter-text"
        />
      </div>
      <DateInput name="call-filter-from" label={c.from} value={value.from} onChange={(from) => set({ from })} className="call-date" />
      <DateInput name="call-filter-to" label={c.to} value={value.to} onChange={(to) => set({ to })} className="call-date" />
      <label className="call-select">
        <span className="label">{c.direction}</span>
        <select
          className="input"
          value={value.direction ?? ''}
          onChange={(e) => set({ direction: CALL_DIRECTIONS.find((d) => d === e.target.value) ?? null })}
          data-testid="call-filter-direction"
        >
          <option value="">{c.anyDirection}</option>
          <option value="in">{c.dirIn}</option>
          <option value="out">{c.dirOut}</option>
        </select>
      </label>
      <label className="call-select">
        <span className="label">{c.outcome}</span>
        <select
          className="input"
          value={value.outcome ?? ''}
          onChange={(e) => set({ outcome: FILTER_OUTCOMES.find((o) => o === e.target.value) ?? null })}
          data-testid="call-filter-outcome"
        >
          <option value="">{c.anyOutcome}</option>
          {FILTER_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {c.outcomes[o]}
            </option>
          ))}
        </select>
      </label>
      {lines.length > 1 && (
        <label className="call-select">
          <span className="label">{c.line}</span>
          <select
            className="input"
            value={value.lineId ?? ''}
            onChange={(e) => set({ lineId: e.target.value ? Number(e.target.value) : null })}
            data-testid="call-filter-line"
          >
            <option value="">{c.anyLine}</option>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className={`toggle-chip${value.unreturned ? ' on' : ''}`}>
        <input type="checkbox" checked={value.unreturned} onChange={(e) => set({ unreturned: e.target.checked })} data-testid="call-filter-unreturned" />
        {c.unreturnedOnly}
      </label>
      {isFiltered(value) && (
        <button type="button" className="button subtle small" onClick={() => onChange(NO_FILTERS)} data-testid="call-filter-clear">
          {c.clearFilters}
        </button>
      )}
      <span className={`result-count${pending ? ' pending' : ''}`} data-testid="call-count" aria-live="polite">
        {count}
      </span>
    </div>
  );
}
