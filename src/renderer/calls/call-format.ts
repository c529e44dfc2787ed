/** Small pure helpers for showing calls; no React, so they are easy to reason about and test. */
import type { CallDirection, CallOutcome, CallRow } from '../../shared/contract/calls';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Seconds as 'm:ss' (under an hour) or 'h:mm:ss', ASCII digits (the caller localises them).
 * Negative or fractional input is clamped/truncated, never shown as '-1:59'.
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.trunc(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/** Still going: ringing, dialing, connected, or answered and not hung up yet. */
export function isInProgress(call: Pick<CallRow, 'outcome' | 'endedAt'>): boolean {
  return call.endedAt === null && (call.outcome === 'ringing' || call.outcome === 'dialing' || call.outcome === 'connected' || call.outcome === 'answered');
}

/** A missed incoming call that nobody has returned: the row the front desk must not overlook. */
export function isUnreturnedMiss(call: Pick<CallRow, 'direction' | 'outcome' | 'returnedAt'>): boolean {
  return call.direction === 'in' && call.outcome === 'missed' && call.returnedAt === null;
}

/** The visual family of a call, for its icon and colour. */
export type CallTone = 'in' | 'out' | 'missed' | 'failed' | 'live';

export function toneOf(direction: CallDirection, outcome: CallOutcome): CallTone {
  if (outcome === 'ringing' || outcome === 'dialing' || outcome === 'connected') return 'live';
  if (outcome === 'missed') return 'missed';
  if (outcome === 'busy' || outcome === 'no-answer' || outcome === 'failed') return 'failed';
  return direction;
}

/** How a call ended, as one call's page says it in words (the answering service's own ending comes from its run). */
export type CallEnding = 'live' | 'missedIn' | 'answeredIn' | 'answeredOut' | 'busy' | 'noAnswer' | 'failed' | 'ivrPending' | 'fax';

export function endingOf(call: Pick<CallRow, 'direction' | 'outcome' | 'endedAt'>): CallEnding {
  if (isInProgress(call)) return 'live';
  switch (call.outcome) {
    case 'missed':
      return 'missedIn';
    case 'busy':
      return 'busy';
    case 'no-answer':
      return 'noAnswer';
    case 'ivr':
      return 'ivrPending';
    case 'fax':
      return 'fax';
    case 'failed':
    case 'dialing':
      return 'failed';
    default:
      return call.direction === 'in' ? 'answeredIn' : 'answeredOut';
  }
}
