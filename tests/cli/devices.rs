//! Issue "Devices at scale": `devices list/show/unregister`, `usage` and `license list --expiring-within`
//! through the `ltsctl` binary, on both targets (the local data dir, and `ltsctl serve` on the same data dir
//! reached with `--server` and an admin token). Stores are seeded through the library with a manual clock,
//! so some devices were last seen hours ago without any waiting.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::util::*;
use chrono::{DateTime, TimeDelta, Utc};
use ltsctl::admin::HandshakeChanges;
use ltsctl::admin::prelude::*;
use serde_json::{Value, json};

const CODE2: &str = "216998-100025901";
const FIELDS: [&str; 11] = [
    "uuid",
    "handshake",
    "item",
    "platform",
    "domain",
    "name",
    "first_seen",
    "last_seen",
    "idle_seconds",
    "expires_at",
    "checked_out_until",
];

/// A seeded data dir, a server on it and an admin token (`ops`) for it.
struct Fleet {
    server: Server,
    env: Env,
    token: String,
    now: DateTime<Utc>,
}

impl Fleet {
    /// `build` seeds the store with the clock at 3 hours ago; then the token and the server.
    fn new(build: impl FnOnce(&Seeder, DateTime<Utc>)) -> Self {
        let env = Env::new();
        let now = now_secs();
        let seeder = Seeder::open(&env.data, now - TimeDelta::hours(3));
        build(&seeder, now);
        seeder.set_time(now);
        let created =
            seeder.block_on(seeder.admin.token_create("ops", ltsctl::auth::Role::Admin, None));
        let token = created.expect("token").token;
        drop(seeder);
        let server = env.serve(&["--rate-limit", "0"]);
        Fleet { env, server, token, now }
    }

    fn targets(&self) -> [Target; 2] {
        [self.env.local(), Target::remote(&self.server.url, Some(&self.token))]
    }

    /// `devices list -o json EXTRA` (split on whitespace; `CODE`/`CODE2` in it replaced).
    #[track_caller]
    fn list(&self, t: &Target, extra: &str) -> Vec<Value> {
        let extra = extra.replace("CODE2", CODE2).replace("CODE", CODE);
        let v = self.env.on(t).sh(&format!("devices list -o json {extra}"));
        v.as_array().unwrap_or_else(|| panic!("{v}")).clone()
    }

    /// The sorted UUIDs of `devices list EXTRA`.
    #[track_caller]
    fn uuids(&self, t: &Target, extra: &str) -> Vec<String> {
        let mut v = uuid_list(&json!(self.list(t, extra)));
        v.sort();
        v
    }

    fn active_devices(&self, t: &Target) -> i64 {
        let view = self.env.on(t).sh(&format!("handshake show {CODE}"));
        view["active_devices"].as_i64().expect("active_devices")
    }
}

/// 20 devices on CODE last seen 3 hours ago, 20 seen now, and 10 on CODE2 seen now.
fn standard(s: &Seeder, now: DateTime<Utc>) {
    let far = now + TimeDelta::days(400);
    s.import(CODE, "LIC-A", &[Item::per_device("DEV-A", 1000, now).expires(far)]);
    s.import(CODE2, "LIC-B", &[Item::per_device("DEV-B", 1000, now).expires(far)]);
    s.authorize_all(CODE, &uuids("old", 20));
    s.set_time(now);
    s.authorize_all(CODE, &uuids("new", 20));
    s.authorize_all(CODE2, &uuids("other", 10));
}

/// `(handshake, uuid)` of each device, in order.
fn pairs(list: &[Value]) -> Vec<(String, String)> {
    let s = |d: &Value, k: &str| d[k].as_str().unwrap().to_string();
    list.iter().map(|d| (s(d, "handshake"), s(d, "uuid"))).collect()
}

