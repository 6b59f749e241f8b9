//! The bench's child processes: ltsctl and sqlite3 commands in a clean environment, setup commands that must
//! succeed, and measured runs (wall time from spawn to exit, peak RSS from `wait4`), each bounded by a
//! watchdog; and the CPU-time readings the load figures divide by.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::{Bench, Res};

impl Bench {
    /// A command for `program` with a clean ltsctl environment: no inherited LTSCTL_* settings, a config file
    /// that does not exist, no proxy for 127.0.0.1, no colour.
    pub(crate) fn cmd(&self, program: &Path) -> Command {
        let mut c = Command::new(program);
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("LTSCTL_") {
                c.env_remove(&k);
            }
        }
        c.env("LTSCTL_CONFIG", self.work.join("no-config.toml"))
            .env("NO_PROXY", "127.0.0.1,localhost")
            .env("no_proxy", "127.0.0.1,localhost")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        c
    }

    pub(crate) fn ltsctl(&self, data_dir: &Path) -> Command {
        let mut c = self.cmd(&self.bin);
        c.arg("--data-dir").arg(data_dir);
        c
    }

    /// Runs a setup command (not measured); fails with its stderr.
    pub(crate) fn setup(&self, mut c: Command, what: &str) -> Res<String> {
        c.stdout(Stdio::piped()).stderr(Stdio::piped());
        let child = c.spawn().map_err(|e| format!("{what}: {e}"))?;
        let out =
            wait_output(child, Duration::from_secs(900)).map_err(|e| format!("{what}: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "{what} failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    pub(crate) fn sqlite(&self, db: &Path, sql: &str) -> Res<String> {
        let mut c = self.cmd(Path::new("sqlite3"));
        c.arg(db).arg(sql);
        self.setup(c, "sqlite3").map(|s| s.trim().to_string())
    }
}

pub(crate) struct Measured {
    pub(crate) wall: Duration,
    pub(crate) max_rss_kb: u64,
    pub(crate) code: i32,
}

/// Spawns `c`, waits for it (killing it after `timeout`), and returns its wall time (spawn to exit) and its
/// peak resident set size (`ru_maxrss` of this child, from wait4).
pub(crate) fn measure(mut c: Command, timeout: Duration) -> Res<Measured> {
    let start = Instant::now();
    let child = c.spawn().map_err(|e| format!("spawn {:?}: {e}", c.get_program()))?;
    let pid = child.id() as libc::pid_t;
    let (tx, rx) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(timeout) {
            // The child is not reaped before this thread is joined, so the pid cannot have been reused.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            true
        } else {
            false
        }
    });
    // Wait for the exit without reaping (WNOWAIT), stop the watchdog, then reap with wait4 for the rusage.
    loop {
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let r = unsafe {
            libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT)
        };
        if r == 0 {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("waitid: {err}"));
        }
    }
    let wall = start.elapsed();
    drop(tx);
    let killed = watchdog.join().unwrap_or(false);
    let mut status = 0;
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
    drop(child);
    if killed {
        return Err(format!("{:?} killed after {} s", c.get_program(), timeout.as_secs()));
    }
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    Ok(Measured { wall, max_rss_kb: ru.ru_maxrss.max(0) as u64, code })
}

/// `Child::wait_with_output` with a time limit (stdout/stderr read on threads; the child is killed on timeout).
fn wait_output(mut child: Child, timeout: Duration) -> Res<std::process::Output> {
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_end(&mut v);
        }
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_end(&mut v);
        }
        v
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {} s", timeout.as_secs()));
            }
            Err(e) => return Err(format!("wait: {e}")),
        }
    };
    Ok(std::process::Output {
        status,
        stdout: t_out.join().unwrap_or_default(),
        stderr: t_err.join().unwrap_or_default(),
    })
}

/// Clock ticks per second: the unit of utime and stime in /proc/PID/stat.
pub(crate) fn clk_tck() -> f64 {
    let t = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if t > 0 { t as f64 } else { 100.0 }
}

/// The bench's own CPU time (user + system): the load client's cost, which the figures report per run.
pub(crate) fn self_cpu() -> Duration {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, (t.tv_usec as u32) * 1000);
    tv(ru.ru_utime) + tv(ru.ru_stime)
}
