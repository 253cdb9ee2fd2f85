//! # ember-client
//!
//! What Ember's off-chain tools share: the workload manifest a tenant sends its provider
//! ([`manifest`]). Typed chain access, the manifest protocol and the `emberctl` CLI build on it.

pub mod manifest;

pub use manifest::{manifest_hash, Manifest, ManifestError};
