-- Schema 5: what the device hot path needs to stay flat as the fleet grows.

-- Seats per item (live or expired but not swept yet), kept by triggers in the same statement as every change
-- to `devices`, so a new device's room check is one lookup plus a short range of expired rows instead of a
-- COUNT(*) over all the item's devices.
CREATE TABLE item_seats (
    item_id TEXT PRIMARY KEY NOT NULL,
    n       INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO item_seats (item_id, n) SELECT item_id, COUNT(*) FROM devices GROUP BY item_id;

CREATE TRIGGER devices_seat_insert AFTER INSERT ON devices BEGIN
    INSERT INTO item_seats (item_id, n) VALUES (NEW.item_id, 1)
        ON CONFLICT (item_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER devices_seat_delete AFTER DELETE ON devices BEGIN
    UPDATE item_seats SET n = n - 1 WHERE item_id = OLD.item_id;
END;
CREATE TRIGGER devices_seat_move AFTER UPDATE OF item_id ON devices WHEN OLD.item_id <> NEW.item_id BEGIN
    UPDATE item_seats SET n = n - 1 WHERE item_id = OLD.item_id;
    INSERT INTO item_seats (item_id, n) VALUES (NEW.item_id, 1)
        ON CONFLICT (item_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER items_seat_forget AFTER DELETE ON items BEGIN
    DELETE FROM item_seats WHERE item_id = OLD.id;
END;

-- A number that changes with every change to what the device path reads about a code (the code itself, its
-- items and their order, its domains, the items and licenses): a server caches a code's settings and reads
-- only this number per request, so a change made by any process (the CLI on the data dir, another instance)
-- is seen by the next request.
CREATE TABLE config_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
) STRICT;
INSERT INTO config_generation (id, n) VALUES (1, 0);

CREATE TRIGGER handshakes_gen_i AFTER INSERT ON handshakes BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER handshakes_gen_u AFTER UPDATE ON handshakes BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER handshakes_gen_d AFTER DELETE ON handshakes BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER handshake_items_gen_i AFTER INSERT ON handshake_items BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER handshake_items_gen_u AFTER UPDATE ON handshake_items BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER handshake_items_gen_d AFTER DELETE ON handshake_items BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER handshake_domains_gen_i AFTER INSERT ON handshake_domains BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER handshake_domains_gen_u AFTER UPDATE ON handshake_domains BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER handshake_domains_gen_d AFTER DELETE ON handshake_domains BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER items_gen_i AFTER INSERT ON items BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER items_gen_u AFTER UPDATE ON items BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER items_gen_d AFTER DELETE ON items BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER licenses_gen_i AFTER INSERT ON licenses BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER licenses_gen_u AFTER UPDATE ON licenses BEGIN UPDATE config_generation SET n = n + 1; END;
CREATE TRIGGER licenses_gen_d AFTER DELETE ON licenses BEGIN UPDATE config_generation SET n = n + 1; END;
