//! How other Ember pallets see provider stake, through the `ember-primitives` traits.

use crate::{
	BalanceOf, Config, Delegations, Ledgers, Pallet, ProviderDelegators, TotalDelegated, WeightInfo,
};
use alloc::vec::Vec;
use ember_primitives::{BackingObserver, ProviderBacking, ProviderStake, ProviderStakeSlashing};
use ember_primitives::{Exposure, SlashTaken};
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

impl<T: Config> ProviderStake<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn required_stake(units: u32) -> BalanceOf<T> {
		Self::required_stake_for(units)
	}

	fn own_stake(owner: &T::AccountId) -> BalanceOf<T> {
		Ledgers::<T>::get(owner).map(|ledger| ledger.active).unwrap_or_else(Zero::zero)
	}

	fn total_backing(owner: &T::AccountId) -> BalanceOf<T> {
		Self::own_stake(owner).saturating_add(TotalDelegated::<T>::get(owner))
	}

	fn has_sufficient_stake(owner: &T::AccountId, units: u32) -> bool {
		Self::own_stake(owner) >= Self::required_stake_for(units)
	}
}

impl<T: Config> ProviderStakeSlashing<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn exposure(provider: &T::AccountId) -> Exposure<T::AccountId, BalanceOf<T>> {
		Self::do_exposure(provider)
	}

	fn slash(
		provider: &T::AccountId,
		exposure: &[(T::AccountId, BalanceOf<T>)],
		amount: BalanceOf<T>,
		beneficiary: Option<&T::AccountId>,
	) -> SlashTaken<BalanceOf<T>> {
		T::Observer::backing_changing(provider);
		Self::do_slash(provider, exposure, amount, beneficiary)
	}

	fn slashable_backing(provider: &T::AccountId) -> BalanceOf<T> {
		Self::do_exposure(provider)
			.iter()
			.fold(Zero::zero(), |sum: BalanceOf<T>, (_, held)| sum.saturating_add(*held))
	}

	fn max_exposure() -> u32 {
		// The owner, the delegators in their slots, and those displaced from them.
		T::MaxDelegatorsPerProvider::get().saturating_mul(2).saturating_add(1)
	}
}

impl<T: Config> ProviderBacking<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn commission(provider: &T::AccountId) -> Perbill {
		Ledgers::<T>::get(provider).map(|ledger| ledger.commission).unwrap_or_default()
	}

	fn backers(provider: &T::AccountId) -> Vec<(T::AccountId, BalanceOf<T>)> {
		let mut backers = Vec::new();
		backers.push((provider.clone(), Self::own_stake(provider)));
		for delegator in ProviderDelegators::<T>::get(provider) {
			let active = Delegations::<T>::get(provider, &delegator)
				.map(|delegation| delegation.active)
				.unwrap_or_else(Zero::zero);
			if !active.is_zero() {
				backers.push((delegator, active));
			}
		}
		backers
	}

	fn is_delegator(provider: &T::AccountId, who: &T::AccountId) -> bool {
		Delegations::<T>::contains_key(provider, who)
	}

	fn max_backers() -> u32 {
		T::MaxDelegatorsPerProvider::get().saturating_add(1)
	}
}

impl<T: Config> Pallet<T> {
	/// Weight of the most expensive slash: a provider with every delegator it may have in its
	/// slots and as many displaced ones (the measured cost per delegator, counted for both).
	/// Callers of [`ProviderStakeSlashing::slash`] account for it in their own weight.
	pub fn max_slash_weight() -> Weight {
		T::WeightInfo::slash(T::MaxDelegatorsPerProvider::get().saturating_mul(2))
			.saturating_add(T::Observer::backing_changing_weight())
	}
}
