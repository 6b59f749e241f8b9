//! Devices and usage on the local target: listing with opaque cursors, unregistering, statistics.

use std::collections::BTreeMap;

use base64::Engine;
use chrono::{DateTime, Utc};

use crate::admin::types::*;
use crate::clock::{from_unix, to_unix};
use crate::domain::option::LicenseOption;
use crate::domain::policy;
use crate::error::{Error, Result};
use crate::store::{
    DeviceCursor, DeviceFilter, DeviceRow, DeviceSort, DeviceState, UsageFilter, UsageGrouping,
};

use super::{LocalAdmin, views};
use crate::domain::usage::checked_total;

/// A total that does not fit in 64 bits: reported, never wrapped into a negative number.
fn overflow(what: &str) -> Error {
    Error::internal(format!(
        "the total of {what} overflows a 64-bit integer; the store holds counts no device reported"
    ))
}

/// Largest page one call returns: keeps memory flat on both ends however many devices there are.
pub const MAX_PAGE: u32 = 5_000;

pub(super) fn filter(query: &DeviceQuery, now: DateTime<Utc>) -> DeviceFilter {
    DeviceFilter {
        handshake: query.handshake.clone(),
        item: query.item.clone(),
        last_seen_before: query
            .inactive_for_seconds
            .map(|s| to_unix(now).saturating_sub(i64::try_from(s).unwrap_or(i64::MAX))),
        state: match query.state {
            DeviceStateFilter::All => DeviceState::All,
            DeviceStateFilter::Active => DeviceState::Active,
            DeviceStateFilter::Expired => DeviceState::Expired,
        },
        now: to_unix(now),
    }
}

fn sort(key: DeviceSortKey) -> DeviceSort {
    match key {
        DeviceSortKey::LastSeen => DeviceSort::LastSeen,
        DeviceSortKey::FirstSeen => DeviceSort::FirstSeen,
        DeviceSortKey::Uuid => DeviceSort::Uuid,
    }
}

/// Cursors are opaque to clients: base64url of the last row's sort key and primary key.
fn encode_cursor(sort: DeviceSort, row: &DeviceRow) -> String {
    let key = match sort {
        DeviceSort::LastSeen => row.last_seen.to_string(),
        DeviceSort::FirstSeen => row.first_seen.to_string(),
        DeviceSort::Uuid => row.uuid.clone(),
    };
    let json = serde_json::json!([key, row.handshake, row.uuid]).to_string();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

fn decode_cursor(cursor: &str) -> Result<DeviceCursor> {
    let bad =
        || Error::usage("invalid cursor; pass back the next_cursor of the previous page unchanged");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| bad())?;
    let [key, handshake, uuid]: [String; 3] = serde_json::from_slice(&bytes).map_err(|_| bad())?;
    Ok(DeviceCursor {
        key,
        handshake,
        uuid,
    })
}

pub(crate) fn device_view(row: DeviceRow, now: DateTime<Utc>) -> DeviceView {
    DeviceView {
        idle_seconds: (to_unix(now) - row.last_seen).max(0) as u64,
        uuid: row.uuid,
        handshake: row.handshake,
        item: row.item_id,
        platform: row.platform,
        domain: row.domain,
        name: row.name,
        first_seen: from_unix(row.first_seen),
        last_seen: from_unix(row.last_seen),
        expires_at: from_unix(row.expires_at),
    }
}

pub(super) async fn list(
    admin: &LocalAdmin,
    query: &DeviceQuery,
    cursor: Option<&str>,
    limit: u32,
) -> Result<DevicePage> {
    let now = admin.now();
    let after = cursor.map(decode_cursor).transpose()?;
    let limit = limit.clamp(1, MAX_PAGE);
    let order = sort(query.sort);
    let rows = admin
        .store
        .list_devices(&filter(query, now), order, after.as_ref(), i64::from(limit))
        .await?;
    let next_cursor = (rows.len() == limit as usize)
        .then(|| rows.last().map(|r| encode_cursor(order, r)))
        .flatten();
    Ok(DevicePage {
        devices: rows.into_iter().map(|r| device_view(r, now)).collect(),
        next_cursor,
    })
}

