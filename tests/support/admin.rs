//! Shared setup for the remote administration and device CLI tests: an isolated environment per test
//! (data dir, config file, HOME), the `ltsctl` binary run against either target (`--data-dir DIR`, or
//! `--server URL` with the token in `LTSCTL_TOKEN`), `ltsctl serve` on port 0, and stores seeded through
//! the library with a [`ManualClock`] (so devices can be "last seen" hours ago without waiting).
//!
//! Needs `#[path = "support/lts.rs"] mod lts;` next to it in the test crate.
#![allow(dead_code)]

use std::ffi::OsString;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use ltsctl::admin::local::LocalAdmin;
use ltsctl::admin::prelude::*;
use ltsctl::admin::{ImportTarget};
use ltsctl::clock::ManualClock;
use ltsctl::license::IssuerKey;
use ltsctl::service::DeviceService;
use ltsctl::service::types::{AuthorizeRequest, Platform, UsageReport, UsageRequest};
use ltsctl::store::{DeviceRow, DevicesStore, SqliteStore};
use serde_json::Value;
use tempfile::TempDir;

use crate::lts;

/// Where an admin command goes: the local data dir, or a server with a token (passed through the
/// environment, never argv).
#[derive(Clone, Debug)]
pub struct Target {
    /// `local` or `remote`.
    pub kind: &'static str,
    pub args: Vec<OsString>,
    pub token: Option<String>,
}

impl Target {
    pub fn local(data: &Path) -> Self {
        Target {
            kind: "local",
            args: vec!["--data-dir".into(), data.into()],
            token: None,
        }
    }

    pub fn remote(url: &str, token: Option<&str>) -> Self {
        Target {
            kind: "remote",
            args: vec!["--server".into(), url.into()],
            token: token.map(str::to_string),
        }
    }

    /// No target flags: the environment and the config file decide.
    pub fn none() -> Self {
        Target {
            kind: "none",
            args: Vec::new(),
            token: None,
        }
    }

    pub fn with_ca(mut self, ca: &Path) -> Self {
        self.args.push("--ca-cert".into());
        self.args.push(ca.into());
        self
    }
}

