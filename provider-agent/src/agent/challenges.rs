//! The chain's proof-of-compute challenges, answered on best blocks: the deadlines are a few
//! blocks, far shorter than finality takes under load. Each block the agent reads its open
//! challenges and acts on the step each is at (solve and commit once the seed is known, open
//! the sampled leaves once the samples are), and asks for a challenge for every GPU outside a
//! lease (listed or bid GPUs included: they must stay proven to be rented) that holds no proof
//! or whose proof ends soon, so that a new GPU bids and earns as soon as it has proven itself.
//!
//! Everything is read from the chain's state, not remembered from events: a reconnect, a
//! restart or a reorg leaves nothing half done. A restarted agent solves a committed
//! challenge again (the task is deterministic) to open its leaves.

use std::{
	collections::{BTreeMap, BTreeSet},
	sync::{Arc, Mutex},
};

use ember_client::{
	chain::{Chain, ChainError},
	challenges::{self as chain_challenges, calls, ChallengePhase, ChallengeRules, OpenChallenge},
};

use super::Shared;
use crate::proving::{self, Solved};

/// Blocks between two looks for GPUs that need a proof.
const REQUEST_EVERY_BLOCKS: u32 = 5;

/// Blocks a GPU waits after a request before it is asked for again (the request's challenge,
/// or its refusal, shows by then).
const REQUEST_RETRY_BLOCKS: u32 = 10;

/// Blocks a challenge step waits after its submission before it is tried again: long enough
/// for the best block to show the step done.
const STEP_QUIET_BLOCKS: u32 = 2;

/// What the loop remembers between blocks; shared with the tasks it spawns.
#[derive(Default)]
struct Proving {
	/// Solved challenges, by id, until they close.
	solved: Mutex<BTreeMap<u64, Arc<Solved>>>,
	/// Challenges with a step under way.
	busy: Mutex<BTreeSet<u64>>,
	/// Challenges whose last step was just submitted, and the block they may be tried again.
	quiet: Mutex<BTreeMap<u64, u32>>,
}

impl Proving {
	fn try_start(&self, challenge: u64, now: u32) -> bool {
		let quiet = self.quiet.lock().map(|q| q.get(&challenge).is_some_and(|&until| now < until));
		if quiet.unwrap_or(true) {
			return false;
		}
		self.busy.lock().map(|mut busy| busy.insert(challenge)).unwrap_or(false)
	}

	fn finish(&self, challenge: u64, quiet_until: u32) {
		if let Ok(mut busy) = self.busy.lock() {
			busy.remove(&challenge);
		}
		if let Ok(mut quiet) = self.quiet.lock() {
			quiet.insert(challenge, quiet_until);
		}
	}

	/// Forget challenges that are no longer open.
	fn retain(&self, open: &BTreeSet<u64>) {
		if let Ok(mut solved) = self.solved.lock() {
			solved.retain(|id, _| open.contains(id));
		}
		if let Ok(mut quiet) = self.quiet.lock() {
			quiet.retain(|id, _| open.contains(id));
		}
	}

	fn solved(&self, challenge: u64) -> Option<Arc<Solved>> {
		self.solved.lock().ok()?.get(&challenge).cloned()
	}
}

