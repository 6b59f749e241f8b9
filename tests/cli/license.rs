//! Issue "Foundation": issuer keys, signing, trust, license import/list/show/remove and status, driven
//! through the `ltsctl` binary. Every refusal also checks that the store did not change.

use std::path::{Path, PathBuf};

use crate::util::*;
use serde_json::{Value, json};

/// Imports `file` expecting exit 5 and a message naming the file and `needles`; the store must not change.
#[track_caller]
fn refuse_import(lts: &Env, file: &Path, needles: &[&str]) -> String {
    let before = lts.counts();
    let out = lts.sh_out(&format!("license import {}", s(file)));
    expect_code(&out, 5, &["license", "import", s(file)]);
    let err = out.stderr.clone();
    assert_has(&err, &["ltsctl: error: ", s(file)]);
    assert_has(&err, needles);
    let summary = out.json();
    assert_eq!(summary["imported"], 0, "{summary}");
    assert_eq!(summary["failed"], 1, "{summary}");
    let report = &summary["files"][0];
    assert_eq!(report["status"], "failed", "{summary}");
    assert_eq!(report["error"]["kind"], "invalid_license", "{summary}");
    assert!(lts.licenses().is_empty());
    assert_eq!(lts.counts(), before);
    err
}

/// A document `issuer sign` must refuse (exit 5, naming the field), and an import must refuse when it
/// arrives validly signed anyway (signed in-process, bypassing the issuer-side checks).
#[track_caller]
fn refused_document(doc: &str, needles: &[&str]) {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let doc_path = lts.write_fresh("bad", "toml", doc);
    let out_path = lts.fresh("bad", "lic");
    let line = format!("issuer sign {} --key {} --out {}", s(&doc_path), s(&key), s(&out_path));
    let err = lts.sh_err(&line, 5);
    assert_has(&err, &[s(&doc_path)]);
    assert_has(&err, needles);
    // The hint speaks to the issuer, who is running the command.
    assert_has(&err, &["hint:", "sign again"]);
    assert!(!err.contains("ask the issuer"), "{err}");
    assert!(!out_path.exists(), "issuer sign wrote a bad document");
    let lic = lts.sign_raw(doc.as_bytes(), &key);
    let err = refuse_import(&lts, &lic, needles);
    assert_has(&err, &["ask the issuer"]);
}

fn good_doc(id: &str) -> String {
    let a = Item::per_device(&format!("{id}-A"), 25, now_secs());
    let b = Item::per_scan(&format!("{id}-B"), 10_000, now_secs());
    License::acme(id, &[a, b]).render()
}

/// A good license file of the trusted issuer with one field of the envelope passed through `edit`.
fn edited(lts: &Env, edit: impl Fn(&str) -> Option<String>) -> PathBuf {
    let key = lts.trusted_issuer();
    let lic = lts.sign(&good_doc("LIC-1"), &key);
    let text = std::fs::read_to_string(&lic).unwrap();
    let lines: Vec<String> = text.lines().filter_map(&edit).collect();
    lts.write_fresh("edited", "lic", lines.join("\n") + "\n")
}

/// A good license file with one bit flipped in the decoded `field` (payload or signature).
fn tampered(lts: &Env, field: &str) -> PathBuf {
    let key = lts.trusted_issuer();
    let lic = lts.sign(&good_doc("LIC-1"), &key);
    let text = std::fs::read_to_string(&lic).unwrap();
    let mut payload = envelope_field(&text, "payload");
    let mut sig = envelope_field(&text, "signature");
    let target = if field == "payload" { &mut payload } else { &mut sig };
    target[10] ^= 0x04;
    let key_id = raw_signature(b"", &key).0;
    lts.write_fresh("tampered", "lic", envelope(&key_id, &payload, &sig))
}

#[test]
fn keygen_writes_a_private_0600_key_and_a_public_key() {
    use std::os::unix::fs::PermissionsExt;
    let lts = Env::new();
    // Without --public-out the public key goes next to the private one, named *.pub.pem.
    let out = lts.sh("issuer keygen --out vendor.pem");
    let key_id = out["key_id"].as_str().unwrap();
    assert_eq!(key_id.len(), 16);
    assert!(key_id.bytes().all(|b| b.is_ascii_hexdigit()));
    let key = lts.work.join("vendor.pem");
    let public = lts.work.join("vendor.pub.pem");
    let mode = std::fs::metadata(&key).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "private key mode is {mode:o}");
    let key_text = String::from_utf8(read(&key)).unwrap();
    assert!(key_text.starts_with("-----BEGIN PRIVATE KEY-----"));
    let pub_text = String::from_utf8(read(&public)).unwrap();
    assert!(pub_text.starts_with("-----BEGIN PUBLIC KEY-----"));
    // The key id on stdout is the one `trust add` computes from the public key.
    assert_eq!(lts.trust(&public)["key_id"], key_id);
}

