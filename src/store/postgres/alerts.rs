//! The alerts area on PostgreSQL: several instances drain one outbox, so the next due delivery is locked
//! with `FOR UPDATE SKIP LOCKED` (another instance's claim in progress is passed over, not waited for)
//! and leased in the same statement. The outer conditions are checked again on the row as it is once
//! locked, so a row another instance leased meanwhile is not taken twice.

use sqlx::PgConnection;

use crate::store::alerts::{AlertsDialect, outbox_columns};

impl AlertsDialect for PgConnection {
    const CLAIM: &'static str = concat!(
        "UPDATE alert_outbox SET lease_until = $2
     WHERE state = 'pending' AND (lease_until IS NULL OR lease_until <= $1)
       AND id = (SELECT id FROM alert_outbox WHERE state = 'pending' AND next_attempt_at <= $1
                 AND (lease_until IS NULL OR lease_until <= $1) ORDER BY next_attempt_at, id LIMIT 1
                 FOR UPDATE SKIP LOCKED)
     RETURNING ",
        outbox_columns!()
    );
}
