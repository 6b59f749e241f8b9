//! Alerts: a crossing is recorded once and its deliveries queued in the same transaction, cleared
//! conditions re-arm; one evaluation at a time across instances; the outbox leases each delivery to one
//! claimer; attempts and outcomes are kept.

use std::collections::HashSet;

use ltsctl::domain::alerts::{ItemObservation, Thresholds};
use ltsctl::store::{AttemptOutcome, WebhookRow};

use super::*;

fn item(used: i64) -> ItemObservation {
    ItemObservation {
        item_id: "AL-1".into(),
        license_id: "LIC".into(),
        product: "sdk".into(),
        option: "per-device".into(),
        used,
        quota: Some(10),
        unit: "devices",
        expires_at: FAR,
        thresholds: Thresholds::default(),
    }
}

fn hook(id: &str, events: &str) -> WebhookRow {
    WebhookRow {
        id: id.into(),
        url: format!("https://hooks.example/{id}"),
        events: events.into(),
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
        allow_private: false,
        created_at: T0,
    }
}

fn delivered_at(t: i64) -> AttemptOutcome {
    AttemptOutcome {
        at: t,
        status_code: Some(204),
        error: None,
        ms: 5,
        retry_at: None,
        give_up: false,
    }
}

pub(crate) async fn case_alerts_fire_once_and_queue_in_one_transaction(s: S) {
    s.add_webhook(hook("wh_a", "item.quota.threshold")).await.unwrap();
    s.add_webhook(hook("wh_b", "item.expiring")).await.unwrap();
    s.add_email("ops@example.com", T0).await.unwrap();
    let err = s.add_webhook(hook("wh_a", "item.expired")).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");

    let w = s.evaluate_alerts(T0, &[item(6)], &[]).await.unwrap().unwrap();
    // 60 %: one alert, to the quota webhook and the recipient (not the expiry webhook).
    assert_eq!((w.fired.len(), w.queued, w.cleared), (1, 2, 0));
    let again = s.evaluate_alerts(T0 + 60, &[item(7)], &[]).await.unwrap().unwrap();
    assert_eq!((again.fired.len(), again.queued), (0, 0));
    let alerts = s.list_alerts(10).await.unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!((alerts[0].key.as_str(), alerts[0].deliveries), ("quota:AL-1:60", 2));

    // Cleared, then crossed again: a new alert.
    let w = s.evaluate_alerts(T0 + 120, &[item(1)], &[]).await.unwrap().unwrap();
    assert_eq!(w.cleared, 1);
    let w = s.evaluate_alerts(T0 + 180, &[item(6)], &[]).await.unwrap().unwrap();
    assert_eq!(w.fired.len(), 1);
    let alerts = s.list_alerts(10).await.unwrap();
    assert_eq!(alerts.len(), 2);
    assert!(alerts[0].cleared_at.is_none() && alerts[1].cleared_at == Some(T0 + 120));
}

pub(crate) async fn case_outbox_leases_records_and_gives_up(s: S) {
    s.add_webhook(hook("wh_a", "item.quota.threshold")).await.unwrap();
    s.evaluate_alerts(T0, &[item(10)], &[]).await.unwrap().unwrap();
    let row = s.claim_delivery(T0, T0 + 120).await.unwrap().expect("due");
    assert_eq!((row.channel.as_str(), row.target.as_str()), ("webhook", "wh_a"));
    let body: serde_json::Value = serde_json::from_str(&row.payload).unwrap();
    assert_eq!(body["type"], "item.quota.threshold");
    assert_eq!(body["data"]["threshold_percent"], 100);
    // Leased: nobody else gets it until the lease ends.
    assert!(s.claim_delivery(T0 + 1, T0 + 121).await.unwrap().is_none());
    let failed = AttemptOutcome {
        at: T0 + 2,
        status_code: Some(500),
        error: Some("HTTP 500".into()),
        ms: 3,
        retry_at: Some(T0 + 30),
        give_up: false,
    };
    s.finish_delivery(row.id, failed).await.unwrap();
    assert!(s.claim_delivery(T0 + 29, T0 + 149).await.unwrap().is_none());
    let again = s.claim_delivery(T0 + 30, T0 + 150).await.unwrap().expect("retry due");
    assert_eq!((again.id, again.msg_id.as_str(), again.attempts), (row.id, row.msg_id.as_str(), 1));
    s.finish_delivery(again.id, delivered_at(T0 + 31)).await.unwrap();
    assert!(s.claim_delivery(T0 + 1000, T0 + 2000).await.unwrap().is_none());
    let attempts = s.list_attempts(10).await.unwrap();
    let codes: Vec<Option<i64>> = attempts.iter().map(|a| a.status_code).collect();
    assert_eq!(codes, [Some(204), Some(500)]);
    assert!(attempts.iter().all(|a| a.state == "delivered"));
    let alert = &s.list_alerts(10).await.unwrap()[0];
    assert_eq!((alert.deliveries, alert.delivered), (1, 1));

    // A removed webhook's pending deliveries are given up.
    s.evaluate_alerts(T0 + 60, &[], &[]).await.unwrap();
    s.evaluate_alerts(T0 + 120, &[item(10)], &[]).await.unwrap();
    s.remove_webhook("wh_a", T0 + 130).await.unwrap();
    assert!(s.claim_delivery(T0 + 200, T0 + 300).await.unwrap().is_none());
    let err = s.remove_webhook("wh_a", T0).await.unwrap_err();
    assert_eq!(err, StoreError::NotFound("no webhook wh_a".into()));
}

pub(crate) async fn case_refusal_counts_add_up(s: S) {
    s.add_refusals(&[("APP".into(), 100, 3), ("APP".into(), 101, 4)]).await.unwrap();
    s.add_refusals(&[("APP".into(), 101, 5), ("OTHER".into(), 50, 9)]).await.unwrap();
    assert_eq!(s.refusals_since(100).await.unwrap(), [("APP".to_string(), 12)]);
    assert_eq!(s.refusals_since(101).await.unwrap(), [("APP".to_string(), 9)]);
}

/// Two instances evaluating the same crossing at once record and queue it once.
pub(crate) async fn case_concurrent_evaluations_fire_once(a: S, b: S) {
    a.add_webhook(hook("wh_a", "item.quota.threshold")).await.unwrap();
    for round in 0..9 {
        let used = if round % 2 == 0 { 10 } else { 0 };
        let t = T0 + round * 60;
        let items = [item(used)];
        let (x, y) =
            tokio::join!(a.evaluate_alerts(t, &items, &[]), b.evaluate_alerts(t, &items, &[]));
        let fired = [x.unwrap(), y.unwrap()].into_iter().flatten().map(|w| w.queued).sum::<u64>();
        if used == 10 {
            assert_eq!(fired, 1, "round {round}: each crossing is queued once");
        }
    }
    let open: HashSet<String> = a
        .list_alerts(100)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.cleared_at.is_none())
        .map(|r| r.key)
        .collect();
    assert_eq!(open.len(), 3, "{open:?}");
    // Each delivery is claimed by one instance.
    let mut claimed = 0;
    loop {
        let (x, y) =
            tokio::join!(a.claim_delivery(FAR, FAR + 120), b.claim_delivery(FAR, FAR + 120));
        let got: Vec<_> = [x.unwrap(), y.unwrap()].into_iter().flatten().collect();
        if got.is_empty() {
            break;
        }
        if got.len() == 2 {
            assert_ne!(got[0].id, got[1].id);
        }
        claimed += got.len();
    }
    assert_eq!(claimed, 5, "five crossings of 100 % sent, one delivery each");
}
