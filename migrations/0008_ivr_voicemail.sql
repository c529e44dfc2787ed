-- The smart answering service: prompts, answering trees, when they answer, voice mailboxes.
-- Prompts are stored once, as 16-bit 8 kHz mono WAV (loudness-normalised) in the database; the line
-- converts them to its own format as they play. Voicemail audio lives in the data folder's
-- voicemail/ as WAV files (file names only here), so the database stays small.

CREATE TABLE prompts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('import', 'record', 'tts')),
  text TEXT NOT NULL DEFAULT '',
  duration_ms INTEGER NOT NULL,
  wav BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE ivr_trees (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  tree TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Office hours: one span per weekday (0 = Sunday … 6 = Saturday); a missing day is closed.
CREATE TABLE ivr_hours (
  weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6),
  open TEXT NOT NULL,
  close TEXT NOT NULL
) STRICT;

CREATE TABLE ivr_line_trees (
  line_id INTEGER PRIMARY KEY REFERENCES lines (id) ON DELETE CASCADE,
  office_tree_id INTEGER REFERENCES ivr_trees (id) ON DELETE SET NULL,
  closed_tree_id INTEGER REFERENCES ivr_trees (id) ON DELETE SET NULL,
  holiday_tree_id INTEGER REFERENCES ivr_trees (id) ON DELETE SET NULL
) STRICT;

-- What the IVR did on a call: the nodes it went through (JSON array of node ids) and how it ended.
CREATE TABLE ivr_runs (
  call_id INTEGER PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
  tree_id INTEGER,
  tree_name TEXT NOT NULL,
  path TEXT NOT NULL,
  end_reason TEXT NOT NULL
) STRICT;

CREATE TABLE mailboxes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'department')),
  greeting_prompt_id INTEGER REFERENCES prompts (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE voicemails (
  id INTEGER PRIMARY KEY,
  mailbox_id INTEGER NOT NULL REFERENCES mailboxes (id) ON DELETE CASCADE,
  call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,
  received_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  file TEXT NOT NULL,
  number_raw TEXT NOT NULL DEFAULT '',
  number_key TEXT NOT NULL DEFAULT '',
  caller_name TEXT NOT NULL DEFAULT '',
  heard INTEGER NOT NULL DEFAULT 0 CHECK (heard IN (0, 1)),
  note TEXT NOT NULL DEFAULT '',
  attached_at INTEGER,
  forwarded_from TEXT
) STRICT;

CREATE INDEX voicemails_box ON voicemails (mailbox_id, received_at);
CREATE INDEX voicemails_unheard ON voicemails (mailbox_id) WHERE heard = 0;

-- Iranian office hours to start with: Saturday to Wednesday 08:00–17:00, Thursday to 13:00, Friday closed.
INSERT INTO ivr_hours (weekday, open, close) VALUES (6, '08:00', '17:00'), (0, '08:00', '17:00'), (1, '08:00', '17:00'), (2, '08:00', '17:00'), (3, '08:00', '17:00'), (4, '08:00', '13:00');
