//! Claims: a provider's reward, split between its owner and delegators.

use crate::*;
use alloc::vec::Vec;
use ember_primitives::{Balance, ProviderBacking, ProviderRegistry};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible, tokens::Preservation},
};
use sp_runtime::helpers_128bit::multiply_by_rational_with_rounding;
use sp_runtime::Rounding;

impl<T: Config> Pallet<T> {
	/// Pay the provider's unclaimed reward from the pot. Returns how many backers were looked
	/// at, for the weight.
	pub(crate) fn do_claim(provider: &T::AccountId) -> Result<u32, DispatchError> {
		let mut record = Self::current_record(provider);
		// A provider that left with nothing owed keeps no record (its last era may have
		// closed after its last claim, or paid it nothing).
		let left = T::Registry::status(provider).is_none();
		if record.unclaimed == 0
			&& record.is_empty()
			&& left && ProviderPoints::<T>::contains_key(provider)
		{
			ProviderPoints::<T>::remove(provider);
			Self::deposit_event(Event::RecordRemoved { provider: provider.clone() });
			return Ok(0);
		}
		ensure!(record.unclaimed > 0, Error::<T>::NothingToClaim);
		let (split, backers) = Self::split(provider, record.unclaimed);

		let pot = Self::pot_account();
		let mut to_delegators: Balance = 0;
		for (delegator, amount) in &split.to_delegators {
			Self::pay(&pot, delegator, *amount)?;
			to_delegators = to_delegators.saturating_add(*amount);
		}
		Self::pay(&pot, provider, split.to_owner)?;

		record.unclaimed = 0;
		// A provider that left keeps no record once it is paid: its liveness bookkeeping
		// (`last_credit`) ended with it.
		if record.is_empty() && (record.last_credit.is_none() || left) {
			ProviderPoints::<T>::remove(provider);
		} else {
			ProviderPoints::<T>::insert(provider, record);
		}
		Self::deposit_event(Event::RewardsClaimed {
			provider: provider.clone(),
			total: split.total,
			to_owner: split.to_owner,
			to_delegators,
			delegators: u32::try_from(split.to_delegators.len()).unwrap_or(u32::MAX),
		});
		Ok(backers)
	}

	/// How `total` splits among the provider's backers by active stake: each delegator its
	/// part less the commission, the owner the rest. Also returns how many backers there were.
	pub fn split(provider: &T::AccountId, total: Balance) -> (RewardSplit<T::AccountId>, u32) {
		let backers = T::Backing::backers(provider);
		let count = u32::try_from(backers.len()).unwrap_or(u32::MAX);
		let stake: Balance =
			backers.iter().map(|(_, stake)| *stake).fold(0, Balance::saturating_add);
		let commission = T::Backing::commission(provider);
		let mut to_delegators = Vec::new();
		let mut paid: Balance = 0;
		if stake > 0 {
			for (delegator, delegated) in backers.into_iter().filter(|(who, _)| who != provider) {
				let part =
					multiply_by_rational_with_rounding(total, delegated, stake, Rounding::Down)
						.unwrap_or(0);
				let amount = part.saturating_sub(commission.mul_ceil(part));
				if amount > 0 {
					paid = paid.saturating_add(amount);
					to_delegators.push((delegator, amount));
				}
			}
		}
		let split = RewardSplit { total, to_owner: total.saturating_sub(paid), to_delegators };
		(split, count)
	}

	fn pay(pot: &T::AccountId, to: &T::AccountId, amount: Balance) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		<T::Currency as fungible::Mutate<_>>::transfer(pot, to, amount, Preservation::Preserve)
			.map(|_| ())
			.map_err(|_| Error::<T>::PotCannotPay.into())
	}
}
