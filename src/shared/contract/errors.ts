/**
 * Errors as the UI receives them: a stable code, a message already in the user's language, and the
 * field (form field name, or 'line N' of an imported file) it is about. Never a stack trace.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'import/parse'
  | 'import/empty'
  | 'import/expired'
  | 'print/too_many'
  | 'db/newer'
  | 'db/migration'
  /** The database file or data folder is damaged, read-only, on a full or failing disk, or in use by another Monshi. */
  | 'db/corrupt'
  | 'db/readonly'
  | 'db/full'
  | 'db/io'
  | 'db/locked'
  | 'auth'
  /** The signed-in user's role or extras do not allow the request (the message names what is missing). */
  | 'forbidden'
  | 'line/unavailable'
  | 'line/busy'
  /** A document given to fax is not one (not a PDF, image or text), is damaged, locked by a password, empty or too long. */
  | 'fax/document'
  /** A backup file that is damaged (naming the member), needs or has the wrong password, is newer, or a folder that cannot take one. */
  | 'backup/damaged'
  | 'backup/password'
  | 'backup/newer'
  | 'backup/not_backup'
  | 'backup/unreadable'
  | 'backup/folder'
  | 'internal';

export type AppErrorShape = { code: ErrorCode; message: string; field?: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
