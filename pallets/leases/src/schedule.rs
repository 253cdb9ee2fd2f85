//! The per-block deadline queues and the block hook that works through them.
//!
//! A block only reads the queues for its own number, so its cost follows what is due in it and
//! never the number of orders, leases or providers in storage.

use crate::*;
use ember_primitives::{
	queue::{drain_within_budget, place_with_spill},
	CloseReason, ProviderRegistry, ProviderStatus,
};
use frame_support::{pallet_prelude::Weight, traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, DispatchError};

impl<T: Config> Pallet<T> {
	/// Put `item` into the queue of `target`, or of one of the next `DUE_SPILL_BLOCKS` blocks
	/// when it is full. Returns the block chosen; writes nothing when every queue tried is full.
	pub(crate) fn schedule_due(
		item: DueItem,
		target: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		place_with_spill(target, DUE_SPILL_BLOCKS, |block| {
			Due::<T>::try_append(block, &item).is_ok()
		})
		.ok_or_else(|| {
			log::warn!(target: LOG_TARGET, "due queues full from block {target:?} on");
			Error::<T>::DueQueueFull.into()
		})
	}

	/// Remove `item` from the queue of `block`.
	pub(crate) fn unschedule_due(item: DueItem, block: BlockNumberFor<T>) {
		Due::<T>::mutate_exists(block, |bucket| {
			if let Some(items) = bucket {
				items.retain(|entry| *entry != item);
				if items.is_empty() {
					*bucket = None;
				}
			}
		});
	}

	/// Put a provider's offline limit into the queue of `target` or a later block with room.
	pub(crate) fn schedule_offline_limit(
		provider: &T::AccountId,
		target: BlockNumberFor<T>,
	) -> Option<BlockNumberFor<T>> {
		// A provider marked Offline from a deadline the liveness hook worked late may reach its
		// limit before now: it is then due next block, never behind the queue's cursor.
		let next = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
		let target = target.max(next);
		let placed = place_with_spill(target, DUE_SPILL_BLOCKS, |block| {
			OfflineDue::<T>::try_append(block, provider).is_ok()
		});
		if placed.is_none() {
			log::warn!(target: LOG_TARGET, "offline-limit queues full from block {target:?} on");
		}
		placed
	}

	/// Work through what is due by `now`, oldest first, within `HookBudget` (and at most one
	/// entry of each queue beyond it): bid windows ending and lease checks, then, once those
	/// are up to date, providers reaching the offline limit. What does not fit stays queued
	/// (its block noted in `DueBacklog` / `OfflineDueBacklog`) and is worked first by the next
	/// blocks, each entry matched as at its own block and acted on at the block it is worked.
	/// Entries whose order or lease is gone, or whose lease has been rescheduled, are skipped.
	pub(crate) fn process_due(now: BlockNumberFor<T>) -> Weight {
		Self::process_due_within(now, T::HookBudget::get())
	}

	/// [`Self::process_due`] within `budget`; the benchmarks run it without one, to measure
	/// what each entry it works costs.
	pub(crate) fn process_due_within(now: BlockNumberFor<T>, budget: Weight) -> Weight {
		let queue_read = T::DbWeight::get().reads_writes(1, 1);
		let mut weight = T::WeightInfo::on_initialize_idle();

		let from = DueBacklog::<T>::get().unwrap_or(now);
		let (used, resume) = drain_within_budget(
			from,
			now,
			budget.saturating_sub(weight),
			queue_read,
			|block| Due::<T>::take(block).into_inner(),
			|block, rest| Due::<T>::insert(block, DueBucketOf::<T>::truncate_from(rest)),
			Self::due_item_weight,
			|block, item| Self::process_due_item(item, block, now),
		);
		weight.saturating_accrue(used);
		DueBacklog::<T>::set(resume);

		// Offline limits wait while lease checks are behind.
		let from = OfflineDueBacklog::<T>::get().unwrap_or(now);
		let resume = if resume.is_some() {
			Some(from)
		} else {
			let (used, resume) = drain_within_budget(
				from,
				now,
				budget.saturating_sub(weight),
				queue_read,
				|block| OfflineDue::<T>::take(block).into_inner(),
				|block, rest| OfflineDue::<T>::insert(block, BoundedVec::truncate_from(rest)),
				|_| T::WeightInfo::offline_limit(T::MaxLeasesPerProvider::get()),
				|block, provider| Self::offline_limit_reached(&provider, block),
			);
			weight.saturating_accrue(used);
			resume
		};
		OfflineDueBacklog::<T>::set(resume);
		weight.saturating_accrue(T::DbWeight::get().reads_writes(2, 2));
		weight
	}

