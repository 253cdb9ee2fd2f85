//! Ember's proof-of-compute challenge, shared by the runtime (which checks answers) and the
//! provider agent (which computes them).
//!
//! A challenge is a 32-byte seed and a [`Shape`]. The task is `batch` integer products
//! `C_t = A_t · B_tᵀ` of `n×k` `i8` matrices whose entries come from Philox4x32-10 under keys
//! derived from the seed ([`task`]), accumulated in `i32`, so that every correct GPU and the
//! CPU reference ([`solver`]) agree bit for bit. The answer is committed as a Merkle root over
//! runs of 64 elements of `C` ([`merkle`]). The chain then draws samples from randomness fixed
//! after the commitment ([`samples`]) and checks each revealed leaf's path and one recomputed
//! element of it ([`check_sample`]): `depth + 1` hashes, `k` multiply-adds and `k / 8`
//! generator calls per sample, with no allocation.
//!
//! Everything outside [`solver`] runs in the runtime: it never panics (no unchecked indexing,
//! no overflowing arithmetic, which the lints below enforce) and treats an invalid shape as a
//! refusal.

#![cfg_attr(not(feature = "std"), no_std)]
// The runtime's code must not be able to panic; tests may.
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::cast_possible_truncation,
		clippy::expect_used,
		clippy::indexing_slicing,
		clippy::panic,
		clippy::unwrap_used
	)
)]

extern crate alloc;

pub mod merkle;
pub mod philox;
pub mod sample;
pub mod seeds;
#[cfg(feature = "std")]
pub mod solver;
pub mod task;

#[cfg(test)]
mod tests;

pub use merkle::{leaf_hash, node_hash, root_from_path, verify_leaf, Hash, MerkleTree};
pub use sample::{check_sample, sample, samples, Sample, SampleError};
pub use seeds::{challenge_seed, sample_seed};
pub use task::{
	block, element, leaf_position, position, row, Keys, Operand, RowError, Shape, ShapeError,
	BLOCK_ENTRIES, LEAF_ELEMENTS, MAX_BATCH, MAX_K, MAX_LEAVES, MAX_N, MIN_K, MIN_N,
};
