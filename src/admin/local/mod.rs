//! The local admin target: operations applied directly to a store (the data dir, or a database URL).
//! Local access is full access, like holding the database file.

pub(crate) mod access;
mod alerts;
pub mod device_stream;
mod devices;
mod handshakes;
mod licenses;
mod server;
mod usage;
pub(crate) mod views;

pub use devices::MAX_PAGE;

use std::sync::Arc;

use crate::clock::{Clock, to_unix};
use crate::error::{Error, Result};
use crate::store::Store;

pub struct LocalAdmin {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    /// Who the audit log names: `local` for the data dir, the token name behind the admin API.
    actor: String,
    /// The admin API caller's address, for the audit log (`None` for local access).
    client: Option<String>,
    role: crate::auth::Role,
}

impl LocalAdmin {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        LocalAdmin {
            store,
            clock,
            actor: "local".into(),
            client: None,
            role: crate::auth::Role::Admin,
        }
    }

    /// The same operations on behalf of an admin API caller (recorded under its token name and, when
    /// known, its address).
    pub fn for_caller(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        actor: String,
        role: crate::auth::Role,
        client: Option<String>,
    ) -> Self {
        LocalAdmin { store, clock, actor, client, role }
    }

    /// Records a change and how it ended. The entry is written after the change: a failed change is logged
    /// too, and a failure to log is reported in the server log rather than undoing the change.
    async fn audited<T>(&self, action: &str, target: &str, result: Result<T>) -> Result<T> {
        self.audited_with(action, target, result, |_| None).await
    }

    /// [`Self::audited`], with `detail` describing a change that succeeded (what it dropped, say).
    async fn audited_with<T>(
        &self,
        action: &str,
        target: &str,
        result: Result<T>,
        detail: impl FnOnce(&T) -> Option<String>,
    ) -> Result<T> {
        let row = crate::store::AuditRow {
            at: self.now_unix(),
            actor: self.actor.clone(),
            action: action.to_string(),
            target: target.to_string(),
            result: match &result {
                Ok(_) => "ok".to_string(),
                Err(e) => serde_json::to_value(e.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_else(|| "error".into()),
            },
            detail: match &result {
                Ok(value) => detail(value),
                Err(e) => Some(e.message.clone()),
            },
            client: self.client.clone(),
        };
        if let Err(e) = self.store.append_audit(row).await {
            tracing::error!("could not write the audit log entry for {action} {target}: {e}");
        }
        result
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    fn now_unix(&self) -> i64 {
        to_unix(self.now())
    }
}

/// A total that does not fit in 64 bits: reported, never wrapped into a negative number.
pub(super) fn overflow(what: &str) -> Error {
    Error::internal(format!(
        "the total of {what} overflows a 64-bit integer; the store holds counts no device reported"
    ))
}

/// A refusal by the device rules, as the admin side reports it (kind, exit code).
pub(super) fn device_error(e: crate::service::DeviceError) -> Error {
    match e {
        crate::service::DeviceError::Denied { denial, message } => {
            let kind = match denial {
                crate::domain::authorize::Denial::UnknownHandshake
                | crate::domain::authorize::Denial::NoMatchingLicense => {
                    crate::error::ErrorKind::NotFound
                }
                crate::domain::authorize::Denial::InvalidRequest
                | crate::domain::authorize::Denial::BadSessionPassword
                | crate::domain::authorize::Denial::RateLimited => crate::error::ErrorKind::Usage,
                crate::domain::authorize::Denial::QuotaExceeded
                | crate::domain::authorize::Denial::LicenseExpired
                | crate::domain::authorize::Denial::LicenseNotYetValid
                | crate::domain::authorize::Denial::DomainNotAllowed => {
                    crate::error::ErrorKind::Conflict
                }
            };
            Error::new(kind, format!("{message} ({})", denial.code()))
        }
        crate::service::DeviceError::Busy => Error::new(
            crate::error::ErrorKind::Busy,
            "the store stayed busy past its timeout; nothing changed",
        )
        .with_hint("retry in a moment"),
        crate::service::DeviceError::Internal => Error::internal(
            "the check-out failed unexpectedly (the LTS log has the cause); nothing changed",
        ),
    }
}
