//! `ltsctl usage`: what was used, per day / item / symbology / module, and how much quota is left.

use super::Context;
use crate::admin::{UsageBy, UsageQuery, UsageView};
use crate::cli::UsageArgs;
use crate::error::Result;
use crate::output::{Cells, Record, Section, opt};

/// A one-line chart of daily totals, for a terminal.
fn sparkline(values: &[i64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    values
        .iter()
        .map(|v| BARS[((v.max(&0) * 7) / max) as usize])
        .collect()
}

impl Record for UsageView {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        let since = self
            .since
            .map(|t| c.time(&t))
            .unwrap_or_else(|| "the start".into());
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
                    i.percent
                        .map(|p| format!("{p:.1}%"))
                        .unwrap_or_else(|| "-".into()),
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
            item.percent
                .map(|p| format!("{p:.0}"))
                .unwrap_or_else(|| "100".into()),
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
