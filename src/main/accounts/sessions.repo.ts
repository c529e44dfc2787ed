/**
 * The SQL of sessions: who is signed in where, by a hash of the session's name (see the migration).
 * Kept in memory too (`SessionsRepo.get` is asked before every request); the table is written when a
 * session starts, locks, ends, or its expiry moves on — not on every request.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database';

export type SessionEntry = { userId: number; locked: boolean; expiresAt: number };
/** A session carried over a restore, with its user's name key (to check it is the same user there). */
export type CarriedSession = SessionEntry & { key: string; userKey: string };
type Row = { token_hash: string; user_id: number; locked: number; expires_at: number };

/** How long a session lasts unused: a working day and the evening. */
export const SESSION_TTL_MS = 12 * 3_600_000;
/** The expiry is written again at most this often (a request every second would otherwise write every second). */
const REFRESH_MS = 10 * 60_000;

export const tokenHash = (session: string) => createHash('sha256').update(session).digest('hex');

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;

/**
 * `persist(session)`: whether a session is kept over a restart (a browser or the desktop app); others
 * (the CLI's own, tests') live in memory only, so a reader beside another Monshi never writes.
 */
export function createSessionsRepo(db: Db, now: () => number, persist: (session: string) => boolean) {
  const upsert = db.prepare<[string, number, number, number]>(
    'INSERT INTO sessions (token_hash, user_id, locked, expires_at) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id, locked = excluded.locked, expires_at = excluded.expires_at',
  );
  const remove = db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?');
  const cache = new Map<string, SessionEntry & { kept: boolean }>();
  // Read only: a reader beside another Monshi (CLI export) starts without writing anything. Expired rows
  // are read too (get() lets them go): starting the engine does not read the clock for this.
  const load = () => {
    cache.clear();
    for (const r of db.prepare<[], Row>('SELECT * FROM sessions').all())
      cache.set(r.token_hash, { userId: r.user_id, locked: r.locked === 1, expiresAt: r.expires_at, kept: true });
  };
  const write = (session: string, key: string, s: SessionEntry) => {
    const kept = persist(session);
    cache.set(key, { ...s, kept });
    if (kept) upsert.run(key, s.userId, s.locked ? 1 : 0, s.expiresAt);
  };
  const drop = (session: string, key: string) => {
    cache.delete(key);
    if (persist(session)) remove.run(key);
  };
  load();

  return {
    /** The session's entry, its expiry moved on; null (and forgotten) once expired. */
    get(session: string): SessionEntry | null {
      const key = tokenHash(session);
      const s = cache.get(key);
      if (!s) return null;
      const t = now();
      if (s.expiresAt <= t) {
        drop(session, key);
        return null;
      }
      if (s.expiresAt - t < SESSION_TTL_MS - REFRESH_MS) write(session, key, { ...s, expiresAt: t + SESSION_TTL_MS });
      return s;
    },
    has: (session: string) => cache.has(tokenHash(session)),
    start(session: string, userId: number): void {
      // Sessions of browsers that never came back are let go here, with a write that happens anyway.
      if (persist(session)) db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?').run(now());
      write(session, tokenHash(session), { userId, locked: false, expiresAt: now() + SESSION_TTL_MS });
    },
    lock(session: string): void {
      const key = tokenHash(session);
      const s = cache.get(key);
      if (s) write(session, key, { ...s, locked: true });
    },
    end: (session: string) => drop(session, tokenHash(session)),
    /** Every session kept over a restart (a restore carries them to the restored data). */
    kept: (): (SessionEntry & { key: string })[] =>
      [...cache].filter(([, s]) => s.kept && s.expiresAt > now()).map(([key, s]) => ({ key, userId: s.userId, locked: s.locked, expiresAt: s.expiresAt })),
    /**
     * After a restore: the restored file's own sessions (as they were when the backup was made) are let
     * go, and those of just before it are kept for the users the restored data has, under the same
     * name and not disabled — so nobody is left signed in as a user the restored office does not have.
     */
    adopt(carried: CarriedSession[]): void {
      const user = db.prepare<[number], { name_key: string; disabled: number }>('SELECT name_key, disabled FROM users WHERE id = ?');
      db.transaction(() => {
        db.prepare('DELETE FROM sessions').run();
        for (const c of carried) {
          const u = user.get(c.userId);
          if (!u || u.disabled === 1 || u.name_key !== c.userKey || c.expiresAt <= now()) continue;
          upsert.run(c.key, c.userId, c.locked ? 1 : 0, c.expiresAt);
        }
      })();
      load();
    },
  };
}
