//! Devices at scale in the PostgreSQL store: keyset-paginated listing (flat memory over millions of rows),
//! bulk unregistering in bounded transactions, and usage statistics.
//!
//! Every statement is a static string: the sort key picks one of a fixed set of queries, filters are bound
//! parameters.

use async_trait::async_trait;
use sqlx::Row;
use sqlx::postgres::{PgArguments, PgRow};

use super::{PgStore, TxResult, db, sql_limit};
use crate::store::{
    DeviceCursor, DeviceFilter, DeviceRow, DeviceSort, DeviceState, DeviceUsage, FleetStore,
    StoreError, StoreResult, UsageFilter, UsageGroup, UsageGrouping,
};

/// The filters every listing, count and bulk delete shares (parameters $1-$5). The `COALESCE` term
/// repeats the idle filter as an index range bound the planner can use (a generic plan cannot use the
/// `IS NULL OR` form).
macro_rules! device_filter {
    () => {
        " FROM devices WHERE ($1::text IS NULL OR handshake = $1) AND ($2::text IS NULL OR item_id = $2)
          AND ($3::bigint IS NULL OR last_seen < $3) AND last_seen < COALESCE($3::bigint, 9223372036854775807)
          AND ($4 = 0 OR ($4 = 1 AND expires_at > $5) OR ($4 = 2 AND expires_at <= $5)) "
    };
}

macro_rules! list_query {
    ($tail:literal) => {
        concat!(
            "SELECT uuid, handshake, item_id, platform, domain, name, first_seen, last_seen, expires_at",
            device_filter!(),
            $tail
        )
    };
}

const COLUMNS: &str =
    "SELECT uuid, handshake, item_id, platform, domain, name, first_seen, last_seen, expires_at";

/// The listing for a sort key: without a cursor the limit is `$6`; after one, the cursor is `$6`-`$8`
/// (`$6`-`$7` by UUID) and the limit follows it.
fn list_sql(sort: DeviceSort, after: bool) -> &'static str {
    match (sort, after) {
        (DeviceSort::LastSeen, false) => {
            list_query!("ORDER BY last_seen, handshake, uuid LIMIT $6")
        }
        (DeviceSort::LastSeen, true) => list_query!(
            "AND (last_seen, handshake, uuid) > ($6, $7, $8) ORDER BY last_seen, handshake, uuid LIMIT $9"
        ),
        (DeviceSort::FirstSeen, false) => {
            list_query!("ORDER BY first_seen, handshake, uuid LIMIT $6")
        }
        (DeviceSort::FirstSeen, true) => list_query!(
            "AND (first_seen, handshake, uuid) > ($6, $7, $8) ORDER BY first_seen, handshake, uuid LIMIT $9"
        ),
        (DeviceSort::Uuid, false) => list_query!("ORDER BY uuid, handshake LIMIT $6"),
        (DeviceSort::Uuid, true) => {
            list_query!("AND (uuid, handshake) > ($6, $7) ORDER BY uuid, handshake LIMIT $8")
        }
    }
}

fn state_code(s: DeviceState) -> i64 {
    match s {
        DeviceState::All => 0,
        DeviceState::Active => 1,
        DeviceState::Expired => 2,
    }
}

type PgQuery<'q> = sqlx::query::Query<'q, sqlx::Postgres, PgArguments>;

fn bind_filter<'q>(q: PgQuery<'q>, f: &'q DeviceFilter) -> PgQuery<'q> {
    q.bind(f.handshake.as_deref())
        .bind(f.item.as_deref())
        .bind(f.last_seen_before)
        .bind(state_code(f.state))
        .bind(f.now)
}

pub(super) fn device_row(row: &PgRow) -> StoreResult<DeviceRow> {
    Ok(DeviceRow {
        uuid: row.try_get("uuid").map_err(db)?,
        handshake: row.try_get("handshake").map_err(db)?,
        item_id: row.try_get("item_id").map_err(db)?,
        platform: row.try_get("platform").map_err(db)?,
        domain: row.try_get("domain").map_err(db)?,
        name: row.try_get("name").map_err(db)?,
        first_seen: row.try_get("first_seen").map_err(db)?,
        last_seen: row.try_get("last_seen").map_err(db)?,
        expires_at: row.try_get("expires_at").map_err(db)?,
    })
}

