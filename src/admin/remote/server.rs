//! Server operations over the admin API: `GET /v1/admin/status`, `POST /v1/admin/sweep`.

use std::time::Duration;

use async_trait::async_trait;
use reqwest::Method;

use super::RemoteAdmin;
use crate::admin::ServerAdmin;
use crate::admin::*;
use crate::error::Result;

#[async_trait]
impl ServerAdmin for RemoteAdmin {
    fn target(&self) -> Target {
        Target { kind: "remote".into(), location: self.base.to_string() }
    }

    async fn status(&self, expiring_within: Duration) -> Result<StatusView> {
        let query = WindowQuery { expiring_within_seconds: Some(expiring_within.as_secs()) };
        let mut view: StatusView = self.get_with(&["status"], &query).await?;
        // The server names itself `local`; to this caller it is the remote target.
        view.target = self.target();
        Ok(view)
    }

    async fn sweep(&self) -> Result<SweepView> {
        self.call(self.request(Method::POST, &["sweep"])).await
    }
}
