//! `devices list -o json` and the admin API pass device rows through as JSON text written straight from
//! SQLite's rows (src/store/sqlite/devices.rs); everything else encodes `DeviceView` with serde. The two must be the same
//! document: same keys in the same order, same escaping, same time format, same idle time, same pages.

use std::sync::Arc;

use crate::util::*;
use chrono::{TimeZone, Utc};
use ltsctl::admin::local::LocalAdmin;
use ltsctl::admin::prelude::*;
use ltsctl::admin::{DeviceQuery, DeviceSortKey, DeviceStateFilter, PageQuery};
use ltsctl::clock::ManualClock;
use ltsctl::store::{DeviceRow, DevicesStore, SqliteStore};
use serde_json::Value;

fn row(uuid: &str, name: Option<&str>, domain: Option<&str>, last_seen: i64) -> DeviceRow {
    DeviceRow {
        uuid: uuid.into(),
        handshake: CODE.into(),
        item_id: "JSON-A".into(),
        platform: "web".into(),
        domain: domain.map(str::to_string),
        name: name.map(str::to_string),
        first_seen: last_seen - 86_400,
        last_seen,
        expires_at: last_seen + 366 * 86_400,
        checked_out_until: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn store_built_json_rows_equal_the_serde_encoding() {
    let lts = Env::with_items(&[Item::per_device("JSON-A", 100, Utc::now())]);
    let store = Arc::new(SqliteStore::open(&lts.data).await.expect("open"));
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
    let t = now.timestamp();
    let rows = vec![
        row("plain", Some("till 3"), Some("shop.example.com"), t - 100),
        row("nulls", None, None, t - 200 * 86_400),
        row("quotes", Some("say \"hi\" \\ back/slash"), None, t - 5),
        row("controls", Some("tab\there\nnew\u{1}\u{1f}\u{7f}"), None, t - 7),
        row("unicode", Some("Zürich — 東京 🚀"), Some("xn--bcher-kva.example"), t - 9),
        row("future", Some("clock ahead"), None, t + 3_600),
        row("epoch", None, None, 0),
        row("y9999", None, None, 253_402_300_799 - 366 * 86_400),
        // A live check-out is shown, one that ended is null.
        DeviceRow { checked_out_until: Some(t + 86_400), ..row("out-live", None, None, t - 11) },
        DeviceRow { checked_out_until: Some(t - 1), ..row("out-over", None, None, t - 13) },
    ];
    store.insert_devices(&rows).await.expect("insert");
    let admin = LocalAdmin::new(store.clone(), Arc::new(ManualClock::new(now)));
    for sort in [DeviceSortKey::LastSeen, DeviceSortKey::FirstSeen, DeviceSortKey::Uuid] {
        for (inactive, state) in [
            (None, DeviceStateFilter::All),
            (Some(60), DeviceStateFilter::All),
            (None, DeviceStateFilter::Active),
        ] {
            let q = DeviceQuery {
                handshake: None,
                item: None,
                inactive_for_seconds: inactive,
                state,
                checked_out: None,
                sort,
            };
            let what = format!("{sort:?} {inactive:?} {state:?}");
            // Page by 3 through both; the pages and cursors must agree.
            let (mut typed_page, mut raw_page) = (PageQuery::default(), PageQuery::default());
            (typed_page.limit, raw_page.limit) = (Some(3), Some(3));
            let mut n = 0;
            let mut all_typed = Vec::new();
            loop {
                let typed = admin.devices_list(&q, &typed_page).await.expect("typed");
                let raw = admin.devices_list_raw(&q, &raw_page).await.expect("raw");
                assert_eq!(typed.devices.len(), raw.devices.len(), "{what}");
                for (t, r) in typed.devices.iter().zip(&raw.devices) {
                    let serde_text = serde_json::to_string(t).unwrap();
                    assert_eq!(r.get(), serde_text, "{what}: byte-identical");
                    let back: Value = serde_json::from_str(r.get()).unwrap();
                    assert_eq!(back, serde_json::to_value(t).unwrap(), "{what}");
                }
                n += typed.devices.len();
                all_typed.extend(typed.devices.iter().map(|t| serde_json::to_string(t).unwrap()));
                assert_eq!(typed.next_cursor, raw.next_cursor, "{what}");
                match typed.next_cursor {
                    Some(c) => {
                        typed_page.cursor = Some(c.clone());
                        raw_page.cursor = Some(c);
                    }
                    None => break,
                }
            }
            let expected = store
                .count_devices(&ltsctl::store::DeviceFilter {
                    last_seen_before: inactive.map(|s| t - s as i64),
                    state: match state {
                        DeviceStateFilter::Active => ltsctl::store::DeviceState::Active,
                        _ => ltsctl::store::DeviceState::All,
                    },
                    now: t,
                    ..Default::default()
                })
                .await
                .unwrap();
            assert_eq!(n as i64, expected, "{what}");
            // The one-pass listing (`devices list -o json` on the local store) hands over the same texts
            // in the same order, and stops at a limit.
            let mut each_texts = Vec::new();
            let mut each = |row: &str| {
                each_texts.push(row.to_string());
                true
            };
            let handed = admin.devices_each_json(&q, None, &mut each).await.expect("each");
            assert_eq!(handed, Some(n as u64), "{what}");
            assert_eq!(each_texts, all_typed, "{what}: one pass = the pages");
            let mut limited = 0;
            let mut count = |_: &str| {
                limited += 1;
                true
            };
            admin.devices_each_json(&q, Some(2), &mut count).await.expect("each, limited");
            assert_eq!(limited, n.min(2), "{what}: --limit 2");
        }
    }
}
