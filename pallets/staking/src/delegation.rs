//! What delegators do: delegate to a provider, undelegate and withdraw.

use crate::{
	BalanceOf, Config, Delegation, Delegations, Error, Event, HoldReason, Ledgers, Pallet,
	ProviderDelegators, StakeRecord, TotalDelegated,
};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungible::MutateHold, tokens::Precision, Get},
	BoundedVec,
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The hold reason of delegations, in the runtime's terms.
	pub(crate) fn delegation_hold_reason() -> T::RuntimeHoldReason {
		HoldReason::Delegation.into()
	}

	/// Whether `active` is an acceptable active delegation: none at all, or at least the minimum.
	fn is_allowed_delegation(active: BalanceOf<T>) -> bool {
		active.is_zero() || active >= T::MinDelegation::get()
	}

	/// Add `amount` to the active delegations counted behind `provider`.
	pub(crate) fn increase_total_delegated(provider: &T::AccountId, amount: BalanceOf<T>) {
		TotalDelegated::<T>::mutate(provider, |total| *total = total.saturating_add(amount));
	}

	/// Take `amount` off the active delegations counted behind `provider`, dropping the entry
	/// when it reaches zero.
	pub(crate) fn decrease_total_delegated(provider: &T::AccountId, amount: BalanceOf<T>) {
		TotalDelegated::<T>::mutate_exists(provider, |total| {
			let remaining = total.unwrap_or_else(Zero::zero).saturating_sub(amount);
			*total = if remaining.is_zero() { None } else { Some(remaining) };
		});
	}

	/// Store the delegator list of `provider`, dropping the entry when it is empty.
	pub(crate) fn put_delegators(
		provider: &T::AccountId,
		delegators: BoundedVec<T::AccountId, T::MaxDelegatorsPerProvider>,
	) {
		if delegators.is_empty() {
			ProviderDelegators::<T>::remove(provider);
		} else {
			ProviderDelegators::<T>::insert(provider, delegators);
		}
	}

	pub(crate) fn do_delegate(
		delegator: &T::AccountId,
		provider: &T::AccountId,
		value: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!value.is_zero(), Error::<T>::ZeroAmount);
		ensure!(delegator != provider, Error::<T>::SelfDelegation);
		ensure!(Ledgers::<T>::contains_key(provider), Error::<T>::ProviderNotBonded);
		let now = frame_system::Pallet::<T>::block_number();
		let existing = Delegations::<T>::get(provider, delegator);
		let is_new = existing.is_none();
		let mut delegation = existing.unwrap_or_else(|| Delegation::<T>::new(Zero::zero(), now));
		delegation.active = delegation.active.saturating_add(value);
		delegation.since = now;
		ensure!(delegation.active >= T::MinDelegation::get(), Error::<T>::DelegationBelowMinimum);
		// A new delegator takes a slot in the provider's bounded list.
		let grown_delegators = if is_new {
			let mut delegators = ProviderDelegators::<T>::get(provider);
			delegators
				.try_push(delegator.clone())
				.map_err(|_| Error::<T>::TooManyDelegators)?;
			Some(delegators)
		} else {
			None
		};
		let reason = Self::delegation_hold_reason();
		Self::ensure_can_hold(&reason, delegator, value)?;

		T::Currency::hold(&reason, delegator, value)?;
		Delegations::<T>::insert(provider, delegator, delegation);
		if let Some(delegators) = grown_delegators {
			Self::put_delegators(provider, delegators);
		}
		Self::increase_total_delegated(provider, value);
		Self::deposit_event(Event::Delegated {
			delegator: delegator.clone(),
			provider: provider.clone(),
			amount: value,
		});
		Ok(())
	}

	pub(crate) fn do_undelegate(
		delegator: &T::AccountId,
		provider: &T::AccountId,
		value: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!value.is_zero(), Error::<T>::ZeroAmount);
		let mut delegation =
			Delegations::<T>::get(provider, delegator).ok_or(Error::<T>::NotDelegated)?;
		ensure!(value <= delegation.active, Error::<T>::InsufficientDelegation);
		ensure!(
			Self::is_allowed_delegation(delegation.active.saturating_sub(value)),
			Error::<T>::DelegationBelowMinimum
		);
		let now = frame_system::Pallet::<T>::block_number();
		let unlock_at = now.saturating_add(T::UnbondingPeriod::get());
		delegation.schedule_unlock(value, unlock_at)?;
		delegation.since = now;

		Delegations::<T>::insert(provider, delegator, delegation);
		Self::decrease_total_delegated(provider, value);
		Self::deposit_event(Event::Undelegated {
			delegator: delegator.clone(),
			provider: provider.clone(),
			amount: value,
			unlock_at,
		});
		Ok(())
	}

	pub(crate) fn do_withdraw_delegation(
		delegator: &T::AccountId,
		provider: &T::AccountId,
	) -> DispatchResult {
		let mut delegation =
			Delegations::<T>::get(provider, delegator).ok_or(Error::<T>::NotDelegated)?;
		let withdrawn = delegation.withdraw_unlocked(frame_system::Pallet::<T>::block_number());
		ensure!(!withdrawn.is_zero(), Error::<T>::NothingToWithdraw);

		T::Currency::release(
			&Self::delegation_hold_reason(),
			delegator,
			withdrawn,
			Precision::Exact,
		)?;
		if delegation.is_empty() {
			Delegations::<T>::remove(provider, delegator);
			let mut delegators = ProviderDelegators::<T>::get(provider);
			delegators.retain(|account| account != delegator);
			Self::put_delegators(provider, delegators);
		} else {
			Delegations::<T>::insert(provider, delegator, delegation);
		}
		Self::deposit_event(Event::DelegationWithdrawn {
			delegator: delegator.clone(),
			provider: provider.clone(),
			amount: withdrawn,
		});
		Ok(())
	}
}