#[test]
fn list_has_the_documented_fields_formats_limit_sort_and_filters_on_both_targets() {
    let f = Fleet::new(standard);
    let mut seen = Vec::new();
    for t in f.targets() {
        let k = t.kind;
        let all = f.list(&t, "");
        assert_eq!(all.len(), 50, "{k}");
        for d in &all {
            let keys: BTreeSet<&str> = d.as_object().unwrap().keys().map(|k| k.as_str()).collect();
            assert_eq!(keys, FIELDS.into_iter().collect(), "{k}: {d}");
        }
        // Default order: least recently seen first.
        let last_seen: Vec<_> = all.iter().map(|d| time_of(&d["last_seen"])).collect();
        assert!(last_seen.is_sorted(), "{k}: {last_seen:?}");
        let old = find(&json!(all), "uuid", "old-00003").clone();
        let seen_at = rfc3339(f.now - TimeDelta::hours(3));
        let expires = rfc3339(f.now - TimeDelta::hours(3) + TimeDelta::days(365));
        let want = json!({"handshake": CODE, "item": "DEV-A", "platform": "desktop", "domain": null,
            "name": "host-old-00003", "first_seen": seen_at, "last_seen": seen_at,
            "expires_at": expires});
        subset(&old, want);
        let idle = old["idle_seconds"].as_u64().expect("idle_seconds");
        assert!((10_800..10_920).contains(&idle), "{k}: idle {idle}");

        let csv = f.env.on(&t).sh_code("devices list -o csv", 0).stdout;
        let lines: Vec<&str> = csv.lines().collect();
        let header = FIELDS.join(",");
        assert_eq!((lines[0], lines.len()), (header.as_str(), 51), "{k}");
        let row = format!("old-00003,{CODE},DEV-A,desktop,,host-old-00003,{seen_at},{seen_at},");
        assert!(lines.iter().any(|l| l.starts_with(&row)), "{csv}");

        assert_eq!(f.list(&t, "--limit 5").len(), 5, "{k}");
        let by_uuid = uuid_list(&json!(f.list(&t, "--sort uuid")));
        assert!(by_uuid.len() == 50 && by_uuid.is_sorted(), "{k}: {by_uuid:?}");
        let by_first = f.list(&t, "--sort first-seen");
        let first_seen: Vec<_> = by_first.iter().map(|d| time_of(&d["first_seen"])).collect();
        assert!(first_seen.is_sorted(), "{k}");

        let other = f.list(&t, "--handshake CODE2");
        let through = |d: &Value| d["handshake"] == CODE2 && d["item"] == "DEV-B";
        assert!(other.iter().all(through), "{k}");
        assert_eq!(f.uuids(&t, "--handshake CODE2"), uuids("other", 10), "{k}");
        let on_a = f.list(&t, "--item DEV-A");
        let on = |d: &Value| d["item"] == "DEV-A";
        assert!(on_a.len() == 40 && on_a.iter().all(on), "{k}");
        assert_eq!(f.uuids(&t, "--inactive-for 1h"), uuids("old", 20), "{k}");
        assert_eq!(f.list(&t, "--inactive-for 1m --handshake CODE2").len(), 0);
        assert_eq!(f.list(&t, "--inactive-for 4h").len(), 0);
        assert_eq!((f.list(&t, "--active").len(), f.list(&t, "--expired").len()), (50, 0));
        let scoped = f.list(&t, "--handshake CODE --inactive-for 1h --limit 3");
        assert_eq!(scoped.len(), 3, "{k}");
        let mut all = all;
        all.iter_mut().for_each(|d| _ = d.as_object_mut().unwrap().remove("idle_seconds"));
        seen.push(all);
    }
    assert_eq!(seen[0], seen[1], "the same devices in the same order on both");
}

