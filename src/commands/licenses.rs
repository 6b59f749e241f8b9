//! The licenses area: `ltsctl license` (verify files offline, import, list, show, remove) and `ltsctl
//! trust` (the issuer keys this LTS accepts license files from).

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::Context;
use crate::admin::{Admin, ImportTarget};
use crate::admin::{
    ImportReport, ImportStatus, ImportSummary, ItemStatus, ItemView, LicenseView, TrustedKeyView,
    VerifyReport,
};
use crate::cli::{LicenseCommand, TrustCommand};
use crate::error::{Error, ErrorKind, Result};
use crate::files::{read_capped, read_text};
use crate::license::{LicenseFile, PublicKey, file::MAX_FILE_BYTES};
use crate::output::{Cells, Record, Section, Tabular, opt};

impl Tabular for LicenseView {
    fn headers() -> &'static [&'static str] {
        &[
            "license",
            "licensee",
            "item",
            "product",
            "option",
            "quota",
            "used",
            "status",
            "expires_at",
            "covered_by",
        ]
    }
    fn rows(&self, c: Cells) -> Vec<Vec<String>> {
        self.items
            .iter()
            .map(|i| {
                let mut row = vec![self.id.clone(), self.licensee.clone()];
                row.extend(item_cells(i, c));
                row.extend([c.time(&i.expires_at), opt(&i.covered_by)]);
                row
            })
            .collect()
    }
}

impl Record for LicenseView {
    fn fields(&self, _: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("id", self.id.clone()),
            ("licensee", self.licensee.clone()),
            ("issued_at", crate::clock::to_rfc3339(&self.issued_at)),
            ("lts_id", opt(&self.lts_id)),
            ("key_id", self.key_id.clone()),
            ("imported_at", crate::clock::to_rfc3339(&self.imported_at)),
        ]
    }
    fn sections(&self, c: Cells) -> Vec<Section> {
        let rows = self
            .items
            .iter()
            .map(|i| {
                let mut row = item_cells(i, c).to_vec();
                row.extend([c.time(&i.valid_from), c.time(&i.expires_at), i.handshakes.join(", ")]);
                row
            })
            .collect();
        vec![Section {
            title: "Items",
            headers: vec![
                "item",
                "product",
                "option",
                "quota",
                "used",
                "status",
                "valid_from",
                "expires_at",
                "handshakes",
            ],
            rows,
        }]
    }
}

/// The cells an item has in both the license list and one license's items (item to status).
fn item_cells(i: &ItemView, c: Cells) -> [String; 6] {
    [
        i.id.clone(),
        i.product.clone(),
        i.option.to_string(),
        c.opt_num(&i.quota),
        c.num(i.used),
        i.status.as_str().to_string(),
    ]
}

impl Tabular for ImportReport {
    fn headers() -> &'static [&'static str] {
        &["file", "status", "license", "items", "detail"]
    }
    fn rows(&self, _: Cells) -> Vec<Vec<String>> {
        let status = match self.status {
            ImportStatus::Imported => "imported",
            ImportStatus::Unchanged => "unchanged",
            ImportStatus::Replaced => "replaced",
            ImportStatus::Failed => "failed",
        };
        let mut detail = match (&self.error, &self.handshake) {
            (Some(e), _) => e.message.clone(),
            (None, Some(code)) => {
                let new = self.bound.len().saturating_sub(self.already_bound.len());
                match (new, self.already_bound.len()) {
                    (0, 0) => format!("no valid item to bind to {code}"),
                    (0, _) => format!("already bound to {code}"),
                    (n, 0) => format!("bound {n} item(s) to {code}"),
                    (n, old) => format!("bound {n} item(s) to {code}; {old} already bound"),
                }
            }
            (None, None) => String::new(),
        };
        if !self.dropped.is_empty() {
            if !detail.is_empty() {
                detail.push_str("; ");
            }
            detail.push_str(&format!("dropped {}", self.dropped.join(", ")));
        }
        vec![vec![
            self.file.clone(),
            status.into(),
            opt(&self.license_id),
            self.items.join(", "),
            detail,
        ]]
    }
}

impl Record for VerifyReport {
    fn fields(&self, _: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("valid", self.valid.to_string()),
            ("key_id", self.key_id.clone()),
            ("license", self.license.id.clone()),
            ("licensee", self.license.licensee.clone()),
            ("issued_at", crate::clock::to_rfc3339(&self.license.issued_at)),
            ("lts_id", opt(&self.license.lts_id)),
        ]
    }
    fn sections(&self, c: Cells) -> Vec<Section> {
        let rows = self
            .license
            .items
            .iter()
            .map(|i| {
                vec![
                    i.id.clone(),
                    i.product.clone(),
                    i.option.to_string(),
                    c.opt_num(&i.quota),
                    i.status.as_str().to_string(),
                    c.time(&i.valid_from),
                    c.time(&i.expires_at),
                ]
            })
            .collect();
        vec![Section {
            title: "Items",
            headers: vec![
                "item",
                "product",
                "option",
                "quota",
                "status",
                "valid_from",
                "expires_at",
            ],
            rows,
        }]
    }
}

