//! Taking stake from a provider's backers when the provider is punished.

use crate::{
	BalanceOf, Config, Delegations, DisplacedDelegators, Event, Ledgers, Pallet,
	ProviderDelegators, StakeRecord, LOG_TARGET,
};
use alloc::vec::Vec;
use ember_primitives::{Exposure, ProviderRegistry, SlashTaken};
use frame_support::traits::{
	fungible::MutateHold,
	tokens::{Fortitude, Precision, Restriction},
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
	/// The backers of `provider` now and what each holds for it (active and unbonding): the
	/// owner first, then every delegator holding anything. See
	/// [`ember_primitives::ProviderStakeSlashing::exposure`].
	pub(crate) fn do_exposure(provider: &T::AccountId) -> Exposure<T::AccountId, BalanceOf<T>> {
		let mut exposure = Vec::new();
		if let Some(ledger) = Ledgers::<T>::get(provider) {
			if !ledger.total().is_zero() {
				exposure.push((provider.clone(), ledger.total()));
			}
		}
		// Bounded by twice `MaxDelegatorsPerProvider`: the slots and the displaced, whose
		// unbonding stake is as slashable as anyone's.
		let listed = ProviderDelegators::<T>::get(provider);
		let displaced = DisplacedDelegators::<T>::get(provider);
		for delegator in listed.into_iter().chain(displaced) {
			let held = Delegations::<T>::get(provider, &delegator)
				.map(|delegation| delegation.total())
				.unwrap_or_else(Zero::zero);
			if !held.is_zero() {
				exposure.push((delegator, held));
			}
		}
		exposure
	}

	/// Slash up to `amount` from the backers of `provider` named in `exposure`: the owner's own
	/// bond first, up to what it held then, and only the rest from the delegators, each in
	/// proportion to what it held then. Nobody pays more than it holds now, and delegators
	/// never pay for what the owner no longer holds. See
	/// [`ember_primitives::ProviderStakeSlashing::slash`].
	pub(crate) fn do_slash(
		provider: &T::AccountId,
		exposure: &[(T::AccountId, BalanceOf<T>)],
		amount: BalanceOf<T>,
		beneficiary: Option<&T::AccountId>,
	) -> SlashTaken<BalanceOf<T>> {
		let mut taken = SlashTaken::default();
		if amount.is_zero() {
			return taken;
		}
		// The owner's bond is the first loss: it is what the provider put at risk.
		let owner_then = exposure
			.iter()
			.find(|(backer, _)| backer == provider)
			.map(|(_, held)| *held)
			.unwrap_or_else(Zero::zero);
		let owner_share = amount.min(owner_then);
		if let Some(mut ledger) = Ledgers::<T>::get(provider).filter(|_| !owner_share.is_zero()) {
			let moved = Self::take_held(
				&Self::bond_hold_reason(),
				provider,
				owner_share.min(ledger.total()),
				beneficiary,
			);
			if !moved.is_zero() {
				ledger.take(moved);
				if ledger.is_empty() {
					Ledgers::<T>::remove(provider);
					crate::OwnerMinDelegation::<T>::remove(provider);
				} else {
					Ledgers::<T>::insert(provider, ledger);
				}
				taken.from_owner = moved;
				Self::deposit_event(Event::Slashed {
					provider: provider.clone(),
					who: provider.clone(),
					amount: moved,
				});
				Self::report_shortfall(provider);
			}
		}

		let rest = amount.saturating_sub(owner_share);
		let delegated_then = exposure
			.iter()
			.filter(|(backer, _)| backer != provider)
			.fold(BalanceOf::<T>::zero(), |sum, (_, held)| sum.saturating_add(*held));
		if rest.is_zero() || delegated_then.is_zero() {
			return taken;
		}
		let reason = Self::delegation_hold_reason();
		let mut taken_from_active: BalanceOf<T> = Zero::zero();
		let mut emptied: Vec<T::AccountId> = Vec::new();
		for (backer, held_then) in exposure.iter().filter(|(backer, _)| backer != provider) {
			let share = proportional_share(rest, *held_then, delegated_then);
			if share.is_zero() {
				continue;
			}
			// A delegator that has since left (or was slashed empty) has nothing left to take.
			let Some(mut delegation) = Delegations::<T>::get(provider, backer) else { continue };
			let moved =
				Self::take_held(&reason, backer, share.min(delegation.total()), beneficiary);
			if moved.is_zero() {
				continue;
			}
			let (from_active, _) = delegation.take(moved);
			taken_from_active = taken_from_active.saturating_add(from_active);
			if delegation.is_empty() {
				Delegations::<T>::remove(provider, backer);
				emptied.push(backer.clone());
			} else {
				Delegations::<T>::insert(provider, backer, delegation);
			}
			taken.from_delegators = taken.from_delegators.saturating_add(moved);
			Self::deposit_event(Event::Slashed {
				provider: provider.clone(),
				who: backer.clone(),
				amount: moved,
			});
		}

		if !taken_from_active.is_zero() {
			Self::decrease_total_delegated(provider, taken_from_active);
		}
		for delegator in &emptied {
			Self::forget_delegator(provider, delegator);
		}
		taken
	}

	/// Tell the owner when its active bond no longer covers its registered GPUs.
	fn report_shortfall(owner: &T::AccountId) {
		let Some(units) = T::Registry::stake_units(owner) else { return };
		let required = Self::required_stake_for(units);
		let bonded =
			Ledgers::<T>::get(owner).map(|ledger| ledger.active).unwrap_or_else(Zero::zero);
		if bonded < required {
			Self::deposit_event(Event::BondBelowRequired {
				owner: owner.clone(),
				bonded,
				required,
			});
		}
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
