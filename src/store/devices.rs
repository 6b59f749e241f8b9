//! Devices at scale, as administrators see them: keyset-paginated listing (flat memory over millions of
//! rows), counting, one device's seats, unregistering by UUID and in bounded bulk transactions. The same
//! statements on both backends: the sort key picks one of a fixed set, filters are bound parameters.
//! SQLite can also build a page as one JSON text ([`DevicesDialect::list_json`]).

use std::future::Future;

use async_trait::async_trait;
use const_format::concatcp;

use super::backend::{Backend, in_tx, on_reader};
use super::query::{Arg, Conn, args};
use super::{StoreError, StoreResult, no_limit_if_negative};

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
    /// Only devices holding a live check-out (`Some(true)`), or only those that do not (`Some(false)`).
    pub checked_out: Option<bool>,
    /// "Now" for the state and check-out filters.
    pub now: i64,
}

/// One listing asked of a store: which devices, in which order, after which cursor, how many.
#[derive(Debug, Clone, Copy)]
pub struct DeviceListing<'a> {
    pub filter: &'a DeviceFilter,
    pub sort: DeviceSort,
    /// Where the previous page ended; `None` from the first device.
    pub after: Option<&'a DeviceCursor>,
    /// At most this many devices (negative: no limit).
    pub limit: i64,
}

/// Where the previous page ended: the sort key and the row's primary key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCursor {
    pub key: String,
    pub handshake: String,
    pub uuid: String,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
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
    /// Until when an offline authorization file holds the seat (see `devices checkout`); `None` when
    /// the device was never checked out (a past time once the check-out ran out).
    pub checked_out_until: Option<i64>,
}

/// Why unregistering a device by UUID was refused: it holds a live check-out (and `force` was not given).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CheckedOut {
    pub uuid: String,
    pub handshake: String,
    pub checked_out_until: i64,
}

#[async_trait]
pub trait DevicesStore: Send + Sync {
    /// One page of devices after `listing.after`, in sort order.
    async fn list_devices(&self, listing: DeviceListing<'_>) -> StoreResult<Vec<DeviceRow>>;
    /// The same page as [`Self::list_devices`] as one JSON array of the devices' admin views
    /// (`DeviceView`, idle time from `filter.now`), when the backend can build it faster than decoding
    /// rows; `None` when it cannot (callers then encode [`Self::list_devices`]).
    async fn list_devices_json(&self, listing: DeviceListing<'_>) -> StoreResult<Option<String>>;
    /// Every matching device (after `listing.after`, up to its limit) in sort order, each as the JSON
    /// text of its admin view handed to `each` as it is read, in one statement on one snapshot: the
    /// local `devices list -o json`, which then needs no pages, cursors or page buffers. Stops early
    /// when `each` returns false. `None` when the backend has no such path (callers then page through
    /// [`Self::list_devices`]).
    async fn each_device_json(
        &self,
        listing: DeviceListing<'_>,
        each: &mut EachJson<'_>,
    ) -> StoreResult<Option<u64>>;
    /// A way to run [`Self::each_device_json`] on a thread that may block for the whole listing (the
    /// admin API's streamed listing, whose rows wait for a slow client); `None` when the backend has none
    /// (callers then page through [`Self::list_devices_json`] / [`Self::list_devices`]).
    fn device_lister(&self) -> Option<Box<dyn DeviceLister>>;
    async fn count_devices(&self, filter: &DeviceFilter) -> StoreResult<i64>;
    /// The seats of a device (one per handshake code it uses).
    async fn device_seats(&self, uuid: &str) -> StoreResult<Vec<DeviceRow>>;
    /// Removes the seats of these devices (through `handshake` only, if given) in one transaction;
    /// returns the UUIDs that had no seat. Unless `force`, a device holding a live check-out at `now`
    /// refuses the whole call (a [`StoreError::Conflict`] naming it): its offline file cannot be recalled.
    async fn unregister_devices(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
        force: bool,
        now: i64,
    ) -> StoreResult<Vec<String>>;
    /// Ends the live check-outs of a device (through `handshake` only, if given) at `now`, freeing their
    /// seats, in one transaction; returns the codes it was checked out through (none: nothing changed).
    async fn check_in_device(
        &self,
        uuid: &str,
        handshake: Option<&str>,
        now: i64,
    ) -> StoreResult<Vec<String>>;
    /// Removes up to `batch` devices matching `filter` in one transaction; returns how many.
    async fn unregister_matching(&self, filter: &DeviceFilter, batch: i64) -> StoreResult<i64>;
    /// Inserts device rows as they are, in one transaction (seeding, copying between stores); a row whose
    /// (handshake, uuid) exists is a conflict and nothing is inserted.
    async fn insert_devices(&self, rows: &[DeviceRow]) -> StoreResult<()>;
}

/// What [`DevicesStore::each_device_json`] hands each device to (a named type: `async_trait` would
/// otherwise give the `&str` one fixed lifetime instead of any).
pub type EachJson<'a> = dyn FnMut(&str) -> bool + Send + 'a;

/// [`DevicesStore::each_device_json`] as a blocking call, for a thread of its own: one statement on one
/// snapshot on a connection of the lister's own, so a listing that waits for its reader (back-pressure
/// from a slow admin API client) holds none of the pool's connections and no runtime thread.
pub trait DeviceLister: Send + 'static {
    /// Hands every device of `listing` in sort order to `each` as the JSON text of its admin view; stops
    /// when `each` returns false; returns how many it handed over.
    fn each_json(&self, listing: DeviceListing<'_>, each: &mut EachJson<'_>) -> StoreResult<u64>;
}

/// What a backend can do its own way for device listings.
pub(crate) trait DevicesDialect: Conn {
    /// [`DevicesStore::list_devices_json`]: `None` where the backend has no faster way.
    fn list_json<'a>(
        &'a mut self,
        listing: DeviceListing<'a>,
    ) -> impl Future<Output = StoreResult<Option<String>>> + Send + 'a;
    /// [`DevicesStore::each_device_json`]: `None` where the backend has no faster way.
    fn each_json<'a>(
        &'a mut self,
        listing: DeviceListing<'a>,
        each: &'a mut EachJson<'a>,
    ) -> impl Future<Output = StoreResult<Option<u64>>> + Send + 'a;
}

