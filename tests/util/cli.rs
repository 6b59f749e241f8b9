//! The one CLI runner. [`Env`] is an isolated environment per test: a temp dir holding the data dir, a
//! working dir (every command's cwd, where key and license files go), HOME and the XDG dirs, and the
//! config file; nothing is inherited that could pick a target, a profile or a keyring (no `LTSCTL_*`, no
//! XDG dirs, no D-Bus session, so the keyring is the kernel keyutils store), and there is no colour and
//! no terminal. Commands run the real `ltsctl` binary against the local data dir (the `Env`'s own
//! methods) or against any [`Target`] (`env.on(&target)`): `ok`/`sh` must succeed and return stdout as
//! JSON, `fails`/`sh_err` must fail with an exit code and an `ltsctl: error:` line, `run`/`sh_out`/
//! `sh_code` return the whole [`Out`].

use std::cell::Cell;
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// The `ltsctl` binary under test.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("ltsctl")
}

/// Where an admin command goes: a data dir, a PostgreSQL database, or a server with a token (passed
/// through the environment, never argv), or nothing (the environment and the config file decide).
#[derive(Clone, Debug)]
pub struct Target {
    /// `local`, `remote`, `database` or `none`.
    pub kind: &'static str,
    pub args: Vec<OsString>,
    /// Environment variables set for the command.
    pub envs: Vec<(OsString, OsString)>,
    pub token: Option<String>,
}

impl Target {
    /// `--data-dir DATA`.
    pub fn local(data: &Path) -> Self {
        Target {
            kind: "local",
            args: vec!["--data-dir".into(), data.into()],
            envs: Vec::new(),
            token: None,
        }
    }

    /// `LTSCTL_DATA_DIR=DATA`: local, and a command line may still say `--data-dir` to go elsewhere.
    pub fn data_dir_env(data: &Path) -> Self {
        Target {
            kind: "local",
            args: Vec::new(),
            envs: vec![("LTSCTL_DATA_DIR".into(), data.into())],
            token: None,
        }
    }

    /// `--database URL`.
    pub fn database(url: &str) -> Self {
        Target {
            kind: "database",
            args: vec!["--database".into(), url.into()],
            envs: Vec::new(),
            token: None,
        }
    }

    /// `--server URL`, with `LTSCTL_TOKEN` when there is a token.
    pub fn remote(url: &str, token: Option<&str>) -> Self {
        Target {
            kind: "remote",
            args: vec!["--server".into(), url.into()],
            envs: Vec::new(),
            token: token.map(str::to_string),
        }
    }

    /// No target flags: the environment and the config file decide.
    pub fn none() -> Self {
        Target { kind: "none", args: Vec::new(), envs: Vec::new(), token: None }
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
    /// The kind of target it ran against, for messages.
    pub target: &'static str,
}

impl Out {
    /// Stdout as one JSON value (`Null` when empty).
    #[track_caller]
    pub fn json(&self) -> Value {
        if self.stdout.trim().is_empty() {
            return Value::Null;
        }
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!("stdout is not JSON ({e}):\n{}\n--- stderr\n{}", self.stdout, self.stderr)
        })
    }

    /// Stdout and stderr together, for "never shows X" checks.
    pub fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

/// Asserts the exit code; `args` name the command in the message.
#[track_caller]
pub fn expect_code(out: &Out, code: i32, args: &[&str]) {
    assert_eq!(
        out.code, code,
        "ltsctl ({}) {args:?}: expected exit {code}\n--- stdout\n{}\n--- stderr\n{}",
        out.target, out.stdout, out.stderr
    );
}

/// One isolated test environment: a temp dir with the data dir, a working dir, HOME and the config file.
pub struct Env {
    _tmp: TempDir,
    pub root: PathBuf,
    /// The data dir (created by the first command that creates a store).
    pub data: PathBuf,
    /// Every command's working dir.
    pub work: PathBuf,
    pub home: PathBuf,
    /// `LTSCTL_CONFIG`, inside `home` (not created).
    pub config: PathBuf,
    counter: Cell<u32>,
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

/// Whether `dir` has at least `bytes` free.
fn has_room(dir: &Path, bytes: u64) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `path` is a NUL-terminated string and `st` a writable statvfs.
    let rc = unsafe { libc::statvfs(path.as_ptr(), &mut st) };
    rc == 0 && (st.f_bavail as u64).saturating_mul(st.f_frsize as u64) >= bytes
}

