//! The one license builder: [`Item`]s and [`License`] documents (TOML), signed in-process with the
//! crate's own `IssuerKey` ([`sign`], [`raw_signature`], [`envelope`] for files no issuer would sign) or
//! through the binary (`ltsctl issuer keygen` and `issuer sign`, then `license import`: the [`Env`]
//! methods below).

use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use ltsctl::license::{IssuerKey, LicenseFile};
use serde_json::Value;

use crate::util::{CODE, Cli, Env, PRODUCT, days, days_from_now, now_secs, rfc3339, s};

/// One `[[items]]` table. Validity defaults to [at - 1 day, at + 365 days); `quota` is signed so that
/// bad documents can be written.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub product: String,
    pub option: String,
    pub quota: Option<i64>,
    pub active_period: Option<String>,
    pub domain: Option<String>,
    pub revokes: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// Raw TOML lines appended to the table (for unknown fields and the like).
    pub extra: Vec<String>,
}

impl Item {
    /// An item of `option` for [`PRODUCT`]; a per-device item is active yearly.
    pub fn new(id: &str, option: &str, quota: Option<i64>, at: DateTime<Utc>) -> Self {
        Item {
            id: id.to_string(),
            product: PRODUCT.to_string(),
            option: option.to_string(),
            quota,
            active_period: (option == "per-device").then(|| "yearly".to_string()),
            domain: None,
            revokes: None,
            valid_from: at - days(1),
            expires_at: at + days(365),
            extra: Vec::new(),
        }
    }

    pub fn per_device(id: &str, quota: i64, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-device", Some(quota), at)
    }

    pub fn per_server(id: &str, quota: i64, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-server", Some(quota), at)
    }

    pub fn per_scan(id: &str, quota: i64, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-scan", Some(quota), at)
    }

    pub fn per_concurrent(id: &str, quota: i64, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-concurrent-device", Some(quota), at)
    }

    pub fn per_domain(id: &str, domain: &str, at: DateTime<Utc>) -> Self {
        Item::new(id, "per-domain", None, at).domain(domain)
    }

    pub fn quota(mut self, quota: i64) -> Self {
        self.quota = Some(quota);
        self
    }

    pub fn product(mut self, p: &str) -> Self {
        self.product = p.to_string();
        self
    }

    pub fn period(mut self, p: &str) -> Self {
        self.active_period = Some(p.to_string());
        self
    }

    pub fn no_active_period(mut self) -> Self {
        self.active_period = None;
        self
    }

    pub fn domain(mut self, d: &str) -> Self {
        self.domain = Some(d.to_string());
        self
    }

    pub fn revokes(mut self, id: &str) -> Self {
        self.revokes = Some(id.into());
        self
    }

    pub fn valid(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.valid_from = from;
        self.expires_at = to;
        self
    }

    /// Valid from `from` days from now until `until` days from now (negative: in the past).
    pub fn valid_days(self, from: i64, until: i64) -> Self {
        self.valid(days_from_now(from), days_from_now(until))
    }

    pub fn expires(mut self, to: DateTime<Utc>) -> Self {
        self.expires_at = to;
        self
    }

    pub fn extra(mut self, line: &str) -> Self {
        self.extra.push(line.into());
        self
    }

    fn render(&self, out: &mut String) {
        let q = |v: &str| toml::Value::String(v.to_string()).to_string();
        out.push_str("\n[[items]]\n");
        out.push_str(&format!("id = {}\n", q(&self.id)));
        out.push_str(&format!("product = {}\n", q(&self.product)));
        out.push_str(&format!("option = {}\n", q(&self.option)));
        if let Some(quota) = self.quota {
            out.push_str(&format!("quota = {quota}\n"));
        }
        if let Some(p) = &self.active_period {
            out.push_str(&format!("active_period = {}\n", q(p)));
        }
        if let Some(d) = &self.domain {
            out.push_str(&format!("domain = {}\n", q(d)));
        }
        if let Some(r) = &self.revokes {
            out.push_str(&format!("revokes = {}\n", q(r)));
        }
        out.push_str(&format!("valid_from = {}\n", rfc3339(self.valid_from)));
        out.push_str(&format!("expires_at = {}\n", rfc3339(self.expires_at)));
        for line in &self.extra {
            out.push_str(line);
            out.push('\n');
        }
    }
}

