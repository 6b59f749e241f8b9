//! Handshake codes, their ordered items and their domain bindings: the same statements on both backends.
//! Every change to a code takes its row's lock first ([`Lock::Handshake`]), so changes to one code are
//! applied one after the other across instances on PostgreSQL.

use async_trait::async_trait;

use super::backend::{Backend, Dialect, Lock, in_tx, on_reader};
use super::items::{self, ItemState};
use super::query::{Conn, args};
use super::{StoreError, StoreResult};
use crate::domain::option::{ActivePeriod, LicenseOption};
use crate::domain::policy::default_refresh_interval;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HandshakeRow {
    pub code: String,
    pub name: Option<String>,
    pub refresh_interval_secs: Option<i64>,
    pub offline_grace_secs: i64,
    pub overuse_percent: Option<i64>,
    pub password_hash: Option<String>,
    /// Set once the administrator ordered the items by hand; otherwise soonest expiry is consumed first.
    pub explicit_order: bool,
    /// When a device's active time starts: `authorization` (its first one) or `first-use` (its first
    /// usage report).
    pub active_from: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl HandshakeRow {
    pub fn active_from_first_use(&self) -> bool {
        self.active_from == "first-use"
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandshakeRecord {
    pub handshake: HandshakeRow,
    /// Items in consumption order.
    pub items: Vec<ItemState>,
    pub domains: Vec<String>,
    /// Devices holding a seat through this code now.
    pub active_devices: i64,
}

/// A partial update of a code's settings; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandshakePatch {
    pub name: Option<Option<String>>,
    pub refresh_interval_secs: Option<Option<i64>>,
    pub offline_grace_secs: Option<i64>,
    pub overuse_percent: Option<Option<i64>>,
    pub password_hash: Option<Option<String>>,
    pub active_from: Option<String>,
}

#[async_trait]
pub trait HandshakesStore: Send + Sync {
    async fn create_handshake(&self, row: HandshakeRow) -> StoreResult<()>;
    async fn list_handshakes(&self, now: i64) -> StoreResult<Vec<HandshakeRecord>>;
    async fn get_handshake(&self, code: &str, now: i64) -> StoreResult<Option<HandshakeRecord>>;
    /// The code as the device path reads it: settings, items in consumption order and domains, without
    /// the seat and unit counts (`active_devices` and the items' counts are 0).
    async fn device_handshake(&self, code: &str) -> StoreResult<Option<HandshakeRecord>>;
    /// A number that changes (in the same transaction) with every change to codes, their items and
    /// domains, items and licenses: a cached [`Self::device_handshake`] is current while it is unchanged.
    async fn config_generation(&self) -> StoreResult<i64>;
    /// Appends items to the code's list; an item already bound is a conflict and nothing changes.
    async fn bind_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()>;
    async fn unbind_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()>;
    /// Sets an explicit consumption order: `item_ids` must be exactly the bound items.
    async fn order_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()>;
    /// Drops the explicit order: the items are consumed soonest expiry first again.
    async fn order_by_expiry(&self, code: &str, now: i64) -> StoreResult<()>;
    async fn update_handshake(
        &self,
        code: &str,
        patch: HandshakePatch,
        now: i64,
    ) -> StoreResult<()>;
    /// Adds domain bindings; already present ones are a conflict and nothing changes.
    async fn add_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()>;
    async fn remove_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()>;
    /// Deletes a code; refuses while devices hold seats through it unless `force`.
    async fn delete_handshake(&self, code: &str, force: bool, now: i64) -> StoreResult<()>;
}

const HANDSHAKE: &str =
    "SELECT code, name, refresh_interval_secs, offline_grace_secs, overuse_percent,
       password_hash, explicit_order, active_from, created_at, updated_at FROM handshakes WHERE code = $1";

const HANDSHAKES: &str =
    "SELECT code, name, refresh_interval_secs, offline_grace_secs, overuse_percent,
       password_hash, explicit_order, active_from, created_at, updated_at FROM handshakes ORDER BY code";

const INSERT_HANDSHAKE: &str = "INSERT INTO handshakes (code, name, refresh_interval_secs,
       offline_grace_secs, overuse_percent, password_hash, explicit_order, created_at, updated_at,
       active_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

const DOMAINS: &str = "SELECT domain FROM handshake_domains WHERE code = $1 ORDER BY domain";

const ACTIVE_DEVICES: &str =
    "SELECT COUNT(*) FROM devices WHERE handshake = $1 AND expires_at > $2";

const CHECKED_OUT_DEVICES: &str =
    "SELECT COUNT(*) FROM devices WHERE handshake = $1 AND checked_out_until > $2";

const IS_BOUND: &str = "SELECT COUNT(*) FROM handshake_items WHERE code = $1 AND item_id = $2";

/// Appends the item after the code's last position.
const BIND: &str = "INSERT INTO handshake_items (code, item_id, position)
     VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM handshake_items WHERE code = $1))";

