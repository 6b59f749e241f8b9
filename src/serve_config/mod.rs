//! The effective settings of `ltsctl serve`: the command line (and the environment variables clap reads
//! for it) over the config file ([`file`]) over the defaults, each with where it came from, for
//! `--print-config` and for SIGHUP, which resolves them again from a fresh read of the file.

mod example;
pub mod file;
mod smtp;

pub use smtp::PASSWORD_ENV as SMTP_PASSWORD_ENV;

pub use example::EXAMPLE;

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use crate::cli::{LogFormat, ServeArgs};
use crate::error::{Error, Result};
use crate::server::client_addr::TrustedProxies;
use crate::server::{LiveSettings, TlsFiles};

pub const DEFAULT_LISTEN: &str = "127.0.0.1:48080";
pub const DEFAULT_RATE_LIMIT: u32 = 20;
pub const DEFAULT_LOG: &str = "info";

/// What the command line says: `serve`'s own flags and the global store flags (with their environment
/// variables already applied by clap).
#[derive(Debug, Clone)]
pub struct Overrides {
    pub args: ServeArgs,
    pub data_dir: Option<PathBuf>,
    pub database: Option<String>,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    /// The config file, at this line.
    File(usize),
    /// A flag, or the environment variable it reads.
    CommandLine(&'static str),
}

impl Source {
    fn describe(&self, file: Option<&Path>) -> String {
        match self {
            Source::Default => "default".into(),
            Source::File(line) => {
                format!("{}:{line}", file.map(|p| p.display().to_string()).unwrap_or_default())
            }
            Source::CommandLine(what) => (*what).to_string(),
        }
    }
}

/// The store `serve` opens.
#[derive(Debug, Clone)]
pub enum Store {
    DataDir(PathBuf),
    /// A PostgreSQL URL, and the file it was read from (if any).
    Database {
        url: Zeroizing<String>,
        file: Option<PathBuf>,
    },
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Store::DataDir(a), Store::DataDir(b)) => a == b,
            (Store::Database { url: a, .. }, Store::Database { url: b, .. }) => {
                a.as_str() == b.as_str()
            }
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub config_file: Option<PathBuf>,
    pub listen: SocketAddr,
    /// Where `GET /metrics` is served; `None`: nowhere.
    pub metrics_listen: Option<SocketAddr>,
    pub store: Store,
    pub tls: Option<TlsFiles>,
    pub live: LiveSettings,
    pub log_format: LogFormat,
    /// The log filter (`EnvFilter` syntax).
    pub log: String,
    /// Where e-mail alerts go out (`smtp_*` keys); `None` without `smtp_host`.
    pub smtp: Option<crate::notify::email::SmtpSettings>,
    /// Each key's source, in [`file::KEYS`] order.
    pub sources: Vec<(&'static str, Source)>,
}

/// Resolves the settings; warnings (unknown keys, a world-readable URL file) are returned for the caller
/// to show. Bad values are errors (exit 2) naming the key.
pub fn resolve(ov: &Overrides) -> Result<(Settings, Vec<String>)> {
    let args = &ov.args;
    let (file, mut warnings) = match &args.config {
        Some(path) => file::load(path)?,
        None => Default::default(),
    };
    let mut layers = Layers::default();
    let listen = layers
        .value("listen", "--listen", args.listen, &file.listen)
        .unwrap_or_else(|| DEFAULT_LISTEN.parse().expect("the default address parses"));
    let metrics_listen = layers.value(
        "metrics_listen",
        "--metrics-listen",
        args.metrics_listen,
        &file.metrics_listen,
    );
    if let Some(metrics) = metrics_listen
        && metrics == listen
        && metrics.port() != 0
    {
        return Err(Error::usage(format!(
            "metrics_listen ({metrics}) is the device port (listen); metrics are never served there"
        ))
        .with_hint("give --metrics-listen (or metrics_listen) another port, e.g. 127.0.0.1:9464"));
    }
    let store = resolve_store(ov, &file, &mut layers, &mut warnings)?;
    let tls = match (&args.tls_cert, &args.tls_key, &file.tls_cert, &file.tls_key) {
        (Some(cert), Some(key), _, _) => Some(TlsFiles { cert: cert.clone(), key: key.clone() }),
        (_, _, Some((cert, _)), Some((key, _))) => {
            Some(TlsFiles { cert: cert.clone(), key: key.clone() })
        }
        _ => None,
    };
    let cli_tls = args.tls_cert.is_some();
    layers.record("tls_cert", "--tls-cert", cli_tls, file.tls_cert.as_ref().map(|v| v.1));
    layers.record("tls_key", "--tls-key", cli_tls, file.tls_key.as_ref().map(|v| v.1));
    let rate = layers
        .value("rate_limit", "--rate-limit", args.rate_limit, &file.rate_limit)
        .unwrap_or(DEFAULT_RATE_LIMIT);
    let cli_proxies = (!args.trusted_proxies.is_empty()).then(|| args.trusted_proxies.clone());
    let trusted = layers
        .value("trusted_proxies", "--trusted-proxy", cli_proxies, &file.trusted_proxies)
        .unwrap_or_default();
    let forwarded_header = layers
        .value(
            "forwarded_header",
            "--forwarded-header",
            args.forwarded_header,
            &file.forwarded_header,
        )
        .unwrap_or_default();
    let access_log = layers
        .value("access_log", "--access-log", args.access_log, &file.access_log)
        .unwrap_or(false);
    let log_format = layers
        .value("log_format", "--log-format", args.log_format, &file.log_format)
        .unwrap_or_default();
    let env_log = std::env::var("LTSCTL_LOG").ok().filter(|s| !s.is_empty());
    if let Some(expr) = &env_log {
        tracing_subscriber::EnvFilter::builder().parse(expr).map_err(|e| {
            Error::usage(format!("LTSCTL_LOG={expr:?} is not a log filter: {e}"))
                .with_hint("write e.g. LTSCTL_LOG=info or LTSCTL_LOG=warn,ltsctl=debug")
        })?;
    }
    let log = layers
        .value("log", "LTSCTL_LOG", env_log, &file.log)
        .unwrap_or_else(|| DEFAULT_LOG.to_string());
    let smtp = smtp::resolve(args, &file.smtp, &mut layers, &mut warnings)?;
    let settings = Settings {
        config_file: args.config.clone(),
        listen,
        metrics_listen,
        store,
        tls,
        live: LiveSettings {
            rate_limit: NonZeroU32::new(rate),
            trusted_proxies: TrustedProxies::new(trusted),
            forwarded_header,
            access_log,
        },
        log_format,
        log,
        smtp,
        sources: layers.sources,
    };
    Ok((settings, warnings))
}

/// Resolves settings one at a time, flag (or environment) over file, recording in `sources` where
/// each value came from (for `--print-config`, as [`Settings::sources`]).
#[derive(Default)]
pub(super) struct Layers {
    sources: Vec<(&'static str, Source)>,
}

impl Layers {
    /// The value of one setting; `None` when neither flag nor file gives it, for the caller's default.
    pub(super) fn value<T: Clone>(
        &mut self,
        key: &'static str,
        flag: &'static str,
        cli: Option<T>,
        file: &Option<(T, usize)>,
    ) -> Option<T> {
        self.record(key, flag, cli.is_some(), file.as_ref().map(|v| v.1));
        cli.or_else(|| file.as_ref().map(|v| v.0.clone()))
    }