/// Statistics over usage reports, by grouping; the filters are `$1`-`$3`.
fn usage_sql(by: UsageGrouping) -> &'static str {
    macro_rules! filter {
        () => {
            " WHERE ($1::text IS NULL OR r.handshake = $1) AND ($2::text IS NULL OR r.item_id = $2)
              AND ($3::bigint IS NULL OR r.at >= $3) "
        };
    }
    match by {
        UsageGrouping::Day => concat!(
            "SELECT to_char(to_timestamp(r.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS k,
                    SUM(r.scans)::bigint AS scans, SUM(r.pages)::bigint AS pages,
                    COUNT(*) AS reports, COUNT(DISTINCT r.uuid) AS devices FROM usage_reports r",
            filter!(),
            "GROUP BY k ORDER BY k"
        ),
        UsageGrouping::Item => concat!(
            "SELECT r.item_id AS k, SUM(r.scans)::bigint AS scans, SUM(r.pages)::bigint AS pages,
                    COUNT(*) AS reports, COUNT(DISTINCT r.uuid) AS devices FROM usage_reports r",
            filter!(),
            "GROUP BY k ORDER BY k"
        ),
        UsageGrouping::Symbology => concat!(
            "SELECT c.name AS k, SUM(c.count)::bigint AS scans, 0::bigint AS pages,
                    COUNT(DISTINCT r.rid) AS reports, COUNT(DISTINCT r.uuid) AS devices
             FROM usage_reports r JOIN usage_counts c ON c.report_id = r.rid AND c.kind = 'scan'",
            filter!(),
            "GROUP BY k ORDER BY scans DESC, k"
        ),
        UsageGrouping::Module => concat!(
            "SELECT c.name AS k, 0::bigint AS scans, SUM(c.count)::bigint AS pages,
                    COUNT(DISTINCT r.rid) AS reports, COUNT(DISTINCT r.uuid) AS devices
             FROM usage_reports r JOIN usage_counts c ON c.report_id = r.rid AND c.kind = 'page'",
            filter!(),
            "GROUP BY k ORDER BY pages DESC, k"
        ),
    }
}

impl PgStore {
    async fn unregister_devices_tx(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
    ) -> TxResult<Vec<String>> {
        let mut tx = self.tx().await?;
        let mut missing = Vec::new();
        for uuid in uuids {
            let done = sqlx::query(
                "DELETE FROM devices WHERE uuid = $1 AND ($2::text IS NULL OR handshake = $2)",
            )
            .bind(uuid)
            .bind(handshake)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                missing.push(uuid.clone());
            }
        }
        tx.commit().await?;
        Ok(missing)
    }

    async fn unregister_matching_tx(&self, filter: &DeviceFilter, batch: i64) -> TxResult<i64> {
        let mut tx = self.tx().await?;
        let q = bind_filter(
            sqlx::query(concat!(
                "DELETE FROM devices WHERE (handshake, uuid) IN (SELECT handshake, uuid",
                device_filter!(),
                "LIMIT $6)"
            )),
            filter,
        );
        let removed = q
            .bind(sql_limit(batch))
            .execute(&mut *tx)
            .await?
            .rows_affected() as i64;
        tx.commit().await?;
        Ok(removed)
    }

    async fn insert_devices_tx(&self, rows: &[DeviceRow]) -> TxResult<()> {
        let mut tx = self.tx().await?;
        for r in rows {
            let done = sqlx::query(
                "INSERT INTO devices (handshake, uuid, item_id, platform, domain, name, first_seen, last_seen, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
            )
            .bind(&r.handshake)
            .bind(&r.uuid)
            .bind(&r.item_id)
            .bind(&r.platform)
            .bind(&r.domain)
            .bind(&r.name)
            .bind(r.first_seen)
            .bind(r.last_seen)
            .bind(r.expires_at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Conflict(format!(
                    "device {} is already seated through {}",
                    r.uuid, r.handshake
                ))
                .into());
            }
        }
        Ok(tx.commit().await?)
    }
}