#[test]
fn keygen_refuses_to_overwrite_without_force() {
    let lts = Env::new();
    let (key, public) = lts.keygen("vendor");
    let (key_before, pub_before) = (read(&key), read(&public));
    let line = format!("issuer keygen --out {} --public-out {}", s(&key), s(&public));
    let err = lts.sh_err(&line, 4);
    assert_has(&err, &["already exists", "--force"]);
    assert_eq!(read(&key), key_before);
    assert_eq!(read(&public), pub_before);
    lts.sh(&format!("{line} --force"));
    assert_ne!(read(&key), key_before);
    assert_ne!(read(&public), pub_before);
    lts.sh_err("issuer keygen --out x.pem --public-out x.pem", 2);
    assert!(!lts.work.join("x.pem").exists());
}

#[test]
fn keygen_refusal_writes_nothing_when_only_the_private_key_exists() {
    let lts = Env::new();
    let (key, public) = lts.keygen("vendor");
    std::fs::remove_file(&public).unwrap();
    let key_before = read(&key);
    let line = format!("issuer keygen --out {} --public-out {}", s(&key), s(&public));
    let err = lts.sh_err(&line, 4);
    assert_has(&err, &[s(&key), "already exists"]);
    assert_eq!(read(&key), key_before);
    assert!(!public.exists(), "wrote a public key for another private key");
}

#[test]
fn keygen_keys_are_readable_by_openssl() {
    let lts = Env::new();
    let (key, public) = lts.keygen("vendor");
    let openssl = |args: &[&str]| std::process::Command::new("openssl").args(args).output();
    let Ok(derived) = openssl(&["pkey", "-in", s(&key), "-pubout"]) else {
        eprintln!("note: openssl is not on PATH; skipping the OpenSSL check");
        return;
    };
    assert!(derived.status.success(), "{}", String::from_utf8_lossy(&derived.stderr));
    // OpenSSL derives exactly the public key ltsctl wrote.
    assert_eq!(derived.stdout, read(&public));
    let args = ["pkey", "-pubin", "-in", s(&public), "-noout"];
    let read_pub = openssl(&args).unwrap();
    assert!(read_pub.status.success(), "{}", String::from_utf8_lossy(&read_pub.stderr));
}

#[test]
fn sign_then_verify_with_the_issuer_key() {
    let lts = Env::new();
    let (key, public) = lts.keygen("vendor");
    let lic = lts.sign(&good_doc("LIC-V"), &key);
    let verify = format!("license verify {} --issuer-key {}", s(&lic), s(&public));
    let report = lts.sh(&verify);
    assert_eq!(report["valid"], true);
    assert_eq!(report["license"]["id"], "LIC-V");
    assert_eq!(item_ids(&report["license"]), ["LIC-V-A", "LIC-V-B"]);
    assert_eq!(report["license"]["items"][0]["status"], "active");
    assert_eq!(report["license"]["items"][0]["quota"], 25);
    // verify needs no store: nothing was created in the data dir.
    assert!(!lts.data.exists());

    // sign does not overwrite an existing license file without --force.
    let doc = lts.write_fresh("again", "toml", good_doc("LIC-W"));
    let line = format!("issuer sign {} --key {} --out {}", s(&doc), s(&key), s(&lic));
    let before = read(&lic);
    lts.sh_err(&line, 4);
    assert_eq!(read(&lic), before);
    lts.sh(&format!("{line} --force"));
    assert_ne!(read(&lic), before);
}

#[test]
fn verify_with_another_key_is_refused() {
    let lts = Env::new();
    let (key, _) = lts.keygen("vendor");
    let (_, other) = lts.keygen("other");
    let lic = lts.sign(&good_doc("LIC-V"), &key);
    let verify = format!("license verify {} --issuer-key {}", s(&lic), s(&other));
    let err = lts.sh_err(&verify, 5);
    assert_has(&err, &[s(&lic), "key", "hint:"]);
}

#[test]
fn committed_openssl_fixture_verifies() {
    let lts = Env::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/openssl");
    let lic = dir.join("license.lic");
    let public = dir.join("issuer.pub.pem");
    let verify = format!("license verify {} --issuer-key {}", s(&lic), s(&public));
    let report = lts.sh(&verify);
    assert_eq!(report["valid"], true);
    assert_eq!(report["key_id"], "8683b2edae772918");
    assert_eq!(report["license"]["id"], "LIC-TEST-OPENSSL-0001");
    assert_eq!(item_ids(&report["license"]).len(), 2);
}

