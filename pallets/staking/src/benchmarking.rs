//! Benchmarks for the provider staking pallet, each set up at its worst case.

use crate::Pallet;
use crate::*;
use ember_primitives::ProviderStakeSlashing;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, One, Saturating};

const SEED: u32 = 0;

/// A stake unit large enough for every minimum in the configuration.
fn unit<T: Config>() -> BalanceOf<T> {
	T::MinProviderBond::get()
		.max(T::MinDelegation::get())
		.max(T::Currency::minimum_balance())
		.max(One::one())
}

/// A bond or delegation big enough to stay above its minimum while a full set of one-planck
/// unlocking chunks is split off it.
fn stake<T: Config>() -> BalanceOf<T> {
	unit::<T>().saturating_mul((10u32.saturating_add(T::MaxUnlockingChunks::get())).into())
}

fn fund<T: Config>(who: &T::AccountId) {
	let amount = stake::<T>()
		.saturating_mul(10u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(who, amount);
}

fn funded_account<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = account(name, index, SEED);
	fund::<T>(&who);
	who
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// Move to `blocks` blocks after `start`, so the next unbonding opens a new chunk.
fn set_block<T: Config>(start: BlockNumberFor<T>, blocks: u32) {
	frame_system::Pallet::<T>::set_block_number(start.saturating_add(blocks.into()));
}

/// Bond `stake()` for `owner` and split `chunks` one-planck chunks off it, one per block.
fn bond_with_chunks<T: Config>(owner: &T::AccountId, chunks: u32) -> Result<(), BenchmarkError> {
	Pallet::<T>::bond(RawOrigin::Signed(owner.clone()).into(), stake::<T>())?;
	let start = now::<T>();
	for block in 0..chunks {
		set_block::<T>(start, block);
		Pallet::<T>::unbond(RawOrigin::Signed(owner.clone()).into(), One::one())?;
	}
	Ok(())
}

/// Delegate `stake()` from `delegator` to `provider` and split `chunks` one-planck chunks off it,
/// one per block.
fn delegate_with_chunks<T: Config>(
	delegator: &T::AccountId,
	provider: &T::AccountId,
	chunks: u32,
) -> Result<(), BenchmarkError> {
	Pallet::<T>::delegate(
		RawOrigin::Signed(delegator.clone()).into(),
		provider.clone(),
		stake::<T>(),
	)?;
	let start = now::<T>();
	for block in 0..chunks {
		set_block::<T>(start, block);
		Pallet::<T>::undelegate(
			RawOrigin::Signed(delegator.clone()).into(),
			provider.clone(),
			One::one(),
		)?;
	}
	Ok(())
}

/// A bonded provider with `count` delegators of `unit()` each.
fn provider_with_delegators<T: Config>(count: u32) -> Result<T::AccountId, BenchmarkError> {
	let provider = funded_account::<T>("provider", 0);
	Pallet::<T>::bond(RawOrigin::Signed(provider.clone()).into(), stake::<T>())?;
	for index in 0..count {
		let delegator = funded_account::<T>("delegator", index);
		Pallet::<T>::delegate(RawOrigin::Signed(delegator).into(), provider.clone(), unit::<T>())?;
	}
	Ok(provider)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn bond() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		fund::<T>(&owner);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), stake::<T>());

		assert_eq!(Ledgers::<T>::get(&owner).map(|ledger| ledger.active), Some(stake::<T>()));
		Ok(())
	}

	#[benchmark]
	fn bond_extra() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		fund::<T>(&owner);
		bond_with_chunks::<T>(&owner, T::MaxUnlockingChunks::get())?;
		let active_before = Ledgers::<T>::get(&owner).map(|ledger| ledger.active);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), unit::<T>());

		assert_eq!(
			Ledgers::<T>::get(&owner).map(|ledger| ledger.active),
			active_before.map(|active| active.saturating_add(unit::<T>()))
		);
		Ok(())
	}

	#[benchmark]
	fn unbond() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		fund::<T>(&owner);
		let chunks = T::MaxUnlockingChunks::get().saturating_sub(1);
		bond_with_chunks::<T>(&owner, chunks)?;
		set_block::<T>(now::<T>(), 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), One::one());

		assert_eq!(
			Ledgers::<T>::get(&owner).map(|ledger| ledger.unlocking.len() as u32),
			Some(T::MaxUnlockingChunks::get())
		);
		Ok(())
	}

	#[benchmark]
	fn rebond() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		fund::<T>(&owner);
		let chunks = T::MaxUnlockingChunks::get();
		bond_with_chunks::<T>(&owner, chunks)?;

		// Every chunk is popped.
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), chunks.into());

		assert_eq!(Ledgers::<T>::get(&owner).map(|ledger| ledger.active), Some(stake::<T>()));
		Ok(())
	}

	#[benchmark]
	fn withdraw_unbonded() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		fund::<T>(&owner);
		let chunks = T::MaxUnlockingChunks::get();
		bond_with_chunks::<T>(&owner, chunks.saturating_sub(1))?;
		set_block::<T>(now::<T>(), 1);
		let rest = Ledgers::<T>::get(&owner).map(|ledger| ledger.active).ok_or("bonded")?;
		Pallet::<T>::unbond(RawOrigin::Signed(owner.clone()).into(), rest)?;
		frame_system::Pallet::<T>::set_block_number(
			now::<T>().saturating_add(T::UnbondingPeriod::get()),
		);

		// Every chunk is withdrawn and the ledger is closed.
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()));

		assert!(!Ledgers::<T>::contains_key(&owner));
		Ok(())
	}

	#[benchmark]
	fn set_commission() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		fund::<T>(&owner);
		Pallet::<T>::bond(RawOrigin::Signed(owner.clone()).into(), stake::<T>())?;
		let commission = T::MaxCommission::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), commission);

		assert_eq!(Ledgers::<T>::get(&owner).map(|ledger| ledger.commission), Some(commission));
		Ok(())
	}

	#[benchmark]
	fn delegate() -> Result<(), BenchmarkError> {
		// Every slot is taken and the displaced list is full: the new, larger delegation reads
		// every slot to find the smallest, displaces it, and reads every displaced delegation
		// to forget the least exposed one.
		let max = T::MaxDelegatorsPerProvider::get();
		let provider = provider_with_delegators::<T>(max)?;
		let double = unit::<T>().saturating_mul(2u32.into());
		for index in 0..max {
			let displacer = funded_account::<T>("displacer", index);
			Pallet::<T>::delegate(RawOrigin::Signed(displacer).into(), provider.clone(), double)?;
		}
		assert_eq!(DisplacedDelegators::<T>::get(&provider).len() as u32, max);
		let delegator: T::AccountId = whitelisted_caller();
		fund::<T>(&delegator);
		let larger = unit::<T>().saturating_mul(3u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(delegator.clone()), provider.clone(), larger);

		assert_eq!(ProviderDelegators::<T>::get(&provider).len() as u32, max);
		assert!(ProviderDelegators::<T>::get(&provider).contains(&delegator));
		assert_eq!(DisplacedDelegators::<T>::get(&provider).len() as u32, max);
		Ok(())
	}

	#[benchmark]
	fn set_min_delegation() -> Result<(), BenchmarkError> {
		let provider = provider_with_delegators::<T>(0)?;
		let min = unit::<T>().saturating_mul(3u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), min);

		assert_eq!(OwnerMinDelegation::<T>::get(&provider), Some(min));
		Ok(())
	}

	#[benchmark]
	fn undelegate() -> Result<(), BenchmarkError> {
		let provider = provider_with_delegators::<T>(0)?;
		let delegator: T::AccountId = whitelisted_caller();
		fund::<T>(&delegator);
		let chunks = T::MaxUnlockingChunks::get().saturating_sub(1);
		delegate_with_chunks::<T>(&delegator, &provider, chunks)?;
		set_block::<T>(now::<T>(), 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(delegator.clone()), provider.clone(), One::one());

		assert_eq!(
			Delegations::<T>::get(&provider, &delegator)
				.map(|delegation| delegation.unlocking.len() as u32),
			Some(T::MaxUnlockingChunks::get())
		);
		Ok(())
	}

	#[benchmark]
	fn withdraw_delegation() -> Result<(), BenchmarkError> {
		let max = T::MaxDelegatorsPerProvider::get();
		let provider = provider_with_delegators::<T>(max.saturating_sub(1))?;
		let delegator: T::AccountId = whitelisted_caller();
		fund::<T>(&delegator);
		let chunks = T::MaxUnlockingChunks::get();
		delegate_with_chunks::<T>(&delegator, &provider, chunks.saturating_sub(1))?;
		set_block::<T>(now::<T>(), 1);
		let rest = Delegations::<T>::get(&provider, &delegator)
			.map(|delegation| delegation.active)
			.ok_or("delegated")?;
		Pallet::<T>::undelegate(
			RawOrigin::Signed(delegator.clone()).into(),
			provider.clone(),
			rest,
		)?;
		frame_system::Pallet::<T>::set_block_number(
			now::<T>().saturating_add(T::UnbondingPeriod::get()),
		);

		// Every chunk is withdrawn, the delegation is closed and the delegator, last in a full
		// list, is removed from it.
		#[extrinsic_call]
		_(RawOrigin::Signed(delegator.clone()), provider.clone());

		assert!(!Delegations::<T>::contains_key(&provider, &delegator));
		assert_eq!(ProviderDelegators::<T>::get(&provider).len() as u32, max.saturating_sub(1));
		Ok(())
	}

	/// Slashing everything from a provider with `d` delegators, each with a full set of unlocking
	/// chunks, paying a beneficiary.
	#[benchmark]
	fn slash(d: Linear<0, { T::MaxDelegatorsPerProvider::get() }>) -> Result<(), BenchmarkError> {
		let chunks = T::MaxUnlockingChunks::get();
		let provider = funded_account::<T>("provider", 0);
		let start = now::<T>();
		bond_with_chunks::<T>(&provider, chunks)?;
		for index in 0..d {
			let delegator = funded_account::<T>("delegator", index);
			frame_system::Pallet::<T>::set_block_number(start);
			delegate_with_chunks::<T>(&delegator, &provider, chunks)?;
		}
		let beneficiary = funded_account::<T>("beneficiary", 0);
		let beneficiary_before = T::Currency::balance(&beneficiary);

		let exposure = <Pallet<T> as ProviderStakeSlashing<_, _>>::exposure(&provider);
		let slashed;
		#[block]
		{
			slashed = <Pallet<T> as ProviderStakeSlashing<_, _>>::slash(
				&provider,
				&exposure,
				BalanceOf::<T>::max_value(),
				Some(&beneficiary),
			)
			.total();
		}

		assert!(!Ledgers::<T>::contains_key(&provider));
		assert!(!ProviderDelegators::<T>::contains_key(&provider));
		assert_eq!(T::Currency::balance(&beneficiary), beneficiary_before.saturating_add(slashed));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
