//! Per-block deadline queues: the rule every Ember pallet uses to place an entry when the block
//! it wants is already full.

use sp_runtime::traits::{One, Saturating};

/// Offer an entry to the queue of `target`, then of each of the next `spill_blocks` blocks,
/// until `try_put` accepts it. Returns the block that took it, or `None` when every queue tried
/// was full (and `try_put` wrote nothing).
pub fn place_with_spill<B: Copy + One + Saturating>(
	target: B,
	spill_blocks: u32,
	mut try_put: impl FnMut(B) -> bool,
) -> Option<B> {
	let mut block = target;
	for _ in 0..=spill_blocks {
		if try_put(block) {
			return Some(block);
		}
		block = block.saturating_add(One::one());
	}
	None
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn takes_the_first_block_with_room_within_the_spill() {
		let full = [10u32, 11, 12];
		let room = |block: u32| !full.contains(&block);
		assert_eq!(place_with_spill(9u32, 3, room), Some(9));
		assert_eq!(place_with_spill(10u32, 3, room), Some(13));
		assert_eq!(place_with_spill(10u32, 2, room), None);
	}

	#[test]
	fn tries_each_block_once() {
		let mut tried = Vec::new();
		let placed = place_with_spill(5u32, 2, |block| {
			tried.push(block);
			false
		});
		assert_eq!((placed, tried), (None, vec![5, 6, 7]));
	}
}
