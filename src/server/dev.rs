//! `ltsctl serve --dev`: a throwaway LTS with a demo license, like `vault server -dev`. Everything lives in
//! a temp dir that is deleted on exit; nothing here is fit for production.

use std::path::Path;

use chrono::{Duration, Utc};

use crate::admin::{Admin, ImportTarget};
use crate::domain::option::LicenseOption;
use crate::error::Result;
use crate::license::{IssuerKey, LicenseFile};

/// The demo handshake code `serve --dev` creates.
pub const DEV_HANDSHAKE: &str = "dev-000000001";
pub const DEV_PRODUCT: &str = "barcode-reader";
/// The name of the admin token `serve --dev` creates (as the audit log shows it).
pub const DEV_TOKEN: &str = "dev-admin";

pub struct DevSetup {
    pub handshake: String,
    /// An admin API token (role admin) for trying the admin side with `--server`. Printed in the banner,
    /// never logged.
    pub admin_token: zeroize::Zeroizing<String>,
    pub license_id: String,
    pub items: Vec<String>,
    /// Each item's terms, for the banner.
    pub item_terms: Vec<DevItem>,
}

/// One demo item: its id, option and quota.
pub struct DevItem {
    pub id: String,
    pub option: LicenseOption,
    pub quota: Option<u64>,
}

/// Creates a dev issuer key (kept in `dir`), trusts it, signs and imports a demo license with a per-device
/// and a per-scan item, binds both to [`DEV_HANDSHAKE`], and creates the admin token [`DEV_TOKEN`] —
/// through the same admin API as the CLI.
pub async fn prepare(admin: &dyn Admin, dir: &Path) -> Result<DevSetup> {
    prepare_with(admin, dir, 10, 10_000).await
}

/// Like [`prepare`], with the demo items' quotas chosen (benchmarks seat millions of devices).
pub async fn prepare_with(
    admin: &dyn Admin,
    dir: &Path,
    devices: u64,
    scans: u64,
) -> Result<DevSetup> {
    let issuer = IssuerKey::generate();
    crate::files::write_new_file(
        &dir.join("dev-issuer.pem"),
        issuer.to_pkcs8_pem().as_bytes(),
        0o600,
        true,
    )?;
    admin.trust_add(&issuer.public().to_spki_pem(), Some("dev issuer".into())).await?;
    let now = Utc::now();
    let from = (now - Duration::days(1)).format("%Y-%m-%dT%H:%M:%SZ");
    let to = (now + Duration::days(365)).format("%Y-%m-%dT%H:%M:%SZ");
    let document = format!(
        r#"id = "DEV-LICENSE"
licensee = "ltsctl dev server"
issued_at = {from}

[[items]]
id = "DEV-LICENSE-DEVICES"
product = "{DEV_PRODUCT}"
option = "per-device"
quota = {devices}
active_period = "yearly"
valid_from = {from}
expires_at = {to}

[[items]]
id = "DEV-LICENSE-SCANS"
product = "{DEV_PRODUCT}"
option = "per-scan"
quota = {scans}
valid_from = {from}
expires_at = {to}
"#
    );
    let file = LicenseFile::sign(&document, &issuer)?;
    let text = file.to_toml_string();
    let target = ImportTarget { code: DEV_HANDSHAKE.to_string(), create: true };
    let report =
        admin.license_import("dev-license.lic", text.as_bytes(), Some(&target), false).await?;
    crate::files::write_new_file(&dir.join("dev-license.lic"), text.as_bytes(), 0o644, true)?;
    let item_terms = file
        .verify_with(&issuer.public())?
        .items
        .iter()
        .map(|i| DevItem { id: i.id.clone(), option: i.option, quota: i.quota })
        .collect();
    let token = admin.token_create(DEV_TOKEN, crate::auth::Role::Admin, None).await?;
    Ok(DevSetup {
        admin_token: zeroize::Zeroizing::new(token.token),
        handshake: DEV_HANDSHAKE.to_string(),
        license_id: report.license_id.unwrap_or_default(),
        items: report.items,
        item_terms,
    })
}
