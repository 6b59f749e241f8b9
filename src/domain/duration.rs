//! Durations as operators write them (`90d`, `24h`, `3m`, `1d12h`) and as tables show them.
//!
//! Months and years are refused on input: a "month" is 28 to 31 days and a "year" 365 or 366,
//! and humantime silently picks 30.44 and 365.25 days, which would put a refresh or an expiry
//! hours away from what the operator meant. Days are unambiguous, so we ask for days.

use std::time::Duration;

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
/// Only for `humanize`: an idle column wants a rough figure, and 365 days reads as a year.
const YEAR: u64 = 365 * DAY;

/// Shortest duration `parse_bounded` accepts: anything shorter would have clients hammering the server.
pub const MIN_BOUNDED: Duration = Duration::from_secs(MINUTE);
/// Longest duration `parse_bounded` accepts: ten years is beyond any license term we sell.
pub const MAX_BOUNDED: Duration = Duration::from_secs(3650 * DAY);

const EXAMPLES: &str = "e.g. 90d, 24h, 3m or 1d12h";

/// Why a duration was refused. Every message quotes the input and says how to write it instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error("empty duration; write a number followed by a unit (s, m, h, d or w), {EXAMPLES}")]
    Empty,
    #[error("duration {input:?} is negative; durations count forward, write e.g. 5d")]
    Negative { input: String },
    #[error("duration {input:?} is zero; give a positive duration, {EXAMPLES}")]
    Zero { input: String },
    #[error(
        "duration {input:?} uses {unit:?}, and months and years vary in length; \
         use days, e.g. 365d for a year or 30d for a month"
    )]
    CalendarUnit { input: String, unit: String },
    #[error(
        "duration {input:?} uses {unit:?}; nothing here is finer than a second, use s, m, h, d or w, {EXAMPLES}"
    )]
    SubSecond { input: String, unit: String },
    #[error(
        "duration {input:?} is not a whole number of seconds; give whole seconds, e.g. 90s or 2m"
    )]
    Fractional { input: String },
    #[error(
        "duration {input:?} is too large to represent; give at most a few thousand days, e.g. 3650d"
    )]
    Overflow { input: String },
    #[error(
        "invalid duration {input:?}: {reason}; write a number followed by s, m, h, d or w, {EXAMPLES}"
    )]
    Invalid { input: String, reason: String },
    #[error("{what} {input:?} is below the minimum of 1m; give a value between 1m and 3650d")]
    TooShort { input: String, what: &'static str },
    #[error(
        "{what} {input:?} is above the maximum of 3650d (10 years); give a value between 1m and 3650d"
    )]
    TooLong { input: String, what: &'static str },
}

const CALENDAR_UNITS: &[&str] = &["M", "month", "months", "y", "yr", "yrs", "year", "years"];
const SUB_SECOND_UNITS: &[&str] =
    &["ns", "nsec", "nanos", "us", "usec", "µs", "ms", "msec", "millis"];
const ACCEPTED_UNITS: &[&str] = &[
    "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr",
    "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "wks", "week", "weeks",
];

/// Parses an operator-written duration; see the module docs for why months and years are refused.
pub fn parse_duration(s: &str) -> Result<Duration, DurationError> {
    let input = s.trim();
    if input.is_empty() {
        return Err(DurationError::Empty);
    }
    let owned = || input.to_string();
    if input.starts_with('-') {
        return Err(DurationError::Negative { input: owned() });
    }
    // Screen the unit words ourselves first: humantime would accept months and years, and its
    // own error text advertises them as supported.
    for unit in input.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        if CALENDAR_UNITS.contains(&unit) {
            return Err(DurationError::CalendarUnit { input: owned(), unit: unit.to_string() });
        }
        if SUB_SECOND_UNITS.contains(&unit) {
            return Err(DurationError::SubSecond { input: owned(), unit: unit.to_string() });
        }
    }
    let d = humantime::parse_duration(input).map_err(|e| translate(input, e))?;
    if d.subsec_nanos() != 0 {
        return Err(DurationError::Fractional { input: owned() });
    }
    if d.is_zero() {
        return Err(DurationError::Zero { input: owned() });
    }
    Ok(d)
}

