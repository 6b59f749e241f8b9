//! The alerts area: what has fired (one open row per condition), where alerts go (webhooks, e-mail
//! recipients), the thresholds, and the outbox of deliveries with each attempt. The same statements on
//! both backends; claiming an outbox row is the one dialect-only statement ([`AlertsDialect`]:
//! PostgreSQL skips rows another instance has locked).
//!
//! An alert and its deliveries are written in one transaction, so an alert is never recorded without
//! being queued (or queued without being recorded): a crash after the commit leaves the deliveries in the
//! outbox for the next start. One evaluation runs at a time on the store ([`Backend::claim_alerts`]),
//! and the open-alert index makes a second insert of the same crossing a no-op whatever happens.

use std::collections::HashSet;

use async_trait::async_trait;

use super::backend::{Backend, in_tx, on_reader};
use super::query::{Conn, args};
use super::{StoreError, StoreResult};
use crate::domain::alerts::{self, CodeObservation, Crossing, ItemObservation};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AlertRow {
    pub id: i64,
    pub key: String,
    #[sqlx(rename = "type")]
    pub event_type: String,
    pub subject: String,
    pub threshold: i64,
    pub fired_at: i64,
    pub cleared_at: Option<i64>,
    pub notified: bool,
    pub message: String,
    pub data: String,
    /// Deliveries queued for it, and how many of them were delivered and given up.
    pub deliveries: i64,
    pub delivered: i64,
    pub failed: i64,
}

/// A webhook. The secret is kept in clear (the HMAC needs it) and never printed: `Debug` leaves it out.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WebhookRow {
    pub id: String,
    pub url: String,
    /// Event types, joined with `,`.
    pub events: String,
    pub secret: String,
    pub allow_private: bool,
    pub created_at: i64,
}

impl std::fmt::Debug for WebhookRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookRow")
            .field("id", &self.id)
            .field("url", &self.url)
            .field("events", &self.events)
            .finish_non_exhaustive()
    }
}

impl WebhookRow {
    pub fn wants(&self, event_type: &str) -> bool {
        self.events.split(',').any(|e| e == event_type)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EmailRow {
    pub address: String,
    pub created_at: i64,
}

/// Thresholds of one scope (`*` or a handshake code); `None` takes the global value, then the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct AlertSettingsRow {
    pub scope: String,
    /// Percents joined with `,`.
    pub quota_percents: Option<String>,
    /// Days joined with `,`.
    pub expiry_days: Option<String>,
    pub refusals: Option<i64>,
}

/// One delivery in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub alert_id: Option<i64>,
    /// `webhook` or `email`.
    pub channel: String,
    /// The webhook's id or the e-mail address.
    pub target: String,
    pub event_type: String,
    /// The Standard Webhooks `webhook-id`: the same on every attempt, so receivers can drop repeats.
    pub msg_id: String,
    pub payload: String,
    pub created_at: i64,
    pub next_attempt_at: i64,
    pub attempts: i64,
    /// `pending`, `delivered` or `failed`.
    pub state: String,
    pub lease_until: Option<i64>,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub delivered_at: Option<i64>,
}

/// One delivery attempt, with its delivery.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttemptRow {
    pub id: i64,
    pub outbox_id: i64,
    pub alert_id: Option<i64>,
    pub channel: String,
    pub target: String,
    pub event_type: String,
    pub at: i64,
    pub status_code: Option<i64>,
    pub error: Option<String>,
    pub ms: i64,
    /// The delivery's state now.
    pub state: String,
}

/// How an attempt ended, and what becomes of its delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptOutcome {
    pub at: i64,
    pub status_code: Option<i64>,
    pub error: Option<String>,
    pub ms: i64,
    /// `None`: delivered. `Some(t)`: try again at `t`. Failed for good: [`Self::give_up`].
    pub retry_at: Option<i64>,
    pub give_up: bool,
}

/// What one evaluation wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoundWritten {
    /// Alerts recorded (notified or not).
    pub fired: Vec<i64>,
    /// Deliveries queued.
    pub queued: u64,
    pub cleared: u64,
}

