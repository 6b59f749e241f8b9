//! `cargo bench --bench lts`: every figure of BENCHMARKS.md, each beside its baseline measured in the same run.
//!
//! It builds nothing: it drives the release binary (`cargo build --release` first), found at `$LTSCTL_BIN`,
//! else next to this bench executable (`$CARGO_TARGET_DIR/release/ltsctl`). Servers listen on 127.0.0.1
//! port 0 and are loaded by a small HTTP/1.1 client written with hyper directly (one tokio current-thread
//! runtime, one explicit keep-alive connection per simulated client), so the client costs little CPU on a
//! machine that also runs the server.
//!
//! Environment:
//! - `LTS_BENCH_QUICK=1`   a smaller run (100,000 devices instead of 1,000,000, 1.5 s load runs instead of 5 s);
//! - `LTS_BENCH_ONLY=1,2`  only these figures (1-6);
//! - `LTSCTL_BIN=PATH`     the binary under test;
//! - `LTS_BENCH_OUT=FILE`  where to write the report. By default a full run of every figure rewrites the
//!   generated part of `BENCHMARKS.md` (between its markers) and any other run writes
//!   `$CARGO_TARGET_DIR/lts-bench/last-run.md`.
//!
//! The seeded fleet store is cached under `$CARGO_TARGET_DIR/lts-bench/seed-<version>-<devices>/` (reseeded
//! when older than 7 days). Everything else lives in `lts-bench/work-<pid>/` and is deleted at the end (its logs
//! are kept in `lts-bench/last-logs/`). Every child process is killed when the bench ends (servers also get `PR_SET_PDEATHSIG`), every loop is bounded in
//! count and in time, and nothing but 127.0.0.1 is contacted.

mod fig1_authorize;
mod fig2_usage;
mod fig3_listing;
mod fig4_unregister;
mod fig5_import_and_cold_start;
mod fig6_server_memory;
mod load;
mod processes;
mod requests;
mod server;
mod stores;
mod tables;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use fig1_authorize::Fsync;

const BEGIN: &str = "<!-- BEGIN GENERATED: cargo bench --bench lts -->";
const END: &str = "<!-- END GENERATED -->";
/// Hard stop for the whole run: figures not started by then are skipped (and say so).
const BUDGET: Duration = Duration::from_secs(25 * 60);

type Res<T> = Result<T, String>;

