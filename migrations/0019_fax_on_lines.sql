-- How a line treats fax calls (issue 16). 'off': voice only. 'adaptive': voice answers (the IVR,
-- voicemail, a recording) and a fax machine's calling tone switches the call to fax. 'fax-only': every
-- call is answered as fax at ring fax_rings. 'after-rings': answered as fax at ring fax_rings when the
-- line's voice answering has not taken the call by then.
ALTER TABLE lines ADD COLUMN fax_mode TEXT NOT NULL DEFAULT 'off' CHECK (fax_mode IN ('off', 'adaptive', 'fax-only', 'after-rings'));
ALTER TABLE lines ADD COLUMN fax_rings INTEGER NOT NULL DEFAULT 4 CHECK (fax_rings BETWEEN 1 AND 20);

-- A call taken by fax (a fax-only line, fax after N rings, or a voice call that heard a fax machine's
-- calling tone) ends with outcome 'fax' in the call log. SQLite cannot change a CHECK in place, so the
-- table is rebuilt as SQLite's ALTER TABLE page says (new table, copy, drop, rename), and its indexes and
-- triggers are made again exactly as the earlier migrations left them.
CREATE TABLE calls_rebuilt (
  id INTEGER PRIMARY KEY,
  line_id INTEGER NOT NULL,
  line_name TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  outcome TEXT NOT NULL CHECK (outcome IN ('ringing', 'dialing', 'connected', 'answered', 'missed', 'ivr', 'busy', 'no-answer', 'failed', 'fax')),
  started_at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  local_hour INTEGER NOT NULL,
  ring_ms INTEGER NOT NULL DEFAULT 0,
  answered_at INTEGER,
  ended_at INTEGER,
  duration_s INTEGER NOT NULL DEFAULT 0,
  number_raw TEXT NOT NULL DEFAULT '',
  number_key TEXT NOT NULL DEFAULT '',
  caller_name TEXT NOT NULL DEFAULT '',
  absence TEXT CHECK (absence IN ('private', 'unavailable', 'none')),
  returned_at INTEGER
) STRICT;

INSERT INTO calls_rebuilt
  SELECT id, line_id, line_name, direction, outcome, started_at, local_day, local_hour, ring_ms, answered_at, ended_at, duration_s, number_raw,
    number_key, caller_name, absence, returned_at
  FROM calls;
DROP TABLE calls;
ALTER TABLE calls_rebuilt RENAME TO calls;

CREATE INDEX calls_started ON calls (started_at);

CREATE INDEX calls_number ON calls (number_key, started_at);

CREATE INDEX calls_report ON calls (local_day, direction, outcome, local_hour, duration_s, number_key);

CREATE INDEX calls_unreturned ON calls (started_at) WHERE outcome = 'missed' AND returned_at IS NULL;

CREATE INDEX calls_open ON calls (id) WHERE ended_at IS NULL;

CREATE INDEX calls_by_caller_name ON calls (caller_name, started_at) WHERE caller_name <> '';

CREATE INDEX calls_unreturned_by_day ON calls (started_at, local_day, line_id, line_name, direction, outcome, local_hour, ring_ms, answered_at,
  ended_at, duration_s, number_raw, number_key, caller_name, absence, returned_at) WHERE outcome = 'missed' AND returned_at IS NULL;

CREATE TRIGGER calls_stats_insert AFTER INSERT ON calls BEGIN
  INSERT INTO call_hour_stats VALUES (new.local_day, new.local_hour, new.line_id,
    new.direction = 'in', new.direction = 'in' AND new.outcome = 'answered', new.direction = 'in' AND new.outcome = 'missed',
    new.direction = 'in' AND new.outcome = 'ivr', new.direction = 'out', new.duration_s, new.outcome = 'missed' AND new.returned_at IS NULL)
  ON CONFLICT DO UPDATE SET in_calls = in_calls + excluded.in_calls, in_answered = in_answered + excluded.in_answered,
    in_missed = in_missed + excluded.in_missed, in_ivr = in_ivr + excluded.in_ivr, out_calls = out_calls + excluded.out_calls,
    talk_s = talk_s + excluded.talk_s, unreturned = unreturned + excluded.unreturned;
  INSERT INTO call_number_days SELECT new.number_key, new.local_day, new.line_id, new.number_raw, 1, new.outcome = 'missed', new.duration_s
    WHERE new.direction = 'in' AND new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + 1, missed = missed + excluded.missed, talk_s = talk_s + excluded.talk_s;
  INSERT INTO call_numbers SELECT new.number_key, 1, new.direction = 'in' WHERE new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + 1, calls_in = calls_in + excluded.calls_in;
