//! Issue 21, the dashboard in a real browser: headless Chromium driven through chromedriver (WebDriver,
//! `fantoccini`). A viewer signs in on the form, sees an item's quota bar at its known share, filters the
//! devices by "inactive for" and reads the right count; a wrong token gets the form back with the error;
//! revoking the token ends the session; every page fits 360 px without scrolling sideways.
//!
//! Skipped with a notice where `chromium` / `chromedriver` are not installed, except when
//! `LTSCTL_REQUIRE_BROWSER=1` (`.ci/run` sets it): then a missing browser fails the test.
//! `LTSCTL_UI_SCREENSHOTS=DIR` also saves a screenshot of each page there (README: `docs/ui/`).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{TimeDelta, Utc};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::util::*;

/// A second code, for a per-scan item whose chart has numbers.
const SCAN_CODE: &str = "216998-100025907";

/// chromedriver on a free loopback port, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|d| d.join(program)).find(|p| p.is_file())
    })
}

/// chromedriver and the browser, or `None` (with a notice) where they are not installed; a failure
/// instead when `LTSCTL_REQUIRE_BROWSER=1`.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let driver = on_path("chromedriver");
    let chromium = on_path("chromium").or_else(|| on_path("chromium-browser"));
    match (driver, chromium) {
        (Some(d), Some(c)) => Some((d, c)),
        _ if std::env::var("LTSCTL_REQUIRE_BROWSER").as_deref() == Ok("1") => panic!(
            "LTSCTL_REQUIRE_BROWSER=1 but chromium or chromedriver is not on PATH \
             (apt-get install chromium chromium-driver)"
        ),
        _ => {
            eprintln!(
                "SKIPPED the dashboard's browser test: chromium and chromedriver are not installed \
                 (apt-get install chromium chromium-driver)"
            );
            None
        }
    }
}

fn start_driver(program: &PathBuf) -> Driver {
    let port =
        TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let child = Command::new(program)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver { child, url: format!("http://127.0.0.1:{port}") };
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "chromedriver did not listen on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    driver
}

async fn connect(driver: &Driver, chromium: &PathBuf) -> Client {
    let caps = json!({
        "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-extensions", "--window-size=1280,900"]
        }
    });
    let serde_json::Value::Object(caps) = caps else { unreachable!() };
    let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
    builder.capabilities(caps);
    let started = Instant::now();
    loop {
        match builder.connect(&driver.url).await {
            Ok(c) => return c,
            Err(e) if started.elapsed() < Duration::from_secs(20) => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("WebDriver session: {e}"),
        }
    }
}

async fn text(c: &Client, css: &str) -> String {
    match c.find(Locator::Css(css)).await {
        Ok(e) => e.text().await.expect("text"),
        Err(e) => panic!("{css}: {e}\n{}", c.source().await.unwrap_or_default()),
    }
}

