//! The records the pallet keeps for challenges, proofs and results.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use ember_compute_proof::{Shape, LEAF_ELEMENTS};
use ember_primitives::GpuUuidHash;
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

/// A challenge's number, unique for the chain's life.
pub type ChallengeId = u64;

/// Most siblings a Merkle path may hold: a tree of at most 2^32 leaves.
pub const MAX_PATH_LEN: u32 = 32;

/// Most failed or passed challenges a provider's result window remembers.
pub const MAX_RESULT_WINDOW: u32 = 32;

/// The sibling hashes of a leaf's path to the root, leaf level first.
pub type MerklePath = BoundedVec<[u8; 32], ConstU32<MAX_PATH_LEN>>;

/// One revealed leaf: its values and its path.
#[derive(Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, PartialEq, TypeInfo)]
pub struct Opening {
	/// The leaf's values, as the committed tree holds them.
	pub values: [i32; LEAF_ELEMENTS],
	/// The leaf's path to the committed root.
	pub path: MerklePath,
}

/// How a challenge came about.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub enum ChallengeKind {
	/// Drawn by the chain at a random block.
	Random,
	/// Asked for by the provider's agent, for a new GPU or a proof about to expire.
	Requested,
}

/// Where a challenge stands.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub enum Phase<BlockNumber> {
	/// The agent computes; its commitment must be in a block no later than `commit_by`.
	Computing {
		/// Last block a commitment is taken in.
		commit_by: BlockNumber,
	},
	/// The agent committed; its openings must be in a block no later than `reveal_by`.
	Committed {
		/// The Merkle root of the answer.
		root: H256,
		/// The block the commitment is in; the samples come from the randomness of the block
		/// after it.
		committed_at: BlockNumber,
		/// Last block openings are taken in.
		reveal_by: BlockNumber,
	},
}

/// An open challenge.
#[derive(Clone, Debug, Decode, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo)]
pub struct Challenge<AccountId, BlockNumber> {
	/// The provider (owner account) challenged.
	pub provider: AccountId,
	/// The GPU challenged.
	pub gpu: GpuUuidHash,
	/// BLAKE2-256 of the GPU's model name when challenged: a proof is of that model.
	pub model: H256,
	/// The task's size, from the model's row of the shape table.
	pub shape: Shape,
	/// The block the challenge was issued in; its seed comes from the next block's randomness.
	pub issued_at: BlockNumber,
	/// Who asked for it.
	pub kind: ChallengeKind,
	/// Its round: the first challenge of the provider's GPUs of this model issued with it.
	pub round: ChallengeId,
	/// Where it stands.
	pub phase: Phase<BlockNumber>,
}

/// A round: the challenges of one provider's idle GPUs of one model, issued together so that
/// one real GPU cannot answer for several claimed ones in turn. It is judged, as one outcome in
/// the provider's window, when its last challenge closes.
#[derive(Clone, Debug, Decode, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo)]
pub struct Round<AccountId> {
	/// The provider challenged.
	pub provider: AccountId,
	/// Challenges of the round still open.
	pub open: u32,
	/// Whether one of its challenges passed or failed (a round of voids counts for nothing).
	pub judged: bool,
	/// Whether one of its challenges failed.
	pub failed: bool,
}

impl<AccountId, BlockNumber: Copy> Challenge<AccountId, BlockNumber> {
	/// The last block of the current phase.
	pub fn deadline(&self) -> BlockNumber {
		match self.phase {
			Phase::Computing { commit_by } => commit_by,
			Phase::Committed { reveal_by, .. } => reveal_by,
		}
	}
}

/// A GPU's last passed challenge.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub struct GpuProof<BlockNumber> {
	/// The block the challenge passed in.
	pub proven_at: BlockNumber,
	/// BLAKE2-256 of the model name it was proven as.
	pub model: H256,
}

/// Why a challenge failed.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub enum FailureReason {
	/// No commitment by the commit deadline.
	NoCommitment,
	/// No openings by the reveal deadline.
	NoReveal,
	/// An opening's path does not lead to the committed root.
	BadPath,
	/// An opened value is not the product's.
	WrongValue,
	/// After committing, the provider took the GPU out of its inventory, changed its model or
	/// began leaving: the samples may have been known, so walking away is no escape.
	Withdrawn,
}

/// Why a challenge was dropped without a result.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub enum VoidReason {
	/// The GPU went into a lease: the tenant's payment is the verdict on it. The GPU loses
	/// its proof, and proves itself again after the lease.
	Leased,
	/// The GPU left the inventory or changed model.
	InventoryChanged,
	/// The provider was jailed, or is leaving or gone before the commitment. The GPU loses its
	/// proof: a round escaped keeps no old proof to earn on.
	ProviderGone,
	/// The chain has no randomness for the seed or the samples.
	NoRandomness,
	/// No deadline queue within reach had room for the reveal deadline.
	NoRoom,
}

/// The outcomes of a provider's last challenges, newest in the lowest bit.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Default,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub struct ResultWindow {
	/// One bit per outcome, set for a failure.
	pub failures: u32,
	/// How many outcomes the window holds (at most `MAX_RESULT_WINDOW`).
	pub len: u8,
}

impl ResultWindow {
	/// The window after one more outcome, keeping the newest `size`.
	pub fn push(self, failed: bool, size: u32) -> Self {
		let size = size.clamp(1, MAX_RESULT_WINDOW);
		let mask = if size >= 32 { u32::MAX } else { (1u32 << size) - 1 };
		let failures = ((self.failures << 1) | u32::from(failed)) & mask;
		let len = u32::from(self.len).saturating_add(1).min(size) as u8;
		Self { failures, len }
	}

	/// Failures among the outcomes held.
	pub fn failed(&self) -> u32 {
		self.failures.count_ones()
	}
}

/// What the benchmarks need from outside this pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A registered, Active provider with `gpus` GPUs of one model, all in the target list,
	/// and its agent, able to pay fees.
	fn provider(index: u32, gpus: u32) -> (AccountId, AccountId);
}
