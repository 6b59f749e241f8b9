//! Trusted keys and licenses over the admin API: `/v1/admin/trust`, `/v1/admin/licenses`.

use std::time::Duration;

use async_trait::async_trait;
use reqwest::Method;

use super::RemoteAdmin;
use crate::admin::*;
use crate::admin::{ImportTarget, LicensesAdmin};
use crate::error::{Error, Result};

#[async_trait]
impl LicensesAdmin for RemoteAdmin {
    async fn trust_add(
        &self,
        public_key_pem: &str,
        name: Option<String>,
    ) -> Result<TrustAddResult> {
        let body = TrustRequest { public_key: public_key_pem.to_string(), name };
        self.send_body(Method::POST, &["trust"], &body).await
    }

    async fn trust_list(&self) -> Result<Vec<TrustedKeyView>> {
        self.get(&["trust"]).await
    }

    async fn trust_remove(&self, key_id: &str) -> Result<()> {
        self.send_no_content(self.request(Method::DELETE, &["trust", key_id])).await
    }

    async fn license_import(
        &self,
        file_name: &str,
        contents: &[u8],
        target: Option<&ImportTarget>,
        replace: bool,
    ) -> Result<ImportReport> {
        let text = std::str::from_utf8(contents)
            .map_err(|_| Error::invalid_license("the license file is not UTF-8 text"))?;
        let body = ImportRequest {
            file_name: file_name.to_string(),
            contents: text.to_string(),
            handshake: target.map(|t| t.code.clone()),
            create: target.is_some_and(|t| t.create),
            replace,
        };
        self.send_body(Method::POST, &["licenses"], &body).await
    }

    async fn license_list(&self, expiring_within: Option<Duration>) -> Result<Vec<LicenseView>> {
        let query = WindowQuery { expiring_within_seconds: expiring_within.map(|d| d.as_secs()) };
        self.get_with(&["licenses"], &query).await
    }

    async fn license_show(&self, id: &str) -> Result<LicenseView> {
        self.get(&["licenses", id]).await
    }

    async fn license_remove(
        &self,
        id: &str,
        force: bool,
        dry_run: bool,
    ) -> Result<LicenseRemovalView> {
        let query = RemoveQuery { force, dry_run };
        self.call(self.request(Method::DELETE, &["licenses", id]).query(&query)).await
    }
}
