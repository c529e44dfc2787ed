/** Backups as the UI sees them (issue 18): where and when they are made, what one holds, how the last went. */
import { z } from 'zod';

export type BackupSettings = {
  /** The folder backups go to (a USB disk, a second disk, a shared folder); '' = none chosen yet. */
  folder: string;
  /** 'HH:MM': a backup every day at that time; '' = none. */
  dailyAt: string;
  /** A backup when Monshi closes. */
  atExit: boolean;
  /** How many backups the folder keeps; the oldest beyond that are removed after a good backup. */
  keep: number;
  /** Whether backups are encrypted with a password (the password itself is never sent to the UI). */
  encrypted: boolean;
};

/** What a backup holds, read from its manifest. */
export type BackupSummary = {
  file: string;
  encrypted: boolean;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  /** contacts, calls, cheques, people, reminders, voicemails, recordings, faxes. */
  counts: Record<string, number>;
  /** Recordings, voicemail, faxes and attachments (files, not counting the database). */
  files: number;
  bytes: number;
};

export type BackupFile = { file: string; name: string; bytes: number; modifiedAt: string };

export type BackupStatus = {
  running: boolean;
  folder: string;
  lastGoodAt: string | null;
  lastError: { at: string; message: string } | null;
  /** 'never': a schedule is set and no backup has succeeded; 'old': the last good one is older than the schedule allows. */
  warning: 'never' | 'old' | null;
};

export const backupSettingsInput = z.object({
  folder: z.string().max(4096),
  dailyAt: z.string().regex(/^(|([01]\d|2[0-3]):[0-5]\d)$/),
  atExit: z.boolean(),
  keep: z.number().int().min(1).max(365),
  /** undefined: leave as it is; '': no encryption; otherwise the new password. */
  password: z.string().max(200).optional(),
});
