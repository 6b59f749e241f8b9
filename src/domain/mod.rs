//! The rules of license tracking: pure, no I/O, clocks passed in.

pub mod alerts;
pub mod authorize;
pub mod batches;
pub mod duration;
pub mod handshake;
pub mod hosts;
pub mod option;
pub mod policy;
pub mod renewal;
pub mod seats;
pub mod status;
pub mod usage;
