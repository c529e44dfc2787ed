/**
 * Sign-in attempts are limited per name: after three wrong ones in a row each further attempt must wait,
 * 1 s, 2 s, 4 s … up to 5 minutes, before it is even checked; a right one clears the count. Kept in
 * memory (a restart forgets it, as the scrypt cost still holds a guesser back).
 */
const FREE_FAILURES = 3;
const MAX_WAIT_MS = 5 * 60_000;
const MAX_NAMES = 1000;

export type SignInLimit = {
  /** Milliseconds to wait before `key` may try again (0: now). */
  waitMs(key: string): number;
  failed(key: string): void;
  succeeded(key: string): void;
};

export function createSignInLimit(now: () => number): SignInLimit {
  const failures = new Map<string, { count: number; until: number }>();
  return {
    waitMs(key) {
      const f = failures.get(key);
      return f ? Math.max(0, f.until - now()) : 0;
    },
    failed(key) {
      const count = (failures.get(key)?.count ?? 0) + 1;
      const wait = count < FREE_FAILURES ? 0 : Math.min(1000 * 2 ** (count - FREE_FAILURES), MAX_WAIT_MS);
      failures.delete(key);
      // The oldest name goes first when a guesser tries many names (the map stays small).
      if (failures.size >= MAX_NAMES) failures.delete(failures.keys().next().value as string);
      failures.set(key, { count, until: now() + wait });
    },
    succeeded(key) {
      failures.delete(key);
    },
  };
}
