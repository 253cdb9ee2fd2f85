//! Taking stake from a provider's backers when the provider is punished.

use crate::{
	BalanceOf, Config, Delegation, Delegations, Event, Ledgers, Pallet, ProviderDelegators,
	StakeRecord, LOG_TARGET,
};
use alloc::vec::Vec;
use frame_support::{
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
	BoundedVec,
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, Zero},
	Rounding, SaturatedConversion,
};

/// The part of `amount` that falls on a backer holding `held` out of `backing` in total,
/// rounded down so the shares never add up to more than `amount`.
fn proportional_share<Balance>(amount: Balance, held: Balance, backing: Balance) -> Balance
where
	Balance: sp_runtime::traits::AtLeast32BitUnsigned + Copy,
{
	if amount >= backing {
		return held;
	}
	// `held <= backing` and `amount < backing`, so the exact result is below `held` and fits.
	let share = multiply_by_rational_with_rounding(
		amount.saturated_into::<u128>(),
		held.saturated_into::<u128>(),
		backing.saturated_into::<u128>(),
		Rounding::Down,
	)
	.unwrap_or(0);
	Balance::saturated_from(share).min(held)
}

impl<T: Config> Pallet<T> {
	/// Slash up to `amount` from the owner and delegators of `provider`, each in proportion to
	/// what it holds for the provider, and return the total taken. See
	/// [`ember_primitives::ProviderStakeSlashing::slash`].
	pub(crate) fn do_slash(
		provider: &T::AccountId,
		amount: BalanceOf<T>,
		beneficiary: Option<&T::AccountId>,
	) -> BalanceOf<T> {
		if amount.is_zero() {
			return Zero::zero();
		}
		let ledger = Ledgers::<T>::get(provider);
		let delegators = ProviderDelegators::<T>::get(provider);
		// Bounded by `MaxDelegatorsPerProvider`.
		let delegations: Vec<(T::AccountId, Delegation<T>)> = delegators
			.iter()
			.filter_map(|delegator| {
				Delegations::<T>::get(provider, delegator)
					.map(|delegation| (delegator.clone(), delegation))
			})
			.collect();
		let owner_held = ledger.as_ref().map(|ledger| ledger.total()).unwrap_or_else(Zero::zero);
		let backing = delegations
			.iter()
			.fold(owner_held, |sum, (_, delegation)| sum.saturating_add(delegation.total()));
		if backing.is_zero() {
			return Zero::zero();
		}

		let mut slashed: BalanceOf<T> = Zero::zero();

		if let Some(mut ledger) = ledger {
			let share = proportional_share(amount, ledger.total(), backing);
			let taken = Self::take_held(&Self::bond_hold_reason(), provider, share, beneficiary);
			if !taken.is_zero() {
				ledger.take(taken);
				if ledger.is_empty() {
					Ledgers::<T>::remove(provider);
				} else {
					Ledgers::<T>::insert(provider, ledger);
				}
				slashed = slashed.saturating_add(taken);
				Self::deposit_event(Event::Slashed {
					provider: provider.clone(),
					who: provider.clone(),
					amount: taken,
				});
			}
		}

		let reason = Self::delegation_hold_reason();
		let mut taken_from_active: BalanceOf<T> = Zero::zero();
		let mut remaining_delegators = Vec::with_capacity(delegations.len());
		for (delegator, mut delegation) in delegations {
			let share = proportional_share(amount, delegation.total(), backing);
			let taken = Self::take_held(&reason, &delegator, share, beneficiary);
			if taken.is_zero() {
				remaining_delegators.push(delegator);
				continue;
			}
			let (from_active, _) = delegation.take(taken);
			taken_from_active = taken_from_active.saturating_add(from_active);
			if delegation.is_empty() {
				Delegations::<T>::remove(provider, &delegator);
			} else {
				Delegations::<T>::insert(provider, &delegator, delegation);
				remaining_delegators.push(delegator.clone());
			}
			slashed = slashed.saturating_add(taken);
			Self::deposit_event(Event::Slashed {
				provider: provider.clone(),
				who: delegator,
				amount: taken,
			});
		}

		if !taken_from_active.is_zero() {
			Self::decrease_total_delegated(provider, taken_from_active);
		}
		if remaining_delegators.len() != delegators.len() {
			// A subset of a bounded list, so it stays within the bound.
			Self::put_delegators(provider, BoundedVec::truncate_from(remaining_delegators));
		}
		slashed
	}

	/// Move up to `amount` of what `who` holds for `reason` to `beneficiary`'s free balance, or
	/// burn it when there is no beneficiary, and return the amount moved.
	///
	/// When the beneficiary cannot receive it (e.g. a new account and an amount below the
	/// existential deposit) the amount is burned instead, so an offence is never left unpunished.
	fn take_held(
		reason: &T::RuntimeHoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
		beneficiary: Option<&T::AccountId>,
	) -> BalanceOf<T> {
		if amount.is_zero() {
			return Zero::zero();
		}
		let burn =
			|| T::Currency::burn_held(reason, who, amount, Precision::BestEffort, Fortitude::Force);
		let moved = match beneficiary {
			Some(beneficiary) => T::Currency::transfer_on_hold(
				reason,
				who,
				beneficiary,
				amount,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)
			.or_else(|error| {
				log::warn!(
					target: LOG_TARGET,
					"slash of {:?} could not be paid to {:?} ({:?}); burning it",
					amount,
					beneficiary,
					error,
				);
				burn()
			}),
			None => burn(),
		};
		moved.unwrap_or_else(|error| {
			log::error!(target: LOG_TARGET, "slash of {:?} from {:?} failed: {:?}", amount, who, error);
			Zero::zero()
		})
	}
}
