-- The first-run guide is for a new office. A phonebook that already has contacts or lines was set up
-- before the guide existed, so it starts with the guide done (the user can open it again in Settings).
INSERT INTO settings (key, value)
SELECT 'setupDone', 'true'
WHERE EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM lines)
ON CONFLICT (key) DO NOTHING;
