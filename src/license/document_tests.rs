use super::*;

/// One item of every option, so each option-specific rule is exercised.
pub(crate) const SAMPLE: &str = r#"# a comment is fine
id        = "LIC-2026-0001"
licensee  = "Acme \"Bar\" Corp — Zürich"
issued_at = 2026-11-01T00:00:00Z
lts_id    = "lts-eu-1"

[[items]]
id            = "LIC-2026-0001-A"
product       = "barcode-reader"
option        = "per-device"
quota         = 100
active_period = "yearly"
valid_from    = 2026-11-01T00:00:00Z
expires_at    = 2027-11-01T00:00:00Z

[[items]]
id         = "LIC-2026-0001-B"
product    = "doc-scanner"
option     = "per-page"
quota      = 50000
modules    = ["core", "ocr"]
valid_from = 2026-11-01T02:00:00+02:00
expires_at = 2027-11-01T00:00:00.5Z

[[items]]
id         = "LIC-2026-0001-C"
product    = "barcode-reader"
option     = "per-domain"
domain     = "*.example.com"
revokes    = "LIC-2025-0042-A"
valid_from = 2026-11-01T00:00:00Z
expires_at = 2027-11-01T00:00:00Z

[[items]]
id         = "LIC-2026-0001-D"
product    = "barcode-reader"
option     = "per-scan"
quota      = 1000000
valid_from = 2026-11-01T00:00:00Z
expires_at = 2027-11-01T00:00:00Z

[[items]]
id         = "LIC-2026-0001-E"
product    = "barcode-reader"
option     = "per-concurrent-device"
quota      = 5
valid_from = 2026-11-01T00:00:00Z
expires_at = 2027-11-01T00:00:00Z

[[items]]
id         = "LIC-2026-0001-F"
product    = "server-sdk"
option     = "per-server"
quota      = 2
valid_from = 2026-11-01T00:00:00Z
expires_at = 2027-11-01T00:00:00Z
"#;

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn sample() -> LicenseDocument {
    LicenseDocument::parse(SAMPLE).unwrap()
}

/// Asserts a Malformed error on `field` whose reason mentions `needle`.
#[track_caller]
fn assert_malformed(result: Result<impl std::fmt::Debug, LicenseError>, field: &str, needle: &str) {
    match result {
        Err(LicenseError::Malformed { field: f, reason }) => {
            assert_eq!(f, field, "reason was: {reason}");
            assert!(
                reason.to_lowercase().contains(&needle.to_lowercase()),
                "{field}: `{reason}` should mention `{needle}`"
            );
        }
        other => panic!("expected Malformed on {field}, got {other:?}"),
    }
}

/// Parses SAMPLE with one line replaced (must occur exactly once).
fn parse_edited(from: &str, to: &str) -> Result<LicenseDocument, LicenseError> {
    assert_eq!(SAMPLE.matches(from).count(), 1, "`{from}` must be unique in SAMPLE");
    LicenseDocument::parse(&SAMPLE.replacen(from, to, 1))
}

#[test]
fn sample_parses_into_the_expected_values() {
    let doc = sample();
    assert_eq!(doc.id, "LIC-2026-0001");
    assert_eq!(doc.licensee, "Acme \"Bar\" Corp — Zürich");
    assert_eq!(doc.lts_id.as_deref(), Some("lts-eu-1"));
    assert_eq!(doc.items.len(), 6);
    let a = &doc.items[0];
    assert_eq!(a.option, LicenseOption::PerDevice);
    assert_eq!(a.quota, Some(100));
    assert_eq!(a.active_period, Some(ActivePeriod::Yearly));
    let b = &doc.items[1];
    assert_eq!(b.modules, ["core", "ocr"]);
    // Offsets are normalised to UTC; fractional seconds survive.
    assert_eq!(b.valid_from, utc("2026-11-01T00:00:00Z"));
    assert_eq!(b.expires_at, utc("2027-11-01T00:00:00.5Z"));
    let c = &doc.items[2];
    assert_eq!(c.quota, None);
    assert_eq!(c.domain.as_deref(), Some("*.example.com"));
    assert_eq!(c.revokes.as_deref(), Some("LIC-2025-0042-A"));
}

#[test]
fn to_toml_string_round_trips() {
    let doc = sample();
    let text = doc.to_toml_string();
    assert_eq!(LicenseDocument::parse(&text).unwrap(), doc);
    assert!(text.starts_with("id = \"LIC-2026-0001\"\n"), "{text}");
    assert!(text.contains("issued_at = 2026-11-01T00:00:00Z\n"), "{text}");
    // Idempotent: the canonical form of the canonical form is itself.
    assert_eq!(LicenseDocument::parse(&text).unwrap().to_toml_string(), text);
}

#[test]
fn serializes_times_as_rfc3339_and_skips_absent_fields() {
    let mut doc = sample();
    doc.lts_id = None;
    let value = toml::Value::try_from(&doc).unwrap();
    let top = value.as_table().unwrap();
    assert_eq!(top["issued_at"].as_str(), Some("2026-11-01T00:00:00Z"));
    assert!(!top.contains_key("lts_id"));
    let item = top["items"].as_array().unwrap()[0].as_table().unwrap();
    assert_eq!(item["option"].as_str(), Some("per-device"));
    assert_eq!(item["active_period"].as_str(), Some("yearly"));
    assert!(!item.contains_key("domain") && !item.contains_key("modules"));
}

