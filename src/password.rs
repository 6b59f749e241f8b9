//! Session passwords of handshake codes, stored only as Argon2id hashes (PHC strings).

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Argon2, PasswordHash};

use crate::error::{Error, Result};

/// Longest password accepted: hashing is deliberately slow, so unbounded input would be a DoS lever.
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// Shortest password accepted, in characters: the session password guards a code against anyone who
/// learned it, and a short one is guessed.
pub const MIN_PASSWORD_CHARS: usize = 8;

pub fn hash(password: &str) -> Result<String> {
    check(password)?;
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| Error::internal(format!("hashing the password failed: {e}")))
}

/// Constant-time comparison is done by the Argon2 verifier.
pub fn verify(password: &str, phc: &str) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Refuses a password that is empty, shorter than [`MIN_PASSWORD_CHARS`] or longer than
/// [`MAX_PASSWORD_BYTES`] (the admin API and a terminal prompt check the same).
pub fn check(password: &str) -> Result<()> {
    if password.is_empty() {
        return Err(Error::usage("the session password is empty").with_hint(
            "type a password, or remove it with `ltsctl handshake password clear CODE`",
        ));
    }
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(Error::usage(format!(
            "the session password has {chars} character(s); it needs at least {MIN_PASSWORD_CHARS}"
        ))
        .with_hint("choose a longer one; a few words in a row make a good one"));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(Error::usage(format!(
            "the session password is longer than {MAX_PASSWORD_BYTES} bytes"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_are_salted() {
        let a = hash("s3cret-pw").unwrap();
        let b = hash("s3cret-pw").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("s3cret-pw", &a));
        assert!(!verify("s3cret-pw!", &a));
        assert!(!verify("s3cret-pw", "not a phc string"));
    }

    #[test]
    fn empty_short_and_huge_passwords_are_refused() {
        assert!(hash("").is_err());
        assert!(hash(&"x".repeat(MAX_PASSWORD_BYTES + 1)).is_err());
        assert!(check("1234567").is_err());
        assert!(check("ünïcödé").is_err(), "7 characters, though 11 bytes");
        assert!(check("12345678").is_ok());
    }
}