#[test]
fn list_pages_through_every_device_exactly_once_on_both_targets() {
    // 2,500 devices seated in the same second (equal sort keys across the 2,000-row page boundary),
    // 150 of them also seated through a second code.
    let f = Fleet::new(|s, now| {
        s.import(CODE, "LIC-A", &[Item::per_device("DEV-A", 5000, now)]);
        s.import(CODE2, "LIC-B", &[Item::per_device("DEV-B", 5000, now)]);
        s.set_time(now - TimeDelta::hours(1));
        s.insert(CODE, "DEV-A", &uuids("dev", 2500));
        s.insert(CODE2, "DEV-B", &uuids("dev", 150));
    });
    let first = uuids("dev", 2500).into_iter().map(|u| (CODE.to_string(), u));
    let second = uuids("dev", 150).into_iter().map(|u| (CODE2.to_string(), u));
    let expected: BTreeSet<(String, String)> = first.chain(second).collect();
    for t in f.targets() {
        let k = t.kind;
        for sort in ["last-seen", "first-seen", "uuid"] {
            let listed = pairs(&f.list(&t, &format!("--sort {sort}")));
            let unique: BTreeSet<(String, String)> = listed.iter().cloned().collect();
            let what = format!("{k} --sort {sort}");
            let counts = (listed.len(), unique.len());
            assert_eq!(counts, (2650, 2650), "{what}: rows, distinct rows");
            assert_eq!(unique, expected, "{what}");
            if sort == "uuid" {
                let keys: Vec<_> = listed.iter().map(|(h, u)| (u, h)).collect();
                assert!(keys.is_sorted(), "{what}: not sorted");
            }
        }
        let csv = format!("devices list -o csv --handshake {CODE}");
        let csv = f.env.on(&t).sh_code(&csv, 0);
        assert_eq!(csv.stdout.lines().count(), 2501, "{k}");
        assert_eq!(f.list(&t, "--limit 2100").len(), 2100, "{k}");
    }
}

#[test]
fn a_closed_pipe_ends_devices_list_quietly_on_both_targets() {
    let f = Fleet::new(|s, now| {
        s.import(CODE, "LIC-A", &[Item::per_device("DEV-A", 1000, now)]);
        s.insert(CODE, "DEV-A", &uuids("pipe", 700));
    });
    for t in f.targets() {
        let k = t.kind;
        // `ltsctl devices list | head -1`: read one line, then close the pipe (~200 KB are due).
        let mut cmd = f.env.on(&t).command();
        cmd.args(["devices", "list", "-o", "json"]);
        let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
        let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        reader.read_line(&mut line).expect("first line");
        assert_eq!(line.trim(), "[", "{k}");
        drop(reader);
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{k}: {stderr}");
        for word in ["panic", "error", "Broken pipe"] {
            assert!(!stderr.contains(word), "{k}: {word:?} in:\n{stderr}");
        }
    }
}

/// `standard`, plus device `dual` seated through both codes with two usage reports on CODE (one
/// yesterday, one now) and `solo` on CODE2 with one report now.
fn with_usage(s: &Seeder, now: DateTime<Utc>) {
    standard(s, now);
    s.authorize(CODE, "dual");
    s.authorize(CODE2, "dual");
    s.authorize(CODE2, "solo");
    let yesterday = now - TimeDelta::days(1);
    let reports: [Report; 2] =
        [("r1", yesterday, &[("QR", 12), ("EAN13", 3)]), ("r2", now, &[("QR", 5)])];
    s.usage(CODE, "dual", &reports);
    s.usage(CODE2, "solo", &[("r1", now, &[("CODE128", 7)])]);
}

#[test]
fn show_has_the_seats_and_usage_totals_and_an_unknown_device_is_not_found() {
    let f = Fleet::new(with_usage);
    let mut views = Vec::new();
    for t in f.targets() {
        let k = t.kind;
        let mut d = f.env.on(&t).sh("devices show dual -o json");
        assert_eq!(d["uuid"], "dual");
        let seats = d["seats"].as_array_mut().expect("seats");
        let pairs: Vec<_> = seats.iter().map(|s| json!([s["handshake"], s["item"]])).collect();
        assert_eq!(pairs, [json!([CODE, "DEV-A"]), json!([CODE2, "DEV-B"])], "{k}");
        // idle_seconds moves on between two commands; the rest must be equal on both targets.
        seats.iter_mut().for_each(|s| _ = s.as_object_mut().unwrap().remove("idle_seconds"));
        let (first, last) = (rfc3339(f.now - TimeDelta::days(1)), rfc3339(f.now));
        let usage = json!({"reports": 2, "scans_total": 20, "pages_total": 0,
            "scans": {"EAN13": 3, "QR": 17}, "pages": {},
            "first_report": first, "last_report": last});
        assert_eq!(d["usage"], usage, "{k}");
        let out = f.env.on(&t).sh_code("devices show no-such-device", 3);
        assert_has(&out.stderr, &["no-such-device"]);
        views.push(d);
    }
    assert_eq!(views[0], views[1]);
}

