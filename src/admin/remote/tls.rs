//! How the admin client trusts a server's TLS certificate given `--ca-cert FILE`, and what it says when a
//! certificate is refused.
//!
//! The file may hold the private CA that signed the server's certificate (verified as usual, on top of the
//! system's roots), or the server's own self-signed certificate. The certificate `openssl req -x509` makes
//! by default has `basicConstraints CA:TRUE`, which WebPKI refuses as a server's own certificate
//! (`CaUsedAsEndEntity`), even when it is the very certificate the user trusts. Such a certificate is
//! accepted as *pinned*, and only when all of these hold:
//!
//! - the server presents exactly it, byte for byte, as its certificate;
//! - WebPKI, with the file's certificates as the only roots, finds nothing wrong with it but the
//!   `CA:TRUE` (so it is valid now and signed by itself; WebPKI checks the validity period before the
//!   basic constraints, and a test with an expired certificate holds it to that);
//! - it names the host of the server's URL;
//! - the handshake is signed with its key (rustls asks [`ServerCertVerifier::verify_tls13_signature`]
//!   for every connection), so the server holds the private key.

use std::path::Path;
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};

use crate::error::{Error, Result};

/// The certificates of a `--ca-cert` file (PEM, one or more).
pub(crate) fn read_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let pem = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::usage(format!("{}: not a PEM certificate: {e}", path.display())))?;
    if certs.is_empty() {
        return Err(Error::usage(format!(
            "{}: holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
            path.display()
        ))
        .with_hint("pass the CA certificate, or the server's own certificate, in PEM form"));
    }
    Ok(certs)
}

/// A rustls client config that trusts the certificates in `path` as CAs (with the system's roots) or,
/// for the server's own certificate, pinned.
pub(crate) fn client_config(path: &Path) -> Result<rustls::ClientConfig> {
    let certs = read_certificates(path)?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = CaOrPinned::new(certs, provider.clone()).map_err(|e| {
        Error::usage(format!("{}: cannot use these certificates: {e}", path.display()))
    })?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::internal(format!("TLS versions: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

#[derive(Debug)]
struct CaOrPinned {
    /// The usual verification: the system's roots and the file's certificates as CAs.
    usual: rustls_platform_verifier::Verifier,
    /// WebPKI with only the file's certificates as roots, for a certificate the server presents that is
    /// one of them.
    file_only: Arc<WebPkiServerVerifier>,
    pinned: Vec<CertificateDer<'static>>,
    provider: Arc<CryptoProvider>,
}

impl CaOrPinned {
    fn new(
        certs: Vec<CertificateDer<'static>>,
        provider: Arc<CryptoProvider>,
    ) -> std::result::Result<Self, String> {
        let mut roots = RootCertStore::empty();
        for cert in &certs {
            roots.add(cert.clone()).map_err(|e| e.to_string())?;
        }
        let file_only =
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                .build()
                .map_err(|e| e.to_string())?;
        let usual = rustls_platform_verifier::Verifier::new_with_extra_roots(
            certs.clone(),
            provider.clone(),
        )
        .map_err(|e| e.to_string())?;
        Ok(CaOrPinned { usual, file_only, pinned: certs, provider })
    }
}

impl ServerCertVerifier for CaOrPinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        if !self.pinned.iter().any(|p| p.as_ref() == end_entity.as_ref()) {
            return self.usual.verify_server_cert(
                end_entity,
                intermediates,
                server_name,
                ocsp_response,
                now,
            );
        }
        match self.file_only.verify_server_cert(end_entity, &[], server_name, ocsp_response, now) {
            Err(e) if is_ca_used_as_end_entity(&e) => {
                let parsed = ParsedCertificate::try_from(end_entity)?;
                rustls::client::verify_server_name(&parsed, server_name)?;
                Ok(ServerCertVerified::assertion())
            }
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}

/// WebPKI's "a CA certificate used as a server's certificate" (rustls has no variant of its own for it).
fn is_ca_used_as_end_entity(e: &rustls::Error) -> bool {
    matches!(
        e,
        rustls::Error::InvalidCertificate(CertificateError::Other(other))
            if matches!(other.0.downcast_ref::<webpki::Error>(), Some(webpki::Error::CaUsedAsEndEntity))
    )
}

/// The TLS error somewhere in a transport error's chain. tokio-rustls puts it inside an `io::Error`
/// (itself inside another), and `io::Error::source` skips the error it wraps, so those are opened by hand.
pub(crate) fn find_tls_error<'a>(
    err: &'a (dyn std::error::Error + 'static),
) -> Option<&'a rustls::Error> {
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = next {
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        next = match e.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => e.source(),
        };
    }
    None
}

