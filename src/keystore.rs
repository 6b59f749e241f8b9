//! Where `ltsctl login` keeps admin tokens: the OS keyring (Keychain, Credential Manager, Secret Service),
//! falling back on Linux to the kernel keyutils store when no Secret Service answers (servers, CI).
//! Keyring calls block (D-Bus, prompts), so they run on the blocking pool with a timeout.

use std::time::Duration;

use zeroize::Zeroizing;

use crate::error::{Error, ErrorKind, Result};

const SERVICE: &str = "ltsctl";
const TIMEOUT: Duration = Duration::from_secs(15);

fn unavailable(detail: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Unauthenticated, format!("the OS keyring is not available: {detail}")).with_hint(
        "unlock or start your keyring, or give the token in the LTSCTL_TOKEN environment variable (CI); \
         on Linux servers run inside a keyutils session (`keyctl session -`)",
    )
}

/// An entry for `account` in the first store that answers, and that store's name.
fn entry(account: &str) -> std::result::Result<(keyring_core::Entry, &'static str), String> {
    let why = match keyring::Entry::store_status() {
        Ok(()) => match keyring::Entry::new(SERVICE, account) {
            Ok(e) => match e.get_password() {
                Ok(_) | Err(keyring_core::Error::NoEntry) => {
                    return Ok((e.inner, platform_store()));
                }
                Err(err) => err.to_string(),
            },
            Err(err) => err.to_string(),
        },
        Err(err) => err.to_string(),
    };
    fallback(account, why)
}

fn platform_store() -> &'static str {
    if cfg!(target_os = "macos") {
        "macOS Keychain"
    } else if cfg!(windows) {
        "Windows Credential Manager"
    } else {
        "Secret Service"
    }
}

#[cfg(target_os = "linux")]
fn fallback(
    account: &str,
    why: String,
) -> std::result::Result<(keyring_core::Entry, &'static str), String> {
    let store = linux_keyutils_keyring_store::Store::new()
        .map_err(|e| format!("{why}; kernel keyutils: {e}"))?;
    keyring_core::set_default_store(store);
    let entry = keyring_core::Entry::new(SERVICE, account)
        .map_err(|e| format!("{why}; kernel keyutils: {e}"))?;
    Ok((entry, "kernel keyutils store"))
}

#[cfg(not(target_os = "linux"))]
fn fallback(
    _account: &str,
    why: String,
) -> std::result::Result<(keyring_core::Entry, &'static str), String> {
    Err(why)
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    match tokio::time::timeout(TIMEOUT, tokio::task::spawn_blocking(f)).await {
        Ok(Ok(result)) => result,
        Ok(Err(join)) => Err(unavailable(format!("the keyring call failed: {join}"))),
        Err(_) => {
            Err(unavailable("it did not answer within 15 s (locked, or waiting for a prompt?)"))
        }
    }
}

/// Stores the token for `account`; returns the store's name.
pub async fn save(account: &str, token: Zeroizing<String>) -> Result<&'static str> {
    let account = account.to_string();
    blocking(move || {
        let (entry, store) = entry(&account).map_err(unavailable)?;
        entry.set_password(&token).map_err(unavailable)?;
        Ok(store)
    })
    .await
}

pub async fn load(account: &str) -> Result<Option<Zeroizing<String>>> {
    let account = account.to_string();
    blocking(move || {
        let (entry, _) = entry(&account).map_err(unavailable)?;
        match entry.get_password() {
            Ok(p) => Ok(Some(Zeroizing::new(p))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(unavailable(e)),
        }
    })
    .await
}

/// Deletes the token for `account`; `Ok(false)` when there was none.
pub async fn delete(account: &str) -> Result<bool> {
    let account = account.to_string();
    blocking(move || {
        let (entry, _) = entry(&account).map_err(unavailable)?;
        match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(e) => Err(unavailable(e)),
        }
    })
    .await
}
