//! Proofs of compute recorded directly, where no agent answers challenges: the runtime's tests
//! and benchmarks. A real chain records one only when a GPU passes a challenge.

use sp_runtime::traits::{BlakeTwo256, Hash};

use crate::{AccountId, Runtime};

/// Every GPU of `owner` holds a proof from this block, as the model it is registered as.
pub fn prove_gpus(owner: &AccountId) {
	let now = frame_system::Pallet::<Runtime>::block_number();
	for gpu in pallet_providers::Inventory::<Runtime>::get(owner).unwrap_or_default() {
		// BLAKE2-256 of the model name, as the challenges pallet hashes it.
		let model = BlakeTwo256::hash(&gpu.model[..]);
		pallet_challenges::Pallet::<Runtime>::set_proof(
			owner,
			gpu.uuid_hash,
			pallet_challenges::GpuProof { proven_at: now, model },
		);
	}
}
