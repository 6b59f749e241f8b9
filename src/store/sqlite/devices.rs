//! Device listings written straight from SQLite's rows: a whole page as one JSON array of the devices'
//! admin views (`DeviceView`), formatted in Rust as each row is stepped, on the connection sqlx holds
//! (locked for the page, so the page is one statement on one snapshot like any other read).
//!
//! Why not through sqlx: sqlx steps SQLite on a worker thread and hands every row over a channel, which
//! costs more than reading the row; and building the JSON in SQL (`json_object`, `datetime()`) made
//! SQLite format three times per row and Rust scan the text again. Stepping the statement here with
//! rusqlite (the same libsqlite3 build as sqlx's) and writing each value once is what brings
//! `devices list -o json` over a million devices close to `sqlite3 -json` (BENCHMARKS.md, figure 3).
//! Key order, escaping, time format and `idle_seconds` match the serde encoding of `DeviceView`
//! (tests/cli/device_listing_json.rs compares the two byte for byte).

use std::io::Write as _;

use sqlx::SqliteConnection;

use super::handle::{OnHandle, error};
use crate::store::devices::{DeviceListing, DevicesDialect, EachJson, page};
use crate::store::query::Arg;
use crate::store::{StoreError, StoreResult};

const LISTING: &str = "listing devices";

impl DevicesDialect for SqliteConnection {
    async fn list_json(&mut self, listing: DeviceListing<'_>) -> StoreResult<Option<String>> {
        let (sql, params) = page(listing)?;
        let now = listing.filter.now;
        let mut out = Vec::with_capacity(4096);
        out.push(b'[');
        let mut first = true;
        self.on_handle(LISTING, |conn| {
            each_row(conn, sql, &params, now, &mut |row| {
                if !first {
                    out.push(b',');
                }
                first = false;
                out.extend_from_slice(row.as_bytes());
                true
            })
        })
        .await?;
        out.push(b']');
        // Every piece is UTF-8: SQLite's text (checked by `as_str`), serde_json's escapes and ASCII.
        String::from_utf8(out)
            .map(Some)
            .map_err(|e| StoreError::database(format!("listing devices: {e}")))
    }

    async fn each_json(
        &mut self,
        listing: DeviceListing<'_>,
        each: &mut EachJson<'_>,
    ) -> StoreResult<Option<u64>> {
        let (sql, params) = page(listing)?;
        let now = listing.filter.now;
        let n = self.on_handle(LISTING, |conn| each_row(conn, sql, &params, now, each)).await?;
        Ok(Some(n))
    }
}

