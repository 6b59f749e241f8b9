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
//! - `LTS_BENCH_DEVICES=N` the fleet store's size (default 1,000,000; 10000000 is the optional growth
//!   figure: seeding takes minutes and the store ~3.5 GB, each working copy as much again); such a run
//!   never rewrites `BENCHMARKS.md`;
//! - `LTSCTL_BIN=PATH`     the binary under test;
//! - `LTSCTL_BENCH_DATABASE_URL=postgres://...`  also run figures 1 and 2 on PostgreSQL (see `postgres`);
//! - `LTS_BENCH_OUT=FILE`  where to write the report. By default a full run of every figure rewrites the
//!   generated part of `BENCHMARKS.md` (between its markers) and any other run writes
//!   `$CARGO_TARGET_DIR/lts-bench/last-run.md`.
//!
//! The seeded fleet store is cached under `$CARGO_TARGET_DIR/lts-bench/seed-<version>-<devices>/` (reseeded
//! when older than 7 days). Everything else lives in `lts-bench/work-<pid>/` and is deleted at the end (its logs
//! are kept in `lts-bench/last-logs/`). Every child process is killed when the bench ends (servers also get `PR_SET_PDEATHSIG`), every loop is bounded in
//! count and in time, and nothing but 127.0.0.1 is contacted.
//!
//! The modules, by concern: `settings` (the environment) and `context` (the `Bench`: binary, directories,
//! runtime); `processes` and `server` (child processes); `load` and `requests` (the HTTP load client and what
//! it sends); `stores` (the license and fleet stores); one module per figure, `fig1_authorize` to
//! `fig6_server_memory`, with `tables` for what their tables share; and `report` (the Markdown and where it
//! goes). `main` runs the figures in order within the time budget.

mod context;
mod fig1_authorize;
mod fig2_usage;
mod fig3_listing;
mod fig4_unregister;
mod fig5_import_and_cold_start;
mod fig6_server_memory;
mod load;
mod postgres;
mod processes;
mod report;
mod requests;
mod server;
mod settings;
mod stores;
mod tables;

use std::time::{Duration, Instant};

use context::Bench;
use report::Section;

/// Hard stop for the whole run: figures not started by then are skipped (and say so). A larger fleet
/// (`LTS_BENCH_DEVICES`) adds 5 minutes per million devices beyond the first: its copies and seeding take
/// that long.
const BUDGET: Duration = Duration::from_secs(25 * 60);
const BUDGET_PER_MILLION: Duration = Duration::from_secs(5 * 60);

/// Errors are messages: a figure that fails shows its message in its section of the report.
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

impl Bench {
    fn run_all(&mut self, started: Instant) -> Vec<Section> {
        let mut sections = Vec::new();
        type Fig = fn(&mut Bench) -> Res<String>;
        // Figure 3 runs inside figure 6: both use one server on one working copy of the fleet store.
        let figures: [(u32, &str, Fig); 5] = [
            (1, "1. Device authorizations per second (64 connections)", Bench::fig1),
            (2, "2. Usage reports ingested per second (batches of 100)", Bench::fig2),
            (6, "6. Server memory with the fleet seated (and 3. listing it)", Bench::fig6_and_3),
            (4, "4. Unregister the inactive devices", Bench::fig4),
            (5, "5. License import and CLI cold start", Bench::fig5),
        ];
        for (n, title, f) in figures {
            let wanted = self.s.wants(n) || (n == 6 && self.s.wants(3));
            if !wanted {
                continue;
            }
            let extra = u32::try_from(self.s.fleet.saturating_sub(1_000_000) / 1_000_000)
                .unwrap_or(u32::MAX);
            if started.elapsed() > BUDGET + BUDGET_PER_MILLION.saturating_mul(extra) {
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
            self.log(format!("{title}: done in {:.1} s", t.elapsed().as_secs_f64()));
            match r {
                Ok(body) => sections.push(Section { title: title.into(), body, error: None }),
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
