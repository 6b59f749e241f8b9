//! Usage uploads: each report is checked, attributed to the item that served the device when it is dated,
//! and recorded idempotently by report id.

use super::types::{UsageReport, UsageRequest, UsageResponse};
use super::{DeviceError, DeviceService, code_items, code_policy, validate, window_start};
use crate::clock::{rfc3339, to_rfc3339, to_unix};
use crate::domain::authorize::{self, Denial};
use crate::domain::duration::format_duration;
use crate::domain::option::LicenseOption;
use crate::domain::status::ItemStatus;
use crate::domain::usage;
use crate::store::{SeatRefresh, UsageBatch, UsageReportRow};

impl DeviceService {
    /// The usage baseline: parsing and validation only.
    pub fn null_usage(&self, req: &UsageRequest) -> Result<UsageResponse, DeviceError> {
        validate::usage(req, self.clock.now())?;
        Ok(UsageResponse { accepted: req.reports.len(), duplicates: 0 })
    }

    /// Records an upload. Each report counts on the item that served the device when the report is
    /// dated (its grants; see [`usage::attribute`]), whatever that item's state is now: usage a device
    /// counted while it was authorized is never refused for having arrived late. A report dated when the
    /// device held no authorization, or before its first one (less its offline grace), refuses the call.
    /// The device's live seat, if it has one on an item of the code, is refreshed.
    pub async fn usage(&self, req: UsageRequest) -> Result<UsageResponse, DeviceError> {
        let batch = self.usage_batch(&req, true).await?;
        self.record(batch).await
    }

    /// `usage import`: reports carried back from devices that never reach the LTS (one `/v1/usage` body
    /// per element). Every body is checked first, by the same rules as [`Self::usage`], and a refusal
    /// of any refuses them all (its index with it) before anything is recorded; then each is recorded
    /// in its own transaction, idempotently by report id, so running an interrupted import again counts
    /// every report once. No seat is refreshed: the device did not reach the LTS (its first use is
    /// recorded).
    pub async fn import_usage(
        &self,
        reqs: &[UsageRequest],
    ) -> Result<UsageResponse, (usize, DeviceError)> {
        let mut batches = Vec::with_capacity(reqs.len());
        for (i, req) in reqs.iter().enumerate() {
            batches.push(self.usage_batch(req, false).await.map_err(|e| (i, e))?);
        }
        let mut total = UsageResponse { accepted: 0, duplicates: 0 };
        for (i, batch) in batches.into_iter().enumerate() {
            let done = self.record(batch).await.map_err(|e| (i, e))?;
            total.accepted += done.accepted;
            total.duplicates += done.duplicates;
        }
        Ok(total)
    }

    async fn record(&self, batch: UsageBatch) -> Result<UsageResponse, DeviceError> {
        let done = self.store.record_usage(batch).await.map_err(DeviceError::store)?;
        Ok(UsageResponse { accepted: done.accepted, duplicates: done.duplicates })
    }

