//! The device path's statements that are PostgreSQL's own: seats counted from the (locked) item's
//! devices (in item states too), and reports inserted one by one.

use std::collections::HashMap;

use sqlx::PgConnection;

use crate::store::StoreResult;
use crate::store::items::{COUNTED_SEATS, ItemsDialect, StateSql};
use crate::store::query::{Conn, args};
use crate::store::seats::{SeatsDialect, UsageBatch};

/// The item's row is locked by the caller ([`crate::store::backend::Lock::Items`]), so the count is
/// exact until the transaction ends.
const SEATED: &str = "SELECT COUNT(*) FROM devices WHERE item_id = $1 AND expires_at > $2
       AND NOT (handshake = $3 AND uuid = $4)";

const INSERT_REPORT: &str =
    "INSERT INTO usage_reports (id, handshake, uuid, item_id, at, received_at,
       scans, pages) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (handshake, uuid, id) DO NOTHING RETURNING rid";

const INSERT_COUNT: &str =
    "INSERT INTO usage_counts (report_id, kind, name, count) VALUES ($1, $2, $3, $4)";

/// Item states count live seats row by row too.
impl ItemsDialect for PgConnection {
    const STATE: &'static StateSql = &COUNTED_SEATS;
}

impl SeatsDialect for PgConnection {
    async fn seated(
        &mut self,
        item_id: &str,
        now: i64,
        handshake: &str,
        uuid: &str,
    ) -> StoreResult<i64> {
        self.scalar(SEATED, args![item_id, now, handshake, uuid])
            .await
    }

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
                    self.execute(INSERT_COUNT, args![rid, kind, name, *count])
                        .await?;
                }
            }
            inserted.push(report.id.clone());
        }
        Ok(inserted)
    }
}
