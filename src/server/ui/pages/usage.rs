//! `GET /ui/usage`: per item, the units (per-scan, per-page) or active devices (device options) of each
//! day of a period — 7, 30 or 90 days up to today, or custom dates — as a chart with the numbers in a
//! table below it. The figures are `ltsctl usage --by day --item ID --since DAY`'s.

use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Days, NaiveDate, Utc};
use maud::{Markup, html};
use serde::Deserialize;

use super::{PageError, given, layout, quota_bar};
use crate::admin::prelude::*;
use crate::admin::{ItemUsageView, UsageBy, UsageGroupView, UsageQuery};
use crate::domain::option::LicenseOption;
use crate::error::{Error, ErrorKind, Result};
use crate::server::admin::status_of;
use crate::server::ui::chart;
use crate::server::ui::session::SignedIn;

/// The longest custom period: ten years of days.
const MAX_DAYS: u64 = 3660;

#[derive(Debug, Default, Deserialize)]
pub struct UsageParams {
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    handshake: Option<String>,
}

/// The days a request asks for, first and last included.
#[derive(Debug, PartialEq, Eq)]
struct Period {
    name: &'static str,
    from: NaiveDate,
    to: NaiveDate,
}

fn date(field: &str, v: Option<&str>) -> Result<NaiveDate> {
    let v = v.ok_or_else(|| {
        Error::usage(format!("a custom period needs a `{field}` date"))
            .with_hint("give both dates as YYYY-MM-DD, or choose 7, 30 or 90 days")
    })?;
    NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
        Error::usage(format!("`{field}`: {v:?} is not a date"))
            .with_hint("give the date as YYYY-MM-DD, e.g. 2026-11-01")
    })
}

fn period(p: &UsageParams, today: NaiveDate) -> Result<Period> {
    let last = |name, n: u64| Period { name, from: today - Days::new(n - 1), to: today };
    match given(&p.period).unwrap_or("30d") {
        "7d" => Ok(last("7d", 7)),
        "30d" => Ok(last("30d", 30)),
        "90d" => Ok(last("90d", 90)),
        "custom" => {
            let from = date("from", given(&p.from))?;
            let to = date("to", given(&p.to))?;
            if from > to {
                return Err(Error::usage(format!(
                    "the period starts ({from}) after it ends ({to})"
                ))
                .with_hint("give a `from` date on or before the `to` date"));
            }
            if (to - from).num_days() as u64 >= MAX_DAYS {
                return Err(Error::usage(format!(
                    "the period from {from} to {to} is longer than {MAX_DAYS} days"
                )));
            }
            Ok(Period { name: "custom", from, to })
        }
        other => Err(Error::usage(format!("unknown period {other:?}"))
            .with_hint("choose 7d, 30d, 90d or custom")),
    }
}

/// What an item's chart counts per day.
fn measure(option: LicenseOption) -> (&'static str, fn(&UsageGroupView) -> u64) {
    match option {
        LicenseOption::PerScan => ("scans", |g| g.scans.max(0) as u64),
        LicenseOption::PerPage => ("pages", |g| g.pages.max(0) as u64),
        _ => ("active devices", |g| g.devices.max(0) as u64),
    }
}

/// Every day of the period with its group (a day without reports is zeros).
fn days(p: &Period, groups: &[UsageGroupView]) -> Vec<(String, Option<UsageGroupView>)> {
    p.from
        .iter_days()
        .take_while(|d| *d <= p.to)
        .map(|d| {
            let key = d.format("%Y-%m-%d").to_string();
            let g = groups.iter().find(|g| g.key == key).cloned();
            (key, g)
        })
        .collect()
}

fn filters(p: &UsageParams, shown: Option<&Period>) -> Markup {
    let current = shown.map(|s| s.name).or(given(&p.period)).unwrap_or("30d");
    html! {
        form.filters method="get" action="/ui/usage" {
            label { "Period "
                select name="period" {
                    @for (v, label) in [("7d", "7 days"), ("30d", "30 days"), ("90d", "90 days"), ("custom", "Custom")] {
                        option value=(v) selected[current == v] { (label) }
                    }
                }
            }
            label { "From " input type="date" name="from" value=[shown.map(|s| s.from.to_string()).or(p.from.clone())]; }
            label { "To " input type="date" name="to" value=[shown.map(|s| s.to.to_string()).or(p.to.clone())]; }
            label { "Code " input type="text" name="handshake" value=[given(&p.handshake)] placeholder="all"; }
            button type="submit" { "Show" }
        }
    }
}