/// A license document: its header and its items. Two presets, kept from the suites that grew them (the
/// golden files hold the first's licensee, the CLI tests the second's).
#[derive(Debug, Clone)]
pub struct License {
    pub id: String,
    pub licensee: String,
    /// `None`: when its first item becomes valid (now, without items).
    pub issued_at: Option<DateTime<Utc>>,
    pub lts_id: Option<String>,
    /// A `#` line at the top.
    pub comment: Option<String>,
    pub items: Vec<Item>,
}

impl License {
    /// For "Device API tests", issued when its first item becomes valid.
    pub fn new(id: &str, items: &[Item]) -> Self {
        License {
            id: id.to_string(),
            licensee: "Device API tests".into(),
            issued_at: None,
            lts_id: None,
            comment: None,
            items: items.to_vec(),
        }
    }

    /// For "Acme Test Corp", issued yesterday, with a comment line (documents may hold comments).
    pub fn acme(id: &str, items: &[Item]) -> Self {
        License {
            licensee: "Acme Test Corp".into(),
            issued_at: Some(days_from_now(-1)),
            comment: Some("written by the ltsctl integration tests".into()),
            ..License::new(id, items)
        }
    }

    /// Activated for the LTS `lts_id` only.
    pub fn lts_id(mut self, lts_id: &str) -> Self {
        self.lts_id = Some(lts_id.to_string());
        self
    }

    /// The document's TOML text.
    pub fn render(&self) -> String {
        let first = self.items.iter().map(|i| i.valid_from).min();
        let issued = self.issued_at.or(first).unwrap_or_else(Utc::now);
        let mut out = String::new();
        if let Some(comment) = &self.comment {
            out.push_str(&format!("# {comment}\n"));
        }
        out.push_str(&format!("id = \"{}\"\n", self.id));
        out.push_str(&format!("licensee = \"{}\"\n", self.licensee));
        out.push_str(&format!("issued_at = {}\n", rfc3339(issued)));
        if let Some(lts_id) = &self.lts_id {
            out.push_str(&format!("lts_id = \"{lts_id}\"\n"));
        }
        for item in &self.items {
            item.render(&mut out);
        }
        out
    }
}

/// [`License::new`]'s document with these items.
pub fn document(license_id: &str, items: &[Item]) -> String {
    License::new(license_id, items).render()
}

/// The document signed in-process into license file text.
pub fn sign(document: &str, key: &IssuerKey) -> String {
    LicenseFile::sign(document, key)
        .unwrap_or_else(|e| panic!("signing failed: {e}\n{document}"))
        .to_toml_string()
}

/// The key id and an Ed25519 signature of `payload` by the PKCS#8 PEM key at `key`.
pub fn raw_signature(payload: &[u8], key: &Path) -> (String, [u8; 64]) {
    let pem = std::fs::read_to_string(key).expect("read key");
    let key = IssuerKey::from_pkcs8_pem(&pem).expect("issuer key");
    (key.public().key_id(), key.sign(payload))
}

/// A license file envelope written by hand, in the documented `ltsctl-license/1` layout.
pub fn envelope(key_id: &str, payload: &[u8], signature: &[u8]) -> String {
    format!(
        "format    = \"ltsctl-license/1\"\nkey_id    = \"{key_id}\"\npayload   = \"{}\"\nsignature = \"{}\"\n",
        STANDARD.encode(payload),
        STANDARD.encode(signature)
    )
}

/// The decoded value of a base64 field (`payload`, `signature`) of a license file.
pub fn envelope_field(lic_text: &str, field: &str) -> Vec<u8> {
    let table: toml::Table = lic_text.parse().expect("license file is TOML");
    let text = table[field].as_str().expect("string field");
    STANDARD.decode(text).expect("base64")
}

