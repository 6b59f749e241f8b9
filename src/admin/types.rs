//! What admin operations return: the JSON contract of `-o json` and (later) of the admin HTTP API.
//!
//! Field names are stable; new fields may be added, none renamed or removed without a major version.
//! Times are RFC 3339 UTC strings; durations are given twice, as text (`90d`) and as whole seconds.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::option::{ActivePeriod, LicenseOption};
pub use crate::domain::status::ItemStatus;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TrustedKeyView {
    pub key_id: String,
    pub name: Option<String>,
    /// SPKI PEM, as `issuer keygen --public-out` writes it.
    pub public_key: String,
    pub added_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TrustAddResult {
    pub key: TrustedKeyView,
    /// False when the key was already trusted (nothing changed).
    pub added: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ItemView {
    pub id: String,
    pub license_id: String,
    pub product: String,
    pub option: LicenseOption,
    pub quota: Option<u64>,
    pub active_period: Option<ActivePeriod>,
    pub domain: Option<String>,
    pub modules: Vec<String>,
    pub revokes: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub status: ItemStatus,
    /// The revocation item that invalidates this one, if any.
    pub revoked_by: Option<String>,
    /// Devices holding a seat now (device options) or units reported (per-scan / per-page).
    pub used: u64,
    /// Handshake codes this item is bound to.
    pub handshakes: Vec<String>,
    /// The item that takes over when this one expires: same product and option, valid by then, lasting
    /// longer, and bound to every code this one is bound to. Null when nothing does.
    #[serde(default)]
    pub covered_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LicenseView {
    pub id: String,
    pub licensee: String,
    pub issued_at: DateTime<Utc>,
    pub lts_id: Option<String>,
    pub key_id: String,
    pub imported_at: DateTime<Utc>,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    Imported,
    /// The identical file was already imported.
    Unchanged,
    /// A later issue of a stored license took its place (`license import --replace`).
    Replaced,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ImportReport {
    /// The file as named on the command line.
    pub file: String,
    pub status: ImportStatus,
    pub license_id: Option<String>,
    pub items: Vec<String>,
    /// The handshake code the items were bound to (`--handshake`).
    pub handshake: Option<String>,
    /// Those of `bound` that were bound to `handshake` before this import (a re-run binds nothing new).
    #[serde(default)]
    pub already_bound: Vec<String>,
    /// The items bound to `handshake` (expired and revocation items are not bound).
    pub bound: Vec<String>,
    /// Items of the replaced issue that the new one no longer has (status `replaced` only).
    #[serde(default)]
    pub dropped: Vec<String>,
    pub error: Option<crate::error::Error>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ImportSummary {
    pub imported: usize,
    pub unchanged: usize,
    #[serde(default)]
    pub replaced: usize,
    pub failed: usize,
    pub files: Vec<ImportReport>,
}

/// Seats on one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ItemSeats {
    pub item: String,
    pub seats: i64,
}

/// One item bound to one handshake code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Binding {
    pub handshake: String,
    pub item: String,
}

/// What `license remove` dropped (or, with `dry_run`, would drop) and what it kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LicenseRemovalView {
    pub license: String,
    /// The license id once removed; null for a dry run.
    pub removed: Option<String>,
    pub dry_run: bool,
    /// Live seats freed, in all and per item.
    pub seats_freed: i64,
    pub freed_seats: Vec<ItemSeats>,
    /// Bindings of its items to handshake codes, dropped with them.
    pub unbound: Vec<Binding>,
    /// Units (scans, pages) consumed on its items: kept by item id, and counted again if the same item
    /// id is imported again.
    pub units_kept: i64,
    /// Usage reports on its items: kept.
    pub reports_kept: i64,
}

impl LicenseRemovalView {
    /// What a removal dropped and kept, in one line: the audit entry's detail and the CLI's note.
    pub fn summary(&self) -> String {
        let seats = if self.freed_seats.is_empty() {
            "no live seats".to_string()
        } else {
            let per_item: Vec<String> = self
                .freed_seats
                .iter()
                .map(|s| format!("{}: {}", s.item, s.seats))
                .collect();
            format!(
                "{} live seat(s) ({})",
                self.seats_freed,
                per_item.join(", ")
            )
        };
        let bindings = if self.unbound.is_empty() {
            "no bindings".to_string()
        } else {
            let each: Vec<String> = self
                .unbound
                .iter()
                .map(|b| format!("{} from {}", b.item, b.handshake))
                .collect();
            format!("bindings {}", each.join(", "))
        };
        format!(
            "{} {seats} and {bindings}; kept {} consumed unit(s) and {} usage report(s) by item id",
            if self.dry_run {
                "would drop"
            } else {
                "dropped"
            },
            self.units_kept,
            self.reports_kept
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct VerifyReport {
    pub valid: bool,
    pub key_id: String,
    pub license: LicenseDocumentView,
}

/// A verified license document, as `license verify` shows it (no store involved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LicenseDocumentView {
    pub id: String,
    pub licensee: String,
    pub issued_at: DateTime<Utc>,
    pub lts_id: Option<String>,
    pub items: Vec<DocumentItemView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocumentItemView {
    pub id: String,
    pub product: String,
    pub option: LicenseOption,
    pub quota: Option<u64>,
    pub active_period: Option<ActivePeriod>,
    pub domain: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub status: ItemStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Target {
    /// `local` (a data dir) or `remote` (a server URL).
    pub kind: String,
    /// The data dir's database path or the server URL.
    pub location: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Counts {
    pub trusted_keys: i64,
    pub licenses: i64,
    pub items: i64,
    pub handshakes: i64,
    pub active_devices: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StatusView {
    pub target: Target,
    pub lts_id: String,
    pub version: String,
    pub counts: Counts,
    /// The window `expiring_soon` was computed for.
    pub expiring_within: String,
    /// Active items that expire inside the window, soonest first.
    pub expiring_soon: Vec<ItemView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HandshakeItemView {
    /// 1-based place in the consumption order.
    pub position: usize,
    pub id: String,
    pub license_id: String,
    pub product: String,
    pub option: LicenseOption,
    pub status: ItemStatus,
    pub used: u64,
    pub quota: Option<u64>,
    /// Quota including the overuse tolerance: what is actually enforced.
    pub limit: Option<u64>,
    /// Per-concurrent-device items: the most devices their window held at once in the last 30 days
    /// (it can pass `limit` by devices authorized while there was room; see README). Null otherwise.
    #[serde(default)]
    pub peak: Option<u64>,
    /// The refresh interval devices seated on this item get (the code's override or the item's default).
    pub refresh_interval: String,
    pub refresh_interval_seconds: u64,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HandshakeView {
    pub code: String,
    pub name: Option<String>,
    /// The code's override, or null when each item's default applies.
    pub refresh_interval: Option<String>,
    pub refresh_interval_seconds: Option<u64>,
    pub offline_grace: String,
    pub offline_grace_seconds: u64,
    /// The code's overuse tolerance override in percent, or null for each option's default.
    pub overuse_percent: Option<u32>,
    pub password_set: bool,
    /// `expiry` (soonest-expiring item first) or `explicit` (set with `handshake order`).
    pub order: String,
    pub domains: Vec<String>,
    pub active_devices: i64,
    pub items: Vec<HandshakeItemView>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Settings for `handshake create`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HandshakeSettings {
    pub name: Option<String>,
    pub refresh_interval_seconds: Option<u64>,
    pub offline_grace_seconds: Option<u64>,
    pub overuse_percent: Option<u32>,
}

/// `handshake set`: only the fields given change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HandshakeChanges {
    pub name: Option<String>,
    pub refresh_interval_seconds: Option<u64>,
    /// Back to each item's default refresh interval.
    #[serde(default)]
    pub reset_refresh_interval: bool,
    pub offline_grace_seconds: Option<u64>,
    pub overuse_percent: Option<u32>,
    /// Back to each option's default overuse tolerance.
    #[serde(default)]
    pub reset_overuse: bool,
}

impl HandshakeChanges {
    pub fn is_empty(&self) -> bool {
        *self == HandshakeChanges::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SweepView {
    /// Devices removed by this run.
    pub removed: i64,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    /// `manual` (ltsctl sweep) or `schedule` (the server's sweeper).
    pub trigger: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TokenView {
    pub name: String,
    pub role: crate::auth::Role,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    /// `active`, `expired` or `revoked`.
    pub state: String,
}

/// `token create`: the only time the secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TokenCreated {
    pub name: String,
    pub role: crate::auth::Role,
    pub expires_at: Option<DateTime<Utc>>,
    /// The bearer token. Store it now (e.g. `ltsctl login --token-stdin`): it cannot be shown again.
    pub token: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// The token name, or `local` for direct access to the data dir.
    pub actor: String,
    pub action: String,
    pub target: String,
    /// `ok`, or the error kind that stopped the change.
    pub result: String,
    pub detail: Option<String>,
}

/// Who the credentials belong to (`login` checks a token with it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Caller {
    pub actor: String,
    pub role: crate::auth::Role,
    pub lts_id: String,
}

/// A device holding (or having held, until swept) a seat through a handshake code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DeviceView {
    pub uuid: String,
    pub handshake: String,
    pub item: String,
    pub platform: String,
    pub domain: Option<String>,
    pub name: Option<String>,
    #[serde(serialize_with = "rfc3339")]
    pub first_seen: DateTime<Utc>,
    #[serde(serialize_with = "rfc3339")]
    pub last_seen: DateTime<Utc>,
    /// Seconds since the device was last seen.
    pub idle_seconds: u64,
    /// When the seat lapses unless the device is seen again (its removal time).
    #[serde(serialize_with = "rfc3339")]
    pub expires_at: DateTime<Utc>,
}

/// A page of devices with each device as its JSON text: exactly the JSON of a [`DevicePage`], for
/// listings that pass rows through (`devices list -o json`, the admin API) without decoding and
/// re-encoding millions of them.
#[derive(Debug, Serialize, Deserialize)]
pub struct RawDevicePage {
    pub devices: Vec<Box<serde_json::value::RawValue>>,
    pub next_cursor: Option<String>,
}

/// The same text as chrono's serializer for whole-second times ("2026-11-22T08:03:00Z"), formatted by
/// humantime into one buffer: device listings print three times per row for up to millions of rows, and
/// chrono's `Display` writes them a piece at a time.
fn rfc3339<S: serde::Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    // humantime covers whole seconds from 1970 to 9999; anything else goes through chrono.
    if t.timestamp_subsec_nanos() == 0 && (0..253_402_300_800).contains(&t.timestamp()) {
        s.collect_str(&humantime::format_rfc3339_seconds(
            std::time::SystemTime::from(*t),
        ))
    } else {
        t.serialize(s)
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceSortKey {
    #[default]
    LastSeen,
    FirstSeen,
    Uuid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceStateFilter {
    #[default]
    All,
    Active,
    Expired,
}

/// Which devices: every field narrows the set.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    utoipa::IntoParams,
)]
#[into_params(parameter_in = Query)]
pub struct DeviceQuery {
    pub handshake: Option<String>,
    pub item: Option<String>,
    /// Only devices not seen for at least this many seconds.
    pub inactive_for_seconds: Option<u64>,
    #[serde(default)]
    pub state: DeviceStateFilter,
    #[serde(default)]
    pub sort: DeviceSortKey,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DevicePage {
    pub devices: Vec<DeviceView>,
    /// Pass back to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DeviceUsageView {
    pub reports: i64,
    pub scans_total: i64,
    pub pages_total: i64,
    /// Scans per symbology.
    pub scans: std::collections::BTreeMap<String, i64>,
    /// Pages per module.
    pub pages: std::collections::BTreeMap<String, i64>,
    pub first_report: Option<DateTime<Utc>>,
    pub last_report: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DeviceDetail {
    pub uuid: String,
    /// One seat per handshake code the device uses.
    pub seats: Vec<DeviceView>,
    pub usage: DeviceUsageView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UnregisterReport {
    pub removed: Vec<String>,
    /// UUIDs that held no seat (already gone): reported, not an error.
    pub missing: Vec<String>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum UsageBy {
    #[default]
    Day,
    Item,
    Symbology,
    Module,
}

#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    utoipa::IntoParams,
)]
#[into_params(parameter_in = Query)]
pub struct UsageQuery {
    pub handshake: Option<String>,
    pub item: Option<String>,
    pub since: Option<DateTime<Utc>>,
    #[serde(default)]
    pub by: UsageBy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UsageGroupView {
    /// The day (YYYY-MM-DD), item id, symbology or module.
    pub key: String,
    pub scans: i64,
    pub pages: i64,
    pub reports: i64,
    pub devices: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ItemUsageView {
    pub item: String,
    pub license_id: String,
    pub product: String,
    pub option: LicenseOption,
    pub status: ItemStatus,
    pub quota: Option<u64>,
    /// Devices seated now (device options) or units reported over the item's validity.
    pub used: u64,
    /// Quota minus used (never negative); null for per-domain.
    pub left: Option<u64>,
    /// used / quota in percent.
    pub percent: Option<f64>,
    /// 60, 80 or 100 when that share of the quota is reached.
    pub alert: Option<u8>,
    /// Quota including the overuse tolerance (the code's with --handshake, else the option's default).
    #[serde(default)]
    pub limit: Option<u64>,
    /// Per-concurrent-device items: the most devices their window held at once in the period (since
    /// `since`, else ever). Null otherwise.
    #[serde(default)]
    pub peak: Option<u64>,
    pub active_devices: i64,
    pub handshakes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UsageView {
    pub since: Option<DateTime<Utc>>,
    pub until: DateTime<Utc>,
    pub by: UsageBy,
    pub groups: Vec<UsageGroupView>,
    pub items: Vec<ItemUsageView>,
    pub scans: i64,
    pub pages: i64,
    pub reports: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_times_serialize_exactly_as_chrono_does() {
        for t in [0, 1, 1_764_000_000, 253_402_300_799] {
            let at = DateTime::<Utc>::from_timestamp(t, 0).unwrap();
            let view = DeviceView {
                uuid: "u".into(),
                handshake: "h".into(),
                item: "i".into(),
                platform: "web".into(),
                domain: None,
                name: None,
                first_seen: at,
                last_seen: at,
                idle_seconds: 0,
                expires_at: at,
            };
            let ours = serde_json::to_value(&view).unwrap();
            let chrono_text = serde_json::to_value(at).unwrap();
            assert_eq!(ours["first_seen"], chrono_text, "{t}");
            assert_eq!(ours["expires_at"], chrono_text, "{t}");
            let back: DeviceView = serde_json::from_value(ours).unwrap();
            assert_eq!(back, view);
        }
        let fractional = DateTime::<Utc>::from_timestamp(5, 500).unwrap();
        let mut out = Vec::new();
        rfc3339(&fractional, &mut serde_json::Serializer::new(&mut out)).unwrap();
        assert_eq!(out, serde_json::to_vec(&fractional).unwrap());
    }
}
