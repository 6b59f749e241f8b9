//! The embedded store: one SQLite file in the data directory, WAL mode, `synchronous = FULL` so that a
//! process or machine crash loses no acknowledged write.

mod alerts;
mod checkpoint;
mod devices;
mod handle;
mod listing;
mod lookup;
mod seats;
mod seed;
mod server;
mod usage;
mod writer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

use std::future::Future;

use sqlx::SqliteConnection;
use sqlx::pool::PoolConnection;

use super::backend::{Backend, BoxFuture, Commit, Dialect, Lock};
use super::{StoreError, StoreResult};
use crate::domain::seats::SeatOutcome;

/// How long a statement waits for another connection's lock before it fails as busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// File name of the database inside the data directory.
pub const DB_FILE: &str = "ltsctl.db";

/// File name of the data dir's lock (see [`DirLock`]).
pub const LOCK_FILE: &str = "ltsctl.lock";

/// Whether opening a store may create it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the data dir and the store when they do not exist (`serve`, and commands that add to it).
    Create,
    /// The store must exist: commands that only read, or change what is there, never create one (a
    /// mistyped `--data-dir` is an error, not an empty store).
    Existing,
}

/// Who else may have the store open meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sharing {
    /// Every process that uses the store (servers, CLI commands) holds the lock shared.
    Shared,
    /// `migrate --from` holds it alone: it refuses while any other process has the store open, and
    /// nobody opens it while it runs.
    Exclusive,
}

/// The data dir's lock file, held (shared) by every process that has the store open, and exclusively by
/// the operations that must have it to themselves (`restore`, `migrate --from`): those refuse while a
/// server runs, instead of replacing a file a server goes on writing to (and losing what it acknowledged
/// after). The kernel releases the lock when its process ends, however it ends.
pub(crate) struct DirLock(#[allow(dead_code)] std::fs::File);

impl DirLock {
    fn take(dir: &Path, sharing: Sharing) -> StoreResult<Self> {
        let path = dir.join(LOCK_FILE);
        let file = open_lock_file(&path)?;
        let taken = match sharing {
            Sharing::Shared => file.try_lock_shared(),
            Sharing::Exclusive => file.try_lock(),
        };
        match taken {
            Ok(()) => Ok(DirLock(file)),
            Err(std::fs::TryLockError::WouldBlock) => Err(match sharing {
                Sharing::Shared => StoreError::Busy(format!(
                    "the store in {} is being restored or migrated by another ltsctl process \
                     (it holds {LOCK_FILE}); retry when that has finished",
                    dir.display()
                )),
                Sharing::Exclusive => StoreError::Conflict(format!(
                    "the store in {} is in use by another process (a running `ltsctl serve`, or \
                     another command); stop it first: this replaces or copies the database under it",
                    dir.display()
                )),
            }),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(StoreError::Permission(format!("cannot lock {}: {e}", path.display())))
            }
        }
    }
}

/// Opens (creating it, private to its owner) a file that is only ever locked, never written.
fn open_lock_file(path: &Path) -> StoreResult<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(|e| {
        StoreError::Permission(format!("cannot open the lock file {}: {e}", path.display()))
    })
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    path: PathBuf,
    /// Group commit for seats and usage reports (see [`writer`]).
    writer: writer::GroupWriter,
    /// The group writer's own connection: from the shared pool it would queue behind every device
    /// request's read for each group (the pool serves waiters in order), and groups would come late.
    /// And the connection that checkpoints the WAL off the writer's path ([`checkpoint`]).
    writer_pools: writer::WriterPools,
    /// The device path's first read, on the caller's thread ([`lookup`]).
    lookup: std::sync::Arc<lookup::QuickLookup>,
    /// Held while the store is open (see [`DirLock`]).
    _lock: std::sync::Arc<DirLock>,
}