fn main() {
    let started = Instant::now();
    let mut bench = match Bench::new() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("lts bench: {e}");
            std::process::exit(1);
        }
    };
    let sections = bench.run_all(started);
    let report = bench.render(&sections, started.elapsed());
    println!("{report}");
    let failed = sections.iter().any(|s| s.error.is_some());
    if let Err(e) = bench.write_report(&report) {
        eprintln!("lts bench: {e}");
        std::process::exit(1);
    }
    drop(bench); // removes the work dir
    if failed {
        std::process::exit(1);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Settings and the bench context

struct Settings {
    quick: bool,
    runs: usize,
    load: Duration,
    fleet: u64,
    imports: usize,
    cold_runs: usize,
    only: Option<Vec<u32>>,
}

impl Settings {
    fn from_env() -> Res<Settings> {
        let quick = std::env::var("LTS_BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0");
        let only = match std::env::var("LTS_BENCH_ONLY") {
            Ok(v) if !v.trim().is_empty() => Some(
                v.split(',')
                    .map(|s| {
                        s.trim()
                            .parse::<u32>()
                            .ok()
                            .filter(|n| (1..=6).contains(n))
                            .ok_or_else(|| {
                                format!("LTS_BENCH_ONLY: bad figure {s:?}; the figures are 1-6, e.g. LTS_BENCH_ONLY=1,3")
                            })
                    })
                    .collect::<Res<Vec<_>>>()?,
            ),
            _ => None,
        };
        Ok(Settings {
            quick,
            runs: 3,
            load: if quick {
                Duration::from_millis(1500)
            } else {
                Duration::from_secs(5)
            },
            fleet: if quick { 100_000 } else { 1_000_000 },
            imports: 1000,
            cold_runs: 20,
            only,
        })
    }

    fn wants(&self, figure: u32) -> bool {
        self.only.as_ref().is_none_or(|o| o.contains(&figure))
    }
}

struct Bench {
    s: Settings,
    bin: PathBuf,
    root: PathBuf,
    work: PathBuf,
    version: String,
    rt: tokio::runtime::Runtime,
    machine: Vec<(String, String)>,
    fsync: Option<Fsync>,
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

struct Section {
    title: String,
    body: String,
    error: Option<String>,
}

impl Bench {
    fn new() -> Res<Bench> {
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
        let bin = bin
            .canonicalize()
            .map_err(|e| format!("{}: {e}", bin.display()))?;
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
                return Err(format!(
                    "`{tool}` is needed (Debian: apt-get install -y {tool})"
                ));
            }
        }
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("tokio: {e}"))?;
        let mut b = Bench {
            s,
            bin,
            root,
            work,
            version,
            rt,
            machine: Vec::new(),
            fsync: None,
        };
        b.machine = b.machine_info();
        Ok(b)
    }

    fn log(&self, msg: impl AsRef<str>) {
        eprintln!("[lts bench] {}", msg.as_ref());
    }

    fn log_file(&self, name: &str) -> Res<fs::File> {
        let dir = self.work.join("logs");
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        fs::File::create(dir.join(name)).map_err(|e| e.to_string())
    }

    fn fresh_dir(&self, name: &str) -> Res<PathBuf> {
        let d = self.work.join(name);
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        Ok(d)
    }

    fn run_all(&mut self, started: Instant) -> Vec<Section> {
        let mut sections = Vec::new();
        type Fig = fn(&mut Bench) -> Res<String>;
        // Figure 3 runs inside figure 6: both use one server on one working copy of the fleet store.
        let figures: [(u32, &str, Fig); 5] = [
            (
                1,
                "1. Device authorizations per second (64 connections)",
                Bench::fig1,
            ),
            (
                2,
                "2. Usage reports ingested per second (batches of 100)",
                Bench::fig2,
            ),
            (
                6,
                "6. Server memory with the fleet seated (and 3. listing it)",
                Bench::fig6_and_3,
            ),
            (4, "4. Unregister the inactive devices", Bench::fig4),
            (5, "5. License import and CLI cold start", Bench::fig5),
        ];
        for (n, title, f) in figures {
            let wanted = self.s.wants(n) || (n == 6 && self.s.wants(3));
            if !wanted {
                continue;
            }
            if started.elapsed() > BUDGET {
                sections.push(Section {
                    title: title.into(),
                    body: String::new(),
                    error: Some("skipped: the run's time budget was spent".into()),
                });
                continue;
            }
            self.log(format!("{title} ..."));
            let t = Instant::now();
            let r = f(self);
            self.log(format!(
                "{title}: done in {:.1} s",
                t.elapsed().as_secs_f64()
            ));
            match r {
                Ok(body) => sections.push(Section {
                    title: title.into(),
                    body,
                    error: None,
                }),
                Err(e) => {
                    self.log(format!("{title}: FAILED: {e}"));
                    sections.push(Section {
                        title: title.into(),
                        body: String::new(),
                        error: Some(e),
                    })
                }
            }
        }
        sections
    }
}

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

// ---------------------------------------------------------------------------------------------------------
// The report