/// Keys, signing and importing through the binary, on the [`Env`]'s data dir.
impl Env {
    /// A new environment whose data dir trusts the issuer key `issuer.pem` in the working dir.
    pub fn with_issuer() -> Self {
        let env = Env::new();
        env.trusted_issuer();
        env
    }

    /// [`Env::with_issuer`], with [`CODE`] drawing on these items (license `LIC-TEST`).
    pub fn with_items(items: &[Item]) -> Self {
        let env = Env::with_issuer();
        env.import(CODE, "LIC-TEST", items);
        env
    }

    /// `ltsctl issuer keygen` into the working dir: (`NAME.pem`, `NAME.pub.pem`).
    pub fn keygen(&self, name: &str) -> (PathBuf, PathBuf) {
        let key = self.work.join(format!("{name}.pem"));
        let public = self.work.join(format!("{name}.pub.pem"));
        self.ok(&["issuer", "keygen", "--out", s(&key), "--public-out", s(&public)]);
        (key, public)
    }

    /// `ltsctl trust add PUBLIC`.
    pub fn trust(&self, public: &Path) -> Value {
        self.ok(&["trust", "add", s(public)])
    }

    /// A new issuer key pair `issuer.pem`, already trusted by this LTS: returns the private key.
    pub fn trusted_issuer(&self) -> PathBuf {
        let (key, public) = self.keygen("issuer");
        self.trust(&public);
        key
    }

    /// Signs a document with `ltsctl issuer sign` and returns the license file.
    #[track_caller]
    pub fn sign(&self, doc_text: &str, key: &Path) -> PathBuf {
        let doc = self.write_fresh("license", "toml", doc_text);
        let out = self.fresh("license", "lic");
        self.ok(&["issuer", "sign", s(&doc), "--key", s(key), "--out", s(&out)]);
        out
    }

    /// Signs arbitrary payload bytes in-process (no document checks) and writes the envelope.
    pub fn sign_raw(&self, payload: &[u8], key: &Path) -> PathBuf {
        let (key_id, signature) = raw_signature(payload, key);
        self.write_fresh("raw", "lic", envelope(&key_id, payload, &signature))
    }

    /// `license import FILES...`, which must all import: the summary.
    #[track_caller]
    pub fn import_files(&self, files: &[&Path]) -> Value {
        let mut args = vec!["license", "import"];
        args.extend(files.iter().map(|f| s(f)));
        self.ok(&args)
    }

    /// Signs `doc_text` with `key` and imports it.
    pub fn sign_and_import(&self, doc_text: &str, key: &Path) -> Value {
        let file = self.sign(doc_text, key);
        self.import_files(&[&file])
    }

    /// Signs [`document`]`(license_id, items)` with `issuer.pem` and imports it with `--handshake CODE
    /// --create`: the summary.
    pub fn import(&self, code: &str, license_id: &str, items: &[Item]) -> Value {
        let lic = self.sign(&document(license_id, items), &self.work.join("issuer.pem"));
        self.ok(&["license", "import", s(&lic), "--handshake", code, "--create"])
    }
}

impl Cli<'_> {
    /// On this target: a new issuer key (`k.pem`) trusted, and [`document`]`(license_id, items)` signed with
    /// it and imported with `--handshake CODE --create`: the import's summary. For targets other than the
    /// environment's data dir (a PostgreSQL database), where [`Env::import`] does not apply.
    #[track_caller]
    pub fn issue_and_import(&self, code: &str, license_id: &str, items: &[Item]) -> Value {
        self.env.write("doc.toml", document(license_id, items));
        self.ok(&["issuer", "keygen", "--out", "k.pem"]);
        self.ok(&["issuer", "sign", "doc.toml", "--key", "k.pem", "--out", "doc.lic"]);
        self.ok(&["trust", "add", "k.pub.pem"]);
        self.ok(&["license", "import", "doc.lic", "--handshake", code, "--create"])
    }
}
