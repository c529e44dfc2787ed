-- The fax log: every fax in and out, with the fields HylaFAX's xferfaxlog keeps. A received fax's pages are
-- kept as a TIFF Class F file in the data folder's fax/received/ (its name here, written before the row so
-- a row never names a half-written file); a sent fax's row comes from the outbox when its job ends. The
-- contact is not stored: it is matched when read (the caller's number first, else a TSI that is one of a
-- contact's numbers), so a number added to the phonebook later names the faxes that came from it.
CREATE TABLE fax_log (
  id INTEGER PRIMARY KEY,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  -- Epoch ms when the line went off hook, and the office's local day of it (for the report by day).
  started_at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
  line_id TEXT NOT NULL,
  line_name TEXT NOT NULL DEFAULT '',
  -- The number dialled (out) or the caller ID's (in), as it came; '' when withheld.
  remote_number TEXT NOT NULL DEFAULT '',
  -- Its phone key ('989121234567'); '' when it is not a readable number.
  number_key TEXT NOT NULL DEFAULT '',
  -- The far end's TSI (in) or CSI (out), and its phone key when it reads as a number.
  remote_id TEXT NOT NULL DEFAULT '',
  remote_id_key TEXT NOT NULL DEFAULT '',
  pages_total INTEGER NOT NULL CHECK (pages_total >= 0),
  pages_done INTEGER NOT NULL CHECK (pages_done >= 0),
  bps INTEGER,
  ecm INTEGER NOT NULL CHECK (ecm IN (0, 1)),
  fine INTEGER NOT NULL CHECK (fine IN (0, 1)),
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  -- Why it failed (a FaxCallFailure); NULL when it went through.
  reason TEXT,
  attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 0),
  tiff TEXT UNIQUE,
  job_id INTEGER,
  call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,
  -- Frames and decisions in words, one per line (the last 300).
  trace TEXT NOT NULL DEFAULT '',
  -- How the pages are turned on screen and in print, kept per fax.
  rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270))
) STRICT;
CREATE INDEX fax_log_by_time ON fax_log (started_at DESC, id DESC);
CREATE INDEX fax_log_by_day ON fax_log (local_day);
CREATE INDEX fax_log_by_number ON fax_log (number_key);
CREATE INDEX fax_log_by_remote_id ON fax_log (remote_id_key);
