//! Lease cost arithmetic. Prices are per GPU-hour; time is counted in blocks.
//!
//! What a lease owes is always computed from the total number of blocks paid for so far, never
//! by adding up rounded pieces, so rounding never drifts: the provider is owed
//! `floor(price × gpus × blocks / blocks_per_hour)` for `blocks` blocks, whatever the number of
//! settlements it took to get there.

use ember_primitives::Balance;

/// What `gpus` GPUs cost for `blocks` blocks at `price` per GPU-hour, rounded down; `None` on
/// overflow.
pub fn cost(price: Balance, gpus: u32, blocks: u32, blocks_per_hour: u32) -> Option<Balance> {
	price
		.checked_mul(Balance::from(gpus))?
		.checked_mul(Balance::from(blocks))?
		.checked_div(Balance::from(blocks_per_hour.max(1)))
}

/// Like [`cost`], rounded up: what escrow must hold to be sure to cover the time.
pub fn cost_ceil(price: Balance, gpus: u32, blocks: u32, blocks_per_hour: u32) -> Option<Balance> {
	let per_hour = Balance::from(blocks_per_hour.max(1));
	let numerator = price.checked_mul(Balance::from(gpus))?.checked_mul(Balance::from(blocks))?;
	Some(numerator.div_ceil(per_hour))
}

/// The most blocks that `paid + escrow` pays for in total, minus the `paid_blocks` already paid:
/// how many more blocks the escrow covers. Saturates at `u32::MAX`; a free lease (zero price or
/// no GPUs) is covered forever.
pub fn blocks_covered(
	price: Balance,
	gpus: u32,
	paid_blocks: u32,
	paid: Balance,
	escrow: Balance,
	blocks_per_hour: u32,
) -> u32 {
	let per_block_hour = price.saturating_mul(Balance::from(gpus));
	if per_block_hour == 0 {
		return u32::MAX;
	}
	let total_blocks = paid
		.saturating_add(escrow)
		.saturating_add(1)
		.saturating_mul(Balance::from(blocks_per_hour.max(1)))
		.saturating_sub(1)
		/ per_block_hour;
	u32::try_from(total_blocks).unwrap_or(u32::MAX).saturating_sub(paid_blocks)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn cost_rounds_down_and_ceil_rounds_up() {
		// 1000 plancks per GPU-hour, 600 blocks per hour: 2 GPUs for 1 block cost 3.33.
		assert_eq!(cost(1_000, 2, 1, 600), Some(3));
		assert_eq!(cost_ceil(1_000, 2, 1, 600), Some(4));
		assert_eq!(cost(1_000, 2, 600, 600), Some(2_000));
		assert_eq!(cost_ceil(1_000, 2, 600, 600), Some(2_000));
	}

	#[test]
	fn cost_reports_overflow() {
		assert_eq!(cost(Balance::MAX, 2, 1, 600), None);
		assert_eq!(cost_ceil(Balance::MAX / 2, 2, 2, 600), None);
	}

	#[test]
	fn blocks_covered_is_the_largest_affordable_total() {
		let (price, gpus, per_hour) = (1_000, 2, 600);
		for paid_blocks in [0u32, 1, 7, 599] {
			let paid = cost(price, gpus, paid_blocks, per_hour).unwrap();
			for escrow in [0u128, 1, 3, 4, 100, 2_000] {
				let more = blocks_covered(price, gpus, paid_blocks, paid, escrow, per_hour);
				let affordable = |extra: u32| {
					cost(price, gpus, paid_blocks + extra, per_hour).unwrap() - paid <= escrow
				};
				assert!(affordable(more), "{more} blocks must be affordable");
				assert!(!affordable(more + 1), "{} blocks must not be", more + 1);
			}
		}
	}

	#[test]
	fn a_free_lease_is_covered_forever() {
		assert_eq!(blocks_covered(0, 4, 10, 0, 0, 600), u32::MAX);
	}
}