/// A finished command: exit code and output.
#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    /// Stdout as one JSON value (`Null` when empty).
    #[track_caller]
    pub fn json(&self) -> Value {
        if self.stdout.trim().is_empty() {
            return Value::Null;
        }
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Stdout and stderr together, for "never shows X" checks.
    pub fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

/// One isolated test environment: a temp dir with the data dir, a working dir, HOME and the config file.
pub struct Env {
    _tmp: TempDir,
    pub root: PathBuf,
    pub data: PathBuf,
    pub work: PathBuf,
    pub config: PathBuf,
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Self {
        // On tmpfs when there is one: the store syncs every commit, which is slow on a shared disk.
        let shm = Path::new("/dev/shm");
        let tmp = match shm.is_dir() {
            true => tempfile::Builder::new()
                .prefix("ltsctl-test-")
                .tempdir_in(shm)
                .or_else(|_| tempfile::tempdir()),
            false => tempfile::tempdir(),
        }
        .expect("temp dir");
        let root = tmp.path().to_path_buf();
        for dir in ["work", "home", "run"] {
            std::fs::create_dir_all(root.join(dir)).expect("dir");
        }
        Env {
            data: root.join("data"),
            work: root.join("work"),
            config: root.join("home").join("ltsctl-config.toml"),
            root,
            _tmp: tmp,
        }
    }

    pub fn local(&self) -> Target {
        Target::local(&self.data)
    }

    /// `ltsctl` with nothing inherited that could pick a target, a profile or a keyring: no `LTSCTL_*`,
    /// HOME and XDG dirs inside the temp dir, no D-Bus session (so the keyring is the kernel keyutils
    /// store), no colour; stdin is /dev/null (not a terminal).
    pub fn command(&self) -> Command {
        self.command_of(lts::bin())
    }

    /// Any program with the environment of [`Env::command`] (e.g. `keyctl session - bash script`).
    pub fn command_of(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        for (key, _) in std::env::vars_os() {
            let k = key.to_string_lossy();
            if k.starts_with("LTSCTL_") || k.starts_with("XDG_") || k == "DBUS_SESSION_BUS_ADDRESS"
            {
                cmd.env_remove(&key);
            }
        }
        let home = self.root.join("home");
        cmd.env("NO_COLOR", "1")
            .env("LTSCTL_LOG", "warn")
            .env("LTSCTL_CONFIG", &self.config)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_RUNTIME_DIR", self.root.join("run"))
            .current_dir(&self.work)
            .stdin(Stdio::null());
        cmd
    }

    /// `ltsctl TARGET ARGS`, with `stdin` piped in when given.
    pub fn run_stdin(&self, target: &Target, args: &[&str], stdin: Option<&str>) -> Out {
        let mut cmd = self.command();
        cmd.args(&target.args).args(args);
        if let Some(token) = &target.token {
            cmd.env("LTSCTL_TOKEN", token);
        }
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        if stdin.is_some() {
            cmd.stdin(Stdio::piped());
        }
        let mut child = cmd.spawn().expect("spawn ltsctl");
        if let Some(text) = stdin {
            let mut pipe = child.stdin.take().expect("stdin");
            pipe.write_all(text.as_bytes()).expect("write stdin");
        }
        let out = child.wait_with_output().expect("run ltsctl");
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// A command line split on whitespace (no argument may hold a space) that must exit with `code`.
    #[track_caller]
    pub fn sh_code(&self, target: &Target, line: &str, code: i32) -> Out {
        let args: Vec<&str> = line.split_whitespace().collect();
        let out = self.run_stdin(target, &args, None);
        expect(&out, code, target, &args);
        out
    }

    /// A command line split on whitespace that must succeed: its stdout as JSON.
    #[track_caller]
    pub fn sh(&self, target: &Target, line: &str) -> Value {
        self.sh_code(target, line, 0).json()
    }

    /// `token create NAME --role ROLE` on the local data dir: the secret.
    #[track_caller]
    pub fn token(&self, name: &str, role: &str) -> String {
        let v = self.sh(&self.local(), &format!("token create {name} --role {role}"));
        v["token"].as_str().expect("token").to_string()
    }

    /// `ltsctl serve --data-dir DATA --listen 127.0.0.1:0 --rate-limit 0 EXTRA`.
    pub fn serve(&self, extra: &[&str]) -> LtsServer {
        LtsServer::start(self, extra)
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.work.join(name);
        std::fs::write(&path, contents).expect("write file");
        path
    }
}

#[track_caller]
pub fn expect(out: &Out, code: i32, target: &Target, args: &[&str]) {
    assert_eq!(
        out.code, code,
        "ltsctl ({}) {args:?}: expected exit {code}\n--- stdout\n{}\n--- stderr\n{}",
        target.kind, out.stdout, out.stderr
    );
}

/// `ltsctl serve` on 127.0.0.1 port 0, killed when dropped.
pub struct LtsServer {
    child: Child,
    /// What the first stdout line says, e.g. `http://127.0.0.1:40797`.
    pub url: String,
    stderr: PathBuf,
}

impl LtsServer {
    fn start(env: &Env, extra: &[&str]) -> Self {
        let stderr = env
            .root
            .join(format!("serve-{}.stderr", uuid::Uuid::new_v4().simple()));
        let mut child = env
            .command()
            .arg("--data-dir")
            .arg(&env.data)
            .args(["serve", "--listen", "127.0.0.1:0", "--rate-limit", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(File::create(&stderr).expect("stderr file"))
            .spawn()
            .expect("spawn ltsctl serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_default();
        let mut server = LtsServer {
            child,
            url: String::new(),
            stderr,
        };
        match line.trim().strip_prefix("listening on ") {
            Some(url) => server.url = url.to_string(),
            None => panic!(
                "serve did not print `listening on URL` first: {line:?}\n{}",
                server.stderr_text()
            ),
        }
        server
    }

    pub fn port(&self) -> u16 {
        let port = self.url.rsplit(':').next().expect("port");
        port.trim_end_matches('/').parse().expect("port number")
    }

    pub fn stderr_text(&self) -> String {
        let mut s = String::new();
        let _ = File::open(&self.stderr).and_then(|mut f| f.read_to_string(&mut s));
        s
    }
}

impl Drop for LtsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A store opened in-process on a data dir, with a [`ManualClock`] for the admin operations and the
/// device service, to seed licenses, devices and usage at chosen times before the CLI looks at it.
pub struct Seeder {
    rt: tokio::runtime::Runtime,
    store: Arc<SqliteStore>,
    pub clock: Arc<ManualClock>,
    pub admin: LocalAdmin,
    service: DeviceService,
    pub issuer: IssuerKey,
}

impl Seeder {
    /// Opens (or creates) the store in `data` with the clock at `at`.
    pub fn open(data: &Path, at: DateTime<Utc>) -> Self {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let clock = Arc::new(ManualClock::new(at));
        let (store, admin, service, issuer) = rt.block_on(async {
            let store = Arc::new(SqliteStore::open(data).await.expect("open store"));
            let admin = LocalAdmin::new(store.clone(), clock.clone());
            let service = DeviceService::new(store.clone(), clock.clone())
                .await
                .expect("device service");
            (store, admin, service, IssuerKey::generate())
        });
        Seeder {
            rt,
            store,
            clock,
            admin,
            service,
            issuer,
        }
    }

    pub fn set_time(&self, at: DateTime<Utc>) {
        self.clock.set(at);
    }

    /// Signs and imports a license, binding its items to `code` (created if needed).
    /// Trusts the seeder's own issuer key first (a no-op after the first time).
    pub fn import(&self, code: &str, license_id: &str, items: &[lts::Item]) {
        let pem = self.issuer.public().to_spki_pem();
        let trusted = self
            .rt
            .block_on(self.admin.trust_add(&pem, Some("seeder".into())));
        trusted.expect("trust add");
        let text = lts::sign(&lts::document(license_id, items), &self.issuer);
        let target = ImportTarget {
            code: code.to_string(),
            create: true,
        };
        let file = format!("{license_id}.lic");
        self.rt
            .block_on(
                self.admin
                    .license_import(&file, text.as_bytes(), Some(&target), false),
            )
            .unwrap_or_else(|e| panic!("import {license_id}: {e}"));
    }

    /// Authorizes a device at the clock's time; the item it got.
    #[track_caller]
    pub fn authorize(&self, code: &str, uuid: &str) -> String {
        let req = AuthorizeRequest {
            handshake: code.to_string(),
            uuid: uuid.to_string(),
            product: lts::PRODUCT.to_string(),
            platform: Platform::Desktop,
            domain: None,
            session_password: None,
            name: Some(format!("host-{uuid}")),
        };
        match self.rt.block_on(self.service.authorize(req, None)) {
            Ok(resp) => resp.item,
            Err(e) => panic!("authorize {uuid} on {code}: {e:?}"),
        }
    }

    /// Seats `uuids` on `item` through `code` as rows written straight into the store, in one
    /// transaction (no quota checks: thousands in a blink), seen at the clock's time.
    pub fn insert<S: AsRef<str>>(&self, code: &str, item: &str, uuids: &[S]) {
        let at = ltsctl::clock::Clock::now(self.clock.as_ref()).timestamp();
        let rows: Vec<DeviceRow> = uuids
            .iter()
            .map(|u| DeviceRow {
                uuid: u.as_ref().to_string(),
                handshake: code.to_string(),
                item_id: item.to_string(),
                platform: "desktop".into(),
                domain: None,
                name: Some(format!("host-{}", u.as_ref())),
                first_seen: at,
                last_seen: at,
                expires_at: at + 365 * 86_400,
            })
            .collect();
        let inserted = self.rt.block_on(self.store.insert_devices(&rows));
        inserted.unwrap_or_else(|e| panic!("insert devices: {e}"));
    }

    /// Authorizes `uuids` on `code` at the clock's time.
    pub fn authorize_all<S: AsRef<str>>(&self, code: &str, uuids: &[S]) {
        for uuid in uuids {
            self.authorize(code, uuid.as_ref());
        }
    }

    /// One usage report per `(id, at, scans)`; all must be accepted.
    #[track_caller]
    pub fn usage(&self, code: &str, uuid: &str, reports: &[Report]) {
        let reports = reports
            .iter()
            .map(|(id, at, scans)| UsageReport {
                id: id.to_string(),
                at: *at,
                scans: Some(scans.iter().map(|(k, n)| (k.to_string(), *n)).collect()),
                pages: None,
            })
            .collect::<Vec<_>>();
        let n = reports.len();
        let req = UsageRequest {
            handshake: code.to_string(),
            uuid: uuid.to_string(),
            reports,
        };
        match self.rt.block_on(self.service.usage(req)) {
            Ok(r) => assert_eq!(r.accepted, n, "usage of {uuid}"),
            Err(e) => panic!("usage of {uuid} on {code}: {e:?}"),
        }
    }

    /// Uploads these reports as they are (scans and pages); all must be accepted.
    #[track_caller]
    pub fn upload(&self, code: &str, uuid: &str, reports: Vec<UsageReport>) {
        let n = reports.len();
        let req = UsageRequest {
            handshake: code.to_string(),
            uuid: uuid.to_string(),
            reports,
        };
        match self.rt.block_on(self.service.usage(req)) {
            Ok(r) => assert_eq!(r.accepted, n, "usage of {uuid}"),
            Err(e) => panic!("usage of {uuid} on {code}: {e:?}"),
        }
    }

    /// Runs any admin operation on the seeded store.
    pub fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
        self.rt.block_on(f)
    }
}

/// The length of a JSON array (panics on anything else).
#[track_caller]
pub fn len(v: &Value) -> usize {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .len()
}

/// The element of a JSON array whose `key` is `value`.
#[track_caller]
pub fn find<'a>(v: &'a Value, key: &str, value: &str) -> &'a Value {
    let list = v.as_array().unwrap_or_else(|| panic!("not an array: {v}"));
    let found = list.iter().find(|e| e[key] == value);
    found.unwrap_or_else(|| panic!("no {key} = {value} in {v}"))
}

/// A usage report for [`Seeder::usage`]: its id, when, and scans per symbology.
pub type Report<'a> = (&'a str, DateTime<Utc>, &'a [(&'a str, u64)]);

