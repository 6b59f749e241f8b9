//! Seats, usage reports and sweeps in the embedded store. Seats and usage reports go through the group
//! writer ([`super::writer`]), which runs them one after the other inside a `BEGIN IMMEDIATE`
//! transaction; SQLite has one writer at a time, so "count, then insert" cannot over-allocate.

use std::collections::HashMap;

use async_trait::async_trait;
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use super::writer::job;
use super::{SqliteStore, db};
use crate::domain::usage::checked_total;
use crate::store::seats::{grant_row, grants_ran_out_before, units_per_item, window_admits};
use crate::store::{
    DeviceLookup, DeviceStore, GrantRow, Room, Seat, SeatCandidate, SeatOutcome, SeatRequest,
    StoreResult, SweepRecord, UsageBatch, UsageOutcome, fresh_seat, sql,
    usage_overflow as overflow,
};

/// 8 bound values per report and 4 per count: far below SQLite's limit of 32,766 per statement.
const REPORTS_PER_STATEMENT: usize = 500;
const COUNTS_PER_STATEMENT: usize = 2_000;

/// Whether `candidate` has room for one more device (or unit) besides `uuid`.
async fn has_room(
    conn: &mut SqliteConnection,
    candidate: &SeatCandidate,
    handshake: &str,
    uuid: &str,
    now: i64,
    window_start: i64,
) -> StoreResult<bool> {
    match candidate.room {
        Room::Unlimited => Ok(true),
        Room::Devices(limit) => {
            // `item_seats` counts every row (kept by triggers); rows past their removal time that the
            // sweeper has not deleted yet are a short range of `devices_item`. The device's own row is
            // never among the live seats here: a device holding a live seat on this item keeps it without
            // a room check, and an expired own row is subtracted with the other expired ones.
            let seated: i64 = sqlx::query_scalar(
                "SELECT COALESCE((SELECT n FROM item_seats WHERE item_id = ?1), 0)
                      - (SELECT COUNT(*) FROM devices WHERE item_id = ?1 AND expires_at <= ?2)",
            )
            .bind(&candidate.item_id)
            .bind(now)
            .fetch_one(conn)
            .await
            .map_err(db)?;
            Ok(seated < limit)
        }
        Room::Concurrent(limit) => {
            concurrent_room(
                conn,
                &candidate.item_id,
                handshake,
                uuid,
                window_start,
                limit,
            )
            .await
        }
        Room::Units(limit) => {
            let used: i64 = sqlx::query_scalar(
                "SELECT COALESCE((SELECT units FROM item_usage WHERE item_id = ?), 0)",
            )
            .bind(&candidate.item_id)
            .fetch_one(conn)
            .await
            .map_err(db)?;
            Ok(used < limit)
        }
    }
}

/// Whether the concurrent window admits the device (see [`sql::CONCURRENT_WINDOW`]).
async fn concurrent_room(
    conn: &mut SqliteConnection,
    item_id: &str,
    handshake: &str,
    uuid: &str,
    window_start: i64,
    limit: i64,
) -> StoreResult<bool> {
    let (active, me, ahead): (i64, i64, i64) = sqlx::query_as(sql::CONCURRENT_WINDOW)
        .bind(item_id)
        .bind(handshake)
        .bind(uuid)
        .bind(window_start)
        .fetch_one(conn)
        .await
        .map_err(db)?;
    Ok(window_admits(active, me > 0, ahead, limit))
}

