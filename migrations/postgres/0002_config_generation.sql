-- Schema 2: a number that changes with every change to what the device path reads about a code (the code
-- itself, its items and their order, its domains, the items and licenses). Every instance caches a code's
-- settings and reads only this number per request, so a change made through any instance is seen by the
-- next request on all of them.
CREATE TABLE config_generation (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    n  BIGINT NOT NULL
);
INSERT INTO config_generation (id, n) VALUES (1, 0);

CREATE FUNCTION bump_config_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE config_generation SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER handshakes_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON handshakes
    FOR EACH STATEMENT EXECUTE FUNCTION bump_config_generation();
CREATE TRIGGER handshake_items_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON handshake_items
    FOR EACH STATEMENT EXECUTE FUNCTION bump_config_generation();
CREATE TRIGGER handshake_domains_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON handshake_domains
    FOR EACH STATEMENT EXECUTE FUNCTION bump_config_generation();
CREATE TRIGGER items_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON items
    FOR EACH STATEMENT EXECUTE FUNCTION bump_config_generation();
CREATE TRIGGER licenses_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON licenses
    FOR EACH STATEMENT EXECUTE FUNCTION bump_config_generation();
