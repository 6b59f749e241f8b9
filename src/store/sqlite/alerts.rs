//! The alerts area on SQLite: one writer at a time, so the next due delivery is leased by one UPDATE
//! with nothing to skip.

use sqlx::SqliteConnection;

use crate::store::alerts::{AlertsDialect, outbox_columns};

impl AlertsDialect for SqliteConnection {
    const CLAIM: &'static str = concat!(
        "UPDATE alert_outbox SET lease_until = $2
     WHERE id = (SELECT id FROM alert_outbox WHERE state = 'pending' AND next_attempt_at <= $1
                 AND (lease_until IS NULL OR lease_until <= $1) ORDER BY next_attempt_at, id LIMIT 1)
     RETURNING ",
        outbox_columns!()
    );
}