#[test]
fn usage_groups_by_day_item_and_symbology_with_matching_totals() {
    let f = Fleet::new(with_usage);
    let today = f.now.format("%Y-%m-%d").to_string();
    let yesterday = (f.now - TimeDelta::days(1)).format("%Y-%m-%d").to_string();
    for t in f.targets() {
        let k = t.kind;
        // The view, and its groups as key -> (scans, reports).
        let usage = |args: &str| -> (Value, BTreeMap<String, (i64, i64)>) {
            let v = f.env.on(&t).sh(&format!("usage -o json {args}"));
            let groups = v["groups"].as_array().expect("groups").iter();
            let n = |g: &Value, k: &str| g[k].as_i64().unwrap();
            let key = |g: &Value| g["key"].as_str().unwrap().to_string();
            let groups = groups.map(|g| (key(g), (n(g, "scans"), n(g, "reports"))));
            (v.clone(), groups.collect())
        };
        let map = |entries: &[(&str, (i64, i64))]| -> BTreeMap<String, (i64, i64)> {
            entries.iter().map(|(k, v)| (k.to_string(), *v)).collect()
        };
        let (v, by_day) = usage("--by day");
        let totals = json!({"scans": 27, "pages": 0, "reports": 3, "by": "day", "since": null});
        subset(&v, totals);
        let want = map(&[(&yesterday, (15, 1)), (&today, (12, 2))]);
        assert_eq!(by_day, want, "{k}");
        let (v, by_item) = usage("--by item");
        subset(&v, json!({"scans": 27, "reports": 3}));
        let want = map(&[("DEV-A", (20, 2)), ("DEV-B", (7, 1))]);
        assert_eq!(by_item, want, "{k}");
        let (v, by_symbology) = usage("--by symbology");
        subset(&v, json!({"scans": 27, "reports": 3}));
        let want = map(&[("QR", (17, 2)), ("EAN13", (3, 1)), ("CODE128", (7, 1))]);
        assert_eq!(by_symbology, want, "{k}");

        let (v, by_day) = usage(&format!("--handshake {CODE} --by day"));
        assert_eq!(v["scans"], 20, "{k}: {v}");
        assert_eq!(by_day, map(&[(&yesterday, (15, 1)), (&today, (5, 1))]));
        assert_eq!(len(&v["items"]), 1, "{v}");
        let quota = json!({"item": "DEV-A", "quota": 1000, "used": 41, "left": 959, "alert": null});
        subset(&v["items"][0], quota);
        let (v, _) = usage("--since 12h --by symbology");
        subset(&v, json!({"scans": 12, "reports": 2}));

        let out = f.env.on(&t).sh_code("usage --handshake nope-000000001", 3);
        assert_has(&out.stderr, &["nope-000000001"]);
        assert_has(&f.env.on(&t).sh_code("usage --item NOPE", 3).stderr, &["NOPE"]);
    }
}

