//! ltsctl: a self-hosted License Tracking Server and the command-line tool that administers it.
//!
//! Layout (README, "How the code is laid out", has the map): each area (licenses, handshakes, devices,
//! usage, access, server) goes [`cli`] (the command tree) → [`commands`]`::<area>` (handlers, printing
//! through [`output`]) → [`admin`]`::<Area>Admin` (the contract, implemented in `admin::local::<area>` over the
//! store and `admin::remote::<area>` over HTTP) → [`store`]`::<Area>Store` (SQL for both backends). [`server`]
//! is axum, [`service`] the device API's logic, [`domain`] the pure rules, [`license`] the signed file format.

pub mod admin;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod domain;
pub mod error;
pub mod files;
pub mod keystore;
pub mod license;
pub mod metrics;
pub mod notify;
pub mod output;
pub mod password;
pub mod serve_config;
pub mod server;
pub mod service;
pub mod store;
pub mod target;
pub mod token;
