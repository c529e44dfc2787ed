-- Who is signed in where (issue 18), kept so that an engine restart signs nobody out. A session is named by
-- its shell (a browser's own secret cookie, the desktop app's partition); only a SHA-256 of that name is
-- kept, so the file alone does not let anyone act as a signed-in browser. Each use moves the expiry on.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions(user_id);
