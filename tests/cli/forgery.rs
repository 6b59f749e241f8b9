//! Issue "Reliability and security": a signed license file cannot be forged. Property tests over a valid
//! file: any single flipped bit of the decoded payload or signature is refused; any flipped bit of the file's
//! bytes is refused or leaves the identical license (a flip inside the comment line); a payload re-signed by
//! another key under the original `key_id`, a signature moved to another payload of the same key, a `key_id`
//! pointing at another trusted key and every truncation are refused. One case goes through the binary.
//!
//! 256 cases per property by default; `PROPTEST_CASES` raises it and `PROPTEST_RNG_SEED` picks another seed
//! (the default seed is fixed, so a run is reproducible).

use std::sync::OnceLock;

use crate::util::*;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ltsctl::license::{IssuerKey, LicenseDocument, LicenseError, LicenseFile, PublicKey};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngSeed};
use serde_json::Value;

/// Two trusted issuers and an untrusted one, and valid files signed by the first.
struct Fixture {
    a: IssuerKey,
    b: IssuerKey,
    stranger: IssuerKey,
    /// A's license, as parsed, as text, and the document it carries.
    file: LicenseFile,
    text: String,
    doc: LicenseDocument,
    /// A second license signed by A (for signature swaps).
    other: LicenseFile,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let at = now_secs();
        let a = IssuerKey::generate();
        let doc_text = document(
            "LIC-FORGE-0001",
            &[
                Item::per_device("LIC-FORGE-0001-A", 250, at),
                Item::per_scan("LIC-FORGE-0001-B", 1_000_000, at),
            ],
        );
        let file = LicenseFile::sign(&doc_text, &a).expect("sign");
        let other_text =
            document("LIC-FORGE-0002", &[Item::per_device("LIC-FORGE-0002-A", 251, at)]);
        let other = LicenseFile::sign(&other_text, &a).expect("sign other");
        let text = file.to_toml_string();
        let doc = LicenseDocument::parse(&doc_text).expect("document");
        Fixture {
            b: IssuerKey::generate(),
            stranger: IssuerKey::generate(),
            file,
            text,
            doc,
            other,
            a,
        }
    })
}

impl Fixture {
    /// The LTS trust store: A and B.
    fn lookup(&self) -> impl Fn(&str) -> Option<PublicKey> + '_ {
        move |id: &str| {
            [&self.a, &self.b].into_iter().map(|k| k.public()).find(|k| k.key_id() == id)
        }
    }

    /// Refused through the trust store (an Ed25519 verification costs milliseconds in a debug build, so
    /// the properties check once per case; the fixed cases below also use `verify_with`).
    #[track_caller]
    fn assert_refused(&self, f: &LicenseFile, what: &str) {
        let trusted = f.verify_trusted(self.lookup());
        assert!(trusted.is_err(), "{what}: accepted by verify_trusted");
    }

    /// Refused both through the trust store and with A's key given directly.
    #[track_caller]
    fn assert_refused_both(&self, f: &LicenseFile, what: &str) {
        self.assert_refused(f, what);
        let direct = f.verify_with(&self.a.public());
        assert!(direct.is_err(), "{what}: accepted by verify_with(A)");
    }
}

fn config() -> ProptestConfig {
    let mut c = ProptestConfig { failure_persistence: None, ..ProptestConfig::default() };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = 256;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        c.rng_seed = RngSeed::Fixed(0x5eed_f0f9_e7ee_0001);
    }
    c
}

fn flip(bytes: &mut [u8], bit: usize) {
    bytes[bit / 8] ^= 1 << (bit % 8);
}

