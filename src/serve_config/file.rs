//! The `serve` config file (`ltsctl serve --config /etc/ltsctl/serve.toml`): one flat TOML table, one
//! key per `serve` flag. Every value is checked here, and a bad one is refused with the file, line and
//! key and what the key takes; an unknown key is a warning with its line (a typo should not stop a
//! server from starting after an upgrade, but should not pass unseen either). Secrets never go in it:
//! a key that holds one inline (`smtp_password`, a `database_url` with a password) is refused with the
//! `_file` key to use instead.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use ipnet::IpNet;
use toml::Value;

use crate::cli::LogFormat;
use crate::error::{Error, Result};
use crate::server::client_addr::{ForwardedHeader, parse_cidr};

/// What the file says, each value with the line it is on (for `--print-config` and errors later on).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSettings {
    pub listen: Option<(SocketAddr, usize)>,
    /// Where `GET /metrics` is served (off when absent).
    pub metrics_listen: Option<(SocketAddr, usize)>,
    pub data_dir: Option<(PathBuf, usize)>,
    pub database_url_file: Option<(PathBuf, usize)>,
    /// Only without a password (peer or certificate authentication, or a `.pgpass` file).
    pub database_url: Option<(String, usize)>,
    pub tls_cert: Option<(PathBuf, usize)>,
    pub tls_key: Option<(PathBuf, usize)>,
    pub rate_limit: Option<(u32, usize)>,
    pub trusted_proxies: Option<(Vec<IpNet>, usize)>,
    pub forwarded_header: Option<(ForwardedHeader, usize)>,
    pub access_log: Option<(bool, usize)>,
    pub log_format: Option<(LogFormat, usize)>,
    /// An `EnvFilter` expression, like `LTSCTL_LOG`.
    pub log: Option<(String, usize)>,
    /// The `smtp_*` keys (alert e-mails).
    pub smtp: super::smtp::SmtpFile,
}

/// Every key the file takes, in the order of the example and of `--print-config`.
pub const KEYS: &[&str] = &[
    "listen",
    "metrics_listen",
    "data_dir",
    "database_url_file",
    "database_url",
    "tls_cert",
    "tls_key",
    "rate_limit",
    "trusted_proxies",
    "forwarded_header",
    "access_log",
    "log_format",
    "log",
    "smtp_host",
    "smtp_port",
    "smtp_tls",
    "smtp_username",
    "smtp_password_file",
    "smtp_from",
    "smtp_ca_cert",
];

/// Reads and checks the file: its settings and a warning per unknown key.
pub fn load(path: &Path) -> Result<(FileSettings, Vec<String>)> {
    if path.is_dir() {
        return Err(Error::usage(format!(
            "serve config {} is a directory, not a file",
            path.display()
        ))
        .with_hint("give the path of the TOML file, e.g. /etc/ltsctl/serve.toml"));
    }
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => {
            Error::usage(format!("serve config {}: not UTF-8 text", path.display()))
        }
        _ => Error::io(path, e),
    })?;
    parse(&text, &path.display().to_string())
}