#[async_trait]
pub trait AlertsStore: Send + Sync {
    /// One evaluation at `now`: reads the open alerts, applies [`alerts::evaluate`], records the new
    /// alerts with their deliveries to every subscribed webhook and recipient, and clears what no longer
    /// holds, in one transaction. `None` while another evaluation of the store runs (another instance).
    async fn evaluate_alerts(
        &self,
        now: i64,
        items: &[ItemObservation],
        codes: &[CodeObservation],
    ) -> StoreResult<Option<RoundWritten>>;
    /// The newest alerts first, at most `limit`.
    async fn list_alerts(&self, limit: i64) -> StoreResult<Vec<AlertRow>>;

    async fn add_webhook(&self, row: WebhookRow) -> StoreResult<()>;
    async fn list_webhooks(&self) -> StoreResult<Vec<WebhookRow>>;
    async fn webhook(&self, id: &str) -> StoreResult<Option<WebhookRow>>;
    /// Removes it and gives up its pending deliveries.
    async fn remove_webhook(&self, id: &str, now: i64) -> StoreResult<()>;

    async fn add_email(&self, address: &str, now: i64) -> StoreResult<()>;
    async fn list_emails(&self) -> StoreResult<Vec<EmailRow>>;
    async fn remove_email(&self, address: &str, now: i64) -> StoreResult<()>;

    async fn alert_settings(&self) -> StoreResult<Vec<AlertSettingsRow>>;
    /// Sets the non-`None` fields of the row's scope, keeping the others.
    async fn set_alert_settings(&self, row: AlertSettingsRow) -> StoreResult<AlertSettingsRow>;
    async fn reset_alert_settings(&self, scope: &str) -> StoreResult<()>;

    /// Queues one delivery outside any alert (`webhook test`), leased to the caller until `lease_until`.
    async fn queue_delivery(&self, row: OutboxRow) -> StoreResult<OutboxRow>;
    /// Takes the next due delivery and leases it until `lease_until` (another instance skips it).
    async fn claim_delivery(&self, now: i64, lease_until: i64) -> StoreResult<Option<OutboxRow>>;
    /// Records an attempt and its outcome, and frees the lease.
    async fn finish_delivery(&self, id: i64, outcome: AttemptOutcome) -> StoreResult<()>;
    /// The newest attempts first, at most `limit`.
    async fn list_attempts(&self, limit: i64) -> StoreResult<Vec<AttemptRow>>;

    /// Adds counted quota refusals (`(code, minute, n)`): every instance adds its own.
    async fn add_refusals(&self, counts: &[(String, i64, i64)]) -> StoreResult<()>;
    /// Refusals per code since `since_minute`; older rows are pruned.
    async fn refusals_since(&self, since_minute: i64) -> StoreResult<Vec<(String, i64)>>;
}

/// What a backend says its own way.
pub(crate) trait AlertsDialect: Conn {
    /// `$1` now, `$2` the lease's end: the next due delivery, leased (PostgreSQL: skipping rows locked by
    /// another instance's claim).
    const CLAIM: &'static str;
}

/// The columns of an outbox row, in [`OutboxRow`]'s order.
macro_rules! outbox_columns {
    () => {
        "id, alert_id, channel, target, event_type, msg_id, payload, created_at, next_attempt_at,
         attempts, state, lease_until, last_status, last_error, delivered_at"
    };
}
pub(crate) use outbox_columns;

const OPEN_KEYS: &str = "SELECT key FROM alerts WHERE cleared_at IS NULL";

const INSERT_ALERT: &str = "INSERT INTO alerts
     (key, type, subject, threshold, fired_at, notified, message, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id";

const CLEAR_ALERT: &str = "UPDATE alerts SET cleared_at = $1 WHERE key = $2 AND cleared_at IS NULL";

const INSERT_OUTBOX: &str = concat!(
    "INSERT INTO alert_outbox (alert_id, channel, target, event_type, msg_id, payload, created_at,
         next_attempt_at, attempts, state, lease_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, 'pending', $9) RETURNING ",
    outbox_columns!()
);