#[test]
fn all_items_expired_uses_the_latest_expiry() {
    let doc = sample();
    assert!(!doc.all_items_expired(utc("2027-10-31T23:59:59Z")));
    assert!(!doc.all_items_expired(utc("2027-11-01T00:00:00Z"))); // item B runs 0.5 s longer
    assert!(doc.all_items_expired(utc("2027-11-01T00:00:00.5Z")));
    assert!(doc.all_items_expired(utc("2030-01-01T00:00:00Z")));
}

#[test]
fn malformed_toml_is_refused_with_a_position() {
    let result = LicenseDocument::parse("id = \"LIC-1\"\nlicensee = \n");
    assert_malformed(result, "", "line 2");
}

#[test]
fn missing_fields_are_named() {
    assert_malformed(
        parse_edited("licensee  = \"Acme \\\"Bar\\\" Corp — Zürich\"\n", ""),
        "licensee",
        "missing",
    );
    assert_malformed(
        parse_edited("issued_at = 2026-11-01T00:00:00Z\n", ""),
        "issued_at",
        "missing",
    );
    assert_malformed(
        parse_edited("option        = \"per-device\"\n", ""),
        "items[0].option",
        "missing",
    );
    assert_malformed(
        parse_edited("expires_at = 2027-11-01T00:00:00.5Z\n", ""),
        "items[1].expires_at",
        "missing",
    );
    let no_items = SAMPLE.split("[[items]]").next().unwrap();
    assert_malformed(LicenseDocument::parse(no_items), "items", "at least one item");
}

#[test]
fn unknown_fields_are_refused_by_name() {
    assert_malformed(
        parse_edited("lts_id    = \"lts-eu-1\"", "lts_id = \"x\"\ncolour = \"red\""),
        "colour",
        "unknown field",
    );
    assert_malformed(
        parse_edited("quota      = 5\n", "quota = 5\nseats = 5\n"),
        "items[4].seats",
        "unknown field",
    );
}

#[test]
fn wrong_types_are_explained() {
    assert_malformed(
        parse_edited("quota         = 100", "quota = \"100\""),
        "items[0].quota",
        "whole number",
    );
    assert_malformed(
        parse_edited("quota         = 100", "quota = 1.5"),
        "items[0].quota",
        "whole number",
    );
    assert_malformed(parse_edited("id        = \"LIC-2026-0001\"", "id = 7"), "id", "string");
    assert_malformed(
        parse_edited("modules    = [\"core\", \"ocr\"]", "modules = \"core\""),
        "items[1].modules",
        "list of strings",
    );
    assert_malformed(
        parse_edited("issued_at = 2026-11-01T00:00:00Z", "issued_at = \"2026-11-01T00:00:00Z\""),
        "issued_at",
        "remove the quotes",
    );
    let single_table = SAMPLE.replacen("[[items]]", "[items]", 1);
    let single_table = single_table.split("\n[[items]]").next().unwrap();
    assert_malformed(LicenseDocument::parse(single_table), "items", "[[items]]");
}

#[test]
fn local_dates_and_times_are_refused() {
    let local = parse_edited("issued_at = 2026-11-01T00:00:00Z", "issued_at = 2026-11-01T00:00:00");
    assert_malformed(local, "issued_at", "no time-zone offset");
    let date_only = parse_edited("issued_at = 2026-11-01T00:00:00Z", "issued_at = 2026-11-01");
    assert_malformed(date_only, "issued_at", "date without a time");
    let time_only = parse_edited("issued_at = 2026-11-01T00:00:00Z", "issued_at = 10:00:00");
    assert_malformed(time_only, "issued_at", "without a date");
}

#[test]
fn unknown_option_and_period_list_the_allowed_values() {
    assert_malformed(
        parse_edited("option        = \"per-device\"", "option = \"per-seat\""),
        "items[0].option",
        "per-scan, per-page",
    );
    assert_malformed(
        parse_edited("active_period = \"yearly\"", "active_period = \"weekly\""),
        "items[0].active_period",
        "yearly, quarterly, monthly, daily",
    );
}

#[test]
fn quota_rules() {
    let set_quota = |q: &str| parse_edited("quota         = 100", &format!("quota = {q}"));
    assert_malformed(set_quota("-5"), "items[0].quota", "positive whole number, not -5");
    assert_malformed(set_quota("0"), "items[0].quota", "at least 1");
    assert_malformed(set_quota("1000000001"), "items[0].quota", "implausibly large");
    assert!(set_quota("1000000000").is_ok());
    assert_malformed(set_quota("9223372036854775807"), "items[0].quota", "implausibly large");
    assert_malformed(parse_edited("quota         = 100\n", ""), "items[0].quota", "needs a quota");
    assert_malformed(
        parse_edited("domain     = \"*.example.com\"", "domain = \"*.example.com\"\nquota = 10"),
        "items[2].quota",
        "remove this line",
    );
}

