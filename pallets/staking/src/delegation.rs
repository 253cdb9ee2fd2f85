//! What delegators do: delegate to a provider, undelegate and withdraw.

use crate::{
	BalanceOf, Config, Delegation, Delegations, DisplacedDelegators, Error, Event, HoldReason,
	Ledgers, OwnerMinDelegation, Pallet, ProviderDelegators, StakeRecord, TotalDelegated,
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

	/// The smallest active delegation `provider` takes: the chain's minimum, or its owner's
	/// when higher.
	pub(crate) fn min_delegation_for(provider: &T::AccountId) -> BalanceOf<T> {
		OwnerMinDelegation::<T>::get(provider)
			.map_or_else(T::MinDelegation::get, |own| own.max(T::MinDelegation::get()))
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
		let mut delegation =
			Delegations::<T>::get(provider, delegator).unwrap_or_else(|| Delegation::<T>::new());
		delegation.active = delegation.active.saturating_add(value);
		ensure!(delegation.active >= T::MinDelegation::get(), Error::<T>::DelegationBelowMinimum);
		ensure!(
			delegation.active >= Self::min_delegation_for(provider),
			Error::<T>::BelowOwnerMinimum
		);
		let mut delegators = ProviderDelegators::<T>::get(provider);
		// A delegator without a slot (new, or displaced earlier) needs one.
		let needs_slot = !delegators.contains(delegator);
		let mut displaced_list = DisplacedDelegators::<T>::get(provider);
		let mut displacement = None;
		if needs_slot {
			// A delegator displaced earlier takes a slot again: it leaves the displaced list
			// first, which may make room there.
			displaced_list.retain(|account| account != delegator);
			if delegators.is_full() {
				let (smallest, mut record) = Self::smallest_delegation(provider, &delegators)
					.filter(|(_, record)| record.active < delegation.active)
					.ok_or(Error::<T>::TooManyDelegators)?;
				let unlock_at = now.saturating_add(T::UnbondingPeriod::get());
				let amount = record.active;
				if !amount.is_zero() {
					record.unlock_all_active(unlock_at);
				}
				delegators.retain(|account| *account != smallest);
				if displaced_list.is_full() {
					Self::forget_least_exposed(provider, &mut displaced_list, now);
				}
				displaced_list
					.try_push(smallest.clone())
					.map_err(|_| Error::<T>::TooManyDelegators)?;
				displacement = Some((smallest, record, amount, unlock_at));
			}
			delegators
				.try_push(delegator.clone())
				.map_err(|_| Error::<T>::TooManyDelegators)?;
		}
		let reason = Self::delegation_hold_reason();
		Self::ensure_can_hold(&reason, delegator, value)?;

		T::Currency::hold(&reason, delegator, value)?;
		Delegations::<T>::insert(provider, delegator, delegation);
		if needs_slot {
			Self::put_delegators(provider, delegators);
			Self::put_displaced(provider, displaced_list);
		}
		Self::increase_total_delegated(provider, value);
		if let Some((smallest, record, amount, unlock_at)) = displacement {
			Delegations::<T>::insert(provider, &smallest, record);
			Self::decrease_total_delegated(provider, amount);
			Self::deposit_event(Event::DelegationDisplaced {
				delegator: smallest,
				provider: provider.clone(),
				amount,
				unlock_at,
			});
		}
		Self::deposit_event(Event::Delegated {
			delegator: delegator.clone(),
			provider: provider.clone(),
			amount: value,
		});
		Ok(())
	}

	/// The delegator with the smallest active delegation in `delegators` (the earliest listed
	/// among equals), with its record. Reads every listed delegation: at most
	/// `MaxDelegatorsPerProvider`.
	fn smallest_delegation(
		provider: &T::AccountId,
		delegators: &[T::AccountId],
	) -> Option<(T::AccountId, Delegation<T>)> {
		let mut smallest: Option<(T::AccountId, Delegation<T>)> = None;
		for delegator in delegators {
			let Some(record) = Delegations::<T>::get(provider, delegator) else { continue };
			if smallest.as_ref().is_none_or(|(_, least)| record.active < least.active) {
				smallest = Some((delegator.clone(), record));
			}
		}
		smallest
	}

	/// Make room in a full displaced list: drop the entry whose stake is least exposed, one
	/// whose unbonding has ended before one still unbonding, and the smaller holding among
	/// those. The dropped delegator keeps its record and withdraws as before, but no longer
	/// backs the provider: later offences are not charged to it. Without this a list filled
	/// with displaced dust would stop every later displacement. Reads at most
	/// `MaxDelegatorsPerProvider` delegations.
	fn forget_least_exposed(
		provider: &T::AccountId,
		displaced: &mut BoundedVec<T::AccountId, T::MaxDelegatorsPerProvider>,
		now: frame_system::pallet_prelude::BlockNumberFor<T>,
	) {
		let least = displaced
			.iter()
			.map(|delegator| {
				let record = Delegations::<T>::get(provider, delegator).unwrap_or_default();
				let unbonding = record.unlocking.iter().any(|chunk| chunk.unlock_at > now);
				(unbonding, record.total(), delegator.clone())
			})
			.min_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
			.map(|(_, _, delegator)| delegator);
		if let Some(forgotten) = least {
			displaced.retain(|account| *account != forgotten);
			Self::deposit_event(Event::DisplacedDelegatorForgotten {
				delegator: forgotten,
				provider: provider.clone(),
			});
		}
	}

	/// Store the displaced delegators of `provider`, dropping the entry when it is empty.
	pub(crate) fn put_displaced(
		provider: &T::AccountId,
		displaced: BoundedVec<T::AccountId, T::MaxDelegatorsPerProvider>,
	) {
		if displaced.is_empty() {
			DisplacedDelegators::<T>::remove(provider);
		} else {
			DisplacedDelegators::<T>::insert(provider, displaced);
		}
	}

	/// Forget `delegator` behind `provider`, whose delegation is empty: out of its slot or the
	/// displaced list, wherever it is.
	pub(crate) fn forget_delegator(provider: &T::AccountId, delegator: &T::AccountId) {
		let mut delegators = ProviderDelegators::<T>::get(provider);
		if delegators.contains(delegator) {
			delegators.retain(|account| account != delegator);
			Self::put_delegators(provider, delegators);
			return;
		}
		let mut displaced = DisplacedDelegators::<T>::get(provider);
		displaced.retain(|account| account != delegator);
		Self::put_displaced(provider, displaced);
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
		ensure!(
			!<T::Punishments as ember_primitives::ProviderPunishments<_>>::is_pending(provider),
			Error::<T>::PunishmentPending
		);
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
			Self::forget_delegator(provider, delegator);
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
