/**
 * The secret box: a sealed secret opens with its key and not with another; the browser mode's key file
 * is made on first seal with mode 0600 (a looser one is tightened when read); no key file is a clear
 * error, never a fresh key that would open nothing.
 */
import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { KEY_FILE, keyFileSecretBox, SecretError, secretBoxFromKey } from '../../src/main/kernel/secret-box';
import { removeDir, tempDir } from '../helpers/engine';

let dir = '';
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

test('seals to text without the secret; opens with the same key only', () => {
  const key = randomBytes(32);
  const box = secretBoxFromKey(key);
  const sealed = box.seal('رمز-secret3001');
  expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
  expect(sealed).not.toContain('secret3001');
  expect(box.seal('رمز-secret3001')).not.toBe(sealed); // a fresh IV each time
  expect(box.open(sealed)).toBe('رمز-secret3001');
  expect(() => secretBoxFromKey(randomBytes(32)).open(sealed)).toThrow(SecretError);
  expect(() => secretBoxFromKey(randomBytes(32)).open(sealed)).toThrow(/cannot be opened with this computer’s key/);
  expect(() => box.open('plain')).toThrow(/not in a form/);
});

test('the key file: made on first seal with mode 0600, read again by another box, tightened when loose', () => {
  const file = path.join(dir, KEY_FILE);
  const box = keyFileSecretBox(dir);
  expect(existsSync(file)).toBe(false);
  const sealed = box.seal('secret3001');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  chmodSync(file, 0o644);
  expect(keyFileSecretBox(dir).open(sealed)).toBe('secret3001');
  expect(statSync(file).mode & 0o777).toBe(0o600);
});

test('a missing key file is a clear error, and sealing again makes a new key that opens only new secrets', () => {
  const sealed = keyFileSecretBox(dir).seal('secret3001');
  rmSync(path.join(dir, KEY_FILE));
  const box = keyFileSecretBox(dir);
  expect(() => box.open(sealed)).toThrow(expect.objectContaining({ code: 'secret/no-key', message: expect.stringMatching(/key file .* is missing/) }));
  const again = box.seal('new');
  expect(box.open(again)).toBe('new');
  expect(() => box.open(sealed)).toThrow(expect.objectContaining({ code: 'secret/bad-key' }));
});
