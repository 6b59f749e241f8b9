//! The device path's statements that are PostgreSQL's own: a group's JSON input read with
//! `jsonb_array_elements`, seats counted from the `item_seats` counter of the (locked) items (in item
//! states too; kept by the triggers of schema 6), and a batch of usage reports inserted with two
//! statements whatever its size (columns bound as arrays, read back with `UNNEST`).

use std::collections::HashMap;

use sqlx::PgConnection;

use const_format::concatcp;

use crate::store::StoreResult;
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

/// A batch's reports in one statement: each column bound as an array and read back as rows with
/// `UNNEST` (the batch's code, device and receipt time are the same for all). Returns the reports that
/// were new, with their row ids.
const INSERT_REPORTS: &str =
    "INSERT INTO usage_reports (id, handshake, uuid, item_id, at, received_at, scans, pages)
     SELECT r.id, $1, $2, r.item_id, r.at, $3, r.scans, r.pages
     FROM UNNEST(CAST($4 AS text[]), CAST($5 AS text[]), CAST($6 AS bigint[]), CAST($7 AS bigint[]),
                 CAST($8 AS bigint[])) AS r(id, item_id, at, scans, pages)
     ON CONFLICT (handshake, uuid, id) DO NOTHING RETURNING id, rid";

/// The new reports' counts in one statement, the same way.
const INSERT_COUNTS: &str = "INSERT INTO usage_counts (report_id, kind, name, count)
     SELECT * FROM UNNEST(CAST($1 AS bigint[]), CAST($2 AS text[]), CAST($3 AS text[]),
                          CAST($4 AS bigint[]))";

impl SeatsDialect for PgConnection {
    const GROUP: &'static GroupSql = &GROUP;

    async fn insert_reports(
        &mut self,
        batch: &UsageBatch,
        totals: &HashMap<&str, (i64, i64)>,
    ) -> StoreResult<Vec<String>> {
        let n = batch.reports.len();
        let (mut ids, mut items, mut ats) =
            (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut scans, mut pages) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for r in &batch.reports {
            let (s, p) = totals[r.id.as_str()];
            ids.push(r.id.as_str());
            items.push(r.item_id.as_str());
            ats.push(r.at);
            scans.push(s);
            pages.push(p);
        }
        let inserted: Vec<(String, i64)> = sqlx::query_as(INSERT_REPORTS)
            .bind(&batch.handshake)
            .bind(&batch.uuid)
            .bind(batch.now)
            .bind(&ids)
            .bind(&items)
            .bind(&ats)
            .bind(&scans)
            .bind(&pages)
            .fetch_all(&mut *self)
            .await?;
        let rid_of: HashMap<&str, i64> =
            inserted.iter().map(|(id, rid)| (id.as_str(), *rid)).collect();
        let (mut rids, mut kinds, mut names, mut counts) = (vec![], vec![], vec![], vec![]);
        for (rid, kind, name, count) in batch.new_counts(|id| rid_of.get(id).copied()) {
            rids.push(rid);
            kinds.push(kind);
            names.push(name);
            counts.push(count);
        }
        if !rids.is_empty() {
            sqlx::query(INSERT_COUNTS)
                .bind(&rids)
                .bind(&kinds)
                .bind(&names)
                .bind(&counts)
                .execute(&mut *self)
                .await?;
        }
        Ok(inserted.into_iter().map(|(id, _)| id).collect())
    }
}
