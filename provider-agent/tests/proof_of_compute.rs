//! Proof of compute on real processes: an `ember-node --dev` (BABE, the dev genesis's small
//! challenge shape) and provider agents with simulated GPUs answering with the CPU solver.
//! An honest agent proves its new GPUs within a few blocks of registering; an agent whose
//! solver skips half of the work (a solver that exists only in this test) is caught, reported
//! and jailed.

mod support;

use std::{
	collections::BTreeMap,
	io::{Read, Write},
	sync::Arc,
	time::{Duration, Instant},
};

use ember_client::chain::{AccountId, Chain};
use ember_compute_proof::{solver, Shape, LEAF_ELEMENTS};
use provider_agent::proving::{SolveError, Solved, Solver};
use support::*;

const EMBR: u128 = 1_000_000_000_000;

/// The challenge events of blocks `from..=to`, by name, in order.
fn challenge_events(chain: &Chain, from: u64, to: u64) -> Vec<String> {
	block_on(async {
		let mut names = Vec::new();
		for number in from..=to {
			let Ok(at) = chain.api().at_block(number).await else { continue };
			let Ok(events) = at.events().fetch().await else { continue };
			for event in events.iter().flatten() {
				if matches!(event.pallet_name(), "Challenges" | "Slashing") {
					names.push(format!("{}.{}", event.pallet_name(), event.event_name()));
				}
			}
		}
		names
	})
}

/// The proofs `owner`'s GPUs hold in the finalized state.
fn proofs(
	chain: &Chain,
	owner: &AccountId,
) -> BTreeMap<[u8; 32], ember_client::challenges::GpuProof> {
	block_on(async {
		let at = chain.api().at_current_block().await.expect("finalized block");
		ember_client::challenges::proofs(&at, owner).await.expect("proofs readable")
	})
}

fn finalized(chain: &Chain) -> u64 {
	block_on(chain.finalized_block()).expect("finalized block")
}

/// The agent's `/metrics` page.
fn metrics_page(addr: &str) -> String {
	let Ok(mut stream) = std::net::TcpStream::connect(addr) else { return String::new() };
	let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
	let request = format!("GET /metrics HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
	if stream.write_all(request.as_bytes()).is_err() {
		return String::new();
	}
	let mut page = String::new();
	let _ = stream.read_to_string(&mut page);
	page
}

/// The sum of the samples of `name` on `page` that carry every one of `labels` (`key="value"`).
fn metric(page: &str, name: &str, labels: &[&str]) -> Option<f64> {
	let values: Vec<f64> = page
		.lines()
		.filter(|line| {
			line.strip_prefix(name).is_some_and(|rest| rest.starts_with([' ', '{']))
				&& labels.iter().all(|label| line.contains(label))
		})
		.filter_map(|line| line.rsplit(' ').next()?.parse().ok())
		.collect();
	(!values.is_empty()).then(|| values.iter().sum())
}

#[test]
fn an_honest_agent_proves_its_new_gpus_within_a_few_blocks() {
	const OWNER: &str = "//Charlie";
	const AGENT: &str = "//Charlie//agent";
	let dir = tempfile::tempdir().expect("temp dir");
	let node = DevNode::start("proof");
	let chain = node.chain();
	speed_up_liveness(&chain, 5, 2);
	fund(&chain, &account(&key(AGENT)), 10 * EMBR);
	let owner = account(&key(OWNER));
	let agent = Agent::start("proof", dir.path(), &node, OWNER, AGENT, 2);
	let registered = wait_for(
		"the provider to register",
		Duration::from_secs(120),
		|| block_on(chain.provider(&owner)).ok().flatten().map(|_| finalized(&chain)),
		|| agent.log_tail(),
	);
	let started = Instant::now();
	let proven = wait_for(
		"both GPUs to hold a proof of compute",
		Duration::from_secs(180),
		|| (proofs(&chain, &owner).len() == 2).then(|| finalized(&chain)),
		|| agent.log_tail(),
	);
	println!(
		"registered in finalized block {registered}, both GPUs proven by finalized block {proven} \
		 ({} blocks, {:.1} s)",
		proven - registered,
		started.elapsed().as_secs_f64()
	);
	let events = challenge_events(&chain, registered.saturating_sub(2), proven);
	let passed = events.iter().filter(|e| *e == "Challenges.ChallengePassed").count();
	assert_eq!(passed, 2, "one passed challenge per GPU: {events:?}");
	assert!(!events.iter().any(|e| e == "Challenges.ChallengeFailed"), "{events:?}");

	let page = wait_for(
		"the agent's metrics to show both GPUs proven",
		Duration::from_secs(30),
		|| {
			let page = metrics_page(&agent.metrics);
			(metric(&page, "ember_agent_gpus_proven", &[]) == Some(2.0)).then_some(page)
		},
		|| agent.log_tail(),
	);
	let solves = metric(&page, "ember_agent_challenge_solve_seconds_count", &["solver=\"cpu\""]);
	assert!(solves.is_some_and(|count| count >= 2.0), "solves counted: {solves:?}");
	// One request for the model brings a round of both GPUs; each is committed and revealed.
	for (step, least) in [("request", 1.0), ("commit", 2.0), ("reveal", 2.0)] {
		let step_label = format!("step=\"{step}\"");
		let ok =
			metric(&page, "ember_agent_challenge_steps_total", &["result=\"ok\"", &step_label]);
		assert!(ok.is_some_and(|count| count >= least), "{step} steps counted: {ok:?}\n{page}");
	}
	let failed = metric(&page, "ember_agent_challenge_steps_total", &["result=\"failed\""]);
	assert_eq!(failed, None, "no step was refused\n{page}");
	let rounds = events.iter().filter(|e| *e == "Challenges.RoundJudged").count();
	assert_eq!(rounds, 1, "both GPUs (one model) were challenged in one round: {events:?}");
}

/// A provider's solver that computes only the first half of the product's leaves and commits
/// zeros for the rest: it passes a sample with probability 1/2, so `m` samples catch it with
/// probability `1 - 2^-m`. It exists only in this test.
struct HalfSolver;

impl HalfSolver {
	fn computes(shape: &Shape) -> impl Fn(u64) -> bool + Sync + Send + Copy {
		let half = shape.leaf_count() / 2;
		move |leaf| leaf < half
	}
}

impl Solver for HalfSolver {
	fn kind(&self) -> &'static str {
		"half"
	}

	fn solve(&self, seed: &[u8; 32], shape: &Shape, _gpu: &[u8; 32]) -> Result<Solved, SolveError> {
		let started = Instant::now();
		let solution = solver::solve_partially(seed, shape, 1, Self::computes(shape))
			.map_err(SolveError::Shape)?;
		Ok(Solved { seed: *seed, solution, took: started.elapsed() })
	}

	fn leaf_values(
		&self,
		seed: &[u8; 32],
		shape: &Shape,
		leaf: u64,
	) -> Result<[i32; LEAF_ELEMENTS], SolveError> {
		solver::leaf_values_partially(seed, shape, leaf, Self::computes(shape))
			.ok_or(SolveError::LeafOutOfRange(leaf))
	}
}