/// Seats the device on the first candidate with room, inside the caller's transaction (the group writer's).
async fn seat_in(tx: &mut SqliteConnection, req: &SeatRequest) -> StoreResult<SeatOutcome> {
    let existing =
        sqlx::query("SELECT item_id, expires_at FROM devices WHERE handshake = ? AND uuid = ?")
            .bind(&req.handshake)
            .bind(&req.uuid)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
    let current: Option<(String, i64)> = match existing {
        Some(row) => Some((
            row.try_get("item_id").map_err(db)?,
            row.try_get("expires_at").map_err(db)?,
        )),
        None => None,
    };
    // A device seated on an item that can still serve it keeps that item.
    let mut order: Vec<&SeatCandidate> = Vec::with_capacity(req.candidates.len());
    if let Some((item_id, expires_at)) = &current
        && *expires_at > req.now
        && let Some(c) = req.candidates.iter().find(|c| &c.item_id == item_id)
    {
        order.push(c);
    }
    let kept = order.first().map(|c| c.item_id.clone());
    order.extend(
        req.candidates
            .iter()
            .filter(|c| Some(&c.item_id) != kept.as_ref()),
    );
    for candidate in order {
        let keeps_seat = current
            .as_ref()
            .is_some_and(|(item, exp)| *item == candidate.item_id && *exp > req.now);
        let room = match candidate.room {
            // Holding a device seat is enough; concurrent and unit limits apply to every request.
            Room::Devices(_) if keeps_seat => true,
            _ => {
                has_room(
                    tx,
                    candidate,
                    &req.handshake,
                    &req.uuid,
                    req.now,
                    req.window_start,
                )
                .await?
            }
        };
        if !room {
            continue;
        }
        sqlx::query(
            "INSERT INTO devices (handshake, uuid, item_id, platform, domain, name, first_seen, last_seen, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)
             ON CONFLICT (handshake, uuid) DO UPDATE SET
                item_id = excluded.item_id, platform = excluded.platform,
                domain = COALESCE(excluded.domain, devices.domain), name = COALESCE(excluded.name, devices.name),
                last_seen = excluded.last_seen, expires_at = excluded.expires_at,
                concurrent_seen_at = CASE WHEN devices.item_id = excluded.item_id
                                          THEN devices.concurrent_seen_at END,
                concurrent_since = CASE WHEN devices.item_id = excluded.item_id
                                        THEN devices.concurrent_since END",
        )
        .bind(&req.handshake)
        .bind(&req.uuid)
        .bind(&candidate.item_id)
        .bind(&req.platform)
        .bind(&req.domain)
        .bind(&req.name)
        .bind(req.now)
        .bind(candidate.seat_expires_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(sql::UPSERT_GRANT)
            .bind(&req.handshake)
            .bind(&req.uuid)
            .bind(&candidate.item_id)
            .bind(&candidate.option)
            .bind(req.now)
            .bind(candidate.token_expires_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        return Ok(SeatOutcome::Seated {
            item_id: candidate.item_id.clone(),
            expires_at: candidate.seat_expires_at,
            new: !keeps_seat,
        });
    }
    Ok(SeatOutcome::Full)
}

/// Stores a batch of usage reports inside the caller's transaction: a few multi-row statements for the
/// whole batch (reports, then their counts), whatever its size; then each item's units, and the seat.
async fn usage_in(tx: &mut SqliteConnection, batch: &UsageBatch) -> StoreResult<UsageOutcome> {
    let mut totals: HashMap<&str, (i64, i64)> = HashMap::with_capacity(batch.reports.len());
    for r in &batch.reports {
        totals.insert(&r.id, (total(&r.scans)?, total(&r.pages)?));
    }
    // Report ids are unique within a batch (validated), so the returned ids tell which were new.
    let mut inserted: HashMap<String, i64> = HashMap::with_capacity(batch.reports.len());
    for chunk in batch.reports.chunks(REPORTS_PER_STATEMENT) {
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT INTO usage_reports (id, handshake, uuid, item_id, at, received_at, scans, pages) ",
        );
        insert.push_values(chunk, |mut row, report| {
            row.push_bind(&report.id)
                .push_bind(&batch.handshake)
                .push_bind(&batch.uuid)
                .push_bind(&report.item_id)
                .push_bind(report.at)
                .push_bind(batch.now)
                .push_bind(totals[report.id.as_str()].0)
                .push_bind(totals[report.id.as_str()].1);
        });
        insert.push(" ON CONFLICT (handshake, uuid, id) DO NOTHING RETURNING id, rid");
        let rows: Vec<(String, i64)> = insert
            .build_query_as()
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        inserted.extend(rows);
    }
    let counts: Vec<(i64, &str, &String, i64)> = batch
        .reports
        .iter()
        .filter_map(|r| inserted.get(&r.id).map(|rid| (*rid, r)))
        .flat_map(|(rid, r)| {
            let scans = r.scans.iter().map(move |(n, c)| (rid, "scan", n, *c));
            let pages = r.pages.iter().map(move |(n, c)| (rid, "page", n, *c));
            scans.chain(pages)
        })
        .collect();
    for chunk in counts.chunks(COUNTS_PER_STATEMENT) {
        let mut insert =
            QueryBuilder::<Sqlite>::new("INSERT INTO usage_counts (report_id, kind, name, count) ");
        insert.push_values(chunk, |mut row, (rid, kind, name, count)| {
            row.push_bind(*rid)
                .push_bind(*kind)
                .push_bind(*name)
                .push_bind(*count);
        });
        insert.build().execute(&mut *tx).await.map_err(db)?;
    }
    let new_reports = batch
        .reports
        .iter()
        .filter(|r| inserted.contains_key(&r.id));
    for (item_id, units) in units_per_item(new_reports, |r| totals[r.id.as_str()])? {
        sqlx::query(sql::ADD_UNITS)
            .bind(item_id)
            .bind(units)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
    }
    if let Some(refresh) = &batch.refresh {
        let done = sqlx::query(sql::REFRESH_SEAT)
            .bind(batch.now)
            .bind(refresh.seat_expires_at)
            .bind(refresh.window_start.is_some())
            .bind(&batch.handshake)
            .bind(&batch.uuid)
            .bind(&refresh.item_id)
            .bind(refresh.window_start)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if let (Some(window_start), 1) = (refresh.window_start, done.rows_affected()) {
            let active: i64 = sqlx::query_scalar(sql::CONCURRENT_ACTIVE)
                .bind(&refresh.item_id)
                .bind(window_start)
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?;
            sqlx::query(sql::RAISE_PEAK)
                .bind(&refresh.item_id)
                .bind(batch.now.div_euclid(86_400))
                .bind(active)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
    }
    Ok(UsageOutcome {
        accepted: inserted.len(),
        duplicates: batch.reports.len() - inserted.len(),
    })
}

fn total(counts: &[(String, i64)]) -> StoreResult<i64> {
    checked_total(counts.iter().map(|(_, n)| *n)).ok_or_else(overflow)
}

/// The config generation and the device's row in one statement, outside any write transaction.
async fn lookup(pool: &sqlx::SqlitePool, handshake: &str, uuid: &str) -> StoreResult<DeviceLookup> {
    let row = sqlx::query(
        "SELECT g.n, d.item_id, d.expires_at, d.platform, d.domain, d.name, d.last_seen, d.first_seen
         FROM config_generation g
         LEFT JOIN devices d ON d.handshake = ?1 AND d.uuid = ?2 WHERE g.id = 1",
    )
    .bind(handshake)
    .bind(uuid)
    .fetch_one(pool)
    .await
    .map_err(db)?;
    DeviceLookup::from_row(&row).map_err(db)
}

#[async_trait]
impl DeviceStore for SqliteStore {
    async fn seat_device(&self, req: SeatRequest) -> StoreResult<SeatOutcome> {
        if !req.fresh_checked {
            let found = lookup(self.pool(), &req.handshake, &req.uuid).await?;
            if let Some(outcome) = found.seat.as_ref().and_then(|r| fresh_seat(r, &req)) {
                return Ok(outcome);
            }
        }
        // Reads, then one upsert: atomic without a savepoint.
        self.writer
            .run(self.pool(), false, move |conn| {
                job(async move { seat_in(conn, &req).await })
            })
            .await
    }

    async fn device_lookup(&self, handshake: &str, uuid: &str) -> StoreResult<DeviceLookup> {
        lookup(self.pool(), handshake, uuid).await
    }

    async fn get_seat(&self, handshake: &str, uuid: &str) -> StoreResult<Option<Seat>> {
        let row =
            sqlx::query("SELECT item_id, expires_at FROM devices WHERE handshake = ? AND uuid = ?")
                .bind(handshake)
                .bind(uuid)
                .fetch_optional(self.pool())
                .await
                .map_err(db)?;
        match row {
            Some(row) => Ok(Some(Seat {
                item_id: row.try_get("item_id").map_err(db)?,
                expires_at: row.try_get("expires_at").map_err(db)?,
            })),
            None => Ok(None),
        }
    }

    async fn device_grants(&self, handshake: &str, uuid: &str) -> StoreResult<Vec<GrantRow>> {
        let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(sql::DEVICE_GRANTS)
            .bind(handshake)
            .bind(uuid)
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        Ok(rows.into_iter().map(grant_row).collect())
    }

    async fn record_usage(&self, batch: UsageBatch) -> StoreResult<UsageOutcome> {
        self.writer
            .run(self.pool(), true, move |conn| {
                job(async move { usage_in(conn, &batch).await })
            })
            .await
    }

    async fn sweep(&self, now: i64, trigger: &str) -> StoreResult<SweepRecord> {
        let mut tx = self.write_tx().await?;
        let removed = sqlx::query("DELETE FROM devices WHERE expires_at <= ?")
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected() as i64;
        sqlx::query(sql::PRUNE_GRANTS)
            .bind(grants_ran_out_before(now))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let finished_at = now;
        sqlx::query(
            "INSERT INTO sweeps (started_at, finished_at, removed, trigger) VALUES (?, ?, ?, ?)",
        )
        .bind(now)
        .bind(finished_at)
        .bind(removed)
        .bind(trigger)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(SweepRecord {
            started_at: now,
            finished_at,
            removed,
            trigger: trigger.to_string(),
        })
    }

    async fn last_sweep(&self) -> StoreResult<Option<SweepRecord>> {
        let row = sqlx::query(
            "SELECT started_at, finished_at, removed, trigger FROM sweeps ORDER BY id DESC LIMIT 1",
        )
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        match row {
            Some(row) => Ok(Some(SweepRecord {
                started_at: row.try_get("started_at").map_err(db)?,
                finished_at: row.try_get("finished_at").map_err(db)?,
                removed: row.try_get("removed").map_err(db)?,
                trigger: row.try_get("trigger").map_err(db)?,
            })),
            None => Ok(None),
        }
    }

    async fn has_concurrent_items(&self) -> StoreResult<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM handshake_items hi JOIN items i ON i.id = hi.item_id
             WHERE i.option = 'per-concurrent-device'",
        )
        .fetch_one(self.pool())
        .await
        .map_err(db)?;
        Ok(n > 0)
    }
}
