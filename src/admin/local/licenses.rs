//! Trusting issuer keys and importing license files on the local target.

use std::time::Duration;

use async_trait::async_trait;

use crate::admin::*;
use crate::admin::{ImportTarget, LicensesAdmin};
use crate::clock::to_unix;
use crate::domain::status::item_status;
use crate::error::{Error, Result};
use crate::license::{LicenseDocument, LicenseFile, PublicKey, file::MAX_FILE_BYTES};
use crate::store::{
    ImportBinding, ImportResult, ItemRow, LicenseRemoval, LicenseRow, TrustedKeyRow,
};

use super::{LocalAdmin, handshakes, views};

pub(super) async fn trust_add(
    admin: &LocalAdmin,
    public_key_pem: &str,
    name: Option<String>,
) -> Result<TrustAddResult> {
    let key = PublicKey::from_spki_pem(public_key_pem).map_err(|e| {
        Error::usage(e.to_string())
            .with_hint("give the issuer's public key (SPKI PEM, `-----BEGIN PUBLIC KEY-----`)")
    })?;
    let row = TrustedKeyRow {
        key_id: key.key_id(),
        name,
        public_key: key.as_bytes().to_vec(),
        added_at: admin.now_unix(),
    };
    let added = admin.store.add_trusted_key(row.clone()).await?;
    let stored = admin.store.get_trusted_key(&row.key_id).await?.unwrap_or(row);
    Ok(TrustAddResult { key: views::trusted_key(&stored)?, added })
}

/// Verifies a license file against the trusted keys and this instance, then stores it (and binds its
/// items when asked) in one transaction.
pub(super) async fn import(
    admin: &LocalAdmin,
    file_name: &str,
    contents: &[u8],
    target: Option<&ImportTarget>,
    replace: bool,
) -> Result<ImportReport> {
    if contents.len() as u64 > MAX_FILE_BYTES {
        return Err(crate::license::LicenseError::TooLarge {
            size: contents.len() as u64,
            limit: MAX_FILE_BYTES,
        }
        .into());
    }
    let now = admin.now();
    let file = LicenseFile::parse(contents)?;
    let trusted = admin.store.get_trusted_key(&file.key_id).await?;
    let trusted = match trusted {
        Some(row) => Some(public_key(&row.public_key)?),
        None => None,
    };
    let doc = file.verify_trusted(|_| trusted.clone())?;
    let lts_id = admin.store.lts_id().await?;
    if let Some(wanted) = &doc.lts_id
        && *wanted != lts_id
    {
        return Err(Error::invalid_license(format!(
            "license {} is activated for another LTS (lts_id {wanted}); this LTS is {lts_id}",
            doc.id
        ))
        .with_hint(
            "ask the vendor for a file activated for this LTS; `ltsctl status` shows its id",
        ));
    }
    if doc.all_items_expired(now) {
        let last = doc.items.iter().map(|i| i.expires_at).max().unwrap_or(now);
        return Err(Error::invalid_license(format!(
            "license {} has expired: its last item expired at {}",
            doc.id,
            last.to_rfc3339()
        ))
        .with_hint("import the renewal file instead"));
    }
    // Only bindable items are bound: a revocation item or an expired item serves nobody.
    let binding = match target {
        Some(t) => Some(import_binding(admin, t, bindable_items(&doc, now)).await?),
        None => None,
    };
    let already_bound = match &binding {
        Some(b) => bound_before(admin, b, now).await?,
        None => Vec::new(),
    };
    let (license, items) = rows(&doc, &file, now);
    let result =
        admin.store.import_license(license, items, binding.clone(), replace, to_unix(now)).await?;
    let (status, dropped) = match result {
        ImportResult::Imported => (ImportStatus::Imported, Vec::new()),
        ImportResult::Unchanged => (ImportStatus::Unchanged, Vec::new()),
        ImportResult::Replaced { dropped_items } => (ImportStatus::Replaced, dropped_items),
    };
    Ok(ImportReport {
        file: file_name.to_string(),
        status,
        license_id: Some(doc.id.clone()),
        items: doc.items.iter().map(|i| i.id.clone()).collect(),
        handshake: binding.as_ref().map(|b| b.code.clone()),
        already_bound,
        bound: binding.map(|b| b.items).unwrap_or_default(),
        dropped,
        error: None,
    })
}

/// The audit detail of an import that replaced a stored issue (other imports need none).
pub(super) fn import_detail(report: &ImportReport) -> Option<String> {
    (report.status == ImportStatus::Replaced).then(|| {
        if report.dropped.is_empty() {
            "replaced by a later issue; every item kept".to_string()
        } else {
            format!("replaced by a later issue; dropped item(s) {}", report.dropped.join(", "))
        }
    })
}

pub(super) fn removal_view(id: &str, dry_run: bool, removal: LicenseRemoval) -> LicenseRemovalView {
    LicenseRemovalView {
        license: id.to_string(),
        removed: (!dry_run).then(|| id.to_string()),
        dry_run,
        seats_freed: removal.seats(),
        checked_out_freed: removal.checked_out,
        freed_seats: removal
            .freed_seats
            .into_iter()
            .map(|(item, seats)| ItemSeats { item, seats })
            .collect(),
        unbound: removal
            .unbound
            .into_iter()
            .map(|(handshake, item)| Binding { handshake, item })
            .collect(),
        units_kept: removal.units_kept,
        reports_kept: removal.reports_kept,
    }
}