/// Three seats of a quota of 3 (no tolerance): `unregister A B missing` frees two of them at once.
fn unregister_by_uuid(target: usize) {
    let f = Fleet::new(|s, now| {
        s.import(CODE, "LIC-S", &[Item::per_device("SMALL", 3, now)]);
        let exact = HandshakeChanges { overuse_percent: Some(0), ..Default::default() };
        s.block_on(s.admin.handshake_set(CODE, exact)).expect("set overuse");
        s.authorize_all(CODE, &["dev-a", "dev-b", "dev-c"]);
    });
    let t = &f.targets()[target];
    let k = t.kind;
    let api = Api::new(f.server.url.clone());
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let refused = rt.block_on(api.authorize(CODE, "dev-d", PRODUCT, "desktop"));
    assert_error(&refused, 403, "quota_exceeded");
    assert_eq!(f.active_devices(t), 3);
    // A full item is at the 100% alert level, with a warning on stderr.
    let out = f.env.on(t).sh_code(&format!("usage --handshake {CODE}"), 0);
    let full =
        json!({"item": "SMALL", "used": 3, "quota": 3, "left": 0, "percent": 100.0, "alert": 100});
    subset(&out.json()["items"][0], full);
    assert_has(&out.stderr, &["warning", "SMALL", "100%"]);

    let dry = f.env.on(t).sh("devices unregister dev-a missing-uuid --dry-run");
    let would = json!({"removed": 0, "would_remove": 1, "already_gone": 1, "failed": 0,
        "dry_run": true, "missing": ["missing-uuid"]});
    assert_eq!((dry, f.active_devices(t)), (would, 3), "{k}: a dry run by UUID");
    let line = "devices unregister dev-a dev-b missing-uuid";
    let out = f.env.on(t).sh_code(line, 0);
    let summary = json!({"removed": 2, "already_gone": 1, "failed": 0, "dry_run": false,
        "missing": ["missing-uuid"]});
    assert_eq!(out.json(), summary, "{k}");
    assert_has(&out.stderr, &["missing-uuid"]);
    assert_eq!(f.active_devices(t), 1, "{k}: the seats are freed at once");
    assert_eq!(f.uuids(t, ""), ["dev-c"]);
    let seated = ok(rt.block_on(api.authorize(CODE, "dev-d", PRODUCT, "desktop")));
    assert_eq!(seated["item"], "SMALL");
    let usage = f.env.on(t).sh_code(&format!("usage --handshake {CODE}"), 0);
    let item = json!({"used": 2, "left": 1, "percent": 66.7, "alert": 60});
    subset(&usage.json()["items"][0], item);
    let again = f.env.on(t).sh("devices unregister dev-a dev-b");
    let gone = json!({"removed": 0, "already_gone": 2, "missing": ["dev-a", "dev-b"]});
    subset(&again, gone);
}

#[test]
fn unregister_by_uuid_frees_the_seats_locally() {
    unregister_by_uuid(0);
}

#[test]
fn unregister_by_uuid_frees_the_seats_through_the_server() {
    unregister_by_uuid(1);
}

/// 10 devices on CODE and 3 on CODE2 idle for 3 hours, 5 on CODE seen now: bulk removal by inactivity.
fn bulk_unregister(target: usize) {
    let f = Fleet::new(|s, now| {
        s.import(CODE, "LIC-A", &[Item::per_device("DEV-A", 1000, now)]);
        s.import(CODE2, "LIC-B", &[Item::per_device("DEV-B", 1000, now)]);
        s.authorize_all(CODE, &uuids("idle", 10));
        s.authorize_all(CODE2, &uuids("idle2", 3));
        s.set_time(now);
        s.authorize_all(CODE, &uuids("busy", 5));
    });
    let (t, env) = (&f.targets()[target], &f.env);
    let k = t.kind;
    let count = || f.list(t, "").len();
    let out = env.on(t).sh_code("devices unregister --inactive-for 1h", 10);
    assert_has(&out.stderr, &["--yes", "13 device(s)"]);
    assert_eq!(count(), 18, "{k}: nothing removed without --yes");

    let out = env.on(t).sh_code("devices unregister --inactive-for 1h --dry-run", 0);
    // One JSON document: the devices that would go and the summary, which says nothing was removed.
    let dry: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{k}: not one JSON document ({e}):\n{}", out.stdout));
    let mut listed = uuid_list(&dry["devices"]);
    listed.sort();
    let idle = [uuids("idle", 10), uuids("idle2", 3)].concat();
    assert_eq!(listed, idle, "{k}");
    let summary = json!({"removed": 0, "would_remove": 13, "already_gone": 0, "failed": 0,
        "dry_run": true, "missing": []});
    let mut rest = dry.clone();
    rest.as_object_mut().unwrap().remove("devices");
    assert_eq!(rest, summary, "{k}");
    assert_has(&out.stderr, &["13 would be removed"]);
    assert_eq!(count(), 18, "{k}: a dry run changes nothing");

    let scoped = format!("devices unregister --inactive-for 1h --handshake {CODE2} --yes");
    let scoped = env.on(t).sh(&scoped);
    assert_eq!(scoped["removed"], 3, "{k}: only through {CODE2}");
    let summary = env.on(t).sh("devices unregister --inactive-for 1h --yes");
    let want =
        json!({"removed": 10, "already_gone": 0, "failed": 0, "dry_run": false, "missing": []});
    assert_eq!(summary, want, "{k}");
    assert_eq!(f.uuids(t, ""), uuids("busy", 5));
    assert_eq!(f.active_devices(t), 5);
    let nothing = env.on(t).sh("devices unregister --inactive-for 1h --yes");
    assert_eq!(nothing["removed"], 0, "{k}");
    // By UUID, scoped to a code: a device without a seat through it is "already gone" there.
    let one =
        |code: &str| env.on(t).sh(&format!("devices unregister busy-00000 --handshake {code}"));
    let elsewhere = one(CODE2);
    subset(&elsewhere, json!({"removed": 0, "missing": ["busy-00000"]}));
    subset(&one(CODE), json!({"removed": 1, "missing": []}));

    let audit = env.on(t).sh("audit list -o json");
    let entries = audit.as_array().expect("audit").iter();
    let mut bulk = entries.filter(|e| e["action"] == "devices.unregister");
    let entry = bulk.find(|e| e["target"].as_str().is_some_and(|t| t.contains("removed=10")));
    let entry = entry.unwrap_or_else(|| panic!("{k}: no devices.unregister entry: {audit}"));
    let actor = if t.kind == "local" { "local" } else { "ops" };
    subset(entry, json!({"actor": actor, "result": "ok"}));
    let target = entry["target"].as_str().unwrap();
    assert_has(target, &["inactive_for=3600s", "handshake=*"]);
}