/// The table's columns after the day, and which one the chart draws.
fn columns(what: &str) -> [(&'static str, bool); 4] {
    [
        ("Scans", what == "scans"),
        ("Pages", what == "pages"),
        ("Reports", false),
        ("Devices", what == "active devices"),
    ]
}

fn item_section(item: &ItemUsageView, p: &Period, groups: &[UsageGroupView]) -> Markup {
    let (what, value) = measure(item.option);
    let rows = days(p, groups);
    let points: Vec<(String, u64)> =
        rows.iter().map(|(k, g)| (k.clone(), g.as_ref().map(value).unwrap_or(0))).collect();
    let total: u64 = points.iter().map(|p| p.1).sum();
    html! {
        article.card.usage-item data-item=(item.item) {
            h3 { (item.item) " " span.muted { (item.product) " · " (item.option) } }
            (quota_bar(&item.item, item.used, item.quota, item.limit))
            p.muted { (what) " per day; " (total) " in the period" }
            (chart::bars(what, &points))
            details open[rows.len() <= 31] {
                summary { "Numbers per day" }
                div.scroll {
                    table.numbers {
                        thead { tr {
                            th { "Day" }
                            @for (name, charted) in columns(what) {
                                th.charted[charted] { (name) @if charted { " (charted)" } }
                            }
                        } }
                        tbody {
                            @for (day, g) in &rows {
                                tr {
                                    td { (day) }
                                    td { (g.as_ref().map_or(0, |g| g.scans)) }
                                    td { (g.as_ref().map_or(0, |g| g.pages)) }
                                    td { (g.as_ref().map_or(0, |g| g.reports)) }
                                    td { (g.as_ref().map_or(0, |g| g.devices)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn start_of(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc()
}

pub async fn page(who: SignedIn, Query(q): Query<UsageParams>) -> Result<Response, PageError> {
    let today = who.now.date_naive();
    // A filter the page cannot show: the form again with what to fix.
    let refused = |e: Error| {
        let main = html! {
            (filters(&q, None))
            p.error role="alert" { (e.message) }
            @if let Some(h) = &e.hint { p.hint { (h) } }
        };
        let page = layout(&who, "/ui/usage", "Usage", main);
        (status_of(e.kind), page).into_response()
    };
    let p = match period(&q, today) {
        Ok(p) => p,
        Err(e) => return Ok(refused(e)),
    };
    let base = UsageQuery {
        handshake: given(&q.handshake).map(str::to_string),
        item: None,
        since: Some(start_of(p.from)),
        by: UsageBy::Day,
    };
    let all = match who.admin.usage(&base).await {
        Ok(all) => all,
        // A code that does not exist is a filter to fix, not a missing page.
        Err(e) if e.kind == ErrorKind::NotFound => return Ok(refused(e)),
        Err(e) => return Err(e.into()),
    };
    let mut sections = Vec::with_capacity(all.items.len());
    for item in &all.items {
        let one =
            who.admin.usage(&UsageQuery { item: Some(item.item.clone()), ..base.clone() }).await?;
        sections.push(item_section(item, &p, &one.groups));
    }
    let main = html! {
        (filters(&q, Some(&p)))
        p.muted { (p.from) " to " (p.to) " (UTC days)" }
        @if sections.is_empty() { p { "No items to show." } }
        @for s in sections { (s) }
    };
    Ok(layout(&who, "/ui/usage", "Usage", main).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(period: &str, from: &str, to: &str) -> UsageParams {
        UsageParams {
            period: Some(period.into()),
            from: Some(from.into()),
            to: Some(to.into()),
            handshake: None,
        }
    }

    #[test]
    fn periods_end_today_or_on_the_dates_given() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let p = period(&UsageParams::default(), today).unwrap();
        assert_eq!((p.name, p.from.to_string()), ("30d", "2026-11-03".into()));
        let p = period(&params("7d", "", ""), today).unwrap();
        assert_eq!(days(&p, &[]).len(), 7);
        let p = period(&params("custom", "2026-01-30", "2026-02-02"), today).unwrap();
        assert_eq!(
            days(&p, &[]).iter().map(|d| d.0.as_str()).collect::<Vec<_>>(),
            ["2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02"]
        );
    }

    #[test]
    fn bad_periods_say_what_to_give() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let msg = |p: UsageParams| period(&p, today).unwrap_err().message;
        assert_eq!(
            msg(params("custom", "2026-13-01", "2026-12-01")),
            "`from`: \"2026-13-01\" is not a date"
        );
        assert_eq!(msg(params("custom", "", "2026-12-01")), "a custom period needs a `from` date");
        assert!(msg(params("custom", "2026-12-02", "2026-12-01")).contains("after it ends"));
        assert_eq!(msg(params("1y", "", "")), "unknown period \"1y\"");
    }
}
