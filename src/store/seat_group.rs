//! Seating a whole group of authorizations in one transaction with a fixed number of statements, however
//! many requests the group holds: one read of the group's devices, one count of the live seats on every
//! item they may take, then the decisions in memory (in arrival order, each seeing the ones before it),
//! then one multi-row write of the seats and one of the grants. Per request, a statement costs far more in
//! hand-offs to the database (a worker thread on SQLite, a round trip on PostgreSQL) than in the
//! database, so this is what lets the store keep up with the signatures.
//!
//! The group's inputs go in as one JSON array parameter (`$1`), so every statement has one fixed text
//! (prepared once) and no SQL is built from input; the dialect names only how a JSON array becomes rows
//! ([`GroupSql`]). Rooms counted by window or by units (per concurrent device, per scan/page) are checked
//! with their own statements, after the group's earlier seats are written.
//!
//! Exactness: the caller holds the write lock (SQLite's one writer) or the limited items' row locks
//! (PostgreSQL, taken once per group in id order), so the counts read here stay true until the commit, and
//! the in-memory counts move with every decision.

use std::collections::HashMap;

use super::StoreResult;
use super::backend::{BoxFuture, Dialect, Lock};
use super::query::args;
use super::seats::{CONCURRENT_ACTIVE, CONCURRENT_WINDOW, ITEM_UNITS, RAISE_PEAK};
use crate::domain::seats::{Room, SeatCandidate, SeatOutcome, SeatRequest, window_admits};

/// The group statements of one dialect (see the module doc); each dialect builds them from the shared
/// parts below around its own JSON-array-to-rows source (`AS j`, one column `value`).
pub(crate) struct GroupSql {
    /// The group's devices' seats: `[[handshake, uuid], ...]` → (handshake, uuid, item_id, expires_at,
    /// checked_out_until, first_used_at); on PostgreSQL the rows are locked too.
    pub current: &'static str,
    /// Live seats per item at `$2`: `[[item_id], ...]` → (item_id, seats).
    pub live: &'static str,
    /// Writes seats: `[[handshake, uuid, item, platform, domain, name, first_seen, last_seen, expires_at,
    /// checked_out_until], ...]`.
    pub write_seats: &'static str,
    /// Writes grants: `[[handshake, uuid, item, option, granted_from, granted_until], ...]`.
    pub write_grants: &'static str,
}

pub(crate) const CURRENT_HEAD: &str = "SELECT d.handshake, d.uuid, d.item_id, d.expires_at,
       d.checked_out_until, d.first_used_at FROM ";
pub(crate) const CURRENT_TAIL: &str =
    " JOIN devices d ON d.handshake = j.value ->> 0 AND d.uuid = j.value ->> 1";

pub(crate) const WRITE_SEATS_HEAD: &str = "INSERT INTO devices (handshake, uuid, item_id, platform,
       domain, name, first_seen, last_seen, expires_at, checked_out_until)
     SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5,
       CAST(j.value ->> 6 AS BIGINT), CAST(j.value ->> 7 AS BIGINT), CAST(j.value ->> 8 AS BIGINT),
       CAST(j.value ->> 9 AS BIGINT)
     FROM ";
/// `WHERE true` keeps SQLite from reading `ON CONFLICT` as a join constraint of the `SELECT`. A live
/// check-out is never shortened: neither its end nor the seat's removal time moves before it.
pub(crate) const WRITE_SEATS_TAIL: &str = " WHERE true
     ON CONFLICT (handshake, uuid) DO UPDATE SET
       item_id = excluded.item_id, platform = excluded.platform,
       domain = COALESCE(excluded.domain, devices.domain), name = COALESCE(excluded.name, devices.name),
       last_seen = excluded.last_seen,
       expires_at = CASE WHEN devices.checked_out_until > excluded.expires_at
                         THEN devices.checked_out_until ELSE excluded.expires_at END,
       checked_out_until = CASE WHEN excluded.checked_out_until IS NULL
                                  OR devices.checked_out_until > excluded.checked_out_until
                                THEN devices.checked_out_until ELSE excluded.checked_out_until END,
       concurrent_seen_at = CASE WHEN devices.item_id = excluded.item_id
                                 THEN devices.concurrent_seen_at END,
       concurrent_since = CASE WHEN devices.item_id = excluded.item_id
                               THEN devices.concurrent_since END";

