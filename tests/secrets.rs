//! Issue "Reliability and security": secrets stay secret. A session password, an admin token and an issuer
//! private key never appear in the server's debug log, in CLI or API error messages, on any ltsctl process's
//! command line, in the config file after `login`, or in the SQLite files; files holding anything private
//! are created owner-only whatever the umask.

#[path = "support/lts.rs"]
mod lts;

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Stdio};
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

/// `ltsctl serve` with `LTSCTL_LOG=debug`, stderr to `log`.
fn serve_debug(lts: &LtsDir, log: &Path) -> (Child, String) {
    let mut child = lts
        .cmd()
        .env("LTSCTL_LOG", "debug")
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(File::create(log).expect("log"))
        .spawn()
        .expect("serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("first line");
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("{line:?}"))
        .to_string();
    (child, base)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_stay_out_of_logs_errors_argv_and_the_store() {
    let (lts, token) = prepared();
    let secrets = Secrets::of(&lts, &token);
    let log = lts.root.join("serve-debug.log");
    let (mut child, base) = serve_debug(&lts, &log);
    let api = Api::new(base.clone());

    // The server's command line carries no secret.
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).expect("cmdline");
    secrets.assert_absent("serve's /proc cmdline", &cmdline);

    // Device API: right and wrong passwords; the error never echoes what was sent.
    let pw = |p: &str| json!({"session_password": p});
    ok(api.authorize_with(CODE, "dev-1", pw(PASSWORD), None).await);
    ok(api.authorize_with(CODE, "dev-1", pw(PASSWORD), None).await);
    let wrong = format!("{PASSWORD}-wrong");
    let resp = api.authorize_with(CODE, "dev-2", pw(&wrong), None).await;
    assert_error(&resp, 401, "bad_session_password");
    assert!(
        !resp.1.to_string().contains(&wrong),
        "the error echoes the password: {}",
        resp.1
    );
    secrets.assert_absent(
        "a bad_session_password answer",
        resp.1.to_string().as_bytes(),
    );

    // Admin API: good and bad tokens.
    let admin = |t: String| {
        let api = api.clone();
        async move {
            let r = api
                .client
                .get(api.url("/v1/admin/status"))
                .bearer_auth(t)
                .send()
                .await
                .expect("GET");
            (r.status().as_u16(), r.text().await.expect("text"))
        }
    };
    assert_eq!(admin(token.clone()).await.0, 200);
    let mut tampered = token.clone();
    tampered.pop();
    tampered.push(if token.ends_with('A') { 'B' } else { 'A' });
    for bad in [
        tampered.clone(),
        format!("{token}x"),
        secret_of(&token).to_string(),
    ] {
        let (status, body) = admin(bad.clone()).await;
        assert_eq!(status, 401, "{body}");
        secrets.assert_absent("a 401 answer", body.as_bytes());
        assert!(
            !body.contains(&bad),
            "the 401 echoes the presented token: {body}"
        );
    }

    // CLI against the server: a wrong token is exit 7, and the message holds no token.
    for bad in [tampered.as_str(), "ltsctl_0123456789ab_notarealsecret"] {
        let out = lts
            .cmd()
            .env("LTSCTL_TOKEN", bad)
            .args(["--server", &base, "status"])
            .output()
            .expect("status");
        assert_eq!(
            out.status.code(),
            Some(7),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let all = [out.stdout, out.stderr].concat();
        secrets.assert_absent("the CLI's unauthenticated error", &all);
        assert!(
            !String::from_utf8_lossy(&all).contains(bad),
            "the CLI echoes the token"
        );
    }
    // A CLI running with the token in its environment: not on its command line either.
    let mut watched = lts
        .cmd()
        .env("LTSCTL_TOKEN", &token)
        .args(["--server", &base, "devices", "list", "--limit", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("devices list");
    if let Ok(cmdline) = std::fs::read(format!("/proc/{}/cmdline", watched.id())) {
        secrets.assert_absent("a CLI's /proc cmdline", &cmdline);
    }
    assert!(watched.wait().expect("wait").success());

    // Local CLI errors about passwords do not echo them.
    let out = lts
        .cmd()
        .args([
            "handshake",
            "password",
            "set",
            "no-such-code",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin
                .take()
                .expect("stdin")
                .write_all(PASSWORD.as_bytes())?;
            c.wait_with_output()
        })
        .expect("password set");
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    secrets.assert_absent("password set's error", &[out.stdout, out.stderr].concat());

    // Stop the server, then read everything it wrote and everything on disk.
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let log_text = std::fs::read(&log).expect("log");
    secrets.assert_absent("the debug log", &log_text);
    let backup = lts.root.join("secrets-backup.db");
    lts.ok(&["backup", backup.to_str().expect("utf-8")]);
    for entry in std::fs::read_dir(&lts.data).expect("data dir").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name == "dev-issuer.pem" {
            continue;
        }
        secrets.assert_absent(
            &format!("data dir file {name}"),
            &std::fs::read(entry.path()).expect("read"),
        );
    }
    secrets.assert_absent("the backup", &std::fs::read(&backup).expect("backup"));
    // The password is there, as an Argon2id hash.
    // Recent writes may still sit in the write-ahead log.
    let mut db = std::fs::read(lts.data.join("ltsctl.db")).expect("db");
    db.extend(std::fs::read(lts.data.join("ltsctl.db-wal")).unwrap_or_default());
    assert!(
        db.windows(10).any(|w| w == b"$argon2id$"),
        "no Argon2id hash in the store"
    );
    eprintln!(
        "secrets: {} bytes of debug log, the store and its backup hold no secret",
        log_text.len()
    );
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

/// `serve --dev` keeps its throwaway data dir (with the dev issuer's private key) owner-only like any
/// other, whatever the umask, and its banner shows what each demo item allows.
#[test]
fn the_dev_data_dir_is_private_and_the_banner_shows_each_quota() {
    let lts = LtsDir::new();
    let tmp = lts.root.join("tmp");
    std::fs::create_dir(&tmp).expect("dir");
    let log = lts.root.join("dev.log");
    let mut child = std::process::Command::new("sh")
        .args([
            "-c",
            "umask 000; exec \"$LTSCTL_BIN\" serve --dev --listen 127.0.0.1:0",
        ])
        .env("LTSCTL_BIN", bin())
        .env("TMPDIR", &tmp)
        .env("NO_COLOR", "1")
        .env("LTSCTL_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(File::create(&log).expect("log"))
        .spawn()
        .expect("serve --dev");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("line");
    // The banner follows the first line; wait for it to be written (the server runs until killed).
    let banner = (0..200)
        .map(|_| {
            std::thread::sleep(Duration::from_millis(50));
            std::fs::read_to_string(&log).unwrap_or_default()
        })
        .find(|text| text.contains("curl -s") && text.contains("openapi.json"))
        .unwrap_or_else(|| std::fs::read_to_string(&log).unwrap_or_default());
    let dirs: Vec<_> = std::fs::read_dir(&tmp)
        .expect("tmp")
        .flatten()
        .map(|e| e.path())
        .collect();
    let modes: Vec<u32> = dirs.iter().map(|d| mode(d)).collect();
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.starts_with("listening on http://127.0.0.1:"), "{line}");
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    assert_eq!(modes, [0o700], "dev data dir {}", dirs[0].display());
    for shown in [
        "DEV-LICENSE-DEVICES (per-device, 10 seats)",
        "DEV-LICENSE-SCANS (per-scan, 10,000 scans)",
    ] {
        assert!(
            banner.contains(shown),
            "{shown:?} not in the banner:\n{banner}"
        );
    }
}
