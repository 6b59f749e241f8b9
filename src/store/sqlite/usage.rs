//! SQLite's calendar day of a report.

use sqlx::SqliteConnection;

use crate::store::usage::{UsageDialect, usage_filter};

impl UsageDialect for SqliteConnection {
    const BY_DAY: &'static str = concat!(
        "SELECT strftime('%Y-%m-%d', r.at, 'unixepoch') AS k,
            CAST(COALESCE(SUM(r.scans), 0) AS BIGINT) AS scans,
            CAST(COALESCE(SUM(r.pages), 0) AS BIGINT) AS pages,
            COUNT(*) AS reports, COUNT(DISTINCT r.uuid) AS devices FROM usage_reports r",
        usage_filter!(),
        "GROUP BY k ORDER BY k"
    );
}
