//! `LicenseDocument::parse` on arbitrary text. A document that parses validates, and
//! `parse(to_toml_string())` gives back an equal document (as `to_toml_string` promises).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ltsctl::license::LicenseDocument;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = LicenseDocument::parse(text) else {
        return;
    };
    doc.validate().expect("a parsed document validates");
    let written = doc.to_toml_string();
    let again = LicenseDocument::parse(&written)
        .unwrap_or_else(|e| panic!("to_toml_string output does not parse: {e}\n{written}"));
    assert_eq!(again, doc, "round trip through to_toml_string:\n{written}");
});
