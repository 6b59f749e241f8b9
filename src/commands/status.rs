//! `ltsctl status`: which LTS this is and what it holds.

use super::Context;
use crate::admin::types::{StatusView, SweepView};
use crate::cli::StatusArgs;
use crate::error::{Error, ErrorKind, Result};
use crate::output::{Cells, Record, Section};

impl Record for StatusView {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        vec![
            (
                "target",
                format!("{} ({})", self.target.kind, self.target.location),
            ),
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
                vec![
                    i.license_id.clone(),
                    i.id.clone(),
                    i.product.clone(),
                    c.time(&i.expires_at),
                ]
            })
            .collect();
        vec![Section {
            title: "Expiring soon",
            headers: vec!["license", "item", "product", "expires_at"],
            rows,
        }]
    }
}

pub async fn run(ctx: &Context, args: StatusArgs) -> Result<()> {
    let admin = ctx.admin().await?;
    let status = admin.status(args.expiring_within).await?;
    ctx.out.record(&status)
}

impl Record for SweepView {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("removed", c.num(self.removed)),
            (
                "started_at",
                self.started_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ),
            ("trigger", self.trigger.clone()),
        ]
    }
}

/// `ltsctl sweep`: remove lapsed devices now.
pub async fn sweep(ctx: &Context) -> Result<()> {
    let run = ctx.admin().await?.sweep().await?;
    ctx.out.note(format!(
        "Removed {} device(s) whose removal time had passed.",
        run.removed
    ));
    ctx.out.record(&run)
}

/// `ltsctl init`: create an empty store where the target flags point (never through `--server`).
pub async fn init(ctx: &Context) -> Result<()> {
    use crate::store::OpenMode;
    if ctx.target.server.is_some() {
        return Err(
            Error::usage("init creates a store on this machine, not through --server")
                .with_hint("run it on the LTS host with --data-dir or --database"),
        );
    }
    let (existed, store): (bool, std::sync::Arc<dyn crate::store::Store>) = match &ctx.database {
        Some(url) => match crate::target::open_database(url, OpenMode::Existing).await {
            Ok(store) => (true, store),
            Err(e) if e.kind == ErrorKind::NotFound => (
                false,
                crate::target::open_database(url, OpenMode::Create).await?,
            ),
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
