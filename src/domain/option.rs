//! License options and active periods: the vocabulary shared by license files, the store and the rules.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How a license item's quota is counted ("charge way").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LicenseOption {
    /// Quota = barcode scans over the item's validity.
    PerScan,
    /// Quota = pages processed over the item's validity.
    PerPage,
    /// Quota = devices holding a seat at once; a seat lasts the refresh interval.
    PerDevice,
    /// Quota = devices reporting usage inside the same 3-minute window.
    PerConcurrentDevice,
    /// Quota = server installations.
    PerServer,
    /// No quota: every request from the item's domain is admitted.
    PerDomain,
}

impl LicenseOption {
    pub const ALL: [LicenseOption; 6] = [
        LicenseOption::PerScan,
        LicenseOption::PerPage,
        LicenseOption::PerDevice,
        LicenseOption::PerConcurrentDevice,
        LicenseOption::PerServer,
        LicenseOption::PerDomain,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LicenseOption::PerScan => "per-scan",
            LicenseOption::PerPage => "per-page",
            LicenseOption::PerDevice => "per-device",
            LicenseOption::PerConcurrentDevice => "per-concurrent-device",
            LicenseOption::PerServer => "per-server",
            LicenseOption::PerDomain => "per-domain",
        }
    }

    /// Whether an item of this option carries a numeric quota (every option but per-domain).
    pub fn has_quota(self) -> bool {
        !matches!(self, LicenseOption::PerDomain)
    }

    /// Whether the quota counts seated devices (as opposed to scans/pages).
    pub fn counts_devices(self) -> bool {
        matches!(
            self,
            LicenseOption::PerDevice
                | LicenseOption::PerConcurrentDevice
                | LicenseOption::PerServer
        )
    }
}

impl fmt::Display for LicenseOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a string that names no license option / active period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{value}` (expected one of: {expected})")]
pub struct UnknownVariant {
    pub kind: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl FromStr for LicenseOption {
    type Err = UnknownVariant;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LicenseOption::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .ok_or_else(|| UnknownVariant {
                kind: "license option",
                value: s.to_string(),
                expected: "per-scan, per-page, per-device, per-concurrent-device, per-server, per-domain",
            })
    }
}

/// The refresh period a per-device item is sold with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActivePeriod {
    Yearly,
    Quarterly,
    Monthly,
    Daily,
}

impl ActivePeriod {
    pub const ALL: [ActivePeriod; 4] =
        [ActivePeriod::Yearly, ActivePeriod::Quarterly, ActivePeriod::Monthly, ActivePeriod::Daily];

    pub fn as_str(self) -> &'static str {
        match self {
            ActivePeriod::Yearly => "yearly",
            ActivePeriod::Quarterly => "quarterly",
            ActivePeriod::Monthly => "monthly",
            ActivePeriod::Daily => "daily",
        }
    }
}

impl fmt::Display for ActivePeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActivePeriod {
    type Err = UnknownVariant;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActivePeriod::ALL.into_iter().find(|p| p.as_str() == s).ok_or_else(|| UnknownVariant {
            kind: "active period",
            value: s.to_string(),
            expected: "yearly, quarterly, monthly, daily",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_round_trip_through_their_names() {
        for o in LicenseOption::ALL {
            assert_eq!(o.as_str().parse::<LicenseOption>().unwrap(), o);
        }
        for p in ActivePeriod::ALL {
            assert_eq!(p.as_str().parse::<ActivePeriod>().unwrap(), p);
        }
        assert!("per-seat".parse::<LicenseOption>().is_err());
    }
}
