//! How many rows a bulk deletion removes per transaction. Bulk unregistering and the sweeper delete in a
//! series of short transactions rather than one long one, so the writes of a running server get in
//! between: each is sized to take about [`Pace::target`] at the pace of the one before.

use std::time::Duration;

/// The sizing of a series of bulk-deletion transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// Rows in the first transaction.
    pub first: u32,
    /// The smallest and largest transaction.
    pub min: u32,
    pub max: u32,
    /// How long each transaction should take.
    pub target: Duration,
}

impl Pace {
    /// Bulk unregistering: 5,000 rows first, then about 250 ms each, short enough for a running
    /// server's writes to get in between, large enough not to rewrite the same index pages batch after
    /// batch (small batches cost twice the raw DELETE).
    pub const BULK: Pace =
        Pace { first: 5_000, min: 1_000, max: 100_000, target: Duration::from_millis(250) };

    /// The sweeper: the same pacing, aiming lower. It runs unattended inside the server, and one batch
    /// can take half as long again as the one before (a WAL checkpoint lands in it), so batches aimed at
    /// 150 ms stay under 250 ms; it starts small because the first batch has no pace to go by. Measured
    /// on 121,456 lapsed seats of a million-device store: 37 batches, the longest 250 ms, in about the
    /// time batches aimed at 250 ms took (those ran up to 500 ms).
    pub const SWEEP: Pace =
        Pace { first: 1_000, min: 500, max: 100_000, target: Duration::from_millis(150) };

    /// Always `n` rows (at least 1), whatever each transaction takes.
    pub const fn fixed(n: u32) -> Pace {
        let n = if n == 0 { 1 } else { n };
        Pace { first: n, min: n, max: n, target: Duration::ZERO }
    }

    /// The next transaction's size, so that it takes about [`Self::target`] if this one's pace holds;
    /// it moves by at most 4x per step, within [`Self::min`] and [`Self::max`].
    pub fn next(&self, batch: u32, took: Duration) -> u32 {
        let scale = self.target.as_secs_f64() / took.as_secs_f64().max(1e-6);
        let next = f64::from(batch) * scale.clamp(0.25, 4.0);
        next.clamp(f64::from(self.min), f64::from(self.max)) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_batches_grow_when_fast_and_shrink_when_slow() {
        let p = Pace::BULK;
        assert_eq!(p.next(5_000, Duration::from_millis(10)), 20_000);
        assert_eq!(p.next(5_000, Duration::from_millis(125)), 10_000);
        assert_eq!(p.next(5_000, Duration::from_millis(250)), 5_000);
        assert_eq!(p.next(40_000, Duration::from_secs(2)), 10_000);
        assert_eq!(p.next(80_000, Duration::ZERO), p.max);
        assert_eq!(p.next(2_000, Duration::from_secs(60)), 1_000);
    }

    #[test]
    fn sweep_batches_aim_below_250_ms() {
        let p = Pace::SWEEP;
        assert_eq!(p.next(p.first, Duration::from_millis(30)), 4_000);
        assert_eq!(p.next(4_000, Duration::from_millis(250)), 2_400);
        assert_eq!(p.next(600, Duration::from_secs(1)), p.min);
    }

    #[test]
    fn a_fixed_pace_never_moves() {
        let p = Pace::fixed(3);
        assert_eq!(p.first, 3);
        assert_eq!(p.next(3, Duration::ZERO), 3);
        assert_eq!(p.next(3, Duration::from_secs(60)), 3);
        assert_eq!(Pace::fixed(0).next(1, Duration::ZERO), 1, "at least one row");
    }
}
