//! A lease from order to close on real processes: `ember-node --dev`, a provider agent with a
//! simulated inventory, and `emberctl` as the tenant.

mod support;

use std::time::{Duration, Instant};

use serde_json::Value;
use support::*;

const EMBR: u128 = 1_000_000_000_000;
const OWNER: &str = "//Charlie";
const AGENT: &str = "//Charlie//agent";
const TENANT: &str = "//Dave";

/// An amount in an event's values (exact plancks, as emberctl's JSON gives them).
fn field(values: &Value, name: &str) -> u128 {
	num(values.get(name).unwrap_or_else(|| panic!("no {name} in {values}")))
}

/// The escrow of a one-GPU lease of `blocks` at 2 EMBR per GPU-hour: the price of the whole
/// term, rounded up (payments round down, so the escrow always covers them).
fn escrow_for(blocks: u32) -> u128 {
	(2 * EMBR * u128::from(blocks)).div_ceil(600)
}

fn free_of(node: &DevNode, who: &str) -> u128 {
	let balance = emberctl(node, Some(who), &["balance"]).expect("balance");
	num(&balance["free"])
}

fn held_of(node: &DevNode, who: &str) -> u128 {
	let balance = emberctl(node, Some(who), &["balance"]).expect("balance");
	num(&balance["held"])
}

/// The provider registered by `owner`, once Active with `gpus` GPUs, all proven.
fn wait_provider(node: &DevNode, agent: &Agent, gpus: usize) -> Value {
	wait_proven_provider(node, agent, OWNER, Some(gpus))
}

fn write_manifest(dir: &std::path::Path, script: &str) -> std::path::PathBuf {
	let manifest = serde_json::json!({
		"version": 1,
		"name": "e2e",
		"workload": { "kind": "command", "program": "sh", "args": ["-c", script] },
		"outputs": ["result.txt"],
		"gpus": { "count": 1 }
	});
	let path = dir.join("manifest.json");
	std::fs::write(&path, serde_json::to_vec_pretty(&manifest).expect("json")).expect("write");
	path
}

/// Orders one GPU as the tenant, waits for the agent's bid, accepts it; returns the lease id
/// and the block the award was included in.
fn lease_one_gpu(
	node: &DevNode,
	agent: &Agent,
	manifest: &std::path::Path,
	blocks: u32,
) -> (u64, u64) {
	let order = order_with_bid(node, agent, (TENANT, OWNER), manifest, blocks, 20);
	let owner = account(&key(OWNER)).to_string();
	let receipt = emberctl(node, Some(TENANT), &["accept", &order.to_string(), &owner])
		.expect("bid accepted");
	let awarded_at = num(&receipt["block_number"]) as u64;
	let leases = emberctl(node, Some(TENANT), &["lease", "list"]).expect("leases");
	let lease = leases
		.as_array()
		.and_then(|l| l.iter().find(|l| l["origin"] == format!("order {order}").as_str()))
		.map(|l| num(&l["id"]) as u64)
		.expect("the lease is running");
	(lease, awarded_at)
}

