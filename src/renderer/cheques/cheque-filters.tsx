import { IRAN_BANKS } from '../../shared/contract/banks';
import { CHEQUE_STATUSES, PAID_STATUSES, RECEIVED_STATUSES, type ChequeStatus } from '../../shared/contract/cheques';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { TextField } from '../ui/text-field';
import { CHEQUE_VIEWS, EMPTY_FILTERS, moreCount, type FilterDraft } from './cheque-filter-draft';

type Props = {
  value: FilterDraft;
  onChange: (patch: Partial<FilterDraft>) => void;
  more: boolean;
  onMore: (open: boolean) => void;
  error: { field: string; message: string } | null;
};

/**
 * The cheque screen's filters: type, a quick view (due this week/month, overdue, bounced), status and
 * words (and the contact, when the screen was opened from a contact's page); and, under "more filters", due and registration date ranges, amount range,
 * person, bank and
 * guarantee cheques.
 */
export function ChequeFilters({ value: f, onChange, more, onMore, error }: Props) {
  const { t, lang, num } = useLocale();
  const m = t.cheques;
  const statuses: readonly ChequeStatus[] = f.direction === 'received' ? RECEIVED_STATUSES : f.direction === 'paid' ? PAID_STATUSES : CHEQUE_STATUSES;
  const statusLabel = (s: ChequeStatus) => {
    // With both types shown, 'returned' names both meanings.
    if (f.direction === 'all' && s === 'returned') return `${m.statuses.received.returned} / ${m.statuses.paid.returned}`;
    return m.statuses[f.direction === 'paid' ? 'paid' : 'received'][s];
  };
  const errorOf = (k: string) => (error?.field === k ? error.message : undefined);
  const extra = moreCount(f);
  const statusLocked = f.view === 'overdue' || f.view === 'bounced';

  return (
    <div className="cheque-filters">
      <div className="cheque-filter-row">
        <div className="segmented" role="radiogroup" aria-label={m.typeLabel}>
          {(['all', 'received', 'paid'] as const).map((d) => (
            <button
              key={d}
              type="button"
              role="radio"
              aria-checked={f.direction === d}
              className={`segment${f.direction === d ? ' active' : ''}`}
              onClick={() => onChange({ direction: d, status: '' })}
              data-testid={`cheque-type-${d}`}
            >
              {m.types[d]}
            </button>
          ))}
        </div>
        <div className="segmented" role="radiogroup" aria-label={m.viewLabel}>
          {CHEQUE_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              role="radio"
              aria-checked={f.view === v}
              className={`segment${f.view === v ? ' active' : ''}`}
              onClick={() => onChange({ view: v })}
              data-testid={`cheque-view-${v}`}
            >
              {m.views[v]}
            </button>
          ))}
        </div>
      </div>
      <div className="cheque-filter-row">
        {f.contact && (
          <span className="participant-chip cheque-contact-filter" data-testid="cheque-contact-filter">
            <bdi>{m.filterContact(f.contact.name || '…')}</bdi>
            <button
              type="button"
              className="chip-x"
              onClick={() => onChange({ contact: null })}
              aria-label={m.filterContactClear}
              title={m.filterContactClear}
              data-testid="cheque-contact-filter-clear"
            >
              ×
            </button>
          </span>
        )}
        <select
          className="input cheque-status-filter"
          value={statusLocked ? '' : f.status}
          disabled={statusLocked}
          onChange={(e) => onChange({ status: e.target.value as ChequeStatus | '' })}
          aria-label={m.status}
          data-testid="cheque-status-filter"
        >
          <option value="">{m.anyStatus}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
        <input
          className="input cheque-search"
          value={f.text}
          onChange={(e) => onChange({ text: e.target.value })}
          placeholder={m.searchPlaceholder}
          aria-label={m.search}
          title={m.search}
          data-testid="cheque-search"
        />
        <button
          type="button"
          className={`button${extra > 0 ? ' has-filters' : ''}`}
          aria-expanded={more}
          onClick={() => onMore(!more)}
          data-testid="cheque-more-filters"
        >
          {m.moreFilters}
          {extra > 0 && <span className="badge">{num(extra)}</span>}
        </button>
        {(extra > 0 || f.text || f.status || f.view !== 'all' || f.direction !== 'all' || f.contact) && (
          <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)} data-testid="cheque-clear-filters">
            {m.clearFilters}
          </button>
        )}
      </div>
      {more && (
        <div className="cheque-more" data-testid="cheque-more">
          <DateInput name="dueFrom" label={m.dueFrom} value={f.dueFrom} onChange={(dueFrom) => onChange({ dueFrom })} error={errorOf('dueFrom')} />
          <DateInput name="dueTo" label={m.dueTo} value={f.dueTo} onChange={(dueTo) => onChange({ dueTo })} error={errorOf('dueTo')} />
          <DateInput
            name="registeredFrom"
            label={m.registeredFrom}
            value={f.registeredFrom}
            onChange={(registeredFrom) => onChange({ registeredFrom })}
            error={errorOf('registeredFrom')}
          />
          <DateInput
            name="registeredTo"
            label={m.registeredTo}
            value={f.registeredTo}
            onChange={(registeredTo) => onChange({ registeredTo })}
            error={errorOf('registeredTo')}
          />
          <TextField
            name="amountMin"
            label={m.amountMin}
            value={f.amountMin}
            onChange={(amountMin) => onChange({ amountMin })}
            inputMode="numeric"
            error={errorOf('amountMin')}
          />
          <TextField
            name="amountMax"
            label={m.amountMax}
            value={f.amountMax}
            onChange={(amountMax) => onChange({ amountMax })}
            inputMode="numeric"
            error={errorOf('amountMax')}
          />
          <TextField name="person" label={m.person} value={f.person} onChange={(person) => onChange({ person })} />
          <div className="form-field">
            <label htmlFor="cheque-bank-filter">{m.bank}</label>
            <select
              id="cheque-bank-filter"
              className="input"
              value={f.bank}
              onChange={(e) => onChange({ bank: e.target.value })}
              data-testid="cheque-bank-filter"
            >
              <option value="">{m.anyBank}</option>
              {IRAN_BANKS.map((b) => (
                <option key={b.code} value={b.code}>
                  {b[lang]}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="cheque-guarantee-filter">{m.guaranteeFilter}</label>
            <select
              id="cheque-guarantee-filter"
              className="input"
              value={f.guarantee}
              onChange={(e) => onChange({ guarantee: e.target.value as FilterDraft['guarantee'] })}
              data-testid="cheque-guarantee-filter"
            >
              <option value="any">{m.guaranteeAny}</option>
              <option value="only">{m.guaranteeOnly}</option>
              <option value="none">{m.guaranteeNone}</option>
            </select>
          </div>
        </div>
      )}
    </div>
  );
}