fn translate(input: &str, e: humantime::DurationError) -> DurationError {
    use humantime::DurationError as H;
    let reason = match e {
        H::Empty => return DurationError::Empty,
        H::NumberOverflow => {
            return DurationError::Overflow { input: input.to_string() };
        }
        H::InvalidCharacter(at) => format!("unexpected character at position {at}"),
        H::NumberExpected(at) => format!("expected a number at position {at}"),
        H::UnknownUnit { unit, value, .. } if unit.is_empty() => {
            format!("{value} has no unit")
        }
        H::UnknownUnit { unit, .. } => {
            let lower = unit.to_lowercase();
            if ACCEPTED_UNITS.contains(&lower.as_str()) {
                format!("unit {unit:?} must be lower-case ({lower:?})")
            } else {
                format!("unknown unit {unit:?}")
            }
        }
    };
    DurationError::Invalid { input: input.to_string(), reason }
}

/// Like [`parse_duration`], but confined to 1 minute ..= 3650 days, because settings such as the
/// refresh interval or offline grace are nonsense (or a denial of service) outside that range.
pub fn parse_bounded(s: &str, what: &'static str) -> Result<Duration, DurationError> {
    let d = parse_duration(s)?;
    let input = || s.trim().to_string();
    if d < MIN_BOUNDED {
        return Err(DurationError::TooShort { input: input(), what });
    }
    if d > MAX_BOUNDED {
        return Err(DurationError::TooLong { input: input(), what });
    }
    Ok(d)
}

/// The form we store and print, chosen so that [`parse_duration`] reads it back exactly.
///
/// Weeks are never emitted: operators think of license periods in days (`90d`, `366d`), and
/// `13w` would hide that. Sub-second parts are dropped, since nothing here is finer than a second.
pub fn format_duration(d: Duration) -> String {
    let mut secs = d.as_secs();
    if secs == 0 {
        return "0s".to_string();
    }
    let mut out = String::new();
    for (size, unit) in [(DAY, 'd'), (HOUR, 'h'), (MINUTE, 'm'), (1, 's')] {
        let n = secs / size;
        secs %= size;
        if n > 0 {
            out.push_str(&n.to_string());
            out.push(unit);
        }
    }
    out
}

