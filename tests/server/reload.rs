//! Issue "Production deployment": SIGHUP re-reads the TLS certificate and key (as after a certbot
//! renewal) and the reloadable settings of the config file, without dropping a connection; what cannot
//! be loaded is refused with a log line and what was in force stays. Each certificate here is signed by
//! its own private CA and each client trusts one CA only, so which certificate a new connection got is
//! told by which client gets through; a kept-alive connection made before a reload goes on working for
//! the client that no longer trusts what the server now presents, which only a surviving connection can.

use std::path::{Path, PathBuf};

use crate::util::*;

/// A CA and a certificate it signed for localhost/127.0.0.1 in `dir/NAME/`: (ca, cert, key).
fn cert_in(root: &Path, name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).expect("dir");
    ca_and_cert(&dir, "server", "DNS:localhost,IP:127.0.0.1")
}

/// A client that trusts only the CA in `ca`.
fn trusting(server: &Server, ca: &Path) -> Api {
    let pem = std::fs::read(ca).expect("CA");
    let client = client_builder()
        .tls_certs_only([reqwest::Certificate::from_pem(&pem).expect("PEM")])
        .build()
        .expect("client");
    Api { base: server.url.clone(), client }
}

fn install(from: &(PathBuf, PathBuf, PathBuf), cert: &Path, key: &Path) {
    std::fs::copy(&from.1, cert).expect("copy cert");
    std::fs::copy(&from.2, key).expect("copy key");
}

