//! How the registry and the lease market feed points in, and the slashing pallet burns.

use crate::*;
use ember_primitives::{
	BackingObserver, Balance, BurnLedger, DeliveredGpuTime, GpuUuidHash, LeaseAttestation, LeaseId,
	ProviderBacking, ProviderLifecycle,
};
use frame_support::{pallet_prelude::Weight, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> ProviderLifecycle<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn attested(
		provider: &T::AccountId,
		now: BlockNumberFor<T>,
		_lines: &[LeaseAttestation],
	) -> Weight {
		let scored = Self::credit_availability(provider, now);
		T::WeightInfo::credit_availability(scored)
	}

	fn attested_weight(_lines: u32) -> Weight {
		T::WeightInfo::credit_availability(T::MaxGpusPerProvider::get())
	}

	fn went_offline(provider: &T::AccountId, _at: BlockNumberFor<T>) -> Weight {
		Self::stop_crediting(provider);
		Self::went_offline_weight()
	}

	fn went_offline_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn back_online(_provider: &T::AccountId, _now: BlockNumberFor<T>) -> Weight {
		// Crediting stopped when it went Offline; the heartbeat that brought it back starts it.
		Weight::zero()
	}

	fn back_online_weight() -> Weight {
		Weight::zero()
	}

	fn jailed(provider: &T::AccountId) -> Weight {
		Self::stop_crediting(provider);
		Self::jailed_weight()
	}

	fn jailed_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn paused(provider: &T::AccountId) -> Weight {
		Self::stop_crediting(provider);
		Self::paused_weight()
	}

	fn paused_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}
}

impl<T: Config> DeliveredGpuTime<T::AccountId, Balance> for Pallet<T> {
	fn delivered(
		provider: &T::AccountId,
		tenant: &T::AccountId,
		_lease: LeaseId,
		gpus: &[GpuUuidHash],
		blocks: u32,
		_paid: Balance,
		fee: Balance,
	) {
		Self::credit_lease(provider, tenant, gpus, blocks, fee);
	}
}

impl<T: Config> BurnLedger<Balance> for Pallet<T> {
	fn burned(amount: Balance) {
		Self::note_burned(amount);
	}
}

impl<T: Config> BackingObserver<T::AccountId> for Pallet<T> {
	/// Pay out what the provider earned in closed eras before its backing or commission changes,
	/// so a delegation made just before a claim takes nothing earned before it.
	///
	/// Then settle its availability up to now, as a heartbeat would: the time before the change
	/// is credited if it took work until now, and a provider whose bond falls short between two
	/// heartbeats and is topped up before the next is not credited for the time it was short
	/// (the top-up finds it short, and crediting starts again at its next heartbeat).
	fn backing_changing(provider: &T::AccountId) -> Weight {
		// All or nothing: a claim that cannot complete leaves no trace.
		let paid = frame_support::storage::with_storage_layer(|| Self::do_claim(provider));
		let claim_weight = match paid {
			Ok(backers) => T::WeightInfo::claim_rewards(backers),
			Err(_) => T::DbWeight::get().reads(3),
		};
		let crediting =
			ProviderPoints::<T>::get(provider).is_some_and(|record| record.last_credit.is_some());
		let credit_weight = if crediting {
			let now = frame_system::Pallet::<T>::block_number();
			T::WeightInfo::credit_availability(Self::credit_availability(provider, now))
		} else {
			T::DbWeight::get().reads(1)
		};
		claim_weight.saturating_add(credit_weight)
	}

	fn backing_changing_weight() -> Weight {
		T::WeightInfo::claim_rewards(T::Backing::max_backers())
			.saturating_add(T::WeightInfo::credit_availability(T::MaxGpusPerProvider::get()))
	}
}
