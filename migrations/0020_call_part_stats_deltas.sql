-- The triggers that keep the per-part call totals (call_day_stats, call_part_hours, call_number_parts,
-- call_part_callers) wrote each table's arithmetic once for an insert, again for a delete and again for
-- each kind of update, and the part of a day a dozen times. Here each is written once, as a signed
-- delta: a call counts +1 when it comes into the totals and -1 when it leaves them (a delete; the old
-- row of an update, before the new row's +1). The triggers on `calls` only say which row goes in or out;
-- two views without rows, whose INSTEAD OF triggers take what is inserted into them, hold the rest.
-- Same totals, the same columns fire the updates, a number's rows still go when its count reaches 0
-- (tests/engine/call-part-stats.test.ts). The migration that made the tables stays as users' databases
-- ran it; this one only replaces its triggers.

DROP TRIGGER calls_part_stats_insert;
DROP TRIGGER calls_part_stats_delete;
DROP TRIGGER calls_part_stats_update_days;
DROP TRIGGER calls_part_stats_update_numbers;

-- A call coming in (+1) or going out (-1) of the totals; `days` and `numbers` say which totals it
-- changes (an update of the returned time does not touch the numbers, a re-keyed number not the days).
CREATE VIEW call_stat_changes AS SELECT 0 AS sign, 0 AS days, 0 AS numbers, '' AS local_day, 0 AS local_hour, 0 AS line_id, '' AS direction,
  '' AS outcome, 0 AS duration_s, NULL AS returned_at, '' AS number_key, '' AS number_raw WHERE 0;
-- The same with the part of its day: a trigger has no variables, so the part is worked out once, in
-- call_stat_changes_part, and handed on in this column.
CREATE VIEW call_part_changes AS SELECT 0 AS sign, 0 AS days, 0 AS numbers, '' AS local_day, 0 AS local_hour, 0 AS line_id, '' AS direction,
  '' AS outcome, 0 AS duration_s, NULL AS returned_at, '' AS number_key, '' AS number_raw, '' AS part WHERE 0;

-- A part is a Gregorian month cut on the day a Jalali month begins in it: 'YYYY-MMa' before, 'b' from it.
CREATE TRIGGER call_stat_changes_part INSTEAD OF INSERT ON call_stat_changes BEGIN
  INSERT INTO call_part_changes SELECT new.sign, new.days, new.numbers, new.local_day, new.local_hour, new.line_id, new.direction, new.outcome,
    new.duration_s, new.returned_at, new.number_key, new.number_raw, substr(new.local_day, 1, 7)
    || iif(substr(new.local_day, 9, 2) >= (SELECT first_day FROM jalali_month_starts WHERE month = substr(new.local_day, 1, 7)), 'b', 'a');
END;

CREATE TRIGGER call_part_changes_apply INSTEAD OF INSERT ON call_part_changes BEGIN
  INSERT INTO call_day_stats SELECT new.local_day, new.line_id,
    new.sign * (new.direction = 'in'), new.sign * (new.direction = 'in' AND new.outcome = 'answered'), new.sign * (new.direction = 'in' AND new.outcome = 'missed'),
    new.sign * (new.direction = 'in' AND new.outcome = 'ivr'), new.sign * (new.direction = 'out'), new.sign * new.duration_s,
    new.sign * (new.outcome = 'missed' AND new.returned_at IS NULL)
    WHERE new.days
  ON CONFLICT DO UPDATE SET in_calls = in_calls + excluded.in_calls, in_answered = in_answered + excluded.in_answered,
    in_missed = in_missed + excluded.in_missed, in_ivr = in_ivr + excluded.in_ivr, out_calls = out_calls + excluded.out_calls,
    talk_s = talk_s + excluded.talk_s, unreturned = unreturned + excluded.unreturned;
  INSERT INTO call_part_hours SELECT new.part, new.local_hour, new.line_id,
    new.sign * (new.direction = 'in'), new.sign * (new.direction = 'in' AND new.outcome = 'missed'), new.sign * (new.direction = 'out')
    WHERE new.days
  ON CONFLICT DO UPDATE SET in_calls = in_calls + excluded.in_calls, in_missed = in_missed + excluded.in_missed, out_calls = out_calls + excluded.out_calls;
  -- Incoming calls with a number only; a number's rows go when its count reaches 0, so the top-callers
  -- read never meets a number that no longer called in that part.
  INSERT INTO call_number_parts SELECT new.number_key, new.part, new.line_id, new.number_raw, new.sign, new.sign * (new.outcome = 'missed'),
    new.sign * new.duration_s
    WHERE new.numbers AND new.direction = 'in' AND new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + excluded.calls, missed = missed + excluded.missed, talk_s = talk_s + excluded.talk_s;
  DELETE FROM call_number_parts WHERE new.numbers AND new.sign < 0 AND number_key = new.number_key AND part = new.part AND line_id = new.line_id
    AND number_raw = new.number_raw AND calls = 0;
  INSERT INTO call_part_callers SELECT new.part, new.line_id, new.number_key, new.sign
    WHERE new.numbers AND new.direction = 'in' AND new.number_key <> ''
  ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;
  DELETE FROM call_part_callers WHERE new.numbers AND new.sign < 0 AND part = new.part AND line_id = new.line_id AND number_key = new.number_key
    AND calls = 0;
END;

-- -------------------------------------------------------------------- the triggers on calls: which row comes in or goes out

CREATE TRIGGER calls_part_stats_insert AFTER INSERT ON calls BEGIN
  INSERT INTO call_stat_changes VALUES (1, 1, 1, new.local_day, new.local_hour, new.line_id, new.direction, new.outcome, new.duration_s,
    new.returned_at, new.number_key, new.number_raw);
END;

CREATE TRIGGER calls_part_stats_delete AFTER DELETE ON calls BEGIN
  INSERT INTO call_stat_changes VALUES (-1, 1, 1, old.local_day, old.local_hour, old.line_id, old.direction, old.outcome, old.duration_s,
    old.returned_at, old.number_key, old.number_raw);
END;

-- Updates: the old row's share comes off, the new row's goes on; the same columns as before fire them.
CREATE TRIGGER calls_part_stats_update_days AFTER UPDATE OF local_day, local_hour, line_id, direction, outcome, duration_s, returned_at ON calls BEGIN
  INSERT INTO call_stat_changes VALUES (-1, 1, 0, old.local_day, old.local_hour, old.line_id, old.direction, old.outcome, old.duration_s,
    old.returned_at, old.number_key, old.number_raw);
  INSERT INTO call_stat_changes VALUES (1, 1, 0, new.local_day, new.local_hour, new.line_id, new.direction, new.outcome, new.duration_s,
    new.returned_at, new.number_key, new.number_raw);
END;

CREATE TRIGGER calls_part_stats_update_numbers AFTER UPDATE OF local_day, line_id, direction, outcome, duration_s, number_key, number_raw ON calls
WHEN (old.direction = 'in' AND old.number_key <> '') OR (new.direction = 'in' AND new.number_key <> '') BEGIN
  INSERT INTO call_stat_changes VALUES (-1, 0, 1, old.local_day, old.local_hour, old.line_id, old.direction, old.outcome, old.duration_s,
    old.returned_at, old.number_key, old.number_raw);
  INSERT INTO call_stat_changes VALUES (1, 0, 1, new.local_day, new.local_hour, new.line_id, new.direction, new.outcome, new.duration_s,
    new.returned_at, new.number_key, new.number_raw);
END;
