//! Usage over the admin API: `GET /v1/admin/usage`.

use async_trait::async_trait;

use super::RemoteAdmin;
use crate::admin::UsageAdmin;
use crate::admin::*;
use crate::error::Result;

#[async_trait]
impl UsageAdmin for RemoteAdmin {
    async fn usage(&self, query: &UsageQuery) -> Result<UsageView> {
        self.get_with(&["usage"], query).await
    }

    async fn usage_import(&self, req: &UsageImportRequest) -> Result<UsageImportReport> {
        self.send_body(reqwest::Method::POST, &["usage", "import"], req).await
    }
}