impl Env {
    pub fn new() -> Self {
        // On tmpfs when there is one with room: the store syncs every commit, slow on a shared disk.
        let shm = Path::new("/dev/shm");
        let tmp = match shm.is_dir() && has_room(shm, 1 << 30) {
            true => tempfile::Builder::new()
                .prefix("ltsctl-test-")
                .tempdir_in(shm)
                .or_else(|_| tempfile::tempdir()),
            false => tempfile::tempdir(),
        }
        .expect("temp dir");
        let root = tmp.path().to_path_buf();
        assert!(
            !root.to_string_lossy().contains(char::is_whitespace),
            "the temp dir {} contains whitespace, which `sh` lines cannot pass; set TMPDIR",
            root.display()
        );
        for dir in ["work", "home", "run"] {
            std::fs::create_dir_all(root.join(dir)).expect("dir");
        }
        Env {
            data: root.join("data"),
            work: root.join("work"),
            home: root.join("home"),
            config: root.join("home").join("ltsctl-config.toml"),
            root,
            _tmp: tmp,
            counter: Cell::new(0),
        }
    }

    /// `--data-dir DATA`, as a [`Target`].
    pub fn local(&self) -> Target {
        Target::local(&self.data)
    }

    /// The runner for `target`.
    pub fn on(&self, target: &Target) -> Cli<'_> {
        Cli { env: self, target: target.clone(), dir: None, envs: Vec::new() }
    }

    /// The runner for the data dir, through `LTSCTL_DATA_DIR` (which the `Env`'s own methods use).
    pub fn here(&self) -> Cli<'_> {
        self.on(&Target::data_dir_env(&self.data))
    }

    /// `ltsctl` with nothing inherited that could pick a target, a profile or a keyring: no `LTSCTL_*`,
    /// HOME and XDG dirs inside the temp dir, no D-Bus session (so the keyring is the kernel keyutils
    /// store), no colour, `LTSCTL_LOG=warn`; the working dir as cwd, stdin /dev/null (not a terminal).
    pub fn command(&self) -> Command {
        self.command_of(bin())
    }

    /// Any program with the environment of [`Env::command`] (e.g. `keyctl session - bash script`).
    pub fn command_of(&self, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new(program);
        for (key, _) in std::env::vars_os() {
            let k = key.to_string_lossy();
            if k.starts_with("LTSCTL_") || k.starts_with("XDG_") || k == "DBUS_SESSION_BUS_ADDRESS"
            {
                cmd.env_remove(&key);
            }
        }
        cmd.env("NO_COLOR", "1")
            .env("LTSCTL_LOG", "warn")
            .env("LTSCTL_CONFIG", &self.config)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("XDG_RUNTIME_DIR", self.root.join("run"))
            .current_dir(&self.work)
            .stdin(Stdio::null());
        cmd
    }

    /// [`Env::command`] on the data dir (`LTSCTL_DATA_DIR`), to run or spawn by hand.
    pub fn cmd(&self) -> Command {
        self.here().command()
    }

    /// A fresh file name `STEM-N.EXT` in the working dir.
    pub fn fresh(&self, stem: &str, ext: &str) -> PathBuf {
        self.work.join(format!("{stem}-{}.{ext}", self.next()))
    }

    /// Writes a fresh file `STEM-N.EXT` in the working dir.
    pub fn write_fresh(&self, stem: &str, ext: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.fresh(stem, ext);
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// Writes `name` in the working dir.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.work.join(name);
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// 1, 2, 3, ...: for fresh file names.
    pub fn next(&self) -> u32 {
        let n = self.counter.get() + 1;
        self.counter.set(n);
        n
    }

    // The runner's methods on the data dir.

    pub fn run(&self, args: &[&str]) -> Out {
        self.here().run(args)
    }

    pub fn run_stdin(&self, args: &[&str], stdin: Option<&str>) -> Out {
        self.here().run_stdin(args, stdin)
    }

    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> Value {
        self.here().ok(args)
    }

    #[track_caller]
    pub fn ok_stdin(&self, args: &[&str], stdin: Option<&str>) -> Value {
        self.here().ok_stdin(args, stdin)
    }

    #[track_caller]
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        self.here().fails(args, code)
    }

    pub fn sh_out(&self, line: &str) -> Out {
        self.here().sh_out(line)
    }

    #[track_caller]
    pub fn sh_code(&self, line: &str, code: i32) -> Out {
        self.here().sh_code(line, code)
    }

    #[track_caller]
    pub fn sh(&self, line: &str) -> Value {
        self.here().sh(line)
    }

    #[track_caller]
    pub fn sh_err(&self, line: &str, code: i32) -> String {
        self.here().sh_err(line, code)
    }

    // What the data dir holds, through the CLI.

    /// `token create NAME --role ROLE` on the local data dir: the secret.
    #[track_caller]
    pub fn token(&self, name: &str, role: &str) -> String {
        let v = self.sh(&format!("token create {name} --role {role}"));
        v["token"].as_str().expect("token").to_string()
    }

    pub fn status(&self) -> Value {
        self.ok(&["-o", "json", "status"])
    }

    pub fn counts(&self) -> Value {
        self.status()["counts"].clone()
    }

    pub fn lts_id(&self) -> String {
        self.status()["lts_id"].as_str().expect("lts_id").to_string()
    }

    pub fn licenses(&self) -> Vec<Value> {
        crate::util::as_array(&self.ok(&["-o", "json", "license", "list"]))
    }

    /// `handshake show CODE`.
    pub fn handshake(&self, code: &str) -> Value {
        self.ok(&["-o", "json", "handshake", "show", code])
    }

    /// Ids of a code's items in consumption order.
    pub fn handshake_items(&self, code: &str) -> Vec<String> {
        let view = self.handshake(code);
        let ids = crate::util::item_ids(&view);
        ids.into_iter().map(str::to_string).collect()
    }

    /// `used` of item `id` in `license list`.
    pub fn item_used(&self, id: &str) -> u64 {
        let licenses = self.licenses();
        let items = licenses.iter().flat_map(|l| l["items"].as_array().cloned());
        let item = items.flatten().find(|i| i["id"] == id);
        item.unwrap_or_else(|| panic!("no item {id} in {licenses:?}"))["used"]
            .as_u64()
            .expect("used")
    }
}

