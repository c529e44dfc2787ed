-- "To call back" (issue 19): missed calls whose number nobody has called back, one row per number.
-- A call back clears them by itself (calls.returned_at, set when a later call with the number is
-- answered or connects). The front desk can also dismiss a number (a wrong number, a caller who came
-- in): its missed calls get returned_at = the dismissal's time, so every count of unreturned calls
-- agrees, and the dismissal is kept here so the log can say "dismissed" rather than "called back".
CREATE TABLE callback_dismissals (
  number_key TEXT NOT NULL,
  dismissed_at INTEGER NOT NULL,
  by_name TEXT NOT NULL DEFAULT '',
  calls INTEGER NOT NULL,
  PRIMARY KEY (number_key, dismissed_at)
) STRICT;
