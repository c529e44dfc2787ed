/**
 * What a shell tells the user when the engine does not start: the reason and the data folder, in the
 * language of the user's settings when the database can still be read, otherwise in both languages
 * (Persian first), since we cannot know which one the user reads.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { message, type Lang } from '../i18n/messages';
import { AppError } from '../kernel/app-error';
import { readStoredSetting } from '../settings/settings.repo';

/** The language saved in the folder's settings, or null when the database cannot tell (missing, damaged, locked). */
export function settingsLanguage(dataDir: string, nativeBinding?: string): Lang | null {
  const file = path.join(dataDir, 'monshi.sqlite');
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0, nativeBinding });
    try {
      // No row: the user never changed it, so the language is the default one, Persian.
      const lang = readStoredSetting(db, 'language') ?? 'fa';
      return lang === 'fa' || lang === 'en' ? lang : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export function startFailureText(e: unknown, dataDir: string, lang: Lang | null): string {
  const one = (l: Lang) => {
    const reason = e instanceof AppError ? e.toShape(l).message : e instanceof Error ? e.message : String(e);
    return message(l, 'db.start_failed', { folder: dataDir, reason });
  };
  return lang ? one(lang) : `${one('fa')}\n\n${one('en')}`;
}
