//! The local admin target: operations applied directly to a store (the data dir, or a database URL).
//! Local access is full access, like holding the database file.

pub mod access;
pub(crate) mod fleet;
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
    /// Who the audit log names: `local` for the data dir, the token name behind the admin API.
    actor: String,
    role: crate::auth::Role,
}

impl LocalAdmin {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        LocalAdmin {
            store,
            clock,
            actor: "local".into(),
            role: crate::auth::Role::Admin,
        }
    }

    /// The same operations on behalf of an admin API caller (recorded under its token name).
    pub fn for_caller(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        actor: String,
        role: crate::auth::Role,
    ) -> Self {
        LocalAdmin {
            store,
            clock,
            actor,
            role,
        }
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
        let r = licenses::trust_add(self, public_key_pem, name).await;
        let target = r
            .as_ref()
            .map(|t| t.key.key_id.clone())
            .unwrap_or_else(|_| "-".into());
        self.audited("trust.add", &target, r).await
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
        let r = self
            .store
            .remove_trusted_key(key_id)
            .await
            .map_err(Into::into);
        self.audited("trust.remove", key_id, r).await
    }

    async fn license_import(
        &self,
        file_name: &str,
        contents: &[u8],
        target: Option<&ImportTarget>,
        replace: bool,
    ) -> Result<ImportReport> {
        let r = licenses::import(self, file_name, contents, target, replace).await;
        let what = match &r {
            Ok(report) => report.license_id.clone().unwrap_or_default(),
            Err(_) => file_name.to_string(),
        };
        self.audited_with("license.import", &what, r, licenses::import_detail)
            .await
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
                license
                    .items
                    .retain(|i| i.status == ItemStatus::Active && i.expires_at <= horizon);
            }
            licenses.retain(|l| !l.items.is_empty());
        }
        Ok(licenses)
    }

    async fn license_show(&self, id: &str) -> Result<LicenseView> {
        // Coverage is decided over every license's items: the renewal may be in another file.
        self.license_list(None)
            .await?
            .into_iter()
            .find(|l| l.id == id)
            .ok_or_else(|| {
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
            .map(|removal| licenses::removal_view(id, dry_run, removal))
            .map_err(Into::into);
        if dry_run {
            // A dry run changes nothing: not an entry of the audit log.
            return r;
        }
        self.audited_with("license.remove", id, r, |v| Some(v.summary()))
            .await
    }

    async fn handshake_create(
        &self,
        code: &str,
        settings: HandshakeSettings,
    ) -> Result<HandshakeView> {
        let r = handshakes::create(self, code, settings).await;
        self.audited("handshake.create", code, r).await
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
        let r = handshakes::bind(self, code, items).await;
        self.audited("handshake.bind", &format!("{code} {}", items.join(",")), r)
            .await
    }

    async fn handshake_unbind(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        let r = match self.store.unbind_items(code, items, self.now_unix()).await {
            Ok(()) => self.handshake_show(code).await,
            Err(e) => Err(e.into()),
        };
        self.audited(
            "handshake.unbind",
            &format!("{code} {}", items.join(",")),
            r,
        )
        .await
    }

    async fn handshake_order(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        let r = match self.store.order_items(code, items, self.now_unix()).await {
            Ok(()) => self.handshake_show(code).await,
            Err(e) => Err(e.into()),
        };
        self.audited("handshake.order", &format!("{code} {}", items.join(",")), r)
            .await
    }

    async fn handshake_order_by_expiry(&self, code: &str) -> Result<HandshakeView> {
        let r = match self.store.order_by_expiry(code, self.now_unix()).await {
            Ok(()) => self.handshake_show(code).await,
            Err(e) => Err(e.into()),
        };
        self.audited("handshake.order", &format!("{code} by expiry"), r)
            .await
    }

    async fn handshake_set(&self, code: &str, changes: HandshakeChanges) -> Result<HandshakeView> {
        let r = handshakes::set(self, code, changes).await;
        self.audited("handshake.set", code, r).await
    }

    async fn handshake_domains_add(&self, code: &str, domains: &[String]) -> Result<Vec<String>> {
        let r = handshakes::domains_add(self, code, domains).await;
        self.audited(
            "handshake.domains.add",
            &format!("{code} {}", domains.join(",")),
            r,
        )
        .await
    }

    async fn handshake_domains_remove(
        &self,
        code: &str,
        domains: &[String],
    ) -> Result<Vec<String>> {
        let r = handshakes::domains_remove(self, code, domains).await;
        self.audited(
            "handshake.domains.remove",
            &format!("{code} {}", domains.join(",")),
            r,
        )
        .await
    }

    async fn handshake_domains_list(&self, code: &str) -> Result<Vec<String>> {
        Ok(self.handshake_show(code).await?.domains)
    }

    async fn handshake_password_set(&self, code: &str, password: Zeroizing<String>) -> Result<()> {
        let r = async {
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
        .await;
        self.audited("handshake.password.set", code, r).await
    }

    async fn handshake_password_clear(&self, code: &str) -> Result<()> {
        let patch = crate::store::HandshakePatch {
            password_hash: Some(None),
            ..Default::default()
        };
        let r = self
            .store
            .update_handshake(code, patch, self.now_unix())
            .await
            .map_err(Into::into);
        self.audited("handshake.password.clear", code, r).await
    }

    async fn handshake_delete(&self, code: &str, force: bool) -> Result<()> {
        let r = self
            .store
            .delete_handshake(code, force, self.now_unix())
            .await
            .map_err(Into::into);
        self.audited("handshake.delete", code, r).await
    }

    async fn sweep(&self) -> Result<SweepView> {
        let r = self
            .store
            .sweep(self.now_unix(), "manual")
            .await
            .map_err(Into::into)
            .map(|run| SweepView {
                removed: run.removed,
                started_at: crate::clock::from_unix(run.started_at),
                finished_at: crate::clock::from_unix(run.finished_at),
                trigger: run.trigger,
            });
        self.audited("sweep", "devices", r).await
    }

    async fn devices_list(
        &self,
        query: &DeviceQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<DevicePage> {
        fleet::list(self, query, cursor, limit).await
    }

    async fn devices_list_raw(
        &self,
        query: &DeviceQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<RawDevicePage> {
        fleet::list_raw(self, query, cursor, limit).await
    }

    async fn devices_count(&self, query: &DeviceQuery) -> Result<u64> {
        let n = self
            .store
            .count_devices(&fleet::filter(query, self.now()))
            .await?;
        Ok(n.max(0) as u64)
    }

    async fn device_show(&self, uuid: &str) -> Result<DeviceDetail> {
        fleet::show(self, uuid).await
    }

    async fn devices_unregister(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
    ) -> Result<UnregisterReport> {
        let r = fleet::unregister(self, uuids, handshake).await;
        let target = match uuids {
            [one] => one.clone(),
            many => format!("{} devices", many.len()),
        };
        let r = self.audited("devices.unregister", &target, r).await?;
        Ok(r)
    }

    async fn devices_unregister_matching(&self, query: &DeviceQuery, batch: u32) -> Result<u64> {
        let r = fleet::unregister_matching(self, query, batch).await;
        let target = format!(
            "inactive_for={}s handshake={} removed={}",
            query.inactive_for_seconds.unwrap_or(0),
            query.handshake.as_deref().unwrap_or("*"),
            r.as_ref()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "0".into())
        );
        self.audited("devices.unregister", &target, r).await
    }

    async fn usage(&self, query: &UsageQuery) -> Result<UsageView> {
        fleet::usage(self, query).await
    }

    async fn whoami(&self) -> Result<Caller> {
        Ok(Caller {
            actor: self.actor.clone(),
            role: self.role,
            lts_id: self.store.lts_id().await?,
        })
    }

    async fn token_create(
        &self,
        name: &str,
        role: crate::auth::Role,
        expires_in: Option<Duration>,
    ) -> Result<TokenCreated> {
        let r = access::create(self, name, role, expires_in).await;
        self.audited("token.create", name, r).await
    }

    async fn token_list(&self) -> Result<Vec<TokenView>> {
        let now = self.now_unix();
        Ok(self
            .store
            .list_tokens()
            .await?
            .iter()
            .map(|t| access::view(t, now))
            .collect())
    }

    async fn token_revoke(&self, name: &str) -> Result<()> {
        let r = self
            .store
            .revoke_token(name, self.now_unix())
            .await
            .map_err(Into::into);
        self.audited("token.revoke", name, r).await
    }

    async fn audit_list(
        &self,
        since: Option<Duration>,
        actor: Option<String>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>> {
        access::audit(self, since, actor, limit).await
    }
}
