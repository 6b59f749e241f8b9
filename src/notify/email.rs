//! Alert e-mails over SMTP (lettre): implicit TLS (port 465) or STARTTLS (587, required: a server that
//! does not offer it is refused, never spoken to in clear), plain-text bodies. The password comes from
//! `smtp_password_file` or `LTSCTL_SMTP_PASSWORD`, never from the command line or the config file, and
//! is held zeroized on drop.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use zeroize::Zeroizing;

use super::webhook::Attempt;
use crate::error::{Error, Result};

/// One whole SMTP conversation.
const TIMEOUT: Duration = Duration::from_secs(30);

/// How the connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// STARTTLS, required (port 587)
    #[default]
    Starttls,
    /// TLS from the first byte (port 465)
    Implicit,
}

impl SmtpTls {
    pub fn default_port(self) -> u16 {
        match self {
            SmtpTls::Starttls => 587,
            SmtpTls::Implicit => 465,
        }
    }
}

impl std::str::FromStr for SmtpTls {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "starttls" => Ok(SmtpTls::Starttls),
            "implicit" => Ok(SmtpTls::Implicit),
            _ => Err(format!("`{s}` is not starttls or implicit")),
        }
    }
}

/// The SMTP settings `serve` resolved.
#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub username: Option<String>,
    pub password: Option<Zeroizing<String>>,
    /// The file the password was read from (`None`: from `LTSCTL_SMTP_PASSWORD`, or none).
    pub password_file: Option<PathBuf>,
    pub from: String,
    /// A PEM file of CA certificates (or the server's own) trusted besides the system's.
    pub ca_cert: Option<PathBuf>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the password.
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("username", &self.username)
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

/// Checks an e-mail address as a recipient: what is wrong with it and how to write one.
pub fn check_address(address: &str) -> Result<lettre::Address> {
    address.parse::<lettre::Address>().map_err(|e| {
        Error::usage(format!("invalid e-mail address {address:?}: {e}"))
            .with_hint("write one address, e.g. ops@example.com (no name, no angle brackets)")
    })
}

/// An address as it is stored: checked, its domain in lower case (domains are case-insensitive, so
/// `ops@Example.com` and `ops@example.com` are one recipient and must not get every alert twice). The
/// local part is kept as written: only the receiving server may fold it.
pub fn normalize(address: &str) -> Result<String> {
    let a = check_address(address)?;
    Ok(format!("{}@{}", a.user(), a.domain().to_ascii_lowercase()))
}

/// A configured SMTP transport.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl Mailer {
    pub fn new(s: &SmtpSettings) -> Result<Self> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut params = TlsParameters::builder(s.host.clone());
        if let Some(path) = &s.ca_cert {
            let pem = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let cert = Certificate::from_pem(&pem).map_err(|e| {
                Error::usage(format!("smtp_ca_cert {}: {e}", path.display()))
                    .with_hint("give a PEM certificate")
            })?;
            params = params.add_root_certificate(cert);
        }
        let params = params.build().map_err(|e| Error::usage(format!("SMTP TLS settings: {e}")))?;
        let tls = match s.tls {
            SmtpTls::Starttls => Tls::Required(params),
            SmtpTls::Implicit => Tls::Wrapper(params),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host)
            .port(s.port)
            .tls(tls)
            .timeout(Some(TIMEOUT));
        if let Some(user) = &s.username {
            let password = s.password.as_ref().map(|p| p.to_string()).unwrap_or_default();
            builder = builder.credentials(Credentials::new(user.clone(), password));
        }
        let from = s.from.parse().map_err(|e| {
            Error::usage(format!("smtp_from {:?} is not an e-mail address: {e}", s.from))
                .with_hint("e.g. smtp_from = \"LTS <lts@example.com>\"")
        })?;
        Ok(Mailer { transport: builder.build(), from })
    }

    /// Sends one plain-text mail.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Attempt {
        let started = Instant::now();
        let fail = |status: Option<i64>, why: String| Attempt {
            status_code: status,
            error: Some(why),
            ms: started.elapsed().as_millis() as i64,
        };
        let to = match to.parse::<lettre::message::Mailbox>() {
            Ok(t) => t,
            Err(e) => return fail(None, format!("invalid recipient {to}: {e}")),
        };
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_string());
        let message = match message {
            Ok(m) => m,
            Err(e) => return fail(None, format!("building the mail: {e}")),
        };
        match self.transport.send(message).await {
            Ok(resp) => Attempt {
                status_code: Some(i64::from(u16::from(resp.code()))),
                error: None,
                ms: started.elapsed().as_millis() as i64,
            },
            Err(e) => {
                let code = e.status().map(|c| i64::from(u16::from(c)));
                fail(code, format!("SMTP: {}", super::error_chain(&e)))
            }
        }
    }
}

/// The subject and plain-text body of an alert's mail, from its webhook body.
pub fn compose(payload: &serde_json::Value) -> (String, String) {
    let event = payload["type"].as_str().unwrap_or("alert");
    let message = payload["data"]["message"].as_str().unwrap_or("");
    let subject = match event {
        crate::domain::alerts::EVENT_QUOTA => format!(
            "LTS alert: {} at {} % of its quota",
            payload["data"]["item"].as_str().unwrap_or("?"),
            payload["data"]["threshold_percent"]
        ),
        crate::domain::alerts::EVENT_EXPIRING => format!(
            "LTS alert: {} expires within {} day(s)",
            payload["data"]["item"].as_str().unwrap_or("?"),
            payload["data"]["threshold_days"]
        ),
        crate::domain::alerts::EVENT_EXPIRED => {
            format!("LTS alert: {} has expired", payload["data"]["item"].as_str().unwrap_or("?"))
        }
        crate::domain::alerts::EVENT_REFUSALS => format!(
            "LTS alert: refusals on {}",
            payload["data"]["handshake"].as_str().unwrap_or("?")
        ),
        _ => format!("LTS alert: {event}"),
    };
    let body = format!(
        "{message}\n\nEvent: {event}\nAt: {}\n\nWhat has fired: ltsctl alerts list\n",
        payload["timestamp"].as_str().unwrap_or("")
    );
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked() {
        assert!(check_address("ops@example.com").is_ok());
        let e = check_address("not an address").unwrap_err();
        assert!(e.message.contains("invalid e-mail address"), "{e:?}");
        assert!(e.hint.unwrap().contains("ops@example.com"));
    }

    #[test]
    fn the_domain_is_folded_the_local_part_kept() {
        assert_eq!(normalize("Ops@Example.COM").unwrap(), "Ops@example.com");
        assert_eq!(normalize("ops@example.com").unwrap(), "ops@example.com");
        assert!(normalize("a@b.c\r\nBcc: x@y.z").is_err());
    }

    #[test]
    fn the_mail_says_what_crossed() {
        let p = crate::domain::alerts::payload(
            crate::domain::alerts::EVENT_QUOTA,
            0,
            Some(1),
            "item IT reached 80 %",
            &serde_json::json!({"item": "IT", "threshold_percent": 80}),
        );
        let (subject, body) = compose(&p);
        assert_eq!(subject, "LTS alert: IT at 80 % of its quota");
        assert!(body.starts_with("item IT reached 80 %"), "{body}");
        assert!(body.contains("ltsctl alerts list"));
    }
}
