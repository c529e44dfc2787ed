-- Every form a number was logged in (as the network sent it or as dialled, with its key). Digits typed
-- in the call log's search are looked up here — one row per number form, tens of thousands on a busy
-- office's log — and the calls are then read by key through calls_number, instead of testing the
-- digits against every call (2–3 s on a 5,000,000-call log for a number that rarely called).

CREATE TABLE call_number_forms (
  number_raw TEXT NOT NULL,
  number_key TEXT NOT NULL,
  PRIMARY KEY (number_raw, number_key)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO call_number_forms (number_raw, number_key)
  SELECT DISTINCT number_raw, number_key FROM calls WHERE number_raw <> '' OR number_key <> '';

CREATE TRIGGER calls_forms_insert AFTER INSERT ON calls WHEN new.number_raw <> '' OR new.number_key <> '' BEGIN
  INSERT OR IGNORE INTO call_number_forms (number_raw, number_key) VALUES (new.number_raw, new.number_key);
END;

-- Caller ID arrives after the call's row is written (the first ring opens it).
CREATE TRIGGER calls_forms_update AFTER UPDATE OF number_raw, number_key ON calls WHEN new.number_raw <> '' OR new.number_key <> '' BEGIN
  INSERT OR IGNORE INTO call_number_forms (number_raw, number_key) VALUES (new.number_raw, new.number_key);
END;
