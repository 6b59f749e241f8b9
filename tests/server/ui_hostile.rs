//! The dashboard (`/ui`) against requests no page of it sends: other methods, malformed forms and query
//! strings. Every such answer is still the dashboard's — an HTML page with the security headers (CSP,
//! `nosniff`, frame denial, `no-store`) — not the device API's JSON, and never a session.

use reqwest::{Method, StatusCode};

use crate::util::ui::{Browser, Page, assert_csp, client};
use crate::util::*;

#[track_caller]
fn assert_html_error(page: &Page, status: StatusCode, says: &str) {
    assert_eq!(page.status, status, "{}", page.body);
    assert_csp(page);
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    assert_eq!(page.headers["content-type"], "text/html; charset=utf-8", "{}", page.body);
    assert!(page.body.contains(says), "{}", page.body);
    assert!(!page.headers.contains_key("set-cookie"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_methods_get_the_dashboards_405_page_with_its_headers() {
    let lts = Env::with_items(&[Item::per_device("UI-405", 2, now_secs())]);
    let viewer = lts.token("methods", "viewer");
    let server = lts.serve(&[]);
    let mut b = Browser::new(&server.url, client());
    b.sign_in(&viewer).await;
    for (method, path, allow) in [
        (Method::OPTIONS, "/ui", "GET,HEAD"),
        (Method::PUT, "/ui", "GET,HEAD"),
        (Method::POST, "/ui", "GET,HEAD"),
        (Method::DELETE, "/ui/devices", "GET,HEAD"),
        (Method::PATCH, "/ui/devices/some-device", "GET,HEAD"),
        (Method::POST, "/ui/nowhere", "GET,HEAD"),
        (Method::POST, "/ui/assets/style.css", "GET,HEAD"),
        (Method::GET, "/ui/sign-out", "POST"),
        (Method::DELETE, "/ui/sign-in", "GET,HEAD,POST"),
    ] {
        let page = b.send(b.http.request(method.clone(), format!("{}{path}", b.base))).await;
        assert_html_error(
            &page,
            StatusCode::METHOD_NOT_ALLOWED,
            "this dashboard page does not take that method",
        );
        assert_eq!(page.headers["allow"], allow, "{method} {path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_forms_and_query_strings_get_the_dashboards_error_page() {
    let lts = Env::with_items(&[Item::per_device("UI-BAD-FORMS", 2, now_secs())]);
    let viewer = lts.token("forms", "viewer");
    let server = lts.serve(&[]);
    let mut b = Browser::new(&server.url, client());
    let sign_in = || b.http.post(format!("{}/ui/sign-in", b.base));
    // The token as JSON, or as text: not a form, and no session.
    let json = b
        .send(
            sign_in()
                .header("Origin", &b.base)
                .header("Content-Type", "application/json")
                .body(format!(r#"{{"token":"{viewer}"}}"#)),
        )
        .await;
    assert_html_error(
        &json,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "application/x-www-form-urlencoded",
    );
    assert!(!json.body.contains(&viewer));
    // A megabyte of token.
    let huge = format!("token={}", "a".repeat(1 << 20));
    let big = b
        .send(
            sign_in()
                .header("Origin", &b.base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(huge),
        )
        .await;
    assert_html_error(&big, StatusCode::PAYLOAD_TOO_LARGE, "length limit");
    // The unread rest of that body closes the connection: the answer says so, so the client does not
    // send the next form on it (which failed now and then as an incomplete message).
    assert_eq!(big.headers.get("connection").and_then(|v| v.to_str().ok()), Some("close"));
    // A form field twice.
    let twice = b
        .send(
            sign_in()
                .header("Origin", &b.base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("token=a&token=b"),
        )
        .await;
    assert_html_error(&twice, StatusCode::UNPROCESSABLE_ENTITY, "duplicate field");

    b.sign_in(&viewer).await;
    for path in [
        "/ui/usage?period=7d&period=30d",
        "/ui/devices?state=all&state=%3Cscript%3E",
        "/ui/audit?since=7d&since=1d",
    ] {
        let page = b.get(path).await;
        assert_html_error(&page, StatusCode::BAD_REQUEST, "duplicate field");
        assert!(!page.body.contains("<script>"), "{}", page.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_code_on_the_usage_page_gets_the_form_back() {
    let lts = Env::with_items(&[Item::per_device("UI-NO-CODE", 2, now_secs())]);
    let viewer = lts.token("codes", "viewer");
    let server = lts.serve(&[]);
    let mut b = Browser::new(&server.url, client());
    b.sign_in(&viewer).await;
    let page = b.get("/ui/usage?period=7d&handshake=%22%3E%3Cb%3Enope").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", page.body);
    assert_csp(&page);
    // The page with its navigation and filters, the code escaped in the field and the message.
    assert!(page.body.contains(r#"action="/ui/sign-out""#), "{}", page.body);
    assert!(
        page.body.contains(r#"name="handshake" value="&quot;&gt;&lt;b&gt;nope""#),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(r#"role="alert">no handshake code &quot;&gt;&lt;b&gt;nope"#),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<b>nope"), "{}", page.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_again_ends_the_session_the_cookie_held() {
    let lts = Env::with_items(&[Item::per_device("UI-AGAIN", 2, now_secs())]);
    let viewer = lts.token("again", "viewer");
    let server = lts.serve(&[]);
    let mut b = Browser::new(&server.url, client());
    b.sign_in(&viewer).await;
    let first = b.cookie.clone().unwrap();
    // A stale sign-in tab sends its form while this session is live.
    b.sign_in(&viewer).await;
    let second = b.cookie.clone().unwrap();
    assert_ne!(first, second, "a new id at every sign-in");
    assert_eq!(b.get("/ui").await.status, StatusCode::OK);
    b.cookie = Some(first);
    crate::util::ui::assert_signed_out(&b.get("/ui").await);
}