#[async_trait]
impl FleetStore for PgStore {
    async fn list_devices(
        &self,
        filter: &DeviceFilter,
        sort: DeviceSort,
        after: Option<&DeviceCursor>,
        limit: i64,
    ) -> StoreResult<Vec<DeviceRow>> {
        let mut q = bind_filter(sqlx::query(list_sql(sort, after.is_some())), filter);
        q = match (after, sort) {
            (Some(c), DeviceSort::Uuid) => q.bind(c.key.clone()).bind(c.handshake.clone()),
            (Some(c), _) => q
                .bind(c.key.parse::<i64>().unwrap_or(i64::MIN))
                .bind(c.handshake.clone())
                .bind(c.uuid.clone()),
            (None, _) => q,
        };
        let rows = q
            .bind(sql_limit(limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(device_row).collect()
    }

    async fn count_devices(&self, filter: &DeviceFilter) -> StoreResult<i64> {
        let q = bind_filter(
            sqlx::query(concat!("SELECT COUNT(*) AS n", device_filter!())),
            filter,
        );
        let row = q.fetch_one(self.pool()).await.map_err(db)?;
        row.try_get("n").map_err(db)
    }

    async fn device_seats(&self, uuid: &str) -> StoreResult<Vec<DeviceRow>> {
        let sql = format!("{COLUMNS} FROM devices WHERE uuid = $1 ORDER BY handshake");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(uuid)
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(device_row).collect()
    }

    async fn device_usage(&self, uuid: &str) -> StoreResult<DeviceUsage> {
        let head = sqlx::query(
            "SELECT COUNT(*) AS n, MIN(at) AS first, MAX(at) AS last FROM usage_reports WHERE uuid = $1",
        )
        .bind(uuid)
        .fetch_one(self.pool())
        .await
        .map_err(db)?;
        // Ties in the total are ordered by name (SQLite leaves their order unspecified).
        let counts = sqlx::query(
            "SELECT c.kind, c.name, SUM(c.count)::bigint AS total FROM usage_reports r
             JOIN usage_counts c ON c.report_id = r.rid WHERE r.uuid = $1
             GROUP BY c.kind, c.name ORDER BY total DESC, c.kind, c.name",
        )
        .bind(uuid)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut usage = DeviceUsage {
            reports: head.try_get("n").map_err(db)?,
            first_report: head.try_get("first").map_err(db)?,
            last_report: head.try_get("last").map_err(db)?,
            ..Default::default()
        };
        for row in &counts {
            let kind: String = row.try_get("kind").map_err(db)?;
            let entry = (
                row.try_get("name").map_err(db)?,
                row.try_get("total").map_err(db)?,
            );
            if kind == "scan" {
                usage.scans.push(entry)
            } else {
                usage.pages.push(entry)
            }
        }
        Ok(usage)
    }

    async fn unregister_devices(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
    ) -> StoreResult<Vec<String>> {
        self.retrying(|| self.unregister_devices_tx(uuids, handshake))
            .await
    }

    async fn unregister_matching(&self, filter: &DeviceFilter, batch: i64) -> StoreResult<i64> {
        self.retrying(|| self.unregister_matching_tx(filter, batch))
            .await
    }

    async fn usage_groups(
        &self,
        filter: &UsageFilter,
        by: UsageGrouping,
    ) -> StoreResult<Vec<UsageGroup>> {
        let rows = sqlx::query(usage_sql(by))
            .bind(filter.handshake.as_deref())
            .bind(filter.item.as_deref())
            .bind(filter.since)
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok(UsageGroup {
                    key: row.try_get("k").map_err(db)?,
                    scans: row
                        .try_get::<Option<i64>, _>("scans")
                        .map_err(db)?
                        .unwrap_or(0),
                    pages: row
                        .try_get::<Option<i64>, _>("pages")
                        .map_err(db)?
                        .unwrap_or(0),
                    reports: row.try_get("reports").map_err(db)?,
                    devices: row.try_get("devices").map_err(db)?,
                })
            })
            .collect()
    }

    async fn concurrent_peak(&self, item_id: &str, since: Option<i64>) -> StoreResult<i64> {
        sqlx::query_scalar(crate::store::sql::CONCURRENT_PEAK)
            .bind(item_id)
            .bind(crate::store::first_day(since))
            .fetch_one(self.pool())
            .await
            .map_err(db)
    }

    async fn insert_devices(&self, rows: &[DeviceRow]) -> StoreResult<()> {
        self.retrying(|| self.insert_devices_tx(rows)).await
    }
}
