//! Alerts, webhooks, recipients and thresholds on the local target. Every change is audit-logged; a
//! webhook's secret is in the answer of `webhook add` only, never in the audit entry or a listing.

use async_trait::async_trait;

use super::LocalAdmin;
use crate::admin::*;
use crate::clock::from_unix;
use crate::domain::alerts::{self, DAYS_RANGE, EVENTS, PERCENT_RANGE, REFUSALS_RANGE};
use crate::error::{Error, Result};
use crate::notify::{self, Resolved, email, webhook};
use crate::store::{AlertRow, AlertSettingsRow, OutboxRow, WebhookRow};

/// Most rows a listing answers.
const MAX_LIST: u32 = 10_000;

fn alert_view(r: AlertRow) -> AlertView {
    let delivery = if !r.notified {
        "superseded"
    } else if r.deliveries == 0 {
        "none"
    } else if r.delivered == r.deliveries {
        "delivered"
    } else if r.failed > 0 {
        "failed"
    } else {
        "pending"
    };
    AlertView {
        id: r.id,
        event_type: r.event_type,
        subject: r.subject,
        threshold: r.threshold,
        fired_at: from_unix(r.fired_at),
        cleared_at: r.cleared_at.map(from_unix),
        notified: if r.notified { "sent" } else { "superseded" }.into(),
        delivery: delivery.into(),
        deliveries: r.deliveries,
        delivered: r.delivered,
        failed: r.failed,
        message: r.message,
        data: serde_json::from_str(&r.data).unwrap_or_default(),
    }
}

fn webhook_view(r: &WebhookRow) -> WebhookView {
    WebhookView {
        id: r.id.clone(),
        url: r.url.clone(),
        events: r.events.split(',').map(str::to_string).collect(),
        allow_private: r.allow_private,
        created_at: from_unix(r.created_at),
    }
}

/// The events asked for, checked; none: every alert event.
fn check_events(events: &[String]) -> Result<Vec<String>> {
    if events.is_empty() {
        return Ok(EVENTS.iter().map(|e| e.to_string()).collect());
    }
    let mut out = Vec::new();
    for e in events.iter().flat_map(|e| e.split(',')).map(str::trim) {
        if !EVENTS.contains(&e) {
            return Err(Error::usage(format!("unknown event {e:?}"))
                .with_hint(format!("events are: {}", EVENTS.join(", "))));
        }
        if !out.iter().any(|o| o == e) {
            out.push(e.to_string());
        }
    }
    Ok(out)
}

fn settings_view(scope: &str, t: &alerts::Thresholds, inherited: &[&str]) -> AlertSettingsView {
    AlertSettingsView {
        scope: scope.to_string(),
        quota_percents: t.quota_percents.clone(),
        expiry_days: t.expiry_days.clone(),
        refusals: t.refusals,
        inherited: inherited.iter().map(|s| s.to_string()).collect(),
    }
}