#[test]
fn an_agent_that_skips_half_the_work_is_caught_reported_and_jailed() {
	const OWNER: &str = "//Eve";
	const AGENT: &str = "//Eve//agent";
	let dir = tempfile::tempdir().expect("temp dir");
	let node = DevNode::start("cheat");
	let chain = node.chain();
	speed_up_liveness(&chain, 5, 2);
	fund(&chain, &account(&key(AGENT)), 10 * EMBR);
	let owner = account(&key(OWNER));
	// The agent runs in this test's process, with the cheating solver.
	let agent = Agent::configure("cheat", dir.path(), &node, OWNER, AGENT, 2, PROCESS_EXECUTOR);
	let config = provider_agent::config::AgentConfig::load(&agent.config).expect("config loads");
	let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
	let runtime = block_on(async { tokio::runtime::Handle::current() });
	let running =
		runtime.spawn(provider_agent::agent::run_with(config, Arc::new(HalfSolver), async {
			let _ = stopped.await;
		}));
	let from = finalized(&chain);
	let jailed = wait_for(
		"the cheating provider to be jailed",
		Duration::from_secs(240),
		|| {
			let provider = block_on(chain.provider(&owner)).ok().flatten()?;
			(provider.status == "Jailed").then(|| finalized(&chain))
		},
		|| {
			format!(
				"challenge events so far: {:?}",
				challenge_events(&chain, from, finalized(&chain))
			)
		},
	);
	let events = challenge_events(&chain, from, jailed);
	println!("the cheating provider's challenge events: {events:?}");
	let failed = events.iter().filter(|e| *e == "Challenges.ChallengeFailed").count();
	assert!(failed >= 2, "jailed after two failures in the window: {events:?}");
	assert!(!events.iter().any(|e| e == "Challenges.ChallengePassed"), "{events:?}");
	assert_eq!(
		events.iter().filter(|e| *e == "Challenges.OffenceReported").count(),
		1,
		"one offence for the window: {events:?}"
	);
	assert!(events.iter().any(|e| e == "Slashing.OffenceReported"), "{events:?}");
	assert!(proofs(&chain, &owner).is_empty(), "no GPU of the cheat holds a proof");
	let _ = stop.send(());
	let _ = block_on(running);
}
