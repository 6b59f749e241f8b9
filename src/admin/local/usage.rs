//! Usage on the local target: totals per day, item, symbology or module, and quota left per item.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{LocalAdmin, overflow, views};
use crate::admin::UsageAdmin;
use crate::admin::*;
use crate::clock::to_unix;
use crate::domain::option::LicenseOption;
use crate::domain::policy;
use crate::domain::usage::checked_total;
use crate::error::{Error, Result};
use crate::store::{UsageFilter, UsageGroup, UsageGrouping};

#[async_trait]
impl UsageAdmin for LocalAdmin {
    async fn usage(&self, query: &UsageQuery) -> Result<UsageView> {
        usage(self, query).await
    }

    async fn usage_import(&self, req: &UsageImportRequest) -> Result<UsageImportReport> {
        let r = import(self, req).await;
        let target = req.source.clone().unwrap_or_else(|| "uploads".into());
        self.audited_with("usage.import", &target, r, |done| {
            Some(format!(
                "{} upload(s): {} report(s) accepted, {} duplicate(s)",
                done.uploads, done.accepted, done.duplicates
            ))
        })
        .await
    }
}

async fn import(admin: &LocalAdmin, req: &UsageImportRequest) -> Result<UsageImportReport> {
    let source = req.source.as_deref().unwrap_or("the import");
    if req.uploads.is_empty() {
        return Err(Error::usage(format!("{source} holds no usage upload")).with_hint(
            "give the /v1/usage request body (one JSON object), or JSON lines of them",
        ));
    }
    if req.uploads.len() > MAX_IMPORT_UPLOADS {
        return Err(Error::usage(format!(
            "{source} holds {} uploads; at most {MAX_IMPORT_UPLOADS} per file",
            req.uploads.len()
        ))
        .with_hint("split it into several files (each is imported whole or not at all)"));
    }
    let service =
        crate::service::DeviceService::new(admin.store.clone(), admin.clock.clone()).await?;
    let bodies: Vec<_> = req.uploads.iter().map(|u| u.body.clone()).collect();
    let done = service.import_usage(&bodies).await.map_err(|(i, e)| {
        let line = req.uploads[i].line;
        let e = super::device_error(e);
        Error { message: format!("{source} line {line}: {}", e.message), ..e }
    })?;
    Ok(UsageImportReport {
        source: req.source.clone(),
        uploads: req.uploads.len(),
        accepted: done.accepted,
        duplicates: done.duplicates,
    })
}

async fn usage(admin: &LocalAdmin, query: &UsageQuery) -> Result<UsageView> {
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
    let groups = group_views(admin.store.usage_groups(&f, by).await?);
    // Totals come from the item grouping whatever `by` is: symbology rows would drop pages and vice versa.
    let totals = if by == UsageGrouping::Item {
        groups.clone()
    } else {
        group_views(admin.store.usage_groups(&f, UsageGrouping::Item).await?)
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
                overuse = record.handshake.overuse_percent.map(|p| p.clamp(0, 100) as u32);
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
    for state in states.iter().filter(|s| query.item.as_ref().is_none_or(|i| *i == s.item.id)) {
        let view = views::item(state, now)?;
        let quota = view.quota.filter(|_| view.option != LicenseOption::PerDomain);
        let pct = overuse.unwrap_or_else(|| policy::default_overuse_percent(view.option));
        let peak = match view.option {
            LicenseOption::PerConcurrentDevice => {
                Some(admin.store.concurrent_peak(&view.id, query.since.map(to_unix)).await?.max(0)
                    as u64)
            }
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

fn group_views(groups: Vec<UsageGroup>) -> Vec<UsageGroupView> {
    groups
        .into_iter()
        .map(|g| UsageGroupView {
            key: g.key,
            scans: g.scans,
            pages: g.pages,
            reports: g.reports,
            devices: g.devices,
        })
        .collect()
}
