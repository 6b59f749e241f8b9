//! Which LTS a command administers. First match wins: `--server URL` / `LTSCTL_SERVER`, `--data-dir` /
//! `LTSCTL_DATA_DIR`, the active profile of the config file, else the local default data dir.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::admin::Admin;
use crate::admin::local::LocalAdmin;
use crate::admin::remote::RemoteAdmin;
use crate::clock::SystemClock;
use crate::config::{self, Config};
use crate::error::{Error, ErrorKind, Result};
use crate::store::{OpenMode, SqliteStore, StoreError};

/// The platform's data dir for ltsctl, e.g. `~/.local/share/ltsctl` on Linux.
pub fn default_data_dir() -> Result<PathBuf> {
    dirs::data_dir().map(|d| d.join("ltsctl")).ok_or_else(|| {
        Error::usage("cannot find a data directory for this user")
            .with_hint("pass --data-dir DIR or set LTSCTL_DATA_DIR")
    })
}

pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf> {
    match flag {
        Some(dir) if dir.as_os_str().is_empty() => Err(Error::usage("--data-dir is empty")),
        Some(dir) => Ok(dir),
        None => default_data_dir(),
    }
}

#[derive(Debug, Clone, Default)]
pub struct TargetArgs {
    pub server: Option<String>,
    pub database: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub profile: Option<String>,
    pub ca_cert: Option<PathBuf>,
}

/// Where the commands go, decided before anything is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Local(PathBuf),
    /// Direct access to a PostgreSQL database (the LTS instances' shared store).
    Database(String),
    Remote {
        server: String,
        profile: Option<String>,
        ca_cert: Option<PathBuf>,
    },
}

pub fn resolve(args: &TargetArgs, config: &Config) -> Result<Resolved> {
    if let Some(server) = &args.server {
        // A profile for the same URL lends its keyring entry and CA.
        let profile = args.profile.clone().or_else(|| {
            config.profiles.iter().find(|(_, p)| p.server == *server).map(|(n, _)| n.clone())
        });
        let ca = args.ca_cert.clone().or_else(|| {
            profile.as_ref().and_then(|n| config.profiles.get(n)).and_then(|p| p.ca_cert.clone())
        });
        return Ok(Resolved::Remote { server: server.clone(), profile, ca_cert: ca });
    }
    if let Some(url) = &args.database {
        return Ok(Resolved::Database(url.clone()));
    }
    if let Some(dir) = &args.data_dir {
        return Ok(Resolved::Local(resolve_data_dir(Some(dir.clone()))?));
    }
    if let Some(name) = args.profile.as_ref().or(config.active_profile.as_ref()) {
        let p = config.profiles.get(name).ok_or_else(|| {
            Error::not_found(format!("no login profile {name}"))
                .with_hint("see `ltsctl profile list`, or `ltsctl login`")
        })?;
        return Ok(Resolved::Remote {
            server: p.server.clone(),
            profile: Some(name.clone()),
            ca_cert: args.ca_cert.clone().or_else(|| p.ca_cert.clone()),
        });
    }
    Ok(Resolved::Local(default_data_dir()?))
}

/// How a missing store is created, for the error of a command that does not create one.
const CREATE_HINT: &str = "this command does not create a store; make one with `ltsctl init` (or \
    `ltsctl serve`, or a first change: `trust add`, `license import`, `handshake create`, `token create`)";

/// Opens the embedded store in `dir`; with [`OpenMode::Existing`] a missing one is an error naming the
/// path, never a new empty store.
pub async fn open_local(dir: &Path, mode: OpenMode) -> Result<Arc<SqliteStore>> {
    match SqliteStore::open_mode(dir, mode).await {
        Ok(store) => Ok(Arc::new(store)),
        Err(StoreError::NotFound(m)) => Err(Error::not_found(m)
            .with_hint(format!("check --data-dir and LTSCTL_DATA_DIR; {CREATE_HINT}"))),
        Err(e) => Err(e.into()),
    }
}

/// Connects to a PostgreSQL store, running its migrations; the error never shows the URL's password.
/// With [`OpenMode::Existing`] a database that holds no ltsctl store is an error, not a new store.
pub async fn open_database(url: &str, mode: OpenMode) -> Result<Arc<dyn crate::store::Store>> {
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(Error::usage(
            "--database takes a PostgreSQL URL: postgres://user@host:5432/dbname",
        ));
    }
    match crate::store::PgStore::connect_mode(url, mode).await {
        Ok(store) => Ok(Arc::new(store)),
        Err(StoreError::NotFound(m)) => Err(Error::not_found(m)
            .with_hint(format!("check --database and LTSCTL_DATABASE_URL; {CREATE_HINT}"))),
        Err(StoreError::Busy(m)) => Err(StoreError::Busy(m).into()),
        Err(e) => Err(Error::new(ErrorKind::Unreachable, format!("cannot use the database: {e}"))
            .with_hint(
                "check that PostgreSQL runs and the URL (host, port, user, database) is right",
            )),
    }
}

