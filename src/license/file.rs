//! The signed envelope: a small TOML file carrying the document's exact bytes and an
//! Ed25519 signature over them.
//!
//! The document travels base64-encoded rather than inline so that the bytes the issuer
//! signed are the bytes the LTS checks; no TOML re-serialisation can sit in between.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use super::toml_read::{parse_toml_table, reject_unknown_keys, toml_type_name};
use super::{IssuerKey, LicenseDocument, LicenseError, PublicKey};

pub const FORMAT: &str = "ltsctl-license/1";
pub const MAX_FILE_BYTES: u64 = 1 << 20;

const FILE_FIELDS: &[&str] = &["format", "key_id", "payload", "signature"];
const HEADER: &str =
    "# ltsctl license file: the signature covers the decoded payload bytes exactly\n";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenseFile {
    pub format: String,
    pub key_id: String,
    pub payload: Vec<u8>,
    pub signature: [u8; 64],
}

impl LicenseFile {
    /// Reads the envelope only; nothing in it is trusted until `verify_with` succeeds.
    pub fn parse(bytes: &[u8]) -> Result<Self, LicenseError> {
        let size = bytes.len() as u64;
        if size > MAX_FILE_BYTES {
            return Err(LicenseError::TooLarge { size, limit: MAX_FILE_BYTES });
        }
        // The envelope is not signed, so tolerating a BOM from a Windows editor is harmless.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|_| {
            LicenseError::malformed(
                "",
                "the license file is not UTF-8 text; is it really a license file?",
            )
        })?;
        let table = parse_toml_table(text, "license file")?;
        let string = |key: &str| -> Result<&str, LicenseError> {
            match table.get(key) {
                Some(toml::Value::String(s)) => Ok(s),
                Some(other) => Err(LicenseError::malformed(
                    key,
                    format!("must be a string in double quotes, not {}", toml_type_name(other)),
                )),
                None => Err(LicenseError::malformed(
                    key,
                    "required field is missing; the file is incomplete or not a license file",
                )),
            }
        };

        // Format first: a newer format may legitimately have other fields.
        let format = string("format")?;
        if format != FORMAT {
            return Err(LicenseError::malformed(
                "format",
                format!(
                    "unsupported format \"{format}\"; this ltsctl reads only \"{FORMAT}\" \
                     (a newer ltsctl may be needed)"
                ),
            ));
        }
        reject_unknown_keys(&table, "", FILE_FIELDS)?;

        let key_id = string("key_id")?;
        if key_id.len() != 16
            || !key_id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return Err(LicenseError::malformed(
                "key_id",
                format!("\"{key_id}\" is not a key id; expected 16 lower-case hex characters"),
            ));
        }
        let payload = decode_base64("payload", string("payload")?)?;
        if payload.is_empty() {
            return Err(LicenseError::malformed(
                "payload",
                "is empty; it must carry the license document",
            ));
        }
        let signature = decode_base64("signature", string("signature")?)?;
        let signature: [u8; 64] = signature.as_slice().try_into().map_err(|_| {
            LicenseError::malformed(
                "signature",
                format!(
                    "decodes to {} bytes; an Ed25519 signature is exactly 64 bytes",
                    signature.len()
                ),
            )
        })?;
        Ok(LicenseFile {
            format: FORMAT.to_string(),
            key_id: key_id.to_string(),
            payload,
            signature,
        })
    }

    /// Holds the issuer to the same rules as an import, so a license that could never be
    /// imported is never issued; signs the caller's exact text, comments and all.
    pub fn sign(document_text: &str, key: &IssuerKey) -> Result<Self, LicenseError> {
        LicenseDocument::parse(document_text)?;
        let payload = document_text.as_bytes().to_vec();
        let file = LicenseFile {
            format: FORMAT.to_string(),
            key_id: key.public().key_id(),
            signature: key.sign(&payload),
            payload,
        };
        let size = file.to_toml_string().len() as u64;
        if size > MAX_FILE_BYTES {
            return Err(LicenseError::TooLarge { size, limit: MAX_FILE_BYTES });
        }
        Ok(file)
    }

    pub fn to_toml_string(&self) -> String {
        let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
        format!(
            "{HEADER}format    = {}\nkey_id    = {}\npayload   = \"{}\"\nsignature = \"{}\"\n",
            quote(&self.format),
            quote(&self.key_id),
            STANDARD.encode(&self.payload),
            STANDARD.encode(self.signature),
        )
    }

    /// Checks the signature before reading a single byte of the payload, so a forged
    /// document never reaches the TOML parser or the business rules.
    pub fn verify_with(&self, key: &PublicKey) -> Result<LicenseDocument, LicenseError> {
        if self.format != FORMAT {
            return Err(LicenseError::malformed(
                "format",
                format!("unsupported format \"{}\"; expected \"{FORMAT}\"", self.format),
            ));
        }
        let actual = key.key_id();
        if actual != self.key_id {
            return Err(LicenseError::KeyIdMismatch { declared: self.key_id.clone(), actual });
        }
        key.verify(&self.payload, &self.signature)?;
        let text = std::str::from_utf8(&self.payload).map_err(|e| {
            LicenseError::malformed(
                "payload",
                format!(
                    "the signed document is not UTF-8 text (invalid byte at offset {}); \
                     the issuer must sign a UTF-8 TOML document",
                    e.valid_up_to()
                ),
            )
        })?;
        LicenseDocument::parse(text)
    }

    /// `lookup` maps a key id to a trusted key (the LTS trust store).
    pub fn verify_trusted(
        &self,
        lookup: impl Fn(&str) -> Option<PublicKey>,
    ) -> Result<LicenseDocument, LicenseError> {
        let key = lookup(&self.key_id)
            .ok_or_else(|| LicenseError::UntrustedKey { key_id: self.key_id.clone() })?;
        self.verify_with(&key)
    }

    /// SHA-256 (64 lower-case hex chars) over the format, key id, payload bytes and
    /// signature, each length-prefixed. It ignores everything `parse` throws away
    /// (comments, spacing, key order, a BOM), so the same license re-sent in a
    /// reformatted file is recognised as already imported. Ed25519 signatures are
    /// deterministic and verified strictly, so one document signed by one key has
    /// exactly one fingerprint.
    pub fn fingerprint(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(b"ltsctl-license-fingerprint/1");
        for part in [self.format.as_bytes(), self.key_id.as_bytes(), &self.payload, &self.signature]
        {
            hasher.update((part.len() as u64).to_be_bytes());
            hasher.update(part);
        }
        hex::encode(hasher.finalize())
    }
}

