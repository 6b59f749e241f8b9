//! Trusted issuer keys and imported licenses in the embedded store.

use async_trait::async_trait;
use sqlx::Row;

use sqlx::SqliteConnection;

use super::rows::{self, ITEM_STATE_SELECT};
use super::{SqliteStore, db};
use crate::store::licenses::{
    different_file, dropped_item_in_use, item_id_taken, modules_json, no_code_to_bind,
    not_a_later_issue,
};
use crate::store::{
    ImportBinding, ImportResult, ItemRow, ItemState, LicenseRecord, LicenseRemoval, LicenseRow,
    LicenseStore, StoreError, StoreResult, TrustStore, TrustedKeyRow, sql,
};

#[async_trait]
impl TrustStore for SqliteStore {
    async fn add_trusted_key(&self, row: TrustedKeyRow) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let existing: Option<Vec<u8>> =
            sqlx::query_scalar("SELECT public_key FROM trusted_keys WHERE key_id = ?")
                .bind(&row.key_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        if let Some(existing) = existing {
            if existing == row.public_key {
                return Ok(false);
            }
            return Err(StoreError::Conflict(format!(
                "another key with id {} is already trusted",
                row.key_id
            )));
        }
        sqlx::query(
            "INSERT INTO trusted_keys (key_id, name, public_key, added_at) VALUES (?, ?, ?, ?)",
        )
        .bind(&row.key_id)
        .bind(&row.name)
        .bind(&row.public_key)
        .bind(row.added_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn list_trusted_keys(&self) -> StoreResult<Vec<TrustedKeyRow>> {
        let rows = sqlx::query(
            "SELECT key_id, name, public_key, added_at FROM trusted_keys ORDER BY added_at, key_id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(trusted_key).collect()
    }

    async fn get_trusted_key(&self, key_id: &str) -> StoreResult<Option<TrustedKeyRow>> {
        let row = sqlx::query(
            "SELECT key_id, name, public_key, added_at FROM trusted_keys WHERE key_id = ?",
        )
        .bind(key_id)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(trusted_key).transpose()
    }

    async fn remove_trusted_key(&self, key_id: &str) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM trusted_keys WHERE key_id = ?")
            .bind(key_id)
            .execute(self.pool())
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!(
                "no trusted key with id {key_id}"
            )));
        }
        Ok(())
    }
}

fn trusted_key(row: &sqlx::sqlite::SqliteRow) -> StoreResult<TrustedKeyRow> {
    Ok(TrustedKeyRow {
        key_id: row.try_get("key_id").map_err(db)?,
        name: row.try_get("name").map_err(db)?,
        public_key: row.try_get("public_key").map_err(db)?,
        added_at: row.try_get("added_at").map_err(db)?,
    })
}

const LICENSE_SELECT: &str =
    "SELECT id, licensee, issued_at, lts_id, key_id, fingerprint, file, imported_at FROM licenses";

fn license_row(row: &sqlx::sqlite::SqliteRow) -> StoreResult<LicenseRow> {
    Ok(LicenseRow {
        id: row.try_get("id").map_err(db)?,
        licensee: row.try_get("licensee").map_err(db)?,
        issued_at: row.try_get("issued_at").map_err(db)?,
        lts_id: row.try_get("lts_id").map_err(db)?,
        key_id: row.try_get("key_id").map_err(db)?,
        fingerprint: row.try_get("fingerprint").map_err(db)?,
        file: row.try_get("file").map_err(db)?,
        imported_at: row.try_get("imported_at").map_err(db)?,
    })
}

impl SqliteStore {
    async fn items_of_license(&self, license_id: &str, now: i64) -> StoreResult<Vec<ItemState>> {
        let sql = format!("{ITEM_STATE_SELECT} WHERE i.license_id = ?2 ORDER BY i.position");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(now)
            .bind(license_id)
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(rows::item_state).collect()
    }
}

