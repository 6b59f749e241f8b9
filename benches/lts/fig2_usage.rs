//! Figure 2: usage reports ingested per second, in batches of 100 from 64 authorized devices (one
//! connection each), beside the null route (`/v1/bench/null-usage`: parsing and validation, nothing stored)
//! in the same run.

use std::fmt::Write as _;
use std::fs;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;

use crate::load::{BodyFn, CONNS, Load, LoadStats};
use crate::requests::authorize_body;
use crate::server::Server;
use crate::stores::{BENCH_CODE, wal_mib};
use crate::tables::{list, median, verdict};
use crate::{Bench, Res};

const REPORTS_PER_BATCH: usize = 100;

/// The one device of connection `conn`, authorized before the loads start.
fn usage_uuid(conn: usize) -> String {
    format!("usage-{conn:02}")
}

/// Batches whose report ids are unique across the run (`nonce`, connection, sequence), so that every
/// report is stored rather than recognised as a repeat.
fn usage_bodies(nonce: u64) -> BodyFn {
    let at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    Arc::new(move |conn, seq| {
        let mut s = String::with_capacity(100 + REPORTS_PER_BATCH * 96);
        let _ =
            write!(s, r#"{{"handshake":"{BENCH_CODE}","uuid":"{}","reports":["#, usage_uuid(conn));
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

impl Bench {
    pub(crate) fn fig2(&mut self) -> Res<String> {
        let store = self.license_store("fig2")?;
        let pg = crate::postgres::PgBench::create(self)?;
        if let Some(pg) = &pg {
            // Before the embedded server opens the store: both start from the same licenses and code.
            pg.fill_from(self, &store)?;
        }
        let server = Server::start(self, &store, "fig2")?;
        let results = self.usage_workloads(&server)?;
        let stored = self.sqlite(&store.join("ltsctl.db"), "SELECT COUNT(*) FROM usage_reports")?;
        let wal = wal_mib(&store);
        server.stop()?;
        let mut t = String::new();
        let _ = writeln!(
            t,
            "64 authorized devices, one connection each, POSTing batches of {REPORTS_PER_BATCH} reports (2 symbology counts each) for {:.1} s per run, {} runs interleaved; median.\n",
            self.s.load.as_secs_f64(),
            self.s.runs
        );
        t.push_str(&usage_table(&results, Some(0.2)));
        let _ = writeln!(
            t,
            "\nReports stored at the end: {stored} (every report id unique; each report is one `usage_reports` row and two `usage_counts` rows); WAL file before the server stopped: {wal:.1} MiB."
        );
        if let Some(pg) = pg {
            let server = Server::start_pg(self, &pg.url, "fig2-postgres")?;
            let results = self.usage_workloads(&server)?;
            server.stop()?;
            t.push_str(&pg.heading());
            t.push_str(&usage_table(&results, None));
        }
        let _ = fs::remove_dir_all(&store);
        Ok(t)
    }

    /// Figure 2's loads on `server`: its devices authorized, a warm-up, then the null route and the usage
    /// route interleaved for every run. The results per workload (null first).
    fn usage_workloads(&mut self, server: &Server) -> Res<Vec<Vec<LoadStats>>> {
        let d = self.s.load;
        let big = u64::MAX;
        self.load_all_ok(
            server,
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
        let nonce =
            SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1);
        self.load_all_ok(
            server,
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
        let mut results: Vec<Vec<LoadStats>> = vec![Vec::new(); 2];
        for run in 0..self.s.runs {
            for (k, (label, path)) in KINDS.iter().enumerate() {
                let s = self.load_all_ok(
                    server,
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
        Ok(results)
    }
}

/// The workloads of figure 2: the baseline first.
const KINDS: [(&str, &str); 2] =
    [("null usage (baseline)", "/v1/bench/null-usage"), ("usage", "/v1/usage")];

/// One row per workload of `results` (in [`KINDS`] order); the usage route is judged against `target`
/// (its share of the null route's rate) where the issue gives one.
fn usage_table(results: &[Vec<LoadStats>], target: Option<f64>) -> String {
    let med =
        |k: usize, f: fn(&LoadStats) -> f64| median(&results[k].iter().map(f).collect::<Vec<_>>());
    let per = REPORTS_PER_BATCH as f64;
    let null = med(0, LoadStats::rps) * per;
    let mut t = String::new();
    let _ = writeln!(
        t,
        "| workload | reports/s (median) | reports/s per run | batch p50 ms | batch p99 ms | server CPU µs/batch | vs null | target | result |"
    );
    let _ = writeln!(t, "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |");
    for (k, (label, _)) in KINDS.iter().enumerate() {
        let v = med(k, LoadStats::rps) * per;
        // The target column and the verdict.
        let judged = match (k, target) {
            (0, _) => ("baseline".to_string(), "—"),
            (_, Some(share)) => {
                (format!("≥ {:.0}% of null", share * 100.0), verdict(v / null >= share))
            }
            (_, None) => ("none given".to_string(), "—"),
        };
        let _ = writeln!(
            t,
            "| {label} | {v:.0} | {} | {:.2} | {:.2} | {:.0} | {:.1}% | {} | {} |",
            list(&results[k].iter().map(|s| s.rps() * per).collect::<Vec<_>>(), 0),
            med(k, |s| s.p50_ms),
            med(k, |s| s.p99_ms),
            med(k, |s| s.server_cpu_us),
            v / null * 100.0,
            judged.0,
            judged.1,
        );
    }
    t
}