#[test]
fn import_list_show_and_identical_reimport() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let lic = lts.sign(&good_doc("LIC-1"), &key);
    let summary = lts.import_files(&[&lic]);
    assert_eq!(summary["imported"], 1);
    let report = &summary["files"][0];
    assert_eq!(report["status"], "imported");
    assert_eq!(report["license_id"], "LIC-1");
    assert_eq!(report["items"], json!(["LIC-1-A", "LIC-1-B"]));

    let list = lts.licenses();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], "LIC-1");
    assert_eq!(list[0]["licensee"], "Acme Test Corp");
    assert_eq!(item_ids(&list[0]), ["LIC-1-A", "LIC-1-B"]);
    for item in as_array(&list[0]["items"]) {
        assert_eq!(item["status"], "active", "{item}");
        assert_eq!(item["used"], 0, "{item}");
    }
    let show = lts.sh("license show LIC-1");
    assert_eq!(show["id"], "LIC-1");
    assert_eq!(show["items"][0]["option"], "per-device");
    assert_eq!(show["items"][0]["active_period"], "yearly");
    assert_eq!(show["items"][1]["quota"], 10_000);
    lts.sh_err("license show LIC-NOPE", 3);

    let counts = lts.counts();
    let again = lts.import_files(&[&lic]);
    assert_eq!(again["files"][0]["status"], "unchanged");
    assert_eq!(again["imported"], 0);
    assert_eq!(again["unchanged"], 1);
    assert_eq!(lts.counts(), counts);
    assert_eq!(lts.licenses(), list);
    // The same license re-saved by a Windows editor (BOM, CRLF) is the same license.
    let text = String::from_utf8(read(&lic)).unwrap().replace('\n', "\r\n");
    let windows = lts.write_fresh("windows", "lic", format!("\u{feff}{text}"));
    let again = lts.import_files(&[&windows]);
    assert_eq!(again["files"][0]["status"], "unchanged");
    assert_eq!(lts.licenses(), list);
}

#[test]
fn import_of_a_different_file_with_the_same_license_id_conflicts() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    lts.sign_and_import(&good_doc("LIC-1"), &key);
    let before = lts.licenses();
    let doc = good_doc("LIC-1").replace("Acme Test Corp", "Someone Else");
    let lic = lts.sign(&doc, &key);
    let err = lts.sh_err(&format!("license import {}", s(&lic)), 4);
    assert_has(&err, &["LIC-1", "already imported"]);
    assert_eq!(lts.licenses(), before);
}

#[test]
fn import_of_an_item_id_present_in_another_license_conflicts() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    lts.sign_and_import(&good_doc("LIC-1"), &key);
    let before = lts.counts();
    let items =
        [Item::per_scan("LIC-2-A", 5, now_secs()), Item::per_scan("LIC-1-B", 5, now_secs())];
    let lic = lts.sign(&License::acme("LIC-2", &items).render(), &key);
    let err = lts.sh_err(&format!("license import {}", s(&lic)), 4);
    assert_has(&err, &["LIC-1-B", "LIC-1"]);
    assert_eq!(lts.counts(), before);
    assert_eq!(lts.licenses().len(), 1);
    lts.sh_err("license show LIC-2", 3);
}

#[test]
fn import_refuses_a_file_signed_by_an_untrusted_key() {
    let lts = Env::new();
    lts.trusted_issuer();
    let (stranger, _) = lts.keygen("stranger");
    let lic = lts.sign(&good_doc("LIC-1"), &stranger);
    let err = refuse_import(&lts, &lic, &["not trusted"]);
    assert_has(&err, &["hint:", "trust add"]);
}

#[test]
fn import_refuses_one_flipped_bit_in_the_payload() {
    let lts = Env::new();
    let lic = tampered(&lts, "payload");
    refuse_import(&lts, &lic, &["signature does not verify"]);
}

#[test]
fn import_refuses_one_flipped_bit_in_the_signature() {
    let lts = Env::new();
    let lic = tampered(&lts, "signature");
    refuse_import(&lts, &lic, &["signature does not verify"]);
}

#[test]
fn import_refuses_invalid_base64() {
    let lts = Env::new();
    let lic = edited(&lts, |l| match l.starts_with("payload") {
        true => Some("payload = \"***\"".into()),
        false => Some(l.into()),
    });
    refuse_import(&lts, &lic, &["payload", "base64"]);
}

#[test]
fn import_refuses_malformed_toml() {
    let lts = Env::new();
    lts.trusted_issuer();
    let text = "format = \"ltsctl-license/1\"\nkey_id = = \"x\"\n";
    let bad = lts.write_fresh("broken", "lic", text);
    refuse_import(&lts, &bad, &["not valid TOML", "line 2"]);
}

#[test]
fn import_refuses_a_file_without_signature() {
    let lts = Env::new();
    let lic = edited(&lts, |l| (!l.starts_with("signature")).then(|| l.to_string()));
    refuse_import(&lts, &lic, &["signature", "missing"]);
}

#[test]
fn import_refuses_an_unknown_field_in_the_envelope() {
    let lts = Env::new();
    let lic = edited(&lts, |l| match l.starts_with("format") {
        true => Some(format!("{l}\ncomment = \"from the vendor\"")),
        false => Some(l.into()),
    });
    refuse_import(&lts, &lic, &["comment", "unknown field"]);
}

#[test]
fn unknown_field_in_the_document_is_refused_by_sign_and_import() {
    let item = Item::per_device("LIC-X-A", 5, now_secs()).extra("expires = 2099-01-01T00:00:00Z");
    let doc = License::acme("LIC-X", &[item]).render();
    refused_document(&doc, &["items[0].expires", "unknown field"]);
}