#[test]
fn a_lease_runs_end_to_end() {
	let dir = tempfile::tempdir().expect("temp dir");
	let node = DevNode::start("e2e");
	let chain = node.chain();
	speed_up_liveness(&chain, 5, 2);
	fund(&chain, &account(&key(AGENT)), 10 * EMBR);
	let agent = Agent::start("e2e", dir.path(), &node, OWNER, AGENT, 2);
	wait_provider(&node, &agent, 2);
	let agent_pid = agent.process.as_ref().and_then(|p| p.pid()).expect("agent pid");
	let idle = sample_usage(agent_pid, Duration::from_secs(12)).expect("agent usage");

	let manifest = write_manifest(
		dir.path(),
		"echo \"gpus=$CUDA_VISIBLE_DEVICES\"; echo 42 > result.txt; echo finished; sleep 20",
	);
	let owner_before = free_of(&node, OWNER);
	let tenant_before = free_of(&node, TENANT);
	let order = order_with_bid(&node, &agent, (TENANT, OWNER), &manifest, 200, 20);

	// The fast path: the award is acted on in its best block, and the manifest goes to the
	// provider's PeerId from the chain, signed by the tenant, at once; emberctl then follows
	// the block to finality.
	let sent = Instant::now();
	let owner = account(&key(OWNER)).to_string();
	let manifest_path = manifest.to_str().expect("path");
	let order_id = order.to_string();
	let receipt = emberctl(
		&node,
		Some(TENANT),
		&["--wait", "in-block", "accept", &order_id, &owner, "--manifest", manifest_path],
	)
	.expect("bid accepted and manifest sent");
	assert_eq!(receipt["finalized"], false, "the receipt is the best block's: {receipt}");
	assert_eq!(receipt["manifest"]["accepted"], true, "{receipt}");
	let lease = num(&receipt["manifest"]["lease"]) as u64;
	let awarded_at = num(&receipt["block_number"]) as u64;
	let mine = emberctl(&node, Some(TENANT), &["lease", "list"]).expect("leases");
	assert!(
		mine.as_array()
			.is_some_and(|l| l.iter().any(|l| num(&l["id"]) == u128::from(lease))),
		"emberctl returned once the award was final: the finalized state shows the lease: {mine}"
	);

	// Award to running: from the award block's time (its timestamp inherent), and from the
	// moment the agent saw the block (the lease log's first line), to "workload started".
	let award_block_ms = block_time_ms(&node, awarded_at);
	let (taken_on_ms, started_ms) = wait_for(
		"the workload to start",
		Duration::from_secs(60),
		|| {
			let logs = emberctl(&node, Some(TENANT), &["logs", &lease.to_string()]).ok()?;
			let lines = logs["lines"].as_array()?;
			let at = |prefix: &str| {
				lines.iter().find_map(|l| {
					l["text"].as_str()?.starts_with(prefix).then(|| num(&l["at_ms"]) as u64)
				})
			};
			Some((at(&format!("lease {lease} started"))?, at("workload started")?))
		},
		|| agent.log_tail(),
	);
	let busy = sample_usage(agent_pid, Duration::from_secs(12)).expect("agent usage");

	// The workload really runs, on exactly the leased GPU, and its output reaches the tenant.
	let logs = wait_for(
		"the workload to finish",
		Duration::from_secs(60),
		|| {
			let logs = emberctl(&node, Some(TENANT), &["logs", &lease.to_string()]).ok()?;
			(logs["state"]["state"] == "exited").then_some(logs)
		},
		|| agent.log_tail(),
	);
	let ran_in = sent.elapsed();
	let text: Vec<String> = logs["lines"]
		.as_array()
		.expect("lines")
		.iter()
		.map(|l| l["text"].as_str().unwrap_or("").to_string())
		.collect();
	assert!(
		text.iter().any(|t| t.starts_with("gpus=GPU-e2e-e2e-")),
		"CUDA_VISIBLE_DEVICES is the leased GPU: {text:?}"
	);
	assert!(text.iter().any(|t| t == "finished"), "stdout reached the tenant: {text:?}");
	assert_eq!(logs["state"]["code"], 0);
	let out = dir.path().join("result.txt");
	emberctl(
		&node,
		Some(TENANT),
		&["output", &lease.to_string(), "result.txt", "--to", out.to_str().expect("path")],
	)
	.expect("output fetched");
	assert_eq!(std::fs::read_to_string(&out).expect("output saved"), "42\n");

	// Attestations are recorded while it runs: the attested time is owed, to be settled.
	let lease_now = wait_for(
		"an attestation of the lease",
		Duration::from_secs(90),
		|| {
			let l = emberctl(&node, None, &["lease", "show", &lease.to_string()]).ok()?;
			(num(&l["attested_at"]) > u128::from(awarded_at) && num(&l["unsettled"]) > 0)
				.then_some(l)
		},
		|| agent.log_tail(),
	);
	assert_eq!(num(&lease_now["downtime_blocks"]), 0, "no time went unattested");

	// The tenant closes: used time is paid, the fee burned, the rest comes back.
	let closed =
		emberctl(&node, Some(TENANT), &["lease", "close", &lease.to_string()]).expect("closed");
	let event = closed["events"]
		.as_array()
		.and_then(|events| events.iter().find(|e| e["name"] == "LeaseClosed"))
		.expect("LeaseClosed event");
	let values = &event["values"];
	let (paid, fees, refunded) =
		(field(values, "paid"), field(values, "fees"), field(values, "refunded"));
	let blocks = num(&closed["block_number"]) - u128::from(awarded_at);
	assert!(paid > 0 && paid <= 2 * EMBR * blocks / 600, "paid {paid} for at most {blocks} blocks");
	assert_eq!(fees, paid * 2 / 100, "the 2 % protocol fee");
	assert_eq!(paid + refunded, escrow_for(200), "escrow is paid or refunded, to the planck");
	assert_eq!(
		free_of(&node, OWNER) - owner_before,
		paid - fees,
		"the provider got the price less the fee"
	);
	assert_eq!(held_of(&node, TENANT), 0, "nothing stays held from the tenant");
	let spent = tenant_before - free_of(&node, TENANT);
	// Its three transactions (order, accept, close) pay weight-priced fees: together less
	// than half an EMBR (about 0.36 measured; a transfer costs 0.01).
	assert!(
		spent >= paid && spent < paid + EMBR / 2,
		"the tenant paid {spent}: the lease {paid} plus its transactions' fees"
	);

	eprintln!(
		"measured: award block to workload running {} ms (the block's timestamp to the workload's \
		 start), of which the award block seen by the agent to running {} ms; accept to workload \
		 exited {:.2} s; agent idle {:.2} % CPU, {:.1} MiB RSS; with a lease {:.2} % CPU, {:.1} MiB RSS",
		started_ms.saturating_sub(award_block_ms),
		started_ms.saturating_sub(taken_on_ms),
		ran_in.as_secs_f64(),
		idle.0,
		idle.1,
		busy.0,
		busy.1
	);
}

