//! Server operations on the local target: status, sweeping, and where the store is.

use std::time::Duration;

use async_trait::async_trait;

use super::LocalAdmin;
use crate::admin::*;
use crate::admin::{LicensesAdmin, ServerAdmin};
use crate::clock::to_unix;
use crate::error::Result;

#[async_trait]
impl ServerAdmin for LocalAdmin {
    fn target(&self) -> Target {
        Target { kind: "local".into(), location: self.store.location() }
    }

    async fn status(&self, expiring_within: Duration) -> Result<StatusView> {
        let now = self.now();
        let c = self.store.counts(to_unix(now)).await?;
        let mut expiring_soon: Vec<ItemView> = self
            .license_list(Some(expiring_within))
            .await?
            .into_iter()
            .flat_map(|l| l.items)
            .collect();
        expiring_soon.sort_by(|a, b| a.expires_at.cmp(&b.expires_at).then(a.id.cmp(&b.id)));
        Ok(StatusView {
            target: self.target(),
            lts_id: self.store.lts_id().await?,
            version: env!("CARGO_PKG_VERSION").to_string(),
            counts: c,
            expiring_within: crate::domain::duration::format_duration(expiring_within),
            expiring_soon,
        })
    }

    async fn sweep(&self) -> Result<SweepView> {
        let r = self.store.sweep(self.now_unix(), "manual").await.map_err(Into::into).map(|run| {
            SweepView {
                removed: run.removed,
                started_at: crate::clock::from_unix(run.started_at),
                finished_at: crate::clock::from_unix(run.finished_at),
                trigger: run.trigger,
            }
        });
        self.audited("sweep", "devices", r).await
    }
}
