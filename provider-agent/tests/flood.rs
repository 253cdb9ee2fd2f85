//! A stranger floods a provider's manifest protocol on loopback, from many peers at once, while
//! the agent must keep heartbeating: the flood is refused by the per-peer budgets without
//! costing the provider its liveness.

mod support;

use std::time::{Duration, Instant};

use ember_client::p2p::{RejectReason, Response, TenantClient};
use serde_json::Value;
use support::*;

const EMBR: u128 = 1_000_000_000_000;
const OWNER: &str = "//Charlie";
const AGENT: &str = "//Charlie//agent";

/// The provider `OWNER` registered, with its last heartbeat block, once Active.
fn provider(node: &DevNode) -> Option<Value> {
	let owner = account(&key(OWNER)).to_string();
	let list = emberctl(node, None, &["providers"]).ok()?;
	list.as_array()?
		.iter()
		.find(|p| p["owner"] == owner.as_str() && p["status"] == "Active")
		.cloned()
}

fn last_heartbeat(node: &DevNode) -> u64 {
	provider(node).and_then(|p| p["last_heartbeat"].as_u64()).unwrap_or_default()
}

#[test]
fn a_flood_of_requests_is_refused_and_heartbeats_keep_landing() {
	let dir = tempfile::tempdir().expect("temp dir");
	let node = DevNode::start("flood");
	let chain = node.chain();
	// A heartbeat every 5 blocks, Offline after two missed.
	speed_up_liveness(&chain, 5, 2);
	fund(&chain, &account(&key(AGENT)), 10 * EMBR);
	let agent = Agent::start("flood", dir.path(), &node, OWNER, AGENT, 1);
	let registered = wait_for(
		"the agent to register and heartbeat",
		Duration::from_secs(120),
		|| provider(&node).filter(|p| p["last_heartbeat"].as_u64().unwrap_or(0) > 0),
		|| agent.log_tail(),
	);
	let (peer, addrs) = peer_of(&registered);
	// Registration sets the field too: start from a real heartbeat, so that the flood must be
	// crossed by the next ones.
	let registered_at = last_heartbeat(&node);
	let before = wait_for(
		"the first heartbeat",
		Duration::from_secs(90),
		|| Some(last_heartbeat(&node)).filter(|&last| last > registered_at),
		|| agent.log_tail(),
	);

	// 8 peers, each sending bursts of 150 requests as fast as they are answered, for about
	// 70 s: longer than the provider's offline limit (2 periods of 5 blocks), so that heartbeats
	// held up by the flood would cost it its Active status. Each request is a signed 4 KiB manifest for a lease
	// that does not exist. (The flooders share this machine's two cores with the node and the
	// agent, so they are kept to what leaves the node room to make blocks.)
	let stranger = key("//Eve");
	// What the chain says of the provider while the flood lasts, every few seconds.
	let stop_watching = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
	let watcher = {
		let (stop, url) = (stop_watching.clone(), node.url.clone());
		std::thread::spawn(move || {
			let mut seen = Vec::new();
			while !stop.load(std::sync::atomic::Ordering::Relaxed) {
				let output = std::process::Command::new(binary("emberctl"))
					.args(["--url", &url, "--json", "providers"])
					.output();
				if let Some(list) =
					output.ok().and_then(|o| serde_json::from_slice::<Value>(&o.stdout).ok())
				{
					seen.extend(list.as_array().into_iter().flatten().map(|p| p["status"].clone()));
				}
				std::thread::sleep(Duration::from_secs(3));
			}
			seen
		})
	};
	let started = Instant::now();
	let (answers, refused, failed) = block_on(async {
		let flooders = (0..8).map(|_| {
			let (addrs, stranger) = (addrs.clone(), stranger.clone());
			async move {
				let client = TenantClient::new().expect("client");
				let (mut answers, mut refused, mut failed) = (0u32, 0u32, 0u32);
				let deadline = Instant::now() + Duration::from_secs(70);
				while Instant::now() < deadline {
					let burst = (0..150).map(|lease| {
						client.send_manifest(
							peer,
							&addrs,
							1_000_000 + lease,
							vec![b' '; 4 * 1024],
							&stranger,
							Duration::from_secs(20),
						)
					});
					for answer in futures::future::join_all(burst).await {
						match answer {
							Ok(Response::Rejected { reason: RejectReason::TooManyRequests }) => {
								refused += 1
							},
							Ok(_) => answers += 1,
							Err(_) => failed += 1,
						}
					}
				}
				(answers, refused, failed)
			}
		});
		futures::future::join_all(flooders)
			.await
			.into_iter()
			.fold((0, 0, 0), |(a, r, f), (answers, refused, failed)| {
				(a + answers, r + refused, f + failed)
			})
	});
	let flood_time = started.elapsed();
	stop_watching.store(true, std::sync::atomic::Ordering::Relaxed);
	let statuses = watcher.join().expect("the watcher ends");
	// What was included during the flood, once finality has caught up with it (this reads the
	// finalized state, a block or two behind the best).
	let flood_end = block_on(chain.best_number()).expect("best block");
	wait_for(
		"finality to reach the flood's last block",
		Duration::from_secs(60),
		|| (block_on(chain.finalized_block()).ok()? >= u64::from(flood_end)).then_some(()),
		|| agent.log_tail(),
	);
	let after = last_heartbeat(&node);
	eprintln!(
		"measured: {} requests in {:.1} s from 8 peers: {answers} answered, {refused} refused \
		 as too many, {failed} failed; last heartbeat block {before} -> {after}",
		answers + refused + failed,
		flood_time.as_secs_f64()
	);
	assert!(refused > answers, "the per-peer budgets refused most of the flood");
	assert!(
		after >= before + 10,
		"heartbeats kept landing during the flood: last heartbeat {before} -> {after}\n{}",
		agent.log_tail()
	);
	assert!(statuses.len() >= 5, "the chain was watched during the flood: {statuses:?}");
	assert!(
		statuses.iter().all(|s| s == "Active"),
		"the provider stayed Active throughout: {statuses:?}"
	);

	// A peer that did not take part is served at once.
	let answer = block_on(async {
		let client = TenantClient::new().expect("client");
		client
			.send_manifest(peer, &addrs, 1, b"{}".to_vec(), &key("//Dave"), Duration::from_secs(20))
			.await
	});
	assert_eq!(
		answer.expect("the agent answers"),
		Response::Rejected { reason: RejectReason::UnknownLease }
	);
}
