//! `ltsctl devices`: the support engineer's tools. List devices (streamed page by page), show one, and
//! unregister them by UUID or in bulk by inactivity, with a preview, a confirmation and a summary.

mod checkout;
mod unregister;

use std::time::Duration;

use super::Context;
use crate::admin::Admin;
use crate::admin::{
    CheckoutRequest, DeviceDetail, DeviceQuery, DeviceStateFilter, DeviceView, PageQuery,
};
use crate::cli::{DeviceFilterArgs, DevicesCommand};
use crate::domain::batches::Pace;
use crate::domain::duration::humanize;
use crate::error::Result;
use crate::output::{Cells, Record, Section, opt};

/// Devices per page when listing: the server's maximum, so a remote listing makes as few round trips as it can.
const PAGE: u32 = 5_000;
/// Devices per transaction when unregistering UUIDs given by name.
const BATCH: u32 = 5_000;
/// Bulk removal by filter sizes its transactions like the sweeper's (see [`Pace::BULK`]).
const PACE: Pace = Pace::BULK;

/// The columns, in the JSON fields' order; CSV names the idle column for its unit.
const HEADERS: [&str; 11] = [
    "uuid",
    "handshake",
    "item",
    "platform",
    "domain",
    "name",
    "first_seen",
    "last_seen",
    "idle",
    "expires_at",
    "checked_out_until",
];
const CSV_HEADERS: [&str; 11] = {
    let mut h = HEADERS;
    h[8] = "idle_seconds";
    h
};

/// A device's cells: for a person (times to the minute, idle as `3d 4h`) or, in CSV, the JSON fields
/// machine-readable (RFC 3339 times, idle in seconds).
fn cells(d: &DeviceView, c: Cells) -> Vec<String> {
    let idle = if c == Cells::CSV {
        d.idle_seconds.to_string()
    } else {
        humanize(Duration::from_secs(d.idle_seconds))
    };
    vec![
        d.uuid.clone(),
        d.handshake.clone(),
        d.item.clone(),
        d.platform.clone(),
        c.opt(&d.domain),
        c.opt(&d.name),
        c.time(&d.first_seen),
        c.time(&d.last_seen),
        idle,
        c.time(&d.expires_at),
        c.opt_time(&d.checked_out_until),
    ]
}

fn query(
    filter: DeviceFilterArgs,
    state: DeviceStateFilter,
    sort: crate::admin::DeviceSortKey,
) -> DeviceQuery {
    DeviceQuery {
        handshake: filter.handshake,
        item: filter.item,
        inactive_for_seconds: filter.inactive_for.map(|d| d.as_secs()),
        state,
        checked_out: None,
        sort,
    }
}

pub async fn devices(ctx: &Context, cmd: DevicesCommand) -> Result<()> {
    let admin = ctx.admin().await?;
    match cmd {
        DevicesCommand::List { filter, active, expired, checked_out, sort, limit } => {
            let state = match (active, expired) {
                (true, _) => DeviceStateFilter::Active,
                (_, true) => DeviceStateFilter::Expired,
                _ => DeviceStateFilter::All,
            };
            let mut q = query(filter, state, sort);
            q.checked_out = checked_out.then_some(true);
            keep_page_buffers();
            let n = stream(ctx, admin.as_ref(), &q, limit).await?;
            ctx.out.note(format!("{n} device(s)."));
            Ok(())
        }
        DevicesCommand::Show { uuid } => ctx.out.record(&admin.device_show(&uuid).await?),
        DevicesCommand::Unregister {
            uuids,
            inactive_for,
            expired,
            handshake,
            dry_run,
            yes,
            force,
        } => {
            if uuids.is_empty() {
                let q = DeviceQuery {
                    handshake,
                    inactive_for_seconds: inactive_for.map(|d| d.as_secs()),
                    state: if expired {
                        DeviceStateFilter::Expired
                    } else {
                        DeviceStateFilter::All
                    },
                    ..Default::default()
                };
                unregister::bulk(ctx, admin.as_ref(), &q, dry_run, yes, force).await
            } else {
                let how = unregister::ByUuid { handshake: handshake.as_deref(), dry_run, force };
                unregister::by_uuid(ctx, admin.as_ref(), &uuids, how).await
            }
        }
        DevicesCommand::Checkout { handshake, uuid, product, platform, name, period, out } => {
            let req = CheckoutRequest {
                handshake,
                uuid,
                product,
                platform,
                name,
                for_seconds: period.as_secs(),
            };
            // `--out -` is stdout, as everywhere else on the command line.
            let out = out.as_deref().filter(|p| *p != std::path::Path::new("-"));
            checkout::checkout(ctx, admin.as_ref(), &req, out).await
        }
        DevicesCommand::Checkin { uuid, handshake } => {
            let report = admin.devices_checkin(&uuid, handshake.as_deref()).await?;
            ctx.out.note(format!(
                "Checked in {} through {}: its seat is free.",
                report.uuid,
                report.handshakes.join(", ")
            ));
            if ctx.out.is_json() {
                ctx.out.json(&report)?;
            }
            Ok(())
        }
    }
}

