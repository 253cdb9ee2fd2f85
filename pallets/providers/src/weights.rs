
//! Weights for `pallet_providers`, measured by `ember-node benchmark pallet` and written by
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

/// The weight of each call and hook of `pallet_providers`.
pub trait WeightInfo {
	fn register() -> Weight;
	fn update_metadata() -> Weight;
	fn update_inventory() -> Weight;
	fn refresh_stake_units() -> Weight;
	fn set_agent() -> Weight;
	fn pause() -> Weight;
	fn resume() -> Weight;
	fn leave() -> Weight;
	fn heartbeat() -> Weight;
	fn heartbeat_back_online() -> Weight;
	fn force_jail() -> Weight;
	fn force_unjail() -> Weight;
	fn set_heartbeat_params() -> Weight;
	fn on_initialize(n: u32, ) -> Weight;
	fn on_initialize_moved_on(n: u32, ) -> Weight;
}

/// Measured weights, with database costs from the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Providers::Providers` (r:2 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:2 w:1)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:32 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Providers::CounterForProviders` (r:1 w:1)
	/// Proof: `Providers::CounterForProviders` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::TargetIndex` (r:32 w:32)
	/// Proof: `Challenges::TargetIndex` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::TargetCount` (r:1 w:1)
	/// Proof: `Challenges::TargetCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:0 w:1)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:0 w:1)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Proof: `Providers::Metadata` (`max_values`: None, `max_size`: Some(1188), added: 3663, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Targets` (r:0 w:32)
	/// Proof: `Challenges::Targets` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	fn register() -> Weight {
		// Proof size: measured `1049563`, estimated `1203039`.
		// Fastest run: 550_379_000 ps.
		Weight::from_parts(606_603_000, 1203039)
			.saturating_add(T::DbWeight::get().reads(82_u64))
			.saturating_add(T::DbWeight::get().writes(72_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Proof: `Providers::Metadata` (`max_values`: None, `max_size`: Some(1188), added: 3663, mode: `MaxEncodedLen`)
	fn update_metadata() -> Weight {
		// Proof size: measured `266`, estimated `3564`.
		// Fastest run: 17_216_000 ps.
		Weight::from_parts(18_838_000, 3564)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:1)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:31 w:0)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:1)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:32 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::TargetIndex` (r:32 w:1)
	/// Proof: `Challenges::TargetIndex` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::TargetCount` (r:1 w:1)
	/// Proof: `Challenges::TargetCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Targets` (r:0 w:1)
	/// Proof: `Challenges::Targets` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	fn update_inventory() -> Weight {
		// Proof size: measured `4795`, estimated `82942`.
		// Fastest run: 349_811_000 ps.
		Weight::from_parts(362_580_000, 82942)
			.saturating_add(T::DbWeight::get().reads(101_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:32 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:1)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn refresh_stake_units() -> Weight {
		// Proof size: measured `4298`, estimated `82942`.
		// Fastest run: 136_983_000 ps.
		Weight::from_parts(147_049_000, 82942)
			.saturating_add(T::DbWeight::get().reads(36_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:2 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:2)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn set_agent() -> Weight {
		// Proof size: measured `357`, estimated `6138`.
		// Fastest run: 23_965_000 ps.
		Weight::from_parts(25_708_000, 6138)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	fn pause() -> Weight {
		// Proof size: measured `811`, estimated `4174`.
		// Fastest run: 46_119_000 ps.
		Weight::from_parts(48_743_000, 4174)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	fn resume() -> Weight {
		// Proof size: measured `949`, estimated `4174`.
		// Fastest run: 39_339_000 ps.
		Weight::from_parts(41_882_000, 4174)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingPunishments` (r:1 w:0)
	/// Proof: `Slashing::PendingPunishments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:1)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Providers::CounterForProviders` (r:1 w:1)
	/// Proof: `Providers::CounterForProviders` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:1)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::TargetIndex` (r:16 w:32)
	/// Proof: `Challenges::TargetIndex` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::TargetCount` (r:1 w:1)
	/// Proof: `Challenges::TargetCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Targets` (r:16 w:32)
	/// Proof: `Challenges::Targets` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:32 w:0)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:0 w:1)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Proof: `Providers::Metadata` (`max_values`: None, `max_size`: Some(1188), added: 3663, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProvenScores` (r:0 w:1)
	/// Proof: `Emissions::ProvenScores` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	fn leave() -> Weight {
		// Proof size: measured `137681`, estimated `134551`.
		// Fastest run: 531_611_000 ps.
		Weight::from_parts(542_988_000, 134551)
			.saturating_add(T::DbWeight::get().reads(75_u64))
			.saturating_add(T::DbWeight::get().writes(74_u64))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn heartbeat() -> Weight {
		// Proof size: measured `357`, estimated `3564`.
		// Fastest run: 21_021_000 ps.
		Weight::from_parts(22_734_000, 3564)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:1 w:0)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	fn heartbeat_back_online() -> Weight {
		// Proof size: measured `1049774`, estimated `1203039`.
		// Fastest run: 204_815_000 ps.
		Weight::from_parts(217_604_000, 1203039)
			.saturating_add(T::DbWeight::get().reads(17_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::JailedUntil` (r:0 w:1)
	/// Proof: `Slashing::JailedUntil` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:0 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	fn force_jail() -> Weight {
		// Proof size: measured `844`, estimated `134551`.
		// Fastest run: 57_455_000 ps.
		Weight::from_parts(60_951_000, 134551)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::JailedUntil` (r:0 w:1)
	/// Proof: `Slashing::JailedUntil` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn force_unjail() -> Weight {
		// Proof size: measured `1049695`, estimated `1203039`.
		// Fastest run: 186_407_000 ps.
		Weight::from_parts(201_500_000, 1203039)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Providers::CounterForProviders` (r:1 w:0)
	/// Proof: `Providers::CounterForProviders` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:1)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn set_heartbeat_params() -> Weight {
		// Proof size: measured `6`, estimated `1497`.
		// Fastest run: 9_224_000 ps.
		Weight::from_parts(10_195_000, 1497)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::DeadlineBacklog` (r:1 w:1)
	/// Proof: `Providers::DeadlineBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:4096 w:4096)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:4096 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:4096 w:4096)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:4096 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:4096 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[0, 4096]`.
	fn on_initialize(n: u32, ) -> Weight {
		// Proof size: measured `814 + n * 138`, estimated `134551 + n * 3184`.
		// Fastest run: 5_608_000 ps.
		Weight::from_parts(5_768_000, 134551)
			.saturating_add(Weight::from_parts(37_970_135, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3184).saturating_mul(n.into()))
	}
	/// Storage: `Providers::DeadlineBacklog` (r:1 w:1)
	/// Proof: `Providers::DeadlineBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:51 w:51)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:4096 w:4096)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:4096 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:4096 w:4096)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:4096 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:4096 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[0, 4096]`.
	fn on_initialize_moved_on(n: u32, ) -> Weight {
		// Proof size: measured `814 + n * 138`, estimated `5526983 + n * 3184`.
		// Fastest run: 5_959_000 ps.
		Weight::from_parts(6_200_000, 5526983)
			.saturating_add(Weight::from_parts(34_569_662, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(44_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(42_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3184).saturating_mul(n.into()))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn register() -> Weight {
		Weight::from_parts(606_603_000, 1203039)
			.saturating_add(ParityDbWeight::get().reads(82_u64))
			.saturating_add(ParityDbWeight::get().writes(72_u64))
	}
	fn update_metadata() -> Weight {
		Weight::from_parts(18_838_000, 3564)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn update_inventory() -> Weight {
		Weight::from_parts(362_580_000, 82942)
			.saturating_add(ParityDbWeight::get().reads(101_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn refresh_stake_units() -> Weight {
		Weight::from_parts(147_049_000, 82942)
			.saturating_add(ParityDbWeight::get().reads(36_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_agent() -> Weight {
		Weight::from_parts(25_708_000, 6138)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn pause() -> Weight {
		Weight::from_parts(48_743_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn resume() -> Weight {
		Weight::from_parts(41_882_000, 4174)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn leave() -> Weight {
		Weight::from_parts(542_988_000, 134551)
			.saturating_add(ParityDbWeight::get().reads(75_u64))
			.saturating_add(ParityDbWeight::get().writes(74_u64))
	}
	fn heartbeat() -> Weight {
		Weight::from_parts(22_734_000, 3564)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn heartbeat_back_online() -> Weight {
		Weight::from_parts(217_604_000, 1203039)
			.saturating_add(ParityDbWeight::get().reads(17_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn force_jail() -> Weight {
		Weight::from_parts(60_951_000, 134551)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn force_unjail() -> Weight {
		Weight::from_parts(201_500_000, 1203039)
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_heartbeat_params() -> Weight {
		Weight::from_parts(10_195_000, 1497)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(5_768_000, 134551)
			.saturating_add(Weight::from_parts(37_970_135, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3184).saturating_mul(n.into()))
	}
	fn on_initialize_moved_on(n: u32, ) -> Weight {
		Weight::from_parts(6_200_000, 5526983)
			.saturating_add(Weight::from_parts(34_569_662, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(44_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(42_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3184).saturating_mul(n.into()))
	}
}
