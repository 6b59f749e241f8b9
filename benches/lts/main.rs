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

mod load;
mod processes;
mod requests;
mod server;
mod stores;

use std::fmt::Write as _;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;

use load::{BodyFn, CONNS, Load, LoadStats};
use processes::{Measured, measure};
use requests::{authorize_body, new_devices};
use server::Server;
use stores::{BENCH_CODE, PRODUCT, SEED_CODE, wal_mib};

/// Connections for figure 6's authorizations: few enough that they finish inside the server's 15 s request
/// timeout on the fleet store.
const FIG6_CONNS: usize = 8;
/// Returning devices per connection (64 x 16 = 1024 devices re-authorizing).
const RETURNING_PER_CONN: u64 = 16;
/// Devices per connection seeded as last seen a day ago, for the "returning, seat rewritten" workload:
/// each is authorized once, so every request takes the write path.
const STALE_PER_CONN: u64 = 4_000;
const REPORTS_PER_BATCH: usize = 100;
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

fn returning_uuid(conn: usize, seq: u64) -> String {
    format!("returning-{conn:02}-{:02}", seq % RETURNING_PER_CONN)
}

fn stale_uuid(conn: usize, k: u64) -> String {
    format!("stale-{conn:02}-{k:06}")
}

fn usage_uuid(conn: usize) -> String {
    format!("usage-{conn:02}")
}

fn usage_bodies(nonce: u64) -> BodyFn {
    let at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    Arc::new(move |conn, seq| {
        let mut s = String::with_capacity(100 + REPORTS_PER_BATCH * 96);
        let _ = write!(
            s,
            r#"{{"handshake":"{BENCH_CODE}","uuid":"{}","reports":["#,
            usage_uuid(conn)
        );
        for i in 0..REPORTS_PER_BATCH {
            if i > 0 {
                s.push(',');
            }
            let _ = write!(
                s,
                r#"{{"id":"r{nonce:x}-{conn}-{seq}-{i}","at":"{at}","scans":{{"QR":3,"EAN13":1}}}}"#
            );
        }
        s.push_str("]}");
        Bytes::from(s)
    })
}

// ---------------------------------------------------------------------------------------------------------
// Figures