/// Answers the provider's challenges and asks for the ones its GPUs need, block by best block,
/// until the connection ends.
pub(super) async fn challenge_loop(shared: &Arc<Shared>, chain: &Chain) -> Result<(), ChainError> {
	let mut blocks = chain
		.api()
		.stream_best_blocks()
		.await
		.map_err(|e| ChainError::Rpc(e.to_string()))?;
	let proving = Arc::new(Proving::default());
	let requesting = Arc::new(tokio::sync::Mutex::new(()));
	let mut request_after: BTreeMap<[u8; 32], u32> = BTreeMap::new();
	let mut rules: Option<ChallengeRules> = None;
	// The first look is at once: a GPU just registered should not wait to prove itself.
	let mut next_request_look = 0u32;
	while let Some(block) = blocks.next().await {
		let block = block.map_err(|e| ChainError::Rpc(e.to_string()))?;
		// The registration is read from this best block too (an unregistered provider has no
		// challenges and no GPUs to ask for), not from the finalized state the follower reads:
		// a new GPU asks for its first round a block after its registration is included.
		let now = block.number() as u32;
		// A best block may be pruned or retracted before it is read: the next one will do.
		let Ok(at) = block.at().await else { continue };
		let rules = match rules {
			Some(rules) => rules,
			None => *rules.insert(chain_challenges::rules(&at)?),
		};
		let open = chain_challenges::open_challenges(&at, &shared.owner).await?;
		proving.retain(&open.iter().map(|c| c.id).collect());
		for challenge in &open {
			let Some(step) = next_step(challenge, now, &at).await? else { continue };
			if !proving.try_start(challenge.id, now) {
				continue;
			}
			let (shared, chain, proving) = (shared.clone(), chain.clone(), proving.clone());
			let challenge = challenge.clone();
			shared.tasks.clone().spawn(async move {
				let done = answer(&shared, &chain, &proving, &challenge, step, rules).await;
				let quiet = if done { STEP_QUIET_BLOCKS } else { 1 };
				proving.finish(challenge.id, now.saturating_add(quiet));
			});
		}
		let proofs = chain_challenges::proofs(&at, &shared.owner).await?;
		shared.metrics.set_gpus_proven(
			proofs
				.values()
				.filter(|p| now < p.proven_at.saturating_add(rules.proof_validity))
				.count() as i64,
		);
		if now < next_request_look {
			continue;
		}
		// Until the provider is registered and takes work, look every block: a new GPU asks
		// for its first round in the block after its registration is seen.
		let Some((idle, accepts_work)) = chain_challenges::idle_gpus(&at, &shared.owner).await?
		else {
			continue;
		};
		if !accepts_work {
			continue;
		}
		next_request_look = now.saturating_add(REQUEST_EVERY_BLOCKS);
		let challenged: BTreeSet<[u8; 32]> = open.iter().map(|c| c.gpu).collect();
		request_after.retain(|_, after| *after > now);
		// One request per model: the chain challenges every idle GPU of the model with it.
		let mut models = BTreeSet::new();
		let wanted: Vec<[u8; 32]> = idle
			.iter()
			.filter(|(gpu, model)| {
				!challenged.contains(gpu)
					&& !request_after.contains_key(gpu)
					&& rules.needs_proof(proofs.get(gpu), &chain_challenges::model_hash(model), now)
			})
			.filter(|(_, model)| models.insert(model.clone()))
			.map(|(gpu, _)| *gpu)
			.collect();
		if wanted.is_empty() {
			continue;
		}
		let Ok(guard) = requesting.clone().try_lock_owned() else { continue };
		for (gpu, model) in &idle {
			if models.contains(model) {
				request_after.insert(*gpu, now.saturating_add(REQUEST_RETRY_BLOCKS));
			}
		}
		let (shared, chain) = (shared.clone(), chain.clone());
		shared.tasks.clone().spawn(async move {
			let _guard = guard;
			for gpu in wanted {
				let result = shared
					.submitter
					.submit(&chain, "request_challenge", &calls::request_challenge(gpu))
					.await;
				shared.metrics.challenge_step("request", result.is_ok());
				if result.is_ok() {
					tracing::info!(
						gpu = %hex::encode(gpu),
						"asked for a round of challenges: a GPU without a current proof and every \
						 idle GPU of its model"
					);
				}
			}
		});
	}
	Ok(())
}

/// What a challenge needs next, once the chain makes it possible.
#[derive(Clone, Copy, Debug)]
enum Step {
	/// Solve the task (its seed comes from `random`, the issue block's VRF output) and commit
	/// its root.
	Commit { random: [u8; 32] },
	/// Open the leaves drawn from `sample_seed` (solving again first if this agent has not).
	Reveal { random: [u8; 32], sample_seed: [u8; 32] },
}

