-- Every caller name the log holds, once, and an index of the calls that carry a name. A name typed in
-- the call log's search is matched (LIKE, as before) against these few thousand names and the calls are
-- then read by name, instead of testing the text against every call's caller name (170–220 ms on a
-- 5,000,000-call log). Only calls with a name are indexed (a few percent of a log).

CREATE TABLE call_caller_names (
  caller_name TEXT NOT NULL PRIMARY KEY
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO call_caller_names (caller_name) SELECT DISTINCT caller_name FROM calls WHERE caller_name <> '';

CREATE INDEX calls_by_caller_name ON calls (caller_name, started_at) WHERE caller_name <> '';

CREATE TRIGGER calls_caller_name_insert AFTER INSERT ON calls WHEN new.caller_name <> '' BEGIN
  INSERT OR IGNORE INTO call_caller_names (caller_name) VALUES (new.caller_name);
END;

-- Caller ID (with the name) arrives after the call's row is written.
CREATE TRIGGER calls_caller_name_update AFTER UPDATE OF caller_name ON calls WHEN new.caller_name <> '' BEGIN
  INSERT OR IGNORE INTO call_caller_names (caller_name) VALUES (new.caller_name);
END;
