use super::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/openssl");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()
}

/// The OpenSSL fixture document: a valid document that expires in 2099.
fn document_text() -> String {
    fixture("license.toml")
}

fn signed() -> (IssuerKey, LicenseFile) {
    let key = IssuerKey::generate();
    let file = LicenseFile::sign(&document_text(), &key).unwrap();
    (key, file)
}

#[track_caller]
fn assert_malformed<T: std::fmt::Debug>(
    result: Result<T, LicenseError>,
    field: &str,
    needle: &str,
) {
    match result {
        Err(LicenseError::Malformed { field: f, reason }) => {
            assert_eq!(f, field, "reason was: {reason}");
            assert!(reason.contains(needle), "{field}: `{reason}` should mention `{needle}`");
        }
        other => panic!("expected Malformed on {field:?}, got {other:?}"),
    }
}

#[track_caller]
fn assert_bad_signature<T: std::fmt::Debug>(result: Result<T, LicenseError>) {
    assert!(matches!(result, Err(LicenseError::BadSignature)), "{result:?}");
}

/// The file text with one `key = "value"` line's value replaced.
fn with_value(file: &LicenseFile, key: &str, value: &str) -> Vec<u8> {
    file.to_toml_string()
        .lines()
        .map(|l| {
            if l.starts_with(&format!("{key} ")) {
                format!("{key} = \"{value}\"\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect::<String>()
        .into_bytes()
}

#[test]
fn sign_then_verify_round_trip() {
    let (key, file) = signed();
    assert_eq!(file.format, FORMAT);
    assert_eq!(file.key_id, key.public().key_id());
    assert_eq!(file.payload, document_text().as_bytes());
    let text = file.to_toml_string();
    assert!(text.starts_with(
        "# ltsctl license file: the signature covers the decoded payload bytes exactly\n\
         format    = \"ltsctl-license/1\"\n"
    ));
    let parsed = LicenseFile::parse(text.as_bytes()).unwrap();
    assert_eq!(parsed, file);
    let document = parsed.verify_with(&key.public()).unwrap();
    assert_eq!(document, LicenseDocument::parse(&document_text()).unwrap());
    let trusted = key.public();
    let via_store =
        parsed.verify_trusted(|id| (id == trusted.key_id()).then(|| trusted.clone())).unwrap();
    assert_eq!(via_store, document);
}

#[test]
fn openssl_signed_fixture_verifies() {
    let public = PublicKey::from_spki_pem(&fixture("issuer.pub.pem")).unwrap();
    let file = LicenseFile::parse(fixture("license.lic").as_bytes()).unwrap();
    assert_eq!(file.key_id, public.key_id());
    let document = file.verify_with(&public).unwrap();
    assert_eq!(document.id, "LIC-TEST-OPENSSL-0001");
    assert_eq!(document, LicenseDocument::parse(&document_text()).unwrap());
    assert!(!document.all_items_expired("2099-01-01T00:00:00Z".parse().unwrap()));
}

#[test]
fn our_signature_with_the_openssl_key_is_byte_identical() {
    // Ed25519 is deterministic, so signing the same bytes with the same key must
    // reproduce OpenSSL's file exactly, down to the key id and the layout.
    let key = IssuerKey::from_pkcs8_pem(&fixture("issuer.TEST-ONLY.key.pem")).unwrap();
    let ours = LicenseFile::sign(&document_text(), &key).unwrap();
    assert_eq!(ours.to_toml_string(), fixture("license.lic"));
}

#[test]
fn sign_refuses_an_invalid_document() {
    let key = IssuerKey::generate();
    let bad = document_text().replace("quota         = 25", "quota = 0");
    assert_malformed(LicenseFile::sign(&bad, &key), "items[0].quota", "at least 1");
}

#[test]
fn malformed_envelopes_are_refused() {
    let (_, file) = signed();
    let text = file.to_toml_string();
    assert_malformed(
        LicenseFile::parse(b"format = \"ltsctl-license/1\"\nkey_id ="),
        "",
        "not valid TOML",
    );
    assert_malformed(LicenseFile::parse(b"\xff\xfe garbage"), "", "not UTF-8");
    let no_sig: String =
        text.lines().filter(|l| !l.starts_with("signature")).map(|l| format!("{l}\n")).collect();
    assert_malformed(LicenseFile::parse(no_sig.as_bytes()), "signature", "missing");
    let extra = format!("{text}comment = \"hi\"\n");
    assert_malformed(LicenseFile::parse(extra.as_bytes()), "comment", "unknown field");
    let v2 = text.replace("ltsctl-license/1", "ltsctl-license/2");
    assert_malformed(
        LicenseFile::parse(v2.as_bytes()),
        "format",
        "reads only \"ltsctl-license/1\"",
    );
    let numeric = text.replace(&format!("\"{}\"", file.key_id), "42");
    assert_malformed(LicenseFile::parse(numeric.as_bytes()), "key_id", "must be a string");
    let upper =
        text.replace(&file.key_id, &file.key_id.to_uppercase().replace(char::is_numeric, "A"));
    assert_malformed(LicenseFile::parse(upper.as_bytes()), "key_id", "16 lower-case hex");
    assert_malformed(
        LicenseFile::parse(&with_value(&file, "key_id", "abc")),
        "key_id",
        "16 lower-case hex",
    );
    // A BOM and different spacing/comments are fine: only the signed bytes matter.
    let relaxed = format!("\u{feff}# hi\n{}", text.replace("format    =", "format="));
    assert_eq!(LicenseFile::parse(relaxed.as_bytes()).unwrap(), file);
}

#[test]
fn base64_must_be_strict_standard_with_padding() {
    let (_, file) = signed();
    let payload = STANDARD.encode(&file.payload);
    assert!(payload.ends_with('='), "fixture payload should need padding");
    let url_safe = payload.replacen(['+', '/'], "-", 1);
    let url_safe = if url_safe == payload { format!("-{}", &payload[1..]) } else { url_safe };
    assert_malformed(
        LicenseFile::parse(&with_value(&file, "payload", &url_safe)),
        "payload",
        "URL-safe",
    );
    let unpadded = payload.trim_end_matches('=');
    assert_malformed(
        LicenseFile::parse(&with_value(&file, "payload", unpadded)),
        "payload",
        "padding",
    );
    let wrapped = format!("{}\\n{}", &payload[..76], &payload[76..]);
    assert_malformed(
        LicenseFile::parse(&with_value(&file, "payload", &wrapped)),
        "payload",
        "line breaks",
    );
    assert_malformed(
        LicenseFile::parse(&with_value(&file, "payload", "QUJD*A==")),
        "payload",
        "not a base64 character",
    );
    // "QR==" decodes like "QQ==" (b"A") but with stray bits: two spellings of one byte.
    assert_malformed(
        LicenseFile::parse(&with_value(&file, "payload", "QR==")),
        "payload",
        "not canonical",
    );
    assert_malformed(LicenseFile::parse(&with_value(&file, "payload", "")), "payload", "is empty");
    let sig_url_safe = STANDARD.encode(file.signature).replace('+', "-").replace('/', "_");
    if sig_url_safe != STANDARD.encode(file.signature) {
        assert_malformed(
            LicenseFile::parse(&with_value(&file, "signature", &sig_url_safe)),
            "signature",
            "URL-safe",
        );
    }
}

#[test]
fn signature_of_the_wrong_length_is_refused() {
    let (_, file) = signed();
    for len in [0, 63, 65, 128] {
        let sig = STANDARD.encode(vec![7u8; len]);
        assert_malformed(
            LicenseFile::parse(&with_value(&file, "signature", &sig)),
            "signature",
            "exactly 64 bytes",
        );
    }
}

#[test]
fn any_flipped_bit_breaks_the_signature() {
    let (key, file) = signed();
    let public = key.public();
    let last = file.payload.len() - 1;
    for (pos, bit) in [(0, 0), (1, 7), (last / 2, 3), (last, 0), (last, 5)] {
        let mut tampered = file.clone();
        tampered.payload[pos] ^= 1 << bit;
        // Through the text form too, as an administrator would meet it.
        let reparsed = LicenseFile::parse(tampered.to_toml_string().as_bytes()).unwrap();
        assert_bad_signature(reparsed.verify_with(&public));
    }
    let mut longer = file.clone();
    longer.payload.push(b'\n');
    assert_bad_signature(longer.verify_with(&public));
    for pos in [0, 31, 32, 63] {
        let mut tampered = file.clone();
        tampered.signature[pos] ^= 0x10;
        assert_bad_signature(tampered.verify_with(&public));
    }
}

#[test]
fn key_mismatches() {
    let (_, file) = signed();
    let other = IssuerKey::generate().public();
    match file.verify_with(&other) {
        Err(LicenseError::KeyIdMismatch { declared, actual }) => {
            assert_eq!(declared, file.key_id);
            assert_eq!(actual, other.key_id());
        }
        result => panic!("expected KeyIdMismatch, got {result:?}"),
    }
    // Untrusted signer.
    match file.verify_trusted(|_| None) {
        Err(LicenseError::UntrustedKey { key_id }) => assert_eq!(key_id, file.key_id),
        result => panic!("expected UntrustedKey, got {result:?}"),
    }
    // A forger re-labels the file with the id of a key the LTS does trust.
    let mut forged = file.clone();
    forged.key_id = other.key_id();
    let trusted = other.clone();
    let lookup = |id: &str| (id == trusted.key_id()).then(|| trusted.clone());
    assert_bad_signature(forged.verify_trusted(lookup));
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let big = vec![b'#'; MAX_FILE_BYTES as usize + 1];
    match LicenseFile::parse(&big) {
        Err(LicenseError::TooLarge { size, limit }) => {
            assert_eq!(size, MAX_FILE_BYTES + 1);
            assert_eq!(limit, MAX_FILE_BYTES);
        }
        result => panic!("expected TooLarge, got {result:?}"),
    }
    let key = IssuerKey::generate();
    let padded = format!("{}\n#{}\n", document_text(), "x".repeat(800_000));
    assert!(matches!(LicenseFile::sign(&padded, &key), Err(LicenseError::TooLarge { .. })));
}

#[test]
fn correctly_signed_but_unreadable_payloads_are_malformed() {
    let key = IssuerKey::generate();
    let signed_bytes = |payload: Vec<u8>| LicenseFile {
        format: FORMAT.to_string(),
        key_id: key.public().key_id(),
        signature: key.sign(&payload),
        payload,
    };
    let mut latin1 = document_text().into_bytes();
    latin1.extend_from_slice(b"# Gr\xfc\xdfe\n");
    assert_malformed(signed_bytes(latin1).verify_with(&key.public()), "payload", "not UTF-8");
    // A signature only says who issued it; the business rules are still enforced.
    let zero = document_text().replace("quota         = 25", "quota = 0").into_bytes();
    assert_malformed(signed_bytes(zero).verify_with(&key.public()), "items[0].quota", "at least 1");
}

#[test]
fn fingerprint_identifies_the_signed_content_not_the_layout() {
    let (key, file) = signed();
    let fp = file.fingerprint();
    assert_eq!(fp.len(), 64);
    let reformatted =
        file.to_toml_string().replace("format    =", "format =").replace('#', "# again #");
    assert_eq!(LicenseFile::parse(reformatted.as_bytes()).unwrap().fingerprint(), fp);
    assert_eq!(LicenseFile::sign(&document_text(), &key).unwrap().fingerprint(), fp);
    let edited = LicenseFile::sign(&format!("{}\n", document_text()), &key).unwrap();
    assert_ne!(edited.fingerprint(), fp);
    let other_key = LicenseFile::sign(&document_text(), &IssuerKey::generate()).unwrap();
    assert_ne!(other_key.fingerprint(), fp);
}
