//! The process's Prometheus counters and histograms: what the device API answered, how long requests
//! took, what the store did. Every layer bumps them through the functions here (the device handlers, the
//! sweeper, the store's group writers), so none of them needs a handle threaded through; the server's
//! `/metrics` listener ((`src/server/metrics/`)) encodes them with the per-item gauges it reads from
//! the store.
//!
//! They are process-wide statics, built on first use: a bump is an atomic add (a family looks its label
//! set up under the crate's read lock, and a histogram takes the crate's short lock to observe), so the
//! hot path pays no more than that whether or not anything scrapes. Labels come from closed sets (result
//! and error codes, route templates, methods, statuses, reasons, backends): never a device UUID, a token
//! name, a handshake password or a client address, so the number of series stays bounded whatever the
//! clients send.

use std::sync::LazyLock;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::{Registry, Unit};

/// `ltsctl_authorizations_total{result}`.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ResultLabel {
    /// `granted`, or the error code answered (`quota_exceeded`, `invalid_request`, `busy`...).
    pub result: &'static str,
}

/// `ltsctl_usage_reports_total{outcome}`.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabel {
    /// `accepted`, `duplicate`, or the error code that refused the upload its reports came in.
    pub outcome: &'static str,
}

/// `ltsctl_http_request_duration_seconds{route, method, status}`.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The route template (`/v1/admin/devices/{uuid}`), or `unmatched` for a path no route serves.
    pub route: String,
    /// An HTTP method, or `other` for an extension method.
    pub method: &'static str,
    pub status: u16,
}

/// `ltsctl_devices_removed_total{reason}`.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReasonLabel {
    /// `sweep` (their removal time passed) or `unregister` (an admin removed them).
    pub reason: &'static str,
}

/// `ltsctl_store_commit_group_size{backend}`.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct BackendLabel {
    /// `sqlite` or `postgres`.
    pub backend: &'static str,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

/// Request durations from 1 ms to about 16 s (the request timeout is 15 s).
fn duration_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// Group sizes 1, 2, 4 ... 256 (the writers' largest group).
fn group_histogram() -> Histogram {
    Histogram::new(exponential_buckets(1.0, 2.0, 9))
}

struct Metrics {
    authorizations: Family<ResultLabel, Counter>,
    usage_reports: Family<OutcomeLabel, Counter>,
    requests: HistogramFamily<RequestLabels>,
    rate_limited: Counter,
    store_busy: Counter,
    devices_removed: Family<ReasonLabel, Counter>,
    commit_groups: HistogramFamily<BackendLabel>,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| Metrics {
    authorizations: Family::default(),
    usage_reports: Family::default(),
    requests: Family::new_with_constructor(duration_histogram),
    rate_limited: Counter::default(),
    store_busy: Counter::default(),
    devices_removed: Family::default(),
    commit_groups: Family::new_with_constructor(group_histogram),
});

/// One answer of `POST /v1/authorize`: `granted` or its error code.
pub fn authorization(result: &'static str) {
    METRICS.authorizations.get_or_create(&ResultLabel { result }).inc();
}

/// `n` usage reports of one upload ended as `outcome`.
pub fn usage_reports(outcome: &'static str, n: u64) {
    if n > 0 {
        METRICS.usage_reports.get_or_create(&OutcomeLabel { outcome }).inc_by(n);
    }
}

/// One request served, by route template (never the raw path: it may hold a device UUID).
pub fn request(route: String, method: &'static str, status: u16, seconds: f64) {
    METRICS.requests.get_or_create(&RequestLabels { route, method, status }).observe(seconds);
}

/// A device request refused with 429 by the per-address rate limit.
pub fn rate_limited() {
    METRICS.rate_limited.inc();
}

/// A request answered `busy` (503) because the store stayed locked.
pub fn store_busy() {
    METRICS.store_busy.inc();
}

/// `n` devices removed (`sweep` or `unregister`).
pub fn devices_removed(reason: &'static str, n: u64) {
    if n > 0 {
        METRICS.devices_removed.get_or_create(&ReasonLabel { reason }).inc_by(n);
    }
}

/// A group commit formed with `size` requests (`backend`: `sqlite` or `postgres`).
pub fn commit_group(backend: &'static str, size: usize) {
    METRICS.commit_groups.get_or_create(&BackendLabel { backend }).observe(size as f64);
}

/// Registers every metric of this module (clones share their values) in `registry`, named `ltsctl_*`.
pub fn register(registry: &mut Registry) {
    let m = &*METRICS;
    registry.register(
        "ltsctl_authorizations",
        "Answers of POST /v1/authorize, by result (granted, or the error code)",
        m.authorizations.clone(),
    );
    registry.register(
        "ltsctl_usage_reports",
        "Usage reports received, by outcome (accepted, duplicate, or the error code that refused the upload)",
        m.usage_reports.clone(),
    );
    registry.register_with_unit(
        "ltsctl_http_request_duration",
        "Time from receiving a request to answering it, by route template, method and status",
        Unit::Seconds,
        m.requests.clone(),
    );
    registry.register(
        "ltsctl_rate_limited",
        "Device requests refused with 429 by the per-address rate limit",
        m.rate_limited.clone(),
    );
    registry.register(
        "ltsctl_store_busy",
        "Requests answered 503 busy because the store stayed locked",
        m.store_busy.clone(),
    );
    registry.register(
        "ltsctl_devices_removed",
        "Devices removed by this instance, by reason (sweep, unregister)",
        m.devices_removed.clone(),
    );
    registry.register(
        "ltsctl_store_commit_group_size",
        "Requests committed together in one group transaction, by backend",
        m.commit_groups.clone(),
    );
}

/// `method` as a label value from a closed set.
pub fn method_label(method: &axum::http::Method) -> &'static str {
    match *method {
        axum::http::Method::GET => "GET",
        axum::http::Method::POST => "POST",
        axum::http::Method::PUT => "PUT",
        axum::http::Method::DELETE => "DELETE",
        axum::http::Method::PATCH => "PATCH",
        axum::http::Method::HEAD => "HEAD",
        axum::http::Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_methods_share_one_label() {
        let odd = axum::http::Method::from_bytes(b"BREW").unwrap();
        assert_eq!(method_label(&odd), "other");
        assert_eq!(method_label(&axum::http::Method::POST), "POST");
    }

    #[test]
    fn nothing_is_counted_for_an_empty_batch() {
        // A label set appears only once something was counted under it: an empty upload must not
        // create an `outcome` series of 0 (nor the bump below a series of 1).
        usage_reports("unit_test_empty", 0);
        devices_removed("unit_test_empty", 0);
        let mut registry = Registry::default();
        register(&mut registry);
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &registry).unwrap();
        assert!(!text.contains("unit_test_empty"), "{text}");
        usage_reports("unit_test_some", 3);
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &registry).unwrap();
        assert!(
            text.contains("ltsctl_usage_reports_total{outcome=\"unit_test_some\"} 3"),
            "{text}"
        );
    }
}
