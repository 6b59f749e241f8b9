//! The one support module of the integration tests, included by each test binary (`tests/cli/`,
//! `tests/server/`, `tests/store/`) with `#[path = "../util/mod.rs"] mod util;`. One file per job:
//!
//! - `cli.rs`: [`Env`], an isolated environment per test (data dir, working dir, HOME, config), and the
//!   one runner of the real `ltsctl` binary against the local data dir or any [`Target`].
//! - `server.rs`: [`Server`], the one launcher of `ltsctl serve`, and [`InProc`], the server in a task
//!   with a manual clock.
//! - `license.rs`: [`Item`] and [`License`], the one license document builder, and signing (in-process,
//!   or with `ltsctl issuer sign`).
//! - `seed.rs`: [`Seeder`], a store seeded through the library at chosen times.
//! - `api.rs`: [`Api`], the device API's HTTP client, and its answers' assertions.
//! - `assert.rs`: assertions and JSON accessors shared by every surface.
//! - `secret.rs`: what a secret looks like, to check that none leaks.
//! - `time.rs`: times to the second, as the store keeps them.
//! - `tls.rs`: certificates made with the `openssl` CLI.
//! - `sqlite.rs`: a store's SQLite file opened from the side (integrity checks, counts).
//! - `ui.rs`: the dashboard's HTTP client (a session cookie, forms with an `Origin`) and its assertions.
//! - `metrics.rs`: a `/metrics` scrape's samples by name and labels, and `promtool check metrics`.
//! - `pg.rs`: a throwaway PostgreSQL database per test, when `LTSCTL_TEST_DATABASE_URL` is set.
//!
//! Everything is re-exported here, so a test module says `use crate::util::*;`. No file here holds a
//! `#[test]`: it would run once per test binary.
#![allow(dead_code, unused_imports)]

pub mod api;
pub mod assert;
pub mod cli;
pub mod license;
pub mod metrics;
pub mod pg;
pub mod secret;
pub mod seed;
pub mod server;
pub mod sqlite;
pub mod time;
pub mod tls;
pub mod ui;

pub use api::*;
pub use assert::*;
pub use cli::*;
pub use license::*;
pub use secret::*;
pub use seed::*;
pub use server::*;
pub use time::*;
pub use tls::*;

/// The product most tests license and authorize for.
pub const PRODUCT: &str = "barcode-reader";
/// A handshake code in the documented shape.
pub const CODE: &str = "216998-100025900";