const ALERTS: &str = "SELECT a.id, a.key, a.type, a.subject, a.threshold, a.fired_at, a.cleared_at,
       a.notified, a.message, a.data,
       (SELECT COUNT(*) FROM alert_outbox o WHERE o.alert_id = a.id) AS deliveries,
       (SELECT COUNT(*) FROM alert_outbox o WHERE o.alert_id = a.id AND o.state = 'delivered')
           AS delivered,
       (SELECT COUNT(*) FROM alert_outbox o WHERE o.alert_id = a.id AND o.state = 'failed') AS failed
     FROM alerts a ORDER BY a.id DESC LIMIT $1";

const WEBHOOKS: &str = "SELECT id, url, events, secret, allow_private, created_at FROM webhooks
     ORDER BY created_at, id";
const WEBHOOK: &str =
    "SELECT id, url, events, secret, allow_private, created_at FROM webhooks WHERE id = $1";
const EMAILS: &str = "SELECT address, created_at FROM alert_emails ORDER BY address";
const SETTINGS: &str =
    "SELECT scope, quota_percents, expiry_days, refusals FROM alert_settings ORDER BY scope";
const SETTINGS_OF: &str =
    "SELECT scope, quota_percents, expiry_days, refusals FROM alert_settings WHERE scope = $1";

/// Pending deliveries to a target that is gone are given up, with the reason.
const GIVE_UP_TARGET: &str = "UPDATE alert_outbox SET state = 'failed', lease_until = NULL,
     last_error = $3 WHERE channel = $1 AND target = $2 AND state = 'pending'";

const FINISH: &str = "UPDATE alert_outbox SET state = $2, attempts = attempts + 1,
     next_attempt_at = $3, lease_until = NULL, last_status = $4, last_error = $5, delivered_at = $6
     WHERE id = $1";

const INSERT_ATTEMPT: &str = "INSERT INTO alert_attempts (outbox_id, at, status_code, error, ms) VALUES ($1, $2, $3, $4, $5)";

const ATTEMPTS: &str =
    "SELECT t.id, t.outbox_id, o.alert_id, o.channel, o.target, o.event_type, t.at,
       t.status_code, t.error, t.ms, o.state
     FROM alert_attempts t JOIN alert_outbox o ON o.id = t.outbox_id ORDER BY t.id DESC LIMIT $1";

const ADD_REFUSALS: &str = "INSERT INTO alert_refusals (code, minute, n) VALUES ($1, $2, $3)
     ON CONFLICT (code, minute) DO UPDATE SET n = alert_refusals.n + excluded.n";

const REFUSALS: &str = "SELECT code, CAST(SUM(n) AS BIGINT) FROM alert_refusals WHERE minute >= $1
     GROUP BY code ORDER BY code";

/// Refusal counts are needed for the window only; a day is kept for looking.
const PRUNE_REFUSALS: &str = "DELETE FROM alert_refusals WHERE minute < $1";

/// A random `webhook-id` (`msg_` and 32 hex digits).
pub fn new_msg_id() -> String {
    format!("msg_{}", uuid::Uuid::new_v4().simple())
}

async fn write_round<C: Conn>(
    c: &mut C,
    now: i64,
    fire: &[Crossing],
    clear: &[String],
) -> StoreResult<RoundWritten> {
    let mut out = RoundWritten::default();
    for key in clear {
        out.cleared += c.execute(CLEAR_ALERT, args![now, key.as_str()]).await?;
    }
    let mut targets: Option<(Vec<WebhookRow>, Vec<EmailRow>)> = None;
    for x in fire {
        let data = x.data.to_string();
        let id: Option<(i64,)> = c
            .fetch_optional(
                INSERT_ALERT,
                args![
                    x.key.as_str(),
                    x.event_type,
                    x.subject.as_str(),
                    x.threshold,
                    now,
                    x.notify,
                    x.message.as_str(),
                    data.as_str()
                ],
            )
            .await?;
        // Already open (recorded by another evaluation): nothing to queue.
        let Some((id,)) = id else { continue };
        out.fired.push(id);
        if !x.notify {
            continue;
        }
        if targets.is_none() {
            targets =
                Some((c.fetch_all(WEBHOOKS, args![]).await?, c.fetch_all(EMAILS, args![]).await?));
        }
        let (hooks, emails) = targets.as_ref().expect("read above");
        let body = alerts::payload(x.event_type, now, Some(id), &x.message, &x.data).to_string();
        let hooks = hooks.iter().filter(|h| h.wants(x.event_type));
        let to = hooks
            .map(|h| ("webhook", h.id.as_str()))
            .chain(emails.iter().map(|e| ("email", e.address.as_str())));
        for (channel, target) in to {
            let msg = new_msg_id();
            let row: OutboxRow = c
                .fetch_one(
                    INSERT_OUTBOX,
                    args![
                        Some(id),
                        channel,
                        target,
                        x.event_type,
                        msg.as_str(),
                        body.as_str(),
                        now,
                        now,
                        None::<i64>
                    ],
                )
                .await?;
            let _ = row;
            out.queued += 1;
        }
    }
    Ok(out)
}

