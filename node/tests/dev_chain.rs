//! `ember-node --dev` as a user runs it: it produces and finalizes blocks, serves JSON-RPC and
//! Prometheus, and includes signed extrinsics submitted over RPC.

mod common;

use std::time::Duration;

use common::{
	extrinsic::{free_balance, next_nonce, submit},
	Node,
};
use ember_runtime::{AccountId, RuntimeCall, EMBR};
use sp_keyring::Sr25519Keyring;

#[test]
fn dev_chain_produces_and_finalizes_blocks() {
	let node = Node::dev("blocks");
	node.wait_ready();

	let best = node.wait_for("block #3", Duration::from_secs(120), |node| {
		node.best_number().filter(|n| *n >= 3)
	});
	let finalized = node.wait_for("finalized block #2", Duration::from_secs(120), |node| {
		node.finalized_number().filter(|n| *n >= 2)
	});
	assert!(
		finalized <= node.best_number().unwrap_or(best),
		"finality never passes the best block"
	);

	// Prometheus serves the node's metrics on the port it was given.
	let metrics = http_get(node.prometheus_port, "/metrics");
	assert!(
		metrics.contains("substrate_block_height"),
		"Prometheus metrics lack the block height:\n{}",
		&metrics[..metrics.len().min(2000)]
	);
}

#[test]
fn signed_transfer_submitted_over_rpc_is_included() {
	let node = Node::dev("transfer");
	node.wait_ready();
	node.wait_for("block #1", Duration::from_secs(120), |node| {
		node.best_number().filter(|n| *n >= 1)
	});

	let alice = Sr25519Keyring::Alice.pair();
	let alice_id: AccountId = Sr25519Keyring::Alice.to_account_id();
	let dave: AccountId = Sr25519Keyring::Dave.to_account_id();
	let before = free_balance(&node, &dave);
	let amount = 42 * EMBR;

	submit(
		&node,
		&alice,
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: dave.clone().into(),
			value: amount,
		}),
	);

	node.wait_for("the transfer to be included", Duration::from_secs(60), |node| {
		(free_balance(node, &dave) == before + amount).then_some(())
	});
	assert_eq!(next_nonce(&node, &alice_id), 1, "Alice's nonce moved past the transfer");
}

#[test]
fn chain_specs_build_for_every_network() {
	for chain in ["dev", "local", "testnet"] {
		let output = std::process::Command::new(env!("CARGO_BIN_EXE_ember-node"))
			.args(["build-spec", "--chain", chain, "--raw", "--disable-default-bootnode"])
			.output()
			.expect("ember-node runs");
		assert!(
			output.status.success(),
			"build-spec --chain {chain} failed: {}",
			String::from_utf8_lossy(&output.stderr)
		);
		let spec: serde_json::Value =
			serde_json::from_slice(&output.stdout).expect("the chain spec is JSON");
		assert_eq!(spec["properties"]["tokenSymbol"], "EMBR", "{chain}: token symbol");
		assert_eq!(spec["properties"]["tokenDecimals"], 12, "{chain}: token decimals");
		assert!(spec["genesis"]["raw"]["top"].as_object().is_some_and(|top| !top.is_empty()));
	}
}

/// A plain HTTP GET on 127.0.0.1.
fn http_get(port: u16, path: &str) -> String {
	use std::io::{Read, Write};
	let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connects");
	write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
		.expect("request is sent");
	let mut response = String::new();
	stream.read_to_string(&mut response).expect("response is read");
	response
}
