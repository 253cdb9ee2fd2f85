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
	for chain in ["dev", "local"] {
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

#[test]
fn a_raw_spec_built_natively_holds_the_state_the_runtime_builds() {
	let dir = std::env::temp_dir().join(format!("ember-raw-spec-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("a temp dir");
	let (plain, raw_native) = (dir.join("dev.json"), dir.join("dev-raw.json"));
	let (ok, out, err) =
		ember_node(&["build-spec", "--chain", "dev", "--disable-default-bootnode"]);
	assert!(ok, "build-spec: {err}");
	std::fs::write(&plain, out).expect("the spec is written");
	let plain = plain.to_str().expect("a UTF-8 path");
	let (ok, out, err) = ember_node(&["build-spec", "--chain", plain, "--raw"]);
	assert!(ok, "build-spec --raw: {err}");
	let by_runtime: serde_json::Value = serde_json::from_str(&out).expect("JSON");
	let native = raw_native.to_str().expect("a UTF-8 path");
	let (ok, _, err) = ember_node(&["raw-spec", "--chain", plain, "--out", native]);
	assert!(ok, "raw-spec: {err}");
	let natively: serde_json::Value =
		serde_json::from_slice(&std::fs::read(&raw_native).expect("raw-spec wrote its file"))
			.expect("JSON");
	let top = |spec: &serde_json::Value| spec["genesis"]["raw"]["top"].clone();
	assert!(top(&natively).as_object().is_some_and(|top| top.len() > 10));
	assert_eq!(top(&natively), top(&by_runtime), "the same keys and values");
	assert_eq!(natively["properties"], by_runtime["properties"]);
	let _ = std::fs::remove_dir_all(&dir);
}

/// `ember-node` with `args`: its exit status, stdout and stderr.
fn ember_node(args: &[&str]) -> (bool, String, String) {
	let output = std::process::Command::new(env!("CARGO_BIN_EXE_ember-node"))
		.args(args)
		.output()
		.expect("ember-node runs");
	(
		output.status.success(),
		String::from_utf8_lossy(&output.stdout).into_owned(),
		String::from_utf8_lossy(&output.stderr).into_owned(),
	)
}

/// The SS58 address of the key `ember-node key inspect` derives from `uri` in `scheme`.
fn ss58_of(uri: &str, scheme: &str) -> String {
	let (ok, out, err) =
		ember_node(&["key", "inspect", "--scheme", scheme, "--output-type", "json", uri]);
	assert!(ok, "key inspect {uri}: {err}");
	let key: serde_json::Value = serde_json::from_str(&out).expect("key inspect prints JSON");
	key["ss58Address"].as_str().expect("an SS58 address").to_string()
}

/// A public test network is built from its own keys: `--chain testnet` points there, and
/// `testnet-spec` writes a raw spec with the network file's validators and council, no sudo key,
/// and refuses a development key anywhere in the file.
#[test]
fn a_public_network_is_built_from_its_own_keys() {
	let (ok, _, err) = ember_node(&["build-spec", "--chain", "testnet", "--raw"]);
	assert!(!ok, "--chain testnet must not build a network on development keys");
	assert!(err.contains("testnet-spec"), "the error points to testnet-spec: {err}");

	let validator = ss58_of("//EmberTestValidator", "sr25519");
	let babe = ss58_of("//EmberTestValidator//babe", "sr25519");
	let grandpa = ss58_of("//EmberTestValidator//grandpa", "ed25519");
	let members: Vec<String> =
		(1..=3).map(|n| ss58_of(&format!("//EmberTestCouncil{n}"), "sr25519")).collect();
	let faucet = ss58_of("//EmberTestFaucet", "sr25519");
	let network = |council: &[String]| {
		serde_json::json!({
			"name": "Ember Test Network",
			"validators": [{ "account": validator, "babe": babe, "grandpa": grandpa }],
			"council": council,
			"balances": [[validator, 10_000], [faucet, 1_000_000]],
			"bootNodes": [],
		})
	};
	let dir = std::env::temp_dir().join(format!("ember-testnet-spec-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("temp dir");
	let file = dir.join("network.json");
	std::fs::write(&file, network(&members).to_string()).expect("network file written");
	let path = file.to_str().expect("a UTF-8 path");

	let (ok, out, err) = ember_node(&["testnet-spec", "--network", path]);
	assert!(ok, "testnet-spec: {err}");
	let spec: serde_json::Value = serde_json::from_str(&out).expect("the chain spec is JSON");
	assert_eq!(spec["chainType"], "Live");
	assert_eq!(spec["properties"]["tokenSymbol"], "EMBR");
	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(patch["sudo"]["key"], serde_json::Value::Null, "no sudo key: {patch}");
	assert_eq!(patch["councilMembership"]["members"].as_array().map(Vec::len), Some(3));
	assert_eq!(patch["validatorSet"]["initialValidators"][0], validator);

	let (ok, out, err) = ember_node(&["testnet-spec", "--network", path, "--raw"]);
	assert!(ok, "testnet-spec --raw: {err}");
	let raw: serde_json::Value = serde_json::from_str(&out).expect("the raw spec is JSON");
	assert!(raw["genesis"]["raw"]["top"].as_object().is_some_and(|top| !top.is_empty()));

	// Alice on the council: anyone could vote as her.
	let mut with_alice = members.clone();
	with_alice[0] = ss58_of("//Alice", "sr25519");
	std::fs::write(&file, network(&with_alice).to_string()).expect("network file written");
	let (ok, _, err) = ember_node(&["testnet-spec", "--network", path]);
	assert!(!ok, "a development key on the council must be refused");
	assert!(err.contains("//Alice"), "the error names the key: {err}");
	let _ = std::fs::remove_dir_all(&dir);
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
