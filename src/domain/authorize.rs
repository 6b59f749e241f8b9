//! Which of a code's items may serve an authorization request, and why a request is refused.
//!
//! The store decides the last step (is there room on the item right now?) inside its transaction; everything
//! that does not depend on other devices is decided here, without I/O.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::hosts::{DomainBinding, NormalizedHost};
use super::option::{ActivePeriod, LicenseOption};
use super::policy;
use super::status::ItemStatus;

/// Why a device request is refused. The `code` strings are a contract with client SDKs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denial {
    UnknownHandshake,
    BadSessionPassword,
    DomainNotAllowed,
    NoMatchingLicense,
    LicenseExpired,
    LicenseNotYetValid,
    QuotaExceeded,
    InvalidRequest,
    RateLimited,
}

impl Denial {
    pub fn code(self) -> &'static str {
        match self {
            Denial::UnknownHandshake => "unknown_handshake",
            Denial::BadSessionPassword => "bad_session_password",
            Denial::DomainNotAllowed => "domain_not_allowed",
            Denial::NoMatchingLicense => "no_matching_license",
            Denial::LicenseExpired => "license_expired",
            Denial::LicenseNotYetValid => "license_not_yet_valid",
            Denial::QuotaExceeded => "quota_exceeded",
            Denial::InvalidRequest => "invalid_request",
            Denial::RateLimited => "rate_limited",
        }
    }

    /// HTTP status: 400 bad request, 401 wrong password, 403 refused by the license, 404 unknown code,
    /// 429 too many requests.
    pub fn http_status(self) -> u16 {
        match self {
            Denial::InvalidRequest => 400,
            Denial::BadSessionPassword => 401,
            Denial::UnknownHandshake => 404,
            Denial::RateLimited => 429,
            Denial::DomainNotAllowed
            | Denial::NoMatchingLicense
            | Denial::LicenseExpired
            | Denial::LicenseNotYetValid
            | Denial::QuotaExceeded => 403,
        }
    }
}

/// An item of the code as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeItem {
    pub id: String,
    pub product: String,
    pub option: LicenseOption,
    pub active_period: Option<ActivePeriod>,
    pub quota: Option<u64>,
    pub domain: Option<String>,
    pub status: ItemStatus,
    pub expires_at: DateTime<Utc>,
}

/// The code's settings that shape a seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodePolicy {
    pub refresh_interval: Option<Duration>,
    pub overuse_percent: Option<u32>,
    pub offline_grace: Duration,
}

/// How room on an item is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capacity {
    /// Seated devices (per-device, per-server) up to `limit`.
    Devices { limit: u64 },
    /// Devices that reported usage inside the concurrent window, up to `limit`.
    Concurrent { limit: u64 },
    /// Units (scans or pages) reported over the item's validity, up to `limit`.
    Units { limit: u64 },
    /// No quota (per-domain).
    Unlimited,
}

/// An item that may serve the request if it has room, with the seat it would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub item_id: String,
    pub option: LicenseOption,
    pub capacity: Capacity,
    /// When the seat lapses if the device stays silent: min(now + refresh interval, item expiry).
    pub seat_expires_at: DateTime<Utc>,
    /// Until when the device may work offline: min(now + offline grace, item expiry); for a
    /// per-concurrent-device item, the end of the concurrent window instead (no offline grace: the
    /// device must come back within the window, when the limit is checked again).
    pub offline_until: DateTime<Utc>,
}

pub fn capacity(
    option: LicenseOption,
    quota: Option<u64>,
    overuse_override: Option<u32>,
) -> Capacity {
    let pct = overuse_override.unwrap_or_else(|| policy::default_overuse_percent(option));
    let limit = policy::quota_with_overuse(quota.unwrap_or(0), pct);
    match option {
        LicenseOption::PerDevice | LicenseOption::PerServer => Capacity::Devices { limit },
        LicenseOption::PerConcurrentDevice => Capacity::Concurrent { limit },
        LicenseOption::PerScan | LicenseOption::PerPage => Capacity::Units { limit },
        LicenseOption::PerDomain => Capacity::Unlimited,
    }
}

