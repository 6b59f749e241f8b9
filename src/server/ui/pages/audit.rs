//! `GET /ui/audit`: the audit log, newest first, by actor and period (`ltsctl audit list --actor NAME
//! --since DUR`).

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::{PageError, given, layout, when};
use crate::admin::prelude::*;
use crate::domain::duration::parse_duration;
use crate::error::{Error, Result};
use crate::server::ui::session::SignedIn;

/// Entries shown at most (the newest).
const LIMIT: u32 = 500;

#[derive(Debug, Default, Deserialize)]
pub struct AuditParams {
    actor: Option<String>,
    since: Option<String>,
}

/// The periods offered; any duration `parse_duration` reads is taken.
const PERIODS: &[(&str, &str)] = &[
    ("24h", "24 hours"),
    ("7d", "7 days"),
    ("30d", "30 days"),
    ("90d", "90 days"),
    ("all", "all time"),
];

fn since(p: &AuditParams) -> Result<Option<std::time::Duration>> {
    match given(&p.since).unwrap_or("7d") {
        "all" => Ok(None),
        v => parse_duration(v).map(Some).map_err(|e| {
            Error::usage(format!("period: {v:?}: {e}"))
                .with_hint("choose a period from the list, or a duration such as 14d")
        }),
    }
}

fn filters(p: &AuditParams) -> Markup {
    let current = given(&p.since).unwrap_or("7d");
    html! {
        form.filters method="get" action="/ui/audit" {
            label { "Actor " input type="text" name="actor" value=[given(&p.actor)] placeholder="anyone"; }
            label { "Period "
                select name="since" {
                    @for (v, label) in PERIODS { option value=(v) selected[current == *v] { (label) } }
                }
            }
            button type="submit" { "Show" }
        }
    }
}

pub async fn page(who: SignedIn, Query(p): Query<AuditParams>) -> Result<Response, PageError> {
    let window = match since(&p) {
        Ok(w) => w,
        Err(e) => {
            let main = html! {
                (filters(&p))
                p.error role="alert" { (e.message) }
                @if let Some(h) = &e.hint { p.hint { (h) } }
            };
            let page = layout(&who, "/ui/audit", "Audit", main);
            return Ok((StatusCode::BAD_REQUEST, page).into_response());
        }
    };
    let actor = given(&p.actor).map(str::to_string);
    let entries = who.admin.audit_list(window, actor, LIMIT).await?;
    let main = html! {
        (filters(&p))
        p.muted #audit-count { (entries.len()) " entries" @if entries.len() as u32 == LIMIT { " (the newest " (LIMIT) ")" } }
        div.scroll {
            table.audit {
                thead { tr { th { "When" } th { "Actor" } th { "Action" } th { "Target" } th { "Result" } th { "Detail" } th { "Client" } } }
                tbody {
                    @for e in &entries {
                        tr {
                            td { (when(e.at)) } td { (e.actor) } td { (e.action) } td { (e.target) }
                            td class=(if e.result == "ok" { "ok" } else { "bad" }) { (e.result) }
                            td { (e.detail.as_deref().unwrap_or("")) }
                            td { (e.client.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(&who, "/ui/audit", "Audit", main).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_defaults_to_a_week_and_all_means_no_bound() {
        let p = |s: Option<&str>| AuditParams { actor: None, since: s.map(str::to_string) };
        assert_eq!(since(&p(None)).unwrap(), Some(std::time::Duration::from_secs(7 * 86400)));
        assert_eq!(since(&p(Some("all"))).unwrap(), None);
        assert!(since(&p(Some("forever"))).unwrap_err().message.starts_with("period: \"forever\""));
    }
}
