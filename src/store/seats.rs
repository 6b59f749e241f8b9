//! The device API's writes: seating devices against their items' room, what each device was told (its
//! grants), usage reports, and sweeps. One implementation for both backends; what the dialects do their
//! own way is [`SeatsDialect`]: counting an item's seats (a counter table on SQLite, locked rows on
//! PostgreSQL), inserting a batch of reports, and making sure only one instance sweeps at a time.
//!
//! On SQLite these writes join the group commit ([`Backend::hot_write`]): SQLite has one writer at a time,
//! so "count, then insert" cannot over-allocate. On PostgreSQL each is a transaction that first locks the
//! rows of the items whose room it counts (see [`Lock`]).

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::sync::Arc;

use async_trait::async_trait;

use super::backend::{Backend, Dialect, Lock, on_reader};
use super::query::{Conn, args};
use super::{StoreResult, usage_overflow};
use crate::domain::seats::fresh_seat;
/// The seat vocabulary is the domain's; the store's callers name it through here too.
pub use crate::domain::seats::{Room, SeatCandidate, SeatOutcome, SeatRequest, SeatRow};
use crate::domain::usage::checked_total;

/// What a device request reads first (see [`SeatsStore::device_lookup`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceLookup {
    pub generation: i64,
    pub seat: Option<SeatRow>,
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
    /// The code's active time starts at first use (`--active-from first-use`): a device that has not
    /// used it yet (no upload of it held a report) keeps its removal time.
    pub first_use: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageBatch {
    pub handshake: String,
    pub uuid: String,
    pub now: i64,
    pub refresh: Option<SeatRefresh>,
    pub reports: Vec<UsageReportRow>,
}

impl UsageBatch {
    /// Every count of the reports `rid_of` gives a row id (the ones the batch's insert found new), as
    /// (report row id, kind, name, count): what both backends insert into `usage_counts`.
    pub(crate) fn new_counts<'a>(
        &'a self,
        rid_of: impl Fn(&str) -> Option<i64> + 'a,
    ) -> impl Iterator<Item = (i64, &'static str, &'a str, i64)> + 'a {
        self.reports.iter().filter_map(move |r| rid_of(&r.id).map(|rid| (rid, r))).flat_map(
            |(rid, r)| {
                let scans = r.scans.iter().map(move |(n, c)| (rid, "scan", n.as_str(), *c));
                let pages = r.pages.iter().map(move |(n, c)| (rid, "page", n.as_str(), *c));
                scans.chain(pages)
            },
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageOutcome {
    pub accepted: usize,
    /// Reports already recorded under the same id: counted once.
    pub duplicates: usize,
}

/// What a device was told it may do through a code: one item and until when (see `device_grants`).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GrantRow {
    pub item_id: String,
    pub option: String,
    /// Its first authorization on the item.
    pub granted_from: i64,
    /// The latest token expiry it was given on the item.
    pub granted_until: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Seat {
    pub item_id: String,
    pub expires_at: i64,
}

#[async_trait]
pub trait SeatsStore: Send + Sync {
    /// Keeps a seated device on its item (refreshing its removal time) or seats it on the first candidate
    /// with room, in one transaction: concurrent requests never seat more than the limit.
    async fn seat_device(&self, req: SeatRequest) -> StoreResult<SeatOutcome>;
    /// The device's current seat through `handshake`, if any (expired seats included until swept).
    async fn get_seat(&self, handshake: &str, uuid: &str) -> StoreResult<Option<Seat>>;
    /// The config generation ([`super::HandshakesStore::config_generation`]) and the device's row, in one
    /// read: every device request starts with it.
    async fn device_lookup(&self, handshake: &str, uuid: &str) -> StoreResult<DeviceLookup>;
    /// Every item the device was authorized on through `handshake`, oldest grant first.
    async fn device_grants(&self, handshake: &str, uuid: &str) -> StoreResult<Vec<GrantRow>>;
    /// Records a batch of usage reports, idempotently by report id, each on its item, and refreshes the
    /// seat (if asked and still there), in one transaction.
    async fn record_usage(&self, batch: UsageBatch) -> StoreResult<UsageOutcome>;
}

/// What the dialects do their own way on the device path.
pub(crate) trait SeatsDialect: Conn {
    /// The statements that seat a group of requests at once (see [`super::seat_group`]).
    const GROUP: &'static super::seat_group::GroupSql;

    /// Inserts the reports of a batch (`totals`: each report's scans and pages) and their counts, leaving
    /// out report ids the device sent before; the ids of the ones inserted.
    fn insert_reports<'a>(
        &'a mut self,
        batch: &'a UsageBatch,
        totals: &'a HashMap<&'a str, (i64, i64)>,
    ) -> impl Future<Output = StoreResult<Vec<String>>> + Send + 'a;
}

// -----------------------------------------------------------------------------------------------------
// Statements

const SEAT: &str = "SELECT item_id, expires_at FROM devices WHERE handshake = $1 AND uuid = $2";

