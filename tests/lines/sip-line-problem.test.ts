/**
 * A SIP line's reason for being down, read from the very texts telephony and the secret box write:
 * a reworded text there fails here instead of showing the user "other".
 */
import { randomBytes } from 'node:crypto';
import { registerFailureText } from '../../src/telephony/sip/signalling/sip-registration';
import { sipProblemOf } from '../../src/main/lines/sip-line-problem';
import { keyFileSecretBox, secretBoxFromKey } from '../../src/main/kernel/secret-box';
import { removeDir, tempDir } from '../helpers/engine';

const at = 'pbx.office:5060';

test.each([
  [{ kind: 'rejected', code: 401, reason: 'Unauthorized' }, 'password'],
  [{ kind: 'rejected', code: 403, reason: 'Forbidden' }, 'password'],
  [{ kind: 'rejected', code: 404, reason: 'Not Found' }, 'password'],
  [{ kind: 'timeout' }, 'server'],
  [{ kind: 'rejected', code: 503, reason: 'Service Unavailable' }, 'server'],
  [{ kind: 'rejected', code: 500, reason: 'Server Error' }, 'server'],
  [{ kind: 'socket', code: 'ECONNREFUSED', message: '' }, 'server'],
  [{ kind: 'socket', code: 'EPIPE', message: 'broken' }, 'server'],
  [{ kind: 'socket', code: 'ENOTFOUND', message: '' }, 'dns'],
  [{ kind: 'socket', code: 'EAI_AGAIN', message: '' }, 'dns'],
  [{ kind: 'socket', code: 'ENETUNREACH', message: '' }, 'network'],
] as const)('%j → %s', (failure, problem) => {
  expect(sipProblemOf(registerFailureText(failure, at))).toBe(problem);
});

test("the secret box's errors read as 'key'; nothing to say is null", () => {
  const sealed = secretBoxFromKey(randomBytes(32)).seal('x');
  const dir = tempDir();
  try {
    expect(() => keyFileSecretBox(dir).open(sealed)).toThrow();
    let text = '';
    try {
      keyFileSecretBox(dir).open(sealed);
    } catch (e) {
      text = (e as Error).message;
    }
    expect(sipProblemOf(text)).toBe('key');
    try {
      secretBoxFromKey(randomBytes(32)).open(sealed);
    } catch (e) {
      text = (e as Error).message;
    }
    expect(sipProblemOf(text)).toBe('key');
  } finally {
    removeDir(dir);
  }
  expect(sipProblemOf(null)).toBeNull();
});