    /// Records where `key`'s value came from: the flag when `cli`, else the file's line, else the
    /// default.
    fn record(&mut self, key: &'static str, flag: &'static str, cli: bool, line: Option<usize>) {
        let source = match (cli, line) {
            (true, _) => Source::CommandLine(flag),
            (false, Some(line)) => Source::File(line),
            (false, None) => Source::Default,
        };
        self.set(key, source);
    }

    /// Records `key`'s source as the caller found it (the store, which has more layers than two).
    fn set(&mut self, key: &'static str, source: Source) {
        self.sources.push((key, source));
    }
}

/// One store: `--database` / `LTSCTL_DATABASE_URL`, `--database-url-file`, `--data-dir` /
/// `LTSCTL_DATA_DIR`, then the file's `database_url_file`, `database_url` or `data_dir`, then systemd's
/// `$STATE_DIRECTORY`, then the platform data dir.
fn resolve_store(
    ov: &Overrides,
    file: &file::FileSettings,
    layers: &mut Layers,
    warnings: &mut Vec<String>,
) -> Result<Store> {
    let cli = |what| Source::CommandLine(what);
    let (store, source, key) = if ov.args.dev {
        // A temp dir made at start (and `--dev` refuses every store flag and --config).
        let store = Store::DataDir(std::env::temp_dir().join("ltsctl-dev-*"));
        (store, cli("--dev"), "data_dir")
    } else if let Some(url) = &ov.database {
        let store = Store::Database { url: Zeroizing::new(url.clone()), file: None };
        (store, cli("--database or LTSCTL_DATABASE_URL"), "database_url")
    } else if let Some(path) = &ov.args.database_url_file {
        let url = read_url_file(path, warnings)?;
        let store = Store::Database { url, file: Some(path.clone()) };
        (store, cli("--database-url-file"), "database_url_file")
    } else if let Some(dir) = &ov.data_dir {
        let store = Store::DataDir(crate::target::resolve_data_dir(Some(dir.clone()))?);
        (store, cli("--data-dir or LTSCTL_DATA_DIR"), "data_dir")
    } else if let Some((path, line)) = &file.database_url_file {
        let url = read_url_file(path, warnings)?;
        let store = Store::Database { url, file: Some(path.clone()) };
        (store, Source::File(*line), "database_url_file")
    } else if let Some((url, line)) = &file.database_url {
        let store = Store::Database { url: Zeroizing::new(url.clone()), file: None };
        (store, Source::File(*line), "database_url")
    } else if let Some((dir, line)) = &file.data_dir {
        let store = Store::DataDir(crate::target::resolve_data_dir(Some(dir.clone()))?);
        (store, Source::File(*line), "data_dir")
    } else if let Some(dir) = systemd_state_dir() {
        let source = cli("STATE_DIRECTORY (systemd's StateDirectory=)");
        (Store::DataDir(dir), source, "data_dir")
    } else {
        let store = Store::DataDir(crate::target::resolve_data_dir(None)?);
        (store, Source::Default, "data_dir")
    };
    layers.set(key, source);
    Ok(store)
}

/// The first directory of `$STATE_DIRECTORY`, which systemd sets for a unit with `StateDirectory=`
/// (`/var/lib/ltsctl` for contrib/systemd/ltsctl.service): the service's own writable place, where the
/// platform data dir (under a system user's home) may not be.
fn systemd_state_dir() -> Option<PathBuf> {
    let value = std::env::var_os("STATE_DIRECTORY")?;
    let first = std::env::split_paths(&value).next()?;
    (!first.as_os_str().is_empty()).then_some(first)
}

/// The PostgreSQL URL in `path` (one line; surrounding white space is dropped).
fn read_url_file(path: &Path, warnings: &mut Vec<String>) -> Result<Zeroizing<String>> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?);
    let url = Zeroizing::new(text.trim().to_string());
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(Error::usage(format!(
            "{}: should hold one postgres:// URL (the database to serve)",
            path.display()
        ))
        .with_hint("write it with e.g. `printf '%s\\n' 'postgres://lts:PASSWORD@db/lts' > FILE`"));
    }
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o007 != 0 && crate::serve_config::file::has_password(&url) {
            warnings.push(format!(
                "{} holds a password and every user can read it (mode {mode:o}); `chmod 600` it",
                path.display()
            ));
        }
    }
    Ok(url)
}

