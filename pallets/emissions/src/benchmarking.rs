//! Benchmarks of the calls, the block hook and the callbacks from the registry and the market,
//! each at its worst case: the most backers to pay, the most GPUs of distinct models to score,
//! and a closed era to fold first.

use super::*;
use alloc::vec::Vec;
use ember_primitives::ProviderBacking;
use ember_primitives::{
	Balance, DeliveredGpuTime, GpuModelName, ProviderLifecycle, ProviderRegistry,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_arithmetic::FixedU128;
use sp_runtime::{traits::Saturating, Perbill};

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn set_block<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

/// A closed era 0 at one unit per point, and era 1 in progress: records still in era 0 must be
/// folded before anything else.
fn with_closed_era<T: Config>() {
	EraRewardPerPoint::<T>::insert(0, FixedU128::from_u32(1));
	CurrentEra::<T>::mutate(|era| {
		era.index = 1;
		era.start = frame_system::Pallet::<T>::block_number();
	});
}

/// An unclaimed record for `provider`, in the closed era 0, and the pot funded to pay it.
fn unclaimed_record<T: Config>(provider: &T::AccountId, points: u128) {
	ProviderPoints::<T>::insert(
		provider,
		ProviderRewards {
			era: 0,
			points,
			bonus_points: points,
			fees: 1,
			unclaimed: 1_000_000,
			last_credit: Some(Default::default()),
		},
	);
	let pot = Pallet::<T>::pot_account();
	let _ = T::Currency::mint_into(&pot, 1_000_000_000_000);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn claim_rewards(d: Linear<0, { T::Backing::max_backers().saturating_sub(1) }>) {
		let provider = T::BenchmarkHelper::provider(0, 1, d);
		with_closed_era::<T>();
		unclaimed_record::<T>(&provider, 1_000_000);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), provider.clone());

		assert!(ProviderPoints::<T>::get(&provider).is_some_and(|record| record.unclaimed == 0));
	}

	#[benchmark]
	fn set_schedule() -> Result<(), BenchmarkError> {
		let params = ScheduleParams {
			initial_supply: 1_000_000_000_000_000_000_000,
			initial_annual_rate: Perbill::from_percent(10),
			// The longest bisection: the largest power.
			half_life_eras: u32::MAX,
			tail_annual_rate: Perbill::from_percent(1),
			eras_per_year: 8_766,
		};
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		assert_eq!(Schedule::<T>::get(), params);
		Ok(())
	}

	#[benchmark]
	fn set_reward_params() -> Result<(), BenchmarkError> {
		let params = RewardParams { lease_bonus_percent: 50, ..Default::default() };
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		assert_last_event::<T>(Event::RewardParamsSet { params });
		Ok(())
	}

	#[benchmark]
	fn set_class_score() -> Result<(), BenchmarkError> {
		let model = GpuModelName::try_from(alloc::vec![b'x'; 64]).unwrap_or_default();
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, model.clone(), Some(1_000));

		assert_eq!(ClassScores::<T>::get(model), Some(1_000));
		Ok(())
	}

	/// A block that pays its author and closes no era.
	#[benchmark]
	fn on_initialize_author() {
		let author = T::BenchmarkHelper::author();
		let block = CurrentEra::<T>::get().start.saturating_add(1u32.into());
		set_block::<T>(block);
		let before = CurrentEra::<T>::get().to_authors;

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}

		let _ = author;
		assert!(CurrentEra::<T>::get().to_authors > before);
	}

	/// Closing an era with points, carried reward and a treasury share: the block hook's
	/// extra work on the era's last block.
	#[benchmark]
	fn close_era() {
		let era = CurrentEra::<T>::get();
		CurrentEra::<T>::mutate(|era| era.points = 1_000_000);
		Carried::<T>::put(1_000);
		let end = era.start.saturating_add(T::EraLength::get());
		set_block::<T>(end);

		#[block]
		{
			Pallet::<T>::close_era(end, CurrentEra::<T>::get());
		}

		assert_eq!(CurrentEra::<T>::get().index, era.index.saturating_add(1));
		assert!(EraRewardPerPoint::<T>::get(era.index).is_some());
	}

	/// Closing an era while `p` providers have points in it: the cost must not depend on `p`.
	#[benchmark]
	fn close_era_among_providers(p: Linear<0, 1_000>) {
		let era = CurrentEra::<T>::get();
		for index in 0..p {
			let provider: T::AccountId = account("provider", index, 0);
			ProviderPoints::<T>::insert(
				provider,
				ProviderRewards {
					era: era.index,
					points: 1_000,
					last_credit: Some(era.start),
					..Default::default()
				},
			);
		}
		CurrentEra::<T>::mutate(|era| era.points = u128::from(p).saturating_add(1) * 1_000);
		let end = era.start.saturating_add(T::EraLength::get());
		set_block::<T>(end);

		#[block]
		{
			Pallet::<T>::close_era(end, CurrentEra::<T>::get());
		}

		assert_eq!(CurrentEra::<T>::get().index, era.index.saturating_add(1));
	}

	/// The registry's liveness check of a provider with `g` GPUs of distinct models, folding a
	/// closed era first.
	#[benchmark]
	fn credit_availability(g: Linear<1, { T::MaxGpusPerProvider::get() }>) {
		let provider = T::BenchmarkHelper::provider(0, g, 0);
		with_closed_era::<T>();
		unclaimed_record::<T>(&provider, 1_000);
		let now = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
		set_block::<T>(now);

		#[block]
		{
			<Pallet<T> as ProviderLifecycle<_, _>>::heard_from(&provider, now);
		}

		let record = ProviderPoints::<T>::get(&provider).unwrap_or_default();
		assert!(record.points > 0 && record.era == 1);
		assert_eq!(T::Registry::gpus(&provider).len() as u32, g);
	}

	/// The everyday liveness check: the provider's proven score still holds and its record
	/// stays in its era, so no GPU is looked at, whatever its number.
	#[benchmark]
	fn credit_availability_cached() {
		let provider = T::BenchmarkHelper::provider(0, T::MaxGpusPerProvider::get(), 0);
		let start = frame_system::Pallet::<T>::block_number();
		ProviderPoints::<T>::insert(
			&provider,
			ProviderRewards { last_credit: Some(start), ..Default::default() },
		);
		let (score, worked_out) = Pallet::<T>::proven_score(&provider);
		assert!(score > 0 && worked_out.is_some());
		let now = start.saturating_add(10u32.into());
		set_block::<T>(now);

		#[block]
		{
			<Pallet<T> as ProviderLifecycle<_, _>>::heard_from(&provider, now);
		}

		let record = ProviderPoints::<T>::get(&provider).unwrap_or_default();
		assert_eq!(record.points, score.saturating_mul(10));
		assert_eq!(record.last_credit, Some(now));
	}

	/// A settlement of a lease of `g` GPUs, folding a closed era first.
	#[benchmark]
	fn credit_lease(g: Linear<1, { T::MaxGpusPerProvider::get() }>) {
		let provider = T::BenchmarkHelper::provider(0, g, 0);
		let tenant: T::AccountId = account("tenant", 0, 0);
		with_closed_era::<T>();
		unclaimed_record::<T>(&provider, 1_000);
		let gpus: Vec<_> = T::Registry::gpus(&provider).iter().map(|gpu| gpu.uuid_hash).collect();
		let fee: Balance = 1_000;

		#[block]
		{
			<Pallet<T> as DeliveredGpuTime<_, _>>::delivered(
				&provider, &tenant, 0, &gpus, 100, 50_000, fee,
			);
		}

		let record = ProviderPoints::<T>::get(&provider).unwrap_or_default();
		assert!(record.bonus_points > 0 && record.fees == fee);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
