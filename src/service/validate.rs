//! Shape checks of device requests, before anything is looked up: sizes, characters, counts.

use super::DeviceError;
use super::types::{AuthorizeRequest, MAX_REPORTS, UsageRequest};
use chrono::{DateTime, Utc};

use crate::clock::to_rfc3339;
use crate::domain::authorize::Denial;
use crate::domain::usage;

const MAX_UUID: usize = 128;
const MAX_TEXT: usize = 256;
const MAX_NAMES_PER_REPORT: usize = 256;

fn invalid(message: String) -> DeviceError {
    DeviceError::new(Denial::InvalidRequest, message)
}

/// Device ids are opaque to the LTS, but they end up in tables and logs: printable ASCII, no spaces.
fn check_uuid(uuid: &str) -> Result<(), DeviceError> {
    if uuid.is_empty() || uuid.len() > MAX_UUID {
        return Err(invalid(format!("uuid must be 1-{MAX_UUID} characters")));
    }
    // Ids travel in the admin API's URL paths, where `.` and `..` would be normalised away.
    if uuid.bytes().all(|b| b == b'.') {
        return Err(invalid("uuid may not be made of dots only".into()));
    }
    if !uuid.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')) {
        return Err(invalid("uuid may contain only letters, digits and - _ . :".into()));
    }
    Ok(())
}

fn check_text(field: &str, value: &str, max: usize) -> Result<(), DeviceError> {
    if value.is_empty() || value.chars().count() > max {
        return Err(invalid(format!("{field} must be 1-{max} characters")));
    }
    if value.chars().any(char::is_control) {
        return Err(invalid(format!("{field} contains control characters")));
    }
    Ok(())
}

fn check_code(code: &str) -> Result<(), DeviceError> {
    crate::domain::handshake::validate_code(code).map_err(|e| invalid(format!("handshake: {e}")))
}

pub(super) fn authorize(req: &AuthorizeRequest) -> Result<(), DeviceError> {
    check_code(&req.handshake)?;
    check_uuid(&req.uuid)?;
    check_text("product", &req.product, 128)?;
    if let Some(name) = &req.name {
        check_text("name", name, MAX_TEXT)?;
    }
    if let Some(domain) = &req.domain {
        check_text("domain", domain, 253)?;
    }
    if let Some(p) = &req.session_password
        && p.len() > crate::password::MAX_PASSWORD_BYTES
    {
        return Err(invalid("session_password is too long".into()));
    }
    Ok(())
}

/// The shape and bounds of an upload: ids, sizes, counts (see [`usage`]) and report times up to
/// [`usage::MAX_CLOCK_AHEAD`] after `now`.
pub(super) fn usage(req: &UsageRequest, now: DateTime<Utc>) -> Result<(), DeviceError> {
    check_code(&req.handshake)?;
    check_uuid(&req.uuid)?;
    if req.reports.len() > MAX_REPORTS {
        return Err(invalid(format!(
            "{} reports in one call; send at most {MAX_REPORTS} per call",
            req.reports.len()
        )));
    }
    let mut ids = std::collections::HashSet::with_capacity(req.reports.len());
    for (i, r) in req.reports.iter().enumerate() {
        check_uuid(&r.id).map_err(|_| {
            invalid(format!(
                "reports[{i}].id must be 1-{MAX_UUID} characters of letters, digits and - _ . :"
            ))
        })?;
        if !ids.insert(r.id.as_str()) {
            return Err(invalid(format!("reports[{i}].id {} appears twice in this call", r.id)));
        }
        let mut named = Vec::new();
        for (field, map) in [("scans", &r.scans), ("pages", &r.pages)] {
            let Some(map) = map else { continue };
            if map.len() > MAX_NAMES_PER_REPORT {
                return Err(invalid(format!(
                    "reports[{i}].{field} has more than {MAX_NAMES_PER_REPORT} entries"
                )));
            }
            for (name, count) in map {
                check_text(&format!("reports[{i}].{field} key"), name, 64)?;
                named.push((format!("{field}.{name}"), *count));
            }
        }
        usage::report_units(named.iter().map(|(n, c)| (n.as_str(), *c))).map_err(|e| match e {
            usage::CountError::CountTooLarge { .. } => invalid(format!("reports[{i}].{e}")),
            usage::CountError::ReportTooLarge => invalid(format!("reports[{i}]: {e}")),
        })?;
        let ahead = chrono::Duration::from_std(usage::MAX_CLOCK_AHEAD).unwrap_or_default();
        if r.at > now + ahead {
            return Err(invalid(format!(
                "reports[{i}].at is {}, more than {} ahead of this server's clock ({}); check the \
                 device's clock",
                to_rfc3339(&r.at),
                crate::domain::duration::format_duration(usage::MAX_CLOCK_AHEAD),
                to_rfc3339(&now)
            )));
        }
    }
    Ok(())
}
