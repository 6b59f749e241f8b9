//! `GET /ui/devices`: the device list with `devices list`'s filters (code, item, inactive for,
//! active/expired, checked out, sort), a page at a time with its keyset cursor, idle time humanised;
//! `GET /ui/devices/{uuid}`: one device's seats and usage (`devices show`).

use std::time::Duration;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::{PageError, given, layout, query, when};
use crate::admin::prelude::*;
use crate::admin::{DeviceQuery, DeviceSortKey, DeviceStateFilter, DeviceView, PageQuery};
use crate::domain::duration::{humanize, parse_duration};
use crate::error::{Error, Result};
use crate::server::ui::session::SignedIn;

/// Devices per page.
const PAGE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
pub struct DeviceParams {
    handshake: Option<String>,
    item: Option<String>,
    inactive_for: Option<String>,
    state: Option<String>,
    checked_out: Option<String>,
    sort: Option<String>,
    cursor: Option<String>,
}

impl DeviceParams {
    /// The pairs of the filters (not the cursor), for the next page's link.
    fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("handshake", &self.handshake),
            ("item", &self.item),
            ("inactive_for", &self.inactive_for),
            ("state", &self.state),
            ("checked_out", &self.checked_out),
            ("sort", &self.sort),
        ]
        .into_iter()
        .filter_map(|(k, v)| given(v).map(|v| (k, v)))
        .collect()
    }
}

/// The admin query the form asks for, or what is wrong with it.
fn device_query(p: &DeviceParams) -> Result<DeviceQuery> {
    let inactive_for_seconds = match given(&p.inactive_for) {
        None => None,
        Some(v) => Some(
            parse_duration(v)
                .map_err(|e| {
                    Error::usage(format!("inactive for: {v:?}: {e}"))
                        .with_hint("give a duration such as 90d, 12h or 30m")
                })?
                .as_secs(),
        ),
    };
    let state = match given(&p.state).unwrap_or("all") {
        "all" => DeviceStateFilter::All,
        "active" => DeviceStateFilter::Active,
        "expired" => DeviceStateFilter::Expired,
        other => {
            return Err(Error::usage(format!("unknown state {other:?}"))
                .with_hint("choose all, active or expired"));
        }
    };
    let checked_out = match given(&p.checked_out) {
        None => None,
        Some("yes") => Some(true),
        Some("no") => Some(false),
        Some(other) => {
            return Err(Error::usage(format!("checked out: unknown value {other:?}"))
                .with_hint("choose yes, no or leave it empty"));
        }
    };
    let sort = match given(&p.sort).unwrap_or("last-seen") {
        "last-seen" => DeviceSortKey::LastSeen,
        "first-seen" => DeviceSortKey::FirstSeen,
        "uuid" => DeviceSortKey::Uuid,
        other => {
            return Err(Error::usage(format!("unknown sort {other:?}"))
                .with_hint("choose last-seen, first-seen or uuid"));
        }
    };
    Ok(DeviceQuery {
        handshake: given(&p.handshake).map(str::to_string),
        item: given(&p.item).map(str::to_string),
        inactive_for_seconds,
        state,
        checked_out,
        sort,
    })
}

fn select(name: &str, current: Option<&str>, options: &[(&str, &str)]) -> Markup {
    let current = current.unwrap_or(options[0].0);
    html! {
        select name=(name) {
            @for (v, label) in options { option value=(v) selected[current == *v] { (label) } }
        }
    }
}

fn filters(p: &DeviceParams) -> Markup {
    html! {
        form.filters method="get" action="/ui/devices" {
            label { "Code " input type="text" name="handshake" value=[given(&p.handshake)] placeholder="all"; }
            label { "Item " input type="text" name="item" value=[given(&p.item)] placeholder="all"; }
            label { "Inactive for " input type="text" name="inactive_for" value=[given(&p.inactive_for)] placeholder="e.g. 30d"; }
            label { "State " (select("state", given(&p.state), &[("all", "all"), ("active", "active"), ("expired", "expired")])) }
            label { "Checked out " (select("checked_out", given(&p.checked_out), &[("", "either"), ("yes", "yes"), ("no", "no")])) }
            label { "Sort " (select("sort", given(&p.sort), &[("last-seen", "last seen"), ("first-seen", "first seen"), ("uuid", "uuid")])) }
            button type="submit" { "Filter" }
        }
    }
}