/// The lease's state as `emberctl lease show` prints it.
fn lease_view(node: &DevNode, lease: u64) -> Value {
	emberctl(node, None, &["lease", "show", &lease.to_string()]).expect("lease shown")
}

/// The workload's stdout lines so far.
fn stdout_lines(node: &DevNode, lease: u64) -> Vec<String> {
	let Ok(logs) = emberctl(node, Some(TENANT), &["logs", &lease.to_string()]) else {
		return Vec::new();
	};
	logs["lines"]
		.as_array()
		.map(|lines| {
			lines
				.iter()
				.filter(|l| l["stream"] == "stdout")
				.filter_map(|l| l["text"].as_str().map(str::to_string))
				.collect()
		})
		.unwrap_or_default()
}

/// A lease whose workload prints `tick N` every second, once it has printed a few.
fn ticking_lease(node: &DevNode, agent: &Agent, dir: &std::path::Path, blocks: u32) -> (u64, u64) {
	let manifest =
		write_manifest(dir, "i=0; while true; do echo \"tick $i\"; i=$((i+1)); sleep 1; done");
	let (lease, awarded_at) = lease_one_gpu(node, agent, &manifest, blocks);
	emberctl(
		node,
		Some(TENANT),
		&["manifest", "send", &lease.to_string(), manifest.to_str().expect("path")],
	)
	.expect("manifest accepted");
	wait_for(
		"the workload to tick",
		Duration::from_secs(60),
		|| (stdout_lines(node, lease).len() >= 3).then_some(()),
		|| agent.log_tail(),
	);
	(lease, awarded_at)
}

/// Closes `lease` as the tenant and checks that escrow was paid or refunded to the planck, at
/// most for the blocks the provider was up.
fn close_and_check(node: &DevNode, lease: u64, awarded_at: u64, blocks: u32) -> (u128, u32) {
	let before = lease_view(node, lease);
	let downtime = num(&before["downtime_blocks"]) as u32;
	let closed =
		emberctl(node, Some(TENANT), &["lease", "close", &lease.to_string()]).expect("closed");
	let values = closed["events"]
		.as_array()
		.and_then(|events| events.iter().find(|e| e["name"] == "LeaseClosed"))
		.map(|e| e["values"].clone())
		.expect("LeaseClosed event");
	let (paid, refunded) = (field(&values, "paid"), field(&values, "refunded"));
	let elapsed = num(&closed["block_number"]) - u128::from(awarded_at);
	assert_eq!(paid + refunded, escrow_for(blocks), "escrow is paid or refunded, to the planck");
	let billable = elapsed.saturating_sub(u128::from(downtime));
	assert!(
		paid <= 2 * EMBR * billable / 600,
		"paid {paid} for at most {billable} billable blocks ({downtime} down)"
	);
	assert_eq!(held_of(node, TENANT), 0, "nothing stays held from the tenant");
	(paid, downtime)
}

