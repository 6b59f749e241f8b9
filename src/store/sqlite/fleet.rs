//! Devices at scale in the embedded store: keyset-paginated listing (flat memory over millions of rows),
//! bulk unregistering in bounded transactions, and usage statistics.
//!
//! Every statement is a static string: the sort key picks one of a fixed set of queries, filters are bound
//! parameters.

use async_trait::async_trait;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::{SqliteStore, db};
use crate::store::{
    DeviceCursor, DeviceFilter, DeviceRow, DeviceSort, DeviceState, DeviceUsage, FleetStore,
    StoreResult, UsageFilter, UsageGroup, UsageGrouping,
};

/// Columns, then the filters every listing, count and bulk delete shares (parameters ?1-?5). The
/// `last_seen < COALESCE(?3, max)` term repeats the idle filter in a form SQLite's planner can use as the
/// upper bound of a `devices_last_seen` range: without it the last page of an `--inactive-for` listing,
/// the count and every bulk-delete batch scan the whole index past the cutoff.
macro_rules! device_query {
    ($head:literal, $tail:literal) => {
        concat!(
            $head,
            " FROM devices WHERE (?1 IS NULL OR handshake = ?1) AND (?2 IS NULL OR item_id = ?2)
              AND (?3 IS NULL OR last_seen < ?3) AND last_seen < COALESCE(?3, 9223372036854775807)
              AND (?4 = 0 OR (?4 = 1 AND expires_at > ?5) OR (?4 = 2 AND expires_at <= ?5)) ",
            $tail
        )
    };
}

const COLUMNS: &str =
    "SELECT uuid, handshake, item_id, platform, domain, name, first_seen, last_seen, expires_at";

/// The keyset listing for a sort key (cursor ?6-?8, limit ?9), selecting `$head`, between `$pre` and `$post`.
macro_rules! listing {
    ($pre:literal, $head:literal, $post:literal, $sort:expr, $after:expr) => {
        match ($sort, $after) {
            (DeviceSort::LastSeen, false) => concat!(
                $pre,
                device_query!($head, "ORDER BY last_seen, handshake, uuid LIMIT ?9"),
                $post
            ),
            (DeviceSort::LastSeen, true) => concat!(
                $pre,
                device_query!(
                    $head,
                    "AND (last_seen, handshake, uuid) > (?6, ?7, ?8) ORDER BY last_seen, handshake, uuid LIMIT ?9"
                ),
                $post
            ),
            (DeviceSort::FirstSeen, false) => concat!(
                $pre,
                device_query!($head, "ORDER BY first_seen, handshake, uuid LIMIT ?9"),
                $post
            ),
            (DeviceSort::FirstSeen, true) => concat!(
                $pre,
                device_query!(
                    $head,
                    "AND (first_seen, handshake, uuid) > (?6, ?7, ?8) ORDER BY first_seen, handshake, uuid LIMIT ?9"
                ),
                $post
            ),
            (DeviceSort::Uuid, false) => concat!(
                $pre,
                device_query!($head, "ORDER BY uuid, handshake LIMIT ?9"),
                $post
            ),
            (DeviceSort::Uuid, true) => concat!(
                $pre,
                device_query!(
                    $head,
                    "AND (uuid, handshake) > (?6, ?7) ORDER BY uuid, handshake LIMIT ?9"
                ),
                $post
            ),
        }
    };
}

fn list_sql(sort: DeviceSort, after: bool) -> &'static str {
    listing!(
        "",
        "SELECT uuid, handshake, item_id, platform, domain, name, first_seen, last_seen, expires_at",
        "",
        sort,
        after
    )
}

/// The same page as one JSON array of the devices' `DeviceView`s (`now` is ?10, the sort key's number
/// ?11), built by SQLite: one text value per page crosses into Rust instead of nine values per row, and
/// nothing is decoded or re-encoded. Key order, time format and `idle_seconds` match the serde encoding
/// (a test compares the two byte for byte). `datetime()` is used rather than `strftime()`, which costs
/// ten times as much.
fn list_json_sql(sort: DeviceSort, after: bool) -> &'static str {
    listing!(
        "SELECT '[' || COALESCE(group_concat(j, ',' ORDER BY k1, handshake, k3), '') || ']' FROM (",
        "SELECT json_object('uuid', uuid, 'handshake', handshake, 'item', item_id, 'platform', platform,
            'domain', domain, 'name', name,
            'first_seen', replace(datetime(first_seen, 'unixepoch'), ' ', 'T') || 'Z',
            'last_seen', replace(datetime(last_seen, 'unixepoch'), ' ', 'T') || 'Z',
            'idle_seconds', MAX(0, ?10 - last_seen),
            'expires_at', replace(datetime(expires_at, 'unixepoch'), ' ', 'T') || 'Z') AS j,
            CASE ?11 WHEN 0 THEN last_seen WHEN 1 THEN first_seen ELSE uuid END AS k1, handshake,
            CASE ?11 WHEN 2 THEN '' ELSE uuid END AS k3",
        ")",
        sort,
        after
    )
}