/// The step `challenge` is ready for at best block `now`, if any: the seed is known from the
/// block after the issue block, the samples from the second block after the commitment's.
async fn next_step(
	challenge: &OpenChallenge,
	now: u32,
	at: &chain_challenges::AtBlock,
) -> Result<Option<Step>, ChainError> {
	match challenge.phase {
		ChallengePhase::Computing { commit_by } if now < commit_by => {
			Ok(chain_challenges::randomness(at, challenge.issued_at)
				.await?
				.map(|random| Step::Commit { random }))
		},
		ChallengePhase::Committed { root, committed_at, reveal_by } if now < reveal_by => {
			let Some(random) = chain_challenges::randomness(at, challenge.issued_at).await? else {
				return Ok(None);
			};
			let sample_block = committed_at.saturating_add(1);
			Ok(chain_challenges::randomness(at, sample_block).await?.map(|sample_random| {
				Step::Reveal {
					random,
					sample_seed: ember_compute_proof::sample_seed(
						&sample_random,
						challenge.id,
						&root,
					),
				}
			}))
		},
		_ => Ok(None),
	}
}

/// Take one step of `challenge`; `true` when its transaction was included.
async fn answer(
	shared: &Arc<Shared>,
	chain: &Chain,
	proving: &Arc<Proving>,
	challenge: &OpenChallenge,
	step: Step,
	rules: ChallengeRules,
) -> bool {
	let random = match step {
		Step::Commit { random } | Step::Reveal { random, .. } => random,
	};
	let seed = chain_challenges::seed(&random, challenge.id, &shared.owner, &challenge.gpu);
	// A best block's challenge may be re-issued with another seed on a sibling fork, under the
	// same id: a solution counts only for the seed it was computed from.
	let solved = match proving.solved(challenge.id).filter(|solved| solved.seed == seed) {
		Some(solved) => solved,
		None => match solve(shared, challenge, seed).await {
			Some(solved) => {
				if let Ok(mut map) = proving.solved.lock() {
					map.insert(challenge.id, solved.clone());
				}
				solved
			},
			None => return false,
		},
	};
	let id = challenge.id;
	match step {
		Step::Commit { .. } => {
			let result = shared
				.submitter
				.submit(chain, "challenge_commit", &calls::commit(id, solved.seed, solved.root()))
				.await;
			shared.metrics.challenge_step("commit", result.is_ok());
			if result.is_ok() {
				tracing::info!(challenge = id, root = %hex::encode(solved.root()), "committed a challenge's answer");
			}
			result.is_ok()
		},
		Step::Reveal { sample_seed, .. } => {
			let solver = shared.solver.clone();
			let opened = tokio::task::spawn_blocking(move || {
				proving::openings(solver.as_ref(), &solved, &sample_seed, rules.samples)
			})
			.await;
			let openings = match opened {
				Ok(Ok(openings)) => openings,
				Ok(Err(error)) => {
					tracing::error!(challenge = id, %error, "cannot open the sampled leaves");
					return false;
				},
				Err(_) => return false,
			};
			let result = shared
				.submitter
				.submit(chain, "challenge_reveal", &calls::reveal(id, openings))
				.await;
			shared.metrics.challenge_step("reveal", result.is_ok());
			if result.is_ok() {
				tracing::info!(challenge = id, "revealed a challenge's sampled leaves");
			}
			result.is_ok()
		},
	}
}

/// Solve `challenge` off the async workers, timing it.
async fn solve(
	shared: &Arc<Shared>,
	challenge: &OpenChallenge,
	seed: [u8; 32],
) -> Option<Arc<Solved>> {
	let solver = shared.solver.clone();
	let (shape, gpu) = (challenge.shape, challenge.gpu);
	match tokio::task::spawn_blocking(move || solver.solve(&seed, &shape, &gpu)).await {
		Ok(Ok(solved)) => {
			shared.metrics.observe_challenge_solve(shared.solver.kind(), solved.took);
			tracing::info!(
				challenge = challenge.id,
				solver = shared.solver.kind(),
				n = shape.n,
				k = shape.k,
				batch = shape.batch,
				took_ms = solved.took.as_millis() as u64,
				"solved a challenge"
			);
			Some(Arc::new(solved))
		},
		Ok(Err(error)) => {
			tracing::error!(challenge = challenge.id, %error, "cannot solve a challenge");
			None
		},
		Err(_) => None,
	}
}