async fn set_settings<C: Conn>(c: &mut C, row: &AlertSettingsRow) -> StoreResult<AlertSettingsRow> {
    let old: Option<AlertSettingsRow> = c.fetch_optional(SETTINGS_OF, args![&row.scope]).await?;
    let old = old.unwrap_or_default();
    let merged = AlertSettingsRow {
        scope: row.scope.clone(),
        quota_percents: row.quota_percents.clone().or(old.quota_percents),
        expiry_days: row.expiry_days.clone().or(old.expiry_days),
        refusals: row.refusals.or(old.refusals),
    };
    c.execute(
        "INSERT INTO alert_settings (scope, quota_percents, expiry_days, refusals)
         VALUES ($1, $2, $3, $4) ON CONFLICT (scope) DO UPDATE SET
         quota_percents = excluded.quota_percents, expiry_days = excluded.expiry_days,
         refusals = excluded.refusals",
        args![&merged.scope, &merged.quota_percents, &merged.expiry_days, merged.refusals],
    )
    .await?;
    Ok(merged)
}

#[async_trait]
impl<B: Backend> AlertsStore for B {
    async fn evaluate_alerts(
        &self,
        now: i64,
        items: &[ItemObservation],
        codes: &[CodeObservation],
    ) -> StoreResult<Option<RoundWritten>> {
        let Some(claim) = self.claim_alerts().await? else {
            return Ok(None);
        };
        let written = in_tx!(self, |c| async {
            let open: Vec<(String,)> = c.fetch_all(OPEN_KEYS, args![]).await?;
            let open: HashSet<String> = open.into_iter().map(|(k,)| k).collect();
            let round = alerts::evaluate(now, items, codes, &open);
            write_round(c, now, &round.fire, &round.clear).await
        });
        self.end_alerts(claim).await;
        written.map(Some)
    }

    async fn list_alerts(&self, limit: i64) -> StoreResult<Vec<AlertRow>> {
        on_reader!(self, |c| c.fetch_all(ALERTS, args![limit]))
    }

