//! Devices on the local target: listing with opaque cursors, showing one, unregistering.

use async_trait::async_trait;
use base64::Engine;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

use super::{LocalAdmin, device_error, overflow};
use crate::admin::DevicesAdmin;
use crate::admin::*;
use crate::clock::{from_unix, to_unix};
use crate::domain::usage::checked_total;
use crate::error::{Error, Result};
use crate::service::{CheckoutTerms, DeviceService};
use crate::store::{DeviceCursor, DeviceFilter, DeviceListing, DeviceRow, DeviceSort, DeviceState};

#[async_trait]
impl DevicesAdmin for LocalAdmin {
    async fn devices_list(&self, query: &DeviceQuery, page: &PageQuery) -> Result<DevicePage> {
        let now = self.now();
        list(self, &PageRequest::new(query, page, now)?, now).await
    }

    async fn devices_list_raw(
        &self,
        query: &DeviceQuery,
        page: &PageQuery,
    ) -> Result<RawDevicePage> {
        list_raw(self, query, page).await
    }

    async fn devices_each_json(
        &self,
        query: &DeviceQuery,
        limit: Option<u64>,
        each: &mut crate::store::EachJson<'_>,
    ) -> Result<Option<u64>> {
        // SQLite reads "no limit" as a negative LIMIT.
        let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let filter = filter(query, self.now());
        let listing = DeviceListing { filter: &filter, sort: sort(query.sort), after: None, limit };
        Ok(self.store.each_device_json(listing, each).await?)
    }

    async fn devices_count(&self, query: &DeviceQuery) -> Result<u64> {
        let n = self.store.count_devices(&filter(query, self.now())).await?;
        Ok(n.max(0) as u64)
    }

    async fn device_show(&self, uuid: &str) -> Result<DeviceDetail> {
        show(self, uuid).await
    }

    async fn devices_unregister(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
        force: bool,
    ) -> Result<UnregisterReport> {
        let r = unregister(self, uuids, handshake, force).await;
        let target = match uuids {
            [one] => one.clone(),
            many => format!("{} devices", many.len()),
        };
        let forced = force.then(|| "--force: checked-out devices included".to_string());
        self.audited_with("devices.unregister", &target, r, |_| forced).await
    }

    async fn devices_unregister_matching(
        &self,
        query: &DeviceQuery,
        batch: u32,
        force: bool,
    ) -> Result<u64> {
        let r = unregister_matching(self, query, batch, force).await;
        let target = format!(
            "inactive_for={}s handshake={} removed={}{}",
            query.inactive_for_seconds.unwrap_or(0),
            query.handshake.as_deref().unwrap_or("*"),
            r.as_ref().map(|n| n.to_string()).unwrap_or_else(|_| "0".into()),
            if force { " force" } else { "" }
        );
        self.audited("devices.unregister", &target, r).await
    }

    async fn devices_checkout(&self, req: &CheckoutRequest) -> Result<OfflineAuthorization> {
        let r = checkout(self, req).await;
        let target = format!("{} through {}", req.uuid, req.handshake);
        self.audited_with("devices.checkout", &target, r, |file| {
            Some(format!(
                "item {} until {}",
                file.item,
                crate::clock::rfc3339(to_unix(file.expires_at))
            ))
        })
        .await
    }

    async fn devices_checkin(&self, uuid: &str, handshake: Option<&str>) -> Result<CheckinReport> {
        let r = checkin(self, uuid, handshake).await;
        self.audited_with("devices.checkin", uuid, r, |report| {
            Some(format!("through {}", report.handshakes.join(", ")))
        })
        .await
    }
}

/// Largest page one call returns: keeps memory flat on both ends however many devices there are.
pub const MAX_PAGE: u32 = 5_000;

/// Devices per page when the caller names no limit.
const DEFAULT_PAGE: u32 = 1_000;

/// One page asked of the store, from the admin query and page.
struct PageRequest {
    filter: DeviceFilter,
    sort: DeviceSort,
    after: Option<DeviceCursor>,
    limit: u32,
}