#[test]
fn the_fixture_is_valid_and_round_trips() {
    let f = fixture();
    let parsed = LicenseFile::parse(f.text.as_bytes()).expect("parse");
    assert_eq!(parsed, f.file);
    assert_eq!(parsed.verify_trusted(f.lookup()).expect("verify"), f.doc);
    assert_eq!(f.other.verify_with(&f.a.public()).expect("other").id, "LIC-FORGE-0002");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_flipped_payload_bit_is_refused(bit in 0usize..1 << 20, direct in any::<bool>()) {
        let f = fixture();
        let mut forged = f.file.clone();
        let bit = bit % (forged.payload.len() * 8);
        flip(&mut forged.payload, bit);
        // As a file: re-encoded, parsed, verified (through the trust store or with A's key).
        let reparsed = LicenseFile::parse(forged.to_toml_string().as_bytes()).expect("still parses");
        let verdict = match direct {
            true => reparsed.verify_with(&f.a.public()),
            false => reparsed.verify_trusted(f.lookup()),
        };
        prop_assert!(matches!(verdict, Err(LicenseError::BadSignature)), "bit {}", bit);
    }

    #[test]
    fn any_flipped_signature_bit_is_refused(bit in 0usize..512, direct in any::<bool>()) {
        let f = fixture();
        let mut forged = f.file.clone();
        flip(&mut forged.signature, bit);
        let verdict = match direct {
            true => forged.verify_with(&f.a.public()),
            false => forged.verify_trusted(f.lookup()),
        };
        prop_assert!(matches!(verdict, Err(LicenseError::BadSignature)), "bit {}", bit);
    }

    #[test]
    fn any_flipped_file_bit_is_refused_or_changes_nothing(bit in 0usize..1 << 20) {
        let f = fixture();
        let mut bytes = f.text.clone().into_bytes();
        let bit = bit % (bytes.len() * 8);
        flip(&mut bytes, bit);
        let Ok(parsed) = LicenseFile::parse(&bytes) else { return Ok(()) };
        if let Ok(doc) = parsed.verify_trusted(f.lookup()) {
            prop_assert_eq!(&parsed, &f.file, "bit {} accepted with another envelope", bit);
            prop_assert_eq!(&doc, &f.doc, "bit {} accepted with another document", bit);
            prop_assert_eq!(parsed.fingerprint(), f.file.fingerprint());
            // The only harmless place is the comment line.
            let first_line_bits = (f.text.find('\n').expect("comment line") + 1) * 8;
            prop_assert!(bit < first_line_bits, "bit {} outside the comment was harmless", bit);
        }
    }

    #[test]
    fn a_truncated_payload_is_refused(len in 0usize..1 << 20) {
        let f = fixture();
        let mut forged = f.file.clone();
        forged.payload.truncate(len % f.file.payload.len());
        f.assert_refused(&forged, &format!("payload truncated to {} bytes", forged.payload.len()));
    }

    #[test]
    fn a_document_resigned_by_another_key_under_the_original_key_id_is_refused(
        licensee in "[A-Za-z][A-Za-z0-9 ]{0,40}",
        quota in 1u64..1_000_000_000,
        by_trusted_b in any::<bool>(),
    ) {
        let f = fixture();
        let at = now_secs();
        let text = document("LIC-FORGE-0001", &[Item::per_device("LIC-FORGE-0001-A", quota as i64, at)])
            .replace("Device API tests", &licensee);
        let forger = if by_trusted_b { &f.b } else { &f.stranger };
        let mut forged = LicenseFile::sign(&text, forger).expect("sign");
        forged.key_id = f.a.public().key_id();
        f.assert_refused(&forged, "re-signed under A's key id");
    }
}

#[test]
fn the_same_text_signed_by_the_genuine_key_verifies() {
    // The refusals above are about the signer, not the text.
    let f = fixture();
    let text = String::from_utf8(f.file.payload.clone()).expect("utf-8");
    let resigned = LicenseFile::sign(&text, &f.a).expect("sign");
    assert_eq!(resigned, f.file, "Ed25519 signatures are deterministic");
    for forger in [&f.b, &f.stranger] {
        let mut forged = LicenseFile::sign(&text, forger).expect("sign");
        forged.key_id = f.a.public().key_id();
        f.assert_refused_both(&forged, "re-signed by another key");
    }
}

#[test]
fn a_signature_moved_to_another_payload_of_the_same_key_is_refused() {
    let f = fixture();
    for (payload_of, signature_of) in [(&f.file, &f.other), (&f.other, &f.file)] {
        let swapped = LicenseFile {
            payload: payload_of.payload.clone(),
            signature: signature_of.signature,
            ..payload_of.clone()
        };
        assert_eq!(swapped.key_id, f.a.public().key_id());
        f.assert_refused_both(&swapped, "payload of one, signature of the other");
    }
}

#[test]
fn a_key_id_pointing_at_another_trusted_key_is_refused() {
    let f = fixture();
    let mut forged = f.file.clone();
    forged.key_id = f.b.public().key_id();
    let err = forged.verify_trusted(f.lookup()).expect_err("accepted under B's id");
    assert!(matches!(err, LicenseError::BadSignature), "{err:?}");
    assert!(matches!(forged.verify_with(&f.a.public()), Err(LicenseError::KeyIdMismatch { .. })));
    // And an id no one is trusted for.
    forged.key_id = f.stranger.public().key_id();
    assert!(matches!(forged.verify_trusted(f.lookup()), Err(LicenseError::UntrustedKey { .. })));
}

