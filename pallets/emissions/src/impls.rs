//! How the registry and the lease market feed points in, and the slashing pallet burns.

use crate::*;
use alloc::vec::Vec;
use ember_primitives::{
	BackingObserver, Balance, BurnLedger, DeliveredGpuTime, GpuClassScores, GpuSpec, GpuUuidHash,
	LeaseAttestation, LeaseId, ProviderBacking, ProviderLifecycle, ProviderRegistry,
};
use frame_support::{pallet_prelude::Weight, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> ProviderLifecycle<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn attested(
		_provider: &T::AccountId,
		_now: BlockNumberFor<T>,
		_lines: &[LeaseAttestation],
	) -> Weight {
		// Availability is credited at the registry's liveness check, not at every heartbeat.
		Weight::zero()
	}

	fn attested_weight(_lines: u32) -> Weight {
		Weight::zero()
	}

	fn heard_from(provider: &T::AccountId, last_heartbeat: BlockNumberFor<T>) -> Weight {
		Self::credit_availability(provider, last_heartbeat)
	}

	fn heard_from_weight() -> Weight {
		Self::credit_availability_weight()
	}

	fn went_offline(provider: &T::AccountId, _at: BlockNumberFor<T>) -> Weight {
		Self::stop_crediting(provider);
		Self::went_offline_weight()
	}

	fn went_offline_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn back_online(provider: &T::AccountId, now: BlockNumberFor<T>) -> Weight {
		// Crediting stopped when it went Offline; the heartbeat that brought it back starts it.
		Self::start_crediting(provider, now);
		Self::back_online_weight()
	}

	fn back_online_weight() -> Weight {
		Self::start_crediting_weight()
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

	fn resumed(provider: &T::AccountId, now: BlockNumberFor<T>) -> Weight {
		Self::start_crediting(provider, now);
		Self::resumed_weight()
	}

	fn resumed_weight() -> Weight {
		Self::start_crediting_weight()
	}

	fn deregistered(provider: &T::AccountId) -> Weight {
		// Its record stays until its last reward is claimed, but its time ended here.
		Self::stop_crediting(provider);
		ProvenScores::<T>::remove(provider);
		Self::deregistered_weight()
	}

	fn deregistered_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 2)
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
	/// Then, if the provider takes no work as its backing changes (it is topping up a
	/// shortfall), stop its availability count: crediting starts again at its next heartbeat, so
	/// the time it was short is never credited. A backing change never credits points: it is not
	/// a liveness check, and crediting here would let an owner that stopped heartbeating earn
	/// its silence with a cheap `set_commission` before the liveness hook notices.
	fn backing_changing(provider: &T::AccountId) -> Weight {
		// All or nothing: a claim that cannot complete leaves no trace.
		let paid = frame_support::storage::with_storage_layer(|| Self::do_claim(provider));
		let claim_weight = match paid {
			Ok(backers) => T::WeightInfo::claim_rewards(backers),
			Err(_) => T::DbWeight::get().reads(3),
		};
		// Reading whether it takes work, and its points record.
		let mut credit_weight = T::DbWeight::get().reads(ACCEPTS_WORK_READS.saturating_add(1));
		let crediting =
			ProviderPoints::<T>::get(provider).is_some_and(|record| record.last_credit.is_some());
		if crediting && !T::Registry::accepts_work(provider) {
			Self::stop_crediting(provider);
			credit_weight = credit_weight.saturating_add(T::DbWeight::get().reads_writes(1, 1));
		}
		claim_weight.saturating_add(credit_weight)
	}

	fn backing_changing_weight() -> Weight {
		T::WeightInfo::claim_rewards(T::Backing::max_backers()).saturating_add(
			T::DbWeight::get().reads_writes(ACCEPTS_WORK_READS.saturating_add(2), 1),
		)
	}
}

/// The class table, for the registry's stake units.
impl<T: Config> GpuClassScores for Pallet<T> {
	fn class_scores(gpus: &[GpuSpec]) -> Vec<u32> {
		Self::class_scores_of(gpus.iter())
	}
}

/// Storage reads behind `Registry::accepts_work`: the provider's record, its stake units and
/// its backing.
const ACCEPTS_WORK_READS: u64 = 4;
