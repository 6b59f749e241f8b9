//! The per-item gauges of `/metrics`, read from the store (so every instance on one PostgreSQL database
//! reports the same figures) and cached for [`MAX_AGE`]: however often, and by however many Prometheus
//! servers, `/metrics` is scraped, the store sees at most one listing of the licenses per interval, on
//! the reader connections (never the group writer the device API waits for).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::MetricType;
use prometheus_client::metrics::gauge::ConstGauge;

use crate::clock::{Clock, to_unix};
use crate::domain::policy;
use crate::store::{ItemState, Store, StoreResult};

/// How long one reading of the store serves scrapes.
pub(super) const MAX_AGE: Duration = Duration::from_secs(5);

/// The labels of every per-item series: what identifies the item and what it is, never who uses it.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ItemLabels {
    item: String,
    license: String,
    product: String,
    /// `per-device`, `per-scan`...
    option: &'static str,
    /// The handshake codes bound to the item, sorted and joined with `,` (empty: none).
    handshake: String,
}

#[derive(Debug)]
struct ItemGauges {
    labels: ItemLabels,
    /// Devices seated now (device options only).
    seats_used: Option<i64>,
    /// Scans or pages reported over the item's validity (per-scan / per-page only).
    units_used: Option<i64>,
    quota: Option<i64>,
    /// The quota with the option's default overuse tolerance.
    limit: Option<i64>,
    expires_at: i64,
}

/// One reading of the store.
#[derive(Debug, Default)]
pub(super) struct Snapshot {
    items: Vec<ItemGauges>,
    active_devices: i64,
}

impl Snapshot {
    async fn read(store: &dyn Store, now: i64) -> StoreResult<Self> {
        let mut items = Vec::new();
        for license in store.list_licenses(now).await? {
            for state in &license.items {
                // An option this build does not know (a newer database) has no figures to give.
                if let Some(gauges) = item_gauges(state) {
                    items.push(gauges);
                }
            }
        }
        let active_devices = store.counts(now).await?.active_devices;
        Ok(Snapshot { items, active_devices })
    }
}

fn item_gauges(state: &ItemState) -> Option<ItemGauges> {
    let (option, _) = state.item.kind().ok()?;
    let mut handshakes = state.handshakes.clone();
    handshakes.sort();
    let quota = state.item.quota.filter(|_| option.has_quota()).map(|q| q.max(0));
    let limit = quota.map(|q| {
        let limit = policy::quota_with_overuse(q as u64, policy::default_overuse_percent(option));
        i64::try_from(limit).unwrap_or(i64::MAX)
    });
    Some(ItemGauges {
        labels: ItemLabels {
            item: state.item.id.clone(),
            license: state.item.license_id.clone(),
            product: state.item.product.clone(),
            option: option.as_str(),
            handshake: handshakes.join(","),
        },
        seats_used: option.counts_devices().then_some(state.active_devices.max(0)),
        units_used: (!option.counts_devices()).then_some(state.units_used.max(0)),
        quota,
        limit,
        expires_at: state.item.expires_at,
    })
}

/// The store reading in force and when it was taken; scrapes refresh it when it is older than
/// [`MAX_AGE`], one at a time.
pub(super) struct ItemCache {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    taken: tokio::sync::Mutex<Option<Instant>>,
    current: Arc<Mutex<Arc<Snapshot>>>,
}

impl ItemCache {
    pub(super) fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        ItemCache {
            store,
            clock,
            taken: tokio::sync::Mutex::new(None),
            current: Arc::new(Mutex::new(Arc::new(Snapshot::default()))),
        }
    }

    /// The collector that encodes the reading in force at each scrape.
    pub(super) fn collector(&self) -> ItemCollector {
        ItemCollector { current: self.current.clone() }
    }

    /// Reads the store again when the reading in force is older than [`MAX_AGE`]. A failed read keeps
    /// the previous figures (and is logged): a database hiccup should not blank every dashboard.
    pub(super) async fn refresh(&self) {
        let mut taken = self.taken.lock().await;
        if taken.is_some_and(|at| at.elapsed() < MAX_AGE) {
            return;
        }
        let now = to_unix(self.clock.now());
        match Snapshot::read(self.store.as_ref(), now).await {
            Ok(snapshot) => {
                *self.current.lock().unwrap_or_else(|p| p.into_inner()) = Arc::new(snapshot);
                *taken = Some(Instant::now());
            }
            Err(e) => {
                tracing::warn!("metrics: cannot read the items from the store (figures kept): {e}");
            }
        }
    }
}