/// The filters every listing, count and bulk delete shares (`$1`-`$6`: code, item, last seen before,
/// state, now, check-out state). The `COALESCE` term repeats the idle filter as a range bound the
/// planner can use on `devices_last_seen`: without it the last page of an `--inactive-for` listing, the
/// count and every bulk-delete batch scan the whole index past the cutoff (and PostgreSQL's generic
/// plans cannot use the `IS NULL OR` form at all). `devices_last_seen` carries every column tested
/// here (schema 12 on SQLite, 10 on PostgreSQL), so a count is an index-only scan and a listing reads
/// only the rows it returns.
pub(crate) const FILTER: &str = " FROM devices WHERE (CAST($1 AS TEXT) IS NULL OR handshake = $1)
    AND (CAST($2 AS TEXT) IS NULL OR item_id = $2)
    AND (CAST($3 AS BIGINT) IS NULL OR last_seen < $3)
    AND last_seen < COALESCE(CAST($3 AS BIGINT), 9223372036854775807)
    AND ($4 = 0 OR ($4 = 1 AND expires_at > $5) OR ($4 = 2 AND expires_at <= $5))
    AND ($6 = 0 OR ($6 = 1 AND checked_out_until > $5)
         OR ($6 = 2 AND (checked_out_until IS NULL OR checked_out_until <= $5)))";

const COLUMNS: &str =
    "SELECT uuid, handshake, item_id, platform, domain, name, first_seen, last_seen,
       expires_at, checked_out_until";

// One page per sort key, after the cursor (`$7`-`$9`, `$7`-`$8` by UUID; the first page passes the
// smallest cursor, see `cursor_args`), then the limit. The row comparison is a range on the sort's index.
pub(crate) const BY_LAST_SEEN: &str = concatcp!(
    COLUMNS,
    FILTER,
    " AND (last_seen, handshake, uuid) > ($7, $8, $9) ORDER BY last_seen, handshake, uuid LIMIT $10"
);
pub(crate) const BY_FIRST_SEEN: &str = concatcp!(
    COLUMNS,
    FILTER,
    " AND (first_seen, handshake, uuid) > ($7, $8, $9) ORDER BY first_seen, handshake, uuid LIMIT $10"
);
pub(crate) const BY_UUID: &str = concatcp!(
    COLUMNS,
    FILTER,
    " AND (uuid, handshake) > ($7, $8) ORDER BY uuid, handshake LIMIT $9"
);

pub(crate) const COUNT: &str = concatcp!("SELECT COUNT(*)", FILTER);

