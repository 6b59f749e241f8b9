//! Alerts: what has fired, the delivery attempts, the thresholds, e-mail recipients and webhooks.

use super::Context;
use crate::admin::{
    AlertSettingsRequest, AlertSettingsView, AlertView, DeliveryAttemptView, EmailView,
    WebhookCreated, WebhookRequest, WebhookTestReport, WebhookView,
};
use crate::cli::{AlertEmailCommand, AlertSettingsCommand, AlertsCommand, WebhookCommand};
use crate::error::{Error, ErrorKind, Result};
use crate::output::{Cells, Record, Tabular, opt};

impl Tabular for AlertView {
    fn headers() -> &'static [&'static str] {
        &["id", "fired_at", "type", "subject", "threshold", "state", "delivery", "message"]
    }
    fn rows(&self, c: Cells) -> Vec<Vec<String>> {
        let state = if self.cleared_at.is_some() { "cleared" } else { "open" };
        vec![vec![
            self.id.to_string(),
            c.time(&self.fired_at),
            self.event_type.clone(),
            self.subject.clone(),
            c.num(self.threshold),
            state.into(),
            self.delivery.clone(),
            self.message.clone(),
        ]]
    }
}

impl Tabular for DeliveryAttemptView {
    fn headers() -> &'static [&'static str] {
        &["at", "delivery", "alert", "channel", "target", "type", "status", "error", "ms", "state"]
    }
    fn rows(&self, c: Cells) -> Vec<Vec<String>> {
        vec![vec![
            c.time(&self.at),
            self.delivery.to_string(),
            c.opt_num(&self.alert_id),
            self.channel.clone(),
            self.target.clone(),
            self.event_type.clone(),
            c.opt_num(&self.status_code),
            opt(&self.error),
            c.num(self.ms),
            self.state.clone(),
        ]]
    }
}

fn join(v: &[u32]) -> String {
    v.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

impl Tabular for AlertSettingsView {
    fn headers() -> &'static [&'static str] {
        &["scope", "quota_percents", "expiry_days", "refusals", "inherited"]
    }
    fn rows(&self, _: Cells) -> Vec<Vec<String>> {
        vec![vec![
            self.scope.clone(),
            join(&self.quota_percents),
            join(&self.expiry_days),
            self.refusals.to_string(),
            self.inherited.join(","),
        ]]
    }
}

impl Record for AlertSettingsView {
    fn fields(&self, _: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("scope", self.scope.clone()),
            ("quota_percents", join(&self.quota_percents)),
            ("expiry_days", join(&self.expiry_days)),
            ("refusals", self.refusals.to_string()),
            ("inherited", self.inherited.join(",")),
        ]
    }
}

impl Tabular for EmailView {
    fn headers() -> &'static [&'static str] {
        &["address", "created_at"]
    }
    fn rows(&self, c: Cells) -> Vec<Vec<String>> {
        vec![vec![self.address.clone(), c.time(&self.created_at)]]
    }
}

impl Record for EmailView {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        vec![("address", self.address.clone()), ("created_at", c.time(&self.created_at))]
    }
}

impl Tabular for WebhookView {
    fn headers() -> &'static [&'static str] {
        &["id", "url", "events", "allow_private", "created_at"]
    }
    fn rows(&self, c: Cells) -> Vec<Vec<String>> {
        vec![vec![
            self.id.clone(),
            self.url.clone(),
            self.events.join(","),
            self.allow_private.to_string(),
            c.time(&self.created_at),
        ]]
    }
}

impl Record for WebhookCreated {
    fn fields(&self, _: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("id", self.id.clone()),
            ("url", self.url.clone()),
            ("events", self.events.join(",")),
            ("allow_private", self.allow_private.to_string()),
            ("secret", self.secret.clone()),
        ]
    }
}

impl Record for WebhookTestReport {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("webhook", self.webhook.clone()),
            ("msg_id", self.msg_id.clone()),
            ("delivered", self.delivered.to_string()),
            ("status_code", c.opt_num(&self.status_code)),
            ("error", opt(&self.error)),
            ("ms", c.num(self.ms)),
        ]
    }
}

pub async fn alerts(ctx: &Context, cmd: AlertsCommand) -> Result<()> {
    let admin = ctx.admin().await?;
    match cmd {
        AlertsCommand::List { limit } => ctx.out.list(&admin.alerts_list(limit).await?),
        AlertsCommand::Deliveries { limit } => ctx.out.list(&admin.alert_deliveries(limit).await?),
        AlertsCommand::Settings(AlertSettingsCommand::Show) => {
            ctx.out.list(&admin.alert_settings().await?)
        }
        AlertsCommand::Settings(AlertSettingsCommand::Set {
            handshake,
            quota_percents,
            expiry_days,
            refusals,
        }) => {
            let view = admin
                .alert_settings_set(AlertSettingsRequest {
                    handshake,
                    quota_percents,
                    expiry_days,
                    refusals,
                })
                .await?;
            ctx.out.note(format!(
                "Alert thresholds of {} set; a running server applies them at its next evaluation \
                 (within a minute).",
                view.scope
            ));
            ctx.out.record(&view)
        }
        AlertsCommand::Settings(AlertSettingsCommand::Reset { handshake }) => {
            admin.alert_settings_reset(&handshake).await?;
            ctx.out.note(format!("{handshake} takes the global alert thresholds again."));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "reset": handshake }))?;
            }
            Ok(())
        }
        AlertsCommand::Email(AlertEmailCommand::Add { address }) => {
            let added = admin.email_add(&address).await?;
            ctx.out.note(format!(
                "Alerts go to {} too (through serve's SMTP settings; `ltsctl serve --print-config` shows them).",
                added.address
            ));
            ctx.out.record(&added)
        }
        AlertsCommand::Email(AlertEmailCommand::List) => ctx.out.list(&admin.email_list().await?),
        AlertsCommand::Email(AlertEmailCommand::Remove { address }) => {
            admin.email_remove(&address).await?;
            ctx.out.note(format!("Alerts are no longer sent to {address}."));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "removed": address }))?;
            }
            Ok(())
        }
    }
}

pub async fn webhook(ctx: &Context, cmd: WebhookCommand) -> Result<()> {
    let admin = ctx.admin().await?;
    match cmd {
        WebhookCommand::Add { url, events, allow_private } => {
            let created = admin.webhook_add(WebhookRequest { url, events, allow_private }).await?;
            ctx.out.note(format!(
                "Added webhook {}. Copy its secret now: it is not shown again. Verify each delivery's \
                 webhook-signature with it (any Standard Webhooks library); `ltsctl webhook test {}` \
                 sends a test event.",
                created.id, created.id
            ));
            ctx.out.record(&created)
        }
        WebhookCommand::List => ctx.out.list(&admin.webhook_list().await?),
        WebhookCommand::Remove { id } => {
            admin.webhook_remove(&id).await?;
            ctx.out.note(format!("Removed webhook {id}."));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "removed": id }))?;
            }
            Ok(())
        }
        WebhookCommand::Test { id } => {
            let report = admin.webhook_test(&id).await?;
            ctx.out.record(&report)?;
            match &report.error {
                None => Ok(()),
                Some(e) => Err(Error::new(
                    ErrorKind::Unreachable,
                    format!("webhook {id} did not take the test event: {e}"),
                )
                .with_hint("check the URL and that the receiver answers 2xx (`ltsctl alerts deliveries` lists attempts)")),
            }
        }
    }
}
