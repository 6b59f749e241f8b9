//! Offline check-outs and usage carried back, in-process with a manual clock: a checked-out device counts
//! against the quota like an online one, the sweeper keeps its seat until the file expires, check-in frees
//! it, its file verifies against the JWKS it carries, imported usage counts once, and `--active-from
//! first-use` holds an unused device's seat.

use crate::util::*;
use jsonwebtoken::{Algorithm, DecodingKey, Validation, jwk::JwkSet};
use ltsctl::admin::prelude::*;
use ltsctl::admin::{
    ActiveFrom, CheckoutRequest, DeviceQuery, HandshakeChanges, OfflineAuthorization, PageQuery,
    UsageImportRequest, UsageUpload,
};
use ltsctl::error::ErrorKind;
use ltsctl::service::types::{Platform, UsageRequest};
use serde_json::{Value, json};

fn checkout_of(uuid: &str, for_days: i64) -> CheckoutRequest {
    CheckoutRequest {
        handshake: CODE.into(),
        uuid: uuid.into(),
        product: PRODUCT.into(),
        platform: Platform::Embedded,
        name: Some(format!("rig {uuid}")),
        for_seconds: days(for_days).num_seconds() as u64,
    }
}

async fn checkout(lts: &InProc, uuid: &str, for_days: i64) -> OfflineAuthorization {
    lts.admin.devices_checkout(&checkout_of(uuid, for_days)).await.expect("checkout")
}

/// Online seats lapse after a day, long before a check-out ends.
async fn refresh_daily(lts: &InProc) {
    let changes = HandshakeChanges { refresh_interval_seconds: Some(86_400), ..Default::default() };
    lts.admin.handshake_set(CODE, changes).await.expect("handshake set");
}

/// What `usage import` sends for one file: each upload with the line it starts on.
fn import_of(source: &str, uploads: &[Value]) -> UsageImportRequest {
    UsageImportRequest {
        source: Some(source.into()),
        uploads: uploads
            .iter()
            .enumerate()
            .map(|(i, body)| UsageUpload {
                line: i as u64 + 1,
                body: serde_json::from_value::<UsageRequest>(body.clone()).expect("usage body"),
            })
            .collect(),
    }
}

