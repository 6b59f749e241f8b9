//! Shared helpers for the `ltsctl` integration tests: a private data dir and working dir per test, issuer
//! keys, license documents and signed license files (good ones via `ltsctl issuer sign`, deliberately bad
//! ones signed in-process with the crate's own `IssuerKey`).
#![allow(dead_code)]

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use serde_json::Value;
use tempfile::TempDir;

/// One isolated LTS: a temp dir holding the data dir and a working dir for key and license files.
pub struct Lts {
    _tmp: TempDir,
    pub root: PathBuf,
    pub data_dir: PathBuf,
    pub work: PathBuf,
    counter: Cell<u32>,
}

impl Lts {
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().to_path_buf();
        let data_dir = root.join("data");
        let work = root.join("work");
        assert!(
            !root.to_string_lossy().contains(char::is_whitespace),
            "the temp dir {} contains whitespace, which `Lts::sh` cannot pass; set TMPDIR",
            root.display()
        );
        std::fs::create_dir_all(&work).expect("work dir");
        Lts {
            _tmp: tmp,
            root,
            data_dir,
            work,
            counter: Cell::new(0),
        }
    }

    /// `ltsctl` with this LTS's data dir, the working dir as cwd, no colour and no inherited `LTSCTL_*`.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("ltsctl").expect("ltsctl binary");
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("LTSCTL_") {
                cmd.env_remove(&key);
            }
        }
        cmd.env("NO_COLOR", "1")
            .env("LTSCTL_DATA_DIR", &self.data_dir)
            .current_dir(&self.work);
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run ltsctl")
    }

    /// Runs a command that must succeed and returns its JSON output.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        expect_code(&out, 0, args);
        json(&out)
    }

    /// Runs a command that must fail with `code`; returns stderr (checked to be an `ltsctl:` error line).
    #[track_caller]
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        expect_code(&out, code, args);
        let err = stderr(&out);
        // clap's own usage errors start with `error:`; everything else is ours.
        let ours = err.contains("ltsctl: error: ") || err.contains("ltsctl: warning: ");
        let clap = code == 2 && err.starts_with("error:");
        assert!(
            ours || clap,
            "{args:?}: stderr has no `ltsctl: error:` line:\n{err}"
        );
        err
    }

    /// Runs a command line split on whitespace (so no argument may contain a space); it must succeed.
    #[track_caller]
    pub fn sh(&self, line: &str) -> Value {
        self.ok(&line.split_whitespace().collect::<Vec<_>>())
    }

    /// Like [`Lts::fails`], for a command line split on whitespace.
    #[track_caller]
    pub fn sh_err(&self, line: &str, code: i32) -> String {
        self.fails(&line.split_whitespace().collect::<Vec<_>>(), code)
    }

    /// Runs a command line split on whitespace and returns its output, whatever the exit code.
    pub fn sh_out(&self, line: &str) -> Output {
        self.run(&line.split_whitespace().collect::<Vec<_>>())
    }

    /// A fresh file name in the working dir.
    pub fn fresh(&self, stem: &str, ext: &str) -> PathBuf {
        let n = self.counter.get() + 1;
        self.counter.set(n);
        self.work.join(format!("{stem}-{n}.{ext}"))
    }

    pub fn write(&self, stem: &str, ext: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.fresh(stem, ext);
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// `ltsctl issuer keygen`: returns (private key, public key).
    pub fn keygen(&self, name: &str) -> (PathBuf, PathBuf) {
        let key = self.work.join(format!("{name}.pem"));
        let public = self.work.join(format!("{name}.pub.pem"));
        self.ok(&[
            "issuer",
            "keygen",
            "--out",
            s(&key),
            "--public-out",
            s(&public),
        ]);
        (key, public)
    }

    pub fn trust(&self, public: &Path) -> Value {
        self.ok(&["trust", "add", s(public)])
    }

    /// A new issuer key pair, already trusted by this LTS: returns the private key.
    pub fn trusted_issuer(&self) -> PathBuf {
        let (key, public) = self.keygen("issuer");
        self.trust(&public);
        key
    }

    /// Signs a document with `ltsctl issuer sign` and returns the license file.
    #[track_caller]
    pub fn sign(&self, doc_text: &str, key: &Path) -> PathBuf {
        let doc = self.write("license", "toml", doc_text);
        let out = self.fresh("license", "lic");
        self.ok(&["issuer", "sign", s(&doc), "--key", s(key), "--out", s(&out)]);
        out
    }

    /// Signs arbitrary payload bytes in-process (no document checks) and writes the envelope.
    pub fn sign_raw(&self, payload: &[u8], key: &Path) -> PathBuf {
        let (key_id, signature) = raw_signature(payload, key);
        self.write("raw", "lic", envelope(&key_id, payload, &signature))
    }

    /// Imports files that must all import; returns the summary JSON.
    #[track_caller]
    pub fn import(&self, files: &[&Path]) -> Value {
        let mut args = vec!["license", "import"];
        args.extend(files.iter().map(|f| s(f)));
        self.ok(&args)
    }

    /// Signs `doc_text` with a trusted key and imports it.
    pub fn sign_and_import(&self, doc_text: &str, key: &Path) -> Value {
        let file = self.sign(doc_text, key);
        self.import(&[&file])
    }

    pub fn licenses(&self) -> Vec<Value> {
        as_array(&self.ok(&["license", "list"]))
    }

    pub fn status(&self) -> Value {
        self.ok(&["status"])
    }

    pub fn counts(&self) -> Value {
        self.status()["counts"].clone()
    }

    pub fn lts_id(&self) -> String {
        self.status()["lts_id"]
            .as_str()
            .expect("lts_id")
            .to_string()
    }

    pub fn handshake(&self, code: &str) -> Value {
        self.ok(&["handshake", "show", code])
    }

    /// Ids of a code's items in consumption order.
    pub fn handshake_items(&self, code: &str) -> Vec<String> {
        item_ids(&self.handshake(code))
    }
}

