//! The CLI surface (`cargo test --test cli`): what the `ltsctl` commands do, print and refuse, run as
//! the real binary against a local data dir or, through `--server`, against a real `ltsctl serve`
//! ([`util::Env`] is the one runner).
//!
//! - `license`: issuer keys, signing, trust, license import/list/show/remove, status.
//! - `forgery`: a signed license file cannot be forged (properties of the file format, and the import).
//! - `handshake`: handshake codes: create/list/show, binding and order, settings, domains, passwords.
//! - `devices`: `devices list/show/unregister` and `usage` at scale, on both targets.
//! - `checkout`: `devices checkout/checkin` and `usage import`, on both targets.
//! - `device_listing_json`: the store-built JSON of device listings equals the serde encoding.
//! - `device_stream`: the remote `devices list -o json` as one stream: the local bytes, and cut-off streams fail.
//! - `remote_admin`: the same scenario on both targets, roles, credentials, TLS, login, audit, targets.
//! - `secrets`: no secret on the command line or in the config file; private files stay private.
//! - `json_output`: `-o json` is exactly one JSON document for every command of the tree.
//! - `golden_output`: the JSON and CSV of every list and show command, byte for byte (`tests/golden/`).
//! - `generated_assets`: the committed completions and man pages are current.

#[path = "../util/mod.rs"]
mod util;

mod checkout;
mod device_listing_json;
mod device_stream;
mod devices;
mod forgery;
mod generated_assets;
mod golden_output;
mod handshake;
mod json_output;
mod license;
mod remote_admin;
mod secrets;