fn sort_code(sort: DeviceSort) -> i64 {
    match sort {
        DeviceSort::LastSeen => 0,
        DeviceSort::FirstSeen => 1,
        DeviceSort::Uuid => 2,
    }
}

/// Binds the cursor (?6-?8) after the filter.
fn bind_cursor<'q>(
    q: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>,
    sort: DeviceSort,
    after: Option<&DeviceCursor>,
) -> StoreResult<sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>> {
    Ok(match (after, sort) {
        (Some(c), DeviceSort::Uuid) => q
            .bind(c.key.clone())
            .bind(c.handshake.clone())
            .bind(None::<String>),
        (Some(c), _) => q
            .bind(c.key.parse::<i64>().map_err(|_| {
                crate::store::StoreError::Invalid(
                    "invalid cursor; pass back next_cursor unchanged".into(),
                )
            })?)
            .bind(c.handshake.clone())
            .bind(c.uuid.clone()),
        (None, _) => q
            .bind(None::<i64>)
            .bind(None::<String>)
            .bind(None::<String>),
    })
}

fn state_code(s: DeviceState) -> i64 {
    match s {
        DeviceState::All => 0,
        DeviceState::Active => 1,
        DeviceState::Expired => 2,
    }
}

fn bind_filter<'q>(
    q: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>,
    f: &'q DeviceFilter,
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments> {
    q.bind(f.handshake.as_deref())
        .bind(f.item.as_deref())
        .bind(f.last_seen_before)
        .bind(state_code(f.state))
        .bind(f.now)
}

