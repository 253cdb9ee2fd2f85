//! Invariants of the pallet's state, checked after every block in tests and by try-runtime.

use crate::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Every open challenge is indexed by its GPU, due in a queue and counted in its open round;
	/// the target list is a dense, two-way index; no VRF output outlives its use.
	pub fn do_try_state(now: BlockNumberFor<T>) -> Result<(), TryRuntimeError> {
		let mut open = 0u32;
		let mut per_round = alloc::collections::BTreeMap::<ChallengeId, u32>::new();
		for (id, info) in OpenChallenges::<T>::iter() {
			open = open.saturating_add(1);
			*per_round.entry(info.round).or_default() += 1;
			ensure_state(
				Rounds::<T>::get(info.round).is_some_and(|round| round.provider == info.provider),
				"an open challenge's round is not open, or another provider's",
			)?;
			ensure_state(
				ChallengeOfGpu::<T>::get(&info.provider, info.gpu) == Some(id),
				"an open challenge is not indexed by its GPU",
			)?;
			ensure_state(id < NextChallengeId::<T>::get(), "a challenge id was never issued")?;
			let queued = Deadlines::<T>::iter()
				.any(|(block, queue)| block > info.deadline() && queue.contains(&id));
			ensure_state(queued, "an open challenge's deadline is in no queue after it")?;
		}
		ensure_state(
			ChallengeOfGpu::<T>::iter().count() as u32 == open,
			"a GPU's open challenge does not exist",
		)?;
		for (id, round) in Rounds::<T>::iter() {
			ensure_state(
				per_round.get(&id).copied() == Some(round.open),
				"a round's count of open challenges is off",
			)?;
		}
		let count = TargetCount::<T>::get();
		ensure_state(Targets::<T>::iter().count() as u32 == count, "the target list has gaps")?;
		for (position, (provider, gpu)) in Targets::<T>::iter() {
			ensure_state(position < count, "a target lies beyond the count")?;
			ensure_state(
				TargetIndex::<T>::get(&provider, gpu) == Some(position),
				"a target's index points elsewhere",
			)?;
		}
		ensure_state(
			TargetIndex::<T>::iter().count() as u32 == count,
			"an indexed GPU is not in the list",
		)?;
		let oldest_kept =
			now.saturating_sub(Self::randomness_retention()).saturating_sub(1u32.into());
		ensure_state(
			BlockRandomness::<T>::iter_keys().all(|block| block >= oldest_kept && block < now),
			"a VRF output is kept beyond its use",
		)?;
		ensure_state(
			ShapeCount::<T>::get() as usize == Shapes::<T>::iter().count(),
			"the shape count is off",
		)?;
		Ok(())
	}
}

fn ensure_state(condition: bool, message: &'static str) -> Result<(), TryRuntimeError> {
	if condition {
		Ok(())
	} else {
		Err(message.into())
	}
}
