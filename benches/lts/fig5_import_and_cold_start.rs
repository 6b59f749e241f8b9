//! Figure 5: `license import` of 1,000 signed files into a fresh store, beside sqlite3 committing the same
//! texts as 1,000 durable transactions; and the CLI's cold start (`--version`, `status`), beside `/bin/true`
//! and a sqlite3 count.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::processes::measure;
use crate::stores::PRODUCT;
use crate::tables::{list, median, ms, verdict};
use crate::{Bench, Res};

impl Bench {
    pub(crate) fn fig5(&mut self) -> Res<String> {
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
            c.args(["trust", "add"]).arg(&public).args(["--name", "bench"]);
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
        let _ = writeln!(t, "| command | wall ms (median) | per run | target | result |");
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
        let _ = writeln!(t, "| command | median ms | min ms | max ms | target | result |");
        let _ = writeln!(t, "| --- | ---: | ---: | ---: | --- | --- |");
        let row = |v: &[f64]| {
            let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = v.iter().copied().fold(0.0, f64::max);
            (median(v), lo, hi)
        };
        let rows: [(&str, Option<f64>); 4] = [
            ("`/bin/true` (baseline)", None),
            ("`ltsctl --version`", Some(10.0)),
            ("`sqlite3 FILE 'select count(*) from devices'` (baseline)", None),
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
