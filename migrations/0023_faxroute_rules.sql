-- Routing of received faxes (issue 16): rules matched on the sender's number (exact or a prefix), the
-- fax ID the far end sent (TSI, contained, any case) and the line that received it, tried in the order
-- the user set (position); the first that matches names a staff member (a staff file) or a contact group.
-- A rule goes with the person's file or the group it names: a deleted target never swallows faxes.
CREATE TABLE fax_route_rules (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  -- The number as the user wrote it ('' = any number), and how it is compared.
  number TEXT NOT NULL DEFAULT '',
  number_match TEXT NOT NULL DEFAULT 'exact' CHECK (number_match IN ('exact', 'prefix')),
  -- Text the TSI must contain, compared without case ('' = any).
  tsi TEXT NOT NULL DEFAULT '',
  -- The line's stored id as the fax log keeps it; NULL = any line.
  line_id TEXT,
  staff_file_id INTEGER REFERENCES person_files (id) ON DELETE CASCADE,
  group_id INTEGER REFERENCES groups (id) ON DELETE CASCADE,
  CHECK ((staff_file_id IS NULL) <> (group_id IS NULL))
) STRICT;
CREATE INDEX fax_route_rules_by_position ON fax_route_rules (position, id);
CREATE INDEX fax_route_rules_by_staff ON fax_route_rules (staff_file_id) WHERE staff_file_id IS NOT NULL;
CREATE INDEX fax_route_rules_by_group ON fax_route_rules (group_id) WHERE group_id IS NOT NULL;

-- Who a received fax was routed to, decided once when it came: the kind and id of the target and its
-- name then (the log still says "for: Sara" after her file is gone); routed_at is when (for its alarm).
ALTER TABLE fax_log ADD COLUMN routed_kind TEXT CHECK (routed_kind IS NULL OR routed_kind IN ('staff', 'group'));
ALTER TABLE fax_log ADD COLUMN routed_id INTEGER;
ALTER TABLE fax_log ADD COLUMN routed_name TEXT NOT NULL DEFAULT '';
ALTER TABLE fax_log ADD COLUMN routed_at INTEGER;
CREATE INDEX fax_log_by_route ON fax_log (routed_kind, routed_id) WHERE routed_kind IS NOT NULL;
CREATE INDEX fax_log_routed_at ON fax_log (routed_at) WHERE routed_at IS NOT NULL;

-- A routed fax rings an alarm for its person: the alarms' source list gains 'fax' (ref_id = the fax log
-- row). SQLite cannot change a CHECK, so the table is rebuilt as it is with the wider list.
CREATE TABLE alarms_next (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL CHECK (source IN ('reminder', 'birthday', 'cheque', 'fax')),
  ref_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  occurs_at INTEGER NOT NULL,
  fired_at INTEGER NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  snoozed_until INTEGER,
  dismissed_at INTEGER,
  merged_into INTEGER REFERENCES alarms (id) ON DELETE CASCADE,
  missed_count INTEGER NOT NULL DEFAULT 1 CHECK (missed_count >= 1),
  first_occurs_at INTEGER
) STRICT;
INSERT INTO alarms_next (id, key, source, ref_id, title, place, note, contact_id, occurs_at, fired_at, late, snoozed_until, dismissed_at,
  merged_into, missed_count, first_occurs_at)
  SELECT id, key, source, ref_id, title, place, note, contact_id, occurs_at, fired_at, late, snoozed_until, dismissed_at,
    merged_into, missed_count, first_occurs_at FROM alarms;
DROP TABLE alarms;
ALTER TABLE alarms_next RENAME TO alarms;
CREATE INDEX alarms_pending ON alarms (occurs_at) WHERE dismissed_at IS NULL;
CREATE INDEX alarms_snoozed ON alarms (snoozed_until) WHERE snoozed_until IS NOT NULL;
CREATE INDEX alarms_by_ref ON alarms (source, ref_id);
CREATE INDEX alarms_by_contact ON alarms (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX alarms_merged ON alarms (merged_into) WHERE merged_into IS NOT NULL;
