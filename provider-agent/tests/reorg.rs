//! Leases awarded on a branch that loses: two real nodes validate a chain of two validators
//! (Alice and Bob), are split, and two awards land on Alice's side only, where the agent takes
//! them on from the best block and starts their workloads. Bob's side, where one of the two
//! orders was cancelled meanwhile, then grows heavier and wins. The reorg puts both awards back
//! on the table: one is accepted again on the same terms, and its workload keeps running; the
//! other can no longer be, and the agent stops its workload and forgets the lease, which never
//! existed on the chain that won.

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
/// Blocks the orders take bids for: long enough that the kept award is still valid when the
/// winning branch, 20 blocks past the split's, includes it again.
const BID_WINDOW: u32 = 120;
/// The tenant whose order is cancelled on the side that wins.
const LOSER: &str = "//Eve";
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

/// Runs `emberctl --wait in-block` as `key_uri` with `args` and reads its receipt, printed as
/// soon as the transaction is in a best block; emberctl then follows finality, which this split
/// chain never reaches: it is stopped once the receipt is read.
fn in_block(node: &DevNode, key_uri: &str, args: &[&str]) -> Value {
	try_in_block(node, key_uri, args).expect("emberctl printed a receipt")
}

/// As [`in_block`], or `None` if emberctl printed no receipt (the transaction failed).
fn try_in_block(node: &DevNode, key_uri: &str, args: &[&str]) -> Option<Value> {
	let mut child = Command::new(binary("emberctl"))
		.args(["--url", &node.url, "--json", "--yes", "--key", key_uri, "--wait", "in-block"])
		.args(args)
		.stdin(Stdio::null())
		.stdout(Stdio::piped())
		.stderr(Stdio::null())
		.spawn()
		.expect("emberctl starts");
	let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
	let receipt = serde_json::Deserializer::from_reader(stdout).into_iter::<Value>().next();
	let _ = child.kill();
	let _ = child.wait();
	Some(receipt?.expect("the receipt is JSON"))
}

/// A lease accepted on the split chain, in-block, with its manifest sent at once.
struct Awarded {
	lease: u64,
	block: u32,
	block_hash: String,
	pid: u32,
}

/// `tenant` accepts the agent's bid on `order` and sends `manifest`; waits for its workload.
fn accept(node: &DevNode, agent: &Agent, tenant: &str, order: u64, manifest: &Path) -> Awarded {
	let owner = account(&key(OWNER)).to_string();
	let manifest_path = manifest.to_str().expect("a UTF-8 path");
	let receipt = in_block(
		node,
		tenant,
		&["accept", &order.to_string(), &owner, "--manifest", manifest_path],
	);
	assert_eq!(receipt["manifest"]["accepted"], true, "the manifest went at once: {receipt}");
	let lease = num(&receipt["manifest"]["lease"]) as u64;
	let pid = wait_for(
		"the workload to run on the award's branch",
		Duration::from_secs(60),
		|| workload_pid(node, tenant, lease),
		|| agent.log_tail(),
	);
	Awarded {
		lease,
		block: num(&receipt["block_number"]) as u32,
		block_hash: receipt["block_hash"].as_str().expect("block hash").to_string(),
		pid,
	}
}

fn alive(pid: u32) -> bool {
	Path::new(&format!("/proc/{pid}")).exists()
}

/// A manifest whose workload prints its process id and sleeps.
fn manifest(dir: &Path, name: &str) -> PathBuf {
	let manifest = serde_json::json!({
		"version": 1,
		"name": name,
		"workload": {
			"kind": "command", "program": "sh", "args": ["-c", "echo \"pid=$$\"; exec sleep 600"]
		},
		"gpus": { "count": 1 }
	});
	let path = dir.join(format!("{name}.json"));
	std::fs::write(&path, manifest.to_string()).expect("manifest written");
	path
}

