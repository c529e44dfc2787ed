-- The audit trail (issue 18): who changed what, when, from which PC.
--
-- Row changes are caught by triggers on every data table (made at start from the schema by
-- src/main/audit/audit-triggers.ts, so a table added later is caught too) into audit_changes, a
-- scratch table emptied by the engine after each writing request, which turns its rows into
-- audit_log entries with the person who made the request (or the system, for the engine's own writes).

-- One row: whether the triggers catch changes now (0 while an import writes its contacts: an import is
-- one entry, not 100,000).
CREATE TABLE audit_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  capture INTEGER NOT NULL CHECK (capture IN (0, 1))
) STRICT;
INSERT INTO audit_state (id, capture) VALUES (1, 1);

-- Row changes not yet turned into entries: the table, the row, and the row before and after as JSON
-- (a BLOB column as its size, never its bytes).
CREATE TABLE audit_changes (
  seq INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  old TEXT,
  new TEXT
) STRICT;

-- The trail, append-only: each entry carries the SHA-256 of the previous entry's canonical form (its
-- `hash`), so an entry changed or removed behind the app's back breaks the chain at that entry.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('person', 'system')),
  user_id INTEGER,
  actor_name TEXT NOT NULL,
  pc TEXT NOT NULL,
  request TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  record_name TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'bulk')),
  -- [{"field": "first_name", "old": "…", "new": "…"}, …]
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_by_record ON audit_log (record_type, record_id, id);
CREATE INDEX audit_log_by_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
