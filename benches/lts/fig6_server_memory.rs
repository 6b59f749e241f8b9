//! Figure 6: the server's memory with the seeded fleet seated, after new-device authorizations, beside a
//! server on a store holding only the license. Figure 3 (listing) runs inside it, on the same server and
//! working copy.

use std::fmt::Write as _;
use std::fs;
use std::time::{Duration, Instant};

use crate::load::Load;
use crate::requests::new_devices;
use crate::server::Server;
use crate::stores::{BENCH_CODE, SEED_CODE};
use crate::tables::verdict;
use crate::{Bench, Res};

/// Connections for figure 6's authorizations: few enough that they finish inside the server's 15 s request
/// timeout on the fleet store.
const FIG6_CONNS: usize = 8;

impl Bench {
    /// Figure 6 (server memory) and figure 3 (listing), on one working copy of the fleet store served by one
    /// server, so that local, sqlite3 and remote listings read the same rows (the server's sweeper removes
    /// the devices already past their removal time when it starts).
    pub(crate) fn fig6_and_3(&mut self) -> Res<String> {
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
        let _ = writeln!(t, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
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
}
