//! A lease awarded on a branch that loses: two real nodes validate a chain of two validators
//! (Alice and Bob), are split, and the award lands on Alice's side only, where the agent takes
//! it on from the best block and starts its workload. Bob's side then grows heavier and wins;
//! the agent stops the workload and forgets the lease, which never existed on the chain that
//! won.

mod support;

use std::{
	io::BufReader,
	path::{Path, PathBuf},
	process::{Command, Stdio},
	time::{Duration, Instant},
};

use serde_json::Value;
use support::*;

const OWNER: &str = "//Charlie";
const AGENT: &str = "//Charlie//agent";
const TENANT: &str = "//Dave";
const EMBR: u128 = 1_000_000_000_000;

/// Runs `ember-node` with `args` to completion; its stdout.
fn ember_node(args: &[&str]) -> String {
	let output = Command::new(binary("ember-node")).args(args).output().expect("ember-node runs");
	assert!(
		output.status.success(),
		"ember-node {args:?}: {}",
		String::from_utf8_lossy(&output.stderr)
	);
	String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The SS58 address of the public key `uri` gives in `scheme`.
fn ss58(uri: &str, scheme: &str) -> String {
	let out = ember_node(&["key", "inspect", "--scheme", scheme, "--output-type", "json", uri]);
	let key: Value = serde_json::from_str(&out).expect("key inspect prints JSON");
	key["ss58Address"].as_str().expect("an SS58 address").to_string()
}

/// The development chain with Bob as a second validator, so that finality needs both nodes.
fn two_validator_spec(dir: &Path) -> PathBuf {
	let mut spec: Value =
		serde_json::from_str(&ember_node(&["build-spec", "--chain", "dev"])).expect("spec JSON");
	let patch = &mut spec["genesis"]["runtimeGenesis"]["patch"];
	let validator = |uri: &str| {
		let account = ss58(uri, "sr25519");
		serde_json::json!([account, account, { "babe": account, "grandpa": ss58(uri, "ed25519") }])
	};
	patch["session"]["keys"] = serde_json::json!([validator("//Alice"), validator("//Bob")]);
	patch["validatorSet"]["initialValidators"] =
		serde_json::json!([ss58("//Alice", "sr25519"), ss58("//Bob", "sr25519")]);
	spec["bootNodes"] = serde_json::json!([]);
	let path = dir.join("two-validators.json");
	std::fs::write(&path, spec.to_string()).expect("spec written");
	path
}

/// One node of the pair: its database, network key and ports outlive its processes.
struct PairNode {
	name: &'static str,
	spec: PathBuf,
	base: PathBuf,
	node_key: String,
	port: u16,
	rpc_port: u16,
}

impl PairNode {
	fn new(name: &'static str, dir: &Path, spec: &Path, key_byte: u8) -> Self {
		Self {
			name,
			spec: spec.to_path_buf(),
			base: dir.join(format!("node-{name}")),
			node_key: format!("{key_byte:064x}"),
			port: free_port(),
			rpc_port: free_port(),
		}
	}

	/// Its address for the other node to dial.
	fn address(&self) -> String {
		let key_file = self.base.with_extension("node-key");
		std::fs::write(&key_file, &self.node_key).expect("node key written");
		let path = key_file.to_str().expect("a UTF-8 path");
		let peer = ember_node(&["key", "inspect-node-key", "--file", path]);
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", self.port, peer.trim())
	}

	/// Starts it, validating with `validator`'s keys (`--alice`, `--bob`) when given, dialling
	/// `peer` when given; waits until it answers.
	fn start(&self, validator: Option<&str>, peer: Option<&str>) -> DevNode {
		let mut command = Command::new(binary("ember-node"));
		command
			.arg("--chain")
			.arg(&self.spec)
			.arg("--base-path")
			.arg(&self.base)
			.args(["--node-key", &self.node_key, "--no-mdns", "--no-prometheus"])
			.args(["--port", &self.port.to_string(), "--rpc-port", &self.rpc_port.to_string()]);
		if let Some(flag) = validator {
			// Alone, a validator authors anyway: that is how each side of the split grows.
			command.args([flag, "--validator", "--force-authoring"]);
		}
		if let Some(peer) = peer {
			command.args(["--bootnodes", peer]);
		}
		let started = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map(|d| d.as_millis())
			.unwrap_or_default();
		let log = std::env::temp_dir().join(format!(
			"ember-reorg-{}-{}-{started}.log",
			self.name,
			std::process::id()
		));
		let node = DevNode {
			process: Process::spawn(&mut command, log),
			url: format!("ws://127.0.0.1:{}", self.rpc_port),
		};
		wait_for(
			&format!("node {} to answer", self.name),
			Duration::from_secs(60),
			|| block_on(ember_client::chain::Chain::connect(&node.url)).ok(),
			|| node.process.log_tail(30),
		);
		node
	}

	/// Puts `uri`'s BABE key in its keystore, to author that validator's slots too.
	fn add_babe_key(&self, uri: &str) {
		let spec = self.spec.to_str().expect("a UTF-8 path");
		let base = self.base.to_str().expect("a UTF-8 path");
		ember_node(&[
			"key",
			"insert",
			"--chain",
			spec,
			"--base-path",
			base,
			"--scheme",
			"sr25519",
			"--suri",
			uri,
			"--key-type",
			"babe",
		]);
	}
}

fn finalized(node: &DevNode) -> u64 {
	block_on(node.chain().finalized_block()).expect("finalized block")
}

/// Runs `emberctl --wait in-block accept` and reads its receipt, printed as soon as the award
/// is in a best block; emberctl then follows finality, which this split chain never reaches:
/// it is stopped once the receipt is read.
fn accept_in_block(node: &DevNode, order: u64, manifest: &Path) -> Value {
	let owner = account(&key(OWNER)).to_string();
	let mut child = Command::new(binary("emberctl"))
		.args(["--url", &node.url, "--json", "--key", TENANT, "--wait", "in-block", "accept"])
		.args([&order.to_string(), &owner, "--manifest"])
		.arg(manifest)
		.stdin(Stdio::null())
		.stdout(Stdio::piped())
		.stderr(Stdio::null())
		.spawn()
		.expect("emberctl starts");
	let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
	let receipt = serde_json::Deserializer::from_reader(stdout).into_iter::<Value>().next();
	let _ = child.kill();
	let _ = child.wait();
	receipt.expect("emberctl printed a receipt").expect("the receipt is JSON")
}

/// The workload's process id, from the `pid=N` line its script prints.
fn workload_pid(node: &DevNode, lease: u64) -> Option<u32> {
	let logs = emberctl(node, Some(TENANT), &["logs", &lease.to_string()]).ok()?;
	logs["lines"]
		.as_array()?
		.iter()
		.find_map(|l| l["text"].as_str()?.strip_prefix("pid=")?.parse().ok())
}

#[test]
fn an_award_on_a_branch_that_loses_is_stopped_and_forgotten() {
	let dir = tempfile::tempdir().expect("temp dir");
	let spec = two_validator_spec(dir.path());
	let (alice, bob) =
		(PairNode::new("alice", dir.path(), &spec, 1), PairNode::new("bob", dir.path(), &spec, 2));

	// Together: both validators author and vote, and blocks are finalized.
	let mut node_a = alice.start(Some("--alice"), None);
	let mut node_b = bob.start(Some("--bob"), Some(&alice.address()));
	wait_for(
		"the pair to finalize blocks",
		Duration::from_secs(90),
		|| (finalized(&node_a) >= 2).then_some(()),
		|| node_b.process.log_tail(30),
	);
	speed_up_liveness(&node_a.chain(), 5, 2);
	fund(&node_a.chain(), &account(&key(AGENT)), 10 * EMBR);
	let agent = Agent::start("reorg", dir.path(), &node_a, OWNER, AGENT, 1);
	wait_proven_provider(&node_a, &agent, OWNER, Some(1));
	let manifest = dir.path().join("manifest.json");
	let workload = serde_json::json!({
		"version": 1,
		"name": "reorg",
		"workload": { "kind": "command", "program": "sh", "args": ["-c", "echo \"pid=$$\"; exec sleep 600"] },
		"gpus": { "count": 1 }
	});
	std::fs::write(&manifest, workload.to_string()).expect("manifest written");
	let order = order_with_bid(&node_a, &agent, TENANT, OWNER, &manifest, 200);

	// Split: Bob goes down, and Alice's node authors alone, without finality.
	node_b.process.kill();
	let receipt = accept_in_block(&node_a, order, &manifest);
	assert_eq!(receipt["manifest"]["accepted"], true, "the manifest went at once: {receipt}");
	let lease = num(&receipt["manifest"]["lease"]) as u64;
	let awarded_at = num(&receipt["block_number"]) as u32;
	let award_hash = receipt["block_hash"].as_str().expect("block hash").to_string();
	let pid = wait_for(
		"the workload to run on the award's branch",
		Duration::from_secs(60),
		|| workload_pid(&node_a, lease),
		|| agent.log_tail(),
	);
	assert!(Path::new(&format!("/proc/{pid}")).exists(), "the workload runs");
	assert!(
		finalized(&node_a) < u64::from(awarded_at),
		"the award is not final: Bob's vote is missing"
	);
	let lease_dir = agent.data_dir.join("leases").join(lease.to_string());
	assert!(lease_dir.exists(), "the lease has its directory");

	// Bob's side wins: Alice's node goes down, Bob's comes back alone with Alice's authoring
	// key as well (so it authors every slot, and its branch outweighs hers), and Alice's node
	// comes back as a plain node that syncs from Bob's.
	node_a.process.kill();
	bob.add_babe_key("//Alice");
	node_b = bob.start(Some("--bob"), None);
	wait_for(
		"Bob's branch to grow",
		Duration::from_secs(60),
		|| (block_on(node_b.chain().best_number()).ok()? >= awarded_at + 2).then_some(()),
		|| node_b.process.log_tail(30),
	);
	let restarted = Instant::now();
	node_a = alice.start(None, Some(&bob.address()));
	let chain_a = node_a.chain();
	wait_for(
		"Alice's node to switch to Bob's branch",
		Duration::from_secs(240),
		|| {
			let canonical = block_on(chain_a.canonical_hash(awarded_at)).ok()?;
			let canonical = format!("0x{}", hex::encode(canonical?));
			(canonical != award_hash).then_some(())
		},
		|| node_a.process.log_tail(30),
	);
	let switched = restarted.elapsed();
	assert_eq!(
		block_on(chain_a.lease_at_best(lease)).expect("lease query").map(|l| l.tenant),
		None,
		"the winning branch has no lease {lease}"
	);
	wait_for(
		"the agent to stop the workload and forget the lease",
		Duration::from_secs(60),
		|| {
			let gone = !Path::new(&format!("/proc/{pid}")).exists() && !lease_dir.exists();
			let forgotten = std::fs::read_dir(agent.data_dir.join("leases"))
				.map(|entries| entries.count() == 0)
				.unwrap_or(true);
			(gone && forgotten).then_some(())
		},
		|| agent.log_tail(),
	);
	let log = std::fs::read_to_string(&agent.process.as_ref().expect("the agent runs").log_path)
		.unwrap_or_default();
	assert!(log.contains("the lease's award block was retracted"), "the agent says why");
	eprintln!(
		"measured: award of lease {lease} in block #{awarded_at} retracted; Alice's node switched \
		 branches {:.1} s after it restarted, and the agent stopped the workload and forgot the \
		 lease {:.1} s after it restarted",
		switched.as_secs_f64(),
		restarted.elapsed().as_secs_f64()
	);
}