/// The seat an item gives a device seen `now`.
pub fn candidate(item: &CodeItem, code: &CodePolicy, now: DateTime<Utc>) -> Candidate {
    let interval = code
        .refresh_interval
        .unwrap_or_else(|| policy::default_refresh_interval(item.option, item.active_period));
    let grace = if item.option == LicenseOption::PerConcurrentDevice {
        policy::CONCURRENT_WINDOW
    } else {
        code.offline_grace
    };
    let grace_end = chrono::Duration::from_std(grace)
        .ok()
        .and_then(|g| now.checked_add_signed(g))
        .unwrap_or(item.expires_at);
    Candidate {
        item_id: item.id.clone(),
        option: item.option,
        capacity: capacity(item.option, item.quota, code.overuse_percent),
        seat_expires_at: policy::removal_time(now, interval, item.expires_at),
        offline_until: grace_end.min(item.expires_at),
    }
}

/// The items that may serve a request for `product` from `host`, in the code's consumption order, or the
/// reason none can. Room on each is checked afterwards by the store.
pub fn candidates(
    items: &[CodeItem],
    product: &str,
    host: Option<&NormalizedHost>,
    code: &CodePolicy,
    now: DateTime<Utc>,
) -> Result<Vec<Candidate>, Denial> {
    let for_product: Vec<&CodeItem> = items.iter().filter(|i| i.product == product).collect();
    if for_product.is_empty() {
        return Err(Denial::NoMatchingLicense);
    }
    let active: Vec<&CodeItem> =
        for_product.iter().copied().filter(|i| i.status == ItemStatus::Active).collect();
    if active.is_empty() {
        return Err(if for_product.iter().any(|i| i.status == ItemStatus::NotYetValid) {
            Denial::LicenseNotYetValid
        } else {
            Denial::LicenseExpired
        });
    }
    let admitted: Vec<Candidate> = active
        .iter()
        .filter(|i| per_domain_admits(i, host))
        .map(|i| candidate(i, code, now))
        .collect();
    if admitted.is_empty() {
        return Err(Denial::DomainNotAllowed);
    }
    Ok(admitted)
}

