//! Issue "Handshake codes": create/list/show, binding items in consumption order, `license import
//! --handshake`, settings, domains, the session password and delete, driven through the `ltsctl` binary.

use std::path::{Path, PathBuf};

use crate::util::*;
use serde_json::{Value, json};

const CODE: &str = "216998-100025900";

/// An LTS with a trusted issuer key (returned) and the code `CODE` created.
fn setup() -> (Env, PathBuf) {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    lts.sh(&format!("handshake create {CODE}"));
    (lts, key)
}

fn import(lts: &Env, key: &Path, id: &str, items: &[Item]) {
    lts.sign_and_import(&License::acme(id, items).render(), key);
}

/// `handshake <rest>` on `CODE`, e.g. `hs(&lts, "bind", "A B")`.
#[track_caller]
fn hs(lts: &Env, command: &str, rest: &str) -> Value {
    lts.sh(&format!("handshake {command} {CODE} {rest}"))
}

#[track_caller]
fn hs_err(lts: &Env, command: &str, rest: &str, code: i32) -> String {
    lts.sh_err(&format!("handshake {command} {CODE} {rest}"), code)
}

/// One item of a code's show JSON, by id.
#[track_caller]
fn item<'a>(view: &'a Value, id: &str) -> &'a Value {
    let items = view["items"].as_array().unwrap();
    let found = items.iter().find(|i| i["id"] == id);
    found.unwrap_or_else(|| panic!("no item {id} in {view}"))
}

#[test]
fn create_shows_the_defaults_and_refuses_a_second_create() {
    let lts = Env::new();
    let args = ["handshake", "create", CODE, "--name", "Warehouse app"];
    let view = lts.ok(&args);
    assert_eq!(view["code"], CODE);
    assert_eq!(view["name"], "Warehouse app");
    assert_eq!(view["offline_grace"], "7d");
    assert_eq!(view["offline_grace_seconds"], 604_800);
    assert_eq!(view["refresh_interval"], Value::Null);
    assert_eq!(view["refresh_interval_seconds"], Value::Null);
    assert_eq!(view["overuse_percent"], Value::Null);
    assert_eq!(view["password_set"], false);
    assert_eq!(view["order"], "expiry");
    assert_eq!(view["domains"], json!([]));
    assert_eq!(view["items"], json!([]));
    assert_eq!(lts.handshake(CODE), view);

    let err = hs_err(&lts, "create", "", 4);
    assert_has(&err, &[CODE, "already exists"]);
    assert_eq!(lts.handshake(CODE), view);
    assert_eq!(lts.counts()["handshakes"], 1);
}

#[test]
fn create_refuses_invalid_codes() {
    let lts = Env::new();
    let long = "a".repeat(65);
    for code in ["ab", "-abc", long.as_str(), "a b c", "abc/def"] {
        // `--` so that `-abc` reaches the code check instead of clap's flag parsing.
        let err = lts.fails(&["handshake", "create", "--", code], 2);
        assert_has(&err, &["handshake code", "[A-Za-z0-9]"]);
    }
    // Without `--`, `-abc` is an unknown flag to clap: still a usage error.
    lts.sh_err("handshake create -abc", 2);
    assert_eq!(lts.sh("handshake list"), json!([]));
    // The limits themselves are fine.
    lts.sh("handshake create abc");
    lts.sh(&format!("handshake create {}", "a".repeat(64)));
}

