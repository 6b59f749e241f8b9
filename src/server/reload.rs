//! SIGHUP: re-read the TLS certificate and key (certbot renews them in place) and the live settings,
//! without dropping a connection. Connections already open keep the certificate they were made with;
//! new handshakes get the new one. Anything that cannot be loaded is refused with a log line and what
//! was in force stays: a half-written certificate, a key that does not match it, a config file with a
//! mistake.

use std::fmt;
use std::sync::Arc;

use axum_server::tls_rustls::RustlsConfig;

use super::TlsFiles;
use super::live::{Live, LiveSettings};
use crate::error::Result;

/// Makes the live settings anew on SIGHUP (re-reading the config file, with the command line over it).
#[derive(Clone)]
pub struct Reloader(pub Arc<dyn Fn() -> Result<LiveSettings> + Send + Sync>);

impl fmt::Debug for Reloader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Reloader")
    }
}

/// The SIGHUP stream, registered now; `None` where there is none (not Unix, or the handler cannot be
/// installed, which is logged).
#[cfg(unix)]
pub(super) type Hangups = tokio::signal::unix::Signal;
#[cfg(not(unix))]
pub(super) type Hangups = std::convert::Infallible;

#[cfg(unix)]
pub(super) fn hangups() -> Option<Hangups> {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::hangup()) {
        Ok(s) => Some(s),
        Err(e) => {
            tracing::warn!("cannot listen for SIGHUP ({e}): changes need a restart");
            None
        }
    }
}

#[cfg(not(unix))]
pub(super) fn hangups() -> Option<Hangups> {
    None
}

/// Reloads on every SIGHUP until the server stops.
#[cfg(unix)]
pub(super) async fn run(
    mut hangups: Hangups,
    live: Arc<Live>,
    tls: Option<(RustlsConfig, TlsFiles)>,
    reloader: Option<Reloader>,
    mut stopped: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            got = hangups.recv() => if got.is_none() { return },
            _ = stopped.changed() => return,
        }
        reload(&live, tls.as_ref(), reloader.as_ref()).await;
    }
}

#[cfg(not(unix))]
pub(super) async fn run(
    hangups: Hangups,
    _live: Arc<Live>,
    _tls: Option<(RustlsConfig, TlsFiles)>,
    _reloader: Option<Reloader>,
    _stopped: tokio::sync::watch::Receiver<bool>,
) {
    match hangups {}
}

/// One reload: the settings, then the certificate; each kept as it was if its new version is refused.
pub(super) async fn reload(
    live: &Live,
    tls: Option<&(RustlsConfig, TlsFiles)>,
    reloader: Option<&Reloader>,
) {
    tracing::info!("SIGHUP: reloading");
    if let Some(reloader) = reloader {
        match (reloader.0)() {
            Ok(settings) => {
                let changes = live.apply(settings);
                if changes.is_empty() {
                    tracing::info!("settings reloaded: no change");
                } else {
                    tracing::info!("settings reloaded: {}", changes.join("; "));
                }
            }
            Err(e) => {
                let hint = e.hint.map(|h| format!(" ({h})")).unwrap_or_default();
                tracing::error!(
                    "settings not reloaded, the running ones stay: {}{hint}",
                    e.message
                );
            }
        }
    }
    if let Some((config, files)) = tls {
        if let Err(why) = check_pem(files) {
            tracing::error!("TLS certificate not reloaded, the one in use stays: {why}");
            return;
        }
        match config.reload_from_pem_file(&files.cert, &files.key).await {
            Ok(()) => tracing::info!(
                "TLS certificate reloaded from {} and {}",
                files.cert.display(),
                files.key.display()
            ),
            Err(e) => tracing::error!(
                "TLS certificate not reloaded, the one in use stays: {} / {}: {e}",
                files.cert.display(),
                files.key.display()
            ),
        }
    }
}

/// Why the certificate and key files would not load, in words that name the files: rustls says only
/// "peer sent no certificates" for a file with no certificate in it, and "keys may not be consistent:
/// KeyMismatch" for a key of another certificate (certbot's files read between two renames, say).
pub(super) fn check_pem(files: &TlsFiles) -> std::result::Result<(), String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let read = |path: &std::path::Path| {
        std::fs::read(path).map_err(|e| crate::error::Error::io(path, e).message)
    };
    let cert = read(&files.cert)?;
    let shown = files.cert.display();
    let chain = match CertificateDer::pem_slice_iter(&cert)
        .collect::<std::result::Result<Vec<_>, _>>()
    {
        Err(e) => return Err(format!("{shown}: not a PEM certificate chain ({e})")),
        Ok(chain) if chain.is_empty() => {
            return Err(format!("{shown}: holds no PEM certificate (-----BEGIN CERTIFICATE-----)"));
        }
        Ok(chain) => chain,
    };
    let key_shown = files.key.display();
    let key = read(&files.key)?;
    let key = PrivateKeyDer::from_pem_slice(&key)
        .map_err(|e| format!("{key_shown}: holds no PEM private key ({e})"))?;
    let provider = rustls::crypto::ring::default_provider();
    match rustls::sign::CertifiedKey::from_der(chain, key, &provider) {
        Ok(_) => Ok(()),
        Err(rustls::Error::InconsistentKeys(_)) => Err(format!(
            "the private key in {key_shown} does not belong to the certificate in {shown}"
        )),
        Err(e) => Err(format!("{shown} / {key_shown}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unloadable_files_are_named_with_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let files = TlsFiles { cert: dir.path().join("c.pem"), key: dir.path().join("k.pem") };
        let missing = check_pem(&files).unwrap_err();
        assert!(missing.contains("c.pem: no such file"), "{missing}");
        std::fs::write(&files.cert, "-----BEGIN CERTIFICATE-----\ngarbage\n").unwrap();
        let half = check_pem(&files).unwrap_err();
        assert!(half.contains("c.pem: not a PEM certificate chain"), "{half}");
        std::fs::write(&files.cert, "not PEM at all\n").unwrap();
        let none = check_pem(&files).unwrap_err();
        assert!(none.contains("c.pem: holds no PEM certificate"), "{none}");
    }

    /// A self-signed certificate and its key, made with openssl (`None` where it is missing).
    fn openssl_pair(
        dir: &std::path::Path,
        name: &str,
    ) -> Option<(std::path::PathBuf, std::path::PathBuf)> {
        let (cert, key) = (dir.join(format!("{name}.pem")), dir.join(format!("{name}.key")));
        let status = std::process::Command::new("openssl")
            .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"])
            .args(["-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout"])
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then_some((cert, key))
    }

    #[test]
    fn a_key_of_another_certificate_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let (Some((cert_a, key_a)), Some((_, key_b))) =
            (openssl_pair(dir.path(), "a"), openssl_pair(dir.path(), "b"))
        else {
            eprintln!("skipped: no openssl");
            return;
        };
        let good = TlsFiles { cert: cert_a.clone(), key: key_a };
        assert_eq!(check_pem(&good), Ok(()));
        let bad = TlsFiles { cert: cert_a, key: key_b };
        let e = check_pem(&bad).unwrap_err();
        assert!(e.contains("b.key does not belong to the certificate in"), "{e}");
    }
}
