//! `ltsctl seed`'s devices, made by SQLite itself: one `INSERT … SELECT` over a counter per batch, instead
//! of one statement (and two thread hand-offs) per device. The rows are the same as before: device `i` is
//! `seed-{i:010}`, inactive (91-400 days) when `i % 100 < inactive_percent`, else seen in the last 30 days.

use super::SqliteStore;
use crate::store::{StoreError, StoreResult};

/// Devices `$1 ..< $2` through code `$5` on item `$6`, at time `$3`, `$4` percent of them inactive.
/// `WHERE true` keeps SQLite from reading `ON CONFLICT` as a join constraint of the `SELECT`.
const SEED: &str = "WITH RECURSIVE n(i) AS (SELECT $1 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $2),
     s(i, last_seen) AS (
       SELECT i, $3 - (CASE WHEN i % 100 < $4 THEN 91 + i % 310 ELSE i % 30 END) * 86400 - i % 86400
       FROM n)
     INSERT INTO devices (handshake, uuid, item_id, platform, domain, name, first_seen, last_seen,
       expires_at, checked_out_until)
     SELECT $5, printf('seed-%010d', i), $6,
       CASE i % 5 WHEN 0 THEN 'desktop' WHEN 1 THEN 'mobile' WHEN 2 THEN 'web' WHEN 3 THEN 'embedded'
                  ELSE 'server' END,
       NULL, 'host-' || (i % 9973), last_seen - 30 * 86400, last_seen, last_seen + 365 * 86400, NULL
     FROM s WHERE true
     ON CONFLICT DO NOTHING";

impl SqliteStore {
    /// Seats seed devices `start ..< end` in one transaction (see the module doc).
    pub async fn seed_devices(
        &self,
        handshake: &str,
        item_id: &str,
        range: std::ops::Range<u64>,
        now: i64,
        inactive_percent: u8,
    ) -> StoreResult<()> {
        let (start, end) = (to_i64(range.start)?, to_i64(range.end)?);
        if start >= end {
            return Ok(());
        }
        let mut tx = self.write_tx().await?;
        let added = sqlx::query(SEED)
            .bind(start)
            .bind(end)
            .bind(now)
            .bind(i64::from(inactive_percent))
            .bind(handshake)
            .bind(item_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if added != (end - start) as u64 {
            return Err(StoreError::Conflict(format!(
                "{} of the seed devices {start}..{end} are already seated through {handshake}; \
                 seed an empty data dir",
                (end - start) as u64 - added
            )));
        }
        crate::store::backend::Commit::commit(tx).await
    }
}

fn to_i64(n: u64) -> StoreResult<i64> {
    i64::try_from(n).map_err(|_| StoreError::Invalid(format!("{n} devices: too many to seed")))
}
