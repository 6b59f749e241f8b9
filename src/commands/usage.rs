//! `ltsctl usage`: what was used, per day / item / symbology / module, and how much quota is left.

use super::Context;
use serde::Serialize;

use crate::admin::{
    MAX_IMPORT_UPLOADS, UsageBy, UsageImportRequest, UsageQuery, UsageUpload, UsageView,
};
use crate::cli::{UsageArgs, UsageCommand};
use crate::error::{Error, ErrorKind, Result};
use crate::output::{Cells, Record, Section, opt};

/// A one-line chart of daily totals, for a terminal.
fn sparkline(values: &[i64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    values.iter().map(|v| BARS[((v.max(&0) * 7) / max) as usize]).collect()
}

impl Record for UsageView {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        let since = self.since.map(|t| c.time(&t)).unwrap_or_else(|| "the start".into());
        vec![
            ("period", format!("{since} to {}", c.time(&self.until))),
            ("scans", c.num(self.scans)),
            ("pages", c.num(self.pages)),
            ("reports", c.num(self.reports)),
        ]
    }

    fn sections(&self, c: Cells) -> Vec<Section> {
        let by = match self.by {
            UsageBy::Day => "day",
            UsageBy::Item => "item",
            UsageBy::Symbology => "symbology",
            UsageBy::Module => "module",
        };
        let groups = self
            .groups
            .iter()
            .map(|g| {
                vec![
                    g.key.clone(),
                    c.num(g.scans),
                    c.num(g.pages),
                    c.num(g.reports),
                    c.num(g.devices),
                ]
            })
            .collect();
        let items = self
            .items
            .iter()
            .map(|i| {
                vec![
                    i.item.clone(),
                    i.option.to_string(),
                    i.status.as_str().to_string(),
                    c.num(i.used),
                    c.opt_num(&i.quota),
                    c.opt_num(&i.limit),
                    c.opt_num(&i.peak),
                    c.opt_num(&i.left),
                    i.percent.map(|p| format!("{p:.1}%")).unwrap_or_else(|| "-".into()),
                    i.alert.map(|a| format!("≥{a}%")).unwrap_or_default(),
                ]
            })
            .collect();
        vec![
            Section {
                title: "Usage",
                headers: vec![by, "scans", "pages", "reports", "devices"],
                rows: groups,
            },
            Section {
                title: "Quota per item",
                headers: vec![
                    "item", "option", "status", "used", "quota", "limit", "peak", "left", "used %",
                    "alert",
                ],
                rows: items,
            },
        ]
    }
}

