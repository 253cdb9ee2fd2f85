
//! Weights for `pallet_emissions`, measured by `ember-node benchmark pallet` and written by
//! `scripts/benchmark-weights.sh`. Do not edit by hand: run the script again.
//!
//! Benchmark CLI 64.0.0, 2026-12-05; steps 20, repeat 10;
//! wasm execution `Compiled`; machine `AMD EPYC`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::unnecessary_cast)]
#![allow(clippy::identity_op)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call and hook of `pallet_emissions`.
pub trait WeightInfo {
	fn claim_rewards(d: u32, ) -> Weight;
	fn set_schedule() -> Weight;
	fn set_reward_params() -> Weight;
	fn set_class_score() -> Weight;
	fn on_initialize_author() -> Weight;
	fn close_era() -> Weight;
	fn close_era_among_providers(p: u32, ) -> Weight;
	fn credit_availability(g: u32, ) -> Weight;
	fn credit_availability_cached() -> Weight;
	fn credit_lease(g: u32, ) -> Weight;
}

/// Measured weights, with database costs from the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraRewardPerPoint` (r:1 w:1)
	/// Proof: `Emissions::EraRewardPerPoint` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Carried` (r:1 w:1)
	/// Proof: `Emissions::Carried` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraHolders` (r:1 w:1)
	/// Proof: `Emissions::EraHolders` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Delegations` (r:64 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(753), added: 3228, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:66 w:66)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[0, 64]`.
	fn claim_rewards(d: u32, ) -> Weight {
		// Proof size: measured `1233 + d * 236`, estimated `6196 + d * 3228`.
		// Fastest run: 92_408_000 ps.
		Weight::from_parts(82_899_326, 6196)
			.saturating_add(Weight::from_parts(49_657_506, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 3228).saturating_mul(d.into()))
	}
	/// Storage: `Emissions::Decay` (r:0 w:1)
	/// Proof: `Emissions::Decay` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Schedule` (r:0 w:1)
	/// Proof: `Emissions::Schedule` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn set_schedule() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 299_525_000 ps.
		Weight::from_parts(309_641_000, 0)
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Emissions::Rewards` (r:1 w:1)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_reward_params() -> Weight {
		// Proof size: measured `215`, estimated `1501`.
		// Fastest run: 8_893_000 ps.
		Weight::from_parts(9_905_000, 1501)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Emissions::ClassTableVersion` (r:1 w:1)
	/// Proof: `Emissions::ClassTableVersion` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:0 w:1)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	fn set_class_score() -> Weight {
		// Proof size: measured `212`, estimated `1489`.
		// Fastest run: 10_686_000 ps.
		Weight::from_parts(11_887_000, 1489)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Session::Validators` (r:1 w:0)
	/// Proof: `Session::Validators` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	fn on_initialize_author() -> Weight {
		// Proof size: measured `623`, estimated `3593`.
		// Fastest run: 33_029_000 ps.
		Weight::from_parts(35_222_000, 3593)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Carried` (r:1 w:1)
	/// Proof: `Emissions::Carried` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Schedule` (r:1 w:0)
	/// Proof: `Emissions::Schedule` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Decay` (r:1 w:0)
	/// Proof: `Emissions::Decay` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraRewardPerPoint` (r:0 w:1)
	/// Proof: `Emissions::EraRewardPerPoint` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn close_era() -> Weight {
		// Proof size: measured `666`, estimated `6196`.
		// Fastest run: 63_314_000 ps.
		Weight::from_parts(66_729_000, 6196)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Carried` (r:1 w:1)
	/// Proof: `Emissions::Carried` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Schedule` (r:1 w:0)
	/// Proof: `Emissions::Schedule` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Decay` (r:1 w:0)
	/// Proof: `Emissions::Decay` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraRewardPerPoint` (r:0 w:1)
	/// Proof: `Emissions::EraRewardPerPoint` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Component `p` ranges over `[0, 1000]`.
	fn close_era_among_providers(p: u32, ) -> Weight {
		// Proof size: measured `663`, estimated `6196`.
		// Fastest run: 63_625_000 ps.
		Weight::from_parts(69_437_862, 6196)
			.saturating_add(Weight::from_parts(21_825, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraRewardPerPoint` (r:1 w:1)
	/// Proof: `Emissions::EraRewardPerPoint` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Carried` (r:1 w:1)
	/// Proof: `Emissions::Carried` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraHolders` (r:2 w:2)
	/// Proof: `Emissions::EraHolders` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ProofsVersion` (r:1 w:0)
	/// Proof: `Challenges::ProofsVersion` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassTableVersion` (r:1 w:0)
	/// Proof: `Emissions::ClassTableVersion` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProvenScores` (r:1 w:1)
	/// Proof: `Emissions::ProvenScores` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:32 w:0)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:32 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn credit_availability(g: u32, ) -> Weight {
		// Proof size: measured `1697 + g * 130`, estimated `6842 + g * 2591`.
		// Fastest run: 74_461_000 ps.
		Weight::from_parts(70_397_647, 6842)
			.saturating_add(Weight::from_parts(8_987_247, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(Weight::from_parts(0, 2591).saturating_mul(g.into()))
	}
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ProofsVersion` (r:1 w:0)
	/// Proof: `Challenges::ProofsVersion` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassTableVersion` (r:1 w:0)
	/// Proof: `Emissions::ClassTableVersion` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProvenScores` (r:1 w:0)
	/// Proof: `Emissions::ProvenScores` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraHolders` (r:1 w:1)
	/// Proof: `Emissions::EraHolders` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	fn credit_availability_cached() -> Weight {
		// Proof size: measured `1362`, estimated `4174`.
		// Fastest run: 52_268_000 ps.
		Weight::from_parts(54_801_000, 4174)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraRewardPerPoint` (r:1 w:1)
	/// Proof: `Emissions::EraRewardPerPoint` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Carried` (r:1 w:1)
	/// Proof: `Emissions::Carried` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraHolders` (r:2 w:2)
	/// Proof: `Emissions::EraHolders` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:32 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn credit_lease(g: u32, ) -> Weight {
		// Proof size: measured `1190 + g * 56`, estimated `6842 + g * 2561`.
		// Fastest run: 44_356_000 ps.
		Weight::from_parts(43_817_152, 6842)
			.saturating_add(Weight::from_parts(3_002_683, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(Weight::from_parts(0, 2561).saturating_mul(g.into()))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn claim_rewards(d: u32, ) -> Weight {
		Weight::from_parts(82_899_326, 6196)
			.saturating_add(Weight::from_parts(49_657_506, 0).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 3228).saturating_mul(d.into()))
	}
	fn set_schedule() -> Weight {
		Weight::from_parts(309_641_000, 0)
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_reward_params() -> Weight {
		Weight::from_parts(9_905_000, 1501)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_class_score() -> Weight {
		Weight::from_parts(11_887_000, 1489)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn on_initialize_author() -> Weight {
		Weight::from_parts(35_222_000, 3593)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn close_era() -> Weight {
		Weight::from_parts(66_729_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn close_era_among_providers(p: u32, ) -> Weight {
		Weight::from_parts(69_437_862, 6196)
			.saturating_add(Weight::from_parts(21_825, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn credit_availability(g: u32, ) -> Weight {
		Weight::from_parts(70_397_647, 6842)
			.saturating_add(Weight::from_parts(8_987_247, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(Weight::from_parts(0, 2591).saturating_mul(g.into()))
	}
	fn credit_availability_cached() -> Weight {
		Weight::from_parts(54_801_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn credit_lease(g: u32, ) -> Weight {
		Weight::from_parts(43_817_152, 6842)
			.saturating_add(Weight::from_parts(3_002_683, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(Weight::from_parts(0, 2561).saturating_mul(g.into()))
	}
}
