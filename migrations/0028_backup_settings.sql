-- Backups (issue 18): where and when they are made, and how each attempt went (the header warns when the
-- last good one is older than the schedule says). One settings row; folder '' = no folder chosen yet.
CREATE TABLE backup_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  folder TEXT NOT NULL DEFAULT '',
  -- 'HH:MM' for a daily backup at that time; '' = no daily backup.
  daily_at TEXT NOT NULL DEFAULT '' CHECK (daily_at = '' OR daily_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  at_exit INTEGER NOT NULL DEFAULT 0 CHECK (at_exit IN (0, 1)),
  keep INTEGER NOT NULL DEFAULT 7 CHECK (keep BETWEEN 1 AND 365),
  -- '' = backups are not encrypted. Kept for the scheduled backups, which run with nobody to type it.
  password TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO backup_settings (id) VALUES (1);

CREATE TABLE backup_runs (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  file TEXT NOT NULL,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  bytes INTEGER NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX backup_runs_by_at ON backup_runs (ok, at);