pub async fn license(ctx: &Context, cmd: LicenseCommand) -> Result<()> {
    match cmd {
        LicenseCommand::Verify { file, issuer_key } => verify(ctx, &file, &issuer_key),
        LicenseCommand::Import { files, handshake, create, replace } => {
            let target = handshake.map(|code| ImportTarget { code, create });
            let admin = ctx.admin().await?;
            import(ctx, admin.as_ref(), &files, target.as_ref(), replace).await
        }
        LicenseCommand::List { expiring_within } => list(ctx, expiring_within).await,
        LicenseCommand::Show { id } => ctx.out.record(&ctx.admin().await?.license_show(&id).await?),
        LicenseCommand::Remove { id, force, dry_run } => remove(ctx, &id, force, dry_run).await,
    }
}

async fn remove(ctx: &Context, id: &str, force: bool, dry_run: bool) -> Result<()> {
    let admin = ctx.admin().await?;
    if force && !dry_run {
        // Say what goes before it goes. (The removal's own answer below is what actually happened.)
        let preview = admin.license_remove(id, true, true).await?;
        ctx.out.note(format!(
            "Removing license {id}: {}.",
            preview.summary().replacen("would drop", "drops", 1)
        ));
    }
    let view = admin.license_remove(id, force, dry_run).await?;
    if ctx.out.is_json() {
        ctx.out.json(&view)?;
    }
    ctx.out.note(format!(
        "{} license {id}: {}.",
        if dry_run { "Dry run, nothing changed;" } else { "Removed" },
        view.summary()
    ));
    Ok(())
}

/// Reads a license file; one over the format's size cap is an invalid license, refused before reading.
fn read_license(path: &Path) -> Result<Vec<u8>> {
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && meta.len() > MAX_FILE_BYTES
    {
        let err =
            crate::license::LicenseError::TooLarge { size: meta.len(), limit: MAX_FILE_BYTES };
        return Err(Error::from(err).context(path.display()));
    }
    read_capped(path, MAX_FILE_BYTES, "license file")
}

fn verify(ctx: &Context, file: &Path, issuer_key: &Path) -> Result<()> {
    let pem = read_text(issuer_key, 64 * 1024, "public key")?;
    let key =
        PublicKey::from_spki_pem(&pem).map_err(|e| Error::from(e).context(issuer_key.display()))?;
    let bytes = read_license(file)?;
    let in_file = |e: crate::license::LicenseError| Error::from(e).context(file.display());
    let parsed = LicenseFile::parse(&bytes).map_err(in_file)?;
    let doc = parsed.verify_with(&key).map_err(in_file)?;
    let now = chrono::Utc::now();
    let report = VerifyReport {
        valid: true,
        key_id: parsed.key_id.clone(),
        license: crate::admin::local::views::document(&doc, now),
    };
    if doc.all_items_expired(now) {
        return Err(Error::invalid_license(format!(
            "{}: the signature is valid, but every item of license {} has expired",
            file.display(),
            doc.id
        ))
        .with_hint("ask the vendor for the renewal file"));
    }
    ctx.out.record(&report)
}

async fn import(
    ctx: &Context,
    admin: &dyn Admin,
    files: &[PathBuf],
    target: Option<&ImportTarget>,
    replace: bool,
) -> Result<()> {
    let bar = ctx.out.progress(files.len() as u64, "importing");
    let mut reports = Vec::with_capacity(files.len());
    let mut first_failure: Option<ErrorKind> = None;
    for path in files {
        let name = path.display().to_string();
        bar.set_message(name.clone());
        let result = match read_license(path) {
            Ok(bytes) => admin.license_import(&name, &bytes, target, replace).await,
            Err(e) => Err(e),
        };
        let report = match result {
            Ok(report) => report,
            Err(err) => {
                let err = if err.message.starts_with(&name) { err } else { err.context(&name) };
                bar.suspend(|| ctx.out.error(&err));
                first_failure.get_or_insert(err.kind);
                ImportReport {
                    file: name,
                    status: ImportStatus::Failed,
                    license_id: None,
                    items: Vec::new(),
                    handshake: target.map(|t| t.code.clone()),
                    already_bound: Vec::new(),
                    bound: Vec::new(),
                    dropped: Vec::new(),
                    error: Some(err),
                }
            }
        };
        reports.push(report);
        bar.inc(1);
    }
    bar.finish_and_clear();
    let count = |s: ImportStatus| reports.iter().filter(|r| r.status == s).count();
    let summary = ImportSummary {
        imported: count(ImportStatus::Imported),
        unchanged: count(ImportStatus::Unchanged),
        replaced: count(ImportStatus::Replaced),
        failed: count(ImportStatus::Failed),
        files: reports,
    };
    if ctx.out.is_json() {
        ctx.out.json(&summary)?;
    } else {
        ctx.out.list(&summary.files)?;
    }
    ctx.out.note(format!(
        "{} imported, {} unchanged, {}{} failed.",
        summary.imported,
        summary.unchanged,
        if summary.replaced > 0 {
            format!("{} replaced, ", summary.replaced)
        } else {
            String::new()
        },
        summary.failed
    ));
    match first_failure {
        Some(kind) => Err(Error::new(
            kind,
            format!("{} of {} file(s) failed to import", summary.failed, files.len()),
        )),
        None => Ok(()),
    }
}

