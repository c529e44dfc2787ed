/**
 * Passwords, PINs and the recovery code are kept only as scrypt hashes (Node's crypto, on the thread
 * pool so the engine keeps answering), each with its own salt and parameters: 'scrypt$N$r$p$salt$hash'.
 * Stronger parameters later leave the old hashes readable.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** N=2^15, r=8: 32 MiB and about 0.1 s per hash on the office PC (login_ms in bench/accounts.bench.ts). */
export const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(secret: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

export async function hashSecret(secret: string, params: { N: number; r: number; p: number } = SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, params.N, params.r, params.p);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong secret and for a stored value that is not a hash of ours (never throws on it). */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 || N > 1 << 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(m[5] ?? '', 'base64');
  const key = await derive(secret, Buffer.from(m[4] ?? '', 'base64'), N, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A recovery code to print: 5 groups of 5 letters and digits without look-alikes (about 120 bits). */
export function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(25);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15, 20].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** The code as typed: any case, spaces or dashes anywhere. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