/// `ltsctl` against one target, from the [`Env`]'s working dir unless [`Cli::in_dir`] says otherwise.
pub struct Cli<'a> {
    pub(crate) env: &'a Env,
    target: Target,
    dir: Option<PathBuf>,
    envs: Vec<(OsString, OsString)>,
}

impl Cli<'_> {
    /// Runs from `dir` instead of the working dir.
    pub fn in_dir(mut self, dir: &Path) -> Self {
        self.dir = Some(dir.to_path_buf());
        self
    }

    /// Sets an environment variable for the command.
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        let pair = (key.as_ref().to_owned(), value.as_ref().to_owned());
        self.envs.push(pair);
        self
    }

    /// The command, with the target's flags and environment, to add arguments to.
    pub fn command(&self) -> Command {
        let mut cmd = self.env.command();
        cmd.args(&self.target.args);
        for (k, v) in self.target.envs.iter().chain(&self.envs) {
            cmd.env(k, v);
        }
        if let Some(token) = &self.target.token {
            cmd.env("LTSCTL_TOKEN", token);
        }
        if let Some(dir) = &self.dir {
            cmd.current_dir(dir);
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Out {
        self.run_stdin(args, None)
    }

    /// Runs `ltsctl TARGET ARGS` with `stdin` piped in when given (else /dev/null).
    pub fn run_stdin(&self, args: &[&str], stdin: Option<&str>) -> Out {
        let mut cmd = self.command();
        cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
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
            target: self.target.kind,
        }
    }

    /// A command that must succeed: its stdout as JSON.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> Value {
        self.ok_stdin(args, None)
    }

    #[track_caller]
    pub fn ok_stdin(&self, args: &[&str], stdin: Option<&str>) -> Value {
        let out = self.run_stdin(args, stdin);
        expect_code(&out, 0, args);
        out.json()
    }

    /// A command that must fail with `code`: its stderr, checked to hold an `ltsctl:` error line (or
    /// clap's `error:` for a usage error).
    #[track_caller]
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        expect_code(&out, code, args);
        // clap's own usage errors start with `error:`; everything else is ours.
        let err = out.stderr;
        let ours = err.contains("ltsctl: error: ") || err.contains("ltsctl: warning: ");
        let clap = code == 2 && err.starts_with("error:");
        assert!(ours || clap, "{args:?}: stderr has no `ltsctl: error:` line:\n{err}");
        err
    }

    /// A command line split on whitespace (so no argument may contain a space), whatever its exit code.
    pub fn sh_out(&self, line: &str) -> Out {
        self.run(&line.split_whitespace().collect::<Vec<_>>())
    }

    /// A command line split on whitespace that must exit with `code`.
    #[track_caller]
    pub fn sh_code(&self, line: &str, code: i32) -> Out {
        let args: Vec<&str> = line.split_whitespace().collect();
        let out = self.run(&args);
        expect_code(&out, code, &args);
        out
    }

    /// A command line split on whitespace that must succeed: its stdout as JSON.
    #[track_caller]
    pub fn sh(&self, line: &str) -> Value {
        self.ok(&line.split_whitespace().collect::<Vec<_>>())
    }

    /// Like [`Cli::fails`], for a command line split on whitespace.
    #[track_caller]
    pub fn sh_err(&self, line: &str, code: i32) -> String {
        self.fails(&line.split_whitespace().collect::<Vec<_>>(), code)
    }
}