END;

CREATE TRIGGER calls_stats_delete AFTER DELETE ON calls BEGIN
  UPDATE call_hour_stats SET in_calls = in_calls - (old.direction = 'in'), in_answered = in_answered - (old.direction = 'in' AND old.outcome = 'answered'),
    in_missed = in_missed - (old.direction = 'in' AND old.outcome = 'missed'), in_ivr = in_ivr - (old.direction = 'in' AND old.outcome = 'ivr'),
    out_calls = out_calls - (old.direction = 'out'), talk_s = talk_s - old.duration_s, unreturned = unreturned - (old.outcome = 'missed' AND old.returned_at IS NULL)
  WHERE local_day = old.local_day AND local_hour = old.local_hour AND line_id = old.line_id;
  UPDATE call_number_days SET calls = calls - 1, missed = missed - (old.outcome = 'missed'), talk_s = talk_s - old.duration_s
  WHERE old.direction = 'in' AND number_key = old.number_key AND local_day = old.local_day AND line_id = old.line_id AND number_raw = old.number_raw;
  DELETE FROM call_number_days WHERE number_key = old.number_key AND local_day = old.local_day AND line_id = old.line_id AND number_raw = old.number_raw AND calls = 0;
  UPDATE call_numbers SET calls = calls - 1, calls_in = calls_in - (old.direction = 'in') WHERE number_key = old.number_key;
  DELETE FROM call_numbers WHERE number_key = old.number_key AND calls = 0;
END;

CREATE TRIGGER calls_stats_update_hours AFTER UPDATE OF local_day, local_hour, line_id, direction, outcome, duration_s, returned_at ON calls BEGIN
  UPDATE call_hour_stats SET in_calls = in_calls - (old.direction = 'in'), in_answered = in_answered - (old.direction = 'in' AND old.outcome = 'answered'),
    in_missed = in_missed - (old.direction = 'in' AND old.outcome = 'missed'), in_ivr = in_ivr - (old.direction = 'in' AND old.outcome = 'ivr'),
    out_calls = out_calls - (old.direction = 'out'), talk_s = talk_s - old.duration_s, unreturned = unreturned - (old.outcome = 'missed' AND old.returned_at IS NULL)
  WHERE local_day = old.local_day AND local_hour = old.local_hour AND line_id = old.line_id;
  INSERT INTO call_hour_stats VALUES (new.local_day, new.local_hour, new.line_id,
    new.direction = 'in', new.direction = 'in' AND new.outcome = 'answered', new.direction = 'in' AND new.outcome = 'missed',
    new.direction = 'in' AND new.outcome = 'ivr', new.direction = 'out', new.duration_s, new.outcome = 'missed' AND new.returned_at IS NULL)
  ON CONFLICT DO UPDATE SET in_calls = in_calls + excluded.in_calls, in_answered = in_answered + excluded.in_answered,
    in_missed = in_missed + excluded.in_missed, in_ivr = in_ivr + excluded.in_ivr, out_calls = out_calls + excluded.out_calls,
    talk_s = talk_s + excluded.talk_s, unreturned = unreturned + excluded.unreturned;
END;

