/** The audit trail's requests (src/shared/contract/audit.api.ts). */
import type { auditApi } from '../../shared/contract/audit.api';
import type { Handlers } from '../kernel/handlers';
import type { AuditService } from './audit.service';

export function auditHandlers(s: { audit: AuditService }): Handlers<typeof auditApi> {
  return {
    'audit/list': (input) => s.audit.list(input),
    'audit/check': () => s.audit.check(),
  };
}
