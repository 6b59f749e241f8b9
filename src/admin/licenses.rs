//! The licenses area's contract, the `LicensesAdmin` trait and the wire types of its operations: trusted
//! keys, imports, listings and removals of licenses.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::option::{ActivePeriod, LicenseOption};
use crate::domain::status::ItemStatus;
use std::time::Duration;

use crate::error::Result;
use async_trait::async_trait;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TrustedKeyView {
    pub key_id: String,
    pub name: Option<String>,
    /// SPKI PEM, as `issuer keygen --public-out` writes it.
    pub public_key: String,
    pub added_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TrustAddResult {
    pub key: TrustedKeyView,
    /// False when the key was already trusted (nothing changed).
    pub added: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ItemView {
    pub id: String,
    pub license_id: String,
    pub product: String,
    pub option: LicenseOption,
    pub quota: Option<u64>,
    pub active_period: Option<ActivePeriod>,
    pub domain: Option<String>,
    pub modules: Vec<String>,
    pub revokes: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub status: ItemStatus,
    /// The revocation item that invalidates this one, if any.
    pub revoked_by: Option<String>,
    /// Devices holding a seat now (device options) or units reported (per-scan / per-page).
    pub used: u64,
    /// Handshake codes this item is bound to.
    pub handshakes: Vec<String>,
    /// The item that takes over when this one expires: same product and option, valid by then, lasting
    /// longer, and bound to every code this one is bound to. Null when nothing does.
    #[serde(default)]
    pub covered_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct LicenseView {
    pub id: String,
    pub licensee: String,
    pub issued_at: DateTime<Utc>,
    pub lts_id: Option<String>,
    pub key_id: String,
    pub imported_at: DateTime<Utc>,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    Imported,
    /// The identical file was already imported.
    Unchanged,
    /// A later issue of a stored license took its place (`license import --replace`).
    Replaced,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ImportReport {
    /// The file as named on the command line.
    pub file: String,
    pub status: ImportStatus,
    pub license_id: Option<String>,
    pub items: Vec<String>,
    /// The handshake code the items were bound to (`--handshake`).
    pub handshake: Option<String>,
    /// Those of `bound` that were bound to `handshake` before this import (a re-run binds nothing new).
    #[serde(default)]
    pub already_bound: Vec<String>,
    /// The items bound to `handshake` (expired and revocation items are not bound).
    pub bound: Vec<String>,
    /// Items of the replaced issue that the new one no longer has (status `replaced` only).
    #[serde(default)]
    pub dropped: Vec<String>,
    pub error: Option<crate::error::Error>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ImportSummary {
    pub imported: usize,
    pub unchanged: usize,
    #[serde(default)]
    pub replaced: usize,
    pub failed: usize,
    pub files: Vec<ImportReport>,
}

/// Seats on one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ItemSeats {
    pub item: String,
    pub seats: i64,
}

/// One item bound to one handshake code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Binding {
    pub handshake: String,
    pub item: String,
}

/// What `license remove` dropped (or, with `dry_run`, would drop) and what it kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct LicenseRemovalView {
    pub license: String,
    /// The license id once removed; null for a dry run.
    pub removed: Option<String>,
    pub dry_run: bool,
    /// Live seats freed, in all and per item.
    pub seats_freed: i64,
    pub freed_seats: Vec<ItemSeats>,
    /// How many of the seats freed were held by a live check-out: their offline files stay valid
    /// until they end, so those devices keep working on seats given to others.
    #[serde(default)]
    pub checked_out_freed: i64,
    /// Bindings of its items to handshake codes, dropped with them.
    pub unbound: Vec<Binding>,
    /// Units (scans, pages) consumed on its items: kept by item id, and counted again if the same item
    /// id is imported again.
    pub units_kept: i64,
    /// Usage reports on its items: kept.
    pub reports_kept: i64,
}

impl LicenseRemovalView {
    /// What a removal dropped and kept, in one line: the audit entry's detail and the CLI's note.
    pub fn summary(&self) -> String {
        let seats = if self.freed_seats.is_empty() {
            "no live seats".to_string()
        } else {
            let per_item: Vec<String> =
                self.freed_seats.iter().map(|s| format!("{}: {}", s.item, s.seats)).collect();
            let checked_out = if self.checked_out_freed > 0 {
                format!(
                    ", {} of them checked out, whose offline files stay valid until they end",
                    self.checked_out_freed
                )
            } else {
                String::new()
            };
            format!("{} live seat(s) ({}{checked_out})", self.seats_freed, per_item.join(", "))
        };
        let bindings = if self.unbound.is_empty() {
            "no bindings".to_string()
        } else {
            let each: Vec<String> =
                self.unbound.iter().map(|b| format!("{} from {}", b.item, b.handshake)).collect();
            format!("bindings {}", each.join(", "))
        };
        format!(
            "{} {seats} and {bindings}; kept {} consumed unit(s) and {} usage report(s) by item id",
            if self.dry_run { "would drop" } else { "dropped" },
            self.units_kept,
            self.reports_kept
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct VerifyReport {
    pub valid: bool,
    pub key_id: String,
    pub license: LicenseDocumentView,
}

/// A verified license document, as `license verify` shows it (no store involved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct LicenseDocumentView {
    pub id: String,
    pub licensee: String,
    pub issued_at: DateTime<Utc>,
    pub lts_id: Option<String>,
    pub items: Vec<DocumentItemView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DocumentItemView {
    pub id: String,
    pub product: String,
    pub option: LicenseOption,
    pub quota: Option<u64>,
    pub active_period: Option<ActivePeriod>,
    pub domain: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub status: ItemStatus,
}

/// `POST /v1/admin/trust`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TrustRequest {
    /// SPKI PEM.
    pub public_key: String,
    pub name: Option<String>,
}

/// `POST /v1/admin/licenses`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ImportRequest {
    /// The file's name, for messages.
    pub file_name: String,
    /// The license file's text.
    pub contents: String,
    pub handshake: Option<String>,
    #[serde(default)]
    pub create: bool,
    /// A later issue of a stored license takes its place (its items keep bindings, seats, consumption).
    #[serde(default)]
    pub replace: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WindowQuery {
    /// Window for items expiring soon, in seconds.
    pub expiring_within_seconds: Option<u64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RemoveQuery {
    /// Go ahead even while devices hold seats on the license's items (the seats are freed).
    #[serde(default)]
    pub force: bool,
    /// Say what would be dropped and change nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// Binding an imported license's items to a code in the same step (`license import --handshake`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportTarget {
    pub code: String,
    /// Create the code with default settings when it does not exist.
    pub create: bool,
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