/// [`list`] with each device as JSON text, built by the store when it can.
pub(super) async fn list_raw(
    admin: &LocalAdmin,
    query: &DeviceQuery,
    cursor: Option<&str>,
    limit: u32,
) -> Result<RawDevicePage> {
    let now = admin.now();
    let after = cursor.map(decode_cursor).transpose()?;
    let limit = limit.clamp(1, MAX_PAGE);
    let order = sort(query.sort);
    let Some(page) = admin
        .store
        .list_devices_json(&filter(query, now), order, after.as_ref(), i64::from(limit))
        .await?
    else {
        return crate::admin::raw_page(list(admin, query, cursor, limit).await?);
    };
    let bad = |e: serde_json::Error| Error::internal(format!("a page of devices as JSON: {e}"));
    let devices: Vec<Box<serde_json::value::RawValue>> =
        serde_json::from_str(&page).map_err(bad)?;
    let next_cursor = match devices.last() {
        Some(last) if devices.len() == limit as usize => {
            let view: DeviceView = serde_json::from_str(last.get()).map_err(bad)?;
            Some(encode_cursor(order, &device_row_of(view)))
        }
        _ => None,
    };
    Ok(RawDevicePage {
        devices,
        next_cursor,
    })
}

/// The sort keys of a view, for its cursor.
fn device_row_of(v: DeviceView) -> DeviceRow {
    DeviceRow {
        uuid: v.uuid,
        handshake: v.handshake,
        item_id: v.item,
        platform: v.platform,
        domain: v.domain,
        name: v.name,
        first_seen: to_unix(v.first_seen),
        last_seen: to_unix(v.last_seen),
        expires_at: to_unix(v.expires_at),
    }
}

pub(super) async fn show(admin: &LocalAdmin, uuid: &str) -> Result<DeviceDetail> {
    let now = admin.now();
    let seats = admin.store.device_seats(uuid).await?;
    let usage = admin.store.device_usage(uuid).await?;
    if seats.is_empty() && usage.reports == 0 {
        return Err(Error::not_found(format!("no device {uuid}")).with_hint(
            "see `ltsctl devices list`; devices are stored by the UUID their SDK reports",
        ));
    }
    let total = |v: &[(String, i64)]| {
        checked_total(v.iter().map(|(_, n)| *n)).ok_or_else(|| overflow("the device's usage"))
    };
    Ok(DeviceDetail {
        uuid: uuid.to_string(),
        seats: seats.into_iter().map(|r| device_view(r, now)).collect(),
        usage: DeviceUsageView {
            reports: usage.reports,
            scans_total: total(&usage.scans)?,
            pages_total: total(&usage.pages)?,
            scans: usage.scans.into_iter().collect::<BTreeMap<_, _>>(),
            pages: usage.pages.into_iter().collect::<BTreeMap<_, _>>(),
            first_report: usage.first_report.map(from_unix),
            last_report: usage.last_report.map(from_unix),
        },
    })
}

pub(super) async fn unregister(
    admin: &LocalAdmin,
    uuids: &[String],
    handshake: Option<&str>,
) -> Result<UnregisterReport> {
    if uuids.is_empty() {
        return Err(Error::usage("name at least one device UUID"));
    }
    let missing = admin.store.unregister_devices(uuids, handshake).await?;
    let removed = uuids
        .iter()
        .filter(|u| !missing.contains(u))
        .cloned()
        .collect();
    Ok(UnregisterReport { removed, missing })
}

pub(super) async fn unregister_matching(
    admin: &LocalAdmin,
    query: &DeviceQuery,
    batch: u32,
) -> Result<u64> {
    if query.inactive_for_seconds.is_none() && query.state != DeviceStateFilter::Expired {
        return Err(
            Error::usage("bulk unregistering needs --inactive-for DUR (or --expired)")
                .with_hint("name the devices instead: ltsctl devices unregister UUID..."),
        );
    }
    let n = admin
        .store
        .unregister_matching(
            &filter(query, admin.now()),
            i64::from(batch.clamp(1, 100_000)),
        )
        .await?;
    Ok(n.max(0) as u64)
}