/// The link to one device: its id percent-encoded as a path segment (only unreserved bytes kept).
fn device_link(uuid: &str) -> String {
    let mut out = String::from("/ui/devices/");
    for b in uuid.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn seats_table(devices: &[DeviceView], link: bool) -> Markup {
    html! {
        div.scroll {
            table.devices {
                thead { tr {
                    th { "Device" } th { "Name" } th { "Code" } th { "Item" } th { "Platform" }
                    th { "Idle" } th { "Last seen" } th { "Seat lapses" } th { "Checked out until" }
                } }
                tbody {
                    @for d in devices {
                        tr {
                            td { @if link { a href=(device_link(&d.uuid)) { (d.uuid) } } @else { (d.uuid) } }
                            td { (d.name.as_deref().unwrap_or("")) }
                            td { (d.handshake) } td { (d.item) } td { (d.platform) }
                            td { (humanize(Duration::from_secs(d.idle_seconds))) }
                            td { (when(d.last_seen)) }
                            td { (when(d.expires_at)) }
                            td { (d.checked_out_until.map(when).unwrap_or_default()) }
                        }
                    }
                }
            }
        }
    }
}

pub async fn list(who: SignedIn, Query(p): Query<DeviceParams>) -> Result<Response, PageError> {
    let q = match device_query(&p) {
        Ok(q) => q,
        Err(e) => {
            let main = html! {
                (filters(&p))
                p.error role="alert" { (e.message) }
                @if let Some(h) = &e.hint { p.hint { (h) } }
            };
            let page = layout(&who, "/ui/devices", "Devices", main);
            return Ok((StatusCode::BAD_REQUEST, page).into_response());
        }
    };
    let count = who.admin.devices_count(&q).await?;
    let cursor = given(&p.cursor).map(str::to_string);
    let page = who.admin.devices_list(&q, &PageQuery { cursor, limit: Some(PAGE) }).await?;
    let next = page.next_cursor.as_deref().map(|c| {
        let mut pairs = p.pairs();
        pairs.push(("cursor", c));
        format!("/ui/devices?{}", query(&pairs))
    });
    let first = given(&p.cursor).map(|_| format!("/ui/devices?{}", query(&p.pairs())));
    let main = html! {
        (filters(&p))
        p #device-count { (count) " matching device" @if count != 1 { "s" } }
        @if page.devices.is_empty() { p { "No devices on this page." } }
        @else { (seats_table(&page.devices, true)) }
        nav.pager {
            @if let Some(first) = first { a href=(first) { "First page" } }
            @if let Some(next) = next { a rel="next" href=(next) { "Next page" } }
        }
    };
    Ok(layout(&who, "/ui/devices", "Devices", main).into_response())
}

pub async fn show(who: SignedIn, Path(uuid): Path<String>) -> Result<Response, PageError> {
    let d = who.admin.device_show(&uuid).await?;
    let u = &d.usage;
    let main = html! {
        p { code { (d.uuid) } }
        section.card {
            h2 { "Seats" }
            (seats_table(&d.seats, false))
        }
        section.card {
            h2 { "Usage" }
            dl.facts {
                dt { "Reports" } dd { (u.reports) }
                dt { "Scans" } dd { (u.scans_total) }
                dt { "Pages" } dd { (u.pages_total) }
                dt { "First report" } dd { (u.first_report.map(when).unwrap_or_else(|| "none".into())) }
                dt { "Last report" } dd { (u.last_report.map(when).unwrap_or_else(|| "none".into())) }
            }
            @if !u.scans.is_empty() {
                h3 { "Scans per symbology" }
                table { tbody { @for (k, v) in &u.scans { tr { td { (k) } td { (v) } } } } }
            }
            @if !u.pages.is_empty() {
                h3 { "Pages per module" }
                table { tbody { @for (k, v) in &u.pages { tr { td { (k) } td { (v) } } } } }
            }
        }
        p { a href="/ui/devices" { "All devices" } }
    };
    Ok(layout(&who, "/ui/devices", "Device", main).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> DeviceParams {
        serde_json::from_value(serde_json::Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
                .collect(),
        ))
        .unwrap()
    }

    #[test]
    fn the_form_gives_the_admin_query_of_devices_list() {
        let q = device_query(&params(&[
            ("handshake", " CODE "),
            ("inactive_for", "30d"),
            ("state", "expired"),
            ("checked_out", "yes"),
            ("sort", "uuid"),
            ("item", ""),
        ]))
        .unwrap();
        assert_eq!(
            q,
            DeviceQuery {
                handshake: Some("CODE".into()),
                item: None,
                inactive_for_seconds: Some(30 * 86400),
                state: DeviceStateFilter::Expired,
                checked_out: Some(true),
                sort: DeviceSortKey::Uuid,
            }
        );
        assert_eq!(device_query(&params(&[])).unwrap(), DeviceQuery::default());
    }

    #[test]
    fn bad_filters_name_the_field() {
        let msg = |pairs: &[(&str, &str)]| device_query(&params(pairs)).unwrap_err().message;
        assert!(msg(&[("inactive_for", "soon")]).starts_with("inactive for: \"soon\""));
        assert_eq!(msg(&[("state", "gone")]), "unknown state \"gone\"");
        assert_eq!(msg(&[("sort", "name")]), "unknown sort \"name\"");
    }

    #[test]
    fn a_device_link_encodes_its_uuid() {
        assert_eq!(device_link("a/b c"), "/ui/devices/a%2Fb%20c");
    }
}
