//! Weights for `pallet_challenges`. The pallet is not yet in the runtime, so nothing has been
//! measured: `()` charges conservative estimates for the pallet's own tests.
//! `scripts/benchmark-weights.sh pallet_challenges` writes the measured `SubstrateWeight`.

#![allow(missing_docs)]

use frame_support::weights::{constants::ParityDbWeight, Weight};

/// The weight of each call and hook of `pallet_challenges`.
pub trait WeightInfo {
	fn request_challenge() -> Weight;
	fn commit() -> Weight;
	fn reveal(k: u32) -> Weight;
	fn merkle_path(d: u32) -> Weight;
	fn set_shape() -> Weight;
	fn note_randomness() -> Weight;
	fn draw_random_challenges(d: u32) -> Weight;
	fn expire_queue() -> Weight;
	fn expire_one() -> Weight;
	fn inventory_changed(g: u32) -> Weight;
}

/// Estimates for tests: generous compute, ParityDB costs per item touched.
impl WeightInfo for () {
	fn request_challenge() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(ParityDbWeight::get().reads_writes(6, 5))
	}
	fn commit() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(ParityDbWeight::get().reads_writes(4, 2))
	}
	fn reveal(k: u32) -> Weight {
		// 16 samples of `k` multiply-adds and 7 hashes each.
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(Weight::from_parts(40_000, 0).saturating_mul(u64::from(k)))
			.saturating_add(ParityDbWeight::get().reads_writes(7, 5))
	}
	fn merkle_path(d: u32) -> Weight {
		Weight::from_parts(2_000_000, 0)
			.saturating_add(Weight::from_parts(1_500_000, 0).saturating_mul(u64::from(d)))
	}
	fn set_shape() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(ParityDbWeight::get().reads_writes(2, 2))
	}
	fn note_randomness() -> Weight {
		Weight::from_parts(10_000_000, 1_000)
			.saturating_add(ParityDbWeight::get().reads_writes(1, 2))
	}
	fn draw_random_challenges(d: u32) -> Weight {
		Weight::from_parts(10_000_000, 1_000)
			.saturating_add(Weight::from_parts(80_000_000, 8_000).saturating_mul(u64::from(d)))
			.saturating_add(ParityDbWeight::get().reads_writes(3, 1))
			.saturating_add(ParityDbWeight::get().reads_writes(7, 5).saturating_mul(u64::from(d)))
	}
	fn expire_queue() -> Weight {
		Weight::from_parts(5_000_000, 1_000)
			.saturating_add(ParityDbWeight::get().reads_writes(1, 1))
	}
	fn expire_one() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(ParityDbWeight::get().reads_writes(8, 6))
	}
	fn inventory_changed(g: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_000)
			.saturating_add(Weight::from_parts(20_000_000, 2_000).saturating_mul(u64::from(g)))
			.saturating_add(ParityDbWeight::get().reads_writes(3, 4).saturating_mul(u64::from(g)))
	}
}