	/// Upper bound of working one queued entry.
	fn due_item_weight(item: &DueItem) -> Weight {
		let bids = T::MaxBidsPerOrder::get();
		match item {
			// Every bid but the winner may be passed over after its proof checks.
			DueItem::BidWindowEnd(_) => T::WeightInfo::bid_window_award(bids)
				.max(T::WeightInfo::bid_window_expire(bids))
				.saturating_add(
					Self::proof_check_weight(T::MaxGpusPerLease::get()).saturating_mul(bids.into()),
				),
			DueItem::LeaseCheck(_) | DueItem::LegacySilenceCheck(_) => Self::lease_check_weight(),
		}
	}

	/// Work one entry queued for block `at`, at block `now`.
	fn process_due_item(item: DueItem, at: BlockNumberFor<T>, now: BlockNumberFor<T>) -> Weight {
		match item {
			DueItem::BidWindowEnd(order_id) => match Orders::<T>::get(order_id) {
				Some(order) => {
					let (bids, awarded, checks) = Self::end_bid_window(order_id, order);
					let window = if awarded {
						T::WeightInfo::bid_window_award(bids)
					} else {
						T::WeightInfo::bid_window_expire(bids)
					};
					window.saturating_add(checks)
				},
				None => T::DbWeight::get().reads(1),
			},
			DueItem::LeaseCheck(lease_id) => match Leases::<T>::get(lease_id) {
				Some(lease) if lease.next_check == Some(at) => {
					if Self::check_lease(lease_id, lease, now) {
						Self::lease_check_weight()
					} else {
						T::WeightInfo::lease_check_grace()
					}
				},
				_ => T::DbWeight::get().reads(1),
			},
			// Queued before a lease had one check for everything: fold it into that check.
			DueItem::LegacySilenceCheck(lease_id) => match Leases::<T>::get(lease_id) {
				Some(mut lease) => {
					if Self::refresh_schedule(lease_id, &mut lease, now).is_ok() {
						Leases::<T>::insert(lease_id, lease);
					}
					Self::lease_check_weight()
				},
				None => T::DbWeight::get().reads(1),
			},
		}
	}

	/// Upper bound of one lease check: closing the lease at its end, closing it as silent with
	/// its offence reported (as the provider's early close weighs), or settling it and putting
	/// it back in the queue.
	pub(crate) fn lease_check_weight() -> Weight {
		T::WeightInfo::lease_check_close()
			.max(T::WeightInfo::lease_check_grace())
			.max(T::WeightInfo::close_lease())
	}

	/// A provider that went Offline with leases reached the offline limit: if it is still
	/// Offline since then, its leases close.
	fn offline_limit_reached(provider: &T::AccountId, at: BlockNumberFor<T>) -> Weight {
		let still_due = OfflineSince::<T>::get(provider)
			.is_some_and(|(_, close_at)| close_at == Some(at))
			&& T::Registry::status(provider) == Some(ProviderStatus::Offline);
		if !still_due {
			return T::DbWeight::get().reads(2);
		}
		// The record goes only after the leases are settled: it keeps the outage unpaid.
		let closed = Self::close_all_of(provider, CloseReason::ProviderOffline);
		OfflineSince::<T>::remove(provider);
		T::WeightInfo::offline_limit(closed)
	}
}