/// The admin token: `LTSCTL_TOKEN` wins (CI), else the profile's keyring entry.
pub async fn token_for(server: &str, profile: Option<&str>) -> Result<Zeroizing<String>> {
    if let Some(t) = std::env::var_os("LTSCTL_TOKEN").filter(|t| !t.is_empty()) {
        // CI secrets often end in a newline; a header cannot hold one.
        let t = t.into_string().map_err(|_| Error::usage("LTSCTL_TOKEN is not valid UTF-8"))?;
        return one_word(Zeroizing::new(t.trim().to_string()), "LTSCTL_TOKEN");
    }
    let missing = || {
        Error::new(ErrorKind::Unauthenticated, format!("no admin token for {server}"))
            .with_hint(format!("run `ltsctl login --server {server}`, or set LTSCTL_TOKEN"))
    };
    let profile = profile.ok_or_else(missing)?;
    let token = crate::keystore::load(profile).await?.ok_or_else(missing)?;
    one_word(Zeroizing::new(token.trim().to_string()), "the keyring's token")
}

/// A token goes into an HTTP header: whitespace or control characters inside it (two secrets pasted
/// together, a JSON document instead of its `token` field) are a mistake to name, not a network failure.
/// The token itself is never shown.
fn one_word(token: Zeroizing<String>, what: &str) -> Result<Zeroizing<String>> {
    if token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::new(
            ErrorKind::Unauthenticated,
            format!("{what} has spaces, line breaks or control characters inside it"),
        )
        .with_hint(
            "an admin token is one word, `ltsctl_<id>_<secret>`, as `ltsctl token create` printed it \
             (with -o json: its `token` field)",
        ));
    }
    Ok(token)
}

/// Opens the admin target the global flags name, and says which it is. `mode`: whether the command may
/// create a local store that does not exist yet.
pub async fn open(args: &TargetArgs, mode: OpenMode) -> Result<(Box<dyn Admin>, Vec<String>)> {
    let (config, mut warnings, broken) = config::load_for_target();
    if let Some(err) = broken {
        // Only the profile step of the target order needs the config; the other targets work without it.
        if args.server.is_none() && args.database.is_none() && args.data_dir.is_none() {
            return Err(err);
        }
        warnings.push(format!("{}; going on without its profiles", err.message));
    }
    let admin: Box<dyn Admin> = match resolve(args, &config)? {
        Resolved::Local(dir) => {
            Box::new(LocalAdmin::new(open_local(&dir, mode).await?, Arc::new(SystemClock)))
        }
        Resolved::Database(url) => {
            Box::new(LocalAdmin::new(open_database(&url, mode).await?, Arc::new(SystemClock)))
        }
        Resolved::Remote { server, profile, ca_cert } => {
            let token = token_for(&server, profile.as_deref()).await?;
            Box::new(RemoteAdmin::new(&server, Some(token), ca_cert.as_deref())?)
        }
    };
    Ok((admin, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Profile;

    fn config() -> Config {
        let mut c = Config { active_profile: Some("prod".into()), ..Default::default() };
        c.profiles.insert(
            "prod".into(),
            Profile { server: "https://prod:48080".into(), ca_cert: Some("ca.pem".into()) },
        );
        c.profiles
            .insert("lab".into(), Profile { server: "http://lab:48080".into(), ca_cert: None });
        c
    }

    #[test]
    fn first_match_wins() {
        let c = config();
        let server = TargetArgs {
            server: Some("https://prod:48080".into()),
            data_dir: Some("/d".into()),
            ..Default::default()
        };
        assert_eq!(
            resolve(&server, &c).unwrap(),
            Resolved::Remote {
                server: "https://prod:48080".into(),
                profile: Some("prod".into()),
                ca_cert: Some("ca.pem".into())
            }
        );
        let dir = TargetArgs { data_dir: Some("/d".into()), ..Default::default() };
        assert_eq!(resolve(&dir, &c).unwrap(), Resolved::Local("/d".into()));
        let active = resolve(&TargetArgs::default(), &c).unwrap();
        assert!(
            matches!(active, Resolved::Remote { ref profile, .. } if profile.as_deref() == Some("prod"))
        );
        let chosen = TargetArgs { profile: Some("lab".into()), ..Default::default() };
        assert!(
            matches!(resolve(&chosen, &c).unwrap(), Resolved::Remote { ref server, .. } if server == "http://lab:48080")
        );
        let unknown = TargetArgs { profile: Some("nope".into()), ..Default::default() };
        assert_eq!(resolve(&unknown, &c).unwrap_err().kind, ErrorKind::NotFound);
        assert!(matches!(
            resolve(&TargetArgs::default(), &Config::default()).unwrap(),
            Resolved::Local(_)
        ));
    }
}
