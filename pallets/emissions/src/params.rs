//! Genesis and governance: the schedule, the shares, the class table.

use crate::*;
use ember_primitives::GpuModelName;
use frame_support::{pallet_prelude::*, traits::fungible};

impl<T: Config> Pallet<T> {
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) {
		// The pot and the treasury must exist before anything small is paid into them.
		let minimum = <T::Currency as fungible::Inspect<_>>::minimum_balance();
		for account in [Self::pot_account(), T::TreasuryAccount::get()] {
			let balance = <T::Currency as fungible::Inspect<_>>::balance(&account);
			if balance < minimum {
				let _ =
					<T::Currency as fungible::Mutate<_>>::mint_into(&account, minimum - balance);
			}
		}
		let issuance = <T::Currency as fungible::Inspect<_>>::total_issuance();
		let mut schedule = config.schedule;
		if schedule.initial_supply == 0 {
			schedule.initial_supply = issuance;
		}
		Schedule::<T>::put(schedule);
		Decay::<T>::put(schedule::decay_per_era(schedule.half_life_eras));
		Rewards::<T>::put(config.rewards);
		for (model, score) in &config.class_scores {
			let model = GpuModelName::try_from(model.clone())
				.expect("genesis class scores name GPU models of a valid length");
			ClassScores::<T>::insert(model, score);
		}
		CurrentEra::<T>::put(Self::era_starting(0, Zero::zero()));
		Issuance::<T>::put(IssuanceLedger { start: issuance, minted: 0, burned: 0 });
	}

	pub(crate) fn do_set_schedule(params: ScheduleParams) -> DispatchResult {
		ensure!(params.eras_per_year > 0, Error::<T>::ZeroErasPerYear);
		ensure!(
			params.tail_annual_rate <= params.initial_annual_rate,
			Error::<T>::TailAboveInitial
		);
		Schedule::<T>::put(params);
		Decay::<T>::put(schedule::decay_per_era(params.half_life_eras));
		Self::deposit_event(Event::ScheduleSet { params });
		Ok(())
	}

	pub(crate) fn do_set_reward_params(params: RewardParams) -> DispatchResult {
		let shares = u64::from(params.validators_share.deconstruct())
			+ u64::from(params.treasury_share.deconstruct());
		ensure!(
			shares <= u64::from(sp_runtime::Perbill::one().deconstruct()),
			Error::<T>::SharesExceedWhole
		);
		ensure!(
			params.lease_bonus_percent <= T::MaxLeaseBonusPercent::get(),
			Error::<T>::BonusTooHigh
		);
		if params.default_class_score != Rewards::<T>::get().default_class_score {
			Self::class_table_changed();
		}
		Rewards::<T>::put(params);
		Self::deposit_event(Event::RewardParamsSet { params });
		Ok(())
	}

	/// Every score worked out from the class table is stale from now.
	pub(crate) fn class_table_changed() {
		ClassTableVersion::<T>::mutate(|version| *version = version.wrapping_add(1));
	}
}
