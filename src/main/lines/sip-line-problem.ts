/**
 * Why a SIP line is down, as one of the few reasons the UI can say in the user's language (the
 * contract's `SipProblem`), from the status detail telephony gives in English (registerFailureText in
 * src/telephony/sip/signalling/sip-registration.ts, and the key's errors of secret-box.ts). Telephony
 * names no contract type; this reading is pinned by tests/lines/sip-line-problem.test.ts against the
 * texts those functions really write, so a reworded text fails a test instead of showing 'other'.
 */
import type { LineKindSetting, LineStatus, SipProblem } from '../../shared/contract/calls';

const RULES: [RegExp, SipProblem][] = [
  [/stored password|key file|with this computer/i, 'key'],
  [/wrong user name or password|does not know this user/i, 'password'],
  [/could not be found/i, 'dns'],
  [/network to .* is down/i, 'network'],
  [/not answering|nothing answers|cannot reach|refused the registration/i, 'server'],
];

export function sipProblemOf(detail: string | null): SipProblem | null {
  if (!detail) return null;
  return RULES.find(([re]) => re.test(detail))?.[1] ?? 'other';
}

/** What a line's view and its 'lines/status' event say of why it is down: only a SIP line that is down has a reason. */
export const lineSipProblem = (kind: LineKindSetting, status: LineStatus, detail: string | null): SipProblem | null =>
  kind === 'sip' && status === 'disconnected' ? sipProblemOf(detail) : null;
