//! Handshake codes on the local target: validation by the domain rules, then one store call.

use async_trait::async_trait;
use zeroize::Zeroizing;

use crate::admin::HandshakesAdmin;
use crate::admin::*;
use crate::clock::to_unix;
use crate::domain::hosts::DomainBinding;
use crate::domain::{duration, handshake, policy};
use crate::error::{Error, Result};
use crate::store::{HandshakePatch, HandshakeRow};

use super::{LocalAdmin, views};

/// A new code's row; settings not given take the documented defaults.
pub(super) fn new_row(code: &str, settings: HandshakeSettings, now: i64) -> Result<HandshakeRow> {
    handshake::validate_code(code).map_err(|e| Error::usage(e.to_string()))?;
    let grace = settings.offline_grace_seconds.unwrap_or(policy::DEFAULT_OFFLINE_GRACE.as_secs());
    check_duration(settings.refresh_interval_seconds, "refresh interval")?;
    check_duration(Some(grace), "offline grace")?;
    check_overuse(settings.overuse_percent)?;
    Ok(HandshakeRow {
        code: code.to_string(),
        name: settings.name,
        refresh_interval_secs: settings.refresh_interval_seconds.map(|s| s as i64),
        offline_grace_secs: grace as i64,
        overuse_percent: settings.overuse_percent.map(i64::from),
        password_hash: None,
        explicit_order: false,
        active_from: crate::admin::ActiveFrom::default().as_str().to_string(),
        created_at: now,
        updated_at: now,
    })
}

/// The CLI checks durations when parsing flags; this repeats it for callers that skip the CLI (the admin
/// HTTP API), so a bad value can never reach the store.
fn check_duration(secs: Option<u64>, what: &'static str) -> Result<()> {
    if let Some(secs) = secs {
        duration::parse_bounded(&format!("{secs}s"), what)
            .map_err(|e| Error::usage(e.to_string()))?;
    }
    Ok(())
}

fn check_overuse(pct: Option<u32>) -> Result<()> {
    if let Some(p) = pct {
        policy::validate_overuse_percent(p).map_err(|e| Error::usage(e.to_string()))?;
    }
    Ok(())
}

pub(super) async fn create(
    admin: &LocalAdmin,
    code: &str,
    settings: HandshakeSettings,
) -> Result<HandshakeView> {
    let row = new_row(code, settings, admin.now_unix())?;
    admin.store.create_handshake(row).await?;
    show(admin, code).await
}

pub(super) async fn show(admin: &LocalAdmin, code: &str) -> Result<HandshakeView> {
    let now = admin.now();
    match admin.store.get_handshake(code, to_unix(now)).await? {
        Some(record) => views::handshake(&record, now),
        None => Err(Error::not_found(format!("no handshake code {code}"))
            .with_hint("see `ltsctl handshake list` for the codes this LTS has")),
    }
}

/// Binding refuses items that can serve nobody (expired, revoked, revocation items) with the reason.
pub(super) async fn bind(
    admin: &LocalAdmin,
    code: &str,
    items: &[String],
) -> Result<HandshakeView> {
    let now = admin.now();
    let mut seen = std::collections::HashSet::new();
    for id in items {
        if !seen.insert(id) {
            return Err(Error::usage(format!("item {id} is named twice")));
        }
    }
    for state in admin.store.get_items(items, to_unix(now)).await? {
        let status = state.status(now);
        if !status.is_bindable() {
            let why = match (&state.revoked_by, &state.item.revokes) {
                (Some(by), _) => format!("it is revoked by item {by}"),
                (None, Some(target)) => format!("it is a revocation item (it revokes {target})"),
                _ => format!(
                    "it expired at {}",
                    crate::clock::from_unix(state.item.expires_at).to_rfc3339()
                ),
            };
            return Err(Error::conflict(format!(
                "cannot bind item {} to {code}: {why}",
                state.item.id
            ))
            .with_hint("bind the renewal's items instead"));
        }
    }
    admin.store.bind_items(code, items, to_unix(now)).await?;
    show(admin, code).await
}

