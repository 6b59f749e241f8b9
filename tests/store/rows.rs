//! Building the rows and requests the cases use.

use super::*;

pub(crate) fn license(id: &str, fingerprint: &str) -> LicenseRow {
    LicenseRow {
        id: id.into(),
        licensee: "Example Corp — Ünïcode Ltd".into(),
        issued_at: T0 - DAY,
        lts_id: None,
        key_id: "issuer-1".into(),
        fingerprint: fingerprint.into(),
        file: format!("-----BEGIN LICENSE-----\n{id}\n{fingerprint}\n-----END LICENSE-----\n"),
        imported_at: T0,
    }
}

pub(crate) fn item(license_id: &str, id: &str, option: &str, expires_at: i64) -> ItemRow {
    ItemRow {
        id: id.into(),
        license_id: license_id.into(),
        product: "sdk".into(),
        option: option.into(),
        quota: Some(10),
        active_period: None,
        domain: None,
        modules: vec![],
        revokes: None,
        valid_from: T0 - DAY,
        expires_at,
    }
}

pub(crate) async fn import(s: &S, license_id: &str, items: &[(&str, &str, i64)]) -> Vec<ItemRow> {
    let rows: Vec<ItemRow> =
        items.iter().map(|(id, option, exp)| item(license_id, id, option, *exp)).collect();
    let result = s
        .import_license(license(license_id, "fp"), rows.clone(), None, false, T0)
        .await
        .expect("import");
    assert_eq!(result, ImportResult::Imported);
    rows
}

pub(crate) fn code_row(code: &str, now: i64) -> HandshakeRow {
    HandshakeRow {
        code: code.into(),
        name: None,
        refresh_interval_secs: None,
        offline_grace_secs: 3600,
        overuse_percent: None,
        password_hash: None,
        explicit_order: false,
        active_from: "authorization".into(),
        created_at: now,
        updated_at: now,
    }
}

/// Creates `code` and binds `items` to it.
pub(crate) async fn code(s: &S, code: &str, items: &[&str]) {
    s.create_handshake(code_row(code, T0)).await.expect("create code");
    if !items.is_empty() {
        s.bind_items(code, &strings(items), T0).await.expect("bind");
    }
}

pub(crate) fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// A candidate whose option fits its room, with a token as long as the seat.
pub(crate) fn cand(item_id: &str, room: Room, seat_expires_at: i64) -> SeatCandidate {
    let option = match room {
        Room::Devices(_) => "per-device",
        Room::Concurrent(_) => "per-concurrent-device",
        Room::Units(_) => "per-scan",
        Room::Unlimited => "per-domain",
    };
    SeatCandidate {
        item_id: item_id.into(),
        option: option.into(),
        room,
        seat_expires_at,
        token_expires_at: seat_expires_at,
        unused_seat_expires_at: None,
    }
}

pub(crate) fn seat_req(
    code: &str,
    uuid: &str,
    now: i64,
    candidates: Vec<SeatCandidate>,
) -> SeatRequest {
    SeatRequest {
        handshake: code.into(),
        uuid: uuid.into(),
        platform: "linux".into(),
        domain: None,
        name: None,
        now,
        window_start: now - 300,
        candidates,
        fresh_checked: false,
        checkout: false,
    }
}

pub(crate) async fn seat(
    s: &S,
    code: &str,
    uuid: &str,
    now: i64,
    cands: Vec<SeatCandidate>,
) -> SeatOutcome {
    s.seat_device(seat_req(code, uuid, now, cands)).await.expect("seat_device")
}

pub(crate) fn seated(item_id: &str, expires_at: i64, new: bool) -> SeatOutcome {
    SeatOutcome::Seated { item_id: item_id.into(), expires_at, new }
}

pub(crate) fn report(
    id: &str,
    at: i64,
    scans: &[(&str, i64)],
    pages: &[(&str, i64)],
) -> UsageReportRow {
    let own = |v: &[(&str, i64)]| v.iter().map(|(k, n)| (k.to_string(), *n)).collect();
    UsageReportRow {
        id: id.into(),
        at,
        // Filled in by `batch` unless set.
        item_id: String::new(),
        unit_kind: None,
        scans: own(scans),
        pages: own(pages),
    }
}

/// An upload by a device seated on `item_id`: its reports count there (unless a report names its own
/// item) with `unit_kind`, and the seat is refreshed to `seat_expires_at` (a concurrent `room`: the
/// device enters the window of the last 300 s).
#[allow(clippy::too_many_arguments)]
pub(crate) fn batch(
    code: &str,
    uuid: &str,
    item_id: &str,
    now: i64,
    room: Room,
    unit_kind: Option<&'static str>,
    seat_expires_at: i64,
    reports: Vec<UsageReportRow>,
) -> UsageBatch {
    let reports = reports
        .into_iter()
        .map(|mut r| {
            if r.item_id.is_empty() {
                r.item_id = item_id.into();
                r.unit_kind = unit_kind;
            }
            r
        })
        .collect();
    UsageBatch {
        handshake: code.into(),
        uuid: uuid.into(),
        now,
        refresh: Some(SeatRefresh {
            item_id: item_id.into(),
            seat_expires_at,
            window_start: matches!(room, Room::Concurrent(_)).then_some(now - 300),
            first_use: false,
        }),
        reports,
    }
}

pub(crate) fn recorded(accepted: usize, duplicates: usize) -> UsageOutcome {
    UsageOutcome { accepted, duplicates }
}

pub(crate) fn device(
    code: &str,
    uuid: &str,
    item_id: &str,
    first: i64,
    last: i64,
    exp: i64,
) -> DeviceRow {
    DeviceRow {
        uuid: uuid.into(),
        handshake: code.into(),
        item_id: item_id.into(),
        platform: "windows".into(),
        domain: None,
        name: None,
        first_seen: first,
        last_seen: last,
        expires_at: exp,
        checked_out_until: None,
    }
}

pub(crate) fn conflict(msg: &str) -> StoreError {
    StoreError::Conflict(msg.into())
}

pub(crate) fn not_found(msg: &str) -> StoreError {
    StoreError::NotFound(msg.into())
}

pub(crate) fn no_code(code: &str) -> StoreError {
    not_found(&format!(
        "no handshake code {code}; see `ltsctl handshake list` for the codes this LTS has"
    ))
}

pub(crate) async fn item_state(s: &S, id: &str, now: i64) -> ltsctl::store::ItemState {
    s.get_items(&[id.to_string()], now).await.expect("get_items").remove(0)
}

pub(crate) async fn item_ids_of(s: &S, code: &str) -> Vec<String> {
    s.get_handshake(code, T0)
        .await
        .unwrap()
        .expect("code")
        .items
        .into_iter()
        .map(|i| i.item.id)
        .collect()
}
