//! The seating and usage rules through the device API, in-process with a [`ManualClock`] so that days and
//! minutes can pass: refresh intervals and sweeps, caps at item expiry, concurrent windows, per-scan
//! hand-over, per-domain items and items that are not valid yet.

use crate::util::*;
use chrono::TimeDelta;
use ltsctl::admin::HandshakeChanges;
use ltsctl::admin::prelude::*;
use ltsctl::store::{DevicesStore, LicensesStore};
use serde_json::json;

const DAY: i64 = 86_400;

/// Units reported on an item (read from the store: the admin views do not show them, see device_api).
async fn units_used(lts: &InProc, item: &str) -> i64 {
    let states =
        lts.store.get_items(&[item.to_string()], lts.now().timestamp()).await.expect("get_items");
    states.first().expect("item").units_used
}

async fn set_overuse(lts: &InProc, code: &str, pct: u32) {
    let changes = HandshakeChanges { overuse_percent: Some(pct), ..Default::default() };
    lts.admin.handshake_set(code, changes).await.expect("set overuse");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_seat_is_freed_after_its_refresh_interval_and_a_refresh_keeps_it() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    let item = Item::per_device("MONTH", 10, t0).period("monthly");
    lts.import(CODE, "LIC-MONTH", &[item]).await;

    let a = ok(lts.api.authorize(CODE, "silent", PRODUCT, "desktop").await);
    assert_eq!(time_of(&a["expires_at"]), t0 + days(30), "monthly: 30 days");
    ok(lts.api.authorize(CODE, "regular", PRODUCT, "desktop").await);
    assert_eq!(lts.active_devices(CODE).await, 2);

    lts.advance(days(20));
    let b = ok(lts.api.authorize(CODE, "regular", PRODUCT, "desktop").await);
    assert_eq!(b["item"], "MONTH");
    assert_eq!(time_of(&b["expires_at"]), t0 + days(50), "refreshed from day 20");
    assert_eq!(lts.sweep().await, 0, "nobody is due at day 20");

    lts.advance(days(11));
    assert_eq!(lts.sweep().await, 1, "the silent device is removed at day 31");
    assert_eq!(lts.active_devices(CODE).await, 1);
    let show = lts.show(CODE).await;
    assert_eq!(show.items[0].used, 1);
    // The regular device is still seated: its usage is accepted and refreshes it again.
    let r = lts.api.usage(CODE, "regular", vec![report("m-1", lts.now(), &[])]).await;
    assert_eq!(ok(r)["accepted"], 1);
    let r = lts.api.usage(CODE, "silent", vec![report("m-2", lts.now(), &[])]).await;
    assert_error(&r, 403, "no_matching_license");

    // Usage counts as being seen: day 31 + 30 = day 61, so the device survives day 55.
    lts.advance(days(24));
    assert_eq!(lts.sweep().await, 0);
    assert_eq!(lts.active_devices(CODE).await, 1);
    lts.advance(days(7));
    assert_eq!(lts.sweep().await, 1);
    assert_eq!(lts.active_devices(CODE).await, 0);
    lts.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_codes_refresh_interval_overrides_the_items_default() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    let year = Item::per_device("YEAR", 10, t0).expires(t0 + days(400));
    lts.import(CODE, "LIC-YEAR", &[year]).await;
    let changes =
        HandshakeChanges { refresh_interval_seconds: Some(2 * DAY as u64), ..Default::default() };
    let view = lts.admin.handshake_set(CODE, changes).await.expect("set");
    assert_eq!(view.items[0].refresh_interval_seconds, 2 * DAY as u64);

    let r = ok(lts.api.authorize(CODE, "dev-1", PRODUCT, "desktop").await);
    assert_eq!(time_of(&r["expires_at"]), t0 + days(2));
    lts.advance(days(3));
    assert_eq!(lts.sweep().await, 1);
    assert_eq!(lts.active_devices(CODE).await, 0);

    let reset = HandshakeChanges { reset_refresh_interval: true, ..Default::default() };
    lts.admin.handshake_set(CODE, reset).await.expect("reset");
    let r = ok(lts.api.authorize(CODE, "dev-1", PRODUCT, "desktop").await);
    assert_eq!(time_of(&r["expires_at"]), lts.now() + days(365));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removal_time_and_token_expiry_never_outlive_the_item() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    let soon = Item::per_device("SOON", 10, t0).expires(t0 + days(3));
    let month = Item::per_device("MONTHLEFT", 10, t0).product("month-sdk").expires(t0 + days(30));
    lts.import(CODE, "LIC-CAP", &[soon, month]).await;
    let lts_id = lts.api.lts_id().await;

    let r = ok(lts.api.authorize(CODE, "dev-1", PRODUCT, "desktop").await);
    assert_eq!(r["item"], "SOON");
    assert_eq!(time_of(&r["expires_at"]), t0 + days(3), "removal capped");
    assert_eq!(time_of(&r["offline_until"]), t0 + days(3), "offline capped");
    let c = claims(r["token"].as_str().unwrap());
    assert_eq!(c["exp"], (t0 + days(3)).timestamp());
    assert_eq!(c["iat"], t0.timestamp());
    assert_eq!(c["iss"], lts_id.as_str());

    // 30 days left: the seat is capped at expiry, the token is not (7 days of offline grace).
    let r = ok(lts.api.authorize(CODE, "dev-2", "month-sdk", "desktop").await);
    assert_eq!(time_of(&r["expires_at"]), t0 + days(30));
    assert_eq!(time_of(&r["offline_until"]), t0 + days(7));
    assert_eq!(claims(r["token"].as_str().unwrap())["exp"], (t0 + days(7)).timestamp());

    // A day before the end, a refresh still ends at expiry, and so does the token.
    lts.advance(days(2));
    let r = ok(lts.api.authorize(CODE, "dev-1", PRODUCT, "desktop").await);
    assert_eq!(time_of(&r["expires_at"]), t0 + days(3));
    assert_eq!(claims(r["token"].as_str().unwrap())["exp"], (t0 + days(3)).timestamp());

    lts.advance(days(1));
    let r = lts.api.authorize(CODE, "dev-1", PRODUCT, "desktop").await;
    assert_error(&r, 403, "license_expired");
    assert_eq!(lts.sweep().await, 1, "the seat ends with the item");
    assert_eq!(lts.active_devices(CODE).await, 1, "dev-2 stays");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_concurrent_window_frees_when_its_devices_go_silent() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-CONC", &[Item::per_concurrent("CONC", 2, t0)]).await;
    set_overuse(&lts, CODE, 0).await;
    let api = &lts.api;

    for (n, dev) in ["A", "B"].into_iter().enumerate() {
        let r = ok(api.authorize(CODE, dev, PRODUCT, "desktop").await);
        assert_eq!(r["option"], "per-concurrent-device");
        assert_eq!(time_of(&r["expires_at"]), t0 + TimeDelta::minutes(3));
        let r = api.usage(CODE, dev, vec![report(&format!("{dev}-{n}"), t0, &[])]).await;
        assert_eq!(ok(r)["accepted"], 1);
    }
    let r = api.authorize(CODE, "C", PRODUCT, "desktop").await;
    assert_error(&r, 403, "quota_exceeded");
    // A device inside the window keeps its place.
    ok(api.authorize(CODE, "A", PRODUCT, "desktop").await);

    lts.advance(TimeDelta::minutes(4));
    ok(api.authorize(CODE, "C", PRODUCT, "desktop").await);
    let r = api.usage(CODE, "C", vec![report("C-1", lts.now(), &[])]).await;
    assert_eq!(ok(r)["accepted"], 1);
    // One place left: A comes back, then B finds the window full again.
    ok(api.authorize(CODE, "A", PRODUCT, "desktop").await);
    ok(api.usage(CODE, "A", vec![report("A-2", lts.now(), &[])]).await);
    let r = api.authorize(CODE, "B", PRODUCT, "desktop").await;
    assert_error(&r, 403, "quota_exceeded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_counts_as_concurrent_only_once_it_reports_usage() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-CONC2", &[Item::per_concurrent("CONC2", 2, t0)]).await;
    set_overuse(&lts, CODE, 0).await;
    let api = &lts.api;
    // Nobody has reported yet, so all three are authorized, each for one window only (no offline
    // grace for concurrent items: the next authorization checks the window again).
    for dev in ["A", "B", "C"] {
        let r = ok(api.authorize(CODE, dev, PRODUCT, "mobile").await);
        assert_eq!(time_of(&r["offline_until"]), t0 + TimeDelta::minutes(3));
        assert_eq!(
            claims(r["token"].as_str().unwrap())["exp"],
            (t0 + TimeDelta::minutes(3)).timestamp()
        );
    }
    // Each held a valid token when it counted: every report is accepted (the window holds 3 against a
    // limit of 2, which `usage` shows as the peak).
    ok(api.usage(CODE, "A", vec![report("a1", t0, &[])]).await);
    ok(api.usage(CODE, "B", vec![report("b1", t0, &[])]).await);
    ok(api.usage(CODE, "C", vec![report("c1", t0, &[])]).await);
    let r = api.authorize(CODE, "D", PRODUCT, "mobile").await;
    assert_error(&r, 403, "quota_exceeded");
    let usage = lts.admin.usage(&ltsctl::admin::UsageQuery::default()).await.expect("usage");
    let item = &usage.items[0];
    assert_eq!((item.peak, item.limit), (Some(3), Some(2)), "{item:?}");
    // The limit holds again at the renewals: the first two to enter keep their places, C does not.
    lts.advance(TimeDelta::minutes(1));
    ok(api.authorize(CODE, "A", PRODUCT, "mobile").await);
    ok(api.authorize(CODE, "B", PRODUCT, "mobile").await);
    let r = api.authorize(CODE, "C", PRODUCT, "mobile").await;
    assert_error(&r, 403, "quota_exceeded");
    // C's token ran out at 3 minutes: what it counts well after that (past the few minutes of slack
    // for device clocks) is refused; what it counted before is still accepted.
    lts.advance(TimeDelta::minutes(9));
    let r = api.usage(CODE, "C", vec![report("c2", lts.now(), &[])]).await;
    assert_error(&r, 403, "no_matching_license");
    let late = report("c2", t0 + TimeDelta::minutes(2), &[]);
    ok(api.usage(CODE, "C", vec![late]).await);
    // Everybody has been silent for minutes: A and C authorize again; A reports, C reports.
    ok(api.authorize(CODE, "A", PRODUCT, "mobile").await);
    ok(api.usage(CODE, "A", vec![report("a2", lts.now(), &[])]).await);
    ok(api.authorize(CODE, "C", PRODUCT, "mobile").await);
    let r = api.usage(CODE, "C", vec![report("c3", lts.now(), &[])]).await;
    assert_eq!(ok(r), json!({"accepted": 1, "duplicates": 0}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_exhausted_per_scan_item_hands_over_to_the_next_without_rollover() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    let x = Item::per_scan("SCAN-X", 100, t0).expires(t0 + days(100));
    let y = Item::per_scan("SCAN-Y", 100, t0).expires(t0 + days(200));
    // Listed Y first: the order is by expiry (soonest first), not by position in the file.
    lts.import(CODE, "LIC-SCAN", &[y, x]).await;
    set_overuse(&lts, CODE, 0).await;
    let order: Vec<String> = lts.show(CODE).await.items.into_iter().map(|i| i.id).collect();
    assert_eq!(order, ["SCAN-X", "SCAN-Y"]);
    let api = &lts.api;

    let r = ok(api.authorize(CODE, "scanner", PRODUCT, "mobile").await);
    assert_eq!((r["item"].as_str(), r["option"].as_str()), (Some("SCAN-X"), Some("per-scan")));
    let reports =
        vec![report("s1", t0, &[("qr", 60)]), report("s2", t0, &[("ean13", 30), ("qr", 10)])];
    ok(api.usage(CODE, "scanner", reports).await);
    assert_eq!(units_used(&lts, "SCAN-X").await, 100);

    let r = ok(api.authorize(CODE, "scanner", PRODUCT, "mobile").await);
    assert_eq!(r["item"], "SCAN-Y", "X is used up");
    let r = ok(api.authorize(CODE, "second", PRODUCT, "mobile").await);
    assert_eq!(r["item"], "SCAN-Y");
    ok(api.usage(CODE, "scanner", vec![report("s3", t0, &[("qr", 70)])]).await);
    assert_eq!(units_used(&lts, "SCAN-Y").await, 70);
    assert_eq!(units_used(&lts, "SCAN-X").await, 100);
    ok(api.usage(CODE, "second", vec![report("s4", t0, &[("qr", 30)])]).await);
    // Y's own 100 are gone; nothing of X carries over.
    let r = api.authorize(CODE, "third", PRODUCT, "mobile").await;
    assert_error(&r, 403, "quota_exceeded");
    let r = api.authorize(CODE, "scanner", PRODUCT, "mobile").await;
    assert_error(&r, 403, "quota_exceeded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unused_per_scan_quota_does_not_roll_over_when_an_item_expires() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    let x = Item::per_scan("ROLL-X", 100, t0).expires(t0 + days(10));
    let y = Item::per_scan("ROLL-Y", 100, t0).expires(t0 + days(200));
    lts.import(CODE, "LIC-ROLL", &[x, y]).await;
    set_overuse(&lts, CODE, 0).await;
    let api = &lts.api;
    assert_eq!(ok(api.authorize(CODE, "s", PRODUCT, "mobile").await)["item"], "ROLL-X");
    ok(api.usage(CODE, "s", vec![report("r1", t0, &[("qr", 10)])]).await);

    lts.advance(days(11));
    assert_eq!(ok(api.authorize(CODE, "s", PRODUCT, "mobile").await)["item"], "ROLL-Y");
    ok(api.usage(CODE, "s", vec![report("r2", lts.now(), &[("qr", 100)])]).await);
    let r = api.authorize(CODE, "s", PRODUCT, "mobile").await;
    assert_error(&r, 403, "quota_exceeded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_per_domain_item_serves_only_its_domain() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-DOMAIN", &[Item::per_domain("SITE", "example.com", t0)]).await;
    let api = &lts.api;
    for (n, origin) in
        ["https://shop.example.com", "https://example.com", "https://a.b.example.com:8443"]
            .into_iter()
            .enumerate()
    {
        let r = api.authorize_with(CODE, &format!("browser-{n}"), json!({}), Some(origin)).await;
        let r = ok(r);
        assert_eq!((r["item"].as_str(), r["option"].as_str()), (Some("SITE"), Some("per-domain")));
        assert_eq!(time_of(&r["offline_until"]), t0 + days(7));
    }
    let r = api.authorize_with(CODE, "browser-x", json!({}), Some("https://other.org")).await;
    assert_error(&r, 403, "domain_not_allowed");
    let r = api
        .authorize_with(CODE, "browser-y", json!({}), Some("https://example.com.evil.net"))
        .await;
    assert_error(&r, 403, "domain_not_allowed");
    let r = api.authorize(CODE, "native", PRODUCT, "desktop").await;
    assert_error(&r, 403, "domain_not_allowed");
    // No origin at all: the message must not speak of "this domain" as if one was given.
    let message = r.1["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.contains("this domain"), "{message}");
    assert!(message.contains("names none"), "{message}");
    let r =
        api.authorize_with(CODE, "browser-z", json!({"domain": "shop.example.com"}), None).await;
    assert_eq!(ok(r)["item"], "SITE");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_item_that_is_not_valid_yet_serves_once_the_clock_reaches_valid_from() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    let later = Item::per_device("LATER", 5, t0).valid(t0 + days(10), t0 + days(375));
    lts.import(CODE, "LIC-LATER", &[later]).await;
    let r = lts.api.authorize(CODE, "early", PRODUCT, "desktop").await;
    assert_error(&r, 403, "license_not_yet_valid");
    assert_eq!(lts.active_devices(CODE).await, 0);

    lts.advance(days(10) - TimeDelta::seconds(1));
    let r = lts.api.authorize(CODE, "early", PRODUCT, "desktop").await;
    assert_error(&r, 403, "license_not_yet_valid");
    lts.advance(TimeDelta::seconds(1));
    let r = ok(lts.api.authorize(CODE, "early", PRODUCT, "desktop").await);
    assert_eq!(r["item"], "LATER");
    assert_eq!(time_of(&r["expires_at"]), t0 + days(375));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seated_device_keeps_its_item_when_a_sooner_item_is_bound() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-KEEP-1", &[Item::per_device("KEEP-LATE", 5, t0).expires(t0 + days(300))])
        .await;
    let r = ok(lts.api.authorize(CODE, "old", PRODUCT, "desktop").await);
    assert_eq!(r["item"], "KEEP-LATE");
    // A new item that expires sooner goes first in the order...
    lts.import(CODE, "LIC-KEEP-2", &[Item::per_device("KEEP-SOON", 5, t0).expires(t0 + days(100))])
        .await;
    lts.advance(days(1));
    let r = ok(lts.api.authorize(CODE, "new", PRODUCT, "desktop").await);
    assert_eq!(r["item"], "KEEP-SOON");
    // ...but the seated device stays where it is and only its removal time moves.
    let r = ok(lts.api.authorize(CODE, "old", PRODUCT, "desktop").await);
    assert_eq!(r["item"], "KEEP-LATE");
    assert_eq!(time_of(&r["expires_at"]), t0 + days(300), "capped at the item's expiry");
    let show = lts.show(CODE).await;
    assert_eq!(show.active_devices, 2);
    let used: Vec<u64> = show.items.iter().map(|i| i.used).collect();
    assert_eq!(used, [1, 1]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn default_overuse_tolerances_and_the_codes_override() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    let items = [
        Item::per_device("OV-DEV", 10, t0),
        Item::per_server("OV-SRV", 3, t0).product("server-sdk"),
        Item::per_scan("OV-SCAN", 100, t0).product("scan-sdk"),
    ];
    lts.import(CODE, "LIC-OVERUSE", &items).await;
    let mut limits: Vec<(String, Option<u64>)> =
        lts.show(CODE).await.items.into_iter().map(|i| (i.id, i.limit)).collect();
    limits.sort();
    let want =
        [("OV-DEV", 11), ("OV-SCAN", 105), ("OV-SRV", 3)].map(|(i, l)| (i.to_string(), Some(l)));
    assert_eq!(limits, want, "+10% / +5% / 0");
    let api = &lts.api;
    let seat = |product: &'static str, n: usize| async move {
        let platform = if product == "server-sdk" { "server" } else { "desktop" };
        api.authorize(CODE, &format!("{product}-{n}"), product, platform).await
    };
    for n in 0..11 {
        ok(seat(PRODUCT, n).await);
    }
    assert_error(&seat(PRODUCT, 11).await, 403, "quota_exceeded");
    for n in 0..3 {
        ok(seat("server-sdk", n).await);
    }
    assert_error(&seat("server-sdk", 3).await, 403, "quota_exceeded");
    ok(seat("scan-sdk", 0).await);
    ok(api.usage(CODE, "scan-sdk-0", vec![report("ov-1", t0, &[("qr", 104)])]).await);
    ok(seat("scan-sdk", 1).await);
    ok(api.usage(CODE, "scan-sdk-1", vec![report("ov-2", t0, &[("qr", 1)])]).await);
    assert_error(&seat("scan-sdk", 2).await, 403, "quota_exceeded");

    // The code's override applies to every option: 50% more.
    set_overuse(&lts, CODE, 50).await;
    for n in 11..15 {
        ok(seat(PRODUCT, n).await);
    }
    assert_error(&seat(PRODUCT, 15).await, 403, "quota_exceeded");
    ok(seat("server-sdk", 3).await);
    ok(seat("scan-sdk", 2).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_codes_offline_grace_sets_the_token_lifetime() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-GRACE", &[Item::per_device("GRACE", 5, t0)]).await;
    let changes =
        HandshakeChanges { offline_grace_seconds: Some(2 * DAY as u64), ..Default::default() };
    lts.admin.handshake_set(CODE, changes).await.expect("set grace");
    let r = ok(lts.api.authorize(CODE, "dev", PRODUCT, "desktop").await);
    assert_eq!(time_of(&r["offline_until"]), t0 + days(2));
    assert_eq!(claims(r["token"].as_str().unwrap())["exp"], (t0 + days(2)).timestamp());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn report_ids_are_scoped_to_the_device() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-IDS", &[Item::per_scan("IDS", 1000, t0)]).await;
    let api = &lts.api;
    for dev in ["phone-a", "phone-b"] {
        ok(api.authorize(CODE, dev, PRODUCT, "mobile").await);
        let r = ok(api.usage(CODE, dev, vec![report("1", t0, &[("qr", 10)])]).await);
        assert_eq!(r, json!({"accepted": 1, "duplicates": 0}), "{dev}");
    }
    assert_eq!(units_used(&lts, "IDS").await, 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_usage_reports_then_renewals_bring_a_concurrent_window_back_to_its_limit() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-RUSH", &[Item::per_concurrent("RUSH", 5, t0)]).await;
    set_overuse(&lts, CODE, 0).await;
    let devices: Vec<String> = (0..40).map(|i| format!("rush-{i:02}")).collect();
    for d in &devices {
        ok(lts.api.authorize(CODE, d, PRODUCT, "embedded").await);
    }
    let tasks: Vec<_> = devices
        .iter()
        .map(|d| {
            let (api, d) = (lts.api.clone(), d.clone());
            tokio::spawn(async move { api.usage(CODE, &d, vec![report(&d, t0, &[])]).await })
        })
        .collect();
    for t in tasks {
        ok(t.await.expect("task"));
    }
    let r = lts.api.authorize(CODE, "late", PRODUCT, "embedded").await;
    assert_error(&r, 403, "quota_exceeded");
    let tasks: Vec<_> = devices
        .iter()
        .map(|d| {
            let (api, d) = (lts.api.clone(), d.clone());
            tokio::spawn(
                async move { (d.clone(), api.authorize(CODE, &d, PRODUCT, "embedded").await) },
            )
        })
        .collect();
    let mut renewed = Vec::new();
    for t in tasks {
        let (d, r) = t.await.expect("task");
        if r.0 == 200 {
            renewed.push(d);
        } else {
            assert_error(&r, 403, "quota_exceeded");
        }
    }
    renewed.sort();
    assert_eq!(renewed, ["rush-00", "rush-01", "rush-02", "rush-03", "rush-04"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_null_origin_is_admitted_by_a_code_without_domain_bindings() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-NULL", &[Item::per_device("NULL", 5, t0)]).await;
    let r = lts
        .api
        .authorize_with(CODE, "hybrid-app", json!({"platform": "mobile"}), Some("null"))
        .await;
    assert_eq!(ok(r)["item"], "NULL");
    // With a binding, a null origin is refused as not allowed (it is not malformed).
    lts.admin.handshake_domains_add(CODE, &["example.com".to_string()]).await.expect("domains add");
    let r = lts.api.authorize_with(CODE, "frame", json!({}), Some("null")).await;
    assert_error(&r, 403, "domain_not_allowed");
    // It sent an Origin header: the message must not ask for one.
    let message = r.1["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.contains("send an Origin header"), "{message}");
    assert!(message.contains("`Origin: null`"), "{message}");
}

/// A device authorizing again within 1 % of its refresh interval (at most a minute) is answered from its
/// stored seat: same removal time, nothing written; after that its seat is refreshed as usual.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_seen_moments_ago_keeps_its_seat_without_a_write() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-FRESH", &[Item::per_device("FRESH", 10, t0)]).await;
    let first = ok(lts.api.authorize(CODE, "d", PRODUCT, "desktop").await);
    lts.advance(TimeDelta::seconds(30));
    let again = ok(lts.api.authorize(CODE, "d", PRODUCT, "desktop").await);
    assert_eq!(again["expires_at"], first["expires_at"], "kept as stored");
    assert_eq!(again["item"], "FRESH");
    let seat = lts.store.device_seats("d").await.unwrap().remove(0);
    assert_eq!(seat.last_seen, t0.timestamp(), "not rewritten");
    // The item ends within the 366-day interval, so the seat is capped at its expiry: the removal time
    // cannot move, yet after a minute the seat is written again so that `last_seen` follows the device.
    lts.advance(TimeDelta::seconds(31));
    let later = ok(lts.api.authorize(CODE, "d", PRODUCT, "desktop").await);
    assert_eq!(later["expires_at"], first["expires_at"]);
    let seat = lts.store.device_seats("d").await.unwrap().remove(0);
    assert_eq!(seat.last_seen, t0.timestamp() + 61);
}

/// Usage a device counted while it held a valid seat is accepted whenever it arrives: after the item
/// expired and its seat was swept, it is counted on the item that served the device then. What it dates
/// after its authorization ran out, or before its first one (less its offline grace), is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn usage_buffered_offline_counts_after_the_item_expired_and_the_seat_was_swept() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    let short = Item::per_scan("SHORT", 1_000, t0).expires(t0 + days(10));
    let renewal =
        Item::per_scan("RENEWAL", 1_000, t0 + days(10)).valid(t0 + days(10), t0 + days(400));
    lts.import(CODE, "LIC-SHORT", &[short, renewal]).await;
    lts.advance(days(5));
    let r = ok(lts.api.authorize(CODE, "offline-1", PRODUCT, "mobile").await);
    assert_eq!(r["item"], "SHORT");
    assert_eq!(time_of(&r["offline_until"]), t0 + days(10), "capped at the expiry");
    // The device scans offline on day 9, and comes back on day 20: the item expired on day 10 and the
    // sweeper removed its seat.
    let scanned = t0 + days(9);
    lts.advance(days(15));
    assert_eq!(lts.sweep().await, 1);
    let r = lts.api.usage(CODE, "offline-1", vec![report("late-1", scanned, &[("qr", 7)])]).await;
    assert_eq!(ok(r), json!({"accepted": 1, "duplicates": 0}));
    assert_eq!(units_used(&lts, "SHORT").await, 7, "on the item that served it");
    assert_eq!(units_used(&lts, "RENEWAL").await, 0);
    // Re-sent: counted once, as ever.
    let again = vec![report("late-1", scanned, &[("qr", 7)])];
    assert_eq!(ok(lts.api.usage(CODE, "offline-1", again).await)["duplicates"], 1);
    // Dated day 15: its authorization ran out on day 10, so it could not have counted then.
    let r =
        lts.api.usage(CODE, "offline-1", vec![report("late-2", t0 + days(15), &[("qr", 1)])]).await;
    assert_error(&r, 403, "no_matching_license");
    // It authorizes again (on the renewal now); what it counts from then on goes there.
    let r = ok(lts.api.authorize(CODE, "offline-1", PRODUCT, "mobile").await);
    assert_eq!(r["item"], "RENEWAL");
    let both =
        vec![report("late-3", scanned, &[("qr", 2)]), report("now-1", lts.now(), &[("qr", 3)])];
    assert_eq!(ok(lts.api.usage(CODE, "offline-1", both).await)["accepted"], 2);
    assert_eq!(units_used(&lts, "SHORT").await, 9);
    assert_eq!(units_used(&lts, "RENEWAL").await, 3);
    // Before its first authorization (day 5) less its offline grace (7 days): refused, naming the field.
    let r =
        lts.api.usage(CODE, "offline-1", vec![report("early", t0 - days(3), &[("qr", 1)])]).await;
    assert_error(&r, 400, "invalid_request");
    let message = r.1["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("reports[0].at is") && message.contains("first authorized"),
        "{message}"
    );
    // Within the grace before it: a device clock a little behind, counted on the first item.
    let skewed = vec![report("early-ok", t0 + days(4), &[("qr", 1)])];
    ok(lts.api.usage(CODE, "offline-1", skewed).await);
    assert_eq!(units_used(&lts, "SHORT").await, 10);
}
