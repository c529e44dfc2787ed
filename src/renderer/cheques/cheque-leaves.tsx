import { useState } from 'react';
import type { ChequeLeaf } from '../../shared/contract/cheques';
import { formatDate, isoDateOf, parseDateInput } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { LoadError } from '../ui/load-error';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { AmountView } from './amount-view';
import { ChequeStatusBadge } from './cheque-status-badge';

type Props = { bookId: number; toman: boolean; onOpenCheque: (id: number) => void };

/** Every leaf of a book: blank ones can be voided or marked lost (with a date and reason); written ones open their cheque. */
export function ChequeLeaves({ bookId, toman, onOpenCheque }: Props) {
  const { t, digits, date, calendar, lang } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const leavesQuery = useQuery('cheque-books/leaves', { bookId }, { reloadOn: ['cheque-books/changed'] });
  const leaves = leavesQuery.data;
  const [marking, setMarking] = useState<{ leaf: ChequeLeaf; state: 'void' | 'lost' } | null>(null);
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const startMark = (leaf: ChequeLeaf, state: 'void' | 'lost') => {
    setMarking({ leaf, state });
    setDay(formatDate(isoDateOf(new Date()), calendar, lang));
    setNote('');
    setError(null);
  };
  const mark = async () => {
    if (!marking) return;
    const iso = parseDateInput(day, calendar);
    if (!iso) return setError(t.form.invalidDate(calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian));
    const r = await client.call('cheque-books/mark-leaf', { leafId: marking.leaf.id, state: marking.state, date: iso, note });
    if (!r.ok) return setError(r.error.message);
    toast.show('success', m.markDone(digits(r.value.serial), m.leafStates[r.value.state]));
    setMarking(null);
  };

  if (leavesQuery.error) return <LoadError message={leavesQuery.error} onRetry={leavesQuery.reload} />;
  if (!leaves) return null;
  return (
    <div className="cheque-leaves" data-testid="cheque-leaves">
      <ol className="leaf-grid">
        {leaves.map((l) => (
          <li key={l.id} className={`leaf leaf-${l.state}`} data-testid="leaf" data-state={l.state} data-serial={l.serial}>
            <span className="leaf-serial">{digits(l.serial)}</span>
            <span className="leaf-state">{m.leafStates[l.state]}</span>
            {l.cheque && (
              <button type="button" className="link-button leaf-cheque" onClick={() => onOpenCheque(l.cheque!.id)}>
                <AmountView rials={l.cheque.amount} toman={toman} /> <bdi>{l.cheque.partyName}</bdi>{' '}
                <ChequeStatusBadge direction="paid" status={l.cheque.status} />
              </button>
            )}
            {(l.state === 'void' || l.state === 'lost') && (
              <span className="muted small" dir="auto">
                {l.markedOn ? date(l.markedOn) : ''} {l.note}
              </span>
            )}
            {l.state === 'blank' && (
              <span className="leaf-actions">
                <button type="button" className="link-button" onClick={() => startMark(l, 'void')} data-testid="leaf-void">
                  {m.markVoid}
                </button>
                <button type="button" className="link-button" onClick={() => startMark(l, 'lost')} data-testid="leaf-lost">
                  {m.markLost}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {marking && (
        <div className="leaf-mark" data-testid="leaf-mark">
          <h3>
            {m.markTitle(digits(marking.leaf.serial))} — {m.leafStates[marking.state]}
          </h3>
          <div className="form-row">
            <DateInput name="markDate" label={m.statusDate} value={day} onChange={setDay} error={error ?? undefined} />
            <TextField name="markNote" label={m.markNote} value={note} onChange={setNote} />
          </div>
          <div className="leaf-mark-actions">
            <button type="button" className="button" onClick={() => setMarking(null)}>
              {m.cancel}
            </button>
            <button type="button" className="button primary" onClick={() => void mark()} data-testid="leaf-mark-save">
              {m.leafStates[marking.state]}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
