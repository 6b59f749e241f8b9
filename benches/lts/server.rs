//! `ltsctl serve` as a child process: started on 127.0.0.1 port 0 (the port read from its first stdout line)
//! with `PR_SET_PDEATHSIG` so that it dies with the bench, read for memory and CPU time from /proc and for
//! its commit groups from its own `/metrics` (a second loopback listener, its port on the second line),
//! stopped with SIGTERM (SIGKILL after 40 s), and killed if dropped.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::{Bench, Res};

pub(crate) struct Server {
    child: Option<Child>,
    pid: u32,
    pub(crate) addr: SocketAddr,
    /// The metrics listener (`GET /metrics`).
    metrics: SocketAddr,
    log: PathBuf,
}

impl Server {
    pub(crate) fn start(b: &Bench, data_dir: &Path, label: &str) -> Res<Server> {
        Server::start_with(b, b.ltsctl(data_dir), label)
    }

    /// A server on a PostgreSQL database (its URL in the environment, not on the command line).
    pub(crate) fn start_pg(b: &Bench, url: &str, label: &str) -> Res<Server> {
        let mut c = b.cmd(&b.bin);
        c.env("LTSCTL_DATABASE_URL", url);
        Server::start_with(b, c, label)
    }

    fn start_with(b: &Bench, mut c: std::process::Command, label: &str) -> Res<Server> {
        let log = b.work.join("logs").join(format!("server-{label}.log"));
        c.args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--rate-limit",
            "0",
            "--bench-null-routes",
            "--metrics-listen",
            "127.0.0.1:0",
        ])
        .stdout(Stdio::piped())
        .stderr(b.log_file(&format!("server-{label}.log"))?);
        // Dies with the bench, whatever happens to it.
        unsafe {
            c.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let mut child = c.spawn().map_err(|e| format!("starting the server: {e}"))?;
        let pid = child.id();
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            // The address line, then the metrics listener's.
            let mut line = String::new();
            let _ = r.read_line(&mut line);
            let _ = r.read_line(&mut line);
            let _ = tx.send(line);
            let _ = std::io::copy(&mut r, &mut std::io::sink());
        });
        let mut server = Server {
            child: Some(child),
            pid,
            addr: "127.0.0.1:0".parse().unwrap(),
            metrics: "127.0.0.1:0".parse().unwrap(),
            log,
        };
        let line = rx.recv_timeout(Duration::from_secs(120)).map_err(|_| {
            format!(
                "the server did not print its address within 120 s; see {}",
                server.log.display()
            )
        })?;
        let mut lines = line.lines();
        let addr = lines
            .next()
            .and_then(|l| l.trim().strip_prefix("listening on http://"))
            .and_then(|a| a.parse::<SocketAddr>().ok());
        let metrics = lines
            .next()
            .and_then(|l| l.trim().strip_prefix("metrics on http://"))
            .and_then(|a| a.strip_suffix("/metrics"))
            .and_then(|a| a.parse::<SocketAddr>().ok());
        let (Some(addr), Some(metrics)) = (addr, metrics) else {
            return Err(format!("unexpected first lines {line:?}; see {}", server.log.display()));
        };
        if !addr.ip().is_loopback() || !metrics.ip().is_loopback() {
            return Err(format!("the server listens on {addr} and {metrics}, not loopback"));
        }
        server.addr = addr;
        server.metrics = metrics;
        Ok(server)
    }

    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// (VmRSS, VmHWM) in KiB.
    pub(crate) fn rss_kb(&self) -> Res<(u64, u64)> {
        let s =
            fs::read_to_string(format!("/proc/{}/status", self.pid)).map_err(|e| e.to_string())?;
        let field = |name: &str| {
            s.lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0)
        };
        Ok((field("VmRSS:"), field("VmHWM:")))
    }

    /// User and system CPU time in clock ticks (utime, stime of /proc/PID/stat).
    pub(crate) fn cpu_split(&self) -> (u64, u64) {
        let Ok(s) = fs::read_to_string(format!("/proc/{}/stat", self.pid)) else {
            return (0, 0);
        };
        let Some(rest) = s.rfind(')').map(|i| &s[i + 1..]) else {
            return (0, 0);
        };
        let f: Vec<&str> = rest.split_whitespace().collect();
        let n = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        (n(11), n(12))
    }

    /// The server's commit groups so far, summed over its store's backends: (requests committed in
    /// groups, groups), from the `ltsctl_store_commit_group_size` histogram of its `/metrics`.
    pub(crate) fn commit_groups(&self) -> Res<(f64, f64)> {
        let mut s = TcpStream::connect_timeout(&self.metrics, Duration::from_secs(5))
            .map_err(|e| format!("metrics: {e}"))?;
        s.set_read_timeout(Some(Duration::from_secs(20))).map_err(|e| e.to_string())?;
        s.write_all(b"GET /metrics HTTP/1.0\r\nHost: bench\r\n\r\n")
            .map_err(|e| format!("metrics: {e}"))?;
        let mut text = String::new();
        s.read_to_string(&mut text).map_err(|e| format!("metrics: {e}"))?;
        let value = |name: &str| -> f64 {
            text.lines()
                .filter(|l| l.starts_with(name) && l[name.len()..].starts_with(['{', ' ']))
                .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
                .sum()
        };
        Ok((
            value("ltsctl_store_commit_group_size_sum"),
            value("ltsctl_store_commit_group_size_count"),
        ))
    }

    /// SIGTERM (graceful), then SIGKILL after 40 s.
    pub(crate) fn stop(mut self) -> Res<()> {
        let Some(mut child) = self.child.take() else {
            return Ok(());
        };
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            match child.try_wait() {
                Ok(Some(_)) => return Ok(()),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err("the server ignored SIGTERM for 40 s and was killed".into());
                }
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
