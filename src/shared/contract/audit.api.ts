/**
 * The audit trail's viewer (issue 18). Entries are written by the engine itself for every writing
 * request (src/main/audit); nothing here writes.
 */
import { auditListInput, type AuditCheck, type AuditList } from './audit';
import { request, none, type RequestMap } from './request';

export const auditApi = {
  /** Entries newest first, filtered; with the chain's check (a changed entry is named, never hidden). */
  'audit/list': request(auditListInput).reads('audit.read').returns<AuditList>(),
  /** Walks the whole chain again now. */
  'audit/check': request(none).reads('audit.read').returns<AuditCheck>(),
} satisfies RequestMap;
