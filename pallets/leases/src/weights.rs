
//! Weights for `pallet_leases`, measured by `ember-node benchmark pallet` and written by
//! `scripts/benchmark-weights.sh`. Do not edit by hand: run the script again.
//!
//! Benchmark CLI 64.0.0, 2026-12-04; steps 20, repeat 10;
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
	fn create_order() -> Weight {
		// Proof size: measured `148428`, estimated `199975`.
		// Fastest run: 186_708_000 ps.
		Weight::from_parts(216_073_000, 199975)
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:1024)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[0, 32]`.
	fn cancel_order(b: u32, ) -> Weight {
		// Proof size: measured `772 + b * 1177`, estimated `12695 + b * 3584`.
		// Fastest run: 80_270_000 ps.
		Weight::from_parts(58_867_757, 12695)
			.saturating_add(Weight::from_parts(73_450_370, 0).saturating_mul(b.into()))
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
	/// Storage: `Leases::CommittedGpus` (r:32 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn place_bid(g: u32, ) -> Weight {
		// Proof size: measured `2827`, estimated `6842 + g * 2564`.
		// Fastest run: 46_950_000 ps.
		Weight::from_parts(47_061_889, 6842)
			.saturating_add(Weight::from_parts(3_769_356, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
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
		// Proof size: measured `804 + g * 32`, estimated `4574`.
		// Fastest run: 26_310_000 ps.
		Weight::from_parts(26_361_816, 4574)
			.saturating_add(Weight::from_parts(1_587_296, 0).saturating_mul(g.into()))
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
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
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
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
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
		// Proof size: measured `151252 + b * 1224`, estimated `211680 + b * 3584`.
		// Fastest run: 267_179_000 ps.
		Weight::from_parts(254_174_934, 211680)
			.saturating_add(Weight::from_parts(68_823_195, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(30_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
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
		// Proof size: measured `2420`, estimated `6842 + g * 2564`.
		// Fastest run: 36_564_000 ps.
		Weight::from_parts(36_937_066, 6842)
			.saturating_add(Weight::from_parts(3_641_444, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
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
		// Proof size: measured `519 + g * 32`, estimated `4566`.
		// Fastest run: 20_431_000 ps.
		Weight::from_parts(20_087_360, 4566)
			.saturating_add(Weight::from_parts(1_652_726, 0).saturating_mul(g.into()))
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
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextLeaseId` (r:1 w:1)
	/// Proof: `Leases::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
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
		// Proof size: measured `150754 + g * 33`, estimated `199975`.
		// Fastest run: 263_112_000 ps.
		Weight::from_parts(278_760_104, 199975)
			.saturating_add(Weight::from_parts(2_623_072, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(29_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
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
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	fn top_up() -> Weight {
		// Proof size: measured `152494`, estimated `211680`.
		// Fastest run: 286_558_000 ps.
		Weight::from_parts(324_274_000, 211680)
			.saturating_add(T::DbWeight::get().reads(32_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:0)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(1101), added: 3576, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	fn extend() -> Weight {
		// Proof size: measured `149787`, estimated `211680`.
		// Fastest run: 122_312_000 ps.
		Weight::from_parts(152_327_000, 211680)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:2 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
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
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::SlashExposure` (r:0 w:1)
	/// Proof: `Slashing::SlashExposure` (`max_values`: None, `max_size`: Some(6210), added: 8685, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingSlashes` (r:0 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn close_lease() -> Weight {
		// Proof size: measured `20705`, estimated `414174`.
		// Fastest run: 901_094_000 ps.
		Weight::from_parts(993_583_000, 414174)
			.saturating_add(T::DbWeight::get().reads(158_u64))
			.saturating_add(T::DbWeight::get().writes(52_u64))
	}
	/// Storage: `Leases::ProtocolFee` (r:0 w:1)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_protocol_fee() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 3_846_000 ps.
		Weight::from_parts(4_327_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Leases::Leases` (r:32 w:32)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
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
	/// Component `l` ranges over `[1, 32]`.
	fn attest(l: u32, ) -> Weight {
		// Proof size: measured `1333 + l * 548`, estimated `6842 + l * 3742`.
		// Fastest run: 99_329_000 ps.
		Weight::from_parts(103_324_000, 6842)
			.saturating_add(Weight::from_parts(78_928_798, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(l.into()))
	}
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:32 w:0)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
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
		// Proof size: measured `32825`, estimated `414174`.
		// Fastest run: 801_346_000 ps.
		Weight::from_parts(859_924_000, 414174)
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
		// Fastest run: 5_067_000 ps.
		Weight::from_parts(5_698_000, 12695)
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
	/// Storage: `Leases::LeasesOfTenant` (r:1 w:1)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:32 w:32)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OrdersOfTenant` (r:1 w:1)
	/// Proof: `Leases::OrdersOfTenant` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextLeaseId` (r:1 w:1)
	/// Proof: `Leases::NextLeaseId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
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
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[1, 32]`.
	fn bid_window_award(b: u32, ) -> Weight {
		// Proof size: measured `151155 + b * 1285`, estimated `211680 + b * 3584`.
		// Fastest run: 274_660_000 ps.
		Weight::from_parts(286_664_297, 211680)
			.saturating_add(Weight::from_parts(74_179_927, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(32_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
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
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
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
	/// Component `b` ranges over `[0, 32]`.
	fn bid_window_expire(b: u32, ) -> Weight {
		// Proof size: measured `772 + b * 1177`, estimated `12695 + b * 3584`.
		// Fastest run: 75_492_000 ps.
		Weight::from_parts(72_288_394, 12695)
			.saturating_add(Weight::from_parts(58_645_556, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
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
	/// Storage: `Leases::Books` (r:1 w:1)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn lease_check_close() -> Weight {
		// Proof size: measured `5005`, estimated `12695`.
		// Fastest run: 223_554_000 ps.
		Weight::from_parts(237_875_000, 12695)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(46_u64))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
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
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	fn lease_check_grace() -> Weight {
		// Proof size: measured `152636`, estimated `211680`.
		// Fastest run: 190_734_000 ps.
		Weight::from_parts(230_224_000, 211680)
			.saturating_add(T::DbWeight::get().reads(35_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
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
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:32 w:32)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
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
	/// Storage: `Leases::LeasesOfTenant` (r:32 w:32)
	/// Proof: `Leases::LeasesOfTenant` (`max_values`: None, `max_size`: Some(1074), added: 3549, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[0, 32]`.
	fn offline_limit(l: u32, ) -> Weight {
		// Proof size: measured `1625 + l * 629`, estimated `22304 + l * 3742`.
		// Fastest run: 10_836_000 ps.
		Weight::from_parts(13_564_189, 22304)
			.saturating_add(Weight::from_parts(148_849_676, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(l.into()))
	}
	/// Storage: `Leases::DueBacklog` (r:1 w:1)
	/// Proof: `Leases::DueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:1 w:1)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Leases` (r:50 w:50)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
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
	/// Storage: `Leases::Books` (r:2 w:2)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDueBacklog` (r:1 w:1)
	/// Proof: `Leases::OfflineDueBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:50)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 50]`.
	/// Component `s` ranges over `[0, 200]`.
	fn expire_leases(n: u32, _s: u32, ) -> Weight {
		// Proof size: measured `0 + n * 896 + s * 103`, estimated `12695 + n * 3742`.
		// Fastest run: 249_192_000 ps.
		Weight::from_parts(251_516_000, 12695)
			.saturating_add(Weight::from_parts(148_091_430, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(n.into()))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn create_order() -> Weight {
		Weight::from_parts(216_073_000, 199975)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn cancel_order(b: u32, ) -> Weight {
		Weight::from_parts(58_867_757, 12695)
			.saturating_add(Weight::from_parts(73_450_370, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn place_bid(g: u32, ) -> Weight {
		Weight::from_parts(47_061_889, 6842)
			.saturating_add(Weight::from_parts(3_769_356, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2564).saturating_mul(g.into()))
	}
	fn withdraw_bid(g: u32, ) -> Weight {
		Weight::from_parts(26_361_816, 4574)
			.saturating_add(Weight::from_parts(1_587_296, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn accept_bid(b: u32, ) -> Weight {
		Weight::from_parts(254_174_934, 211680)
			.saturating_add(Weight::from_parts(68_823_195, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(30_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn list_offer(g: u32, ) -> Weight {
		Weight::from_parts(36_937_066, 6842)
			.saturating_add(Weight::from_parts(3_641_444, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2564).saturating_mul(g.into()))
	}
	fn unlist_offer(g: u32, ) -> Weight {
		Weight::from_parts(20_087_360, 4566)
			.saturating_add(Weight::from_parts(1_652_726, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn rent(g: u32, ) -> Weight {
		Weight::from_parts(278_760_104, 199975)
			.saturating_add(Weight::from_parts(2_623_072, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(29_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn top_up() -> Weight {
		Weight::from_parts(324_274_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(32_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn extend() -> Weight {
		Weight::from_parts(152_327_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(23_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn close_lease() -> Weight {
		Weight::from_parts(993_583_000, 414174)
			.saturating_add(ParityDbWeight::get().reads(158_u64))
			.saturating_add(ParityDbWeight::get().writes(52_u64))
	}
	fn set_protocol_fee() -> Weight {
		Weight::from_parts(4_327_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn attest(l: u32, ) -> Weight {
		Weight::from_parts(103_324_000, 6842)
			.saturating_add(Weight::from_parts(78_928_798, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(l.into()))
	}
	fn went_offline() -> Weight {
		Weight::from_parts(859_924_000, 414174)
			.saturating_add(ParityDbWeight::get().reads(189_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_698_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn bid_window_award(b: u32, ) -> Weight {
		Weight::from_parts(286_664_297, 211680)
			.saturating_add(Weight::from_parts(74_179_927, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(32_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn bid_window_expire(b: u32, ) -> Weight {
		Weight::from_parts(72_288_394, 12695)
			.saturating_add(Weight::from_parts(58_645_556, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn lease_check_close() -> Weight {
		Weight::from_parts(237_875_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(46_u64))
	}
	fn lease_check_grace() -> Weight {
		Weight::from_parts(230_224_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(35_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
	fn offline_limit(l: u32, ) -> Weight {
		Weight::from_parts(13_564_189, 22304)
			.saturating_add(Weight::from_parts(148_849_676, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(l.into()))
	}
	fn expire_leases(n: u32, _s: u32, ) -> Weight {
		Weight::from_parts(251_516_000, 12695)
			.saturating_add(Weight::from_parts(148_091_430, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(n.into()))
	}
}
