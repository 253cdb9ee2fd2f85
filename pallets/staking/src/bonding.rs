//! What owners do with their provider's bond: bond, unbond, rebond, withdraw, set commission.

use crate::{
	BalanceOf, Config, Error, Event, HoldReason, Ledgers, Pallet, ProviderLedger, StakeRecord,
};
use ember_primitives::ProviderRegistry;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::Precision,
		Get,
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

impl<T: Config> Pallet<T> {
	/// The hold reason of owner bonds, in the runtime's terms.
	pub(crate) fn bond_hold_reason() -> T::RuntimeHoldReason {
		HoldReason::ProviderBond.into()
	}

	/// Bond an owner must keep to offer GPUs worth `units` stake units.
	pub(crate) fn required_stake_for(units: u32) -> BalanceOf<T> {
		T::ProviderStakePerUnit::get()
			.saturating_mul(units.into())
			.saturating_add(T::ProviderBaseStake::get())
	}

	/// Bond `owner` must keep given the GPUs it has registered; nothing when unregistered.
	pub(crate) fn required_stake_of(owner: &T::AccountId) -> BalanceOf<T> {
		T::Registry::stake_units(owner)
			.map(Self::required_stake_for)
			.unwrap_or_else(Zero::zero)
	}

	/// Whether `active` is an acceptable active bond: none at all, or at least the minimum.
	fn is_allowed_bond(active: BalanceOf<T>) -> bool {
		active.is_zero() || active >= T::MinProviderBond::get()
	}

	/// Fail with `InsufficientBalance` unless `who` can put `value` more on hold for `reason`.
	pub(crate) fn ensure_can_hold(
		reason: &T::RuntimeHoldReason,
		who: &T::AccountId,
		value: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(T::Currency::can_hold(reason, who, value), Error::<T>::InsufficientBalance);
		Ok(())
	}

	pub(crate) fn do_bond(owner: &T::AccountId, value: BalanceOf<T>) -> DispatchResult {
		ensure!(!value.is_zero(), Error::<T>::ZeroAmount);
		ensure!(!Ledgers::<T>::contains_key(owner), Error::<T>::AlreadyBonded);
		ensure!(value >= T::MinProviderBond::get(), Error::<T>::BondBelowMinimum);
		let reason = Self::bond_hold_reason();
		Self::ensure_can_hold(&reason, owner, value)?;

		T::Currency::hold(&reason, owner, value)?;
		Ledgers::<T>::insert(owner, ProviderLedger::<T>::new(value));
		Self::deposit_event(Event::Bonded { owner: owner.clone(), amount: value });
		Ok(())
	}

	pub(crate) fn do_bond_extra(owner: &T::AccountId, value: BalanceOf<T>) -> DispatchResult {
		ensure!(!value.is_zero(), Error::<T>::ZeroAmount);
		let mut ledger = Ledgers::<T>::get(owner).ok_or(Error::<T>::NotBonded)?;
		ledger.active = ledger.active.saturating_add(value);
		ensure!(ledger.active >= T::MinProviderBond::get(), Error::<T>::BondBelowMinimum);
		let reason = Self::bond_hold_reason();
		Self::ensure_can_hold(&reason, owner, value)?;

		T::Currency::hold(&reason, owner, value)?;
		Ledgers::<T>::insert(owner, ledger);
		Self::deposit_event(Event::Bonded { owner: owner.clone(), amount: value });
		Ok(())
	}

	pub(crate) fn do_unbond(owner: &T::AccountId, value: BalanceOf<T>) -> DispatchResult {
		ensure!(!value.is_zero(), Error::<T>::ZeroAmount);
		let mut ledger = Ledgers::<T>::get(owner).ok_or(Error::<T>::NotBonded)?;
		ensure!(value <= ledger.active, Error::<T>::InsufficientActiveBond);
		let remaining = ledger.active.saturating_sub(value);
		ensure!(remaining >= Self::required_stake_of(owner), Error::<T>::BelowRequiredStake);
		ensure!(Self::is_allowed_bond(remaining), Error::<T>::BondBelowMinimum);
		let unlock_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		ledger.schedule_unlock(value, unlock_at)?;

		Ledgers::<T>::insert(owner, ledger);
		Self::deposit_event(Event::Unbonded { owner: owner.clone(), amount: value, unlock_at });
		Ok(())
	}

	pub(crate) fn do_rebond(owner: &T::AccountId, value: BalanceOf<T>) -> DispatchResult {
		ensure!(!value.is_zero(), Error::<T>::ZeroAmount);
		let mut ledger = Ledgers::<T>::get(owner).ok_or(Error::<T>::NotBonded)?;
		ensure!(value <= ledger.unlocking_total(), Error::<T>::RebondExceedsUnbonding);
		ensure!(
			ledger.active.saturating_add(value) >= T::MinProviderBond::get(),
			Error::<T>::BondBelowMinimum
		);
		let rebonded = ledger.rebond(value);

		Ledgers::<T>::insert(owner, ledger);
		Self::deposit_event(Event::Rebonded { owner: owner.clone(), amount: rebonded });
		Ok(())
	}

	pub(crate) fn do_withdraw_unbonded(owner: &T::AccountId) -> DispatchResult {
		let mut ledger = Ledgers::<T>::get(owner).ok_or(Error::<T>::NotBonded)?;
		ensure!(
			!<T::Punishments as ember_primitives::ProviderPunishments<_>>::is_pending(owner),
			Error::<T>::PunishmentPending
		);
		let withdrawn = ledger.withdraw_unlocked(frame_system::Pallet::<T>::block_number());
		ensure!(!withdrawn.is_zero(), Error::<T>::NothingToWithdraw);

		T::Currency::release(&Self::bond_hold_reason(), owner, withdrawn, Precision::Exact)?;
		if ledger.is_empty() {
			Ledgers::<T>::remove(owner);
			crate::OwnerMinDelegation::<T>::remove(owner);
		} else {
			Ledgers::<T>::insert(owner, ledger);
		}
		Self::deposit_event(Event::Withdrawn { owner: owner.clone(), amount: withdrawn });
		Ok(())
	}

	pub(crate) fn do_set_commission(owner: &T::AccountId, commission: Perbill) -> DispatchResult {
		let mut ledger = Ledgers::<T>::get(owner).ok_or(Error::<T>::NotBonded)?;
		ensure!(commission <= T::MaxCommission::get(), Error::<T>::CommissionTooHigh);
		ledger.commission = commission;

		Ledgers::<T>::insert(owner, ledger);
		Self::deposit_event(Event::CommissionSet { owner: owner.clone(), commission });
		Ok(())
	}
}
