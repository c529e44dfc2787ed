-- Accounts and roles (issue 18). A user signs in with a name (unique without case) and a password kept
-- only as a scrypt hash with its parameters ('scrypt$N$r$p$salt$hash'); an optional PIN, hashed alike,
-- switches users at the desk. Extras are the per-user permissions on top of the role, as a JSON array.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  pin_hash TEXT,
  role TEXT NOT NULL CHECK (role IN ('front-desk', 'clerk', 'manager')),
  extras TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(extras) AND json_type(extras) = 'array'),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

-- One row: the office's mode and the lock time. Every office starts (or, updating, stays) without
-- passwords, so nobody is locked out; the first-run guide or Settings turns accounts on. The recovery
-- code (shown once) is kept hashed, for the last manager who forgot the password.
CREATE TABLE accounts_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  mode TEXT NOT NULL CHECK (mode IN ('open', 'accounts')),
  idle_lock_minutes INTEGER NOT NULL CHECK (idle_lock_minutes BETWEEN 0 AND 1440),
  recovery_hash TEXT
) STRICT;
INSERT INTO accounts_config (id, mode, idle_lock_minutes, recovery_hash) VALUES (1, 'open', 10, NULL);
