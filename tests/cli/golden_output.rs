//! The `-o json` (and CSV) output of every list and show command over one fixture store, compared byte
//! for byte with the files in `tests/golden/`. The fixture is made in-process with a fixed clock, a fixed
//! issuer key and a fixed lts_id, so everything a command prints is fixed too, but for what depends on
//! the moment it runs (`idle_seconds`, the usage period's `until`) and the temp dir's path, which are
//! replaced by placeholders. It guards the output contract while the code under it moves: a change here
//! is a change of the documented JSON, made on purpose with `LTSCTL_UPDATE_GOLDEN=1 cargo test --test
//! cli golden_output` and reviewed in the diff.

use std::path::Path;

use crate::util::{Env, Item, Seeder, client_builder};
use chrono::{DateTime, TimeZone, Utc};
use ltsctl::admin::HandshakeChanges;
use ltsctl::admin::prelude::*;
use ltsctl::service::types::UsageReport;

const DEV_CODE: &str = "gold-000000001";
const SCAN_CODE: &str = "gold-000000002";
const CONC_CODE: &str = "gold-000000003";
const WEB_CODE: &str = "gold-000000004";

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

/// Licenses, codes, devices, usage, a token and the audit log they leave, all at fixed times in 2026
/// (valid until 2099, seats for ten years).
fn seed(data: &Path) {
    let t0 = at(2026, 6, 1, 8);
    let forever = at(2099, 1, 1, 0);
    let mut s = Seeder::open(data, t0);
    let pem = include_str!("../fixtures/openssl/issuer.TEST-ONLY.key.pem");
    s.issuer = ltsctl::license::IssuerKey::from_pkcs8_pem(pem).expect("fixture key");
    let from = at(2026, 1, 1, 0);
    s.import(
        DEV_CODE,
        "LIC-GOLD-1",
        &[
            Item::per_device("GOLD-DEV", 10, t0).valid(from, forever),
            Item::per_concurrent("GOLD-CONC", 5, t0).valid(from, at(2099, 6, 1, 0)),
        ],
    );
    s.import(
        SCAN_CODE,
        "LIC-GOLD-2",
        &[
            Item::per_scan("GOLD-SCAN", 1_000, t0).valid(from, forever),
            Item::new("GOLD-PAGE", "per-page", Some(500), t0).valid(from, forever),
        ],
    );
    let ten_years = HandshakeChanges {
        name: Some("Warehouse".into()),
        refresh_interval_seconds: Some(3650 * 86_400),
        offline_grace_seconds: Some(3 * 86_400),
        overuse_percent: Some(5),
        ..Default::default()
    };
    s.block_on(async {
        let a = &s.admin;
        a.handshake_set(DEV_CODE, ten_years.clone()).await.unwrap();
        a.handshake_set(SCAN_CODE, ten_years.clone()).await.unwrap();
        a.handshake_create(WEB_CODE, Default::default()).await.unwrap();
        a.handshake_domains_add(WEB_CODE, &["example.com".into(), "*.example.org".into()])
            .await
            .unwrap();
        a.handshake_order(SCAN_CODE, &["GOLD-PAGE".into(), "GOLD-SCAN".into()]).await.unwrap();
        a.handshake_create(CONC_CODE, Default::default()).await.unwrap();
        a.handshake_bind(CONC_CODE, &["GOLD-CONC".into()]).await.unwrap();
        a.token_create("golden-viewer", ltsctl::auth::Role::Viewer, None).await.unwrap();
    });
    s.authorize_all(DEV_CODE, &["dev-a", "dev-b"]);
    s.set_time(at(2026, 6, 2, 9));
    s.authorize(DEV_CODE, "dev-c");
    s.authorize(SCAN_CODE, "scan-1");
    let report = |id: &str, when: DateTime<Utc>, scans: &[(&str, u64)], pages: &[(&str, u64)]| {
        let map = |v: &[(&str, u64)]| Some(v.iter().map(|(k, n)| (k.to_string(), *n)).collect());
        UsageReport { id: id.into(), at: when, scans: map(scans), pages: map(pages) }
    };
    s.upload(
        SCAN_CODE,
        "scan-1",
        vec![
            report("r1", at(2026, 6, 1, 12), &[("QR", 12), ("EAN13", 3)], &[("ocr", 2)]),
            report("r2", at(2026, 6, 2, 8), &[("QR", 5)], &[("ocr", 7), ("pdf", 1)]),
        ],
    );
    s.set_time(at(2026, 6, 3, 10));
    s.authorize(CONC_CODE, "conc-1");
    s.upload(CONC_CODE, "conc-1", vec![report("c1", at(2026, 6, 3, 10), &[("QR", 1)], &[])]);
    s.block_on(async {
        s.admin.sweep().await.unwrap();
    });
    drop(s);
    // One id for every run, in place of the random one the store was given.
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        use sqlx::Connection;
        let url = format!("sqlite://{}", data.join("ltsctl.db").display());
        let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
        sqlx::query("UPDATE meta SET value = 'golden-lts-00000000' WHERE key = 'lts_id'")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    });
}

