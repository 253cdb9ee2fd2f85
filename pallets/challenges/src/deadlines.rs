//! Deadlines: each open challenge sits in the queue of the block its phase ends; the block hook
//! fails those still in that phase when their block has passed.

use crate::*;
use ember_primitives::queue::{drain_within_budget, place_with_spill};
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
			|_| T::WeightInfo::expire_one(),
			|_, challenge| {
				Self::expire(challenge, now);
				T::WeightInfo::expire_one()
			},
		);
		match left {
			Some(block) => DeadlineBacklog::<T>::put(block),
			None => DeadlineBacklog::<T>::kill(),
		}
		used
	}

	/// A deadline of `challenge` came: fail it if it is still in a phase that has ended.
	fn expire(challenge: ChallengeId, now: BlockNumberFor<T>) {
		let Some(info) = OpenChallenges::<T>::get(challenge) else { return };
		if info.deadline() >= now {
			// Moved on to a later phase, whose own deadline is queued.
			return;
		}
		if let Some(reason) = Self::void_reason(&info) {
			Self::void(challenge, &info, reason);
			return;
		}
		let reason = match info.phase {
			Phase::Computing { .. } => FailureReason::NoCommitment,
			Phase::Committed { .. } => FailureReason::NoReveal,
		};
		Self::fail(challenge, &info, reason);
	}
}
