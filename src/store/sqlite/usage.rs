//! SQLite's calendar day of a report.

use const_format::concatcp;
use sqlx::SqliteConnection;

use crate::store::usage::{FILTER, UsageDialect};

impl UsageDialect for SqliteConnection {
    const BY_DAY: &'static str = concatcp!(
        "SELECT strftime('%Y-%m-%d', r.at, 'unixepoch') AS k,
            CAST(COALESCE(SUM(r.scans), 0) AS BIGINT) AS scans,
            CAST(COALESCE(SUM(r.pages), 0) AS BIGINT) AS pages,
            COUNT(*) AS reports, COUNT(DISTINCT r.uuid) AS devices FROM usage_reports r",
        FILTER,
        "GROUP BY k ORDER BY k"
    );
}

#[cfg(test)]
mod tests {
    use const_format::concatcp;

    use crate::store::SqliteStore;
    use crate::store::query::{Conn, args};
    use crate::store::usage::{
        BY_MODULE, BY_SYMBOLOGY, DEVICE_COUNTS, DEVICE_REPORTS, UsageFilter, filter_args,
    };

    /// The symbology and module groupings read the counts in their primary key's order (`report_id`
    /// first), each report once. Up to schema 12 an index on (kind, name) led the planner to walk the
    /// counts name by name and look every report and every count's row up again: half the speed on a
    /// 1M-report store, and a write per count on every usage batch (BENCHMARKS.md).
    #[tokio::test]
    async fn count_groupings_read_counts_in_report_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).await.unwrap();
        let mut conn = store.pool().acquire().await.unwrap();
        let filter = |handshake: Option<&str>, item: Option<&str>, since| UsageFilter {
            handshake: handshake.map(str::to_string),
            item: item.map(str::to_string),
            since,
        };
        let filters = [
            filter(None, None, None),
            filter(Some("CODE"), None, None),
            filter(None, Some("ITEM"), Some(1_800_000_000)),
        ];
        let plans = [
            ("symbology", concatcp!("EXPLAIN QUERY PLAN ", BY_SYMBOLOGY)),
            ("module", concatcp!("EXPLAIN QUERY PLAN ", BY_MODULE)),
        ];
        for (by, sql) in plans {
            for f in &filters {
                let plan: Vec<(i64, i64, i64, String)> =
                    conn.fetch_all(sql, &filter_args(f)).await.unwrap();
                // The steps on `usage_counts c`: "SCAN c ..." or "SEARCH c ...".
                let counts: Vec<&str> = plan
                    .iter()
                    .map(|r| r.3.as_str())
                    .filter(|step| step.split_whitespace().nth(1) == Some("c"))
                    .collect();
                assert!(
                    !counts.is_empty()
                        && counts
                            .iter()
                            .all(|s| *s == "SCAN c" || s.starts_with("SEARCH c USING PRIMARY KEY")),
                    "by {by} with {f:?}: counts read out of report order: {plan:?}"
                );
            }
        }
    }

    /// `devices show` finds a device's reports (through any code) by `usage_reports_uuid`: a search,
    /// never a scan of every report. That index looks redundant beside the reports' unique key
    /// (handshake, uuid, id), but that key cannot serve a UUID alone.
    #[tokio::test]
    async fn device_usage_finds_its_reports_by_uuid() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).await.unwrap();
        let mut conn = store.pool().acquire().await.unwrap();
        let plans = [
            ("reports", concatcp!("EXPLAIN QUERY PLAN ", DEVICE_REPORTS)),
            ("counts", concatcp!("EXPLAIN QUERY PLAN ", DEVICE_COUNTS)),
        ];
        for (what, sql) in plans {
            let plan: Vec<(i64, i64, i64, String)> =
                conn.fetch_all(sql, args!["dev-1"]).await.unwrap();
            let reports: Vec<&str> = plan
                .iter()
                .map(|r| r.3.as_str())
                .filter(|step| {
                    matches!(step.split_whitespace().nth(1), Some("usage_reports" | "r"))
                })
                .collect();
            assert!(
                !reports.is_empty()
                    && reports.iter().all(|s| s.starts_with("SEARCH") && s.contains("(uuid=?)")),
                "the device's {what}: reports not found by uuid: {plan:?}"
            );
        }
    }
}
