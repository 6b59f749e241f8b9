//! `ltsctl devices`: the support engineer's tools. List devices (streamed page by page), show one, and
//! unregister them by UUID or in bulk by inactivity, with a preview, a confirmation and a summary.

use std::time::Duration;

use serde::Serialize;

use super::Context;
use crate::admin::Admin;
use crate::admin::{CheckoutRequest, DeviceDetail, DeviceQuery, DeviceStateFilter, DeviceView};
use crate::cli::{DeviceFilterArgs, DevicesCommand};
use crate::domain::batches::Pace;
use crate::domain::duration::humanize;
use crate::error::{Error, ErrorKind, Result};
use crate::output::{Cells, Record, Section, opt, time};

/// Devices per page when listing: the server's maximum, so a remote listing makes as few round trips as it can.
const PAGE: u32 = 5_000;
/// Devices per transaction when unregistering UUIDs given by name.
const BATCH: u32 = 5_000;
/// Bulk removal by filter sizes its transactions like the sweeper's (see [`Pace::BULK`]).
const PACE: Pace = Pace::BULK;

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

fn cells(d: &DeviceView) -> Vec<String> {
    vec![
        d.uuid.clone(),
        d.handshake.clone(),
        d.item.clone(),
        d.platform.clone(),
        opt(&d.domain),
        opt(&d.name),
        time(&d.first_seen),
        time(&d.last_seen),
        humanize(Duration::from_secs(d.idle_seconds)),
        time(&d.expires_at),
        d.checked_out_until
            .as_ref()
            .map(time)
            .unwrap_or_else(|| "-".into()),
    ]
}

/// CSV has the JSON fields, machine-readable (RFC 3339 times, idle in seconds).
fn csv_cells(d: &DeviceView) -> Vec<String> {
    let t =
        |t: &chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    vec![
        d.uuid.clone(),
        d.handshake.clone(),
        d.item.clone(),
        d.platform.clone(),
        d.domain.clone().unwrap_or_default(),
        d.name.clone().unwrap_or_default(),
        t(&d.first_seen),
        t(&d.last_seen),
        d.idle_seconds.to_string(),
        t(&d.expires_at),
        d.checked_out_until.as_ref().map(t).unwrap_or_default(),
    ]
}

const CSV_HEADERS: [&str; 11] = [
    "uuid",
    "handshake",
    "item",
    "platform",
    "domain",
    "name",
    "first_seen",
    "last_seen",
    "idle_seconds",
    "expires_at",
    "checked_out_until",
];

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
        DevicesCommand::List {
            filter,
            active,
            expired,
            checked_out,
            sort,
            limit,
        } => {
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
                bulk(ctx, admin.as_ref(), &q, dry_run, yes, force).await
            } else {
                let how = ByUuid {
                    handshake: handshake.as_deref(),
                    dry_run,
                    force,
                };
                by_uuid(ctx, admin.as_ref(), &uuids, how).await
            }
        }
        DevicesCommand::Checkout {
            handshake,
            uuid,
            product,
            platform,
            name,
            period,
            out,
        } => {
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
            checkout(ctx, admin.as_ref(), &req, out).await
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
    if ctx.out.format == crate::cli::OutputFormat::Csv {
        &CSV_HEADERS
    } else {
        &HEADERS
    }
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
    let csv = ctx.out.format == crate::cli::OutputFormat::Csv;
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
    let mut cursor: Option<String> = None;
    loop {
        let left = limit.map(|l| l.saturating_sub(out.count));
        if left == Some(0) {
            break;
        }
        let size = left.map_or(PAGE, |l| l.min(u64::from(PAGE)) as u32);
        let next = if ctx.out.is_json() {
            // Rows pass through as JSON text: nothing decoded and re-encoded per device.
            let page = admin.devices_list_raw(q, cursor.as_deref(), size).await?;
            out.raw_batch(&page.devices)?;
            page.next_cursor
        } else {
            let page = admin.devices_list(q, cursor.as_deref(), size).await?;
            if csv {
                out.batch(&page.devices, csv_cells)?;
            } else {
                out.batch(&page.devices, cells)?;
            }
            page.next_cursor
        };
        match next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    Ok(())
}

/// What `devices unregister` did; for a dry run `removed` is 0 and `would_remove` says how many would go.
#[derive(Serialize)]
struct Summary {
    removed: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    would_remove: Option<u64>,
    already_gone: u64,
    failed: u64,
    dry_run: bool,
    missing: Vec<String>,
}

impl Summary {
    fn done(removed: u64, missing: Vec<String>) -> Self {
        Summary {
            removed,
            would_remove: None,
            already_gone: missing.len() as u64,
            failed: 0,
            dry_run: false,
            missing,
        }
    }

    fn dry_run(would_remove: u64, missing: Vec<String>) -> Self {
        Summary {
            removed: 0,
            would_remove: Some(would_remove),
            dry_run: true,
            ..Summary::done(0, missing)
        }
    }

    fn note(&self, ctx: &Context) {
        let gone = match self.would_remove {
            Some(n) => format!("Dry run: {n} would be removed (nothing was)"),
            None => format!("{} removed", self.removed),
        };
        ctx.out.note(format!(
            "{gone}, {} already gone, {} failed.",
            self.already_gone, self.failed
        ));
    }
}

fn summary(ctx: &Context, s: &Summary) -> Result<()> {
    s.note(ctx);
    if ctx.out.is_json() {
        ctx.out.json(s)?;
    }
    Ok(())
}

/// How `devices unregister UUID...` goes about it.
struct ByUuid<'a> {
    handshake: Option<&'a str>,
    dry_run: bool,
    force: bool,
}

