
//! Weights for `pallet_slashing`, measured by `ember-node benchmark pallet` and written by
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
	/// Storage: `Slashing::ApplyQueue` (r:65 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingPunishments` (r:1 w:1)
	/// Proof: `Slashing::PendingPunishments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::JailQueue` (r:65 w:1)
	/// Proof: `Slashing::JailQueue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::SlashExposure` (r:0 w:1)
	/// Proof: `Slashing::SlashExposure` (`max_values`: None, `max_size`: Some(6210), added: 8685, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingSlashes` (r:0 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	fn report_offence() -> Weight {
		// Proof size: measured `83409`, estimated `414174`.
		// Fastest run: 1_388_887_000 ps.
		Weight::from_parts(1_437_119_000, 414174)
			.saturating_add(T::DbWeight::get().reads(268_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Slashing::PendingSlashes` (r:1 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingPunishments` (r:1 w:1)
	/// Proof: `Slashing::PendingPunishments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Spans` (r:1 w:1)
	/// Proof: `Slashing::Spans` (`max_values`: None, `max_size`: Some(184), added: 2659, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::SlashExposure` (r:0 w:1)
	/// Proof: `Slashing::SlashExposure` (`max_values`: None, `max_size`: Some(6210), added: 8685, mode: `MaxEncodedLen`)
	fn cancel_slash() -> Weight {
		// Proof size: measured `1109`, estimated `5331`.
		// Fastest run: 36_324_000 ps.
		Weight::from_parts(38_718_000, 5331)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Slashing::JailedUntil` (r:1 w:1)
	/// Proof: `Slashing::JailedUntil` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::HeartbeatParams` (r:1 w:0)
	/// Proof: `Providers::HeartbeatParams` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131086), added: 133561, mode: `MaxEncodedLen`)
	fn unjail() -> Weight {
		// Proof size: measured `426`, estimated `134551`.
		// Fastest run: 36_424_000 ps.
		Weight::from_parts(38_708_000, 134551)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Slashing::OffenceParams` (r:0 w:1)
	/// Proof: `Slashing::OffenceParams` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	fn set_offence_params() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 6_890_000 ps.
		Weight::from_parts(7_712_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Slashing::Destination` (r:0 w:1)
	/// Proof: `Slashing::Destination` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	fn set_destination() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 5_528_000 ps.
		Weight::from_parts(6_289_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Slashing::EraSlashCap` (r:0 w:1)
	/// Proof: `Slashing::EraSlashCap` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_era_slash_cap() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 5_488_000 ps.
		Weight::from_parts(6_139_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Spans` (r:1 w:1)
	/// Proof: `Slashing::Spans` (`max_values`: None, `max_size`: Some(184), added: 2659, mode: `MaxEncodedLen`)
	fn prune_offence_records() -> Weight {
		// Proof size: measured `285`, estimated `3649`.
		// Fastest run: 19_069_000 ps.
		Weight::from_parts(20_480_000, 3649)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Slashing::JailQueue` (r:1 w:0)
	/// Proof: `Slashing::JailQueue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyBacklog` (r:1 w:1)
	/// Proof: `Slashing::ApplyBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:0)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	fn on_initialize_idle() -> Weight {
		// Proof size: measured `27`, estimated `3991`.
		// Fastest run: 6_800_000 ps.
		Weight::from_parts(7_551_000, 3991)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Slashing::PendingPunishments` (r:1 w:1)
	/// Proof: `Slashing::PendingPunishments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
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
		// Proof size: measured `601`, estimated `134551`.
		// Fastest run: 42_673_000 ps.
		Weight::from_parts(45_758_000, 134551)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Slashing::PendingSlashes` (r:1 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingPunishments` (r:1 w:1)
	/// Proof: `Slashing::PendingPunishments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::SlashExposure` (r:1 w:1)
	/// Proof: `Slashing::SlashExposure` (`max_values`: None, `max_size`: Some(6210), added: 8685, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:35 w:35)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:0)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Destination` (r:1 w:0)
	/// Proof: `Slashing::Destination` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Component `h` ranges over `[0, 32]`.
	fn apply_slash(h: u32, ) -> Weight {
		// Proof size: measured `1846 + h * 56`, estimated `9675 + h * 2603`.
		// Fastest run: 159_327_000 ps.
		Weight::from_parts(165_985_300, 9675)
			.saturating_add(Weight::from_parts(24_329_813, 0).saturating_mul(h.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(h.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(h.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(h.into()))
	}
	/// Storage: `Slashing::PendingSlashes` (r:1 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingPunishments` (r:1 w:1)
	/// Proof: `Slashing::PendingPunishments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::SlashExposure` (r:1 w:1)
	/// Proof: `Slashing::SlashExposure` (`max_values`: None, `max_size`: Some(6210), added: 8685, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::ProviderPoints` (r:1 w:0)
	/// Proof: `Emissions::ProviderPoints` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::CurrentEra` (r:1 w:0)
	/// Proof: `Emissions::CurrentEra` (`max_values`: Some(1), `max_size`: Some(104), added: 599, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Destination` (r:1 w:0)
	/// Proof: `Slashing::Destination` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Component `p` ranges over `[0, 1000]`.
	fn apply_slash_among_providers(p: u32, ) -> Weight {
		// Proof size: measured `5264 + p * 3`, estimated `9675`.
		// Fastest run: 162_331_000 ps.
		Weight::from_parts(213_592_803, 9675)
			.saturating_add(Weight::from_parts(110_479, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn report_offence() -> Weight {
		Weight::from_parts(1_437_119_000, 414174)
			.saturating_add(ParityDbWeight::get().reads(268_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(38_718_000, 5331)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn unjail() -> Weight {
		Weight::from_parts(38_708_000, 134551)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_offence_params() -> Weight {
		Weight::from_parts(7_712_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_destination() -> Weight {
		Weight::from_parts(6_289_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_era_slash_cap() -> Weight {
		Weight::from_parts(6_139_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn prune_offence_records() -> Weight {
		Weight::from_parts(20_480_000, 3649)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(7_551_000, 3991)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn jail_deferred() -> Weight {
		Weight::from_parts(45_758_000, 134551)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn apply_slash(h: u32, ) -> Weight {
		Weight::from_parts(165_985_300, 9675)
			.saturating_add(Weight::from_parts(24_329_813, 0).saturating_mul(h.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(h.into())))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(h.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(h.into()))
	}
	fn apply_slash_among_providers(p: u32, ) -> Weight {
		Weight::from_parts(213_592_803, 9675)
			.saturating_add(Weight::from_parts(110_479, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
}
