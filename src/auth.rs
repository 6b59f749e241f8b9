//! Admin API tokens: roles, generation and verification. A token reads `ltsctl_<id>_<secret>`; the store
//! keeps the id and a SHA-256 of the secret (the secret is 256 random bits, so a slow hash adds nothing),
//! and verification compares hashes in constant time.

use std::fmt;
use std::str::FromStr;

use base64::Engine;
use clap::ValueEnum;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use utoipa::ToSchema;
use zeroize::Zeroizing;

/// What a token may do. Each role includes the ones below it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ValueEnum, ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Read everything.
    Viewer,
    /// Read, unregister devices, sweep.
    Operator,
    /// Everything, including imports, settings and tokens.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Operator => "operator",
            Role::Admin => "admin",
        }
    }

    pub fn allows(self, needed: Role) -> bool {
        self >= needed
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "viewer" => Ok(Role::Viewer),
            "operator" => Ok(Role::Operator),
            "admin" => Ok(Role::Admin),
            other => Err(format!("unknown role {other} (expected admin, operator or viewer)")),
        }
    }
}

const PREFIX: &str = "ltsctl_";

/// A freshly made token: the full secret (shown once) and what the store keeps.
pub struct NewToken {
    pub secret: Zeroizing<String>,
    pub token_id: String,
    pub secret_hash: [u8; 32],
}

pub fn generate() -> NewToken {
    let mut id = [0u8; 6];
    let mut secret = Zeroizing::new([0u8; 32]);
    getrandom::fill(&mut id).expect("the OS random source works");
    getrandom::fill(secret.as_mut()).expect("the OS random source works");
    let token_id = hex::encode(id);
    let secret_b64 =
        Zeroizing::new(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret.as_ref()));
    NewToken {
        secret: Zeroizing::new(format!("{PREFIX}{token_id}_{}", secret_b64.as_str())),
        secret_hash: hash(secret_b64.as_bytes()),
        token_id,
    }
}

fn hash(secret: &[u8]) -> [u8; 32] {
    Sha256::digest(secret).into()
}

/// Splits a presented token into its id and the hash of its secret; `None` if it is not shaped like one.
pub fn parse(presented: &str) -> Option<(String, [u8; 32])> {
    let rest = presented.strip_prefix(PREFIX)?;
    let (id, secret) = rest.split_once('_')?;
    if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_hexdigit()) || secret.len() != 43 {
        return None;
    }
    Some((id.to_string(), hash(secret.as_bytes())))
}

pub fn hashes_match(presented: &[u8; 32], stored: &[u8]) -> bool {
    stored.len() == 32 && bool::from(presented.ct_eq(stored))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_tokens_parse_and_match_only_themselves() {
        let a = generate();
        let b = generate();
        let (id, h) = parse(&a.secret).unwrap();
        assert_eq!(id, a.token_id);
        assert!(hashes_match(&h, &a.secret_hash));
        assert!(!hashes_match(&h, &b.secret_hash));
        assert!(parse("ltsctl_nothex_x").is_none());
        assert!(parse("Bearer whatever").is_none());
        let mut tampered = a.secret.to_string();
        tampered.pop();
        tampered.push('A');
        if let Some((_, h2)) = parse(&tampered) {
            assert!(!hashes_match(&h2, &a.secret_hash) || tampered == *a.secret);
        }
    }

    #[test]
    fn roles_include_the_ones_below() {
        assert!(Role::Admin.allows(Role::Operator));
        assert!(Role::Operator.allows(Role::Viewer));
        assert!(!Role::Viewer.allows(Role::Operator));
        assert!(!Role::Operator.allows(Role::Admin));
    }
}