impl Settings {
    /// The settings as `--print-config` shows them: TOML, each line saying where its value came from,
    /// the database password masked.
    pub fn render(&self) -> String {
        let file = self.config_file.as_deref();
        let mut out = String::from(
            "# The effective settings of `ltsctl serve`: flags and environment variables over ",
        );
        match file {
            Some(p) => out.push_str(&format!("{} over defaults.\n", p.display())),
            None => out.push_str("defaults (no --config file).\n"),
        }
        for (key, value) in self.values() {
            let source = self
                .sources
                .iter()
                .find(|s| s.0 == key)
                .map(|s| s.1.describe(file))
                .unwrap_or_else(|| "default".into());
            match value {
                Some(v) => out.push_str(&format!("{key} = {v}  # {source}\n")),
                None => out.push_str(&format!("# {key} is not set\n")),
            }
        }
        out
    }

    /// The same as one JSON document: `{"config_file", "settings": {KEY: VALUE}, "sources": {KEY: ...}}`.
    pub fn to_json(&self) -> serde_json::Value {
        let file = self.config_file.as_deref();
        let mut settings = serde_json::Map::new();
        for (key, value) in self.values() {
            let v = value
                .map(|v| {
                    toml::from_str::<toml::Table>(&format!("v = {v}"))
                        .ok()
                        .and_then(|t| serde_json::to_value(&t["v"]).ok())
                        .unwrap_or(serde_json::Value::Null)
                })
                .unwrap_or(serde_json::Value::Null);
            settings.insert(key.to_string(), v);
        }
        let sources: serde_json::Map<String, serde_json::Value> =
            self.sources.iter().map(|(k, s)| (k.to_string(), s.describe(file).into())).collect();
        serde_json::json!({ "config_file": file, "settings": settings, "sources": sources })
    }

