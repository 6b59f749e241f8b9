//! The `smtp_*` keys of the serve config (and their `--smtp-*` flags): where alert e-mails go out. The
//! password is never a key or a flag: `smtp_password_file` names a file holding it, or
//! `LTSCTL_SMTP_PASSWORD` carries it (for a unit's `LoadCredential=` or a secret store's environment).

use std::path::{Path, PathBuf};

use toml::Value;
use zeroize::Zeroizing;

use super::Layers;
use crate::cli::ServeArgs;
use crate::error::{Error, Result};
use crate::notify::email::{SmtpSettings, SmtpTls};

/// The keys, in the example's order.
pub const KEYS: &[&str] = &[
    "smtp_host",
    "smtp_port",
    "smtp_tls",
    "smtp_username",
    "smtp_password_file",
    "smtp_from",
    "smtp_ca_cert",
];

/// The environment variable that may carry the password instead of a file.
pub const PASSWORD_ENV: &str = "LTSCTL_SMTP_PASSWORD";

/// What the file says (each value with its line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SmtpFile {
    pub host: Option<(String, usize)>,
    pub port: Option<(u16, usize)>,
    pub tls: Option<(SmtpTls, usize)>,
    pub username: Option<(String, usize)>,
    pub password_file: Option<(PathBuf, usize)>,
    pub from: Option<(String, usize)>,
    pub ca_cert: Option<(PathBuf, usize)>,
}

/// One `smtp_*` key of the file; `at` makes the error naming the file, line and key.
pub fn parse_key(
    out: &mut SmtpFile,
    key: &str,
    value: &Value,
    line: usize,
    at: &dyn Fn(&str) -> Error,
) -> Result<()> {
    let text = |example: &str| {
        value
            .as_str()
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .ok_or_else(|| at(&format!("must be a string such as {example}")))
    };
    match key {
        "smtp_host" => out.host = Some((text("\"smtp.example.com\"")?, line)),
        "smtp_port" => {
            let port = value
                .as_integer()
                .and_then(|n| u16::try_from(n).ok())
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    at("must be a port number, 1 to 65535 (587 for STARTTLS, 465 for TLS)")
                })?;
            out.port = Some((port, line));
        }
        "smtp_tls" => {
            let tls = value
                .as_str()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| at("must be \"starttls\" or \"implicit\""))?;
            out.tls = Some((tls, line));
        }
        "smtp_username" => out.username = Some((text("\"lts@example.com\"")?, line)),
        "smtp_password_file" => {
            out.password_file = Some((PathBuf::from(text("\"/etc/ltsctl/smtp-password\"")?), line))
        }
        "smtp_from" => out.from = Some((text("\"LTS <lts@example.com>\"")?, line)),
        "smtp_ca_cert" => {
            out.ca_cert = Some((PathBuf::from(text("\"/etc/ltsctl/smtp-ca.pem\"")?), line))
        }
        _ => unreachable!("parse_key is called for the keys of KEYS"),
    }
    Ok(())
}

fn read_password(path: &Path, warnings: &mut Vec<String>) -> Result<Zeroizing<String>> {
    // The error names the key: a bare "no such file" at startup does not say which setting is wrong.
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        let e = Error::io(path, e);
        let message = format!("smtp_password_file {}", e.message);
        Error {
            message,
            hint: Some(format!(
                "name a file the server's user can read holding the SMTP password alone                  (smtp_password_file, --smtp-password-file), or set {PASSWORD_ENV}"
            )),
            ..e
        }
    })?);
    let password = Zeroizing::new(text.trim_end_matches(['\r', '\n']).to_string());
    if password.is_empty() {
        return Err(Error::usage(format!(
            "{}: the SMTP password file is empty",
            path.display()
        ))
        .with_hint(
            "write the password alone in it, e.g. `printf '%s\\n' PASSWORD > FILE; chmod 600 FILE`",
        ));
    }
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o007 != 0 {
            warnings.push(format!(
                "{} holds the SMTP password and every user can read it (mode {mode:o}); `chmod 600` it",
                path.display()
            ));
        }
    }
    Ok(password)
}

