-- The phonebook: contacts with phones, emails, groups, user-defined fields, a timeline of notes and
-- the search index behind search-as-you-type.

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL -- JSON
) STRICT;

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  prefix TEXT NOT NULL DEFAULT '',
  first_name TEXT NOT NULL DEFAULT '',
  middle_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  nickname TEXT NOT NULL DEFAULT '',
  company TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',
  job_title TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  province TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  notes TEXT NOT NULL DEFAULT '',
  display_name TEXT NOT NULL,
  -- Order-preserving key of the display name in Persian alphabetical order (see contacts.terms.ts).
  sort_key TEXT NOT NULL,
  -- The search terms of this contact joined by '|': filters extra query words and tells which
  -- rows of search_terms to delete when the contact changes.
  search_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX contacts_by_sort_key ON contacts (sort_key, id);

CREATE TABLE contact_phones (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('mobile', 'work', 'home', 'fax', 'other')),
  number TEXT NOT NULL,
  extension TEXT NOT NULL DEFAULT '',
  -- International digits ('989121234567'); NULL when the text is not a readable number.
  phone_key TEXT
) STRICT;
CREATE INDEX contact_phones_by_contact ON contact_phones (contact_id, position);
CREATE INDEX contact_phones_by_key ON contact_phones (phone_key) WHERE phone_key IS NOT NULL;

CREATE TABLE contact_emails (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  address TEXT NOT NULL
) STRICT;
CREATE INDEX contact_emails_by_contact ON contact_emails (contact_id, position);

CREATE TABLE groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  color TEXT NOT NULL
) STRICT;

CREATE TABLE contact_groups (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  PRIMARY KEY (contact_id, group_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_groups_by_group ON contact_groups (group_id, contact_id);

CREATE TABLE custom_fields (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'bool', 'choice')),
  options TEXT NOT NULL DEFAULT '[]', -- JSON array of choices
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE contact_field_values (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  field_id INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
  -- Canonical text: numbers in ASCII digits, dates ISO, yes/no '1'/'0', a choice as its option.
  value TEXT NOT NULL,
  PRIMARY KEY (contact_id, field_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_field_values_by_field ON contact_field_values (field_id, value);

CREATE TABLE contact_notes (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX contact_notes_by_contact ON contact_notes (contact_id, created_at);

-- Search-as-you-type: one row per word (folded) and per phone form of each contact. A prefix query
-- is one range scan of the primary key, already in order, so the first page costs the same at 100 or
-- at 1,000,000 contacts.
CREATE TABLE search_terms (
  term TEXT NOT NULL,
  -- No foreign key on purpose: a cascade would need a second index on contact_id over millions of
  -- rows; the repository deletes a contact's terms itself, by the words kept in contacts.search_text.
  contact_id INTEGER NOT NULL,
  PRIMARY KEY (term, contact_id)
) STRICT, WITHOUT ROWID;
