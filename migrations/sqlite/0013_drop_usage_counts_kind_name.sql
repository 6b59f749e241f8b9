-- Schema 13: usage counts lose their (kind, name) index.

-- No statement looks counts up by kind and name alone: every read joins them to their reports by
-- `report_id` (the primary key's first column). The index only cost a write per count on every usage batch.
DROP INDEX IF EXISTS usage_counts_kind_name;