/// The config generation and the device's row in one statement (the device's columns NULL when it has
/// no seat through the code).
pub(crate) const LOOKUP: &str = "SELECT g.n, d.item_id, d.expires_at, d.platform, d.domain, d.name, d.last_seen,
       d.first_seen
     FROM config_generation g LEFT JOIN devices d ON d.handshake = $1 AND d.uuid = $2 WHERE g.id = 1";

/// The grants of device `$2` through code `$1`, oldest first.
const DEVICE_GRANTS: &str = "SELECT item_id, option, granted_from, granted_until
     FROM device_grants WHERE handshake = $1 AND uuid = $2 ORDER BY granted_from, item_id";

/// The concurrent window of item `$1` since `$4`, seen by device `$3` through code `$2`: how many
/// devices are in it, whether this one is, and how many entered it before this one did (the window
/// admits devices in the order they entered, so a burst beyond the limit drains at the next renewals).
pub(crate) const CONCURRENT_WINDOW: &str = "SELECT
       (SELECT COUNT(*) FROM devices WHERE item_id = $1 AND concurrent_seen_at > $4),
       (SELECT COUNT(*) FROM devices WHERE item_id = $1 AND concurrent_seen_at > $4
          AND handshake = $2 AND uuid = $3),
       (SELECT COUNT(*) FROM devices w, devices m
          WHERE m.handshake = $2 AND m.uuid = $3 AND m.item_id = $1 AND m.concurrent_seen_at > $4
            AND w.item_id = $1 AND w.concurrent_seen_at > $4
            AND (w.concurrent_since < m.concurrent_since
                 OR (w.concurrent_since = m.concurrent_since
                     AND (w.handshake < m.handshake OR (w.handshake = m.handshake AND w.uuid < m.uuid)))))";

/// Devices in the concurrent window of item `$1` since `$2`.
pub(crate) const CONCURRENT_ACTIVE: &str =
    "SELECT COUNT(*) FROM devices WHERE item_id = $1 AND concurrent_seen_at > $2";

/// Raises item `$1`'s recorded peak of day `$2` to `$3` if that is higher.
pub(crate) const RAISE_PEAK: &str =
    "INSERT INTO concurrent_peaks (item_id, day, peak) VALUES ($1, $2, $3)
     ON CONFLICT (item_id, day) DO UPDATE SET
       peak = CASE WHEN excluded.peak > concurrent_peaks.peak THEN excluded.peak
                   ELSE concurrent_peaks.peak END";

/// An upload's refresh of device `$5`'s seat through code `$4` on item `$6` at time `$1`: its removal
/// time becomes `$2` (never before a live check-out ends); with `$3` (a per-concurrent-device item,
/// window start `$7`) it enters the window, keeping its place if it was in it already (and a check-out's
/// window end). Only a live seat on that item is refreshed. Its first use is `$8` unless it has one; with
/// `$9` (first-use code) a device still unused keeps its removal time.
const REFRESH_SEAT: &str = "UPDATE devices SET last_seen = $1,
       expires_at = CASE WHEN checked_out_until > $2 THEN checked_out_until
                         WHEN $9 AND first_used_at IS NULL AND CAST($8 AS BIGINT) IS NULL THEN expires_at
                         ELSE $2 END,
       concurrent_since = CASE WHEN NOT $3 THEN concurrent_since
                               WHEN concurrent_seen_at > $7 THEN concurrent_since ELSE $1 END,
       concurrent_seen_at = CASE WHEN NOT $3 THEN concurrent_seen_at
                                 WHEN concurrent_seen_at > $1 THEN concurrent_seen_at ELSE $1 END,
       first_used_at = COALESCE(first_used_at, $8)
     WHERE handshake = $4 AND uuid = $5 AND item_id = $6 AND expires_at > $1";

/// Device `$2`'s first use through code `$1` is `$3` unless it has one (an upload that refreshes no seat).
const MARK_USED: &str = "UPDATE devices SET first_used_at = $3
     WHERE handshake = $1 AND uuid = $2 AND first_used_at IS NULL";

/// Adds `$2` units to item `$1`'s lifetime consumption.
const ADD_UNITS: &str = "INSERT INTO item_usage (item_id, units) VALUES ($1, $2)
     ON CONFLICT (item_id) DO UPDATE SET units = item_usage.units + excluded.units";

pub(crate) const ITEM_UNITS: &str =
    "SELECT CAST(COALESCE((SELECT units FROM item_usage WHERE item_id = $1), 0) AS BIGINT)";

/// Decodes `LOOKUP`'s row, on either backend.
impl<'r, R: sqlx::Row> sqlx::FromRow<'r, R> for DeviceLookup
where
    usize: sqlx::ColumnIndex<R>,
    i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    Option<i64>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
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

// -----------------------------------------------------------------------------------------------------
// Ledger arithmetic

