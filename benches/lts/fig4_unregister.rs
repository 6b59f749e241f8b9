//! Figure 4: `devices unregister --inactive-for 90d --yes` on fresh copies of the fleet store, beside the
//! equivalent raw sqlite3 `DELETE`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Duration;

use crate::processes::measure;
use crate::tables::{list, median, ms, verdict};
use crate::{Bench, Res};

impl Bench {
    pub(crate) fn fig4(&mut self) -> Res<String> {
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
            let out_path = self.work.join("logs").join(format!("unregister-{run}.json"));
            let mut c = self.ltsctl(&a);
            c.args(["devices", "unregister", "--inactive-for", "90d", "--yes", "-o", "json"])
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
                .arg(format!("DELETE FROM devices WHERE {sql_where}; SELECT changes();"))
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
}