/// Runs `sql` (a listing page's statement: the columns of `COLUMNS` in order) and hands each row to
/// `each` as the JSON text of its device view, idle time and live check-outs as of `now`; returns how
/// many rows it handed over (it stops when `each` returns false).
pub(super) fn each_row(
    conn: &rusqlite::Connection,
    sql: &str,
    params: &[Arg<'_>],
    now: i64,
    each: &mut EachJson<'_>,
) -> rusqlite::Result<u64> {
    let mut stmt = conn.prepare(sql)?;
    // The statements number their parameters `$1`..`$N` as sqlx does; bind each by its name.
    for index in 1..=stmt.parameter_count() {
        let n = stmt
            .parameter_name(index)
            .and_then(|name| name.strip_prefix('$'))
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .ok_or(rusqlite::Error::InvalidParameterCount(index, params.len()))?;
        let arg =
            params.get(n).ok_or(rusqlite::Error::InvalidParameterCount(n + 1, params.len()))?;
        match *arg {
            Arg::Int(v) => stmt.raw_bind_parameter(index, v)?,
            Arg::Text(v) => stmt.raw_bind_parameter(index, v)?,
            Arg::Bytes(v) => stmt.raw_bind_parameter(index, v)?,
            Arg::Bool(v) => stmt.raw_bind_parameter(index, v)?,
        }
    }
    let mut rows = stmt.raw_query();
    let mut out = Vec::with_capacity(512);
    let mut n = 0;
    while let Some(row) = rows.next()? {
        out.clear();
        let last_seen: i64 = row.get(7)?;
        let checked_out: Option<i64> = row.get(9)?;
        out.extend_from_slice(b"{\"uuid\":");
        text(&mut out, row.get_ref(0)?.as_str()?);
        out.extend_from_slice(b",\"handshake\":");
        text(&mut out, row.get_ref(1)?.as_str()?);
        out.extend_from_slice(b",\"item\":");
        text(&mut out, row.get_ref(2)?.as_str()?);
        out.extend_from_slice(b",\"platform\":");
        text(&mut out, row.get_ref(3)?.as_str()?);
        out.extend_from_slice(b",\"domain\":");
        opt_text(&mut out, row.get_ref(4)?.as_str_or_null()?);
        out.extend_from_slice(b",\"name\":");
        opt_text(&mut out, row.get_ref(5)?.as_str_or_null()?);
        out.extend_from_slice(b",\"first_seen\":");
        time(&mut out, row.get(6)?);
        out.extend_from_slice(b",\"last_seen\":");
        time(&mut out, last_seen);
        out.extend_from_slice(b",\"idle_seconds\":");
        let idle = now.saturating_sub(last_seen).max(0);
        let _ = write!(out, "{idle}");
        out.extend_from_slice(b",\"expires_at\":");
        time(&mut out, row.get(8)?);
        out.extend_from_slice(b",\"checked_out_until\":");
        match checked_out.filter(|until| *until > now) {
            Some(until) => time(&mut out, until),
            None => out.extend_from_slice(b"null"),
        }
        out.push(b'}');
        // Every piece is UTF-8: SQLite's text (checked by `as_str`), serde_json's escapes and ASCII.
        let row = std::str::from_utf8(&out).map_err(|e| rusqlite::Error::Utf8Error(0, e))?;
        n += 1;
        if !each(row) {
            break;
        }
    }
    Ok(n)
}

/// A JSON string, escaped exactly as serde_json escapes it.
fn text(out: &mut Vec<u8>, s: &str) {
    // Writing into a Vec cannot fail, and a &str always serializes.
    let _ = serde_json::to_writer(&mut *out, s);
}

fn opt_text(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => text(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A time in seconds as `DeviceView` serializes it ("2026-11-22T08:03:00Z"; chrono's text outside the
/// years humantime covers).
fn time(out: &mut Vec<u8>, secs: i64) {
    if (0..253_402_300_800).contains(&secs) {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs as u64);
        let _ = write!(out, "\"{}\"", humantime::format_rfc3339_seconds(t));
    } else {
        let _ = serde_json::to_writer(&mut *out, &crate::clock::from_unix(secs));
    }
}

/// A rusqlite failure of a listing.
pub(super) fn sqlite(e: rusqlite::Error) -> StoreError {
    error(LISTING, e)
}

#[cfg(test)]
mod tests {
    use crate::store::SqliteStore;
    use crate::store::devices::{COUNT, DeviceFilter, DeviceState, filter_args};
    use crate::store::query::Conn;

    const PLAN: &str = const_format::concatcp!("EXPLAIN QUERY PLAN ", COUNT);

    /// Every filter a count (and so the dashboard's "N matching devices", `devices unregister`'s preview and
    /// its batches) applies is answered from `devices_last_seen` alone: before schema 12 each device's
    /// table row was read for the state and check-out filters (2-2.6 s on a 1M-device store).
    #[tokio::test]
    async fn filtered_counts_read_only_the_last_seen_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).await.unwrap();
        let mut conn = store.pool().acquire().await.unwrap();
        let filter = |state, checked_out| DeviceFilter {
            state,
            checked_out,
            now: 1_800_000_000,
            ..DeviceFilter::default()
        };
        let filters = [
            filter(DeviceState::All, None),
            filter(DeviceState::Active, None),
            filter(DeviceState::Expired, None),
            filter(DeviceState::All, Some(true)),
            DeviceFilter {
                handshake: Some("dev-000000001".into()),
                item: Some("ITEM".into()),
                ..filter(DeviceState::Active, Some(false))
            },
            DeviceFilter {
                last_seen_before: Some(1_700_000_000),
                ..filter(DeviceState::Active, Some(true))
            },
        ];
        for f in &filters {
            let plan: Vec<(i64, i64, i64, String)> =
                conn.fetch_all(PLAN, &filter_args(f)).await.unwrap();
            let plan: Vec<&str> = plan.iter().map(|r| r.3.as_str()).collect();
            assert!(
                plan.iter().any(|step| step.contains("COVERING INDEX devices_last_seen")),
                "filter {f:?}: the count reads the table: {plan:?}"
            );
        }
    }
}
