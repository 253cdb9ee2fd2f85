//! How much stake a provider's GPUs need. Each GPU weighs stake units by the class score of the
//! model it claims, so claiming a stronger GPU puts more of the owner's bond at risk.
//!
//! The units are worked out from the inventory and the class table when the provider registers
//! or changes its inventory, and kept in [`StakeUnits`], so that the checks on every bid,
//! lease and heartbeat read one number. When governance changes a class score, anyone may
//! bring a provider's units up to date with `refresh_stake_units`.

use crate::*;
use ember_primitives::{stake_units_of_score, GpuClassScores, GpuSpec, ProviderStake};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};

impl<T: Config> Pallet<T> {
	/// The stake units `gpus` weigh under today's class scores.
	pub fn stake_units_for(gpus: &[GpuSpec]) -> u32 {
		let unit = T::StakeUnitScore::get();
		T::ClassScores::class_scores(gpus)
			.into_iter()
			.map(|score| stake_units_of_score(score, unit))
			.fold(0u32, |sum, units| sum.saturating_add(units))
	}

	/// The stake units on record for a registered provider. A provider without a record (one
	/// registered before stake followed the class) weighs one unit per GPU until refreshed.
	pub(crate) fn recorded_stake_units(owner: &T::AccountId, info: &ProviderInfo<T>) -> u32 {
		StakeUnits::<T>::get(owner).unwrap_or(info.gpu_count)
	}

	/// Put `units` on record for `owner`, and say what its bond must now cover.
	pub(crate) fn record_stake_units(owner: &T::AccountId, units: u32) {
		StakeUnits::<T>::insert(owner, units);
		Self::deposit_event(Event::StakeUnitsSet {
			provider: owner.clone(),
			units,
			required: T::Stake::required_stake(units),
		});
	}

	pub(crate) fn do_refresh_stake_units(provider: &T::AccountId) -> DispatchResult {
		let info = Providers::<T>::get(provider).ok_or(Error::<T>::NotRegistered)?;
		let gpus = Inventory::<T>::get(provider).unwrap_or_default();
		let units = Self::stake_units_for(&gpus);
		ensure!(
			units != Self::recorded_stake_units(provider, &info),
			Error::<T>::StakeUnitsUnchanged
		);
		Self::record_stake_units(provider, units);
		Ok(())
	}
}
