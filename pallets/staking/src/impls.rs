//! How other Ember pallets see provider stake, through the `ember-primitives` traits.

use crate::{BalanceOf, Config, Ledgers, Pallet, TotalDelegated, WeightInfo};
use ember_primitives::{ProviderStake, ProviderStakeSlashing};
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> ProviderStake<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn required_stake(gpu_count: u32) -> BalanceOf<T> {
		Self::required_stake_for(gpu_count)
	}

	fn own_stake(owner: &T::AccountId) -> BalanceOf<T> {
		Ledgers::<T>::get(owner).map(|ledger| ledger.active).unwrap_or_else(Zero::zero)
	}

	fn total_backing(owner: &T::AccountId) -> BalanceOf<T> {
		Self::own_stake(owner).saturating_add(TotalDelegated::<T>::get(owner))
	}

	fn has_sufficient_stake(owner: &T::AccountId, gpu_count: u32) -> bool {
		Self::own_stake(owner) >= Self::required_stake_for(gpu_count)
	}
}

impl<T: Config> ProviderStakeSlashing<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn slash(
		provider: &T::AccountId,
		amount: BalanceOf<T>,
		beneficiary: Option<&T::AccountId>,
	) -> BalanceOf<T> {
		Self::do_slash(provider, amount, beneficiary)
	}
}

impl<T: Config> Pallet<T> {
	/// Weight of the most expensive slash: a provider with `MaxDelegatorsPerProvider` delegators.
	/// Callers of [`ProviderStakeSlashing::slash`] account for it in their own weight.
	pub fn max_slash_weight() -> Weight {
		T::WeightInfo::slash(T::MaxDelegatorsPerProvider::get())
	}
}
