/**
 * The desktop app's key for the secret box (src/main/kernel/secret-box.ts): 32 random bytes kept in
 * `<dataDir>/secret.key.safe` encrypted by the operating system through Electron's safeStorage (the
 * user's keychain / DPAPI / kwallet / libsecret), so a copy of the data folder alone cannot open the
 * passwords in it. Made on first start; handed to the engine's process, which never sees safeStorage
 * (it lives only in Electron's main process). When the system offers no encryption (a Linux session
 * without a keyring), null: the engine then keeps the browser mode's 0600 key file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** What this uses of Electron's `safeStorage`. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

export const SAFE_KEY_FILE = 'secret.key.safe';
/** How main hands the key to the engine's process (base64); engine-host.ts reads it and removes it from its environment. */
export const SECRET_KEY_ENV = 'MONSHI_SECRET_KEY';

/** The key (made and stored on first use), or null when safeStorage cannot encrypt here; throws when the stored key cannot be decrypted. */
export function desktopSecretKey(dataDir: string, safe: SafeStorageLike | undefined): Buffer | null {
  if (!safe?.isEncryptionAvailable()) return null;
  const file = path.join(dataDir, SAFE_KEY_FILE);
  // main starts before the engine has made the folder (it does so private: 0700).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (existsSync(file)) {
    const key = Buffer.from(safe.decryptString(readFileSync(file)), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a key`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, safe.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
  return key;
}
