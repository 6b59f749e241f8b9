//! The devices area's contract, the `DevicesAdmin` trait and the wire types of its operations: listings (with
//! their filters and cursors), one device, unregistering.

use crate::error::Result;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use clap::ValueEnum;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A device holding (or having held, until swept) a seat through a handshake code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
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
    /// While an offline authorization file holds the seat (`devices checkout`): until when. The seat is
    /// not freed before then; `null` when the device holds no live check-out.
    #[serde(serialize_with = "opt_rfc3339")]
    pub checked_out_until: Option<DateTime<Utc>>,
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
        s.collect_str(&humantime::format_rfc3339_seconds(std::time::SystemTime::from(*t)))
    } else {
        t.serialize(s)
    }
}

fn opt_rfc3339<S: serde::Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => rfc3339(t, s),
        None => s.serialize_none(),
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceSortKey {
    #[default]
    LastSeen,
    FirstSeen,
    Uuid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceStateFilter {
    #[default]
    All,
    Active,
    Expired,
}

/// Which devices: every field narrows the set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeviceQuery {
    pub handshake: Option<String>,
    pub item: Option<String>,
    /// Only devices not seen for at least this many seconds.
    pub inactive_for_seconds: Option<u64>,
    #[serde(default)]
    pub state: DeviceStateFilter,
    /// Only devices holding a live check-out (`true`), or only those that do not (`false`).
    pub checked_out: Option<bool>,
    #[serde(default)]
    pub sort: DeviceSortKey,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DevicePage {
    pub devices: Vec<DeviceView>,
    /// Pass back to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DeviceDetail {
    pub uuid: String,
    /// One seat per handshake code the device uses.
    pub seats: Vec<DeviceView>,
    pub usage: DeviceUsageView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct UnregisterReport {
    pub removed: Vec<String>,
    /// UUIDs that held no seat (already gone): reported, not an error.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Devices per page (at most 5000).
    pub limit: Option<u32>,
}

/// `GET /v1/admin/devices/stream`: how many devices at most (beside a [`DeviceQuery`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StreamQuery {
    /// At most this many devices; none: every matching device.
    pub limit: Option<u64>,
}

/// The media type of a streamed listing: one JSON document per line.
pub const DEVICE_STREAM_TYPE: &str = "application/x-ndjson";

/// The last line of a streamed listing that went to its end: `{"end":{"count":N}}`, `N` the devices on
/// the lines before it. A listing that fails after it started ends with an admin error body instead
/// (`{"error":{...}}`), and one cut off ends with neither: the client then knows the list is short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StreamEnd {
    pub end: CountView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CountView {
    pub count: u64,
}

/// `POST /v1/admin/devices/unregister`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UnregisterRequest {
    pub uuids: Vec<String>,
    pub handshake: Option<String>,
    /// Unregister devices holding a live check-out too (otherwise such a device refuses the call).
    #[serde(default)]
    pub force: bool,
}

/// `POST /v1/admin/devices/unregister-matching`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UnregisterMatchingRequest {
    pub query: DeviceQuery,
    /// Devices per transaction.
    pub batch: u32,
    /// Unregister matching devices holding a live check-out too (otherwise they are kept).
    #[serde(default)]
    pub force: bool,
}

/// `POST /v1/admin/devices/checkout`: seat a device that never reaches the LTS, as `/v1/authorize`
/// would (no domain check), for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckoutRequest {
    pub handshake: String,
    pub uuid: String,
    pub product: String,
    pub platform: crate::service::types::Platform,
    #[serde(default)]
    pub name: Option<String>,
    /// How long the device may work offline (at most 366 days); capped at the item's expiry.
    pub for_seconds: u64,
}

/// The `format` of an [`OfflineAuthorization`].
pub const OFFLINE_AUTHORIZATION_FORMAT: &str = "ltsctl-offline-authorization/1";

