//! # ember-client
//!
//! What Ember's off-chain tools share: the workload manifest a tenant sends its provider
//! ([`manifest`]), typed access to the chain ([`chain`]), and signing keys: from secret URIs
//! ([`keys`]) or from an encrypted keystore in the polkadot.js JSON format ([`keystore`]).

pub mod chain;
pub mod challenges;
pub mod governance;
pub mod image_reference;
pub mod keys;
pub mod keystore;
pub mod manifest;
pub mod market;
pub mod p2p;
pub mod units;

pub use manifest::{manifest_hash, Manifest, ManifestError};