/// The workload's process id, from the `pid=N` line its script prints.
fn workload_pid(node: &DevNode, tenant: &str, lease: u64) -> Option<u32> {
	let logs = emberctl(node, Some(tenant), &["logs", &lease.to_string()]).ok()?;
	logs["lines"]
		.as_array()?
		.iter()
		.find_map(|l| l["text"].as_str()?.strip_prefix("pid=")?.parse().ok())
}

/// The agent's notes in lease `lease`'s log.
fn notes(node: &DevNode, tenant: &str, lease: u64) -> Vec<String> {
	let Ok(logs) = emberctl(node, Some(tenant), &["logs", &lease.to_string()]) else {
		return Vec::new();
	};
	logs["lines"]
		.as_array()
		.map(|lines| lines.iter().filter_map(|l| Some(l["text"].as_str()?.to_string())).collect())
		.unwrap_or_default()
}

#[test]
fn awards_on_a_branch_that_loses_move_or_are_stopped_and_forgotten() {
	let dir = tempfile::tempdir().expect("temp dir");
	let spec = two_validator_spec(dir.path());
	let (alice, bob) =
		(PairNode::new("alice", dir.path(), &spec, 1), PairNode::new("bob", dir.path(), &spec, 2));

	// Together: both validators author and vote, and blocks are finalized.
	let mut node_a = alice.start(Some("--alice"), None);
	let mut node_b = bob.start(Some("--bob"), Some(&alice.address()));
	let chain_a = node_a.chain();
	wait_for(
		"the pair to finalize blocks",
		Duration::from_secs(90),
		|| (block_on(chain_a.finalized_block()).ok()? >= 2).then_some(()),
		|| node_b.process.log_tail(30),
	);
	// Heartbeats every 5 blocks, and 20 periods of silence before Offline: while Bob's branch
	// grows the agent's node is down, and a provider gone Offline there could be awarded
	// nothing again on it.
	speed_up_liveness(&node_a.chain(), 5, 20);
	fund(&node_a.chain(), &account(&key(AGENT)), 10 * EMBR);
	let agent = Agent::start("reorg", dir.path(), &node_a, OWNER, AGENT, 2);
	wait_proven_provider(&node_a, &agent, OWNER, Some(2));
	let (kept_manifest, lost_manifest) =
		(manifest(dir.path(), "kept"), manifest(dir.path(), "lost"));
	let kept_order =
		order_with_bid(&node_a, &agent, (TENANT, OWNER), &kept_manifest, 200, BID_WINDOW);
	let lost_order =
		order_with_bid(&node_a, &agent, (LOSER, OWNER), &lost_manifest, 200, BID_WINDOW);

	// Split: Bob goes down, and Alice's node authors alone, without finality.
	node_b.process.kill();
	let kept = accept(&node_a, &agent, TENANT, kept_order, &kept_manifest);
	let lost = accept(&node_a, &agent, LOSER, lost_order, &lost_manifest);
	assert!(alive(kept.pid) && alive(lost.pid), "both workloads run");
	assert!(
		finalized(&node_a) < u64::from(kept.block),
		"the awards are not final: Bob's vote is missing"
	);
	let leases_dir = agent.data_dir.join("leases");
	assert!(leases_dir.join(lost.lease.to_string()).exists(), "the lease has its directory");

	// Bob's side wins: Alice's node goes down; Bob's comes back alone with Alice's authoring
	// key as well (so it authors every slot, and its branch outweighs hers), and there the
	// second tenant cancels her order; Alice's node comes back as a plain node syncing from
	// Bob's.
	node_a.process.kill();
	bob.add_babe_key("//Alice");
	node_b = bob.start(Some("--bob"), None);
	let cancelled = in_block(&node_b, LOSER, &["order", "cancel", &lost_order.to_string()]);
	assert!(
		cancelled["events"].to_string().contains("OrderCancelled"),
		"the order is cancelled on Bob's side: {cancelled}"
	);
	// One connection, polled: a new one each time would run into the node's limit.
	let chain_b = node_b.chain();
	// BABE prefers the branch with more primary-slot blocks. Alice's side has a few blocks
	// of hers, a quarter of them primary; Bob's, authoring every slot with both keys, gains
	// about 0.44 primary blocks a slot, so 20 blocks past her last one outweigh it all but
	// surely. (Shorter, and Bob's node could take her branch when they meet.)
	wait_for(
		"Bob's branch to grow",
		Duration::from_secs(240),
		|| (block_on(chain_b.best_number()).ok()? >= lost.block + 20).then_some(()),
		|| node_b.process.log_tail(30),
	);
	let restarted = Instant::now();
	node_a = alice.start(None, Some(&bob.address()));
	let chain_a = node_a.chain();
	wait_for(
		"Alice's node to switch to Bob's branch",
		Duration::from_secs(240),
		|| {
			let canonical = block_on(chain_a.canonical_hash(kept.block)).ok()?;
			(format!("0x{}", hex::encode(canonical?)) != kept.block_hash).then_some(())
		},
		|| node_a.process.log_tail(30),
	);
	let switched = restarted.elapsed();
	// A node that stayed up puts the transactions of retracted blocks back in its pool, and
	// the kept accept, still valid on Bob's branch, would be included again from there.
	// Alice's node restarted with an empty pool, so Dave accepts again, on the same terms, as
	// his wallet would on seeing the transaction dropped, unless the accept came back anyway.
	// It lands within the agent's grace for a retracted award.
	if block_on(chain_a.lease_at_best(kept.lease)).ok().flatten().is_none() {
		let owner = account(&key(OWNER)).to_string();
		let manifest = kept_manifest.to_str().expect("a UTF-8 path");
		let again = try_in_block(
			&node_a,
			TENANT,
			&["accept", &kept_order.to_string(), &owner, "--manifest", manifest],
		);
		eprintln!("the kept order accepted again on Bob's branch: {again:?}");
	}

	// The lost award: its workload stopped, its lease forgotten, a few blocks after the switch.
	wait_for(
		"the agent to stop the lost workload and forget its lease",
		Duration::from_secs(90),
		|| {
			let forgotten = std::fs::read_dir(&leases_dir)
				.map(|entries| {
					entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).all(|name| {
						name != lost.lease.to_string() && !name.starts_with(".retracted-")
					})
				})
				.unwrap_or(false);
			(!alive(lost.pid) && forgotten).then_some(())
		},
		|| agent.log_tail(),
	);
	let forgotten_after = restarted.elapsed();
	assert_eq!(
		block_on(chain_a.lease_at_best(lost.lease))
			.expect("lease query")
			.map(|l| l.tenant),
		None,
		"the winning branch has no lease {}",
		lost.lease
	);

	// The kept award: included again on the same terms in a block of Bob's branch; its
	// workload never stopped.
	let again = wait_for(
		"the kept award to be included again",
		Duration::from_secs(60),
		|| block_on(chain_a.lease_at_best(kept.lease)).ok()?,
		|| agent.log_tail(),
	);
	assert_eq!(again.tenant, account(&key(TENANT)).to_string());
	assert_ne!(again.start, kept.block, "awarded again in a block of Bob's branch");
	wait_for(
		"the agent to move the kept lease to its new block",
		Duration::from_secs(60),
		|| {
			notes(&node_a, TENANT, kept.lease)
				.iter()
				.any(|n| n.contains("awarded again, on the same terms"))
				.then_some(())
		},
		|| agent.log_tail(),
	);
	assert!(alive(kept.pid), "the kept workload still runs, never restarted");
	assert_eq!(workload_pid(&node_a, TENANT, kept.lease), Some(kept.pid));
	eprintln!(
		"measured: awards in blocks #{} and #{} retracted; Alice's node switched branches {:.1} s \
		 after it restarted; the lost lease was stopped and forgotten {:.1} s after, the kept one \
		 moved to block #{} with its workload running",
		kept.block,
		lost.block,
		switched.as_secs_f64(),
		(forgotten_after - switched).as_secs_f64(),
		again.start
	);
}
