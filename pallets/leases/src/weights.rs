
//! Weights for `pallet_leases`, measured by `ember-node benchmark pallet` and written by
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
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextOrderId` (r:1 w:1)
	/// Proof: `Leases::NextOrderId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:17 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:0 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	fn create_order() -> Weight {
		// Proof size: measured `148500`, estimated `199975`.
		// Fastest run: 191_716_000 ps.
		Weight::from_parts(209_796_000, 199975)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:33 w:32)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:1024)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[0, 32]`.
	fn cancel_order(b: u32, ) -> Weight {
		// Proof size: measured `845 + b * 1177`, estimated `12695 + b * 3584`.
		// Fastest run: 81_941_000 ps.
		Weight::from_parts(82_893_936, 12695)
			.saturating_add(Weight::from_parts(68_698_580, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Metadata` (r:1 w:0)
	/// Proof: `Providers::Metadata` (`max_values`: None, `max_size`: Some(1188), added: 3663, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:1 w:1)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:32 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn place_bid(g: u32, ) -> Weight {
		// Proof size: measured `2801`, estimated `6842 + g * 2564`.
		// Fastest run: 47_336_000 ps.
		Weight::from_parts(50_052_693, 6842)
			.saturating_add(Weight::from_parts(3_767_320, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2564).saturating_mul(g.into()))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:1 w:1)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn withdraw_bid(g: u32, ) -> Weight {
		// Proof size: measured `877 + g * 32`, estimated `4574`.
		// Fastest run: 30_207_000 ps.
		Weight::from_parts(32_366_396, 4574)
			.saturating_add(Weight::from_parts(1_764_375, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:33 w:32)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextLeaseId` (r:1 w:1)
	/// Proof: `Leases::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPriceCursor` (r:1 w:1)
	/// Proof: `Leases::RecentPriceCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPrices` (r:0 w:1)
	/// Proof: `Leases::RecentPrices` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:1024)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:0 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[1, 32]`.
	fn accept_bid(b: u32, ) -> Weight {
		// Proof size: measured `151209 + b * 1209`, estimated `211680 + b * 3584`.
		// Fastest run: 275_622_000 ps.
		Weight::from_parts(182_895_649, 211680)
			.saturating_add(Weight::from_parts(84_315_170, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(28_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:32 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextOfferId` (r:1 w:1)
	/// Proof: `Leases::NextOfferId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:0 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn list_offer(g: u32, ) -> Weight {
		// Proof size: measured `2394`, estimated `6842 + g * 2564`.
		// Fastest run: 36_666_000 ps.
		Weight::from_parts(40_155_975, 6842)
			.saturating_add(Weight::from_parts(3_899_601, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2564).saturating_mul(g.into()))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn unlist_offer(g: u32, ) -> Weight {
		// Proof size: measured `592 + g * 32`, estimated `4566`.
		// Fastest run: 25_148_000 ps.
		Weight::from_parts(26_930_072, 4566)
			.saturating_add(Weight::from_parts(1_798_485, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	/// Storage: `Leases::Offers` (r:1 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextLeaseId` (r:1 w:1)
	/// Proof: `Leases::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:17 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPriceCursor` (r:1 w:1)
	/// Proof: `Leases::RecentPriceCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPrices` (r:0 w:1)
	/// Proof: `Leases::RecentPrices` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:0 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn rent(g: u32, ) -> Weight {
		// Proof size: measured `150727 + g * 33`, estimated `199975`.
		// Fastest run: 234_672_000 ps.
		Weight::from_parts(269_496_649, 199975)
			.saturating_add(Weight::from_parts(2_841_357, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(27_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Leases::OfflineSince` (r:1 w:0)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	fn top_up() -> Weight {
		// Proof size: measured `149803`, estimated `211680`.
		// Fastest run: 227_158_000 ps.
		Weight::from_parts(257_509_000, 211680)
			.saturating_add(T::DbWeight::get().reads(26_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	fn extend() -> Weight {
		// Proof size: measured `149396`, estimated `211680`.
		// Fastest run: 106_657_000 ps.
		Weight::from_parts(118_768_000, 211680)
			.saturating_add(T::DbWeight::get().reads(19_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Leases::OfflineSince` (r:1 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn close_lease() -> Weight {
		// Proof size: measured `2430`, estimated `12695`.
		// Fastest run: 218_411_000 ps.
		Weight::from_parts(242_904_000, 12695)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(41_u64))
	}
	/// Storage: `Leases::ProtocolFee` (r:0 w:1)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_protocol_fee() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 4_567_000 ps.
		Weight::from_parts(5_460_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Leases::Leases` (r:32 w:32)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Leases::OfflineSince` (r:1 w:0)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:32 w:32)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[1, 32]`.
	fn attest(l: u32, ) -> Weight {
		// Proof size: measured `514 + l * 487`, estimated `3970 + l * 3742`.
		// Fastest run: 79_526_000 ps.
		Weight::from_parts(23_945_846, 3970)
			.saturating_add(Weight::from_parts(67_707_172, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(l.into()))
	}
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:17 w:1)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:0 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	fn went_offline() -> Weight {
		// Proof size: measured `9158`, estimated `51990`.
		// Fastest run: 68_474_000 ps.
		Weight::from_parts(78_705_000, 51990)
			.saturating_add(T::DbWeight::get().reads(18_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Leases::Due` (r:1 w:0)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	fn on_initialize_idle() -> Weight {
		// Proof size: measured `76`, estimated `12695`.
		// Fastest run: 4_940_000 ps.
		Weight::from_parts(6_157_000, 12695)
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:33 w:32)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:32 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::TotalDelegated` (r:32 w:0)
	/// Proof: `ProviderStaking::TotalDelegated` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextLeaseId` (r:1 w:1)
	/// Proof: `Leases::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPriceCursor` (r:1 w:1)
	/// Proof: `Leases::RecentPriceCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPrices` (r:0 w:1)
	/// Proof: `Leases::RecentPrices` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:1024)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:0 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[1, 32]`.
	fn bid_window_award(b: u32, ) -> Weight {
		// Proof size: measured `151233 + b * 1285`, estimated `211680 + b * 3584`.
		// Fastest run: 290_301_000 ps.
		Weight::from_parts(246_479_423, 211680)
			.saturating_add(Weight::from_parts(87_027_890, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(29_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:33 w:32)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:1024)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[0, 32]`.
	fn bid_window_expire(b: u32, ) -> Weight {
		// Proof size: measured `845 + b * 1177`, estimated `12695 + b * 3584`.
		// Fastest run: 80_086_000 ps.
		Weight::from_parts(88_419_553, 12695)
			.saturating_add(Weight::from_parts(59_892_933, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Leases::OfflineSince` (r:1 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn lease_check_close() -> Weight {
		// Proof size: measured `2173`, estimated `12695`.
		// Fastest run: 202_897_000 ps.
		Weight::from_parts(218_350_000, 12695)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(41_u64))
	}
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Leases::OfflineSince` (r:1 w:0)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	fn lease_check_grace() -> Weight {
		// Proof size: measured `149815`, estimated `211680`.
		// Fastest run: 178_525_000 ps.
		Weight::from_parts(204_395_000, 211680)
			.saturating_add(T::DbWeight::get().reads(27_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Leases::Due` (r:33 w:32)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:1)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:1 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:32 w:32)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:32 w:32)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:32 w:32)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[0, 32]`.
	fn offline_limit(l: u32, ) -> Weight {
		// Proof size: measured `997 + l * 585`, estimated `12695 + l * 11705`.
		// Fastest run: 10_666_000 ps.
		Weight::from_parts(21_476_188, 12695)
			.saturating_add(Weight::from_parts(134_114_030, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 11705).saturating_mul(l.into()))
	}
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:50 w:50)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Leases::OfflineSince` (r:2 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:50 w:50)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:52 w:52)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:2 w:2)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:50 w:50)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:2 w:2)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:50)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 50]`.
	/// Component `s` ranges over `[0, 200]`.
	fn expire_leases(n: u32, s: u32, ) -> Weight {
		// Proof size: measured `0 + n * 819 + s * 102`, estimated `12695 + n * 3742 + s * 48`.
		// Fastest run: 202_993_000 ps.
		Weight::from_parts(205_392_000, 12695)
			.saturating_add(Weight::from_parts(132_448_723, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(79_848, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 48).saturating_mul(s.into()))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn create_order() -> Weight {
		Weight::from_parts(209_796_000, 199975)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn cancel_order(b: u32, ) -> Weight {
		Weight::from_parts(82_893_936, 12695)
			.saturating_add(Weight::from_parts(68_698_580, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn place_bid(g: u32, ) -> Weight {
		Weight::from_parts(50_052_693, 6842)
			.saturating_add(Weight::from_parts(3_767_320, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2564).saturating_mul(g.into()))
	}
	fn withdraw_bid(g: u32, ) -> Weight {
		Weight::from_parts(32_366_396, 4574)
			.saturating_add(Weight::from_parts(1_764_375, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn accept_bid(b: u32, ) -> Weight {
		Weight::from_parts(182_895_649, 211680)
			.saturating_add(Weight::from_parts(84_315_170, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(28_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn list_offer(g: u32, ) -> Weight {
		Weight::from_parts(40_155_975, 6842)
			.saturating_add(Weight::from_parts(3_899_601, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2564).saturating_mul(g.into()))
	}
	fn unlist_offer(g: u32, ) -> Weight {
		Weight::from_parts(26_930_072, 4566)
			.saturating_add(Weight::from_parts(1_798_485, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn rent(g: u32, ) -> Weight {
		Weight::from_parts(269_496_649, 199975)
			.saturating_add(Weight::from_parts(2_841_357, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(27_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn top_up() -> Weight {
		Weight::from_parts(257_509_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(26_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn extend() -> Weight {
		Weight::from_parts(118_768_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(19_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn close_lease() -> Weight {
		Weight::from_parts(242_904_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(41_u64))
	}
	fn set_protocol_fee() -> Weight {
		Weight::from_parts(5_460_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn attest(l: u32, ) -> Weight {
		Weight::from_parts(23_945_846, 3970)
			.saturating_add(Weight::from_parts(67_707_172, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(l.into()))
	}
	fn went_offline() -> Weight {
		Weight::from_parts(78_705_000, 51990)
			.saturating_add(ParityDbWeight::get().reads(18_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(6_157_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
	}
	fn bid_window_award(b: u32, ) -> Weight {
		Weight::from_parts(246_479_423, 211680)
			.saturating_add(Weight::from_parts(87_027_890, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(29_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn bid_window_expire(b: u32, ) -> Weight {
		Weight::from_parts(88_419_553, 12695)
			.saturating_add(Weight::from_parts(59_892_933, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn lease_check_close() -> Weight {
		Weight::from_parts(218_350_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(41_u64))
	}
	fn lease_check_grace() -> Weight {
		Weight::from_parts(204_395_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(27_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn offline_limit(l: u32, ) -> Weight {
		Weight::from_parts(21_476_188, 12695)
			.saturating_add(Weight::from_parts(134_114_030, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 11705).saturating_mul(l.into()))
	}
	fn expire_leases(n: u32, s: u32, ) -> Weight {
		Weight::from_parts(205_392_000, 12695)
			.saturating_add(Weight::from_parts(132_448_723, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(79_848, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 48).saturating_mul(s.into()))
	}
}
