//! # provider-agent
//!
//! The off-chain half of an Ember provider: one module per domain, one task per concern, one
//! shutdown signal for all of them.

pub mod agent;
pub mod bidding;
pub mod chain;
pub mod config;
pub mod execution;
pub mod inventory;
pub mod metrics;
pub mod proving;
pub mod store;
pub mod telemetry;
#[doc(hidden)]
pub mod testing;
pub mod workloads;
