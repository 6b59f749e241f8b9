//! The bounds of usage accounting. A usage report is what one device counted in one time slot (the SDKs
//! report every 3 minutes and upload what they buffered offline in batches); the limits below are far
//! above what any real device counts in one report, and small enough that no sum the LTS keeps can
//! overflow a 64-bit integer in any realistic lifetime. Sums are checked all the same: an overflow is an
//! error, never a wrapped (negative) total.

use std::time::Duration;

/// The largest count one report may give for one symbology or page module.
pub const MAX_COUNT: u64 = 1_000_000;

/// The largest sum of all counts (scans and pages) in one report.
pub const MAX_REPORT_UNITS: u64 = 1_000_000;

/// How far ahead of the server's clock a report may be dated. Device clocks drift and some are set to
/// local time labelled as UTC (up to 14 hours off); beyond a day the date is wrong, not skewed.
pub const MAX_CLOCK_AHEAD: Duration = Duration::from_secs(24 * 3600);

/// How long after a device's authorization on an item ran out its buffered usage is still accepted
/// (and the grant that records it kept). The vendor's SDKs keep failed uploads for up to 30 days.
pub const LATE_UPLOAD_WINDOW: Duration = Duration::from_secs(90 * 24 * 3600);

/// Slack in seconds around a grant's end: device clocks, and a returning device answered from its stored
/// seat (whose new token may outlast the recorded grant by up to a minute, see `fresh_seat`).
pub const GRANT_SLACK_SECS: i64 = 5 * 60;

/// One authorization of a device on an item: from its first token to the end of its latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Granted {
    pub from: i64,
    pub until: i64,
}

/// Under which authorization a report dated `at` was counted: the index of the grant that covered it,
/// or `None` when none did. Of the grants whose end (plus [`GRANT_SLACK_SECS`]) is not before `at`, the
/// one that began last at or before `at` served the device then (it had moved on to it); a report a
/// little before every grant's start (a device clock behind) goes to the earliest.
pub fn attribute(grants: &[Granted], at: i64) -> Option<usize> {
    let covering =
        grants.iter().enumerate().filter(|(_, g)| at <= g.until.saturating_add(GRANT_SLACK_SECS));
    let started = covering.clone().filter(|(_, g)| g.from <= at).max_by_key(|(i, g)| (g.from, *i));
    started.or_else(|| covering.min_by_key(|(i, g)| (g.from, *i))).map(|(i, _)| i)
}

/// Why a report's counts are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountError {
    #[error("{name} is {count}; one report may count at most {MAX_COUNT} per name")]
    CountTooLarge { name: String, count: u64 },
    #[error(
        "the counts add up to more than {MAX_REPORT_UNITS}; one report may count at most {MAX_REPORT_UNITS} in all"
    )]
    ReportTooLarge,
}

/// Checks the counts of one report (every map of it, e.g. scans then pages) and returns their sum.
pub fn report_units<'a>(
    counts: impl IntoIterator<Item = (&'a str, u64)>,
) -> Result<u64, CountError> {
    let mut total: u64 = 0;
    for (name, count) in counts {
        if count > MAX_COUNT {
            return Err(CountError::CountTooLarge { name: name.to_string(), count });
        }
        total = total
            .checked_add(count)
            .filter(|t| *t <= MAX_REPORT_UNITS)
            .ok_or(CountError::ReportTooLarge)?;
    }
    Ok(total)
}

/// The sum of `values`, or `None` if it does not fit in an `i64` (or a value is negative).
pub fn checked_total(values: impl IntoIterator<Item = i64>) -> Option<i64> {
    values.into_iter().try_fold(0i64, |sum, v| if v < 0 { None } else { sum.checked_add(v) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_bounded_per_count_and_in_all() {
        assert_eq!(report_units([("qr", 3), ("ean13", 4)]), Ok(7));
        assert_eq!(report_units([]), Ok(0));
        assert_eq!(report_units([("qr", MAX_COUNT)]), Ok(MAX_COUNT));
        assert_eq!(
            report_units([("qr", MAX_COUNT + 1)]),
            Err(CountError::CountTooLarge { name: "qr".into(), count: MAX_COUNT + 1 })
        );
        assert_eq!(
            report_units([("qr", 99_999_999_999_999_999)]),
            Err(CountError::CountTooLarge { name: "qr".into(), count: 99_999_999_999_999_999 })
        );
        assert_eq!(
            report_units([("qr", MAX_COUNT), ("ean13", 1)]),
            Err(CountError::ReportTooLarge)
        );
        // Counts that would wrap a 64-bit sum are refused long before.
        assert_eq!(
            report_units([("a", u64::MAX), ("b", u64::MAX)]),
            Err(CountError::CountTooLarge { name: "a".into(), count: u64::MAX })
        );
    }

    #[test]
    fn a_report_counts_under_the_grant_that_served_the_device_then() {
        let a = Granted { from: 100, until: 1_000 };
        let b = Granted { from: 500, until: 2_000 };
        let grants = [a, b];
        assert_eq!(attribute(&grants, 400), Some(0), "before the move to B");
        assert_eq!(attribute(&grants, 600), Some(1), "after it");
        assert_eq!(attribute(&grants, 1_900), Some(1));
        assert_eq!(attribute(&grants, 2_000 + GRANT_SLACK_SECS), Some(1), "within the slack");
        assert_eq!(attribute(&grants, 2_001 + GRANT_SLACK_SECS), None, "after every grant ran out");
        assert_eq!(attribute(&grants, 50), Some(0), "a clock a little behind: the earliest");
        assert_eq!(attribute(&[], 50), None);
        // A grant that ran out (A) does not cover what came after it, even if it began later.
        let late_a = Granted { from: 900, until: 950 };
        assert_eq!(attribute(&[late_a, Granted { from: 100, until: 5_000 }], 2_000), Some(1));
        assert_eq!(attribute(&[Granted { from: 0, until: i64::MAX }], i64::MAX), Some(0));
    }

    #[test]
    fn totals_never_wrap() {
        assert_eq!(checked_total([1, 2, 3]), Some(6));
        assert_eq!(checked_total([]), Some(0));
        let near = 1i64 << 62;
        assert_eq!(checked_total([near, near, near]), None, "3 x 2^62 overflows");
        assert_eq!(checked_total([i64::MAX, 0]), Some(i64::MAX));
        assert_eq!(checked_total([i64::MAX, 1]), None);
        assert_eq!(checked_total([5, -1]), None, "a negative count is no count");
    }
}
