import type { DuplicateContact, DuplicateReason } from '../../shared/contract/duplicates.api';
import { href } from '../app/router';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';

/**
 * The duplicates finder's list ('#/duplicates', from the phonebook's toolbar): pairs of contacts that are
 * probably one person, best first, each saying why (the shared number as typed, or how the names agree),
 * each contact opening its card.
 */
export function DuplicatesScreen() {
  const { t, digits, lang } = useLocale();
  const m = t.duplicates;
  const list = useQuery('duplicates/find', {});
  // The number left to right inside the sentence (an isolate), as the dial buttons write it.
  const why = (r: DuplicateReason) => (r.kind === 'phone' ? m.samePhone(`\u2066${digits(r.number)}\u2069`) : r.how === 'same' ? m.sameName : m.reorderedName);
  const person = (c: DuplicateContact) => (
    <a href={href({ screen: 'contact', id: c.id })} data-testid="duplicate-contact" data-id={c.id}>
      {c.displayName}
    </a>
  );
  return (
    <div className="duplicates-screen" data-testid="duplicates-screen">
      <h1 className="screen-title">{m.title}</h1>
      <p className="muted">{m.intro}</p>
      <p>
        <a href={href({ screen: 'phonebook' })}>{m.back}</a>
      </p>
      {list.error && <LoadError message={list.error} onRetry={list.reload} />}
      {list.data?.length === 0 && <p className="muted">{m.empty}</p>}
      <ul className="duplicates-list">
        {list.data?.map((p) => (
          <li key={`${p.a.id}:${p.b.id}`} data-testid="duplicate-pair" data-a={p.a.id} data-b={p.b.id}>
            {person(p.a)} · {person(p.b)}
            <span className="muted" data-testid="duplicate-why">
              {' — '}
              {p.reasons.map(why).join(lang === 'fa' ? '، ' : ', ')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
