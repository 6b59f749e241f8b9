//! What the environment asks of this run: `LTS_BENCH_QUICK`, `LTS_BENCH_ONLY` and `LTS_BENCH_DEVICES`. (`LTSCTL_BIN` is read by
//! `context`, `LTS_BENCH_OUT` by `report`, where they are used.)

use std::time::Duration;

use crate::Res;

pub(crate) struct Settings {
    /// `LTS_BENCH_QUICK`: the smaller fleet and shorter loads; the report says so.
    pub(crate) quick: bool,
    /// Runs of each measurement (interleaved with its baseline's); the figures give their median.
    pub(crate) runs: usize,
    /// Length of one load run of figures 1 and 2.
    pub(crate) load: Duration,
    /// Devices in the seeded fleet store (`LTS_BENCH_DEVICES`, e.g. 10000000 to measure growth).
    pub(crate) fleet: u64,
    /// `LTS_BENCH_DEVICES` was given: the fleet is not the published size.
    pub(crate) fleet_set: bool,
    /// License files figure 5 imports.
    pub(crate) imports: usize,
    /// Measured runs of each cold-start command (after 2 warm-up runs).
    pub(crate) cold_runs: usize,
    /// `LTS_BENCH_ONLY`: the figures to run, or all.
    pub(crate) only: Option<Vec<u32>>,
}

impl Settings {
    pub(crate) fn from_env() -> Res<Settings> {
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
        let fleet_env = match std::env::var("LTS_BENCH_DEVICES") {
            Ok(v) if !v.trim().is_empty() => Some(
                v.trim()
                    .replace('_', "")
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (1_000..=100_000_000).contains(n))
                    .ok_or_else(|| {
                        format!("LTS_BENCH_DEVICES: bad fleet size {v:?}; give a number of devices from 1000 to 100000000, e.g. LTS_BENCH_DEVICES=10000000")
                    })?,
            ),
            _ => None,
        };
        Ok(Settings {
            quick,
            runs: 3,
            load: if quick { Duration::from_millis(1500) } else { Duration::from_secs(5) },
            fleet: fleet_env.unwrap_or(if quick { 100_000 } else { 1_000_000 }),
            fleet_set: fleet_env.is_some(),
            imports: 1000,
            cold_runs: 20,
            only,
        })
    }

    pub(crate) fn wants(&self, figure: u32) -> bool {
        self.only.as_ref().is_none_or(|o| o.contains(&figure))
    }
}
