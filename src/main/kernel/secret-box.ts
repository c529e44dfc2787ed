/**
 * Secrets the office types (a SIP line's password; later a backup's or an SMS gateway's) are stored
 * sealed: AES-256-GCM under one 32-byte key that is never in the database. The desktop app keeps that
 * key encrypted by the operating system (Electron's safeStorage, src/main/shell/secret-key.ts) and hands
 * it to the engine; browser mode and the CLI keep it in a 0600 file beside the data (`secret.key`),
 * created the first time something is sealed. A sealed value reads `v1:<base64 of iv | tag | ciphertext>`;
 * GCM's tag makes a wrong key or a changed value fail to open instead of giving garbage.
 */
import { chmodSync, existsSync, openSync, closeSync, readFileSync, statSync, writeSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';

export type SecretBox = {
  /** Sealed text to store; throws SecretError when there is no key and none can be made. */
  seal(plain: string): string;
  /** The plain text; throws SecretError('secret/no-key' | 'secret/bad-key') when it cannot be opened. */
  open(sealed: string): string;
};

export type SecretErrorCode = 'secret/no-key' | 'secret/bad-key';

/** Why a secret could not be opened, in words for a line's status (the line shows it; nothing crashes). */
export class SecretError extends Error {
  constructor(
    readonly code: SecretErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const PREFIX = 'v1:';
export const KEY_FILE = 'secret.key';

export function secretBoxFromKey(key: Buffer | (() => Buffer)): SecretBox {
  const keyOf = typeof key === 'function' ? key : () => key;
  return {
    seal(plain) {
      const k = keyOf();
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', k, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new SecretError('secret/bad-key', 'The stored password is not in a form this Monshi can read; type it again.');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const k = keyOf();
      try {
        const d = createDecipheriv('aes-256-gcm', k, raw.subarray(0, 12));
        d.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
      } catch {
        throw new SecretError(
          'secret/bad-key',
          'The stored password cannot be opened with this computer’s key (it was saved with another key); type it again.',
        );
      }
    },
  };
}

/**
 * The key in `<dataDir>/secret.key` (browser mode, CLI, tests): made on first seal, opened with mode
 * 0600 only; a file that others may read is tightened to 0600 when read. Opening with no key file is
 * an error (a password saved elsewhere cannot be read here), never a new key that would open nothing.
 */
export function keyFileSecretBox(dataDir: string): SecretBox {
  const file = path.join(dataDir, KEY_FILE);
  let key: Buffer | null = null;
  const read = (): Buffer | null => {
    if (key) return key;
    if (!existsSync(file)) return null;
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const k = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (k.length !== 32) throw new SecretError('secret/bad-key', `The key file ${file} is damaged; type the passwords again after removing it.`);
    return (key = k);
  };
  const make = (): Buffer => {
    const k = randomBytes(32);
    // 'wx': never overwrite a key another process just made; the mode is set as the file is created.
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, k.toString('base64') + '\n');
    } finally {
      closeSync(fd);
    }
    return (key = k);
  };
  const box = secretBoxFromKey(() => {
    const k = read();
    if (!k) throw new SecretError('secret/no-key', `The key file ${file} is missing, so the stored password cannot be read; type it again.`);
    return k;
  });
  return {
    seal: (plain) => {
      if (!read()) make();
      return box.seal(plain);
    },
    open: (sealed) => box.open(sealed),
  };
}
