//! Figure 3: `devices list --inactive-for 90d -o json` over the fleet, local and remote (`--server`), beside
//! the equivalent `sqlite3 -json` query; wall time and peak RSS of each listing process. Run by figure 6, on
//! its server and working copy.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Duration;

use crate::processes::{Measured, measure};
use crate::server::Server;
use crate::tables::{list, median, ms, verdict};
use crate::{Bench, Res};

impl Bench {
    pub(crate) fn fig3(&self, server: &Server, w: &Path) -> Res<String> {
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
            let err = self.work.join("logs").join(format!("list-remote-{run}.err"));
            let mut c = self.cmd(&self.bin);
            c.args(["--server", &url, "devices", "list", "--inactive-for", "90d", "-o", "json"])
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
        let rss =
            |k: usize| rows[k].iter().map(|m| m.max_rss_kb as f64 / 1024.0).collect::<Vec<_>>();
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
        for (k, label, limit) in [
            (0, "`ltsctl devices list` (local data dir)", 1.5),
            (2, "`ltsctl --server URL devices list` (remote)", 2.0),
        ] {
            let wall = median(&walls(k));
            let mem = median(&rss(k));
            let ratio = wall / base;
            let _ = writeln!(
                t,
                "| {label} | {wall:.0} | {} | {ratio:.2}x | ≤ {limit}x | {mem:.1} | < 50 MiB | time {}, memory {} |",
                list(&walls(k), 0),
                verdict(ratio <= limit),
                verdict(mem < 50.0)
            );
        }
        let _ = writeln!(t, "\nThe sqlite3 query: `{sql}`.");
        Ok(t)
    }
}

/// A listing counts as done only if it exited 0 and reported the number of devices sqlite3 counted.
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
