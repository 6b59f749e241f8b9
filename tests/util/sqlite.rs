//! A store's SQLite file opened from the side, as another process would: to check its integrity after
//! a crash or a restore, to count rows while a command runs, to make files that are not stores.

use std::path::Path;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

/// One connection to the existing SQLite file `db`, waiting up to 10 s for a lock.
pub async fn pool(db: &Path) -> SqlitePool {
    connect(SqliteConnectOptions::new().filename(db)).await
}

/// Like [`pool`], creating the file when it is missing.
pub async fn new_pool(db: &Path) -> SqlitePool {
    connect(SqliteConnectOptions::new().filename(db).create_if_missing(true)).await
}

async fn connect(options: SqliteConnectOptions) -> SqlitePool {
    let options = options.busy_timeout(Duration::from_secs(10));
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .expect("open the store with sqlx")
}

/// `PRAGMA integrity_check` says `ok` and no foreign key dangles.
pub async fn integrity_check(db: &Path) {
    let pool = pool(db).await;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .expect("integrity_check");
    assert_eq!(verdict, "ok", "{}", db.display());
    let fk: Vec<(String, i64)> =
        sqlx::query_as("SELECT \"table\", rowid FROM pragma_foreign_key_check")
            .fetch_all(&pool)
            .await
            .expect("foreign_key_check");
    assert!(fk.is_empty(), "dangling references: {fk:?}");
    pool.close().await;
}