#[test]
fn list_and_show_unknown() {
    let lts = Env::new();
    lts.sh("handshake create zeta-code");
    lts.sh("handshake create alpha-code");
    let list = as_array(&lts.sh("handshake list"));
    let codes: Vec<&str> = list.iter().map(|h| h["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["alpha-code", "zeta-code"]);
    let err = lts.sh_err("handshake show no-such-code", 3);
    assert_has(&err, &["no-such-code", "hint:"]);
}

#[test]
fn bound_items_are_consumed_soonest_expiry_first_until_ordered_explicitly() {
    let (lts, key) = setup();
    let items = [
        Item::per_device("A", 10, now_secs()).valid_days(-1, 300),
        Item::per_device("B", 10, now_secs()).valid_days(-1, 100),
        Item::per_device("C", 10, now_secs()).valid_days(-1, 200),
        Item::per_device("D", 10, now_secs()).valid_days(-1, 50),
    ];
    import(&lts, &key, "LIC-1", &items);
    let view = hs(&lts, "bind", "A B");
    assert_eq!(item_ids(&view), ["B", "A"]);
    assert_eq!(view["items"][0]["position"], 1);
    assert_eq!(view["items"][1]["position"], 2);
    hs(&lts, "bind", "C");
    assert_eq!(lts.handshake_items(CODE), ["B", "C", "A"]);
    let licenses = lts.licenses();
    assert_eq!(licenses[0]["items"][0]["handshakes"], json!([CODE]));

    let view = hs(&lts, "order", "A B C");
    assert_eq!(view["order"], "explicit");
    assert_eq!(lts.handshake_items(CODE), ["A", "B", "C"]);
    // New binds append to an explicit order, even when they expire sooner.
    hs(&lts, "bind", "D");
    assert_eq!(lts.handshake_items(CODE), ["A", "B", "C", "D"]);
    assert_eq!(lts.handshake(CODE)["order"], "explicit");

    // --expiry goes back: soonest expiry first, later binds included.
    let view = hs(&lts, "order", "--expiry");
    assert_eq!(view["order"], "expiry");
    assert_eq!(item_ids(&view), ["D", "B", "C", "A"]);
    let audit = lts.sh("audit list --limit 1");
    assert_eq!(audit[0]["action"], "handshake.order");
    assert_eq!(audit[0]["target"], format!("{CODE} by expiry"));
    let out = lts.sh_out(&format!("handshake order {CODE} --expiry -o table"));
    assert_has(&out.stderr, &["soonest expiry first"]);
    // Items and --expiry contradict each other; one of them is needed; the code must exist.
    let err = hs_err(&lts, "order", "A B C D --expiry", 2);
    assert_has(&err, &["--expiry"]);
    hs_err(&lts, "order", "", 2);
    lts.sh_err("handshake order no-such-code --expiry", 3);
}

#[test]
fn order_must_name_every_bound_item_exactly_once() {
    let (lts, key) = setup();
    let items = ["A", "B", "C"].map(|id| Item::per_scan(id, 5, now_secs()));
    import(&lts, &key, "LIC-1", &items);
    hs(&lts, "bind", "A B");
    let before = lts.handshake(CODE);
    for order in ["A", "A B C", "A A", "A B B"] {
        let err = hs_err(&lts, "order", order, 2);
        assert_has(&err, &["A, B"]);
        assert_eq!(lts.handshake(CODE), before, "{order}");
    }
    lts.sh_err("handshake order no-such-code A", 3);
}

#[test]
fn bind_refuses_duplicates_and_unknown_items_without_partial_changes() {
    let (lts, key) = setup();
    let items = [Item::per_scan("A", 5, now_secs()), Item::per_scan("B", 5, now_secs())];
    import(&lts, &key, "LIC-1", &items);
    hs(&lts, "bind", "A");
    let before = lts.handshake(CODE);

    let err = hs_err(&lts, "bind", "A", 4);
    assert_has(&err, &["A", "already bound"]);
    // B would be fine, A is already bound: the whole bind is refused.
    hs_err(&lts, "bind", "B A", 4);
    assert_eq!(lts.handshake(CODE), before);

    let err = hs_err(&lts, "bind", "B NOPE", 3);
    assert_has(&err, &["NOPE"]);
    assert_eq!(lts.handshake(CODE), before);

    lts.sh_err("handshake bind no-such-code B", 3);
    let b = &lts.licenses()[0]["items"][1];
    assert_eq!(b["handshakes"], json!([]));
}

#[test]
fn binding_an_expired_item_is_refused() {
    let (lts, key) = setup();
    let items = [
        Item::per_scan("OLD", 5, now_secs()).valid_days(-100, -1),
        Item::per_scan("NEW", 5, now_secs()),
    ];
    import(&lts, &key, "LIC-1", &items);
    let err = hs_err(&lts, "bind", "OLD", 4);
    assert_has(&err, &["OLD", "expired"]);
    hs_err(&lts, "bind", "NEW OLD", 4);
    assert!(lts.handshake_items(CODE).is_empty());
    hs(&lts, "bind", "NEW");
    assert_eq!(lts.handshake_items(CODE), ["NEW"]);
    let old = &lts.licenses()[0]["items"][0];
    assert_eq!(old["status"], "expired");
}

#[test]
fn binding_a_revoked_item_or_a_revocation_item_is_refused() {
    let (lts, key) = setup();
    let items = [Item::per_device("X", 10, now_secs()), Item::per_scan("Y", 5, now_secs())];
    import(&lts, &key, "LIC-1", &items);
    hs(&lts, "bind", "Y");
    let revocation = Item::per_device("R", 1, now_secs()).revokes("X");
    import(&lts, &key, "LIC-2", &[revocation]);
    let before = lts.handshake(CODE);
    let err = hs_err(&lts, "bind", "X", 4);
    assert_has(&err, &["X", "revoked", "R"]);
    let err = hs_err(&lts, "bind", "R", 4);
    assert_has(&err, &["R", "revokes X"]);
    assert_eq!(lts.handshake(CODE), before);
    let x = &lts.sh("license show LIC-1")["items"][0];
    assert_eq!(x["status"], "revoked");
    assert_eq!(x["revoked_by"], "R");
}

#[test]
fn items_of_different_products_may_share_a_code() {
    let (lts, key) = setup();
    let items = [
        Item::per_scan("A", 5, now_secs()),
        Item::per_scan("B", 5, now_secs()).product("document-scanner"),
    ];
    import(&lts, &key, "LIC-1", &items);
    let view = hs(&lts, "bind", "A B");
    assert_eq!(item(&view, "A")["product"], "barcode-reader");
    assert_eq!(item(&view, "B")["product"], "document-scanner");
}

#[test]
fn unbind() {
    let (lts, key) = setup();
    let items = [Item::per_scan("A", 5, now_secs()), Item::per_scan("B", 5, now_secs())];
    import(&lts, &key, "LIC-1", &items);
    hs(&lts, "bind", "A B");
    let view = hs(&lts, "unbind", "A");
    assert_eq!(item_ids(&view), ["B"]);
    let err = hs_err(&lts, "unbind", "A", 3);
    assert_has(&err, &["A", "not bound"]);
    // B is bound, A is not: nothing is unbound.
    hs_err(&lts, "unbind", "B A", 3);
    assert_eq!(lts.handshake_items(CODE), ["B"]);
    lts.sh_err("handshake unbind no-such-code B", 3);
    // Removing the license takes its items off every code.
    lts.sh("license remove LIC-1");
    assert!(lts.handshake_items(CODE).is_empty());
}

#[test]
fn import_with_handshake_binds_the_bindable_items_and_is_repeatable() {
    let (lts, key) = setup();
    let items = [
        Item::per_device("A", 10, now_secs()).valid_days(-1, 200),
        Item::per_scan("OLD", 5, now_secs()).valid_days(-100, -1),
        Item::per_scan("LATER", 5, now_secs()).valid_days(10, 100),
    ];
    let lic = lts.sign(&License::acme("LIC-1", &items).render(), &key);
    let line = format!("license import {} --handshake {CODE}", s(&lic));
    let summary = lts.sh(&line);
    let report = &summary["files"][0];
    assert_eq!(report["status"], "imported");
    assert_eq!(report["handshake"], CODE);
    assert_eq!(report["bound"], json!(["A", "LATER"]));
    assert_eq!(lts.handshake_items(CODE), ["LATER", "A"]);

    assert_eq!(report["already_bound"], json!([]));
    let table = lts.sh_out(&format!("{line} -o table")).stdout;
    assert_has(&table, &["already bound to"]);
    assert!(!table.contains("bound 2 item(s)"), "{table}");

    let before = lts.handshake(CODE);
    let again = lts.sh(&line);
    assert_eq!(again["files"][0]["status"], "unchanged");
    assert_eq!(again["files"][0]["already_bound"], json!(["A", "LATER"]));
    assert_eq!(lts.handshake(CODE)["items"], before["items"]);
    assert_eq!(lts.licenses().len(), 1);
    // The same file for another code binds its items there for the first time.
    lts.sh("handshake create other-code");
    let other = format!("license import {} --handshake other-code -o table", s(&lic));
    assert_has(&lts.sh_out(&other).stdout, &["bound 2 item(s) to other-code"]);
}

#[test]
fn import_with_an_unknown_handshake_imports_nothing() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let doc = License::acme("LIC-1", &[Item::per_scan("A", 5, now_secs())]).render();
    let lic = lts.sign(&doc, &key);
    let before = lts.counts();
    let line = format!("license import {} --handshake", s(&lic));
    let err = lts.sh_err(&format!("{line} no-such-code"), 3);
    assert_has(&err, &["no-such-code", "--create"]);
    assert!(lts.licenses().is_empty());
    assert_eq!(lts.counts(), before);
    lts.sh_err(&format!("{line} ab --create"), 2);
    assert!(lts.licenses().is_empty());
    assert_eq!(lts.counts(), before);
}

#[test]
fn import_with_create_makes_the_code() {
    let lts = Env::new();
    let key = lts.trusted_issuer();
    let doc = License::acme("LIC-1", &[Item::per_scan("A", 5, now_secs())]).render();
    let lic = lts.sign(&doc, &key);
    lts.sh_err(&format!("license import {} --create", s(&lic)), 2);
    let line = format!("license import {} --handshake new-code --create", s(&lic));
    assert_eq!(lts.sh(&line)["files"][0]["bound"], json!(["A"]));
    let view = lts.handshake("new-code");
    assert_eq!(view["offline_grace"], "7d");
    assert_eq!(view["order"], "expiry");
    assert_eq!(item_ids(&view), ["A"]);
    assert_eq!(lts.sh(&line)["files"][0]["status"], "unchanged");
    assert_eq!(lts.handshake_items("new-code"), ["A"]);
}

#[test]
fn set_refresh_interval_offline_grace_and_overuse() {
    let (lts, key) = setup();
    let items = [Item::per_device("DEV", 50, now_secs()), Item::per_scan("SCAN", 1000, now_secs())];
    import(&lts, &key, "LIC-1", &items);
    hs(&lts, "bind", "DEV SCAN");

    let view = hs(&lts, "set", "--refresh-interval 90d");
    assert_eq!(view["refresh_interval"], "90d");
    assert_eq!(view["refresh_interval_seconds"], 7_776_000);
    for id in ["DEV", "SCAN"] {
        assert_eq!(item(&view, id)["refresh_interval"], "90d");
        assert_eq!(item(&view, id)["refresh_interval_seconds"], 7_776_000);
    }
    let view = hs(&lts, "set", "--offline-grace 3d");
    assert_eq!(view["offline_grace"], "3d");
    assert_eq!(view["offline_grace_seconds"], 259_200);
    assert_eq!(view["refresh_interval"], "90d");

    // Defaults first: 10% for per-device, 5% for per-scan.
    assert_eq!(item(&view, "DEV")["limit"], 55);
    assert_eq!(item(&view, "SCAN")["limit"], 1050);
    let view = hs(&lts, "set", "--overuse 20");
    assert_eq!(view["overuse_percent"], 20);
    assert_eq!(item(&view, "DEV")["limit"], 60);
    assert_eq!(item(&view, "SCAN")["limit"], 1200);
    assert_eq!(item(&view, "DEV")["quota"], 50);

    let view = hs(&lts, "set", "--default-refresh-interval");
    assert_eq!(view["refresh_interval"], Value::Null);
    assert_eq!(view["refresh_interval_seconds"], Value::Null);
    assert_eq!(item(&view, "DEV")["refresh_interval"], "365d");
    assert_eq!(item(&view, "SCAN")["refresh_interval"], "366d");
    assert_eq!(view["offline_grace"], "3d");
    let view = hs(&lts, "set", "--default-overuse");
    assert_eq!(view["overuse_percent"], Value::Null);
    assert_eq!(item(&view, "DEV")["limit"], 55);
}

#[test]
fn set_refuses_bad_values_and_changes_nothing() {
    let (lts, _) = setup();
    hs(&lts, "set", "--refresh-interval 30d");
    let before = lts.handshake(CODE);
    for flag in ["--refresh-interval", "--offline-grace"] {
        for value in ["30s", "3651d", "0d", "-5d", "soon", "1M"] {
            // `--flag=value` so that `-5d` reaches the duration parser.
            let err = hs_err(&lts, "set", &format!("{flag}={value}"), 2);
            assert_has(&err, &[value]);
            assert_eq!(lts.handshake(CODE), before, "{flag}={value}");
        }
    }
    assert_has(&hs_err(&lts, "set", "--overuse 101", 2), &["101"]);
    assert_has(&hs_err(&lts, "set", "", 2), &["nothing to change"]);
    let both = "--refresh-interval 9d --default-refresh-interval";
    hs_err(&lts, "set", both, 2);
    assert_eq!(lts.handshake(CODE), before);
    lts.sh_err("handshake set no-such-code --offline-grace 3d", 3);
    // The same bounds apply when creating a code.
    lts.sh_err("handshake create other-code --offline-grace 30s", 2);
    lts.sh_err("handshake create other-code --overuse 101", 2);
    assert_eq!(lts.counts()["handshakes"], 1);
    // The bounds themselves are accepted.
    hs(&lts, "set", "--refresh-interval 1m --offline-grace 3650d");
    hs(&lts, "set", "--refresh-interval 3650d --offline-grace 1m");
    hs(&lts, "set", "--overuse 100");
    assert_eq!(hs(&lts, "set", "--overuse 0")["overuse_percent"], 0);
}

#[test]
fn each_item_shows_its_default_refresh_interval() {
    let (lts, key) = setup();
    let items = [
        Item::per_device("YEARLY", 10, now_secs()),
        Item::per_device("QUARTERLY", 10, now_secs()).period("quarterly"),
        Item::per_device("MONTHLY", 10, now_secs()).period("monthly"),
        Item::per_device("DAILY", 10, now_secs()).period("daily"),
        Item::per_concurrent("CONCURRENT", 10, now_secs()),
        Item::per_scan("SCAN", 1000, now_secs()),
    ];
    import(&lts, &key, "LIC-1", &items);
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    let view = hs(&lts, "bind", &ids.join(" "));
    let expected = [
        ("YEARLY", "365d", 365 * 86_400, 11),
        ("QUARTERLY", "90d", 90 * 86_400, 11),
        ("MONTHLY", "30d", 30 * 86_400, 11),
        ("DAILY", "1d", 86_400, 11),
        ("CONCURRENT", "3m", 180, 10),
        ("SCAN", "366d", 366 * 86_400, 1050),
    ];
    for (id, interval, seconds, limit) in expected {
        let i = item(&view, id);
        assert_eq!(i["refresh_interval"], interval, "{id}");
        assert_eq!(i["refresh_interval_seconds"], seconds, "{id}");
        assert_eq!(i["limit"], limit, "{id}");
    }
}

#[test]
fn domains_are_normalised_and_vetted() {
    let (lts, _) = setup();
    let add = |domains: &str, code: i32| {
        let line = format!("handshake domains add {CODE} {domains}");
        if code == 0 {
            lts.sh(&line);
            return String::new();
        }
        lts.sh_err(&line, code)
    };
    add("Example.COM bücher.example *.example.org acme.github.io", 0);
    let expected =
        json!(["*.example.org", "acme.github.io", "example.com", "xn--bcher-kva.example"]);
    let listed = lts.sh(&format!("handshake domains list {CODE}"));
    assert_eq!(listed["domains"], expected);
    assert_eq!(lts.handshake(CODE)["domains"], expected);

    let bad_domains = [
        "com",
        "co.uk",
        "github.io",
        "force.com",
        "*.github.io",
        "https://example.com",
        "example.com:443",
    ];
    for bad in bad_domains {
        assert_has(&add(bad, 2), &[bad]);
    }
    assert_has(&add("example.com", 4), &["example.com", "already bound"]);
    add("EXAMPLE.com", 4);
    // One bad domain among several: none is added.
    add("shop.example.net co.uk", 2);
    add("shop.example.net example.com", 4);
    assert_eq!(lts.handshake(CODE)["domains"], expected);

    let remove = format!("handshake domains remove {CODE}");
    let err = lts.sh_err(&format!("{remove} unbound.example.net"), 3);
    assert_has(&err, &["unbound.example.net"]);
    // Any spelling of a bound domain removes it.
    let left = lts.sh(&format!("{remove} EXAMPLE.COM BÜCHER.example"));
    assert_eq!(left["domains"], json!(["*.example.org", "acme.github.io"]));
    lts.sh_err("handshake domains add no-such-code example.com", 3);
}

#[test]
fn password_is_read_from_stdin_and_never_shown() {
    let (lts, _) = setup();
    let secret = "hunter2-Very-Secret";
    let args = ["handshake", "password", "set", CODE, "--password-stdin"];
    let set = lts.run_stdin(&args, Some(&format!("{secret}\n")));
    expect_code(&set, 0, &["handshake", "password", "set"]);
    let expected = json!({"code": CODE, "password_set": true});
    assert_eq!(set.json(), expected);
    let mut outputs = vec![set];
    let show = format!("handshake show {CODE}");
    for line in [&show, "handshake list", "status"] {
        outputs.push(lts.sh_out(line));
    }
    for format in ["table", "csv"] {
        let out = lts.sh_out(&format!("{show} -o {format}"));
        expect_code(&out, 0, &[&show, format]);
        outputs.push(out);
    }
    assert_eq!(lts.handshake(CODE)["password_set"], true);
    for out in &outputs {
        let all = out.stdout.clone() + &out.stderr;
        assert!(!all.contains("hunter2"), "password shown:\n{all}");
    }
    // Not stored in plain text either.
    for entry in std::fs::read_dir(&lts.data).unwrap() {
        let bytes = read(&entry.unwrap().path());
        let plain = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
        assert!(!plain, "the password is stored in plain text");
    }
    let cleared = hs(&lts, "password clear", "");
    assert_eq!(cleared["password_set"], false);
    assert_eq!(lts.handshake(CODE)["password_set"], false);
}

#[test]
fn password_set_refuses_empty_stdin_missing_tty_and_command_line_passwords() {
    let (lts, _) = setup();
    let with_stdin = |code: &str, input: &str| {
        let args = ["handshake", "password", "set", code, "--password-stdin"];
        lts.run_stdin(&args, Some(input))
    };
    for input in ["", "\n"] {
        let out = with_stdin(CODE, input);
        expect_code(&out, 2, &["password set --password-stdin", input]);
        assert_has(&out.stderr, &["empty"]);
    }
    // Fewer than 8 characters (not bytes): refused, nothing set.
    for input in ["hunter2\n", "ünïcödé\n"] {
        let out = with_stdin(CODE, input);
        expect_code(&out, 2, &["password set --password-stdin", input]);
        assert_has(&out.stderr, &["7 character(s)", "at least 8"]);
    }
    assert_eq!(lts.handshake(CODE)["password_set"], false);
    let err = hs_err(&lts, "password set", "", 2);
    assert_has(&err, &["hint:", "--password-stdin"]);
    // clap names the unexpected argument.
    assert_has(&hs_err(&lts, "password set", "hunter2", 2), &["hunter2"]);
    assert_eq!(lts.handshake(CODE)["password_set"], false);
    let out = with_stdin("no-such-code", "x\n");
    expect_code(&out, 3, &["password set no-such-code"]);
}

#[test]
fn delete() {
    let (lts, key) = setup();
    import(&lts, &key, "LIC-1", &[Item::per_scan("A", 5, now_secs())]);
    hs(&lts, "bind", "A");
    let err = lts.sh_err("handshake delete no-such-code", 3);
    assert_has(&err, &["no-such-code"]);
    assert_eq!(hs(&lts, "delete", "")["deleted"], CODE);
    lts.sh_err(&format!("handshake show {CODE}"), 3);
    assert_eq!(lts.sh("handshake list"), json!([]));
    // The items stay with their license, now bound to nothing.
    let items = &lts.licenses()[0]["items"];
    assert_eq!(items[0]["id"], "A");
    assert_eq!(items[0]["handshakes"], json!([]));
}
