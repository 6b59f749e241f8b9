//! The alert tasks `serve` runs beside the sweeper:
//!
//! - the **evaluator** reads what the store shows (items, their use and expiry, quota refusals per code)
//!   every minute and records the crossings with their deliveries in one transaction
//!   ([`crate::store::AlertsStore::evaluate_alerts`]); with several instances on PostgreSQL one evaluates
//!   at a time (an advisory lock, as the sweeper's) and each crossing is recorded once;
//! - the **delivery** task drains the outbox: it leases the next due delivery (on PostgreSQL skipping
//!   those another instance holds), sends it, and records the attempt; a failure is retried with
//!   exponential backoff and jitter for 24 hours. Deliveries are in the store, so a restart (or a crash
//!   between the commit and the send) sends them later, never loses them. A crash after a send and
//!   before its record sends it again after the lease: receivers drop repeats by `webhook-id`;
//! - the **refusal counter** adds this instance's `quota_exceeded` refusals per code to the store every
//!   few seconds, so the refusal alert counts those of every instance.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, watch};

use crate::clock::{Clock, to_unix};
use crate::domain::alerts::{CodeObservation, ItemObservation, REFUSAL_WINDOW_SECS};
use crate::notify::{self, Resolved, Timing, email::Mailer};
use crate::store::Store;

/// What the alert tasks need from `serve`.
#[derive(Debug, Clone, Default)]
pub struct AlertsConfig {
    pub timing: Timing,
    /// Where e-mail alerts go out; `None`: e-mail deliveries wait (and are retried) until one is set.
    pub smtp: Option<crate::notify::email::SmtpSettings>,
}

/// How often this instance's refusal counts go to the store.
const FLUSH_EVERY: Duration = Duration::from_secs(5);

/// This process's quota refusals per code since the last flush (codes are the store's, so bounded).
static REFUSALS: Mutex<Option<HashMap<String, i64>>> = Mutex::new(None);

/// Counts one `quota_exceeded` refusal of `code`.
pub(crate) fn refused(code: &str) {
    let mut map = REFUSALS.lock().unwrap_or_else(|p| p.into_inner());
    *map.get_or_insert_with(HashMap::new).entry(code.to_string()).or_default() += 1;
}

fn take_refusals() -> HashMap<String, i64> {
    REFUSALS.lock().unwrap_or_else(|p| p.into_inner()).take().unwrap_or_default()
}

/// Starts the three tasks; they stop when `shutdown` turns true.
pub(super) fn spawn(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    config: AlertsConfig,
    shutdown: &watch::Sender<bool>,
) -> crate::error::Result<Vec<tokio::task::JoinHandle<()>>> {
    let mailer = match &config.smtp {
        Some(s) => Some(Arc::new(Mailer::new(s)?)),
        None => None,
    };
    let wake = Arc::new(Notify::new());
    Ok(vec![
        tokio::spawn(evaluate_loop(
            store.clone(),
            clock.clone(),
            config.timing,
            wake.clone(),
            shutdown.subscribe(),
        )),
        tokio::spawn(deliver_loop(
            store.clone(),
            clock.clone(),
            config.timing,
            mailer,
            wake,
            shutdown.subscribe(),
        )),
        tokio::spawn(flush_loop(
            store,
            clock,
            config.timing.poll_every.min(FLUSH_EVERY),
            shutdown.subscribe(),
        )),
    ])
}

