
//! Weights for `pallet_leases`. Placeholder values until `scripts/benchmark-weights.sh` measures
//! them; do not rely on them.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::unnecessary_cast)]
#![allow(clippy::identity_op)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight of each call and hook of `pallet_leases`.
pub trait WeightInfo {
	fn create_order() -> Weight;
	fn cancel_order(b: u32, ) -> Weight;
	fn place_bid(g: u32, ) -> Weight;
	fn withdraw_bid(g: u32, ) -> Weight;
	fn accept_bid(b: u32, ) -> Weight;
	fn list_offer(g: u32, ) -> Weight;
	fn unlist_offer(g: u32, ) -> Weight;
	fn rent(g: u32, ) -> Weight;
	fn top_up() -> Weight;
	fn extend() -> Weight;
	fn close_lease() -> Weight;
	fn set_protocol_fee() -> Weight;
	fn attest(l: u32, ) -> Weight;
	fn went_offline() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn bid_window_award(b: u32, ) -> Weight;
	fn bid_window_expire(b: u32, ) -> Weight;
	fn lease_check_close() -> Weight;
	fn lease_check_grace() -> Weight;
	fn offline_limit(l: u32, ) -> Weight;
	fn expire_leases(n: u32, s: u32, ) -> Weight;
}

/// Measured weights, with database costs from the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_order() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn cancel_order(b: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn place_bid(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn withdraw_bid(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn accept_bid(b: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn list_offer(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn unlist_offer(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn rent(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn top_up() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn extend() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn close_lease() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn set_protocol_fee() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn attest(l: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn went_offline() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn bid_window_award(b: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn bid_window_expire(b: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn lease_check_close() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn lease_check_grace() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn offline_limit(l: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn expire_leases(n: u32, s: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads_writes(10_u64, 10_u64))
	}
}

/// For tests: the same figures with ParityDB's database costs.
impl WeightInfo for () {
	fn create_order() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn cancel_order(b: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn place_bid(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn withdraw_bid(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn accept_bid(b: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn list_offer(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn unlist_offer(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn rent(g: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn top_up() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn extend() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn close_lease() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn set_protocol_fee() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn attest(l: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn went_offline() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn bid_window_award(b: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn bid_window_expire(b: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn lease_check_close() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn lease_check_grace() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn offline_limit(l: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
	fn expire_leases(n: u32, s: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(50_000_000, 1_000).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(10_u64, 10_u64))
	}
}
