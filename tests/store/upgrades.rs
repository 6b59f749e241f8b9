//! Upgrading a store that holds data: the schema migrations keep every row. Each test builds a store at
//! an older schema (the repository's own migration files up to that version), fills it with raw SQL as
//! that version wrote it, then opens it with this version, which runs the remaining migrations.

use std::path::Path;

use super::*;

/// The rows an older version wrote: a per-scan item used 150 times by one seated device.
const OLD_ROWS: &[&str] = &[
    "INSERT INTO licenses (id, licensee, issued_at, lts_id, key_id, fingerprint, file, imported_at)
     VALUES ('L1', 'Old Corp', 1699913600, NULL, 'k1', 'fp', 'file', 1700000000)",
    "INSERT INTO items (id, license_id, position, product, option, quota, active_period, domain, modules,
        revokes, valid_from, expires_at)
     VALUES ('I1', 'L1', 0, 'sdk', 'per-scan', 100, NULL, NULL, '[]', NULL, 1699913600, 1731536000)",
    "INSERT INTO handshakes (code, name, refresh_interval_secs, offline_grace_secs, overuse_percent,
        password_hash, explicit_order, created_at, updated_at)
     VALUES ('APP', NULL, NULL, 604800, NULL, NULL, FALSE, 1700000000, 1700000000)",
    "INSERT INTO handshake_items (code, item_id, position) VALUES ('APP', 'I1', 1)",
    "INSERT INTO devices (handshake, uuid, item_id, platform, domain, name, first_seen, last_seen, expires_at)
     VALUES ('APP', 'd1', 'I1', 'linux', NULL, NULL, 1700000000, 1700000000, 1731536000)",
    "INSERT INTO usage_reports (id, handshake, uuid, item_id, at, received_at, scans, pages)
     VALUES ('r1', 'APP', 'd1', 'I1', 1700000000, 1700000001, 150, 0)",
    "INSERT INTO usage_counts (report_id, kind, name, count)
     SELECT rid, 'scan', 'qr', 150 FROM usage_reports WHERE id = 'r1'",
    "INSERT INTO item_usage (item_id, units) VALUES ('I1', 150)",
];

/// A directory holding the migration files of `dialect` up to and including `version`.
fn migrations_up_to(dialect: &str, version: i64, into: &Path) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(dialect);
    for entry in std::fs::read_dir(&src).expect("migrations dir") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let v: i64 = name.split('_').next().unwrap().parse().expect("version");
        if v <= version {
            std::fs::copy(&path, into.join(&name)).expect("copy migration");
        }
    }
}

/// After the upgrade the ledger is intact, and it outlives the license as this version promises.
async fn check_upgraded(s: S) {
    let i1 = item_state(&s, "I1", T0).await;
    assert_eq!((i1.units_used, i1.active_devices), (150, 1));
    let usage = s.device_usage("d1").await.unwrap();
    assert_eq!((usage.reports, usage.scans.clone()), (1, vec![("qr".into(), 150)]));
    // Schema 8: codes start a device's active time at authorization; a device that reported counts as
    // used (its removal time is the usual one even under first-use); nothing is checked out.
    let code = s.get_handshake("APP", T0).await.unwrap().unwrap().handshake;
    assert_eq!(code.active_from, "authorization");
    assert_eq!(s.device_seats("d1").await.unwrap()[0].checked_out_until, None);
    let first_use = vec![SeatCandidate {
        unused_seat_expires_at: Some(FAR),
        ..cand("I1", Room::Units(1000), T0 + 600)
    }];
    assert_eq!(seat(&s, "APP", "d1", T0, first_use).await, seated("I1", T0 + 600, false));
    s.remove_license("L1", true, false, T0).await.unwrap();
    assert_eq!(s.device_usage("d1").await.unwrap().reports, 1);
    import(&s, "L1", &[("I1", "per-scan", FAR)]).await;
    assert_eq!(item_state(&s, "I1", T0).await.units_used, 150);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_only_upgrade_from_schema_5_keeps_the_ledger() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = tempfile::tempdir().expect("temp dir");
    migrations_up_to("sqlite", 5, old.path());
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(dir.path().join(ltsctl::store::sqlite_db_file()))
        .create_if_missing(true)
        .foreign_keys(true);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let migrator = sqlx::migrate::Migrator::new(old.path()).await.unwrap();
    migrator.run(&pool).await.unwrap();
    for sql in OLD_ROWS {
        sqlx::query(*sql).execute(&pool).await.unwrap();
    }
    pool.close().await;
    let store = SqliteStore::open(dir.path()).await.expect("upgrade");
    check_upgraded(Arc::new(store)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_only_upgrade_from_schema_2_keeps_the_ledger() {
    let Some(url) = pg_url() else { return };
    let db = PgDb::create(&url).await;
    let old = tempfile::tempdir().expect("temp dir");
    migrations_up_to("postgres", 2, old.path());
    let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
    let migrator = sqlx::migrate::Migrator::new(old.path()).await.unwrap();
    migrator.run(&pool).await.unwrap();
    for sql in OLD_ROWS {
        sqlx::query(*sql).execute(&pool).await.unwrap();
    }
    pool.close().await;
    let store = Arc::new(PgStore::connect(&db.url).await.expect("upgrade"));
    let result = tokio::spawn(check_upgraded(store.clone())).await;
    finish_pg(result, vec![store], db).await;
}

/// A command that does not create a store, pointed at a database without one, is refused and leaves it
/// as it was (no schema made); one that does create it makes the schema.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_only_a_database_without_a_store_is_not_made_one_by_a_reader() {
    let Some(url) = pg_url() else { return };
    let db = PgDb::create(&url).await;
    let err = PgStore::connect_mode(&db.url, ltsctl::store::OpenMode::Existing)
        .await
        .err()
        .expect("refused");
    assert!(
        matches!(err, StoreError::NotFound(ref m) if m.contains("holds no ltsctl store")),
        "{err:?}"
    );
    let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(tables, 0, "nothing created");
    pool.close().await;
    let store = Arc::new(PgStore::connect(&db.url).await.expect("create"));
    let again = PgStore::connect_mode(&db.url, ltsctl::store::OpenMode::Existing)
        .await
        .expect("now it exists");
    again.close().await;
    finish_pg(Ok(()), vec![store], db).await;
}
