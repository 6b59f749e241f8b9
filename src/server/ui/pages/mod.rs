//! The dashboard's pages: one module each, and what they share — the layout (navigation, who is signed
//! in, sign-out), the error page, the quota bar, and query strings for links.

pub mod audit;
pub mod devices;
pub mod overview;
pub mod sign_in;
pub mod usage;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, html};

use super::session::SignedIn;
use crate::error::{Error, ErrorKind};
use crate::server::admin::status_of;

/// What a page handler answers: its HTML, or an error shown as a page with the status the admin API
/// would give it.
pub type PageResult = Result<Html<String>, PageError>;

pub struct PageError(pub Error);

impl From<Error> for PageError {
    fn from(e: Error) -> Self {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        error_page(self.0)
    }
}

/// An error as a page: what went wrong and how to fix it (internal details go to the log only).
pub fn error_page(mut e: Error) -> Response {
    let status = status_of(e.kind);
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        tracing::error!("dashboard request failed: {}", e.message);
        e = Error::internal("the LTS could not complete the request; see its log");
    }
    if e.kind == ErrorKind::Busy {
        crate::metrics::store_busy();
    }
    status_page(status, &e.message, e.hint.as_deref())
}

/// The error page itself: a status, what went wrong and how to fix it.
pub fn status_page(status: StatusCode, message: &str, hint: Option<&str>) -> Response {
    let body = bare(
        "Error",
        html! {
            main {
                h1 { "Something went wrong" }
                p.error role="alert" { (message) }
                @if let Some(hint) = hint { p.hint { (hint) } }
                p { a href="/ui" { "Back to the overview" } }
            }
        },
    );
    (status, Html(body.into_string())).into_response()
}

/// A method a dashboard route does not take (`OPTIONS /ui`, `GET /ui/sign-out`): the dashboard's own
/// 405 page, so it carries the dashboard's headers rather than being the device API's JSON (the router
/// adds `Allow`).
pub async fn method_not_allowed() -> Response {
    status_page(
        StatusCode::METHOD_NOT_ALLOWED,
        "this dashboard page does not take that method",
        Some("open the page with GET; only the sign-in and sign-out forms are sent with POST"),
    )
}

/// `GET /ui/...` that names no page: an HTML 404 rather than the API's JSON one.
pub async fn not_found() -> Response {
    error_page(
        Error::not_found("there is no such dashboard page")
            .with_hint("the pages are /ui (overview), /ui/usage, /ui/devices and /ui/audit"),
    )
}

/// A page without the navigation (sign-in, errors).
pub fn bare(title: &str, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            (head(title))
            body { (main) }
        }
    }
}

/// Every page's `<head>`: one stylesheet, no scripts (the dashboard works without JavaScript).
fn head(title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " · ltsctl" }
            link rel="stylesheet" href="/ui/assets/style.css";
        }
    }
}

/// The dashboard's pages by path and name, for the navigation.
const NAV: &[(&str, &str)] = &[
    ("/ui", "Overview"),
    ("/ui/usage", "Usage"),
    ("/ui/devices", "Devices"),
    ("/ui/audit", "Audit"),
];

/// A page with the navigation, the signed-in token and the sign-out button.
pub fn layout(who: &SignedIn, current: &str, title: &str, main: Markup) -> Html<String> {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            (head(title))
            body {
                header.top {
                    span.brand { "ltsctl" }
                    nav {
                        @for (path, name) in NAV {
                            a href=(path) aria-current=[(*path == current).then_some("page")] { (name) }
                        }
                    }
                    form.signout method="post" action="/ui/sign-out" {
                        span.who { (who.name) " (" (who.role) ")" }
                        input type="hidden" name="form_token" value=(who.form_token);
                        button type="submit" { "Sign out" }
                    }
                }
                main { h1 { (title) } (main) }
            }
        }
    };
    Html(page.into_string())
}

/// `key=value&...` for a link, from the pairs whose value is not empty.
pub fn query(pairs: &[(&str, &str)]) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.is_empty() {
            q.append_pair(k, v);
        }
    }
    q.finish()
}

/// A time as the pages show it: `2026-12-02 07:05 UTC`.
pub fn when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A form field left empty is no filter.
pub fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The colour level of a share of a quota: 60, 80 and 100 % are the levels `usage` alerts at.
pub fn level(percent: f64) -> &'static str {
    if percent >= 100.0 {
        "full"
    } else if percent >= 80.0 {
        "high"
    } else if percent >= 60.0 {
        "warn"
    } else {
        "ok"
    }
}

/// A quota bar: `used` of `quota` as a filled share (capped at the bar's end), with the limit the
/// overuse tolerance allows marked, and the numbers as text beside it.
pub fn quota_bar(item: &str, used: u64, quota: Option<u64>, limit: Option<u64>) -> Markup {
    let Some(quota) = quota.filter(|q| *q > 0) else {
        return html! { span.quota data-item=(item) { (used) " used (no quota)" } };
    };
    let percent = used as f64 * 100.0 / quota as f64;
    let shown = percent.min(100.0);
    html! {
        span.quota data-item=(item) data-percent=(format!("{percent:.1}")) {
            svg.bar viewBox="0 0 100 8" preserveAspectRatio="none" role="meter"
                aria-label=(format!("{item}: {percent:.0}% of the quota"))
                aria-valuemin="0" aria-valuemax=(quota) aria-valuenow=(used) {
                rect.track width="100" height="8" {}
                rect class=(format!("fill {}", level(percent))) width=(format!("{shown:.1}")) height="8" {}
            }
            span.numbers {
                (format!("{percent:.0}%")) " · " (used) " / " (quota)
                @if let Some(limit) = limit.filter(|l| *l != quota) { " (limit " (limit) ")" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_change_at_60_80_and_100_percent() {
        let levels: Vec<_> =
            [0.0, 59.9, 60.0, 79.9, 80.0, 99.9, 100.0, 250.0].iter().map(|p| level(*p)).collect();
        assert_eq!(levels, ["ok", "ok", "warn", "warn", "high", "high", "full", "full"]);
    }

    #[test]
    fn the_bar_shows_the_share_and_caps_its_fill() {
        let bar = quota_bar("IT-1", 3, Some(4), Some(5)).into_string();
        assert!(bar.contains(r#"data-percent="75.0""#), "{bar}");
        assert!(bar.contains(r#"class="fill warn" width="75.0""#), "{bar}");
        assert!(bar.contains("(limit 5)"), "{bar}");
        let over = quota_bar("IT-1", 6, Some(4), None).into_string();
        assert!(over.contains(r#"width="100.0""#) && over.contains("150%"), "{over}");
        assert!(quota_bar("<b>", 1, None, None).into_string().contains("&lt;b&gt;"));
    }

    #[test]
    fn hostile_text_cannot_leave_an_attribute() {
        // Item ids reach attributes (`data-item`, `aria-label`): a quote must not end them.
        let hostile = r#""><script>x</script><i a='b"#;
        let bar = quota_bar(hostile, 1, Some(2), None).into_string();
        assert!(!bar.contains("<script>") && !bar.contains("<i a="), "{bar}");
        assert!(
            bar.contains(r#"data-item="&quot;&gt;&lt;script&gt;x&lt;/script&gt;&lt;i a='b""#),
            "{bar}"
        );
    }

    #[test]
    fn queries_drop_empty_values_and_encode_the_rest() {
        assert_eq!(query(&[("a", "1 2"), ("b", ""), ("c", "&=")]), "a=1+2&c=%26%3D");
    }
}