fn public_key(bytes: &[u8]) -> Result<PublicKey> {
    let arr: [u8; 32] =
        bytes.try_into().map_err(|_| Error::internal("a stored trusted key is not 32 bytes"))?;
    Ok(PublicKey::from_bytes(&arr)?)
}

async fn import_binding(
    admin: &LocalAdmin,
    target: &ImportTarget,
    items: Vec<String>,
) -> Result<ImportBinding> {
    crate::domain::handshake::validate_code(&target.code)
        .map_err(|e| Error::usage(e.to_string()))?;
    let create = if target.create {
        Some(handshakes::new_row(&target.code, Default::default(), admin.now_unix())?)
    } else {
        None
    };
    Ok(ImportBinding { code: target.code.clone(), create, items })
}

fn bindable_items(doc: &LicenseDocument, now: chrono::DateTime<chrono::Utc>) -> Vec<String> {
    doc.items
        .iter()
        .filter(|i| item_status(i.valid_from, i.expires_at, i.revokes.is_some(), now).is_bindable())
        .map(|i| i.id.clone())
        .collect()
}

fn rows(
    doc: &LicenseDocument,
    file: &LicenseFile,
    now: chrono::DateTime<chrono::Utc>,
) -> (LicenseRow, Vec<ItemRow>) {
    let license = LicenseRow {
        id: doc.id.clone(),
        licensee: doc.licensee.clone(),
        issued_at: to_unix(doc.issued_at),
        lts_id: doc.lts_id.clone(),
        key_id: file.key_id.clone(),
        fingerprint: file.fingerprint(),
        file: file.to_toml_string(),
        imported_at: to_unix(now),
    };
    let items = doc
        .items
        .iter()
        .map(|i| ItemRow {
            id: i.id.clone(),
            license_id: doc.id.clone(),
            product: i.product.clone(),
            option: i.option.as_str().to_string(),
            quota: i.quota.map(|q| q as i64),
            active_period: i.active_period.map(|p| p.as_str().to_string()),
            domain: i.domain.clone(),
            modules: i.modules.clone(),
            revokes: i.revokes.clone(),
            valid_from: to_unix(i.valid_from),
            expires_at: to_unix(i.expires_at),
        })
        .collect();
    (license, items)
}

/// The items of `binding` already bound to its code (none when the code does not exist yet).
async fn bound_before(
    admin: &LocalAdmin,
    binding: &ImportBinding,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<String>> {
    let Some(record) = admin.store.get_handshake(&binding.code, to_unix(now)).await? else {
        return Ok(Vec::new());
    };
    Ok(binding
        .items
        .iter()
        .filter(|id| record.items.iter().any(|s| &s.item.id == *id))
        .cloned()
        .collect())
}

#[async_trait]
impl LicensesAdmin for LocalAdmin {
    async fn trust_add(
        &self,
        public_key_pem: &str,
        name: Option<String>,
    ) -> Result<TrustAddResult> {
        let r = trust_add(self, public_key_pem, name).await;
        let target = r.as_ref().map(|t| t.key.key_id.clone()).unwrap_or_else(|_| "-".into());
        self.audited("trust.add", &target, r).await
    }

    async fn trust_list(&self) -> Result<Vec<TrustedKeyView>> {
        self.store.list_trusted_keys().await?.iter().map(views::trusted_key).collect()
    }

    async fn trust_remove(&self, key_id: &str) -> Result<()> {
        let r = self.store.remove_trusted_key(key_id).await.map_err(Into::into);
        self.audited("trust.remove", key_id, r).await
    }

    async fn license_import(
        &self,
        file_name: &str,
        contents: &[u8],
        target: Option<&ImportTarget>,
        replace: bool,
    ) -> Result<ImportReport> {
        let r = import(self, file_name, contents, target, replace).await;
        let what = match &r {
            Ok(report) => report.license_id.clone().unwrap_or_default(),
            Err(_) => file_name.to_string(),
        };
        self.audited_with("license.import", &what, r, import_detail).await
    }

    async fn license_list(&self, expiring_within: Option<Duration>) -> Result<Vec<LicenseView>> {
        let now = self.now();
        let mut licenses = self
            .store
            .list_licenses(to_unix(now))
            .await?
            .iter()
            .map(|l| views::license(l, now))
            .collect::<Result<Vec<_>>>()?;
        views::with_coverage(&mut licenses);
        if let Some(window) = expiring_within {
            let horizon = chrono::Duration::from_std(window)
                .ok()
                .and_then(|d| now.checked_add_signed(d))
                .unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC);
            for license in &mut licenses {
                license.items.retain(|i| i.status == ItemStatus::Active && i.expires_at <= horizon);
            }
            licenses.retain(|l| !l.items.is_empty());
        }
        Ok(licenses)
    }

    async fn license_show(&self, id: &str) -> Result<LicenseView> {
        // Coverage is decided over every license's items: the renewal may be in another file.
        self.license_list(None).await?.into_iter().find(|l| l.id == id).ok_or_else(|| {
            crate::error::Error::not_found(format!("no license {id}"))
                .with_hint("see `ltsctl license list` for the licenses this LTS has")
        })
    }

    async fn license_remove(
        &self,
        id: &str,
        force: bool,
        dry_run: bool,
    ) -> Result<LicenseRemovalView> {
        let r = self
            .store
            .remove_license(id, force, dry_run, self.now_unix())
            .await
            .map(|removal| removal_view(id, dry_run, removal))
            .map_err(Into::into);
        if dry_run {
            // A dry run changes nothing: not an entry of the audit log.
            return r;
        }
        self.audited_with("license.remove", id, r, |v| Some(v.summary())).await
    }
}