/// Device UUIDs `prefix-0000` ... in order.
pub fn uuids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}-{i:05}")).collect()
}

/// The `uuid` fields of a JSON array of devices.
#[track_caller]
pub fn uuid_list(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|d| d["uuid"].as_str().expect("uuid").to_string())
        .collect()
}

/// Asserts that `text` (an error message, usually) contains every one of `needles`.
#[track_caller]
pub fn assert_has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
    }
}

/// Asserts that every field of the object `expected` has that value in `actual` (other fields may differ).
#[track_caller]
pub fn subset(actual: &Value, expected: Value) {
    let fields = expected.as_object().expect("an object of expected fields");
    for (key, want) in fields {
        assert_eq!(&actual[key], want, "field `{key}` of {actual}");
    }
}

/// Drops what differs between two stores and two runs: times, the instance id, the target.
pub fn normalize(v: &Value) -> Value {
    const DROP: [&str; 8] = [
        "target",
        "lts_id",
        "at",
        "first_seen",
        "last_seen",
        "since",
        "until",
        "location",
    ];
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !DROP.contains(&k.as_str()) && !k.ends_with("_at"))
                .map(|(k, v)| (k.clone(), normalize(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(normalize).collect()),
        other => other.clone(),
    }
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

/// Whether `program PROBE...` runs and succeeds (tools the environment may lack: openssl, keyctl).
pub fn have(program: &str, probe: &[&str]) -> bool {
    let out = Command::new(program).args(probe).output();
    out.is_ok_and(|o| o.status.success())
}

/// `openssl ARGS` (a command line split on whitespace) in `dir`; it must succeed.
#[track_caller]
fn openssl(dir: &Path, line: &str) {
    let args: Vec<&str> = line.split_whitespace().collect();
    let out = Command::new("openssl")
        .args(&args)
        .current_dir(dir)
        .output();
    let out = out.expect("run openssl");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "openssl {line}: {err}");
}

