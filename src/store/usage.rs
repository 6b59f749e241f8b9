//! Usage statistics: reports grouped by day, item, symbology or module; one device's totals; the peaks
//! of concurrent windows. The same statements on both backends, but for the calendar day of a report
//! ([`UsageDialect::BY_DAY`]).

use async_trait::async_trait;
use const_format::concatcp;

use super::backend::{Backend, on_reader};
use super::query::{Arg, Conn, args};
use super::{StoreResult, first_day};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceUsage {
    pub reports: i64,
    pub scans: Vec<(String, i64)>,
    pub pages: Vec<(String, i64)>,
    pub first_report: Option<i64>,
    pub last_report: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsageGrouping {
    Day,
    Item,
    Symbology,
    Module,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageFilter {
    pub handshake: Option<String>,
    pub item: Option<String>,
    pub since: Option<i64>,
}

/// One group of usage: its key (a day, item id, symbology or module) and the counts in it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UsageGroup {
    #[sqlx(rename = "k")]
    pub key: String,
    pub scans: i64,
    pub pages: i64,
    pub reports: i64,
    pub devices: i64,
}

#[async_trait]
pub trait UsageStore: Send + Sync {
    async fn usage_groups(
        &self,
        filter: &UsageFilter,
        by: UsageGrouping,
    ) -> StoreResult<Vec<UsageGroup>>;
    /// Every report of a device (through any code), its counts summed per symbology and module.
    async fn device_usage(&self, uuid: &str) -> StoreResult<DeviceUsage>;
    /// The most devices item `item_id`'s concurrent window held at once on the UTC days from the one
    /// holding `since` (all days when `None`); 0 when none reported.
    async fn concurrent_peak(&self, item_id: &str, since: Option<i64>) -> StoreResult<i64>;
}

/// The one statement whose SQL the dialects write differently: the UTC calendar day of a Unix time.
pub(crate) trait UsageDialect: Conn {
    /// Reports per day, with the filters `$1`-`$3` of [`FILTER`], in the shape of [`UsageGroup`].
    const BY_DAY: &'static str;
}

/// The filters of every grouping: code `$1`, item `$2`, reports from `$3` on.
pub(crate) const FILTER: &str = " WHERE (CAST($1 AS TEXT) IS NULL OR r.handshake = $1)
    AND (CAST($2 AS TEXT) IS NULL OR r.item_id = $2)
    AND (CAST($3 AS BIGINT) IS NULL OR r.at >= $3) ";

const BY_ITEM: &str = concatcp!(
    "SELECT r.item_id AS k, CAST(COALESCE(SUM(r.scans), 0) AS BIGINT) AS scans,
        CAST(COALESCE(SUM(r.pages), 0) AS BIGINT) AS pages,
        COUNT(*) AS reports, COUNT(DISTINCT r.uuid) AS devices FROM usage_reports r",
    FILTER,
    "GROUP BY r.item_id ORDER BY r.item_id"
);

pub(crate) const BY_SYMBOLOGY: &str = concatcp!(
    "SELECT c.name AS k, CAST(COALESCE(SUM(c.count), 0) AS BIGINT) AS scans, CAST(0 AS BIGINT) AS pages,
        COUNT(DISTINCT r.rid) AS reports, COUNT(DISTINCT r.uuid) AS devices
     FROM usage_reports r JOIN usage_counts c ON c.report_id = r.rid AND c.kind = 'scan'",
    FILTER,
    "GROUP BY c.name ORDER BY scans DESC, c.name"
);

pub(crate) const BY_MODULE: &str = concatcp!(
    "SELECT c.name AS k, CAST(0 AS BIGINT) AS scans, CAST(COALESCE(SUM(c.count), 0) AS BIGINT) AS pages,
        COUNT(DISTINCT r.rid) AS reports, COUNT(DISTINCT r.uuid) AS devices
     FROM usage_reports r JOIN usage_counts c ON c.report_id = r.rid AND c.kind = 'page'",
    FILTER,
    "GROUP BY c.name ORDER BY pages DESC, c.name"
);

pub(crate) const DEVICE_REPORTS: &str =
    "SELECT COUNT(*), MIN(at), MAX(at) FROM usage_reports WHERE uuid = $1";

/// Ties in the total are ordered by name.
pub(crate) const DEVICE_COUNTS: &str =
    "SELECT c.kind, c.name, CAST(SUM(c.count) AS BIGINT) AS total
     FROM usage_reports r JOIN usage_counts c ON c.report_id = r.rid WHERE r.uuid = $1
     GROUP BY c.kind, c.name ORDER BY total DESC, c.kind, c.name";

/// The highest concurrent-window peak of item `$1` on days from `$2` (a Unix day number) on.
const CONCURRENT_PEAK: &str = "SELECT CAST(COALESCE(MAX(peak), 0) AS BIGINT)
     FROM concurrent_peaks WHERE item_id = $1 AND day >= $2";

async fn groups<C: UsageDialect>(
    c: &mut C,
    filter: &UsageFilter,
    by: UsageGrouping,
) -> StoreResult<Vec<UsageGroup>> {
    let sql = match by {
        UsageGrouping::Day => C::BY_DAY,
        UsageGrouping::Item => BY_ITEM,
        UsageGrouping::Symbology => BY_SYMBOLOGY,
        UsageGrouping::Module => BY_MODULE,
    };
    c.fetch_all(sql, &filter_args(filter)).await
}

/// The values of [`FILTER`]'s `$1`-`$3`.
pub(crate) fn filter_args(filter: &UsageFilter) -> [Arg<'_>; 3] {
    [filter.handshake.as_deref().into(), filter.item.as_deref().into(), filter.since.into()]
}

async fn of_device(c: &mut impl Conn, uuid: &str) -> StoreResult<DeviceUsage> {
    let (reports, first_report, last_report) = c.fetch_one(DEVICE_REPORTS, args![uuid]).await?;
    let counts: Vec<(String, String, i64)> = c.fetch_all(DEVICE_COUNTS, args![uuid]).await?;
    let mut usage = DeviceUsage { reports, first_report, last_report, ..Default::default() };
    for (kind, name, total) in counts {
        if kind == "scan" {
            usage.scans.push((name, total));
        } else {
            usage.pages.push((name, total));
        }
    }
    Ok(usage)
}

#[async_trait]
impl<B: Backend> UsageStore for B {
    async fn usage_groups(
        &self,
        filter: &UsageFilter,
        by: UsageGrouping,
    ) -> StoreResult<Vec<UsageGroup>> {
        on_reader!(self, |c| groups(c, filter, by))
    }

    async fn device_usage(&self, uuid: &str) -> StoreResult<DeviceUsage> {
        on_reader!(self, |c| of_device(c, uuid))
    }

    async fn concurrent_peak(&self, item_id: &str, since: Option<i64>) -> StoreResult<i64> {
        let day = first_day(since);
        on_reader!(self, |c| c.scalar(CONCURRENT_PEAK, args![item_id, day]))
    }
}
