//! License items as every area reads them: with their state (revocation, seats in use, units consumed,
//! peak, codes) in one query shape shared by every listing, so licenses and handshake codes always agree
//! on what "used" means; or with their settings alone, for the device path.

use chrono::{DateTime, Utc};
use const_format::concatcp;

use super::query::{Conn, args};
use super::{StoreError, StoreResult};
use crate::clock::from_unix;
use crate::domain::option::{ActivePeriod, LicenseOption};
use crate::domain::status::{ItemStatus, item_status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub id: String,
    pub license_id: String,
    pub product: String,
    pub option: String,
    pub quota: Option<i64>,
    pub active_period: Option<String>,
    pub domain: Option<String>,
    pub modules: Vec<String>,
    pub revokes: Option<String>,
    pub valid_from: i64,
    pub expires_at: i64,
}

/// An item as seen from the store, with what only the store can tell: revocation and use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemState {
    pub item: ItemRow,
    /// Id of a stored revocation item that names this one, if any.
    pub revoked_by: Option<String>,
    /// Devices holding a seat on this item now (expires_at > now).
    pub active_devices: i64,
    /// Units reported on this item over its validity (scans or pages; 0 for the device options).
    pub units_used: i64,
    /// The most devices its concurrent window held at once on the last 30 days (0 for other options).
    pub window_peak: i64,
    /// Handshake codes this item is bound to.
    pub handshakes: Vec<String>,
}

impl ItemRow {
    /// The stored option and period, parsed. They were validated at import, so an unknown one means a
    /// corrupt or newer database: the message says which item, for the caller's internal error.
    pub fn kind(&self) -> Result<(LicenseOption, Option<ActivePeriod>), String> {
        let option: LicenseOption = self.option.parse().map_err(|e| {
            format!("stored item {}: {e}; is this LTS older than its database?", self.id)
        })?;
        let period = match &self.active_period {
            Some(p) => Some(
                p.parse::<ActivePeriod>().map_err(|e| format!("stored item {}: {e}", self.id))?,
            ),
            None => None,
        };
        Ok((option, period))
    }
}

impl ItemState {
    /// Its status at `now`: a revoked item (or a revocation item itself) never serves.
    pub fn status(&self, now: DateTime<Utc>) -> ItemStatus {
        let revoked = self.revoked_by.is_some() || self.item.revokes.is_some();
        item_status(from_unix(self.item.valid_from), from_unix(self.item.expires_at), revoked, now)
    }
}

/// An item plus its state, with `$seats` the expression counting the item's (`i.id`) live seats at
/// `now`: counted from the `item_seats` counter (see [`STATE`]). `$1` is `now`; `$2`
/// what the statement filters on. The codes are joined with `,`, which no handshake code may contain.
macro_rules! state {
    ($seats:expr) => {
        concatcp!(
            "SELECT i.id, i.license_id, i.product, i.option, i.quota, i.active_period, i.domain,
        i.modules, i.revokes, i.valid_from, i.expires_at,
        (SELECT r.id FROM items r WHERE r.revokes = i.id ORDER BY r.id LIMIT 1) AS revoked_by,
        ",
            $seats,
            " AS active_devices,
        CAST(COALESCE((SELECT u.units FROM item_usage u WHERE u.item_id = i.id), 0) AS BIGINT)
            AS units_used,
        CAST(COALESCE((SELECT MAX(p.peak) FROM concurrent_peaks p
                       WHERE p.item_id = i.id AND p.day >= $1 / 86400 - 30), 0) AS BIGINT)
            AS window_peak,
        (SELECT string_agg(h.code, ',') FROM handshake_items h WHERE h.item_id = i.id)
            AS handshakes
     FROM items i "
        )
    };
}

/// The statements reading items with their state, for one way of counting live seats.
pub(crate) struct StateSql {
    /// A license's items (`$2`), in the file's order.
    pub of_license: &'static str,
    /// One item (`$2`).
    pub by_id: &'static str,
    /// A code's items (`$2`), by hand-set position or soonest expiry first.
    pub position_order: &'static str,
    pub expiry_order: &'static str,
}