async fn healthz(api: &Api) -> Result<u16, reqwest::Error> {
    let resp = api.client.get(api.url("/healthz")).send().await?;
    let status = resp.status().as_u16();
    resp.bytes().await?;
    Ok(status)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_the_certificate_keeps_connections_and_refuses_a_bad_one() {
    if !have("openssl", &["version"]) {
        eprintln!("skipped: no openssl");
        return;
    }
    let lts = Env::with_issuer();
    let a = cert_in(&lts.work, "a");
    let b = cert_in(&lts.work, "b");
    let (cert, key) = (lts.work.join("live.pem"), lts.work.join("live.key"));
    install(&a, &cert, &key);
    let server = lts.here().env("LTSCTL_LOG", "info").serve(&[
        "--tls-cert",
        &cert.to_string_lossy(),
        "--tls-key",
        &key.to_string_lossy(),
    ]);
    let kept = trusting(&server, &a.0);
    assert_eq!(healthz(&kept).await.expect("cert A before the reload"), 200);

    // certbot renews: new files at the same paths, then `systemctl reload` sends SIGHUP.
    install(&b, &cert, &key);
    server.signal("HUP");
    let log = server.wait_for_log("TLS certificate reloaded");
    assert!(log.contains("TLS certificate reloaded"), "{log}");
    let fresh_b = trusting(&server, &b.0);
    assert_eq!(healthz(&fresh_b).await.expect("a new connection gets cert B"), 200);
    let fresh_a = trusting(&server, &a.0);
    let err = healthz(&fresh_a).await.expect_err("cert A is no longer served");
    assert!(err.is_connect() || err.is_request(), "{err:?}");
    // The connection made with cert A before the reload is still open and still answered.
    assert_eq!(healthz(&kept).await.expect("kept-alive connection"), 200);

    // A half-written certificate: refused with a log line, cert B stays.
    std::fs::write(&cert, "-----BEGIN CERTIFICATE-----\ngarbage\n").expect("garbage");
    server.signal("HUP");
    let log = server.wait_for_log("TLS certificate not reloaded");
    assert!(log.contains("TLS certificate not reloaded, the one in use stays"), "{log}");
    assert!(log.contains(&*cert.to_string_lossy()), "the log names the file: {log}");
    assert!(log.contains("not a PEM certificate chain"), "{log}");
    let again_b = trusting(&server, &b.0);
    assert_eq!(healthz(&again_b).await.expect("cert B still served"), 200);

    // A certificate with another certificate's key: refused too.
    std::fs::copy(&a.1, &cert).expect("cert A");
    std::fs::copy(&b.2, &key).expect("key B");
    server.signal("HUP");
    let count = |log: &str| log.matches("TLS certificate not reloaded").count();
    let mut log = server.stderr_text();
    for _ in 0..1000 {
        if count(&log) >= 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        log = server.stderr_text();
    }
    assert_eq!(count(&log), 2, "{log}");
    assert!(log.contains("live.key does not belong to the certificate in"), "{log}");
    assert_eq!(healthz(&trusting(&server, &b.0)).await.expect("cert B"), 200);
    assert!(!log.contains("BEGIN PRIVATE KEY"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_the_rate_limit_and_trusted_proxies_from_the_config_file() {
    let lts = Env::with_items(&[Item::per_device("LIC-RELOAD", 1000, now_secs())]);
    let config = lts.write("serve.toml", "rate_limit = 1\naccess_log = true\n");
    let server =
        lts.here().env("LTSCTL_LOG", "info").serve(&["--config", &config.to_string_lossy()]);
    let api = server.api();
    let flood = |api: Api, prefix: &'static str| async move {
        let mut statuses = Vec::new();
        for i in 0..30 {
            let h = [("X-Forwarded-For", format!("10.0.0.{}", i + 1))];
            let h: Vec<(&str, &str)> = h.iter().map(|(k, v)| (*k, v.as_str())).collect();
            statuses.push(api.authorize_via(CODE, &format!("{prefix}-{i}"), &h).await.0);
        }
        statuses
    };
    let before = flood(api.clone(), "before").await;
    assert!(before.contains(&429), "1/s from one address: {before:?}");

    // The proxy in front is now trusted, and the limit is higher: every forwarded client is served.
    std::fs::write(
        &config,
        "rate_limit = 100\naccess_log = true\ntrusted_proxies = [\"127.0.0.1/32\"]\n",
    )
    .unwrap();
    server.signal("HUP");
    let log = server.wait_for_log("settings reloaded");
    assert!(
        log.contains("rate_limit 1/s -> 100/s")
            && log.contains("trusted_proxies [] -> [127.0.0.1/32]"),
        "{log}"
    );
    let after = flood(api.clone(), "after").await;
    assert!(after.iter().all(|s| *s == 200), "{after:?}");
    assert!(log_has_client(&server, "10.0.0.30"), "{}", server.stderr_text());

    // A mistake in the file: logged with the key, and the settings in force stay.
    std::fs::write(&config, "rate_limit = \"lots\"\nlisten = \"127.0.0.1:1\"\n").unwrap();
    server.signal("HUP");
    let log = server.wait_for_log("settings not reloaded");
    assert!(
        log.contains("settings not reloaded, the running ones stay")
            && log.contains("`rate_limit` must be a whole number"),
        "{log}"
    );
    let still = flood(api.clone(), "still").await;
    assert!(still.iter().all(|s| *s == 200), "{still:?}");

    // A setting that needs a restart is named as such (`listen` would not do: the flag overrides it).
    std::fs::write(&config, "rate_limit = 100\nlog_format = \"json\"\n").unwrap();
    server.signal("HUP");
    let log = server.wait_for_log("takes effect at the next restart");
    assert!(log.contains("log_format changed; it takes effect at the next restart"), "{log}");
    ok(api.authorize(CODE, "same-port", PRODUCT, "web").await);
}

/// Whether an access log line names `client` (after the requests above were answered).
fn log_has_client(server: &Server, client: &str) -> bool {
    server.wait_for_log(&format!("client={client}")).contains(&format!("client={client}"))
}

/// At start, a file with no certificate in it is a usage error (exit 2) naming it, not rustls's "peer
/// sent no certificates".
#[test]
fn a_garbage_certificate_at_start_is_refused_naming_the_file() {
    let lts = Env::with_issuer();
    let cert = lts.write("garbage.pem", "not a certificate\n");
    let key = lts.write("garbage.key", "not a key\n");
    let err = lts.fails(
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--tls-cert",
            &cert.to_string_lossy(),
            "--tls-key",
            &key.to_string_lossy(),
        ],
        2,
    );
    assert!(
        err.contains("garbage.pem: holds no PEM certificate (-----BEGIN CERTIFICATE-----)"),
        "{err}"
    );
    assert!(!err.contains("peer sent"), "{err}");
}
