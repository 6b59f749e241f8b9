//! Trusted issuer keys, imported licenses and their items: the same statements on both backends. Items are
//! read with their state through [`super::items`].

use async_trait::async_trait;

use super::backend::{Backend, Dialect, Lock, in_tx, on_reader};
use super::handshakes::{self, HandshakeRow};
use super::items::{self, ItemRow, ItemState};
use super::query::{Arg, Conn, args};
use super::{StoreError, StoreResult};
use crate::clock::rfc3339;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TrustedKeyRow {
    pub key_id: String,
    pub name: Option<String>,
    pub public_key: Vec<u8>,
    pub added_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LicenseRow {
    pub id: String,
    pub licensee: String,
    pub issued_at: i64,
    pub lts_id: Option<String>,
    pub key_id: String,
    /// Content hash of the signed file: an identical re-import is recognised by it.
    pub fingerprint: String,
    /// The license file verbatim, so it can be re-verified or exported later.
    pub file: String,
    pub imported_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenseRecord {
    pub license: LicenseRow,
    pub items: Vec<ItemState>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportResult {
    Imported,
    /// The identical file was already imported: nothing changed.
    Unchanged,
    /// A later issue of a stored license took its place (`import_license` with `replace`): items kept
    /// their bindings, seats and consumption; these items of the old issue are not in the new one.
    Replaced {
        dropped_items: Vec<String>,
    },
}

/// What removing a license drops and what it keeps ([`LicensesStore::remove_license`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LicenseRemoval {
    /// Live seats freed, per item id (items without live seats are not listed), by item id.
    pub freed_seats: Vec<(String, i64)>,
    /// How many of them are held by a live check-out (whose offline file stays valid until it ends).
    pub checked_out: i64,
    /// Bindings dropped: (handshake code, item id), by code then item.
    pub unbound: Vec<(String, String)>,
    /// Units (scans, pages) consumed on the license's items: kept, keyed by item id.
    pub units_kept: i64,
    /// Usage reports on the license's items: kept.
    pub reports_kept: i64,
}

/// Binding every item of an imported license to a code, in the import's transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportBinding {
    pub code: String,
    /// Create the code with these settings when it does not exist (`--create`); otherwise it must exist.
    pub create: Option<HandshakeRow>,
    /// The items to bind (those already bound are left as they are: re-running a renewal is harmless).
    pub items: Vec<String>,
}

/// Trusted issuer keys, and the licenses they signed.
#[async_trait]
pub trait LicensesStore: Send + Sync {
    /// Adds a key; `Ok(false)` when the same key is already trusted.
    async fn add_trusted_key(&self, row: TrustedKeyRow) -> StoreResult<bool>;
    async fn list_trusted_keys(&self) -> StoreResult<Vec<TrustedKeyRow>>;
    async fn get_trusted_key(&self, key_id: &str) -> StoreResult<Option<TrustedKeyRow>>;
    async fn remove_trusted_key(&self, key_id: &str) -> StoreResult<()>;
    /// Stores a verified license and its items (and binds them, if asked) in one transaction. With
    /// `replace`, a later issue of a stored license (same id, later `issued_at`) takes its place: items
    /// in both keep their bindings, seats and consumption and take the new terms; new items are added;
    /// items only in the old issue are dropped, which is refused while devices hold live seats on them;
    /// a license not stored yet is imported. Either way the identical file is
    /// [`ImportResult::Unchanged`].
    async fn import_license(
        &self,
        license: LicenseRow,
        items: Vec<ItemRow>,
        binding: Option<ImportBinding>,
        replace: bool,
        now: i64,
    ) -> StoreResult<ImportResult>;
    async fn list_licenses(&self, now: i64) -> StoreResult<Vec<LicenseRecord>>;
    async fn get_license(&self, id: &str, now: i64) -> StoreResult<Option<LicenseRecord>>;
    async fn get_items(&self, ids: &[String], now: i64) -> StoreResult<Vec<ItemState>>;
    /// Removes a license, its items, their bindings and the seats on them; refuses while devices hold
    /// live seats on them unless `force`. The usage ledger (reports and consumed units, keyed by item id)
    /// is kept. `dry_run` computes the same answer and changes nothing.
    async fn remove_license(
        &self,
        id: &str,
        force: bool,
        dry_run: bool,
        now: i64,
    ) -> StoreResult<LicenseRemoval>;
}

// -----------------------------------------------------------------------------------------------------
// Statements

const TRUSTED_KEYS: &str =
    "SELECT key_id, name, public_key, added_at FROM trusted_keys ORDER BY added_at, key_id";
const TRUSTED_KEY: &str =
    "SELECT key_id, name, public_key, added_at FROM trusted_keys WHERE key_id = $1";
const INSERT_TRUSTED_KEY: &str =
    "INSERT INTO trusted_keys (key_id, name, public_key, added_at) VALUES ($1, $2, $3, $4)";

const LICENSES: &str =
    "SELECT id, licensee, issued_at, lts_id, key_id, fingerprint, file, imported_at
     FROM licenses ORDER BY id";
const LICENSE: &str =
    "SELECT id, licensee, issued_at, lts_id, key_id, fingerprint, file, imported_at
     FROM licenses WHERE id = $1";
const INSERT_LICENSE: &str =
    "INSERT INTO licenses (id, licensee, issued_at, lts_id, key_id, fingerprint,
       file, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
/// A later issue's license row, in place of the stored one (`$1` is the id).
const UPDATE_LICENSE_ISSUE: &str = "UPDATE licenses SET licensee = $2, issued_at = $3, lts_id = $4,
       key_id = $5, fingerprint = $6, file = $7, imported_at = $8 WHERE id = $1";

const INSERT_ITEM: &str = "INSERT INTO items (id, license_id, position, product, option, quota,
       active_period, domain, modules, revokes, valid_from, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
/// The new terms of item `$1` (which stays in license `$2`): everything but its id and license.
const UPDATE_ITEM_TERMS: &str = "UPDATE items SET position = $3, product = $4, option = $5, quota = $6,
       active_period = $7, domain = $8, modules = $9, revokes = $10, valid_from = $11, expires_at = $12
     WHERE id = $1 AND license_id = $2";

/// Live seats per item of license `$1` at time `$2`, by item id.
const LICENSE_LIVE_SEATS: &str = "SELECT d.item_id, COUNT(*) FROM devices d
     JOIN items i ON i.id = d.item_id
     WHERE i.license_id = $1 AND d.expires_at > $2
     GROUP BY d.item_id ORDER BY d.item_id";
/// Seats on the items of license `$1` held by a check-out that runs past `$2`.
const LICENSE_CHECKED_OUT: &str = "SELECT COUNT(*) FROM devices d JOIN items i ON i.id = d.item_id
     WHERE i.license_id = $1 AND d.checked_out_until > $2";
/// Bindings (code, item) of the items of license `$1`, by code then item.
const LICENSE_BINDINGS: &str = "SELECT hi.code, hi.item_id FROM handshake_items hi
     JOIN items i ON i.id = hi.item_id
     WHERE i.license_id = $1 ORDER BY hi.code, hi.item_id";
/// Units consumed on the items of license `$1`, and the usage reports recorded on them.
const LICENSE_LEDGER: &str = "SELECT
       CAST(COALESCE((SELECT SUM(u.units) FROM item_usage u JOIN items i ON i.id = u.item_id
                      WHERE i.license_id = $1), 0) AS BIGINT),
       (SELECT COUNT(*) FROM usage_reports r JOIN items i ON i.id = r.item_id WHERE i.license_id = $1)";
/// Live seats on item `$1` at time `$2`.
const ITEM_LIVE_SEATS: &str = "SELECT COUNT(*) FROM devices WHERE item_id = $1 AND expires_at > $2";

// -----------------------------------------------------------------------------------------------------
// What both backends say, word for word (the conformance suite compares their errors exactly)

impl LicenseRemoval {
    /// Live seats the removal frees, in all (saturating: a count cannot be larger than the devices table).
    pub fn seats(&self) -> i64 {
        self.freed_seats.iter().fold(0i64, |n, (_, s)| n.saturating_add(*s))
    }

    /// The refusal of a removal that would free seats without `force`.
    fn in_use(&self, id: &str) -> StoreError {
        let per_item: Vec<String> =
            self.freed_seats.iter().map(|(item, n)| format!("{item}: {n}")).collect();
        let checked_out = if self.checked_out > 0 {
            format!(
                "; {} of them checked out, whose offline files stay valid until they end (see `ltsctl \
                 devices list --checked-out`)",
                self.checked_out
            )
        } else {
            String::new()
        };
        StoreError::Conflict(format!(
            "license {id} is in use: devices hold {} live seat(s) on its items ({}){checked_out}; \
             unregister them first, or pass --force to remove the license and free the seats (its \
             consumption and usage history are kept either way)",
            self.seats(),
            per_item.join(", ")
        ))
    }
}

/// A plain import of a file whose license id is stored from a different file.
fn different_file(license: &LicenseRow, stored_issued_at: i64) -> StoreError {
    StoreError::Conflict(format!(
        "license {} is already imported from a different file (issued {}; this one is issued {}); \
         if this file is the vendor's later issue of {}, import it with --replace: its items keep their \
         bindings, seats and consumption",
        license.id,
        rfc3339(stored_issued_at),
        rfc3339(license.issued_at),
        license.id
    ))
}

/// `--replace` with a file that is not later than the stored one.
fn not_a_later_issue(license: &LicenseRow, stored_issued_at: i64) -> StoreError {
    StoreError::Conflict(format!(
        "license {} is stored from a file issued {}; this file is issued {}, which is not later, so it \
         does not replace it; ask the vendor which file of {} is current",
        license.id,
        rfc3339(stored_issued_at),
        rfc3339(license.issued_at),
        license.id
    ))
}

/// A later issue that drops an item devices still hold seats on.
fn dropped_item_in_use(license_id: &str, item_id: &str, seats: i64) -> StoreError {
    StoreError::Conflict(format!(
        "the new issue of license {license_id} no longer has item {item_id}, and devices hold {seats} live \
         seat(s) on it; unregister them first (`ltsctl devices list --item {item_id}`), then import again"
    ))
}

fn item_id_taken(item_id: &str, owner: &str) -> StoreError {
    StoreError::Conflict(format!(
        "item {item_id} already exists in license {owner}; item ids must be unique across licenses \
         (if this license supersedes {owner}, remove {owner} first: the consumption of {item_id} is kept)"
    ))
}

fn no_code_to_bind(code: &str) -> StoreError {
    StoreError::NotFound(format!(
        "no handshake code {code}; create it with `ltsctl handshake create {code}` or pass --create"
    ))
}

/// A license row as the parameters of [`INSERT_LICENSE`] and [`UPDATE_LICENSE_ISSUE`].
fn license_values(license: &LicenseRow) -> Vec<Arg<'_>> {
    vec![
        Arg::from(&license.id),
        Arg::from(&license.licensee),
        Arg::from(license.issued_at),
        Arg::from(&license.lts_id),
        Arg::from(&license.key_id),
        Arg::from(&license.fingerprint),
        Arg::from(&license.file),
        Arg::from(license.imported_at),
    ]
}

