//! Per-option defaults and the arithmetic of quotas and seats.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use super::option::{ActivePeriod, LicenseOption};

const DAY: u64 = 24 * 60 * 60;

/// How long a device may run on its last good answer when the server cannot be reached: long
/// enough to ride out a weekend outage, short enough that a revoked device stops within a week.
pub const DEFAULT_OFFLINE_GRACE: Duration = Duration::from_secs(7 * DAY);

/// A per-concurrent-device seat counts only while the device reports within this window.
pub const CONCURRENT_WINDOW: Duration = Duration::from_secs(3 * 60);

/// The largest overuse an operator may grant: beyond doubling the quota, "quota" means nothing.
pub const MAX_OVERUSE_PERCENT: u32 = 100;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("overuse of {value}% is out of range; give a percentage from 0 to 100, e.g. 10")]
    OverusePercentOutOfRange { value: u32 },
}

/// How long a seat is held after a device last checks in.
///
/// Per-device seats follow the period the item was sold with, so a yearly seat is not freed
/// after a day. Items whose quota is not about seats still need an interval for clients to
/// re-check; 366 days outlasts any yearly item, so a re-check never comes before renewal.
pub fn default_refresh_interval(option: LicenseOption, period: Option<ActivePeriod>) -> Duration {
    let days = |n: u64| Duration::from_secs(n * DAY);
    match option {
        LicenseOption::PerDevice => match period {
            Some(ActivePeriod::Yearly) | None => days(365),
            Some(ActivePeriod::Quarterly) => days(90),
            Some(ActivePeriod::Monthly) => days(30),
            Some(ActivePeriod::Daily) => days(1),
        },
        LicenseOption::PerConcurrentDevice => CONCURRENT_WINDOW,
        LicenseOption::PerScan
        | LicenseOption::PerPage
        | LicenseOption::PerServer
        | LicenseOption::PerDomain => days(366),
    }
}

/// The slack granted by default before a quota blocks, so a customer at the edge of their quota is
/// not cut off mid-batch. Options whose quota is a hard seat count (servers, concurrency) get none.
pub fn default_overuse_percent(option: LicenseOption) -> u32 {
    match option {
        LicenseOption::PerScan | LicenseOption::PerPage => 5,
        LicenseOption::PerDevice => 10,
        LicenseOption::PerConcurrentDevice
        | LicenseOption::PerServer
        | LicenseOption::PerDomain => 0,
    }
}

/// When a seat is released: at the end of its refresh interval, but never after the item it
/// belongs to has expired, so an expired item cannot keep seats alive.
pub fn removal_time(
    last_seen: DateTime<Utc>,
    interval: Duration,
    item_expires_at: DateTime<Utc>,
) -> DateTime<Utc> {
    // An interval too large for chrono is "forever", which the expiry then caps.
    TimeDelta::from_std(interval)
        .ok()
        .and_then(|delta| last_seen.checked_add_signed(delta))
        .map_or(item_expires_at, |end| end.min(item_expires_at))
}

/// The count at which usage is actually refused. Rounds down so that overuse never grants
/// a fraction of a unit the customer did not pay for (3 seats at 10% stay 3).
pub fn quota_with_overuse(quota: u64, overuse_percent: u32) -> u64 {
    let widened = u128::from(quota) * (100 + u128::from(overuse_percent)) / 100;
    u64::try_from(widened).unwrap_or(u64::MAX)
}

/// Which usage alert is due: the highest of 60/80/100 percent reached. A zero quota with any use
/// is already exhausted, so it reports 100 rather than dividing by zero.
pub fn quota_alert_level(used: u64, quota: u64) -> Option<u8> {
    if quota == 0 {
        return (used > 0).then_some(100);
    }
    let used = u128::from(used) * 100;
    let quota = u128::from(quota);
    [100u8, 80, 60].into_iter().find(|&level| used >= quota * u128::from(level))
}

