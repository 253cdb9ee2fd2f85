//! The pallet's invariants, checked by `try_state` and after every block in tests.

use crate::*;
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::{
	ensure,
	traits::{fungible::Inspect, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Check every invariant at block `now` (after that block's hook ran).
	pub fn do_try_state(now: BlockNumberFor<T>) -> Result<(), TryRuntimeError> {
		let next_id = NextSlashId::<T>::get();

		// Every pending slash sits once in the queue of the block it is applied in.
		let mut pending = 0usize;
		for (id, slash) in PendingSlashes::<T>::iter() {
			pending.saturating_inc();
			ensure!(id < next_id, "a slash id lies ahead of the counter");
			ensure!(
				slash.apply_at > now
					|| ApplyBacklog::<T>::get().is_some_and(|from| slash.apply_at >= from),
				"a pending slash was left behind by its block"
			);
			ensure!(
				slash.apply_at >= slash.reported_at.saturating_add(T::DisputeWindow::get()),
				"a slash is applied before its dispute window ends"
			);
			let queued = ApplyQueue::<T>::get(slash.apply_at)
				.iter()
				.filter(|entry| **entry == id)
				.count();
			ensure!(queued == 1, "a pending slash is not queued exactly once at its block");
			ensure!(
				slash.harmed.iter().all(|lease| !lease.unspent.is_zero()),
				"a harmed lease with nothing unspent is kept"
			);
		}

		// Every queue entry names a pending slash of that block.
		let mut queued = 0usize;
		for (block, ids) in ApplyQueue::<T>::iter() {
			ensure!(
				block > now || ApplyBacklog::<T>::get().is_some_and(|from| block >= from),
				"an apply queue was left behind by its block"
			);
			ensure!(!ids.is_empty(), "an empty apply queue is stored");
			for id in ids.iter() {
				queued.saturating_inc();
				ensure!(
					PendingSlashes::<T>::get(id).is_some_and(|slash| slash.apply_at == block),
					"an apply queue names a slash not pending at its block"
				);
			}
		}
		ensure!(queued == pending, "apply queues and pending slashes differ");

		for (block, providers) in JailQueue::<T>::iter() {
			ensure!(block > now, "a jail queue was left behind by its block");
			ensure!(!providers.is_empty(), "an empty jail queue is stored");
			let distinct: BTreeSet<&T::AccountId> = providers.iter().collect();
			ensure!(distinct.len() == providers.len(), "a provider is queued twice in a block");
		}

		// A jail runs at most one cool-down ahead of the current block.
		let latest_release = now.saturating_add(T::JailCooldown::get());
		for (_, until) in JailedUntil::<T>::iter() {
			ensure!(until <= latest_release, "a jail ends further ahead than a cool-down");
		}

		// Every pending slash keeps the exposure it was reported with.
		for (id, exposure) in SlashExposure::<T>::iter() {
			ensure!(PendingSlashes::<T>::contains_key(id), "an exposure outlives its slash");
			ensure!(
				exposure.iter().all(|(_, held)| !held.is_zero()),
				"an exposure names a backer that held nothing"
			);
		}

		// Each provider's count of what awaits it matches its pending slashes and queued jails.
		let mut awaiting: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (_, slash) in PendingSlashes::<T>::iter() {
			awaiting.entry(slash.provider).or_default().saturating_inc();
		}
		for (_, providers) in JailQueue::<T>::iter() {
			for provider in providers {
				awaiting.entry(provider).or_default().saturating_inc();
			}
		}
		let counted: BTreeMap<T::AccountId, u32> = PendingPunishments::<T>::iter().collect();
		ensure!(awaiting == counted, "pending punishments are miscounted");

		// An era's slashes add up per kind, and stay within what backed the provider.
		for (_, span) in Spans::<T>::iter() {
			let by_kind =
				span.by_kind.iter().fold(0u128, |sum, amount| sum.saturating_add(*amount));
			ensure!(by_kind == span.total, "an era's slashes per kind do not add up");
			ensure!(span.total <= span.base, "an era slashes more than the backing");
		}

		for (_, record) in OffenceCounts::<T>::iter() {
			ensure!(record.count > 0, "an empty offence count is stored");
			ensure!(record.window_start <= now, "an offence window starts in the future");
		}

		// Every slash is paid out in the block it is applied in. Only a transfer into the pot
		// from outside could leave something there.
		ensure!(
			T::Currency::total_balance(&Self::pot()).is_zero(),
			"the slashing pot holds funds between blocks"
		);
		Ok(())
	}
}
