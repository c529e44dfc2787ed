import { useState } from 'react';
import { parseDateInput } from '../../shared/text/calendar';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { RANGE_PRESETS, type DateRange, type RangePreset } from '../lib/date-ranges';

export type RangeChoice = { preset: RangePreset } | { preset: 'custom'; range: DateRange };

type Props = { choice: RangeChoice; shown: DateRange; onChoice: (c: RangeChoice) => void };

/** Preset buttons (today … this year) and a custom from/to in the chosen calendar. */
export function ReportRangePicker({ choice, shown, onChoice }: Props) {
  const { t, calendar, date } = useLocale();
  const c = t.calls;
  const [custom, setCustom] = useState(choice.preset === 'custom');
  const [from, setFrom] = useState(date(shown.from));
  const [to, setTo] = useState(date(shown.to));
  const fromIso = parseDateInput(from, calendar);
  const toIso = parseDateInput(to, calendar);
  const backwards = fromIso !== null && toIso !== null && toIso < fromIso;

  const pickCustom = () => {
    setFrom(date(shown.from));
    setTo(date(shown.to));
    setCustom(true);
  };
  const apply = () => {
    if (fromIso && toIso && !backwards) onChoice({ preset: 'custom', range: { from: fromIso, to: toIso } });
  };

  return (
    <div className="report-range" role="group" aria-label={c.rangeLabel}>
      <div className="segmented">
        {RANGE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className={`segment${!custom && choice.preset === p ? ' active' : ''}`}
            aria-pressed={!custom && choice.preset === p}
            onClick={() => {
              setCustom(false);
              onChoice({ preset: p });
            }}
            data-testid={`report-range-${p}`}
          >
            {c.ranges[p]}
          </button>
        ))}
        <button type="button" className={`segment${custom ? ' active' : ''}`} aria-pressed={custom} onClick={pickCustom} data-testid="report-range-custom">
          {c.ranges.custom}
        </button>
      </div>
      {custom ? (
        <form
          className="report-custom"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <DateInput name="report-range-from" label={c.from} value={from} onChange={setFrom} className="call-date" />
          <DateInput name="report-range-to" label={c.to} value={to} onChange={setTo} className="call-date" error={backwards ? c.invalidRange : undefined} />
          <button type="submit" className="button primary" disabled={!fromIso || !toIso || backwards} data-testid="report-range-apply">
            {c.show}
          </button>
        </form>
      ) : (
        <span className="report-range-shown" data-testid="report-range-shown">
          {c.rangeShown(date(shown.from), date(shown.to))}
        </span>
      )}
    </div>
  );
}
