//! Figure 1: device authorizations per second over 64 keep-alive connections, each workload beside the null
//! route (`/v1/bench/null-authorize`: the same HTTP stack, parsing and signing, no store) in the same run:
//! new devices, returning devices seen moments ago (answered from a read), and returning devices seen a day
//! ago (seat rewritten). It also measures the file system's fsync latency, the floor under every commit.

use std::fmt::Write as _;
use std::fs;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::load::{BodyFn, CONNS, Load, LoadStats};
use crate::requests::{authorize_body, new_devices};
use crate::server::Server;
use crate::stores::{BENCH_CODE, wal_mib};
use crate::tables::{list, median, ms, verdict};
use crate::{Bench, Res};

/// Returning devices per connection (64 x 16 = 1024 devices re-authorizing).
const RETURNING_PER_CONN: u64 = 16;
/// Devices per connection seeded as last seen a day ago, for the "returning, seat rewritten" workload:
/// each is authorized once, so every request takes the write path.
const STALE_PER_CONN: u64 = 4_000;

/// The same few devices per connection in turn, so that each is seen again moments after its last request.
fn returning_uuid(conn: usize, seq: u64) -> String {
    format!("returning-{conn:02}-{:02}", seq % RETURNING_PER_CONN)
}

/// One of the day-old devices; the name must match the `printf` of the SQL that seeds them in `fig1`.
fn stale_uuid(conn: usize, k: u64) -> String {
    format!("stale-{conn:02}-{k:06}")
}

/// Tokens signed in-process for the signing baseline.
const SIGNATURES: u32 = 20_000;

/// CPU time of one token signature, in-process on this thread: `TokenSigner::sign` (claims to JSON,
/// base64url, Ed25519), the floor under every authorization answer. Median of three rounds.
fn sign_cost_us() -> f64 {
    use ltsctl::token::{TokenSigner, claims};
    let signer = TokenSigner::from_key(ltsctl::license::IssuerKey::generate()).expect("signer");
    let now = chrono::Utc::now();
    let mut rounds: Vec<f64> = (0..3)
        .map(|_| {
            let start = thread_cpu();
            for i in 0..SIGNATURES {
                let uuid = format!("device-{i:08}");
                let c = claims("lts", &uuid, "BENCH", "ITEM", "per-device", now, now);
                std::hint::black_box(signer.sign(&c).expect("sign"));
            }
            (thread_cpu() - start).as_secs_f64() * 1e6 / f64::from(SIGNATURES)
        })
        .collect();
    rounds.sort_by(|a, b| a.total_cmp(b));
    rounds[1]
}

/// This thread's CPU time so far.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer; CLOCK_THREAD_CPUTIME_ID is always available on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The disk's durable-write latency, measured at the start of the figure.
pub(crate) struct Fsync {
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

    pub(crate) fn fig1(&mut self) -> Res<String> {
        self.measure_fsync()?;
        let sign_us = sign_cost_us();
        self.log(format!("  one token signature in-process: {sign_us:.1} µs CPU"));
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
        let pg = crate::postgres::PgBench::create(self)?;
        if let Some(pg) = &pg {
            // Before the embedded server opens the store: both start from the same fleet.
            pg.fill_from(self, &store)?;
        }
        let server = Server::start(self, &store, "fig1")?;
        let (results, seated_at) = self.authorize_workloads(&server)?;
        let d = self.s.load;
        let (rss, _) = server.rss_kb()?;
        let wal = wal_mib(&store);
        server.stop()?;
        let med = |k: usize, f: fn(&LoadStats) -> f64| {
            median(&results[k].iter().map(f).collect::<Vec<_>>())
        };
        let mut t = String::new();
        let _ = writeln!(
            t,
            "64 concurrent keep-alive connections, {:.1} s per run, {} runs interleaved (null, new, returning twice); median of the runs. \
             A device seen again within 1% of its refresh interval (at most a minute) keeps its seat without a write; the \
             day-old devices ({} per connection, seeded before the server started) each authorize once, so every one of \
             those requests rewrites its seat. Seats per commit: the requests each committed store transaction \
             held during the run (the server's `ltsctl_store_commit_group_size` histogram, read from its `/metrics` \
             before and after), — where nothing was written.\n",
            d.as_secs_f64(),
            self.s.runs,
            STALE_PER_CONN
        );
        t.push_str(&workload_table(&results, EMBEDDED_TARGETS));
        let null_cpu = med(0, |s| s.server_cpu_us);
        let _ = writeln!(
            t,
            "\nSigning baseline: one token signature in-process (`TokenSigner::sign`, {SIGNATURES} tokens, median of 3 rounds) \
             costs {sign_us:.1} µs of CPU; the null route's server CPU per request is {null_cpu:.0} µs = {:.2} × that \
             (target ≤ 1.30 ×: {}). The rest of the null route is HTTP, JSON and the runtime.",
            null_cpu / sign_us,
            verdict(null_cpu / sign_us <= 1.3)
        );
        let f = self.fsync.as_ref().unwrap();
        let _ = writeln!(
            t,
            "\nSeated devices when each \"new devices\" run started: {} (the store grows by every new-device run).  \n\
             Load client CPU (one thread): {} % of a core per run (null/new/returning/day-old, run 1).  \n\
             Durable 4 KiB append (write + fdatasync) on this file system: p50 {:.2} ms, p99 {:.2} ms ({} samples) \
             — one such flush per committed write transaction with `synchronous = FULL` caps a single writer at \
             ≈ {:.0} commits/s; overwriting a preallocated page (write + fdatasync, no size change): p50 {:.2} ms.  \n\
             Server RSS after the figure: {:.1} MiB; WAL file before the server stopped: {:.1} MiB.",
            seated_at.iter().map(u64::to_string).collect::<Vec<_>>().join(", "),
            list(&results.iter().map(|r| r[0].client_cpu_pct).collect::<Vec<_>>(), 0),
            f.p50_ms,
            f.p99_ms,
            f.n,
            1000.0 / f.p50_ms,
            f.overwrite_p50_ms,
            rss as f64 / 1024.0,
            wal
        );
        if let Some(pg) = pg {
            let server = Server::start_pg(self, &pg.url, "fig1-postgres")?;
            let (results, _) = self.authorize_workloads(&server)?;
            server.stop()?;
            t.push_str(&pg.heading());
            t.push_str(&workload_table(&results, POSTGRES_TARGETS));
        }
        let _ = fs::remove_dir_all(&store);
        Ok(t)
    }

