-- People files (PRODUCT.md §3) and the attendance book (§4), with the shared holiday table.
-- A file points to its phonebook contact, which keeps the person's name, phones and address: one
-- record of them, never two copies. Instants are ms since the epoch (UTC), like the call log; local
-- calendar dates are 'YYYY-MM-DD' and times 'HH:MM'.

-- Work schedules: one shift per Iranian weekday (0 = Saturday … 6 = Friday); a weekday without a
-- row is a day off. An end not after the start is a night shift that ends the next day.
CREATE TABLE work_schedules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  grace_minutes INTEGER NOT NULL DEFAULT 0 CHECK (grace_minutes BETWEEN 0 AND 120)
) STRICT;

CREATE TABLE work_shifts (
  schedule_id INTEGER NOT NULL REFERENCES work_schedules (id) ON DELETE CASCADE,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start TEXT NOT NULL CHECK (start GLOB '[0-2][0-9]:[0-5][0-9]'),
  "end" TEXT NOT NULL CHECK ("end" GLOB '[0-2][0-9]:[0-5][0-9]'),
  PRIMARY KEY (schedule_id, weekday)
) STRICT, WITHOUT ROWID;

-- Official holidays and office closures, by local date; shared by every module that needs them.
CREATE TABLE holidays (
  date TEXT PRIMARY KEY NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  title TEXT NOT NULL CHECK (title <> '')
) STRICT, WITHOUT ROWID;

CREATE TABLE person_files (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'customer', 'applicant')),
  -- A contact with a file cannot be deleted from the phonebook until the file is.
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,
  file_no TEXT NOT NULL CHECK (file_no <> ''),
  -- For the automatic next number: the file number's value when it is all digits.
  file_no_int INTEGER,
  registered_on TEXT NOT NULL CHECK (registered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  national_id TEXT NOT NULL DEFAULT '' CHECK (national_id = '' OR national_id GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
  referrer_file_id INTEGER REFERENCES person_files (id) ON DELETE SET NULL,
  referrer_text TEXT NOT NULL DEFAULT '',
  -- Folded words of the free-text referrer, joined by '|' (searched like contacts.search_text).
  referrer_terms TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'interview', 'hired', 'rejected')),
  -- The employment application (JSON of the contract's Application), applicants only.
  application TEXT CHECK (application IS NULL OR json_valid(application)),
  schedule_id INTEGER REFERENCES work_schedules (id) ON DELETE SET NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- scrypt of the clock-in PIN: 'salt-hex:hash-hex'.
  pin_hash TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (kind, file_no),
  -- One file of each kind per person: a hired applicant gets a staff file, the applicant file stays.
  UNIQUE (kind, contact_id)
) STRICT;
CREATE INDEX person_files_by_contact ON person_files (contact_id);
CREATE INDEX person_files_by_registered ON person_files (kind, registered_on);
CREATE INDEX person_files_by_number ON person_files (kind, file_no_int) WHERE file_no_int IS NOT NULL;
CREATE INDEX person_files_by_referrer ON person_files (referrer_file_id) WHERE referrer_file_id IS NOT NULL;

CREATE TABLE person_photos (
  file_id INTEGER PRIMARY KEY REFERENCES person_files (id) ON DELETE CASCADE,
  mime TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;

CREATE TABLE person_documents (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES person_files (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name <> ''),
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  added_at TEXT NOT NULL
) STRICT;
CREATE INDEX person_documents_by_file ON person_documents (file_id);

CREATE TABLE interview_notes (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES person_files (id) ON DELETE CASCADE,
  body TEXT NOT NULL CHECK (body <> ''),
  author TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX interview_notes_by_file ON interview_notes (file_id);

-- Presence: one row from entry to exit (end_at NULL while the person is in). A correction or a
-- deletion never loses the old times: they go to attendance_edits with the reason, and a deleted
-- row stays (deleted_at) so its history can be shown.
CREATE TABLE attendance_records (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES person_files (id) ON DELETE CASCADE,
  start_at INTEGER NOT NULL,
  end_at INTEGER CHECK (end_at IS NULL OR end_at > start_at),
  source TEXT NOT NULL CHECK (source IN ('clock', 'manual')),
  note TEXT NOT NULL DEFAULT '',
  deleted_at INTEGER
) STRICT;
CREATE INDEX attendance_by_file ON attendance_records (file_id, start_at);
CREATE INDEX attendance_open ON attendance_records (file_id) WHERE end_at IS NULL AND deleted_at IS NULL;

CREATE TABLE attendance_edits (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES attendance_records (id) ON DELETE CASCADE,
  action TEXT NOT NULL CHECK (action IN ('create', 'correct', 'delete')),
  old_start INTEGER,
  old_end INTEGER,
  new_start INTEGER,
  new_end INTEGER,
  reason TEXT NOT NULL DEFAULT '',
  by_user TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX attendance_edits_by_record ON attendance_edits (record_id, id);

-- Leave and missions, by the day (from_date..to_date) or by the hour (one date, start..end).
CREATE TABLE absences (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES person_files (id) ON DELETE CASCADE,
  category TEXT NOT NULL CHECK (category IN ('leave', 'mission')),
  leave_type TEXT CHECK ((category = 'leave' AND leave_type IN ('entitled', 'sick', 'unpaid')) OR (category = 'mission' AND leave_type IS NULL)),
  unit TEXT NOT NULL CHECK (unit IN ('day', 'hour')),
  from_date TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  to_date TEXT NOT NULL CHECK (to_date >= from_date),
  start TEXT CHECK ((unit = 'day' AND start IS NULL) OR (unit = 'hour' AND start GLOB '[0-2][0-9]:[0-5][0-9]')),
  "end" TEXT CHECK ((unit = 'day' AND "end" IS NULL) OR (unit = 'hour' AND "end" > start)),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX absences_by_file ON absences (file_id, from_date);
