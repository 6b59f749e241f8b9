//! The config file (`~/.config/ltsctl/config.toml`, or `LTSCTL_CONFIG`): login profiles. It never holds a
//! secret: tokens live in the OS keyring.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// The profile used when neither --server nor --data-dir is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// The LTS URL, e.g. `https://lts.example.com:48080`.
    pub server: String,
    /// A private CA's certificate (PEM) that signed the server's certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
}

pub fn path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("LTSCTL_CONFIG").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::config_dir().map(|d| d.join("ltsctl").join("config.toml")).ok_or_else(|| {
        Error::usage("cannot find a config directory for this user").with_hint("set LTSCTL_CONFIG")
    })
}

/// Refuses a config path that names a directory (`LTSCTL_CONFIG=~/.config/ltsctl`, say).
pub fn check_path(path: &Path) -> Result<()> {
    if path.is_dir() {
        let from_env = std::env::var_os("LTSCTL_CONFIG").is_some_and(|p| Path::new(&p) == path);
        let example = path.join("config.toml");
        let hint = if from_env {
            format!("point LTSCTL_CONFIG at a file, e.g. LTSCTL_CONFIG={}", example.display())
        } else {
            "move the directory away: ltsctl keeps its config in a file at that path".to_string()
        };
        return Err(Error::usage(format!(
            "config file {} is a directory, not a file",
            path.display()
        ))
        .with_hint(hint));
    }
    Ok(())
}

/// Reads the config; a missing file is an empty config. Returns warnings for keys it does not know.
pub fn load(path: &Path) -> Result<(Config, Vec<String>)> {
    check_path(path)?;
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Config::default(), Vec::new()));
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut unknown = Vec::new();
    let de = toml::Deserializer::parse(&text).map_err(|e| {
        Error::usage(format!("{}: {e}", path.display()))
            .with_hint("fix the file or run `ltsctl config init --force`")
    })?;
    let config: Config =
        serde_ignored::deserialize(de, |p| unknown.push(p.to_string())).map_err(|e| {
            Error::usage(format!("{}: {e}", path.display()))
                .with_hint("fix the file or run `ltsctl config init --force`")
        })?;
    let warnings = unknown
        .into_iter()
        .map(|key| {
            let leaf = key.rsplit('.').next().unwrap_or(&key).to_string();
            match line_of(&text, &leaf) {
                Some(line) => format!("{}:{line}: unknown key `{key}` (ignored)", path.display()),
                None => format!("{}: unknown key `{key}` (ignored)", path.display()),
            }
        })
        .collect();
    Ok((config, warnings))
}

/// The config as target selection reads it. A config file that cannot be read or parsed is not fatal
/// here: most commands name their target with --server, --data-dir or --database and need no profile, so
/// the error is returned for the caller to raise only when a profile is needed (else it warns).
pub fn load_for_target() -> (Config, Vec<String>, Option<Error>) {
    // No config dir at all (no HOME): there is no config to read, which is not an error.
    let Ok(path) = path() else {
        return (Config::default(), Vec::new(), None);
    };
    match load(&path) {
        Ok((config, warnings)) => (config, warnings, None),
        Err(e) => (Config::default(), Vec::new(), Some(e)),
    }
}

fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// Writes the config atomically, private to its owner.
pub fn save(path: &Path, config: &Config) -> Result<()> {
    check_path(path)?;
    let text = toml::to_string_pretty(config)
        .map_err(|e| Error::internal(format!("encoding the config: {e}")))?;
    if let Some(dir) = path.parent() {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir).map_err(|e| Error::io(dir, e))?;
    }
    let header =
        "# ltsctl config: login profiles. Tokens are kept in the OS keyring, never here.\n";
    crate::files::write_new_file(path, format!("{header}{text}").as_bytes(), 0o600, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_reported_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "active_profile = \"a\"\ncolour = true\n[profiles.a]\nserver = \"https://x\"\ntoken = \"oops\"\n").unwrap();
        let (c, warnings) = load(&p).unwrap();
        assert_eq!(c.profiles["a"].server, "https://x");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains(":2: unknown key `colour`"));
        assert!(warnings[1].contains(":5: unknown key `profiles.a.token`"));
    }

    #[test]
    fn round_trips_and_a_missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub").join("c.toml");
        assert_eq!(load(&p).unwrap().0, Config::default());
        let mut c = Config { active_profile: Some("prod".into()), ..Default::default() };
        c.profiles
            .insert("prod".into(), Profile { server: "https://lts:48080".into(), ca_cert: None });
        save(&p, &c).unwrap();
        assert_eq!(load(&p).unwrap().0, c);
    }

    #[test]
    fn a_directory_is_refused_with_a_hint_and_a_broken_file_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = load(dir.path()).unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Usage);
        assert!(e.message.contains("is a directory"), "{e:?}");
        assert!(e.hint.is_some());
        assert_eq!(
            save(dir.path(), &Config::default()).unwrap_err().kind,
            crate::error::ErrorKind::Usage
        );
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "active_profile = [\n").unwrap();
        let e = load(&p).unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Usage);
        assert!(e.hint.is_some());
    }
}
