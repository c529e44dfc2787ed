/**
 * The calls the call bar shows: ones dialled from this window and ones reported in progress by the
 * engine. A tiny external store (not a React context) so that the dial button in the phonebook and the
 * call bar mounted by the app shell share it without a provider between them.
 */
import { useSyncExternalStore } from 'react';
import type { CallRow } from '../../shared/contract/calls';

let calls: readonly CallRow[] = [];
const listeners = new Set<() => void>();

/** How far a call has got; an answer for an earlier stage never overwrites a later one. */
function stage(c: CallRow): number {
  if (c.endedAt !== null) return 3;
  return c.outcome === 'connected' || c.outcome === 'answered' ? 2 : 1;
}

function publish(next: readonly CallRow[]) {
  calls = next;
  for (const l of listeners) l();
}

/**
 * Adds the call or updates it by id. A dial's answer can arrive after the engine's 'connected'
 * event for the same call; the later stage wins, so the bar never steps back to 'dialing'.
 */
export function trackCall(call: CallRow): void {
  const old = calls.find((c) => c.id === call.id);
  if (old && stage(old) > stage(call)) return;
  publish(old ? calls.map((c) => (c.id === call.id ? call : c)) : [...calls, call]);
}

/** The tracked calls right now, oldest first (outside React). */
export function trackedCalls(): readonly CallRow[] {
  return calls;
}

/** Is this call shown by the bar (so its updates must be followed)? */
export function isTracked(id: number): boolean {
  return calls.some((c) => c.id === id);
}

/** Removes the call from the bar (after it ended and was shown as ended). */
export function forgetCall(id: number): void {
  if (isTracked(id)) publish(calls.filter((c) => c.id !== id));
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The tracked calls, oldest first; re-renders on every change. */
export function useTrackedCalls(): readonly CallRow[] {
  return useSyncExternalStore(subscribe, () => calls);
}
