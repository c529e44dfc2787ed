import type { faxLogApi } from '../../shared/contract/fax-log.api';
import type { Handlers } from '../kernel/handlers';
import type { createFaxLogReports } from './fax-log.reports';
import type { FaxLogService } from './fax-log.service';

export type FaxLogDeps = { faxLog: FaxLogService; faxLogReports: ReturnType<typeof createFaxLogReports> };

/** The handlers of `faxLogApi` (src/shared/contract/fax-log.api.ts). */
export function faxLogHandlers({ faxLog, faxLogReports }: FaxLogDeps): Handlers<typeof faxLogApi> {
  return {
    'fax/log': (input) => faxLog.list(input),
    'fax/log-entry': ({ id }) => faxLog.get(id),
    'fax/log-page': ({ id, page }) => faxLog.page(id, page),
    'fax/log-tiff': ({ id }) => faxLog.tiff(id),
    'fax/log-print': (input, hc) => faxLogReports.print(input, hc.lang),
    'fax/log-report': ({ from, to }) => faxLogReports.report(from, to),
    'fax/log-rotate': ({ id, rotation }) => faxLog.rotate(id, rotation),
  };
}
