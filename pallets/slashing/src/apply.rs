//! The block hook: jail the providers queued for this block, then apply the slashes whose
//! dispute window has ended, within `HookBudget`.
//!
//! A block reads only its own queues (and those of earlier blocks still holding slashes the
//! budget had no room for), so its cost follows what is due and never the number of providers.

use crate::*;
use ember_primitives::{
	queue::drain_within_budget, Balance, BurnLedger, ProviderJail, ProviderStakeSlashing,
	SlashTaken,
};
use frame_support::{
	pallet_prelude::Weight,
	traits::{
		fungible::{self, Balanced, Inspect},
		tokens::{Fortitude, Precision, Preservation},
		Get, Imbalance,
	},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, Zero},
	Rounding,
};

/// Funds taken out of the pot and not yet paid out; dropping it burns what it holds.
type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

impl<T: Config> Pallet<T> {
	/// Work through what is due at `now`: the jails first, then the slashes whose dispute
	/// window has ended, oldest first, within `HookBudget` (and at most one slash beyond it).
	/// Slashes that do not fit stay queued (their block noted in `ApplyBacklog`) and are applied
	/// first by the next blocks; until then governance may still cancel them.
	pub(crate) fn process_block(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();

		for provider in JailQueue::<T>::take(now) {
			Self::jail_queued(&provider, now);
			weight.saturating_accrue(
				T::WeightInfo::jail_deferred().saturating_add(T::Jail::jail_weight()),
			);
		}

		// Slashes wait, oldest first, for a block with room in the budget: a burst of them (each
		// moving every backer's stake) never crowds out transactions.
		let from = ApplyBacklog::<T>::get().unwrap_or(now);
		let (used, resume) = drain_within_budget(
			from,
			now,
			T::HookBudget::get().saturating_sub(weight),
			T::DbWeight::get().reads_writes(1, 1),
			|block| ApplyQueue::<T>::take(block).into_inner(),
			|block, rest| ApplyQueue::<T>::insert(block, BoundedVec::truncate_from(rest)),
			|_| {
				T::WeightInfo::apply_slash(T::MaxHarmedLeases::get())
					.saturating_add(T::StakeSlashWeight::get())
			},
			|_, id| match Self::apply_slash(id) {
				Some(harmed) => {
					T::WeightInfo::apply_slash(harmed).saturating_add(T::StakeSlashWeight::get())
				},
				None => T::DbWeight::get().reads(1),
			},
		);
		ApplyBacklog::<T>::set(resume);
		weight
			.saturating_add(used)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}

