//! `ember-node`: the Ember validator and full node.

#![warn(missing_docs)]
// The node returns sc-cli's and sc-service's error types, which are large but not ours to shrink.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod raw_spec;
mod rpc;
mod service;
mod testnet_spec;

fn main() -> sc_cli::Result<()> {
	command::run()
}