#[test]
fn unknown_option_is_refused_by_sign_and_import() {
    let item = Item::new("LIC-X-A", "per-seat", None, now_secs()).quota(5);
    let doc = License::acme("LIC-X", &[item]).render();
    refused_document(&doc, &["items[0].option", "per-seat"]);
}

#[test]
fn negative_quota_is_refused_by_sign_and_import() {
    let doc = License::acme("LIC-X", &[Item::per_scan("LIC-X-A", -5, now_secs())]).render();
    refused_document(&doc, &["items[0].quota", "-5"]);
}

#[test]
fn absurd_quota_is_refused_by_sign_and_import() {
    let item = Item::per_scan("LIC-X-A", 1_000_000_001, now_secs());
    let doc = License::acme("LIC-X", &[item]).render();
    refused_document(&doc, &["items[0].quota", "1000000001"]);
}

/// The same public-suffix rule as `handshake domains add`: an item for `github.io` (a suffix shared by
/// unrelated owners) or `*.co.uk` would admit nothing, or everybody.
#[test]
fn a_per_domain_item_for_a_public_suffix_is_refused_by_sign_and_import() {
    for (domain, needle) in
        [("github.io", "is a public suffix"), ("*.co.uk", "wildcard over a public suffix")]
    {
        let mut item = Item::new("LIC-X-A", "per-domain", None, now_secs());
        item.domain = Some(domain.into());
        let doc = License::acme("LIC-X", &[item]).render();
        refused_document(&doc, &["items[0].domain", domain, needle]);
    }
    let mut ok = Item::new("LIC-Y-A", "per-domain", None, now_secs());
    ok.domain = Some("acme.github.io".into());
    let lts = Env::new();
    let key = lts.trusted_issuer();
    lts.sign_and_import(&License::acme("LIC-Y", &[ok]).render(), &key);
}

#[test]
fn per_device_item_without_active_period_is_refused_by_sign_and_import() {
    let item = Item::per_device("LIC-X-A", 5, now_secs()).no_active_period();
    let doc = License::acme("LIC-X", &[item]).render();
    refused_document(&doc, &["items[0].active_period"]);
}

#[test]
fn duplicate_item_ids_are_refused_by_sign_and_import() {
    let items =
        [Item::per_scan("LIC-X-A", 5, now_secs()), Item::per_scan("LIC-X-A", 7, now_secs())];
    let doc = License::acme("LIC-X", &items).render();
    refused_document(&doc, &["items[1].id", "LIC-X-A"]);
}

#[test]
fn import_refuses_an_expired_license() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let items = [
        Item::per_device("LIC-OLD-A", 5, now_secs()).valid_days(-400, -35),
        Item::per_scan("LIC-OLD-B", 5, now_secs()).valid_days(-400, -1),
    ];
    let lic = lts.sign(&License::acme("LIC-OLD", &items).render(), &key);
    refuse_import(&lts, &lic, &["LIC-OLD", "expired"]);
    // verify checks the signature, then refuses the dead license too.
    let public = lts.work.join("issuer.pub.pem");
    let verify = format!("license verify {} --issuer-key {}", s(&lic), s(&public));
    assert_has(&lts.sh_err(&verify, 5), &["expired"]);
}

#[test]
fn import_refuses_a_huge_file_before_parsing() {
    let lts = Env::new();
    lts.trusted_issuer();
    // Not UTF-8: had it been parsed, the message would say so.
    let huge = lts.write_fresh("huge", "lic", vec![0xFFu8; 2 << 20]);
    let err = refuse_import(&lts, &huge, &["bytes"]);
    assert!(!err.contains("UTF-8") && !err.contains("TOML"), "{err}");
}

#[test]
fn import_refuses_a_license_activated_for_another_lts() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let other = "00000000-0000-4000-8000-000000000000";
    let items = [Item::per_scan("LIC-1-A", 5, now_secs())];
    let doc = License::acme("LIC-1", &items).lts_id(other).render();
    let lic = lts.sign(&doc, &key);
    let err = refuse_import(&lts, &lic, &[other, "another LTS"]);
    assert_has(&err, &[&lts.lts_id()]);
}

#[test]
fn import_accepts_a_license_activated_for_this_lts() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let own = lts.lts_id();
    let items = [Item::per_scan("LIC-1-A", 5, now_secs())];
    lts.sign_and_import(&License::acme("LIC-1", &items).lts_id(&own).render(), &key);
    assert_eq!(lts.licenses()[0]["lts_id"], own.as_str());
}

#[test]
fn import_of_a_missing_path_is_not_found() {
    let lts = Env::new();
    lts.trusted_issuer();
    let before = lts.counts();
    let err = lts.sh_err("license import nope.lic", 3);
    assert_has(&err, &["nope.lic", "no such file"]);
    assert_eq!(lts.counts(), before);
}