impl PageRequest {
    fn new(query: &DeviceQuery, page: &PageQuery, now: DateTime<Utc>) -> Result<Self> {
        Ok(PageRequest {
            filter: filter(query, now),
            sort: sort(query.sort),
            after: page.cursor.as_deref().map(decode_cursor).transpose()?,
            limit: page.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE),
        })
    }

    fn listing(&self) -> DeviceListing<'_> {
        let (filter, sort, after) = (&self.filter, self.sort, self.after.as_ref());
        DeviceListing { filter, sort, after, limit: i64::from(self.limit) }
    }

    /// A page that came back full may have more after it; a shorter one is the last.
    fn is_full(&self, returned: usize) -> bool {
        returned == self.limit as usize
    }

    /// The next page's cursor, after this page's last row.
    fn cursor_after(&self, last: &DeviceRow) -> String {
        encode_cursor(self.sort, last)
    }
}

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
        checked_out: query.checked_out,
        now: to_unix(now),
    }
}

pub(super) fn sort(key: DeviceSortKey) -> DeviceSort {
    match key {
        DeviceSortKey::LastSeen => DeviceSort::LastSeen,
        DeviceSortKey::FirstSeen => DeviceSort::FirstSeen,
        DeviceSortKey::Uuid => DeviceSort::Uuid,
    }
}

/// Cursors are opaque to clients: base64url of the last row's sort key and primary key.
fn encode_cursor(sort: DeviceSort, row: &DeviceRow) -> String {
    let c = cursor_of(sort, row);
    let json = serde_json::json!([c.key, c.handshake, c.uuid]).to_string();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

/// Where a page ending at `row` ended, for the next page's statement.
pub(super) fn cursor_of(sort: DeviceSort, row: &DeviceRow) -> DeviceCursor {
    let key = match sort {
        DeviceSort::LastSeen => row.last_seen.to_string(),
        DeviceSort::FirstSeen => row.first_seen.to_string(),
        DeviceSort::Uuid => row.uuid.clone(),
    };
    DeviceCursor { key, handshake: row.handshake.clone(), uuid: row.uuid.clone() }
}

fn decode_cursor(cursor: &str) -> Result<DeviceCursor> {
    let bad =
        || Error::usage("invalid cursor; pass back the next_cursor of the previous page unchanged");
    let bytes =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad())?;
    let [key, handshake, uuid]: [String; 3] = serde_json::from_slice(&bytes).map_err(|_| bad())?;
    Ok(DeviceCursor { key, handshake, uuid })
}

