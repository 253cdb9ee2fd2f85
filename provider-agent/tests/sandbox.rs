//! A tenant attacking the provider's machine, on real processes: `ember-node --dev`, a provider
//! agent whose container executor runs podman, and the tenant's own transactions and libp2p
//! requests. Each attack is one a tenant can mount with nothing but a lease.
//!
//! Needs podman and the sandbox image (`scripts/setup.sh`, `scripts/sandbox-image.sh`); skipped
//! with a printed reason where podman cannot run, unless `EMBER_REQUIRE_PODMAN=1` (CI).

mod support;

use std::{
	path::Path,
	process::Command,
	time::{Duration, Instant},
};

use ember_client::{
	chain::{runtime, WaitFor},
	manifest::manifest_hash,
	market::{calls, Requirement},
	p2p::{RejectReason, Response, TenantClient},
};
use serde_json::{json, Value};
use support::*;

const EMBR: u128 = 1_000_000_000_000;
const OWNER: &str = "//Ferdie";
const AGENT: &str = "//Ferdie//agent";
const TENANT: &str = "//Dave";

/// The provider `OWNER` registered, once Active with its GPUs proven.
fn wait_provider(node: &DevNode, agent: &Agent) -> Value {
	wait_proven_provider(node, agent, OWNER, None)
}

/// Orders one GPU for the manifest `bytes` (whatever they hold: the chain sees only their
/// hash); returns the order id.
fn order_for(node: &DevNode, bytes: &[u8]) -> u64 {
	let chain = node.chain();
	let requirement = Requirement { count: 1, ..Requirement::default() };
	let call =
		calls::create_order(&requirement, 200, 3 * EMBR, manifest_hash(bytes), None, 30, false);
	let receipt = block_on(chain.submit(&call, &key(TENANT), WaitFor::InBlock, &mut |_| {}))
		.expect("order created");
	receipt
		.find_first::<runtime::leases::events::OrderCreated>()
		.expect("OrderCreated")
		.order
}

/// Waits for the agent's bid on `order` and accepts it; returns the lease id.
fn award(node: &DevNode, agent: &Agent, order: u64) -> u64 {
	let owner = account(&key(OWNER)).to_string();
	wait_bid(node, agent, order);
	emberctl(node, Some(TENANT), &["accept", &order.to_string(), &owner]).expect("bid accepted");
	let leases = emberctl(node, Some(TENANT), &["lease", "list"]).expect("leases");
	leases
		.as_array()
		.and_then(|l| l.iter().find(|l| l["origin"] == format!("order {order}").as_str()))
		.map(|l| num(&l["id"]) as u64)
		.expect("the lease is running")
}

/// Sends `bytes` as `lease`'s manifest over libp2p, signed by the tenant, once the agent has
/// followed the chain to the lease.
fn send_manifest(provider: &Value, lease: u64, bytes: &[u8]) -> Response {
	let (peer, addrs) = peer_of(provider);
	block_on(async {
		let client = TenantClient::new().expect("client");
		let started = Instant::now();
		loop {
			let answer = client
				.send_manifest(
					peer,
					&addrs,
					lease,
					bytes.to_vec(),
					&key(TENANT),
					Duration::from_secs(20),
				)
				.await
				.expect("the agent answers");
			let unseen =
				matches!(answer, Response::Rejected { reason: RejectReason::UnknownLease });
			if !unseen || started.elapsed() > Duration::from_secs(30) {
				return answer;
			}
			tokio::time::sleep(Duration::from_secs(1)).await;
		}
	})
}

/// The lease's log as the tenant reads it: its state and every line's text.
fn logs(node: &DevNode, lease: u64) -> (Value, Vec<String>) {
	let logs = emberctl(node, Some(TENANT), &["logs", &lease.to_string()]).expect("logs");
	let lines = logs["lines"]
		.as_array()
		.map(|lines| lines.iter().filter_map(|l| l["text"].as_str().map(str::to_string)).collect())
		.unwrap_or_default();
	(logs["state"].clone(), lines)
}

/// Command lines of the host's processes that contain `marker`.
fn processes_with(marker: &str) -> Vec<String> {
	std::fs::read_dir("/proc")
		.expect("/proc")
		.filter_map(Result::ok)
		.filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
		.map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
		.filter(|c| c.contains(marker))
		.collect()
}

fn podman(args: &[&str]) -> String {
	let output = Command::new("podman").args(args).output().expect("podman runs");
	String::from_utf8_lossy(&output.stdout).trim().to_string()
}

