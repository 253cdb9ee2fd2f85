
//! Weights for `pallet_emissions`, measured by `ember-node benchmark pallet` and written by
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
	fn credit_lease(g: u32, ) -> Weight;
}

/// Measured weights, with database costs from the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn claim_rewards(d: u32, ) -> Weight {
		Weight::from_parts(120_000_000, 6000)
			.saturating_add(Weight::from_parts(60_000_000, 2600).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(d.into())))
	}
	fn set_schedule() -> Weight {
		Weight::from_parts(400_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn set_reward_params() -> Weight {
		Weight::from_parts(15_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn set_class_score() -> Weight {
		Weight::from_parts(15_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn on_initialize_author() -> Weight {
		Weight::from_parts(60_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn close_era() -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	fn close_era_among_providers(_p: u32, ) -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	fn credit_availability(g: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(Weight::from_parts(3_000_000, 2600).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn credit_lease(g: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(Weight::from_parts(3_000_000, 2600).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn claim_rewards(d: u32, ) -> Weight {
		Weight::from_parts(120_000_000, 6000)
			.saturating_add(Weight::from_parts(60_000_000, 2600).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(d.into())))
	}
	fn set_schedule() -> Weight {
		Weight::from_parts(400_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_reward_params() -> Weight {
		Weight::from_parts(15_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_class_score() -> Weight {
		Weight::from_parts(15_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn on_initialize_author() -> Weight {
		Weight::from_parts(60_000_000, 4000)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn close_era() -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn close_era_among_providers(_p: u32, ) -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn credit_availability(g: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(Weight::from_parts(3_000_000, 2600).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn credit_lease(g: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(Weight::from_parts(3_000_000, 2600).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
}