/// Strict RFC 4648 standard base64 with padding, as the contract says, so ltsctl never
/// accepts a file that the other tools reading this format would refuse. Each kind of
/// deviation gets its own message because "invalid base64" alone helps nobody.
fn decode_base64(field: &str, text: &str) -> Result<Vec<u8>, LicenseError> {
    let bad = |reason: &str| Err(LicenseError::malformed(field, reason.to_string()));
    if text.chars().any(char::is_whitespace) {
        return bad("contains spaces or line breaks; the base64 text must be one unbroken line");
    }
    if text.contains(['-', '_']) {
        return bad("uses the URL-safe base64 alphabet ('-' and '_'); expected standard base64 \
             (RFC 4648 section 4, with '+' and '/')");
    }
    if let Some(c) =
        text.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')))
    {
        return bad(&format!("contains {c:?}, which is not a base64 character"));
    }
    if !text.len().is_multiple_of(4) {
        return bad("has the wrong length: standard base64 comes in groups of 4 characters, \
             padded with '='; it may be truncated or missing its '=' padding");
    }
    STANDARD.decode(text).or_else(|e| {
        bad(&match e {
            base64::DecodeError::InvalidLastSymbol(..) => {
                "is not canonical base64 (the last character has stray low bits); it was altered or truncated"
                    .to_string()
            }
            other => format!("is not valid base64 ({other})"),
        })
    })
}

#[cfg(test)]
#[path = "file_tests.rs"]
mod tests;