fn upload(uuid: &str, reports: Vec<Value>) -> Value {
    json!({"handshake": CODE, "uuid": uuid, "reports": reports})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_checked_out_device_counts_against_the_quota_and_keeps_its_seat_until_its_file_expires() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    // Quota 3 with the default 10 % tolerance is still 3 seats.
    lts.import(CODE, "LIC-OFF", &[Item::per_device("OFF-DEV", 3, t0)]).await;
    refresh_daily(&lts).await;
    ok(lts.api.authorize(CODE, "online-1", PRODUCT, "desktop").await);
    ok(lts.api.authorize(CODE, "online-2", PRODUCT, "desktop").await);
    let file = checkout(&lts, "rig-1", 90).await;
    assert_eq!((file.item.as_str(), file.option.as_str()), ("OFF-DEV", "per-device"));
    assert_eq!(file.expires_at, t0 + days(90));
    assert_eq!(file.format, "ltsctl-offline-authorization/1");
    let r = lts.api.authorize(CODE, "online-3", PRODUCT, "desktop").await;
    assert_error(&r, 403, "quota_exceeded");

    let listed = lts
        .admin
        .devices_list(
            &DeviceQuery { checked_out: Some(true), ..Default::default() },
            &PageQuery { cursor: None, limit: Some(100) },
        )
        .await
        .expect("list");
    let uuids: Vec<&str> = listed.devices.iter().map(|d| d.uuid.as_str()).collect();
    assert_eq!(uuids, ["rig-1"]);
    assert_eq!(listed.devices[0].checked_out_until, Some(t0 + days(90)));
    assert_eq!(listed.devices[0].expires_at, t0 + days(90));

    // The online seats lapse after their day; the checked-out one stays, inactive as it looks.
    lts.advance(days(2));
    assert_eq!(lts.sweep().await, 2);
    assert_eq!(lts.active_devices(CODE).await, 1);
    let idle = DeviceQuery { inactive_for_seconds: Some(3600), ..Default::default() };
    let err = lts
        .admin
        .devices_unregister(&["rig-1".into()], None, false)
        .await
        .expect_err("a checked-out device is not unregistered without force");
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert!(err.message.contains("rig-1") && err.message.contains("--force"), "{}", err.message);
    let removed = lts.admin.devices_unregister_matching(&idle, 100, false).await.expect("bulk");
    assert_eq!(removed, 0, "bulk removal keeps checked-out devices");

    // Seen online meanwhile, it keeps its check-out (a day's refresh does not shorten it).
    ok(lts.api.authorize(CODE, "rig-1", PRODUCT, "embedded").await);
    lts.advance(days(87));
    assert_eq!(lts.sweep().await, 0, "day 89: the file still runs");
    assert_eq!(lts.active_devices(CODE).await, 1);
    lts.advance(days(2));
    assert_eq!(lts.sweep().await, 1, "day 91: the file ran out");
    ok(lts.api.authorize(CODE, "online-3", PRODUCT, "desktop").await);
    lts.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_in_frees_the_seat_and_force_unregisters_a_checked_out_device() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-OFF", &[Item::per_device("OFF-DEV", 2, t0)]).await;
    checkout(&lts, "rig-1", 30).await;
    checkout(&lts, "rig-2", 30).await;
    let r = lts.api.authorize(CODE, "online-1", PRODUCT, "desktop").await;
    assert_error(&r, 403, "quota_exceeded");
    let err = lts
        .admin
        .devices_checkout(&checkout_of("rig-3", 30))
        .await
        .expect_err("no room for a third check-out");
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert!(err.message.contains("quota_exceeded"), "{}", err.message);

    let done = lts.admin.devices_checkin("rig-1", None).await.expect("checkin");
    assert_eq!(done.handshakes, [CODE]);
    ok(lts.api.authorize(CODE, "online-1", PRODUCT, "desktop").await);
    let err = lts.admin.devices_checkin("rig-1", None).await.expect_err("checked in already");
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = lts
        .admin
        .devices_checkin("online-1", None)
        .await
        .expect_err("an online device has no check-out");
    assert_eq!(err.kind, ErrorKind::NotFound);

    let report = lts.admin.devices_unregister(&["rig-2".into()], None, true).await.expect("forced");
    assert_eq!(report.removed, ["rig-2"]);
    let audit = lts.admin.audit_list(None, None, 100).await.expect("audit");
    let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
    for action in ["devices.checkout", "devices.checkin", "devices.unregister"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    lts.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_file_verifies_with_the_jwks_it_carries_and_is_marked_as_checked_out() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    // The item expires in 20 days: a 90-day check-out is capped there.
    let item = Item::per_device("OFF-DEV", 5, t0 - days(300)).expires(t0 + days(20));
    lts.import(CODE, "LIC-OFF", &[item]).await;
    let file = checkout(&lts, "rig-1", 90).await;
    assert_eq!(file.expires_at, t0 + days(20), "capped at the item's expiry");

    let jwks: JwkSet = serde_json::from_value(file.jwks.clone()).expect("a JWKS");
    let (_, served) = lts.api.get("/v1/jwks").await;
    assert_eq!(file.jwks, served, "the LTS's own JWKS");
    let header = jsonwebtoken::decode_header(&file.token).expect("header");
    assert_eq!(header.alg, Algorithm::EdDSA);
    let jwk =
        jwks.find(header.kid.as_deref().expect("kid")).expect("the token's key is in the file");
    let key = DecodingKey::from_jwk(jwk).expect("key");
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_required_spec_claims(&["exp", "iss", "sub"]);
    validation.set_issuer(&[lts.api.lts_id().await]);
    let claims =
        jsonwebtoken::decode::<Value>(&file.token, &key, &validation).expect("verifies").claims;
    assert_eq!(claims["sub"], "rig-1");
    assert_eq!(claims["hs"], CODE);
    assert_eq!(claims["item"], "OFF-DEV");
    assert_eq!(claims["checked_out"], true);
    assert_eq!(claims["exp"], (t0 + days(20)).timestamp());
    // A tampered file does not verify.
    let mut forged = file.token.clone().into_bytes();
    let mid = forged.len() / 2;
    forged[mid] = if forged[mid] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).expect("utf-8");
    assert!(jsonwebtoken::decode::<Value>(&forged, &key, &validation).is_err());
    // An online token carries no such claim.
    let online = ok(lts.api.authorize(CODE, "online-1", PRODUCT, "desktop").await);
    assert!(claims_of(&online).get("checked_out").is_none());
    lts.stop().await;
}

