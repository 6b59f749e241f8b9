//! Sending alerts: webhooks ([`webhook`]) and e-mail ([`email`]), one delivery of the outbox at a time,
//! with retries by exponential backoff and jitter for 24 hours. Used by the server's delivery task and by
//! `webhook test` (on either target). The thresholds in force are resolved here from the stored settings.

pub mod email;
pub mod webhook;

use std::collections::BTreeMap;
use std::time::Duration;

use crate::domain::alerts::Thresholds;
use crate::store::{AlertSettingsRow, AttemptOutcome, OutboxRow, Store};

/// Deliveries are retried for this long after they were queued, then given up (`failed`).
pub const GIVE_UP_AFTER_SECS: i64 = 24 * 3600;

/// The longest wait between two attempts.
const MAX_DELAY: Duration = Duration::from_secs(4 * 3600);

/// How often the alert tasks run. The defaults are for production; tests shorten them (`serve`'s
/// hidden `--alerts-test-timing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// Between two evaluations.
    pub evaluate_every: Duration,
    /// Between two looks at the outbox when nothing woke the delivery task.
    pub poll_every: Duration,
    /// The wait before the first retry; each retry doubles it (with jitter).
    pub retry_base: Duration,
    /// A delivery in progress is leased this long: a process that dies mid-delivery leaves it to be
    /// retried after that.
    pub lease: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            evaluate_every: Duration::from_secs(60),
            poll_every: Duration::from_secs(5),
            retry_base: Duration::from_secs(30),
            lease: Duration::from_secs(120),
        }
    }
}

impl Timing {
    /// Everything scaled to `ms` (evaluations every `ms`, retries from `ms`), for tests.
    pub fn for_tests(ms: u64) -> Self {
        let ms = ms.max(10);
        Timing {
            evaluate_every: Duration::from_millis(ms),
            poll_every: Duration::from_millis((ms / 2).max(10)),
            retry_base: Duration::from_millis(ms),
            // Longer than a delivery to a receiver on loopback takes on a loaded test machine (a lease
            // that ends mid-delivery lets another instance send it again), short enough that a test
            // does not wait long for a delivery a killed process had leased.
            lease: Duration::from_secs(10),
        }
    }
}

/// The wait after the `attempt`-th failed attempt (1 for the first): `base · 2^(attempt-1)`, at most
/// [`MAX_DELAY`], times a jitter factor in `[0.5, 1.5)` from `jitter` (in `[0, 1)`), so deliveries that
/// failed together (a receiver down) do not all come back at once.
/// An error with every cause below it ("connection refused: os error 111"): what a delivery attempt
/// records, so `alerts deliveries` says why without a log to read.
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut why = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        why.push_str(": ");
        why.push_str(&s.to_string());
        source = s.source();
    }
    why
}

pub fn backoff(base: Duration, attempt: u32, jitter: f64) -> Duration {
    let exp = attempt.saturating_sub(1).min(30);
    let plain = base.saturating_mul(1u32 << exp).min(MAX_DELAY);
    plain.mul_f64(0.5 + jitter.clamp(0.0, 1.0))
}

fn jitter() -> f64 {
    f64::from(getrandom::u32().unwrap_or(u32::MAX / 2)) / (f64::from(u32::MAX) + 1.0)
}

/// The thresholds in force: the global ones (defaults under the `*` row), and each code's with its own
/// row over the global ones. A field taken from below is named in `inherited`.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub global: Thresholds,
    pub global_inherited: Vec<&'static str>,
    pub codes: BTreeMap<String, (Thresholds, Vec<&'static str>)>,
}

impl Resolved {
    pub fn from_rows(rows: &[AlertSettingsRow]) -> Self {
        let mut out = Resolved::default();
        let global = rows.iter().find(|r| r.scope == "*");
        (out.global, out.global_inherited) = overlay(&Thresholds::default(), global);
        for row in rows.iter().filter(|r| r.scope != "*") {
            out.codes.insert(row.scope.clone(), overlay(&out.global, Some(row)));
        }
        out
    }

    /// An item's thresholds: those of the first of its codes (sorted) with settings of its own, else
    /// the global ones.
    pub fn for_item(&self, codes: &[String]) -> &Thresholds {
        let mut codes: Vec<&String> = codes.iter().collect();
        codes.sort();
        codes.into_iter().find_map(|c| self.codes.get(c)).map_or(&self.global, |(t, _)| t)
    }

    pub fn for_code(&self, code: &str) -> &Thresholds {
        self.codes.get(code).map_or(&self.global, |(t, _)| t)
    }
}

fn parse_list(s: &str) -> Option<Vec<u32>> {
    s.split(',').map(|v| v.trim().parse().ok()).collect()
}

fn overlay(base: &Thresholds, row: Option<&AlertSettingsRow>) -> (Thresholds, Vec<&'static str>) {
    let mut t = base.clone();
    let mut inherited = Vec::new();
    match row.and_then(|r| r.quota_percents.as_deref()).and_then(parse_list) {
        Some(v) => t.quota_percents = v,
        None => inherited.push("quota_percents"),
    }
    match row.and_then(|r| r.expiry_days.as_deref()).and_then(parse_list) {
        Some(v) => t.expiry_days = v,
        None => inherited.push("expiry_days"),
    }
    match row.and_then(|r| r.refusals).and_then(|n| u32::try_from(n).ok()) {
        Some(n) => t.refusals = n,
        None => inherited.push("refusals"),
    }
    (t, inherited)
}

