//! Where a challenge's randomness comes from: the seed of its task, and the seed of the samples
//! drawn from its answer. The runtime derives both from the chain's VRF outputs; the provider
//! agent derives the same bytes from the same stored outputs, so the two never disagree.

use alloc::vec::Vec;

/// Domain of a task's seed.
const DOMAIN_SEED: &[u8] = b"ember/challenges/seed";
/// Domain of the samples' seed.
const DOMAIN_SAMPLES: &[u8] = b"ember/challenges/samples";

/// The seed of challenge `challenge`: `blake2_256(domain ++ randomness ++ challenge as u64
/// little-endian ++ provider ++ gpu)`, where `randomness` is the VRF output of the issue block
/// and `provider` the provider's SCALE-encoded account. It binds the task to one challenge of
/// one GPU of one provider, so that no answer serves two.
pub fn challenge_seed(
	randomness: &[u8; 32],
	challenge: u64,
	provider: &[u8],
	gpu: &[u8; 32],
) -> [u8; 32] {
	let mut input = Vec::with_capacity(
		DOMAIN_SEED.len().saturating_add(32 + 8 + 32).saturating_add(provider.len()),
	);
	input.extend_from_slice(DOMAIN_SEED);
	input.extend_from_slice(randomness);
	input.extend_from_slice(&challenge.to_le_bytes());
	input.extend_from_slice(provider);
	input.extend_from_slice(gpu);
	sp_crypto_hashing::blake2_256(&input)
}

/// The seed of a committed answer's samples: `blake2_256(domain ++ randomness ++ challenge as
/// u64 little-endian ++ root)`, where `randomness` is the VRF output of the block after the
/// commitment's.
pub fn sample_seed(randomness: &[u8; 32], challenge: u64, root: &[u8; 32]) -> [u8; 32] {
	let mut input = Vec::with_capacity(DOMAIN_SAMPLES.len().saturating_add(32 + 8 + 32));
	input.extend_from_slice(DOMAIN_SAMPLES);
	input.extend_from_slice(randomness);
	input.extend_from_slice(&challenge.to_le_bytes());
	input.extend_from_slice(root);
	sp_crypto_hashing::blake2_256(&input)
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;

	#[test]
	fn the_seeds_are_the_scale_encoding_of_their_parts() {
		let (random, provider, gpu, root) = ([7u8; 32], [9u8; 32], [3u8; 32], [5u8; 32]);
		let expected = sp_crypto_hashing::blake2_256(
			&(b"ember/challenges/seed", random, 42u64, provider, gpu).encode(),
		);
		assert_eq!(challenge_seed(&random, 42, &provider, &gpu), expected);
		let expected = sp_crypto_hashing::blake2_256(
			&(b"ember/challenges/samples", random, 42u64, root).encode(),
		);
		assert_eq!(sample_seed(&random, 42, &root), expected);
	}

	#[test]
	fn every_part_changes_the_seed() {
		let base = challenge_seed(&[1; 32], 1, &[2; 32], &[3; 32]);
		assert_ne!(base, challenge_seed(&[0; 32], 1, &[2; 32], &[3; 32]));
		assert_ne!(base, challenge_seed(&[1; 32], 2, &[2; 32], &[3; 32]));
		assert_ne!(base, challenge_seed(&[1; 32], 1, &[4; 32], &[3; 32]));
		assert_ne!(base, challenge_seed(&[1; 32], 1, &[2; 32], &[4; 32]));
		assert_ne!(sample_seed(&[1; 32], 1, &[2; 32]), sample_seed(&[1; 32], 1, &[3; 32]));
	}
}
