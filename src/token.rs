//! Authorization tokens: compact JWS signed with EdDSA (Ed25519) by a key created once per LTS (and shared
//! by every instance on one database), verifiable by any JOSE library with the JWKS at `/v1/jwks`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use jsonwebtoken::jwk::{Jwk, JwkSet, PublicKeyUse};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::license::IssuerKey;
use crate::store::Store;

/// Meta key under which the token-signing key (PKCS#8 PEM) is kept in the store.
const SIGNING_KEY_META: &str = "token_signing_key";

/// The claims of an authorization token. `exp` is the device's offline limit, never past the item's expiry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The LTS instance (`lts_id`).
    pub iss: String,
    /// The device UUID.
    pub sub: String,
    /// The handshake code.
    pub hs: String,
    pub item: String,
    pub option: String,
    pub iat: i64,
    pub exp: i64,
    /// Set on an offline check-out (`devices checkout`): the device holds its seat until `exp` by this
    /// token alone and is not expected to reach the LTS. Absent from online tokens.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub checked_out: bool,
}

/// Signs tokens with a ready Ed25519 key and a header encoded once. `jsonwebtoken::encode` would
/// re-derive the key from its PKCS#8 form and re-encode the header for every token, which cost more than
/// the signature itself on the hot path; the output is the same compact JWS (the tests verify it with
/// `jsonwebtoken`).
pub struct TokenSigner {
    key: IssuerKey,
    kid: String,
    /// `base64url(header) + "."`: the same for every token of this key.
    header: String,
    jwks: JwkSet,
}

impl TokenSigner {
    /// Loads the instance's signing key, creating it on first use. Concurrent first starts of several
    /// instances agree on one key because the store keeps whichever was written first.
    pub async fn load_or_create(store: &dyn Store) -> Result<Self> {
        let fresh = IssuerKey::generate().to_pkcs8_pem();
        let pem = zeroize::Zeroizing::new(store.meta_init(SIGNING_KEY_META, &fresh).await?);
        let issuer = IssuerKey::from_pkcs8_pem(&pem).map_err(|e| {
            Error::internal(format!("the stored token-signing key is unreadable: {e}"))
        })?;
        Self::from_key(issuer)
    }

    pub fn from_key(issuer: IssuerKey) -> Result<Self> {
        let pem = issuer.to_pkcs8_pem();
        let key = EncodingKey::from_ed_pem(pem.as_bytes())
            .map_err(|e| Error::internal(format!("loading the token-signing key: {e}")))?;
        let kid = issuer.public().key_id();
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(kid.clone());
        let header = serde_json::to_vec(&header)
            .map_err(|e| Error::internal(format!("encoding the token header: {e}")))?;
        let mut jwk = Jwk::from_encoding_key(&key, Algorithm::EdDSA)
            .map_err(|e| Error::internal(format!("building the JWK: {e}")))?;
        jwk.common.key_id = Some(kid.clone());
        jwk.common.public_key_use = Some(PublicKeyUse::Signature);
        Ok(TokenSigner {
            key: issuer,
            kid,
            header: format!("{}.", URL_SAFE_NO_PAD.encode(header)),
            jwks: JwkSet { keys: vec![jwk] },
        })
    }

    /// The compact JWS of `claims`: `header.payload.signature`, each part base64url without padding.
    pub fn sign(&self, claims: &Claims) -> Result<String> {
        let payload = serde_json::to_vec(claims)
            .map_err(|e| Error::internal(format!("encoding token claims: {e}")))?;
        let mut token = String::with_capacity(self.header.len() + payload.len() * 4 / 3 + 90);
        token.push_str(&self.header);
        URL_SAFE_NO_PAD.encode_string(&payload, &mut token);
        let signature = self.key.sign(token.as_bytes());
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(signature, &mut token);
        Ok(token)
    }

    /// The `kid` every token's header names (the key's id, as in the JWKS).
    pub fn key_id(&self) -> &str {
        &self.kid
    }

    pub fn jwks(&self) -> &JwkSet {
        &self.jwks
    }
}

pub fn claims(
    lts_id: &str,
    uuid: &str,
    handshake: &str,
    item: &str,
    option: &str,
    now: DateTime<Utc>,
    offline_until: DateTime<Utc>,
) -> Claims {
    Claims {
        iss: lts_id.to_string(),
        sub: uuid.to_string(),
        hs: handshake.to_string(),
        item: item.to_string(),
        option: option.to_string(),
        iat: now.timestamp(),
        exp: offline_until.timestamp(),
        checked_out: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{DecodingKey, Validation};

    #[test]
    fn tokens_verify_with_the_published_jwks() {
        let signer = TokenSigner::from_key(IssuerKey::generate()).unwrap();
        let now = Utc::now();
        let c = claims(
            "lts-1",
            "dev-1",
            "code-1",
            "ITEM-A",
            "per-device",
            now,
            now + chrono::Duration::days(7),
        );
        let token = signer.sign(&c).unwrap();
        let jwk = &signer.jwks().keys[0];
        let key = DecodingKey::from_jwk(jwk).unwrap();
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&["lts-1"]);
        let decoded = jsonwebtoken::decode::<Claims>(&token, &key, &validation).unwrap();
        assert_eq!(decoded.claims, c);
        assert_eq!(decoded.header.kid.as_deref(), Some(signer.key_id()));
        let json = serde_json::to_value(signer.jwks()).unwrap();
        assert_eq!(json["keys"][0]["kty"], "OKP");
        assert_eq!(json["keys"][0]["crv"], "Ed25519");
    }

    #[test]
    fn tokens_are_byte_for_byte_what_jsonwebtoken_signs() {
        let pem = IssuerKey::generate().to_pkcs8_pem();
        let signer = TokenSigner::from_key(IssuerKey::from_pkcs8_pem(&pem).unwrap()).unwrap();
        let now = Utc::now();
        let c = claims("lts-1", "dev-1", "code-1", "ITEM-A", "per-scan", now, now);
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(signer.key_id().to_string());
        let key = EncodingKey::from_ed_pem(pem.as_bytes()).unwrap();
        let expected = jsonwebtoken::encode(&header, &c, &key).unwrap();
        assert_eq!(signer.sign(&c).unwrap(), expected);
    }

    #[test]
    fn a_token_from_another_key_is_refused() {
        let a = TokenSigner::from_key(IssuerKey::generate()).unwrap();
        let b = TokenSigner::from_key(IssuerKey::generate()).unwrap();
        let now = Utc::now();
        let token = a
            .sign(&claims("l", "d", "c", "i", "per-device", now, now + chrono::Duration::days(1)))
            .unwrap();
        let key = DecodingKey::from_jwk(&b.jwks().keys[0]).unwrap();
        assert!(
            jsonwebtoken::decode::<Claims>(&token, &key, &Validation::new(Algorithm::EdDSA))
                .is_err()
        );
    }
}
