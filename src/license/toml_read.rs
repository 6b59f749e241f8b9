//! Reading TOML tables by hand, with every error naming the field's full path.
//!
//! Shared by the envelope and the document; private to `license` because its messages
//! are worded for license files.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use toml::Value;

use super::LicenseError;

const EXAMPLE_TIME: &str = "2026-11-01T00:00:00Z";

/// Parses TOML into a table, turning parser errors into a line/column the administrator
/// can find in an editor (the parser's own rendering quotes source lines, which would
/// leak a multi-line excerpt into a one-line message).
pub(super) fn parse_toml_table(text: &str, what: &str) -> Result<toml::Table, LicenseError> {
    text.parse::<toml::Table>().map_err(|e| {
        let position = e
            .span()
            .map(|span| {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                format!(" at line {line}, column {column}")
            })
            .unwrap_or_default();
        let message = e.message().trim_end();
        LicenseError::malformed("", format!("{what} is not valid TOML{position}: {message}"))
    })
}

/// Rejects keys outside `allowed` so a typo (`expires = ...`) cannot silently drop a
/// restriction the issuer meant to impose.
pub(super) fn reject_unknown_keys(
    table: &toml::Table,
    prefix: &str,
    allowed: &[&str],
) -> Result<(), LicenseError> {
    match table.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(key) => Err(LicenseError::malformed(
            join_path(prefix, key),
            format!("unknown field; allowed fields are: {}", allowed.join(", ")),
        )),
        None => Ok(()),
    }
}

fn join_path(prefix: &str, key: &str) -> String {
    if prefix.is_empty() { key.to_string() } else { format!("{prefix}.{key}") }
}

/// How a TOML value is named in messages: administrators edit text, so say what they typed.
pub(super) fn toml_type_name(value: &toml::Value) -> &'static str {
    match value {
        toml::Value::String(_) => "a string",
        toml::Value::Integer(_) => "an integer",
        toml::Value::Float(_) => "a decimal number",
        toml::Value::Boolean(_) => "true/false",
        toml::Value::Datetime(_) => "a date-time",
        toml::Value::Array(_) => "an array",
        toml::Value::Table(_) => "a table",
    }
}

/// Typed access to one TOML table, with errors that carry the field's full path.
pub(super) struct Fields<'a> {
    table: &'a toml::Table,
    prefix: &'a str,
}

impl<'a> Fields<'a> {
    pub(super) fn new(table: &'a toml::Table, prefix: &'a str) -> Self {
        Fields { table, prefix }
    }

    pub(super) fn path(&self, key: &str) -> String {
        join_path(self.prefix, key)
    }

    pub(super) fn get(&self, key: &str) -> Option<&'a Value> {
        self.table.get(key)
    }

    pub(super) fn reject_unknown(&self, allowed: &[&str]) -> Result<(), LicenseError> {
        reject_unknown_keys(self.table, self.prefix, allowed)
    }

    pub(super) fn missing(&self, key: &str, example: &str) -> LicenseError {
        LicenseError::malformed(
            self.path(key),
            format!("required field is missing; add e.g. `{key} = {example}`"),
        )
    }

    pub(super) fn wrong_type(&self, key: &str, expected: &str, got: &Value) -> LicenseError {
        LicenseError::malformed(
            self.path(key),
            format!("must be {expected}, not {}", toml_type_name(got)),
        )
    }

    pub(super) fn string(&self, key: &str) -> Result<Option<String>, LicenseError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.wrong_type(key, "a string in double quotes", other)),
        }
    }

    pub(super) fn required_string(&self, key: &str, example: &str) -> Result<String, LicenseError> {
        self.string(key)?.ok_or_else(|| self.missing(key, example))
    }

    pub(super) fn string_list(&self, key: &str) -> Result<Vec<String>, LicenseError> {
        let expected = "a list of strings, e.g. `modules = [\"core\", \"ocr\"]`";
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(values)) => values
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.clone()),
                    other => Err(self.wrong_type(key, expected, other)),
                })
                .collect(),
            Some(other) => Err(self.wrong_type(key, expected, other)),
        }
    }

    pub(super) fn required_time(&self, key: &str) -> Result<DateTime<Utc>, LicenseError> {
        let bad = |reason: String| LicenseError::malformed(self.path(key), reason);
        match self.get(key) {
            None => Err(self.missing(key, EXAMPLE_TIME)),
            Some(Value::Datetime(dt)) => toml_datetime_to_utc(dt).map_err(bad),
            Some(Value::String(s)) if s.parse::<toml::value::Datetime>().is_ok() => {
                Err(bad(format!(
                    "must be a TOML date-time, not a quoted string; remove the quotes: `{key} = {s}`"
                )))
            }
            Some(other) => Err(self.wrong_type(
                key,
                &format!("a date-time with a time-zone offset, e.g. `{key} = {EXAMPLE_TIME}`"),
                other,
            )),
        }
    }
}

/// TOML also has local dates and times; a license instant must not depend on the
/// time zone of whichever machine reads it, so only offset date-times are accepted.
pub(super) fn toml_datetime_to_utc(dt: &toml::value::Datetime) -> Result<DateTime<Utc>, String> {
    let fix = format!("write a full date-time in UTC, e.g. {EXAMPLE_TIME}");
    let (date, time, offset) = match (dt.date, dt.time, dt.offset) {
        (Some(d), Some(t), Some(o)) => (d, t, o),
        (Some(_), Some(_), None) => {
            return Err(format!(
                "{dt} is a local date-time with no time-zone offset, so its instant is ambiguous; \
                 add `Z` for UTC (or an offset like +02:00): {dt}Z"
            ));
        }
        (Some(_), None, _) => return Err(format!("{dt} is a date without a time; {fix}")),
        _ => return Err(format!("{dt} is a time of day without a date; {fix}")),
    };
    let naive_date = NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into());
    let naive_time = NaiveTime::from_hms_nano_opt(
        time.hour.into(),
        time.minute.into(),
        time.second.unwrap_or(0).into(),
        time.nanosecond.unwrap_or(0),
    );
    let offset_seconds = match offset {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i32::from(minutes) * 60,
    };
    let offset = FixedOffset::east_opt(offset_seconds);
    match (naive_date, naive_time, offset) {
        (Some(d), Some(t), Some(o)) => o
            .from_local_datetime(&d.and_time(t))
            .single()
            .map(|local| local.with_timezone(&Utc))
            .ok_or_else(|| format!("{dt} is not a valid date-time; {fix}")),
        _ => Err(format!("{dt} is not a valid date-time; {fix}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_errors_point_at_line_and_column() {
        let err = parse_toml_table("a = 1\nb = = 2\n", "license document").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("line 2"), "{text}");
        assert!(!text.contains('\n'), "{text}");
    }
}
