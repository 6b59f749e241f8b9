//! What both backends say about licenses and their items, written once so the two stay word for word
//! the same (the conformance suite compares their errors exactly).

use super::{ItemRow, LicenseRemoval, LicenseRow, StoreError};
use crate::clock::from_unix;

fn rfc3339(t: i64) -> String {
    from_unix(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl LicenseRemoval {
    /// Live seats the removal frees, in all (saturating: a count cannot be larger than the devices table).
    pub fn seats(&self) -> i64 {
        self.freed_seats
            .iter()
            .fold(0i64, |n, (_, s)| n.saturating_add(*s))
    }

    /// The refusal of a removal that would free seats without `force`.
    pub(crate) fn in_use(&self, id: &str) -> StoreError {
        let per_item: Vec<String> = self
            .freed_seats
            .iter()
            .map(|(item, n)| format!("{item}: {n}"))
            .collect();
        StoreError::Conflict(format!(
            "license {id} is in use: devices hold {} live seat(s) on its items ({}); unregister them \
             first, or pass --force to remove the license and free the seats (its consumption and usage \
             history are kept either way)",
            self.seats(),
            per_item.join(", ")
        ))
    }
}

/// A plain import of a file whose license id is stored from a different file.
pub(crate) fn different_file(license: &LicenseRow, stored_issued_at: i64) -> StoreError {
    StoreError::Conflict(format!(
        "license {} is already imported from a different file (issued {}; this one is issued {}); \
         if this file is the vendor's later issue of {}, import it with --replace: its items keep their \
         bindings, seats and consumption",
        license.id,
        rfc3339(stored_issued_at),
        rfc3339(license.issued_at),
        license.id
    ))
}

/// `--replace` with a file that is not later than the stored one.
pub(crate) fn not_a_later_issue(license: &LicenseRow, stored_issued_at: i64) -> StoreError {
    StoreError::Conflict(format!(
        "license {} is stored from a file issued {}; this file is issued {}, which is not later, so it \
         does not replace it; ask the vendor which file of {} is current",
        license.id,
        rfc3339(stored_issued_at),
        rfc3339(license.issued_at),
        license.id
    ))
}

/// A later issue that drops an item devices still hold seats on.
pub(crate) fn dropped_item_in_use(license_id: &str, item_id: &str, seats: i64) -> StoreError {
    StoreError::Conflict(format!(
        "the new issue of license {license_id} no longer has item {item_id}, and devices hold {seats} live \
         seat(s) on it; unregister them first (`ltsctl devices list --item {item_id}`), then import again"
    ))
}

pub(crate) fn item_id_taken(item_id: &str, owner: &str) -> StoreError {
    StoreError::Conflict(format!(
        "item {item_id} already exists in license {owner}; item ids must be unique across licenses \
         (if this license supersedes {owner}, remove {owner} first: the consumption of {item_id} is kept)"
    ))
}

pub(crate) fn no_code_to_bind(code: &str) -> StoreError {
    StoreError::NotFound(format!(
        "no handshake code {code}; create it with `ltsctl handshake create {code}` or pass --create"
    ))
}

/// How an item's module list is stored: a JSON array of strings.
pub(crate) fn modules_json(item: &ItemRow) -> String {
    serde_json::to_string(&item.modules).unwrap_or_else(|_| "[]".into())
}
