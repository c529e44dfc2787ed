-- The fax document library: each document added once, rendered to fax pages and kept as a TIFF Class F
-- file in the data folder's fax/documents/ (the file name is stored), with what it was made from.

CREATE TABLE fax_documents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  file_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pdf', 'png', 'jpeg', 'text')),
  paper TEXT NOT NULL CHECK (paper IN ('a4', 'letter')),
  resolution TEXT NOT NULL CHECK (resolution IN ('standard', 'fine')),
  pages INTEGER NOT NULL CHECK (pages > 0),
  tiff TEXT NOT NULL UNIQUE,
  bytes INTEGER NOT NULL,
  added_at INTEGER NOT NULL
) STRICT;
CREATE INDEX fax_documents_added ON fax_documents (added_at);