/// An item at `position` of license `license_id` as the parameters of [`INSERT_ITEM`] and
/// [`UPDATE_ITEM_TERMS`] (`modules` is its [`modules_json`]).
fn item_values<'a>(
    license_id: &'a str,
    position: usize,
    item: &'a ItemRow,
    modules: &'a str,
) -> Vec<Arg<'a>> {
    vec![
        Arg::from(&item.id),
        Arg::from(license_id),
        Arg::from(position as i64),
        Arg::from(&item.product),
        Arg::from(&item.option),
        Arg::from(item.quota),
        Arg::from(&item.active_period),
        Arg::from(&item.domain),
        Arg::from(modules),
        Arg::from(&item.revokes),
        Arg::from(item.valid_from),
        Arg::from(item.expires_at),
    ]
}

/// How an item's module list is stored: a JSON array of strings.
fn modules_json(item: &ItemRow) -> String {
    serde_json::to_string(&item.modules).unwrap_or_else(|_| "[]".into())
}

// -----------------------------------------------------------------------------------------------------
// Trusted keys

async fn add_trusted_key(c: &mut impl Conn, row: &TrustedKeyRow) -> StoreResult<bool> {
    let sql = "SELECT public_key FROM trusted_keys WHERE key_id = $1";
    if let Some((existing,)) = c.fetch_optional::<(Vec<u8>,)>(sql, args![&row.key_id]).await? {
        if existing == row.public_key {
            return Ok(false);
        }
        return Err(StoreError::Conflict(format!(
            "another key with id {} is already trusted",
            row.key_id
        )));
    }
    let values = args![&row.key_id, &row.name, &row.public_key, row.added_at];
    c.execute(INSERT_TRUSTED_KEY, values).await?;
    Ok(true)
}