    async fn add_webhook(&self, row: WebhookRow) -> StoreResult<()> {
        in_tx!(self, |c| async {
            let same: i64 =
                c.scalar("SELECT COUNT(*) FROM webhooks WHERE url = $1", args![&row.url]).await?;
            if same > 0 {
                return Err(StoreError::Conflict(format!(
                    "a webhook to {} exists already",
                    row.url
                )));
            }
            c.execute(
                "INSERT INTO webhooks (id, url, events, secret, allow_private, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                args![
                    &row.id,
                    &row.url,
                    &row.events,
                    &row.secret,
                    row.allow_private,
                    row.created_at
                ],
            )
            .await?;
            Ok::<_, StoreError>(())
        })
    }

    async fn list_webhooks(&self) -> StoreResult<Vec<WebhookRow>> {
        on_reader!(self, |c| c.fetch_all(WEBHOOKS, args![]))
    }

    async fn webhook(&self, id: &str) -> StoreResult<Option<WebhookRow>> {
        on_reader!(self, |c| c.fetch_optional(WEBHOOK, args![id]))
    }

    async fn remove_webhook(&self, id: &str, _now: i64) -> StoreResult<()> {
        in_tx!(self, |c| async {
            let n = c.execute("DELETE FROM webhooks WHERE id = $1", args![id]).await?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("no webhook {id}")));
            }
            c.execute(GIVE_UP_TARGET, args!["webhook", id, "the webhook was removed"]).await?;
            Ok::<_, StoreError>(())
        })
    }

    async fn add_email(&self, address: &str, now: i64) -> StoreResult<()> {
        in_tx!(self, |c| async {
            let n = c
                .execute(
                    "INSERT INTO alert_emails (address, created_at) VALUES ($1, $2)
                     ON CONFLICT (address) DO NOTHING",
                    args![address, now],
                )
                .await?;
            if n == 0 {
                return Err(StoreError::Conflict(format!("{address} receives alerts already")));
            }
            Ok::<_, StoreError>(())
        })
    }

    async fn list_emails(&self) -> StoreResult<Vec<EmailRow>> {
        on_reader!(self, |c| c.fetch_all(EMAILS, args![]))
    }

    async fn remove_email(&self, address: &str, _now: i64) -> StoreResult<()> {
        in_tx!(self, |c| async {
            let n =
                c.execute("DELETE FROM alert_emails WHERE address = $1", args![address]).await?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("{address} is no alert recipient")));
            }
            c.execute(GIVE_UP_TARGET, args!["email", address, "the recipient was removed"]).await?;
            Ok::<_, StoreError>(())
        })
    }

    async fn alert_settings(&self) -> StoreResult<Vec<AlertSettingsRow>> {
        on_reader!(self, |c| c.fetch_all(SETTINGS, args![]))
    }

    async fn set_alert_settings(&self, row: AlertSettingsRow) -> StoreResult<AlertSettingsRow> {
        in_tx!(self, |c| set_settings(c, &row))
    }

    async fn reset_alert_settings(&self, scope: &str) -> StoreResult<()> {
        let n = in_tx!(self, |c| c
            .execute("DELETE FROM alert_settings WHERE scope = $1", args![scope]))?;
        if n == 0 {
            return Err(StoreError::NotFound(format!(
                "no alert settings of their own for {scope}"
            )));
        }
        Ok(())
    }

    async fn queue_delivery(&self, row: OutboxRow) -> StoreResult<OutboxRow> {
        in_tx!(self, |c| c.fetch_one(
            INSERT_OUTBOX,
            args![
                row.alert_id,
                &row.channel,
                &row.target,
                &row.event_type,
                &row.msg_id,
                &row.payload,
                row.created_at,
                row.next_attempt_at,
                row.lease_until
            ]
        ))
    }

    async fn claim_delivery(&self, now: i64, lease_until: i64) -> StoreResult<Option<OutboxRow>> {
        in_tx!(self, |c| c
            .fetch_optional(<B::Conn as AlertsDialect>::CLAIM, args![now, lease_until]))
    }

    async fn finish_delivery(&self, id: i64, o: AttemptOutcome) -> StoreResult<()> {
        let (state, next, delivered_at) = match (o.retry_at, o.give_up) {
            (_, true) => ("failed", o.at, None),
            (Some(t), false) => ("pending", t, None),
            (None, false) => ("delivered", o.at, Some(o.at)),
        };
        in_tx!(self, |c| async {
            c.execute(INSERT_ATTEMPT, args![id, o.at, o.status_code, &o.error, o.ms]).await?;
            c.execute(FINISH, args![id, state, next, o.status_code, &o.error, delivered_at]).await
        })?;
        Ok(())
    }

    async fn list_attempts(&self, limit: i64) -> StoreResult<Vec<AttemptRow>> {
        on_reader!(self, |c| c.fetch_all(ATTEMPTS, args![limit]))
    }

    async fn add_refusals(&self, counts: &[(String, i64, i64)]) -> StoreResult<()> {
        if counts.is_empty() {
            return Ok(());
        }
        in_tx!(self, |c| async {
            for (code, minute, n) in counts {
                c.execute(ADD_REFUSALS, args![code, *minute, *n]).await?;
            }
            Ok::<_, StoreError>(())
        })
    }

    async fn refusals_since(&self, since_minute: i64) -> StoreResult<Vec<(String, i64)>> {
        in_tx!(self, |c| c.execute(PRUNE_REFUSALS, args![since_minute.saturating_sub(24 * 60)]))?;
        on_reader!(self, |c| c.fetch_all(REFUSALS, args![since_minute]))
    }
}