impl SqliteStore {
    /// Opens the store in `data_dir` (creating it first with [`OpenMode::Create`]), runs pending
    /// migrations and makes sure this instance has an `lts_id`.
    pub async fn open(data_dir: &Path) -> StoreResult<Self> {
        Self::open_with(data_dir, OpenMode::Create, Sharing::Shared).await
    }

    /// [`Self::open`] with the choice whether a missing store is created or an error.
    pub async fn open_mode(data_dir: &Path, mode: OpenMode) -> StoreResult<Self> {
        Self::open_with(data_dir, mode, Sharing::Shared).await
    }

    /// Opens an existing store that no other process has open, and keeps others out until it is
    /// dropped (`migrate --from`).
    pub async fn open_exclusive(data_dir: &Path) -> StoreResult<Self> {
        Self::open_with(data_dir, OpenMode::Existing, Sharing::Exclusive).await
    }

    async fn open_with(data_dir: &Path, mode: OpenMode, sharing: Sharing) -> StoreResult<Self> {
        let path = data_dir.join(DB_FILE);
        if data_dir.exists() && !data_dir.is_dir() {
            return Err(not_a_dir(data_dir));
        }
        match mode {
            OpenMode::Create => prepare_data_dir(data_dir)?,
            OpenMode::Existing if !path.is_file() => return Err(missing_store(data_dir)),
            OpenMode::Existing => {}
        }
        let lock = DirLock::take(data_dir, sharing)?;
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(mode == OpenMode::Create)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .pragma("journal_size_limit", checkpoint::WAL_LIMIT_BYTES.to_string());
        // No ping before handing out a connection (sqlx's default): a SQLite connection is a file handle in
        // this process, not a socket that can die, and the ping is one more hand-off to its worker thread
        // on every device request's read.
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await
            .map_err(|e| open_error(&path, e))?;
        // Opened lazily: commands that never seat a device never open it.
        let writer_pools = writer::WriterPools {
            writer: SqlitePoolOptions::new()
                .max_connections(1)
                .test_before_acquire(false)
                .connect_lazy_with(options.clone().pragma("wal_autocheckpoint", "0")),
            checkpoint: SqlitePoolOptions::new()
                .max_connections(1)
                .test_before_acquire(false)
                .connect_lazy_with(options),
        };
        restrict_permissions(&path);
        MIGRATOR.run(&pool).await.map_err(|e| migrate_error(&path, e))?;
        let lookup = std::sync::Arc::new(lookup::QuickLookup::new(&path, BUSY_TIMEOUT));
        let store = SqliteStore {
            pool,
            path,
            writer: writer::GroupWriter::default(),
            writer_pools,
            lookup,
            _lock: std::sync::Arc::new(lock),
        };
        store.ensure_lts_id().await?;
        Ok(store)
    }

    async fn ensure_lts_id(&self) -> StoreResult<()> {
        let mut conn = self.pool.acquire().await?;
        super::server::ensure_lts_id(&mut *conn).await
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

    /// VACUUM INTO reads one snapshot: writers carry on, and the copy is consistent and compact.
    async fn vacuum_into(&self, path: &Path) -> StoreResult<()> {
        let target = path.to_str().ok_or_else(|| {
            StoreError::Invalid(format!("{}: the path is not UTF-8", path.display()))
        })?;
        sqlx::query("VACUUM INTO ?").bind(target).execute(&self.pool).await.map_err(|e| {
            match sqlite_code(&e) {
                // SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM
                Some(14 | 8 | 3) => StoreError::Permission(format!(
                    "cannot write the backup {}: {e}; check that its directory is writable",
                    path.display()
                )),
                Some(13) => StoreError::database(format!(
                    "backing up to {}: the disk is full",
                    path.display()
                )),
                _ => db(e),
            }
        })?;
        restrict_permissions(path);
        Ok(())
    }
}

/// A write transaction holding this store's turn (see [`SqliteStore::write_tx`]); derefs to the
/// connection, like sqlx's `Transaction`.
pub(crate) struct WriteTx {
    tx: Transaction<'static, Sqlite>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl Commit for WriteTx {
    async fn commit(self) -> StoreResult<()> {
        Ok(self.tx.commit().await?)
    }
}

impl Backend for SqliteStore {
    type Conn = SqliteConnection;
    type Tx = WriteTx;
    type Reader = PoolConnection<Sqlite>;

