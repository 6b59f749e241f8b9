//! The stores the figures run on: a fresh store holding one bench license, the seeded fleet store (made once
//! with `ltsctl seed` and cached between runs), and working copies of it, so that every figure starts from
//! the same rows.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::{Bench, Res};

/// The handshake code the bench's own license stores bind their license to (`license_store`).
pub(crate) const BENCH_CODE: &str = "bench-000000001";
/// The handshake code of the fleet `ltsctl seed` makes (the `--dev` code, `src/server/dev.rs`).
pub(crate) const SEED_CODE: &str = "dev-000000001";
/// The product of every license the bench signs; also the `--dev` product, so that one authorization body
/// fits both kinds of store.
pub(crate) const PRODUCT: &str = "barcode-reader";

impl Bench {
    /// A fresh store with one license whose per-device item has room for 10,000,000 devices, bound to
    /// BENCH_CODE: signed here with the library, then `trust add` and `license import --handshake --create`.
    pub(crate) fn license_store(&self, name: &str) -> Res<PathBuf> {
        let dir = self.fresh_dir(name)?;
        let files = self.fresh_dir(&format!("{name}-files"))?;
        let issuer = ltsctl::license::IssuerKey::generate();
        let now = chrono::Utc::now();
        let from = (now - chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M:%SZ");
        let to = (now + chrono::Duration::days(365)).format("%Y-%m-%dT%H:%M:%SZ");
        let doc = format!(
            r#"id = "BENCH-LICENSE"
licensee = "ltsctl benchmarks"
issued_at = {from}

[[items]]
id = "BENCH-DEVICES"
product = "{PRODUCT}"
option = "per-device"
quota = 10000000
active_period = "yearly"
valid_from = {from}
expires_at = {to}
"#
        );
        let file = ltsctl::license::LicenseFile::sign(&doc, &issuer)
            .map_err(|e| format!("signing: {e}"))?;
        let lic = files.join("bench.lic");
        let public = files.join("bench.pub.pem");
        fs::write(&lic, file.to_toml_string()).map_err(|e| e.to_string())?;
        fs::write(&public, issuer.public().to_spki_pem()).map_err(|e| e.to_string())?;
        let mut c = self.ltsctl(&dir);
        c.args(["trust", "add"]).arg(&public).args(["--name", "bench"]);
        self.setup(c, "trust add")?;
        let mut c = self.ltsctl(&dir);
        c.args(["license", "import"]).arg(&lic).args(["--handshake", BENCH_CODE, "--create"]);
        self.setup(c, "license import")?;
        Ok(dir)
    }

    /// The seeded fleet store (cached between runs, keyed by the binary's version and the size).
    pub(crate) fn fleet_cache(&self) -> Res<PathBuf> {
        let key: String = self
            .version
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '-' })
            .collect();
        let dir = self.root.join(format!("seed-{key}-{}", self.s.fleet));
        let marker = dir.join("bench-seeded");
        let fresh = fs::metadata(&marker)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age < Duration::from_secs(7 * 86_400));
        if fresh {
            let n = self.sqlite(&dir.join("ltsctl.db"), "SELECT COUNT(*) FROM devices")?;
            if n == self.s.fleet.to_string() {
                self.log(format!("using the cached fleet store {}", dir.display()));
                // The cache is keyed by version, and a schema can change within one: bring it to this
                // binary's schema now, untimed, so that no measured command runs a migration.
                let mut c = self.ltsctl(&dir);
                c.args(["status", "-o", "json"]);
                self.setup(c, "bringing the cached fleet store to this binary's schema")?;
                self.sqlite(&dir.join("ltsctl.db"), "PRAGMA wal_checkpoint(TRUNCATE);")?;
                return Ok(dir);
            }
        }
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&self.root).map_err(|e| e.to_string())?;
        self.log(format!(
            "seeding {} devices into {} (cached for later runs) ...",
            self.s.fleet,
            dir.display()
        ));
        let t = Instant::now();
        let mut c = self.ltsctl(&dir);
        c.args(["seed", "--devices", &self.s.fleet.to_string(), "--inactive-percent", "10"]);
        self.setup(c, "ltsctl seed")?;
        // Fold the WAL into the database file so that a copy of the file alone is the whole store.
        self.sqlite(&dir.join("ltsctl.db"), "PRAGMA wal_checkpoint(TRUNCATE);")?;
        self.log(format!("seeded in {:.1} s", t.elapsed().as_secs_f64()));
        fs::write(&marker, format!("{}\n", self.version)).map_err(|e| e.to_string())?;
        Ok(dir)
    }

    /// Copies a (closed, checkpointed) store directory.
    pub(crate) fn copy_store(&self, from: &Path, name: &str) -> Res<PathBuf> {
        let to = self.fresh_dir(name)?;
        for e in fs::read_dir(from).map_err(|e| e.to_string())? {
            let e = e.map_err(|e| e.to_string())?;
            let n = e.file_name().to_string_lossy().into_owned();
            if n.ends_with("-shm")
                || n == "bench-seeded"
                || !e.file_type().map(|t| t.is_file()).unwrap_or(false)
            {
                continue;
            }
            fs::copy(e.path(), to.join(&n)).map_err(|err| format!("copying {n}: {err}"))?;
        }
        Ok(to)
    }
}

/// Size of a store's WAL file, reported before its server stops.
pub(crate) fn wal_mib(store: &Path) -> f64 {
    fs::metadata(store.join("ltsctl.db-wal")).map(|m| m.len() as f64 / 1048576.0).unwrap_or(0.0)
}