pub(crate) fn device_view(row: DeviceRow, now: DateTime<Utc>) -> DeviceView {
    DeviceView {
        idle_seconds: (to_unix(now) - row.last_seen).max(0) as u64,
        checked_out_until: row.checked_out_until.filter(|t| *t > to_unix(now)).map(from_unix),
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

/// One page of devices as the store returns them, with idle times from `now` (the filter's too).
async fn list(admin: &LocalAdmin, request: &PageRequest, now: DateTime<Utc>) -> Result<DevicePage> {
    let rows = admin.store.list_devices(request.listing()).await?;
    let next_cursor =
        rows.last().filter(|_| request.is_full(rows.len())).map(|r| request.cursor_after(r));
    Ok(DevicePage { devices: rows.into_iter().map(|r| device_view(r, now)).collect(), next_cursor })
}

/// [`list`] with each device as JSON text, built by the store when it can.
async fn list_raw(
    admin: &LocalAdmin,
    query: &DeviceQuery,
    page: &PageQuery,
) -> Result<RawDevicePage> {
    let now = admin.now();
    let request = PageRequest::new(query, page, now)?;
    let Some(json) = admin.store.list_devices_json(request.listing()).await? else {
        return crate::admin::raw_page(list(admin, &request, now).await?);
    };
    let bad = |e: serde_json::Error| Error::internal(format!("a page of devices as JSON: {e}"));
    let devices: Vec<Box<serde_json::value::RawValue>> =
        serde_json::from_str(&json).map_err(bad)?;
    let next_cursor = match devices.last() {
        Some(last) if request.is_full(devices.len()) => {
            let view: DeviceView = serde_json::from_str(last.get()).map_err(bad)?;
            Some(request.cursor_after(&device_row_of(view)))
        }
        _ => None,
    };
    Ok(RawDevicePage { devices, next_cursor })
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
        checked_out_until: v.checked_out_until.map(to_unix),
    }
}

async fn show(admin: &LocalAdmin, uuid: &str) -> Result<DeviceDetail> {
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

async fn unregister(
    admin: &LocalAdmin,
    uuids: &[String],
    handshake: Option<&str>,
    force: bool,
) -> Result<UnregisterReport> {
    if uuids.is_empty() {
        return Err(Error::usage("name at least one device UUID"));
    }
    let missing = admin.store.unregister_devices(uuids, handshake, force, admin.now_unix()).await?;
    let removed = uuids.iter().filter(|u| !missing.contains(u)).cloned().collect();
    Ok(UnregisterReport { removed, missing })
}

async fn unregister_matching(
    admin: &LocalAdmin,
    query: &DeviceQuery,
    batch: u32,
    force: bool,
) -> Result<u64> {
    if query.inactive_for_seconds.is_none() && query.state != DeviceStateFilter::Expired {
        return Err(Error::usage("bulk unregistering needs --inactive-for DUR (or --expired)")
            .with_hint("name the devices instead: ltsctl devices unregister UUID..."));
    }
    let mut filter = filter(query, admin.now());
    if !force {
        // A checked-out device looks inactive by design: it never reaches the LTS.
        filter.checked_out = match filter.checked_out {
            Some(true) => return Ok(0),
            _ => Some(false),
        };
    }
    let n = admin.store.unregister_matching(&filter, i64::from(batch.clamp(1, 100_000))).await?;
    Ok(n.max(0) as u64)
}

async fn checkout(admin: &LocalAdmin, req: &CheckoutRequest) -> Result<OfflineAuthorization> {
    let service = DeviceService::new(admin.store.clone(), admin.clock.clone()).await?;
    let terms = CheckoutTerms {
        handshake: req.handshake.clone(),
        uuid: req.uuid.clone(),
        product: req.product.clone(),
        platform: req.platform,
        name: req.name.clone(),
        period: std::time::Duration::from_secs(req.for_seconds),
    };
    let done = service.checkout(&terms).await.map_err(device_error)?;
    let jwks = serde_json::to_value(service.jwks())
        .map_err(|e| Error::internal(format!("encoding the JWKS: {e}")))?;
    Ok(OfflineAuthorization {
        format: OFFLINE_AUTHORIZATION_FORMAT.to_string(),
        lts_id: done.claims.iss.clone(),
        handshake: req.handshake.clone(),
        uuid: req.uuid.clone(),
        product: req.product.clone(),
        item: done.claims.item.clone(),
        option: done.claims.option.clone(),
        issued_at: from_unix(done.claims.iat),
        expires_at: from_unix(done.claims.exp),
        token: done.token,
        jwks,
    })
}

async fn checkin(admin: &LocalAdmin, uuid: &str, handshake: Option<&str>) -> Result<CheckinReport> {
    let handshakes = admin.store.check_in_device(uuid, handshake, admin.now_unix()).await?;
    if handshakes.is_empty() {
        let scope = handshake.map(|h| format!(" through {h}")).unwrap_or_default();
        return Err(
            Error::not_found(format!("device {uuid} holds no live check-out{scope}")).with_hint(
                "`ltsctl devices show UUID` shows its seats; a seat that is not checked out is freed \
                 with `ltsctl devices unregister UUID`",
            ),
        );
    }
    Ok(CheckinReport { uuid: uuid.to_string(), handshakes })
}
