//! The embedded store: one SQLite file in the data directory, WAL mode, `synchronous = FULL` so that a
//! process or machine crash loses no acknowledged write.

mod access;
mod devices;
mod fleet;
mod handshakes;
mod licenses;
mod rows;

use std::path::{Path, PathBuf};
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

use super::{Counts, MetaStore, StoreError, StoreResult};

/// File name of the database inside the data directory.
pub const DB_FILE: &str = "ltsctl.db";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the store in `data_dir`, runs pending migrations and makes sure this
    /// instance has an `lts_id`.
    pub async fn open(data_dir: &Path) -> StoreResult<Self> {
        prepare_data_dir(data_dir)?;
        let path = data_dir.join(DB_FILE);
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .map_err(|e| open_error(&path, e))?;
        restrict_permissions(&path);
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StoreError::Database(format!("migrating {}: {e}", path.display())))?;
        let store = SqliteStore { pool, path };
        store.ensure_lts_id().await?;
        Ok(store)
    }

    async fn ensure_lts_id(&self) -> StoreResult<()> {
        let id = uuid::Uuid::new_v4().to_string();
        sqlx::query("INSERT OR IGNORE INTO meta (key, value) VALUES ('lts_id', ?)")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    /// A write transaction that takes SQLite's write lock up front, so a read-then-write transaction can
    /// never fail to upgrade when another connection committed in between.
    pub(crate) async fn write_tx(&self) -> StoreResult<Transaction<'static, Sqlite>> {
        self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(db)
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// Creates the data dir private to its owner (0700) and proves it is writable before SQLite tries, so the
/// error names the directory rather than an obscure SQLite code.
fn prepare_data_dir(dir: &Path) -> StoreResult<()> {
    let shown = dir.display();
    if dir.exists() && !dir.is_dir() {
        return Err(StoreError::Permission(format!(
            "data dir {shown} is not a directory; choose another with --data-dir or LTSCTL_DATA_DIR"
        )));
    }
    if !dir.exists() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir).map_err(|e| {
            StoreError::Permission(format!(
                "cannot create data dir {shown}: {e}; choose another with --data-dir or LTSCTL_DATA_DIR"
            ))
        })?;
    }
    let probe = dir.join(".ltsctl-write-test");
    std::fs::write(&probe, b"").map_err(|e| {
        StoreError::Permission(format!(
            "data dir {shown} is not writable: {e}; fix its permissions or choose another with --data-dir"
        ))
    })?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

fn restrict_permissions(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
}

fn open_error(path: &Path, e: sqlx::Error) -> StoreError {
    StoreError::Permission(format!("cannot open the store {}: {e}", path.display()))
}

pub(crate) fn db(e: sqlx::Error) -> StoreError {
    StoreError::Database(e.to_string())
}

#[async_trait]
impl MetaStore for SqliteStore {
    async fn lts_id(&self) -> StoreResult<String> {
        sqlx::query_scalar("SELECT value FROM meta WHERE key = 'lts_id'")
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }

    async fn counts(&self, now: i64) -> StoreResult<Counts> {
        let (trusted_keys, licenses, items, handshakes, active_devices): (i64, i64, i64, i64, i64) =
            sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM trusted_keys), (SELECT COUNT(*) FROM licenses),
                        (SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM handshakes),
                        (SELECT COUNT(*) FROM devices WHERE expires_at > ?)",
            )
            .bind(now)
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        Ok(Counts {
            trusted_keys,
            licenses,
            items,
            handshakes,
            active_devices,
        })
    }

    fn location(&self) -> String {
        self.path.display().to_string()
    }

    async fn meta_init(&self, key: &str, value: &str) -> StoreResult<String> {
        sqlx::query("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)")
            .bind(key)
            .bind(value)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        sqlx::query_scalar("SELECT value FROM meta WHERE key = ?")
            .bind(key)
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
}
