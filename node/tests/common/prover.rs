//! Proving a provider's GPUs on a dev node as its agent does: ask for a round of challenges,
//! commit each answer's root once its seed is known, and reveal the sampled leaves once the
//! samples are. The chain then lets the GPUs bid and earn.

use std::time::Duration;

use codec::{Decode, Encode};
use ember_compute_proof::{challenge_seed, sample_seed, samples, solver};
use ember_runtime::{AccountId, BlockNumber, RuntimeCall};
use pallet_challenges::{Challenge, ChallengeId, GpuProof, Opening, Phase};
use sp_core::{sr25519, H256};
use sp_io::hashing;
use sp_runtime::BoundedVec;

use super::{
	extrinsic::{submit, value_key},
	Node,
};

/// How long one step of a challenge may take to appear on chain.
const STEP_TIMEOUT: Duration = Duration::from_secs(90);

/// Key of a `Twox64Concat` map entry.
fn twox64_concat_key(pallet: &str, item: &str, key: &[u8]) -> Vec<u8> {
	let mut out = value_key(pallet, item);
	out.extend(hashing::twox_64(key));
	out.extend(key);
	out
}

/// Key of a double map entry hashed `Blake2_128Concat` then `Identity`.
fn provider_gpu_key(item: &str, provider: &AccountId, gpu: &H256) -> Vec<u8> {
	let provider = provider.encode();
	let mut out = value_key("Challenges", item);
	out.extend(hashing::blake2_128(&provider));
	out.extend(provider);
	out.extend(gpu.as_bytes());
	out
}

fn decoded<T: Decode>(bytes: Option<Vec<u8>>) -> Option<T> {
	bytes.map(|bytes| T::decode(&mut &bytes[..]).expect("the runtime's own type decodes"))
}

/// The open challenge of `provider`'s `gpu`, if any.
fn challenge_of(node: &Node, provider: &AccountId, gpu: &H256) -> Option<ChallengeId> {
	decoded(node.storage(&provider_gpu_key("ChallengeOfGpu", provider, gpu)))
}

fn open_challenge(node: &Node, id: ChallengeId) -> Option<Challenge<AccountId, BlockNumber>> {
	decoded(node.storage(&twox64_concat_key("Challenges", "OpenChallenges", &id.encode())))
}

/// The VRF output the chain recorded for `block`, once a later block has.
fn randomness(node: &Node, block: BlockNumber) -> Option<H256> {
	decoded(node.storage(&twox64_concat_key("Challenges", "BlockRandomness", &block.encode())))
}

/// `provider`'s proof for `gpu`, if it has one.
pub fn proof_of(node: &Node, provider: &AccountId, gpu: &H256) -> Option<GpuProof<BlockNumber>> {
	decoded(node.storage(&provider_gpu_key("Proofs", provider, gpu)))
}

/// Prove `gpus` of `provider` with its `agent` key: one request for a round of each model
/// (every idle GPU of a model is challenged with it), then each challenge answered honestly
/// with the CPU reference, every commitment before any reveal (a round shares one deadline).
/// Returns once every GPU holds a proof.
pub fn prove_gpus(node: &Node, agent: &sr25519::Pair, provider: &AccountId, gpus: &[H256]) {
	for gpu in gpus {
		if proof_of(node, provider, gpu).is_some() || challenge_of(node, provider, gpu).is_some() {
			continue;
		}
		submit(
			node,
			agent,
			RuntimeCall::Challenges(pallet_challenges::Call::request_challenge { gpu: *gpu }),
		);
		node.wait_for("the challenge round", STEP_TIMEOUT, |node| {
			challenge_of(node, provider, gpu)
		});
	}
	let committed: Vec<_> = gpus
		.iter()
		.filter_map(|gpu| challenge_of(node, provider, gpu))
		.map(|id| commit(node, agent, id))
		.collect();
	for answer in committed {
		reveal(node, agent, answer);
	}
	for gpu in gpus {
		node.wait_for("the GPU's proof", STEP_TIMEOUT, |node| proof_of(node, provider, gpu));
	}
}

/// A committed answer, kept to open its leaves.
struct Committed {
	id: ChallengeId,
	challenge: Challenge<AccountId, BlockNumber>,
	seed: [u8; 32],
	solution: solver::Solution,
}

/// Solve challenge `id` once its seed is known, and commit the answer's root.
fn commit(node: &Node, agent: &sr25519::Pair, id: ChallengeId) -> Committed {
	let challenge = open_challenge(node, id).expect("the challenge is open");
	let random = node.wait_for("the seed's randomness", STEP_TIMEOUT, |node| {
		randomness(node, challenge.issued_at)
	});
	let seed = challenge_seed(&random.0, id, &challenge.provider.encode(), &challenge.gpu.0);
	let solution = solver::solve(&seed, &challenge.shape, 2).expect("a valid shape");
	submit(
		node,
		agent,
		RuntimeCall::Challenges(pallet_challenges::Call::commit {
			challenge: id,
			seed: H256(seed),
			root: H256(solution.root),
		}),
	);
	Committed { id, challenge, seed, solution }
}

/// Reveal the sampled leaves of a committed answer once its samples are known.
fn reveal(node: &Node, agent: &sr25519::Pair, answer: Committed) {
	let Committed { id, challenge, seed, solution } = answer;
	let committed_at =
		node.wait_for("the commitment", STEP_TIMEOUT, |node| {
			match open_challenge(node, id)?.phase {
				Phase::Committed { committed_at, .. } => Some(committed_at),
				Phase::Computing { .. } => None,
			}
		});
	let random = node.wait_for("the samples' randomness", STEP_TIMEOUT, |node| {
		randomness(node, committed_at + 1)
	});
	let sample_seed = sample_seed(&random.0, id, &solution.root);
	let openings: Vec<Opening> = samples(&sample_seed, &challenge.shape, sample_count())
		.map(|sample| Opening {
			values: solver::leaf_values(&seed, &challenge.shape, sample.leaf)
				.expect("a leaf of the task"),
			path: BoundedVec::truncate_from(solution.prove(sample.leaf).expect("a leaf")),
		})
		.collect();
	submit(
		node,
		agent,
		RuntimeCall::Challenges(pallet_challenges::Call::reveal {
			challenge: id,
			openings: BoundedVec::truncate_from(openings),
		}),
	);
}

/// Samples the runtime draws from each answer.
fn sample_count() -> u32 {
	use sp_core::Get;
	<ember_runtime::Runtime as pallet_challenges::Config>::Samples::get()
}
