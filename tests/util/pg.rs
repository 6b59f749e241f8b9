//! A throwaway PostgreSQL database per test, on the server `LTSCTL_TEST_DATABASE_URL` points at (see
//! `.ci/postgres.sh`); without it, the tests that need one say they were skipped and pass.

use std::io::Write as _;

use sqlx::Connection;

/// The variable naming the test PostgreSQL server.
pub const PG_ENV: &str = "LTSCTL_TEST_DATABASE_URL";

/// `LTSCTL_TEST_DATABASE_URL`, when set and not blank.
pub fn test_database_url() -> Option<String> {
    std::env::var(PG_ENV).ok().filter(|url| !url.trim().is_empty())
}

/// `url` with its database name replaced by `db`.
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{db}", &base[..path_start]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A database of its own for one test, dropped with [`PgDb::drop_db`] (whether the test passed or not,
/// where the test arranges it).
pub struct PgDb {
    admin_url: String,
    pub name: String,
    pub url: String,
}

impl PgDb {
    /// A fresh database for a server test that needs PostgreSQL (`what` names it in the skip notice), or
    /// `None`, with the notice printed, when `LTSCTL_TEST_DATABASE_URL` is not set. Installs the rustls
    /// provider the PostgreSQL client's TLS needs.
    pub async fn for_test(what: &str) -> Option<PgDb> {
        let Some(base) = test_database_url() else {
            eprintln!("{what} skipped: LTSCTL_TEST_DATABASE_URL is not set");
            return None;
        };
        let _ = rustls::crypto::ring::default_provider().install_default();
        Some(PgDb::create(&base).await)
    }

    /// `CREATE DATABASE ltsctl_test_<uuid>` on the server of `admin_url`.
    pub async fn create(admin_url: &str) -> PgDb {
        let name = format!("ltsctl_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(admin_url)
            .await
            .unwrap_or_else(|e| panic!("connecting to {PG_ENV}: {e}"));
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name} TEMPLATE template0")))
            .execute(&mut conn)
            .await
            .expect("CREATE DATABASE");
        let _ = conn.close().await;
        let url = with_database(admin_url, &name);
        PgDb { admin_url: admin_url.to_string(), name, url }
    }

    /// Drops the database. A leftover database is no failure of the test: after a few tries (an
    /// autovacuum worker in it makes `WITH (FORCE)` fail for a role without pg_signal_backend) it is
    /// reported and left.
    pub async fn drop_db(self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let mut last = String::new();
        for _ in 0..20 {
            let done = async {
                let mut conn = sqlx::PgConnection::connect(&self.admin_url).await?;
                sqlx::query(sqlx::AssertSqlSafe(sql.clone())).execute(&mut conn).await?;
                conn.close().await
            };
            match done.await {
                Ok(()) => return,
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        let _ = writeln!(
            std::io::stderr(),
            "warning: could not drop test database {}: {last}",
            self.name
        );
    }
}
