//! The bench's context, shared by every figure: its settings, the binary under test, its directories (and
//! their clean-up), and the runtime of the load client.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

use crate::Res;
use crate::fig1_authorize::Fsync;
use crate::settings::Settings;

pub(crate) struct Bench {
    pub(crate) s: Settings,
    /// The binary under test (`LTSCTL_BIN`, else `ltsctl` next to the bench executable).
    pub(crate) bin: PathBuf,
    /// `$CARGO_TARGET_DIR/lts-bench`: the cached fleet store, `last-logs/`, `last-run.md`.
    pub(crate) root: PathBuf,
    /// This run's `lts-bench/work-<pid>/`, removed at the end.
    pub(crate) work: PathBuf,
    /// `--version` of the binary under test; part of the fleet cache's key.
    pub(crate) version: String,
    /// The load client's one current-thread runtime.
    pub(crate) rt: tokio::runtime::Runtime,
    /// The report's machine table, read when the run starts.
    pub(crate) machine: Vec<(String, String)>,
    /// Figure 1's fsync probe, taken before its loads.
    pub(crate) fsync: Option<Fsync>,
}

impl Drop for Bench {
    /// Keeps the logs of the last run (servers' stderr, commands' output) in `lts-bench/last-logs/`, removes
    /// everything else.
    fn drop(&mut self) {
        let keep = self.root.join("last-logs");
        let _ = fs::remove_dir_all(&keep);
        let _ = fs::rename(self.work.join("logs"), &keep);
        let _ = fs::remove_dir_all(&self.work);
    }
}

impl Bench {
    pub(crate) fn new() -> Res<Bench> {
        let s = Settings::from_env()?;
        let exe = std::env::current_exe().map_err(|e| format!("current_exe: {e}"))?;
        // The bench runs from $CARGO_TARGET_DIR/release/deps/lts-HASH.
        let release = exe
            .parent()
            .and_then(Path::parent)
            .ok_or("cannot locate the target dir")?
            .to_path_buf();
        let bin = match std::env::var_os("LTSCTL_BIN") {
            Some(p) => PathBuf::from(p),
            None => release.join("ltsctl"),
        };
        if !bin.is_file() {
            return Err(format!(
                "{} not found: run `cargo build --release` first (or set LTSCTL_BIN)",
                bin.display()
            ));
        }
        let bin = bin.canonicalize().map_err(|e| format!("{}: {e}", bin.display()))?;
        warn_if_stale(&bin);
        let root = release.parent().unwrap_or(&release).join("lts-bench");
        let work = root.join(format!("work-{}", std::process::id()));
        fs::create_dir_all(work.join("logs")).map_err(|e| format!("{}: {e}", work.display()))?;
        let out = Command::new(&bin)
            .arg("--version")
            .output()
            .map_err(|e| format!("{}: {e}", bin.display()))?;
        let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !out.status.success() || version.is_empty() {
            return Err(format!("{} --version failed", bin.display()));
        }
        for tool in ["sqlite3", "git"] {
            if Command::new(tool)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_err()
            {
                return Err(format!("`{tool}` is needed (Debian: apt-get install -y {tool})"));
            }
        }
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("tokio: {e}"))?;
        let mut b = Bench { s, bin, root, work, version, rt, machine: Vec::new(), fsync: None };
        b.machine = b.machine_info();
        Ok(b)
    }

    pub(crate) fn log(&self, msg: impl AsRef<str>) {
        eprintln!("[lts bench] {}", msg.as_ref());
    }

    pub(crate) fn log_file(&self, name: &str) -> Res<fs::File> {
        let dir = self.work.join("logs");
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        fs::File::create(dir.join(name)).map_err(|e| e.to_string())
    }

    pub(crate) fn fresh_dir(&self, name: &str) -> Res<PathBuf> {
        let d = self.work.join(name);
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        Ok(d)
    }
}

/// A release binary older than the sources measures old code: say so (the bench builds nothing itself).
fn warn_if_stale(bin: &Path) {
    let Ok(bin_time) = fs::metadata(bin).and_then(|m| m.modified()) else {
        return;
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut newest: Option<(SystemTime, PathBuf)> = None;
    let mut stack = vec![manifest.join("src"), manifest.join("migrations")];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            seen += 1;
            if seen > 10_000 {
                return;
            }
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(t) = e.metadata().and_then(|m| m.modified())
                && newest.as_ref().is_none_or(|(n, _)| t > *n)
            {
                newest = Some((t, p));
            }
        }
    }
    if let Some((t, p)) = newest
        && t > bin_time
    {
        eprintln!(
            "[lts bench] warning: {} is newer than {}; run `cargo build --release` to measure the current code",
            p.display(),
            bin.display()
        );
    }
}