fn claims_of(authorized: &Value) -> Value {
    claims(authorized["token"].as_str().expect("token"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imported_usage_counts_once_and_a_refused_upload_refuses_its_whole_file() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    lts.import(CODE, "LIC-SCAN", &[Item::per_scan("OFF-SCAN", 1000, t0)]).await;
    checkout(&lts, "rig-1", 30).await;
    lts.advance(days(3));
    let day = |n: i64| t0 + days(n);
    let file = import_of(
        "rig-1.jsonl",
        &[
            upload(
                "rig-1",
                vec![report("u-1", day(1), &[("QR", 30)]), report("u-2", day(2), &[("QR", 10)])],
            ),
            upload("rig-1", vec![report("u-3", day(2), &[("EAN13", 5)])]),
        ],
    );
    let done = lts.admin.usage_import(&file).await.expect("import");
    assert_eq!((done.uploads, done.accepted, done.duplicates), (2, 3, 0));
    let again = lts.admin.usage_import(&file).await.expect("import again");
    assert_eq!((again.accepted, again.duplicates), (0, 3), "counted once");
    assert_eq!(lts.show(CODE).await.items[0].used, 45);

    // One good upload and one for a device never seated: nothing of the file is recorded.
    let mixed = import_of(
        "mixed.jsonl",
        &[
            upload("rig-1", vec![report("u-4", day(3), &[("QR", 100)])]),
            upload("stranger", vec![report("s-1", day(3), &[("QR", 1)])]),
        ],
    );
    let err = lts.admin.usage_import(&mixed).await.expect_err("refused whole");
    assert!(err.message.starts_with("mixed.jsonl line 2: "), "{}", err.message);
    assert_eq!(lts.show(CODE).await.items[0].used, 45);
    // A report dated before the device was first seated (less its grace) is refused the same way.
    let early = import_of(
        "early.jsonl",
        &[upload("rig-1", vec![report("u-5", t0 - days(30), &[("QR", 1)])])],
    );
    let err = lts.admin.usage_import(&early).await.expect_err("too early");
    assert!(err.message.contains("line 1"), "{}", err.message);
    assert_eq!(err.kind, ErrorKind::Usage);
    lts.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_active_from_first_use_a_device_keeps_its_seat_until_it_is_first_used() {
    let t0 = now_secs();
    let lts = InProc::start(t0).await;
    let expiry = t0 + days(200);
    let item = Item::per_device("FU-DEV", 10, t0).expires(expiry);
    lts.import(CODE, "LIC-FU", &[item]).await;
    refresh_daily(&lts).await;
    assert_eq!(lts.show(CODE).await.active_from, ActiveFrom::Authorization);

    // Authorization (the default): a silent device goes after its day.
    let a = ok(lts.api.authorize(CODE, "auth-mode", PRODUCT, "desktop").await);
    assert_eq!(time_of(&a["expires_at"]), t0 + days(1));

    let changes =
        HandshakeChanges { active_from: Some(ActiveFrom::FirstUse), ..Default::default() };
    let shown = lts.admin.handshake_set(CODE, changes).await.expect("set");
    assert_eq!(shown.active_from, ActiveFrom::FirstUse);
    let p = ok(lts.api.authorize(CODE, "provisioned", PRODUCT, "desktop").await);
    assert_eq!(
        time_of(&p["expires_at"]),
        expiry,
        "unused, it holds its seat until the item expires"
    );
    lts.advance(days(30));
    assert_eq!(lts.sweep().await, 1, "only the authorization-mode device goes");
    // Re-authorized, still unused: the clock has not started.
    let p = ok(lts.api.authorize(CODE, "provisioned", PRODUCT, "desktop").await);
    assert_eq!(time_of(&p["expires_at"]), expiry);
    // First use: from now on its day runs as usual.
    let r = lts.api.usage(CODE, "provisioned", vec![report("p-1", lts.now(), &[])]).await;
    assert_eq!(ok(r)["accepted"], 1);
    let p = ok(lts.api.authorize(CODE, "provisioned", PRODUCT, "desktop").await);
    assert_eq!(time_of(&p["expires_at"]), lts.now() + days(1));
    lts.advance(days(2));
    assert_eq!(lts.sweep().await, 1, "used and then silent for its day");
    lts.stop().await;
}