pub(super) async fn usage(admin: &LocalAdmin, query: &UsageQuery) -> Result<UsageView> {
    let now = admin.now();
    let by = match query.by {
        UsageBy::Day => UsageGrouping::Day,
        UsageBy::Item => UsageGrouping::Item,
        UsageBy::Symbology => UsageGrouping::Symbology,
        UsageBy::Module => UsageGrouping::Module,
    };
    let f = UsageFilter {
        handshake: query.handshake.clone(),
        item: query.item.clone(),
        since: query.since.map(to_unix),
    };
    let groups: Vec<UsageGroupView> = admin
        .store
        .usage_groups(&f, by)
        .await?
        .into_iter()
        .map(|g| UsageGroupView {
            key: g.key,
            scans: g.scans,
            pages: g.pages,
            reports: g.reports,
            devices: g.devices,
        })
        .collect();
    // Totals come from the item grouping whatever `by` is: symbology rows would drop pages and vice versa.
    let totals = if by == UsageGrouping::Item {
        groups.clone()
    } else {
        admin
            .store
            .usage_groups(&f, UsageGrouping::Item)
            .await?
            .into_iter()
            .map(|g| UsageGroupView {
                key: g.key,
                scans: g.scans,
                pages: g.pages,
                reports: g.reports,
                devices: g.devices,
            })
            .collect()
    };
    Ok(UsageView {
        since: query.since,
        until: now,
        by: query.by,
        items: item_usage(admin, query, now).await?,
        scans: checked_total(totals.iter().map(|g| g.scans)).ok_or_else(|| overflow("scans"))?,
        pages: checked_total(totals.iter().map(|g| g.pages)).ok_or_else(|| overflow("pages"))?,
        reports: checked_total(totals.iter().map(|g| g.reports))
            .ok_or_else(|| overflow("reports"))?,
        groups,
    })
}

/// Quota used and left per item (of one code, or all), with the 60/80/100% alert level.
async fn item_usage(
    admin: &LocalAdmin,
    query: &UsageQuery,
    now: DateTime<Utc>,
) -> Result<Vec<ItemUsageView>> {
    let mut overuse = None;
    let states = match &query.handshake {
        Some(code) => match admin.store.get_handshake(code, to_unix(now)).await? {
            Some(record) => {
                overuse = record
                    .handshake
                    .overuse_percent
                    .map(|p| p.clamp(0, 100) as u32);
                record.items
            }
            None => return Err(Error::not_found(format!("no handshake code {code}"))),
        },
        None => admin
            .store
            .list_licenses(to_unix(now))
            .await?
            .into_iter()
            .flat_map(|l| l.items)
            .collect(),
    };
    let mut out = Vec::new();
    for state in states
        .iter()
        .filter(|s| query.item.as_ref().is_none_or(|i| *i == s.item.id))
    {
        let view = views::item(state, now)?;
        let quota = view
            .quota
            .filter(|_| view.option != LicenseOption::PerDomain);
        let pct = overuse.unwrap_or_else(|| policy::default_overuse_percent(view.option));
        let peak = match view.option {
            LicenseOption::PerConcurrentDevice => Some(
                admin
                    .store
                    .concurrent_peak(&view.id, query.since.map(to_unix))
                    .await?
                    .max(0) as u64,
            ),
            _ => None,
        };
        out.push(ItemUsageView {
            limit: quota.map(|q| policy::quota_with_overuse(q, pct)),
            peak,
            left: quota.map(|q| q.saturating_sub(view.used)),
            percent: quota
                .filter(|q| *q > 0)
                .map(|q| (view.used as f64 * 1000.0 / q as f64).round() / 10.0),
            alert: quota.and_then(|q| policy::quota_alert_level(view.used, q)),
            item: view.id,
            license_id: view.license_id,
            product: view.product,
            option: view.option,
            status: view.status,
            quota,
            used: view.used,
            active_devices: state.active_devices,
            handshakes: view.handshakes,
        });
    }
    if let Some(item) = &query.item
        && out.is_empty()
    {
        return Err(Error::not_found(format!("no license item {item}")));
    }
    Ok(out)
}
