-- Notes on one call, written on the call's page ("customer asked for the invoice; call back Tuesday"):
-- what was said, by whom, when. A call's notes go with the call. Read only for one call at a time, in order.
CREATE TABLE call_notes (
  id INTEGER PRIMARY KEY,
  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX call_notes_by_call ON call_notes (call_id, created_at);

-- The voicemail a call left, for the call's page.
CREATE INDEX voicemails_by_call ON voicemails (call_id);
