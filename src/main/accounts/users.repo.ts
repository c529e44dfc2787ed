/** The SQL of accounts: users and the one row of accounts_config. */
import type { AccountsMode, Extra, Role, UserRow } from '../../shared/contract/accounts';
import type { Db } from '../db/database';

type Row = { id: number; name: string; password_hash: string; pin_hash: string | null; role: Role; extras: string; disabled: number; created_at: string };
export type StoredUser = UserRow & { passwordHash: string; pinHash: string | null };

/** Names compare without case and surrounding space (Persian letters as written, NFC). */
export const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

const toUser = (r: Row): StoredUser => ({
  id: r.id,
  name: r.name,
  role: r.role,
  extras: JSON.parse(r.extras) as Extra[],
  hasPin: r.pin_hash !== null,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  passwordHash: r.password_hash,
  pinHash: r.pin_hash,
});

export function createUsersRepo(db: Db) {
  const byId = db.prepare<[number], Row>('SELECT * FROM users WHERE id = ?');
  const byKey = db.prepare<[string], Row>('SELECT * FROM users WHERE name_key = ?');
  const all = db.prepare<[], Row>('SELECT * FROM users ORDER BY name_key');
  const insert = db.prepare<[string, string, string, string | null, Role, string, string]>(
    'INSERT INTO users (name, name_key, password_hash, pin_hash, role, extras, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const config = db.prepare<[], { mode: AccountsMode; idle_lock_minutes: number; recovery_hash: string | null }>(
    'SELECT mode, idle_lock_minutes, recovery_hash FROM accounts_config WHERE id = 1',
  );
  return {
    get: (id: number) => {
      const r = byId.get(id);
      return r ? toUser(r) : null;
    },
    byName: (name: string) => {
      const r = byKey.get(nameKey(name));
      return r ? toUser(r) : null;
    },
    list: () => all.all().map(toUser),
    insert(u: { name: string; passwordHash: string; pinHash: string | null; role: Role; extras: Extra[] }, now: string): number {
      return Number(insert.run(u.name.trim(), nameKey(u.name), u.passwordHash, u.pinHash, u.role, JSON.stringify(u.extras), now).lastInsertRowid);
    },
    update(id: number, patch: { role?: Role; extras?: Extra[]; pinHash?: string | null; passwordHash?: string; disabled?: boolean }): void {
      const sets: string[] = [];
      const values: (string | number | null)[] = [];
      if (patch.role !== undefined) {
        sets.push('role = ?');
        values.push(patch.role);
      }
      if (patch.extras !== undefined) {
        sets.push('extras = ?');
        values.push(JSON.stringify(patch.extras));
      }
      if (patch.pinHash !== undefined) {
        sets.push('pin_hash = ?');
        values.push(patch.pinHash);
      }
      if (patch.passwordHash !== undefined) {
        sets.push('password_hash = ?');
        values.push(patch.passwordHash);
      }
      if (patch.disabled !== undefined) {
        sets.push('disabled = ?');
        values.push(patch.disabled ? 1 : 0);
      }
      if (sets.length) db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    },
    activeManagers: () => all.all().filter((r) => r.role === 'manager' && r.disabled === 0).length,
    config: () => {
      const c = config.get();
      return c
        ? { mode: c.mode, idleLockMinutes: c.idle_lock_minutes, recoveryHash: c.recovery_hash }
        : { mode: 'open' as const, idleLockMinutes: 10, recoveryHash: null };
    },
    setConfig(patch: { mode?: AccountsMode; idleLockMinutes?: number; recoveryHash?: string }): void {
      if (patch.mode !== undefined) db.prepare('UPDATE accounts_config SET mode = ? WHERE id = 1').run(patch.mode);
      if (patch.idleLockMinutes !== undefined) db.prepare('UPDATE accounts_config SET idle_lock_minutes = ? WHERE id = 1').run(patch.idleLockMinutes);
      if (patch.recoveryHash !== undefined) db.prepare('UPDATE accounts_config SET recovery_hash = ? WHERE id = 1').run(patch.recoveryHash);
    },
  };
}
