//! The alert rules, pure: which conditions hold for what the store shows now, which of them are new
//! crossings to fire and which fired ones have cleared (and so re-arm). The evaluator in `server/alerts/`
//! reads the observations and the open alerts from the store, calls [`evaluate`], and writes the result
//! (new alerts and their deliveries, cleared ones) in one transaction.
//!
//! Conditions, each named by a stable key so that the store holds at most one open alert per key:
//! - `quota:ITEM:P`: the item's use reached P % of its quota (seats for per-device and per-server, units
//!   for per-scan and per-page, the devices in the window now for per-concurrent-device);
//! - `expiry:ITEM:D`: the item expires within D days (and stays so once it has expired);
//! - `expired:ITEM`: the item has expired;
//! - `refusals:CODE`: the code refused more than N authorizations with `quota_exceeded` in the last
//!   [`REFUSAL_WINDOW_SECS`].
//!
//! When several crossings of one item's quota (or of its expiry) fire in the same round (usage jumped from
//! 50 % to 100 %, or a license imported a day before it expires), only the most severe is sent: the others
//! are recorded as fired, so they do not fire later, but not notified.

use std::collections::{BTreeMap, HashSet};

use serde_json::json;

/// An item reached a threshold of its quota.
pub const EVENT_QUOTA: &str = "item.quota.threshold";
/// An item expires within a threshold of days.
pub const EVENT_EXPIRING: &str = "item.expiring";
/// An item has expired.
pub const EVENT_EXPIRED: &str = "item.expired";
/// A code refused more authorizations with `quota_exceeded` than its threshold in the window.
pub const EVENT_REFUSALS: &str = "handshake.refusals";
/// `webhook test`: sent only to the webhook tested, whatever its events.
pub const EVENT_TEST: &str = "webhook.test";

/// The event types a webhook can subscribe to.
pub const EVENTS: &[&str] = &[EVENT_QUOTA, EVENT_EXPIRING, EVENT_EXPIRED, EVENT_REFUSALS];

/// The window the refusal alert counts over.
pub const REFUSAL_WINDOW_SECS: i64 = 600;

/// An item expired longer ago than this raises no alert: it is history, not news (an old license
/// imported, or the first run of an LTS that has kept expired items for years).
pub const STALE_EXPIRY_SECS: i64 = 7 * 86_400;

const DAY: i64 = 86_400;

/// Thresholds in force for an item or a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thresholds {
    /// Percents of the quota, e.g. 60, 80, 100 (above 100 for an item used past its quota by tolerance).
    pub quota_percents: Vec<u32>,
    /// Days before expiry, e.g. 30, 7, 1.
    pub expiry_days: Vec<u32>,
    /// More quota refusals than this in [`REFUSAL_WINDOW_SECS`] fire the refusal alert.
    pub refusals: u32,
}

impl Default for Thresholds {
    /// What the vendor's own service warns at (60 / 80 / 100 % of a quota), and a month, a week and a
    /// day before expiry; ten refusals in ten minutes are more than a device retrying once.
    fn default() -> Self {
        Thresholds { quota_percents: vec![60, 80, 100], expiry_days: vec![30, 7, 1], refusals: 10 }
    }
}

/// Bounds of the settings, checked where they are set.
pub const MAX_THRESHOLDS: usize = 10;
pub const PERCENT_RANGE: std::ops::RangeInclusive<u32> = 1..=1000;
pub const DAYS_RANGE: std::ops::RangeInclusive<u32> = 1..=3650;
pub const REFUSALS_RANGE: std::ops::RangeInclusive<u32> = 1..=1_000_000;

