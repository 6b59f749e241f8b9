//! The report: the run's Markdown (mode, command, machine, then each figure's section), written between the
//! generated-part markers of `LTS_BENCH_OUT` if set, else of `BENCHMARKS.md` for a full run of every figure
//! with the default binary, else of `lts-bench/last-run.md`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::{Bench, Res};

const BEGIN: &str = "<!-- BEGIN GENERATED: cargo bench --bench lts -->";
const END: &str = "<!-- END GENERATED -->";

/// One figure's part of the report: its body, or why it has none.
pub(crate) struct Section {
    pub(crate) title: String,
    pub(crate) body: String,
    pub(crate) error: Option<String>,
}

impl Bench {
    /// The machine table, read when the run starts (`render` adds the load average at the end).
    pub(crate) fn machine_info(&self) -> Vec<(String, String)> {
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
        let nproc =
            std::thread::available_parallelism().map(|n| n.get().to_string()).unwrap_or_default();
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
            ("kernel".into(), read("/proc/sys/kernel/osrelease").trim().to_string()),
            ("data dirs on".into(), fs_line),
            ("commit".into(), commit),
            ("binary".into(), format!("{} ({})", self.bin.display(), self.version)),
            ("sqlite3 CLI".into(), sqlite),
            (
                "load average at start".into(),
                read("/proc/loadavg").split_whitespace().take(3).collect::<Vec<_>>().join(" "),
            ),
        ]
    }

    pub(crate) fn render(&self, sections: &[Section], took: Duration) -> String {
        let mut r = String::new();
        let _ = writeln!(r, "## Results\n");
        let mode = match (self.s.quick, self.s.fleet_set) {
            (true, _) => format!(
                "**QUICK RUN** (`LTS_BENCH_QUICK=1`: {}-device fleet, 1.5 s load runs) — not the published figures",
                self.s.fleet
            ),
            (false, true) => format!(
                "**{}-DEVICE RUN** (`LTS_BENCH_DEVICES`) — the optional growth figure, not the published 1M run",
                self.s.fleet
            ),
            (false, false) => "full run".to_string(),
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
        for v in ["LTS_BENCH_QUICK", "LTS_BENCH_ONLY", "LTS_BENCH_DEVICES", "LTSCTL_BIN"] {
            if let Ok(x) = std::env::var(v) {
                let _ = write!(vars, "{v}={x} ");
            }
        }
        // Named, not shown: the report describes the server's settings instead.
        if std::env::var_os(crate::postgres::PG_ENV).is_some() {
            let _ = write!(vars, "{}=postgres://... ", crate::postgres::PG_ENV);
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
            load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
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

    pub(crate) fn write_report(&self, report: &str) -> Res<()> {
        let explicit = std::env::var_os("LTS_BENCH_OUT").map(PathBuf::from);
        let full = !self.s.quick
            && self.s.only.is_none()
            && !self.s.fleet_set
            && std::env::var_os("LTSCTL_BIN").is_none();
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
