import type { AppErrorShape, ErrorCode } from '../../shared/contract/errors';
import { message, type Lang, type MessageKey } from '../i18n/messages';

/**
 * The one error type domain code throws. It carries a message key rather than text, so the same
 * error reaches each UI in that UI's language.
 */
/** A message parameter; a function when the parameter is itself text in the user's language. */
export type Param = string | number | ((lang: Lang) => string);

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: Record<string, Param> = {},
    readonly field?: string,
  ) {
    super(`${code}: ${key}${field ? ` (${field})` : ''}`);
  }

  toShape(lang: Lang): AppErrorShape {
    const params = Object.fromEntries(Object.entries(this.params).map(([k, v]) => [k, typeof v === 'function' ? v(lang) : v]));
    const shape: AppErrorShape = { code: this.code, message: message(lang, this.key, params) };
    if (this.field !== undefined) shape.field = this.field;
    return shape;
  }
}

export const validationError = (key: MessageKey, field: string, params: Record<string, string | number> = {}) => new AppError('validation', key, params, field);
