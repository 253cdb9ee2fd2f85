//! Per-block deadline queues: the rule every Ember pallet uses to place an entry when the block
//! it wants is already full, and the rule its block hook uses to work through them within a
//! share of the block.

use alloc::vec::Vec;
use frame_support::weights::Weight;
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

/// Work through per-block queues oldest first, from `from` (the oldest block with entries
/// left) up to `now`, while the worst case of the next entry still fits in `budget`.
///
/// `take` empties a block's queue (costing `per_queue`), `work` handles one entry and returns
/// the weight it used, `worst_case` bounds that weight before it runs. The first queue is
/// always read and its first entry always worked, so a budget smaller than one entry still
/// makes progress. Entries that do not fit go back to their queue through `put_back` (a subset
/// of what was taken, so it fits), and the block to resume from is returned with the weight
/// used: `None` when every queue up to `now` is done.
///
/// `work` must only schedule new entries after `now`, so nothing is added behind the drain.
#[allow(clippy::too_many_arguments)]
pub fn drain_within_budget<B, I>(
	from: B,
	now: B,
	budget: Weight,
	per_queue: Weight,
	mut take: impl FnMut(B) -> Vec<I>,
	mut put_back: impl FnMut(B, Vec<I>),
	worst_case: impl Fn(&I) -> Weight,
	mut work: impl FnMut(B, I) -> Weight,
) -> (Weight, Option<B>)
where
	B: Copy + One + Saturating + PartialOrd,
{
	let mut used = Weight::zero();
	let mut worked_any = false;
	let mut block = from;
	while block <= now {
		if block != from && used.saturating_add(per_queue).any_gt(budget) {
			return (used, Some(block));
		}
		used.saturating_accrue(per_queue);
		let mut entries = take(block).into_iter();
		while let Some(entry) = entries.next() {
			if worked_any && used.saturating_add(worst_case(&entry)).any_gt(budget) {
				let mut rest = Vec::with_capacity(entries.len().saturating_add(1));
				rest.push(entry);
				rest.extend(entries);
				put_back(block, rest);
				return (used, Some(block));
			}
			used.saturating_accrue(work(block, entry));
			worked_any = true;
		}
		if block == now {
			break;
		}
		block = block.saturating_add(One::one());
	}
	(used, None)
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

	/// Drain `queues` of entries that each weigh 10, with free queue reads: returns the weight
	/// used, where it stopped and the entries worked, in order.
	fn drain(
		queues: &mut std::collections::BTreeMap<u32, Vec<u32>>,
		from: u32,
		now: u32,
		budget: u64,
	) -> (u64, Option<u32>, Vec<u32>) {
		let mut worked = Vec::new();
		let queues = core::cell::RefCell::new(queues);
		let (used, resume) = drain_within_budget(
			from,
			now,
			Weight::from_parts(budget, 0),
			Weight::zero(),
			|block| queues.borrow_mut().remove(&block).unwrap_or_default(),
			|block, rest| {
				queues.borrow_mut().insert(block, rest);
			},
			|_| Weight::from_parts(10, 0),
			|_, entry| {
				worked.push(entry);
				Weight::from_parts(10, 0)
			},
		);
		(used.ref_time(), resume, worked)
	}

	#[test]
	fn a_budget_stops_the_drain_and_the_rest_waits_in_order() {
		let mut queues = std::collections::BTreeMap::from([(1, vec![11, 12]), (2, vec![21, 22])]);
		assert_eq!(drain(&mut queues, 1, 3, 25), (20, Some(2), vec![11, 12]));
		assert_eq!(queues.get(&2), Some(&vec![21, 22]));
		// The next block resumes at block 2 and catches up.
		assert_eq!(drain(&mut queues, 2, 4, 25), (20, None, vec![21, 22]));
		assert!(queues.is_empty());
	}

	#[test]
	fn the_rest_of_a_queue_goes_back_to_it() {
		let mut queues = std::collections::BTreeMap::from([(5, vec![1, 2, 3])]);
		assert_eq!(drain(&mut queues, 5, 5, 15), (10, Some(5), vec![1]));
		assert_eq!(queues.get(&5), Some(&vec![2, 3]));
	}

	#[test]
	fn a_budget_below_one_entry_still_works_one() {
		let mut queues = std::collections::BTreeMap::from([(5, vec![1, 2])]);
		assert_eq!(drain(&mut queues, 5, 5, 1), (10, Some(5), vec![1]));
	}
}
