//! The server surface (`cargo test --test server`): what `ltsctl serve` answers and how it holds up —
//! the device API, its rules over days and minutes, hostile clients, crashes, several instances on one
//! database, and backups of a live store. Most tests run the real binary on 127.0.0.1 port 0
//! ([`util::Server`]); the rules run in-process with a manual clock ([`util::InProc`]).
//!
//! - `device_api`: error codes and statuses, tokens against the JWKS, domains, usage, TLS, shutdown.
//! - `checkouts`: offline check-outs and check-ins, usage carried back, `--active-from first-use`.
//! - `device_rules`: refresh intervals and sweeps, expiry caps, concurrent windows, per-scan hand-over.
//! - `hostile_clients`: oversize, malformed and injected requests, slowloris, floods.
//! - `crash_safety`: SIGKILL of `serve`, of a bulk unregister and of a bulk import; exact seating.
//! - `metrics`: `serve --metrics-listen`: counters after known answers, per-item gauges, promtool.
//! - `multi_instance`: two servers on one PostgreSQL database.
//! - `backup_restore`: a backup under load restores whole; bad backups change nothing.
//! - `ui`: the dashboard over HTTP: cookies, CSP, escaping, sessions ending; `ui_browser`: in Chromium;
//!   `ui_hostile`: methods, forms and query strings no page sends.
//! - `alerts`: signed webhooks to a real receiver, retries, SIGKILL before delivery, two instances.
//! - `alert_emails`: alert e-mails to a real SMTP server over STARTTLS and implicit TLS; SMTP settings.
//! - `secrets`: no secret in the server's log, answers, command line or store; `serve --dev`'s files.

#[path = "../util/mod.rs"]
mod util;

mod alert_emails;
mod alerts;
mod backup_restore;
mod checkouts;
mod crash_safety;
mod device_api;
mod device_rules;
mod hostile_clients;
mod metrics;
mod multi_instance;
mod proxies;
mod reload;
mod secrets;
mod serve_config;
mod ui;
mod ui_browser;
mod ui_hostile;
