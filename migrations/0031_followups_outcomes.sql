-- Call outcomes and follow-ups (issue 19). The office keeps its own list of what a call came to
-- ("interested", "wrong number"…): archived rather than deleted once used, so an old call still names
-- its outcome. A call has at most one outcome (its own row here, so the big calls table is not rebuilt).
CREATE TABLE call_outcome_kinds (
  id INTEGER PRIMARY KEY,
  name_fa TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
INSERT INTO call_outcome_kinds (id, name_fa, name_en, position) VALUES
  (1, 'پاسخ داده شد', 'Answered the question', 1),
  (2, 'علاقه‌مند', 'Interested', 2),
  (3, 'قرار تماس بعدی', 'Call back later', 3),
  (4, 'سفارش داد', 'Placed an order', 4),
  (5, 'شکایت', 'Complaint', 5),
  (6, 'اشتباه گرفته بود', 'Wrong number', 6);

CREATE TABLE call_outcomes (
  call_id INTEGER PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
  kind_id INTEGER NOT NULL REFERENCES call_outcome_kinds (id),
  set_at INTEGER NOT NULL,
  set_by TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX call_outcomes_by_kind ON call_outcomes (kind_id);

-- A follow-up: the next step with a contact (or, for a caller not in the phonebook, with a call's
-- number), due at an instant, owned by a user (none in the single-user mode). It rings once at due_at
-- through the alarm engine, unless it was created after that instant (alarm_base_at), as reminders do.
CREATE TABLE followups (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
  call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,
  due_at INTEGER NOT NULL,
  owner_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  alarm_base_at INTEGER NOT NULL,
  done_at INTEGER,
  CHECK (contact_id IS NOT NULL OR call_id IS NOT NULL)
) STRICT;
CREATE INDEX followups_open_due ON followups (due_at) WHERE done_at IS NULL;
CREATE INDEX followups_by_contact ON followups (contact_id, due_at) WHERE contact_id IS NOT NULL;
CREATE INDEX followups_by_call ON followups (call_id) WHERE call_id IS NOT NULL;
CREATE INDEX followups_by_owner ON followups (owner_id) WHERE owner_id IS NOT NULL;

-- A follow-up rings: the alarms' source list gains 'followup' (ref_id = the follow-up). SQLite cannot
-- change a CHECK, so the table is rebuilt as it is with the wider list.
CREATE TABLE alarms_next (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL CHECK (source IN ('reminder', 'birthday', 'cheque', 'fax', 'followup')),
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
