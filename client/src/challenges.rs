//! The proof-of-compute challenges as a provider's agent sees them: its open challenges, the
//! randomness their seeds and samples come from, its GPUs' proofs, and the calls that answer.
//!
//! Reads take a block: the agent answers from best blocks (the deadlines are a few blocks), and
//! what it reads there is only used to compute and submit, never to move money.

use std::collections::BTreeMap;

use ember_compute_proof::{Shape, LEAF_ELEMENTS};

use crate::chain::{
	runtime::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_challenges::types::{Opening as RtOpening, Phase as RtPhase},
		},
	},
	AccountId, ChainError,
};

pub use crate::chain::AtBlock;

/// Where an open challenge stands.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum ChallengePhase {
	/// The answer is due: its commitment in a block no later than `commit_by`.
	Computing {
		/// Last block a commitment is taken in.
		commit_by: u32,
	},
	/// Committed; the openings are due in a block no later than `reveal_by`, and from the
	/// second block after `committed_at`.
	Committed {
		/// The committed Merkle root.
		root: [u8; 32],
		/// The block the commitment is in.
		committed_at: u32,
		/// Last block openings are taken in.
		reveal_by: u32,
	},
}

/// One open challenge of a provider's GPU.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct OpenChallenge {
	/// Its number.
	pub id: u64,
	/// The GPU's UUID hash.
	pub gpu: [u8; 32],
	/// The task's size.
	pub shape: Shape,
	/// The block it was issued in: the seed comes from this block's VRF output.
	pub issued_at: u32,
	/// Where it stands.
	pub phase: ChallengePhase,
}

/// A GPU's last passed challenge.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct GpuProof {
	/// The block it passed in.
	pub proven_at: u32,
	/// BLAKE2-256 of the model name it proved.
	pub model: [u8; 32],
}

/// The challenge protocol's timing, from the runtime's constants.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct ChallengeRules {
	/// Blocks after the issue block the commitment may be in.
	pub commit_blocks: u32,
	/// Blocks after the samples' block the openings may be in.
	pub reveal_blocks: u32,
	/// Samples per answer.
	pub samples: u32,
	/// Blocks a proof lasts.
	pub proof_validity: u32,
	/// Blocks before a proof's end from which it may be renewed.
	pub renewal_window: u32,
}

impl ChallengeRules {
	/// Whether a GPU of model hash `model` holding `proof` may ask for a challenge at `now`:
	/// it holds none, one of another model, or one ending within the renewal window.
	pub fn needs_proof(&self, proof: Option<&GpuProof>, model: &[u8; 32], now: u32) -> bool {
		match proof {
			None => true,
			Some(proof) if proof.model != *model => true,
			Some(proof) => {
				let renew_from = proof
					.proven_at
					.saturating_add(self.proof_validity)
					.saturating_sub(self.renewal_window);
				now >= renew_from
			},
		}
	}
}

impl GpuProof {
	/// The first block `proof` no longer proves a GPU of model hash `model` in: `None` when it
	/// proves another model.
	pub fn valid_until(&self, model: &[u8; 32], rules: &ChallengeRules) -> Option<u32> {
		(self.model == *model).then(|| self.proven_at.saturating_add(rules.proof_validity))
	}
}

/// BLAKE2-256 of a model name, as proofs record it.
pub fn model_hash(model: &str) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(model.as_bytes())
}

/// The challenge protocol's constants.
pub fn rules(at: &AtBlock) -> Result<ChallengeRules, ChainError> {
	let constants = runtime::constants().challenges();
	let entry = |address| at.constants().entry(address).map_err(ChainError::rpc);
	Ok(ChallengeRules {
		commit_blocks: entry(constants.commit_blocks())?,
		reveal_blocks: entry(constants.reveal_blocks())?,
		samples: at.constants().entry(constants.samples()).map_err(ChainError::rpc)?,
		proof_validity: entry(constants.proof_validity())?,
		renewal_window: entry(constants.renewal_window())?,
	})
}

/// The open challenges of `provider`'s GPUs.
pub async fn open_challenges(
	at: &AtBlock,
	provider: &AccountId,
) -> Result<Vec<OpenChallenge>, ChainError> {
	let mut ids = Vec::new();
	let mut entries = at
		.storage()
		.iter(runtime::storage().challenges().challenge_of_gpu(), (*provider,))
		.await
		.map_err(ChainError::rpc)?;
	while let Some(entry) = entries.next().await {
		let entry = entry.map_err(ChainError::rpc)?;
		ids.push(entry.value().decode().map_err(ChainError::rpc)?);
	}
	let mut open = Vec::with_capacity(ids.len());
	for id in ids {
		let Some(info) = at
			.storage()
			.try_fetch(runtime::storage().challenges().open_challenges(), (id,))
			.await
			.map_err(ChainError::rpc)?
		else {
			continue;
		};
		let info = info.decode().map_err(ChainError::rpc)?;
		let phase = match info.phase {
			RtPhase::Computing { commit_by } => ChallengePhase::Computing { commit_by },
			RtPhase::Committed { root, committed_at, reveal_by } => {
				ChallengePhase::Committed { root: root.0, committed_at, reveal_by }
			},
		};
		open.push(OpenChallenge {
			id,
			gpu: info.gpu.0,
			shape: Shape { n: info.shape.n, k: info.shape.k, batch: info.shape.batch },
			issued_at: info.issued_at,
			phase,
		});
	}
	Ok(open)
}

