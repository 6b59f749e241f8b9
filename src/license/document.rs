//! The license document: what the issuer grants, as the UTF-8 TOML that gets signed.
//!
//! Parsing walks a `toml::Table` by hand instead of deriving `Deserialize`, because the
//! errors are the product here: each one names the exact field (`items[2].quota`) and
//! says how to fix it, which serde's generic type errors cannot do.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use toml::Value;

use super::LicenseError;
use super::toml_read::{Fields, parse_toml_table, toml_type_name};
use crate::domain::option::{ActivePeriod, LicenseOption};

pub const MAX_ITEMS: usize = 10_000;
pub const MAX_QUOTA: u64 = 1_000_000_000;
pub const MAX_ID_CHARS: usize = 128;
pub const MAX_LICENSEE_CHARS: usize = 256;
pub const MAX_DOMAIN_CHARS: usize = 253;

const DOCUMENT_FIELDS: &[&str] = &["id", "licensee", "issued_at", "lts_id", "items"];
const ITEM_FIELDS: &[&str] = &[
    "id",
    "product",
    "option",
    "quota",
    "active_period",
    "domain",
    "modules",
    "revokes",
    "valid_from",
    "expires_at",
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LicenseDocument {
    pub id: String,
    pub licensee: String,
    pub issued_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lts_id: Option<String>,
    pub items: Vec<LicenseItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LicenseItem {
    pub id: String,
    pub product: String,
    pub option: LicenseOption,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quota: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_period: Option<ActivePeriod>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revokes: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl LicenseDocument {
    /// Parses and validates: a document that parses is one an LTS may import.
    pub fn parse(text: &str) -> Result<Self, LicenseError> {
        let table = parse_toml_table(text, "license document")?;
        let top = Fields::new(&table, "");
        top.reject_unknown(DOCUMENT_FIELDS)?;
        let id = top.required_string("id", "\"LIC-2026-0001\"")?;
        let licensee = top.required_string("licensee", "\"Acme Corp\"")?;
        let issued_at = top.required_time("issued_at")?;
        let lts_id = top.string("lts_id")?;
        let items = match table.get("items") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(n, value)| parse_item(n, value))
                .collect::<Result<_, _>>()?,
            Some(other) => {
                return Err(LicenseError::malformed(
                    "items",
                    format!(
                        "must be a list of [[items]] tables, not {}; start each item with \
                         [[items]] (double brackets)",
                        toml_type_name(other)
                    ),
                ));
            }
        };
        let document = LicenseDocument { id, licensee, issued_at, lts_id, items };
        document.validate()?;
        Ok(document)
    }

    /// The issuer-side rules. Kept separate from `parse` so a document built in code
    /// (by an issuing command, say) is held to exactly the rules an import applies.
    pub fn validate(&self) -> Result<(), LicenseError> {
        check_id("id", &self.id)?;
        let licensee_chars = self.licensee.chars().count();
        if self.licensee.trim().is_empty() {
            return Err(LicenseError::malformed(
                "licensee",
                "must not be empty; give the customer's name",
            ));
        }
        if licensee_chars > MAX_LICENSEE_CHARS {
            return Err(LicenseError::malformed(
                "licensee",
                format!(
                    "is {licensee_chars} characters long; at most {MAX_LICENSEE_CHARS} are allowed"
                ),
            ));
        }
        if self.licensee.chars().any(char::is_control) {
            return Err(LicenseError::malformed(
                "licensee",
                "contains a control character (line break, tab, escape); use plain text on one line",
            ));
        }
        if let Some(lts_id) = &self.lts_id {
            check_id("lts_id", lts_id)?;
        }
        if self.items.is_empty() {
            return Err(LicenseError::malformed(
                "items",
                "a license needs at least one item; add a [[items]] table",
            ));
        }
        if self.items.len() > MAX_ITEMS {
            return Err(LicenseError::malformed(
                "items",
                format!(
                    "{} items is more than the {MAX_ITEMS} one license may hold; split it into several licenses",
                    self.items.len()
                ),
            ));
        }
        let mut seen = HashMap::new();
        for (n, item) in self.items.iter().enumerate() {
            item.validate_at(n)?;
            if let Some(first) = seen.insert(item.id.as_str(), n) {
                return Err(LicenseError::malformed(
                    format!("items[{n}].id"),
                    format!(
                        "`{}` is already the id of items[{first}]; every item needs its own id",
                        item.id
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Writes the document in the contract's field order, with datetimes in UTC,
    /// so that `parse(to_toml_string())` gives back an equal document.
    pub fn to_toml_string(&self) -> String {
        let mut out = String::new();
        line(&mut out, "id", quoted(&self.id));
        line(&mut out, "licensee", quoted(&self.licensee));
        line(&mut out, "issued_at", rfc3339(&self.issued_at));
        if let Some(lts_id) = &self.lts_id {
            line(&mut out, "lts_id", quoted(lts_id));
        }
        for item in &self.items {
            out.push_str("\n[[items]]\n");
            line(&mut out, "id", quoted(&item.id));
            line(&mut out, "product", quoted(&item.product));
            line(&mut out, "option", quoted(item.option.as_str()));
            if let Some(quota) = item.quota {
                line(&mut out, "quota", quota.to_string());
            }
            if let Some(period) = item.active_period {
                line(&mut out, "active_period", quoted(period.as_str()));
            }
            if let Some(domain) = &item.domain {
                line(&mut out, "domain", quoted(domain));
            }
            if !item.modules.is_empty() {
                let modules: Vec<String> = item.modules.iter().map(|m| quoted(m)).collect();
                line(&mut out, "modules", format!("[{}]", modules.join(", ")));
            }
            if let Some(revokes) = &item.revokes {
                line(&mut out, "revokes", quoted(revokes));
            }
            line(&mut out, "valid_from", rfc3339(&item.valid_from));
            line(&mut out, "expires_at", rfc3339(&item.expires_at));
        }
        out
    }

    /// True once no item can grant anything any more (`expires_at` is exclusive), so a
    /// caller can refuse a license that would import as dead weight.
    pub fn all_items_expired(&self, now: DateTime<Utc>) -> bool {
        self.items.iter().all(|item| item.expires_at <= now)
    }
}

impl LicenseItem {
    fn validate_at(&self, n: usize) -> Result<(), LicenseError> {
        let field = |name: &str| format!("items[{n}].{name}");
        let err = |name: &str, reason: String| Err(LicenseError::malformed(field(name), reason));
        let option = self.option;

        check_id(&field("id"), &self.id)?;
        check_lower_name(&field("product"), &self.product, "product")?;

        match (option.has_quota(), self.quota) {
            (true, None) => {
                return err(
                    "quota",
                    format!(
                        "a {option} item needs a quota ({}); add e.g. `quota = 100`",
                        quota_unit(option)
                    ),
                );
            }
            (false, Some(_)) => {
                return err(
                    "quota",
                    format!(
                        "a {option} item has no quota (every request from its domain is admitted); remove this line"
                    ),
                );
            }
            (_, Some(0)) => {
                return err(
                    "quota",
                    "must be at least 1; an item that grants nothing is a mistake".into(),
                );
            }
            (_, Some(q)) if q > MAX_QUOTA => {
                return err(
                    "quota",
                    format!(
                        "{q} is implausibly large (the limit is {MAX_QUOTA}); check for a typo"
                    ),
                );
            }
            _ => {}
        }

        let is_per_device = option == LicenseOption::PerDevice;
        match (is_per_device, self.active_period) {
            (true, None) => {
                return err(
                    "active_period",
                    "a per-device item needs an active period; add e.g. `active_period = \"yearly\"` \
                     (one of: yearly, quarterly, monthly, daily)"
                        .into(),
                );
            }
            (false, Some(_)) => {
                return err(
                    "active_period",
                    format!(
                        "only per-device items have an active period, this one is {option}; remove this line"
                    ),
                );
            }
            _ => {}
        }

        let is_per_domain = option == LicenseOption::PerDomain;
        match (is_per_domain, &self.domain) {
            (true, None) => {
                return err(
                    "domain",
                    "a per-domain item needs a domain; add e.g. `domain = \"*.example.com\"`"
                        .into(),
                );
            }
            (false, Some(_)) => {
                return err(
                    "domain",
                    format!(
                        "only per-domain items have a domain, this one is {option}; remove this line"
                    ),
                );
            }
            (true, Some(domain)) => check_domain(&field("domain"), domain)?,
            (false, None) => {}
        }

        if !self.modules.is_empty() && option != LicenseOption::PerPage {
            return err(
                "modules",
                format!("only per-page items list modules, this one is {option}; remove this line"),
            );
        }
        for (m, module) in self.modules.iter().enumerate() {
            check_lower_name(&format!("items[{n}].modules[{m}]"), module, "module")?;
        }

        if let Some(revokes) = &self.revokes {
            check_id(&field("revokes"), revokes)?;
            if *revokes == self.id {
                return err(
                    "revokes",
                    "an item cannot revoke itself; name the id of the item to revoke".into(),
                );
            }
        }

        if self.expires_at <= self.valid_from {
            return err(
                "expires_at",
                format!(
                    "{} is not after valid_from ({}); an item must be valid for some time",
                    rfc3339(&self.expires_at),
                    rfc3339(&self.valid_from)
                ),
            );
        }
        Ok(())
    }
}

fn quota_unit(option: LicenseOption) -> &'static str {
    match option {
        LicenseOption::PerScan => "the number of scans",
        LicenseOption::PerPage => "the number of pages",
        LicenseOption::PerServer => "the number of servers",
        LicenseOption::PerDevice | LicenseOption::PerConcurrentDevice => "the number of devices",
        LicenseOption::PerDomain => "none",
    }
}

fn parse_item(n: usize, value: &Value) -> Result<LicenseItem, LicenseError> {
    let prefix = format!("items[{n}]");
    let Value::Table(table) = value else {
        return Err(LicenseError::malformed(
            prefix,
            format!("must be a [[items]] table, not {}", toml_type_name(value)),
        ));
    };
    let f = Fields::new(table, &prefix);
    f.reject_unknown(ITEM_FIELDS)?;
    let option = f
        .required_string("option", "\"per-device\"")?
        .parse::<LicenseOption>()
        .map_err(|e| LicenseError::malformed(f.path("option"), e.to_string()))?;
    let active_period =
        f.string("active_period")?
            .map(|p| p.parse::<ActivePeriod>())
            .transpose()
            .map_err(|e| LicenseError::malformed(f.path("active_period"), e.to_string()))?;
    let quota = match f.get("quota") {
        None => None,
        Some(Value::Integer(q)) => Some(u64::try_from(*q).map_err(|_| {
            LicenseError::malformed(
                f.path("quota"),
                format!("must be a positive whole number, not {q}"),
            )
        })?),
        Some(other) => {
            return Err(f.wrong_type("quota", "a whole number, e.g. `quota = 100`", other));
        }
    };
    Ok(LicenseItem {
        id: f.required_string("id", "\"LIC-2026-0001-A\"")?,
        product: f.required_string("product", "\"barcode-reader\"")?,
        option,
        quota,
        active_period,
        domain: f.string("domain")?,
        modules: f.string_list("modules")?,
        revokes: f.string("revokes")?,
        valid_from: f.required_time("valid_from")?,
        expires_at: f.required_time("expires_at")?,
    })
}

fn check_id(field: &str, value: &str) -> Result<(), LicenseError> {
    let bad = |reason: String| Err(LicenseError::malformed(field, reason));
    let chars = value.chars().count();
    if value.is_empty() {
        return bad("must not be empty".into());
    }
    if chars > MAX_ID_CHARS {
        return bad(format!("is {chars} characters long; at most {MAX_ID_CHARS} are allowed"));
    }
    if let Some(c) =
        value.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-')))
    {
        return bad(format!(
            "contains {c:?}; ids may use only letters A-Z a-z, digits and . _ : -"
        ));
    }
    Ok(())
}

/// Product and module names are matched literally against what clients report, so one
/// spelling (lower-case) is enforced up front instead of mismatching silently later.
fn check_lower_name(field: &str, value: &str, what: &str) -> Result<(), LicenseError> {
    let bad = |reason: String| Err(LicenseError::malformed(field, reason));
    if value.is_empty() {
        return bad(format!("{what} name must not be empty"));
    }
    if value.chars().count() > MAX_ID_CHARS {
        return bad(format!("{what} name is longer than {MAX_ID_CHARS} characters"));
    }
    if let Some(c) = value
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')))
    {
        let lower = value.to_ascii_lowercase();
        let hint = if c.is_ascii_uppercase() && check_lower_name(field, &lower, what).is_ok() {
            format!("; write it in lower case: \"{lower}\"")
        } else {
            String::new()
        };
        return bad(format!("{what} name contains {c:?}; use only a-z, 0-9 and . _ -{hint}"));
    }
    Ok(())
}

/// The shape, then the same rules as `handshake domains add` (Public Suffix List, IDNA): an item for
/// `github.io` would admit nothing (or, worse, every tenant), so it is refused when signed and when
/// imported. Matching request hosts against it is the domain matcher's job.
fn check_domain(field: &str, domain: &str) -> Result<(), LicenseError> {
    let bad = |reason: &str| Err(LicenseError::malformed(field, reason.to_string()));
    if domain.is_empty() {
        return bad("must not be empty; give a host name such as \"*.example.com\"");
    }
    if domain.chars().count() > MAX_DOMAIN_CHARS {
        return bad("is longer than the 253 characters a DNS name may have");
    }
    if domain.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("contains whitespace; give just the host name, e.g. \"*.example.com\"");
    }
    if domain.contains("://") {
        return bad("must be a host name, not a URL; drop the scheme (\"https://\") and any path");
    }
    crate::domain::hosts::DomainBinding::parse(domain)
        .map(|_| ())
        .map_err(|e| LicenseError::malformed(field, e.to_string()))
}

fn rfc3339(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// TOML basic-string quoting, escapes included, via the toml crate's own writer.
fn quoted(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

fn line(out: &mut String, key: &str, value: String) {
    let _ = writeln!(out, "{key} = {value}");
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