/// A list of thresholds sorted, without duplicates, each in `range`; the error says which and why.
pub fn check_list(
    what: &str,
    values: &[u32],
    range: std::ops::RangeInclusive<u32>,
) -> Result<Vec<u32>, String> {
    if values.is_empty() || values.len() > MAX_THRESHOLDS {
        return Err(format!("{what} takes 1 to {MAX_THRESHOLDS} values, {} given", values.len()));
    }
    if let Some(bad) = values.iter().find(|v| !range.contains(v)) {
        return Err(format!(
            "{what} value {bad} is out of range: each must be {} to {}",
            range.start(),
            range.end()
        ));
    }
    let mut out = values.to_vec();
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// One item as the store shows it now.
#[derive(Debug, Clone)]
pub struct ItemObservation {
    pub item_id: String,
    pub license_id: String,
    pub product: String,
    pub option: String,
    /// What counts against the quota now (see the module doc).
    pub used: i64,
    /// `None` for items without a quota (per-domain).
    pub quota: Option<i64>,
    /// What `used` counts: `seats`, `scans`, `pages`, `devices`.
    pub unit: &'static str,
    pub expires_at: i64,
    pub thresholds: Thresholds,
}

/// One handshake code's quota refusals in the window.
#[derive(Debug, Clone)]
pub struct CodeObservation {
    pub code: String,
    pub refusals: i64,
    pub threshold: u32,
}

/// A condition that holds and was not open: an alert to record (and send when `notify`).
#[derive(Debug, Clone, PartialEq)]
pub struct Crossing {
    pub key: String,
    pub event_type: &'static str,
    /// The item id or the code.
    pub subject: String,
    pub threshold: i64,
    /// One plain sentence: what crossed which threshold, and the command to look.
    pub message: String,
    /// The event's `data` (the webhook body's and the JSON listing's), without the alert's id.
    pub data: serde_json::Value,
    pub notify: bool,
}

/// What to write after a round.
#[derive(Debug, Default, PartialEq)]
pub struct Round {
    pub fire: Vec<Crossing>,
    /// Keys of open alerts whose condition no longer holds: cleared, so they fire again next time.
    pub clear: Vec<String>,
}

/// A crossing with its family (one item's quota, one item's expiry, one code) and severity within it.
struct Holding {
    family: String,
    severity: i64,
    crossing: Crossing,
}

/// The body of a webhook (and the JSON of an e-mail's event): `{"type", "timestamp", "data"}` as the
/// Standard Webhooks specification recommends, `data` holding the alert's id and message with the
/// condition's figures.
pub fn payload(
    event_type: &str,
    fired_at: i64,
    alert_id: Option<i64>,
    message: &str,
    data: &serde_json::Value,
) -> serde_json::Value {
    let mut data = data.clone();
    if let Some(obj) = data.as_object_mut() {
        obj.insert("alert_id".into(), json!(alert_id));
        obj.insert("message".into(), json!(message));
    }
    json!({
        "type": event_type,
        "timestamp": crate::clock::rfc3339(fired_at),
        "data": data,
    })
}

/// The round at `now`, given the observations and the keys of the open alerts.
pub fn evaluate(
    now: i64,
    items: &[ItemObservation],
    codes: &[CodeObservation],
    open: &HashSet<String>,
) -> Round {
    let mut holding = Vec::new();
    for item in items {
        quota_conditions(item, &mut holding);
        expiry_conditions(now, item, &mut holding);
    }
    for code in codes {
        if code.refusals > i64::from(code.threshold) {
            holding.push(Holding {
                family: format!("refusals:{}", code.code),
                severity: 0,
                crossing: Crossing {
                    key: format!("refusals:{}", code.code),
                    event_type: EVENT_REFUSALS,
                    subject: code.code.clone(),
                    threshold: i64::from(code.threshold),
                    message: format!(
                        "handshake code {} refused {} authorizations with quota_exceeded in the last \
                         10 minutes (threshold {}); see `ltsctl usage --handshake {}`",
                        code.code, code.refusals, code.threshold, code.code
                    ),
                    data: json!({
                        "handshake": code.code,
                        "refusals": code.refusals,
                        "threshold": code.threshold,
                        "window_seconds": REFUSAL_WINDOW_SECS,
                    }),
                    notify: true,
                },
            });
        }
    }
    let held: HashSet<&str> = holding.iter().map(|h| h.crossing.key.as_str()).collect();
    let mut clear: Vec<String> =
        open.iter().filter(|k| !held.contains(k.as_str())).cloned().collect();
    clear.sort();
    // The most severe new crossing of each family is sent; the rest are recorded only.
    let mut top: BTreeMap<String, i64> = BTreeMap::new();
    for h in holding.iter().filter(|h| !open.contains(&h.crossing.key)) {
        let best = top.entry(h.family.clone()).or_insert(h.severity);
        *best = (*best).max(h.severity);
    }
    let fire = holding
        .into_iter()
        .filter(|h| !open.contains(&h.crossing.key))
        .map(|h| {
            let mut c = h.crossing;
            c.notify = top.get(&h.family) == Some(&h.severity);
            c
        })
        .collect();
    Round { fire, clear }
}

fn quota_conditions(item: &ItemObservation, out: &mut Vec<Holding>) {
    let Some(quota) = item.quota.filter(|q| *q > 0) else {
        return;
    };
    for &p in &item.thresholds.quota_percents {
        // In 128 bits: a hostile store's figures cannot overflow the comparison.
        if i128::from(item.used) * 100 < i128::from(quota) * i128::from(p) {
            continue;
        }
        out.push(Holding {
            family: format!("quota:{}", item.item_id),
            severity: i64::from(p),
            crossing: Crossing {
                key: format!("quota:{}:{p}", item.item_id),
                event_type: EVENT_QUOTA,
                subject: item.item_id.clone(),
                threshold: i64::from(p),
                message: format!(
                    "item {} ({}, {}) of license {} reached {p} % of its quota: {} of {} {}; see \
                     `ltsctl usage --item {}`",
                    item.item_id,
                    item.option,
                    item.product,
                    item.license_id,
                    item.used,
                    quota,
                    item.unit,
                    item.item_id
                ),
                data: json!({
                    "item": item.item_id,
                    "license": item.license_id,
                    "product": item.product,
                    "option": item.option,
                    "threshold_percent": p,
                    "used": item.used,
                    "quota": quota,
                    "unit": item.unit,
                }),
                notify: true,
            },
        });
    }
}

fn expiry_conditions(now: i64, item: &ItemObservation, out: &mut Vec<Holding>) {
    let left = item.expires_at.saturating_sub(now);
    if left < -STALE_EXPIRY_SECS {
        return;
    }
    let when = crate::clock::rfc3339(item.expires_at);
    let family = format!("expiry:{}", item.item_id);
    let data = |threshold_days: Option<u32>| {
        json!({
            "item": item.item_id,
            "license": item.license_id,
            "product": item.product,
            "option": item.option,
            "expires_at": when,
            "threshold_days": threshold_days,
        })
    };
    if left <= 0 {
        out.push(Holding {
            family: family.clone(),
            severity: i64::MAX,
            crossing: Crossing {
                key: format!("expired:{}", item.item_id),
                event_type: EVENT_EXPIRED,
                subject: item.item_id.clone(),
                threshold: 0,
                message: format!(
                    "item {} ({}, {}) of license {} expired at {when}; import its renewal: `ltsctl \
                     license import FILE --replace`, see `ltsctl license show {}`",
                    item.item_id, item.option, item.product, item.license_id, item.license_id
                ),
                data: data(None),
                notify: true,
            },
        });
    }
    for &d in &item.thresholds.expiry_days {
        if left > i64::from(d) * DAY {
            continue;
        }
        out.push(Holding {
            family: family.clone(),
            // Fewer days left is more severe.
            severity: -i64::from(d),
            crossing: Crossing {
                key: format!("expiry:{}:{d}", item.item_id),
                event_type: EVENT_EXPIRING,
                subject: item.item_id.clone(),
                threshold: i64::from(d),
                message: format!(
                    "item {} ({}, {}) of license {} expires within {d} day(s), at {when}; see \
                     `ltsctl license list --expiring-within {d}d`",
                    item.item_id, item.option, item.product, item.license_id
                ),
                data: data(Some(d)),
                notify: true,
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    fn item(used: i64, quota: i64, expires_in_days: i64) -> ItemObservation {
        ItemObservation {
            item_id: "IT".into(),
            license_id: "LIC".into(),
            product: "sdk".into(),
            option: "per-device".into(),
            used,
            quota: Some(quota),
            unit: "seats",
            expires_at: NOW + expires_in_days * DAY,
            thresholds: Thresholds::default(),
        }
    }

    fn keys(r: &Round) -> Vec<(&str, bool)> {
        r.fire.iter().map(|c| (c.key.as_str(), c.notify)).collect()
    }

    fn open(keys: &[&str]) -> HashSet<String> {
        keys.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn a_crossing_fires_once_and_rearms_when_it_clears() {
        let r = evaluate(NOW, &[item(59, 100, 365)], &[], &open(&[]));
        assert_eq!(r, Round::default());
        let r = evaluate(NOW, &[item(60, 100, 365)], &[], &open(&[]));
        assert_eq!(keys(&r), [("quota:IT:60", true)]);
        assert!(r.fire[0].message.contains("60 of 100 seats"), "{r:?}");
        // Still over: nothing new while it is open.
        let r = evaluate(NOW, &[item(70, 100, 365)], &[], &open(&["quota:IT:60"]));
        assert_eq!(r, Round::default());
        // Back under: cleared, so the next crossing fires again.
        let r = evaluate(NOW, &[item(10, 100, 365)], &[], &open(&["quota:IT:60"]));
        assert_eq!(r.clear, ["quota:IT:60"]);
        assert!(r.fire.is_empty());
    }

    #[test]
    fn a_jump_past_several_thresholds_sends_only_the_highest() {
        let r = evaluate(NOW, &[item(100, 100, 365)], &[], &open(&[]));
        assert_eq!(
            keys(&r),
            [("quota:IT:60", false), ("quota:IT:80", false), ("quota:IT:100", true)]
        );
        // 80 already open, 100 new: 100 is sent.
        let r = evaluate(NOW, &[item(100, 100, 365)], &[], &open(&["quota:IT:60", "quota:IT:80"]));
        assert_eq!(keys(&r), [("quota:IT:100", true)]);
    }

    #[test]
    fn expiry_fires_at_each_threshold_and_when_it_expires() {
        let r = evaluate(NOW, &[item(0, 100, 31)], &[], &open(&[]));
        assert!(r.fire.is_empty());
        let r = evaluate(NOW, &[item(0, 100, 30)], &[], &open(&[]));
        assert_eq!(keys(&r), [("expiry:IT:30", true)]);
        assert_eq!(r.fire[0].event_type, EVENT_EXPIRING);
        let r = evaluate(NOW, &[item(0, 100, 0)], &[], &open(&["expiry:IT:30"]));
        assert_eq!(
            keys(&r),
            [("expired:IT", true), ("expiry:IT:7", false), ("expiry:IT:1", false)]
        );
        // A renewal (later expiry) clears them all.
        let all = ["expired:IT", "expiry:IT:1", "expiry:IT:7", "expiry:IT:30"];
        let r = evaluate(NOW, &[item(0, 100, 365)], &[], &open(&all));
        assert_eq!(r.clear.len(), 4);
        // Long expired: no news.
        let r = evaluate(NOW, &[item(0, 100, -8)], &[], &open(&[]));
        assert!(r.fire.is_empty());
    }

    #[test]
    fn refusals_fire_above_the_threshold_only() {
        let code = |n| CodeObservation { code: "APP".into(), refusals: n, threshold: 10 };
        assert!(evaluate(NOW, &[], &[code(10)], &open(&[])).fire.is_empty());
        let r = evaluate(NOW, &[], &[code(11)], &open(&[]));
        assert_eq!(keys(&r), [("refusals:APP", true)]);
        assert_eq!(r.fire[0].data["refusals"], 11);
        let r = evaluate(NOW, &[], &[code(0)], &open(&["refusals:APP"]));
        assert_eq!(r.clear, ["refusals:APP"]);
    }

    #[test]
    fn items_without_a_quota_and_removed_items() {
        let mut domain = item(5, 0, 365);
        domain.quota = None;
        assert!(evaluate(NOW, &[domain], &[], &open(&[])).fire.is_empty());
        // The item is gone: its open alert clears.
        let r = evaluate(NOW, &[], &[], &open(&["quota:GONE:60"]));
        assert_eq!(r.clear, ["quota:GONE:60"]);
    }

    #[test]
    fn lists_are_checked_sorted_and_deduplicated() {
        assert_eq!(check_list("--quota-percent", &[80, 60, 80], PERCENT_RANGE), Ok(vec![60, 80]));
        let e = check_list("--quota-percent", &[0], PERCENT_RANGE).unwrap_err();
        assert!(e.contains("value 0 is out of range: each must be 1 to 1000"), "{e}");
        assert!(check_list("--expiry-days", &[], DAYS_RANGE).is_err());
    }
}