/// A private CA (`ca.pem`, made once per dir) and a server certificate `NAME.pem` / `NAME.key` signed by
/// it for the subject alternative names `san` (e.g. `DNS:localhost,IP:127.0.0.1`): (ca, cert, key).
pub fn ca_and_cert(dir: &Path, name: &str, san: &str) -> (PathBuf, PathBuf, PathBuf) {
    let p256 = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    if !dir.join("ca.pem").exists() {
        openssl(
            dir,
            &format!(
                "req -x509 {p256} -days 2 -keyout ca.key -out ca.pem -subj /CN=ltsctl-test-CA \
                 -addext basicConstraints=critical,CA:TRUE \
                 -addext keyUsage=critical,keyCertSign,cRLSign"
            ),
        );
    }
    let ext = format!(
        "subjectAltName={san}\nbasicConstraints=critical,CA:FALSE\n\
         keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
    );
    std::fs::write(dir.join(format!("{name}.ext")), ext).expect("ext file");
    openssl(
        dir,
        &format!("req -new {p256} -keyout {name}.key -out {name}.csr -subj /CN=localhost"),
    );
    openssl(
        dir,
        &format!(
            "x509 -req -in {name}.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
             -out {name}.pem -extfile {name}.ext"
        ),
    );
    let at = |f: String| dir.join(f);
    (
        at("ca.pem".into()),
        at(format!("{name}.pem")),
        at(format!("{name}.key")),
    )
}