/// `state_sql!(SEATS)`: the [`StateSql`] counting live seats with the expression `SEATS`.
macro_rules! state_sql {
    ($seats:expr) => {
        StateSql {
            of_license: concatcp!(
                state!($seats),
                "WHERE i.license_id = $2 ORDER BY i.position"
            ),
            by_id: concatcp!(state!($seats), "WHERE i.id = $2"),
            position_order: concatcp!(
                state!($seats),
                "JOIN handshake_items hi ON hi.item_id = i.id WHERE hi.code = $2 ORDER BY hi.position, i.id"
            ),
            expiry_order: concatcp!(
                state!($seats),
                "JOIN handshake_items hi ON hi.item_id = i.id WHERE hi.code = $2 ORDER BY i.expires_at, i.id"
            ),
        }
    };
}

/// Live seats from the `item_seats` counter (every row of the item, kept by triggers on both backends)
/// less the expired rows not swept yet, a short range of `devices_item`: the same number as counting the
/// item's live seats, without reading every seat (`license list`, `status` and `handshake show` at ten million devices).
pub(crate) const STATE: StateSql = state_sql!(
    "(COALESCE((SELECT s.n FROM item_seats s WHERE s.item_id = i.id), 0)
      - (SELECT COUNT(*) FROM devices d WHERE d.item_id = i.id AND d.expires_at <= $1))"
);

/// The same columns without the counts (seats, units, codes): what the device path needs to decide,
/// cheap at any fleet size. `now` is still bound as `$1` (and not read), so both shapes take the same
/// parameters.
const SETTINGS: &str =
    "SELECT i.id, i.license_id, i.product, i.option, i.quota, i.active_period, i.domain,
        i.modules, i.revokes, i.valid_from, i.expires_at,
        (SELECT r.id FROM items r WHERE r.revokes = i.id ORDER BY r.id LIMIT 1) AS revoked_by,
        CAST(0 AS BIGINT) AS active_devices, CAST(0 AS BIGINT) AS units_used,
        CAST(0 AS BIGINT) AS window_peak, CAST(NULL AS TEXT) AS handshakes,
        CAST($1 AS BIGINT) AS now_unused
     FROM items i ";

pub(crate) const SETTINGS_POSITION_ORDER: &str = concatcp!(
    SETTINGS,
    "JOIN handshake_items hi ON hi.item_id = i.id WHERE hi.code = $2 ORDER BY hi.position, i.id"
);
pub(crate) const SETTINGS_EXPIRY_ORDER: &str = concatcp!(
    SETTINGS,
    "JOIN handshake_items hi ON hi.item_id = i.id WHERE hi.code = $2 ORDER BY i.expires_at, i.id"
);

/// These items with their state, in the order given; the first missing one is an error.
pub(crate) async fn by_ids<C: Conn>(
    c: &mut C,
    ids: &[String],
    now: i64,
) -> StoreResult<Vec<ItemState>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        match c.fetch_optional(STATE.by_id, args![now, id]).await? {
            Some(state) => out.push(state),
            None => return Err(StoreError::NotFound(format!("no license item {id}"))),
        }
    }
    Ok(out)
}

/// Decodes `STATE` and `SETTINGS` rows, on either backend.
impl<'r, R: sqlx::Row> sqlx::FromRow<'r, R> for ItemState
where
    &'r str: sqlx::ColumnIndex<R>,
    String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    Option<i64>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        let modules: String = row.try_get("modules")?;
        let handshakes: Option<String> = row.try_get("handshakes")?;
        let mut handshakes: Vec<String> =
            handshakes.map(|s| s.split(',').map(str::to_string).collect()).unwrap_or_default();
        handshakes.sort();
        Ok(ItemState {
            item: ItemRow {
                id: row.try_get("id")?,
                license_id: row.try_get("license_id")?,
                product: row.try_get("product")?,
                option: row.try_get("option")?,
                quota: row.try_get("quota")?,
                active_period: row.try_get("active_period")?,
                domain: row.try_get("domain")?,
                modules: serde_json::from_str(&modules).unwrap_or_default(),
                revokes: row.try_get("revokes")?,
                valid_from: row.try_get("valid_from")?,
                expires_at: row.try_get("expires_at")?,
            },
            revoked_by: row.try_get("revoked_by")?,
            active_devices: row.try_get("active_devices")?,
            units_used: row.try_get("units_used")?,
            window_peak: row.try_get("window_peak")?,
            handshakes,
        })
    }
}
