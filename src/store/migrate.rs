//! `ltsctl migrate`: copies an embedded store into PostgreSQL table by table — licenses, codes, devices,
//! usage, tokens, audit log, alerts (what has fired, webhooks, recipients, thresholds, the outbox) and the
//! instance's identity (lts_id, token-signing key) — in one PostgreSQL
//! transaction, then verifies the row counts. A failure leaves the target as it was.
//!
//! Table and column names come from the static list below, never from input; values are bound.

use futures_util::TryStreamExt;
use sqlx::postgres::PgArguments;
use sqlx::{Arguments, Row};

use super::{PgStore, SqliteStore, StoreError, StoreResult};

#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
    Blob,
    /// 0/1 in SQLite, BOOLEAN in PostgreSQL.
    Bool,
}

use Kind::*;

/// A table: its name, its columns, and whether PostgreSQL generates the first column (an identity).
type Table = (&'static str, &'static [(&'static str, Kind)], bool);

/// Tables in foreign-key order.
const TABLES: &[Table] = &[
    (
        "trusted_keys",
        &[("key_id", Text), ("name", Text), ("public_key", Blob), ("added_at", Int)],
        false,
    ),
    (
        "licenses",
        &[
            ("id", Text),
            ("licensee", Text),
            ("issued_at", Int),
            ("lts_id", Text),
            ("key_id", Text),
            ("fingerprint", Text),
            ("file", Text),
            ("imported_at", Int),
        ],
        false,
    ),
    (
        "items",
        &[
            ("id", Text),
            ("license_id", Text),
            ("position", Int),
            ("product", Text),
            ("option", Text),
            ("quota", Int),
            ("active_period", Text),
            ("domain", Text),
            ("modules", Text),
            ("revokes", Text),
            ("valid_from", Int),
            ("expires_at", Int),
        ],
        false,
    ),
    (
        "handshakes",
        &[
            ("code", Text),
            ("name", Text),
            ("refresh_interval_secs", Int),
            ("offline_grace_secs", Int),
            ("overuse_percent", Int),
            ("password_hash", Text),
            ("explicit_order", Bool),
            ("created_at", Int),
            ("updated_at", Int),
            ("active_from", Text),
        ],
        false,
    ),
    ("handshake_items", &[("code", Text), ("item_id", Text), ("position", Int)], false),
    ("handshake_domains", &[("code", Text), ("domain", Text)], false),
    (
        "devices",
        &[
            ("handshake", Text),
            ("uuid", Text),
            ("item_id", Text),
            ("platform", Text),
            ("domain", Text),
            ("name", Text),
            ("first_seen", Int),
            ("last_seen", Int),
            ("expires_at", Int),
            ("concurrent_seen_at", Int),
            ("concurrent_since", Int),
            ("checked_out_until", Int),
            ("first_used_at", Int),
        ],
        false,
    ),
    (
        "device_grants",
        &[
            ("handshake", Text),
            ("uuid", Text),
            ("item_id", Text),
            ("option", Text),
            ("granted_from", Int),
            ("granted_until", Int),
        ],
        false,
    ),
    ("concurrent_peaks", &[("item_id", Text), ("day", Int), ("peak", Int)], false),
    (
        "usage_reports",
        &[
            ("rid", Int),
            ("id", Text),
            ("handshake", Text),
            ("uuid", Text),
            ("item_id", Text),
            ("at", Int),
            ("received_at", Int),
            ("scans", Int),
            ("pages", Int),
        ],
        true,
    ),
    ("usage_counts", &[("report_id", Int), ("kind", Text), ("name", Text), ("count", Int)], false),
    ("item_usage", &[("item_id", Text), ("units", Int)], false),
    (
        "sweeps",
        &[
            ("id", Int),
            ("started_at", Int),
            ("finished_at", Int),
            ("removed", Int),
            ("trigger", Text),
        ],
        true,
    ),
    (
        "tokens",
        &[
            ("name", Text),
            ("token_id", Text),
            ("secret_hash", Blob),
            ("role", Text),
            ("created_at", Int),
            ("expires_at", Int),
            ("revoked_at", Int),
            ("last_used_at", Int),
        ],
        false,
    ),
    (
        "audit_log",
        &[
            ("id", Int),
            ("at", Int),
            ("actor", Text),
            ("action", Text),
            ("target", Text),
            ("result", Text),
            ("detail", Text),
            ("client", Text),
        ],
        true,
    ),
    (
        "alerts",
        &[
            ("id", Int),
            ("key", Text),
            ("type", Text),
            ("subject", Text),
            ("threshold", Int),
            ("fired_at", Int),
            ("cleared_at", Int),
            ("notified", Bool),
            ("message", Text),
            ("data", Text),
        ],
        true,
    ),
    (
        "webhooks",
        &[
            ("id", Text),
            ("url", Text),
            ("events", Text),
            ("secret", Text),
            ("allow_private", Bool),
            ("created_at", Int),
        ],
        false,
    ),
    ("alert_emails", &[("address", Text), ("created_at", Int)], false),
    (
        "alert_settings",
        &[("scope", Text), ("quota_percents", Text), ("expiry_days", Text), ("refusals", Int)],
        false,
    ),
    (
        "alert_outbox",
        &[
            ("id", Int),
            ("alert_id", Int),
            ("channel", Text),
            ("target", Text),
            ("event_type", Text),
            ("msg_id", Text),
            ("payload", Text),
            ("created_at", Int),
            ("next_attempt_at", Int),
            ("attempts", Int),
            ("state", Text),
            ("lease_until", Int),
            ("last_status", Int),
            ("last_error", Text),
            ("delivered_at", Int),
        ],
        true,
    ),
    (
        "alert_attempts",
        &[
            ("id", Int),
            ("outbox_id", Int),
            ("at", Int),
            ("status_code", Int),
            ("error", Text),
            ("ms", Int),
        ],
        true,
    ),
    ("alert_refusals", &[("code", Text), ("minute", Int), ("n", Int)], false),
];

/// Rows per INSERT statement (PostgreSQL takes at most 65,535 parameters per statement).
const BATCH: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TableCount {
    pub table: String,
    pub source: i64,
    pub target: i64,
}

fn db(e: sqlx::Error) -> StoreError {
    StoreError::database(e.to_string())
}

fn bind(
    args: &mut PgArguments,
    row: &sqlx::sqlite::SqliteRow,
    i: usize,
    kind: Kind,
) -> StoreResult<()> {
    let err = |e: sqlx::error::BoxDynError| StoreError::database(format!("encoding a value: {e}"));
    match kind {
        Int => args.add(row.try_get::<Option<i64>, _>(i).map_err(db)?).map_err(err),
        Text => args.add(row.try_get::<Option<String>, _>(i).map_err(db)?).map_err(err),
        Blob => args.add(row.try_get::<Option<Vec<u8>>, _>(i).map_err(db)?).map_err(err),
        Bool => {
            args.add(row.try_get::<Option<i64>, _>(i).map_err(db)?.map(|v| v != 0)).map_err(err)
        }
    }
}

async fn flush(
    tx: &mut sqlx::PgConnection,
    table: &str,
    columns: &[(&str, Kind)],
    generated: bool,
    rows: &[sqlx::sqlite::SqliteRow],
) -> StoreResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    let mut sql = format!(
        "INSERT INTO {table} ({}) {}VALUES ",
        names.join(", "),
        if generated { "OVERRIDING SYSTEM VALUE " } else { "" }
    );
    let mut args = PgArguments::default();
    let mut n = 0;
    for (r, row) in rows.iter().enumerate() {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for (c, (_, kind)) in columns.iter().enumerate() {
            n += 1;
            sql.push_str(&format!("{}${n}", if c == 0 { "" } else { ", " }));
            bind(&mut args, row, c, *kind)?;
        }
        sql.push(')');
    }
    sqlx::query_with(sqlx::AssertSqlSafe(sql), args).execute(tx).await.map_err(db)?;
    Ok(())
}

/// Copies `source` into `target`. A target that already holds data is refused unless `force`, which
/// empties it first (inside the same transaction). Returns the per-table counts, verified equal.
pub async fn sqlite_to_postgres(
    source: &SqliteStore,
    target: &PgStore,
    force: bool,
    mut progress: impl FnMut(&str, u64),
) -> StoreResult<Vec<TableCount>> {
    // One read transaction on the source: every table is copied from the same snapshot.
    let mut snap = source.pool().begin().await.map_err(db)?;
    let mut tx = target.pool().begin().await.map_err(db)?;
    let mut occupied = Vec::new();
    for (table, _, _) in TABLES {
        let n: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?;
        if n > 0 {
            occupied.push(format!("{table} ({n})"));
        }
    }
    if !occupied.is_empty() {
        if !force {
            return Err(StoreError::Conflict(format!(
                "the target database is not empty: {}; pass --force to replace its contents",
                occupied.join(", ")
            )));
        }
        let all: Vec<&str> = TABLES.iter().map(|(t, _, _)| *t).collect();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "TRUNCATE {} RESTART IDENTITY CASCADE",
            all.join(", ")
        )))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    }
    // The instance's identity moves too: tokens it signed stay valid, licenses bound to its lts_id import.
    let meta: Vec<(String, String)> =
        sqlx::query_as("SELECT key, value FROM meta").fetch_all(&mut *snap).await.map_err(db)?;
    for (key, value) in &meta {
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
            .bind(key)
            .bind(value)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
    }
    let mut source_counts = Vec::with_capacity(TABLES.len());
    for (table, columns, generated) in TABLES {
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let select = format!("SELECT {} FROM {table}", names.join(", "));
        let mut stream = sqlx::query(sqlx::AssertSqlSafe(select)).fetch(&mut *snap);
        let mut batch = Vec::with_capacity(BATCH);
        let mut copied = 0u64;
        while let Some(row) = stream.try_next().await.map_err(db)? {
            batch.push(row);
            if batch.len() == BATCH {
                flush(&mut tx, table, columns, *generated, &batch).await?;
                copied += batch.len() as u64;
                progress(table, copied);
                batch.clear();
            }
        }
        flush(&mut tx, table, columns, *generated, &batch).await?;
        copied += batch.len() as u64;
        progress(table, copied);
        drop(stream);
        source_counts.push(copied as i64);
        if *generated {
            let id = columns[0].0;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', '{id}'), COALESCE((SELECT MAX({id}) FROM {table}), 0) + 1, false)"
            )))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
    }
    tx.commit().await.map_err(db)?;
    snap.rollback().await.map_err(db)?;
    let mut counts = Vec::with_capacity(TABLES.len());
    for ((table, _, _), source_n) in TABLES.iter().zip(source_counts) {
        let target_n: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(target.pool())
                .await
                .map_err(db)?;
        counts.push(TableCount { table: table.to_string(), source: source_n, target: target_n });
    }
    if let Some(bad) = counts.iter().find(|c| c.source != c.target) {
        return Err(StoreError::database(format!(
            "verification failed: {} has {} rows in the source but {} in the target",
            bad.table, bad.source, bad.target
        )));
    }
    Ok(counts)
}
