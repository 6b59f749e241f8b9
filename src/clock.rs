//! Time as a dependency: the rules never read the system clock themselves, so tests can pin "now".

use std::sync::Mutex;

use chrono::{DateTime, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until moved: for tests of expiry, refresh intervals and sweeps.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        ManualClock(Mutex::new(at))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = at;
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Unix seconds, the store's representation of time.
pub fn to_unix(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

/// From the store's Unix seconds; out-of-range values (a corrupt row) clamp to the epoch.
pub fn from_unix(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

/// Unix seconds as RFC 3339 to the second ("2026-11-22T08:03:00Z"), for messages.
pub fn rfc3339(secs: i64) -> String {
    to_rfc3339(&from_unix(secs))
}

/// A moment as RFC 3339 in UTC to the second, the one way the JSON output, CSV cells and messages that
/// scripts read write times.
pub fn to_rfc3339(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