#[test]
fn a_tenant_cannot_escape_the_container_sandbox() {
	let Some(image) = provider_agent::testing::sandbox_image() else { return };
	let dir = tempfile::tempdir().expect("temp dir");
	let node = DevNode::start("sandbox");
	let chain = node.chain();
	speed_up_liveness(&chain, 10, 3);
	fund(&chain, &account(&key(AGENT)), 10 * EMBR);
	let executor = "[executor]\nkind = \"container\"\ncontainer_runtime = \"podman\"\n\
		stop_grace_secs = 3\nwarn_before_end_secs = 60\n\n[executor.sandbox]\n\
		memory_mib_per_gpu = 256\ntmp_mib = 16\ndisk_mib = 64\n";
	let agent = Agent::start_with("sandbox", dir.path(), &node, OWNER, AGENT, 4, executor);
	let provider = wait_provider(&node, &agent);
	let config = agent.config.display().to_string();
	let data_dir = agent.data_dir.display().to_string();

	// The tenant's four attempts, each a lease on one of the provider's four GPUs.
	// 1. Flag injection: an "image" that is an engine flag, with a host mount after it. The
	// chain only holds the hash, so the tenant can put any bytes behind it.
	let injected = serde_json::to_vec(&json!({
		"version": 1, "name": "escape",
		"workload": {"kind": "container", "image": "--privileged",
			"args": ["--volume=/:/host", image, "cat", "/host/etc/shadow"]},
		"gpus": {"count": 1}
	}))
	.expect("json");
	// 2. A workload that probes the host: the agent's config (with its keys) and data dir, a
	// mount, the root filesystem; leaves a background process behind; and points an output at
	// the agent's config through a symlink.
	let marker = format!("{}.{}", 2 + std::process::id() % 7, std::process::id() % 1000);
	let probe = format!(
		"id -u; \
		 cat {config} >/dev/null 2>&1 && echo config=readable || echo config=unreadable; \
		 ls {data_dir} >/dev/null 2>&1 && echo store=visible || echo store=invisible; \
		 mount -t tmpfs none /tmp 2>/dev/null && echo mount=allowed || echo mount=refused; \
		 touch /bin/owned 2>/dev/null && echo rootfs=writable || echo rootfs=read-only; \
		 ln -s {config} leak.txt; echo 42 > result.txt; \
		 (while true; do sleep {marker}; done) & echo finished; sleep 600"
	);
	let probe = serde_json::to_vec(&json!({
		"version": 1, "name": "probe",
		"workload": {"kind": "container", "image": image, "args": ["sh", "-c", probe]},
		"outputs": ["result.txt", "leak.txt"],
		"gpus": {"count": 1}
	}))
	.expect("json");
	// 3. A memory hog (64 MiB asked, 256 MiB allowed).
	let hog = serde_json::to_vec(&json!({
		"version": 1, "name": "hog",
		"workload": {"kind": "container", "image": image,
			"args": ["sh", "-c", "x=$(head -c 300000000 /dev/zero | tr '\\0' a); echo survived"]},
		"resources": {"memoryMib": 64},
		"gpus": {"count": 1}
	}))
	.expect("json");
	// 4. More than the provider allows: the network, and memory.
	let greedy = serde_json::to_vec(&json!({
		"version": 1, "name": "greedy",
		"workload": {"kind": "container", "image": image, "args": ["true"]},
		"resources": {"memoryMib": 100000},
		"network": true,
		"gpus": {"count": 1}
	}))
	.expect("json");
	let orders: Vec<u64> =
		[&injected, &probe, &hog, &greedy].iter().map(|m| order_for(&node, m)).collect();
	let leases: Vec<u64> = orders.iter().map(|order| award(&node, &agent, *order)).collect();
	let [injected_lease, probe_lease, hog_lease, greedy_lease] = leases[..] else {
		panic!("four leases: {leases:?}")
	};

	// 1. Refused, and nothing reaches the engine.
	let answer = send_manifest(&provider, injected_lease, &injected);
	let Response::Rejected { reason: RejectReason::InvalidManifest(why) } = &answer else {
		panic!("the injected manifest was not refused as invalid: {answer:?}");
	};
	assert!(why.contains("workload.image"), "{why}");
	assert!(podman(&[
		"ps",
		"-a",
		"--filter",
		&format!("label=ember.lease={injected_lease}"),
		"-q"
	])
	.is_empty());

	// 4. Refused up front, in words.
	let answer = send_manifest(&provider, greedy_lease, &greedy);
	let Response::Rejected { reason: RejectReason::InvalidManifest(why) } = &answer else {
		panic!("a manifest over the provider's limits was accepted: {answer:?}");
	};
	assert!(why.contains("network"), "{why}");

	// 3. The hog is killed by its memory limit.
	assert_eq!(send_manifest(&provider, hog_lease, &hog), Response::Accepted);

	// 2. The probe finds nothing of the host, and its symlinked output is not served.
	let lease = probe_lease;
	assert_eq!(send_manifest(&provider, lease, &probe), Response::Accepted);
	let lines = wait_for(
		"the probe to finish its checks",
		Duration::from_secs(60),
		|| {
			let (_, lines) = logs(&node, lease);
			lines.iter().any(|l| l == "finished").then_some(lines)
		},
		|| agent.log_tail(),
	);
	for expected in
		["65534", "config=unreadable", "store=invisible", "mount=refused", "rootfs=read-only"]
	{
		assert!(lines.iter().any(|l| l == expected), "{expected} not in {lines:?}");
	}
	let out = dir.path().join("result.txt");
	let fetch = |path: &str, to: &Path| {
		emberctl(
			&node,
			Some(TENANT),
			&["output", &lease.to_string(), path, "--to", to.to_str().expect("utf-8")],
		)
	};
	fetch("result.txt", &out).expect("output fetched");
	assert_eq!(std::fs::read_to_string(&out).expect("saved"), "42\n");
	let leaked = dir.path().join("leak.txt");
	let refused = fetch("leak.txt", &leaked);
	assert!(refused.is_err(), "an output symlinked to the agent's config was served");
	assert!(!std::fs::read_to_string(&leaked).unwrap_or_default().contains("agent_key"));
	assert!(!processes_with(&format!("sleep {marker}")).is_empty(), "the background loop runs");

	// The lease ends: the whole container goes, the background process with it.
	emberctl(&node, Some(TENANT), &["lease", "close", &lease.to_string()]).expect("closed");
	wait_for(
		"the container and everything it started to be gone",
		Duration::from_secs(60),
		|| {
			let gone = processes_with(&format!("sleep {marker}")).is_empty()
				&& podman(&["ps", "-a", "--filter", &format!("label=ember.lease={lease}"), "-q"])
					.is_empty();
			gone.then_some(())
		},
		|| agent.log_tail(),
	);

	let (state, lines) = wait_for(
		"the hog to be killed",
		Duration::from_secs(60),
		|| {
			let (state, lines) = logs(&node, hog_lease);
			(state["state"] == "exited").then_some((state, lines))
		},
		|| agent.log_tail(),
	);
	assert_eq!(state["code"], 137, "killed by the memory limit: {lines:?}");
	assert!(!lines.iter().any(|l| l == "survived"), "{lines:?}");
}