#[test]
fn every_truncation_of_the_file_is_refused() {
    let f = fixture();
    let bytes = f.text.as_bytes();
    let body = f.text.trim_end().len();
    let mut refused = 0;
    for len in 0..bytes.len() {
        let outcome = LicenseFile::parse(&bytes[..len])
            .and_then(|p| p.verify_trusted(f.lookup()).map(|d| (p, d)));
        match outcome {
            Err(_) => refused += 1,
            // Only dropping the final line break leaves the file whole.
            Ok((p, d)) => {
                assert!(len >= body, "truncated to {len} of {} bytes and accepted", bytes.len());
                assert_eq!((p, d), (f.file.clone(), f.doc.clone()));
            }
        }
    }
    assert!(refused >= body, "{refused} of {} truncations refused", bytes.len());
}

#[test]
fn base64_re_encodings_of_the_same_bytes_are_refused() {
    // Non-canonical base64 (stray low bits in the last symbol) must not give a second accepted spelling.
    let f = fixture();
    let sig = STANDARD.encode(f.file.signature);
    assert!(sig.ends_with("=="), "64 bytes encode with two padding characters");
    let last = sig.as_bytes()[sig.len() - 3];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let pos = alphabet.iter().position(|&c| c == last).expect("base64 char");
    for low in 1..16 {
        let mut alt = sig.clone().into_bytes();
        alt[sig.len() - 3] = alphabet[(pos & !15) | ((pos & 15) ^ low)];
        let alt = String::from_utf8(alt).expect("ascii");
        let text = f.text.replace(&sig, &alt);
        assert!(
            LicenseFile::parse(text.as_bytes()).is_err(),
            "non-canonical signature {alt} parsed"
        );
    }
}

/// `ltsctl license import` of a tampered file exits 5 and leaves the store as it was.
#[test]
fn the_binary_refuses_tampered_files_and_changes_nothing() {
    let lts = Env::with_issuer();
    let at = now_secs();
    let snapshot = || {
        let licenses = lts.ok(&["-o", "json", "license", "list"]);
        let status = lts.ok(&["-o", "json", "status"]);
        (licenses, status["counts"].clone())
    };
    let doc = lts.work.join("forged.toml");
    std::fs::write(&doc, document("LIC-E2E-0001", &[Item::per_device("LIC-E2E-0001-A", 5, at)]))
        .expect("doc");
    lts.ok(&["issuer", "sign", "forged.toml", "--key", "issuer.pem", "--out", "good.lic"]);
    let good = std::fs::read_to_string(lts.work.join("good.lic")).expect("good.lic");
    let parsed = LicenseFile::parse(good.as_bytes()).expect("parse");
    let before = snapshot();

    let mut flipped_payload = parsed.clone();
    flip(&mut flipped_payload.payload, 8 * 20 + 3);
    let mut flipped_signature = parsed.clone();
    flip(&mut flipped_signature.signature, 77);
    let mut other_key = parsed.clone();
    other_key.key_id = "0123456789abcdef".into();
    let mut raw = good.clone().into_bytes();
    let at_payload = good.find("\npayload").expect("payload line") + 21;
    flip(&mut raw, at_payload * 8 + 1);
    let cases: [(&str, Vec<u8>); 4] = [
        ("payload", flipped_payload.to_toml_string().into_bytes()),
        ("signature", flipped_signature.to_toml_string().into_bytes()),
        ("key_id", other_key.to_toml_string().into_bytes()),
        ("raw", raw),
    ];
    for (name, bytes) in cases {
        let file = format!("tampered-{name}.lic");
        std::fs::write(lts.work.join(&file), bytes).expect("write");
        let out = lts.cmd().args(["license", "import", &file]).output().expect("run");
        assert_eq!(
            out.status.code(),
            Some(5),
            "{name}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains(&file), "the error names the file");
        assert_eq!(snapshot(), before, "{name}: the store changed");
    }
    // The untampered file still imports: the refusals were about the tampering.
    let report = lts.ok(&["license", "import", "good.lic"]);
    assert_ne!(report, Value::Null);
    assert_ne!(snapshot().1, before.1);
}