/// A per-domain item serves only its own domain; other options serve any host the code admits.
fn per_domain_admits(item: &CodeItem, host: Option<&NormalizedHost>) -> bool {
    if item.option != LicenseOption::PerDomain {
        return true;
    }
    let (Some(domain), Some(host)) = (&item.domain, host) else {
        return false;
    };
    DomainBinding::parse(domain).is_ok_and(|b| b.admits(host))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
    }

    fn item(id: &str, option: LicenseOption, status: ItemStatus) -> CodeItem {
        CodeItem {
            id: id.into(),
            product: "barcode-reader".into(),
            option,
            active_period: (option == LicenseOption::PerDevice).then_some(ActivePeriod::Yearly),
            quota: (option != LicenseOption::PerDomain).then_some(50),
            domain: (option == LicenseOption::PerDomain).then(|| "example.com".into()),
            status,
            expires_at: Utc.with_ymd_and_hms(2030, 11, 1, 0, 0, 0).unwrap(),
        }
    }

    fn policy() -> CodePolicy {
        CodePolicy {
            refresh_interval: None,
            overuse_percent: None,
            offline_grace: Duration::from_secs(7 * 86400),
        }
    }

    fn host(s: &str) -> NormalizedHost {
        NormalizedHost::from_origin_or_host(s).unwrap()
    }

    #[test]
    fn items_are_offered_in_order_with_their_limits() {
        let items = [
            item("A", LicenseOption::PerDevice, ItemStatus::Active),
            item("B", LicenseOption::PerScan, ItemStatus::Active),
        ];
        let c = candidates(&items, "barcode-reader", None, &policy(), now()).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].item_id, "A");
        assert_eq!(c[0].capacity, Capacity::Devices { limit: 55 });
        assert_eq!(c[1].capacity, Capacity::Units { limit: 52 });
        assert_eq!(c[0].seat_expires_at, now() + chrono::Duration::days(365));
        assert_eq!(c[0].offline_until, now() + chrono::Duration::days(7));
    }

    #[test]
    fn seats_and_offline_time_never_outlive_the_item() {
        let mut i = item("A", LicenseOption::PerDevice, ItemStatus::Active);
        i.expires_at = now() + chrono::Duration::days(2);
        let c = candidate(&i, &policy(), now());
        assert_eq!(c.seat_expires_at, i.expires_at);
        assert_eq!(c.offline_until, i.expires_at);
    }

    #[test]
    fn refusals_say_why() {
        let p = policy();
        let other = [item("A", LicenseOption::PerDevice, ItemStatus::Active)];
        assert_eq!(candidates(&other, "ocr", None, &p, now()), Err(Denial::NoMatchingLicense));
        let expired = [item("A", LicenseOption::PerDevice, ItemStatus::Expired)];
        assert_eq!(
            candidates(&expired, "barcode-reader", None, &p, now()),
            Err(Denial::LicenseExpired)
        );
        let revoked = [item("A", LicenseOption::PerDevice, ItemStatus::Revoked)];
        assert_eq!(
            candidates(&revoked, "barcode-reader", None, &p, now()),
            Err(Denial::LicenseExpired)
        );
        let early = [
            item("A", LicenseOption::PerDevice, ItemStatus::Expired),
            item("B", LicenseOption::PerDevice, ItemStatus::NotYetValid),
        ];
        assert_eq!(
            candidates(&early, "barcode-reader", None, &p, now()),
            Err(Denial::LicenseNotYetValid)
        );
    }

    #[test]
    fn per_domain_items_serve_only_their_domain() {
        let items = [item("D", LicenseOption::PerDomain, ItemStatus::Active)];
        let p = policy();
        let ok =
            candidates(&items, "barcode-reader", Some(&host("https://app.example.com")), &p, now());
        assert_eq!(ok.unwrap()[0].capacity, Capacity::Unlimited);
        let evil =
            candidates(&items, "barcode-reader", Some(&host("example.com.evil.net")), &p, now());
        assert_eq!(evil, Err(Denial::DomainNotAllowed));
        assert_eq!(
            candidates(&items, "barcode-reader", None, &p, now()),
            Err(Denial::DomainNotAllowed)
        );
    }

    #[test]
    fn concurrent_tokens_end_with_the_window_whatever_the_grace() {
        let c = candidate(
            &item("C", LicenseOption::PerConcurrentDevice, ItemStatus::Active),
            &policy(),
            now(),
        );
        assert_eq!(c.offline_until, now() + chrono::Duration::minutes(3));
        assert_eq!(c.seat_expires_at, now() + chrono::Duration::minutes(3));
        let mut soon = item("C", LicenseOption::PerConcurrentDevice, ItemStatus::Active);
        soon.expires_at = now() + chrono::Duration::seconds(30);
        assert_eq!(candidate(&soon, &policy(), now()).offline_until, soon.expires_at);
    }

    #[test]
    fn code_overrides_win_over_item_defaults() {
        let p = CodePolicy {
            refresh_interval: Some(Duration::from_secs(90 * 86400)),
            overuse_percent: Some(0),
            offline_grace: Duration::from_secs(86400),
        };
        let c = candidate(&item("A", LicenseOption::PerDevice, ItemStatus::Active), &p, now());
        assert_eq!(c.capacity, Capacity::Devices { limit: 50 });
        assert_eq!(c.seat_expires_at, now() + chrono::Duration::days(90));
        assert_eq!(c.offline_until, now() + chrono::Duration::days(1));
    }

    #[test]
    fn every_denial_has_a_distinct_code_and_a_client_error_status() {
        let all = [
            Denial::UnknownHandshake,
            Denial::BadSessionPassword,
            Denial::DomainNotAllowed,
            Denial::NoMatchingLicense,
            Denial::LicenseExpired,
            Denial::LicenseNotYetValid,
            Denial::QuotaExceeded,
            Denial::InvalidRequest,
            Denial::RateLimited,
        ];
        let mut codes: Vec<&str> = all.iter().map(|d| d.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        assert!(all.iter().all(|d| (400..500).contains(&d.http_status())));
    }
}
