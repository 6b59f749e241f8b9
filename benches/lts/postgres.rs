//! The PostgreSQL half of figures 1 and 2, when `LTSCTL_BENCH_DATABASE_URL` names a server: a
//! database of its own per run (created on that server, dropped at the end), filled by `ltsctl migrate`
//! from the figure's embedded store, served by `ltsctl serve --database` (the URL through
//! `LTSCTL_DATABASE_URL`, never on a command line). The server's durability settings go into the report,
//! since they decide the figures: README says how to start a throwaway server with them on.

use sqlx::Connection;

use crate::{Bench, Res};

/// The variable that turns the PostgreSQL figures on.
pub(crate) const PG_ENV: &str = "LTSCTL_BENCH_DATABASE_URL";

/// A database of this run's own on the bench's PostgreSQL server, dropped when this is dropped.
pub(crate) struct PgBench {
    admin_url: String,
    name: String,
    /// The new database's URL.
    pub(crate) url: String,
    /// `fsync`, `synchronous_commit`, `full_page_writes` and the server version, as the server reports them.
    pub(crate) settings: Vec<(String, String)>,
}

impl PgBench {
    /// `None` when the variable is unset; an error for a URL the bench cannot use.
    pub(crate) fn create(b: &Bench) -> Res<Option<PgBench>> {
        let Some(admin_url) = std::env::var(PG_ENV).ok().filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        let parsed = reqwest::Url::parse(&admin_url).map_err(|e| format!("{PG_ENV}: {e}"))?;
        if parsed.password().is_some() {
            // `ltsctl migrate --to` takes its URL on the command line: a password there would be visible.
            return Err(format!(
                "{PG_ENV} holds a password; give a server with trust or peer authentication \
                 (a throwaway one, see README) or a password in ~/.pgpass"
            ));
        }
        let name = format!("ltsctl_bench_{}", std::process::id());
        let mut url = parsed.clone();
        url.set_path(&format!("/{name}"));
        let settings = b.rt.block_on(async {
            let mut c = sqlx::PgConnection::connect(&admin_url)
                .await
                .map_err(|e| format!("{PG_ENV}: connecting: {e}"))?;
            // The name is ours (digits and underscores): no input reaches this statement.
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut c)
                .await
                .map_err(|e| format!("creating the bench database: {e}"))?;
            let mut settings = Vec::new();
            for setting in ["server_version", "fsync", "synchronous_commit", "full_page_writes"] {
                let v: String = sqlx::query_scalar("SELECT current_setting($1)")
                    .bind(setting)
                    .fetch_one(&mut c)
                    .await
                    .map_err(|e| format!("SHOW {setting}: {e}"))?;
                settings.push((setting.to_string(), v));
            }
            c.close().await.map_err(|e| e.to_string())?;
            Ok::<_, String>(settings)
        })?;
        Ok(Some(PgBench { admin_url, name, url: url.to_string(), settings }))
    }

    /// Whether the server runs with durability on (what users run): fsync and synchronous commits.
    fn durable(&self) -> bool {
        let on = |k: &str| self.settings.iter().any(|(name, v)| name == k && v == "on");
        on("fsync") && on("synchronous_commit")
    }

    /// The paragraph that opens a figure's PostgreSQL half: where the database came from and the
    /// server's durability settings, which decide the figures.
    pub(crate) fn heading(&self) -> String {
        let settings = self
            .settings
            .iter()
            .map(|(k, v)| format!("`{k}` = {v}"))
            .collect::<Vec<_>>()
            .join(", ");
        let warning = if self.durable() {
            ""
        } else {
            " — **durability is off on that server: not what users run, and not comparable**"
        };
        format!(
            "\n**PostgreSQL** (`{PG_ENV}`: a database of this run's own on that server, filled from the \
             same store by `ltsctl migrate`, one `ltsctl serve --database`): {settings}{warning}.\n\n"
        )
    }

    /// Copies the embedded store at `from` into the database.
    pub(crate) fn fill_from(&self, b: &Bench, from: &std::path::Path) -> Res<()> {
        let mut c = b.cmd(&b.bin);
        c.arg("migrate").arg("--from").arg(from).arg("--to").arg(&self.url);
        b.setup(c, "ltsctl migrate into the bench database")?;
        Ok(())
    }

    fn drop_db(&self) -> Res<()> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        rt.block_on(async {
            let mut c =
                sqlx::PgConnection::connect(&self.admin_url).await.map_err(|e| e.to_string())?;
            let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
            sqlx::query(sqlx::AssertSqlSafe(drop))
                .execute(&mut c)
                .await
                .map_err(|e| e.to_string())?;
            Ok(())
        })
    }
}

impl Drop for PgBench {
    fn drop(&mut self) {
        if let Err(e) = self.drop_db() {
            eprintln!("lts bench: could not drop {}: {e}", self.name);
        }
    }
}