/// The text of `css` once it reads `want` (a click's navigation may still be loading), for at most 10 s.
async fn text_becomes(c: &Client, css: &str, want: &str) {
    let started = Instant::now();
    loop {
        let got = match c.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if got == want {
            return;
        }
        if started.elapsed() > Duration::from_secs(10) {
            panic!("{css} reads {got:?}, not {want:?}\n{}", c.source().await.unwrap_or_default());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits for an element of the page a navigation leads to.
async fn arrive(c: &Client, css: &str) {
    if let Err(e) = c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await {
        panic!("no {css} after navigating: {e}\n{}", c.source().await.unwrap_or_default());
    }
}

async fn path(c: &Client) -> String {
    c.current_url().await.expect("url").path().to_string()
}

/// Whether the page is no wider than the window (nothing to scroll sideways).
async fn fits(c: &Client) -> (i64, i64) {
    let v = c
        .execute("return [document.documentElement.scrollWidth, window.innerWidth];", vec![])
        .await
        .expect("execute");
    (v[0].as_i64().unwrap_or(-1), v[1].as_i64().unwrap_or(-1))
}

async fn sign_in(c: &Client, base: &str, token: &str) {
    c.goto(&format!("{base}/ui")).await.expect("goto");
    assert_eq!(path(c).await, "/ui/sign-in");
    let form = c.form(Locator::Css("form")).await.expect("form");
    form.set_by_name("token", token).await.expect("token");
    form.submit().await.expect("submit");
    // Either the form again with its error, or a page with the navigation.
    arrive(c, "p.error, header.top").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_viewer_reads_the_dashboard_in_chromium() {
    let Some((chromedriver, chromium)) = browser() else {
        return;
    };
    let driver = start_driver(&chromedriver);

    // 5 seats, 3 taken: 2 by devices last seen 3 hours ago, 1 now; usage on a per-scan item over 5 days.
    let now = now_secs();
    let lts = Env::with_items(&[Item::per_device("UI-SEATS", 5, now - TimeDelta::days(10))]);
    lts.import(
        SCAN_CODE,
        "LIC-SCANS",
        &[Item::per_scan("UI-SCANS", 5_000, now - TimeDelta::days(10))],
    );
    let viewer = lts.token("browser-viewer", "viewer");
    let data = lts.data.clone();
    // The seeder runs a runtime of its own: off this test's.
    let seeded = tokio::task::spawn_blocking(move || {
        let seed = Seeder::open(&data, now - TimeDelta::hours(3));
        seed.authorize(CODE, "old-1");
        seed.authorize(CODE, "old-2");
        for day in (0..5).rev() {
            let at = now - TimeDelta::days(day);
            seed.set_time(at);
            let id = format!("r{day}");
            let scans: &[(&str, u64)] = &[("qr", 40 + 25 * day as u64)];
            seed.authorize(SCAN_CODE, "scanner-1");
            seed.usage(SCAN_CODE, "scanner-1", &[(id.as_str(), at, scans)]);
        }
        seed.set_time(now);
        seed.authorize(CODE, "new-1");
    });
    seeded.await.expect("seeding");
    let server = lts.serve(&["--rate-limit", "0"]);
    let base = server.url.clone();
    let c = connect(&driver, &chromium).await;

    let shots = std::env::var_os("LTSCTL_UI_SCREENSHOTS").map(PathBuf::from);
    let shot = |name: &'static str| {
        let c = c.clone();
        let shots = shots.clone();
        async move {
            if let Some(dir) = shots {
                std::fs::create_dir_all(&dir).expect("screenshot dir");
                let png = c.screenshot().await.expect("screenshot");
                std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
            }
        }
    };

    // A wrong token: the form again, with the error, and the field empty.
    sign_in(&c, &base, "ltsctl_nosuchtoken_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(path(&c).await, "/ui/sign-in");
    let error = text(&c, "p.error").await;
    assert!(error.starts_with("That token was not accepted"), "{error}");
    let field = c.find(Locator::Id("token")).await.expect("token field");
    assert_eq!(field.prop("value").await.expect("value").as_deref(), Some(""));
    shot("sign-in").await;

    // The viewer signs in and sees the bar of UI-SEATS at 3 of 5.
    sign_in(&c, &base, &viewer).await;
    assert_eq!(path(&c).await, "/ui", "{}", c.source().await.unwrap_or_default());
    let bar = c
        .find(Locator::Css(r#".quota[data-item="UI-SEATS"]"#))
        .await
        .expect("the quota bar of UI-SEATS");
    assert_eq!(bar.attr("data-percent").await.unwrap().as_deref(), Some("60.0"));
    let fill = bar.find(Locator::Css("rect.fill")).await.expect("fill");
    assert_eq!(fill.attr("width").await.unwrap().as_deref(), Some("60.0"));
    assert_eq!(fill.attr("class").await.unwrap().as_deref(), Some("fill warn"));
    let numbers = bar.find(Locator::Css(".numbers")).await.unwrap().text().await.unwrap();
    assert!(numbers.starts_with("60% · 3 / 5"), "{numbers}");
    // The stylesheet applies (the CSP lets it load): the bar is drawn in the 60 % colour.
    let colour = fill.css_value("fill").await.expect("fill colour");
    assert_eq!(colour, "rgb(212, 160, 23)", "the stylesheet did not apply");
    assert!(!c.source().await.unwrap().contains(&viewer[7..]), "the token is in the page");
    shot("overview").await;

    // Devices inactive for 2 hours: the two seen 3 hours ago, by the form.
    c.goto(&format!("{base}/ui/devices")).await.unwrap();
    // Four: the three on UI-SEATS and the scanner.
    assert_eq!(text(&c, "#device-count").await, "4 matching devices");
    let form = c.form(Locator::Css("form.filters")).await.unwrap();
    form.set_by_name("inactive_for", "2h").await.unwrap();
    form.submit().await.unwrap();
    text_becomes(&c, "#device-count", "2 matching devices").await;
    let idle = text(&c, "table.devices tbody tr td:nth-child(6)").await;
    assert!(idle.starts_with("3h"), "humanised idle time: {idle}");
    shot("devices").await;
    c.find(Locator::LinkText("old-1")).await.unwrap().click().await.unwrap();
    arrive(&c, "dl.facts").await;
    assert_eq!(path(&c).await, "/ui/devices/old-1");
    shot("device").await;

    // Usage: the per-scan item's chart has a bar per day of the period.
    c.goto(&format!("{base}/ui/usage?period=7d")).await.unwrap();
    let bars =
        c.find_all(Locator::Css(r#"[data-item="UI-SCANS"] svg.chart rect.value"#)).await.unwrap();
    assert_eq!(bars.len(), 7);
    let today = text(&c, r#"[data-item="UI-SCANS"] table.numbers tbody tr:last-child"#).await;
    assert!(today.starts_with(&format!("{} 40", Utc::now().format("%Y-%m-%d"))), "{today}");
    shot("usage").await;
    c.goto(&format!("{base}/ui/audit")).await.unwrap();
    assert!(text(&c, "table.audit tbody").await.contains("ui.sign-in"));
    shot("audit").await;

    // At 360 px every page fits the width.
    c.set_window_size(360, 800).await.unwrap();
    for page in ["/ui", "/ui/usage", "/ui/devices", "/ui/audit", "/ui/devices/old-1"] {
        c.goto(&format!("{base}{page}")).await.unwrap();
        let (width, window) = fits(&c).await;
        assert!(width <= window, "{page} is {width} px wide in a {window} px window");
    }
    c.goto(&format!("{base}/ui")).await.unwrap();
    shot("overview-360px").await;

    // Revoking the token ends the session: the next page is the sign-in form.
    lts.ok(&["token", "revoke", "browser-viewer"]);
    c.goto(&format!("{base}/ui/devices")).await.unwrap();
    assert_eq!(path(&c).await, "/ui/sign-in");
    c.close().await.expect("close the browser");
}