/// [`load`] on the file's text; `name` is how messages call the file.
pub fn parse(text: &str, name: &str) -> Result<(FileSettings, Vec<String>)> {
    let syntax = |e: toml::de::Error| {
        let at = e.span().map(|s| format!(":{}", line_at(text, s.start))).unwrap_or_default();
        Error::usage(format!("{name}{at}: not valid TOML: {}", e.message()))
            .with_hint("`ltsctl config init --serve` prints a commented example")
    };
    let spanned = toml::de::DeTable::parse(text).map_err(syntax)?;
    let table: toml::Table = toml::from_str(text).map_err(syntax)?;
    let mut lines = std::collections::HashMap::new();
    for (key, value) in spanned.get_ref().iter() {
        let line = line_at(text, key.span().start);
        let value_line = line_at(text, value.span().start);
        lines.insert(key.get_ref().to_string(), (line, value_line));
    }
    let mut out = FileSettings::default();
    let mut warnings = Vec::new();
    for (key, value) in &table {
        let (line, value_line) = lines.get(key.as_str()).copied().unwrap_or((0, 0));
        let at = |what: &str| Error::usage(format!("{name}:{value_line}: `{key}` {what}"));
        match key.as_str() {
            "listen" => {
                let s = string(value)
                    .ok_or_else(|| at("must be a string such as \"127.0.0.1:48080\""))?;
                let addr =
                    crate::cli::parse_listen(s).map_err(|e| at(&format!("is invalid: {e}")))?;
                out.listen = Some((addr, value_line));
            }
            "metrics_listen" => {
                let s = string(value)
                    .ok_or_else(|| at("must be a string such as \"127.0.0.1:9464\""))?;
                let addr =
                    crate::cli::parse_listen(s).map_err(|e| at(&format!("is invalid: {e}")))?;
                out.metrics_listen = Some((addr, value_line));
            }
            "data_dir" => {
                out.data_dir = Some((path_value(value).ok_or_else(|| at(PATH))?, value_line))
            }
            "database_url_file" => {
                out.database_url_file =
                    Some((path_value(value).ok_or_else(|| at(PATH))?, value_line));
            }
            "database_url" => {
                let url = string(value).ok_or_else(|| {
                    at("must be a string such as \"postgres://lts@db.internal/lts\"")
                })?;
                if has_password(url) {
                    return Err(at(
                        "holds a password inline; a config file is no place for a secret",
                    )
                    .with_hint(
                        "put the URL in a file only the server's user can read (chmod 600) \
                             and name it with database_url_file = \"/etc/ltsctl/database-url\"",
                    ));
                }
                if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
                    return Err(at(
                        "must be a postgres:// URL (for the embedded store, set data_dir)",
                    ));
                }
                out.database_url = Some((url.to_string(), value_line));
            }
            "tls_cert" => {
                out.tls_cert = Some((path_value(value).ok_or_else(|| at(PATH))?, value_line))
            }
            "tls_key" => {
                out.tls_key = Some((path_value(value).ok_or_else(|| at(PATH))?, value_line))
            }
            "rate_limit" => {
                let n = value
                    .as_integer()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| at("must be a whole number of requests per second, 0 (no limit) to 4294967295"))?;
                out.rate_limit = Some((n, value_line));
            }
            "trusted_proxies" => {
                let list = value.as_array().ok_or_else(|| {
                    at("must be an array of IP addresses or CIDR ranges, e.g. [\"127.0.0.1/32\", \"10.0.0.0/8\"]")
                })?;
                let mut nets = Vec::new();
                for v in list {
                    let s = string(v)
                        .ok_or_else(|| at("must hold strings, e.g. [\"127.0.0.1/32\"]"))?;
                    nets.push(parse_cidr(s).map_err(|e| at(&format!("has a bad entry: {e}")))?);
                }
                out.trusted_proxies = Some((nets, value_line));
            }
            "forwarded_header" => {
                let h = string(value)
                    .and_then(ForwardedHeader::parse)
                    .ok_or_else(|| at("must be \"x-forwarded-for\" or \"forwarded\""))?;
                out.forwarded_header = Some((h, value_line));
            }
            "access_log" => {
                let b = value.as_bool().ok_or_else(|| at("must be true or false"))?;
                out.access_log = Some((b, value_line));
            }
            "log_format" => {
                let f = match string(value) {
                    Some("text") => LogFormat::Text,
                    Some("json") => LogFormat::Json,
                    _ => return Err(at("must be \"text\" or \"json\"")),
                };
                out.log_format = Some((f, value_line));
            }
            "log" => {
                let s = string(value).ok_or_else(|| {
                    at("must be a string such as \"info\" or \"info,ltsctl=debug\"")
                })?;
                tracing_subscriber::EnvFilter::builder().parse(s).map_err(|e| {
                    at(&format!(
                        "is not a log filter ({e}); write e.g. \"info\" or \"warn,ltsctl=debug\""
                    ))
                })?;
                out.log = Some((s.to_string(), value_line));
            }
            other if super::smtp::KEYS.contains(&other) => {
                super::smtp::parse_key(&mut out.smtp, other, value, value_line, &at)?
            }
            other if looks_secret(other) => {
                return Err(Error::usage(format!(
                    "{name}:{line}: `{other}` holds a secret inline; a config file is no place for a secret"
                ))
                .with_hint(format!(
                    "put it in a file only the server's user can read (chmod 600) and name that file with `{other}_file`"
                )));
            }
            other => warnings.push(format!(
                "{name}:{line}: unknown key `{other}` (ignored); known keys: {}",
                KEYS.join(", ")
            )),
        }
    }
    let stores = [
        ("data_dir", out.data_dir.is_some()),
        ("database_url_file", out.database_url_file.is_some()),
        ("database_url", out.database_url.is_some()),
    ];
    let set: Vec<&str> = stores.iter().filter(|s| s.1).map(|s| s.0).collect();
    if set.len() > 1 {
        return Err(Error::usage(format!(
            "{name}: `{}` and `{}` both choose the store; keep one",
            set[0], set[1]
        )));
    }
    if out.tls_cert.is_some() != out.tls_key.is_some() {
        let (has, lacks) =
            if out.tls_cert.is_some() { ("tls_cert", "tls_key") } else { ("tls_key", "tls_cert") };
        return Err(Error::usage(format!(
            "{name}: `{has}` is set without `{lacks}`; HTTPS needs both"
        )));
    }
    Ok((out, warnings))
}

