//! Storage behind one set of traits, so the embedded SQLite store and (later) PostgreSQL are interchangeable.
//!
//! Every method that changes more than one row does so in one transaction: a method either fully applies or
//! leaves the store as it was. Times are Unix seconds (UTC), durations are seconds: the rules that interpret
//! them live in [`crate::domain`], not here.

mod access;
pub(crate) mod backend;
mod error;
mod handshakes;
mod licenses;
pub mod migrate;
mod postgres;
pub(crate) mod query;
mod seats;
pub(crate) mod sql;
mod sqlite;

use async_trait::async_trait;

pub use access::{AccessStore, AuditRow, TokenRow};
pub use error::{DbError, StoreError, StoreResult};
pub use handshakes::{HandshakePatch, HandshakeRecord, HandshakeRow, HandshakeStore};
pub use licenses::{
    ImportBinding, ImportResult, ItemRow, ItemState, LicenseRecord, LicenseRemoval, LicenseRow,
    LicenseStore, TrustStore, TrustedKeyRow,
};
pub use postgres::PgStore;
pub use seats::{
    DeviceLookup, DeviceStore, GrantRow, Room, Seat, SeatCandidate, SeatOutcome, SeatRefresh,
    SeatRequest, SeatRow, SweepRecord, UsageBatch, UsageOutcome, UsageReportRow, fresh_seat,
};
pub use sqlite::{OpenMode, SqliteStore, restore as restore_sqlite};

/// File name of the embedded store's database inside a data dir.
pub fn sqlite_db_file() -> &'static str {
    sqlite::DB_FILE
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

/// A LIMIT both dialects take: a negative one means none (SQLite reads it so; PostgreSQL refuses it).
pub(crate) fn no_limit_if_negative(limit: i64) -> i64 {
    if limit < 0 { i64::MAX } else { limit }
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