/// An offline authorization file (`devices checkout --out`): the token a device would get from
/// `/v1/authorize`, lasting the check-out, with the JWKS to verify it without a network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OfflineAuthorization {
    /// Always `ltsctl-offline-authorization/1`.
    pub format: String,
    pub lts_id: String,
    pub handshake: String,
    pub uuid: String,
    pub product: String,
    /// The license item that serves the device, and its option.
    pub item: String,
    pub option: String,
    pub issued_at: DateTime<Utc>,
    /// The end of the check-out: the token's `exp`. The seat is held until then.
    pub expires_at: DateTime<Utc>,
    /// Compact JWS (EdDSA), claims as `/v1/authorize` gives plus `"checked_out": true`.
    pub token: String,
    /// The LTS's `/v1/jwks` at check-out time.
    #[schema(value_type = Object)]
    pub jwks: serde_json::Value,
}

/// `POST /v1/admin/devices/checkin`: end a device's check-outs early.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckinRequest {
    pub uuid: String,
    /// Only the check-out through this code.
    #[serde(default)]
    pub handshake: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CheckinReport {
    pub uuid: String,
    /// The codes whose check-out ended (their seats are free).
    pub handshakes: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RemovedView {
    pub removed: u64,
}

/// Devices holding seats, found and unregistered: `devices`.
#[async_trait]
pub trait DevicesAdmin: Send + Sync {
    /// One page of devices; pass `next_cursor` back for the next.
    async fn devices_list(&self, query: &DeviceQuery, page: &PageQuery) -> Result<DevicePage>;

    /// The same page as [`Self::devices_list`], each device as its JSON text.
    async fn devices_list_raw(
        &self,
        query: &DeviceQuery,
        page: &PageQuery,
    ) -> Result<RawDevicePage> {
        let page = self.devices_list(query, page).await?;
        raw_page(page)
    }

    /// Every matching device (up to `limit`), each as its JSON text handed to `each` as it is read, when
    /// the target can list in one pass (the local SQLite store: one statement, no pages); `None` when it
    /// cannot, and callers page through [`Self::devices_list_raw`].
    async fn devices_each_json(
        &self,
        query: &DeviceQuery,
        limit: Option<u64>,
        each: &mut crate::store::EachJson<'_>,
    ) -> Result<Option<u64>> {
        let _ = (query, limit, each);
        Ok(None)
    }

    async fn devices_count(&self, query: &DeviceQuery) -> Result<u64>;

    async fn device_show(&self, uuid: &str) -> Result<DeviceDetail>;

    /// Frees the seats of these devices in one transaction (through one code only, if given). A device
    /// holding a live check-out refuses the call unless `force`.
    async fn devices_unregister(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
        force: bool,
    ) -> Result<UnregisterReport>;

    /// Frees the seats of up to `batch` devices matching `query`, in one transaction; returns how many.
    /// Devices holding a live check-out are kept unless `force`.
    async fn devices_unregister_matching(
        &self,
        query: &DeviceQuery,
        batch: u32,
        force: bool,
    ) -> Result<u64>;

    /// Seats a device for an offline check-out and returns its offline authorization file.
    async fn devices_checkout(&self, req: &CheckoutRequest) -> Result<OfflineAuthorization>;

    /// Ends a device's live check-outs (through one code only, if given), freeing their seats.
    async fn devices_checkin(&self, uuid: &str, handshake: Option<&str>) -> Result<CheckinReport>;
}

/// A typed page as a raw one (for targets without a faster way).
pub(crate) fn raw_page(page: DevicePage) -> Result<RawDevicePage> {
    let devices = page
        .devices
        .iter()
        .map(serde_json::value::to_raw_value)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| crate::error::Error::internal(format!("encoding a device: {e}")))?;
    Ok(RawDevicePage { devices, next_cursor: page.next_cursor })
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
                checked_out_until: Some(at),
            };
            let ours = serde_json::to_value(&view).unwrap();
            let chrono_text = serde_json::to_value(at).unwrap();
            assert_eq!(ours["first_seen"], chrono_text, "{t}");
            assert_eq!(ours["expires_at"], chrono_text, "{t}");
            assert_eq!(ours["checked_out_until"], chrono_text, "{t}");
            let back: DeviceView = serde_json::from_value(ours).unwrap();
            assert_eq!(back, view);
        }
        let fractional = DateTime::<Utc>::from_timestamp(5, 500).unwrap();
        let mut out = Vec::new();
        rfc3339(&fractional, &mut serde_json::Serializer::new(&mut out)).unwrap();
        assert_eq!(out, serde_json::to_vec(&fractional).unwrap());
    }
}