/// What the store shows now, with the thresholds in force.
async fn observe(
    store: &dyn Store,
    now: i64,
) -> crate::store::StoreResult<(Vec<ItemObservation>, Vec<CodeObservation>)> {
    let settings = Resolved::from_rows(&store.alert_settings().await?);
    let mut items = Vec::new();
    for license in store.list_licenses(now).await? {
        for state in &license.items {
            let Ok((option, _)) = state.item.kind() else {
                continue;
            };
            let (used, unit) = if option.counts_devices() {
                (state.active_devices, "devices")
            } else {
                let unit = match option {
                    crate::domain::option::LicenseOption::PerPage => "pages",
                    _ => "scans",
                };
                (state.units_used, unit)
            };
            items.push(ItemObservation {
                item_id: state.item.id.clone(),
                license_id: state.item.license_id.clone(),
                product: state.item.product.clone(),
                option: state.item.option.clone(),
                used,
                quota: state.item.quota.filter(|_| option.has_quota()),
                unit,
                expires_at: state.item.expires_at,
                thresholds: settings.for_item(&state.handshakes).clone(),
            });
        }
    }
    let since = (now - REFUSAL_WINDOW_SECS).div_euclid(60);
    let codes = store
        .refusals_since(since)
        .await?
        .into_iter()
        .map(|(code, refusals)| CodeObservation {
            threshold: settings.for_code(&code).refusals,
            code,
            refusals,
        })
        .collect();
    Ok((items, codes))
}

async fn evaluate_loop(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    timing: Timing,
    wake: Arc<Notify>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let now = to_unix(clock.now());
        let round = match observe(store.as_ref(), now).await {
            Ok((items, codes)) => store.evaluate_alerts(now, &items, &codes).await,
            Err(e) => Err(e),
        };
        match round {
            Ok(Some(w)) if !w.fired.is_empty() || w.cleared > 0 => {
                tracing::info!(
                    "alerts: {} fired, {} deliveries queued, {} cleared",
                    w.fired.len(),
                    w.queued,
                    w.cleared
                );
                if w.queued > 0 {
                    wake.notify_one();
                }
            }
            Ok(_) => {}
            Err(e) => tracing::error!("alert evaluation failed (will retry): {e}"),
        }
        tokio::select! {
            _ = tokio::time::sleep(timing.evaluate_every) => {}
            _ = stop.wait_for(|s| *s) => return,
        }
    }
}

async fn deliver_loop(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    timing: Timing,
    mailer: Option<Arc<Mailer>>,
    wake: Arc<Notify>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        loop {
            if *stop.borrow() {
                return;
            }
            let now = to_unix(clock.now());
            let lease = now + timing.lease.as_secs() as i64;
            let row = match store.claim_delivery(now, lease).await {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(e) => {
                    tracing::error!("cannot read the alert outbox (will retry): {e}");
                    break;
                }
            };
            let (sent, final_attempt) =
                notify::attempt(store.as_ref(), &row, mailer.as_deref()).await;
            let done = to_unix(clock.now());
            let outcome = notify::outcome(&row, &sent, done, timing.retry_base, final_attempt);
            match (&outcome.error, outcome.give_up) {
                (None, _) => tracing::info!(
                    "alert delivery {} ({} to {}) delivered",
                    row.id,
                    row.channel,
                    row.target
                ),
                (Some(e), true) => tracing::error!(
                    "alert delivery {} ({} to {}) given up: {e}",
                    row.id,
                    row.channel,
                    row.target
                ),
                (Some(e), false) => tracing::warn!(
                    "alert delivery {} ({} to {}) failed, retried later: {e}",
                    row.id,
                    row.channel,
                    row.target
                ),
            }
            if let Err(e) = store.finish_delivery(row.id, outcome).await {
                tracing::error!("cannot record alert delivery {}: {e}", row.id);
                break;
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(timing.poll_every) => {}
            _ = wake.notified() => {}
            _ = stop.wait_for(|s| *s) => return,
        }
    }
}

async fn flush_loop(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    every: Duration,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let stopping = tokio::select! {
            _ = tokio::time::sleep(every) => false,
            _ = stop.wait_for(|s| *s) => true,
        };
        let counts = take_refusals();
        if !counts.is_empty() {
            let minute = to_unix(clock.now()).div_euclid(60);
            let rows: Vec<(String, i64, i64)> =
                counts.into_iter().map(|(c, n)| (c, minute, n)).collect();
            if let Err(e) = store.add_refusals(&rows).await {
                tracing::warn!("cannot record quota refusals for alerts: {e}");
            }
        }
        if stopping {
            return;
        }
    }
}
