//! The agent's answers: the commitment, then the openings of the sampled leaves.

use crate::{verdict::Reported, *};
use ember_compute_proof::{check_sample, samples, Keys, SampleError};
use ember_primitives::ProviderRegistry;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// The open challenge `challenge`, if the caller is its provider's agent.
	fn own_challenge(
		agent: &T::AccountId,
		challenge: ChallengeId,
	) -> Result<Challenge<T::AccountId, BlockNumberFor<T>>, DispatchError> {
		let info = OpenChallenges::<T>::get(challenge).ok_or(Error::<T>::UnknownChallenge)?;
		let provider = T::Registry::provider_of_agent(agent).ok_or(Error::<T>::NotAnAgent)?;
		ensure!(provider == info.provider, Error::<T>::NotYourChallenge);
		Ok(info)
	}

	/// Take the answer's root, computed from `seed`; the samples come from the randomness of
	/// the block after the commitment's.
	pub(crate) fn do_commit(
		agent: &T::AccountId,
		challenge: ChallengeId,
		seed: H256,
		root: H256,
	) -> Result<Reported, DispatchError> {
		let mut info = Self::own_challenge(agent, challenge)?;
		let now = frame_system::Pallet::<T>::block_number();
		let Phase::Computing { commit_by } = info.phase else {
			return Err(Error::<T>::AlreadyCommitted.into());
		};
		ensure!(now > info.issued_at, Error::<T>::TooEarly);
		ensure!(now <= commit_by, Error::<T>::CommitTooLate);
		if let Some(reported) = Self::settle_obstacle(challenge, &info) {
			return Ok(reported);
		}
		// A commitment replayed from a fork whose issue block had other randomness answers
		// another task: refused, so that the agent can still answer this one.
		match Self::seed_of(challenge, &info) {
			None => return Ok(Self::void(challenge, &info, VoidReason::NoRandomness)),
			Some(expected) => ensure!(expected == seed.0, Error::<T>::WrongSeed),
		}
		// The samples are known from the block after next: the reveal window starts there.
		let reveal_by = now.saturating_add(1u32.into()).saturating_add(T::RevealBlocks::get());
		if Self::queue_deadline(reveal_by, challenge).is_err() {
			// Not the provider's doing: no result rather than a failure.
			return Ok(Self::void(challenge, &info, VoidReason::NoRoom));
		}
		info.phase = Phase::Committed { root, committed_at: now, reveal_by };
		OpenChallenges::<T>::insert(challenge, info);
		Self::deposit_event(Event::AnswerCommitted { challenge, root, reveal_by });
		Ok(Reported(false))
	}

	/// Check the openings against the root and the seed: the challenge passes or fails here.
	pub(crate) fn do_reveal(
		agent: &T::AccountId,
		challenge: ChallengeId,
		openings: BoundedVec<Opening, T::Samples>,
	) -> DispatchResultWithPostInfo {
		let info = Self::own_challenge(agent, challenge)?;
		let now = frame_system::Pallet::<T>::block_number();
		let Phase::Committed { root, committed_at, reveal_by } = info.phase else {
			return Err(Error::<T>::NotCommitted.into());
		};
		ensure!(now > committed_at.saturating_add(1u32.into()), Error::<T>::TooEarly);
		ensure!(now <= reveal_by, Error::<T>::RevealTooLate);
		ensure!(openings.len() as u32 == T::Samples::get(), Error::<T>::WrongOpeningCount);
		let used = |reported| {
			Some(
				Self::reveal_weight(info.shape.k, info.shape.depth())
					.saturating_add(Self::report_cost(reported)),
			)
			.into()
		};
		if let Some(reported) = Self::settle_obstacle(challenge, &info) {
			return Ok(used(reported));
		}
		let (Some(seed), Some(sample_seed)) =
			(Self::seed_of(challenge, &info), Self::sample_seed_of(challenge, committed_at, root))
		else {
			return Ok(used(Self::void(challenge, &info, VoidReason::NoRandomness)));
		};
		let keys = Keys::from_seed(&seed);
		let verdict = samples(&sample_seed, &info.shape, T::Samples::get())
			.zip(openings.iter())
			.try_for_each(|(sample, opening)| {
				check_sample(&keys, &info.shape, &root.0, sample, &opening.values, &opening.path)
			});
		let reported = match verdict {
			Ok(()) => Self::pass(challenge, &info, now),
			Err(SampleError::BadPath) | Err(SampleError::OutOfRange) => {
				Self::fail(challenge, &info, FailureReason::BadPath)
			},
			Err(SampleError::WrongValue) => Self::fail(challenge, &info, FailureReason::WrongValue),
		};
		Ok(used(reported))
	}
}
