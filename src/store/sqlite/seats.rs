//! The device path's statements that are SQLite's own: a group's JSON input read with `json_each`, seats
//! counted from the `item_seats` counter (by the device path and in item states alike), and a batch of
//! usage reports inserted with a few multi-row statements whatever its size.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use const_format::concatcp;

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

    async fn insert_reports(
        &mut self,
        batch: &UsageBatch,
        totals: &HashMap<&str, (i64, i64)>,
    ) -> StoreResult<Vec<String>> {
        // Report ids are unique within a batch (validated), so the returned ids tell which were new.
        let mut inserted: HashMap<String, i64> = HashMap::with_capacity(batch.reports.len());
        for chunk in batch.reports.chunks(REPORTS_PER_STATEMENT) {
            let mut insert = QueryBuilder::<Sqlite>::new(
                "INSERT INTO usage_reports (id, handshake, uuid, item_id, at, received_at, scans, pages) ",
            );
            insert.push_values(chunk, |mut row, report| {
                let (scans, pages) = totals[report.id.as_str()];
                row.push_bind(&report.id)
                    .push_bind(&batch.handshake)
                    .push_bind(&batch.uuid)
                    .push_bind(&report.item_id)
                    .push_bind(report.at)
                    .push_bind(batch.now)
                    .push_bind(scans)
                    .push_bind(pages);
            });
            insert.push(" ON CONFLICT (handshake, uuid, id) DO NOTHING RETURNING id, rid");
            let rows: Vec<(String, i64)> = insert.build_query_as().fetch_all(&mut *self).await?;
            inserted.extend(rows);
        }
        let counts: Vec<(i64, &str, &String, i64)> = batch
            .reports
            .iter()
            .filter_map(|r| inserted.get(&r.id).map(|rid| (*rid, r)))
            .flat_map(|(rid, r)| {
                let scans = r.scans.iter().map(move |(n, c)| (rid, "scan", n, *c));
                let pages = r.pages.iter().map(move |(n, c)| (rid, "page", n, *c));
                scans.chain(pages)
            })
            .collect();
        for chunk in counts.chunks(COUNTS_PER_STATEMENT) {
            let mut insert = QueryBuilder::<Sqlite>::new(
                "INSERT INTO usage_counts (report_id, kind, name, count) ",
            );
            insert.push_values(chunk, |mut row, (rid, kind, name, count)| {
                row.push_bind(*rid).push_bind(*kind).push_bind(*name).push_bind(*count);
            });
            insert.build().execute(&mut *self).await?;
        }
        Ok(inserted.into_keys().collect())
    }
}
