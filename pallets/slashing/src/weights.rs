//! Weights for `pallet_slashing`, measured by `ember-node benchmark pallet` and written by
//! `scripts/benchmark-weights.sh`. Do not edit by hand: run the script again.
//!
//! Benchmark CLI 64.0.0, not yet run; steps 20, repeat 10;
//! wasm execution `Compiled`; machine `none: estimates from similar pallet_leases weights`.

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
	/// Storage: `ProviderStaking::TotalDelegated` (r:1 w:0)
	/// Proof: `ProviderStaking::TotalDelegated` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::NextSlashId` (r:1 w:1)
	/// Proof: `Slashing::NextSlashId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:17 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(521), added: 2996, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::JailQueue` (r:17 w:1)
	/// Proof: `Slashing::JailQueue` (`max_values`: None, `max_size`: Some(517), added: 2992, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingSlashes` (r:0 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1870), added: 4345, mode: `MaxEncodedLen`)
	fn report_offence() -> Weight {
		// Proof size: measured `18420`, estimated `68370`.
		// Fastest run: 118_402_000 ps.
		Weight::from_parts(126_931_000, 68370)
			.saturating_add(T::DbWeight::get().reads(41_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Slashing::PendingSlashes` (r:1 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1870), added: 4345, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:1)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(521), added: 2996, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::OffenceCounts` (r:1 w:1)
	/// Proof: `Slashing::OffenceCounts` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn cancel_slash() -> Weight {
		// Proof size: measured `2411`, estimated `5335`.
		// Fastest run: 31_818_000 ps.
		Weight::from_parts(34_062_000, 5335)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Slashing::JailedUntil` (r:1 w:1)
	/// Proof: `Slashing::JailedUntil` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131078), added: 133553, mode: `MaxEncodedLen`)
	fn unjail() -> Weight {
		// Proof size: measured `612`, estimated `134543`.
		// Fastest run: 36_270_000 ps.
		Weight::from_parts(39_185_000, 134543)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Slashing::OffenceParams` (r:0 w:1)
	/// Proof: `Slashing::OffenceParams` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	fn set_offence_params() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 9_015_000 ps.
		Weight::from_parts(9_642_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Slashing::Destination` (r:0 w:1)
	/// Proof: `Slashing::Destination` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	fn set_destination() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 7_322_000 ps.
		Weight::from_parts(7_914_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Slashing::JailQueue` (r:1 w:0)
	/// Proof: `Slashing::JailQueue` (`max_values`: None, `max_size`: Some(517), added: 2992, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::ApplyQueue` (r:1 w:0)
	/// Proof: `Slashing::ApplyQueue` (`max_values`: None, `max_size`: Some(521), added: 2996, mode: `MaxEncodedLen`)
	fn on_initialize_idle() -> Weight {
		// Proof size: measured `76`, estimated `3986`.
		// Fastest run: 4_811_000 ps.
		Weight::from_parts(5_537_000, 3986)
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	/// Storage: `Slashing::JailedUntil` (r:1 w:1)
	/// Proof: `Slashing::JailedUntil` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:1)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Deadlines` (r:1 w:1)
	/// Proof: `Providers::Deadlines` (`max_values`: None, `max_size`: Some(131078), added: 133553, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Books` (r:1 w:0)
	/// Proof: `Leases::Books` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	fn jail_deferred() -> Weight {
		// Proof size: measured `734`, estimated `134543`.
		// Fastest run: 30_964_000 ps.
		Weight::from_parts(33_408_000, 134543)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Slashing::PendingSlashes` (r:1 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1870), added: 4345, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:34 w:34)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2083), added: 4558, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Destination` (r:1 w:0)
	/// Proof: `Slashing::Destination` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Component `h` ranges over `[0, 32]`.
	fn apply_slash(h: u32, ) -> Weight {
		// Proof size: measured `1422 + h * 96`, estimated `5548 + h * 2603`.
		// Fastest run: 98_517_000 ps.
		Weight::from_parts(103_882_417, 5548)
			.saturating_add(Weight::from_parts(21_417_962, 0).saturating_mul(h.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(h.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(h.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(h.into()))
	}
	/// Storage: `Slashing::PendingSlashes` (r:1 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1870), added: 4345, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:1)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2083), added: 4558, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Destination` (r:1 w:0)
	/// Proof: `Slashing::Destination` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Component `p` ranges over `[0, 1000]`.
	fn apply_slash_among_providers(_p: u32, ) -> Weight {
		// Proof size: measured `1422`, estimated `5548`.
		// Fastest run: 97_904_000 ps.
		Weight::from_parts(104_106_000, 5548)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn report_offence() -> Weight {
		Weight::from_parts(126_931_000, 68370)
			.saturating_add(ParityDbWeight::get().reads(41_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(34_062_000, 5335)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn unjail() -> Weight {
		Weight::from_parts(39_185_000, 134543)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_offence_params() -> Weight {
		Weight::from_parts(9_642_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_destination() -> Weight {
		Weight::from_parts(7_914_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_537_000, 3986)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
	}
	fn jail_deferred() -> Weight {
		Weight::from_parts(33_408_000, 134543)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn apply_slash(h: u32, ) -> Weight {
		Weight::from_parts(103_882_417, 5548)
			.saturating_add(Weight::from_parts(21_417_962, 0).saturating_mul(h.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(h.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(h.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(h.into()))
	}
	fn apply_slash_among_providers(_p: u32, ) -> Weight {
		Weight::from_parts(104_106_000, 5548)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
}
