//! What a secret looks like, to check that none leaks: the secret part of an admin token, a store that
//! holds secrets ([`secret_fixture`]), and every form of them ([`Secrets`]: the session password, a
//! token and its secret part, the issuer key's PEM lines and raw seed) to look for in output, logs and
//! files.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::util::{CODE, Env, Item, Out, now_secs};

/// The session password of [`secret_fixture`]'s code.
pub const SESSION_PASSWORD: &str = "Sesame-Pw-7f3a9c1e5b";

/// A data dir with a code (`CODE`) that has the session password [`SESSION_PASSWORD`], and an admin
/// token for it.
pub fn secret_fixture() -> (Env, String) {
    let at = now_secs();
    let lts = Env::with_items(&[Item::per_device("LIC-SECRET-A", 100, at)]);
    lts.ok_stdin(
        &["handshake", "password", "set", CODE, "--password-stdin"],
        Some(SESSION_PASSWORD),
    );
    let created = lts.ok(&["-o", "json", "token", "create", "keeper", "--role", "admin"]);
    let token = created["token"].as_str().expect("token").to_string();
    assert!(token.starts_with("ltsctl_"), "{token}");
    (lts, token)
}

/// The secret part of a token (`ltsctl_<id>_<secret>`; the base64url secret may hold `_` too).
#[track_caller]
pub fn secret_of(token: &str) -> &str {
    let secret = token.splitn(3, '_').nth(2).expect("secret");
    assert_eq!(secret.len(), 43, "{token}");
    secret
}

/// Neither the token nor its secret part shows in the command's output.
#[track_caller]
pub fn assert_no_secret(out: &Out, token: &str) {
    let all = out.all();
    let leaked = all.contains(token) || all.contains(secret_of(token));
    assert!(!leaked, "the token leaked:\n{all}");
}

/// Every secret form to look for: the session password, the whole token, its secret part, the issuer
/// key's PEM body lines and its raw seed.
pub struct Secrets {
    password: String,
    token: String,
    pem_lines: Vec<String>,
    seed: Vec<u8>,
}

impl Secrets {
    /// The secrets of `env`: its issuer key `issuer.pem` (in the working dir), [`SESSION_PASSWORD`] and
    /// `token`.
    pub fn of(env: &Env, token: &str) -> Secrets {
        let pem = std::fs::read_to_string(env.work.join("issuer.pem")).expect("issuer.pem");
        let pem_lines: Vec<String> = pem
            .lines()
            .filter(|l| !l.starts_with("-----") && !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        let der = STANDARD.decode(pem_lines.concat()).expect("PKCS#8 DER");
        Secrets {
            password: SESSION_PASSWORD.to_string(),
            token: token.to_string(),
            pem_lines,
            seed: der[der.len() - 32..].to_vec(),
        }
    }

    /// Panics naming the secret found in `haystack` (text or bytes).
    #[track_caller]
    pub fn assert_absent(&self, what: &str, haystack: &[u8]) {
        let mut needles: Vec<(&str, &[u8])> = vec![
            ("session password", self.password.as_bytes()),
            ("admin token", self.token.as_bytes()),
            ("token secret", secret_of(&self.token).as_bytes()),
            ("issuer key seed", &self.seed),
        ];
        for line in &self.pem_lines {
            needles.push(("issuer key PEM", line.as_bytes()));
        }
        for (name, needle) in needles {
            let found = haystack.windows(needle.len()).any(|w| w == needle);
            assert!(!found, "{what} contains the {name}");
        }
    }
}