/// The units each item consumes from these (newly recorded) reports, by item id; `totals` gives a
/// report's (scans, pages). Checked sums: an overflow refuses the batch.
fn units_per_item<'a>(
    reports: impl Iterator<Item = &'a UsageReportRow>,
    totals: &HashMap<&str, (i64, i64)>,
) -> StoreResult<BTreeMap<&'a str, i64>> {
    let mut units: BTreeMap<&str, i64> = BTreeMap::new();
    for r in reports {
        let (scans, pages) = totals[r.id.as_str()];
        let n = match r.unit_kind {
            Some("scan") => scans,
            Some("page") => pages,
            _ => 0,
        };
        if n == 0 {
            continue;
        }
        let sum = units.entry(r.item_id.as_str()).or_insert(0);
        *sum = sum.checked_add(n).ok_or_else(usage_overflow)?;
    }
    Ok(units)
}

/// A report's scans and pages, each summed with checked arithmetic.
fn totals(batch: &UsageBatch) -> StoreResult<HashMap<&str, (i64, i64)>> {
    let total = |counts: &[(String, i64)]| {
        checked_total(counts.iter().map(|(_, n)| *n)).ok_or_else(usage_overflow)
    };
    let mut out = HashMap::with_capacity(batch.reports.len());
    for r in &batch.reports {
        out.insert(r.id.as_str(), (total(&r.scans)?, total(&r.pages)?));
    }
    Ok(out)
}

// -----------------------------------------------------------------------------------------------------
// Usage

/// Stores a batch of usage reports in the caller's transaction (the dialect inserts the reports and their
/// counts), then each item's units, then refreshes the seat and, for a concurrent item, its peak.
async fn usage_in(c: &mut impl Dialect, batch: &UsageBatch) -> StoreResult<UsageOutcome> {
    let concurrent = batch.refresh.as_ref().filter(|r| r.window_start.is_some());
    if let Some(refresh) = concurrent {
        // The window is counted below: lock the item as seating does.
        c.lock(Lock::Items(std::slice::from_ref(&refresh.item_id))).await?;
    }
    let totals = totals(batch)?;
    let inserted = c.insert_reports(batch, &totals).await?;
    let new_reports = batch.reports.iter().filter(|r| inserted.contains(&r.id));
    for (item_id, units) in units_per_item(new_reports, &totals)? {
        c.execute(ADD_UNITS, args![item_id, units]).await?;
    }
    let first_use = batch.reports.iter().map(|r| r.at).min();
    if batch.refresh.is_none()
        && let Some(at) = first_use
    {
        c.execute(MARK_USED, args![&batch.handshake, &batch.uuid, at]).await?;
    }
    if let Some(refresh) = &batch.refresh {
        let values = args![
            batch.now,
            refresh.seat_expires_at,
            refresh.window_start.is_some(),
            &batch.handshake,
            &batch.uuid,
            &refresh.item_id,
            refresh.window_start,
            first_use,
            refresh.first_use
        ];
        let refreshed = c.execute(REFRESH_SEAT, values).await?;
        if let (Some(window_start), 1) = (refresh.window_start, refreshed) {
            let active: i64 =
                c.scalar(CONCURRENT_ACTIVE, args![&refresh.item_id, window_start]).await?;
            let day = batch.now.div_euclid(86_400);
            c.execute(RAISE_PEAK, args![&refresh.item_id, day, active]).await?;
        }
    }
    Ok(UsageOutcome { accepted: inserted.len(), duplicates: batch.reports.len() - inserted.len() })
}

#[async_trait]
impl<B: Backend> SeatsStore for B {
    async fn seat_device(&self, req: SeatRequest) -> StoreResult<SeatOutcome> {
        if !req.fresh_checked {
            let found = self.device_lookup(&req.handshake, &req.uuid).await?;
            if let Some(outcome) = found.seat.as_ref().and_then(|r| fresh_seat(r, &req)) {
                return Ok(outcome);
            }
        }
        self.hot_seat(req).await
    }

    async fn get_seat(&self, handshake: &str, uuid: &str) -> StoreResult<Option<Seat>> {
        on_reader!(self, |c| c.fetch_optional(SEAT, args![handshake, uuid]))
    }

    async fn device_lookup(&self, handshake: &str, uuid: &str) -> StoreResult<DeviceLookup> {
        if let Some(found) = self.device_lookup_now(handshake, uuid) {
            return found;
        }
        on_reader!(self, |c| c.fetch_one(LOOKUP, args![handshake, uuid]))
    }

    async fn device_grants(&self, handshake: &str, uuid: &str) -> StoreResult<Vec<GrantRow>> {
        on_reader!(self, |c| c.fetch_all(DEVICE_GRANTS, args![handshake, uuid]))
    }

    async fn record_usage(&self, batch: UsageBatch) -> StoreResult<UsageOutcome> {
        let batch = Arc::new(batch);
        self.hot_write(true, move |c| {
            let batch = Arc::clone(&batch);
            Box::pin(async move { usage_in(c, &batch).await })
        })
        .await
    }
}
