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
  | 'auth'
  | 'line/unavailable'
  | 'line/busy'
  | 'internal';

export type AppErrorShape = { code: ErrorCode; message: string; field?: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