impl Bench {
    fn machine_info(&self) -> Vec<(String, String)> {
        let read = |p: &str| fs::read_to_string(p).unwrap_or_default();
        let cpuinfo = read("/proc/cpuinfo");
        let model = cpuinfo
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split(':').nth(1))
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| "unknown".into());
        let mem = read("/proc/meminfo")
            .lines()
            .find(|l| l.starts_with("MemTotal:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .map(|kb| format!("{:.1} GiB", kb as f64 / 1024.0 / 1024.0))
            .unwrap_or_default();
        let nproc = std::thread::available_parallelism()
            .map(|n| n.get().to_string())
            .unwrap_or_default();
        let manifest = env!("CARGO_MANIFEST_DIR");
        let git = |args: &[&str]| {
            Command::new("git")
                .arg("-C")
                .arg(manifest)
                .args(args)
                .output()
                .ok()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .unwrap_or_default()
        };
        let mut commit = git(&["rev-parse", "--short", "HEAD"]);
        if !git(&["status", "--porcelain", "--untracked-files=no"]).is_empty() {
            commit.push_str(" (with uncommitted changes in the working tree)");
        }
        let sqlite = Command::new("sqlite3")
            .arg("--version")
            .output()
            .ok()
            .map(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .unwrap_or_default();
        let fs_line = {
            let mounts = read("/proc/mounts");
            let w = self.work.to_string_lossy().to_string();
            mounts
                .lines()
                .filter_map(|l| {
                    let f: Vec<&str> = l.split_whitespace().collect();
                    (f.len() > 2 && w.starts_with(f[1]))
                        .then(|| (f[1].len(), format!("{} on {} ({})", f[0], f[1], f[2])))
                })
                .max_by_key(|(n, _)| *n)
                .map(|(_, s)| s)
                .unwrap_or_default()
        };
        vec![
            ("CPU".into(), format!("{model} — nproc {nproc}")),
            ("memory".into(), mem),
            (
                "kernel".into(),
                read("/proc/sys/kernel/osrelease").trim().to_string(),
            ),
            ("data dirs on".into(), fs_line),
            ("commit".into(), commit),
            (
                "binary".into(),
                format!("{} ({})", self.bin.display(), self.version),
            ),
            ("sqlite3 CLI".into(), sqlite),
            (
                "load average at start".into(),
                read("/proc/loadavg")
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        ]
    }

    fn render(&self, sections: &[Section], took: Duration) -> String {
        let mut r = String::new();
        let _ = writeln!(r, "## Results\n");
        let mode = if self.s.quick {
            "**QUICK RUN** (`LTS_BENCH_QUICK=1`: 100,000-device fleet, 1.5 s load runs) — not the published figures"
        } else {
            "full run"
        };
        let only = match &self.s.only {
            Some(o) => format!(", figures {o:?} only (`LTS_BENCH_ONLY`)"),
            None => String::new(),
        };
        let _ = writeln!(
            r,
            "{mode}{only}, measured {} UTC, {:.0} s in all.\n",
            chrono::Utc::now().format("%Y-%m-%d %H:%M"),
            took.as_secs_f64()
        );
        let target = std::env::var("CARGO_TARGET_DIR")
            .map(|d| format!("export CARGO_TARGET_DIR={d}; "))
            .unwrap_or_default();
        let mut vars = String::new();
        for v in ["LTS_BENCH_QUICK", "LTS_BENCH_ONLY", "LTSCTL_BIN"] {
            if let Ok(x) = std::env::var(v) {
                let _ = write!(vars, "{v}={x} ");
            }
        }
        let _ = writeln!(
            r,
            "Command: `{target}cargo build --release && {vars}cargo bench --bench lts`\n"
        );
        let _ = writeln!(r, "| machine | |\n| --- | --- |");
        for (k, v) in &self.machine {
            let _ = writeln!(r, "| {k} | {v} |");
        }
        let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
        let _ = writeln!(
            r,
            "| load average at end | {} |",
            load.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        );
        let _ = writeln!(
            r,
            "\nThe server and the load client share the machine's cores; the machine is shared with other work, so the load average is part of every figure.\n"
        );
        for s in sections {
            let _ = writeln!(r, "### {}\n", s.title);
            if !s.body.is_empty() {
                let _ = writeln!(r, "{}", s.body);
            }
            if let Some(e) = &s.error {
                let _ = writeln!(r, "**failed:** {e}\n");
            }
        }
        r
    }

    fn write_report(&self, report: &str) -> Res<()> {
        let explicit = std::env::var_os("LTS_BENCH_OUT").map(PathBuf::from);
        let full =
            !self.s.quick && self.s.only.is_none() && std::env::var_os("LTSCTL_BIN").is_none();
        let path = match (&explicit, full) {
            (Some(p), _) => p.clone(),
            (None, true) => Path::new(env!("CARGO_MANIFEST_DIR")).join("BENCHMARKS.md"),
            (None, false) => self.root.join("last-run.md"),
        };
        let old = fs::read_to_string(&path).unwrap_or_default();
        let new = match (old.find(BEGIN), old.find(END)) {
            (Some(b), Some(e)) if b < e => {
                format!("{}{BEGIN}\n\n{report}\n{}", &old[..b], &old[e..])
            }
            _ if old.is_empty() => format!("# Benchmarks\n\n{BEGIN}\n\n{report}\n{END}\n"),
            _ => format!("{}\n\n{BEGIN}\n\n{report}\n{END}\n", old.trim_end()),
        };
        fs::write(&path, new).map_err(|e| format!("{}: {e}", path.display()))?;
        self.log(format!("report written to {}", path.display()));
        Ok(())
    }
}