/// What was wrong with the server's certificate and how to fix it: `(what, hint)`, or `None` for a TLS
/// failure that is not about the certificate.
pub(crate) fn explain(
    err: &rustls::Error,
    host: &str,
    ca_cert: Option<&Path>,
) -> Option<(String, String)> {
    let rustls::Error::InvalidCertificate(cert) = err else {
        return None;
    };
    let file = ca_cert.map(|p| p.display().to_string());
    let own = "the server's own certificate (the file `ltsctl serve --tls-cert` was given): a \
        self-signed certificate is trusted pinned";
    Some(match cert {
        _ if is_ca_used_as_end_entity(err) => (
            match &file {
                Some(f) => format!(
                    "the server presents a CA certificate (basicConstraints CA:TRUE, as `openssl req -x509` \
                     makes by default) as its own, and it is not the one in {f}"
                ),
                None => "the server presents a CA certificate (basicConstraints CA:TRUE, as `openssl req \
                     -x509` makes by default) as its own"
                    .to_string(),
            },
            format!(
                "pass --ca-cert with {own}; or give the server a certificate made with \
                 `-addext basicConstraints=critical,CA:FALSE` (README, Running the server)"
            ),
        ),
        CertificateError::UnknownIssuer => (
            match &file {
                Some(f) => format!(
                    "the server's certificate is not signed by the certificate in {f}, nor by a CA this \
                     system trusts"
                ),
                None => "the server's certificate is not signed by a CA this system trusts".to_string(),
            },
            format!("pass --ca-cert with the private CA that signed it, or with {own}"),
        ),
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            let names = match cert {
                CertificateError::NotValidForNameContext { presented, .. } if !presented.is_empty() => {
                    let shown: Vec<String> = presented.iter().map(|n| name_of(n)).collect();
                    format!(" (it names {})", shown.join(", "))
                }
                _ => String::new(),
            };
            let san = match host.trim_matches(['[', ']']).parse::<std::net::IpAddr>() {
                Ok(_) => format!("IP:{}", host.trim_matches(['[', ']'])),
                Err(_) => format!("DNS:{host}"),
            };
            (
                format!("the server's certificate is not for the host name {host}{names}"),
                format!(
                    "use a URL with a host name the certificate names, or make the certificate for this \
                     one (`-addext subjectAltName={san}`)"
                ),
            )
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => (
            match cert {
                CertificateError::ExpiredContext { not_after, .. } => format!(
                    "the server's certificate expired at {}",
                    rfc3339(not_after.as_secs())
                ),
                _ => "the server's certificate has expired".to_string(),
            },
            "renew the server's certificate (and pass the new one with --ca-cert if it is pinned)"
                .to_string(),
        ),
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => (
            match cert {
                CertificateError::NotValidYetContext { not_before, .. } => format!(
                    "the server's certificate is not valid before {}",
                    rfc3339(not_before.as_secs())
                ),
                _ => "the server's certificate is not valid yet".to_string(),
            },
            "check the clocks of this machine and of the server".to_string(),
        ),
        CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => (
            "the server's certificate is not for TLS servers (its extendedKeyUsage lacks serverAuth)"
                .to_string(),
            "make it with `-addext extendedKeyUsage=serverAuth`, or without extendedKeyUsage".to_string(),
        ),
        other => {
            // Debug output of the context variants holds raw OIDs: the variant's name says enough.
            let debug = format!("{other:?}");
            let name = debug
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_string();
            (
                format!(
                    "the server's certificate could not be verified against {} ({name})",
                    match &file {
                        Some(f) => format!("{f} or a CA this system trusts"),
                        None => "a CA this system trusts".to_string(),
                    }
                ),
                format!("pass --ca-cert with the private CA that signed it, or with {own}"),
            )
        }
    })
}

/// A name as WebPKI reports it (`DnsName("lts.example.com")`, `IpAddress(127.0.0.1)`), as a person writes it.
fn name_of(presented: &str) -> String {
    let inner =
        presented.split_once('(').and_then(|(_, rest)| rest.strip_suffix(')')).unwrap_or(presented);
    inner.trim_matches('"').to_string()
}

fn rfc3339(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| format!("{secs} s after 1970"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shown_as_written() {
        assert_eq!(name_of("DnsName(\"localhost\")"), "localhost");
        assert_eq!(name_of("IpAddress(127.0.0.1)"), "127.0.0.1");
        assert_eq!(name_of("lts.example.com"), "lts.example.com");
    }

    #[test]
    fn every_certificate_error_is_explained_with_a_hint_that_fits() {
        let pinned = Some(Path::new("lts.crt"));
        let ca_as_leaf = rustls::Error::InvalidCertificate(CertificateError::Other(
            rustls::OtherError(Arc::new(webpki::Error::CaUsedAsEndEntity)),
        ));
        let (what, hint) = explain(&ca_as_leaf, "lts", None).unwrap();
        assert!(what.contains("CA:TRUE") && hint.contains("--ca-cert"), "{what} / {hint}");
        let (what, _) = explain(&ca_as_leaf, "lts", pinned).unwrap();
        assert!(what.contains("not the one in lts.crt"), "{what}");
        let unknown = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
        let (what, _) = explain(&unknown, "lts", pinned).unwrap();
        assert!(what.contains("lts.crt"), "{what}");
        let name = rustls::Error::InvalidCertificate(CertificateError::NotValidForNameContext {
            expected: ServerName::try_from("10.0.0.1").unwrap(),
            presented: vec!["DnsName(\"lts\")".into()],
        });
        let (what, hint) = explain(&name, "10.0.0.1", pinned).unwrap();
        assert!(what.contains("(it names lts)") && hint.contains("IP:10.0.0.1"), "{what} / {hint}");
        let expired = rustls::Error::InvalidCertificate(CertificateError::ExpiredContext {
            time: UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_700_000_000)),
            not_after: UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_609_459_200)),
        });
        let (what, _) = explain(&expired, "lts", pinned).unwrap();
        assert!(what.contains("2021-01-01T00:00:00Z"), "{what}");
        assert!(explain(&rustls::Error::HandshakeNotComplete, "lts", None).is_none());
    }
}