    async fn reader(&self) -> StoreResult<Self::Reader> {
        Ok(self.pool.acquire().await?)
    }

    fn location(&self) -> String {
        self.path.display().to_string()
    }

    async fn backup_to(&self, path: &Path) -> Option<StoreResult<()>> {
        Some(self.vacuum_into(path).await)
    }

    async fn begin(&self) -> StoreResult<WriteTx> {
        self.write_tx().await
    }

    /// Nothing to retry: with one writer at a time no transaction loses a race; a writer that holds the
    /// lock longer than the busy timeout is reported as busy.
    async fn retrying<T, F, Fut>(&self, mut attempt: F) -> StoreResult<T>
    where
        T: Send,
        F: FnMut() -> Fut + Send,
        Fut: Future<Output = StoreResult<T>> + Send,
    {
        attempt().await
    }

    async fn hot_write<T, F>(&self, several: bool, work: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: for<'c> Fn(&'c mut SqliteConnection) -> BoxFuture<'c, StoreResult<T>>
            + Send
            + Sync
            + 'static,
    {
        self.writer.run(&self.writer_pools, several, work).await
    }

    async fn hot_seat(&self, req: crate::domain::seats::SeatRequest) -> StoreResult<SeatOutcome> {
        self.writer.seat(&self.writer_pools, req).await
    }

    fn device_lookup_now(
        &self,
        handshake: &str,
        uuid: &str,
    ) -> Option<StoreResult<crate::store::seats::DeviceLookup>> {
        Some(self.lookup.lookup(handshake, uuid))
    }

    fn blocking_device_lister(&self) -> Option<Box<dyn crate::store::DeviceLister>> {
        Some(Box::new(listing::OwnConnection::new(&self.path, BUSY_TIMEOUT)))
    }

    type SweepClaim = server::SweepClaim;

    async fn claim_sweep(&self) -> StoreResult<Option<server::SweepClaim>> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        server::SweepClaim::take(dir, server::SWEEP_LOCK_FILE)
    }

    async fn end_sweep(&self, claim: server::SweepClaim) {
        drop(claim);
    }

    async fn claim_alerts(&self) -> StoreResult<Option<server::SweepClaim>> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        server::SweepClaim::take(dir, server::ALERTS_LOCK_FILE)
    }

    async fn end_alerts(&self, claim: server::SweepClaim) {
        drop(claim);
    }
}

