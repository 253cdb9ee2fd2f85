
//! Weights for `pallet_providers`, measured by `ember-node benchmark pallet` and written by
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

/// The weight of each call and hook of `pallet_providers`.
pub trait WeightInfo {
	fn register() -> Weight;
	fn update_metadata() -> Weight;
	fn update_inventory() -> Weight;
	fn set_agent() -> Weight;
	fn pause() -> Weight;
	fn resume() -> Weight;
	fn leave() -> Weight;
	fn heartbeat() -> Weight;
	fn heartbeat_back_online() -> Weight;
	fn force_jail() -> Weight;
	fn force_unjail() -> Weight;
	fn on_initialize(n: u32, ) -> Weight;
	fn set_heartbeat_params() -> Weight;
}

/// Measured weights, with database costs from the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Providers::Providers` (r:2 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:2 w:1)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Providers::CounterForProviders` (r:1 w:1)
	/// Proof: `Providers::CounterForProviders` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:0 w:1)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Proof: `Providers::Metadata` (`max_values`: None, `max_size`: Some(1188), added: 3663, mode: `MaxEncodedLen`)
	fn register() -> Weight {
		// Proof size: measured `1048967`, estimated `1203039`.
		// Fastest run: 227_757_000 ps.
		Weight::from_parts(240_679_000, 1203039)
			.saturating_add(T::DbWeight::get().reads(17_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Proof: `Providers::Metadata` (`max_values`: None, `max_size`: Some(1188), added: 3663, mode: `MaxEncodedLen`)
	fn update_metadata() -> Weight {
		// Proof size: measured `266`, estimated `3564`.
		// Fastest run: 14_397_000 ps.
		Weight::from_parts(15_907_000, 3564)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:1)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:31 w:0)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	fn update_inventory() -> Weight {
		// Proof size: measured `3727`, estimated `80474`.
		// Fastest run: 88_314_000 ps.
		Weight::from_parts(93_361_000, 80474)
			.saturating_add(T::DbWeight::get().reads(34_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Providers` (r:2 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:2)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn set_agent() -> Weight {
		// Proof size: measured `357`, estimated `6138`.
		// Fastest run: 20_630_000 ps.
		Weight::from_parts(22_521_000, 6138)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	fn pause() -> Weight {
		// Proof size: measured `288`, estimated `3564`.
		// Fastest run: 13_625_000 ps.
		Weight::from_parts(15_011_000, 3564)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	fn resume() -> Weight {
		// Proof size: measured `288`, estimated `3564`.
		// Fastest run: 13_225_000 ps.
		Weight::from_parts(14_435_000, 3564)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Providers::CounterForProviders` (r:1 w:1)
	/// Proof: `Providers::CounterForProviders` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:0 w:1)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:0 w:1)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Proof: `Providers::Metadata` (`max_values`: None, `max_size`: Some(1188), added: 3663, mode: `MaxEncodedLen`)
	fn leave() -> Weight {
		// Proof size: measured `131442`, estimated `134551`.
		// Fastest run: 90_476_000 ps.
		Weight::from_parts(103_575_000, 134551)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	fn heartbeat() -> Weight {
		// Proof size: measured `1049564`, estimated `1203039`.
		// Fastest run: 200_591_000 ps.
		Weight::from_parts(209_504_000, 1203039)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:1 w:0)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	fn heartbeat_back_online() -> Weight {
		// Proof size: measured `1049539`, estimated `1203039`.
		// Fastest run: 214_528_000 ps.
		Weight::from_parts(232_417_000, 1203039)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:0 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	fn force_jail() -> Weight {
		// Proof size: measured `573`, estimated `134551`.
		// Fastest run: 26_201_000 ps.
		Weight::from_parts(29_970_000, 134551)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	fn force_unjail() -> Weight {
		// Proof size: measured `1049155`, estimated `1203039`.
		// Fastest run: 192_941_000 ps.
		Weight::from_parts(216_371_000, 1203039)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:4096 w:4096)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:4096 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:4096 w:4096)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[0, 4096]`.
	fn on_initialize(n: u32, ) -> Weight {
		// Proof size: measured `715 + n * 138`, estimated `134551 + n * 2792`.
		// Fastest run: 4_456_000 ps.
		Weight::from_parts(4_564_000, 134551)
			.saturating_add(Weight::from_parts(22_179_389, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2792).saturating_mul(n.into()))
	}
	/// Storage: `Providers::CounterForProviders` (r:1 w:0)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:1)
	fn set_heartbeat_params() -> Weight {
		Weight::from_parts(15_000_000, 1500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn register() -> Weight {
		Weight::from_parts(240_679_000, 1203039)
			.saturating_add(ParityDbWeight::get().reads(17_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn update_metadata() -> Weight {
		Weight::from_parts(15_907_000, 3564)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn update_inventory() -> Weight {
		Weight::from_parts(93_361_000, 80474)
			.saturating_add(ParityDbWeight::get().reads(34_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_agent() -> Weight {
		Weight::from_parts(22_521_000, 6138)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn pause() -> Weight {
		Weight::from_parts(15_011_000, 3564)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn resume() -> Weight {
		Weight::from_parts(14_435_000, 3564)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn leave() -> Weight {
		Weight::from_parts(103_575_000, 134551)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn heartbeat() -> Weight {
		Weight::from_parts(209_504_000, 1203039)
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn heartbeat_back_online() -> Weight {
		Weight::from_parts(232_417_000, 1203039)
			.saturating_add(ParityDbWeight::get().reads(16_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn force_jail() -> Weight {
		Weight::from_parts(29_970_000, 134551)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn force_unjail() -> Weight {
		Weight::from_parts(216_371_000, 1203039)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(4_564_000, 134551)
			.saturating_add(Weight::from_parts(22_179_389, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2792).saturating_mul(n.into()))
	}
	fn set_heartbeat_params() -> Weight {
		Weight::from_parts(15_000_000, 1500)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