async fn by_uuid(
    ctx: &Context,
    admin: &dyn Admin,
    uuids: &[String],
    how: ByUuid<'_>,
) -> Result<()> {
    let ByUuid {
        handshake,
        dry_run,
        force,
    } = how;
    if dry_run {
        let mut present = 0u64;
        let mut missing = Vec::new();
        for uuid in uuids {
            match admin.device_show(uuid).await {
                Ok(d)
                    if d.seats
                        .iter()
                        .any(|s| handshake.is_none_or(|h| h == s.handshake)) =>
                {
                    present += 1
                }
                Ok(_) => missing.push(uuid.clone()),
                Err(e) if e.kind == ErrorKind::NotFound => missing.push(uuid.clone()),
                Err(e) => return Err(e),
            }
        }
        return summary(ctx, &Summary::dry_run(present, missing));
    }
    let mut removed = 0u64;
    let mut missing = Vec::new();
    let bar = ctx.out.progress(uuids.len() as u64, "unregistering");
    for chunk in uuids.chunks(BATCH as usize) {
        let r = admin.devices_unregister(chunk, handshake, force).await?;
        removed += r.removed.len() as u64;
        for m in &r.missing {
            bar.suspend(|| ctx.out.note(format!("{m}: no such device (already gone)")));
        }
        missing.extend(r.missing);
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    summary(ctx, &Summary::done(removed, missing))
}

async fn bulk(
    ctx: &Context,
    admin: &dyn Admin,
    q: &DeviceQuery,
    dry_run: bool,
    yes: bool,
    force: bool,
) -> Result<()> {
    // Without --force, checked-out devices are kept (the server applies the same rule): count them apart.
    let mut q = q.clone();
    let kept = if force {
        0
    } else {
        let held = DeviceQuery {
            checked_out: Some(true),
            ..q.clone()
        };
        q.checked_out = Some(false);
        admin.devices_count(&held).await?
    };
    if kept > 0 {
        ctx.out.warn(format!(
            "{kept} matching device(s) hold a live offline check-out and are kept; pass --force to \
             unregister them too (see `ltsctl devices list --checked-out`)"
        ));
    }
    let q = &q;
    let total = admin.devices_count(q).await?;
    let what = match q.inactive_for_seconds {
        Some(s) => format!(
            "not seen for {}",
            crate::domain::duration::format_duration(Duration::from_secs(s))
        ),
        None => "whose removal time has passed".to_string(),
    };
    let scope = q
        .handshake
        .as_ref()
        .map(|h| format!(" through {h}"))
        .unwrap_or_default();
    if dry_run {
        // One document for `-o json`: the devices that would go, and the summary beside them.
        let mut out = ctx.out.stream_in(headers(ctx), "devices");
        stream_into(ctx, admin, q, None, &mut out).await?;
        let s = Summary::dry_run(out.count, Vec::new());
        s.note(ctx);
        let rest = match serde_json::to_value(&s) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => return Err(Error::internal("encoding the dry run's summary")),
        };
        return out.finish_with(rest);
    }
    if total == 0 {
        ctx.out
            .note(format!("No device{scope} matches ({what}); nothing to do."));
        return summary(ctx, &Summary::done(0, Vec::new()));
    }
    if !yes {
        if !ctx.out.can_prompt() {
            return Err(Error::new(
                ErrorKind::ConfirmationRequired,
                format!("{total} device(s){scope} {what} would be unregistered; refusing without confirmation"),
            )
            .with_hint("pass --yes to confirm, or --dry-run to see them first"));
        }
        let preview = admin.devices_list(q, None, 10).await?;
        for d in &preview.devices {
            ctx.out.note(format!(
                "  {}  {}  idle {}",
                d.uuid,
                d.handshake,
                humanize(Duration::from_secs(d.idle_seconds))
            ));
        }
        if total > preview.devices.len() as u64 {
            ctx.out.note(format!(
                "  ... and {} more",
                total - preview.devices.len() as u64
            ));
        }
        let go = dialoguer::Confirm::new()
            .with_prompt(format!(
                "Unregister {total} device(s){scope} {what}? Their seats are freed at once"
            ))
            .default(false)
            .interact()
            .map_err(|e| Error::usage(format!("reading the answer: {e}")))?;
        if !go {
            ctx.out.note("Nothing changed.");
            return Ok(());
        }
    }
    let bar = ctx.out.progress(total, "unregistering");
    let mut removed = 0u64;
    let mut batch = PACE.first;
    loop {
        let started = std::time::Instant::now();
        let n = admin.devices_unregister_matching(q, batch, force).await?;
        removed += n;
        bar.inc(n);
        if n < u64::from(batch) {
            break;
        }
        batch = PACE.next(batch, started.elapsed());
    }
    bar.finish_and_clear();
    summary(ctx, &Summary::done(removed, Vec::new()))
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

/// `devices checkout`: seats the device, then writes its file (to `out`, or stdout). The path is checked
/// first, so a bad `--out` leaves no seat behind.
async fn checkout(
    ctx: &Context,
    admin: &dyn Admin,
    req: &CheckoutRequest,
    out: Option<&std::path::Path>,
) -> Result<()> {
    if let Some(path) = out {
        crate::files::check_output_dir(path)?;
        if path.is_dir() {
            return Err(Error::usage(format!(
                "--out {} is a directory; give the file to write, e.g. {}/device.lic",
                path.display(),
                path.display()
            )));
        }
        if path.exists() {
            return Err(
                Error::conflict(format!("{} already exists", path.display())).with_hint(
                    "choose another --out path, or remove the old file first (it stays valid \
                     until it expires: a file cannot be recalled)",
                ),
            );
        }
    }
    let file = admin.devices_checkout(req).await?;
    let text = serde_json::to_string_pretty(&file)
        .map_err(|e| Error::internal(format!("encoding the offline authorization: {e}")))?;
    let until = file
        .expires_at
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let not_written = |e: Error| {
        let hint = format!(
            "the device is checked out but its file was not written; run the same command again \
             (with a writable --out: it gives the same seat a new file), or `ltsctl devices checkin {}` \
             to free the seat",
            file.uuid
        );
        Error {
            hint: Some(hint),
            ..e
        }
    };
    warn_if_capped(ctx, req, &file);
    let Some(path) = out else {
        // The file is the command's one JSON document. Written by hand, not with `println!`: a closed
        // or full stdout must say that the seat was taken without a file, not panic.
        use std::io::Write as _;
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{text}")
            .and_then(|()| stdout.flush())
            .map_err(|e| {
                not_written(Error::internal(format!("writing the file to stdout: {e}")))
            })?;
        ctx.out.note(format!(
            "Checked out {} through {} on {} until {until}.",
            file.uuid, file.handshake, file.item
        ));
        return Ok(());
    };
    crate::files::write_new_file(path, format!("{text}\n").as_bytes(), 0o600, false)
        .map_err(not_written)?;
    ctx.out.note(format!(
        "Checked out {} through {} on {} until {until}; wrote {}.",
        file.uuid,
        file.handshake,
        file.item,
        path.display()
    ));
    if ctx.out.is_json() {
        ctx.out.json(&CheckoutSummary {
            uuid: &file.uuid,
            handshake: &file.handshake,
            item: &file.item,
            option: &file.option,
            expires_at: &until,
            file: path,
        })?;
    }
    Ok(())
}

/// A check-out never runs past its item's expiry: say so when that cut the period asked for short (the
/// item chosen is the first in the code's consumption order with room, as `/v1/authorize` picks it).
fn warn_if_capped(ctx: &Context, req: &CheckoutRequest, file: &crate::admin::OfflineAuthorization) {
    let asked = file.issued_at
        + chrono::Duration::seconds(i64::try_from(req.for_seconds).unwrap_or(i64::MAX / 2));
    if file.expires_at < asked {
        ctx.out.warn(format!(
            "the check-out ends {}, when item {} expires, before the {} asked for; \
             `ltsctl handshake order` can put an item that runs longer first",
            file.expires_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            file.item,
            crate::domain::duration::format_duration(Duration::from_secs(req.for_seconds))
        ));
    }
}

/// `devices checkout --out FILE -o json`: what was written where.
#[derive(Serialize)]
struct CheckoutSummary<'a> {
    uuid: &'a str,
    handshake: &'a str,
    item: &'a str,
    option: &'a str,
    expires_at: &'a str,
    file: &'a std::path::Path,
}
