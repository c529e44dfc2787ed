-- The fax outbox: one job per recipient. The job's pages (cover page first, then the documents in the
-- chosen order, without the header line) are written to its own TIFF Class F file in the data folder's
-- fax/outbox/ when it is queued, so deleting a library document later changes no queued or sent fax.
-- The header line is stamped when each attempt dials (it carries the sending time).

CREATE TABLE fax_jobs (
  id INTEGER PRIMARY KEY,
  -- the number as typed or as the contact has it; dialled as calls are (dial-target.ts) at each attempt
  number TEXT NOT NULL,
  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  -- who the fax is for, as the outbox shows it (the contact's name, or '' for a typed number)
  recipient TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'scheduled', 'sending', 'sent', 'failed', 'cancelled')),
  -- one file per send, shared by its jobs (fax/outbox/ in the data folder)
  tiff TEXT NOT NULL,
  pages INTEGER NOT NULL CHECK (pages > 0),
  -- pages the far end has confirmed over all attempts: the next attempt starts after them
  pages_confirmed INTEGER NOT NULL DEFAULT 0,
  -- the line to send on ('' any line that can fax)
  line_id TEXT NOT NULL DEFAULT '',
  ecm INTEGER NOT NULL CHECK (ecm IN (0, 1)),
  -- the documents it was made from, for the outbox's detail (JSON: [{ "id", "name", "pages" }])
  documents TEXT NOT NULL,
  cover INTEGER NOT NULL CHECK (cover IN (0, 1)),
  -- epoch ms: not sent before (a scheduled fax), and the next attempt after a busy line or a failed one
  not_before INTEGER NOT NULL,
  next_attempt INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- the last attempt's reason (a FaxCallFailure) or '' ; waiting_line: no line could send it at the last look
  last_reason TEXT NOT NULL DEFAULT '',
  waiting_line INTEGER NOT NULL DEFAULT 0 CHECK (waiting_line IN (0, 1)),
  last_bps INTEGER,
  remote_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;
-- the scheduler's look-up: jobs still to send, soonest first
CREATE INDEX fax_jobs_pending ON fax_jobs (next_attempt) WHERE status IN ('queued', 'scheduled', 'sending');
CREATE INDEX fax_jobs_created ON fax_jobs (created_at);

-- The outbox's retry rules (one row): minutes before dialling again after a busy line, no answer, or a
-- transfer that broke off; and how many attempts before a job fails for good. The TSI is our fax
-- number as the far end's display and the header line show it.
CREATE TABLE fax_outbox_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  busy_delay_min INTEGER NOT NULL,
  no_answer_delay_min INTEGER NOT NULL,
  failed_delay_min INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  our_number TEXT NOT NULL
) STRICT;
INSERT INTO fax_outbox_settings VALUES (1, 3, 10, 5, 5, '');
