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
    /// The LTS URL, e.g. https://lts.example.com:48080.
    pub server: String,
    /// A private CA's certificate (PEM) that signed the server's certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
}

pub fn path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("LTSCTL_CONFIG").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::config_dir()
        .map(|d| d.join("ltsctl").join("config.toml"))
        .ok_or_else(|| {
            Error::usage("cannot find a config directory for this user")
                .with_hint("set LTSCTL_CONFIG")
        })
}

/// Reads the config; a missing file is an empty config. Returns warnings for keys it does not know.
pub fn load(path: &Path) -> Result<(Config, Vec<String>)> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Config::default(), Vec::new()));
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut unknown = Vec::new();
    let de = toml::Deserializer::parse(&text)
        .map_err(|e| Error::usage(format!("{}: {e}", path.display())))?;
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

fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// Writes the config atomically, private to its owner.
pub fn save(path: &Path, config: &Config) -> Result<()> {
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
    crate::commands::write_new_file(path, format!("{header}{text}").as_bytes(), 0o600, true)
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
        let mut c = Config {
            active_profile: Some("prod".into()),
            ..Default::default()
        };
        c.profiles.insert(
            "prod".into(),
            Profile {
                server: "https://lts:48080".into(),
                ca_cert: None,
            },
        );
        save(&p, &c).unwrap();
        assert_eq!(load(&p).unwrap().0, c);
    }
}
