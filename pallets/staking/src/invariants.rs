//! The pallet's invariants, checked by `try_state` after every block in tests and try-runtime.

// Also compiled with `std` so the runtime's tests can check these invariants.
#![cfg(any(feature = "try-runtime", feature = "std", test))]

use crate::{
	BalanceOf, Config, Delegations, DisplacedDelegators, Ledgers, OwnerMinDelegation, Pallet,
	ProviderDelegators, StakeRecord, TotalDelegated, UnlockChunks,
};
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage against itself and against the holds.
	///
	/// - Each owner holds exactly its ledger's active plus unlocking funds for `ProviderBond`.
	/// - Each delegator holds exactly the sum of its delegations for `Delegation`.
	/// - `TotalDelegated` is the sum of active delegations behind each provider.
	/// - Every delegation with active stake has a slot in `ProviderDelegators`; every listed
	///   delegator (slot or displaced) has a delegation, and is listed once. A delegation with
	///   only unbonding stake may be in neither list: forgotten from a full displaced list.
	/// - No empty ledger, delegation, chunk, list or total is left in storage.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let bond_reason = Self::bond_hold_reason();
		for (owner, ledger) in Ledgers::<T>::iter() {
			ensure!(!ledger.is_empty(), "an empty ledger is left in storage");
			Self::check_chunks(&ledger.unlocking)?;
			ensure!(
				T::Currency::balance_on_hold(&bond_reason, &owner) == ledger.total(),
				"an owner's bond hold differs from its ledger"
			);
		}

		let mut held_by_delegator: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut active_by_provider: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut delegators_by_provider: BTreeMap<T::AccountId, BTreeSet<T::AccountId>> =
			BTreeMap::new();
		let mut active_delegators: BTreeSet<(T::AccountId, T::AccountId)> = BTreeSet::new();
		for (provider, delegator, delegation) in Delegations::<T>::iter() {
			ensure!(!delegation.is_empty(), "an empty delegation is left in storage");
			Self::check_chunks(&delegation.unlocking)?;
			let held = held_by_delegator.entry(delegator.clone()).or_insert_with(Zero::zero);
			*held = held.saturating_add(delegation.total());
			let active = active_by_provider.entry(provider.clone()).or_insert_with(Zero::zero);
			*active = active.saturating_add(delegation.active);
			if !delegation.active.is_zero() {
				active_delegators.insert((provider.clone(), delegator.clone()));
			}
			delegators_by_provider.entry(provider).or_default().insert(delegator);
		}

		let delegation_reason = Self::delegation_hold_reason();
		for (delegator, held) in held_by_delegator {
			ensure!(
				T::Currency::balance_on_hold(&delegation_reason, &delegator) == held,
				"a delegator's hold differs from its delegations"
			);
		}

		for (provider, total) in TotalDelegated::<T>::iter() {
			ensure!(!total.is_zero(), "a zero delegated total is left in storage");
			ensure!(
				active_by_provider.get(&provider) == Some(&total),
				"a delegated total differs from its delegations"
			);
		}
		for (provider, active) in active_by_provider {
			ensure!(
				TotalDelegated::<T>::get(&provider) == active,
				"active delegations are missing from the delegated total"
			);
		}

		// A delegation sits in at most one place: a slot, or the displaced list, where only
		// unbonding stake is left; active stake always has its slot.
		let mut listed_by_provider: BTreeMap<T::AccountId, BTreeSet<T::AccountId>> =
			BTreeMap::new();
		for (provider, listed) in ProviderDelegators::<T>::iter() {
			ensure!(!listed.is_empty(), "an empty delegator list is left in storage");
			let set = listed_by_provider.entry(provider.clone()).or_default();
			for delegator in listed {
				active_delegators.remove(&(provider.clone(), delegator.clone()));
				ensure!(set.insert(delegator), "a delegator is listed twice");
			}
		}
		ensure!(active_delegators.is_empty(), "an active delegation has no slot");
		for (provider, displaced) in DisplacedDelegators::<T>::iter() {
			ensure!(!displaced.is_empty(), "an empty displaced list is left in storage");
			let set = listed_by_provider.entry(provider.clone()).or_default();
			for delegator in displaced {
				ensure!(
					Delegations::<T>::get(&provider, &delegator)
						.is_some_and(|delegation| delegation.active.is_zero()),
					"a displaced delegator still has active stake"
				);
				ensure!(set.insert(delegator), "a delegator is listed twice");
			}
		}
		for (provider, listed) in listed_by_provider {
			let delegations = delegators_by_provider.get(&provider);
			ensure!(
				delegations.is_some_and(|delegations| listed.is_subset(delegations)),
				"a listed delegator has no delegation"
			);
		}
		for (owner, min) in OwnerMinDelegation::<T>::iter() {
			ensure!(!min.is_zero(), "a zero owner minimum is left in storage");
			ensure!(Ledgers::<T>::contains_key(&owner), "an owner minimum outlived its ledger");
		}
		Ok(())
	}

	/// Unlocking chunks never carry zero.
	fn check_chunks(chunks: &UnlockChunks<T>) -> Result<(), TryRuntimeError> {
		ensure!(chunks.iter().all(|chunk| !chunk.value.is_zero()), "an empty chunk is left");
		Ok(())
	}
}
