//! Issue "Production deployment": `serve --config` (flags over the file over defaults; unknown keys
//! warned with their line, bad values and inline secrets refused with exit 2 naming the key),
//! `--print-config`, `config init --serve`, `--log-format json`, and the admin token of `serve --dev`.

use std::time::Duration;

use serde_json::Value;

use crate::util::*;

#[test]
fn print_config_shows_flags_over_the_file_over_defaults_with_the_password_masked() {
    let lts = Env::with_issuer();
    let url_file = lts.write("database-url", "postgres://lts:hunter2@db.internal/lts\n");
    let config = lts.write(
        "serve.toml",
        format!(
            "listen = \"0.0.0.0:8443\"\nrate_limit = 50\ndatabase_url_file = {:?}\n\
             trusted_proxies = [\"127.0.0.1\"]\n",
            url_file.display().to_string()
        ),
    );
    let cfg = config.to_string_lossy().to_string();
    // No store flag here: the file's database is the store.
    let plain = lts.on(&Target::none());
    // `-o table`: the text form (the tests' stdout is no terminal, where JSON is the default).
    let out = plain.run(&[
        "-o",
        "table",
        "serve",
        "--config",
        &cfg,
        "--rate-limit",
        "7",
        "--print-config",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = &out.stdout;
    assert!(text.contains("listen = \"0.0.0.0:8443\"  # "), "{text}");
    assert!(text.contains("serve.toml:1"), "{text}");
    assert!(text.contains("rate_limit = 7  # --rate-limit"), "{text}");
    assert!(text.contains("trusted_proxies = [\"127.0.0.1/32\"]"), "{text}");
    assert!(text.contains("log_format = \"text\"  # default"), "{text}");
    assert!(text.contains("database_url = \"postgres://lts:****@db.internal/lts\""), "{text}");
    assert!(!format!("{}{}", out.stdout, out.stderr).contains("hunter2"));

    // -o json: one document; the environment variable names the file as well as --config does.
    let json =
        plain.env("LTSCTL_SERVE_CONFIG", &config).ok(&["-o", "json", "serve", "--print-config"]);
    assert_eq!(json["settings"]["rate_limit"], 50);
    assert_eq!(json["settings"]["listen"], "0.0.0.0:8443");
    assert_eq!(json["sources"]["rate_limit"], format!("{cfg}:2"));
    assert_eq!(json["settings"]["access_log"], false);
    assert!(!json.to_string().contains("hunter2"), "{json}");
}

#[test]
fn unknown_keys_are_warned_with_their_line_and_the_server_starts() {
    let lts = Env::with_issuer();
    let config = lts.write("serve.toml", "rate_limit = 0\n\nrate_limt = 5\n");
    let server = lts.serve(&["--config", &config.to_string_lossy()]);
    let log = server.wait_for_log("unknown key");
    assert!(log.contains("serve.toml:3: unknown key `rate_limt` (ignored)"), "{log}");
}

#[test]
fn bad_values_and_inline_secrets_are_refused_naming_the_key() {
    let lts = Env::with_issuer();
    let cases = [
        (
            "\ntrusted_proxies = [\"10.0.0.0/33\"]\n",
            ".toml:2: `trusted_proxies` has a bad entry: `10.0.0.0/33` is not an IP address or CIDR range",
        ),
        ("log_format = \"xml\"\n", "`log_format` must be \"text\" or \"json\""),
        ("rate_limit = -5\n", "`rate_limit` must be a whole number"),
        ("smtp_password = \"hunter2\"\n", ".toml:1: `smtp_password` holds a secret inline"),
        (
            "database_url = \"postgres://lts:hunter2@db/lts\"\n",
            "`database_url` holds a password inline",
        ),
        ("listen = [1, 2\n", ".toml:1: not valid TOML"),
    ];
    for (text, want) in cases {
        let config = lts.write_fresh("serve", "toml", text);
        let err = lts.fails(&["serve", "--config", &config.to_string_lossy()], 2);
        assert!(err.contains(want), "{text:?}:\n{err}");
        assert!(!err.contains("hunter2"), "{err}");
        if want.contains("inline") {
            assert!(err.contains("hint:") && err.contains("_file"), "{err}");
        }
    }
    let err = lts.fails(&["serve", "--config", &lts.work.join("nope.toml").to_string_lossy()], 3);
    assert!(err.contains("nope.toml: no such file"), "{err}");
}

#[test]
fn config_init_serve_prints_and_writes_an_example_that_loads_clean() {
    let lts = Env::with_issuer();
    // Printed as the file it is whatever the output format (like `completions`), for `> serve.toml`.
    let out = lts.run(&["config", "init", "--serve"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("# trusted_proxies = "), "{}", out.stdout);
    let path = lts.work.join("serve.toml");
    lts.ok(&["config", "init", "--serve", &path.to_string_lossy()]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), out.stdout);
    lts.fails(&["config", "init", "--serve", &path.to_string_lossy()], 4);
    let printed =
        lts.run(&["-o", "table", "serve", "--config", &path.to_string_lossy(), "--print-config"]);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    assert!(printed.stderr.is_empty(), "{}", printed.stderr);
    assert!(printed.stdout.contains("rate_limit = 20  # default"), "{}", printed.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_logs_are_one_object_per_line_with_the_text_logs_fields() {
    let lts = Env::with_items(&[Item::per_device("LIC-JSON", 10, now_secs())]);
    let config = lts.write("serve.toml", "log_format = \"json\"\nunknown_thing = 1\n");
    let mut server = lts.here().env("LTSCTL_LOG", "info").serve(&[
        "--config",
        &config.to_string_lossy(),
        "--access-log",
        "--trusted-proxy",
        "127.0.0.1/32",
    ]);
    ok(server.api().authorize_via(CODE, "json-1", &[("X-Forwarded-For", "203.0.113.5")]).await);
    let (status, _) = server.api().post_raw("/v1/authorize", "text/plain", vec![]).await;
    assert_eq!(status, 415);
    server.wait_for_log("415");
    server.terminate();
    let lines = json_lines(&server.stderr_text());
    for line in &lines {
        for field in ["timestamp", "level", "target", "message"] {
            assert!(line.get(field).is_some(), "no {field}: {line}");
        }
    }
    let access: Vec<&Value> = lines.iter().filter(|l| l["target"] == "ltsctl::access").collect();
    assert_eq!(access.len(), 2, "{lines:?}");
    assert_eq!(access[0]["client"], "203.0.113.5");
    assert_eq!(access[0]["status"], 200);
    assert_eq!(access[0]["path"], "/v1/authorize");
    assert_eq!(access[1]["status"], 415);
    assert!(
        lines.iter().any(|l| l["level"] == "WARN"
            && l["message"].as_str().unwrap_or("").contains("unknown key `unknown_thing`")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l["message"] == "shutting down: finishing in-flight requests"),
        "{lines:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dev_server_prints_an_admin_token_that_works_with_server() {
    let lts = Env::new();
    let mut cmd = lts.command();
    cmd.args(["serve", "--dev", "--listen", "127.0.0.1:0"]).env("LTSCTL_LOG", "debug");
    let server = lts.launch(cmd);
    let banner = server.wait_for_log("ltsctl --server");
    let token = banner
        .lines()
        .find_map(|l| l.trim().strip_prefix("Admin token:"))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no admin token in the banner:\n{banner}"))
        .to_string();
    let try_line = format!("LTSCTL_TOKEN={token} ltsctl --server {} status", server.url);
    assert!(banner.contains(&try_line), "{banner}");
    let dashboard = format!("Dashboard:       {}/ui  (sign in with the admin token)", server.url);
    assert!(banner.contains(&dashboard), "{banner}");
    let status = lts.on(&Target::remote(&server.url, Some(&token))).ok(&["-o", "json", "status"]);
    assert!(status["lts_id"].is_string(), "{status}");
    // Printed once in the banner, never in a log line.
    std::thread::sleep(Duration::from_millis(100));
    let log = server.stderr_text();
    assert_eq!(log.matches(&token).count(), 2, "the banner shows it twice:\n{log}");
    assert!(
        log.lines()
            .filter(|l| l.contains(" DEBUG ") || l.contains(" INFO ") || l.contains(" WARN "))
            .all(|l| !l.contains(&token)),
        "{log}"
    );
}

/// Under systemd (`StateDirectory=ltsctl`, contrib/systemd/ltsctl.service) the store defaults to
/// `$STATE_DIRECTORY`; a store named anywhere else still wins.
#[test]
fn the_store_defaults_to_systemds_state_directory() {
    let lts = Env::with_issuer();
    let state = lts.work.join("state");
    let plain = lts.on(&Target::none()).env("STATE_DIRECTORY", &state);
    let json = plain.ok(&["-o", "json", "serve", "--print-config"]);
    assert_eq!(json["settings"]["data_dir"], state.to_string_lossy().as_ref());
    let config = lts.write("serve.toml", "data_dir = \"/srv/lts\"\n");
    let json =
        plain.ok(&["-o", "json", "serve", "--config", &config.to_string_lossy(), "--print-config"]);
    assert_eq!(json["settings"]["data_dir"], "/srv/lts");
}