/// On a chain that is not a development chain, an agent with simulated GPUs, the process
/// executor or a development key stops before it serves anything, and says why.
#[test]
fn an_agent_refuses_to_serve_a_live_chain_with_development_settings() {
	let dir = tempfile::tempdir().expect("temp dir");
	// The development chain's spec, marked Live: what a public network's spec says.
	let output = Command::new(binary("ember-node"))
		.args(["build-spec", "--chain", "dev", "--raw", "--disable-default-bootnode"])
		.output()
		.expect("ember-node build-spec");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let mut spec: Value = serde_json::from_slice(&output.stdout).expect("a JSON chain spec");
	spec["chainType"] = json!("Live");
	let spec_path = dir.path().join("live.json");
	std::fs::write(&spec_path, serde_json::to_vec(&spec).expect("json")).expect("spec written");
	let node = DevNode::start_chain("live", spec_path.to_str().expect("utf-8"));

	let mut agent = Agent::start("live", dir.path(), &node, OWNER, AGENT, 1);
	let process = agent.process.as_mut().expect("started");
	let status = process.wait_exit(Duration::from_secs(60)).expect("the agent stops by itself");
	assert!(!status.success());
	let log = agent.log_tail();
	assert!(log.contains("refusing to serve Live"), "{log}");
	for reason in ["inventory is simulated", "executor.kind = \"process\"", "development key"] {
		assert!(log.contains(reason), "{reason} not in:\n{log}");
	}
	assert!(!log.contains("manifest protocol listening"), "it served before refusing:\n{log}");
}