const PATH: &str = "must be a path (a string)";

fn string(v: &Value) -> Option<&str> {
    v.as_str()
}

fn path_value(v: &Value) -> Option<PathBuf> {
    v.as_str().filter(|s| !s.is_empty()).map(PathBuf::from)
}

/// A key named for a secret (a password, token, key or secret) that is not a `_file` reference.
fn looks_secret(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    !k.ends_with("_file")
        && ["password", "passwd", "secret", "token", "private_key", "api_key"]
            .iter()
            .any(|s| k.contains(s))
}

/// `postgres://user:PASSWORD@host/db`, or a `password=` query parameter.
pub fn has_password(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let userinfo_password =
        authority.rsplit_once('@').is_some_and(|(userinfo, _)| userinfo.contains(':'));
    let query_password = url.split_once('?').is_some_and(|(_, q)| {
        q.split('&').any(|p| p.to_ascii_lowercase().starts_with("password="))
    });
    userinfo_password || query_password
}

/// `postgres://user:****@host/db` (and `password=****`): a URL that can be shown.
pub fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:****@{host}"),
            None => authority.to_string(),
        },
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|p| match p.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=****"),
                    _ => p.to_string(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

/// The 1-based line of byte offset `at`.
fn line_at(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> (FileSettings, Vec<String>) {
        parse(text, "serve.toml").unwrap()
    }

    fn err(text: &str) -> Error {
        parse(text, "serve.toml").unwrap_err()
    }

    #[test]
    fn every_key_is_read_with_its_line() {
        let (s, warnings) = ok("listen = \"0.0.0.0:8443\"\ndata_dir = \"/var/lib/ltsctl\"\n\
             tls_cert = \"c.pem\"\ntls_key = \"k.pem\"\nrate_limit = 50\n\
             trusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\"]\nforwarded_header = \"forwarded\"\n\
             access_log = true\nlog_format = \"json\"\nlog = \"info,ltsctl=debug\"\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(s.listen, Some(("0.0.0.0:8443".parse().unwrap(), 1)));
        assert_eq!(s.data_dir, Some(("/var/lib/ltsctl".into(), 2)));
        assert_eq!(s.rate_limit, Some((50, 5)));
        let (nets, line) = s.trusted_proxies.unwrap();
        assert_eq!(line, 6);
        assert_eq!(nets[0].to_string(), "127.0.0.1/32");
        assert_eq!(s.forwarded_header, Some((ForwardedHeader::Forwarded, 7)));
        assert_eq!(s.access_log, Some((true, 8)));
        assert_eq!(s.log_format, Some((LogFormat::Json, 9)));
        assert_eq!(s.log, Some(("info,ltsctl=debug".into(), 10)));
    }

    #[test]
    fn unknown_keys_are_warned_with_their_line() {
        let (_, warnings) = ok("rate_limit = 5\n\nlisten_addr = \"x\"\n[metrics]\nport = 1\n");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("serve.toml:3: unknown key `listen_addr`"), "{warnings:?}");
        assert!(warnings[1].starts_with("serve.toml:4: unknown key `metrics`"), "{warnings:?}");
    }

    #[test]
    fn bad_values_name_the_key_the_line_and_what_is_allowed() {
        let cases = [
            ("rate_limit = -1", "serve.toml:1: `rate_limit` must be a whole number"),
            ("\nrate_limit = \"fast\"", "serve.toml:2: `rate_limit` must be a whole number"),
            (
                "metrics_listen = 9464",
                "serve.toml:1: `metrics_listen` must be a string such as \"127.0.0.1:9464\"",
            ),
            (
                "metrics_listen = \"localhost\"",
                "serve.toml:1: `metrics_listen` is invalid: \"localhost\" has no port",
            ),
            ("listen = \"nowhere\"", "serve.toml:1: `listen` is invalid: \"nowhere\" has no port"),
            ("trusted_proxies = \"127.0.0.1\"", "`trusted_proxies` must be an array"),
            (
                "trusted_proxies = [\"10.0.0.0/33\"]",
                "`trusted_proxies` has a bad entry: `10.0.0.0/33` is not an IP address or CIDR range",
            ),
            (
                "forwarded_header = \"x-real-ip\"",
                "`forwarded_header` must be \"x-forwarded-for\" or \"forwarded\"",
            ),
            ("access_log = \"yes\"", "`access_log` must be true or false"),
            ("log_format = \"xml\"", "`log_format` must be \"text\" or \"json\""),
            ("log = \"ltsctl=loud\"", "`log` is not a log filter"),
            ("database_url = \"mysql://x\"", "`database_url` must be a postgres:// URL"),
            (
                "data_dir = \"/a\"\ndatabase_url_file = \"/b\"",
                "`data_dir` and `database_url_file` both choose the store",
            ),
            ("tls_cert = \"c.pem\"", "`tls_cert` is set without `tls_key`"),
            ("listen = ", "serve.toml:1: not valid TOML"),
        ];
        for (text, want) in cases {
            let e = err(text);
            assert_eq!(e.kind, crate::error::ErrorKind::Usage);
            assert!(e.message.contains(want), "{text:?}: {}", e.message);
        }
    }

    #[test]
    fn inline_secrets_are_refused_with_the_file_key_to_use() {
        let e = err("listen = \"127.0.0.1:1\"\nsmtp_password = \"hunter2\"\n");
        assert!(
            e.message.starts_with("serve.toml:2: `smtp_password` holds a secret inline"),
            "{}",
            e.message
        );
        assert!(!e.message.contains("hunter2"));
        assert!(e.hint.unwrap().contains("smtp_password_file"));
        for url in [
            "postgres://lts:hunter2@db/lts",
            "postgresql://lts:@db/lts",
            "postgres://lts@db/lts?sslmode=require&password=hunter2",
        ] {
            let e = err(&format!("database_url = \"{url}\""));
            assert!(
                e.message.contains("`database_url` holds a password inline"),
                "{url}: {}",
                e.message
            );
            assert!(!e.message.contains("hunter2"));
            assert!(e.hint.unwrap().contains("database_url_file"));
        }
        // No password: allowed (peer authentication, a client certificate, .pgpass).
        let (s, _) = ok("database_url = \"postgres://lts@db.internal/lts?sslmode=verify-full\"");
        assert!(s.database_url.is_some());
        // A reference is fine; an unknown one is just unknown.
        let (s, w) = ok("smtp_password_file = \"/etc/ltsctl/smtp\"");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.smtp.password_file.unwrap().0, PathBuf::from("/etc/ltsctl/smtp"));
        let (_, w) = ok("api_token_file = \"/etc/ltsctl/t\"");
        assert!(w[0].contains("unknown key `api_token_file`"), "{w:?}");
    }

    #[test]
    fn passwords_are_masked() {
        assert_eq!(
            mask_password("postgres://lts:hunter2@db:5432/lts?x=1"),
            "postgres://lts:****@db:5432/lts?x=1"
        );
        assert_eq!(
            mask_password("postgres://lts@db/lts?password=hunter2&sslmode=require"),
            "postgres://lts@db/lts?password=****&sslmode=require"
        );
        assert_eq!(mask_password("postgres://lts@db/lts"), "postgres://lts@db/lts");
        assert!(has_password("postgres://a:b@h/d"));
        assert!(!has_password("postgres://a@h/d"));
        assert!(!has_password("postgres://h/d?user=a"));
    }
}
