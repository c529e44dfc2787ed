/**
 * An audit entry in words: a value (a date, a time, a file's size, a long text cut short), a field's
 * and a record type's name, and the record's address in the app (null when it is gone or has none).
 */
import type { AuditEntry, AuditValue } from '../../shared/contract/audit';
import type { Locale } from '../i18n/locale';
import type { Route } from '../app/router';

/** A size in bytes as "4.2 MB", digits in the language's script. */
export function sizeWords(bytes: number, digits: Locale['digits']): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return digits(`${u === 0 ? n : n.toFixed(1)} ${units[u]}`);
}

export function valueWords(field: string, v: AuditValue, l: Locale): string {
  const m = l.t.audit;
  if (v === null || v === '') return m.none;
  if (typeof v === 'object') return 'bytes' in v ? m.bytes(sizeWords(v.bytes, l.digits)) : m.longText(v.text, l.num(v.length));
  // Moments are kept as epoch milliseconds in columns named …_at; dates as ISO days.
  if (typeof v === 'number' && field.endsWith('_at') && v > 1e11) return l.instant(new Date(v).toISOString());
  if (typeof v === 'number') return l.num(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return l.date(v);
  return l.digits(v);
}

export const fieldWords = (field: string, l: Locale) => l.t.audit.fields[field] ?? field.replace(/_/g, ' ');
export const typeWords = (type: string, l: Locale) => l.t.audit.types[type] ?? type.replace(/_/g, ' ');

/** Where the record of an entry opens; null for a deleted record or a kind with no page of its own. */
export function recordRoute(e: AuditEntry): Route | null {
  const id = Number(e.recordId);
  if (e.action === 'delete' || e.action === 'bulk' || !Number.isInteger(id) || id <= 0) return null;
  const byType: Record<string, Route> = {
    contact: { screen: 'contact', id },
    cheque: { screen: 'cheque', id },
    person_file: { screen: 'file', id },
    call: { screen: 'call', id },
    reminder: { screen: 'reminder', id },
    line: { screen: 'line', id },
    cheque_template: { screen: 'template', id },
    ivr_tree: { screen: 'ivr-tree', id },
    recording: { screen: 'recording', id },
    fax: { screen: 'fax-log-entry', id },
    fax_job: { screen: 'fax-job', id },
    fax_document: { screen: 'fax-document', id },
    attendance: { screen: 'attendance', tab: 'book' },
  };
  return byType[e.recordType] ?? null;
}