#[test]
fn bulk_unregister_needs_yes_without_a_terminal_and_dry_run_changes_nothing_locally() {
    bulk_unregister(0);
}

#[test]
fn bulk_unregister_needs_yes_without_a_terminal_and_dry_run_changes_nothing_through_the_server() {
    bulk_unregister(1);
}

#[test]
fn expired_devices_are_listed_and_removed_with_expired_locally() {
    // A refresh interval of 1m: devices seen 3 hours ago are past their removal time (a server's sweeper
    // would remove them as it starts, so this is on the local target only).
    let env = Env::new();
    let now = now_secs();
    let s = Seeder::open(&env.data, now - TimeDelta::hours(3));
    s.import(CODE, "LIC-A", &[Item::per_device("DEV-A", 100, now)]);
    let one_minute = HandshakeChanges { refresh_interval_seconds: Some(60), ..Default::default() };
    s.block_on(s.admin.handshake_set(CODE, one_minute)).expect("set");
    s.authorize_all(CODE, &uuids("lapsed", 4));
    s.set_time(now);
    s.authorize_all(CODE, &uuids("live", 2));
    drop(s);
    let t = env.local();
    let sorted = |v: Value| {
        let mut u = uuid_list(&v);
        u.sort();
        u
    };
    let list = |flags: &str| sorted(env.on(&t).sh(&format!("devices list {flags}")));
    assert_eq!(list("--expired"), uuids("lapsed", 4));
    assert_eq!(list("--active"), uuids("live", 2));
    env.on(&t).sh_code("devices unregister --expired", 10);
    let removed = env.on(&t).sh("devices unregister --expired --yes");
    assert_eq!(removed["removed"], 4);
    assert_eq!(list(""), uuids("live", 2));
}

#[test]
fn license_list_expiring_within_exits_9_only_when_an_item_expires_in_the_window() {
    let f = Fleet::new(|s, now| {
        // Another product: it does not take over from SOON (see license.rs for covered expiries).
        let long = Item::per_device("LONG", 10, now)
            .product("other-sdk")
            .expires(now + TimeDelta::days(200));
        s.import(CODE, "LIC-LONG", &[long]);
        let soon = Item::per_device("SOON", 10, now).expires(now + TimeDelta::days(10));
        s.import(CODE, "LIC-SOON", &[soon]);
    });
    for t in f.targets() {
        let k = t.kind;
        let out = f.env.on(&t).sh_code("license list --expiring-within 30d", 9);
        let list = out.json();
        let licenses = list.as_array().expect("licenses").iter();
        let items = licenses.flat_map(|l| l["items"].as_array().unwrap());
        let ids: Vec<&str> = items.map(|i| i["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["SOON"], "{k}: {list}");
        assert_has(&out.stderr, &["30d"]);
        let later = f.env.on(&t).sh("license list --expiring-within 5d");
        assert_eq!(later, json!([]), "{k}");
        assert_eq!(len(&f.env.on(&t).sh("license list")), 2);
    }
}
