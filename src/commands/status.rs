//! `ltsctl status`: which LTS this is and what it holds.

use super::Context;
use crate::admin::types::{StatusView, SweepView};
use crate::cli::StatusArgs;
use crate::error::Result;
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
