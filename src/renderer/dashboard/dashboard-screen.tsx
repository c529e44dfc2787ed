import { useState } from 'react';
import { isoDateOf } from '../../shared/text/calendar';
import { useSession } from '../accounts/session-context';
import { presetRange } from '../lib/date-ranges';
import { useLocale } from '../i18n/use-t';
import { TILES } from './dashboard-tiles';

const PRESETS = ['today', 'week', 'month'] as const;
type Preset = (typeof PRESETS)[number];

/**
 * The day at a glance (issue 19): calls of the range with a chart, numbers to call back, unheard
 * voicemail, today's reminders and birthdays, cheques due this week — each tile opening the list behind
 * it. The range (today, this week, this month in the chosen calendar) applies to the calls.
 */
export function DashboardScreen(_props: { onOpenContact: (id: number) => void }) {
  const { t, calendar } = useLocale();
  const { may } = useSession();
  const [preset, setPreset] = useState<Preset>('today');
  const now = new Date();
  const today = isoDateOf(now);
  const range = presetRange(preset, now, calendar);
  return (
    <div className="dashboard" data-testid="dashboard">
      <div className="dashboard-head">
        <h1>{t.dashboard.title}</h1>
        <div className="segmented" role="group" aria-label={t.dashboard.rangeLabel}>
          {PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className={`segment${p === preset ? ' active' : ''}`}
              aria-pressed={p === preset}
              onClick={() => setPreset(p)}
              data-testid={`dashboard-range-${p}`}
            >
              {t.dashboard.ranges[p]}
            </button>
          ))}
        </div>
      </div>
      <div className="tiles">
        {TILES.filter((x) => may(x.needs)).map(({ id, Tile }) => (
          <Tile key={id} range={range} today={today} />
        ))}
      </div>
    </div>
  );
}
