//! Deadlines: each open challenge sits in the queue of the block its phase ends; the block hook
//! fails those still in that phase when their block has passed.

use crate::*;
use ember_primitives::{
	queue::{drain_within_budget, place_with_spill},
	ProviderOffenceReporter,
};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Queue `challenge` to be checked after `deadline`, in the first block after it with room.
	pub(crate) fn queue_deadline(
		deadline: BlockNumberFor<T>,
		challenge: ChallengeId,
	) -> DispatchResult {
		let first = deadline.saturating_add(1u32.into());
		place_with_spill(first, T::MaxSpill::get(), |block| {
			Deadlines::<T>::mutate(block, |queue| queue.try_push(challenge).is_ok())
		})
		.map(|_| ())
		.ok_or_else(|| Error::<T>::DeadlinesFull.into())
	}

	/// Fail the challenges whose phase ended before `now`, oldest queue first, within
	/// `HookBudget`.
	pub(crate) fn expire_due(now: BlockNumberFor<T>) -> Weight {
		let from = DeadlineBacklog::<T>::get().unwrap_or(now);
		let (used, left) = drain_within_budget(
			from,
			now,
			T::HookBudget::get(),
			T::WeightInfo::expire_queue(),
			|block| Deadlines::<T>::take(block).into_inner(),
			|block, rest| {
				Deadlines::<T>::insert(block, BoundedVec::truncate_from(rest));
			},
			|_| T::WeightInfo::expire_one().saturating_add(T::Offences::report_weight()),
			|_, challenge| Self::expire(challenge, now),
		);
		match left {
			Some(block) => DeadlineBacklog::<T>::put(block),
			None => DeadlineBacklog::<T>::kill(),
		}
		used
	}

	/// A deadline of `challenge` came: fail it if it is still in a phase that has ended.
	/// Returns the weight used: a stale entry (the challenge closed, or moved on to a later
	/// phase whose own deadline is queued) costs one read of its record, charged as an empty
	/// queue's take, which reads and writes more.
	fn expire(challenge: ChallengeId, now: BlockNumberFor<T>) -> Weight {
		let stale = T::WeightInfo::expire_queue();
		let Some(info) = OpenChallenges::<T>::get(challenge) else { return stale };
		if info.deadline() >= now {
			return stale;
		}
		// Closing may judge a round at the offence threshold: its report is charged too.
		let used =
			|reported| T::WeightInfo::expire_one().saturating_add(Self::report_cost(reported));
		if let Some(reported) = Self::settle_obstacle(challenge, &info) {
			return used(reported);
		}
		let reason = match info.phase {
			Phase::Computing { .. } => FailureReason::NoCommitment,
			Phase::Committed { .. } => FailureReason::NoReveal,
		};
		used(Self::fail(challenge, &info, reason))
	}
}
