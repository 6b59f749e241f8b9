//! `GET /ui`: the instance, each handshake code with its items in consumption order and a quota bar per
//! item, the licenses and items that expire soon, and the last sweep — from `status`, `handshake list`,
//! `license list --expiring-within` and the sweeper's record.

use std::time::Duration;

use maud::html;

use super::{PageResult, layout, quota_bar, when};
use crate::admin::prelude::*;
use crate::clock::from_unix;
use crate::server::ui::session::SignedIn;

/// What "soon" is on the overview (the CLI's `status` default).
const SOON: Duration = Duration::from_secs(30 * 86400);

/// The store's kind, without its location (a path or URL is the server's business, as in the admin
/// API's `status`).
fn store_kind(location: &str) -> &'static str {
    if location.starts_with("postgres") { "PostgreSQL" } else { "SQLite (embedded)" }
}

pub async fn page(who: SignedIn) -> PageResult {
    let status = who.admin.status(SOON).await?;
    let codes = who.admin.handshake_list().await?;
    let last_sweep = who.store.last_sweep().await?;
    // The licenses with active items expiring soon, and those items (`license list --expiring-within`).
    let mut expiring = who.admin.license_list(Some(SOON)).await?;
    expiring.sort_by_key(|l| l.items.iter().map(|i| i.expires_at).min());
    let main = html! {
        section.card {
            h2 { "Instance" }
            dl.facts {
                dt { "LTS id" } dd { code { (status.lts_id) } }
                dt { "Version" } dd { (status.version) }
                dt { "Store" } dd { (store_kind(&status.target.location)) }
                dt { "Licenses" } dd { (status.counts.licenses) }
                dt { "Items" } dd { (status.counts.items) }
                dt { "Active devices" } dd { (status.counts.active_devices) }
                dt { "Last sweep" }
                dd {
                    @match &last_sweep {
                        Some(s) => { (when(from_unix(s.finished_at))) " (" (s.trigger) ", "
                            (s.removed) " removed)" }
                        None => { "never" }
                    }
                }
            }
        }
        section {
            h2 { "Handshake codes" }
            @if codes.is_empty() { p { "No handshake codes yet." } }
            @for code in &codes {
                article.card.code {
                    h3 {
                        code { (code.code) }
                        @if let Some(name) = &code.name { " " span.muted { (name) } }
                    }
                    p.muted { (code.active_devices) " active devices · order: " (code.order) }
                    @if code.items.is_empty() { p { "No items bound." } }
                    @else {
                        ol.items {
                            @for item in &code.items {
                                li {
                                    span.item-id { (item.id) }
                                    span.muted { " " (item.option) " · " (item.status.as_str())
                                        " · until " (when(item.expires_at)) }
                                    (quota_bar(&item.id, item.used, item.quota, item.limit))
                                }
                            }
                        }
                    }
                }
            }
        }
        section.card {
            h2 { "Expiring within " (status.expiring_within) }
            @if expiring.is_empty() { p { "Nothing expires soon." } }
            @else {
                div.scroll {
                    table.expiring {
                        thead { tr { th { "License" } th { "Licensee" } th { "Item" } th { "Product" } th { "Expires" } } }
                        tbody {
                            @for license in &expiring {
                                @for item in &license.items {
                                    tr {
                                        td { (license.id) } td { (license.licensee) }
                                        td { (item.id) } td { (item.product) }
                                        td { (when(item.expires_at)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(&who, "/ui", "Overview", main))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_store_is_named_without_its_location() {
        assert_eq!(super::store_kind("postgres://u:***@db/lts"), "PostgreSQL");
        assert_eq!(super::store_kind("/var/lib/ltsctl/lts.db"), "SQLite (embedded)");
    }
}
