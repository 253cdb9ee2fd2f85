//! What the runtime API answers: pending rewards and the schedule ahead.

use crate::*;
use ember_primitives::Balance;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// A provider's claimable reward and how a claim now would split it, with its points in
	/// the era in progress. Changes nothing.
	pub fn pending_rewards(provider: &T::AccountId) -> PendingRewards<T::AccountId> {
		let mut record = ProviderPoints::<T>::get(provider).unwrap_or_default();
		let era = CurrentEra::<T>::get().index;
		if record.era != era {
			record.roll_to(era, EraRewardPerPoint::<T>::get(record.era));
		}
		let (claimable, _) = Self::split(provider, record.unclaimed);
		PendingRewards {
			claimable,
			points_this_era: record.points.saturating_add(record.bonus_points),
			fees_this_era: record.fees,
		}
	}

	/// What a claim for `provider` now would pay `account` (its owner or a delegator).
	pub fn pending_reward_of(account: &T::AccountId, provider: &T::AccountId) -> Balance {
		let claimable = Self::pending_rewards(provider).claimable;
		if account == provider {
			return claimable.to_owner;
		}
		claimable
			.to_delegators
			.iter()
			.find(|(delegator, _)| delegator == account)
			.map(|(_, amount)| *amount)
			.unwrap_or(0)
	}

	/// The era in progress and the emission of the next `eras` eras (at most
	/// [`MAX_SCHEDULE_VIEW`]), starting with the one in progress.
	pub fn schedule_view(eras: u32) -> ScheduleView<BlockNumberFor<T>> {
		let era = CurrentEra::<T>::get();
		let params = Schedule::<T>::get();
		let decay = Decay::<T>::get();
		let next_emissions = (0..eras.min(MAX_SCHEDULE_VIEW))
			.map(|offset| {
				let index = era.index.saturating_add(offset);
				(index, schedule::era_emission(&params, index, decay))
			})
			.collect();
		ScheduleView {
			era_ends_at: era.start.saturating_add(T::EraLength::get()),
			era,
			carried: Carried::<T>::get(),
			params,
			next_emissions,
		}
	}
}
