//! The servers the tests talk to. [`Server`] is the one launcher of the real `ltsctl serve` (on
//! 127.0.0.1 port 0 unless the command says otherwise, TLS and other flags as given; it reads the
//! `listening on URL` line, keeps stderr in a file, and stops the process with SIGTERM when dropped, or
//! SIGKILL on request). [`InProc`] is the second kind, kept on purpose: `serve_until` in a tokio task
//! on a fresh store, with a [`ManualClock`] shared by the server and the admin, for the rules that take
//! days or minutes to play out (a process has no clock a test can move).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use ltsctl::admin::local::LocalAdmin;
use ltsctl::admin::prelude::*;
use ltsctl::admin::{HandshakeView, ImportReport};
use ltsctl::clock::ManualClock;
use ltsctl::license::IssuerKey;
use ltsctl::server::{LiveSettings, ServeConfig, serve_until};
use ltsctl::store::SqliteStore;
use tempfile::TempDir;

use crate::util::{Api, Cli, Env, Item, import_license};

/// A running `ltsctl serve` (or any command that prints `listening on URL` first), stopped with SIGTERM
/// when dropped.
pub struct Server {
    child: Option<Child>,
    /// What the first stdout line says, e.g. `http://127.0.0.1:40797`.
    pub url: String,
    pub https: bool,
    stderr: PathBuf,
    /// The stdout lines after the first, as the server prints them.
    stdout: std::sync::Mutex<std::sync::mpsc::Receiver<String>>,
}

impl Cli<'_> {
    /// `ltsctl TARGET serve --listen 127.0.0.1:0 EXTRA`, started.
    pub fn serve(&self, extra: &[&str]) -> Server {
        let mut cmd = self.command();
        cmd.args(["serve", "--listen", "127.0.0.1:0"]).args(extra);
        self.env.launch(cmd)
    }
}

impl Env {
    /// `ltsctl serve --listen 127.0.0.1:0 EXTRA` on the data dir (the default rate limit unless EXTRA
    /// sets `--rate-limit`).
    pub fn serve(&self, extra: &[&str]) -> Server {
        self.here().serve(extra)
    }

    /// Starts `cmd`, whose first line on stdout must be `listening on URL` within 30 s; its stderr goes
    /// to `serve-N.stderr` in the temp root.
    pub fn launch(&self, mut cmd: Command) -> Server {
        let stderr = self.root.join(format!("serve-{}.stderr", self.next()));
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(&stderr).expect("stderr file"))
            .spawn()
            .expect("spawn ltsctl serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // Every line is passed on (the launcher takes the first, [`Server::metrics_url`] looks
            // for its own), and reading goes on so the server never writes to a closed pipe.
            let mut reader = BufReader::new(stdout);
            let mut line = Vec::new();
            while reader.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
                let _ = tx.send(String::from_utf8_lossy(&line).into_owned());
                line.clear();
            }
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_default();
        let mut server = Server {
            child: Some(child),
            url: String::new(),
            https: false,
            stderr,
            stdout: std::sync::Mutex::new(rx),
        };
        let Some(url) = line.trim().strip_prefix("listening on ") else {
            let _ = server.terminate();
            panic!(
                "serve did not print `listening on URL` first: {line:?}\n{}",
                server.stderr_text()
            );
        };
        server.https = url.starts_with("https://");
        server.url = url.to_string();
        server
    }
}

impl Server {
    pub fn api(&self) -> Api {
        Api::new(self.url.clone())
    }

    /// The `/metrics` URL of a server started with `--metrics-listen`: its `metrics on URL` line,
    /// printed right after `listening on URL`.
    pub fn metrics_url(&self) -> String {
        let rx = self.stdout.lock().expect("stdout lines");
        loop {
            match rx.recv_timeout(Duration::from_secs(10)) {
                Ok(line) => {
                    if let Some(url) = line.trim().strip_prefix("metrics on ") {
                        return url.to_string();
                    }
                }
                Err(_) => panic!("serve printed no `metrics on URL` line\n{}", self.stderr_text()),
            }
        }
    }

    pub fn port(&self) -> u16 {
        let port = self.url.rsplit(':').next().expect("port");
        port.trim_end_matches('/').parse().expect("port number")
    }

