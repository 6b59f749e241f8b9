//! The device path's statements that are SQLite's own: a group's JSON input read with `json_each`, seats
//! counted from the `item_seats` counter (by the device path and in item states alike), and a batch of
//! usage reports inserted with a few multi-row statements whatever its size.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use const_format::concatcp;

use super::handle::OnHandle;
use crate::store::StoreResult;
use crate::store::seat_group::{
    CURRENT_HEAD, CURRENT_TAIL, GroupSql, WRITE_GRANTS_HEAD, WRITE_GRANTS_TAIL, WRITE_SEATS_HEAD,
    WRITE_SEATS_TAIL,
};
use crate::store::seats::{SeatsDialect, UsageBatch};

/// 8 bound values per report and 4 per count: far below SQLite's limit of 32,766 per statement.
const REPORTS_PER_STATEMENT: usize = 500;
const COUNTS_PER_STATEMENT: usize = 2_000;

/// A JSON array parameter as rows (`j.value` each element).
const ROWS: &str = "json_each($1) AS j";

/// `item_seats` counts every row (kept by triggers); rows past their removal time that the sweeper has
/// not deleted yet are a short range of `devices_item`, subtracted.
const GROUP: GroupSql = GroupSql {
    current: concatcp!(CURRENT_HEAD, ROWS, CURRENT_TAIL),
    live: "SELECT j.value ->> 0,
       COALESCE((SELECT n FROM item_seats WHERE item_id = j.value ->> 0), 0)
       - (SELECT COUNT(*) FROM devices WHERE item_id = j.value ->> 0 AND expires_at <= $2)
     FROM json_each($1) AS j",
    write_seats: concatcp!(WRITE_SEATS_HEAD, ROWS, WRITE_SEATS_TAIL),
    write_grants: concatcp!(WRITE_GRANTS_HEAD, ROWS, WRITE_GRANTS_TAIL),
};

impl SeatsDialect for SqliteConnection {
    const GROUP: &'static GroupSql = &GROUP;

    /// Run with rusqlite on the writer's connection (see `handle.rs`): one hand-off for the batch, its
    /// values bound straight from the batch instead of encoded into sqlx's arguments first. A
    /// statement per report was tried and costs more: each statement opens its own statement journal
    /// and writes the pages it changes there again (BENCHMARKS.md, figure 2).
    async fn insert_reports(
        &mut self,
        batch: &UsageBatch,
        totals: &HashMap<&str, (i64, i64)>,
    ) -> StoreResult<Vec<String>> {
        self.on_handle("recording usage", |conn| insert_reports(conn, batch, totals)).await
    }
}

/// Inserts the batch's reports that are new, and their counts; returns the new reports' ids (report ids
/// are unique within a batch, validated, so the returned ids tell which were new). The statements'
/// texts depend on the batch's size, and a connection borrowed from sqlx keeps no rusqlite statement
/// cache, so each batch prepares its two or three statements; measured cheaper than sqlx's path anyway.
fn insert_reports(
    conn: &rusqlite::Connection,
    batch: &UsageBatch,
    totals: &HashMap<&str, (i64, i64)>,
) -> rusqlite::Result<Vec<String>> {
    let mut inserted: HashMap<String, i64> = HashMap::with_capacity(batch.reports.len());
    for chunk in batch.reports.chunks(REPORTS_PER_STATEMENT) {
        let sql = multi_row(
            "INSERT INTO usage_reports (id, handshake, uuid, item_id, at, received_at, scans, pages) VALUES ",
            "(?,?,?,?,?,?,?,?)",
            chunk.len(),
            " ON CONFLICT (handshake, uuid, id) DO NOTHING RETURNING id, rid",
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut p = 1;
        for r in chunk {
            let (scans, pages) = totals[r.id.as_str()];
            stmt.raw_bind_parameter(p, &r.id)?;
            stmt.raw_bind_parameter(p + 1, &batch.handshake)?;
            stmt.raw_bind_parameter(p + 2, &batch.uuid)?;
            stmt.raw_bind_parameter(p + 3, &r.item_id)?;
            stmt.raw_bind_parameter(p + 4, r.at)?;
            stmt.raw_bind_parameter(p + 5, batch.now)?;
            stmt.raw_bind_parameter(p + 6, scans)?;
            stmt.raw_bind_parameter(p + 7, pages)?;
            p += 8;
        }
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next()? {
            inserted.insert(row.get(0)?, row.get(1)?);
        }
    }
    let counts: Vec<_> = batch.new_counts(|id| inserted.get(id).copied()).collect();
    for chunk in counts.chunks(COUNTS_PER_STATEMENT) {
        let sql = multi_row(
            "INSERT INTO usage_counts (report_id, kind, name, count) VALUES ",
            "(?,?,?,?)",
            chunk.len(),
            "",
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut p = 1;
        for (rid, kind, name, n) in chunk {
            stmt.raw_bind_parameter(p, rid)?;
            stmt.raw_bind_parameter(p + 1, kind)?;
            stmt.raw_bind_parameter(p + 2, name)?;
            stmt.raw_bind_parameter(p + 3, n)?;
            p += 4;
        }
        stmt.raw_execute()?;
    }
    Ok(inserted.into_keys().collect())
}

/// `head`, then `row` `n` times separated by commas, then `tail`: one statement inserting `n` rows.
fn multi_row(head: &str, row: &str, n: usize, tail: &str) -> String {
    let mut sql = String::with_capacity(head.len() + n * (row.len() + 1) + tail.len());
    sql.push_str(head);
    for i in 0..n {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str(row);
    }
    sql.push_str(tail);
    sql
}

#[cfg(test)]
mod tests {
    use super::multi_row;

    #[test]
    fn multi_row_separates_rows_with_commas_only_between_them() {
        assert_eq!(
            multi_row("INSERT INTO t VALUES ", "(?,?)", 1, ""),
            "INSERT INTO t VALUES (?,?)"
        );
        assert_eq!(
            multi_row("INSERT INTO t VALUES ", "(?)", 3, " RETURNING id"),
            "INSERT INTO t VALUES (?),(?),(?) RETURNING id"
        );
    }
}