/// A device's grant begins at its first token on an item and ends with its latest.
pub(crate) const WRITE_GRANTS_HEAD: &str = "INSERT INTO device_grants
       (handshake, uuid, item_id, option, granted_from, granted_until)
     SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3,
       CAST(j.value ->> 4 AS BIGINT), CAST(j.value ->> 5 AS BIGINT)
     FROM ";
pub(crate) const WRITE_GRANTS_TAIL: &str = " WHERE true
     ON CONFLICT (handshake, uuid, item_id) DO UPDATE SET option = excluded.option,
       granted_until = CASE WHEN excluded.granted_until > device_grants.granted_until
                            THEN excluded.granted_until ELSE device_grants.granted_until END";

/// A device's seat as the group sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
struct GroupSeat {
    handshake: String,
    uuid: String,
    item_id: String,
    expires_at: i64,
    checked_out_until: Option<i64>,
    first_used_at: Option<i64>,
}

/// What the group knows of a device's current seat (updated as the group seats it).
#[derive(Debug, Clone)]
struct Current {
    item_id: String,
    expires_at: i64,
    checked_out_until: Option<i64>,
    used: bool,
}

/// Device `$3`'s first use through code `$2` is `$1` unless it has one.
const FIRST_USE: &str = "UPDATE devices SET first_used_at = COALESCE(first_used_at, $1)
     WHERE handshake = $2 AND uuid = $3";

/// Moves a checked-out device into its item's concurrent window until its check-out ends (`$1`), keeping
/// its place if it is in the window already (since `$2`, at `$3`).
const WINDOW_UNTIL: &str = "UPDATE devices SET
       concurrent_since = CASE WHEN concurrent_seen_at > $2 THEN concurrent_since ELSE $3 END,
       concurrent_seen_at = CASE WHEN concurrent_seen_at > $1 THEN concurrent_seen_at ELSE $1 END
     WHERE handshake = $4 AND uuid = $5";

type DeviceKey = (String, String);

/// Seats and grants decided but not written yet.
#[derive(Default)]
struct Pending<'a> {
    seats: Vec<SeatWrite<'a>>,
    grants: Vec<GrantWrite<'a>>,
}

#[derive(serde::Serialize)]
struct SeatWrite<'a>(
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    i64,
    i64,
    i64,
    Option<i64>,
);

#[derive(serde::Serialize)]
struct GrantWrite<'a>(&'a str, &'a str, &'a str, &'a str, i64, i64);

impl Pending<'_> {
    async fn flush<C: Dialect>(&mut self, c: &mut C) -> StoreResult<()> {
        if self.seats.is_empty() {
            return Ok(());
        }
        let sql = C::GROUP;
        let seats = to_json(&self.seats)?;
        c.execute(sql.write_seats, args![seats.as_str()]).await?;
        let grants = to_json(&self.grants)?;
        c.execute(sql.write_grants, args![grants.as_str()]).await?;
        self.seats.clear();
        self.grants.clear();
        Ok(())
    }
}

fn to_json<T: serde::Serialize>(rows: &T) -> StoreResult<String> {
    serde_json::to_string(rows)
        .map_err(|e| super::StoreError::database(format!("encoding a group of seats: {e}")))
}

/// Seats every request of a group in the caller's transaction; one outcome per request, in order.
///
/// Boxed with its lifetimes spelled out: the compiler cannot yet prove such a future `Send` for every
/// lifetime by itself (rust-lang/rust#100013), and the writer task needs it to be.
pub(crate) fn seat_group<'a, C: Dialect>(
    c: &'a mut C,
    reqs: &'a [&'a SeatRequest],
) -> BoxFuture<'a, StoreResult<Vec<SeatOutcome>>> {
    Box::pin(seat_group_in(c, reqs))
}

