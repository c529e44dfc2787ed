-- The reminder book and the alarms (PRODUCT.md §5).
-- Reminder dates and times are the office's local calendar date ('YYYY-MM-DD') and wall-clock time
-- ('HH:MM'): Iran has no daylight saving since 2022, so they name one instant. Alarm instants are ms
-- since the epoch (UTC), like the call log.

CREATE TABLE reminder_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- The folded name (see shared/text/normalize.ts): two groups may not differ only by ZWNJ or ي/ی.
  name_key TEXT NOT NULL UNIQUE,
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]')
) STRICT;

CREATE TABLE reminders (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('appointment', 'meeting', 'task')),
  subject TEXT NOT NULL CHECK (subject <> ''),
  note TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  -- A deleted group leaves its reminders without a group.
  group_id INTEGER REFERENCES reminder_groups (id) ON DELETE SET NULL,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
  -- The repeat as the contract's JSON: {"kind":"none"} | {"kind":"daily","every":1} |
  -- {"kind":"weekly","days":[0,4],"every":1} | {"kind":"monthly","day":25} | {"kind":"yearly","month":12,"day":30}.
  repeat TEXT NOT NULL DEFAULT '{"kind":"none"}' CHECK (json_valid(repeat) AND json_extract(repeat, '$.kind') IN ('none', 'daily', 'weekly', 'monthly', 'yearly')),
  until TEXT CHECK (until IS NULL OR (until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND until >= date)),
  -- NULL: no alarm.
  alarm_minutes_before INTEGER CHECK (alarm_minutes_before IS NULL OR alarm_minutes_before BETWEEN 0 AND 10080),
  created_at TEXT NOT NULL,
  -- An alarm instant before this is never rung: entering yesterday's meeting must not ring now.
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX reminders_by_group ON reminders (group_id) WHERE group_id IS NOT NULL;

CREATE TABLE reminder_participants (
  -- Both ways cascade: a deleted reminder takes its list along, a deleted contact just drops out.
  reminder_id INTEGER NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (reminder_id, contact_id)
) STRICT, WITHOUT ROWID;
-- Deleting a contact looks up its participations here instead of scanning the table.
CREATE INDEX reminder_participants_by_contact ON reminder_participants (contact_id);

-- Birthdays: the alarm scheduler and the agenda ask for birth dates by month and day (a Jalali
-- anniversary is within a few Gregorian days of the birth's month-day), so a phonebook of a million
-- contacts is not scanned on every look.
CREATE INDEX contacts_by_birthday ON contacts (substr(birth_date, 6)) WHERE birth_date IS NOT NULL;

-- Alarms that rang (one row per occurrence, never two: the key) and wait for the user, were
-- snoozed, or were dismissed. A dismissed row is kept: it is how "fired once" survives restarts.
CREATE TABLE alarms (
  id INTEGER PRIMARY KEY,
  -- 'reminder:12:2026-11-23T04:30:00.000Z', 'birthday:7:2026-11-23', 'cheque:…'.
  key TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL CHECK (source IN ('reminder', 'birthday', 'cheque')),
  -- The reminder, contact (birthday) or cheque; no foreign key as it points to different tables.
  ref_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  -- When the occurrence is, and when the alarm rang (last time, after a snooze).
  occurs_at INTEGER NOT NULL,
  fired_at INTEGER NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  snoozed_until INTEGER,
  dismissed_at INTEGER
) STRICT;
CREATE INDEX alarms_pending ON alarms (occurs_at) WHERE dismissed_at IS NULL;
CREATE INDEX alarms_snoozed ON alarms (snoozed_until) WHERE snoozed_until IS NOT NULL;
CREATE INDEX alarms_by_ref ON alarms (source, ref_id);
CREATE INDEX alarms_by_contact ON alarms (contact_id) WHERE contact_id IS NOT NULL;

-- The scheduler's memory: 'last_tick' (ms) — everything due up to it has been delivered.
CREATE TABLE alarm_state (
  key TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) STRICT;
