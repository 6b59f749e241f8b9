//! Seats, usage reports and sweeps in the PostgreSQL store.
//!
//! SQLite's single writer makes "count, then insert" safe there; here several instances may seat devices
//! on one database at once, so each operation first locks the rows of the items whose room it counts
//! (`FOR NO KEY UPDATE`, sorted by id: no two requests can wait on each other crosswise), then the device's
//! own row. At READ COMMITTED every statement after the lock sees all that was committed before it was
//! granted, so the counts are exact and no limit is exceeded.

use async_trait::async_trait;
use sqlx::{PgConnection, Row};

use super::{PgStore, TxResult, db};
use crate::domain::usage::checked_total;
use crate::store::seats::{grant_row, grants_ran_out_before, units_per_item, window_admits};
use crate::store::{
    DeviceLookup, DeviceStore, GrantRow, Room, Seat, SeatCandidate, SeatOutcome, SeatRequest,
    StoreResult, SweepRecord, UsageBatch, UsageOutcome, fresh_seat, sql,
    usage_overflow as overflow,
};

/// Key of the transaction-scoped advisory lock one sweeper holds at a time ("ltsSWEEP").
const SWEEP_LOCK: i64 = 0x6c74_7353_5745_4550;

/// Locks the rows of these items, in id order, until the transaction ends.
async fn lock_items(conn: &mut PgConnection, mut ids: Vec<String>) -> TxResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    ids.sort();
    ids.dedup();
    sqlx::query("SELECT id FROM items WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE")
        .bind(&ids)
        .fetch_all(conn)
        .await?;
    Ok(())
}

/// Whether `candidate` has room for one more device (or unit) besides `uuid`.
async fn has_room(
    conn: &mut PgConnection,
    candidate: &SeatCandidate,
    handshake: &str,
    uuid: &str,
    now: i64,
    window_start: i64,
) -> TxResult<bool> {
    match candidate.room {
        Room::Unlimited => Ok(true),
        Room::Devices(limit) => {
            let seated: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM devices WHERE item_id = $1 AND expires_at > $2
                   AND NOT (handshake = $3 AND uuid = $4)",
            )
            .bind(&candidate.item_id)
            .bind(now)
            .bind(handshake)
            .bind(uuid)
            .fetch_one(conn)
            .await?;
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
                "SELECT COALESCE((SELECT units FROM item_usage WHERE item_id = $1), 0::bigint)",
            )
            .bind(&candidate.item_id)
            .fetch_one(conn)
            .await?;
            Ok(used < limit)
        }
    }
}

/// Whether the concurrent window admits the device (see [`sql::CONCURRENT_WINDOW`]).
async fn concurrent_room(
    conn: &mut PgConnection,
    item_id: &str,
    handshake: &str,
    uuid: &str,
    window_start: i64,
    limit: i64,
) -> TxResult<bool> {
    let (active, me, ahead): (i64, i64, i64) = sqlx::query_as(sql::CONCURRENT_WINDOW)
        .bind(item_id)
        .bind(handshake)
        .bind(uuid)
        .bind(window_start)
        .fetch_one(conn)
        .await?;
    Ok(window_admits(active, me > 0, ahead, limit))
}

impl PgStore {
    async fn seat_device_tx(&self, req: &SeatRequest) -> TxResult<SeatOutcome> {
        let mut tx = self.tx().await?;
        // Every limited candidate is locked before anything is counted; unlimited ones need no lock.
        let limited = req
            .candidates
            .iter()
            .filter(|c| c.room != Room::Unlimited)
            .map(|c| c.item_id.clone())
            .collect();
        lock_items(&mut tx, limited).await?;
        let existing = sqlx::query(
            "SELECT item_id, expires_at FROM devices WHERE handshake = $1 AND uuid = $2 FOR UPDATE",
        )
        .bind(&req.handshake)
        .bind(&req.uuid)
        .fetch_optional(&mut *tx)
        .await?;
        let current: Option<(String, i64)> = match existing {
            Some(row) => Some((row.try_get("item_id")?, row.try_get("expires_at")?)),
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
                        &mut tx,
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
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)
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
            .await?;
            sqlx::query(sql::UPSERT_GRANT)
                .bind(&req.handshake)
                .bind(&req.uuid)
                .bind(&candidate.item_id)
                .bind(&candidate.option)
                .bind(req.now)
                .bind(candidate.token_expires_at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            return Ok(SeatOutcome::Seated {
                item_id: candidate.item_id.clone(),
                expires_at: candidate.seat_expires_at,
                new: !keeps_seat,
            });
        }
        Ok(SeatOutcome::Full)
    }

