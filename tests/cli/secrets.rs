//! Issue "Reliability and security": secrets stay secret, on the command line's side. No secret is taken
//! on the command line, the config file after `login` holds no token, and files holding anything private
//! are created owner-only whatever the umask. (The server's log, its answers and the store:
//! `tests/server/secrets.rs`.)

use std::process::Stdio;
use std::time::Duration;

use crate::util::*;
use serde_json::json;

#[test]
fn secrets_are_never_taken_on_the_command_line() {
    let (lts, _token) = secret_fixture();
    let out = lts.cmd().args(["handshake", "password", "clear", CODE]).output().expect("clear");
    assert!(out.status.success());
    for args in [
        vec!["handshake", "password", "set", CODE, "hunter2-on-argv"],
        vec!["handshake", "password", "set", CODE, "--password", "hunter2-on-argv"],
        vec!["login", "--server", "http://127.0.0.1:9", "--token", "ltsctl_0123456789ab_x"],
    ] {
        let out = lts.cmd().args(&args).stdin(Stdio::null()).output().expect("run");
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(lts.handshake(CODE)["password_set"], json!(false), "a password was set from argv");
}

#[test]
fn the_config_file_after_login_holds_no_token() {
    if !have("keyctl", &["session", "-", "true"]) {
        eprintln!(
            "SKIPPED the_config_file_after_login_holds_no_token: no usable `keyctl` (kernel keyutils) here"
        );
        return;
    }
    let (lts, token) = secret_fixture();
    let server = lts.serve(&[]);
    let config = lts.work.join("config.toml");
    let profile = format!("sec-{}", std::process::id());
    // Login, keep a copy of the config it wrote, log out (the keyutils store also links into the user's
    // persistent keyring, so leave nothing behind).
    let script = "printf '%s' \"$SECRET\" | \"$LTSCTL_BIN\" login --server \"$URL\" --profile \"$PROFILE\" --token-stdin && \
                  cp \"$LTSCTL_CONFIG\" config.after-login && \"$LTSCTL_BIN\" logout \"$PROFILE\" >/dev/null";
    let mut cmd = lts.command_of("keyctl");
    cmd.args(["session", "-", "bash", "-c", script])
        .env("LTSCTL_CONFIG", &config)
        .env("LTSCTL_BIN", bin())
        .env("SECRET", &token)
        .env("URL", &server.url)
        .env("PROFILE", &profile)
        .env("NO_COLOR", "1")
        .current_dir(&lts.work);
    let out = cmd.output().expect("keyctl session");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && stderr.contains("keyring") {
        eprintln!(
            "SKIPPED the_config_file_after_login_holds_no_token: the keyring refused: {stderr}"
        );
        return;
    }
    assert!(out.status.success(), "{stderr}");
    let after = lts.work.join("config.after-login");
    let text = std::fs::read(&after).expect("config written by login");
    assert!(String::from_utf8_lossy(&text).contains(&profile), "the profile is in the config");
    Secrets::of(&lts, &token).assert_absent("the config file", &text);
    assert_eq!(mode(&config), 0o600);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!stdout.contains(secret_of(&token)), "login printed the token");
}

#[test]
fn private_files_are_owner_only_whatever_the_umask() {
    let lts = Env::with_issuer();
    let dir = lts.work.join("umask");
    std::fs::create_dir(&dir).expect("dir");
    // Run every command under umask 000 so that nothing is private by accident.
    let run = |line: &str| {
        let script = format!("umask 000; exec \"$LTSCTL_BIN\" --data-dir \"$D\" {line}");
        let out = lts
            .command_of("sh")
            .args(["-c", &script])
            .env("LTSCTL_BIN", bin())
            .env("D", dir.join("data"))
            .env("NO_COLOR", "1")
            .env("LTSCTL_LOG", "warn")
            .current_dir(&dir)
            .output()
            .expect("sh");
        assert!(out.status.success(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
    };
    run("issuer keygen --out issuer.pem --public-out issuer.pub.pem");
    run("trust add issuer.pub.pem");
    run("token create perms --role viewer");
    run("backup backup.db");
    let data = dir.join("data");
    assert_eq!(mode(&data), 0o700, "data dir");
    assert_eq!(mode(&dir.join("issuer.pem")), 0o600, "issuer private key");
    assert_eq!(mode(&dir.join("backup.db")), 0o600, "backup");
    for entry in std::fs::read_dir(&data).expect("data").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("ltsctl.db") {
            assert_eq!(mode(&entry.path()), 0o600, "{name}");
        }
    }
    // The serving process's files too (the WAL is written while it runs).
    let mut cmd = lts.command_of("sh");
    cmd.args([
        "-c",
        "umask 000; exec \"$LTSCTL_BIN\" --data-dir \"$D\" serve --listen 127.0.0.1:0",
    ])
    .env("LTSCTL_BIN", bin())
    .env("D", &data);
    // Started once it printed `listening on URL`.
    let server = lts.launch(cmd);
    std::thread::sleep(Duration::from_millis(100));
    for entry in std::fs::read_dir(&data).expect("data").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("ltsctl.db") {
            assert_eq!(mode(&entry.path()), 0o600, "{name} while serving");
        }
    }
    drop(server);
}