const TOUCH: &str = "UPDATE handshakes SET updated_at = $1 WHERE code = $2";

fn no_code(code: &str) -> StoreError {
    StoreError::NotFound(format!(
        "no handshake code {code}; see `ltsctl handshake list` for the codes this LTS has"
    ))
}

pub(crate) async fn handshake_exists(c: &mut impl Conn, code: &str) -> StoreResult<bool> {
    let n: i64 = c.scalar("SELECT COUNT(*) FROM handshakes WHERE code = $1", args![code]).await?;
    Ok(n > 0)
}

pub(crate) async fn insert_handshake(c: &mut impl Conn, row: &HandshakeRow) -> StoreResult<()> {
    let values = args![
        &row.code,
        &row.name,
        row.refresh_interval_secs,
        row.offline_grace_secs,
        row.overuse_percent,
        &row.password_hash,
        row.explicit_order,
        row.created_at,
        row.updated_at,
        &row.active_from
    ];
    c.execute(INSERT_HANDSHAKE, values).await?;
    Ok(())
}

/// Locks the code's row and says whether it exists; every change to a code starts here.
async fn lock_code(c: &mut impl Dialect, code: &str) -> StoreResult<()> {
    c.lock(Lock::Handshake(code)).await?;
    if handshake_exists(c, code).await? { Ok(()) } else { Err(no_code(code)) }
}

/// Appends items to a code's list (positions after the current last), refusing an item already bound.
pub(crate) async fn bind_items(
    c: &mut impl Conn,
    code: &str,
    item_ids: &[String],
    now: i64,
) -> StoreResult<()> {
    for item_id in item_ids {
        let bound: i64 = c.scalar(IS_BOUND, args![code, item_id]).await?;
        if bound > 0 {
            return Err(StoreError::Conflict(format!(
                "item {item_id} is already bound to handshake code {code}"
            )));
        }
        let exists: i64 =
            c.scalar("SELECT COUNT(*) FROM items WHERE id = $1", args![item_id]).await?;
        if exists == 0 {
            return Err(StoreError::NotFound(format!("no license item {item_id}")));
        }
        c.execute(BIND, args![code, item_id]).await?;
    }
    touch(c, code, now).await
}

/// The items of `item_ids` not bound to `code` yet.
pub(crate) async fn not_bound(
    c: &mut impl Conn,
    code: &str,
    item_ids: &[String],
) -> StoreResult<Vec<String>> {
    let mut unbound = Vec::new();
    for item_id in item_ids {
        let n: i64 = c.scalar(IS_BOUND, args![code, item_id]).await?;
        if n == 0 {
            unbound.push(item_id.clone());
        }
    }
    Ok(unbound)
}

async fn touch(c: &mut impl Conn, code: &str, now: i64) -> StoreResult<()> {
    if c.execute(TOUCH, args![now, code]).await? == 0 {
        return Err(no_code(code));
    }
    Ok(())
}