    async fn record_usage_tx(&self, batch: &UsageBatch) -> TxResult<UsageOutcome> {
        let mut tx = self.tx().await?;
        let concurrent = batch.refresh.as_ref().filter(|r| r.window_start.is_some());
        if let Some(refresh) = concurrent {
            // The window is counted below: lock the item as seat_device does.
            lock_items(&mut tx, vec![refresh.item_id.clone()]).await?;
        }
        let (mut accepted, mut duplicates) = (0usize, 0usize);
        let total = |counts: &[(String, i64)]| {
            checked_total(counts.iter().map(|(_, n)| *n)).ok_or_else(overflow)
        };
        let mut totals = std::collections::HashMap::with_capacity(batch.reports.len());
        let mut new_reports = Vec::with_capacity(batch.reports.len());
        for report in &batch.reports {
            let (scans, pages) = (total(&report.scans)?, total(&report.pages)?);
            totals.insert(report.id.as_str(), (scans, pages));
            let rid: Option<i64> = sqlx::query_scalar(
                "INSERT INTO usage_reports (id, handshake, uuid, item_id, at, received_at, scans, pages)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (handshake, uuid, id) DO NOTHING RETURNING rid",
            )
            .bind(&report.id)
            .bind(&batch.handshake)
            .bind(&batch.uuid)
            .bind(&report.item_id)
            .bind(report.at)
            .bind(batch.now)
            .bind(scans)
            .bind(pages)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(rid) = rid else {
                duplicates += 1;
                continue;
            };
            accepted += 1;
            new_reports.push(report);
            for (kind, counts) in [("scan", &report.scans), ("page", &report.pages)] {
                for (name, count) in counts {
                    sqlx::query(
                        "INSERT INTO usage_counts (report_id, kind, name, count) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(rid)
                    .bind(kind)
                    .bind(name)
                    .bind(count)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        for (item_id, units) in units_per_item(new_reports.into_iter(), |r| totals[r.id.as_str()])?
        {
            sqlx::query(sql::ADD_UNITS)
                .bind(item_id)
                .bind(units)
                .execute(&mut *tx)
                .await?;
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
                .await?;
            if let (Some(window_start), 1) = (refresh.window_start, done.rows_affected()) {
                let active: i64 = sqlx::query_scalar(sql::CONCURRENT_ACTIVE)
                    .bind(&refresh.item_id)
                    .bind(window_start)
                    .fetch_one(&mut *tx)
                    .await?;
                sqlx::query(sql::RAISE_PEAK)
                    .bind(&refresh.item_id)
                    .bind(batch.now.div_euclid(86_400))
                    .bind(active)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(UsageOutcome {
            accepted,
            duplicates,
        })
    }

    async fn sweep_tx(&self, now: i64, trigger: &str) -> TxResult<SweepRecord> {
        let mut tx = self.tx().await?;
        // One sweeper at a time across instances; the lock goes with the transaction.
        let mine: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
            .bind(SWEEP_LOCK)
            .fetch_one(&mut *tx)
            .await?;
        if !mine {
            // Another instance is sweeping right now: nothing removed and no run recorded, so the
            // sweeps table counts each real run once.
            return Ok(SweepRecord {
                started_at: now,
                finished_at: now,
                removed: 0,
                trigger: format!("{trigger}:skipped"),
            });
        }
        let removed = sqlx::query("DELETE FROM devices WHERE expires_at <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected() as i64;
        sqlx::query(sql::PRUNE_GRANTS)
            .bind(grants_ran_out_before(now))
            .execute(&mut *tx)
            .await?;
        let finished_at = chrono::Utc::now().timestamp().max(now);
        sqlx::query(
            "INSERT INTO sweeps (started_at, finished_at, removed, trigger) VALUES ($1, $2, $3, $4)",
        )
        .bind(now)
        .bind(finished_at)
        .bind(removed)
        .bind(trigger)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(SweepRecord {
            started_at: now,
            finished_at,
            removed,
            trigger: trigger.to_string(),
        })
    }
}

/// The config generation and the device's row in one statement, outside any write transaction.
async fn lookup(pool: &sqlx::PgPool, handshake: &str, uuid: &str) -> StoreResult<DeviceLookup> {
    let row = sqlx::query(
        "SELECT g.n, d.item_id, d.expires_at, d.platform, d.domain, d.name, d.last_seen, d.first_seen
         FROM config_generation g
         LEFT JOIN devices d ON d.handshake = $1 AND d.uuid = $2 WHERE g.id = 1",
    )
    .bind(handshake)
    .bind(uuid)
    .fetch_one(pool)
    .await
    .map_err(db)?;
    DeviceLookup::from_row(&row).map_err(db)
}

#[async_trait]
impl DeviceStore for PgStore {
    async fn seat_device(&self, req: SeatRequest) -> StoreResult<SeatOutcome> {
        if !req.fresh_checked {
            let found = lookup(self.pool(), &req.handshake, &req.uuid).await?;
            if let Some(outcome) = found.seat.as_ref().and_then(|r| fresh_seat(r, &req)) {
                return Ok(outcome);
            }
        }
        self.retrying(|| self.seat_device_tx(&req)).await
    }

    async fn device_lookup(&self, handshake: &str, uuid: &str) -> StoreResult<DeviceLookup> {
        lookup(self.pool(), handshake, uuid).await
    }

    async fn get_seat(&self, handshake: &str, uuid: &str) -> StoreResult<Option<Seat>> {
        let row = sqlx::query(
            "SELECT item_id, expires_at FROM devices WHERE handshake = $1 AND uuid = $2",
        )
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
        self.retrying(|| self.record_usage_tx(&batch)).await
    }

    async fn sweep(&self, now: i64, trigger: &str) -> StoreResult<SweepRecord> {
        self.retrying(|| self.sweep_tx(now, trigger)).await
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
