
//! Weights for `pallet_leases`, measured by `ember-node benchmark pallet` and written by
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
	fn heard_from(l: u32, ) -> Weight;
	fn find_walk_outs(l: u32, ) -> Weight;
	fn attest_late(l: u32, ) -> Weight;
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:17 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:0 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrderIndex` (r:0 w:2)
	/// Proof: `Leases::OrderIndex` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	fn create_order() -> Weight {
		// Proof size: measured `148461`, estimated `199975`.
		// Fastest run: 247_037_000 ps.
		Weight::from_parts(271_985_000, 199975)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:33 w:32)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:1024)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrderIndex` (r:0 w:2)
	/// Proof: `Leases::OrderIndex` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[0, 32]`.
	fn cancel_order(b: u32, ) -> Weight {
		// Proof size: measured `889 + b * 1177`, estimated `12695 + b * 3584`.
		// Fastest run: 109_503_000 ps.
		Weight::from_parts(86_929_584, 12695)
			.saturating_add(Weight::from_parts(92_000_509, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Metadata` (r:1 w:0)
	/// Proof: `Providers::Metadata` (`max_values`: None, `max_size`: Some(1188), added: 3663, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:1 w:1)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:32 w:0)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:32 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn place_bid(g: u32, ) -> Weight {
		// Proof size: measured `3753 + g * 20`, estimated `6842 + g * 2591`.
		// Fastest run: 86_719_000 ps.
		Weight::from_parts(81_880_189, 6842)
			.saturating_add(Weight::from_parts(9_594_197, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2591).saturating_mul(g.into()))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:1 w:1)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn withdraw_bid(g: u32, ) -> Weight {
		// Proof size: measured `837 + g * 32`, estimated `4574`.
		// Fastest run: 39_619_000 ps.
		Weight::from_parts(40_276_200, 4574)
			.saturating_add(Weight::from_parts(2_091_227, 0).saturating_mul(g.into()))
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
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:32 w:0)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ChallengeOfGpu` (r:32 w:0)
	/// Proof: `Challenges::ChallengeOfGpu` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextLeaseId` (r:1 w:1)
	/// Proof: `Leases::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPriceCursor` (r:1 w:1)
	/// Proof: `Leases::RecentPriceCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPrices` (r:0 w:1)
	/// Proof: `Leases::RecentPrices` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:1024)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:0 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrderIndex` (r:0 w:2)
	/// Proof: `Leases::OrderIndex` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[1, 32]`.
	fn accept_bid(b: u32, ) -> Weight {
		// Proof size: measured `152970 + b * 1252`, estimated `211680 + b * 3584`.
		// Fastest run: 618_441_000 ps.
		Weight::from_parts(558_415_164, 211680)
			.saturating_add(Weight::from_parts(93_005_341, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(94_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:32 w:0)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:32 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextOfferId` (r:1 w:1)
	/// Proof: `Leases::NextOfferId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfferIndex` (r:0 w:1)
	/// Proof: `Leases::OfferIndex` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:0 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn list_offer(g: u32, ) -> Weight {
		// Proof size: measured `3313 + g * 20`, estimated `6842 + g * 2591`.
		// Fastest run: 71_346_000 ps.
		Weight::from_parts(68_927_429, 6842)
			.saturating_add(Weight::from_parts(9_499_716, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2591).saturating_mul(g.into()))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfferIndex` (r:0 w:1)
	/// Proof: `Leases::OfferIndex` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn unlist_offer(g: u32, ) -> Weight {
		// Proof size: measured `519 + g * 32`, estimated `4566`.
		// Fastest run: 32_548_000 ps.
		Weight::from_parts(32_757_017, 4566)
			.saturating_add(Weight::from_parts(2_066_351, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	/// Storage: `Leases::Offers` (r:1 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:32 w:0)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ChallengeOfGpu` (r:32 w:0)
	/// Proof: `Challenges::ChallengeOfGpu` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextLeaseId` (r:1 w:1)
	/// Proof: `Leases::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:17 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPriceCursor` (r:1 w:1)
	/// Proof: `Leases::RecentPriceCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPrices` (r:0 w:1)
	/// Proof: `Leases::RecentPrices` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:0 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn rent(g: u32, ) -> Weight {
		// Proof size: measured `151590 + g * 52`, estimated `199975 + g * 2591`.
		// Fastest run: 375_759_000 ps.
		Weight::from_parts(413_229_293, 199975)
			.saturating_add(Weight::from_parts(8_234_762, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(29_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2591).saturating_mul(g.into()))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:1 w:0)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraHolders` (r:1 w:1)
	/// Proof: `Emissions::EraHolders` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	fn top_up() -> Weight {
		// Proof size: measured `152592`, estimated `211680`.
		// Fastest run: 332_535_000 ps.
		Weight::from_parts(378_594_000, 211680)
			.saturating_add(T::DbWeight::get().reads(34_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:0)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	fn extend() -> Weight {
		// Proof size: measured `149866`, estimated `211680`.
		// Fastest run: 185_246_000 ps.
		Weight::from_parts(204_414_000, 211680)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:2 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:1 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraHolders` (r:1 w:1)
	/// Proof: `Emissions::EraHolders` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Reported` (r:1 w:1)
	/// Proof: `Slashing::Reported` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::DisplacedDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::DisplacedDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Delegations` (r:128 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(753), added: 3228, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Spans` (r:1 w:1)
	/// Proof: `Slashing::Spans` (`max_values`: None, `max_size`: Some(184), added: 2659, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceParams` (r:1 w:0)
	/// Proof: `Slashing::OffenceParams` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::EraSlashCap` (r:1 w:0)
	/// Proof: `Slashing::EraSlashCap` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::NextSlashId` (r:1 w:1)
	/// Proof: `Slashing::NextSlashId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingPunishments` (r:1 w:1)
	/// Proof: `Slashing::PendingPunishments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::SlashExposure` (r:0 w:1)
	/// Proof: `Slashing::SlashExposure` (`max_values`: None, `max_size`: Some(6210), added: 8685, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingSlashes` (r:0 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn close_lease() -> Weight {
		// Proof size: measured `20743`, estimated `414174`.
		// Fastest run: 1_102_411_000 ps.
		Weight::from_parts(1_172_986_000, 414174)
			.saturating_add(T::DbWeight::get().reads(159_u64))
			.saturating_add(T::DbWeight::get().writes(53_u64))
	}
	/// Storage: `Leases::ProtocolFee` (r:0 w:1)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_protocol_fee() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 5_419_000 ps.
		Weight::from_parts(6_209_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[1, 32]`.
	fn attest(l: u32, ) -> Weight {
		// Proof size: measured `477 + l * 14`, estimated `4166`.
		// Fastest run: 17_616_000 ps.
		Weight::from_parts(17_994_067, 4166)
			.saturating_add(Weight::from_parts(2_018_807, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[0, 32]`.
	fn heard_from(l: u32, ) -> Weight {
		// Proof size: measured `477 + l * 20`, estimated `4166`.
		// Fastest run: 3_955_000 ps.
		Weight::from_parts(11_201_552, 4166)
			.saturating_add(Weight::from_parts(895_505, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:32 w:32)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[0, 32]`.
	fn find_walk_outs(l: u32, ) -> Weight {
		// Proof size: measured `148270 + l * 291`, estimated `211680 + l * 3727`.
		// Fastest run: 7_942_000 ps.
		Weight::from_parts(97_275_490, 211680)
			.saturating_add(Weight::from_parts(41_516_114, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(17_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3727).saturating_mul(l.into()))
	}
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:32 w:32)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:1 w:0)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:32 w:32)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:32 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraHolders` (r:1 w:1)
	/// Proof: `Emissions::EraHolders` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[1, 32]`.
	fn attest_late(l: u32, ) -> Weight {
		// Proof size: measured `1453 + l * 557`, estimated `6842 + l * 3727`.
		// Fastest run: 143_123_000 ps.
		Weight::from_parts(145_196_000, 6842)
			.saturating_add(Weight::from_parts(100_156_833, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3727).saturating_mul(l.into()))
	}
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:32 w:0)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Reported` (r:1 w:1)
	/// Proof: `Slashing::Reported` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::DisplacedDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::DisplacedDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Delegations` (r:128 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(753), added: 3228, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Spans` (r:1 w:1)
	/// Proof: `Slashing::Spans` (`max_values`: None, `max_size`: Some(184), added: 2659, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceParams` (r:1 w:0)
	/// Proof: `Slashing::OffenceParams` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::EraSlashCap` (r:1 w:0)
	/// Proof: `Slashing::EraSlashCap` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::NextSlashId` (r:1 w:1)
	/// Proof: `Slashing::NextSlashId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingPunishments` (r:1 w:1)
	/// Proof: `Slashing::PendingPunishments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:17 w:1)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::SlashExposure` (r:0 w:1)
	/// Proof: `Slashing::SlashExposure` (`max_values`: None, `max_size`: Some(6210), added: 8685, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingSlashes` (r:0 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:0 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	fn went_offline() -> Weight {
		// Proof size: measured `32857`, estimated `414174`.
		// Fastest run: 964_766_000 ps.
		Weight::from_parts(995_382_000, 414174)
			.saturating_add(T::DbWeight::get().reads(189_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:0)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	fn on_initialize_idle() -> Weight {
		// Proof size: measured `3`, estimated `12695`.
		// Fastest run: 6_579_000 ps.
		Weight::from_parts(7_281_000, 12695)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:32 w:0)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ChallengeOfGpu` (r:32 w:0)
	/// Proof: `Challenges::ChallengeOfGpu` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextLeaseId` (r:1 w:1)
	/// Proof: `Leases::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPriceCursor` (r:1 w:1)
	/// Proof: `Leases::RecentPriceCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::RecentPrices` (r:0 w:1)
	/// Proof: `Leases::RecentPrices` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:1024)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:0 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrderIndex` (r:0 w:2)
	/// Proof: `Leases::OrderIndex` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[1, 32]`.
	fn bid_window_award(b: u32, ) -> Weight {
		// Proof size: measured `152827 + b * 1314`, estimated `211680 + b * 3584`.
		// Fastest run: 592_702_000 ps.
		Weight::from_parts(555_701_142, 211680)
			.saturating_add(Weight::from_parts(104_554_812, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(96_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(15_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(260), added: 2735, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Bids` (r:33 w:32)
	/// Proof: `Leases::Bids` (`max_values`: None, `max_size`: Some(1109), added: 3584, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:1024)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrderIndex` (r:0 w:2)
	/// Proof: `Leases::OrderIndex` (`max_values`: None, `max_size`: Some(107), added: 2582, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[0, 32]`.
	fn bid_window_expire(b: u32, ) -> Weight {
		// Proof size: measured `889 + b * 1177`, estimated `12695 + b * 3584`.
		// Fastest run: 110_554_000 ps.
		Weight::from_parts(107_628_225, 12695)
			.saturating_add(Weight::from_parts(83_186_680, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:1 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn lease_check_close() -> Weight {
		// Proof size: measured `5074`, estimated `12695`.
		// Fastest run: 312_875_000 ps.
		Weight::from_parts(323_852_000, 12695)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(46_u64))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:1 w:0)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraHolders` (r:1 w:1)
	/// Proof: `Emissions::EraHolders` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	fn lease_check_grace() -> Weight {
		// Proof size: measured `152595`, estimated `211680`.
		// Fastest run: 285_605_000 ps.
		Weight::from_parts(318_233_000, 211680)
			.saturating_add(T::DbWeight::get().reads(37_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:2 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:1)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:1 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:32 w:32)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:32 w:32)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:32 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::EraHolders` (r:1 w:1)
	/// Proof: `Emissions::EraHolders` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:32 w:32)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[0, 32]`.
	fn offline_limit(l: u32, ) -> Weight {
		// Proof size: measured `1663 + l * 630`, estimated `22304 + l * 3727`.
		// Fastest run: 15_203_000 ps.
		Weight::from_parts(16_810_773, 22304)
			.saturating_add(Weight::from_parts(193_429_228, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3727).saturating_mul(l.into()))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:50 w:50)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1252), added: 3727, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:2 w:2)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(701), added: 3176, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:2 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProtocolFee` (r:1 w:0)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:50 w:50)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:52 w:52)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:2 w:2)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:50 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:2 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:2 w:2)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:50 w:50)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:50)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 50]`.
	/// Component `s` ranges over `[0, 200]`.
	fn expire_leases(n: u32, _s: u32, ) -> Weight {
		// Proof size: measured `0 + n * 896 + s * 103`, estimated `12695 + n * 3727`.
		// Fastest run: 300_387_000 ps.
		Weight::from_parts(302_891_000, 12695)
			.saturating_add(Weight::from_parts(189_886_710, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3727).saturating_mul(n.into()))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn create_order() -> Weight {
		Weight::from_parts(271_985_000, 199975)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn cancel_order(b: u32, ) -> Weight {
		Weight::from_parts(86_929_584, 12695)
			.saturating_add(Weight::from_parts(92_000_509, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn place_bid(g: u32, ) -> Weight {
		Weight::from_parts(81_880_189, 6842)
			.saturating_add(Weight::from_parts(9_594_197, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2591).saturating_mul(g.into()))
	}
	fn withdraw_bid(g: u32, ) -> Weight {
		Weight::from_parts(40_276_200, 4574)
			.saturating_add(Weight::from_parts(2_091_227, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn accept_bid(b: u32, ) -> Weight {
		Weight::from_parts(558_415_164, 211680)
			.saturating_add(Weight::from_parts(93_005_341, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(94_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn list_offer(g: u32, ) -> Weight {
		Weight::from_parts(68_927_429, 6842)
			.saturating_add(Weight::from_parts(9_499_716, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2591).saturating_mul(g.into()))
	}
	fn unlist_offer(g: u32, ) -> Weight {
		Weight::from_parts(32_757_017, 4566)
			.saturating_add(Weight::from_parts(2_066_351, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn rent(g: u32, ) -> Weight {
		Weight::from_parts(413_229_293, 199975)
			.saturating_add(Weight::from_parts(8_234_762, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(29_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2591).saturating_mul(g.into()))
	}
	fn top_up() -> Weight {
		Weight::from_parts(378_594_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(34_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn extend() -> Weight {
		Weight::from_parts(204_414_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(23_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn close_lease() -> Weight {
		Weight::from_parts(1_172_986_000, 414174)
			.saturating_add(ParityDbWeight::get().reads(159_u64))
			.saturating_add(ParityDbWeight::get().writes(53_u64))
	}
	fn set_protocol_fee() -> Weight {
		Weight::from_parts(6_209_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn attest(l: u32, ) -> Weight {
		Weight::from_parts(17_994_067, 4166)
			.saturating_add(Weight::from_parts(2_018_807, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn heard_from(l: u32, ) -> Weight {
		Weight::from_parts(11_201_552, 4166)
			.saturating_add(Weight::from_parts(895_505, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
	}
	fn find_walk_outs(l: u32, ) -> Weight {
		Weight::from_parts(97_275_490, 211680)
			.saturating_add(Weight::from_parts(41_516_114, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(17_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3727).saturating_mul(l.into()))
	}
	fn attest_late(l: u32, ) -> Weight {
		Weight::from_parts(145_196_000, 6842)
			.saturating_add(Weight::from_parts(100_156_833, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3727).saturating_mul(l.into()))
	}
	fn went_offline() -> Weight {
		Weight::from_parts(995_382_000, 414174)
			.saturating_add(ParityDbWeight::get().reads(189_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(7_281_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn bid_window_award(b: u32, ) -> Weight {
		Weight::from_parts(555_701_142, 211680)
			.saturating_add(Weight::from_parts(104_554_812, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(96_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(15_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn bid_window_expire(b: u32, ) -> Weight {
		Weight::from_parts(107_628_225, 12695)
			.saturating_add(Weight::from_parts(83_186_680, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn lease_check_close() -> Weight {
		Weight::from_parts(323_852_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(46_u64))
	}
	fn lease_check_grace() -> Weight {
		Weight::from_parts(318_233_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(37_u64))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
	}
	fn offline_limit(l: u32, ) -> Weight {
		Weight::from_parts(16_810_773, 22304)
			.saturating_add(Weight::from_parts(193_429_228, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(16_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3727).saturating_mul(l.into()))
	}
	fn expire_leases(n: u32, _s: u32, ) -> Weight {
		Weight::from_parts(302_891_000, 12695)
			.saturating_add(Weight::from_parts(189_886_710, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3727).saturating_mul(n.into()))
	}
}
