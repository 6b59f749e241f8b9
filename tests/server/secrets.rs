//! Issue "Reliability and security": secrets stay secret, on the server's side. A session password, an
//! admin token and an issuer private key never appear in the server's debug log, in CLI or API error
//! messages, on any ltsctl process's command line, or in the SQLite files and a backup; `serve --dev`
//! keeps its throwaway data dir owner-only whatever the umask. (The command line, the config file after
//! `login` and the modes of the files the CLI writes: `tests/cli/secrets.rs`.)

use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

use crate::util::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_stay_out_of_logs_errors_argv_and_the_store() {
    let (lts, token) = secret_fixture();
    let secrets = Secrets::of(&lts, &token);
    // `ltsctl serve` with its debug log.
    let mut server = lts.here().env("LTSCTL_LOG", "debug").serve(&[]);
    let base = server.url.clone();
    let api = Api::new(base.clone());

    // The server's command line carries no secret.
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", server.pid())).expect("cmdline");
    secrets.assert_absent("serve's /proc cmdline", &cmdline);

    // Device API: right and wrong passwords; the error never echoes what was sent.
    let pw = |p: &str| json!({"session_password": p});
    ok(api.authorize_with(CODE, "dev-1", pw(SESSION_PASSWORD), None).await);
    ok(api.authorize_with(CODE, "dev-1", pw(SESSION_PASSWORD), None).await);
    let wrong = format!("{SESSION_PASSWORD}-wrong");
    let resp = api.authorize_with(CODE, "dev-2", pw(&wrong), None).await;
    assert_error(&resp, 401, "bad_session_password");
    assert!(!resp.1.to_string().contains(&wrong), "the error echoes the password: {}", resp.1);
    secrets.assert_absent("a bad_session_password answer", resp.1.to_string().as_bytes());

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
    for bad in [tampered.clone(), format!("{token}x"), secret_of(&token).to_string()] {
        let (status, body) = admin(bad.clone()).await;
        assert_eq!(status, 401, "{body}");
        secrets.assert_absent("a 401 answer", body.as_bytes());
        assert!(!body.contains(&bad), "the 401 echoes the presented token: {body}");
    }

    // CLI against the server: a wrong token is exit 7, and the message holds no token.
    for bad in [tampered.as_str(), "ltsctl_0123456789ab_notarealsecret"] {
        let out = lts
            .cmd()
            .env("LTSCTL_TOKEN", bad)
            .args(["--server", &base, "status"])
            .output()
            .expect("status");
        assert_eq!(out.status.code(), Some(7), "{}", String::from_utf8_lossy(&out.stderr));
        let all = [out.stdout, out.stderr].concat();
        secrets.assert_absent("the CLI's unauthenticated error", &all);
        assert!(!String::from_utf8_lossy(&all).contains(bad), "the CLI echoes the token");
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
        .args(["handshake", "password", "set", "no-such-code", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().expect("stdin").write_all(SESSION_PASSWORD.as_bytes())?;
            c.wait_with_output()
        })
        .expect("password set");
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    secrets.assert_absent("password set's error", &[out.stdout, out.stderr].concat());

    // Stop the server, then read everything it wrote and everything on disk.
    server.terminate();
    let log_text = std::fs::read(server.stderr_path()).expect("log");
    secrets.assert_absent("the debug log", &log_text);
    let backup = lts.work.join("secrets-backup.db");
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
    assert!(db.windows(10).any(|w| w == b"$argon2id$"), "no Argon2id hash in the store");
    eprintln!(
        "secrets: {} bytes of debug log, the store and its backup hold no secret",
        log_text.len()
    );
}

/// `serve --dev` keeps its throwaway data dir (with the dev issuer's private key) owner-only like any
/// other, whatever the umask, and its banner shows what each demo item allows.
#[test]
fn the_dev_data_dir_is_private_and_the_banner_shows_each_quota() {
    let lts = Env::with_issuer();
    let tmp = lts.work.join("tmp");
    std::fs::create_dir(&tmp).expect("dir");
    let mut cmd = lts.command_of("sh");
    cmd.args(["-c", "umask 000; exec \"$LTSCTL_BIN\" serve --dev --listen 127.0.0.1:0"])
        .env("LTSCTL_BIN", bin())
        .env("TMPDIR", &tmp);
    let server = lts.launch(cmd);
    // The banner follows the first line; wait for it to be written (the server runs until killed).
    let banner = (0..200)
        .map(|_| {
            std::thread::sleep(Duration::from_millis(50));
            server.stderr_text()
        })
        .find(|text| text.contains("curl -s") && text.contains("openapi.json"))
        .unwrap_or_else(|| server.stderr_text());
    let dirs: Vec<_> = std::fs::read_dir(&tmp).expect("tmp").flatten().map(|e| e.path()).collect();
    let modes: Vec<u32> = dirs.iter().map(|d| mode(d)).collect();
    let url = server.url.clone();
    drop(server);
    assert!(url.starts_with("http://127.0.0.1:"), "listening on {url}");
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    assert_eq!(modes, [0o700], "dev data dir {}", dirs[0].display());
    for shown in
        ["DEV-LICENSE-DEVICES (per-device, 10 seats)", "DEV-LICENSE-SCANS (per-scan, 10,000 scans)"]
    {
        assert!(banner.contains(shown), "{shown:?} not in the banner:\n{banner}");
    }
}