/// The VRF output of `block`, while the chain keeps it (from the block after it, for a few
/// blocks).
pub async fn randomness(at: &AtBlock, block: u32) -> Result<Option<[u8; 32]>, ChainError> {
	let value = at
		.storage()
		.try_fetch(runtime::storage().challenges().block_randomness(), (block,))
		.await
		.map_err(ChainError::rpc)?;
	value
		.map(|v| v.decode().map(|hash| hash.0))
		.transpose()
		.map_err(ChainError::rpc)
}

/// The proofs `provider`'s GPUs hold, by UUID hash (expired ones included).
pub async fn proofs(
	at: &AtBlock,
	provider: &AccountId,
) -> Result<BTreeMap<[u8; 32], GpuProof>, ChainError> {
	let mut proofs = BTreeMap::new();
	let mut entries = at
		.storage()
		.iter(runtime::storage().challenges().proofs(), (*provider,))
		.await
		.map_err(ChainError::rpc)?;
	while let Some(entry) = entries.next().await {
		let entry = entry.map_err(ChainError::rpc)?;
		let (_, gpu) = entry.key().map_err(ChainError::rpc)?.decode().map_err(ChainError::rpc)?;
		let proof = entry.value().decode().map_err(ChainError::rpc)?;
		proofs.insert(gpu.0, GpuProof { proven_at: proof.proven_at, model: proof.model.0 });
	}
	Ok(proofs)
}

/// The seed of `challenge` of `provider`'s `gpu`, from the VRF output of its issue block.
pub fn seed(
	randomness: &[u8; 32],
	challenge: u64,
	provider: &AccountId,
	gpu: &[u8; 32],
) -> [u8; 32] {
	ember_compute_proof::challenge_seed(randomness, challenge, &provider.0, gpu)
}

/// One revealed leaf: its values and its Merkle path, leaf level first.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Opening {
	/// The leaf's values.
	pub values: [i32; LEAF_ELEMENTS],
	/// The siblings on its path to the root.
	pub path: Vec<[u8; 32]>,
}

/// Builders for the challenge calls, signed by the provider's agent key.
pub mod calls {
	use super::*;
	use subxt::utils::H256;

	/// `challenges.request_challenge(gpu)`.
	pub fn request_challenge(gpu: [u8; 32]) -> impl subxt::tx::Payload {
		runtime::tx().challenges().request_challenge(H256(gpu))
	}

	/// `challenges.commit(challenge, seed, root)`: the root of the answer computed from `seed`.
	pub fn commit(challenge: u64, seed: [u8; 32], root: [u8; 32]) -> impl subxt::tx::Payload {
		runtime::tx().challenges().commit(challenge, H256(seed), H256(root))
	}

	/// `challenges.reveal(challenge, openings)`, the openings in the samples' order.
	pub fn reveal(challenge: u64, openings: Vec<Opening>) -> impl subxt::tx::Payload {
		let openings = openings
			.into_iter()
			.map(|opening| RtOpening { values: opening.values, path: BoundedVec(opening.path) })
			.collect();
		runtime::tx().challenges().reveal(challenge, BoundedVec(openings))
	}
}

/// A provider's GPUs that no running lease holds (those listed in an offer or backing a bid
/// included: they are idle, and must stay proven to be rented), by UUID hash with their model
/// names, and whether it takes work: the GPUs a challenge may be asked for. `None` when not
/// registered.
pub async fn idle_gpus(
	at: &AtBlock,
	provider: &AccountId,
) -> Result<Option<(Vec<([u8; 32], String)>, bool)>, ChainError> {
	use crate::chain::WithinDeadline;
	use runtime::runtime_types::pallet_leases::types::Commitment;
	let Some(free) = at
		.runtime_apis()
		.call(runtime::runtime_apis().leases_api().free_gpus(*provider))
		.within_deadline()
		.await?
	else {
		return Ok(None);
	};
	let inventory = at
		.storage()
		.try_fetch(runtime::storage().providers().inventory(), (*provider,))
		.await
		.map_err(ChainError::rpc)?
		.map(|value| value.decode().map_err(ChainError::rpc))
		.transpose()?;
	let mut leased = std::collections::BTreeSet::new();
	let mut entries = at
		.storage()
		.iter(runtime::storage().leases().committed_gpus(), (*provider,))
		.await
		.map_err(ChainError::rpc)?;
	while let Some(entry) = entries.next().await {
		let entry = entry.map_err(ChainError::rpc)?;
		if let Commitment::Lease(_) = entry.value().decode().map_err(ChainError::rpc)? {
			let (_, gpu) =
				entry.key().map_err(ChainError::rpc)?.decode().map_err(ChainError::rpc)?;
			leased.insert(gpu.0);
		}
	}
	let gpus = inventory
		.map(|inventory| inventory.0)
		.unwrap_or_default()
		.into_iter()
		.filter(|gpu| !leased.contains(&gpu.uuid_hash.0))
		.map(|gpu| (gpu.uuid_hash.0, String::from_utf8_lossy(&gpu.model.0).into_owned()))
		.collect();
	Ok(Some((gpus, free.accepts_work)))
}
