-- Printing on cheques (PRODUCT.md §8): print templates made in the designer, and the fonts users add
-- for them. Geometry is in millimetres on the leaf as it lies in front of you: x to the right from its
-- left edge, y down from its top edge; a field's y is the BASELINE of its text. Printer calibration
-- (offset, rotation, paper) is part of the template.

-- TTF files users added; the file is <data>/fonts/<sha256>.ttf, so adding the same font twice finds
-- the first one.
CREATE TABLE cheque_fonts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  file_name TEXT NOT NULL UNIQUE CHECK (file_name GLOB '*.ttf'),
  units_per_em INTEGER NOT NULL CHECK (units_per_em > 0),
  ascender INTEGER NOT NULL,
  descender INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE cheque_templates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  -- The folded name (shared/text/normalize.ts): two templates may not differ only by ZWNJ or ي/ی.
  name_key TEXT NOT NULL UNIQUE,
  bank TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  width_mm REAL NOT NULL CHECK (width_mm BETWEEN 50 AND 400),
  height_mm REAL NOT NULL CHECK (height_mm BETWEEN 30 AND 400),
  paper TEXT NOT NULL DEFAULT 'leaf' CHECK (paper IN ('leaf', 'a4')),
  rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
  offset_x_mm REAL NOT NULL DEFAULT 0 CHECK (offset_x_mm BETWEEN -50 AND 50),
  offset_y_mm REAL NOT NULL DEFAULT 0 CHECK (offset_y_mm BETWEEN -50 AND 50),
  -- The scan of a real leaf: a file under <data>/attachments/cheque-templates/, shown in the designer, never printed.
  background_file TEXT,
  background_mime TEXT CHECK (background_mime IN ('image/png', 'image/jpeg')),
  background_width_px INTEGER CHECK (background_width_px > 0),
  background_height_px INTEGER CHECK (background_height_px > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((background_file IS NULL) = (background_mime IS NULL)),
  CHECK ((background_file IS NULL) = (background_width_px IS NULL) AND (background_file IS NULL) = (background_height_px IS NULL))
) STRICT;

CREATE TABLE cheque_template_fields (
  template_id INTEGER NOT NULL REFERENCES cheque_templates (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  kind TEXT NOT NULL CHECK (kind IN ('dateDigits', 'dateWords', 'amountDigits', 'amountWords', 'payee', 'nationalId', 'purpose', 'sayadId', 'text')),
  x_mm REAL NOT NULL CHECK (x_mm >= 0),
  y_mm REAL NOT NULL CHECK (y_mm >= 0),
  width_mm REAL NOT NULL CHECK (width_mm > 0),
  -- A built-in font by key, or a user font (a used font cannot be deleted).
  font TEXT CHECK (font IN ('vazirmatn', 'vazirmatn-bold', 'nastaliq')),
  font_id INTEGER REFERENCES cheque_fonts (id) ON DELETE RESTRICT,
  size_pt REAL NOT NULL CHECK (size_pt BETWEEN 4 AND 72),
  align TEXT NOT NULL CHECK (align IN ('right', 'center', 'left')),
  shrink INTEGER NOT NULL CHECK (shrink IN (0, 1)),
  guard TEXT NOT NULL CHECK (guard IN ('none', 'slashes', 'hash', 'star')),
  fill INTEGER NOT NULL CHECK (fill IN (0, 1)),
  digits TEXT NOT NULL CHECK (digits IN ('fa', 'latin')),
  suffix TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (template_id, position),
  CHECK ((font IS NULL) <> (font_id IS NULL))
) STRICT;
CREATE INDEX cheque_template_fields_by_font ON cheque_template_fields (font_id) WHERE font_id IS NOT NULL;