#[async_trait]
impl LicenseStore for SqliteStore {
    async fn import_license(
        &self,
        license: LicenseRow,
        items: Vec<ItemRow>,
        binding: Option<ImportBinding>,
        now: i64,
    ) -> StoreResult<ImportResult> {
        let mut tx = self.write_tx().await?;
        let result = match stored_issue(&mut tx, &license.id).await? {
            Some((fp, _)) if fp == license.fingerprint => ImportResult::Unchanged,
            Some((_, issued_at)) => return Err(different_file(&license, issued_at)),
            None => {
                insert_license(&mut tx, &license, &items).await?;
                ImportResult::Imported
            }
        };
        if let Some(binding) = binding {
            apply_binding(&mut tx, &binding, now).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(result)
    }

    async fn replace_license(
        &self,
        license: LicenseRow,
        items: Vec<ItemRow>,
        binding: Option<ImportBinding>,
        now: i64,
    ) -> StoreResult<ImportResult> {
        let mut tx = self.write_tx().await?;
        let result = match stored_issue(&mut tx, &license.id).await? {
            Some((fp, _)) if fp == license.fingerprint => ImportResult::Unchanged,
            Some((_, issued_at)) if license.issued_at <= issued_at => {
                return Err(not_a_later_issue(&license, issued_at));
            }
            Some(_) => ImportResult::Replaced {
                dropped_items: replace_in(&mut tx, &license, &items, now).await?,
            },
            None => {
                insert_license(&mut tx, &license, &items).await?;
                ImportResult::Imported
            }
        };
        if let Some(binding) = binding {
            apply_binding(&mut tx, &binding, now).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(result)
    }

    async fn list_licenses(&self, now: i64) -> StoreResult<Vec<LicenseRecord>> {
        let sql = format!("{LICENSE_SELECT} ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let license = license_row(row)?;
            let items = self.items_of_license(&license.id, now).await?;
            out.push(LicenseRecord { license, items });
        }
        Ok(out)
    }

    async fn get_license(&self, id: &str, now: i64) -> StoreResult<Option<LicenseRecord>> {
        let sql = format!("{LICENSE_SELECT} WHERE id = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(db)?;
        let Some(row) = row else { return Ok(None) };
        let license = license_row(&row)?;
        let items = self.items_of_license(&license.id, now).await?;
        Ok(Some(LicenseRecord { license, items }))
    }

    async fn get_items(&self, ids: &[String], now: i64) -> StoreResult<Vec<ItemState>> {
        let sql = format!("{ITEM_STATE_SELECT} WHERE i.id = ?2");
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                .bind(now)
                .bind(id)
                .fetch_optional(self.pool())
                .await
                .map_err(db)?;
            match row {
                Some(row) => out.push(rows::item_state(&row)?),
                None => return Err(StoreError::NotFound(format!("no license item {id}"))),
            }
        }
        Ok(out)
    }

    async fn remove_license(
        &self,
        id: &str,
        force: bool,
        dry_run: bool,
        now: i64,
    ) -> StoreResult<LicenseRemoval> {
        let mut tx = self.write_tx().await?;
        if stored_issue(&mut tx, id).await?.is_none() {
            return Err(StoreError::NotFound(format!("no license {id}")));
        }
        let removal = removal_of(&mut tx, id, now).await?;
        if removal.seats() > 0 && !force {
            return Err(removal.in_use(id));
        }
        if dry_run {
            return Ok(removal);
        }
        // Seats and bindings go with the items (ON DELETE CASCADE); the usage ledger stays.
        sqlx::query("DELETE FROM licenses WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(removal)
    }
}

/// The stored file's fingerprint and issue time of license `id`, if it is stored.
async fn stored_issue(conn: &mut SqliteConnection, id: &str) -> StoreResult<Option<(String, i64)>> {
    sqlx::query_as("SELECT fingerprint, issued_at FROM licenses WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(db)
}

/// What removing license `id` at `now` frees and keeps.
async fn removal_of(
    conn: &mut SqliteConnection,
    id: &str,
    now: i64,
) -> StoreResult<LicenseRemoval> {
    let freed_seats = sqlx::query_as(sql::LICENSE_LIVE_SEATS)
        .bind(id)
        .bind(now)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
    let unbound = sqlx::query_as(sql::LICENSE_BINDINGS)
        .bind(id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
    let (units_kept, reports_kept) = sqlx::query_as(sql::LICENSE_LEDGER)
        .bind(id)
        .fetch_one(&mut *conn)
        .await
        .map_err(db)?;
    Ok(LicenseRemoval {
        freed_seats,
        unbound,
        units_kept,
        reports_kept,
    })
}

/// Binds every item of an import to its code (creating the code when asked), inside the import's
/// transaction. Items already bound are left as they are: re-running a renewal is harmless.
async fn apply_binding(
    conn: &mut SqliteConnection,
    binding: &ImportBinding,
    now: i64,
) -> StoreResult<()> {
    if !rows::handshake_exists(conn, &binding.code).await? {
        match &binding.create {
            Some(row) => rows::insert_handshake(conn, row).await?,
            None => return Err(no_code_to_bind(&binding.code)),
        }
    }
    let mut unbound = Vec::new();
    for item_id in &binding.items {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM handshake_items WHERE code = $1 AND item_id = $2",
        )
        .bind(&binding.code)
        .bind(item_id)
        .fetch_one(&mut *conn)
        .await
        .map_err(db)?;
        if n == 0 {
            unbound.push(item_id.clone());
        }
    }
    rows::bind_items(conn, &binding.code, &unbound, now).await
}

/// Puts a later issue of a stored license in place of the old one; returns the items it dropped.
async fn replace_in(
    conn: &mut SqliteConnection,
    license: &LicenseRow,
    items: &[ItemRow],
    now: i64,
) -> StoreResult<Vec<String>> {
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT id FROM items WHERE license_id = $1 ORDER BY id")
            .bind(&license.id)
            .fetch_all(&mut *conn)
            .await
            .map_err(db)?;
    let dropped: Vec<String> = stored
        .iter()
        .filter(|id| !items.iter().any(|i| &i.id == *id))
        .cloned()
        .collect();
    for item_id in &dropped {
        let seats: i64 = sqlx::query_scalar(sql::ITEM_LIVE_SEATS)
            .bind(item_id)
            .bind(now)
            .fetch_one(&mut *conn)
            .await
            .map_err(db)?;
        if seats > 0 {
            return Err(dropped_item_in_use(&license.id, item_id, seats));
        }
        sqlx::query("DELETE FROM items WHERE id = $1")
            .bind(item_id)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
    }
    sqlx::query(sql::UPDATE_LICENSE_ISSUE)
        .bind(&license.id)
        .bind(&license.licensee)
        .bind(license.issued_at)
        .bind(&license.lts_id)
        .bind(&license.key_id)
        .bind(&license.fingerprint)
        .bind(&license.file)
        .bind(license.imported_at)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    for (position, item) in items.iter().enumerate() {
        if stored.contains(&item.id) {
            sqlx::query(sql::UPDATE_ITEM_TERMS)
                .bind(&item.id)
                .bind(&license.id)
                .bind(position as i64)
                .bind(&item.product)
                .bind(&item.option)
                .bind(item.quota)
                .bind(&item.active_period)
                .bind(&item.domain)
                .bind(modules_json(item))
                .bind(&item.revokes)
                .bind(item.valid_from)
                .bind(item.expires_at)
                .execute(&mut *conn)
                .await
                .map_err(db)?;
        } else {
            insert_item(conn, &license.id, position, item).await?;
        }
    }
    Ok(dropped)
}

async fn insert_license(
    conn: &mut SqliteConnection,
    license: &LicenseRow,
    items: &[ItemRow],
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO licenses (id, licensee, issued_at, lts_id, key_id, fingerprint, file, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&license.id)
    .bind(&license.licensee)
    .bind(license.issued_at)
    .bind(&license.lts_id)
    .bind(&license.key_id)
    .bind(&license.fingerprint)
    .bind(&license.file)
    .bind(license.imported_at)
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    for (position, item) in items.iter().enumerate() {
        insert_item(conn, &license.id, position, item).await?;
    }
    Ok(())
}

/// Adds an item to license `license_id`; an id another license already holds is a conflict.
async fn insert_item(
    conn: &mut SqliteConnection,
    license_id: &str,
    position: usize,
    item: &ItemRow,
) -> StoreResult<()> {
    let owner: Option<String> = sqlx::query_scalar("SELECT license_id FROM items WHERE id = ?")
        .bind(&item.id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
    if let Some(owner) = owner {
        return Err(item_id_taken(&item.id, &owner));
    }
    sqlx::query(
        "INSERT INTO items (id, license_id, position, product, option, quota, active_period, domain,
            modules, revokes, valid_from, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&item.id)
    .bind(license_id)
    .bind(position as i64)
    .bind(&item.product)
    .bind(&item.option)
    .bind(item.quota)
    .bind(&item.active_period)
    .bind(&item.domain)
    .bind(modules_json(item))
    .bind(&item.revokes)
    .bind(item.valid_from)
    .bind(item.expires_at)
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    Ok(())
}
