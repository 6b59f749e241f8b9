//! Storage behind one set of traits, so the embedded SQLite store and (later) PostgreSQL are interchangeable.
//!
//! Every method that changes more than one row does so in one transaction: a method either fully applies or
//! leaves the store as it was. Times are Unix seconds (UTC), durations are seconds: the rules that interpret
//! them live in [`crate::domain`], not here.

mod licenses;
pub mod migrate;
mod postgres;
mod seats;
pub(crate) mod sql;
mod sqlite;

use async_trait::async_trait;

pub use postgres::PgStore;
pub use sqlite::{OpenMode, SqliteStore, restore as restore_sqlite};

/// File name of the embedded store's database inside a data dir.
pub fn sqlite_db_file() -> &'static str {
    sqlite::DB_FILE
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Permission(String),
    #[error("{0}")]
    Database(String),
    /// The database stayed locked by another writer past the busy timeout (or the data dir is held by
    /// a restore or migration): worth retrying later.
    #[error("{0}")]
    Busy(String),
    /// The database file is damaged or not an ltsctl store.
    #[error("{0}")]
    Damaged(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKeyRow {
    pub key_id: String,
    pub name: Option<String>,
    pub public_key: Vec<u8>,
    pub added_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenseRow {
    pub id: String,
    pub licensee: String,
    pub issued_at: i64,
    pub lts_id: Option<String>,
    pub key_id: String,
    /// Content hash of the signed file: an identical re-import is recognised by it.
    pub fingerprint: String,
    /// The license file verbatim, so it can be re-verified or exported later.
    pub file: String,
    pub imported_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub id: String,
    pub license_id: String,
    pub product: String,
    pub option: String,
    pub quota: Option<i64>,
    pub active_period: Option<String>,
    pub domain: Option<String>,
    pub modules: Vec<String>,
    pub revokes: Option<String>,
    pub valid_from: i64,
    pub expires_at: i64,
}

/// An item as seen from the store, with what only the store can tell: revocation and use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemState {
    pub item: ItemRow,
    /// Id of a stored revocation item that names this one, if any.
    pub revoked_by: Option<String>,
    /// Devices holding a seat on this item now (expires_at > now).
    pub active_devices: i64,
    /// Units reported on this item over its validity (scans or pages; 0 for the device options).
    pub units_used: i64,
    /// The most devices its concurrent window held at once on the last 30 days (0 for other options).
    pub window_peak: i64,
    /// Handshake codes this item is bound to.
    pub handshakes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenseRecord {
    pub license: LicenseRow,
    pub items: Vec<ItemState>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportResult {
    Imported,
    /// The identical file was already imported: nothing changed.
    Unchanged,
    /// A later issue of a stored license took its place ([`LicenseStore::replace_license`]): items kept
    /// their bindings, seats and consumption; these items of the old issue are not in the new one.
    Replaced {
        dropped_items: Vec<String>,
    },
}

/// What removing a license drops and what it keeps ([`LicenseStore::remove_license`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LicenseRemoval {
    /// Live seats freed, per item id (items without live seats are not listed), by item id.
    pub freed_seats: Vec<(String, i64)>,
    /// Bindings dropped: (handshake code, item id), by code then item.
    pub unbound: Vec<(String, String)>,
    /// Units (scans, pages) consumed on the license's items: kept, keyed by item id.
    pub units_kept: i64,
    /// Usage reports on the license's items: kept.
    pub reports_kept: i64,
}

/// Binding every item of an imported license to a code, in the import's transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportBinding {
    pub code: String,
    /// Create the code with these settings when it does not exist (`--create`); otherwise it must exist.
    pub create: Option<HandshakeRow>,
    /// The items to bind (those already bound are left as they are: re-running a renewal is harmless).
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandshakeRow {
    pub code: String,
    pub name: Option<String>,
    pub refresh_interval_secs: Option<i64>,
    pub offline_grace_secs: i64,
    pub overuse_percent: Option<i64>,
    pub password_hash: Option<String>,
    /// Set once the administrator ordered the items by hand; otherwise soonest expiry is consumed first.
    pub explicit_order: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandshakeRecord {
    pub handshake: HandshakeRow,
    /// Items in consumption order.
    pub items: Vec<ItemState>,
    pub domains: Vec<String>,
    /// Devices holding a seat through this code now.
    pub active_devices: i64,
}

/// A partial update of a code's settings; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandshakePatch {
    pub name: Option<Option<String>>,
    pub refresh_interval_secs: Option<Option<i64>>,
    pub offline_grace_secs: Option<i64>,
    pub overuse_percent: Option<Option<i64>>,
    pub password_hash: Option<Option<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub trusted_keys: i64,
    pub licenses: i64,
    pub items: i64,
    pub handshakes: i64,
    pub active_devices: i64,
}

#[async_trait]
pub trait MetaStore: Send + Sync {
    /// The id of this LTS instance, created once when the store is first opened.
    async fn lts_id(&self) -> StoreResult<String>;
    async fn counts(&self, now: i64) -> StoreResult<Counts>;
    /// A human description of where the data lives (a path or a redacted URL).
    fn location(&self) -> String;
    /// Stores `value` under `key` unless a value is there already, and returns the stored value. Every
    /// instance sharing a database thus agrees on one value (e.g. the token-signing key).
    async fn meta_init(&self, key: &str, value: &str) -> StoreResult<String>;
    /// Writes a consistent copy of the whole store to `path` while it stays in use. Backends with their
    /// own tools (PostgreSQL: pg_dump) refuse.
    async fn backup_to(&self, path: &std::path::Path) -> StoreResult<()> {
        let _ = path;
        Err(StoreError::Invalid(
            "this backend is backed up with its own tools (PostgreSQL: pg_dump); see README".into(),
        ))
    }
}

#[async_trait]
pub trait TrustStore: Send + Sync {
    /// Adds a key; `Ok(false)` when the same key is already trusted.
    async fn add_trusted_key(&self, row: TrustedKeyRow) -> StoreResult<bool>;
    async fn list_trusted_keys(&self) -> StoreResult<Vec<TrustedKeyRow>>;
    async fn get_trusted_key(&self, key_id: &str) -> StoreResult<Option<TrustedKeyRow>>;
    async fn remove_trusted_key(&self, key_id: &str) -> StoreResult<()>;
}

#[async_trait]
pub trait LicenseStore: Send + Sync {
    /// Stores a verified license and its items (and binds them, if asked) in one transaction.
    async fn import_license(
        &self,
        license: LicenseRow,
        items: Vec<ItemRow>,
        binding: Option<ImportBinding>,
        now: i64,
    ) -> StoreResult<ImportResult>;
    async fn list_licenses(&self, now: i64) -> StoreResult<Vec<LicenseRecord>>;
    async fn get_license(&self, id: &str, now: i64) -> StoreResult<Option<LicenseRecord>>;
    async fn get_items(&self, ids: &[String], now: i64) -> StoreResult<Vec<ItemState>>;
    /// Replaces a stored license by a later issue of it (same id, later `issued_at`) in one transaction:
    /// items in both keep their bindings, seats and consumption and take the new terms; new items are
    /// added; items only in the old issue are dropped, which is refused while devices hold live seats on
    /// them. A license not stored yet is imported; the identical file is [`ImportResult::Unchanged`].
    async fn replace_license(
        &self,
        license: LicenseRow,
        items: Vec<ItemRow>,
        binding: Option<ImportBinding>,
        now: i64,
    ) -> StoreResult<ImportResult>;
    /// Removes a license, its items, their bindings and the seats on them; refuses while devices hold
    /// live seats on them unless `force`. The usage ledger (reports and consumed units, keyed by item id)
    /// is kept. `dry_run` computes the same answer and changes nothing.
    async fn remove_license(
        &self,
        id: &str,
        force: bool,
        dry_run: bool,
        now: i64,
    ) -> StoreResult<LicenseRemoval>;
}

#[async_trait]
pub trait HandshakeStore: Send + Sync {
    async fn create_handshake(&self, row: HandshakeRow) -> StoreResult<()>;
    async fn list_handshakes(&self, now: i64) -> StoreResult<Vec<HandshakeRecord>>;
    async fn get_handshake(&self, code: &str, now: i64) -> StoreResult<Option<HandshakeRecord>>;
    /// The code as the device path reads it: settings, items in consumption order and domains, without
    /// the seat and unit counts (`active_devices` and the items' counts are 0).
    async fn device_handshake(&self, code: &str) -> StoreResult<Option<HandshakeRecord>>;
    /// A number that changes (in the same transaction) with every change to codes, their items and
    /// domains, items and licenses: a cached [`Self::device_handshake`] is current while it is unchanged.
    async fn config_generation(&self) -> StoreResult<i64>;
    /// Appends items to the code's list; an item already bound is a conflict and nothing changes.
    async fn bind_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()>;
    async fn unbind_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()>;
    /// Sets an explicit consumption order: `item_ids` must be exactly the bound items.
    async fn order_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()>;
    /// Drops the explicit order: the items are consumed soonest expiry first again.
    async fn order_by_expiry(&self, code: &str, now: i64) -> StoreResult<()>;
    async fn update_handshake(
        &self,
        code: &str,
        patch: HandshakePatch,
        now: i64,
    ) -> StoreResult<()>;
    /// Adds domain bindings; already present ones are a conflict and nothing changes.
    async fn add_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()>;
    async fn remove_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()>;
    /// Deletes a code; refuses while devices hold seats through it unless `force`.
    async fn delete_handshake(&self, code: &str, force: bool, now: i64) -> StoreResult<()>;
}

/// How room on an item is counted, with limits already including the overuse tolerance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    Devices(i64),
    Concurrent(i64),
    Units(i64),
    Unlimited,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatCandidate {
    pub item_id: String,
    /// The item's option (`per-scan`, ...): recorded in the device's grant, so late usage reports count
    /// the right unit even after the item is gone.
    pub option: String,
    pub room: Room,
    /// The seat's removal time if the device is seated (or refreshed) on this item now.
    pub seat_expires_at: i64,
    /// The expiry of the token the device is given on this item (its grant runs at least until then).
    pub token_expires_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRequest {
    pub handshake: String,
    pub uuid: String,
    pub platform: String,
    pub domain: Option<String>,
    pub name: Option<String>,
    pub now: i64,
    /// Start of the concurrent-device window: devices that reported usage after it count as active.
    pub window_start: i64,
    /// Items in consumption order, already filtered by the rules.
    pub candidates: Vec<SeatCandidate>,
    /// The caller already read the device's row with [`DeviceStore::device_lookup`] and found that
    /// [`fresh_seat`] does not apply: the store skips its own look.
    pub fresh_checked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeatOutcome {
    Seated {
        item_id: String,
        expires_at: i64,
        new: bool,
    },
    /// No candidate has room.
    Full,
}

/// A device's row as the seat fast path reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRow {
    pub item_id: String,
    pub first_seen: i64,
    pub last_seen: i64,
    pub expires_at: i64,
    pub platform: String,
    pub domain: Option<String>,
    pub name: Option<String>,
}

/// What a device request reads first (see [`DeviceStore::device_lookup`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceLookup {
    pub generation: i64,
    pub seat: Option<SeatRow>,
}

impl DeviceLookup {
    /// Decodes `SELECT generation, item_id, expires_at, platform, domain, name, last_seen, first_seen`
    /// (the device columns NULL when it holds no seat), the same on both backends.
    pub(crate) fn from_row<R: sqlx::Row>(row: &R) -> Result<Self, sqlx::Error>
    where
        usize: sqlx::ColumnIndex<R>,
        i64: for<'r> sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
        Option<i64>: for<'r> sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
        String: for<'r> sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
        Option<String>: for<'r> sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    {
        let generation: i64 = row.try_get(0)?;
        let item_id: Option<String> = row.try_get(1)?;
        let seat = match item_id {
            Some(item_id) => Some(SeatRow {
                item_id,
                expires_at: row.try_get(2)?,
                platform: row.try_get(3)?,
                domain: row.try_get(4)?,
                name: row.try_get(5)?,
                last_seen: row.try_get(6)?,
                first_seen: row.try_get(7)?,
            }),
            None => None,
        };
        Ok(DeviceLookup { generation, seat })
    }
}

/// A returning device whose seat was refreshed moments ago keeps it without a write: when its seat is live
/// on a candidate whose room is counted in devices (or unlimited), nothing about it changed, and the new
/// removal time would move, and its `last_seen` did move, by at most 1% of the refresh interval (and at
/// most a minute). Both stores
/// answer such a request from a read, so a fleet of returning devices does not queue on the writer; the
/// price is that `last_seen` and the removal time lag by that much at most. Concurrent and unit limits
/// are checked on every request, so those candidates never take this path.
pub fn fresh_seat(row: &SeatRow, req: &SeatRequest) -> Option<SeatOutcome> {
    if row.expires_at <= req.now
        || row.platform != req.platform
        || req
            .domain
            .as_ref()
            .is_some_and(|d| Some(d) != row.domain.as_ref())
        || req
            .name
            .as_ref()
            .is_some_and(|n| Some(n) != row.name.as_ref())
    {
        return None;
    }
    let candidate = req.candidates.iter().find(|c| c.item_id == row.item_id)?;
    if !matches!(candidate.room, Room::Devices(_) | Room::Unlimited) {
        return None;
    }
    let slack = ((candidate.seat_expires_at - req.now) / 100).min(60);
    // Both: a seat capped at its item's expiry keeps the same removal time, but its `last_seen` must
    // still move, or an active device would look idle to `devices list --inactive-for`.
    let moves_by = candidate.seat_expires_at - row.expires_at;
    let seen_ago = req.now - row.last_seen;
    ((0..=slack).contains(&moves_by) && (0..=slack).contains(&seen_ago)).then(|| {
        SeatOutcome::Seated {
            item_id: row.item_id.clone(),
            expires_at: row.expires_at,
            new: false,
        }
    })
}

/// The Unix day number (UTC) holding `t`, or the first day when `None`: where a peak query starts.
pub(crate) fn first_day(since: Option<i64>) -> i64 {
    since.map_or(i64::MIN, |t| t.div_euclid(86_400))
}

/// A usage sum that does not fit in 64 bits: refused (the device API validates counts far below this, so
/// only a corrupt or hostile store gets here), never wrapped.
pub(crate) fn usage_overflow() -> StoreError {
    StoreError::Invalid("a usage total would overflow a 64-bit integer; nothing recorded".into())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageReportRow {
    pub id: String,
    pub at: i64,
    /// The item the report counts on: the one that served the device at `at` (see
    /// [`crate::domain::usage::attribute`]).
    pub item_id: String,
    /// Which of its counts the item's consumption takes: `scan`, `page` or none.
    pub unit_kind: Option<&'static str>,
    pub scans: Vec<(String, i64)>,
    pub pages: Vec<(String, i64)>,
}

/// The seat an upload refreshes: the device's live seat through the code, if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRefresh {
    /// The item of the seat, as the caller read it: nothing is refreshed if the device moved meanwhile.
    pub item_id: String,
    /// The refreshed removal time.
    pub seat_expires_at: i64,
    /// For a per-concurrent-device item, the start of the window: the upload puts the device in it (a
    /// device counts only once it reports usage), and the item's peak is recorded.
    pub window_start: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageBatch {
    pub handshake: String,
    pub uuid: String,
    pub now: i64,
    pub refresh: Option<SeatRefresh>,
    pub reports: Vec<UsageReportRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageOutcome {
    pub accepted: usize,
    /// Reports already recorded under the same id: counted once.
    pub duplicates: usize,
}

/// What a device was told it may do through a code: one item and until when (see `device_grants`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantRow {
    pub item_id: String,
    pub option: String,
    /// Its first authorization on the item.
    pub granted_from: i64,
    /// The latest token expiry it was given on the item.
    pub granted_until: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    pub item_id: String,
    pub expires_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SweepRecord {
    pub started_at: i64,
    pub finished_at: i64,
    pub removed: i64,
    pub trigger: String,
}

#[async_trait]
pub trait DeviceStore: Send + Sync {
    /// Keeps a seated device on its item (refreshing its removal time) or seats it on the first candidate
    /// with room, in one transaction: concurrent requests never seat more than the limit.
    async fn seat_device(&self, req: SeatRequest) -> StoreResult<SeatOutcome>;
    /// The device's current seat through `handshake`, if any (expired seats included until swept).
    async fn get_seat(&self, handshake: &str, uuid: &str) -> StoreResult<Option<Seat>>;
    /// The config generation ([`HandshakeStore::config_generation`]) and the device's row, in one read:
    /// every device request starts with it.
    async fn device_lookup(&self, handshake: &str, uuid: &str) -> StoreResult<DeviceLookup>;
    /// Every item the device was authorized on through `handshake`, oldest grant first.
    async fn device_grants(&self, handshake: &str, uuid: &str) -> StoreResult<Vec<GrantRow>>;
    /// Records a batch of usage reports, idempotently by report id, each on its item, and refreshes the
    /// seat (if asked and still there), in one transaction.
    async fn record_usage(&self, batch: UsageBatch) -> StoreResult<UsageOutcome>;
    /// Removes devices whose removal time has passed, and grants that ran out more than
    /// [`crate::domain::usage::LATE_UPLOAD_WINDOW`] ago, and records the run.
    async fn sweep(&self, now: i64, trigger: &str) -> StoreResult<SweepRecord>;
    async fn last_sweep(&self) -> StoreResult<Option<SweepRecord>>;
    /// Whether any code draws on a per-concurrent-device item (the sweeper then runs every minute).
    async fn has_concurrent_items(&self) -> StoreResult<bool>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeviceSort {
    #[default]
    LastSeen,
    FirstSeen,
    Uuid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeviceState {
    #[default]
    All,
    /// Holding a seat now (removal time in the future).
    Active,
    /// Removal time passed, not yet swept.
    Expired,
}

/// Which devices to list, count or unregister.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceFilter {
    pub handshake: Option<String>,
    pub item: Option<String>,
    /// Only devices last seen before this time (inactive since).
    pub last_seen_before: Option<i64>,
    pub state: DeviceState,
    /// "Now" for the state filter.
    pub now: i64,
}

/// Where the previous page ended: the sort key and the row's primary key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCursor {
    pub key: String,
    pub handshake: String,
    pub uuid: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRow {
    pub uuid: String,
    pub handshake: String,
    pub item_id: String,
    pub platform: String,
    pub domain: Option<String>,
    pub name: Option<String>,
    pub first_seen: i64,
    pub last_seen: i64,
    pub expires_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceUsage {
    pub reports: i64,
    pub scans: Vec<(String, i64)>,
    pub pages: Vec<(String, i64)>,
    pub first_report: Option<i64>,
    pub last_report: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsageGrouping {
    Day,
    Item,
    Symbology,
    Module,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageFilter {
    pub handshake: Option<String>,
    pub item: Option<String>,
    pub since: Option<i64>,
}

/// One group of usage: its key (a day, item id, symbology or module) and the counts in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageGroup {
    pub key: String,
    pub scans: i64,
    pub pages: i64,
    pub reports: i64,
    pub devices: i64,
}

#[async_trait]
pub trait FleetStore: Send + Sync {
    /// One page of devices after `cursor`, in sort order.
    async fn list_devices(
        &self,
        filter: &DeviceFilter,
        sort: DeviceSort,
        after: Option<&DeviceCursor>,
        limit: i64,
    ) -> StoreResult<Vec<DeviceRow>>;
    /// The same page as [`Self::list_devices`] as one JSON array of the devices' admin views
    /// (`DeviceView`, idle time from `filter.now`), when the backend can build it faster than decoding
    /// rows; `None` when it cannot (callers then encode [`Self::list_devices`]).
    async fn list_devices_json(
        &self,
        _filter: &DeviceFilter,
        _sort: DeviceSort,
        _after: Option<&DeviceCursor>,
        _limit: i64,
    ) -> StoreResult<Option<String>> {
        Ok(None)
    }
    async fn count_devices(&self, filter: &DeviceFilter) -> StoreResult<i64>;
    /// The seats of a device (one per handshake code it uses).
    async fn device_seats(&self, uuid: &str) -> StoreResult<Vec<DeviceRow>>;
    async fn device_usage(&self, uuid: &str) -> StoreResult<DeviceUsage>;
    /// Removes the seats of these devices (through `handshake` only, if given) in one transaction;
    /// returns the UUIDs that had no seat.
    async fn unregister_devices(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
    ) -> StoreResult<Vec<String>>;
    /// Removes up to `batch` devices matching `filter` in one transaction; returns how many.
    async fn unregister_matching(&self, filter: &DeviceFilter, batch: i64) -> StoreResult<i64>;
    async fn usage_groups(
        &self,
        filter: &UsageFilter,
        by: UsageGrouping,
    ) -> StoreResult<Vec<UsageGroup>>;
    /// The most devices item `item_id`'s concurrent window held at once on the UTC days from the one
    /// holding `since` (all days when `None`); 0 when none reported.
    async fn concurrent_peak(&self, item_id: &str, since: Option<i64>) -> StoreResult<i64>;
    /// Inserts device rows as they are, in one transaction (seeding, copying between stores); a row whose
    /// (handshake, uuid) exists is a conflict and nothing is inserted.
    async fn insert_devices(&self, rows: &[DeviceRow]) -> StoreResult<()>;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRow {
    pub name: String,
    pub token_id: String,
    pub secret_hash: Vec<u8>,
    pub role: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub target: String,
    /// `ok`, or the error kind (`not_found`, `conflict`, ...).
    pub result: String,
    pub detail: Option<String>,
}

#[async_trait]
pub trait AccessStore: Send + Sync {
    /// Stores a new token; a name already used (even by a revoked token) is a conflict.
    async fn create_token(&self, row: TokenRow) -> StoreResult<()>;
    async fn list_tokens(&self) -> StoreResult<Vec<TokenRow>>;
    async fn revoke_token(&self, name: &str, now: i64) -> StoreResult<()>;
    async fn find_token(&self, token_id: &str) -> StoreResult<Option<TokenRow>>;
    async fn touch_token(&self, token_id: &str, now: i64) -> StoreResult<()>;
    async fn append_audit(&self, row: AuditRow) -> StoreResult<()>;
    /// Entries at or after `since`, optionally of one actor, newest first, at most `limit`.
    async fn list_audit(
        &self,
        since: Option<i64>,
        actor: Option<&str>,
        limit: i64,
    ) -> StoreResult<Vec<AuditRow>>;
}

/// Everything the LTS keeps. One implementation per backend.
pub trait Store:
    MetaStore + TrustStore + LicenseStore + HandshakeStore + DeviceStore + FleetStore + AccessStore
{
}

impl<T> Store for T where
    T: MetaStore
        + TrustStore
        + LicenseStore
        + HandshakeStore
        + DeviceStore
        + FleetStore
        + AccessStore
{
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000;

    /// A row written `seen_ago` seconds before NOW with a seat of `interval` seconds.
    fn row(seen_ago: i64, interval: i64) -> SeatRow {
        SeatRow {
            item_id: "I1".into(),
            first_seen: NOW - seen_ago,
            last_seen: NOW - seen_ago,
            expires_at: NOW - seen_ago + interval,
            platform: "web".into(),
            domain: Some("example.com".into()),
            name: None,
        }
    }

    fn req(room: Room, seat_expires_at: i64) -> SeatRequest {
        SeatRequest {
            handshake: "APP".into(),
            uuid: "d".into(),
            platform: "web".into(),
            domain: Some("example.com".into()),
            name: None,
            now: NOW,
            window_start: NOW - 180,
            candidates: vec![
                SeatCandidate {
                    item_id: "I0".into(),
                    option: "per-device".into(),
                    room: Room::Devices(1),
                    seat_expires_at,
                    token_expires_at: seat_expires_at,
                },
                SeatCandidate {
                    item_id: "I1".into(),
                    option: "per-device".into(),
                    room,
                    seat_expires_at,
                    token_expires_at: seat_expires_at,
                },
            ],
            fresh_checked: false,
        }
    }

    #[test]
    fn a_seat_refreshed_moments_ago_is_kept_without_a_write() {
        let year = 366 * 86_400;
        let kept = |r: &SeatRow, q: &SeatRequest| fresh_seat(r, q);
        let seated = |exp| {
            Some(SeatOutcome::Seated {
                item_id: "I1".into(),
                expires_at: exp,
                new: false,
            })
        };
        // Seen 30 s ago with a one-year interval: kept, with its stored removal time.
        let r = row(30, year);
        assert_eq!(
            kept(&r, &req(Room::Devices(5), NOW + year)),
            seated(r.expires_at)
        );
        assert_eq!(
            kept(&r, &req(Room::Unlimited, NOW + year)),
            seated(r.expires_at)
        );
        // Seen 61 s ago: the removal time would move by more than a minute.
        assert_eq!(
            kept(&row(61, year), &req(Room::Devices(5), NOW + year)),
            None
        );
        // A 3-minute interval allows 1.8 s: seen 1 s ago is kept, 2 s ago is written.
        assert!(kept(&row(1, 180), &req(Room::Devices(5), NOW + 180)).is_some());
        assert_eq!(kept(&row(2, 180), &req(Room::Devices(5), NOW + 180)), None);
        // A seat capped at its item's expiry: the removal time stays, but last_seen must move.
        let capped = |seen_ago: i64| SeatRow {
            last_seen: NOW - seen_ago,
            expires_at: NOW + 1_000,
            ..row(0, 0)
        };
        assert!(kept(&capped(5), &req(Room::Devices(5), NOW + 1_000)).is_some());
        assert_eq!(
            kept(&capped(120), &req(Room::Devices(5), NOW + 1_000)),
            None
        );
        // Concurrent and unit limits are checked on every request.
        assert_eq!(kept(&r, &req(Room::Concurrent(5), NOW + year)), None);
        assert_eq!(kept(&r, &req(Room::Units(5), NOW + year)), None);
        // A lapsed seat, another item, a shorter new interval, or changed details: written.
        assert_eq!(kept(&row(10, 10), &req(Room::Devices(5), NOW + 10)), None);
        let mut other = r.clone();
        other.item_id = "I9".into();
        assert_eq!(kept(&other, &req(Room::Devices(5), NOW + year)), None);
        assert_eq!(kept(&r, &req(Room::Devices(5), NOW + 86_400)), None);
        let mut q = req(Room::Devices(5), NOW + year);
        q.platform = "desktop".into();
        assert_eq!(kept(&r, &q), None);
        let mut q = req(Room::Devices(5), NOW + year);
        q.domain = Some("other.example".into());
        assert_eq!(kept(&r, &q), None);
        let mut q = req(Room::Devices(5), NOW + year);
        q.name = Some("till 3".into());
        assert_eq!(kept(&r, &q), None);
        let mut q = req(Room::Devices(5), NOW + year);
        q.domain = None;
        assert!(
            kept(&r, &q).is_some(),
            "no domain sent keeps the stored one"
        );
    }
}