impl Default for Lts {
    fn default() -> Self {
        Lts::new()
    }
}

/// A path as a command-line argument (temp paths are UTF-8).
pub fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[track_caller]
pub fn expect_code(out: &Output, code: i32, args: &[&str]) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "ltsctl {args:?}: expected exit {code}\n--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[track_caller]
pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\n--- stderr\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts that `text` (an error message, usually) contains every one of `needles`.
#[track_caller]
pub fn assert_has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
    }
}

/// The ids of the `items` of a license, a code or a verify report.
#[track_caller]
pub fn item_ids(v: &Value) -> Vec<String> {
    as_array(&v["items"])
        .iter()
        .map(|i| i["id"].as_str().expect("item id").to_string())
        .collect()
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[track_caller]
pub fn as_array(v: &Value) -> Vec<Value> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a JSON array: {v}"))
        .clone()
}

/// Now plus `days` (negative: in the past), to the second.
pub fn days_from_now(days: i64) -> DateTime<Utc> {
    let now = Utc::now() + TimeDelta::days(days);
    DateTime::from_timestamp(now.timestamp(), 0).expect("timestamp")
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// One `[[items]]` table of a license document. `quota` is signed so that bad documents can be written.
#[derive(Debug, Clone)]
pub struct ItemSpec {
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

impl ItemSpec {
    /// An item of `option` with no quota, valid from yesterday for a year.
    pub fn new(id: &str, option: &str) -> Self {
        ItemSpec {
            id: id.into(),
            product: "barcode-reader".into(),
            option: option.into(),
            quota: None,
            active_period: None,
            domain: None,
            revokes: None,
            valid_from: days_from_now(-1),
            expires_at: days_from_now(365),
            extra: Vec::new(),
        }
    }

    pub fn device(id: &str, quota: i64, period: &str) -> Self {
        let mut item = ItemSpec::new(id, "per-device").quota(quota);
        item.active_period = Some(period.into());
        item
    }

    pub fn scan(id: &str, quota: i64) -> Self {
        ItemSpec::new(id, "per-scan").quota(quota)
    }

    pub fn concurrent(id: &str, quota: i64) -> Self {
        ItemSpec::new(id, "per-concurrent-device").quota(quota)
    }

    pub fn quota(mut self, quota: i64) -> Self {
        self.quota = Some(quota);
        self
    }

    pub fn product(mut self, product: &str) -> Self {
        self.product = product.into();
        self
    }

    pub fn no_active_period(mut self) -> Self {
        self.active_period = None;
        self
    }

    pub fn revokes(mut self, id: &str) -> Self {
        self.revokes = Some(id.into());
        self
    }

    /// Valid from `from` days from now until `until` days from now (negative: in the past).
    pub fn valid(mut self, from: i64, until: i64) -> Self {
        self.valid_from = days_from_now(from);
        self.expires_at = days_from_now(until);
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

/// A license document (TOML) with the given items, issued yesterday, for any LTS.
pub fn license_doc(id: &str, items: &[ItemSpec]) -> String {
    license_doc_for(id, None, items)
}

/// Like [`license_doc`], activated for the LTS `lts_id` when given.
pub fn license_doc_for(id: &str, lts_id: Option<&str>, items: &[ItemSpec]) -> String {
    let mut out = String::from("# written by the ltsctl integration tests\n");
    out.push_str(&format!("id = \"{id}\"\n"));
    out.push_str("licensee = \"Acme Test Corp\"\n");
    out.push_str(&format!("issued_at = {}\n", rfc3339(days_from_now(-1))));
    if let Some(lts_id) = lts_id {
        out.push_str(&format!("lts_id = \"{lts_id}\"\n"));
    }
    for item in items {
        item.render(&mut out);
    }
    out
}

/// The key id and an Ed25519 signature of `payload` by the PKCS#8 PEM key at `key`.
pub fn raw_signature(payload: &[u8], key: &Path) -> (String, [u8; 64]) {
    let pem = std::fs::read_to_string(key).expect("read key");
    let key = ltsctl::license::IssuerKey::from_pkcs8_pem(&pem).expect("issuer key");
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
