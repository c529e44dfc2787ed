-- The phonebook files a contact under its name without the title: «مهندس حسین کریمی» under ح, not م.
-- SQL cannot compute the Persian sort key, so the keys that change are emptied here ('' is never a real
-- key) and the engine keys them again at its next start, found through contacts_by_sort_key.
UPDATE contacts SET sort_key = '' WHERE prefix <> '';
