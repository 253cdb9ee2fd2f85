//! The chain's randomness as challenges use it: each block keeps its parent's VRF output for
//! as long as a seed or a sample set may still be derived from it.

use crate::*;
use ember_compute_proof::Shape;
use frame_support::{pallet_prelude::*, traits::Randomness};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

/// Subject under which the pallet asks for randomness.
const SUBJECT: &[u8] = b"ember/challenges";

impl<T: Config> Pallet<T> {
	/// Blocks a VRF output is kept: long enough for a challenge issued at the oldest block still
	/// to be committed, and for a commitment at the last commit block to be revealed.
	pub(crate) fn randomness_retention() -> BlockNumberFor<T> {
		T::CommitBlocks::get()
			.saturating_add(T::RevealBlocks::get())
			.saturating_add(2u32.into())
	}

	/// Keep the parent block's VRF output (the randomness this block can read) and forget the
	/// one nothing can need any more.
	pub(crate) fn note_randomness(now: BlockNumberFor<T>) -> Weight {
		if now.is_zero() {
			return Weight::zero();
		}
		let parent = now.saturating_sub(1u32.into());
		let (random, _) = T::Randomness::random(SUBJECT);
		if let Some(random) = random {
			BlockRandomness::<T>::insert(parent, H256::from_slice(random.as_ref()));
		}
		if let Some(stale) = parent.checked_sub(&Self::randomness_retention()) {
			BlockRandomness::<T>::remove(stale);
		}
		T::WeightInfo::note_randomness()
	}

	/// The VRF output of `block`, once a later block has recorded it.
	pub(crate) fn randomness_of(block: BlockNumberFor<T>) -> Option<H256> {
		BlockRandomness::<T>::get(block)
	}

	/// A challenge's seed: the VRF output of its issue block, bound to the challenge, its
	/// provider and its GPU, so that no answer serves two challenges.
	pub fn seed_of(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
	) -> Option<[u8; 32]> {
		let random = Self::randomness_of(info.issued_at)?;
		Some(ember_compute_proof::challenge_seed(
			&random.0,
			challenge,
			&info.provider.encode(),
			&info.gpu.0,
		))
	}

	/// The seed the samples of a committed challenge come from: the VRF output of the block
	/// after the one the commitment was made in, bound to the challenge and its root. Not the
	/// commitment's own block: its author knows that block's VRF output before building it, and
	/// could grind a root until the samples suit it.
	pub fn sample_seed_of(
		challenge: ChallengeId,
		committed_at: BlockNumberFor<T>,
		root: H256,
	) -> Option<[u8; 32]> {
		let random = Self::randomness_of(committed_at.saturating_add(1u32.into()))?;
		Some(ember_compute_proof::sample_seed(&random.0, challenge, &root.0))
	}

	/// `count` draws from the parent block's VRF output, or none without it: each a position
	/// in `0..bound` and an independent 64-bit word to accept the drawn round by.
	pub(crate) fn random_draws(
		now: BlockNumberFor<T>,
		count: u32,
		bound: u32,
	) -> impl Iterator<Item = (u32, u64)> {
		let parent = now.saturating_sub(1u32.into());
		let random = if bound == 0 { None } else { Self::randomness_of(parent) };
		(0..if random.is_some() { count } else { 0 }).map(move |draw| {
			let [p0, p1, p2, p3, p4, p5, p6, p7, a0, a1, a2, a3, a4, a5, a6, a7, ..] =
				sp_crypto_hashing::blake2_256(
					&(b"ember/challenges/draw", random.unwrap_or_default(), draw).encode(),
				);
			let word = u64::from_le_bytes([p0, p1, p2, p3, p4, p5, p6, p7]);
			// A 64-bit draw reduced modulo at most 2^32: the bias is below 2^-32.
			let position = (word % u64::from(bound.max(1))) as u32;
			(position, u64::from_le_bytes([a0, a1, a2, a3, a4, a5, a6, a7]))
		})
	}

	/// Whether a shape is one the runtime can check.
	pub(crate) fn valid_shape(shape: &Shape) -> bool {
		shape.validate().is_ok()
	}
}
