//! Signed license files: the issuer's keys, the license document and the signed envelope.
//!
//! The split mirrors who trusts what: `document` holds the business rules an issuer must
//! follow, `file` holds the envelope whose signature makes those rules binding, and `keys`
//! is the only place that touches key material. Clock- and instance-dependent checks
//! (expiry, `lts_id`) are deliberately left to the caller, so everything here is a pure
//! function of its input and can be tested without a running LTS.

pub mod document;
pub mod file;
pub mod keys;
mod toml_read;

pub use document::{LicenseDocument, LicenseItem};
pub use file::LicenseFile;
pub use keys::{IssuerKey, PublicKey, key_id};

/// Why a license file, document or key was refused.
///
/// Every message is written for the license administrator who runs the import, and
/// [`LicenseError::hint`] adds what they can do about it.
#[derive(Debug, thiserror::Error)]
pub enum LicenseError {
    /// The file or document cannot be read. `field` is a dotted path such as
    /// `items[1].quota`, `payload` or `""` when no single field is to blame (the
    /// message is then the reason alone, which always says what was being read).
    #[error("{}", malformed_message(field, reason))]
    Malformed { field: String, reason: String },

    #[error(
        "signature does not verify: the license was changed after it was signed, \
         or it was not signed by the key it names"
    )]
    BadSignature,

    #[error("key {key_id} is not trusted by this LTS")]
    UntrustedKey { key_id: String },

    #[error("the license names signing key {declared}, but the key given is {actual}")]
    KeyIdMismatch { declared: String, actual: String },

    #[error("license file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },

    #[error("invalid key: {reason}")]
    InvalidKey { reason: String },
}

fn malformed_message(field: &str, reason: &str) -> String {
    if field.is_empty() { reason.to_string() } else { format!("{field}: {reason}") }
}

impl LicenseError {
    /// A short "what to do next" for the person who saw the error.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            LicenseError::Malformed { .. } => {
                "import the file exactly as the issuer sent it; if it is unchanged, \
                 ask the issuer to correct the named field and re-issue the license"
            }
            LicenseError::BadSignature => {
                "get an unmodified copy of the license file from the issuer; \
                 any edit, even whitespace inside the payload, breaks the signature"
            }
            LicenseError::UntrustedKey { .. } => {
                "add the issuer's public key with `ltsctl trust add PUB.pem`"
            }
            LicenseError::KeyIdMismatch { .. } => {
                "verify with the issuer public key whose id is on the license file's `key_id` line"
            }
            LicenseError::TooLarge { .. } => {
                "license files are a few KiB; check that you picked the right file"
            }
            LicenseError::InvalidKey { .. } => {
                "use an Ed25519 key in PEM form: `-----BEGIN PRIVATE KEY-----` (PKCS#8) to sign, \
                 `-----BEGIN PUBLIC KEY-----` (SPKI) to verify; \
                 `openssl genpkey -algorithm ed25519` makes one"
            }
        })
    }

    pub(crate) fn malformed(field: impl Into<String>, reason: impl Into<String>) -> Self {
        LicenseError::Malformed { field: field.into(), reason: reason.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_a_hint_and_a_readable_message() {
        let errors = [
            LicenseError::malformed("items[0].quota", "must be at least 1"),
            LicenseError::malformed("", "not UTF-8"),
            LicenseError::BadSignature,
            LicenseError::UntrustedKey { key_id: "0011223344556677".into() },
            LicenseError::KeyIdMismatch {
                declared: "0011223344556677".into(),
                actual: "8899aabbccddeeff".into(),
            },
            LicenseError::TooLarge { size: 2_000_000, limit: 1 << 20 },
            LicenseError::InvalidKey { reason: "not PEM".into() },
        ];
        for e in &errors {
            assert!(e.hint().is_some(), "{e:?}");
            assert!(!e.to_string().starts_with(':'), "{e}");
        }
        assert_eq!(errors[0].to_string(), "items[0].quota: must be at least 1");
        assert_eq!(errors[1].to_string(), "not UTF-8");
        assert!(errors[3].hint().unwrap().contains("ltsctl trust add"));
    }
}