CREATE TRIGGER calls_stats_update_numbers AFTER UPDATE OF local_day, line_id, direction, outcome, duration_s, number_key, number_raw ON calls
WHEN (old.direction = 'in' AND old.number_key <> '') OR (new.direction = 'in' AND new.number_key <> '') BEGIN
  UPDATE call_number_days SET calls = calls - 1, missed = missed - (old.outcome = 'missed'), talk_s = talk_s - old.duration_s
  WHERE old.direction = 'in' AND number_key = old.number_key AND local_day = old.local_day AND line_id = old.line_id AND number_raw = old.number_raw;
  DELETE FROM call_number_days WHERE number_key = old.number_key AND local_day = old.local_day AND line_id = old.line_id AND number_raw = old.number_raw AND calls = 0;
  INSERT INTO call_number_days SELECT new.number_key, new.local_day, new.line_id, new.number_raw, 1, new.outcome = 'missed', new.duration_s
    WHERE new.direction = 'in' AND new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + 1, missed = missed + excluded.missed, talk_s = talk_s + excluded.talk_s;
END;

CREATE TRIGGER calls_stats_update_keys AFTER UPDATE OF direction, number_key ON calls
WHEN old.direction IS NOT new.direction OR old.number_key IS NOT new.number_key BEGIN
  UPDATE call_numbers SET calls = calls - 1, calls_in = calls_in - (old.direction = 'in') WHERE number_key = old.number_key;
  DELETE FROM call_numbers WHERE number_key = old.number_key AND calls = 0;
  INSERT INTO call_numbers SELECT new.number_key, 1, new.direction = 'in' WHERE new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + 1, calls_in = calls_in + excluded.calls_in;
END;

CREATE TRIGGER calls_forms_insert AFTER INSERT ON calls WHEN new.number_raw <> '' OR new.number_key <> '' BEGIN
  INSERT OR IGNORE INTO call_number_forms (number_raw, number_key) VALUES (new.number_raw, new.number_key);
END;

CREATE TRIGGER calls_forms_update AFTER UPDATE OF number_raw, number_key ON calls WHEN new.number_raw <> '' OR new.number_key <> '' BEGIN
  INSERT OR IGNORE INTO call_number_forms (number_raw, number_key) VALUES (new.number_raw, new.number_key);
END;

CREATE TRIGGER calls_caller_name_insert AFTER INSERT ON calls WHEN new.caller_name <> '' BEGIN
  INSERT OR IGNORE INTO call_caller_names (caller_name) VALUES (new.caller_name);
END;

CREATE TRIGGER calls_caller_name_update AFTER UPDATE OF caller_name ON calls WHEN new.caller_name <> '' BEGIN
  INSERT OR IGNORE INTO call_caller_names (caller_name) VALUES (new.caller_name);
END;

CREATE TRIGGER calls_part_stats_insert AFTER INSERT ON calls BEGIN
  INSERT INTO call_day_stats VALUES (new.local_day, new.line_id,
    new.direction = 'in', new.direction = 'in' AND new.outcome = 'answered', new.direction = 'in' AND new.outcome = 'missed',
    new.direction = 'in' AND new.outcome = 'ivr', new.direction = 'out', new.duration_s, new.outcome = 'missed' AND new.returned_at IS NULL)
  ON CONFLICT DO UPDATE SET in_calls = in_calls + excluded.in_calls, in_answered = in_answered + excluded.in_answered,
    in_missed = in_missed + excluded.in_missed, in_ivr = in_ivr + excluded.in_ivr, out_calls = out_calls + excluded.out_calls,
    talk_s = talk_s + excluded.talk_s, unreturned = unreturned + excluded.unreturned;
  INSERT INTO call_part_hours VALUES (substr(new.local_day, 1, 7) || iif(substr(new.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts
    WHERE month = substr(new.local_day, 1, 7)), 'b', 'a'), new.local_hour, new.line_id,
    new.direction = 'in', new.direction = 'in' AND new.outcome = 'missed', new.direction = 'out')
  ON CONFLICT DO UPDATE SET in_calls = in_calls + excluded.in_calls, in_missed = in_missed + excluded.in_missed, out_calls = out_calls + excluded.out_calls;
  INSERT INTO call_number_parts SELECT new.number_key, substr(new.local_day, 1, 7)
    || iif(substr(new.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts WHERE month = substr(new.local_day, 1, 7)), 'b', 'a')
    , new.line_id, new.number_raw, 1, new.outcome = 'missed', new.duration_s
    WHERE new.direction = 'in' AND new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + 1, missed = missed + excluded.missed, talk_s = talk_s + excluded.talk_s;
  INSERT INTO call_part_callers SELECT substr(new.local_day, 1, 7) || iif(substr(new.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts
    WHERE month = substr(new.local_day, 1, 7)), 'b', 'a'), new.line_id, new.number_key, 1
    WHERE new.direction = 'in' AND new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + 1;