/// The CSV counterpart of [`normalize`]: the `idle_seconds` column, and the end of a usage period (`... to
/// TIME`, which is now). No fixture value holds a comma, so fields split on it.
fn normalize_csv(text: &str) -> String {
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    let idle = header.split(',').position(|h| h == "idle_seconds");
    let mut out = format!("{header}\n");
    for line in lines {
        let mut fields: Vec<String> = line.split(',').map(str::to_string).collect();
        if let Some(i) = idle {
            fields[i] = "IDLE".into();
        }
        for f in &mut fields {
            if let Some(at) = f.find(" to ") {
                f.replace_range(at.., " to NOW");
            }
        }
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// What depends on when the test runs, and where.
fn normalize(text: &str, data: &Path) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        if let Some(rest) = trimmed.strip_prefix("\"idle_seconds\": ") {
            let tail = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            out.push_str(&format!("{indent}\"idle_seconds\": IDLE{tail}"));
        } else if trimmed.starts_with("\"until\": \"") {
            let comma = if trimmed.trim_end().ends_with(',') { "," } else { "" };
            out.push_str(&format!("{indent}\"until\": \"NOW\"{comma}\n"));
        } else {
            out.push_str(line);
        }
    }
    out.replace(&data.display().to_string(), "DATA")
        .lines()
        .map(|l| {
            // Rows of `devices list -o json` are compact: their idle time sits mid-line.
            match l.find("\"idle_seconds\":") {
                Some(i) if !l.contains("IDLE") => {
                    let head = &l[..i + "\"idle_seconds\":".len()];
                    let tail = l[head.len()..].trim_start_matches(|c: char| c.is_ascii_digit());
                    format!("{head}IDLE{tail}")
                }
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn every_list_and_show_command_prints_what_it_printed() {
    let env = Env::new();
    seed(&env.data);
    let t = env.local();
    let runs: &[(&str, &str)] = &[
        ("status", "status"),
        ("license-list", "license list"),
        ("license-list-expiring", "license list --expiring-within 30d"),
        ("license-show", "license show LIC-GOLD-2"),
        ("trust-list", "trust list"),
        ("handshake-list", "handshake list"),
        ("handshake-show", "handshake show gold-000000002"),
        ("handshake-domains-list", "handshake domains list gold-000000001"),
        ("devices-list", "devices list"),
        ("devices-list-first-seen", "devices list --sort first-seen"),
        ("devices-list-uuid", "devices list --sort uuid --limit 3"),
        ("devices-list-code", "devices list --handshake gold-000000001"),
        ("devices-list-item", "devices list --item GOLD-SCAN"),
        ("devices-list-active", "devices list --active"),
        ("devices-show", "devices show scan-1"),
        ("usage", "usage"),
        ("usage-item", "usage --by item"),
        ("usage-symbology", "usage --by symbology"),
        ("usage-module", "usage --by module --handshake gold-000000002"),
        ("usage-since", "usage --since 2026-06-02 --handshake gold-000000002"),
        ("token-list", "token list"),
        ("audit-list", "audit list"),
        ("audit-list-actor", "audit list --actor local --limit 5"),
    ];
    let csv_runs: &[(&str, &str)] = &[
        ("devices-list", "devices list"),
        ("license-list", "license list"),
        ("usage-item", "usage --by item"),
    ];
    let update = std::env::var_os("LTSCTL_UPDATE_GOLDEN").is_some();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut differ = Vec::new();
    let cases =
        runs.iter().map(|(name, line)| (format!("{name}.json"), format!("-o json {line}"))).chain(
            csv_runs.iter().map(|(name, line)| (format!("{name}.csv"), format!("-o csv {line}"))),
        );
    for (file, line) in cases {
        let out = env.on(&t).sh_code(&line, 0);
        let got = if file.ends_with(".csv") {
            normalize_csv(&out.stdout)
        } else {
            normalize(&out.stdout, &env.data)
        };
        let path = dir.join(&file);
        if update {
            std::fs::write(&path, &got).expect("write golden file");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{}: {e} (LTSCTL_UPDATE_GOLDEN=1 writes it)", path.display())
        });
        if got != want {
            differ.push(format!("--- {file} (`ltsctl {line}`)\n{got}"));
        }
    }
    assert!(differ.is_empty(), "output changed:\n{}", differ.join("\n"));
}

/// The OpenAPI document of a live server describes the same operations, parameters and schemas as
/// `tests/golden/openapi.json` (compared as JSON values: key order aside, every path, parameter and
/// schema must be the same). Updated like the rest with `LTSCTL_UPDATE_GOLDEN=1`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_what_it_described() {
    let env = Env::new();
    env.on(&env.local()).sh_code("init", 0);
    let server = env.serve(&["--rate-limit", "0"]);
    let doc: serde_json::Value = client_builder()
        .build()
        .unwrap()
        .get(format!("{}/v1/openapi.json", server.url))
        .send()
        .await
        .expect("GET /v1/openapi.json")
        .json()
        .await
        .expect("a JSON document");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/openapi.json");
    if std::env::var_os("LTSCTL_UPDATE_GOLDEN").is_some() {
        let text = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        std::fs::write(&path, text).expect("write golden file");
        return;
    }
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("golden openapi.json"))
            .expect("golden JSON");
    for (key, value) in want.as_object().unwrap() {
        assert_eq!(
            &doc[key], value,
            "the OpenAPI document's `{key}` changed (LTSCTL_UPDATE_GOLDEN=1 rewrites the golden file)"
        );
    }
    assert_eq!(doc.as_object().unwrap().len(), want.as_object().unwrap().len());
}
