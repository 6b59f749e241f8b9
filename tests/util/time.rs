//! Times for documents, requests and assertions, to the second: the store keeps Unix seconds, so a
//! sub-second time would blur comparisons.

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use serde_json::Value;

/// `n` days.
pub fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

/// Now, to the second.
pub fn now_secs() -> DateTime<Utc> {
    DateTime::from_timestamp(Utc::now().timestamp(), 0).expect("now")
}

/// Now plus `days` (negative: in the past), to the second.
pub fn days_from_now(days: i64) -> DateTime<Utc> {
    let now = Utc::now() + TimeDelta::days(days);
    DateTime::from_timestamp(now.timestamp(), 0).expect("timestamp")
}

/// RFC 3339 in whole seconds with `Z`, as license documents and the device API write times.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses an RFC 3339 time from a JSON field.
#[track_caller]
pub fn time_of(v: &Value) -> DateTime<Utc> {
    let s = v.as_str().unwrap_or_else(|| panic!("not a time string: {v}"));
    DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{s}: {e}")).with_timezone(&Utc)
}
