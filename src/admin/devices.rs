//! The devices area's contract, the `DevicesAdmin` trait and the wire types of its operations: listings (with
//! their filters and cursors), one device, unregistering.

use crate::error::Result;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
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
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, clap::ValueEnum,
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
#[derive(
    Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, utoipa::IntoParams,
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

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CountView {
    pub count: u64,
}

/// `POST /v1/admin/devices/unregister`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UnregisterRequest {
    pub uuids: Vec<String>,
    pub handshake: Option<String>,
}

/// `POST /v1/admin/devices/unregister-matching`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UnregisterMatchingRequest {
    pub query: DeviceQuery,
    /// Devices per transaction.
    pub batch: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RemovedView {
    pub removed: u64,
}

/// Devices holding seats, found and unregistered: `devices`.
#[async_trait]
pub trait DevicesAdmin: Send + Sync {
    /// One page of devices; pass `next_cursor` back for the next.
    async fn devices_list(
        &self,
        query: &DeviceQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<DevicePage>;

    /// The same page as [`Self::devices_list`], each device as its JSON text.
    async fn devices_list_raw(
        &self,
        query: &DeviceQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<RawDevicePage> {
        let page = self.devices_list(query, cursor, limit).await?;
        raw_page(page)
    }

    async fn devices_count(&self, query: &DeviceQuery) -> Result<u64>;

    async fn device_show(&self, uuid: &str) -> Result<DeviceDetail>;

    /// Frees the seats of these devices in one transaction (through one code only, if given).
    async fn devices_unregister(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
    ) -> Result<UnregisterReport>;

    /// Frees the seats of up to `batch` devices matching `query`, in one transaction; returns how many.
    async fn devices_unregister_matching(&self, query: &DeviceQuery, batch: u32) -> Result<u64>;
}

/// A typed page as a raw one (for targets without a faster way).
pub(crate) fn raw_page(page: DevicePage) -> Result<RawDevicePage> {
    let devices = page
        .devices
        .iter()
        .map(serde_json::value::to_raw_value)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| crate::error::Error::internal(format!("encoding a device: {e}")))?;
    Ok(RawDevicePage {
        devices,
        next_cursor: page.next_cursor,
    })
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
