//! ltsctl: a self-hosted License Tracking Server and the command-line tool that administers it.
//!
//! Layout: [`cli`] is the command tree, [`commands`] one handler module per command group, [`output`] how
//! results are shown. Handlers call the [`admin::Admin`] trait; [`license`] is the signed file format,
//! [`domain`] the pure rules, [`store`] the storage backends.

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
pub mod output;
pub mod password;
pub mod server;
pub mod service;
pub mod store;
pub mod target;
pub mod token;