#[test]
fn an_agent_killed_mid_lease_resumes_it_without_paying_or_attesting_twice() {
	let dir = tempfile::tempdir().expect("temp dir");
	let node = DevNode::start("restart");
	let chain = node.chain();
	speed_up_liveness(&chain, 10, 3);
	fund(&chain, &account(&key(AGENT)), 10 * EMBR);
	let mut agent = Agent::start("restart", dir.path(), &node, OWNER, AGENT, 1);
	wait_provider(&node, &agent, 1);
	let (lease, awarded_at) = ticking_lease(&node, &agent, dir.path(), 300);
	let pid_file = agent.data_dir.join(format!("leases/{lease}/pid"));
	let workload_pid = std::fs::read_to_string(&pid_file).expect("the workload's pid is recorded");

	// A crash: no shutdown, no chance to flush anything.
	agent.kill();
	let ticks_at_crash = stdout_lines(&node, lease).len();
	std::thread::sleep(Duration::from_secs(8));
	agent.restart();

	// The same process goes on, and every line reaches the tenant once, in order.
	wait_for(
		"the restarted agent to serve the workload's new output",
		Duration::from_secs(60),
		|| (stdout_lines(&node, lease).len() > ticks_at_crash + 8).then_some(()),
		|| agent.log_tail(),
	);
	assert_eq!(
		std::fs::read_to_string(&pid_file).expect("pid"),
		workload_pid,
		"the workload was adopted, not restarted"
	);
	let lines = stdout_lines(&node, lease);
	let expected: Vec<String> = (0..lines.len()).map(|i| format!("tick {i}")).collect();
	assert_eq!(lines, expected, "no line lost or repeated across the restart");

	// Heartbeats carried on: the lease is attested past the crash.
	let attested_at_restart = num(&lease_view(&node, lease)["attested_at"]);
	wait_for(
		"a heartbeat from the restarted agent to attest the lease again",
		Duration::from_secs(120),
		|| (num(&lease_view(&node, lease)["attested_at"]) > attested_at_restart).then_some(()),
		|| agent.log_tail(),
	);
	let (paid, downtime) = close_and_check(&node, lease, awarded_at, 300);
	assert_eq!(downtime, 0, "no attestation was lost while the agent restarted");
	assert!(paid > 0);

	// The agent placed exactly one bid, before and after its restart.
	let log = std::fs::read_dir(std::env::temp_dir())
		.expect("temp dir")
		.filter_map(Result::ok)
		.filter(|e| {
			// This run's logs only: earlier runs left theirs in the same directory.
			let prefix = format!("ember-e2e-agent-restart-{}-", std::process::id());
			e.file_name().to_string_lossy().starts_with(&prefix)
		})
		.filter_map(|e| std::fs::read_to_string(e.path()).ok())
		.collect::<String>();
	assert_eq!(log.matches("bid placed").count(), 1, "one bid, not one per agent run");
}

#[test]
fn an_agent_offline_past_the_limit_costs_the_tenant_nothing_for_that_time() {
	let dir = tempfile::tempdir().expect("temp dir");
	let node = DevNode::start("offline");
	let chain = node.chain();
	speed_up_liveness(&chain, 4, 2);
	fund(&chain, &account(&key(AGENT)), 10 * EMBR);
	let mut agent = Agent::start("offline", dir.path(), &node, OWNER, AGENT, 1);
	wait_provider(&node, &agent, 1);
	let (lease, awarded_at) = ticking_lease(&node, &agent, dir.path(), 300);

	agent.kill();
	let owner = account(&key(OWNER)).to_string();
	let provider_status = || {
		emberctl(&node, None, &["provider", "show", &owner])
			.ok()
			.and_then(|p| p["status"].as_str().map(str::to_string))
	};
	wait_for(
		"the provider to go Offline",
		Duration::from_secs(150),
		|| (provider_status().as_deref() == Some("Offline")).then_some(()),
		|| node.process.log_tail(20),
	);
	// Some blocks pass while it is offline.
	std::thread::sleep(Duration::from_secs(20));
	agent.restart();
	wait_for(
		"the provider to come back",
		Duration::from_secs(120),
		|| (provider_status().as_deref() == Some("Active")).then_some(()),
		|| agent.log_tail(),
	);
	let view = wait_for(
		"the lease to be settled past the outage",
		Duration::from_secs(120),
		|| {
			let view = lease_view(&node, lease);
			(num(&view["downtime_blocks"]) > 0).then_some(view)
		},
		|| agent.log_tail(),
	);
	assert!(num(&view["downtime_blocks"]) >= 3, "the outage is counted as downtime: {view}");
	let (_, downtime) = close_and_check(&node, lease, awarded_at, 300);
	assert!(downtime >= 3);
}

