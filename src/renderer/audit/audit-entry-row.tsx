import type { AuditEntry } from '../../shared/contract/audit';
import { href } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { fieldWords, recordRoute, typeWords, valueWords } from './audit-words';

/** One entry: when, who from which PC, what was done to which record (a link to it), and each field old → new. */
export function AuditEntryRow({ entry: e }: { entry: AuditEntry }) {
  const l = useLocale();
  const m = l.t.audit;
  const to = recordRoute(e);
  const who = e.actorKind === 'system' ? m.system : e.actorName || m.localUser;
  return (
    <li className="audit-entry" data-testid="audit-entry" data-id={e.id} data-type={e.recordType} data-action={e.action}>
      <div className="audit-entry-head">
        <span className="audit-when">{l.instant(new Date(e.at).toISOString())}</span>
        <span className={e.actorKind === 'system' ? 'audit-who system' : 'audit-who'} data-testid="audit-who">
          {who}
        </span>
        <span className="muted">{m.fromPc(e.pc)}</span>
        <span className={`audit-action ${e.action}`}>{m.actions[e.action]}</span>
        <span className="audit-record">
          {typeWords(e.recordType, l)}
          {e.recordName ? ': ' : ''}
          {to ? (
            <a href={href(to)} data-testid="audit-open" title={m.open}>
              <bdi>{l.digits(e.recordName || `#${e.recordId}`)}</bdi>
            </a>
          ) : (
            <bdi>{l.digits(e.recordName)}</bdi>
          )}
        </span>
      </div>
      {e.changes.length > 0 && (
        <ul className="audit-changes">
          {e.changes.map((c) => (
            <li key={c.field} data-testid="audit-change" data-field={c.field}>
              <span className="audit-field">{fieldWords(c.field, l)}:</span>{' '}
              <bdi className={c.old === null ? undefined : 'audit-old'}>{valueWords(c.field, c.old, l)}</bdi>
              <span aria-hidden="true">{l.dir === 'rtl' ? ' ← ' : ' → '}</span>
              <bdi className="audit-new">{valueWords(c.field, c.new, l)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
