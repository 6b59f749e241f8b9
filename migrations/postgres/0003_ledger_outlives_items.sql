-- Schema 3 (the embedded store's schema 6): the usage ledger belongs to item ids, not to the rows of
-- `items`. Removing a license (or an item, or a code) used to delete the item's usage reports and its
-- consumed units with it (ON DELETE CASCADE), so removing and re-importing a file reset an exhausted item
-- to zero. The ledger tables now name items by id without a foreign key: consumption and history outlive
-- the item and count again when the same item id comes back.
ALTER TABLE usage_reports DROP CONSTRAINT usage_reports_item_id_fkey;
ALTER TABLE item_usage DROP CONSTRAINT item_usage_item_id_fkey;
-- BIGINT arithmetic that overflows is an error in PostgreSQL: a total can fail but never wrap.
ALTER TABLE item_usage ADD CONSTRAINT item_usage_units_nonnegative CHECK (units >= 0);