/// Rejects overuse settings an operator could not have meant.
pub fn validate_overuse_percent(p: u32) -> Result<u32, PolicyError> {
    if p <= MAX_OVERUSE_PERCENT {
        Ok(p)
    } else {
        Err(PolicyError::OverusePercentOutOfRange { value: p })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn days(n: u64) -> Duration {
        Duration::from_secs(n * DAY)
    }

    #[test]
    fn refresh_interval_follows_option_and_period() {
        use ActivePeriod::*;
        use LicenseOption::*;
        let cases = [
            (PerDevice, Some(Yearly), days(365)),
            (PerDevice, Some(Quarterly), days(90)),
            (PerDevice, Some(Monthly), days(30)),
            (PerDevice, Some(Daily), Duration::from_secs(24 * 3600)),
            (PerDevice, None, days(365)),
            (PerConcurrentDevice, None, Duration::from_secs(180)),
            (PerConcurrentDevice, Some(Yearly), Duration::from_secs(180)),
            (PerScan, None, days(366)),
            (PerPage, Some(Monthly), days(366)),
            (PerServer, None, days(366)),
            (PerDomain, None, days(366)),
        ];
        for (option, period, want) in cases {
            assert_eq!(default_refresh_interval(option, period), want, "{option} {period:?}");
        }
    }

    #[test]
    fn overuse_defaults() {
        use LicenseOption::*;
        assert_eq!(default_overuse_percent(PerScan), 5);
        assert_eq!(default_overuse_percent(PerPage), 5);
        assert_eq!(default_overuse_percent(PerDevice), 10);
        for o in [PerConcurrentDevice, PerServer, PerDomain] {
            assert_eq!(default_overuse_percent(o), 0, "{o}");
        }
        for o in LicenseOption::ALL {
            assert!(validate_overuse_percent(default_overuse_percent(o)).is_ok());
        }
    }

    #[test]
    fn constants() {
        assert_eq!(DEFAULT_OFFLINE_GRACE, days(7));
        assert_eq!(CONCURRENT_WINDOW, Duration::from_secs(180));
    }

    #[test]
    fn removal_is_capped_by_item_expiry() {
        let seen = Utc.with_ymd_and_hms(2025, 1, 1, 12, 0, 0).unwrap();
        let far = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        let soon = Utc.with_ymd_and_hms(2025, 1, 10, 0, 0, 0).unwrap();
        assert_eq!(
            removal_time(seen, days(30), far),
            Utc.with_ymd_and_hms(2025, 1, 31, 12, 0, 0).unwrap()
        );
        assert_eq!(removal_time(seen, days(30), soon), soon);
        assert_eq!(
            removal_time(seen, Duration::from_secs(180), far),
            Utc.with_ymd_and_hms(2025, 1, 1, 12, 3, 0).unwrap()
        );
        // Exactly at expiry, and an interval chrono cannot represent.
        let at = Utc.with_ymd_and_hms(2025, 1, 31, 12, 0, 0).unwrap();
        assert_eq!(removal_time(seen, days(30), at), at);
        assert_eq!(removal_time(seen, Duration::MAX, far), far);
    }

    #[test]
    fn quota_with_overuse_rounds_down_without_overflow() {
        assert_eq!(quota_with_overuse(50, 10), 55);
        assert_eq!(quota_with_overuse(100, 5), 105);
        assert_eq!(quota_with_overuse(3, 10), 3);
        assert_eq!(quota_with_overuse(19, 5), 19);
        assert_eq!(quota_with_overuse(20, 5), 21);
        assert_eq!(quota_with_overuse(0, 100), 0);
        assert_eq!(quota_with_overuse(7, 0), 7);
        assert_eq!(quota_with_overuse(u64::MAX, 0), u64::MAX);
        assert_eq!(quota_with_overuse(u64::MAX / 2, 100), u64::MAX - 1);
        assert_eq!(quota_with_overuse(u64::MAX, 100), u64::MAX);
    }

    #[test]
    fn alert_levels() {
        let cases = [
            (0, 100, None),
            (59, 100, None),
            (60, 100, Some(60)),
            (79, 100, Some(60)),
            (80, 100, Some(80)),
            (99, 100, Some(80)),
            (100, 100, Some(100)),
            (150, 100, Some(100)),
            (2, 3, Some(60)),
            (1, 3, None),
            (3, 3, Some(100)),
            (0, 0, None),
            (1, 0, Some(100)),
            (u64::MAX, u64::MAX, Some(100)),
            (u64::MAX / 5 * 3, u64::MAX, Some(60)),
            (u64::MAX / 5 * 3 - 1, u64::MAX, None),
        ];
        for (used, quota, want) in cases {
            assert_eq!(quota_alert_level(used, quota), want, "{used}/{quota}");
        }
    }

    #[test]
    fn overuse_percent_range() {
        assert_eq!(validate_overuse_percent(0), Ok(0));
        assert_eq!(validate_overuse_percent(100), Ok(100));
        let err = validate_overuse_percent(101).unwrap_err();
        assert_eq!(err, PolicyError::OverusePercentOutOfRange { value: 101 });
        assert!(err.to_string().contains("from 0 to 100"));
    }
}
