//! Trusted issuer keys and imported licenses in the PostgreSQL store.

use async_trait::async_trait;
use sqlx::Row;
use sqlx::postgres::PgRow;

use super::rows::{self, ITEM_STATE_SELECT};
use super::{PgStore, TxResult, db};
use crate::store::{
    ImportBinding, ImportResult, ItemRow, ItemState, LicenseRecord, LicenseRow, LicenseStore,
    StoreError, StoreResult, TrustStore, TrustedKeyRow,
};

fn trusted_key(row: &PgRow) -> StoreResult<TrustedKeyRow> {
    Ok(TrustedKeyRow {
        key_id: row.try_get("key_id").map_err(db)?,
        name: row.try_get("name").map_err(db)?,
        public_key: row.try_get("public_key").map_err(db)?,
        added_at: row.try_get("added_at").map_err(db)?,
    })
}

const LICENSE_SELECT: &str =
    "SELECT id, licensee, issued_at, lts_id, key_id, fingerprint, file, imported_at FROM licenses";

fn license_row(row: &PgRow) -> StoreResult<LicenseRow> {
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

impl PgStore {
    async fn items_of_license(&self, license_id: &str, now: i64) -> StoreResult<Vec<ItemState>> {
        let sql = format!("{ITEM_STATE_SELECT} WHERE i.license_id = $2 ORDER BY i.position");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(now)
            .bind(license_id)
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(rows::item_state).collect()
    }

    async fn add_trusted_key_tx(&self, row: &TrustedKeyRow) -> TxResult<bool> {
        let mut tx = self.tx().await?;
        let existing: Option<Vec<u8>> =
            sqlx::query_scalar("SELECT public_key FROM trusted_keys WHERE key_id = $1")
                .bind(&row.key_id)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(existing) = existing {
            if existing == row.public_key {
                return Ok(false);
            }
            return Err(StoreError::Conflict(format!(
                "another key with id {} is already trusted",
                row.key_id
            ))
            .into());
        }
        sqlx::query(
            "INSERT INTO trusted_keys (key_id, name, public_key, added_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&row.key_id)
        .bind(&row.name)
        .bind(&row.public_key)
        .bind(row.added_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn import_license_tx(
        &self,
        license: &LicenseRow,
        items: &[ItemRow],
        binding: Option<&ImportBinding>,
        now: i64,
    ) -> TxResult<ImportResult> {
        let mut tx = self.tx().await?;
        let existing: Option<String> =
            sqlx::query_scalar("SELECT fingerprint FROM licenses WHERE id = $1")
                .bind(&license.id)
                .fetch_optional(&mut *tx)
                .await?;
        let result = match existing {
            Some(fp) if fp == license.fingerprint => ImportResult::Unchanged,
            Some(_) => {
                return Err(StoreError::Conflict(format!(
                    "license {} is already imported from a different file; remove it first with \
                     `ltsctl license remove {}` if the new file replaces it",
                    license.id, license.id
                ))
                .into());
            }
            None => {
                insert_license(&mut tx, license, items).await?;
                ImportResult::Imported
            }
        };
        if let Some(binding) = binding {
            if !rows::lock_handshake(&mut tx, &binding.code).await? {
                match &binding.create {
                    Some(row) => rows::insert_handshake(&mut tx, row).await?,
                    None => {
                        return Err(StoreError::NotFound(format!(
                            "no handshake code {}; create it with `ltsctl handshake create {}` or pass --create",
                            binding.code, binding.code
                        ))
                        .into());
                    }
                }
            }
            // Renewal path: binding what is already bound is not an error here.
            let mut unbound = Vec::new();
            for item_id in &binding.items {
                let n: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM handshake_items WHERE code = $1 AND item_id = $2",
                )
                .bind(&binding.code)
                .bind(item_id)
                .fetch_one(&mut *tx)
                .await?;
                if n == 0 {
                    unbound.push(item_id.clone());
                }
            }
            rows::bind_items(&mut tx, &binding.code, &unbound, now).await?;
        }
        tx.commit().await?;
        Ok(result)
    }

    async fn remove_license_tx(&self, id: &str, force: bool, now: i64) -> TxResult<()> {
        let mut tx = self.tx().await?;
        // Locking the license row makes a concurrent import of the same id wait for the outcome.
        let exists: Option<i32> =
            sqlx::query_scalar("SELECT 1 FROM licenses WHERE id = $1 FOR UPDATE")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_none() {
            return Err(StoreError::NotFound(format!("no license {id}")).into());
        }
        let seated: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM devices d JOIN items i ON i.id = d.item_id
             WHERE i.license_id = $1 AND d.expires_at > $2",
        )
        .bind(id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        if seated > 0 && !force {
            return Err(StoreError::Conflict(format!(
                "license {id} is in use: {seated} device(s) hold seats on its items; \
                 unregister them first or pass --force to remove the license and free the seats"
            ))
            .into());
        }
        // Devices and bindings go with the items (ON DELETE CASCADE).
        sqlx::query("DELETE FROM licenses WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[async_trait]
impl TrustStore for PgStore {
    async fn add_trusted_key(&self, row: TrustedKeyRow) -> StoreResult<bool> {
        self.retrying(|| self.add_trusted_key_tx(&row)).await
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
            "SELECT key_id, name, public_key, added_at FROM trusted_keys WHERE key_id = $1",
        )
        .bind(key_id)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(trusted_key).transpose()
    }

    async fn remove_trusted_key(&self, key_id: &str) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM trusted_keys WHERE key_id = $1")
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

#[async_trait]
impl LicenseStore for PgStore {
    async fn import_license(
        &self,
        license: LicenseRow,
        items: Vec<ItemRow>,
        binding: Option<ImportBinding>,
        now: i64,
    ) -> StoreResult<ImportResult> {
        self.retrying(|| self.import_license_tx(&license, &items, binding.as_ref(), now))
            .await
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
        let sql = format!("{LICENSE_SELECT} WHERE id = $1");
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
        let sql = format!("{ITEM_STATE_SELECT} WHERE i.id = $2");
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

    async fn remove_license(&self, id: &str, force: bool, now: i64) -> StoreResult<()> {
        self.retrying(|| self.remove_license_tx(id, force, now))
            .await
    }
}

async fn insert_license(
    conn: &mut sqlx::PgConnection,
    license: &LicenseRow,
    items: &[ItemRow],
) -> TxResult<()> {
    sqlx::query(
        "INSERT INTO licenses (id, licensee, issued_at, lts_id, key_id, fingerprint, file, imported_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
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
    .await?;
    for (position, item) in items.iter().enumerate() {
        let owner: Option<String> =
            sqlx::query_scalar("SELECT license_id FROM items WHERE id = $1")
                .bind(&item.id)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(owner) = owner {
            return Err(StoreError::Conflict(format!(
                "item {} already exists in license {owner}; item ids must be unique across licenses",
                item.id
            ))
            .into());
        }
        sqlx::query(
            "INSERT INTO items (id, license_id, position, product, option, quota, active_period, domain,
                modules, revokes, valid_from, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&item.id)
        .bind(&license.id)
        .bind(position as i64)
        .bind(&item.product)
        .bind(&item.option)
        .bind(item.quota)
        .bind(&item.active_period)
        .bind(&item.domain)
        .bind(serde_json::to_string(&item.modules).unwrap_or_else(|_| "[]".into()))
        .bind(&item.revokes)
        .bind(item.valid_from)
        .bind(item.expires_at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
