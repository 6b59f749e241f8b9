//! `devices unregister`: by UUID, or in bulk by inactivity or expiry, with a preview, a confirmation, a
//! paced batch loop and one summary.

use std::time::Duration;

use serde::Serialize;

use super::{BATCH, PACE, headers, stream_into};
use crate::admin::{Admin, DeviceQuery, PageQuery};
use crate::commands::Context;
use crate::domain::duration::humanize;
use crate::error::{Error, ErrorKind, Result};

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
        ctx.out
            .note(format!("{gone}, {} already gone, {} failed.", self.already_gone, self.failed));
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
pub(super) struct ByUuid<'a> {
    pub handshake: Option<&'a str>,
    pub dry_run: bool,
    pub force: bool,
}

pub(super) async fn by_uuid(
    ctx: &Context,
    admin: &dyn Admin,
    uuids: &[String],
    how: ByUuid<'_>,
) -> Result<()> {
    let ByUuid { handshake, dry_run, force } = how;
    if dry_run {
        let mut present = 0u64;
        let mut missing = Vec::new();
        for uuid in uuids {
            match admin.device_show(uuid).await {
                Ok(d) if d.seats.iter().any(|s| handshake.is_none_or(|h| h == s.handshake)) => {
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

pub(super) async fn bulk(
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
        let held = DeviceQuery { checked_out: Some(true), ..q.clone() };
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
    let scope = q.handshake.as_ref().map(|h| format!(" through {h}")).unwrap_or_default();
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
        ctx.out.note(format!("No device{scope} matches ({what}); nothing to do."));
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
        let preview = admin.devices_list(q, &PageQuery { cursor: None, limit: Some(10) }).await?;
        for d in &preview.devices {
            ctx.out.note(format!(
                "  {}  {}  idle {}",
                d.uuid,
                d.handshake,
                humanize(Duration::from_secs(d.idle_seconds))
            ));
        }
        if total > preview.devices.len() as u64 {
            ctx.out.note(format!("  ... and {} more", total - preview.devices.len() as u64));
        }
        let prompt =
            format!("Unregister {total} device(s){scope} {what}? Their seats are freed at once");
        if !ctx.out.confirm(prompt)? {
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