fn join(v: &[u32]) -> String {
    v.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

impl LocalAdmin {
    async fn settings_views(&self) -> Result<Vec<AlertSettingsView>> {
        let r = Resolved::from_rows(&self.store.alert_settings().await?);
        let mut out = vec![settings_view("global", &r.global, &r.global_inherited)];
        for (code, (t, inherited)) in &r.codes {
            out.push(settings_view(code, t, inherited));
        }
        Ok(out)
    }

    async fn set_settings(&self, req: &AlertSettingsRequest) -> Result<AlertSettingsView> {
        if req.quota_percents.is_none() && req.expiry_days.is_none() && req.refusals.is_none() {
            return Err(Error::usage("nothing to set").with_hint(
                "give --quota-percent, --expiry-days or --refusals (see `ltsctl alerts settings set --help`)",
            ));
        }
        let usage = Error::usage;
        let quota = match &req.quota_percents {
            Some(v) => {
                Some(join(&alerts::check_list("--quota-percent", v, PERCENT_RANGE).map_err(usage)?))
            }
            None => None,
        };
        let days = match &req.expiry_days {
            Some(v) => {
                Some(join(&alerts::check_list("--expiry-days", v, DAYS_RANGE).map_err(usage)?))
            }
            None => None,
        };
        if let Some(n) = req.refusals
            && !REFUSALS_RANGE.contains(&n)
        {
            return Err(Error::usage(format!(
                "--refusals {n} is out of range: it must be {} to {}",
                REFUSALS_RANGE.start(),
                REFUSALS_RANGE.end()
            )));
        }
        let scope = match &req.handshake {
            Some(code) => {
                self.store.device_handshake(code).await?.ok_or_else(|| {
                    Error::new(
                        crate::error::ErrorKind::NotFound,
                        format!("no handshake code {code}"),
                    )
                    .with_hint("see `ltsctl handshake list`")
                })?;
                code.clone()
            }
            None => "*".to_string(),
        };
        self.store
            .set_alert_settings(AlertSettingsRow {
                scope: scope.clone(),
                quota_percents: quota,
                expiry_days: days,
                refusals: req.refusals.map(i64::from),
            })
            .await?;
        let shown = if scope == "*" { "global" } else { &scope };
        self.settings_views()
            .await?
            .into_iter()
            .find(|v| v.scope == shown)
            .ok_or_else(|| Error::internal("the settings just written are not there"))
    }

    async fn add_webhook(&self, req: &WebhookRequest) -> Result<WebhookCreated> {
        let url = webhook::check_url(&req.url, req.allow_private)?;
        let events = check_events(&req.events)?;
        let secret = webhook::new_secret()?;
        let mut id = [0u8; 6];
        getrandom::fill(&mut id).map_err(|e| Error::internal(format!("no randomness: {e}")))?;
        let id = format!("wh_{}", hex::encode(id));
        self.store
            .add_webhook(WebhookRow {
                id: id.clone(),
                url: url.to_string(),
                events: events.join(","),
                secret: secret.clone(),
                allow_private: req.allow_private,
                created_at: self.now_unix(),
            })
            .await?;
        Ok(WebhookCreated {
            id,
            url: url.to_string(),
            events,
            allow_private: req.allow_private,
            secret,
        })
    }

    async fn test_webhook(&self, id: &str) -> Result<WebhookTestReport> {
        let hook = self.store.webhook(id).await?.ok_or_else(|| no_webhook(id))?;
        let now = self.now_unix();
        let body = alerts::payload(
            alerts::EVENT_TEST,
            now,
            None,
            &format!("a test of webhook {id} from `ltsctl webhook test`"),
            &serde_json::json!({ "webhook": id }),
        )
        .to_string();
        // Queued leased to this call, so the attempt is listed with the others (and a server does not
        // send it meanwhile).
        let row = self
            .store
            .queue_delivery(OutboxRow {
                id: 0,
                alert_id: None,
                channel: "webhook".into(),
                target: hook.id.clone(),
                event_type: alerts::EVENT_TEST.into(),
                msg_id: crate::store::new_msg_id(),
                payload: body.clone(),
                created_at: now,
                next_attempt_at: now,
                attempts: 0,
                state: "pending".into(),
                lease_until: Some(now + 300),
                last_status: None,
                last_error: None,
                delivered_at: None,
            })
            .await?;
        let sent = webhook::send(&hook, &row.msg_id, &body).await;
        let outcome =
            notify::outcome(&row, &sent, self.now_unix(), std::time::Duration::ZERO, true);
        self.store.finish_delivery(row.id, outcome).await?;
        Ok(WebhookTestReport {
            webhook: hook.id,
            msg_id: row.msg_id,
            delivered: sent.error.is_none(),
            status_code: sent.status_code,
            error: sent.error,
            ms: sent.ms,
        })
    }
}

fn no_webhook(id: &str) -> Error {
    Error::new(crate::error::ErrorKind::NotFound, format!("no webhook {id}"))
        .with_hint("see `ltsctl webhook list`")
}

#[async_trait]
impl AlertsAdmin for LocalAdmin {
    async fn alerts_list(&self, limit: u32) -> Result<Vec<AlertView>> {
        let rows = self.store.list_alerts(i64::from(limit.clamp(1, MAX_LIST))).await?;
        Ok(rows.into_iter().map(alert_view).collect())
    }

    async fn alert_deliveries(&self, limit: u32) -> Result<Vec<DeliveryAttemptView>> {
        let rows = self.store.list_attempts(i64::from(limit.clamp(1, MAX_LIST))).await?;
        Ok(rows
            .into_iter()
            .map(|r| DeliveryAttemptView {
                at: from_unix(r.at),
                delivery: r.outbox_id,
                alert_id: r.alert_id,
                channel: r.channel,
                target: r.target,
                event_type: r.event_type,
                status_code: r.status_code,
                error: r.error,
                ms: r.ms,
                state: r.state,
            })
            .collect())
    }

    async fn alert_settings(&self) -> Result<Vec<AlertSettingsView>> {
        self.settings_views().await
    }

    async fn alert_settings_set(&self, req: AlertSettingsRequest) -> Result<AlertSettingsView> {
        let target = req.handshake.clone().unwrap_or_else(|| "global".into());
        let r = self.set_settings(&req).await;
        self.audited_with("alerts.settings.set", &target, r, |v| {
            Some(format!(
                "quota_percents={} expiry_days={} refusals={}",
                join(&v.quota_percents),
                join(&v.expiry_days),
                v.refusals
            ))
        })
        .await
    }

    async fn alert_settings_reset(&self, handshake: &str) -> Result<()> {
        let r = self.store.reset_alert_settings(handshake).await.map_err(Into::into);
        self.audited("alerts.settings.reset", handshake, r).await
    }

    async fn webhook_add(&self, req: WebhookRequest) -> Result<WebhookCreated> {
        let r = self.add_webhook(&req).await;
        // The entry names the webhook and its URL, never the secret; a refused URL without any
        // credentials it held, and cut short.
        let target = r.as_ref().map_or_else(|_| webhook::redacted(&req.url), |c| c.id.clone());
        self.audited_with("webhook.add", &target, r, |c| {
            Some(format!("{} events={}", c.url, c.events.join(",")))
        })
        .await
    }

    async fn webhook_list(&self) -> Result<Vec<WebhookView>> {
        Ok(self.store.list_webhooks().await?.iter().map(webhook_view).collect())
    }

    async fn webhook_remove(&self, id: &str) -> Result<()> {
        let r = self.store.remove_webhook(id, self.now_unix()).await.map_err(|e| match e {
            crate::store::StoreError::NotFound(_) => no_webhook(id),
            e => e.into(),
        });
        self.audited("webhook.remove", id, r).await
    }

    async fn webhook_test(&self, id: &str) -> Result<WebhookTestReport> {
        let r = self.test_webhook(id).await;
        self.audited_with("webhook.test", id, r, |t| {
            Some(match &t.error {
                None => format!("delivered, HTTP {}", t.status_code.unwrap_or_default()),
                Some(e) => format!("not delivered: {e}"),
            })
        })
        .await
    }

    async fn email_add(&self, address: &str) -> Result<EmailView> {
        let r = async {
            let address = email::normalize(address)?;
            let now = self.now_unix();
            self.store.add_email(&address, now).await?;
            Ok(EmailView { address, created_at: from_unix(now) })
        }
        .await;
        self.audited("alerts.email.add", address, r).await
    }

    async fn email_list(&self) -> Result<Vec<EmailView>> {
        Ok(self
            .store
            .list_emails()
            .await?
            .into_iter()
            .map(|e| EmailView { address: e.address, created_at: from_unix(e.created_at) })
            .collect())
    }

    async fn email_remove(&self, address: &str) -> Result<()> {
        // Stored normalized; an address that does not parse is looked up as given (and not found).
        let stored = email::normalize(address).unwrap_or_else(|_| address.to_string());
        let r = self.store.remove_email(&stored, self.now_unix()).await.map_err(Into::into);
        self.audited("alerts.email.remove", address, r).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_checked_and_default_to_all() {
        assert_eq!(check_events(&[]).unwrap().len(), EVENTS.len());
        assert_eq!(
            check_events(&["item.expired,item.expiring".into()]).unwrap(),
            ["item.expired", "item.expiring"]
        );
        let e = check_events(&["item.gone".into()]).unwrap_err();
        assert!(e.message.contains("unknown event \"item.gone\""), "{e:?}");
        assert!(e.hint.unwrap().contains("item.quota.threshold"));
    }
}
