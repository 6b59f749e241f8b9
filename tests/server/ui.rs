//! Issue 21, "A web page to look at": the dashboard under `/ui` over plain HTTP(S), without a browser
//! (the browser's view: `ui_browser`). Sign-in by form sets an `HttpOnly; SameSite=Strict` cookie
//! (`Secure` under TLS) holding a random id that the store keeps only hashed; every answer has a CSP
//! without `unsafe-inline`; hostile text is escaped; the token is never in a page, a URL, the log or
//! the store's files; forms from another origin and sign-outs without the form token are refused; a
//! session ends on sign-out, on its token's revocation or expiry, and after its lifetime.

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use ltsctl::admin::prelude::*;
use reqwest::StatusCode;
use reqwest::header::SET_COOKIE;
use serde_json::json;

use crate::util::ui::{Browser, assert_csp, assert_signed_out, client};
use crate::util::*;

const HOSTILE: &str = r#"<script>alert("pwned")</script>"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_pages_escaping_and_the_end_of_a_session() {
    let lts = Env::with_items(&[Item::per_device("UI-SEATS", 4, now_secs())]);
    let soon = Item::per_device("UI-SOON", 1, now_secs()).expires(now_secs() + TimeDelta::days(5));
    lts.import("216998-100025911", "LIC-SOON", &[soon]);
    let viewer = lts.token("wall-screen", "viewer");
    // The debug log and the access log on: neither may hold the token or a session id.
    let server =
        lts.here().env("LTSCTL_LOG", "debug").serve(&["--rate-limit", "0", "--access-log"]);
    let api = server.api();
    ok(api.authorize_with(CODE, "ui-dev-1", json!({ "name": HOSTILE }), None).await);
    for uuid in ["ui-dev-2", "ui-dev-3"] {
        ok(api.authorize(CODE, uuid, PRODUCT, "web").await);
    }
    let mut b = Browser::new(&server.url, client());

    // Signed out: every page leads to the form, which has the security headers.
    for path in ["/ui", "/ui/usage", "/ui/devices", "/ui/audit", "/ui/devices/ui-dev-1"] {
        assert_signed_out(&b.get(path).await);
    }
    let form = b.get("/ui/sign-in").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_csp(&form);
    assert!(
        form.body.contains(r#"<input id="token" type="password" name="token""#),
        "{}",
        form.body
    );

    // A wrong token: the form again, with why, and the token not echoed.
    let mut wrong = viewer.clone();
    wrong.pop();
    wrong.push(if viewer.ends_with('A') { 'B' } else { 'A' });
    let refused = b.post("/ui/sign-in", &[("token", &wrong)], None).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(
        refused.body.contains("That token was not accepted: unknown token."),
        "{}",
        refused.body
    );
    assert!(!refused.body.contains(&wrong) && !refused.headers.contains_key(SET_COOKIE));
    // From another site: refused before the token is looked at.
    let csrf = b.post("/ui/sign-in", &[("token", &viewer)], Some("https://evil.example")).await;
    assert_eq!(csrf.status, StatusCode::FORBIDDEN, "{}", csrf.body);
    assert!(csrf.body.contains("refused a form sent from another site"), "{}", csrf.body);
    assert!(!csrf.headers.contains_key(SET_COOKIE));

    // Signed in: the cookie's flags (no `Secure` over plain HTTP), an id that is not the token.
    let set = b.sign_in(&viewer).await;
    assert!(set.contains("; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=28800"), "{set}");
    assert!(!set.contains("Secure"), "{set}");
    let id = b.cookie.clone().unwrap();
    assert!(!viewer.contains(&id) && !id.contains(&viewer[7..20]));

    // The overview: the item's bar at 3 of 4 seats, the hostile name escaped on the devices page.
    let overview = b.get("/ui").await;
    assert_eq!(overview.status, StatusCode::OK);
    assert_csp(&overview);
    assert!(
        overview.body.contains(r#"data-item="UI-SEATS" data-percent="75.0""#),
        "{}",
        overview.body
    );
    assert!(overview.body.contains("75% · 3 / 4"), "{}", overview.body);
    assert!(overview.body.contains("wall-screen (viewer)"));
    let expiring =
        &overview.body[overview.body.find("<table class=\"expiring\"").expect("expiring")..];
    assert!(expiring.contains("<td>LIC-SOON</td>") && expiring.contains("<td>UI-SOON</td>"));
    assert!(!expiring.contains("LIC-TEST"), "{expiring}");
    assert!(!overview.body.contains(" style="), "inline styles need unsafe-inline");
    let devices = b.get("/ui/devices").await;
    assert!(devices.body.contains("3 matching devices"), "{}", devices.body);
    assert!(
        devices.body.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"),
        "{}",
        devices.body
    );
    assert!(!devices.body.contains(HOSTILE));
    let detail = b.get("/ui/devices/ui-dev-1").await;
    assert_eq!(detail.status, StatusCode::OK, "{}", detail.body);
    assert!(detail.body.contains("&lt;script&gt;") && !detail.body.contains(HOSTILE));
    let missing = b.get("/ui/devices/no-such-device").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
    // Hostile filters come back escaped inside the form, with a clear error.
    let bad = b.get("/ui/devices?inactive_for=%3Cscript%3E").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("inactive for: &quot;&lt;script&gt;&quot;"), "{}", bad.body);
    assert!(!bad.body.contains("<script>"));
    let usage = b.get("/ui/usage?period=7d").await;
    assert_eq!(usage.status, StatusCode::OK, "{}", usage.body);
    assert!(usage.body.contains(r#"<svg class="chart""#), "{}", usage.body);
    let bad = b.get("/ui/usage?period=custom&from=2026-02-30&to=2026-03-01").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("`from`: &quot;2026-02-30&quot; is not a date"), "{}", bad.body);
    let audit = b.get("/ui/audit?actor=wall-screen").await;
    assert!(audit.body.contains("ui.sign-in"), "{}", audit.body);
    let nowhere = b.get("/ui/nowhere/<b>").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert!(nowhere.body.contains("there is no such dashboard page"), "{}", nowhere.body);
    assert_csp(&nowhere);
    let style = b.get("/ui/assets/style.css").await;
    assert_eq!(style.headers["content-type"], "text/css; charset=utf-8");

    // No page holds the token or its secret part.
    for page in [&overview, &devices, &detail, &usage, &audit] {
        assert!(!page.body.contains(&viewer) && !page.body.contains(&viewer[20..]));
    }

    // Sign-out needs this session's form token and this origin.
    let no_token = b.post("/ui/sign-out", &[("form_token", "0123")], None).await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN, "{}", no_token.body);
    let form_token = b.form_token().await;
    let elsewhere =
        b.post("/ui/sign-out", &[("form_token", &form_token)], Some("http://evil.example")).await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    assert_eq!(b.get("/ui").await.status, StatusCode::OK, "still signed in");
    let out = b.post("/ui/sign-out", &[("form_token", &form_token)], None).await;
    assert_signed_out(&out);
    assert!(out.headers[SET_COOKIE].to_str().unwrap().contains("ltsctl_ui=; Path=/ui"));
    assert_signed_out(&b.get("/ui").await);

    // Revoking the token ends its other sessions at once.
    b.sign_in(&viewer).await;
    let mut second = Browser::new(&server.url, client());
    second.sign_in(&viewer).await;
    assert_eq!(second.get("/ui/devices").await.status, StatusCode::OK);
    lts.ok(&["token", "revoke", "wall-screen"]);
    assert_signed_out(&b.get("/ui").await);
    assert_signed_out(&second.get("/ui/devices").await);
    let again = b.post("/ui/sign-in", &[("token", &viewer)], None).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    assert!(again.body.contains("this token has been revoked"), "{}", again.body);

    // Neither the token nor a session id is in the log or the store's files.
    let log = server.stderr_text();
    assert!(log.contains("/ui/sign-in"), "the access log is on: {log}");
    assert!(!log.contains(&viewer[7..]) && !log.contains(&id), "{log}");
    let data = lts.data.clone();
    for entry in std::fs::read_dir(&data).expect("data dir").flatten() {
        let bytes = std::fs::read(entry.path()).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(&id), "{} holds the session id", entry.path().display());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_reads_and_sessions_expire_with_their_lifetime_or_token() {
    let t0 = Utc::now();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-UI", &[Item::per_device("UI-ROLE", 10, t0)]).await;
    let token = |name: &'static str, role, expires| {
        let admin = &lts.admin;
        async move { admin.token_create(name, role, expires).await.expect("token create").token }
    };
    use ltsctl::auth::Role;
    for (name, role) in [("v", Role::Viewer), ("o", Role::Operator), ("a", Role::Admin)] {
        let t = token(name, role, None).await;
        let mut b = Browser::new(&lts.api.base, client());
        b.sign_in(&t).await;
        for path in ["/ui", "/ui/usage", "/ui/devices", "/ui/audit"] {
            let page = b.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{name} {path}: {}", page.body);
            assert!(page.body.contains(&format!("{name} ({role})")), "{}", page.body);
        }
    }

    // The lifetime (8 h): still signed in a second before, not at it.
    let long = token("long", Role::Viewer, None).await;
    let mut b = Browser::new(&lts.api.base, client());
    b.sign_in(&long).await;
    // A page view is a use of the token, as an admin API request is.
    lts.advance(TimeDelta::seconds(600));
    assert_eq!(b.get("/ui/audit").await.status, StatusCode::OK);
    let tokens = lts.admin.token_list().await.expect("token list");
    let long_token = tokens.iter().find(|t| t.name == "long").expect("long");
    let last_used = long_token.last_used_at.map(|t| t.timestamp());
    assert_eq!(last_used, Some(lts.now().timestamp()), "signed in 600 s before");
    lts.advance(TimeDelta::seconds(8 * 3600 - 601));
    assert_eq!(b.get("/ui").await.status, StatusCode::OK);
    lts.advance(TimeDelta::seconds(1));
    assert_signed_out(&b.get("/ui").await);

    // A token that expires sooner ends its session sooner.
    let short = token("short", Role::Viewer, Some(Duration::from_secs(3600))).await;
    let mut b = Browser::new(&lts.api.base, client());
    b.sign_in(&short).await;
    lts.advance(TimeDelta::seconds(3599));
    assert_eq!(b.get("/ui/devices").await.status, StatusCode::OK);
    lts.advance(TimeDelta::seconds(1));
    assert_signed_out(&b.get("/ui/devices").await);
    let expired = b.post("/ui/sign-in", &[("token", &short)], None).await;
    assert!(expired.body.contains("this token has expired"), "{}", expired.body);
    lts.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cookie_is_secure_under_tls() {
    if !have("openssl", &["version"]) {
        eprintln!("SKIPPED the_cookie_is_secure_under_tls: no `openssl` CLI on PATH");
        return;
    }
    let lts = Env::with_items(&[Item::per_device("UI-TLS", 2, now_secs())]);
    let viewer = lts.token("tls-viewer", "viewer");
    let ca_false = "-addext basicConstraints=critical,CA:FALSE";
    let (cert, key) = self_signed(&lts.work, "ui", ED25519, "IP:127.0.0.1", ca_false);
    let server =
        lts.serve(&["--tls-cert", &cert.to_string_lossy(), "--tls-key", &key.to_string_lossy()]);
    let pem = std::fs::read(&cert).expect("cert");
    let http = client_builder()
        .redirect(reqwest::redirect::Policy::none())
        .tls_certs_only([reqwest::Certificate::from_pem(&pem).expect("PEM")])
        .build()
        .expect("client");
    let mut b = Browser::new(&server.url, http);
    let set = b.sign_in(&viewer).await;
    assert!(set.ends_with("; Secure"), "{set}");
    assert_eq!(b.get("/ui").await.status, StatusCode::OK);
    let form_token = b.form_token().await;
    let out = b.post("/ui/sign-out", &[("form_token", &form_token)], None).await;
    assert!(out.headers[SET_COOKIE].to_str().unwrap().ends_with("; Secure"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_that_terminated_tls_the_cookie_is_secure() {
    let lts = Env::with_items(&[Item::per_device("UI-PROXY", 2, now_secs())]);
    let viewer = lts.token("proxied", "viewer");
    let sign_in = |server: &Server, proto: Option<(&'static str, &'static str)>| {
        let url = server.url.clone();
        let viewer = viewer.clone();
        async move {
            let mut req = client()
                .post(format!("{url}/ui/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", &url)
                .body(format!("token={viewer}"));
            if let Some((name, value)) = proto {
                req = req.header(name, value);
            }
            let resp = req.send().await.expect("POST");
            assert_eq!(resp.status(), StatusCode::SEE_OTHER);
            resp.headers()[SET_COOKIE].to_str().unwrap().to_string()
        }
    };
    let proxied = lts.serve(&["--trusted-proxy", "127.0.0.1/32"]);
    let https = ("X-Forwarded-Proto", "https");
    let set = sign_in(&proxied, Some(https)).await;
    assert!(set.ends_with("; Secure"), "{set}");
    let forwarded = ("Forwarded", "for=192.0.2.7;proto=https;by=127.0.0.1");
    assert!(sign_in(&proxied, Some(forwarded)).await.ends_with("; Secure"));
    let http = ("X-Forwarded-Proto", "http");
    assert!(!sign_in(&proxied, Some(http)).await.contains("Secure"));
    assert!(!sign_in(&proxied, None).await.contains("Secure"));
    drop(proxied);
    // From a peer that is not a trusted proxy the header means nothing.
    let direct = lts.serve(&[]);
    assert!(!sign_in(&direct, Some(https)).await.contains("Secure"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn devices_page_fifty_at_a_time_by_the_keyset_cursor() {
    let lts = Env::with_items(&[Item::per_device("UI-MANY", 100, now_secs())]);
    let viewer = lts.token("pager", "viewer");
    let data = lts.data.clone();
    tokio::task::spawn_blocking(move || {
        Seeder::open(&data, Utc::now()).insert(CODE, "UI-MANY", &uuids("many", 60));
    })
    .await
    .expect("seed");
    let server = lts.serve(&[]);
    let mut b = Browser::new(&server.url, client());
    b.sign_in(&viewer).await;
    let rows = |body: &str| body.matches("<a href=\"/ui/devices/many-").count();
    let first = b.get("/ui/devices?sort=uuid").await;
    assert!(first.body.contains("60 matching devices"), "{}", first.body);
    assert_eq!(rows(&first.body), 50);
    assert!(first.body.contains("many-00049") && !first.body.contains("many-00050"));
    let at = first.body.find(r#"rel="next" href=""#).expect("a next page") + 17;
    let next = first.body[at..].split('"').next().unwrap().replace("&amp;", "&");
    assert!(next.starts_with("/ui/devices?sort=uuid&cursor="), "{next}");
    let second = b.get(&next).await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.body);
    assert_eq!(rows(&second.body), 10);
    assert!(second.body.contains("many-00050") && second.body.contains("many-00059"));
    assert!(!second.body.contains(r#"rel="next""#), "the last page has no next");
    assert!(second.body.contains(r#"<a href="/ui/devices?sort=uuid">First page</a>"#));
    let bad = b.get("/ui/devices?cursor=not-a-cursor").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgresql_a_session_opened_on_one_instance_holds_on_another_and_ends_on_both() {
    let Some(database) = crate::util::pg::PgDb::for_test("dashboard PostgreSQL test").await else {
        return;
    };
    let env = Env::new();
    let ltsctl = env.on(&Target::database(&database.url));
    ltsctl.issue_and_import(CODE, "LIC-UI-PG", &[Item::per_device("UI-PG", 8, now_secs())]);
    let created = ltsctl.ok(&["-o", "json", "token", "create", "pg-viewer", "--role", "viewer"]);
    let token = created["token"].as_str().expect("token").to_string();
    let (a, b) = (ltsctl.serve(&["--rate-limit", "0"]), ltsctl.serve(&[]));
    for uuid in ["pg-1", "pg-2"] {
        ok(a.api().authorize(CODE, uuid, PRODUCT, "web").await);
    }
    let mut on_a = Browser::new(&a.url, client());
    on_a.sign_in(&token).await;
    // The same cookie on the other instance: the session is in the shared database.
    let on_b = Browser { base: b.url.clone(), http: client(), cookie: on_a.cookie.clone() };
    let overview = on_b.get("/ui").await;
    assert_eq!(overview.status, StatusCode::OK, "{}", overview.body);
    assert!(overview.body.contains("PostgreSQL"), "{}", overview.body);
    assert!(overview.body.contains("25% · 2 / 8"), "{}", overview.body);
    // Signed out on b: gone on a too.
    let form_token = on_b.form_token().await;
    assert_signed_out(&on_b.post("/ui/sign-out", &[("form_token", &form_token)], None).await);
    assert_signed_out(&on_a.get("/ui").await);
    drop((a, b));
    database.drop_db().await;
}
