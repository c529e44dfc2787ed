-- Running totals of the call log, so reports over months and years read thousands of rows instead of
-- millions (bench: call_report_p95_ms_5m). Triggers on `calls` keep them exact under every insert,
-- update and delete, whoever writes; the tables are filled from the existing log below.
--
-- call_hour_stats: per local day, hour and line, the counts the report's totals, per-day and per-hour
--   charts add up (the same classes calls.service's report used to count from `calls`).
-- call_number_days: incoming calls with a number, per number, day, line and the number as the network
--   sent it (so MAX(number_raw) stays exact without re-reading `calls`); top callers sum it.
-- call_numbers: calls per number over the whole log, all directions and incoming only; the caller card's
--   count, and the upper bound that lets top callers of a long range stop after the first candidates.

CREATE TABLE call_hour_stats (
  local_day TEXT NOT NULL,
  local_hour INTEGER NOT NULL,
  line_id INTEGER NOT NULL,
  in_calls INTEGER NOT NULL,
  in_answered INTEGER NOT NULL,
  in_missed INTEGER NOT NULL,
  in_ivr INTEGER NOT NULL,
  out_calls INTEGER NOT NULL,
  talk_s INTEGER NOT NULL,
  -- outcome 'missed' and not returned, any direction (as the report's unreturned count)
  unreturned INTEGER NOT NULL,
  PRIMARY KEY (local_day, local_hour, line_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE call_number_days (
  number_key TEXT NOT NULL,
  local_day TEXT NOT NULL,
  line_id INTEGER NOT NULL,
  number_raw TEXT NOT NULL,
  calls INTEGER NOT NULL,
  missed INTEGER NOT NULL,
  talk_s INTEGER NOT NULL,
  PRIMARY KEY (number_key, local_day, line_id, number_raw)
) STRICT, WITHOUT ROWID;
-- Short ranges: every number of a few days (covering: the primary key columns ride along).
CREATE INDEX call_number_days_by_day ON call_number_days (local_day, calls, missed, talk_s);

CREATE TABLE call_numbers (
  number_key TEXT NOT NULL PRIMARY KEY,
  calls INTEGER NOT NULL,
  calls_in INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX call_numbers_by_calls_in ON call_numbers (calls_in);

-- Calls still open (ringing, connected…): closed at start after a crash without scanning the log.
CREATE INDEX calls_open ON calls (id) WHERE ended_at IS NULL;
-- The report's unreturned missed calls of a range, newest first: the day and line are checked in the
-- index, so an old range skips newer entries without reading their rows.
CREATE INDEX calls_unreturned_by_day ON calls (started_at, local_day, line_id) WHERE outcome = 'missed' AND returned_at IS NULL;

-- -------------------------------------------------------------------- triggers

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

-- Updates: the old row's share comes off, the new row's goes on. Only the columns a total depends on
-- fire them (not caller_name, absence, answered_at…); setting the caller on a ringing call only adds.
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

-- -------------------------------------------------------------------- the log so far

INSERT INTO call_hour_stats
SELECT local_day, local_hour, line_id, SUM(direction = 'in'), SUM(direction = 'in' AND outcome = 'answered'), SUM(direction = 'in' AND outcome = 'missed'),
  SUM(direction = 'in' AND outcome = 'ivr'), SUM(direction = 'out'), SUM(duration_s), SUM(outcome = 'missed' AND returned_at IS NULL)
FROM calls GROUP BY local_day, local_hour, line_id;

INSERT INTO call_number_days
SELECT number_key, local_day, line_id, number_raw, COUNT(*), SUM(outcome = 'missed'), SUM(duration_s)
FROM calls WHERE direction = 'in' AND number_key <> '' GROUP BY number_key, local_day, line_id, number_raw;

INSERT INTO call_numbers
SELECT number_key, COUNT(*), SUM(direction = 'in') FROM calls WHERE number_key <> '' GROUP BY number_key;
