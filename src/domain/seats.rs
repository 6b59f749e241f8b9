//! The rules of seating a device, without I/O: the vocabulary of a seat request and its outcome, when a
//! returning device keeps its seat without a write, and whom a concurrent window admits. The store
//! applies them inside its transactions ([`crate::store::SeatsStore`]); the device service applies
//! [`fresh_seat`] before it asks the store at all.

/// How room on an item is counted, with limits already including the overuse tolerance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    Devices(i64),
    Concurrent(i64),
    Units(i64),
    Unlimited,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatCandidate {
    pub item_id: String,
    /// The item's option (`per-scan`, ...): recorded in the device's grant, so late usage reports count
    /// the right unit even after the item is gone.
    pub option: String,
    pub room: Room,
    /// The seat's removal time if the device is seated (or refreshed) on this item now.
    pub seat_expires_at: i64,
    /// The expiry of the token the device is given on this item (its grant runs at least until then).
    pub token_expires_at: i64,
    /// The removal time instead of `seat_expires_at` while the device has not reported usage yet: set
    /// when the code's active time starts at first use (`handshake set --active-from first-use`), where
    /// a device provisioned ahead of time holds its seat until it is first used (or the item expires).
    pub unused_seat_expires_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRequest {
    pub handshake: String,
    pub uuid: String,
    pub platform: String,
    pub domain: Option<String>,
    pub name: Option<String>,
    pub now: i64,
    /// Start of the concurrent-device window: devices that reported usage after it count as active.
    pub window_start: i64,
    /// Items in consumption order, already filtered by the rules.
    pub candidates: Vec<SeatCandidate>,
    /// The caller already read the device's row with [`crate::store::SeatsStore::device_lookup`] and found that
    /// [`fresh_seat`] does not apply: the store skips its own look.
    pub fresh_checked: bool,
    /// An offline check-out (`devices checkout`): the seat is held by a file that cannot be recalled,
    /// until the chosen candidate's `token_expires_at`, and on a per-concurrent-device item the device
    /// stays in the window until then.
    pub checkout: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeatOutcome {
    Seated {
        item_id: String,
        expires_at: i64,
        new: bool,
    },
    /// No candidate has room.
    Full,
}

/// A device's row as the seat fast path reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRow {
    pub item_id: String,
    pub first_seen: i64,
    pub last_seen: i64,
    pub expires_at: i64,
    pub platform: String,
    pub domain: Option<String>,
    pub name: Option<String>,
}

/// A returning device whose seat was refreshed moments ago keeps it without a write: when its seat is live
/// on a candidate whose room is counted in devices (or unlimited), nothing about it changed, and the new
/// removal time would move, and its `last_seen` did move, by at most 1% of the refresh interval (and at
/// most a minute). Both stores answer such a request from a read, so a fleet of returning devices does
/// not queue on the writer; the price is that `last_seen` and the removal time lag by that much at most.
/// Concurrent and unit limits are checked on every request, so those candidates never take this path.
pub fn fresh_seat(row: &SeatRow, req: &SeatRequest) -> Option<SeatOutcome> {
    if row.expires_at <= req.now
        || row.platform != req.platform
        || req.domain.as_ref().is_some_and(|d| Some(d) != row.domain.as_ref())
        || req.name.as_ref().is_some_and(|n| Some(n) != row.name.as_ref())
    {
        return None;
    }
    let candidate = req.candidates.iter().find(|c| c.item_id == row.item_id)?;
    if !matches!(candidate.room, Room::Devices(_) | Room::Unlimited) {
        return None;
    }
    let slack = ((candidate.seat_expires_at - req.now) / 100).min(60);
    // Both: a seat capped at its item's expiry keeps the same removal time, but its `last_seen` must
    // still move, or an active device would look idle to `devices list --inactive-for`.
    let moves_by = candidate.seat_expires_at - row.expires_at;
    let seen_ago = req.now - row.last_seen;
    ((0..=slack).contains(&moves_by) && (0..=slack).contains(&seen_ago)).then(|| {
        SeatOutcome::Seated { item_id: row.item_id.clone(), expires_at: row.expires_at, new: false }
    })
}

/// Whether a concurrent window of `active` devices admits a device: one already in it while fewer than
/// `limit` entered before it; any other while the window has room.
pub(crate) fn window_admits(active: i64, in_window: bool, ahead: i64, limit: i64) -> bool {
    if in_window { ahead < limit } else { active < limit }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000;

    /// A row written `seen_ago` seconds before NOW with a seat of `interval` seconds.
    fn row(seen_ago: i64, interval: i64) -> SeatRow {
        SeatRow {
            item_id: "I1".into(),
            first_seen: NOW - seen_ago,
            last_seen: NOW - seen_ago,
            expires_at: NOW - seen_ago + interval,
            platform: "web".into(),
            domain: Some("example.com".into()),
            name: None,
        }
    }

    fn req(room: Room, seat_expires_at: i64) -> SeatRequest {
        SeatRequest {
            handshake: "APP".into(),
            uuid: "d".into(),
            platform: "web".into(),
            domain: Some("example.com".into()),
            name: None,
            now: NOW,
            window_start: NOW - 180,
            candidates: vec![
                SeatCandidate {
                    item_id: "I0".into(),
                    option: "per-device".into(),
                    room: Room::Devices(1),
                    seat_expires_at,
                    token_expires_at: seat_expires_at,
                    unused_seat_expires_at: None,
                },
                SeatCandidate {
                    item_id: "I1".into(),
                    option: "per-device".into(),
                    room,
                    seat_expires_at,
                    token_expires_at: seat_expires_at,
                    unused_seat_expires_at: None,
                },
            ],
            fresh_checked: false,
            checkout: false,
        }
    }

    #[test]
    fn a_seat_refreshed_moments_ago_is_kept_without_a_write() {
        let year = 366 * 86_400;
        let kept = |r: &SeatRow, q: &SeatRequest| fresh_seat(r, q);
        let seated =
            |exp| Some(SeatOutcome::Seated { item_id: "I1".into(), expires_at: exp, new: false });
        // Seen 30 s ago with a one-year interval: kept, with its stored removal time.
        let r = row(30, year);
        assert_eq!(kept(&r, &req(Room::Devices(5), NOW + year)), seated(r.expires_at));
        assert_eq!(kept(&r, &req(Room::Unlimited, NOW + year)), seated(r.expires_at));
        // Seen 61 s ago: the removal time would move by more than a minute.
        assert_eq!(kept(&row(61, year), &req(Room::Devices(5), NOW + year)), None);
        // A 3-minute interval allows 1.8 s: seen 1 s ago is kept, 2 s ago is written.
        assert!(kept(&row(1, 180), &req(Room::Devices(5), NOW + 180)).is_some());
        assert_eq!(kept(&row(2, 180), &req(Room::Devices(5), NOW + 180)), None);
        // A seat capped at its item's expiry: the removal time stays, but last_seen must move.
        let capped = |seen_ago: i64| SeatRow {
            last_seen: NOW - seen_ago,
            expires_at: NOW + 1_000,
            ..row(0, 0)
        };
        assert!(kept(&capped(5), &req(Room::Devices(5), NOW + 1_000)).is_some());
        assert_eq!(kept(&capped(120), &req(Room::Devices(5), NOW + 1_000)), None);
        // Concurrent and unit limits are checked on every request.
        assert_eq!(kept(&r, &req(Room::Concurrent(5), NOW + year)), None);
        assert_eq!(kept(&r, &req(Room::Units(5), NOW + year)), None);
        // A lapsed seat, another item, a shorter new interval, or changed details: written.
        assert_eq!(kept(&row(10, 10), &req(Room::Devices(5), NOW + 10)), None);
        let mut other = r.clone();
        other.item_id = "I9".into();
        assert_eq!(kept(&other, &req(Room::Devices(5), NOW + year)), None);
        assert_eq!(kept(&r, &req(Room::Devices(5), NOW + 86_400)), None);
        let mut q = req(Room::Devices(5), NOW + year);
        q.platform = "desktop".into();
        assert_eq!(kept(&r, &q), None);
        let mut q = req(Room::Devices(5), NOW + year);
        q.domain = Some("other.example".into());
        assert_eq!(kept(&r, &q), None);
        let mut q = req(Room::Devices(5), NOW + year);
        q.name = Some("till 3".into());
        assert_eq!(kept(&r, &q), None);
        let mut q = req(Room::Devices(5), NOW + year);
        q.domain = None;
        assert!(kept(&r, &q).is_some(), "no domain sent keeps the stored one");
    }

    #[test]
    fn the_window_admits_in_the_order_devices_entered() {
        assert!(window_admits(0, false, 0, 1), "an empty window");
        assert!(!window_admits(1, false, 0, 1), "full");
        assert!(window_admits(1, true, 0, 1), "the one inside keeps its place");
        // A burst left 3 devices in a window of 2: the third to enter is not renewed.
        assert!(window_admits(3, true, 1, 2));
        assert!(!window_admits(3, true, 2, 2));
        assert!(!window_admits(3, false, 0, 2));
    }
}