    /// Each key and its value as TOML (`None`: not set), secrets masked.
    fn values(&self) -> Vec<(&'static str, Option<String>)> {
        let s = |v: &str| Some(toml::Value::String(v.to_string()).to_string());
        let path = |p: &Path| s(&p.display().to_string());
        let (data_dir, url_file, url) = match &self.store {
            Store::DataDir(d) => (path(d), None, None),
            Store::Database { url, file } => {
                (None, file.as_deref().and_then(path), s(&file::mask_password(url)))
            }
        };
        let nets: Vec<toml::Value> = self
            .live
            .trusted_proxies
            .nets()
            .iter()
            .map(|n| toml::Value::String(n.to_string()))
            .collect();
        vec![
            ("listen", s(&self.listen.to_string())),
            ("metrics_listen", self.metrics_listen.and_then(|a| s(&a.to_string()))),
            ("data_dir", data_dir),
            ("database_url_file", url_file),
            ("database_url", url),
            ("tls_cert", self.tls.as_ref().and_then(|t| path(&t.cert))),
            ("tls_key", self.tls.as_ref().and_then(|t| path(&t.key))),
            ("rate_limit", Some(self.live.rate_limit.map_or(0, NonZeroU32::get).to_string())),
            ("trusted_proxies", Some(toml::Value::Array(nets).to_string())),
            ("forwarded_header", s(self.live.forwarded_header.as_str())),
            ("access_log", Some(self.live.access_log.to_string())),
            (
                "log_format",
                s(match self.log_format {
                    LogFormat::Text => "text",
                    LogFormat::Json => "json",
                }),
            ),
            ("log", s(&self.log)),
        ]
        .into_iter()
        .chain(smtp::values(self.smtp.as_ref()))
        .collect()
    }

    /// What a SIGHUP cannot change, to warn when the file changed it: a restart applies it.
    pub fn restart_only_changes(&self, new: &Settings) -> Vec<&'static str> {
        let mut keys = Vec::new();
        if self.listen != new.listen {
            keys.push("listen");
        }
        if self.metrics_listen != new.metrics_listen {
            keys.push("metrics_listen");
        }
        if self.store != new.store {
            keys.push("the store (data_dir / database_url / database_url_file)");
        }
        let paths = |t: &Option<TlsFiles>| t.as_ref().map(|t| (t.cert.clone(), t.key.clone()));
        if paths(&self.tls) != paths(&new.tls) {
            keys.push("tls_cert / tls_key (the files at the old paths are reloaded)");
        }
        if self.log_format != new.log_format {
            keys.push("log_format");
        }
        let smtp = |s: &Option<crate::notify::email::SmtpSettings>| {
            s.as_ref().map(|s| {
                (
                    s.host.clone(),
                    s.port,
                    s.tls,
                    s.username.clone(),
                    s.from.clone(),
                    s.ca_cert.clone(),
                    s.password.as_ref().map(|p| p.to_string()),
                )
            })
        };
        if smtp(&self.smtp) != smtp(&new.smtp) {
            keys.push("the smtp_* settings");
        }
        keys
    }
}

#[cfg(test)]
mod tests;