/// The SMTP settings, flags over the file; `None` without a host. Their sources go to `layers`.
pub fn resolve(
    args: &ServeArgs,
    file: &SmtpFile,
    layers: &mut Layers,
    warnings: &mut Vec<String>,
) -> Result<Option<SmtpSettings>> {
    let host = layers.value("smtp_host", "--smtp-host", args.smtp_host.clone(), &file.host);
    let port = layers.value("smtp_port", "--smtp-port", args.smtp_port, &file.port);
    let tls = layers.value("smtp_tls", "--smtp-tls", args.smtp_tls, &file.tls).unwrap_or_default();
    let username = layers.value(
        "smtp_username",
        "--smtp-username",
        args.smtp_username.clone(),
        &file.username,
    );
    let password_file = layers.value(
        "smtp_password_file",
        "--smtp-password-file",
        args.smtp_password_file.clone(),
        &file.password_file,
    );
    let from = layers.value("smtp_from", "--smtp-from", args.smtp_from.clone(), &file.from);
    let ca_cert =
        layers.value("smtp_ca_cert", "--smtp-ca-cert", args.smtp_ca_cert.clone(), &file.ca_cert);
    let Some(host) = host else {
        let set: Vec<&str> = [
            ("smtp_from", from.is_some()),
            ("smtp_username", username.is_some()),
            ("smtp_password_file", password_file.is_some()),
        ]
        .iter()
        .filter(|k| k.1)
        .map(|k| k.0)
        .collect();
        if let Some(key) = set.first() {
            return Err(Error::usage(format!("`{key}` is set without `smtp_host`")).with_hint(
                "set smtp_host (--smtp-host) to the SMTP server alert e-mails go through",
            ));
        }
        return Ok(None);
    };
    let env_password = std::env::var(PASSWORD_ENV).ok().filter(|p| !p.is_empty());
    let password = match (&password_file, env_password) {
        (Some(path), _) => Some(read_password(path, warnings)?),
        (None, Some(p)) => Some(Zeroizing::new(p)),
        (None, None) => None,
    };
    if username.is_some() != password.is_some() {
        return Err(if username.is_some() {
            Error::usage("`smtp_username` is set but no SMTP password is given").with_hint(format!(
                "name a file holding it with smtp_password_file (--smtp-password-file), or set {PASSWORD_ENV}"
            ))
        } else {
            Error::usage("an SMTP password is given without `smtp_username`")
                .with_hint("set smtp_username (--smtp-username) to the account it belongs to")
        });
    }
    let Some(from) = from else {
        return Err(Error::usage("`smtp_host` is set without `smtp_from`")
            .with_hint("set smtp_from to the sender, e.g. smtp_from = \"LTS <lts@example.com>\""));
    };
    from.parse::<lettre::message::Mailbox>().map_err(|e| {
        Error::usage(format!("smtp_from {from:?} is not an e-mail address: {e}"))
            .with_hint("e.g. smtp_from = \"LTS <lts@example.com>\"")
    })?;
    Ok(Some(SmtpSettings {
        host,
        port: port.unwrap_or(tls.default_port()),
        tls,
        username,
        password,
        password_file,
        from,
        ca_cert,
    }))
}

/// The keys' values for `--print-config`: the password file's path, never the password (one from
/// `LTSCTL_SMTP_PASSWORD` shows as no file).
pub fn values(s: Option<&SmtpSettings>) -> Vec<(&'static str, Option<String>)> {
    let q = |v: &str| Some(toml::Value::String(v.to_string()).to_string());
    let Some(s) = s else {
        return KEYS.iter().map(|k| (*k, None)).collect();
    };
    vec![
        ("smtp_host", q(&s.host)),
        ("smtp_port", Some(s.port.to_string())),
        (
            "smtp_tls",
            q(match s.tls {
                SmtpTls::Starttls => "starttls",
                SmtpTls::Implicit => "implicit",
            }),
        ),
        ("smtp_username", s.username.as_deref().and_then(q)),
        ("smtp_password_file", s.password_file.as_ref().and_then(|p| q(&p.display().to_string()))),
        ("smtp_from", q(&s.from)),
        ("smtp_ca_cert", s.ca_cert.as_ref().and_then(|p| q(&p.display().to_string()))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_password_file_is_named_by_its_key() {
        let e = read_password(Path::new("/nonexistent/smtp-pw"), &mut Vec::new()).unwrap_err();
        assert!(e.message.starts_with("smtp_password_file /nonexistent/smtp-pw"), "{e:?}");
        assert!(e.hint.unwrap().contains(PASSWORD_ENV));
    }
}
