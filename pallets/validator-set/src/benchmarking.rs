//! Benchmarks of the validator set pallet, each at its worst case.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use pallet_session::SessionManager;

const SEED: u32 = 0;

/// Replaces the planned set with `count` fresh accounts.
fn set_planned_validators<T: Config>(count: u32) -> Result<Vec<T::AccountId>, BenchmarkError> {
	let validators: Vec<T::AccountId> =
		(0..count).map(|index| account("validator", index, SEED)).collect();
	let bounded = ValidatorsOf::<T>::try_from(validators.clone())
		.map_err(|_| BenchmarkError::Stop("more validators than MaxValidators"))?;
	Validators::<T>::put(bounded);
	Ok(validators)
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: the set is one short of full, so the membership scan and the write cover the
	/// largest set.
	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		set_planned_validators::<T>(T::MaxValidators::get().saturating_sub(1))?;
		let validator: T::AccountId = account("candidate", 0, SEED);
		T::BenchmarkHelper::set_session_keys(&validator);
		if !pallet_session::NextKeys::<T>::contains_key(&validator) {
			return Err(BenchmarkError::Stop(
				"BenchmarkHelper::set_session_keys registered no keys",
			));
		}
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, validator.clone());

		assert!(Validators::<T>::get().contains(&validator));
		assert!(ValidatorsChanged::<T>::get());
		assert_last_event::<T>(Event::ValidatorAdded { validator });
		Ok(())
	}

	/// Worst case: a full set, removing its last member.
	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let validators = set_planned_validators::<T>(T::MaxValidators::get())?;
		let validator = validators.last().cloned().ok_or(BenchmarkError::Stop("empty set"))?;
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, validator.clone());

		assert!(!Validators::<T>::get().contains(&validator));
		assert!(ValidatorsChanged::<T>::get());
		assert_last_event::<T>(Event::ValidatorRemoved { validator });
		Ok(())
	}

	/// The rotation work pallet-session triggers when the set changed, for `v` validators.
	#[benchmark]
	fn new_session(
		v: Linear<{ T::MinValidators::get() }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		set_planned_validators::<T>(v)?;
		ValidatorsChanged::<T>::put(true);
		let planned;

		#[block]
		{
			planned = <Pallet<T> as SessionManager<T::AccountId>>::new_session(2);
		}

		let planned_count = planned.map(|validators| validators.len());
		assert_eq!(planned_count, Some(v as usize));
		assert!(!ValidatorsChanged::<T>::get());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