/// The code with its items and domains; `with_counts` adds the seat and unit counts the admin views show
/// (the device path never reads them, and they cost a scan of the code's devices).
async fn record<C: Conn>(
    c: &mut C,
    row: HandshakeRow,
    now: i64,
    with_counts: bool,
) -> StoreResult<HandshakeRecord> {
    // Consumption order: by hand-set position, or soonest expiry first (ties by id, for stability).
    let items = match (with_counts, row.explicit_order) {
        (true, true) => items::STATE.position_order,
        (true, false) => items::STATE.expiry_order,
        (false, true) => items::SETTINGS_POSITION_ORDER,
        (false, false) => items::SETTINGS_EXPIRY_ORDER,
    };
    let items: Vec<ItemState> = c.fetch_all(items, args![now, &row.code]).await?;
    let domains: Vec<(String,)> = c.fetch_all(DOMAINS, args![&row.code]).await?;
    let active_devices =
        if with_counts { c.scalar(ACTIVE_DEVICES, args![&row.code, now]).await? } else { 0 };
    Ok(HandshakeRecord {
        handshake: row,
        items,
        domains: domains.into_iter().map(|(d,)| d).collect(),
        active_devices,
    })
}

async fn by_code(
    c: &mut impl Conn,
    code: &str,
    now: i64,
    with_counts: bool,
) -> StoreResult<Option<HandshakeRecord>> {
    match c.fetch_optional(HANDSHAKE, args![code]).await? {
        Some(row) => Ok(Some(record(c, row, now, with_counts).await?)),
        None => Ok(None),
    }
}

async fn create(c: &mut impl Dialect, row: &HandshakeRow) -> StoreResult<()> {
    c.lock(Lock::Handshake(&row.code)).await?;
    if handshake_exists(c, &row.code).await? {
        return Err(StoreError::Conflict(format!("handshake code {} already exists", row.code)));
    }
    insert_handshake(c, row).await
}

async fn list(c: &mut impl Conn, now: i64) -> StoreResult<Vec<HandshakeRecord>> {
    let rows: Vec<HandshakeRow> = c.fetch_all(HANDSHAKES, args![]).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(record(c, row, now, true).await?);
    }
    Ok(out)
}

async fn bind(c: &mut impl Dialect, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
    lock_code(c, code).await?;
    bind_items(c, code, item_ids, now).await
}

/// Deletes one binding of `code` per value (`sql` takes the code and a value), in one transaction; a value
/// that is not bound is an error naming it (`what`: item, domain), and nothing is deleted.
async fn unbind_each(
    c: &mut impl Dialect,
    code: &str,
    (sql, what): (&'static str, &'static str),
    values: &[String],
    now: i64,
) -> StoreResult<()> {
    lock_code(c, code).await?;
    for value in values {
        if c.execute(sql, args![code, value]).await? == 0 {
            return Err(StoreError::NotFound(format!(
                "{what} {value} is not bound to handshake code {code}"
            )));
        }
    }
    touch(c, code, now).await
}

const UNBIND_ITEM: (&str, &str) =
    ("DELETE FROM handshake_items WHERE code = $1 AND item_id = $2", "item");
const UNBIND_DOMAIN: (&str, &str) =
    ("DELETE FROM handshake_domains WHERE code = $1 AND domain = $2", "domain");

async fn order(c: &mut impl Dialect, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
    lock_code(c, code).await?;
    let sql = "SELECT item_id FROM handshake_items WHERE code = $1 ORDER BY item_id";
    let mut bound: Vec<String> =
        c.fetch_all::<(String,)>(sql, args![code]).await?.into_iter().map(|(id,)| id).collect();
    let mut given = item_ids.to_vec();
    given.sort();
    bound.sort();
    if given != bound {
        return Err(StoreError::Invalid(format!(
            "the new order must name every item bound to {code} exactly once; bound now: {}",
            if bound.is_empty() { "none".to_string() } else { bound.join(", ") }
        )));
    }
    for (position, item_id) in item_ids.iter().enumerate() {
        let sql = "UPDATE handshake_items SET position = $1 WHERE code = $2 AND item_id = $3";
        c.execute(sql, args![position as i64 + 1, code, item_id]).await?;
    }
    set_explicit_order(c, code, true, now).await
}

async fn set_explicit_order(
    c: &mut impl Conn,
    code: &str,
    explicit: bool,
    now: i64,
) -> StoreResult<()> {
    let sql = "UPDATE handshakes SET explicit_order = $1 WHERE code = $2";
    c.execute(sql, args![explicit, code]).await?;
    touch(c, code, now).await
}

