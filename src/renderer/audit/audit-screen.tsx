import { useState } from 'react';
import { parseDateInput } from '../../shared/text/calendar';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { LoadError } from '../ui/load-error';
import { TextField } from '../ui/text-field';
import { AuditEntryRow } from './audit-entry-row';
import { typeWords } from './audit-words';

const ACTORS = ['person', 'system', 'all'] as const;
const PAGE = 100;

/**
 * The manager's view of the audit trail ('#/audit', from Settings): entries newest first, filtered by
 * person, people or the system, record type, the record's name and a date range (in the chosen
 * calendar); each says field old → new and opens its record. A banner names the entry where the chain
 * of hashes breaks, when someone edited the file outside Monshi.
 */
export function AuditScreen() {
  const l = useLocale();
  const { t, calendar, num, digits } = l;
  const m = t.audit;
  const [actor, setActor] = useState<(typeof ACTORS)[number]>('person');
  const [person, setPerson] = useState('');
  const [recordType, setRecordType] = useState('');
  const [record, setRecord] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const day = (text: string) => (text.trim() ? (parseDateInput(text, calendar) ?? '') : '');
  const list = useQuery('audit/list', { actor, person, recordType, record, from: day(from), to: day(to), limit });
  const check = useQuery('audit/check', {});
  const entries = list.data?.entries ?? [];
  const c = check.data;

  return (
    <div className="audit-screen" data-testid="audit-screen">
      <div>
        <h1 className="screen-title">{m.title}</h1>
        <p className="muted">{m.intro}</p>
      </div>
      {check.error && <LoadError message={check.error} onRetry={check.reload} variant="list" />}
      {c && !c.ok && (
        <div className="audit-broken" role="alert" data-testid="audit-broken" data-entry={c.entryId}>
          {c.problem === 'changed' ? m.chainChanged(digits(c.entryId)) : m.chainRemoved(digits(c.entryId))}
        </div>
      )}
      {c?.ok && (
        <p className="muted" data-testid="audit-chain-ok">
          {m.chainOk(num(c.entries))}
        </p>
      )}
      <div className="audit-filters">
        <label className="form-field">
          <span>{m.who}</span>
          <select className="input" value={actor} onChange={(e) => setActor(ACTORS.find((a) => a === e.target.value) ?? 'person')} data-testid="audit-actor">
            {ACTORS.map((a) => (
              <option key={a} value={a}>
                {m.actors[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>{m.person}</span>
          <select className="input" value={person} onChange={(e) => setPerson(e.target.value)} data-testid="audit-person">
            <option value="">{m.everyone}</option>
            {(list.data?.people ?? []).map((p) => (
              <option key={p} value={p}>
                {p || m.localUser}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>{m.recordType}</span>
          <select className="input" value={recordType} onChange={(e) => setRecordType(e.target.value)} data-testid="audit-type">
            <option value="">{m.anyType}</option>
            {(list.data?.recordTypes ?? []).map((r) => (
              <option key={r} value={r}>
                {typeWords(r, l)}
              </option>
            ))}
          </select>
        </label>
        <TextField name="audit-record" label={m.record} value={record} onChange={setRecord} />
        <DateInput name="audit-from" label={m.from} value={from} onChange={setFrom} />
        <DateInput name="audit-to" label={m.to} value={to} onChange={setTo} />
      </div>
      {list.error && <LoadError message={list.error} onRetry={list.reload} variant="list" />}
      {list.data && entries.length === 0 && (
        <p className="fax-empty" data-testid="audit-empty">
          {m.empty}
        </p>
      )}
      {entries.length > 0 && (
        <ul className="audit-list" data-testid="audit-list">
          {entries.map((e) => (
            <AuditEntryRow key={e.id} entry={e} />
          ))}
        </ul>
      )}
      {entries.length === limit && limit < 500 && (
        <button type="button" className="button" onClick={() => setLimit((n) => Math.min(500, n + PAGE))} data-testid="audit-more">
          {m.more}
        </button>
      )}
    </div>
  );
}
