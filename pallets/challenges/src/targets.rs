//! The target list: every registered GPU at a position in `0..TargetCount`, so that a block can
//! draw GPUs uniformly without visiting any other.

use crate::*;
use ember_primitives::{GpuSpec, GpuUuidHash};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Put a GPU on the list (once).
	pub(crate) fn add_target(provider: &T::AccountId, gpu: GpuUuidHash) {
		if TargetIndex::<T>::contains_key(provider, gpu) {
			return;
		}
		let position = TargetCount::<T>::get();
		Targets::<T>::insert(position, (provider.clone(), gpu));
		TargetIndex::<T>::insert(provider, gpu, position);
		TargetCount::<T>::put(position.saturating_add(1));
	}

	/// Take a GPU off the list: the last entry moves into its place.
	pub(crate) fn remove_target(provider: &T::AccountId, gpu: GpuUuidHash) {
		let Some(position) = TargetIndex::<T>::take(provider, gpu) else { return };
		let last = TargetCount::<T>::get().saturating_sub(1);
		if position != last {
			if let Some(moved) = Targets::<T>::take(last) {
				TargetIndex::<T>::insert(&moved.0, moved.1, position);
				Targets::<T>::insert(position, moved);
			}
		} else {
			Targets::<T>::remove(position);
		}
		TargetCount::<T>::put(last);
	}

	/// A provider's inventory went from `before` to `after`: the list follows, and a GPU that
	/// left or changed model loses its proof.
	pub(crate) fn follow_inventory(provider: &T::AccountId, before: &[GpuSpec], after: &[GpuSpec]) {
		for old in before {
			match after.iter().find(|new| new.uuid_hash == old.uuid_hash) {
				None => {
					Self::remove_target(provider, old.uuid_hash);
					Self::drop_proof(provider, old.uuid_hash);
				},
				Some(new) if new.model != old.model => {
					Self::drop_proof(provider, old.uuid_hash);
				},
				Some(_) => {},
			}
		}
		for new in after {
			Self::add_target(provider, new.uuid_hash);
		}
	}

	/// `gpu` of `provider` holds `proof` from now. Public for the runtime's tests and
	/// benchmarks, which prove GPUs without challenges.
	pub fn set_proof(
		provider: &T::AccountId,
		gpu: GpuUuidHash,
		proof: GpuProof<BlockNumberFor<T>>,
	) {
		Proofs::<T>::insert(provider, gpu, proof);
		ProofsVersion::<T>::mutate(provider, |version| *version = version.wrapping_add(1));
	}

	/// `gpu` of `provider` holds no proof from now; the version moves only if it held one.
	pub fn drop_proof(provider: &T::AccountId, gpu: GpuUuidHash) {
		if Proofs::<T>::take(provider, gpu).is_some() {
			ProofsVersion::<T>::mutate(provider, |version| *version = version.wrapping_add(1));
		}
	}
}
