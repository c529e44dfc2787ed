/** The CLI's `backup` and `restore`: what they print, and their errors in the user's language (exit code 1). */
import type { BackupSummary } from '../../shared/contract/backup';
import { settingsLanguage } from '../engine/start-failure';
import type { Lang } from '../i18n/messages';
import { AppError } from '../kernel/app-error';
import { cliBackup, cliRestore } from './backup-cli';

type Args = { dataDir: string; file: string; password: string | null; lang: Lang | undefined; nativeBinding?: string };

const countsLine = (s: BackupSummary) =>
  `${Object.entries(s.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')}; ${s.files} files (${(s.bytes / 1e6).toFixed(1)} MB)`;

export async function backupCommand(command: 'backup' | 'restore', a: Args): Promise<number> {
  try {
    if (command === 'backup') {
      const s = await cliBackup(a.dataDir, a.file, a.password || null, a.nativeBinding);
      console.log(`Backup written to ${s.file}${s.encrypted ? ' (encrypted)' : ''}: ${countsLine(s)}.`);
    } else {
      const { restored: s, safety } = await cliRestore(a.dataDir, a.file, a.password || null, a.nativeBinding);
      console.log(`Restored ${s.file} (made ${s.createdAt} by Monshi ${s.appVersion}, schema ${s.schemaVersion}) into ${a.dataDir}: ${countsLine(s)}.`);
      console.log(safety ? `The data as it was before is in ${safety}.` : 'The data as it was before is kept in the data folder (before-restore-…).');
    }
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const lang = a.lang ?? settingsLanguage(a.dataDir, a.nativeBinding);
    console.error(lang ? e.toShape(lang).message : `${e.toShape('fa').message}\n\n${e.toShape('en').message}`);
    return 1;
  }
}