	/// Apply a pending slash: take it from the provider's backers into the pot, compensate the
	/// harmed tenants, and send the rest to its destination, so the pot ends empty. Returns the
	/// number of harmed leases, `None` when the slash is no longer pending.
	pub(crate) fn apply_slash(id: SlashId) -> Option<u32> {
		let slash = PendingSlashes::<T>::take(id)?;
		Self::remove_pending(&slash.provider);
		// A slash reported before exposures were recorded falls on today's backers.
		let exposure = SlashExposure::<T>::take(id)
			.map(|exposure| exposure.into_inner())
			.unwrap_or_else(|| T::Stake::exposure(&slash.provider));
		let harmed_count = u32::try_from(slash.harmed.len()).unwrap_or(u32::MAX);
		let pot = Self::pot();

		let before = T::Currency::balance(&pot);
		let taken = if slash.amount.is_zero() {
			SlashTaken::default()
		} else {
			T::Stake::slash(&slash.provider, &exposure, slash.amount, Some(&pot))
		};
		let slashed = taken.total();
		let received = T::Currency::balance(&pot).saturating_sub(before).min(slashed);
		// What the staking pallet could not move into the empty pot (a share below the
		// existential deposit) it burned instead.
		let mut burned = slashed.saturating_sub(received);

		// Paying out of one credit leaves no dust behind: transfers out of the pot one by one
		// could leave it below the existential deposit and lose the remainder.
		let mut credit = Self::take_from_pot(&pot, received);
		// Tenants are paid only out of the owner's own bond: what its delegators lose goes to
		// the treasury, so an owner renting from itself never profits from its own offence.
		let compensable = taken.from_owner.min(received);
		let compensated = Self::compensate(id, &slash.harmed, compensable, &mut credit);

		let rest = credit.peek();
		let mut to_treasury: Balance = Zero::zero();
		let unpaid = match Destination::<T>::get() {
			SlashDestination::Treasury if !rest.is_zero() => {
				match T::Currency::resolve(&T::TreasuryAccount::get(), credit) {
					Ok(()) => {
						to_treasury = rest;
						CreditOf::<T>::zero()
					},
					// A new treasury account cannot take less than the existential deposit.
					Err(credit) => credit,
				}
			},
			_ => credit,
		};
		burned.saturating_accrue(unpaid.peek());
		// Dropping the credit burns it: total issuance falls by exactly its amount.
		drop(unpaid);
		if !burned.is_zero() {
			T::Burns::burned(burned);
		}

		Self::deposit_event(Event::SlashApplied {
			slash: id,
			provider: slash.provider,
			slashed,
			from_owner: taken.from_owner,
			compensated,
			to_treasury,
			burned,
		});
		Some(harmed_count)
	}

	/// Take `amount` out of the pot, all of what the slash put there.
	fn take_from_pot(pot: &T::AccountId, amount: Balance) -> CreditOf<T> {
		if amount.is_zero() {
			return CreditOf::<T>::zero();
		}
		T::Currency::withdraw(
			pot,
			amount,
			Precision::Exact,
			Preservation::Expendable,
			Fortitude::Polite,
		)
		.unwrap_or_else(|error| {
			// Nothing else spends from the pot, so this cannot happen; `try_state` would
			// report the funds left in it.
			log::error!(target: LOG_TARGET, "slash funds stuck in the pot: {error:?}");
			CreditOf::<T>::zero()
		})
	}

	/// Pay the harmed tenants out of `credit`, at most `limit` in all: each at most its lease's
	/// unspent escrow, in proportion to those amounts when `limit` does not cover them all. A
	/// payment a tenant cannot receive stays in `credit`, as does the rounding dust. Returns the
	/// total paid.
	fn compensate(
		id: SlashId,
		harmed: &HarmedOf<T>,
		limit: Balance,
		credit: &mut CreditOf<T>,
	) -> Balance {
		let owed = harmed
			.iter()
			.fold(Balance::zero(), |sum, lease| sum.saturating_add(lease.unspent));
		let available = credit.peek().min(limit).min(owed);
		let mut compensated = Balance::zero();
		for lease in harmed.iter() {
			let share = compensation_share(available, lease.unspent, owed);
			if share.is_zero() {
				continue;
			}
			match T::Currency::resolve(&lease.tenant, credit.extract(share)) {
				Ok(()) => {
					compensated.saturating_accrue(share);
					Self::deposit_event(Event::TenantCompensated {
						slash: id,
						lease: lease.lease,
						tenant: lease.tenant.clone(),
						amount: share,
					});
				},
				// A new account cannot take less than the existential deposit: the payment goes
				// with the rest of the slash.
				Err(unpaid) => credit.subsume(unpaid),
			}
		}
		compensated
	}
}

/// The part of `available` owed to a lease with `unspent` left, out of `owed` for all of them:
/// all of `unspent` when `available` covers everything, else its proportional share rounded
/// down, so the shares never add up to more than `available`.
pub(crate) fn compensation_share(available: Balance, unspent: Balance, owed: Balance) -> Balance {
	if available >= owed {
		return unspent;
	}
	multiply_by_rational_with_rounding(available, unspent, owed, Rounding::Down)
		.unwrap_or_default()
		.min(unspent)
}
