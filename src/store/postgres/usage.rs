//! PostgreSQL's calendar day of a report.

use const_format::concatcp;
use sqlx::PgConnection;

use crate::store::usage::{FILTER, UsageDialect};

impl UsageDialect for PgConnection {
    const BY_DAY: &'static str = concatcp!(
        "SELECT to_char(to_timestamp(r.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS k,
            CAST(COALESCE(SUM(r.scans), 0) AS BIGINT) AS scans,
            CAST(COALESCE(SUM(r.pages), 0) AS BIGINT) AS pages,
            COUNT(*) AS reports, COUNT(DISTINCT r.uuid) AS devices FROM usage_reports r",
        FILTER,
        "GROUP BY k ORDER BY k"
    );
}