async fn seat_group_in<'a, C: Dialect>(
    c: &'a mut C,
    reqs: &'a [&'a SeatRequest],
) -> StoreResult<Vec<SeatOutcome>> {
    let mut limited: Vec<String> = reqs
        .iter()
        .flat_map(|r| r.candidates.iter())
        .filter(|c| c.room != Room::Unlimited)
        .map(|c| c.item_id.clone())
        .collect();
    limited.sort();
    limited.dedup();
    c.lock(Lock::Items(&limited)).await?;
    let sql = C::GROUP;

    let mut devices: Vec<(&str, &str)> =
        reqs.iter().map(|r| (r.handshake.as_str(), r.uuid.as_str())).collect();
    devices.sort();
    devices.dedup();
    let rows: Vec<GroupSeat> = c.fetch_all(sql.current, args![to_json(&devices)?.as_str()]).await?;
    let mut current: HashMap<DeviceKey, Current> = rows
        .into_iter()
        .map(|s| {
            let seat = Current {
                item_id: s.item_id,
                expires_at: s.expires_at,
                checked_out_until: s.checked_out_until,
                used: s.first_used_at.is_some(),
            };
            ((s.handshake, s.uuid), seat)
        })
        .collect();

    let counted: Vec<[&str; 1]> = reqs
        .iter()
        .flat_map(|r| r.candidates.iter())
        .filter(|c| matches!(c.room, Room::Devices(_)))
        .map(|c| [c.item_id.as_str()])
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    // Every request of a group has the same `now` to the second or close to it; the earliest is the
    // strictest (it counts a seat that expires meanwhile as still taken).
    let now = reqs.iter().map(|r| r.now).min().unwrap_or_default();
    let mut live: HashMap<String, i64> = if counted.is_empty() {
        HashMap::new()
    } else {
        c.fetch_all::<(String, i64)>(sql.live, args![to_json(&counted)?.as_str(), now])
            .await?
            .into_iter()
            .collect()
    };

    let mut pending = Pending::default();
    let mut written: std::collections::HashSet<(&str, &str)> = Default::default();
    let mut outcomes = Vec::with_capacity(reqs.len());
    for req in reqs {
        let key = (req.handshake.as_str(), req.uuid.as_str());
        // The same device twice in one group: its first seat is written before the second is decided,
        // so one multi-row write never changes a row twice.
        if !written.insert(key) {
            pending.flush(c).await?;
            written.clear();
            written.insert(key);
        }
        let owned_key = (req.handshake.clone(), req.uuid.clone());
        let seat = current.get(&owned_key);
        let held = seat.filter(|s| s.expires_at > req.now).map(|s| s.item_id.clone());
        // A live check-out keeps the device on its item: its file names that item and cannot be recalled.
        let checked_out = seat.and_then(|s| s.checked_out_until).filter(|until| *until > req.now);
        let used = seat.is_some_and(|s| s.used);
        let mut chosen = None;
        for candidate in seat_order(req, held.as_deref()) {
            let keeps_seat = held.as_deref() == Some(candidate.item_id.as_str());
            if checked_out.is_some() && !keeps_seat {
                continue;
            }
            let room = match candidate.room {
                Room::Unlimited => true,
                // It holds the item by its check-out, whatever the room counts.
                _ if checked_out.is_some() => true,
                // Holding a device seat is enough; concurrent and unit limits apply to every request.
                Room::Devices(_) if keeps_seat => true,
                Room::Devices(limit) => live.get(&candidate.item_id).copied().unwrap_or(0) < limit,
                Room::Concurrent(limit) => {
                    // The window counts rows: the group's earlier seats must be in them.
                    pending.flush(c).await?;
                    let window =
                        args![&candidate.item_id, &req.handshake, &req.uuid, req.window_start];
                    let (active, me, ahead): (i64, i64, i64) =
                        c.fetch_one(CONCURRENT_WINDOW, window).await?;
                    window_admits(active, me > 0, ahead, limit)
                }
                Room::Units(limit) => {
                    c.scalar::<i64>(ITEM_UNITS, args![&candidate.item_id]).await? < limit
                }
            };
            if room {
                chosen = Some((candidate, keeps_seat));
                break;
            }
        }
        let Some((candidate, keeps_seat)) = chosen else {
            outcomes.push(SeatOutcome::Full);
            continue;
        };
        if !keeps_seat {
            if let Some(n) = held.as_ref().and_then(|item| live.get_mut(item)) {
                *n -= 1;
            }
            if let Some(n) = live.get_mut(&candidate.item_id) {
                *n += 1;
            }
        }
        let checkout_until = req.checkout.then_some(candidate.token_expires_at);
        let until = checkout_until.max(checked_out);
        let expires_at = match candidate.unused_seat_expires_at {
            Some(unused) if !used => unused,
            _ => candidate.seat_expires_at,
        }
        .max(until.unwrap_or(i64::MIN));
        current.insert(
            owned_key,
            Current {
                item_id: candidate.item_id.clone(),
                expires_at,
                checked_out_until: until,
                used,
            },
        );
        pending.seats.push(SeatWrite(
            &req.handshake,
            &req.uuid,
            &candidate.item_id,
            &req.platform,
            req.domain.as_deref(),
            req.name.as_deref(),
            req.now,
            req.now,
            expires_at,
            checkout_until,
        ));
        pending.grants.push(GrantWrite(
            &req.handshake,
            &req.uuid,
            &candidate.item_id,
            &candidate.option,
            req.now,
            candidate.token_expires_at,
        ));
        if req.checkout {
            // A check-out is the device's first use (`--active-from first-use`): the file lets it work.
            pending.flush(c).await?;
            c.execute(FIRST_USE, args![req.now, &req.handshake, &req.uuid]).await?;
            if let Some(seat) = current.get_mut(&(req.handshake.clone(), req.uuid.clone())) {
                seat.used = true;
            }
        }
        if let (Some(until), Room::Concurrent(_)) = (checkout_until, candidate.room) {
            // In the window from now until the check-out ends: written at once, so the group's next
            // requests for the item count it.
            pending.flush(c).await?;
            let window = args![until, req.window_start, req.now, &req.handshake, &req.uuid];
            c.execute(WINDOW_UNTIL, window).await?;
            let active: i64 =
                c.scalar(CONCURRENT_ACTIVE, args![&candidate.item_id, req.window_start]).await?;
            c.execute(RAISE_PEAK, args![&candidate.item_id, req.now.div_euclid(86_400), active])
                .await?;
        }
        outcomes.push(SeatOutcome::Seated {
            item_id: candidate.item_id.clone(),
            expires_at,
            new: !keeps_seat,
        });
    }
    pending.flush(c).await?;
    Ok(outcomes)
}

/// The outcome of a group of one.
pub(crate) fn one_outcome(outcomes: Vec<SeatOutcome>) -> StoreResult<SeatOutcome> {
    outcomes
        .into_iter()
        .next()
        .ok_or_else(|| super::StoreError::database("a seat request got no answer"))
}

/// The candidates in the order they are tried: the item the device holds a live seat on first (a device
/// keeps an item that can still serve it), then the rest in consumption order.
fn seat_order<'r>(req: &'r SeatRequest, held: Option<&str>) -> Vec<&'r SeatCandidate> {
    let kept = req.candidates.iter().find(|c| Some(c.item_id.as_str()) == held);
    kept.into_iter()
        .chain(req.candidates.iter().filter(|c| Some(c.item_id.as_str()) != held))
        .collect()
}