// -----------------------------------------------------------------------------------------------------
// Licenses

/// The stored file's fingerprint and issue time of license `id`, if it is stored (locked first).
async fn stored_issue(c: &mut impl Dialect, id: &str) -> StoreResult<Option<(String, i64)>> {
    c.lock(Lock::License(id)).await?;
    let sql = "SELECT fingerprint, issued_at FROM licenses WHERE id = $1";
    c.fetch_optional(sql, args![id]).await
}

async fn insert_license(
    c: &mut impl Conn,
    license: &LicenseRow,
    items: &[ItemRow],
) -> StoreResult<()> {
    c.execute(INSERT_LICENSE, &license_values(license)).await?;
    for (position, item) in items.iter().enumerate() {
        insert_item(c, &license.id, position, item).await?;
    }
    Ok(())
}

/// Adds an item to license `license_id`; an id another license already holds is a conflict.
async fn insert_item(
    c: &mut impl Conn,
    license_id: &str,
    position: usize,
    item: &ItemRow,
) -> StoreResult<()> {
    let sql = "SELECT license_id FROM items WHERE id = $1";
    if let Some((owner,)) = c.fetch_optional::<(String,)>(sql, args![&item.id]).await? {
        return Err(item_id_taken(&item.id, &owner));
    }
    let modules = modules_json(item);
    c.execute(INSERT_ITEM, &item_values(license_id, position, item, &modules)).await?;
    Ok(())
}