pub(super) fn device_row(row: &SqliteRow) -> StoreResult<DeviceRow> {
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

#[async_trait]
impl FleetStore for SqliteStore {
    async fn list_devices(
        &self,
        filter: &DeviceFilter,
        sort: DeviceSort,
        after: Option<&DeviceCursor>,
        limit: i64,
    ) -> StoreResult<Vec<DeviceRow>> {
        let q = bind_filter(sqlx::query(list_sql(sort, after.is_some())), filter);
        let q = bind_cursor(q, sort, after)?;
        let rows = q.bind(limit).fetch_all(self.pool()).await.map_err(db)?;
        rows.iter().map(device_row).collect()
    }

    async fn list_devices_json(
        &self,
        filter: &DeviceFilter,
        sort: DeviceSort,
        after: Option<&DeviceCursor>,
        limit: i64,
    ) -> StoreResult<Option<String>> {
        let q = bind_filter(sqlx::query(list_json_sql(sort, after.is_some())), filter);
        let q = bind_cursor(q, sort, after)?;
        let page: String = q
            .bind(limit)
            .bind(filter.now)
            .bind(sort_code(sort))
            .try_map(|row: SqliteRow| row.try_get::<String, _>(0))
            .fetch_one(self.pool())
            .await
            .map_err(db)?;
        Ok(Some(page))
    }

    async fn count_devices(&self, filter: &DeviceFilter) -> StoreResult<i64> {
        let q = bind_filter(
            sqlx::query(device_query!("SELECT COUNT(*) AS n", "")),
            filter,
        );
        let row = q.fetch_one(self.pool()).await.map_err(db)?;
        row.try_get("n").map_err(db)
    }

    async fn device_seats(&self, uuid: &str) -> StoreResult<Vec<DeviceRow>> {
        let sql = format!("{COLUMNS} FROM devices WHERE uuid = ? ORDER BY handshake");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(uuid)
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(device_row).collect()
    }

    async fn device_usage(&self, uuid: &str) -> StoreResult<DeviceUsage> {
        let head = sqlx::query("SELECT COUNT(*) AS n, MIN(at) AS first, MAX(at) AS last FROM usage_reports WHERE uuid = ?")
            .bind(uuid)
            .fetch_one(self.pool())
            .await
            .map_err(db)?;
        let counts = sqlx::query(
            "SELECT c.kind, c.name, SUM(c.count) AS total FROM usage_reports r
             JOIN usage_counts c ON c.report_id = r.rid WHERE r.uuid = ? GROUP BY c.kind, c.name ORDER BY total DESC, c.kind, c.name",
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
        let mut tx = self.write_tx().await?;
        let mut missing = Vec::new();
        for uuid in uuids {
            let done = sqlx::query(
                "DELETE FROM devices WHERE uuid = ?1 AND (?2 IS NULL OR handshake = ?2)",
            )
            .bind(uuid)
            .bind(handshake)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            if done.rows_affected() == 0 {
                missing.push(uuid.clone());
            }
        }
        tx.commit().await.map_err(db)?;
        Ok(missing)
    }

    async fn unregister_matching(&self, filter: &DeviceFilter, batch: i64) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let q = bind_filter(
            sqlx::query(concat!(
                "DELETE FROM devices WHERE rowid IN (",
                device_query!("SELECT rowid", "LIMIT ?6"),
                ")"
            )),
            filter,
        );
        let removed = q
            .bind(batch)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected() as i64;
        tx.commit().await.map_err(db)?;
        Ok(removed)
    }

    async fn usage_groups(
        &self,
        filter: &UsageFilter,
        by: UsageGrouping,
    ) -> StoreResult<Vec<UsageGroup>> {
        let sql: &'static str = match by {
            UsageGrouping::Day => "SELECT strftime('%Y-%m-%d', r.at, 'unixepoch') AS k, SUM(r.scans) AS scans, SUM(r.pages) AS pages,
                    COUNT(*) AS reports, COUNT(DISTINCT r.uuid) AS devices FROM usage_reports r
                 WHERE (?1 IS NULL OR r.handshake = ?1) AND (?2 IS NULL OR r.item_id = ?2) AND (?3 IS NULL OR r.at >= ?3)
                 GROUP BY k ORDER BY k",
            UsageGrouping::Item => "SELECT r.item_id AS k, SUM(r.scans) AS scans, SUM(r.pages) AS pages,
                    COUNT(*) AS reports, COUNT(DISTINCT r.uuid) AS devices FROM usage_reports r
                 WHERE (?1 IS NULL OR r.handshake = ?1) AND (?2 IS NULL OR r.item_id = ?2) AND (?3 IS NULL OR r.at >= ?3)
                 GROUP BY k ORDER BY k",
            UsageGrouping::Symbology => "SELECT c.name AS k, SUM(c.count) AS scans, 0 AS pages,
                    COUNT(DISTINCT r.rid) AS reports, COUNT(DISTINCT r.uuid) AS devices
                 FROM usage_reports r JOIN usage_counts c ON c.report_id = r.rid AND c.kind = 'scan'
                 WHERE (?1 IS NULL OR r.handshake = ?1) AND (?2 IS NULL OR r.item_id = ?2) AND (?3 IS NULL OR r.at >= ?3)
                 GROUP BY k ORDER BY scans DESC, k",
            UsageGrouping::Module => "SELECT c.name AS k, 0 AS scans, SUM(c.count) AS pages,
                    COUNT(DISTINCT r.rid) AS reports, COUNT(DISTINCT r.uuid) AS devices
                 FROM usage_reports r JOIN usage_counts c ON c.report_id = r.rid AND c.kind = 'page'
                 WHERE (?1 IS NULL OR r.handshake = ?1) AND (?2 IS NULL OR r.item_id = ?2) AND (?3 IS NULL OR r.at >= ?3)
                 GROUP BY k ORDER BY pages DESC, k",
        };
        let rows = sqlx::query(sql)
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
        let mut tx = self.write_tx().await?;
        for r in rows {
            let done = sqlx::query(
                "INSERT INTO devices (handshake, uuid, item_id, platform, domain, name, first_seen, last_seen, expires_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
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
            .await
            .map_err(db)?;
            if done.rows_affected() == 0 {
                return Err(crate::store::StoreError::Conflict(format!(
                    "device {} is already seated through {}",
                    r.uuid, r.handshake
                )));
            }
        }
        tx.commit().await.map_err(db)
    }
}
