-- Schema 6 (the embedded store has had it since its schema 5): seats per item (live or expired but not
-- swept yet), kept by triggers in the same statement as every change to `devices`, so a group's room
-- check reads one row per item plus a short range of expired seats instead of counting every seat of the
-- item (tens of milliseconds per group at a few hundred thousand devices, with the item locked).
--
-- Statement-level triggers with transition tables: a multi-row write (a group's seats, a sweep batch)
-- changes each item's counter once, and the counters of several items in item id order, so that two
-- transactions never wait for each other's counters crosswise.
CREATE TABLE item_seats (
    item_id TEXT COLLATE "C" PRIMARY KEY,
    n       BIGINT NOT NULL
);
INSERT INTO item_seats (item_id, n) SELECT item_id, COUNT(*) FROM devices GROUP BY item_id;

-- Adds `delta` ({item_id: change}) to the counters, in item id order. Items deleted in the same statement
-- (their seats went by the cascade) are skipped: no counter is left behind for an item id that a later
-- import may bring back.
CREATE FUNCTION item_seats_apply(delta jsonb) RETURNS void LANGUAGE sql AS $$
    INSERT INTO item_seats (item_id, n)
        SELECT d.key, SUM(d.value::bigint) FROM jsonb_each_text(delta) AS d
        WHERE EXISTS (SELECT 1 FROM items i WHERE i.id = d.key)
        GROUP BY d.key ORDER BY d.key
    ON CONFLICT (item_id) DO UPDATE SET n = item_seats.n + excluded.n;
$$;

CREATE FUNCTION devices_seat_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM item_seats_apply((SELECT jsonb_object_agg(item_id, c)
                              FROM (SELECT item_id, COUNT(*) AS c FROM new_rows GROUP BY item_id) x));
    RETURN NULL;
END $$;

CREATE FUNCTION devices_seat_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM item_seats_apply((SELECT jsonb_object_agg(item_id, -c)
                              FROM (SELECT item_id, COUNT(*) AS c FROM old_rows GROUP BY item_id) x));
    RETURN NULL;
END $$;

-- A seat that moves to another item: -1 on the old one, +1 on the new one (rows paired by their key).
CREATE FUNCTION devices_seat_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM item_seats_apply((
        SELECT jsonb_object_agg(item_id, d) FROM (
            SELECT item_id, SUM(d) AS d FROM (
                SELECT o.item_id, -1 AS d FROM old_rows o JOIN new_rows n USING (handshake, uuid)
                    WHERE o.item_id <> n.item_id
                UNION ALL
                SELECT n.item_id, 1 FROM old_rows o JOIN new_rows n USING (handshake, uuid)
                    WHERE o.item_id <> n.item_id
            ) m GROUP BY item_id
        ) x));
    RETURN NULL;
END $$;

CREATE TRIGGER devices_seat_insert AFTER INSERT ON devices
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION devices_seat_insert();
CREATE TRIGGER devices_seat_delete AFTER DELETE ON devices
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION devices_seat_delete();
CREATE TRIGGER devices_seat_move AFTER UPDATE ON devices
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION devices_seat_move();

-- An item that is deleted takes its counter with it (its seats go by the foreign key's cascade).
CREATE FUNCTION items_seat_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM item_seats WHERE item_id IN (SELECT id FROM old_rows);
    RETURN NULL;
END $$;
CREATE TRIGGER items_seat_forget AFTER DELETE ON items
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION items_seat_forget();