/// Up to `$7` matching devices. The filter stands twice: at READ COMMITTED, PostgreSQL checks a row
/// that changed after the subquery read it (a device renewed meanwhile) against the outer WHERE only, so
/// without it a device active again would be unregistered.
const UNREGISTER_MATCHING: &str = concatcp!(
    "DELETE",
    FILTER,
    " AND (handshake, uuid) IN (SELECT handshake, uuid",
    FILTER,
    " LIMIT $7)"
);

const SEATS_OF: &str = concatcp!(COLUMNS, " FROM devices WHERE uuid = $1 ORDER BY handshake");

/// Device `$1`'s seats (through code `$2`, if given); unless `$3` (force), not those whose check-out runs
/// past `$4`. The condition stands in the DELETE itself: at READ COMMITTED, PostgreSQL checks a row that
/// a concurrent check-out changed against it again, so that check-out is never deleted unseen.
const UNREGISTER: &str = "DELETE FROM devices
     WHERE uuid = $1 AND (CAST($2 AS TEXT) IS NULL OR handshake = $2)
       AND ($3 OR checked_out_until IS NULL OR checked_out_until <= $4)";

/// The seats of device `$1` (through code `$2`, if given) held by a check-out that runs past `$3`.
const CHECKED_OUT: &str = "SELECT uuid, handshake, checked_out_until FROM devices
     WHERE uuid = $1 AND (CAST($2 AS TEXT) IS NULL OR handshake = $2) AND checked_out_until > $3
     ORDER BY handshake";

/// Ends those check-outs: the seats go (the device's grants stay, so usage it carries back still counts).
const CHECK_IN: &str = "DELETE FROM devices
     WHERE uuid = $1 AND (CAST($2 AS TEXT) IS NULL OR handshake = $2) AND checked_out_until > $3";

const INSERT: &str =
    "INSERT INTO devices (handshake, uuid, item_id, platform, domain, name, first_seen,
       last_seen, expires_at, checked_out_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT DO NOTHING";

fn state_code(s: DeviceState) -> i64 {
    match s {
        DeviceState::All => 0,
        DeviceState::Active => 1,
        DeviceState::Expired => 2,
    }
}

fn checked_out_code(c: Option<bool>) -> i64 {
    match c {
        None => 0,
        Some(true) => 1,
        Some(false) => 2,
    }
}

/// The filter's parameters, `$1`-`$6`.
pub(crate) fn filter_args(f: &DeviceFilter) -> Vec<Arg<'_>> {
    vec![
        Arg::from(f.handshake.as_deref()),
        Arg::from(f.item.as_deref()),
        Arg::from(f.last_seen_before),
        Arg::from(state_code(f.state)),
        Arg::from(f.now),
        Arg::from(checked_out_code(f.checked_out)),
    ]
}

/// A page's statement and its parameters: the filter's, the cursor's (the sort key, the code and, for the
/// time orders, the UUID; below every row for the first page: no code or UUID is empty), the limit.
pub(crate) fn page<'a>(listing: DeviceListing<'a>) -> StoreResult<(&'static str, Vec<Arg<'a>>)> {
    let DeviceListing { filter, sort, after, limit } = listing;
    let mut params = filter_args(filter);
    let (handshake, uuid) = after.map_or(("", ""), |c| (c.handshake.as_str(), c.uuid.as_str()));
    let sql = match sort {
        DeviceSort::Uuid => {
            let key = after.map_or("", |c| c.key.as_str());
            params.extend([Arg::from(key), Arg::from(handshake)]);
            BY_UUID
        }
        DeviceSort::LastSeen | DeviceSort::FirstSeen => {
            let key = match after {
                None => i64::MIN,
                Some(c) => c.key.parse::<i64>().map_err(|_| {
                    StoreError::Invalid("invalid cursor; pass back next_cursor unchanged".into())
                })?,
            };
            params.extend([Arg::from(key), Arg::from(handshake), Arg::from(uuid)]);
            match sort {
                DeviceSort::LastSeen => BY_LAST_SEEN,
                _ => BY_FIRST_SEEN,
            }
        }
    };
    params.push(Arg::from(no_limit_if_negative(limit)));
    Ok((sql, params))
}

async fn list(c: &mut impl Conn, listing: DeviceListing<'_>) -> StoreResult<Vec<DeviceRow>> {
    let (sql, params) = page(listing)?;
    c.fetch_all(sql, &params).await
}

