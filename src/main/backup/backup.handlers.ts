import type { backupApi } from '../../shared/contract/backup.api';
import type { Handlers } from '../kernel/handlers';
import type { BackupService } from './backup.service';

export type BackupHandlerDeps = { backup: BackupService };

/** The handlers of `backupApi` (src/shared/contract/backup.api.ts). */
export function backupHandlers({ backup }: BackupHandlerDeps): Handlers<typeof backupApi> {
  return {
    'backup/settings': () => backup.settings(),
    'backup/settings-save': (input) => backup.saveSettings(input),
    'backup/status': () => backup.status(),
    'backup/list': () => backup.list(),
    'backup/now': () => backup.now(),
    'backup/inspect': ({ file, password }) => backup.inspect(file, password),
    'backup/restore': ({ file, password }) => backup.restore(file, password),
  };
}