pub async fn usage(ctx: &Context, args: UsageArgs) -> Result<()> {
    if let Some(UsageCommand::Import { files }) = args.command {
        return import(ctx, &files).await;
    }
    let admin = ctx.admin().await?;
    let view = admin
        .usage(&UsageQuery {
            handshake: args.handshake,
            item: args.item,
            since: args.since,
            by: args.by,
        })
        .await?;
    for item in view.items.iter().filter(|i| i.alert.is_some()) {
        ctx.out.warn(format!(
            "item {} has used {}% of its quota ({} of {})",
            item.item,
            item.percent.map(|p| format!("{p:.0}")).unwrap_or_else(|| "100".into()),
            item.used,
            opt(&item.quota)
        ));
    }
    ctx.out.record(&view)?;
    if ctx.out.format == crate::cli::OutputFormat::Table
        && view.by == UsageBy::Day
        && view.groups.len() > 1
        && ctx.out.color
    {
        let units: Vec<i64> = view.groups.iter().map(|g| g.scans + g.pages).collect();
        println!("\nper day  {}", sparkline(&units));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sparkline_scales_to_the_maximum() {
        assert_eq!(super::sparkline(&[0, 50, 100]), "▁▄█");
        assert_eq!(super::sparkline(&[0, 0]), "▁▁");
    }
}

/// The largest `usage import` file: what one admin API call carries (its body limit is 3 MiB).
const MAX_IMPORT_FILE: u64 = 2 * 1024 * 1024;

/// What `usage import` did with one file.
#[derive(Serialize)]
struct ImportedFile {
    file: String,
    uploads: usize,
    accepted: usize,
    duplicates: usize,
    /// Why the file was refused (nothing of it was recorded).
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// `usage import -o json`: one document for all the files.
#[derive(Serialize)]
struct ImportSummary {
    files: Vec<ImportedFile>,
    accepted: usize,
    duplicates: usize,
    refused: usize,
}

/// `usage import FILE...`: each file is parsed here (so errors name its lines), then imported whole in
/// one call. A refused file does not stop the others; the command fails if any was refused.
async fn import(ctx: &Context, files: &[std::path::PathBuf]) -> Result<()> {
    let admin = ctx.admin().await?;
    let mut summary = ImportSummary {
        files: Vec::with_capacity(files.len()),
        accepted: 0,
        duplicates: 0,
        refused: 0,
    };
    let mut first_error: Option<Error> = None;
    for path in files {
        let shown = path.display().to_string();
        let outcome = match read_uploads(path) {
            Ok(uploads) => {
                let req = UsageImportRequest { source: Some(shown.clone()), uploads };
                admin.usage_import(&req).await
            }
            Err(e) => Err(e),
        };
        match outcome {
            Ok(done) => {
                ctx.out.note(format!(
                    "{shown}: {} upload(s), {} report(s) recorded, {} already recorded before.",
                    done.uploads, done.accepted, done.duplicates
                ));
                summary.accepted += done.accepted;
                summary.duplicates += done.duplicates;
                summary.files.push(ImportedFile {
                    file: shown,
                    uploads: done.uploads,
                    accepted: done.accepted,
                    duplicates: done.duplicates,
                    error: None,
                });
            }
            Err(e) => {
                // A broken connection or a lost login fails every file alike: stop at once.
                if matches!(
                    e.kind,
                    ErrorKind::Unreachable | ErrorKind::Unauthenticated | ErrorKind::Busy
                ) {
                    return Err(e);
                }
                if files.len() > 1 {
                    ctx.out
                        .warn(format!("{shown}: refused, nothing of it recorded: {}", e.message));
                }
                summary.refused += 1;
                summary.files.push(ImportedFile {
                    file: shown,
                    uploads: 0,
                    accepted: 0,
                    duplicates: 0,
                    error: Some(e.message.clone()),
                });
                first_error.get_or_insert(e);
            }
        }
    }
    if ctx.out.is_json() {
        ctx.out.json(&summary)?;
    }
    match first_error {
        None => Ok(()),
        Some(e) if files.len() == 1 => {
            Err(Error { message: format!("refused, nothing of it recorded: {}", e.message), ..e })
        }
        Some(e) => Err(Error {
            message: format!(
                "{} of {} file(s) refused, nothing of them recorded; the first: {}",
                summary.refused,
                files.len(),
                e.message
            ),
            ..e
        }),
    }
}

/// A file of uploads: one `/v1/usage` body (JSON, over any number of lines) or JSON lines of them,
/// each with the line it starts on.
fn read_uploads(path: &std::path::Path) -> Result<Vec<UsageUpload>> {
    let shown = path.display();
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && meta.len() > MAX_IMPORT_FILE
    {
        return Err(Error::usage(format!(
            "{shown} is {} bytes; a usage import file holds at most {} MiB",
            meta.len(),
            MAX_IMPORT_FILE / (1024 * 1024)
        ))
        .with_hint("split it into several files (each is imported whole or not at all)"));
    }
    let text = crate::files::read_text(path, MAX_IMPORT_FILE, "usage file")?;
    let mut uploads = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(&text).into_iter::<serde_json::Value>();
    loop {
        // The line of the next value: where the stream stopped, past any whitespace.
        let at = stream.byte_offset();
        let skipped = text[at..].len() - text[at..].trim_start().len();
        let line = 1 + text[..at + skipped].matches('\n').count() as u64;
        let value = match stream.next() {
            None => break,
            Some(Ok(v)) => v,
            // A value cut off by the end of the file is reported where it starts (serde_json would
            // name the line the file ends on, one past it when the file ends with a newline).
            Some(Err(e)) if e.is_eof() => {
                return Err(Error::usage(format!(
                    "{shown} line {line}: JSON value not terminated (the file ends inside it)"
                ))
                .with_hint(IMPORT_HINT));
            }
            Some(Err(e)) => {
                return Err(Error::usage(format!("{shown} line {}: not JSON: {e}", e.line()))
                    .with_hint(IMPORT_HINT));
            }
        };
        let body: crate::service::types::UsageRequest =
            serde_json::from_value(value).map_err(|e| {
                Error::usage(format!("{shown} line {line}: not a usage upload: {e}"))
                    .with_hint(IMPORT_HINT)
            })?;
        uploads.push(UsageUpload { line, body });
        if uploads.len() > MAX_IMPORT_UPLOADS {
            return Err(Error::usage(format!(
                "{shown} holds more than {MAX_IMPORT_UPLOADS} uploads"
            ))
            .with_hint("split it into several files (each is imported whole or not at all)"));
        }
    }
    Ok(uploads)
}

const IMPORT_HINT: &str = "each upload is a /v1/usage request body: \
    {\"handshake\": CODE, \"uuid\": UUID, \"reports\": [{\"id\": ..., \"at\": RFC 3339, \"scans\": {...}}]} \
    (README, \"Device API\")";
