//! `devices checkout`: seat a device that never reaches the LTS and write its offline authorization file.

use std::time::Duration;

use serde::Serialize;

use crate::admin::{Admin, CheckoutRequest};
use crate::commands::Context;
use crate::error::{Error, Result};

/// `devices checkout`: seats the device, then writes its file (to `out`, or stdout). The path is checked
/// first, so a bad `--out` leaves no seat behind.
pub(super) async fn checkout(
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
            return Err(Error::conflict(format!("{} already exists", path.display())).with_hint(
                "choose another --out path, or remove the old file first (it stays valid \
                     until it expires: a file cannot be recalled)",
            ));
        }
    }
    let file = admin.devices_checkout(req).await?;
    let text = serde_json::to_string_pretty(&file)
        .map_err(|e| Error::internal(format!("encoding the offline authorization: {e}")))?;
    let until = crate::clock::to_rfc3339(&file.expires_at);
    let not_written = |e: Error| {
        let hint = format!(
            "the device is checked out but its file was not written; run the same command again \
             (with a writable --out: it gives the same seat a new file), or `ltsctl devices checkin {}` \
             to free the seat",
            file.uuid
        );
        Error { hint: Some(hint), ..e }
    };
    warn_if_capped(ctx, req, &file);
    let Some(path) = out else {
        // The file is the command's one JSON document. Written by hand, not with `println!`: a closed
        // or full stdout must say that the seat was taken without a file, not panic.
        use std::io::Write as _;
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{text}").and_then(|()| stdout.flush()).map_err(|e| {
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
            crate::clock::to_rfc3339(&file.expires_at),
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
