//! `devices checkout`, `devices checkin` and `usage import` through the real binary, on the local data dir
//! and through `--server` with an operator token: the file written, the seat it holds (refused to plain
//! `unregister`, freed by `checkin`), usage carried back counted once, and the mistakes a user makes.

use crate::util::*;
use chrono::TimeDelta;
use serde_json::{Value, json};

/// A store with one per-device item of quota 3 on CODE, a server on it and an operator token.
fn lts() -> (Env, Server, String) {
    let env = Env::new();
    let now = now_secs();
    let seeder = Seeder::open(&env.data, now - TimeDelta::hours(1));
    seeder.import(CODE, "LIC-OFF", &[Item::per_device("OFF-DEV", 3, now - TimeDelta::days(1))]);
    drop(seeder);
    let token = env.token("support", "operator");
    let server = env.serve(&["--rate-limit", "0"]);
    (env, server, token)
}

fn checkout_line(uuid: &str, extra: &str) -> String {
    format!(
        "devices checkout --handshake {CODE} --uuid {uuid} --product {PRODUCT} --platform embedded \
         --for 30d {extra} -o json"
    )
}

#[test]
fn a_checkout_file_holds_a_seat_on_both_targets_until_checked_in() {
    let (env, server, token) = lts();
    let remote = Target::remote(&server.url, Some(&token));
    let local = env.local();
    let api = server.api();
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    ok(rt.block_on(api.authorize(CODE, "online-1", PRODUCT, "desktop")));

    // Locally to a file (its summary on stdout), remotely to stdout (the file itself).
    let summary = env.on(&local).sh(&checkout_line("rig-1", "--out rig-1.lic"));
    assert_eq!(summary["item"], "OFF-DEV");
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string(env.work.join("rig-1.lic")).expect("the file"),
    )
    .expect("JSON");
    assert_eq!(file["format"], "ltsctl-offline-authorization/1");
    assert_eq!(file["expires_at"], summary["expires_at"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.work.join("rig-1.lic")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // `--out -` is stdout, not a file named "-".
    let file2 = env.on(&remote).sh(&checkout_line("rig-2", "--out -"));
    assert!(!env.work.join("-").exists(), "no file named -");
    assert_eq!(file2["uuid"], "rig-2");
    assert_eq!(file2["jwks"], rt.block_on(api.get("/v1/jwks")).1);
    let c = claims(file2["token"].as_str().expect("token"));
    assert_eq!((&c["sub"], &c["checked_out"]), (&json!("rig-2"), &json!(true)));

    // The quota of 3 is full: one online, two checked out.
    let r = rt.block_on(api.authorize(CODE, "online-2", PRODUCT, "desktop"));
    assert_error(&r, 403, "quota_exceeded");
    for t in [&local, &remote] {
        let listed = env.on(t).sh("devices list --checked-out -o json");
        assert_eq!(uuid_list(&listed), ["rig-1", "rig-2"], "{}", t.kind);
        assert!(listed[0]["checked_out_until"].is_string());
        let err = env.on(t).sh_err("devices unregister rig-1", 4);
        assert!(err.contains("--force") && err.contains("checkin"), "{err}");
    }
    // A bulk removal keeps them, says so, and frees only the other (idle for 1 s, whole seconds).
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let out = env.on(&local).sh_code("devices unregister --inactive-for 1s --yes -o json", 0);
    assert!(
        out.stderr.contains("2 matching device(s) hold a live offline check-out"),
        "{}",
        out.stderr
    );
    let summary: Value = serde_json::from_str(&out.stdout).expect("one document");
    assert_eq!(summary["removed"], 1, "only online-1 went");

    let done = env.on(&remote).sh("devices checkin rig-2 -o json");
    assert_eq!(done["handshakes"], json!([CODE]));
    env.on(&remote).sh_err("devices checkin rig-2", 3);
    ok(rt.block_on(api.authorize(CODE, "online-2", PRODUCT, "desktop")));
    env.on(&local).sh("devices unregister rig-1 --force -o json");
    let audit = env.on(&local).sh("audit list -o json");
    let actions: Vec<&str> =
        audit.as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(
        actions.contains(&"devices.checkout") && actions.contains(&"devices.checkin"),
        "{actions:?}"
    );
}

#[test]
fn checkout_mistakes_are_refused_before_a_seat_is_taken() {
    let (env, server, _) = lts();
    env.write("taken.lic", "old");
    let err = env.sh_err(&checkout_line("rig-1", "--out taken.lic"), 4);
    assert!(err.contains("taken.lic already exists"), "{err}");
    let err = env.sh_err(&checkout_line("rig-1", "--out ."), 2);
    assert!(err.contains("is a directory"), "{err}");
    let err = env.sh_err(&checkout_line("rig-1", "--out missing-dir/rig.lic"), 3);
    assert!(err.contains("missing-dir"), "{err}");
    assert_eq!(env.counts()["active_devices"], 0, "no seat left behind");
    let err = env.sh_err(
        &format!("devices checkout --handshake {CODE} --uuid r --product nope --for 30d"),
        3,
    );
    assert!(err.contains("no_matching_license"), "{err}");
    let err = env.sh_err(
        &format!("devices checkout --handshake no-such-0001 --uuid r --product {PRODUCT} --for 1d"),
        3,
    );
    assert!(err.contains("no-such-0001"), "{err}");
    let err = env.sh_err(
        &format!("devices checkout --handshake {CODE} --uuid r --product {PRODUCT} --for 400d"),
        2,
    );
    assert!(err.contains("366"), "{err}");
    // Stdout that cannot be written (full disk, closed pipe): no panic, and the hint says the seat was
    // taken and how to get its file or free it.
    #[cfg(target_os = "linux")]
    {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let out = env
            .here()
            .command()
            .args(checkout_line("rig-full", "").split_whitespace())
            .stdout(full)
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("file was not written") && err.contains("devices checkin rig-full"),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    // A viewer may not check devices out.
    let viewer = env.token("watcher", "viewer");
    let remote = Target::remote(&server.url, Some(&viewer));
    env.on(&remote).sh_err(&checkout_line("rig-9", ""), 6);
}

#[test]
fn usage_import_counts_each_report_once_and_refuses_a_bad_file_whole() {
    let (env, server, token) = lts();
    let remote = Target::remote(&server.url, Some(&token));
    env.sh(&checkout_line("rig-1", "--out rig-1.lic"));
    let at = rfc3339(now_secs() - TimeDelta::minutes(10));
    let body = |ids: &[&str]| {
        json!({"handshake": CODE, "uuid": "rig-1", "reports": ids.iter().map(|id| json!(
            {"id": id, "at": at, "scans": {"QR": 10}})).collect::<Vec<_>>()})
    };
    // JSON lines, and a pretty-printed single body.
    env.write("carried.jsonl", format!("{}\n\n{}\n", body(&["r-1", "r-2"]), body(&["r-3"])));
    env.write("one.json", serde_json::to_string_pretty(&body(&["r-4"])).unwrap());
    let first = env.on(&remote).sh("usage import carried.jsonl one.json -o json");
    assert_eq!((&first["accepted"], &first["duplicates"]), (&json!(4), &json!(0)));
    let again = env.sh("usage import carried.jsonl one.json -o json");
    assert_eq!((&again["accepted"], &again["duplicates"]), (&json!(0), &json!(4)));
    let usage = env.sh("usage -o json");
    assert_eq!(usage["scans"], 40);

    // A bad line refuses its file whole, names the line, and the other files still go in.
    env.write("bad.jsonl", format!("{}\n{{\"handshake\": 1}}\n", body(&["r-5"])));
    env.write("good.jsonl", format!("{}\n", body(&["r-6"])));
    let out = env.sh_code("usage import bad.jsonl good.jsonl -o json", 2);
    assert!(out.stderr.contains("bad.jsonl line 2"), "{}", out.stderr);
    let summary: Value = serde_json::from_str(&out.stdout).expect("one document");
    assert_eq!((&summary["accepted"], &summary["refused"]), (&json!(1), &json!(1)));
    assert_eq!(env.sh("usage -o json")["scans"], 50, "r-5 was not recorded");
    // A value the file ends inside is reported on the line it starts on, not the one after.
    env.write("cut.jsonl", format!("{}\n{{\"handshake\": \n", body(&["r-7"])));
    let err = env.sh_err("usage import cut.jsonl", 2);
    assert!(err.contains("cut.jsonl line 2: JSON value not terminated"), "{err}");
    env.write("empty.json", "");
    let err = env.sh_err("usage import empty.json", 2);
    assert!(err.contains("no usage upload"), "{err}");
    let err = env.sh_err("usage import nowhere.json", 3);
    assert!(err.contains("nowhere.json"), "{err}");
}
