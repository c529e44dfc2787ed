/**
 * Signing a browser in. The session secret never leaves the server but as an HttpOnly,
 * SameSite=Strict cookie: the launcher and the terminal get one-time codes instead, which the server
 * swaps for the cookie on `GET /?code=…`. A code works once and expires, so one read from a command
 * line (`ps`), a terminal's scrollback or a browser's history is worth nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

/** A code printed in the terminal: long enough to copy it into a browser. */
export const PRINTED_CODE_TTL_MS = 10 * 60_000;
/** A code handed to the browser the launcher starts: used within seconds. */
export const OPEN_CODE_TTL_MS = 60_000;
/** Codes waiting to be used at once; a new one beyond this drops the oldest. */
const MAX_CODES = 16;

export type Session = {
  readonly cookieName: string;
  /** A fresh one-time code, valid for `ttlMs`. */
  issueCode(ttlMs: number): string;
  /** True once for a code issued and not yet expired; the code is spent either way. */
  redeem(code: string): boolean;
  signedIn(req: http.IncomingMessage): boolean;
  setCookie(): string;
  /** This browser's own id, or null before it was given one. */
  browserOf(req: http.IncomingMessage): string | null;
  /** The cookie that gives a browser its own id (a fresh one each call). */
  browserCookie(): string;
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The value of one cookie in a Cookie header, or null. */
function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * `folder` names the data folder (see `folderScope`) in the browser's own cookie: unlike the port, it is
 * the same after a restart, so a browser signed in to an account is still signed in (its session is
 * kept by the engine under a hash of that cookie), while another Monshi on another folder is another.
 */
export function createSession(secret: string, port: number, now: () => number = Date.now, folder: string = String(port)): Session {
  // The port is in the name: two Monshis on one PC (other data folders) share 127.0.0.1's cookie jar.
  const cookieName = `monshi-${port}`;
  const browserName = `monshi-${folder}-browser`;
  const codes = new Map<string, number>();
  return {
    cookieName,
    issueCode(ttlMs) {
      const code = randomBytes(24).toString('base64url');
      if (codes.size >= MAX_CODES) codes.delete(codes.keys().next().value as string);
      codes.set(code, now() + ttlMs);
      return code;
    },
    redeem(code) {
      for (const [known, expires] of codes) {
        if (!same(known, code)) continue;
        codes.delete(known);
        return now() <= expires;
      }
      return false;
    },
    signedIn(req) {
      const value = cookieValue(req.headers.cookie, cookieName);
      return value !== null && same(value, secret);
    },
    setCookie: () => `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
    browserOf(req) {
      const value = cookieValue(req.headers.cookie, browserName);
      return value !== null && /^[\w-]{32}$/.test(value) ? value : null;
    },
    browserCookie: () => `${browserName}=${randomBytes(24).toString('base64url')}; HttpOnly; SameSite=Strict; Path=/`,
  };
}

/** A short, stable name of a data folder for a cookie's name (the path itself is not put in a cookie). */
export const folderScope = (dataDir: string) => `f${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`;
