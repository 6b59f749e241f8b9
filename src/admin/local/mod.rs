//! The local admin target: operations applied directly to a store (the data dir, or a database URL).
//! Local access is full access, like holding the database file.

mod handshakes;
mod licenses;
pub(crate) mod views;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use zeroize::Zeroizing;

use super::types::*;
use super::{Admin, ImportTarget};
use crate::clock::{Clock, to_unix};
use crate::error::Result;
use crate::store::Store;

pub struct LocalAdmin {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
}

impl LocalAdmin {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        LocalAdmin { store, clock }
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    fn now_unix(&self) -> i64 {
        to_unix(self.now())
    }
}

#[async_trait]
impl Admin for LocalAdmin {
    fn target(&self) -> Target {
        Target {
            kind: "local".into(),
            location: self.store.location(),
        }
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
            counts: Counts {
                trusted_keys: c.trusted_keys,
                licenses: c.licenses,
                items: c.items,
                handshakes: c.handshakes,
                active_devices: c.active_devices,
            },
            expiring_within: crate::domain::duration::format_duration(expiring_within),
            expiring_soon,
        })
    }

    async fn trust_add(
        &self,
        public_key_pem: &str,
        name: Option<String>,
    ) -> Result<TrustAddResult> {
        licenses::trust_add(self, public_key_pem, name).await
    }

    async fn trust_list(&self) -> Result<Vec<TrustedKeyView>> {
        self.store
            .list_trusted_keys()
            .await?
            .iter()
            .map(views::trusted_key)
            .collect()
    }

    async fn trust_remove(&self, key_id: &str) -> Result<()> {
        Ok(self.store.remove_trusted_key(key_id).await?)
    }

    async fn license_import(
        &self,
        file_name: &str,
        contents: &[u8],
        target: Option<&ImportTarget>,
    ) -> Result<ImportReport> {
        licenses::import(self, file_name, contents, target).await
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
        if let Some(window) = expiring_within {
            let horizon = chrono::Duration::from_std(window)
                .ok()
                .and_then(|d| now.checked_add_signed(d))
                .unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC);
            for license in &mut licenses {
                license
                    .items
                    .retain(|i| i.status == ItemStatus::Active && i.expires_at <= horizon);
            }
            licenses.retain(|l| !l.items.is_empty());
        }
        Ok(licenses)
    }

    async fn license_show(&self, id: &str) -> Result<LicenseView> {
        let now = self.now();
        match self.store.get_license(id, to_unix(now)).await? {
            Some(l) => views::license(&l, now),
            None => Err(crate::error::Error::not_found(format!("no license {id}"))
                .with_hint("see `ltsctl license list` for the licenses this LTS has")),
        }
    }

    async fn license_remove(&self, id: &str, force: bool) -> Result<()> {
        Ok(self
            .store
            .remove_license(id, force, self.now_unix())
            .await?)
    }

    async fn handshake_create(
        &self,
        code: &str,
        settings: HandshakeSettings,
    ) -> Result<HandshakeView> {
        handshakes::create(self, code, settings).await
    }

    async fn handshake_list(&self) -> Result<Vec<HandshakeView>> {
        let now = self.now();
        self.store
            .list_handshakes(to_unix(now))
            .await?
            .iter()
            .map(|h| views::handshake(h, now))
            .collect()
    }

    async fn handshake_show(&self, code: &str) -> Result<HandshakeView> {
        handshakes::show(self, code).await
    }

    async fn handshake_bind(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        handshakes::bind(self, code, items).await
    }

    async fn handshake_unbind(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        self.store
            .unbind_items(code, items, self.now_unix())
            .await?;
        self.handshake_show(code).await
    }

    async fn handshake_order(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        self.store.order_items(code, items, self.now_unix()).await?;
        self.handshake_show(code).await
    }

    async fn handshake_set(&self, code: &str, changes: HandshakeChanges) -> Result<HandshakeView> {
        handshakes::set(self, code, changes).await
    }

    async fn handshake_domains_add(&self, code: &str, domains: &[String]) -> Result<Vec<String>> {
        handshakes::domains_add(self, code, domains).await
    }

    async fn handshake_domains_remove(
        &self,
        code: &str,
        domains: &[String],
    ) -> Result<Vec<String>> {
        handshakes::domains_remove(self, code, domains).await
    }

    async fn handshake_domains_list(&self, code: &str) -> Result<Vec<String>> {
        Ok(self.handshake_show(code).await?.domains)
    }

    async fn handshake_password_set(&self, code: &str, password: Zeroizing<String>) -> Result<()> {
        let hash = crate::password::hash(&password)?;
        let patch = crate::store::HandshakePatch {
            password_hash: Some(Some(hash)),
            ..Default::default()
        };
        Ok(self
            .store
            .update_handshake(code, patch, self.now_unix())
            .await?)
    }

    async fn handshake_password_clear(&self, code: &str) -> Result<()> {
        let patch = crate::store::HandshakePatch {
            password_hash: Some(None),
            ..Default::default()
        };
        Ok(self
            .store
            .update_handshake(code, patch, self.now_unix())
            .await?)
    }

    async fn handshake_delete(&self, code: &str, force: bool) -> Result<()> {
        Ok(self
            .store
            .delete_handshake(code, force, self.now_unix())
            .await?)
    }

    async fn sweep(&self) -> Result<SweepView> {
        let run = self.store.sweep(self.now_unix(), "manual").await?;
        Ok(SweepView {
            removed: run.removed,
            started_at: crate::clock::from_unix(run.started_at),
            finished_at: crate::clock::from_unix(run.finished_at),
            trigger: run.trigger,
        })
    }
}
