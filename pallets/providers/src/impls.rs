//! What the registry tells other pallets.

use crate::*;
use alloc::vec::Vec;
use ember_primitives::{
	GpuSpec, ProviderJail, ProviderLifecycle, ProviderRegistry, ProviderStake, ProviderStatus,
};
use frame_support::{pallet_prelude::DispatchResult, weights::Weight};

impl<T: Config> ProviderRegistry<T::AccountId> for Pallet<T> {
	fn registered_gpus(owner: &T::AccountId) -> Option<u32> {
		Providers::<T>::get(owner).map(|info| info.gpu_count)
	}

	fn stake_units(owner: &T::AccountId) -> Option<u32> {
		Providers::<T>::get(owner).map(|info| Self::recorded_stake_units(owner, &info))
	}

	fn status(owner: &T::AccountId) -> Option<ProviderStatus> {
		Providers::<T>::get(owner).map(|info| info.status)
	}

	fn provider_of_agent(agent: &T::AccountId) -> Option<T::AccountId> {
		ProviderOfAgent::<T>::get(agent)
	}

	fn accepts_work(owner: &T::AccountId) -> bool {
		Self::accepts_work(owner)
	}

	fn gpus(owner: &T::AccountId) -> Vec<GpuSpec> {
		Inventory::<T>::get(owner).map(|gpus| gpus.into_inner()).unwrap_or_default()
	}

	fn region(owner: &T::AccountId) -> Option<Vec<u8>> {
		Metadata::<T>::get(owner).map(|metadata| metadata.region.into_inner())
	}
}

impl<T: Config> ProviderJail<T::AccountId> for Pallet<T> {
	fn jail(provider: &T::AccountId) -> DispatchResult {
		Self::do_jail(provider)
	}

	fn unjail(provider: &T::AccountId) -> DispatchResult {
		Self::do_unjail(provider)
	}

	fn jail_weight() -> Weight {
		T::WeightInfo::force_jail()
			.saturating_add(T::Lifecycle::heard_from_weight())
			.saturating_add(T::Lifecycle::jailed_weight())
	}

	fn unjail_weight() -> Weight {
		T::WeightInfo::force_unjail().saturating_add(T::Lifecycle::resumed_weight())
	}
}

impl<T: Config> Pallet<T> {
	/// Whether the provider may take new work: registered, Active, not paused, and its owner's
	/// bond still covers its GPUs' stake units (a slash, or a class score raised, may have left
	/// it short until it tops up).
	pub fn accepts_work(owner: &T::AccountId) -> bool {
		Providers::<T>::get(owner).is_some_and(|info| {
			info.status.accepts_work()
				&& !info.paused
				&& T::Stake::has_sufficient_stake(owner, Self::recorded_stake_units(owner, &info))
		})
	}

	/// Why the provider takes no new work, `None` when it does (or is not registered).
	pub fn idle_reason(owner: &T::AccountId) -> Option<IdleReason> {
		let info = Providers::<T>::get(owner)?;
		let units = Self::recorded_stake_units(owner, &info);
		if !info.status.accepts_work() {
			Some(IdleReason::Status(info.status))
		} else if info.paused {
			Some(IdleReason::Paused)
		} else if !T::Stake::has_sufficient_stake(owner, units) {
			Some(IdleReason::BondTooLow {
				bonded: T::Stake::own_stake(owner),
				required: T::Stake::required_stake(units),
			})
		} else {
			None
		}
	}
}
