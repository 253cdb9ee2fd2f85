//! Weights for pallet_providers. Regenerate with ./scripts/benchmark-weights.sh; these are replaced by measured values from that script.
//!
//! Until then the values are conservative estimates: 50 µs of execution per call plus the
//! storage reads and writes each path performs, and 25 µs per provider due in a block.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_providers`.
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
}

/// Weights for `pallet_providers` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::ProviderOfAgent` (r:2 w:1)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	/// Storage: `Providers::CounterForProviders` (r:1 w:1)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Storage: `Providers::Inventory` (r:0 w:1)
	fn register() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	fn update_metadata() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::Inventory` (r:1 w:1)
	fn update_inventory() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Providers` (r:2 w:1)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:2)
	fn set_agent() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	fn pause() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	fn resume() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::CounterForProviders` (r:1 w:1)
	/// Storage: `Providers::ProviderOfAgent` (r:0 w:1)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Storage: `Providers::Inventory` (r:0 w:1)
	fn leave() -> Weight {
		Weight::from_parts(55_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	fn heartbeat() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	fn heartbeat_back_online() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	fn force_jail() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	fn force_unjail() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Storage: `Providers::Providers` (r:n w:n)
	/// The range of component `n` is `[0, MaxDeadlinesPerBlock]`.
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 4_000)
			.saturating_add(Weight::from_parts(25_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3_000).saturating_mul(n.into()))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::ProviderOfAgent` (r:2 w:1)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	/// Storage: `Providers::CounterForProviders` (r:1 w:1)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Storage: `Providers::Inventory` (r:0 w:1)
	fn register() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	fn update_metadata() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::Inventory` (r:1 w:1)
	fn update_inventory() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Providers` (r:2 w:1)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:2)
	fn set_agent() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	fn pause() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	fn resume() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::CounterForProviders` (r:1 w:1)
	/// Storage: `Providers::ProviderOfAgent` (r:0 w:1)
	/// Storage: `Providers::Metadata` (r:0 w:1)
	/// Storage: `Providers::Inventory` (r:0 w:1)
	fn leave() -> Weight {
		Weight::from_parts(55_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	fn heartbeat() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	fn heartbeat_back_online() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	fn force_jail() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Storage: `Providers::Deadlines` (r:9 w:1)
	fn force_unjail() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Storage: `Providers::Providers` (r:n w:n)
	/// The range of component `n` is `[0, MaxDeadlinesPerBlock]`.
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 4_000)
			.saturating_add(Weight::from_parts(25_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3_000).saturating_mul(n.into()))
	}
}
