-- The cheque book (PRODUCT.md §7): cheques received and paid, their history, scanned images, and the
-- office's own cheque books leaf by leaf. Amounts are whole rials; dates are the office's local
-- calendar dates ('YYYY-MM-DD'); instants are ISO-8601 UTC text, like the reminders.

CREATE TABLE cheque_books (
  id INTEGER PRIMARY KEY,
  -- A listed bank (shared/contract/banks.ts) or NULL with the name as typed.
  bank_code TEXT,
  bank_name TEXT NOT NULL DEFAULT '',
  branch TEXT NOT NULL DEFAULT '',
  account TEXT NOT NULL CHECK (account <> ''),
  series TEXT NOT NULL DEFAULT '',
  -- As printed, leading zeros kept: every leaf's serial has this many digits.
  first_serial TEXT NOT NULL CHECK (first_serial <> '' AND first_serial NOT GLOB '*[^0-9]*'),
  leaf_count INTEGER NOT NULL CHECK (leaf_count BETWEEN 1 AND 200),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK (bank_code IS NOT NULL OR bank_name <> '')
) STRICT;

-- Every leaf exists from the moment the book is defined. A leaf is blank, used (a cheque points to
-- it: cheques.leaf_id), or marked void/lost while blank.
CREATE TABLE cheque_leaves (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL REFERENCES cheque_books (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  serial TEXT NOT NULL,
  mark TEXT CHECK (mark IS NULL OR mark IN ('void', 'lost')),
  mark_note TEXT NOT NULL DEFAULT '',
  marked_on TEXT,
  UNIQUE (book_id, position)
) STRICT;

CREATE TABLE cheques (
  id INTEGER PRIMARY KEY,
  direction TEXT NOT NULL CHECK (direction IN ('received', 'paid')),
  status TEXT NOT NULL CHECK (
    (direction = 'received' AND status IN ('on_hand', 'deposited', 'cashed', 'bounced', 'endorsed', 'returned', 'settled'))
    OR (direction = 'paid' AND status IN ('issued', 'cleared', 'bounced', 'returned', 'void', 'lost'))),
  guarantee INTEGER NOT NULL CHECK (guarantee IN (0, 1)),
  -- 16 ASCII digits, or '' for a cheque from before Sayad.
  sayad_id TEXT NOT NULL DEFAULT '' CHECK (sayad_id = '' OR (length(sayad_id) = 16 AND sayad_id NOT GLOB '*[^0-9]*')),
  sayad_registered INTEGER NOT NULL DEFAULT 0 CHECK (sayad_registered IN (0, 1)),
  series TEXT NOT NULL DEFAULT '',
  serial TEXT NOT NULL DEFAULT '',
  bank_code TEXT,
  bank_name TEXT NOT NULL DEFAULT '',
  branch TEXT NOT NULL DEFAULT '',
  account TEXT NOT NULL DEFAULT '',
  amount INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 999999999999999),
  issue_date TEXT CHECK (issue_date IS NULL OR issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- Only a guarantee cheque may have none.
  due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- The payer (received) or payee (paid). The name is kept as written on the cheque even when the
  -- contact is renamed or deleted.
  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  party_name TEXT NOT NULL CHECK (party_name <> ''),
  -- National ID (10 digits) or legal ID (11 digits), or ''.
  party_id TEXT NOT NULL DEFAULT '' CHECK (party_id = '' OR ((length(party_id) IN (10, 11)) AND party_id NOT GLOB '*[^0-9]*')),
  purpose TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  -- A paid cheque written on a leaf of an own cheque book; one cheque per leaf.
  leaf_id INTEGER UNIQUE REFERENCES cheque_leaves (id),
  -- Folded words (shared/text/normalize.ts foldForSearch) of the party, purpose, note, numbers and bank.
  search_text TEXT NOT NULL DEFAULT '',
  -- Folded words of the party's name and ID, and of the bank's names: the person and bank filters.
  party_key TEXT NOT NULL DEFAULT '',
  bank_key TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  -- The local date it was registered: search by registration date.
  created_on TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- No due-date warning rings for an instant before this (the cheque was registered, its due date
  -- moved, or it was opened again after that instant).
  alarm_base_at TEXT NOT NULL,
  CHECK (guarantee = 1 OR due_date IS NOT NULL),
  CHECK (bank_code IS NOT NULL OR bank_name <> '')
) STRICT;
CREATE UNIQUE INDEX cheques_by_sayad ON cheques (sayad_id) WHERE sayad_id <> '';
CREATE INDEX cheques_by_due ON cheques (due_date);
CREATE INDEX cheques_by_created ON cheques (created_on);
CREATE INDEX cheques_by_contact ON cheques (contact_id) WHERE contact_id IS NOT NULL;
-- The alarm scheduler asks for open cheques by due date on every look.
CREATE INDEX cheques_open_by_due ON cheques (due_date) WHERE status IN ('on_hand', 'deposited', 'issued') AND due_date IS NOT NULL;

-- The history: never updated, only added to (and removed with its cheque).
CREATE TABLE cheque_events (
  id INTEGER PRIMARY KEY,
  cheque_id INTEGER NOT NULL REFERENCES cheques (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('created', 'status', 'edited')),
  from_status TEXT,
  to_status TEXT,
  date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  counterparty TEXT NOT NULL DEFAULT '',
  certificate INTEGER NOT NULL DEFAULT 0 CHECK (certificate IN (0, 1)),
  -- 'edited': [{"field": "amount", "from": "1000", "to": "2000"}, …]
  changes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes)),
  recorded_at TEXT NOT NULL,
  CHECK (kind = 'edited' OR to_status IS NOT NULL)
) STRICT;
CREATE INDEX cheque_events_by_cheque ON cheque_events (cheque_id, id);

-- Scanned images: the file lives in the data folder (attachments/cheques/), the thumbnail here.
CREATE TABLE cheque_images (
  id INTEGER PRIMARY KEY,
  cheque_id INTEGER NOT NULL REFERENCES cheques (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/webp')),
  size INTEGER NOT NULL,
  -- Name of the stored file under attachments/cheques/.
  stored_as TEXT NOT NULL UNIQUE,
  thumb BLOB,
  added_at TEXT NOT NULL
) STRICT;
CREATE INDEX cheque_images_by_cheque ON cheque_images (cheque_id);
