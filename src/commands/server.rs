//! Server operations: `ltsctl status` (which LTS this is and what it holds), `init`, `sweep`, and the
//! storage-level `backup`, `restore` and `migrate` on the data dir (the admin API has no equivalent: a
//! backup is a file on the LTS's own disk; for PostgreSQL use pg_dump).

use std::path::Path;

use super::Context;
use crate::admin::{StatusView, SweepView};
use crate::cli::StatusArgs;
use crate::error::{Error, ErrorKind, Result};
use crate::output::{Cells, Record, Section};
use crate::store::{OpenMode, ServerStore, SqliteStore};

impl Record for StatusView {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("target", format!("{} ({})", self.target.kind, self.target.location)),
            ("lts_id", self.lts_id.clone()),
            ("version", self.version.clone()),
            ("trusted_keys", c.num(self.counts.trusted_keys)),
            ("licenses", c.num(self.counts.licenses)),
            ("items", c.num(self.counts.items)),
            ("handshakes", c.num(self.counts.handshakes)),
            ("active_devices", c.num(self.counts.active_devices)),
        ]
    }

    fn sections(&self, c: Cells) -> Vec<Section> {
        let rows = self
            .expiring_soon
            .iter()
            .map(|i| {
                vec![i.license_id.clone(), i.id.clone(), i.product.clone(), c.time(&i.expires_at)]
            })
            .collect();
        vec![Section {
            title: "Expiring soon",
            headers: vec!["license", "item", "product", "expires_at"],
            rows,
        }]
    }
}

pub async fn status(ctx: &Context, args: StatusArgs) -> Result<()> {
    let admin = ctx.admin().await?;
    let status = admin.status(args.expiring_within).await?;
    ctx.out.record(&status)
}

impl Record for SweepView {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("removed", c.num(self.removed)),
            ("started_at", crate::clock::to_rfc3339(&self.started_at)),
            ("trigger", self.trigger.clone()),
        ]
    }
}

/// `ltsctl sweep`: remove lapsed devices now.
pub async fn sweep(ctx: &Context) -> Result<()> {
    let run = ctx.admin().await?.sweep().await?;
    ctx.out.note(format!("Removed {} device(s) whose removal time had passed.", run.removed));
    ctx.out.record(&run)
}

/// `ltsctl init`: create an empty store where the target flags point (never through `--server`).
pub async fn init(ctx: &Context) -> Result<()> {
    use crate::store::OpenMode;
    if ctx.target.server.is_some() {
        return Err(Error::usage("init creates a store on this machine, not through --server")
            .with_hint("run it on the LTS host with --data-dir or --database"));
    }
    let (existed, store): (bool, std::sync::Arc<dyn crate::store::Store>) = match &ctx.database {
        Some(url) => match crate::target::open_database(url, OpenMode::Existing).await {
            Ok(store) => (true, store),
            Err(e) if e.kind == ErrorKind::NotFound => {
                (false, crate::target::open_database(url, OpenMode::Create).await?)
            }
            Err(e) => return Err(e),
        },
        None => {
            let dir = crate::target::resolve_data_dir(ctx.data_dir.clone())?;
            let existed = dir.join(crate::store::sqlite_db_file()).is_file();
            let store = crate::target::open_local(&dir, OpenMode::Create).await?;
            (existed, store)
        }
    };
    let location = store.location();
    let lts_id = store.lts_id().await?;
    ctx.out.note(if existed {
        format!("A store is already in {location} (lts_id {lts_id}); nothing changed.")
    } else {
        format!("Created an empty store in {location} (lts_id {lts_id}).")
    });
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "created": !existed,
            "location": location,
            "lts_id": lts_id,
        }))?;
    }
    Ok(())
}