    /// Figure 1's workloads on `server`: a warm-up, the returning devices seated, then the runs of every
    /// workload interleaved. The results per workload (in `KINDS` order) and the seated devices when each
    /// "new devices" run started.
    fn authorize_workloads(&mut self, server: &Server) -> Res<(Vec<Vec<LoadStats>>, Vec<u64>)> {
        let d = self.s.load;
        let big = u64::MAX;
        // Warm-up (connections, code paths, page cache), then seat the returning devices.
        self.load_all_ok(
            server,
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
            server,
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
            (LABELS[0], "/v1/bench/null-authorize", new_devices(BENCH_CODE)),
            (LABELS[1], "/v1/authorize", new_devices(BENCH_CODE)),
            (
                LABELS[2],
                "/v1/authorize",
                Arc::new(|conn, seq| {
                    authorize_body(BENCH_CODE, &returning_uuid(conn, seq), "returning")
                }),
            ),
            (LABELS[3], "/v1/authorize", stale_body),
        ];
        let mut results: Vec<Vec<LoadStats>> = vec![Vec::new(); kinds.len()];
        let mut seated_at: Vec<u64> = Vec::new();
        for run in 0..self.s.runs {
            for (k, (label, path, body)) in kinds.iter().enumerate() {
                if k == 1 {
                    seated_at.push(seated);
                }
                let groups_before = server.commit_groups()?;
                let mut s = self.load(
                    server,
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
                let groups_after = server.commit_groups()?;
                let groups = groups_after.1 - groups_before.1;
                if groups > 0.0 {
                    s.per_commit = Some((groups_after.0 - groups_before.0) / groups);
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
        Ok((results, seated_at))
    }
}

/// The rows of figure 1's table, each workload against the null route of the same runs.
fn workload_table(results: &[Vec<LoadStats>], targets: [Option<f64>; 4]) -> String {
    let mut t = String::new();
    let med =
        |k: usize, f: fn(&LoadStats) -> f64| median(&results[k].iter().map(f).collect::<Vec<_>>());
    let null_rps = med(0, LoadStats::rps);
    let _ = writeln!(
        t,
        "| workload | req/s (median) | req/s per run | p50 ms | p99 ms | server CPU µs/req | of which system | seats per commit | vs null | target | result |"
    );
    let _ =
        writeln!(t, "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
    for (k, label) in LABELS.iter().enumerate() {
        let rps = med(k, LoadStats::rps);
        let ratio = rps / null_rps;
        let (target, result) = match targets[k] {
            None if k == 0 => ("baseline".to_string(), "—"),
            None => ("none given".to_string(), "—"),
            Some(x) => (format!("≥ {:.0}% of null", x * 100.0), verdict(ratio >= x)),
        };
        let per_commit: Vec<f64> = results[k].iter().filter_map(|s| s.per_commit).collect();
        let per_commit = if per_commit.is_empty() {
            "—".to_string()
        } else {
            format!("{:.1}", median(&per_commit))
        };
        let _ = writeln!(
            t,
            "| {label} | {rps:.0} | {} | {:.2} | {:.2} | {:.0} | {:.0}% | {per_commit} | {:.1}% | {target} | {result} |",
            list(&results[k].iter().map(LoadStats::rps).collect::<Vec<_>>(), 0),
            med(k, |s| s.p50_ms),
            med(k, |s| s.p99_ms),
            med(k, |s| s.server_cpu_us),
            med(k, |s| s.server_sys_pct),
            ratio * 100.0,
        );
    }
    t
}

/// Issue 17's targets, as a share of the null route, per workload (`LABELS` order): the embedded store's,
/// and PostgreSQL's (new devices on one instance only).
const EMBEDDED_TARGETS: [Option<f64>; 4] = [None, Some(0.6), Some(0.9), Some(0.7)];
const POSTGRES_TARGETS: [Option<f64>; 4] = [None, Some(0.35), None, None];

/// Figure 1's workloads, in the order they run.
const LABELS: [&str; 4] = [
    "null authorize (baseline)",
    "new devices",
    "returning devices, seen moments ago (answered from a read)",
    "returning devices, seen a day ago (seat rewritten)",
];
