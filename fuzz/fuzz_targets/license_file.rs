//! `LicenseFile::parse` on arbitrary bytes, then `verify_with` a fixed key. Whatever parses must
//! round-trip through `to_toml_string` to the same envelope and fingerprint; nothing may panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use ltsctl::license::{LicenseFile, PublicKey};

/// The key that signed `seeds/license_file/valid.lic`.
static KEY: LazyLock<PublicKey> = LazyLock::new(|| {
    PublicKey::from_spki_pem(
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAQ9AY3FCx2UfjTFmXyBfRHaDGGKHEbeJ26HF9wBt0vxw=\n-----END PUBLIC KEY-----\n",
    )
    .expect("fixed public key")
});

fuzz_target!(|data: &[u8]| {
    let Ok(file) = LicenseFile::parse(data) else {
        return;
    };
    let text = file.to_toml_string();
    let again =
        LicenseFile::parse(text.as_bytes()).expect("the canonical form of a parsed file parses");
    assert_eq!(again, file, "round trip through to_toml_string");
    assert_eq!(again.fingerprint(), file.fingerprint());
    if let Ok(doc) = file.verify_with(&KEY) {
        // Only the issuer's exact bytes verify, and they hold a valid document.
        doc.validate().expect("a verified document is valid");
    }
});
