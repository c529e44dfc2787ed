import type { Occurrence } from '../../shared/contract/reminders';
import { formatDateLong } from '../../shared/text/calendar';
import { addDays } from '../lib/date-ranges';
import { useLocale } from '../i18n/use-t';

type Props = {
  items: Occurrence[];
  today: string;
  onOpen: (o: Occurrence) => void;
  compact?: boolean;
};

/** Iranian weekday (0 = Saturday) of an ISO date. */
const weekDayOf = (iso: string) => (new Date(`${iso}T00:00:00Z`).getUTCDay() + 1) % 7;

/** Occurrences under a heading per day ('Today', 'Tomorrow', or the weekday and date), in time order. */
export function OccurrenceList({ items, today, onOpen, compact = false }: Props) {
  const { t, calendar, lang, digits, dir } = useLocale();
  const m = t.reminders;
  const days = new Map<string, Occurrence[]>();
  for (const o of items) days.set(o.date, [...(days.get(o.date) ?? []), o]);

  return (
    <div className={`occurrences${compact ? ' compact' : ''}`} data-testid="occurrences">
      {[...days].map(([day, list]) => {
        const label = day === today ? m.today : day === addDays(today, 1) ? m.tomorrow : m.weekDays[weekDayOf(day)];
        return (
          <section key={day} className="occ-day" data-testid="occ-day" data-date={day}>
            {!compact && (
              <h3 className={`occ-day-head${day === today ? ' is-today' : ''}`}>
                <span>{label}</span> <span className="muted">{formatDateLong(day, calendar, lang)}</span>
              </h3>
            )}
            <ul className="occ-items">
              {list.map((o) => (
                <li key={`${o.source}-${o.refId}-${o.at}`}>
                  <button
                    type="button"
                    className={`occ-item occ-${o.kind}`}
                    style={o.group ? { borderInlineStartColor: o.group.color } : undefined}
                    onClick={() => onOpen(o)}
                    data-testid="occurrence"
                    data-source={o.source}
                    data-ref={o.refId}
                  >
                    <span className="occ-time">{digits(o.time)}</span>
                    <span className="occ-main">
                      {/* A birthday's subject is a sentence in the UI language around the name; a reminder's is the user's text. */}
                      <span className="occ-subject" dir={o.source === 'birthday' ? dir : 'auto'} data-testid="occ-subject">
                        {o.subject}
                      </span>
                      <span className="occ-meta">
                        <span className={`badge occ-kind kind-${o.kind}`}>{m.kinds[o.kind]}</span>
                        {o.age !== null && <span>{m.age(digits(o.age))}</span>}
                        {o.group && <bdi className="occ-group">{o.group.name}</bdi>}
                        {o.repeats && o.source === 'reminder' && (
                          <span title={m.repeats} aria-label={m.repeats}>
                            ↻
                          </span>
                        )}
                        {o.place && (
                          <span>
                            {m.at} <bdi>{o.place}</bdi>
                          </span>
                        )}
                        {o.source === 'reminder' && o.participants.length > 0 && (
                          <span>
                            {m.with}{' '}
                            {o.participants.map((p, i) => (
                              <span key={p.id}>
                                {i > 0 && (lang === 'fa' ? '، ' : ', ')}
                                <bdi>{p.displayName}</bdi>
                              </span>
                            ))}
                          </span>
                        )}
                      </span>
                      {!compact && o.note && (
                        <span className="occ-note muted" dir="auto">
                          {o.note}
                        </span>
                      )}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