    /// Checks an upload and attributes its reports (reads only); `refresh`: the device reached the LTS,
    /// so its live seat is refreshed with the batch.
    async fn usage_batch(
        &self,
        req: &UsageRequest,
        refresh: bool,
    ) -> Result<UsageBatch, DeviceError> {
        let now = self.clock.now();
        validate::usage(req, now)?;
        let found = self.lookup(&req.handshake, &req.uuid).await?;
        let record = self.handshake(&req.handshake, found.generation).await?;
        let grants = self
            .store
            .device_grants(&req.handshake, &req.uuid)
            .await
            .map_err(DeviceError::store)?;
        let items = code_items(&record, now)?;
        let live_item = found
            .seat
            .as_ref()
            .filter(|s| s.expires_at > to_unix(now))
            .and_then(|s| items.iter().find(|i| i.id == s.item_id));
        if grants.is_empty() && live_item.is_none() {
            return Err(DeviceError::new(
                Denial::NoMatchingLicense,
                format!(
                    "device {} holds no seat through {} and no authorization that ended less than {} \
                     ago; authorize it first (POST /v1/authorize; an offline device: `ltsctl devices \
                     checkout`)",
                    req.uuid,
                    req.handshake,
                    format_duration(usage::LATE_UPLOAD_WINDOW)
                ),
            ));
        }
        let granted: Vec<usage::Granted> = grants
            .iter()
            .map(|g| usage::Granted { from: g.granted_from, until: g.granted_until })
            .collect();
        let first = grants
            .iter()
            .map(|g| g.granted_from)
            .chain(found.seat.as_ref().map(|s| s.first_seen))
            .min();
        let grace = record.handshake.offline_grace_secs.max(0);
        let mut reports = Vec::with_capacity(req.reports.len());
        for (i, r) in req.reports.iter().enumerate() {
            let at = to_unix(r.at);
            if let Some(first) = first
                && at < first.saturating_sub(grace)
            {
                return Err(DeviceError::new(
                    Denial::InvalidRequest,
                    format!(
                        "reports[{i}].at is {}, before device {} was first authorized through {} ({}) \
                         less its offline grace ({})",
                        to_rfc3339(&r.at),
                        req.uuid,
                        req.handshake,
                        rfc3339(first),
                        format_duration(std::time::Duration::from_secs(grace as u64))
                    ),
                ));
            }
            let (item_id, option) = match usage::attribute(&granted, at) {
                Some(g) => (grants[g].item_id.clone(), grants[g].option.as_str()),
                None => match live_item {
                    Some(item) => (item.id.clone(), item.option.as_str()),
                    None => {
                        let until = granted.iter().map(|g| g.until).max().unwrap_or(at);
                        return Err(DeviceError::new(
                            Denial::NoMatchingLicense,
                            format!(
                                "reports[{i}] is dated {}, when device {} held no authorization \
                                 through {} (its last one ran out at {}); usage is accepted only for \
                                 the times a device was authorized",
                                to_rfc3339(&r.at),
                                req.uuid,
                                req.handshake,
                                rfc3339(until)
                            ),
                        ));
                    }
                },
            };
            reports.push(report_row(r, item_id, unit_kind(option)));
        }
        let refresh =
            live_item.filter(|item| refresh && item.status == ItemStatus::Active).map(|item| {
                let candidate = authorize::candidate(item, &code_policy(&record), now);
                SeatRefresh {
                    item_id: item.id.clone(),
                    seat_expires_at: to_unix(candidate.seat_expires_at),
                    window_start: (item.option == LicenseOption::PerConcurrentDevice)
                        .then(|| window_start(now)),
                    first_use: record.handshake.active_from_first_use(),
                }
            });
        Ok(UsageBatch {
            handshake: req.handshake.clone(),
            uuid: req.uuid.clone(),
            now: to_unix(now),
            refresh,
            reports,
        })
    }
}

/// Which count of a report an item of `option` consumes.
fn unit_kind(option: &str) -> Option<&'static str> {
    match option.parse::<LicenseOption>() {
        Ok(LicenseOption::PerScan) => Some("scan"),
        Ok(LicenseOption::PerPage) => Some("page"),
        _ => None,
    }
}

/// A validated report as the store keeps it, on `item_id` (counts are at most
/// [`crate::domain::usage::MAX_COUNT`], so they convert exactly).
fn report_row(r: &UsageReport, item_id: String, unit_kind: Option<&'static str>) -> UsageReportRow {
    let counts = |m: &Option<std::collections::BTreeMap<String, u64>>| {
        m.iter()
            .flatten()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(k, n)| i64::try_from(*n).ok().map(|n| (k.clone(), n)))
            .collect()
    };
    UsageReportRow {
        id: r.id.clone(),
        at: to_unix(r.at),
        item_id,
        unit_kind,
        scans: counts(&r.scans),
        pages: counts(&r.pages),
    }
}
