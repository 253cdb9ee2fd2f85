//! Weights for pallet_provider_staking. Regenerate with ./scripts/benchmark-weights.sh; these are replaced by measured values from that script.
//!
//! The numbers below are conservative placeholders until the first measured run.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(dead_code)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_provider_staking`.
pub trait WeightInfo {
	fn bond() -> Weight;
	fn bond_extra() -> Weight;
	fn unbond() -> Weight;
	fn rebond() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn set_commission() -> Weight;
	fn delegate() -> Weight;
	fn undelegate() -> Weight;
	fn withdraw_delegation() -> Weight;
	fn slash(d: u32, ) -> Weight;
}

/// Weights for `pallet_provider_staking` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn bond() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn bond_extra() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Storage: `Registry::registered_gpus` of the owner (r:1 w:0)
	fn unbond() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	fn rebond() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	fn set_commission() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Storage: `ProviderStaking::Delegations` (r:1 w:1)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:1)
	/// Storage: `ProviderStaking::TotalDelegated` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn delegate() -> Weight {
		Weight::from_parts(50_000_000, 7611)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ProviderStaking::Delegations` (r:1 w:1)
	/// Storage: `ProviderStaking::TotalDelegated` (r:1 w:1)
	fn undelegate() -> Weight {
		Weight::from_parts(50_000_000, 4263)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ProviderStaking::Delegations` (r:1 w:1)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn withdraw_delegation() -> Weight {
		Weight::from_parts(50_000_000, 7611)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:1)
	/// Storage: `ProviderStaking::Delegations` (r:d w:d)
	/// Storage: `ProviderStaking::TotalDelegated` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1+d w:1+d)
	/// Storage: `System::Account` (r:2+d w:2+d)
	fn slash(d: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 7611)
			.saturating_add(Weight::from_parts(30_000_000, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 3273).saturating_mul(d.into()))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn bond() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn unbond() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn rebond() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn set_commission() -> Weight {
		Weight::from_parts(50_000_000, 4187)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn delegate() -> Weight {
		Weight::from_parts(50_000_000, 7611)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn undelegate() -> Weight {
		Weight::from_parts(50_000_000, 4263)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn withdraw_delegation() -> Weight {
		Weight::from_parts(50_000_000, 7611)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn slash(d: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 7611)
			.saturating_add(Weight::from_parts(30_000_000, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(d.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 3273).saturating_mul(d.into()))
	}
}
