//! The admin contract, by area: what operations take and return. The same types are the JSON `-o json`
//! prints, the bodies and answers of the admin HTTP API (the server's handlers take them, the remote client
//! sends them) and the schemas of its OpenAPI document, so the three cannot drift apart.
//!
//! Field names are stable; new fields may be added, none renamed or removed without a major version.
//! Times are RFC 3339 UTC strings; durations are given twice, as text (`90d`) and as whole seconds.

mod access;
mod devices;
mod handshakes;
mod licenses;
mod server;
mod usage;

pub use crate::domain::status::ItemStatus;
pub use access::*;
pub use devices::*;
pub use handshakes::*;
pub use licenses::*;
pub use server::*;
pub use usage::*;
