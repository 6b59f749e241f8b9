//! Device listings that SQLite builds itself: a whole page as one JSON array of the devices' admin views
//! (`DeviceView`), so one text value per page crosses into Rust instead of nine values per row, and
//! nothing is decoded and re-encoded (`devices list -o json` over a million devices runs at the speed of
//! `sqlite3 -json`). Key order, time format and `idle_seconds` match the serde encoding (a test compares
//! the two byte for byte). `datetime()` is used rather than `strftime()`, which costs ten times as much.

use const_format::concatcp;
use sqlx::SqliteConnection;

use crate::store::StoreResult;
use crate::store::devices::{
    BY_FIRST_SEEN, BY_LAST_SEEN, BY_UUID, DeviceCursor, DeviceFilter, DeviceSort, DevicesDialect,
    page,
};
use crate::store::query::{Arg, Conn};

/// Wraps a page (`FROM (page)`) into one JSON array in the page's order. `$11` is now, for the idle time
/// and whether a check-out is live; `$12` the sort key: 0 last seen, 1 first seen, 2 UUID.
const JSON_ARRAY_OF: &str =
    "SELECT '[' || COALESCE(group_concat(json_object('uuid', uuid, 'handshake', handshake,
        'item', item_id, 'platform', platform, 'domain', domain, 'name', name,
        'first_seen', replace(datetime(first_seen, 'unixepoch'), ' ', 'T') || 'Z',
        'last_seen', replace(datetime(last_seen, 'unixepoch'), ' ', 'T') || 'Z',
        'idle_seconds', MAX(0, $11 - last_seen),
        'expires_at', replace(datetime(expires_at, 'unixepoch'), ' ', 'T') || 'Z',
        'checked_out_until', CASE WHEN checked_out_until > $11
          THEN replace(datetime(checked_out_until, 'unixepoch'), ' ', 'T') || 'Z' END), ','
      ORDER BY CASE $12 WHEN 0 THEN last_seen WHEN 1 THEN first_seen ELSE uuid END,
               handshake, CASE $12 WHEN 2 THEN '' ELSE uuid END), '') || ']'
    FROM (";

const JSON_BY_LAST_SEEN: &str = concatcp!(JSON_ARRAY_OF, BY_LAST_SEEN, ")");
const JSON_BY_FIRST_SEEN: &str = concatcp!(JSON_ARRAY_OF, BY_FIRST_SEEN, ")");
const JSON_BY_UUID: &str = concatcp!(JSON_ARRAY_OF, BY_UUID, ")");

impl DevicesDialect for SqliteConnection {
    async fn list_json(
        &mut self,
        filter: &DeviceFilter,
        sort: DeviceSort,
        after: Option<&DeviceCursor>,
        limit: i64,
    ) -> StoreResult<Option<String>> {
        let (_, mut params) = page(filter, sort, after, limit)?;
        // The wrapper's own parameters come after the page's ($1-$10, $1-$9 by UUID).
        params.resize(10, Arg::Int(None));
        let (sql, sort_code) = match sort {
            DeviceSort::LastSeen => (JSON_BY_LAST_SEEN, 0),
            DeviceSort::FirstSeen => (JSON_BY_FIRST_SEEN, 1),
            DeviceSort::Uuid => (JSON_BY_UUID, 2),
        };
        params.push(Arg::from(filter.now));
        params.push(Arg::from(sort_code));
        Ok(Some(self.scalar(sql, &params).await?))
    }
}
