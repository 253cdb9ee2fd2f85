
//! Weights for `pallet_challenges`, measured by `ember-node benchmark pallet` and written by
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

/// The weight of each call and hook of `pallet_challenges`.
pub trait WeightInfo {
	fn request_challenge(g: u32, ) -> Weight;
	fn commit() -> Weight;
	fn reveal(k: u32, ) -> Weight;
	fn merkle_path(d: u32, ) -> Weight;
	fn set_shape() -> Weight;
	fn note_randomness() -> Weight;
	fn draw_random_challenges(d: u32, ) -> Weight;
	fn expire_one() -> Weight;
	fn expire_queue() -> Weight;
	fn inventory_changed(g: u32, ) -> Weight;
}

/// Measured weights, with database costs from the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:1 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:32 w:0)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ChallengeOfGpu` (r:32 w:32)
	/// Proof: `Challenges::ChallengeOfGpu` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:1 w:0)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Shapes` (r:1 w:0)
	/// Proof: `Challenges::Shapes` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::DefaultShape` (r:1 w:0)
	/// Proof: `Challenges::DefaultShape` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::NextChallengeId` (r:1 w:1)
	/// Proof: `Challenges::NextChallengeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Deadlines` (r:8 w:8)
	/// Proof: `Challenges::Deadlines` (`max_values`: None, `max_size`: Some(4110), added: 6585, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::OpenChallenges` (r:0 w:32)
	/// Proof: `Challenges::OpenChallenges` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Rounds` (r:0 w:1)
	/// Proof: `Challenges::Rounds` (`max_values`: None, `max_size`: Some(54), added: 2529, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn request_challenge(g: u32, ) -> Weight {
		// Proof size: measured `37262`, estimated `83038`.
		// Fastest run: 364_753_000 ps.
		Weight::from_parts(335_330_948, 83038)
			.saturating_add(Weight::from_parts(45_559_875, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(81_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(g.into())))
	}
	/// Storage: `Challenges::OpenChallenges` (r:1 w:1)
	/// Proof: `Challenges::OpenChallenges` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:1 w:0)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::BlockRandomness` (r:1 w:0)
	/// Proof: `Challenges::BlockRandomness` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Deadlines` (r:8 w:8)
	/// Proof: `Challenges::Deadlines` (`max_values`: None, `max_size`: Some(4110), added: 6585, mode: `MaxEncodedLen`)
	fn commit() -> Weight {
		// Proof size: measured `29926`, estimated `53670`.
		// Fastest run: 119_067_000 ps.
		Weight::from_parts(133_328_000, 53670)
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Challenges::OpenChallenges` (r:1 w:1)
	/// Proof: `Challenges::OpenChallenges` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Providers::ProviderOfAgent` (r:1 w:0)
	/// Proof: `Providers::ProviderOfAgent` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::BlockRandomness` (r:2 w:0)
	/// Proof: `Challenges::BlockRandomness` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ProofsVersion` (r:1 w:1)
	/// Proof: `Challenges::ProofsVersion` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Rounds` (r:1 w:1)
	/// Proof: `Challenges::Rounds` (`max_values`: None, `max_size`: Some(54), added: 2529, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Results` (r:1 w:1)
	/// Proof: `Challenges::Results` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:0 w:1)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ChallengeOfGpu` (r:0 w:1)
	/// Proof: `Challenges::ChallengeOfGpu` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Component `k` ranges over `[16, 65536]`.
	fn reveal(k: u32, ) -> Weight {
		// Proof size: measured `1221`, estimated `6842`.
		// Fastest run: 263_432_000 ps.
		Weight::from_parts(732_174_841, 6842)
			.saturating_add(Weight::from_parts(76_446, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Component `d` ranges over `[6, 32]`.
	fn merkle_path(d: u32, ) -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 10_335_000 ps.
		Weight::from_parts(3_750_249, 0)
			.saturating_add(Weight::from_parts(1_124_739, 0).saturating_mul(d.into()))
	}
	/// Storage: `Challenges::Shapes` (r:1 w:1)
	/// Proof: `Challenges::Shapes` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ShapeCount` (r:1 w:1)
	/// Proof: `Challenges::ShapeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_shape() -> Weight {
		// Proof size: measured `112`, estimated `3559`.
		// Fastest run: 13_851_000 ps.
		Weight::from_parts(15_102_000, 3559)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::BlockRandomness` (r:0 w:1)
	/// Proof: `Challenges::BlockRandomness` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn note_randomness() -> Weight {
		// Proof size: measured `173`, estimated `1518`.
		// Fastest run: 6_099_000 ps.
		Weight::from_parts(6_790_000, 1518)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Challenges::TargetCount` (r:1 w:0)
	/// Proof: `Challenges::TargetCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::DrawCarry` (r:1 w:1)
	/// Proof: `Challenges::DrawCarry` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::BlockRandomness` (r:1 w:0)
	/// Proof: `Challenges::BlockRandomness` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Targets` (r:77 w:0)
	/// Proof: `Challenges::Targets` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:77 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:77 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::StakeUnits` (r:77 w:0)
	/// Proof: `Providers::StakeUnits` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:77 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Shapes` (r:1 w:0)
	/// Proof: `Challenges::Shapes` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::DefaultShape` (r:1 w:0)
	/// Proof: `Challenges::DefaultShape` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:77 w:0)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ChallengeOfGpu` (r:77 w:77)
	/// Proof: `Challenges::ChallengeOfGpu` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::NextChallengeId` (r:1 w:1)
	/// Proof: `Challenges::NextChallengeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Deadlines` (r:1 w:1)
	/// Proof: `Challenges::Deadlines` (`max_values`: None, `max_size`: Some(4110), added: 6585, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::OpenChallenges` (r:0 w:77)
	/// Proof: `Challenges::OpenChallenges` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Rounds` (r:0 w:77)
	/// Proof: `Challenges::Rounds` (`max_values`: None, `max_size`: Some(54), added: 2529, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[1, 128]`.
	fn draw_random_challenges(d: u32, ) -> Weight {
		// Proof size: measured `582 + d * 342`, estimated `7575 + d * 3708`.
		// Fastest run: 68_171_000 ps.
		Weight::from_parts(69_684_000, 7575)
			.saturating_add(Weight::from_parts(38_261_883, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 3708).saturating_mul(d.into()))
	}
	/// Storage: `Challenges::DeadlineBacklog` (r:1 w:1)
	/// Proof: `Challenges::DeadlineBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Deadlines` (r:1 w:1)
	/// Proof: `Challenges::Deadlines` (`max_values`: None, `max_size`: Some(4110), added: 6585, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::OpenChallenges` (r:1 w:1)
	/// Proof: `Challenges::OpenChallenges` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Providers` (r:1 w:0)
	/// Proof: `Providers::Providers` (`max_values`: None, `max_size`: Some(99), added: 2574, mode: `MaxEncodedLen`)
	/// Storage: `Providers::Inventory` (r:1 w:0)
	/// Proof: `Providers::Inventory` (`max_values`: None, `max_size`: Some(3377), added: 5852, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CommittedGpus` (r:1 w:0)
	/// Proof: `Leases::CommittedGpus` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:1 w:0)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Rounds` (r:1 w:1)
	/// Proof: `Challenges::Rounds` (`max_values`: None, `max_size`: Some(54), added: 2529, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Results` (r:1 w:1)
	/// Proof: `Challenges::Results` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Reported` (r:1 w:1)
	/// Proof: `Slashing::Reported` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::Ledgers` (r:1 w:0)
	/// Proof: `ProviderStaking::Ledgers` (`max_values`: None, `max_size`: Some(709), added: 3184, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::ProviderDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::ProviderDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
	/// Storage: `ProviderStaking::DisplacedDelegators` (r:1 w:0)
	/// Proof: `ProviderStaking::DisplacedDelegators` (`max_values`: None, `max_size`: Some(2098), added: 4573, mode: `MaxEncodedLen`)
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
	/// Storage: `Slashing::JailQueue` (r:1 w:1)
	/// Proof: `Slashing::JailQueue` (`max_values`: None, `max_size`: Some(525), added: 3000, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ChallengeOfGpu` (r:0 w:1)
	/// Proof: `Challenges::ChallengeOfGpu` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::SlashExposure` (r:0 w:1)
	/// Proof: `Slashing::SlashExposure` (`max_values`: None, `max_size`: Some(6210), added: 8685, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingSlashes` (r:0 w:1)
	/// Proof: `Slashing::PendingSlashes` (`max_values`: None, `max_size`: Some(1866), added: 4341, mode: `MaxEncodedLen`)
	fn expire_one() -> Weight {
		// Proof size: measured `1137`, estimated `7575`.
		// Fastest run: 107_259_000 ps.
		Weight::from_parts(111_426_000, 7575)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	/// Storage: `Challenges::DeadlineBacklog` (r:1 w:1)
	/// Proof: `Challenges::DeadlineBacklog` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Deadlines` (r:1 w:0)
	/// Proof: `Challenges::Deadlines` (`max_values`: None, `max_size`: Some(4110), added: 6585, mode: `MaxEncodedLen`)
	fn expire_queue() -> Weight {
		// Proof size: measured `112`, estimated `7575`.
		// Fastest run: 5_838_000 ps.
		Weight::from_parts(6_480_000, 7575)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Challenges::TargetIndex` (r:48 w:64)
	/// Proof: `Challenges::TargetIndex` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::TargetCount` (r:1 w:1)
	/// Proof: `Challenges::TargetCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Targets` (r:16 w:32)
	/// Proof: `Challenges::Targets` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::Proofs` (r:32 w:32)
	/// Proof: `Challenges::Proofs` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Challenges::ProofsVersion` (r:1 w:1)
	/// Proof: `Challenges::ProofsVersion` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Component `g` ranges over `[1, 32]`.
	fn inventory_changed(g: u32, ) -> Weight {
		// Proof size: measured `341 + g * 125`, estimated `3517 + g * 3827`.
		// Fastest run: 25_238_000 ps.
		Weight::from_parts(3_642_252, 3517)
			.saturating_add(Weight::from_parts(21_994_186, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 3827).saturating_mul(g.into()))
	}
}

/// The same weights with ParityDB's database costs, for mocks and tests.
impl WeightInfo for () {
	fn request_challenge(g: u32, ) -> Weight {
		Weight::from_parts(335_330_948, 83038)
			.saturating_add(Weight::from_parts(45_559_875, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(81_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(g.into())))
	}
	fn commit() -> Weight {
		Weight::from_parts(133_328_000, 53670)
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn reveal(k: u32, ) -> Weight {
		Weight::from_parts(732_174_841, 6842)
			.saturating_add(Weight::from_parts(76_446, 0).saturating_mul(k.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn merkle_path(d: u32, ) -> Weight {
		Weight::from_parts(3_750_249, 0)
			.saturating_add(Weight::from_parts(1_124_739, 0).saturating_mul(d.into()))
	}
	fn set_shape() -> Weight {
		Weight::from_parts(15_102_000, 3559)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn note_randomness() -> Weight {
		Weight::from_parts(6_790_000, 1518)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn draw_random_challenges(d: u32, ) -> Weight {
		Weight::from_parts(69_684_000, 7575)
			.saturating_add(Weight::from_parts(38_261_883, 0).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 3708).saturating_mul(d.into()))
	}
	fn expire_one() -> Weight {
		Weight::from_parts(111_426_000, 7575)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(15_u64))
	}
	fn expire_queue() -> Weight {
		Weight::from_parts(6_480_000, 7575)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn inventory_changed(g: u32, ) -> Weight {
		Weight::from_parts(3_642_252, 3517)
			.saturating_add(Weight::from_parts(21_994_186, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 3827).saturating_mul(g.into()))
	}
}