/// Encodes the per-item gauges, `ltsctl_devices_active` and `ltsctl_build_info` from the reading in force.
#[derive(Debug)]
pub(super) struct ItemCollector {
    current: Arc<Mutex<Arc<Snapshot>>>,
}

impl Collector for ItemCollector {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let snapshot = self.current.lock().unwrap_or_else(|p| p.into_inner()).clone();
        type Pick = fn(&ItemGauges) -> Option<i64>;
        let per_item: [(&str, &str, Pick); 5] = [
            (
                "ltsctl_item_seats_used",
                "Devices holding a seat on the item now (per-device, per-server, per-concurrent-device).",
                |i| i.seats_used,
            ),
            (
                "ltsctl_item_units_used",
                "Scans or pages reported on the item over its validity (per-scan, per-page).",
                |i| i.units_used,
            ),
            (
                "ltsctl_item_quota",
                "The item's quota: seats, units, or the concurrent window.",
                |i| i.quota,
            ),
            (
                "ltsctl_item_limit",
                "The quota with the option's default overuse tolerance: what is granted before quota_exceeded.",
                |i| i.limit,
            ),
            (
                "ltsctl_item_expiry_timestamp_seconds",
                "When the item expires, in seconds since the Unix epoch.",
                |i| Some(i.expires_at),
            ),
        ];
        for (name, help, pick) in per_item {
            let mut metric = encoder.encode_descriptor(name, help, None, MetricType::Gauge)?;
            for item in &snapshot.items {
                if let Some(value) = pick(item) {
                    ConstGauge::new(value).encode(metric.encode_family(&item.labels)?)?;
                }
            }
        }
        let active = ConstGauge::new(snapshot.active_devices);
        active.encode(encoder.encode_descriptor(
            "ltsctl_devices_active",
            "Devices holding at least one seat now, on every instance of the store.",
            None,
            MetricType::Gauge,
        )?)?;
        let mut build = encoder.encode_descriptor(
            "ltsctl_build_info",
            "Always 1; the version label says which ltsctl is running.",
            None,
            MetricType::Gauge,
        )?;
        ConstGauge::new(1i64)
            .encode(build.encode_family(&[("version", env!("CARGO_PKG_VERSION"))].as_slice())?)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ItemRow;

    fn state(option: &str, quota: Option<i64>, handshakes: &[&str]) -> ItemState {
        ItemState {
            item: ItemRow {
                id: format!("I-{option}"),
                license_id: "L".into(),
                product: "p".into(),
                option: option.into(),
                quota,
                active_period: None,
                domain: None,
                modules: Vec::new(),
                revokes: None,
                valid_from: 0,
                expires_at: 1_900_000_000,
            },
            revoked_by: None,
            active_devices: 7,
            units_used: 40,
            window_peak: 0,
            handshakes: handshakes.iter().map(|h| h.to_string()).collect(),
        }
    }

    #[test]
    fn device_options_report_seats_and_unit_options_units() {
        let seats = item_gauges(&state("per-device", Some(10), &["b-2", "a-1"])).unwrap();
        assert_eq!((seats.seats_used, seats.units_used), (Some(7), None));
        assert_eq!(seats.quota, Some(10));
        assert_eq!(seats.labels.handshake, "a-1,b-2");
        assert_eq!(seats.labels.option, "per-device");
        let scans = item_gauges(&state("per-scan", Some(1000), &[])).unwrap();
        assert_eq!((scans.seats_used, scans.units_used), (None, Some(40)));
        assert_eq!(scans.labels.handshake, "");
        assert_eq!(scans.expires_at, 1_900_000_000);
        assert!(scans.limit.unwrap() >= 1000);
    }

    #[test]
    fn per_domain_items_have_no_quota_and_unknown_options_no_series() {
        let domain = item_gauges(&state("per-domain", None, &[])).unwrap();
        assert_eq!((domain.quota, domain.limit), (None, None));
        assert!(item_gauges(&state("per-galaxy", Some(1), &[])).is_none());
    }
}