pub async fn backup(ctx: &Context, file: &Path, force: bool) -> Result<()> {
    if ctx.target.server.is_some() {
        return Err(Error::usage("backup works on the data dir of the LTS, not through --server")
            .with_hint(
                "run it on the LTS host with --data-dir (it is safe while the server runs)",
            ));
    }
    let dir = crate::target::resolve_data_dir(ctx.data_dir.clone())?;
    let store = crate::target::open_local(&dir, OpenMode::Existing).await?;
    crate::files::check_output_dir(file)?;
    if file.is_dir() {
        return Err(Error::usage(format!(
            "{} is a directory; name the backup file to write, e.g. {}",
            file.display(),
            file.join("ltsctl-backup.db").display()
        )));
    }
    if file.exists() {
        if !force {
            return Err(Error::conflict(format!("{} already exists", file.display()))
                .with_hint("choose another file or pass --force"));
        }
        std::fs::remove_file(file).map_err(|e| Error::io(file, e))?;
    }
    store.backup_to(file).await?;
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    ctx.out.note(format!("Backed up {} to {} ({size} bytes).", store.location(), file.display()));
    if ctx.out.is_json() {
        ctx.out.json(
            &serde_json::json!({ "file": file, "bytes": size, "lts_id": store.lts_id().await? }),
        )?;
    }
    Ok(())
}

pub async fn restore(ctx: &Context, file: &Path, yes: bool) -> Result<()> {
    if ctx.target.server.is_some() {
        return Err(Error::usage("restore works on the data dir of the LTS, not through --server"));
    }
    let dir = crate::target::resolve_data_dir(ctx.data_dir.clone())?;
    if !file.is_file() {
        return Err(Error::not_found(format!("{}: no such backup file", file.display())));
    }
    let live = dir.join(crate::store::sqlite_db_file());
    if live.exists() && !yes {
        if !ctx.out.can_prompt() {
            return Err(Error::new(
                ErrorKind::ConfirmationRequired,
                format!("restoring would overwrite the store in {}", dir.display()),
            )
            .with_hint("stop the server, then pass --yes"));
        }
        let prompt = format!(
            "Overwrite the store in {} with {}? (stop the server first)",
            dir.display(),
            file.display()
        );
        if !ctx.out.confirm(prompt)? {
            return Ok(());
        }
    }
    let lts_id = crate::store::restore_sqlite(file, &dir).await?;
    ctx.out.note(format!("Restored {} into {} (lts_id {lts_id}).", file.display(), dir.display()));
    if ctx.out.is_json() {
        ctx.out
            .json(&serde_json::json!({ "restored": file, "data_dir": dir, "lts_id": lts_id }))?;
    }
    Ok(())
}

/// `ltsctl migrate --from DATA_DIR --to URL`.
pub async fn migrate(ctx: &Context, from: &Path, to: &str, force: bool) -> Result<()> {
    if !from.join(crate::store::sqlite_db_file()).is_file() {
        return Err(Error::not_found(format!(
            "{}: no ltsctl store in this data dir",
            from.display()
        )));
    }
    // Held alone while it copies: a server still writing to the source would lose what it acknowledged.
    let source = SqliteStore::open_exclusive(from).await?;
    if !(to.starts_with("postgres://") || to.starts_with("postgresql://")) {
        return Err(Error::usage("--to takes a PostgreSQL URL: postgres://user@host:5432/dbname"));
    }
    let target = crate::store::PgStore::connect(to).await.map_err(|e| {
        Error::new(ErrorKind::Unreachable, format!("cannot use the target database: {e}"))
    })?;
    let bar = ctx.out.progress(0, "copying");
    let counts = crate::store::migrate::sqlite_to_postgres(&source, &target, force, |table, n| {
        bar.set_message(format!("{table}: {n}"));
        bar.tick();
    })
    .await?;
    bar.finish_and_clear();
    ctx.out.note(format!(
        "Copied {} into {}; row counts verified.",
        source.location(),
        target.location()
    ));
    if ctx.out.is_json() {
        return ctx.out.json(&counts);
    }
    let rows: Vec<Vec<String>> = counts
        .iter()
        .map(|c| {
            let n = crate::output::Cells::TABLE;
            vec![c.table.clone(), n.num(c.source), n.num(c.target)]
        })
        .collect();
    ctx.out.table(&["table", "source", "target"], &rows)
}