#[cfg(unix)]
#[test]
fn import_of_a_symlink_loop_is_a_usage_error_with_a_hint() {
    let lts = Env::new();
    lts.trusted_issuer();
    let (a, b) = (lts.work.join("loop-a.lic"), lts.work.join("loop-b.lic"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let err = lts.sh_err(&format!("license import {}", s(&a)), 2);
    assert_has(&err, &[s(&a), "symbolic links", "hint:", "ls -l"]);
    assert!(!err.contains("os error"), "raw OS text:\n{err}");
    // A directory is no license file either.
    let err = lts.sh_err(&format!("license import {}", s(&lts.work)), 2);
    assert_has(&err, &["is a directory"]);
}

#[test]
fn import_of_several_files_keeps_the_good_ones() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let one = lts.sign(&good_doc("LIC-1"), &key);
    let bad = lts.write_fresh("bad", "lic", "this is not a license\n");
    let two = lts.sign(&good_doc("LIC-2"), &key);
    let line = format!("license import {} {} {}", s(&one), s(&bad), s(&two));
    let out = lts.sh_out(&line);
    expect_code(&out, 5, &[&line]);
    let summary = out.json();
    assert_eq!(summary["imported"], 2, "{summary}");
    assert_eq!(summary["failed"], 1, "{summary}");
    let files = as_array(&summary["files"]);
    let statuses: Vec<&str> = files.iter().map(|f| f["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["imported", "failed", "imported"]);
    assert!(files[0]["error"].is_null());
    assert_has(files[1]["error"]["message"].as_str().unwrap(), &[s(&bad)]);
    assert_has(&out.stderr, &[s(&bad), "1 of 3"]);
    let ids: Vec<Value> = lts.licenses().iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, [json!("LIC-1"), json!("LIC-2")]);
}

#[test]
fn items_not_yet_valid_are_accepted() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let item = Item::per_device("LIC-F-A", 5, now_secs()).period("monthly").valid_days(30, 400);
    lts.sign_and_import(&License::acme("LIC-F", &[item]).render(), &key);
    let status = &lts.licenses()[0]["items"][0]["status"];
    assert_eq!(status, "not-yet-valid");
}

#[test]
fn a_data_dir_that_is_a_file_is_refused() {
    let lts = Env::new();
    let file = lts.write_fresh("not-a-dir", "txt", "hello");
    for command in ["status", "license list", "trust list"] {
        let err = lts.sh_err(&format!("--data-dir {} {command}", s(&file)), 6);
        assert_has(&err, &[s(&file)]);
    }
    assert_eq!(read(&file), b"hello");
    lts.fails(&["--data-dir", "", "status"], 2);
}

#[test]
fn trust_add_of_garbage_is_a_usage_error() {
    let lts = Env::new();
    let garbage = lts.write_fresh("garbage", "pem", "hello, I am not a key\n");
    let err = lts.sh_err(&format!("trust add {}", s(&garbage)), 2);
    assert_has(&err, &[s(&garbage)]);
    let (key, _) = lts.keygen("vendor");
    let err = lts.sh_err(&format!("trust add {}", s(&key)), 2);
    assert_has(&err, &["private key"]);
    assert_eq!(lts.sh("trust list"), json!([]));
    assert_eq!(lts.counts()["trusted_keys"], 0);
}

#[test]
fn trust_list_and_remove() {
    let lts = Env::new();
    let (_, public) = lts.keygen("vendor");
    let added = lts.sh(&format!("trust add {} --name vendor-2026", s(&public)));
    let key_id = added["key_id"].as_str().unwrap().to_string();
    assert_eq!(added["name"], "vendor-2026");
    // Trusting the same key again changes nothing; another --name is not applied, and it says so.
    lts.trust(&public);
    let out = lts.sh_out(&format!("trust add {} --name renamed", s(&public)));
    expect_code(&out, 0, &["trust add --name renamed"]);
    assert_eq!(out.json()["name"], "vendor-2026");
    assert_has(
        &out.stderr,
        &[
            "warning:",
            "kept its name \"vendor-2026\"",
            "--name \"renamed\" was not applied",
            "trust remove",
        ],
    );
    let out = lts.sh_out(&format!("trust add {} --name vendor-2026", s(&public)));
    assert_has(&out.stderr, &["nothing changed"]);
    let list = lts.sh("trust list");
    assert_eq!(as_array(&list).len(), 1);
    assert_eq!(list[0]["key_id"], key_id.as_str());
    let pem = String::from_utf8(read(&public)).unwrap();
    assert_eq!(list[0]["public_key"], pem);
    let err = lts.sh_err("trust remove 0011223344556677", 3);
    assert_has(&err, &["0011223344556677"]);
    assert_eq!(as_array(&lts.sh("trust list")).len(), 1);
    let removed = lts.sh(&format!("trust remove {key_id}"));
    assert_eq!(removed["removed"], key_id.as_str());
    assert_eq!(lts.sh("trust list"), json!([]));
}

#[test]
fn license_remove() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    lts.sign_and_import(&good_doc("LIC-1"), &key);
    let err = lts.sh_err("license remove LIC-NOPE", 3);
    assert_has(&err, &["LIC-NOPE"]);
    assert_eq!(lts.licenses().len(), 1);
    assert_eq!(lts.sh("license remove LIC-1")["removed"], "LIC-1");
    assert!(lts.licenses().is_empty());
    assert_eq!(lts.counts()["items"], 0);
}

