-- Telephone lines and the call log.
-- Calls keep their line's name (a deleted line's calls stay in the log). Times are ms since the epoch
-- (UTC); local_day / local_hour are the office's local date and hour, computed when the row is
-- written, so reports group by plain columns instead of date functions over millions of rows.
-- The contact is not stored: it is matched by number_key through contact_phones when read, so a
-- number added to the phonebook later shows its contact on old calls too.

CREATE TABLE lines (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('modem', 'demo')),
  port TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  caller_id_mode TEXT NOT NULL DEFAULT 'auto' CHECK (caller_id_mode IN ('auto', 'formatted', 'unformatted', 'off')),
  rings_before_answer INTEGER NOT NULL DEFAULT 0,
  extra_init TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE calls (
  id INTEGER PRIMARY KEY,
  line_id INTEGER NOT NULL,
  line_name TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  outcome TEXT NOT NULL CHECK (outcome IN ('ringing', 'dialing', 'connected', 'answered', 'missed', 'ivr', 'busy', 'no-answer', 'failed')),
  started_at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  local_hour INTEGER NOT NULL,
  ring_ms INTEGER NOT NULL DEFAULT 0,
  answered_at INTEGER,
  ended_at INTEGER,
  duration_s INTEGER NOT NULL DEFAULT 0,
  number_raw TEXT NOT NULL DEFAULT '',
  number_key TEXT NOT NULL DEFAULT '',
  caller_name TEXT NOT NULL DEFAULT '',
  absence TEXT CHECK (absence IN ('private', 'unavailable', 'none')),
  returned_at INTEGER
) STRICT;

-- The log, newest first.
CREATE INDEX calls_started ON calls (started_at);
-- A number's calls (caller card, a contact's calls, "returned" detection, top callers).
CREATE INDEX calls_number ON calls (number_key, started_at);
-- Reports: covering index for a date range.
CREATE INDEX calls_report ON calls (local_day, direction, outcome, local_hour, duration_s, number_key);
-- Missed calls nobody returned yet.
CREATE INDEX calls_unreturned ON calls (started_at) WHERE outcome = 'missed' AND returned_at IS NULL;