/// A self-signed server certificate `NAME.pem` / `NAME.key` for `san` made the way README shows, with
/// `openssl req -x509` and `extra` options (e.g. `-addext basicConstraints=critical,CA:FALSE`; without it
/// OpenSSL's default configuration makes it `CA:TRUE`): (cert, key).
pub fn self_signed(dir: &Path, name: &str, san: &str, extra: &str) -> (PathBuf, PathBuf) {
    openssl(
        dir,
        &format!(
            "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
             -keyout {name}.key -out {name}.pem -subj /CN=localhost -addext subjectAltName={san} {extra}"
        ),
    );
    (
        dir.join(format!("{name}.pem")),
        dir.join(format!("{name}.key")),
    )
}

/// A self-signed `CA:TRUE` certificate for localhost that expired in 2021 (`openssl ca -selfsign` is the
/// only OpenSSL 3.0 command that sets both dates): (cert, key).
pub fn expired_self_signed(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let ca = dir.join(format!("{name}-ca"));
    std::fs::create_dir_all(&ca).expect("dir");
    std::fs::write(ca.join("index.txt"), "").expect("index");
    std::fs::write(ca.join("serial"), "01\n").expect("serial");
    let cnf = "[ca]\ndefault_ca = local\n[local]\ndatabase = index.txt\nserial = serial\n\
        new_certs_dir = .\ndefault_md = sha256\npolicy = any\ncopy_extensions = copy\n\
        unique_subject = no\n[any]\ncommonName = supplied\n[req]\ndistinguished_name = dn\n\
        prompt = no\n[dn]\nCN = localhost\n[ext]\nbasicConstraints = critical,CA:TRUE\n\
        subjectAltName = DNS:localhost,IP:127.0.0.1\n";
    std::fs::write(ca.join("ca.cnf"), cnf).expect("config");
    openssl(
        &ca,
        "req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout old.key \
         -out old.csr -config ca.cnf",
    );
    openssl(
        &ca,
        "ca -batch -config ca.cnf -selfsign -keyfile old.key -in old.csr -out old.pem -notext \
         -startdate 20200101000000Z -enddate 20210101000000Z -extfile ca.cnf -extensions ext",
    );
    (ca.join("old.pem"), ca.join("old.key"))
}