/// A rough age for "idle" columns: the two most significant units, because nobody reading a
/// table cares that a device was last seen 45 days, 3 hours and 12 seconds ago.
pub fn humanize(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < MINUTE {
        return "just now".to_string();
    }
    let parts = [
        (secs / YEAR, "y"),
        (secs % YEAR / DAY, "d"),
        (secs % DAY / HOUR, "h"),
        (secs % HOUR / MINUTE, "m"),
    ];
    let first = parts.iter().position(|(n, _)| *n > 0).expect("at least one minute");
    let mut out = format!("{}{}", parts[first].0, parts[first].1);
    if let Some((n, unit)) = parts.get(first + 1).filter(|(n, _)| *n > 0) {
        out.push_str(&format!(" {n}{unit}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn parses_the_units_we_use() {
        let cases = [
            ("90d", 90 * DAY),
            ("24h", 24 * HOUR),
            ("3m", 3 * MINUTE),
            ("366d", 366 * DAY),
            ("45s", 45),
            ("2w", 14 * DAY),
            ("1d12h", DAY + 12 * HOUR),
            ("1d 12h 30m", DAY + 12 * HOUR + 30 * MINUTE),
            ("  7d ", 7 * DAY),
            ("2 hours", 2 * HOUR),
            ("3days", 3 * DAY),
            ("1.5h", 90 * MINUTE),
        ];
        for (input, want) in cases {
            assert_eq!(parse_duration(input), Ok(secs(want)), "{input}");
        }
    }

    #[test]
    fn refuses_calendar_units_and_suggests_days() {
        for input in ["1M", "3months", "1y", "2years", "1year", "1d1M", "5yrs"] {
            let err = parse_duration(input).unwrap_err();
            assert!(matches!(err, DurationError::CalendarUnit { .. }), "{input}: {err:?}");
            let msg = err.to_string();
            assert!(msg.contains("use days, e.g. 365d"), "{msg}");
            assert!(msg.contains(&format!("{input:?}")), "{msg}");
        }
    }

    #[test]
    fn refuses_empty_negative_zero_and_junk() {
        assert_eq!(parse_duration(""), Err(DurationError::Empty));
        assert_eq!(parse_duration("   "), Err(DurationError::Empty));
        assert!(matches!(parse_duration("-5d"), Err(DurationError::Negative { .. })));
        for zero in ["0", "0s", "0d", "0m 0s"] {
            assert!(matches!(parse_duration(zero), Err(DurationError::Zero { .. })), "{zero}");
        }
        for junk in ["90", "5x", "d", "abc", "1.5s", "10ms", "1e3s", "5D", "24H"] {
            let err = parse_duration(junk).unwrap_err();
            let msg = err.to_string();
            assert!(msg.contains(&format!("{junk:?}")), "{msg}");
            assert!(msg.contains("e.g."), "{msg}");
        }
        assert!(parse_duration("5D").unwrap_err().to_string().contains("lower-case"));
        assert!(matches!(
            parse_duration("99999999999999999999d"),
            Err(DurationError::Overflow { .. })
        ));
    }

    #[test]
    fn bounded_names_what_and_the_limits() {
        assert_eq!(parse_bounded("1m", "refresh interval"), Ok(secs(MINUTE)));
        assert_eq!(parse_bounded("3650d", "offline grace"), Ok(secs(3650 * DAY)));
        let short = parse_bounded("59s", "refresh interval").unwrap_err();
        assert!(matches!(short, DurationError::TooShort { .. }));
        let msg = short.to_string();
        assert!(msg.starts_with("refresh interval \"59s\""), "{msg}");
        assert!(msg.contains("1m") && msg.contains("3650d"), "{msg}");
        let long = parse_bounded("3651d", "offline grace").unwrap_err();
        assert!(matches!(long, DurationError::TooLong { .. }));
        assert!(long.to_string().starts_with("offline grace \"3651d\""));
        assert!(matches!(
            parse_bounded("1y", "offline grace"),
            Err(DurationError::CalendarUnit { .. })
        ));
    }

    #[test]
    fn formats_the_largest_exact_units() {
        let cases = [
            (0, "0s"),
            (1, "1s"),
            (180, "3m"),
            (3600, "1h"),
            (86_400, "1d"),
            (90_000, "1d1h"),
            (90 * DAY, "90d"),
            (366 * DAY, "366d"),
            (DAY + 1, "1d1s"),
            (DAY + HOUR + MINUTE + 1, "1d1h1m1s"),
        ];
        for (n, want) in cases {
            assert_eq!(format_duration(secs(n)), want, "{n}");
        }
        assert_eq!(format_duration(Duration::from_millis(1500)), "1s");
    }

    #[test]
    fn format_round_trips_through_parse() {
        // Deterministic xorshift so the test needs no extra crate and never flakes.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut values: Vec<u64> = vec![1, 59, 60, 61, 3599, 3600, DAY - 1, DAY, 3650 * DAY];
        for _ in 0..5000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Mix small and large magnitudes up to ~35 000 years.
            let bits = 8 + (x % 33);
            values.push(1 + (x >> 20) % (1u64 << bits));
        }
        for n in values {
            let text = format_duration(secs(n));
            assert_eq!(parse_duration(&text), Ok(secs(n)), "{n} -> {text}");
        }
    }

    #[test]
    fn humanizes_two_units() {
        let cases = [
            (0, "just now"),
            (59, "just now"),
            (60, "1m"),
            (5 * MINUTE + 30, "5m"),
            (3 * HOUR + 12 * MINUTE + 59, "3h 12m"),
            (3 * HOUR, "3h"),
            (2 * DAY + 4 * HOUR + 7 * MINUTE, "2d 4h"),
            (45 * DAY, "45d"),
            (45 * DAY + 3 * MINUTE, "45d"),
            (YEAR + 20 * DAY + 5 * HOUR, "1y 20d"),
            (3 * YEAR + 6 * HOUR, "3y"),
        ];
        for (n, want) in cases {
            assert_eq!(humanize(secs(n)), want, "{n}");
        }
    }
}
