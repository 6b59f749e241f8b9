//! Statements that both dialects accept, written once. sqlx binds `$N` by number on SQLite as on
//! PostgreSQL, and `CAST(... AS BIGINT)` gives PostgreSQL's `SUM(bigint)` (a `numeric`) back as a 64-bit
//! integer on both (an overflowing sum is an error on both, never a wrapped number).

/// The highest concurrent-window peak of item `$1` on days from `$2` (a Unix day number) on.
pub(crate) const CONCURRENT_PEAK: &str = "SELECT CAST(COALESCE(MAX(peak), 0) AS BIGINT)
     FROM concurrent_peaks WHERE item_id = $1 AND day >= $2";
