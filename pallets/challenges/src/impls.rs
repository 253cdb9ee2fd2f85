//! What the pallet tells the others: which GPUs are proven (emissions and the lease market ask),
//! and how it follows inventory changes (the registry tells it).

use crate::*;
use ember_primitives::{GpuProofs, GpuSpec, InventoryObserver};
use frame_support::pallet_prelude::*;
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> GpuProofs<T::AccountId> for Pallet<T> {
	fn is_proven(provider: &T::AccountId, gpu: &GpuSpec) -> bool {
		Self::proven_for(provider, gpu).is_some()
	}

	fn proven_for(provider: &T::AccountId, gpu: &GpuSpec) -> Option<u32> {
		let proof = Proofs::<T>::get(provider, gpu.uuid_hash)?;
		let now = frame_system::Pallet::<T>::block_number();
		let expires = proof.proven_at.saturating_add(T::ProofValidity::get());
		let same_model = proof.model == sp_core::H256(sp_crypto_hashing::blake2_256(&gpu.model));
		(same_model && now < expires).then(|| expires.saturating_sub(now).saturated_into())
	}

	fn proofs_version(provider: &T::AccountId) -> u32 {
		ProofsVersion::<T>::get(provider)
	}

	fn is_challenged(provider: &T::AccountId, gpu: &ember_primitives::GpuUuidHash) -> bool {
		ChallengeOfGpu::<T>::get(provider, gpu)
			.and_then(OpenChallenges::<T>::get)
			.is_some_and(|info| matches!(info.phase, Phase::Computing { .. }))
	}
}

impl<T: Config> InventoryObserver<T::AccountId> for Pallet<T> {
	fn inventory_changed(provider: &T::AccountId, before: &[GpuSpec], after: &[GpuSpec]) {
		Self::follow_inventory(provider, before, after)
	}

	fn inventory_changed_weight(gpus: u32) -> Weight {
		T::WeightInfo::inventory_changed(gpus)
	}
}