END;

CREATE TRIGGER calls_part_stats_delete AFTER DELETE ON calls BEGIN
  UPDATE call_day_stats SET in_calls = in_calls - (old.direction = 'in'), in_answered = in_answered - (old.direction = 'in' AND old.outcome = 'answered'),
    in_missed = in_missed - (old.direction = 'in' AND old.outcome = 'missed'), in_ivr = in_ivr - (old.direction = 'in' AND old.outcome = 'ivr'),
    out_calls = out_calls - (old.direction = 'out'), talk_s = talk_s - old.duration_s, unreturned = unreturned - (old.outcome = 'missed'
      AND old.returned_at IS NULL)
  WHERE local_day = old.local_day AND line_id = old.line_id;
  UPDATE call_part_hours SET in_calls = in_calls - (old.direction = 'in'), in_missed = in_missed - (old.direction = 'in' AND old.outcome = 'missed'),
    out_calls = out_calls - (old.direction = 'out')
  WHERE part = substr(old.local_day, 1, 7) || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts
    WHERE month = substr(old.local_day, 1, 7)), 'b', 'a') AND local_hour = old.local_hour AND line_id = old.line_id;
  UPDATE call_number_parts SET calls = calls - 1, missed = missed - (old.outcome = 'missed'), talk_s = talk_s - old.duration_s
  WHERE old.direction = 'in' AND number_key = old.number_key AND part = substr(old.local_day, 1, 7)
    || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts WHERE month = substr(old.local_day, 1, 7)), 'b', 'a')
    AND line_id = old.line_id AND number_raw = old.number_raw;
  DELETE FROM call_number_parts WHERE number_key = old.number_key AND part = substr(old.local_day, 1, 7)
    || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts WHERE month = substr(old.local_day, 1, 7)), 'b', 'a')
    AND line_id = old.line_id AND number_raw = old.number_raw AND calls = 0;
  UPDATE call_part_callers SET calls = calls - 1 WHERE old.direction = 'in' AND part = substr(old.local_day, 1, 7)
    || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts WHERE month = substr(old.local_day, 1, 7)), 'b', 'a')
    AND line_id = old.line_id AND number_key = old.number_key;
  DELETE FROM call_part_callers WHERE part = substr(old.local_day, 1, 7) || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts
    WHERE month = substr(old.local_day, 1, 7)), 'b', 'a') AND line_id = old.line_id AND number_key = old.number_key AND calls = 0;
END;