/// Binds every item of an import to its code (creating the code when asked), inside the import's
/// transaction. Items already bound are left as they are: re-running a renewal is harmless.
async fn apply_binding(c: &mut impl Dialect, binding: &ImportBinding, now: i64) -> StoreResult<()> {
    c.lock(Lock::Handshake(&binding.code)).await?;
    if !handshakes::handshake_exists(c, &binding.code).await? {
        match &binding.create {
            Some(row) => handshakes::insert_handshake(c, row).await?,
            None => return Err(no_code_to_bind(&binding.code)),
        }
    }
    let unbound = handshakes::not_bound(c, &binding.code, &binding.items).await?;
    handshakes::bind_items(c, &binding.code, &unbound, now).await
}

/// Imports a license, or with `replace` lets a later issue take a stored one's place.
async fn import(
    c: &mut impl Dialect,
    license: &LicenseRow,
    items: &[ItemRow],
    binding: Option<&ImportBinding>,
    replace: bool,
    now: i64,
) -> StoreResult<ImportResult> {
    let result = match stored_issue(c, &license.id).await? {
        Some((fp, _)) if fp == license.fingerprint => ImportResult::Unchanged,
        Some((_, issued_at)) if !replace => return Err(different_file(license, issued_at)),
        Some((_, issued_at)) if license.issued_at <= issued_at => {
            return Err(not_a_later_issue(license, issued_at));
        }
        Some(_) => {
            ImportResult::Replaced { dropped_items: replace_in(c, license, items, now).await? }
        }
        None => {
            insert_license(c, license, items).await?;
            ImportResult::Imported
        }
    };
    if let Some(binding) = binding {
        apply_binding(c, binding, now).await?;
    }
    Ok(result)
}

/// Puts a later issue of a stored license in place of the old one; returns the items it dropped. The
/// stored items are locked like a seat locks them, so no device is seated on a dropped item between the
/// check and its deletion.
async fn replace_in(
    c: &mut impl Dialect,
    license: &LicenseRow,
    items: &[ItemRow],
    now: i64,
) -> StoreResult<Vec<String>> {
    c.lock(Lock::ItemsOfLicense(&license.id)).await?;
    let sql = "SELECT id FROM items WHERE license_id = $1 ORDER BY id";
    let stored: Vec<String> = c
        .fetch_all::<(String,)>(sql, args![&license.id])
        .await?
        .into_iter()
        .map(|(id,)| id)
        .collect();
    let dropped: Vec<String> =
        stored.iter().filter(|id| !items.iter().any(|i| &i.id == *id)).cloned().collect();
    for item_id in &dropped {
        let seats: i64 = c.scalar(ITEM_LIVE_SEATS, args![item_id, now]).await?;
        if seats > 0 {
            return Err(dropped_item_in_use(&license.id, item_id, seats));
        }
        c.execute("DELETE FROM items WHERE id = $1", args![item_id]).await?;
    }
    c.execute(UPDATE_LICENSE_ISSUE, &license_values(license)).await?;
    for (position, item) in items.iter().enumerate() {
        if !stored.contains(&item.id) {
            insert_item(c, &license.id, position, item).await?;
            continue;
        }
        let modules = modules_json(item);
        let values = item_values(&license.id, position, item, &modules);
        c.execute(UPDATE_ITEM_TERMS, &values).await?;
    }
    Ok(dropped)
}