/// A listing allocates and frees a few buffers of a megabyte or more per page (the page's JSON as the
/// store builds it, then as Rust holds it). glibc serves allocations that large with fresh `mmap`s and
/// gives them back at once, so every page pays its page faults again (about a seventh of the listing's
/// CPU at a million devices, BENCHMARKS.md); keeping them on the heap lets the next page reuse them. The
/// process is a short-lived CLI, so nothing is held back from anyone for long. (Not for `serve`.)
fn keep_page_buffers() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator thresholds; it is called before the listing allocates.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 64 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 << 20);
    }
}

fn headers(ctx: &Context) -> &'static [&'static str] {
    if ctx.out.format == crate::cli::OutputFormat::Csv { &CSV_HEADERS } else { &HEADERS }
}

/// Writes every matching device, page by page; returns how many.
async fn stream(
    ctx: &Context,
    admin: &dyn Admin,
    q: &DeviceQuery,
    limit: Option<u64>,
) -> Result<u64> {
    let mut out = ctx.out.stream(headers(ctx));
    stream_into(ctx, admin, q, limit, &mut out).await?;
    let n = out.count;
    out.finish()?;
    Ok(n)
}

/// Writes every matching device into `out`, page by page.
async fn stream_into(
    ctx: &Context,
    admin: &dyn Admin,
    q: &DeviceQuery,
    limit: Option<u64>,
    out: &mut crate::output::RowStream,
) -> Result<()> {
    if ctx.out.is_json() {
        // In one pass where the target can (the local SQLite store), each device's text straight out.
        let mut failed = None;
        let mut each = |row: &str| match out.raw_item(row) {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        };
        let done = admin.devices_each_json(q, limit, &mut each).await?;
        if let Some(e) = failed {
            return Err(e);
        }
        if done.is_some() {
            return Ok(());
        }
    }
    let mut page = PageQuery::default();
    loop {
        let left = limit.map(|l| l.saturating_sub(out.count));
        if left == Some(0) {
            break;
        }
        page.limit = Some(left.map_or(PAGE, |l| l.min(u64::from(PAGE)) as u32));
        page.cursor = if ctx.out.is_json() {
            // Rows pass through as JSON text: nothing decoded and re-encoded per device.
            let listed = admin.devices_list_raw(q, &page).await?;
            out.raw_batch(&listed.devices)?;
            listed.next_cursor
        } else {
            let listed = admin.devices_list(q, &page).await?;
            let c = Cells::for_format(ctx.out.format);
            out.batch(&listed.devices, |d| cells(d, c))?;
            listed.next_cursor
        };
        if page.cursor.is_none() {
            break;
        }
    }
    Ok(())
}

impl Record for DeviceDetail {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        let u = &self.usage;
        vec![
            ("uuid", self.uuid.clone()),
            ("seats", c.num(self.seats.len())),
            ("reports", c.num(u.reports)),
            ("scans", c.num(u.scans_total)),
            ("pages", c.num(u.pages_total)),
            ("first_report", c.opt_time(&u.first_report)),
            ("last_report", c.opt_time(&u.last_report)),
        ]
    }
    fn sections(&self, c: Cells) -> Vec<Section> {
        let seats = self.seats.iter().map(|d| {
            vec![
                d.handshake.clone(),
                d.item.clone(),
                d.platform.clone(),
                opt(&d.domain),
                c.time(&d.first_seen),
                c.time(&d.last_seen),
                humanize(Duration::from_secs(d.idle_seconds)),
                c.time(&d.expires_at),
            ]
        });
        let counts = self
            .usage
            .scans
            .iter()
            .map(|(k, n)| vec!["scans".to_string(), k.clone(), c.num(*n)])
            .chain(
                self.usage
                    .pages
                    .iter()
                    .map(|(k, n)| vec!["pages".to_string(), k.clone(), c.num(*n)]),
            );
        vec![
            Section {
                title: "Seats",
                headers: vec![
                    "handshake",
                    "item",
                    "platform",
                    "domain",
                    "first_seen",
                    "last_seen",
                    "idle",
                    "expires_at",
                ],
                rows: seats.collect(),
            },
            Section {
                title: "Usage",
                headers: vec!["kind", "name", "count"],
                rows: counts.collect(),
            },
        ]
    }
}
