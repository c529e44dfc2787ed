-- Call recording: which lines record every answered call, the recordings, and the storage rules.
-- Audio lives in the data folder's recordings/ as 16-bit 8 kHz WAV files (16 KB per second, 58 MB per
-- hour), written while the call goes on; a row with ended_at NULL is a recording a crash or power cut
-- interrupted, repaired from its file at the next start.

ALTER TABLE lines ADD COLUMN record_calls INTEGER NOT NULL DEFAULT 0 CHECK (record_calls IN (0, 1));

CREATE TABLE call_recordings (
  id INTEGER PRIMARY KEY,
  call_id INTEGER NOT NULL,
  line_id INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  duration_ms INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  file TEXT NOT NULL,
  started_by TEXT NOT NULL CHECK (started_by IN ('auto', 'button')),
  -- Kept recordings are never removed by the retention period or the storage limit.
  keep INTEGER NOT NULL DEFAULT 0 CHECK (keep IN (0, 1)),
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX call_recordings_call ON call_recordings (call_id);
CREATE INDEX call_recordings_started ON call_recordings (started_at);

CREATE TABLE recording_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- Recordings beyond this total (MB) remove the oldest unkept ones.
  limit_mb INTEGER NOT NULL,
  -- Unkept recordings older than this many days are removed; 0 keeps them until the limit.
  retention_days INTEGER NOT NULL,
  -- Warn when the disk holding the data folder has less free space than this (MB).
  warn_free_mb INTEGER NOT NULL
) STRICT;
INSERT INTO recording_settings (id, limit_mb, retention_days, warn_free_mb) VALUES (1, 2000, 180, 1000);