    /// The process id (while it runs).
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("server running").id()
    }

    pub fn stderr_path(&self) -> &Path {
        &self.stderr
    }

    pub fn stderr_text(&self) -> String {
        let mut s = String::new();
        let _ = File::open(&self.stderr).and_then(|mut f| f.read_to_string(&mut s));
        s
    }

    /// The server's stderr once it holds `needle` (a log line is written after the event), waiting up
    /// to 10 s for it; the stderr as it is then either way, for the caller's assertion to show.
    pub fn wait_for_log(&self, needle: &str) -> String {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            let text = self.stderr_text();
            if text.contains(needle) {
                return text;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.stderr_text()
    }

    /// Sends `signal` (`HUP`, `TERM`...) to the server process.
    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .args([format!("-{signal}"), self.pid().to_string()])
            .status()
            .expect("kill");
        assert!(status.success(), "kill -{signal} failed");
    }

    /// SIGTERM, then waits up to 10 s (killing after that). The exit status and how long it took.
    pub fn terminate(&mut self) -> Option<(ExitStatus, Duration)> {
        let mut child = self.child.take()?;
        let started = Instant::now();
        let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
        while started.elapsed() < Duration::from_secs(10) {
            match child.try_wait() {
                Ok(Some(status)) => return Some((status, started.elapsed())),
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(_) => break,
            }
        }
        let _ = child.kill();
        let status = child.wait().ok()?;
        Some((status, started.elapsed()))
    }

    /// SIGKILL: no graceful shutdown, no flush, nothing.
    pub fn kill(&mut self) {
        let mut child = self.child.take().expect("server running");
        let status =
            Command::new("kill").args(["-KILL", &child.id().to_string()]).status().expect("kill");
        assert!(status.success());
        let status = child.wait().expect("wait");
        assert_eq!(std::os::unix::process::ExitStatusExt::signal(&status), Some(9));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.terminate();
    }
}

/// Every non-empty line of `text` parsed as JSON (a panic names the line that is not).
#[track_caller]
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect()
}

/// `serve_until` in a tokio task on a fresh store, with a [`ManualClock`] shared by server and admin,
/// and an issuer key the store trusts.
pub struct InProc {
    pub store: Arc<SqliteStore>,
    pub clock: Arc<ManualClock>,
    pub admin: LocalAdmin,
    pub api: Api,
    pub issuer: IssuerKey,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<ltsctl::error::Result<()>>>,
    _tmp: TempDir,
}

impl InProc {
    pub async fn start(t0: DateTime<Utc>) -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let store = Arc::new(SqliteStore::open(tmp.path()).await.expect("open store"));
        let clock = Arc::new(ManualClock::new(t0));
        let admin = LocalAdmin::new(store.clone(), clock.clone());
        let issuer = IssuerKey::generate();
        admin
            .trust_add(&issuer.public().to_spki_pem(), Some("tests".into()))
            .await
            .expect("trust add");
        let (addr_tx, addr_rx) = tokio::sync::oneshot::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let config = ServeConfig {
            listen: "127.0.0.1:0".parse().expect("addr"),
            tls: None,
            live: LiveSettings::default(),
            reload_on_sighup: false,
            reload: None,
            sweeper: false,
            alerts: None,
            metrics_listen: None,
            bench_null_routes: false,
        };
        let task = tokio::spawn(serve_until(
            store.clone(),
            clock.clone(),
            config,
            move |at| {
                let _ = addr_tx.send(at.addr);
            },
            async move {
                let _ = stop_rx.await;
            },
        ));
        let addr = tokio::time::timeout(Duration::from_secs(30), addr_rx)
            .await
            .expect("server did not start in time")
            .expect("server stopped before listening");
        InProc {
            store,
            clock,
            admin,
            api: Api::new(format!("http://{addr}")),
            issuer,
            stop: Some(stop_tx),
            task: Some(task),
            _tmp: tmp,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        ltsctl::clock::Clock::now(self.clock.as_ref())
    }

    pub fn advance(&self, by: TimeDelta) {
        self.clock.advance(by);
    }

    /// Signs and imports a license, binding its items to `code` (created if needed).
    pub async fn import(&self, code: &str, license_id: &str, items: &[Item]) -> ImportReport {
        import_license(&self.admin, &self.issuer, code, license_id, items).await
    }

    pub async fn show(&self, code: &str) -> HandshakeView {
        self.admin.handshake_show(code).await.expect("handshake show")
    }

    pub async fn active_devices(&self, code: &str) -> i64 {
        self.show(code).await.active_devices
    }

    /// Sweeps at the clock's time; the number of devices removed.
    pub async fn sweep(&self) -> i64 {
        let now = self.now().timestamp();
        ltsctl::store::ServerStore::sweep(self.store.as_ref(), now, "test")
            .await
            .expect("sweep")
            .removed
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let result = tokio::time::timeout(Duration::from_secs(10), task)
                .await
                .expect("server did not stop in time");
            result.expect("server task").expect("server result");
        }
    }
}

impl Drop for InProc {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}
