//! Every administrative operation, by area, behind one trait per area, so that commands work the same
//! against the local data dir or database ([`local::LocalAdmin`]) and a remote server
//! ([`remote::RemoteAdmin`]). The areas are named as in every other layer: licenses (with trust),
//! handshakes, devices, usage, access, and the server's own operations.
//!
//! Each area's module (`admin/<area>.rs`) is its whole contract: the `<Area>Admin` trait and the types its
//! operations take and return. The same types are the JSON `-o json` prints, the bodies and answers of the
//! admin HTTP API (the server's handlers take them, the remote client sends them) and the schemas of its
//! OpenAPI document, so the three cannot drift apart.
//!
//! Field names are stable; new fields may be added, none renamed or removed without a major version.
//! Times are RFC 3339 UTC strings; durations are given twice, as text (`90d`) and as whole seconds.

mod access;
mod alerts;
mod devices;
mod handshakes;
mod licenses;
pub mod local;
pub mod remote;
mod server;
mod usage;

pub use crate::domain::status::ItemStatus;
pub use access::*;
pub use alerts::*;
pub use devices::*;
pub use handshakes::*;
pub use licenses::*;
pub use server::*;
pub use usage::*;

/// Every administrative operation: what commands call, implemented over the store ([`local::LocalAdmin`])
/// and over the admin HTTP API ([`remote::RemoteAdmin`]).
pub trait Admin:
    ServerAdmin
    + LicensesAdmin
    + HandshakesAdmin
    + DevicesAdmin
    + UsageAdmin
    + AccessAdmin
    + AlertsAdmin
{
}

impl Admin for local::LocalAdmin {}
impl Admin for remote::RemoteAdmin {}

/// The area traits, for code that calls admin operations on a concrete type (`use ltsctl::admin::prelude::*`).
pub mod prelude {
    pub use super::{
        AccessAdmin, Admin, AlertsAdmin, DevicesAdmin, HandshakesAdmin, LicensesAdmin, ServerAdmin,
        UsageAdmin,
    };
}
