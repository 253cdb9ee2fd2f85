
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
		// Fastest run: 191_045_000 ps.
		Weight::from_parts(234_479_000, 199975)
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
		// Fastest run: 84_318_000 ps.
		Weight::from_parts(8_927_938, 12695)
			.saturating_add(Weight::from_parts(82_078_239, 0).saturating_mul(b.into()))
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
		// Fastest run: 47_998_000 ps.
		Weight::from_parts(49_703_369, 6842)
			.saturating_add(Weight::from_parts(3_782_967, 0).saturating_mul(g.into()))
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
		// Fastest run: 30_478_000 ps.
		Weight::from_parts(31_115_968, 4574)
			.saturating_add(Weight::from_parts(1_687_369, 0).saturating_mul(g.into()))
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
		// Fastest run: 232_014_000 ps.
		Weight::from_parts(171_603_581, 211680)
			.saturating_add(Weight::from_parts(73_418_288, 0).saturating_mul(b.into()))
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
		// Fastest run: 36_732_000 ps.
		Weight::from_parts(36_970_507, 6842)
			.saturating_add(Weight::from_parts(3_657_505, 0).saturating_mul(g.into()))
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
		// Fastest run: 24_787_000 ps.
		Weight::from_parts(25_485_743, 4566)
			.saturating_add(Weight::from_parts(1_728_558, 0).saturating_mul(g.into()))
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
		// Fastest run: 232_952_000 ps.
		Weight::from_parts(261_453_621, 199975)
			.saturating_add(Weight::from_parts(2_554_528, 0).saturating_mul(g.into()))
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
	/// Storage: `ProviderStaking::Delegations` (r:1 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	fn top_up() -> Weight {
		// Proof size: measured `152613`, estimated `211680`.
		// Fastest run: 261_264_000 ps.
		Weight::from_parts(329_354_000, 211680)
			.saturating_add(T::DbWeight::get().reads(34_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Due` (r:18 w:2)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	fn extend() -> Weight {
		// Proof size: measured `149396`, estimated `211680`.
		// Fastest run: 99_074_000 ps.
		Weight::from_parts(112_862_000, 211680)
			.saturating_add(T::DbWeight::get().reads(19_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Leases::Leases` (r:1 w:1)
	/// Proof: `Leases::Leases` (`max_values`: None, `max_size`: Some(1267), added: 3742, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:2 w:0)
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
	/// Storage: `Emissions::Issuance` (r:1 w:1)
	/// Proof: `Emissions::Issuance` (`max_values`: Some(1), `max_size`: Some(48), added: 543, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:1)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:1)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Rewards` (r:1 w:0)
	/// Proof: `Emissions::Rewards` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Delegations` (r:1 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Reported` (r:1 w:1)
	/// Proof: `Slashing::Reported` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceParams` (r:1 w:0)
	/// Proof: `Slashing::OffenceParams` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::NextSlashId` (r:1 w:1)
	/// Proof: `Slashing::NextSlashId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
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
	/// Storage: `Slashing::PendingSlashes` (r:0 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn close_lease() -> Weight {
		// Proof size: measured `5057`, estimated `12695`.
		// Fastest run: 278_243_000 ps.
		Weight::from_parts(300_284_000, 12695)
			.saturating_add(T::DbWeight::get().reads(28_u64))
			.saturating_add(T::DbWeight::get().writes(49_u64))
	}
	/// Storage: `Leases::ProtocolFee` (r:0 w:1)
	/// Proof: `Leases::ProtocolFee` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_protocol_fee() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 4_638_000 ps.
		Weight::from_parts(5_568_000, 0)
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
	/// Storage: `ProviderStaking::Delegations` (r:32 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[1, 32]`.
	fn attest(l: u32, ) -> Weight {
		// Proof size: measured `1453 + l * 548`, estimated `6842 + l * 3742`.
		// Fastest run: 111_280_000 ps.
		Weight::from_parts(7_964_171, 6842)
			.saturating_add(Weight::from_parts(85_074_688, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(l.into())))
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
	/// Storage: `Slashing::OffenceParams` (r:1 w:0)
	/// Proof: `Slashing::OffenceParams` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::NextSlashId` (r:1 w:1)
	/// Proof: `Slashing::NextSlashId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:17 w:1)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingSlashes` (r:0 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineSince` (r:0 w:1)
	/// Proof: `Leases::OfflineSince` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	fn went_offline() -> Weight {
		// Proof size: measured `18009`, estimated `120734`.
		// Fastest run: 203_111_000 ps.
		Weight::from_parts(216_528_000, 120734)
			.saturating_add(T::DbWeight::get().reads(57_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Leases::Due` (r:1 w:0)
	/// Proof: `Leases::Due` (`max_values`: None, `max_size`: Some(9230), added: 11705, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	fn on_initialize_idle() -> Weight {
		// Proof size: measured `76`, estimated `12695`.
		// Fastest run: 5_194_000 ps.
		Weight::from_parts(5_902_000, 12695)
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
		// Fastest run: 267_378_000 ps.
		Weight::from_parts(255_636_938, 211680)
			.saturating_add(Weight::from_parts(143_623_251, 0).saturating_mul(b.into()))
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
		// Fastest run: 82_295_000 ps.
		Weight::from_parts(37_433_686, 12695)
			.saturating_add(Weight::from_parts(69_756_681, 0).saturating_mul(b.into()))
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
	/// Storage: `ProviderStaking::Delegations` (r:1 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
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
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:32)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	fn lease_check_close() -> Weight {
		// Proof size: measured `5125`, estimated `12695`.
		// Fastest run: 241_748_000 ps.
		Weight::from_parts(255_359_000, 12695)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(44_u64))
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
	/// Storage: `ProviderStaking::Delegations` (r:1 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ClassScores` (r:1 w:0)
	/// Proof: `Emissions::ClassScores` (`max_values`: None, `max_size`: Some(86), added: 2561, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	fn lease_check_grace() -> Weight {
		// Proof size: measured `152767`, estimated `211680`.
		// Fastest run: 235_569_000 ps.
		Weight::from_parts(281_800_000, 211680)
			.saturating_add(T::DbWeight::get().reads(35_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
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
	/// Storage: `ProviderStaking::Delegations` (r:32 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
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
		// Proof size: measured `1726 + l * 646`, estimated `12695 + l * 11705`.
		// Fastest run: 11_025_000 ps.
		Weight::from_parts(11_529_000, 12695)
			.saturating_add(Weight::from_parts(292_792_964, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
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
	/// Storage: `ProviderStaking::Delegations` (r:50 w:0)
	/// Proof: `ProviderStaking::Delegations` (`max_values`: None, `max_size`: Some(757), added: 3232, mode: `MaxEncodedLen`)
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
	/// Storage: `Leases::OfflineDue` (r:1 w:0)
	/// Proof: `Leases::OfflineDue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:0 w:50)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 50]`.
	/// Component `s` ranges over `[0, 200]`.
	fn expire_leases(n: u32, s: u32, ) -> Weight {
		// Proof size: measured `0 + n * 896 + s * 103`, estimated `12695 + n * 3742 + s * 46`.
		// Fastest run: 262_537_000 ps.
		Weight::from_parts(1_132_998_892, 12695)
			.saturating_add(Weight::from_parts(273_393_643, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 46).saturating_mul(s.into()))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn create_order() -> Weight {
		Weight::from_parts(234_479_000, 199975)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn cancel_order(b: u32, ) -> Weight {
		Weight::from_parts(8_927_938, 12695)
			.saturating_add(Weight::from_parts(82_078_239, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn place_bid(g: u32, ) -> Weight {
		Weight::from_parts(49_703_369, 6842)
			.saturating_add(Weight::from_parts(3_782_967, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2564).saturating_mul(g.into()))
	}
	fn withdraw_bid(g: u32, ) -> Weight {
		Weight::from_parts(31_115_968, 4574)
			.saturating_add(Weight::from_parts(1_687_369, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn accept_bid(b: u32, ) -> Weight {
		Weight::from_parts(171_603_581, 211680)
			.saturating_add(Weight::from_parts(73_418_288, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(28_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn list_offer(g: u32, ) -> Weight {
		Weight::from_parts(36_970_507, 6842)
			.saturating_add(Weight::from_parts(3_657_505, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2564).saturating_mul(g.into()))
	}
	fn unlist_offer(g: u32, ) -> Weight {
		Weight::from_parts(25_485_743, 4566)
			.saturating_add(Weight::from_parts(1_728_558, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn rent(g: u32, ) -> Weight {
		Weight::from_parts(261_453_621, 199975)
			.saturating_add(Weight::from_parts(2_554_528, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(27_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn top_up() -> Weight {
		Weight::from_parts(329_354_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(34_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn extend() -> Weight {
		Weight::from_parts(112_862_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(19_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn close_lease() -> Weight {
		Weight::from_parts(300_284_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(28_u64))
			.saturating_add(ParityDbWeight::get().writes(49_u64))
	}
	fn set_protocol_fee() -> Weight {
		Weight::from_parts(5_568_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn attest(l: u32, ) -> Weight {
		Weight::from_parts(7_964_171, 6842)
			.saturating_add(Weight::from_parts(85_074_688, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(l.into()))
	}
	fn went_offline() -> Weight {
		Weight::from_parts(216_528_000, 120734)
			.saturating_add(ParityDbWeight::get().reads(57_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_902_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
	}
	fn bid_window_award(b: u32, ) -> Weight {
		Weight::from_parts(255_636_938, 211680)
			.saturating_add(Weight::from_parts(143_623_251, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(29_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn bid_window_expire(b: u32, ) -> Weight {
		Weight::from_parts(37_433_686, 12695)
			.saturating_add(Weight::from_parts(69_756_681, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((34_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3584).saturating_mul(b.into()))
	}
	fn lease_check_close() -> Weight {
		Weight::from_parts(255_359_000, 12695)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(44_u64))
	}
	fn lease_check_grace() -> Weight {
		Weight::from_parts(281_800_000, 211680)
			.saturating_add(ParityDbWeight::get().reads(35_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn offline_limit(l: u32, ) -> Weight {
		Weight::from_parts(11_529_000, 12695)
			.saturating_add(Weight::from_parts(292_792_964, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 11705).saturating_mul(l.into()))
	}
	fn expire_leases(n: u32, s: u32, ) -> Weight {
		Weight::from_parts(1_132_998_892, 12695)
			.saturating_add(Weight::from_parts(273_393_643, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3742).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 46).saturating_mul(s.into()))
	}
}