#[test]
fn expiring_within_exits_9_when_an_active_item_expires_soon() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let items = [
        Item::per_device("LIC-1-SOON", 5, now_secs()).valid_days(-300, 10),
        Item::per_scan("LIC-1-LATER", 5, now_secs()),
        Item::per_scan("LIC-1-FUTURE", 5, now_secs()).valid_days(5, 20),
    ];
    lts.sign_and_import(&License::acme("LIC-1", &items).render(), &key);
    let line = "license list --expiring-within 30d";
    let out = lts.sh_out(line);
    expect_code(&out, 9, &[line]);
    let list = out.json();
    assert_eq!(as_array(&list).len(), 1);
    assert_eq!(item_ids(&list[0]), ["LIC-1-SOON"]);
    assert_has(&out.stderr, &["ltsctl: warning:", "30d"]);
    // status reports the same item.
    let status = lts.status();
    assert_eq!(status["expiring_soon"][0]["id"], "LIC-1-SOON");
}

#[test]
fn expiring_within_exits_0_when_nothing_expires_soon() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    lts.sign_and_import(&good_doc("LIC-1"), &key);
    let list = lts.sh("license list --expiring-within 30d");
    assert_eq!(list, json!([]));
    lts.sh_err("license list --expiring-within 1M", 2);
}