/// Sends one delivery and says what becomes of it (delivered, retried at a time, or given up), without
/// writing it: the caller records it with [`crate::store::AlertsStore::finish_delivery`].
pub async fn attempt(
    store: &dyn Store,
    row: &OutboxRow,
    mailer: Option<&email::Mailer>,
) -> (webhook::Attempt, bool) {
    let missing = |why: &str| {
        (webhook::Attempt { status_code: None, error: Some(why.to_string()), ms: 0 }, true)
    };
    match row.channel.as_str() {
        "webhook" => match store.webhook(&row.target).await {
            Ok(Some(hook)) => (webhook::send(&hook, &row.msg_id, &row.payload).await, false),
            Ok(None) => missing("the webhook was removed"),
            Err(e) => (
                webhook::Attempt {
                    status_code: None,
                    error: Some(format!("reading the webhook: {e}")),
                    ms: 0,
                },
                false,
            ),
        },
        "email" => match mailer {
            Some(m) => {
                let payload: serde_json::Value =
                    serde_json::from_str(&row.payload).unwrap_or_default();
                let (subject, body) = email::compose(&payload);
                (m.send(&row.target, &subject, &body).await, false)
            }
            None => (
                webhook::Attempt {
                    status_code: None,
                    error: Some(
                        "no SMTP server is configured (serve's smtp_host); kept for when one is"
                            .into(),
                    ),
                    ms: 0,
                },
                false,
            ),
        },
        other => missing(&format!("unknown channel {other}")),
    }
}

/// What becomes of a delivery after an attempt at `now`: delivered; retried after the backoff; or given
/// up when `final_attempt` (the target is gone, or a one-shot test) or past [`GIVE_UP_AFTER_SECS`].
pub fn outcome(
    row: &OutboxRow,
    sent: &webhook::Attempt,
    now: i64,
    base: Duration,
    final_attempt: bool,
) -> AttemptOutcome {
    let mut o = AttemptOutcome {
        at: now,
        status_code: sent.status_code,
        error: sent.error.clone(),
        ms: sent.ms,
        retry_at: None,
        give_up: false,
    };
    if sent.error.is_none() {
        return o;
    }
    let n = u32::try_from(row.attempts.saturating_add(1)).unwrap_or(u32::MAX);
    let wait = backoff(base, n, jitter());
    // Whole seconds, at least one: the store keeps seconds.
    let retry_at = now.saturating_add((wait.as_millis() as i64 + 999) / 1000).max(now + 1);
    // A `webhook test` event is tried once: one its command left pending (interrupted mid-send) and the
    // server then picked up must not be retried against the receiver for a day.
    let one_shot = row.event_type == crate::domain::alerts::EVENT_TEST;
    if final_attempt || one_shot || retry_at > row.created_at.saturating_add(GIVE_UP_AFTER_SECS) {
        o.give_up = true;
    } else {
        o.retry_at = Some(retry_at);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let base = Duration::from_secs(30);
        assert_eq!(backoff(base, 1, 0.5), Duration::from_secs(30));
        assert_eq!(backoff(base, 2, 0.5), Duration::from_secs(60));
        assert_eq!(backoff(base, 3, 0.0), Duration::from_secs(60));
        assert_eq!(backoff(base, 40, 0.5), MAX_DELAY);
        let spread = backoff(base, 4, 0.999) - backoff(base, 4, 0.0);
        assert!(spread > Duration::from_secs(200), "{spread:?}");
    }

    #[test]
    fn a_delivery_is_given_up_after_a_day() {
        let row = OutboxRow {
            id: 1,
            alert_id: Some(1),
            channel: "webhook".into(),
            target: "wh".into(),
            event_type: "item.expired".into(),
            msg_id: "msg".into(),
            payload: "{}".into(),
            created_at: 0,
            next_attempt_at: 0,
            attempts: 3,
            state: "pending".into(),
            lease_until: None,
            last_status: None,
            last_error: None,
            delivered_at: None,
        };
        let failed =
            webhook::Attempt { status_code: Some(500), error: Some("HTTP 500".into()), ms: 3 };
        let base = Duration::from_secs(30);
        let o = outcome(&row, &failed, 100, base, false);
        assert!(o.retry_at.is_some_and(|t| t > 100) && !o.give_up, "{o:?}");
        let o = outcome(&row, &failed, GIVE_UP_AFTER_SECS - 1, base, false);
        assert!(o.give_up, "{o:?}");
        let ok = webhook::Attempt { status_code: Some(204), error: None, ms: 3 };
        let o = outcome(&row, &ok, 100, base, false);
        assert!(o.retry_at.is_none() && !o.give_up);
        // A test event left pending by an interrupted `webhook test` is not retried.
        let test = OutboxRow {
            alert_id: None,
            event_type: crate::domain::alerts::EVENT_TEST.into(),
            ..row.clone()
        };
        let o = outcome(&test, &failed, 100, base, false);
        assert!(o.give_up && o.retry_at.is_none(), "{o:?}");
    }

    #[test]
    fn code_settings_override_the_global_ones_field_by_field() {
        let rows = [
            AlertSettingsRow { scope: "*".into(), refusals: Some(5), ..Default::default() },
            AlertSettingsRow {
                scope: "APP".into(),
                quota_percents: Some("90".into()),
                ..Default::default()
            },
        ];
        let r = Resolved::from_rows(&rows);
        assert_eq!(r.global.refusals, 5);
        assert_eq!(r.global.quota_percents, [60, 80, 100]);
        let app = r.for_code("APP");
        assert_eq!((app.quota_percents.as_slice(), app.refusals), (&[90][..], 5));
        assert_eq!(r.for_item(&["OTHER".into(), "APP".into()]).quota_percents, [90]);
        assert_eq!(r.for_item(&["OTHER".into()]).quota_percents, [60, 80, 100]);
    }
}