/// What removing license `id` at `now` frees and keeps.
async fn removal_of(c: &mut impl Conn, id: &str, now: i64) -> StoreResult<LicenseRemoval> {
    let freed_seats = c.fetch_all(LICENSE_LIVE_SEATS, args![id, now]).await?;
    let checked_out = c.scalar(LICENSE_CHECKED_OUT, args![id, now]).await?;
    let unbound = c.fetch_all(LICENSE_BINDINGS, args![id]).await?;
    let (units_kept, reports_kept) = c.fetch_one(LICENSE_LEDGER, args![id]).await?;
    Ok(LicenseRemoval { freed_seats, checked_out, unbound, units_kept, reports_kept })
}

async fn remove(
    c: &mut impl Dialect,
    id: &str,
    force: bool,
    dry_run: bool,
    now: i64,
) -> StoreResult<LicenseRemoval> {
    if stored_issue(c, id).await?.is_none() {
        return Err(StoreError::NotFound(format!("no license {id}")));
    }
    let removal = removal_of(c, id, now).await?;
    if removal.seats() > 0 && !force {
        return Err(removal.in_use(id));
    }
    if !dry_run {
        // Seats and bindings go with the items (ON DELETE CASCADE); the usage ledger stays.
        c.execute("DELETE FROM licenses WHERE id = $1", args![id]).await?;
    }
    Ok(removal)
}

async fn record<C: Conn>(c: &mut C, license: LicenseRow, now: i64) -> StoreResult<LicenseRecord> {
    let items = c.fetch_all(items::STATE.of_license, args![now, &license.id]).await?;
    Ok(LicenseRecord { license, items })
}

async fn list(c: &mut impl Conn, now: i64) -> StoreResult<Vec<LicenseRecord>> {
    let rows: Vec<LicenseRow> = c.fetch_all(LICENSES, args![]).await?;
    let mut out = Vec::with_capacity(rows.len());
    for license in rows {
        out.push(record(c, license, now).await?);
    }
    Ok(out)
}

#[async_trait]
impl<B: Backend> LicensesStore for B {
    async fn add_trusted_key(&self, row: TrustedKeyRow) -> StoreResult<bool> {
        in_tx!(self, |c| add_trusted_key(c, &row))
    }

    async fn list_trusted_keys(&self) -> StoreResult<Vec<TrustedKeyRow>> {
        on_reader!(self, |c| c.fetch_all(TRUSTED_KEYS, args![]))
    }

    async fn get_trusted_key(&self, key_id: &str) -> StoreResult<Option<TrustedKeyRow>> {
        on_reader!(self, |c| c.fetch_optional(TRUSTED_KEY, args![key_id]))
    }

    async fn remove_trusted_key(&self, key_id: &str) -> StoreResult<()> {
        let sql = "DELETE FROM trusted_keys WHERE key_id = $1";
        if on_reader!(self, |c| c.execute(sql, args![key_id]))? == 0 {
            return Err(StoreError::NotFound(format!("no trusted key with id {key_id}")));
        }
        Ok(())
    }

    async fn import_license(
        &self,
        license: LicenseRow,
        items: Vec<ItemRow>,
        binding: Option<ImportBinding>,
        replace: bool,
        now: i64,
    ) -> StoreResult<ImportResult> {
        in_tx!(self, |c| import(c, &license, &items, binding.as_ref(), replace, now))
    }

    async fn list_licenses(&self, now: i64) -> StoreResult<Vec<LicenseRecord>> {
        on_reader!(self, |c| list(c, now))
    }

    async fn get_license(&self, id: &str, now: i64) -> StoreResult<Option<LicenseRecord>> {
        on_reader!(self, |c| async {
            match c.fetch_optional(LICENSE, args![id]).await? {
                Some(license) => Ok(Some(record(c, license, now).await?)),
                None => Ok(None),
            }
        })
    }

    async fn get_items(&self, ids: &[String], now: i64) -> StoreResult<Vec<ItemState>> {
        on_reader!(self, |c| items::by_ids(c, ids, now))
    }

    async fn remove_license(
        &self,
        id: &str,
        force: bool,
        dry_run: bool,
        now: i64,
    ) -> StoreResult<LicenseRemoval> {
        in_tx!(self, |c| remove(c, id, force, dry_run, now))
    }
}