async fn update(
    c: &mut impl Dialect,
    code: &str,
    patch: &HandshakePatch,
    now: i64,
) -> StoreResult<()> {
    lock_code(c, code).await?;
    // One statement per field keeps every query static; the transaction makes them one change.
    if let Some(name) = &patch.name {
        let sql = "UPDATE handshakes SET name = $1 WHERE code = $2";
        c.execute(sql, args![name, code]).await?;
    }
    if let Some(secs) = patch.refresh_interval_secs {
        let sql = "UPDATE handshakes SET refresh_interval_secs = $1 WHERE code = $2";
        c.execute(sql, args![secs, code]).await?;
    }
    if let Some(secs) = patch.offline_grace_secs {
        let sql = "UPDATE handshakes SET offline_grace_secs = $1 WHERE code = $2";
        c.execute(sql, args![secs, code]).await?;
    }
    if let Some(pct) = patch.overuse_percent {
        let sql = "UPDATE handshakes SET overuse_percent = $1 WHERE code = $2";
        c.execute(sql, args![pct, code]).await?;
    }
    if let Some(hash) = &patch.password_hash {
        let sql = "UPDATE handshakes SET password_hash = $1 WHERE code = $2";
        c.execute(sql, args![hash, code]).await?;
    }
    let mut clocks_start = false;
    if let Some(from) = &patch.active_from {
        let was: String =
            c.scalar("SELECT active_from FROM handshakes WHERE code = $1", args![code]).await?;
        clocks_start = was == "first-use" && from == "authorization";
        let sql = "UPDATE handshakes SET active_from = $1 WHERE code = $2";
        c.execute(sql, args![from, code]).await?;
    }
    if clocks_start {
        start_unused_clocks(c, code).await?;
    }
    touch(c, code, now).await
}

/// The items the never-used devices of code `$1` are seated on.
const UNUSED_SEAT_ITEMS: &str = "SELECT DISTINCT i.id, i.option, i.active_period
     FROM devices d JOIN items i ON i.id = d.item_id
     WHERE d.handshake = $1 AND d.first_used_at IS NULL";

/// A never-used device of code `$2` on item `$3` lapses `$1` seconds after it was last seen, unless it
/// lapses sooner already; never before a live check-out ends.
const START_UNUSED_CLOCK: &str = "UPDATE devices SET expires_at =
       CASE WHEN checked_out_until > last_seen + $1 THEN checked_out_until ELSE last_seen + $1 END
     WHERE handshake = $2 AND item_id = $3 AND first_used_at IS NULL AND last_seen + $1 < expires_at";

/// Under `first-use` a device that never reported usage holds its seat until its item expires. Switching
/// the code back to `authorization` starts those clocks as if the devices had been seated under it: each
/// seat lapses a refresh interval (the code's, or its item's default) after the device was last seen,
/// so the sweeper frees the seats of devices long gone instead of keeping them to the item's expiry.
async fn start_unused_clocks(c: &mut impl Dialect, code: &str) -> StoreResult<()> {
    let interval: Option<i64> = c
        .scalar("SELECT refresh_interval_secs FROM handshakes WHERE code = $1", args![code])
        .await?;
    let items: Vec<ItemKind> = c.fetch_all(UNUSED_SEAT_ITEMS, args![code]).await?;
    for item in items {
        let secs = match interval {
            Some(secs) => secs,
            None => item.default_refresh_secs()?,
        };
        c.execute(START_UNUSED_CLOCK, args![secs, code, &item.id]).await?;
    }
    Ok(())
}

/// An item's option and active period, as stored.
#[derive(sqlx::FromRow)]
struct ItemKind {
    id: String,
    option: String,
    active_period: Option<String>,
}