/// SQLite has one writer at a time: nothing to lock.
impl Dialect for SqliteConnection {
    async fn lock(&mut self, _what: Lock<'_>) -> StoreResult<()> {
        Ok(())
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
        return Err(not_a_dir(dir));
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

fn not_a_dir(dir: &Path) -> StoreError {
    StoreError::Permission(format!(
        "data dir {} is not a directory; choose another with --data-dir or LTSCTL_DATA_DIR",
        dir.display()
    ))
}

/// A store that should be there and is not.
fn missing_store(data_dir: &Path) -> StoreError {
    StoreError::NotFound(format!("no ltsctl store in {} (no {DB_FILE} there)", data_dir.display()))
}

/// The SQLite result code of an error, if it has one (the low byte is the primary code).
fn sqlite_code(e: &sqlx::Error) -> Option<i32> {
    match e {
        sqlx::Error::Database(d) => d.code().and_then(|c| c.parse::<i32>().ok()).map(|c| c & 0xff),
        _ => None,
    }
}

/// Why a store could not be opened, said for what it is: a file that is not an ltsctl store (or is
/// damaged), one locked by another process, or one the file system refuses.
fn open_error(path: &Path, e: sqlx::Error) -> StoreError {
    let shown = path.display();
    match sqlite_code(&e) {
        // SQLITE_CORRUPT, SQLITE_NOTADB
        Some(11 | 26) => {
            StoreError::Damaged(format!("{shown} is damaged or not an SQLite database: {e}"))
        }
        // SQLITE_BUSY, SQLITE_LOCKED
        Some(5 | 6) => {
            StoreError::Busy(format!("{shown} stayed locked by another process for 10 s: {e}"))
        }
        _ => StoreError::Permission(format!("cannot open the store {shown}: {e}")),
    }
}

/// A failed migration: most often a file that is an SQLite database but not an ltsctl store, or
/// damaged; a busy store is worth retrying.
fn migrate_error(path: &Path, e: sqlx::migrate::MigrateError) -> StoreError {
    use sqlx::migrate::MigrateError as M;
    let shown = path.display();
    match e {
        M::Execute(inner) | M::ExecuteMigration(inner, _) => match sqlite_code(&inner) {
            Some(5 | 6) => StoreError::Busy(format!(
                "{shown} stayed locked by another process for 10 s: {inner}"
            )),
            Some(11 | 26) => StoreError::Damaged(format!("{shown} is damaged: {inner}")),
            _ => StoreError::Damaged(format!(
                "{shown} could not be brought to this version's schema: {inner}; is it an ltsctl store?"
            )),
        },
        M::VersionMissing(v) | M::VersionMismatch(v) => StoreError::Damaged(format!(
            "{shown} records schema migration {v}, which this ltsctl does not have (a newer or \
             modified ltsctl made it); use the ltsctl that made it"
        )),
        M::VersionTooOld(..) | M::VersionTooNew(..) | M::Dirty(_) => {
            StoreError::Damaged(format!("{shown}: its schema is not one this ltsctl can use: {e}"))
        }
        other => StoreError::database(format!("migrating {shown}: {other}")),
    }
}

/// Checks that `backup` is an intact ltsctl store (integrity check, known migrations, an lts_id), then puts
/// it in place of `data_dir`'s database and brings it to this version's schema. Refused while any other
/// process has the store open (a running server would go on writing to the replaced file, and lose what
/// it acknowledged after): the data dir's lock is held exclusively throughout.
pub async fn restore(backup: &Path, data_dir: &Path) -> StoreResult<String> {
    prepare_data_dir(data_dir)?;
    let _lock = DirLock::take(data_dir, Sharing::Exclusive)?;
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
        StoreError::Permission(format!("cannot put the backup in place at {}: {e}", live.display()))
    })?;
    restrict_permissions(&live);
    // An older backup is brought to this version's schema now, while nobody else can open it.
    let options = SqliteConnectOptions::new()
        .filename(&live)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| open_error(&live, e))?;
    MIGRATOR.run(&pool).await.map_err(|e| migrate_error(&live, e))?;
    pool.close().await;
    Ok(lts_id)
}

pub(crate) fn db(e: sqlx::Error) -> StoreError {
    e.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_dir_lock_is_shared_by_users_and_taken_alone_by_a_restore() {
        let dir = tempfile::tempdir().unwrap();
        let a = DirLock::take(dir.path(), Sharing::Shared).unwrap();
        let b = DirLock::take(dir.path(), Sharing::Shared).expect("two users at once");
        assert!(matches!(
            DirLock::take(dir.path(), Sharing::Exclusive),
            Err(StoreError::Conflict(m)) if m.contains("in use by another process")
        ));
        drop((a, b));
        let alone = DirLock::take(dir.path(), Sharing::Exclusive).expect("nobody else");
        assert!(matches!(
            DirLock::take(dir.path(), Sharing::Shared),
            Err(StoreError::Busy(m)) if m.contains("being restored or migrated")
        ));
        drop(alone);
        DirLock::take(dir.path(), Sharing::Shared).expect("free again");
    }
}
