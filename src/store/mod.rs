//! Storage behind one set of traits, so the embedded SQLite store and PostgreSQL are interchangeable.
//!
//! Every method that changes more than one row does so in one transaction: a method either fully applies or
//! leaves the store as it was. Times are Unix seconds (UTC), durations are seconds: the rules that interpret
//! them live in [`crate::domain`], not here.

mod access;
mod alerts;
pub(crate) mod backend;
mod devices;
mod error;
mod handshakes;
mod items;
mod licenses;
pub mod migrate;
mod postgres;
pub(crate) mod query;
mod seat_group;
mod seats;
mod server;
mod sqlite;
mod task_queue;
mod ui_sessions;
mod usage;

pub use access::{AccessStore, AuditRow, TokenRow};
pub use alerts::{
    AlertRow, AlertSettingsRow, AlertsStore, AttemptOutcome, AttemptRow, EmailRow, OutboxRow,
    RoundWritten, WebhookRow, new_msg_id,
};
pub use devices::{
    DeviceCursor, DeviceFilter, DeviceLister, DeviceListing, DeviceRow, DeviceSort, DeviceState,
    DevicesStore, EachJson,
};
pub use error::{DbError, StoreError, StoreResult};
pub use handshakes::{HandshakePatch, HandshakeRecord, HandshakeRow, HandshakesStore};
pub use items::{ItemRow, ItemState};
pub use licenses::{
    ImportBinding, ImportResult, LicenseRecord, LicenseRemoval, LicenseRow, LicensesStore,
    TrustedKeyRow,
};
pub use postgres::PgStore;
pub use seats::{
    DeviceLookup, GrantRow, Room, Seat, SeatCandidate, SeatOutcome, SeatRefresh, SeatRequest,
    SeatRow, SeatsStore, UsageBatch, UsageOutcome, UsageReportRow,
};
pub use server::{Counts, ServerStore, SweepBatches, SweepRecord};
pub use sqlite::{OpenMode, SqliteStore, restore as restore_sqlite};
pub use ui_sessions::{UiSessionFound, UiSessionRow, UiSessionsStore};
pub use usage::{DeviceUsage, UsageFilter, UsageGroup, UsageGrouping, UsageStore};

/// File name of the embedded store's database inside a data dir.
pub fn sqlite_db_file() -> &'static str {
    sqlite::DB_FILE
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

/// Everything the LTS keeps, by area: one implementation per area for both backends (see `store::backend`).
pub trait Store:
    ServerStore
    + LicensesStore
    + HandshakesStore
    + SeatsStore
    + DevicesStore
    + UsageStore
    + AccessStore
    + UiSessionsStore
    + AlertsStore
{
}

/// Both backends have every area (each area's store is implemented once, over [`backend::Backend`]).
impl<B: backend::Backend> Store for B {}