CREATE TRIGGER calls_part_stats_update_days AFTER UPDATE OF local_day, local_hour, line_id, direction, outcome, duration_s, returned_at ON calls BEGIN
  UPDATE call_day_stats SET in_calls = in_calls - (old.direction = 'in'), in_answered = in_answered - (old.direction = 'in' AND old.outcome = 'answered'),
    in_missed = in_missed - (old.direction = 'in' AND old.outcome = 'missed'), in_ivr = in_ivr - (old.direction = 'in' AND old.outcome = 'ivr'),
    out_calls = out_calls - (old.direction = 'out'), talk_s = talk_s - old.duration_s, unreturned = unreturned - (old.outcome = 'missed'
      AND old.returned_at IS NULL)
  WHERE local_day = old.local_day AND line_id = old.line_id;
  INSERT INTO call_day_stats VALUES (new.local_day, new.line_id,
    new.direction = 'in', new.direction = 'in' AND new.outcome = 'answered', new.direction = 'in' AND new.outcome = 'missed',
    new.direction = 'in' AND new.outcome = 'ivr', new.direction = 'out', new.duration_s, new.outcome = 'missed' AND new.returned_at IS NULL)
  ON CONFLICT DO UPDATE SET in_calls = in_calls + excluded.in_calls, in_answered = in_answered + excluded.in_answered,
    in_missed = in_missed + excluded.in_missed, in_ivr = in_ivr + excluded.in_ivr, out_calls = out_calls + excluded.out_calls,
    talk_s = talk_s + excluded.talk_s, unreturned = unreturned + excluded.unreturned;
  UPDATE call_part_hours SET in_calls = in_calls - (old.direction = 'in'), in_missed = in_missed - (old.direction = 'in' AND old.outcome = 'missed'),
    out_calls = out_calls - (old.direction = 'out')
  WHERE part = substr(old.local_day, 1, 7) || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts
    WHERE month = substr(old.local_day, 1, 7)), 'b', 'a') AND local_hour = old.local_hour AND line_id = old.line_id;
  INSERT INTO call_part_hours VALUES (substr(new.local_day, 1, 7) || iif(substr(new.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts
    WHERE month = substr(new.local_day, 1, 7)), 'b', 'a'), new.local_hour, new.line_id,
    new.direction = 'in', new.direction = 'in' AND new.outcome = 'missed', new.direction = 'out')
  ON CONFLICT DO UPDATE SET in_calls = in_calls + excluded.in_calls, in_missed = in_missed + excluded.in_missed, out_calls = out_calls + excluded.out_calls;
END;

CREATE TRIGGER calls_part_stats_update_numbers AFTER UPDATE OF local_day, line_id, direction, outcome, duration_s, number_key, number_raw ON calls
WHEN (old.direction = 'in' AND old.number_key <> '') OR (new.direction = 'in' AND new.number_key <> '') BEGIN
  UPDATE call_number_parts SET calls = calls - 1, missed = missed - (old.outcome = 'missed'), talk_s = talk_s - old.duration_s
  WHERE old.direction = 'in' AND number_key = old.number_key AND part = substr(old.local_day, 1, 7)
    || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts WHERE month = substr(old.local_day, 1, 7)), 'b', 'a')
    AND line_id = old.line_id AND number_raw = old.number_raw;
  DELETE FROM call_number_parts WHERE number_key = old.number_key AND part = substr(old.local_day, 1, 7)
    || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts WHERE month = substr(old.local_day, 1, 7)), 'b', 'a')
    AND line_id = old.line_id AND number_raw = old.number_raw AND calls = 0;
  UPDATE call_part_callers SET calls = calls - 1 WHERE old.direction = 'in' AND part = substr(old.local_day, 1, 7)
    || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts WHERE month = substr(old.local_day, 1, 7)), 'b', 'a')
    AND line_id = old.line_id AND number_key = old.number_key;
  DELETE FROM call_part_callers WHERE part = substr(old.local_day, 1, 7) || iif(substr(old.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts
    WHERE month = substr(old.local_day, 1, 7)), 'b', 'a') AND line_id = old.line_id AND number_key = old.number_key AND calls = 0;
  INSERT INTO call_number_parts SELECT new.number_key, substr(new.local_day, 1, 7)
    || iif(substr(new.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts WHERE month = substr(new.local_day, 1, 7)), 'b', 'a')
    , new.line_id, new.number_raw, 1, new.outcome = 'missed', new.duration_s
    WHERE new.direction = 'in' AND new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + 1, missed = missed + excluded.missed, talk_s = talk_s + excluded.talk_s;
  INSERT INTO call_part_callers SELECT substr(new.local_day, 1, 7) || iif(substr(new.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts
    WHERE month = substr(new.local_day, 1, 7)), 'b', 'a'), new.line_id, new.number_key, 1
    WHERE new.direction = 'in' AND new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + 1;
END;