async fn unregister(
    c: &mut impl Conn,
    uuids: &[String],
    handshake: Option<&str>,
    force: bool,
    now: i64,
) -> StoreResult<Vec<String>> {
    let mut missing = Vec::new();
    for uuid in uuids {
        if c.execute(UNREGISTER, args![uuid, handshake, force, now]).await? == 0 {
            missing.push(uuid.clone());
        }
    }
    if !force {
        // What the deletes left because it is checked out refuses the whole call (the caller's
        // transaction is rolled back): read after them, so a check-out committed meanwhile counts.
        let mut held: Vec<CheckedOut> = Vec::new();
        for uuid in uuids {
            held.extend(c.fetch_all::<CheckedOut>(CHECKED_OUT, args![uuid, handshake, now]).await?);
        }
        if !held.is_empty() {
            return Err(checked_out_conflict(&held));
        }
    }
    Ok(missing)
}

fn checked_out_conflict(held: &[CheckedOut]) -> StoreError {
    let list: Vec<String> = held
        .iter()
        .map(|h| {
            format!(
                "{} through {} until {}",
                h.uuid,
                h.handshake,
                crate::clock::rfc3339(h.checked_out_until)
            )
        })
        .collect();
    StoreError::Conflict(format!(
        "{} checked out (offline authorization files cannot be recalled, so the device keeps working \
         on a seat that unregistering would give to another): {}; pass --force to unregister anyway, or \
         `ltsctl devices checkin UUID` once the device is known to be gone",
        if held.len() == 1 { "the device is" } else { "these devices are" },
        list.join(", ")
    ))
}

async fn check_in(
    c: &mut impl Conn,
    uuid: &str,
    handshake: Option<&str>,
    now: i64,
) -> StoreResult<Vec<String>> {
    let held: Vec<CheckedOut> = c.fetch_all(CHECKED_OUT, args![uuid, handshake, now]).await?;
    if !held.is_empty() {
        c.execute(CHECK_IN, args![uuid, handshake, now]).await?;
    }
    Ok(held.into_iter().map(|h| h.handshake).collect())
}

async fn insert(c: &mut impl Conn, rows: &[DeviceRow]) -> StoreResult<()> {
    for r in rows {
        let row = args![
            &r.handshake,
            &r.uuid,
            &r.item_id,
            &r.platform,
            &r.domain,
            &r.name,
            r.first_seen,
            r.last_seen,
            r.expires_at,
            r.checked_out_until
        ];
        if c.execute(INSERT, row).await? == 0 {
            return Err(StoreError::Conflict(format!(
                "device {} is already seated through {}",
                r.uuid, r.handshake
            )));
        }
    }
    Ok(())
}

#[async_trait]
impl<B: Backend> DevicesStore for B {
    async fn list_devices(&self, listing: DeviceListing<'_>) -> StoreResult<Vec<DeviceRow>> {
        on_reader!(self, |c| list(c, listing))
    }

    async fn list_devices_json(&self, listing: DeviceListing<'_>) -> StoreResult<Option<String>> {
        on_reader!(self, |c| c.list_json(listing))
    }

    async fn each_device_json(
        &self,
        listing: DeviceListing<'_>,
        each: &mut EachJson<'_>,
    ) -> StoreResult<Option<u64>> {
        on_reader!(self, |c| c.each_json(listing, each))
    }

    fn device_lister(&self) -> Option<Box<dyn DeviceLister>> {
        self.blocking_device_lister()
    }

    async fn count_devices(&self, filter: &DeviceFilter) -> StoreResult<i64> {
        on_reader!(self, |c| c.scalar(COUNT, &filter_args(filter)))
    }

    async fn device_seats(&self, uuid: &str) -> StoreResult<Vec<DeviceRow>> {
        on_reader!(self, |c| c.fetch_all(SEATS_OF, args![uuid]))
    }

    async fn unregister_devices(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
        force: bool,
        now: i64,
    ) -> StoreResult<Vec<String>> {
        in_tx!(self, |c| unregister(c, uuids, handshake, force, now))
    }

    async fn check_in_device(
        &self,
        uuid: &str,
        handshake: Option<&str>,
        now: i64,
    ) -> StoreResult<Vec<String>> {
        in_tx!(self, |c| check_in(c, uuid, handshake, now))
    }

    async fn unregister_matching(&self, filter: &DeviceFilter, batch: i64) -> StoreResult<i64> {
        let mut params = filter_args(filter);
        params.push(Arg::from(no_limit_if_negative(batch)));
        let removed = in_tx!(self, |c| c.execute(UNREGISTER_MATCHING, &params))?;
        Ok(removed as i64)
    }

    async fn insert_devices(&self, rows: &[DeviceRow]) -> StoreResult<()> {
        in_tx!(self, |c| insert(c, rows))
    }
}
