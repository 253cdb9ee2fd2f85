
//! Weights for `pallet_provider_staking`, measured by `ember-node benchmark pallet` and written by
//! `scripts/benchmark-weights.sh`. Do not edit by hand: run the script again.
//!
//! Benchmark CLI 64.0.0, 2026-11-22; steps 20, repeat 10;
//! wasm execution `Compiled`; machine `Intel(R) Xeon(R) Processor`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::unnecessary_cast)]
#![allow(clippy::identity_op)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call and hook of `pallet_provider_staking`.
pub trait WeightInfo {
	fn bond() -> Weight;
	fn bond_extra() -> Weight;
	fn unbond() -> Weight;
	fn rebond() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn set_commission() -> Weight;
	fn set_min_delegation() -> Weight;
	fn delegate() -> Weight;
	fn undelegate() -> Weight;
	fn withdraw_delegation() -> Weight;
	fn slash(d: u32, ) -> Weight;
}

/// Measured weights, with database costs from the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn bond() -> Weight {
		// Proof size: measured `42`, estimated `4174`.
		// Fastest run: 50_721_000 ps.
		Weight::from_parts(64_569_000, 4174)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn bond_extra() -> Weight {
		// Proof size: measured `835`, estimated `4174`.
		// Fastest run: 57_029_000 ps.
		Weight::from_parts(69_516_000, 4174)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	fn unbond() -> Weight {
		// Proof size: measured `766`, estimated `4174`.
		// Fastest run: 16_163_000 ps.
		Weight::from_parts(22_126_000, 4174)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	fn rebond() -> Weight {
		// Proof size: measured `780`, estimated `4174`.
		// Fastest run: 13_253_000 ps.
		Weight::from_parts(18_962_000, 4174)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn withdraw_unbonded() -> Weight {
		// Proof size: measured `835`, estimated `4174`.
		// Fastest run: 44_028_000 ps.
		Weight::from_parts(54_114_000, 4174)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	fn set_commission() -> Weight {
		// Proof size: measured `137`, estimated `4174`.
		// Fastest run: 11_541_000 ps.
		Weight::from_parts(13_850_000, 4174)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn set_min_delegation() -> Weight {
		Weight::from_parts(13_850_000, 4174)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Delegations` (r:1 w:1)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:1)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::TotalDelegated` (r:1 w:1)
	/// Proof: `ProviderStaking::TotalDelegated` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn delegate() -> Weight {
		// Proof size: measured `3440`, estimated `5563`.
		// Fastest run: 84_587_000 ps.
		Weight::from_parts(102_508_000, 5563)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ProviderStaking::Delegations` (r:1 w:1)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::TotalDelegated` (r:1 w:1)
	/// Proof: `ProviderStaking::TotalDelegated` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn undelegate() -> Weight {
		// Proof size: measured `961`, estimated `4222`.
		// Fastest run: 19_944_000 ps.
		Weight::from_parts(25_035_000, 4222)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ProviderStaking::Delegations` (r:1 w:1)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:1)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	fn withdraw_delegation() -> Weight {
		// Proof size: measured `4151`, estimated `5563`.
		// Fastest run: 67_500_000 ps.
		Weight::from_parts(81_835_000, 5563)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:1)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Delegations` (r:64 w:64)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:65 w:65)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:66 w:66)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::TotalDelegated` (r:1 w:1)
	/// Proof: `ProviderStaking::TotalDelegated` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[0, 64]`.
	fn slash(d: u32, ) -> Weight {
		// Proof size: measured `1841 + d * 273`, estimated `6196 + d * 3232`.
		// Fastest run: 53_218_000 ps.
		Weight::from_parts(61_881_700, 6196)
			.saturating_add(Weight::from_parts(50_541_749, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 3232).saturating_mul(d.into()))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn bond() -> Weight {
		Weight::from_parts(64_569_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(69_516_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn unbond() -> Weight {
		Weight::from_parts(22_126_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn rebond() -> Weight {
		Weight::from_parts(18_962_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(54_114_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_commission() -> Weight {
		Weight::from_parts(13_850_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_min_delegation() -> Weight {
		Weight::from_parts(13_850_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn delegate() -> Weight {
		Weight::from_parts(102_508_000, 5563)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn undelegate() -> Weight {
		Weight::from_parts(25_035_000, 4222)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn withdraw_delegation() -> Weight {
		Weight::from_parts(81_835_000, 5563)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn slash(d: u32, ) -> Weight {
		Weight::from_parts(61_881_700, 6196)
			.saturating_add(Weight::from_parts(50_541_749, 0).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 3232).saturating_mul(d.into()))
	}
}
