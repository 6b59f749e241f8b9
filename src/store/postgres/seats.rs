//! The device path's statements that are PostgreSQL's own: a group's JSON input read with
//! `jsonb_array_elements`, seats counted from the `item_seats` counter of the (locked) items (in item
//! states too; kept by the triggers of schema 6), and reports inserted one by one.

use std::collections::HashMap;

use sqlx::PgConnection;

use const_format::concatcp;

use crate::store::StoreResult;
use crate::store::query::{Conn, args};
use crate::store::seat_group::{
    CURRENT_HEAD, CURRENT_TAIL, GroupSql, WRITE_GRANTS_HEAD, WRITE_GRANTS_TAIL, WRITE_SEATS_HEAD,
    WRITE_SEATS_TAIL,
};
use crate::store::seats::{SeatsDialect, UsageBatch};

/// A JSON array parameter as rows (`j.value` each element).
const ROWS: &str = "jsonb_array_elements(CAST($1 AS jsonb)) AS j(value)";

/// The items' rows are locked by the caller ([`crate::store::backend::Lock::Items`]), so the counts are
/// exact until the transaction ends; the group's devices' rows are locked as they are read, in key order.
const GROUP: GroupSql = GroupSql {
    current: concatcp!(
        CURRENT_HEAD,
        ROWS,
        CURRENT_TAIL,
        " ORDER BY d.handshake, d.uuid FOR UPDATE OF d"
    ),
    live: "SELECT j.value ->> 0,
       COALESCE((SELECT n FROM item_seats WHERE item_id = j.value ->> 0), 0)
       - (SELECT COUNT(*) FROM devices WHERE item_id = j.value ->> 0 AND expires_at <= $2)
     FROM jsonb_array_elements(CAST($1 AS jsonb)) AS j(value)",
    write_seats: concatcp!(WRITE_SEATS_HEAD, ROWS, WRITE_SEATS_TAIL),
    write_grants: concatcp!(WRITE_GRANTS_HEAD, ROWS, WRITE_GRANTS_TAIL),
};

const INSERT_REPORT: &str =
    "INSERT INTO usage_reports (id, handshake, uuid, item_id, at, received_at,
       scans, pages) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (handshake, uuid, id) DO NOTHING RETURNING rid";

const INSERT_COUNT: &str =
    "INSERT INTO usage_counts (report_id, kind, name, count) VALUES ($1, $2, $3, $4)";

impl SeatsDialect for PgConnection {
    const GROUP: &'static GroupSql = &GROUP;

    async fn insert_reports(
        &mut self,
        batch: &UsageBatch,
        totals: &HashMap<&str, (i64, i64)>,
    ) -> StoreResult<Vec<String>> {
        let mut inserted = Vec::with_capacity(batch.reports.len());
        for report in &batch.reports {
            let (scans, pages) = totals[report.id.as_str()];
            let row = args![
                &report.id,
                &batch.handshake,
                &batch.uuid,
                &report.item_id,
                report.at,
                batch.now,
                scans,
                pages
            ];
            let Some((rid,)) = self.fetch_optional::<(i64,)>(INSERT_REPORT, row).await? else {
                continue;
            };
            for (kind, counts) in [("scan", &report.scans), ("page", &report.pages)] {
                for (name, count) in counts {
                    self.execute(INSERT_COUNT, args![rid, kind, name, *count]).await?;
                }
            }
            inserted.push(report.id.clone());
        }
        Ok(inserted)
    }
}
