-- Money rules of the cheque book. Once a cheque has history beyond its registration, its amount and
-- parties change only through a correction (an event of kind 'corrected' with the old and new values,
-- the user who made it and the reason), and it is voided rather than deleted — received cheques too,
-- so 'void' becomes a status of both directions. SQLite cannot change a CHECK in place: both tables
-- are rebuilt (foreign keys are checked after the whole upgrade, see db/database.ts).

CREATE TABLE cheques_new (
  id INTEGER PRIMARY KEY,
  direction TEXT NOT NULL CHECK (direction IN ('received', 'paid')),
  status TEXT NOT NULL CHECK (
    (direction = 'received' AND status IN ('on_hand', 'deposited', 'cashed', 'bounced', 'endorsed', 'returned', 'settled', 'void'))
    OR (direction = 'paid' AND status IN ('issued', 'cleared', 'bounced', 'returned', 'void', 'lost'))),
  guarantee INTEGER NOT NULL CHECK (guarantee IN (0, 1)),
  sayad_id TEXT NOT NULL DEFAULT '' CHECK (sayad_id = '' OR (length(sayad_id) = 16 AND sayad_id NOT GLOB '*[^0-9]*')),
  sayad_registered INTEGER NOT NULL DEFAULT 0 CHECK (sayad_registered IN (0, 1)),
  series TEXT NOT NULL DEFAULT '',
  serial TEXT NOT NULL DEFAULT '',
  bank_code TEXT,
  bank_name TEXT NOT NULL DEFAULT '',
  branch TEXT NOT NULL DEFAULT '',
  account TEXT NOT NULL DEFAULT '',
  amount INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 999999999999999),
  issue_date TEXT CHECK (issue_date IS NULL OR issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  party_name TEXT NOT NULL CHECK (party_name <> ''),
  party_id TEXT NOT NULL DEFAULT '' CHECK (party_id = '' OR ((length(party_id) IN (10, 11)) AND party_id NOT GLOB '*[^0-9]*')),
  purpose TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  leaf_id INTEGER UNIQUE REFERENCES cheque_leaves (id),
  search_text TEXT NOT NULL DEFAULT '',
  party_key TEXT NOT NULL DEFAULT '',
  bank_key TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_on TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  alarm_base_at TEXT NOT NULL,
  CHECK (guarantee = 1 OR due_date IS NOT NULL),
  CHECK (bank_code IS NOT NULL OR bank_name <> '')
) STRICT;
INSERT INTO cheques_new SELECT * FROM cheques;
DROP TABLE cheques;
ALTER TABLE cheques_new RENAME TO cheques;
CREATE UNIQUE INDEX cheques_by_sayad ON cheques (sayad_id) WHERE sayad_id <> '';
CREATE INDEX cheques_by_due ON cheques (due_date);
CREATE INDEX cheques_by_created ON cheques (created_on);
CREATE INDEX cheques_by_contact ON cheques (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX cheques_open_by_due ON cheques (due_date) WHERE status IN ('on_hand', 'deposited', 'issued') AND due_date IS NOT NULL;

CREATE TABLE cheque_events_new (
  id INTEGER PRIMARY KEY,
  cheque_id INTEGER NOT NULL REFERENCES cheques (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('created', 'status', 'edited', 'corrected')),
  from_status TEXT,
  to_status TEXT,
  date TEXT NOT NULL,
  -- 'corrected': the reason, required.
  note TEXT NOT NULL DEFAULT '',
  counterparty TEXT NOT NULL DEFAULT '',
  certificate INTEGER NOT NULL DEFAULT 0 CHECK (certificate IN (0, 1)),
  changes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes)),
  recorded_at TEXT NOT NULL,
  -- Who recorded it: the user name in Settings at the time ('' when none was set, and for older events).
  recorded_by TEXT NOT NULL DEFAULT '',
  CHECK (kind IN ('edited', 'corrected') OR to_status IS NOT NULL),
  CHECK (kind <> 'corrected' OR note <> '')
) STRICT;
INSERT INTO cheque_events_new (id, cheque_id, kind, from_status, to_status, date, note, counterparty, certificate, changes, recorded_at)
  SELECT id, cheque_id, kind, from_status, to_status, date, note, counterparty, certificate, changes, recorded_at FROM cheque_events;
DROP TABLE cheque_events;
ALTER TABLE cheque_events_new RENAME TO cheque_events;
CREATE INDEX cheque_events_by_cheque ON cheque_events (cheque_id, id);
