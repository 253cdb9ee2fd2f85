
//! Weights for `pallet_slashing`, measured by `ember-node benchmark pallet` and written by
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

/// The weight of each call and hook of `pallet_slashing`.
pub trait WeightInfo {
	fn report_offence() -> Weight;
	fn cancel_slash() -> Weight;
	fn unjail() -> Weight;
	fn set_offence_params() -> Weight;
	fn set_destination() -> Weight;
	fn set_era_slash_cap() -> Weight;
	fn prune_offence_records() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn jail_deferred() -> Weight;
	fn apply_slash(h: u32, ) -> Weight;
	fn apply_slash_among_providers(p: u32, ) -> Weight;
}

/// Measured weights, with database costs from the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
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
	/// Storage: `Slashing::ApplyQueue` (r:65 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::JailQueue` (r:65 w:1)
	/// Proof: `Slashing::JailQueue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingSlashes` (r:0 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	fn report_offence() -> Weight {
		// Proof size: measured `68605`, estimated `196055`.
		// Fastest run: 503_384_000 ps.
		Weight::from_parts(527_600_000, 196055)
			.saturating_add(T::DbWeight::get().reads(136_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Slashing::PendingSlashes` (r:1 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn cancel_slash() -> Weight {
		// Proof size: measured `848`, estimated `5331`.
		// Fastest run: 19_172_000 ps.
		Weight::from_parts(21_174_000, 5331)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Slashing::JailedUntil` (r:1 w:1)
	/// Proof: `Slashing::JailedUntil` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xf6f9a4e334e97c62044b976cc4c7263f` (r:1 w:0)
	/// Storage: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0xd3b1bb0550fa5f0db4c6712d83d48ebe` (r:1 w:0)
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	fn unjail() -> Weight {
		// Proof size: measured `472`, estimated `134551`.
		// Fastest run: 32_660_000 ps.
		Weight::from_parts(35_254_000, 134551)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Slashing::OffenceParams` (r:0 w:1)
	/// Proof: `Slashing::OffenceParams` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	fn set_offence_params() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 5_834_000 ps.
		Weight::from_parts(6_768_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Slashing::Destination` (r:0 w:1)
	/// Proof: `Slashing::Destination` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	fn set_destination() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 4_786_000 ps.
		Weight::from_parts(5_488_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Slashing::EraSlashCap` (r:0 w:1)
	fn set_era_slash_cap() -> Weight {
		Weight::from_parts(5_488_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn prune_offence_records() -> Weight {
		Weight::from_parts(20_000_000, 4341)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Slashing::JailQueue` (r:1 w:0)
	/// Proof: `Slashing::JailQueue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:0)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	fn on_initialize_idle() -> Weight {
		// Proof size: measured `27`, estimated `3991`.
		// Fastest run: 4_339_000 ps.
		Weight::from_parts(5_000_000, 3991)
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	/// Storage: `Slashing::JailedUntil` (r:1 w:1)
	/// Proof: `Slashing::JailedUntil` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
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
	fn jail_deferred() -> Weight {
		// Proof size: measured `600`, estimated `134551`.
		// Fastest run: 31_621_000 ps.
		Weight::from_parts(34_148_000, 134551)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Slashing::PendingSlashes` (r:1 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:35 w:35)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Destination` (r:1 w:0)
	/// Proof: `Slashing::Destination` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Component `h` ranges over `[0, 32]`.
	fn apply_slash(h: u32, ) -> Weight {
		// Proof size: measured `984 + h * 56`, estimated `8799 + h * 2603`.
		// Fastest run: 95_879_000 ps.
		Weight::from_parts(105_653_589, 8799)
			.saturating_add(Weight::from_parts(19_031_920, 0).saturating_mul(h.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(h.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(h.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(h.into()))
	}
	/// Storage: `Slashing::PendingSlashes` (r:1 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Destination` (r:1 w:0)
	/// Proof: `Slashing::Destination` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Component `p` ranges over `[0, 1000]`.
	fn apply_slash_among_providers(p: u32, ) -> Weight {
		// Proof size: measured `2989 + p * 2`, estimated `8799`.
		// Fastest run: 102_156_000 ps.
		Weight::from_parts(120_721_506, 8799)
			.saturating_add(Weight::from_parts(95_306, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn report_offence() -> Weight {
		Weight::from_parts(527_600_000, 196055)
			.saturating_add(ParityDbWeight::get().reads(136_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(21_174_000, 5331)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn unjail() -> Weight {
		Weight::from_parts(35_254_000, 134551)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_offence_params() -> Weight {
		Weight::from_parts(6_768_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_destination() -> Weight {
		Weight::from_parts(5_488_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_era_slash_cap() -> Weight {
		Weight::from_parts(5_488_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn prune_offence_records() -> Weight {
		Weight::from_parts(20_000_000, 4341)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_000_000, 3991)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
	}
	fn jail_deferred() -> Weight {
		Weight::from_parts(34_148_000, 134551)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn apply_slash(h: u32, ) -> Weight {
		Weight::from_parts(105_653_589, 8799)
			.saturating_add(Weight::from_parts(19_031_920, 0).saturating_mul(h.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(h.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(h.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(h.into()))
	}
	fn apply_slash_among_providers(p: u32, ) -> Weight {
		Weight::from_parts(120_721_506, 8799)
			.saturating_add(Weight::from_parts(95_306, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
}