async fn list(ctx: &Context, expiring_within: Option<Duration>) -> Result<()> {
    let admin = ctx.admin().await?;
    let licenses = admin.license_list(expiring_within).await?;
    ctx.out.list(&licenses)?;
    if let Some(window) = expiring_within {
        let window = crate::domain::duration::format_duration(window);
        let expiring: Vec<_> = licenses
            .iter()
            .flat_map(|l| &l.items)
            .filter(|i| i.status == ItemStatus::Active)
            .collect();
        let covered = expiring.iter().filter(|i| i.covered_by.is_some()).count();
        let uncovered = expiring.len() - covered;
        if uncovered > 0 {
            return Err(Error::new(
                ErrorKind::Attention,
                format!(
                    "{uncovered} item(s) expire within {window} with nothing to take over{}",
                    if covered > 0 {
                        format!(" ({covered} more are covered by renewals)")
                    } else {
                        String::new()
                    }
                ),
            )
            .with_hint(
                "import the renewal with `ltsctl license import FILE --handshake CODE`; an item is covered \
                 once another of the same product and option, bound to the same codes, takes over before \
                 it expires",
            ));
        }
        if covered > 0 {
            ctx.out.note(format!(
                "{covered} item(s) expire within {window}, each covered by a renewal (see covered_by)."
            ));
        }
    }
    Ok(())
}

const MAX_KEY_BYTES: u64 = 64 * 1024;

impl Tabular for TrustedKeyView {
    fn headers() -> &'static [&'static str] {
        &["key_id", "name", "added_at"]
    }
    fn rows(&self, c: Cells) -> Vec<Vec<String>> {
        vec![vec![self.key_id.clone(), opt(&self.name), c.time(&self.added_at)]]
    }
}

impl Record for TrustedKeyView {
    fn fields(&self, _: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("key_id", self.key_id.clone()),
            ("name", opt(&self.name)),
            ("added_at", crate::clock::to_rfc3339(&self.added_at)),
        ]
    }
}

pub async fn trust(ctx: &Context, cmd: TrustCommand) -> Result<()> {
    let admin = ctx.admin().await?;
    match cmd {
        TrustCommand::Add { public_key, name } => {
            let pem = read_text(&public_key, MAX_KEY_BYTES, "public key")?;
            let result = admin
                .trust_add(&pem, name.clone())
                .await
                .map_err(|e| e.context(public_key.display()))?;
            let id = &result.key.key_id;
            if result.added {
                ctx.out.note(format!("Trusted issuer key {id}."));
            } else if let Some(new) = name.filter(|n| Some(n) != result.key.name.as_ref()) {
                let kept = match &result.key.name {
                    Some(old) => format!("its name {old:?}"),
                    None => "it without a name".to_string(),
                };
                ctx.out.warn(format!(
                    "issuer key {id} was already trusted; kept {kept}: --name {new:?} was not applied"
                ));
                ctx.out.note(format!(
                    "  To rename it: `ltsctl trust remove {id}`, then `ltsctl trust add {} --name {new}` \
                     (licenses already imported stay).",
                    public_key.display()
                ));
            } else {
                ctx.out.note(format!("Issuer key {id} was already trusted; nothing changed."));
            }
            ctx.out.record(&result.key)
        }
        TrustCommand::List => ctx.out.list(&admin.trust_list().await?),
        TrustCommand::Remove { key_id } => {
            admin.trust_remove(&key_id).await?;
            ctx.out.note(format!(
                "Removed trusted key {key_id}. Licenses already imported stay; new files it signed are refused."
            ));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "removed": key_id }))?;
            }
            Ok(())
        }
    }
}
