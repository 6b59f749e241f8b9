//! What both backends decide the same way about seats, grants and usage batches, written once.

use std::collections::BTreeMap;

use super::{GrantRow, StoreResult, UsageReportRow, usage_overflow};

/// Whether a concurrent window of `active` devices admits a device: one already in it while fewer than
/// `limit` entered before it; any other while the window has room.
pub(crate) fn window_admits(active: i64, in_window: bool, ahead: i64, limit: i64) -> bool {
    if in_window {
        ahead < limit
    } else {
        active < limit
    }
}

/// Grants that ran out before this are pruned by a sweep at `now`.
pub(crate) fn grants_ran_out_before(now: i64) -> i64 {
    let window = crate::domain::usage::LATE_UPLOAD_WINDOW.as_secs() as i64;
    now.saturating_sub(window)
}

pub(crate) fn grant_row(
    (item_id, option, granted_from, granted_until): (String, String, i64, i64),
) -> GrantRow {
    GrantRow {
        item_id,
        option,
        granted_from,
        granted_until,
    }
}

/// The units each item consumes from these (newly recorded) reports, by item id; `totals` gives a
/// report's (scans, pages). Checked sums: an overflow refuses the batch.
pub(crate) fn units_per_item<'a>(
    reports: impl Iterator<Item = &'a UsageReportRow>,
    totals: impl Fn(&UsageReportRow) -> (i64, i64),
) -> StoreResult<BTreeMap<&'a str, i64>> {
    let mut units: BTreeMap<&str, i64> = BTreeMap::new();
    for r in reports {
        let (scans, pages) = totals(r);
        let n = match r.unit_kind {
            Some("scan") => scans,
            Some("page") => pages,
            _ => 0,
        };
        if n == 0 {
            continue;
        }
        let sum = units.entry(r.item_id.as_str()).or_insert(0);
        *sum = sum.checked_add(n).ok_or_else(usage_overflow)?;
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_admits_in_the_order_devices_entered() {
        assert!(window_admits(0, false, 0, 1), "an empty window");
        assert!(!window_admits(1, false, 0, 1), "full");
        assert!(
            window_admits(1, true, 0, 1),
            "the one inside keeps its place"
        );
        // A burst left 3 devices in a window of 2: the third to enter is not renewed.
        assert!(window_admits(3, true, 1, 2));
        assert!(!window_admits(3, true, 2, 2));
        assert!(!window_admits(3, false, 0, 2));
    }
}