#[test]
fn status_in_json_table_and_csv() {
    let lts = Env::new();
    let err = lts.sh_err("status", 3);
    assert_has(&err, &["no ltsctl store in", "ltsctl init"]);
    assert!(!lts.data.exists(), "a command that reads creates nothing");
    let init = lts.sh("init");
    assert_eq!(init["created"], true);
    assert_eq!(lts.sh("init")["created"], false, "init twice changes nothing");
    let first = lts.status();
    assert_eq!(first["lts_id"], init["lts_id"]);
    let lts_id = first["lts_id"].as_str().unwrap().to_string();
    assert!(!lts_id.is_empty());
    assert_eq!(lts.lts_id(), lts_id, "lts_id must be stable across runs");
    assert_eq!(first["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(first["target"]["kind"], "local");
    let zero = json!({
        "trusted_keys": 0, "licenses": 0, "items": 0, "handshakes": 0, "active_devices": 0
    });
    assert_eq!(first["counts"], zero);

    let key = lts.trusted_issuer();
    lts.sign_and_import(&good_doc("LIC-1"), &key);
    let counts = lts.counts();
    assert_eq!(counts["trusted_keys"], 1);
    assert_eq!(counts["licenses"], 1);
    assert_eq!(counts["items"], 2);

    let table = lts.sh_out("status -o table");
    expect_code(&table, 0, &["status", "-o", "table"]);
    let text = table.stdout.clone();
    assert_has(&text, &["lts_id", &lts_id]);
    assert!(!text.contains('\u{1b}'), "colour with NO_COLOR:\n{text}");

    let csv_out = lts.sh_out("status -o csv");
    expect_code(&csv_out, 0, &["status", "-o", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let field = |name: &str| {
        let at = headers.iter().position(|h| h == name);
        rows[0][at.unwrap_or_else(|| panic!("no column {name}"))].to_string()
    };
    assert_eq!(field("lts_id"), lts_id);
    assert_eq!(field("licenses"), "1");
}

/// The cells of column `name` of a CSV text.
fn csv_column(text: &str, name: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let at = reader.headers().unwrap().iter().position(|h| h == name);
    let at = at.unwrap_or_else(|| panic!("no column {name} in:\n{text}"));
    reader.records().map(|r| r.unwrap()[at].to_string()).collect()
}

#[test]
fn csv_has_rfc3339_times_and_plain_numbers_and_tables_group_thousands() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    lts.sign_and_import(&good_doc("LIC-1"), &key);
    lts.sh("token create ci --role viewer");
    let rfc3339 = |t: &String| chrono::DateTime::parse_from_rfc3339(t).is_ok();
    let csv = lts.sh_out("license list -o csv").stdout;
    let expires = csv_column(&csv, "expires_at");
    assert!(expires.len() == 2 && expires.iter().all(rfc3339), "{csv}");
    assert_eq!(csv_column(&csv, "quota"), ["25", "10000"], "{csv}");
    let csv = lts.sh_out("trust list -o csv").stdout;
    assert!(csv_column(&csv, "added_at").iter().all(rfc3339), "{csv}");
    let csv = lts.sh_out("token list -o csv").stdout;
    assert!(csv_column(&csv, "created_at").iter().all(rfc3339), "{csv}");
    assert_eq!(csv_column(&csv, "expires_at"), [""], "no expiry is empty, not `-`");
    let csv = lts.sh_out("status -o csv").stdout;
    assert_eq!(csv_column(&csv, "items"), ["2"]);
    // Tables are for people: 10,000 and times to the minute.
    let table = lts.sh_out("license list -o table").stdout;
    assert_has(&table, &["10,000", "LICENSE", "EXPIRES_AT"]);
    assert!(!table.contains("10000"), "{table}");
    let shown = lts.sh_out("license show LIC-1 -o table").stdout;
    assert_has(&shown, &["10,000"]);
}

/// A table on a terminal that reports 0 columns (a pseudo-terminal nobody sized, as `script` makes
/// without a terminal around it) is laid out as off a terminal, not squashed to one character a column.
#[test]
fn a_table_on_a_terminal_without_a_width_is_not_squashed() {
    if !have("script", &["-qec", "true", "/dev/null"]) {
        eprintln!("SKIPPED a_table_on_a_terminal_without_a_width_is_not_squashed: no `script`");
        return;
    }
    let lts = Env::new();
    let key = lts.trusted_issuer();
    lts.sign_and_import(&good_doc("LIC-SQUASH-1"), &key);
    let bin = bin();
    let line = format!("stty cols 0 rows 0; {} --data-dir {} license list", s(&bin), s(&lts.data));
    let out = lts.command_of("script").args(["-qec", &line, "/dev/null"]).output().expect("script");
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(out.status.success(), "{text}");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 3, "one header and one line per item:\n{text}");
    assert!(lines[0].starts_with("LICENSE  "), "{text}");
    assert_has(lines[1], &["LIC-SQUASH-1", "Acme Test Corp", "LIC-SQUASH-1-A", "per-device"]);
    assert_has(lines[2], &["LIC-SQUASH-1-B", "10,000"]);
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let lts = Env::new();
    let err = lts.sh_err("license list --no-such-flag", 2);
    assert_has(&err, &["--no-such-flag"]);
    lts.sh_err("frobnicate", 2);
}

/// The document with its `issued_at` moved `days` from now (a later or earlier issue of it).
fn issued(doc: &str, days: i64) -> String {
    doc.lines()
        .map(|l| {
            if l.starts_with("issued_at = ") {
                format!("issued_at = {}", rfc3339(days_from_now(days)))
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_later_issue_takes_the_stored_ones_place_with_replace() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let code = "216998-100025900";
    let first = License::acme(
        "LIC-RE",
        &[Item::per_scan("LIC-RE-A", 100, now_secs()), Item::per_device("LIC-RE-B", 5, now_secs())],
    )
    .render();
    let f1 = lts.sign(&first, &key);
    lts.ok(&["license", "import", s(&f1), "--handshake", code, "--create"]);
    let later = issued(
        &License::acme(
            "LIC-RE",
            &[
                Item::per_scan("LIC-RE-A", 500, now_secs()),
                Item::per_scan("LIC-RE-C", 10, now_secs()),
            ],
        )
        .render(),
        0,
    );
    let f2 = lts.sign(&later, &key);

    // Without --replace: a conflict whose message says how.
    let err = lts.fails(&["license", "import", s(&f2)], 4);
    assert_has(&err, &["LIC-RE", "already imported from a different file", "--replace"]);
    let summary = lts.ok(&["license", "import", s(&f2), "--replace"]);
    assert_eq!(summary["replaced"], 1, "{summary}");
    assert_eq!(summary["files"][0]["status"], "replaced");
    assert_eq!(summary["files"][0]["dropped"], json!(["LIC-RE-B"]));
    let shown = lts.handshake(code);
    let items = as_array(&shown["items"]);
    assert_eq!(items.len(), 1, "A stays bound, B went, C is not bound: {shown}");
    assert_eq!(
        (items[0]["id"].as_str(), items[0]["quota"].as_u64()),
        (Some("LIC-RE-A"), Some(500))
    );
    let license = lts.ok(&["license", "show", "LIC-RE"]);
    assert_eq!(item_ids(&license), ["LIC-RE-A", "LIC-RE-C"]);
    // The earlier issue does not come back, with or without --replace.
    let err = lts.fails(&["license", "import", s(&f1), "--replace"], 4);
    assert_has(&err, &["not later"]);
    lts.fails(&["license", "import", s(&f1)], 4);
    let audit = lts.ok(&["audit", "list"]);
    let entry = as_array(&audit)
        .into_iter()
        .find(|e| e["action"] == "license.import" && e["result"] == "ok" && !e["detail"].is_null())
        .expect("the replacement's audit entry");
    assert_eq!(entry["detail"], "replaced by a later issue; dropped item(s) LIC-RE-B");
}

/// A mistyped `--data-dir` is an error naming the path for every command that only reads (or changes
/// what exists), and creates nothing: `license list --expiring-within` no longer answers `[]` and exit 0
/// from an empty store it just made.
#[test]
fn commands_that_do_not_add_to_a_store_never_create_one() {
    let lts = Env::new();
    let typo = lts.root.join("typo").join("data");
    let typo_s = typo.to_str().unwrap().to_string();
    let backup = lts.root.join("b.db");
    let lines: &[&[&str]] = &[
        &["status"],
        &["license", "list"],
        &["license", "list", "--expiring-within", "30d"],
        &["license", "show", "LIC-1"],
        &["license", "remove", "LIC-1", "--force"],
        &["trust", "list"],
        &["handshake", "list"],
        &["handshake", "show", "216998-100025900"],
        &["handshake", "delete", "216998-100025900", "--force"],
        &["devices", "list", "--inactive-for", "90d"],
        &["devices", "show", "dev-1"],
        &["devices", "unregister", "dev-1"],
        &["usage"],
        &["audit", "list"],
        &["token", "list"],
        &["token", "revoke", "alice"],
        &["sweep"],
        &["backup", backup.to_str().unwrap()],
    ];
    for args in lines {
        let mut full = vec!["--data-dir", typo_s.as_str()];
        full.extend_from_slice(args);
        let err = lts.fails(&full, 3);
        assert_has(&err, &["no ltsctl store in", &typo_s, "ltsctl init"]);
        assert!(!typo.exists(), "{args:?} created {}", typo.display());
    }
    assert!(!backup.exists());
    // The commands that add to a store create it; so does `init`.
    let key = lts.trusted_issuer();
    assert!(lts.data.join("ltsctl.db").is_file());
    lts.sign_and_import(&good_doc("LIC-1"), &key);
    let fresh = lts.root.join("fresh");
    lts.ok(&["--data-dir", fresh.to_str().unwrap(), "init"]);
    assert!(fresh.join("ltsctl.db").is_file());
}

/// What a user meets when the store is not what it should be: a damaged file, and a store locked by
/// another process past the 10 s busy timeout. Each has its documented kind, exit code and a hint.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_or_locked_store_says_so_with_its_exit_code() {
    use sqlx::Connection;
    let lts = Env::new();
    lts.ok(&["init"]);
    let db = lts.data.join("ltsctl.db");
    // Locked: another process holds the write lock.
    let mut holder =
        sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display())).await.expect("open");
    sqlx::query("BEGIN EXCLUSIVE").execute(&mut holder).await.expect("lock");
    let err = lts.fails(&["handshake", "create", "216998-100025900"], 11);
    assert_has(&err, &["locked", "hint:", "retry"]);
    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    holder.close().await.unwrap();
    lts.ok(&["handshake", "create", "216998-100025900"]);
    // Damaged: not an SQLite database at all.
    for f in ["ltsctl.db-wal", "ltsctl.db-shm"] {
        let _ = std::fs::remove_file(lts.data.join(f));
    }
    std::fs::write(&db, vec![0x5au8; 8192]).unwrap();
    let err = lts.fails(&["status"], 12);
    assert_has(&err, &["ltsctl.db", "damaged", "hint:", "ltsctl restore"]);
    assert!(!err.contains("permission denied"), "{err}");
}

/// Once the renewal is in (same product and option, bound to the same codes, valid before the old item
/// expires), the expiry no longer fails the CI check, and the listing says which item covers which.
#[test]
fn an_expiry_covered_by_a_bound_renewal_is_not_attention() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let code = "216998-100025900";
    let old = [Item::per_device("LIC-OLD-A", 5, now_secs()).valid_days(-300, 10)];
    let f = lts.sign(&License::acme("LIC-OLD", &old).render(), &key);
    lts.ok(&["license", "import", s(&f), "--handshake", code, "--create"]);
    let line = "license list --expiring-within 30d";
    expect_code(&lts.sh_out(line), 9, &[line]);

    // The renewal imported but not bound to the code: its devices would find nothing. Still exit 9.
    let renewal = [Item::per_device("LIC-NEW-A", 5, now_secs()).valid_days(5, 375)];
    let f = lts.sign(&License::acme("LIC-NEW", &renewal).render(), &key);
    lts.ok(&["license", "import", s(&f)]);
    let out = lts.sh_out(line);
    expect_code(&out, 9, &[line]);
    assert_eq!(out.json()[0]["items"][0]["covered_by"], Value::Null);
    assert_has(&out.stderr, &["1 item(s) expire within 30d with nothing to take over"]);

    // Bound: covered, exit 0, and the listing names the renewal.
    lts.ok(&["handshake", "bind", code, "LIC-NEW-A"]);
    let out = lts.sh_out(line);
    expect_code(&out, 0, &[line]);
    let list = out.json();
    assert_eq!(item_ids(&list[0]), ["LIC-OLD-A"]);
    assert_eq!(list[0]["items"][0]["covered_by"], "LIC-NEW-A");
    assert_has(&out.stderr, &["covered by a renewal"]);
    let table = lts.sh_out("license list --expiring-within 30d -o table");
    assert_has(&table.stdout, &["COVERED_BY", "LIC-NEW-A"]);
    assert_eq!(lts.ok(&["license", "show", "LIC-OLD"])["items"][0]["covered_by"], "LIC-NEW-A");
    // Another, uncovered expiry makes it attention again, and says how many are covered.
    let other = [Item::per_scan("LIC-SCAN-A", 100, now_secs()).valid_days(-300, 12)];
    let f = lts.sign(&License::acme("LIC-SCAN", &other).render(), &key);
    lts.ok(&["license", "import", s(&f), "--handshake", code]);
    let out = lts.sh_out(line);
    expect_code(&out, 9, &[line]);
    assert_has(
        &out.stderr,
        &["1 item(s) expire within 30d with nothing to take over (1 more are covered by renewals)"],
    );
}
