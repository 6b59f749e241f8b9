//! The embedded store: one SQLite file in the data directory, WAL mode, `synchronous = FULL` so that a
//! process or machine crash loses no acknowledged write.

mod access;
mod devices;
mod fleet;
mod handshakes;
mod licenses;
mod rows;
mod writer;

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
    /// Group commit for seats and usage reports (see [`writer`]).
    writer: writer::GroupWriter,
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
        let store = SqliteStore {
            pool,
            path,
            writer: writer::GroupWriter::default(),
        };
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
    /// never fail to upgrade when another connection committed in between. It first takes this store's
    /// turn lock, which the group writer also takes for each group: the lock is fair (first come, first
    /// served), so an admin change or a sweep gets in between two groups even under sustained device load,
    /// instead of polling SQLite's busy handler while the writer takes the lock again and again.
    pub(crate) async fn write_tx(&self) -> StoreResult<WriteTx> {
        let turn = self.writer.turn().await;
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        Ok(WriteTx { tx, _turn: turn })
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// A write transaction holding this store's turn (see [`SqliteStore::write_tx`]); derefs to the
/// connection, like sqlx's `Transaction`.
pub(crate) struct WriteTx {
    tx: Transaction<'static, Sqlite>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteTx {
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::SqliteConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
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

/// Checks that `backup` is an intact ltsctl store (integrity check, known migrations, an lts_id), then puts
/// it in place of `data_dir`'s database. The server must be stopped: this replaces the file under it.
pub async fn restore(backup: &Path, data_dir: &Path) -> StoreResult<String> {
    prepare_data_dir(data_dir)?;
    let staged = data_dir.join(format!("{DB_FILE}.restoring"));
    std::fs::copy(backup, &staged).map_err(|e| {
        StoreError::NotFound(format!("cannot read the backup {}: {e}", backup.display()))
    })?;
    let check = async {
        let options = SqliteConnectOptions::new().filename(&staged).create_if_missing(false);
        let not_a_store = |e: sqlx::Error| StoreError::Invalid(format!("the backup is not a readable SQLite database: {e}"));
        let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.map_err(not_a_store)?;
        let verdict: String =
            sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&pool).await.map_err(not_a_store)?;
        if verdict != "ok" {
            return Err(StoreError::Invalid(format!("the backup fails SQLite's integrity check: {verdict}")));
        }
        let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('meta', '_sqlx_migrations')")
            .fetch_one(&pool)
            .await
            .map_err(db)?;
        if known != 2 {
            return Err(StoreError::Invalid("the file is an SQLite database but not an ltsctl store".into()));
        }
        let newest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations")
            .fetch_one(&pool)
            .await
            .map_err(db)?;
        let supported = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
        if newest > supported {
            return Err(StoreError::Invalid(format!(
                "the backup has schema {newest}, newer than this ltsctl knows ({supported}); use a newer ltsctl"
            )));
        }
        let lts_id: String = sqlx::query_scalar("SELECT value FROM meta WHERE key = 'lts_id'")
            .fetch_one(&pool)
            .await
            .map_err(|_| StoreError::Invalid("the backup has no lts_id".into()))?;
        pool.close().await;
        Ok(lts_id)
    }
    .await;
    let lts_id = match check {
        Ok(id) => id,
        Err(e) => {
            let _ = std::fs::remove_file(&staged);
            return Err(e);
        }
    };
    let live = data_dir.join(DB_FILE);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(data_dir.join(format!("{DB_FILE}{suffix}")));
    }
    std::fs::rename(&staged, &live).map_err(|e| {
        StoreError::Permission(format!(
            "cannot put the backup in place at {}: {e}",
            live.display()
        ))
    })?;
    restrict_permissions(&live);
    Ok(lts_id)
}

pub(crate) fn db(e: sqlx::Error) -> StoreError {
    // SQLITE_BUSY and SQLITE_LOCKED, with their extended codes (the low byte is the primary code).
    let busy = match &e {
        sqlx::Error::Database(d) => d
            .code()
            .and_then(|c| c.parse::<i32>().ok())
            .is_some_and(|c| matches!(c & 0xff, 5 | 6)),
        sqlx::Error::PoolTimedOut => true,
        _ => false,
    };
    if busy {
        StoreError::Busy(e.to_string())
    } else {
        StoreError::Database(e.to_string())
    }
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

    async fn backup_to(&self, path: &Path) -> StoreResult<()> {
        // VACUUM INTO reads one snapshot: writers carry on, and the copy is consistent and compact.
        let target = path.to_str().ok_or_else(|| {
            StoreError::Invalid(format!("{}: the path is not UTF-8", path.display()))
        })?;
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(&self.pool)
            .await
            .map_err(|e| StoreError::Database(format!("backing up to {}: {e}", path.display())))?;
        restrict_permissions(path);
        Ok(())
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