#[test]
fn option_specific_fields() {
    assert_malformed(
        parse_edited("active_period = \"yearly\"\n", ""),
        "items[0].active_period",
        "needs an active period",
    );
    assert_malformed(
        parse_edited("quota      = 5\n", "quota = 5\nactive_period = \"daily\"\n"),
        "items[4].active_period",
        "only per-device",
    );
    assert_malformed(
        parse_edited("domain     = \"*.example.com\"\n", ""),
        "items[2].domain",
        "needs a domain",
    );
    assert_malformed(
        parse_edited("quota      = 2\n", "quota = 2\ndomain = \"a.com\"\n"),
        "items[5].domain",
        "only per-domain",
    );
    assert_malformed(
        parse_edited("quota      = 2\n", "quota = 2\nmodules = [\"core\"]\n"),
        "items[5].modules",
        "only per-page",
    );
    // An explicitly empty module list means "no modules" and is fine anywhere.
    assert!(parse_edited("quota      = 2\n", "quota = 2\nmodules = []\n").is_ok());
}

#[test]
fn domain_shape() {
    let set =
        |d: &str| parse_edited("domain     = \"*.example.com\"", &format!("domain = \"{d}\""));
    assert_malformed(set(""), "items[2].domain", "must not be empty");
    assert_malformed(set("https://example.com"), "items[2].domain", "not a URL");
    assert_malformed(set("example .com"), "items[2].domain", "whitespace");
    assert_malformed(set(&"a".repeat(254)), "items[2].domain", "253");
    assert!(set("scanner.example.com").is_ok());
}

#[test]
fn ids_and_names() {
    assert_malformed(
        parse_edited("id        = \"LIC-2026-0001\"", "id = \"\""),
        "id",
        "must not be empty",
    );
    assert_malformed(parse_edited("id        = \"LIC-2026-0001\"", "id = \"LIC 1\""), "id", "' '");
    let long = format!("id = \"{}\"", "X".repeat(129));
    assert_malformed(parse_edited("id        = \"LIC-2026-0001\"", &long), "id", "at most 128");
    assert_malformed(
        parse_edited("lts_id    = \"lts-eu-1\"", "lts_id = \"lts/eu\""),
        "lts_id",
        "'/'",
    );
    assert_malformed(
        parse_edited("licensee  = \"Acme \\\"Bar\\\" Corp — Zürich\"", "licensee = \"  \""),
        "licensee",
        "must not be empty",
    );
    let long = format!("licensee = \"{}\"", "é".repeat(257));
    assert_malformed(
        parse_edited("licensee  = \"Acme \\\"Bar\\\" Corp — Zürich\"", &long),
        "licensee",
        "at most 256",
    );
    assert_malformed(
        parse_edited("product    = \"doc-scanner\"", "product = \"Doc-Scanner\""),
        "items[1].product",
        "\"doc-scanner\"",
    );
    assert_malformed(
        parse_edited("product    = \"doc-scanner\"", "product = \"\""),
        "items[1].product",
        "must not be empty",
    );
    assert_malformed(
        parse_edited("modules    = [\"core\", \"ocr\"]", "modules = [\"core\", \"OCR\"]"),
        "items[1].modules[1]",
        "lower case",
    );
}

#[test]
fn duplicate_item_ids_are_refused() {
    let result = parse_edited("id         = \"LIC-2026-0001-D\"", "id = \"LIC-2026-0001-A\"");
    assert_malformed(result, "items[3].id", "already the id of items[0]");
}

#[test]
fn revokes_must_name_another_item() {
    let result = parse_edited("revokes    = \"LIC-2025-0042-A\"", "revokes = \"LIC-2026-0001-C\"");
    assert_malformed(result, "items[2].revokes", "cannot revoke itself");
}

#[test]
fn expiry_must_follow_validity_start() {
    let before =
        parse_edited("expires_at = 2027-11-01T00:00:00.5Z", "expires_at = 2026-10-01T00:00:00Z");
    assert_malformed(before, "items[1].expires_at", "not after valid_from");
    let mut doc = sample();
    doc.items[3].expires_at = doc.items[3].valid_from;
    assert_malformed(doc.validate(), "items[3].expires_at", "not after valid_from");
}

#[test]
fn item_count_is_bounded() {
    let mut doc = sample();
    let template = doc.items[3].clone();
    doc.items =
        (0..=MAX_ITEMS).map(|n| LicenseItem { id: format!("I-{n}"), ..template.clone() }).collect();
    assert_malformed(doc.validate(), "items", "split it");
    doc.items.pop();
    doc.validate().unwrap();
}

#[test]
fn validate_applies_to_documents_built_in_code() {
    let mut doc = sample();
    doc.items[0].quota = Some(0);
    assert_malformed(doc.validate(), "items[0].quota", "at least 1");
    let mut doc = sample();
    doc.items[0].active_period = None;
    assert_malformed(doc.validate(), "items[0].active_period", "needs");
}