#[test]
fn manifests_with_the_wrong_hash_or_signer_are_refused_and_only_the_tenants_are_logged() {
	let dir = tempfile::tempdir().expect("temp dir");
	let node = DevNode::start("refuse");
	let chain = node.chain();
	speed_up_liveness(&chain, 10, 3);
	fund(&chain, &account(&key(AGENT)), 10 * EMBR);
	let agent = Agent::start("refuse", dir.path(), &node, OWNER, AGENT, 1);
	let provider = wait_provider(&node, &agent, 1);
	let manifest = write_manifest(dir.path(), "echo fine");
	let (lease, _) = lease_one_gpu(&node, &agent, &manifest, 100);

	let (peer, addrs) = peer_of(&provider);
	let good = std::fs::read(&manifest).expect("manifest");
	let mut tampered = good.clone();
	tampered.extend_from_slice(b"\n");
	use ember_client::p2p::{RejectReason, Response};
	let answers = block_on(async {
		let client = ember_client::p2p::TenantClient::new().expect("client");
		let timeout = Duration::from_secs(20);
		// As emberctl does: wait until the agent has followed the chain to the new lease.
		let mut wrong_hash;
		let started = Instant::now();
		loop {
			wrong_hash = client
				.send_manifest(peer, &addrs, lease, tampered.clone(), &key(TENANT), timeout)
				.await;
			let unseen =
				matches!(wrong_hash, Ok(Response::Rejected { reason: RejectReason::UnknownLease }));
			if !unseen || started.elapsed() > Duration::from_secs(30) {
				break;
			}
			tokio::time::sleep(Duration::from_secs(1)).await;
		}
		let wrong_signer = client
			.send_manifest(peer, &addrs, lease, good.clone(), &key("//Eve"), timeout)
			.await;
		let right = client.send_manifest(peer, &addrs, lease, good, &key(TENANT), timeout).await;
		(wrong_hash, wrong_signer, right)
	});
	assert_eq!(
		answers.0.expect("answered"),
		Response::Rejected { reason: RejectReason::HashMismatch }
	);
	assert_eq!(
		answers.1.expect("answered"),
		Response::Rejected { reason: RejectReason::NotTenant }
	);
	assert_eq!(answers.2.expect("answered"), Response::Accepted);
	let logs = emberctl(&node, Some(TENANT), &["logs", &lease.to_string()]).expect("logs");
	let notes: Vec<&str> = logs["lines"]
		.as_array()
		.expect("lines")
		.iter()
		.filter(|l| l["stream"] == "agent")
		.filter_map(|l| l["text"].as_str())
		.collect();
	assert!(
		notes.iter().any(|n| n.starts_with("refused a manifest") && n.contains("hash")),
		"{notes:?}"
	);
	// A stranger's refusal is not written to the tenant's log: it would fill it.
	assert!(
		!notes
			.iter()
			.any(|n| n.starts_with("refused a manifest") && n.contains("tenant")),
		"{notes:?}"
	);
	assert!(agent.log_tail().contains("refused a manifest"));
	// Someone else cannot read the lease's logs either.
	let stranger = emberctl(&node, Some("//Eve"), &["logs", &lease.to_string()]);
	assert!(stranger.is_err(), "a stranger read the logs: {stranger:?}");
}

#[test]
fn a_malformed_config_is_a_clear_error_naming_the_field() {
	let dir = tempfile::tempdir().expect("temp dir");
	let config = dir.path().join("agent.toml");
	let run = |text: &str| {
		std::fs::write(&config, text).expect("config written");
		let output = std::process::Command::new(binary("provider-agent"))
			.arg("--config")
			.arg(&config)
			.arg("check-config")
			.output()
			.expect("runs");
		assert!(!output.status.success(), "a bad config was accepted:\n{text}");
		String::from_utf8_lossy(&output.stderr).to_string()
	};
	let init = std::process::Command::new(binary("provider-agent"))
		.arg("--config")
		.arg(&config)
		.arg("init")
		.output()
		.expect("runs");
	assert!(init.status.success(), "init writes an example");
	let example = std::fs::read_to_string(&config).expect("example");
	let checked = std::process::Command::new(binary("provider-agent"))
		.arg("--config")
		.arg(&config)
		.arg("check-config")
		.output()
		.expect("runs");
	assert!(
		checked.status.success(),
		"the example is valid: {}",
		String::from_utf8_lossy(&checked.stderr)
	);

	let bad_price = example.replacen("default_per_gpu_hour = \"", "default_per_gpu_hour = \"x", 1);
	assert!(run(&bad_price).contains("pricing.default_per_gpu_hour"), "{}", run(&bad_price));
	let bad_owner = example.replacen("owner = \"5", "owner = \"x5", 1);
	assert!(run(&bad_owner).contains("keys.owner"), "{}", run(&bad_owner));
	let typo = example.replacen("[chain]", "[chain]\nendpiont = \"ws://x\"", 1);
	assert!(run(&typo).contains("endpiont"), "{}", run(&typo));
}