impl ItemKind {
    fn default_refresh_secs(&self) -> StoreResult<i64> {
        let corrupt = |e: String| StoreError::database(format!("stored item {}: {e}", self.id));
        let option: LicenseOption = self.option.parse().map_err(|e| corrupt(format!("{e}")))?;
        let period = match &self.active_period {
            Some(p) => Some(p.parse::<ActivePeriod>().map_err(|e| corrupt(format!("{e}")))?),
            None => None,
        };
        let secs = default_refresh_interval(option, period).as_secs();
        Ok(i64::try_from(secs).unwrap_or(i64::MAX))
    }
}

async fn add_domains(
    c: &mut impl Dialect,
    code: &str,
    domains: &[String],
    now: i64,
) -> StoreResult<()> {
    lock_code(c, code).await?;
    for domain in domains {
        let sql =
            "INSERT INTO handshake_domains (code, domain) VALUES ($1, $2) ON CONFLICT DO NOTHING";
        if c.execute(sql, args![code, domain]).await? == 0 {
            return Err(StoreError::Conflict(format!(
                "domain {domain} is already bound to handshake code {code}"
            )));
        }
    }
    touch(c, code, now).await
}

async fn delete(c: &mut impl Dialect, code: &str, force: bool, now: i64) -> StoreResult<()> {
    lock_code(c, code).await?;
    let seated: i64 = c.scalar(ACTIVE_DEVICES, args![code, now]).await?;
    if seated > 0 && !force {
        let held: i64 = c.scalar(CHECKED_OUT_DEVICES, args![code, now]).await?;
        let checked_out = if held > 0 {
            format!(
                " ({held} of them checked out: their offline files stay valid until they end, \
                 see `ltsctl devices list --checked-out --handshake {code}`)"
            )
        } else {
            String::new()
        };
        return Err(StoreError::Conflict(format!(
            "handshake code {code} has {seated} active device(s){checked_out}; unregister them first \
             or pass --force"
        )));
    }
    c.execute("DELETE FROM handshakes WHERE code = $1", args![code]).await?;
    Ok(())
}

#[async_trait]
impl<B: Backend> HandshakesStore for B {
    async fn create_handshake(&self, row: HandshakeRow) -> StoreResult<()> {
        in_tx!(self, |c| create(c, &row))
    }

    async fn list_handshakes(&self, now: i64) -> StoreResult<Vec<HandshakeRecord>> {
        on_reader!(self, |c| list(c, now))
    }

    async fn get_handshake(&self, code: &str, now: i64) -> StoreResult<Option<HandshakeRecord>> {
        on_reader!(self, |c| by_code(c, code, now, true))
    }

    async fn device_handshake(&self, code: &str) -> StoreResult<Option<HandshakeRecord>> {
        on_reader!(self, |c| by_code(c, code, 0, false))
    }

    async fn config_generation(&self) -> StoreResult<i64> {
        let sql = "SELECT n FROM config_generation WHERE id = 1";
        on_reader!(self, |c| c.scalar(sql, args![]))
    }

    async fn bind_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
        in_tx!(self, |c| bind(c, code, item_ids, now))
    }

    async fn unbind_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
        in_tx!(self, |c| unbind_each(c, code, UNBIND_ITEM, item_ids, now))
    }

    async fn order_items(&self, code: &str, item_ids: &[String], now: i64) -> StoreResult<()> {
        in_tx!(self, |c| order(c, code, item_ids, now))
    }

    async fn order_by_expiry(&self, code: &str, now: i64) -> StoreResult<()> {
        in_tx!(self, |c| async {
            lock_code(c, code).await?;
            set_explicit_order(c, code, false, now).await
        })
    }

    async fn update_handshake(
        &self,
        code: &str,
        patch: HandshakePatch,
        now: i64,
    ) -> StoreResult<()> {
        in_tx!(self, |c| update(c, code, &patch, now))
    }

    async fn add_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()> {
        in_tx!(self, |c| add_domains(c, code, domains, now))
    }

    async fn remove_domains(&self, code: &str, domains: &[String], now: i64) -> StoreResult<()> {
        in_tx!(self, |c| unbind_each(c, code, UNBIND_DOMAIN, domains, now))
    }

    async fn delete_handshake(&self, code: &str, force: bool, now: i64) -> StoreResult<()> {
        in_tx!(self, |c| delete(c, code, force, now))
    }
}
