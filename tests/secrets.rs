//! Issue "Reliability and security": secrets stay secret. A session password, an admin token and an issuer
//! private key never appear in the server's debug log, in CLI or API error messages, on any ltsctl process's
//! command line, in the config file after `login`, or in the SQLite files; files holding anything private
//! are created owner-only whatever the umask.

#[path = "support/lts.rs"]
mod lts;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use lts::*;
use serde_json::json;

const PASSWORD: &str = "Sesame-Pw-7f3a9c1e5b";

/// The token's secret part (`ltsctl_<id>_<secret>`).
fn secret_of(token: &str) -> &str {
    token.rsplit('_').next().expect("token secret")
}

/// Every secret form to look for: the password, the whole token, its secret part, the issuer key's PEM
/// body lines and its raw seed.
struct Secrets {
    password: String,
    token: String,
    pem_lines: Vec<String>,
    seed: Vec<u8>,
}

impl Secrets {
    fn of(lts: &LtsDir, token: &str) -> Secrets {
        let pem = std::fs::read_to_string(lts.root.join("issuer.pem")).expect("issuer.pem");
        let pem_lines: Vec<String> = pem
            .lines()
            .filter(|l| !l.starts_with("-----") && !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        let der = STANDARD.decode(pem_lines.concat()).expect("PKCS#8 DER");
        Secrets {
            password: PASSWORD.to_string(),
            token: token.to_string(),
            pem_lines,
            seed: der[der.len() - 32..].to_vec(),
        }
    }

    /// Panics naming the secret found in `haystack` (text or bytes).
    #[track_caller]
    fn assert_absent(&self, what: &str, haystack: &[u8]) {
        let mut needles: Vec<(&str, &[u8])> = vec![
            ("session password", self.password.as_bytes()),
            ("admin token", self.token.as_bytes()),
            ("token secret", secret_of(&self.token).as_bytes()),
            ("issuer key seed", &self.seed),
        ];
        for line in &self.pem_lines {
            needles.push(("issuer key PEM", line.as_bytes()));
        }
        for (name, needle) in needles {
            let found = haystack.windows(needle.len()).any(|w| w == needle);
            assert!(!found, "{what} contains the {name}");
        }
    }
}

/// A data dir with a code that has a session password, and an admin token.
fn prepared() -> (LtsDir, String) {
    let at = now_secs();
    let lts = LtsDir::with_items(&[Item::per_device("LIC-SECRET-A", 100, at)]);
    lts.ok_stdin(
        &["handshake", "password", "set", CODE, "--password-stdin"],
        Some(PASSWORD),
    );
    let created = lts.ok(&["-o", "json", "token", "create", "keeper", "--role", "admin"]);
    let token = created["token"].as_str().expect("token").to_string();
    assert!(token.starts_with("ltsctl_"), "{token}");
    (lts, token)
}

#[test]
fn secrets_are_never_taken_on_the_command_line() {
    let (lts, _token) = prepared();
    let out = lts
        .cmd()
        .args(["handshake", "password", "clear", CODE])
        .output()
        .expect("clear");
    assert!(out.status.success());
    for args in [
        vec!["handshake", "password", "set", CODE, "hunter2-on-argv"],
        vec![
            "handshake",
            "password",
            "set",
            CODE,
            "--password",
            "hunter2-on-argv",
        ],
        vec![
            "login",
            "--server",
            "http://127.0.0.1:9",
            "--token",
            "ltsctl_0123456789ab_x",
        ],
    ] {
        let out = lts
            .cmd()
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .expect("run");
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        lts.handshake_show(CODE)["password_set"],
        json!(false),
        "a password was set from argv"
    );
}

#[test]
fn the_config_file_after_login_holds_no_token() {
    let usable = std::process::Command::new("keyctl")
        .args(["session", "-", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !usable {
        eprintln!(
            "SKIPPED the_config_file_after_login_holds_no_token: no usable `keyctl` (kernel keyutils) here"
        );
        return;
    }
    let (lts, token) = prepared();
    let server = lts.serve(&[]);
    let config = lts.root.join("config.toml");
    let profile = format!("sec-{}", std::process::id());
    // Login, keep a copy of the config it wrote, log out (the keyutils store also links into the user's
    // persistent keyring, so leave nothing behind).
    let script = "printf '%s' \"$SECRET\" | \"$LTSCTL_BIN\" login --server \"$URL\" --profile \"$PROFILE\" --token-stdin && \
                  cp \"$LTSCTL_CONFIG\" config.after-login && \"$LTSCTL_BIN\" logout \"$PROFILE\" >/dev/null";
    let mut cmd = std::process::Command::new("keyctl");
    cmd.args(["session", "-", "bash", "-c", script])
        .env("LTSCTL_CONFIG", &config)
        .env("LTSCTL_BIN", bin())
        .env("SECRET", &token)
        .env("URL", &server.base)
        .env("PROFILE", &profile)
        .env("NO_COLOR", "1")
        .current_dir(&lts.root);
    let out = cmd.output().expect("keyctl session");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && stderr.contains("keyring") {
        eprintln!(
            "SKIPPED the_config_file_after_login_holds_no_token: the keyring refused: {stderr}"
        );
        return;
    }
    assert!(out.status.success(), "{stderr}");
    let after = lts.root.join("config.after-login");
    let text = std::fs::read(&after).expect("config written by login");
    assert!(
        String::from_utf8_lossy(&text).contains(&profile),
        "the profile is in the config"
    );
    Secrets::of(&lts, &token).assert_absent("the config file", &text);
    assert_eq!(mode(&config), 0o600);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        !stdout.contains(secret_of(&token)),
        "login printed the token"
    );
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn private_files_are_owner_only_whatever_the_umask() {
    let lts = LtsDir::new();
    let dir = lts.root.join("umask");
    std::fs::create_dir(&dir).expect("dir");
    // Run every command under umask 000 so that nothing is private by accident.
    let run = |line: &str| {
        let script = format!("umask 000; exec \"$LTSCTL_BIN\" --data-dir \"$D\" {line}");
        let out = std::process::Command::new("sh")
            .args(["-c", &script])
            .env("LTSCTL_BIN", bin())
            .env("D", dir.join("data"))
            .env("NO_COLOR", "1")
            .env("LTSCTL_LOG", "warn")
            .current_dir(&dir)
            .output()
            .expect("sh");
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
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
    let log = dir.join("serve.log");
    let mut child = std::process::Command::new("sh")
        .args([
            "-c",
            "umask 000; exec \"$LTSCTL_BIN\" --data-dir \"$D\" serve --listen 127.0.0.1:0",
        ])
        .env("LTSCTL_BIN", bin())
        .env("D", &data)
        .stdout(Stdio::piped())
        .stderr(File::create(&log).expect("log"))
        .spawn()
        .expect("serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("line");
    assert!(line.starts_with("listening on "), "{line}");
    std::thread::sleep(Duration::from_millis(100));
    for entry in std::fs::read_dir(&data).expect("data").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("ltsctl.db") {
            assert_eq!(mode(&entry.path()), 0o600, "{name} while serving");
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}
