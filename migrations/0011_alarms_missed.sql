-- Missed repeats merged into one late alarm. After a long absence the missed occurrences of one
-- reminder (or birthday, or cheque warning) ring as ONE alarm — the carrier — instead of one each.
-- Every occurrence keeps its own row (its key is how "fired once" survives restarts and a clock set
-- back); the others point at the carrier with merged_into and are shown, snoozed and dismissed
-- through it. The carrier's occurs_at is the last missed occurrence, first_occurs_at the first.
ALTER TABLE alarms ADD COLUMN merged_into INTEGER REFERENCES alarms (id) ON DELETE CASCADE;
-- How many occurrences the alarm stands for: 1, or the carrier's own plus those merged into it.
ALTER TABLE alarms ADD COLUMN missed_count INTEGER NOT NULL DEFAULT 1 CHECK (missed_count >= 1);
-- The first missed occurrence; NULL when it is occurs_at (a single occurrence).
ALTER TABLE alarms ADD COLUMN first_occurs_at INTEGER;
CREATE INDEX alarms_merged ON alarms (merged_into) WHERE merged_into IS NOT NULL;
