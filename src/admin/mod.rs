//! Every administrative operation, by area, behind one trait per area, so that commands work the same
//! against the local data dir or database ([`local::LocalAdmin`]) and a remote server
//! ([`remote::RemoteAdmin`]). The areas are named as in every other layer: licenses (with trust),
//! handshakes, devices, usage, access, and the server's own operations.

pub mod local;
pub mod remote;
pub mod types;

use std::time::Duration;

use async_trait::async_trait;
use zeroize::Zeroizing;

use crate::error::Result;
pub use types::*;

/// Binding an imported license's items to a code in the same step (`license import --handshake`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportTarget {
    pub code: String,
    /// Create the code with default settings when it does not exist.
    pub create: bool,
}

/// Which LTS this is, its counts, and sweeping it: `status`, `sweep`.
#[async_trait]
pub trait ServerAdmin: Send + Sync {
    fn target(&self) -> Target;

    async fn status(&self, expiring_within: Duration) -> Result<StatusView>;

    /// Removes devices whose removal time has passed, now.
    async fn sweep(&self) -> Result<SweepView>;
}

/// Trusted issuer keys and licenses: `trust`, `license`.
#[async_trait]
pub trait LicensesAdmin: Send + Sync {
    async fn trust_add(&self, public_key_pem: &str, name: Option<String>)
    -> Result<TrustAddResult>;

    async fn trust_list(&self) -> Result<Vec<TrustedKeyView>>;

    async fn trust_remove(&self, key_id: &str) -> Result<()>;

    /// Verifies and stores one license file (`file_name` is only for messages). Each call is one
    /// transaction: a failed file changes nothing. `replace`: a later issue of a stored license takes
    /// its place (its items keep their bindings, seats and consumption).
    async fn license_import(
        &self,
        file_name: &str,
        contents: &[u8],
        target: Option<&ImportTarget>,
        replace: bool,
    ) -> Result<ImportReport>;

    /// All licenses; with a window, only the active items expiring inside it (and their licenses).
    async fn license_list(&self, expiring_within: Option<Duration>) -> Result<Vec<LicenseView>>;

    async fn license_show(&self, id: &str) -> Result<LicenseView>;

    /// Removes a license (its items, their bindings and the seats on them; never the usage ledger).
    /// `dry_run` says what it would drop and changes nothing.
    async fn license_remove(
        &self,
        id: &str,
        force: bool,
        dry_run: bool,
    ) -> Result<LicenseRemovalView>;
}

/// Handshake codes, their items, settings, domains and passwords: `handshake`.
#[async_trait]
pub trait HandshakesAdmin: Send + Sync {
    async fn handshake_create(
        &self,
        code: &str,
        settings: HandshakeSettings,
    ) -> Result<HandshakeView>;

    async fn handshake_list(&self) -> Result<Vec<HandshakeView>>;

    async fn handshake_show(&self, code: &str) -> Result<HandshakeView>;

    async fn handshake_bind(&self, code: &str, items: &[String]) -> Result<HandshakeView>;

    async fn handshake_unbind(&self, code: &str, items: &[String]) -> Result<HandshakeView>;

    async fn handshake_order(&self, code: &str, items: &[String]) -> Result<HandshakeView>;

    /// Drops the hand-set order: the item that expires soonest is consumed first again.
    async fn handshake_order_by_expiry(&self, code: &str) -> Result<HandshakeView>;

    async fn handshake_set(&self, code: &str, changes: HandshakeChanges) -> Result<HandshakeView>;

    async fn handshake_domains_add(&self, code: &str, domains: &[String]) -> Result<Vec<String>>;

    async fn handshake_domains_remove(&self, code: &str, domains: &[String])
    -> Result<Vec<String>>;

    async fn handshake_domains_list(&self, code: &str) -> Result<Vec<String>>;

    async fn handshake_password_set(&self, code: &str, password: Zeroizing<String>) -> Result<()>;

    async fn handshake_password_clear(&self, code: &str) -> Result<()>;

    async fn handshake_delete(&self, code: &str, force: bool) -> Result<()>;
}

/// Devices holding seats, found and unregistered: `devices`.
#[async_trait]
pub trait DevicesAdmin: Send + Sync {
    /// One page of devices; pass `next_cursor` back for the next.
    async fn devices_list(
        &self,
        query: &DeviceQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<DevicePage>;

    /// The same page as [`Self::devices_list`], each device as its JSON text.
    async fn devices_list_raw(
        &self,
        query: &DeviceQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<RawDevicePage> {
        let page = self.devices_list(query, cursor, limit).await?;
        raw_page(page)
    }

    async fn devices_count(&self, query: &DeviceQuery) -> Result<u64>;

    async fn device_show(&self, uuid: &str) -> Result<DeviceDetail>;

    /// Frees the seats of these devices in one transaction (through one code only, if given).
    async fn devices_unregister(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
    ) -> Result<UnregisterReport>;

    /// Frees the seats of up to `batch` devices matching `query`, in one transaction; returns how many.
    async fn devices_unregister_matching(&self, query: &DeviceQuery, batch: u32) -> Result<u64>;
}

/// What was used, and how much quota is left: `usage`.
#[async_trait]
pub trait UsageAdmin: Send + Sync {
    async fn usage(&self, query: &UsageQuery) -> Result<UsageView>;
}

/// Who may administer, and what they did: `token`, `audit`, `login`.
#[async_trait]
pub trait AccessAdmin: Send + Sync {
    async fn whoami(&self) -> Result<Caller>;

    async fn token_create(
        &self,
        name: &str,
        role: crate::auth::Role,
        expires_in: Option<Duration>,
    ) -> Result<TokenCreated>;

    async fn token_list(&self) -> Result<Vec<TokenView>>;

    async fn token_revoke(&self, name: &str) -> Result<()>;

    /// Audit entries newer than `since` (all when `None`), optionally of one actor, newest first.
    async fn audit_list(
        &self,
        since: Option<Duration>,
        actor: Option<String>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>>;
}

/// Every administrative operation: what commands call, implemented over the store ([`local::LocalAdmin`])
/// and over the admin HTTP API ([`remote::RemoteAdmin`]).
pub trait Admin:
    ServerAdmin + LicensesAdmin + HandshakesAdmin + DevicesAdmin + UsageAdmin + AccessAdmin
{
}

impl<T> Admin for T where
    T: ServerAdmin + LicensesAdmin + HandshakesAdmin + DevicesAdmin + UsageAdmin + AccessAdmin
{
}

/// The area traits, for code that calls admin operations on a concrete type (`use ltsctl::admin::prelude::*`).
pub mod prelude {
    pub use super::{
        AccessAdmin, Admin, DevicesAdmin, HandshakesAdmin, LicensesAdmin, ServerAdmin, UsageAdmin,
    };
}

/// A typed page as a raw one (for targets without a faster way).
pub(crate) fn raw_page(page: DevicePage) -> Result<RawDevicePage> {
    let devices = page
        .devices
        .iter()
        .map(serde_json::value::to_raw_value)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| crate::error::Error::internal(format!("encoding a device: {e}")))?;
    Ok(RawDevicePage {
        devices,
        next_cursor: page.next_cursor,
    })
}