pub(super) async fn set(
    admin: &LocalAdmin,
    code: &str,
    changes: HandshakeChanges,
) -> Result<HandshakeView> {
    if changes.is_empty() {
        return Err(Error::usage("nothing to change").with_hint(
            "pass at least one of --name, --refresh-interval, --offline-grace, --overuse, --active-from (see `ltsctl handshake set --help`)",
        ));
    }
    if changes.reset_refresh_interval && changes.refresh_interval_seconds.is_some() {
        return Err(Error::usage(
            "--refresh-interval and --default-refresh-interval contradict each other",
        ));
    }
    if changes.reset_overuse && changes.overuse_percent.is_some() {
        return Err(Error::usage("--overuse and --default-overuse contradict each other"));
    }
    check_duration(changes.refresh_interval_seconds, "refresh interval")?;
    check_duration(changes.offline_grace_seconds, "offline grace")?;
    check_overuse(changes.overuse_percent)?;
    let patch = HandshakePatch {
        name: changes.name.map(Some),
        refresh_interval_secs: if changes.reset_refresh_interval {
            Some(None)
        } else {
            changes.refresh_interval_seconds.map(|s| Some(s as i64))
        },
        offline_grace_secs: changes.offline_grace_seconds.map(|s| s as i64),
        overuse_percent: if changes.reset_overuse {
            Some(None)
        } else {
            changes.overuse_percent.map(|p| Some(i64::from(p)))
        },
        password_hash: None,
        active_from: changes.active_from.map(|a| a.as_str().to_string()),
    };
    admin.store.update_handshake(code, patch, admin.now_unix()).await?;
    show(admin, code).await
}

fn parse_domains(domains: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(domains.len());
    for d in domains {
        let binding = DomainBinding::parse(d).map_err(|e| Error::usage(e.to_string()))?;
        let canonical = binding.as_str().to_string();
        if out.contains(&canonical) {
            return Err(Error::usage(format!("domain {d} is named twice")));
        }
        out.push(canonical);
    }
    Ok(out)
}

#[async_trait]
impl HandshakesAdmin for LocalAdmin {
    async fn handshake_create(
        &self,
        code: &str,
        settings: HandshakeSettings,
    ) -> Result<HandshakeView> {
        let r = create(self, code, settings).await;
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
        show(self, code).await
    }

    async fn handshake_bind(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        let r = bind(self, code, items).await;
        self.audited("handshake.bind", &format!("{code} {}", items.join(",")), r).await
    }

    async fn handshake_unbind(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        let r = match self.store.unbind_items(code, items, self.now_unix()).await {
            Ok(()) => self.handshake_show(code).await,
            Err(e) => Err(e.into()),
        };
        self.audited("handshake.unbind", &format!("{code} {}", items.join(",")), r).await
    }

    async fn handshake_order(&self, code: &str, items: &[String]) -> Result<HandshakeView> {
        let r = match self.store.order_items(code, items, self.now_unix()).await {
            Ok(()) => self.handshake_show(code).await,
            Err(e) => Err(e.into()),
        };
        self.audited("handshake.order", &format!("{code} {}", items.join(",")), r).await
    }

    async fn handshake_order_by_expiry(&self, code: &str) -> Result<HandshakeView> {
        let r = match self.store.order_by_expiry(code, self.now_unix()).await {
            Ok(()) => self.handshake_show(code).await,
            Err(e) => Err(e.into()),
        };
        self.audited("handshake.order", &format!("{code} by expiry"), r).await
    }

    async fn handshake_set(&self, code: &str, changes: HandshakeChanges) -> Result<HandshakeView> {
        let r = set(self, code, changes).await;
        self.audited("handshake.set", code, r).await
    }

    async fn handshake_domains_add(&self, code: &str, domains: &[String]) -> Result<Vec<String>> {
        let r = async {
            let canonical = parse_domains(domains)?;
            let now = self.now_unix();
            self.store.add_domains(code, &canonical, now).await?;
            Ok(show(self, code).await?.domains)
        };
        let target = format!("{code} {}", domains.join(","));
        self.audited("handshake.domains.add", &target, r.await).await
    }

    /// Removal accepts any spelling the binding could have been added with (case, Unicode or punycode).
    async fn handshake_domains_remove(
        &self,
        code: &str,
        domains: &[String],
    ) -> Result<Vec<String>> {
        let r = async {
            let canonical = parse_domains(domains)?;
            let now = self.now_unix();
            self.store.remove_domains(code, &canonical, now).await?;
            Ok(show(self, code).await?.domains)
        };
        let target = format!("{code} {}", domains.join(","));
        self.audited("handshake.domains.remove", &target, r.await).await
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
            Ok(self.store.update_handshake(code, patch, self.now_unix()).await?)
        }
        .await;
        self.audited("handshake.password.set", code, r).await
    }

    async fn handshake_password_clear(&self, code: &str) -> Result<()> {
        let patch =
            crate::store::HandshakePatch { password_hash: Some(None), ..Default::default() };
        let r = self.store.update_handshake(code, patch, self.now_unix()).await.map_err(Into::into);
        self.audited("handshake.password.clear", code, r).await
    }

    async fn handshake_delete(&self, code: &str, force: bool) -> Result<()> {
        let r = self.store.delete_handshake(code, force, self.now_unix()).await.map_err(Into::into);
        self.audited("handshake.delete", code, r).await
    }
}