fn median(v: &[f64]) -> f64 {
    let mut v: Vec<f64> = v.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok { "**pass**" } else { "**MISS**" }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn list(v: &[f64], prec: usize) -> String {
    v.iter()
        .map(|x| format!("{x:.prec$}"))
        .collect::<Vec<_>>()
        .join(" / ")
}

struct Fsync {
    p50_ms: f64,
    p99_ms: f64,
    n: usize,
    overwrite_p50_ms: f64,
}

impl Bench {
    /// Latency of a durable 4 KiB append (write + fdatasync), as a WAL commit does, on the data dir's file system.
    fn measure_fsync(&mut self) -> Res<()> {
        let path = self.work.join("fsync-probe");
        let mut f = fs::OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .open(&path)
            .map_err(|e| e.to_string())?;
        let page = vec![0x5au8; 4096];
        let mut lat = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(3);
        while lat.len() < 500 && Instant::now() < deadline {
            let t = Instant::now();
            f.write_all(&page).map_err(|e| e.to_string())?;
            f.sync_data().map_err(|e| e.to_string())?;
            lat.push(ms(t.elapsed()));
        }
        // The same, overwriting the first page of the now preallocated file (the WAL after a checkpoint reset).
        let mut over = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(3);
        while over.len() < 500 && Instant::now() < deadline {
            let t = Instant::now();
            std::os::unix::fs::FileExt::write_all_at(&f, &page, 0).map_err(|e| e.to_string())?;
            f.sync_data().map_err(|e| e.to_string())?;
            over.push(ms(t.elapsed()));
        }
        let _ = fs::remove_file(&path);
        lat.sort_by(|a, b| a.total_cmp(b));
        over.sort_by(|a, b| a.total_cmp(b));
        let n = lat.len();
        self.fsync = Some(Fsync {
            p50_ms: lat[n / 2],
            p99_ms: lat[((n as f64 * 0.99) as usize).min(n - 1)],
            n,
            overwrite_p50_ms: over[over.len() / 2],
        });
        Ok(())
    }

    fn fig1(&mut self) -> Res<String> {
        self.measure_fsync()?;
        let store = self.license_store("fig1")?;
        // Returning devices last seen a day ago: their seat must be rewritten (new removal time).
        self.sqlite(
            &store.join("ltsctl.db"),
            &format!(
                "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {total} - 1)
                 INSERT INTO devices (handshake, uuid, item_id, platform, name, first_seen, last_seen, expires_at)
                 SELECT '{BENCH_CODE}', printf('stale-%02d-%06d', i / {STALE_PER_CONN}, i % {STALE_PER_CONN}),
                        'BENCH-DEVICES', 'desktop', 'stale', strftime('%s','now') - 86400,
                        strftime('%s','now') - 86400, strftime('%s','now') - 86400 + 366 * 86400 FROM n",
                total = CONNS as u64 * STALE_PER_CONN
            ),
        )?;
        let server = Server::start(self, &store, "fig1")?;
        let d = self.s.load;
        let big = u64::MAX;
        // Warm-up (connections, code paths, page cache), then seat the returning devices.
        self.load_all_ok(
            &server,
            &Load {
                path: "/v1/bench/null-authorize",
                conns: CONNS,
                duration: Duration::from_secs(1),
                max_total: big,
                max_per_conn: big,
                body: new_devices(BENCH_CODE),
            },
            "warm-up",
        )?;
        self.load_all_ok(
            &server,
            &Load {
                path: "/v1/authorize",
                conns: CONNS,
                duration: Duration::from_secs(120),
                max_total: big,
                max_per_conn: RETURNING_PER_CONN,
                body: Arc::new(|conn, seq| {
                    authorize_body(BENCH_CODE, &returning_uuid(conn, seq), "returning")
                }),
            },
            "seating the returning devices",
        )?;
        let mut seated = CONNS as u64 * (RETURNING_PER_CONN + STALE_PER_CONN);
        let stale_next: Arc<Vec<AtomicU64>> =
            Arc::new((0..CONNS).map(|_| AtomicU64::new(0)).collect());
        let stale_body: BodyFn = {
            let next = stale_next.clone();
            Arc::new(move |conn, _| {
                let k = next[conn].fetch_add(1, Ordering::Relaxed);
                authorize_body(BENCH_CODE, &stale_uuid(conn, k), "stale")
            })
        };
        let kinds: [(&str, &'static str, BodyFn); 4] = [
            (
                "null authorize (baseline)",
                "/v1/bench/null-authorize",
                new_devices(BENCH_CODE),
            ),
            ("new devices", "/v1/authorize", new_devices(BENCH_CODE)),
            (
                "returning devices, seen moments ago (answered from a read)",
                "/v1/authorize",
                Arc::new(|conn, seq| {
                    authorize_body(BENCH_CODE, &returning_uuid(conn, seq), "returning")
                }),
            ),
            (
                "returning devices, seen a day ago (seat rewritten)",
                "/v1/authorize",
                stale_body,
            ),
        ];
        let mut results: Vec<Vec<LoadStats>> = vec![Vec::new(); kinds.len()];
        let mut seated_at: Vec<u64> = Vec::new();
        for run in 0..self.s.runs {
            for (k, (label, path, body)) in kinds.iter().enumerate() {
                if k == 1 {
                    seated_at.push(seated);
                }
                let s = self.load(
                    &server,
                    &Load {
                        path,
                        conns: CONNS,
                        duration: d,
                        max_total: big,
                        max_per_conn: big,
                        body: body.clone(),
                    },
                )?;
                if k == 1 {
                    seated += s.ok;
                }
                self.log(format!(
                    "  run {}: {label}: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, {} failed",
                    run + 1,
                    s.rps(),
                    s.p50_ms,
                    s.p99_ms,
                    s.failed
                ));
                if s.failed > 0 {
                    return Err(format!(
                        "{label}: {} requests failed, first: {}",
                        s.failed,
                        s.first_error.unwrap_or_default()
                    ));
                }
                results[k].push(s);
            }
        }
        if let Some(conn) =
            (0..CONNS).find(|&c| stale_next[c].load(Ordering::Relaxed) > STALE_PER_CONN)
        {
            return Err(format!(
                "connection {conn} ran out of seeded day-old devices (raise STALE_PER_CONN)"
            ));
        }
        let (rss, _) = server.rss_kb()?;
        let wal = wal_mib(&store);
        server.stop()?;
        let med = |k: usize, f: fn(&LoadStats) -> f64| {
            median(&results[k].iter().map(f).collect::<Vec<_>>())
        };
        let null_rps = med(0, LoadStats::rps);
        let mut t = String::new();
        let _ = writeln!(
            t,
            "64 concurrent keep-alive connections, {:.1} s per run, {} runs interleaved (null, new, returning twice); median of the runs. \
             A device seen again within 1% of its refresh interval (at most a minute) keeps its seat without a write; the \
             day-old devices ({} per connection, seeded before the server started) each authorize once, so every one of \
             those requests rewrites its seat.\n",
            d.as_secs_f64(),
            self.s.runs,
            STALE_PER_CONN
        );
        let _ = writeln!(
            t,
            "| workload | req/s (median) | req/s per run | p50 ms | p99 ms | server CPU µs/req | of which system | vs null | target | result |"
        );
        let _ = writeln!(
            t,
            "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
        );
        let targets = [None, Some(0.5), Some(0.7), Some(0.7)];
        for (k, (label, _, _)) in kinds.iter().enumerate() {
            let rps = med(k, LoadStats::rps);
            let ratio = rps / null_rps;
            let (target, result) = match targets[k] {
                None => ("baseline".to_string(), "—"),
                Some(x) => (format!("≥ {:.0}% of null", x * 100.0), verdict(ratio >= x)),
            };
            let _ = writeln!(
                t,
                "| {label} | {rps:.0} | {} | {:.2} | {:.2} | {:.0} | {:.0}% | {:.1}% | {target} | {result} |",
                list(
                    &results[k].iter().map(LoadStats::rps).collect::<Vec<_>>(),
                    0
                ),
                med(k, |s| s.p50_ms),
                med(k, |s| s.p99_ms),
                med(k, |s| s.server_cpu_us),
                med(k, |s| s.server_sys_pct),
                ratio * 100.0,
            );
        }
        let f = self.fsync.as_ref().unwrap();
        let _ = writeln!(
            t,
            "\nSeated devices when each \"new devices\" run started: {} (the store grows by every new-device run).  \n\
             Load client CPU (one thread): {} % of a core per run (null/new/returning/day-old, run 1).  \n\
             Durable 4 KiB append (write + fdatasync) on this file system: p50 {:.2} ms, p99 {:.2} ms ({} samples) \
             — one such flush per committed write transaction with `synchronous = FULL` caps a single writer at \
             ≈ {:.0} commits/s; overwriting a preallocated page (write + fdatasync, no size change): p50 {:.2} ms.  \n\
             Server RSS after the figure: {:.1} MiB; WAL file before the server stopped: {:.1} MiB.",
            seated_at
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            list(
                &results
                    .iter()
                    .map(|r| r[0].client_cpu_pct)
                    .collect::<Vec<_>>(),
                0
            ),
            f.p50_ms,
            f.p99_ms,
            f.n,
            1000.0 / f.p50_ms,
            f.overwrite_p50_ms,
            rss as f64 / 1024.0,
            wal
        );
        let _ = fs::remove_dir_all(&store);
        Ok(t)
    }

    fn fig2(&mut self) -> Res<String> {
        let store = self.license_store("fig2")?;
        let server = Server::start(self, &store, "fig2")?;
        let d = self.s.load;
        let big = u64::MAX;
        self.load_all_ok(
            &server,
            &Load {
                path: "/v1/authorize",
                conns: CONNS,
                duration: Duration::from_secs(60),
                max_total: big,
                max_per_conn: 1,
                body: Arc::new(|conn, _| authorize_body(BENCH_CODE, &usage_uuid(conn), "usage")),
            },
            "authorizing the usage devices",
        )?;
        let nonce = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
        self.load_all_ok(
            &server,
            &Load {
                path: "/v1/bench/null-usage",
                conns: CONNS,
                duration: Duration::from_secs(1),
                max_total: big,
                max_per_conn: big,
                body: usage_bodies(nonce),
            },
            "warm-up",
        )?;
        let kinds: [(&str, &'static str); 2] = [
            ("null usage (baseline)", "/v1/bench/null-usage"),
            ("usage", "/v1/usage"),
        ];
        let mut results: Vec<Vec<LoadStats>> = vec![Vec::new(); 2];
        for run in 0..self.s.runs {
            for (k, (label, path)) in kinds.iter().enumerate() {
                let s = self.load_all_ok(
                    &server,
                    &Load {
                        path,
                        conns: CONNS,
                        duration: d,
                        max_total: big,
                        max_per_conn: big,
                        body: usage_bodies(nonce + 1 + (run * 2 + k) as u64),
                    },
                    label,
                )?;
                self.log(format!(
                    "  run {}: {label}: {:.0} reports/s, p50 {:.2} ms, p99 {:.2} ms",
                    run + 1,
                    s.rps() * REPORTS_PER_BATCH as f64,
                    s.p50_ms,
                    s.p99_ms
                ));
                results[k].push(s);
            }
        }
        let stored = self.sqlite(
            &store.join("ltsctl.db"),
            "SELECT COUNT(*) FROM usage_reports",
        )?;
        let wal = wal_mib(&store);
        server.stop()?;
        let med = |k: usize, f: fn(&LoadStats) -> f64| {
            median(&results[k].iter().map(f).collect::<Vec<_>>())
        };
        let per = REPORTS_PER_BATCH as f64;
        let null = med(0, LoadStats::rps) * per;
        let mut t = String::new();
        let _ = writeln!(
            t,
            "64 authorized devices, one connection each, POSTing batches of {REPORTS_PER_BATCH} reports (2 symbology counts each) for {:.1} s per run, {} runs interleaved; median.\n",
            d.as_secs_f64(),
            self.s.runs
        );
        let _ = writeln!(
            t,
            "| workload | reports/s (median) | reports/s per run | batch p50 ms | batch p99 ms | server CPU µs/batch | vs null | target | result |"
        );
        let _ = writeln!(
            t,
            "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |"
        );
        for (k, (label, _)) in kinds.iter().enumerate() {
            let v = med(k, LoadStats::rps) * per;
            let _ = writeln!(
                t,
                "| {label} | {v:.0} | {} | {:.2} | {:.2} | {:.0} | {:.1}% | {} | — |",
                list(
                    &results[k].iter().map(|s| s.rps() * per).collect::<Vec<_>>(),
                    0
                ),
                med(k, |s| s.p50_ms),
                med(k, |s| s.p99_ms),
                med(k, |s| s.server_cpu_us),
                v / null * 100.0,
                if k == 0 {
                    "baseline"
                } else {
                    "none set (issue gives no target)"
                },
            );
        }
        let _ = writeln!(
            t,
            "\nReports stored at the end: {stored} (every report id unique; each report is one `usage_reports` row and two `usage_counts` rows); WAL file before the server stopped: {wal:.1} MiB."
        );
        let _ = fs::remove_dir_all(&store);
        Ok(t)
    }

    /// Figure 6 (server memory) and figure 3 (listing), on one working copy of the fleet store served by one
    /// server, so that local, sqlite3 and remote listings read the same rows (the server's sweeper removes
    /// the devices already past their removal time when it starts).
    fn fig6_and_3(&mut self) -> Res<String> {
        let fleet = self.s.fleet;
        let cache = self.fleet_cache()?;
        let mut t = String::new();
        let big = u64::MAX;
        let auths = 256u64;
        // Baseline: a server on a store with only the license, same authorizations.
        let small = self.license_store("fig6-empty")?;
        let base = Server::start(self, &small, "fig6-empty")?;
        std::thread::sleep(Duration::from_millis(300));
        let (base_idle, _) = base.rss_kb()?;
        let base_load = self.load_all_ok(
            &base,
            &Load {
                path: "/v1/authorize",
                conns: FIG6_CONNS,
                duration: Duration::from_secs(60),
                max_total: auths,
                max_per_conn: big,
                body: new_devices(BENCH_CODE),
            },
            "authorizations on the empty store",
        )?;
        let (base_rss, base_hwm) = base.rss_kb()?;
        base.stop()?;

        let w = self.copy_store(&cache, "fleet-w")?;
        let db = w.join("ltsctl.db");
        let server = Server::start(self, &w, "fleet")?;
        let deadline = Instant::now() + Duration::from_secs(300);
        loop {
            let n = self.sqlite(&db, "SELECT COUNT(*) FROM sweeps")?;
            if n != "0" {
                break;
            }
            if Instant::now() > deadline {
                return Err("the sweeper did not finish its start-up run within 300 s".into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let swept = self.sqlite(&db, "SELECT removed FROM sweeps ORDER BY id LIMIT 1")?;
        let (idle, _) = server.rss_kb()?;
        let fl = self.load(
            &server,
            &Load {
                path: "/v1/authorize",
                conns: FIG6_CONNS,
                duration: Duration::from_secs(60),
                max_total: auths,
                max_per_conn: big,
                body: new_devices(SEED_CODE),
            },
        )?;
        let (rss, hwm) = server.rss_kb()?;
        let mib = |kb: u64| kb as f64 / 1024.0;
        let _ = writeln!(
            t,
            "A server started on the seeded store ({fleet} devices; its sweeper removed {swept} already past their removal time), then {} new-device authorizations over {FIG6_CONNS} connections; VmRSS from /proc/PID/status. Baseline: a server on a store holding only the license, same authorizations.\n",
            fl.ok + fl.failed
        );
        let _ = writeln!(
            t,
            "| server | VmRSS idle MiB | VmRSS after authorizations MiB | VmHWM MiB | authorizations ok / failed | auth req/s | auth p50 ms | auth p99 ms | target | result |"
        );
        let _ = writeln!(
            t,
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
        );
        let _ = writeln!(
            t,
            "| empty store (baseline) | {:.1} | {:.1} | {:.1} | {} / {} | {:.1} | {:.2} | {:.2} | baseline | — |",
            mib(base_idle),
            mib(base_rss),
            mib(base_hwm),
            base_load.ok,
            base_load.failed,
            base_load.rps(),
            base_load.p50_ms,
            base_load.p99_ms
        );
        let _ = writeln!(
            t,
            "| {fleet} devices seated | {:.1} | {:.1} | {:.1} | {} / {} | {:.1} | {:.2} | {:.2} | < 200 MiB | {} |",
            mib(idle),
            mib(rss),
            mib(hwm),
            fl.ok,
            fl.failed,
            fl.rps(),
            fl.p50_ms,
            fl.p99_ms,
            verdict(rss < 200 * 1024)
        );
        if let Some(e) = &fl.first_error {
            let _ = writeln!(
                t,
                "\nFirst failed authorization on the fleet store: `{}` (HTTP 408 is the server's 15 s request timeout).",
                e.replace('`', "'")
            );
        }
        let _ = writeln!(
            t,
            "\nThe authorization rate columns are not a target of this figure; they show how the authorize path scales with the number of seated devices (compare figure 1)."
        );

        if self.s.wants(3) {
            match self.fig3(&server, &w) {
                Ok(s) => {
                    let (rss2, hwm2) = server.rss_kb()?;
                    let _ = write!(
                        t,
                        "\n### 3. `devices list --inactive-for 90d -o json` over the fleet\n\n{s}"
                    );
                    let _ = writeln!(
                        t,
                        "Server after serving the remote listings: VmRSS {:.1} MiB, VmHWM {:.1} MiB.",
                        mib(rss2),
                        mib(hwm2)
                    );
                }
                Err(e) => {
                    let _ = write!(
                        t,
                        "\n### 3. `devices list --inactive-for 90d -o json` over the fleet\n\n**failed:** {e}\n"
                    );
                }
            }
        }
        server.stop()?;
        let _ = fs::remove_dir_all(&w);
        let _ = fs::remove_dir_all(&small);
        Ok(t)
    }

    fn fig3(&self, server: &Server, w: &Path) -> Res<String> {
        let db = w.join("ltsctl.db");
        let sql = "SELECT uuid, handshake, item_id AS item, platform, domain, name, first_seen, last_seen, expires_at \
                   FROM devices WHERE last_seen < strftime('%s','now') - 90*86400 ORDER BY last_seen, handshake, uuid";
        let expected = self.sqlite(
            &db,
            "SELECT COUNT(*) FROM devices WHERE last_seen < strftime('%s','now') - 90*86400",
        )?;
        let mut c = self.ltsctl(w);
        c.args(["token", "create", "bench", "--role", "admin", "-o", "json"]);
        let out = self.setup(c, "token create")?;
        let token = serde_json::from_str::<serde_json::Value>(&out)
            .ok()
            .and_then(|v| v.get("token").and_then(|t| t.as_str()).map(str::to_string))
            .ok_or_else(|| format!("token create printed no .token: {out}"))?;
        let url = server.url();
        let timeout = Duration::from_secs(300);
        let mut rows: [Vec<Measured>; 3] = Default::default();
        for run in 0..self.s.runs {
            // local target
            let err = self.work.join("logs").join(format!("list-local-{run}.err"));
            let mut c = self.ltsctl(w);
            c.args(["devices", "list", "--inactive-for", "90d", "-o", "json"])
                .stderr(fs::File::create(&err).map_err(|e| e.to_string())?);
            let m = measure(c, timeout)?;
            check_listed(&m, &err, &expected, "local devices list")?;
            rows[0].push(m);
            // sqlite3
            let mut c = self.cmd(Path::new("sqlite3"));
            c.arg("-json").arg(&db).arg(sql);
            let m = measure(c, timeout)?;
            if m.code != 0 {
                return Err(format!("sqlite3 -json exited {}", m.code));
            }
            rows[1].push(m);
            // remote target
            let err = self
                .work
                .join("logs")
                .join(format!("list-remote-{run}.err"));
            let mut c = self.cmd(&self.bin);
            c.args([
                "--server",
                &url,
                "devices",
                "list",
                "--inactive-for",
                "90d",
                "-o",
                "json",
            ])
            .env("LTSCTL_TOKEN", &token)
            .stderr(fs::File::create(&err).map_err(|e| e.to_string())?);
            let m = measure(c, timeout)?;
            check_listed(&m, &err, &expected, "remote devices list")?;
            rows[2].push(m);
            self.log(format!(
                "  run {}: local {:.0} ms, sqlite3 {:.0} ms, remote {:.0} ms",
                run + 1,
                ms(rows[0][run].wall),
                ms(rows[1][run].wall),
                ms(rows[2][run].wall)
            ));
        }
        let walls = |k: usize| rows[k].iter().map(|m| ms(m.wall)).collect::<Vec<_>>();
        let rss = |k: usize| {
            rows[k]
                .iter()
                .map(|m| m.max_rss_kb as f64 / 1024.0)
                .collect::<Vec<_>>()
        };
        let base = median(&walls(1));
        let mut t = String::new();
        let _ = writeln!(
            t,
            "{expected} matching devices (of the fleet), stdout to /dev/null; wall time from spawn to exit and peak RSS (`ru_maxrss` from wait4) of the listing process; {} runs, interleaved; median.\n",
            self.s.runs
        );
        let _ = writeln!(
            t,
            "| command | wall ms (median) | per run | vs sqlite3 | target | max RSS MiB (median) | target | result |"
        );
        let _ = writeln!(t, "| --- | ---: | --- | ---: | --- | ---: | --- | --- |");
        let _ = writeln!(
            t,
            "| `sqlite3 -json` equivalent query (baseline) | {base:.0} | {} | 1.00x | baseline | {:.1} | — | — |",
            list(&walls(1), 0),
            median(&rss(1))
        );
        for (k, label) in [
            (0, "`ltsctl devices list` (local data dir)"),
            (2, "`ltsctl --server URL devices list` (remote)"),
        ] {
            let wall = median(&walls(k));
            let mem = median(&rss(k));
            let ratio = wall / base;
            let _ = writeln!(
                t,
                "| {label} | {wall:.0} | {} | {ratio:.2}x | ≤ 2x | {mem:.1} | < 100 MiB | time {}, memory {} |",
                list(&walls(k), 0),
                verdict(ratio <= 2.0),
                verdict(mem < 100.0)
            );
        }
        let _ = writeln!(t, "\nThe sqlite3 query: `{sql}`.");
        Ok(t)
    }

    fn fig4(&mut self) -> Res<String> {
        let cache = self.fleet_cache()?;
        let timeout = Duration::from_secs(300);
        let sql_where = "last_seen < strftime('%s','now') - 90*86400";
        let expected = self.sqlite(
            &cache.join("ltsctl.db"),
            &format!("SELECT COUNT(*) FROM devices WHERE {sql_where}"),
        )?;
        let mut lts: Vec<f64> = Vec::new();
        let mut raw: Vec<f64> = Vec::new();
        let mut removed_seen = String::new();
        for run in 0..self.s.runs {
            let a = self.copy_store(&cache, "unregister-a")?;
            let out_path = self
                .work
                .join("logs")
                .join(format!("unregister-{run}.json"));
            let mut c = self.ltsctl(&a);
            c.args([
                "devices",
                "unregister",
                "--inactive-for",
                "90d",
                "--yes",
                "-o",
                "json",
            ])
            .stdout(fs::File::create(&out_path).map_err(|e| e.to_string())?);
            let m = measure(c, timeout)?;
            let out = fs::read_to_string(&out_path).unwrap_or_default();
            let removed = serde_json::from_str::<serde_json::Value>(&out)
                .ok()
                .and_then(|v| v.get("removed").and_then(|r| r.as_u64()));
            if m.code != 0 || removed.map(|r| r.to_string()) != Some(expected.clone()) {
                return Err(format!(
                    "ltsctl devices unregister exited {} and removed {removed:?}, expected {expected}: {out}",
                    m.code
                ));
            }
            removed_seen = expected.clone();
            lts.push(ms(m.wall));
            let _ = fs::remove_dir_all(&a);

            let b = self.copy_store(&cache, "unregister-b")?;
            let out_path = self.work.join("logs").join(format!("delete-{run}.out"));
            let mut c = self.cmd(Path::new("sqlite3"));
            c.arg(b.join("ltsctl.db"))
                .arg(format!(
                    "DELETE FROM devices WHERE {sql_where}; SELECT changes();"
                ))
                .stdout(fs::File::create(&out_path).map_err(|e| e.to_string())?);
            let m = measure(c, timeout)?;
            let changes = fs::read_to_string(&out_path).unwrap_or_default();
            if m.code != 0 || changes.trim() != expected {
                return Err(format!(
                    "sqlite3 DELETE exited {} and removed {changes:?}, expected {expected}",
                    m.code
                ));
            }
            raw.push(ms(m.wall));
            let _ = fs::remove_dir_all(&b);
            self.log(format!(
                "  run {}: ltsctl {:.0} ms, sqlite3 {:.0} ms",
                run + 1,
                lts[run],
                raw[run]
            ));
        }
        let mut t = String::new();
        let _ = writeln!(
            t,
            "Each run on a fresh copy of the seeded store ({} devices, {removed_seen} of them last seen more than 90 days ago); wall time from spawn to exit; median of {} runs.\n",
            self.s.fleet, self.s.runs
        );
        let _ = writeln!(
            t,
            "| command | removed | wall ms (median) | per run | vs sqlite3 | target | result |"
        );
        let _ = writeln!(t, "| --- | ---: | ---: | --- | ---: | --- | --- |");
        let base = median(&raw);
        let _ = writeln!(
            t,
            "| `sqlite3 FILE \"DELETE FROM devices WHERE {sql_where}\"` (baseline) | {removed_seen} | {base:.0} | {} | 1.00x | baseline | — |",
            list(&raw, 0)
        );
        let m = median(&lts);
        let _ = writeln!(
            t,
            "| `ltsctl devices unregister --inactive-for 90d --yes` | {removed_seen} | {m:.0} | {} | {:.2}x | < 2000 ms | {} |",
            list(&lts, 0),
            m / base,
            verdict(m < 2000.0)
        );
        Ok(t)
    }

    fn fig5(&mut self) -> Res<String> {
        let n = self.s.imports;
        let files = self.fresh_dir("licenses")?;
        let issuer = ltsctl::license::IssuerKey::generate();
        let public = files.join("issuer.pub.pem");
        fs::write(&public, issuer.public().to_spki_pem()).map_err(|e| e.to_string())?;
        let now = chrono::Utc::now();
        let from = (now - chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M:%SZ");
        let to = (now + chrono::Duration::days(365)).format("%Y-%m-%dT%H:%M:%SZ");
        let mut paths = Vec::with_capacity(n);
        let mut sql = String::from(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE licenses (id TEXT PRIMARY KEY, file TEXT NOT NULL);\n",
        );
        for i in 0..n {
            let doc = format!(
                r#"id = "LIC-BENCH-{i:04}"
licensee = "Customer {i}"
issued_at = {from}

[[items]]
id = "LIC-BENCH-{i:04}-A"
product = "{PRODUCT}"
option = "per-device"
quota = 100
active_period = "yearly"
valid_from = {from}
expires_at = {to}

[[items]]
id = "LIC-BENCH-{i:04}-B"
product = "{PRODUCT}"
option = "per-scan"
quota = 100000
valid_from = {from}
expires_at = {to}
"#
            );
            let text = ltsctl::license::LicenseFile::sign(&doc, &issuer)
                .map_err(|e| format!("signing: {e}"))?
                .to_toml_string();
            let p = files.join(format!("lic-{i:04}.lic"));
            fs::write(&p, &text).map_err(|e| e.to_string())?;
            let _ = writeln!(
                sql,
                "INSERT INTO licenses VALUES ('LIC-BENCH-{i:04}', '{}');",
                text.replace('\'', "''")
            );
            paths.push(p);
        }
        let script = files.join("baseline.sql");
        fs::write(&script, sql).map_err(|e| e.to_string())?;
        let timeout = Duration::from_secs(300);
        let mut imp = Vec::new();
        let mut base = Vec::new();
        for run in 0..self.s.runs {
            let dir = self.fresh_dir("import")?;
            let mut c = self.ltsctl(&dir);
            c.args(["trust", "add"])
                .arg(&public)
                .args(["--name", "bench"]);
            self.setup(c, "trust add")?;
            let err = self.work.join("logs").join(format!("import-{run}.err"));
            let mut c = self.ltsctl(&dir);
            c.args(["license", "import"])
                .args(&paths)
                .stderr(fs::File::create(&err).map_err(|e| e.to_string())?);
            let m = measure(c, timeout)?;
            let imported = self.sqlite(&dir.join("ltsctl.db"), "SELECT COUNT(*) FROM licenses")?;
            if m.code != 0 || imported != n.to_string() {
                return Err(format!(
                    "license import exited {} with {imported} licenses stored: {}",
                    m.code,
                    fs::read_to_string(&err)
                        .unwrap_or_default()
                        .chars()
                        .take(500)
                        .collect::<String>()
                ));
            }
            imp.push(ms(m.wall));
            let _ = fs::remove_dir_all(&dir);

            let dir = self.fresh_dir("import-baseline")?;
            let mut c = self.cmd(Path::new("sqlite3"));
            c.arg(dir.join("baseline.db"))
                .stdin(fs::File::open(&script).map_err(|e| e.to_string())?);
            let m = measure(c, timeout)?;
            if m.code != 0 {
                return Err(format!("sqlite3 baseline exited {}", m.code));
            }
            base.push(ms(m.wall));
            let _ = fs::remove_dir_all(&dir);
            self.log(format!(
                "  run {}: import {:.0} ms, sqlite3 baseline {:.0} ms",
                run + 1,
                imp[run],
                base[run]
            ));
        }

        // Cold start on a small store.
        let small = self.fresh_dir("small")?;
        let mut c = self.ltsctl(&small);
        c.args(["seed", "--devices", "1000"]);
        self.setup(c, "seeding the small store")?;
        let small_db = small.join("ltsctl.db");
        let k = self.s.cold_runs;
        let mut cold: [Vec<f64>; 4] = Default::default();
        for i in 0..k + 2 {
            let cmds: [Command; 4] = [
                self.cmd(Path::new("/bin/true")),
                {
                    let mut c = self.cmd(&self.bin);
                    c.arg("--version");
                    c
                },
                {
                    let mut c = self.cmd(Path::new("sqlite3"));
                    c.arg(&small_db).arg("select count(*) from devices");
                    c
                },
                {
                    let mut c = self.ltsctl(&small);
                    c.arg("status");
                    c
                },
            ];
            for (j, c) in cmds.into_iter().enumerate() {
                let m = measure(c, Duration::from_secs(30))?;
                if m.code != 0 {
                    return Err(format!("cold-start command {j} exited {}", m.code));
                }
                if i >= 2 {
                    cold[j].push(ms(m.wall));
                }
            }
        }
        let mut t = String::new();
        let _ = writeln!(
            t,
            "`ltsctl license import` of {n} signed files (2 items each, one issuer), as one command, into a fresh store that trusts the issuer; median of {} runs. Baseline: sqlite3 committing the same {n} file texts as {n} separate durable transactions (WAL, synchronous=FULL) — the storage floor of one transaction per file.\n",
            self.s.runs
        );
        let _ = writeln!(
            t,
            "| command | wall ms (median) | per run | target | result |"
        );
        let _ = writeln!(t, "| --- | ---: | --- | --- | --- |");
        let _ = writeln!(
            t,
            "| sqlite3, {n} INSERT transactions (baseline) | {:.0} | {} | baseline | — |",
            median(&base),
            list(&base, 0)
        );
        let m = median(&imp);
        let _ = writeln!(
            t,
            "| `ltsctl license import` × {n} files | {m:.0} | {} | < 3000 ms | {} |",
            list(&imp, 0),
            verdict(m < 3000.0)
        );
        let _ = writeln!(
            t,
            "\nCLI cold start: wall time from spawn to exit, median of {k} runs after 2 warm-up runs (store: 1,000 seated devices).\n"
        );
        let _ = writeln!(
            t,
            "| command | median ms | min ms | max ms | target | result |"
        );
        let _ = writeln!(t, "| --- | ---: | ---: | ---: | --- | --- |");
        let row = |v: &[f64]| {
            let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = v.iter().copied().fold(0.0, f64::max);
            (median(v), lo, hi)
        };
        let rows: [(&str, Option<f64>); 4] = [
            ("`/bin/true` (baseline)", None),
            ("`ltsctl --version`", Some(10.0)),
            (
                "`sqlite3 FILE 'select count(*) from devices'` (baseline)",
                None,
            ),
            ("`ltsctl status`", Some(30.0)),
        ];
        for (j, (label, target)) in rows.iter().enumerate() {
            let (m, lo, hi) = row(&cold[j]);
            let (tt, r) = match target {
                Some(x) => (format!("< {x:.0} ms"), verdict(m < *x)),
                None => ("baseline".into(), "—"),
            };
            let _ = writeln!(t, "| {label} | {m:.2} | {lo:.2} | {hi:.2} | {tt} | {r} |");
        }
        let _ = fs::remove_dir_all(&files);
        let _ = fs::remove_dir_all(&small);
        Ok(t)
    }
}

fn check_listed(m: &Measured, err: &Path, expected: &str, what: &str) -> Res<()> {
    let text = fs::read_to_string(err).unwrap_or_default();
    let want = format!("{expected} device(s).");
    if m.code != 0 || !text.contains(&want) {
        return Err(format!(
            "{what} exited {} without \"{want}\" on stderr: {}",
            m.code,
            text.chars().take(500).collect::<String>()
        ));
    }
    Ok(())
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
