-- Schema 11: usage counts lose their (kind, name) index (as SQLite's schema 13).

-- No statement looks counts up by kind and name alone: every read joins them to their reports by
-- `report_id`. The index only cost a write per count on every usage batch.
DROP INDEX IF EXISTS usage_counts_kind_name;
