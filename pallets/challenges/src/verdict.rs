//! Outcomes: a pass records a proof, a failure counts in the provider's window and, at the
//! threshold, becomes an offence; a void leaves no trace.

use crate::*;
use ember_primitives::{
	ProviderCommitments, ProviderOffence, ProviderOffenceReporter, ProviderRegistry, ProviderStatus,
};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// What stands between an open challenge and its verdict, if anything.
	///
	/// Before the commitment nothing about the answer is known, so a GPU that went into a
	/// lease, left the inventory or changed model, or a provider that stopped, voids the
	/// challenge. After it the samples may be known, and a provider that cannot answer them
	/// could walk away: a withdrawn GPU or a provider that began leaving is then a failure, and
	/// a lease no obstacle (the answer is already computed; revealing it needs no GPU). Only a
	/// provider jailed or gone from the registry, which is not its own choice, still voids.
	pub(crate) fn obstacle(info: &Challenge<T::AccountId, BlockNumberFor<T>>) -> Option<Obstacle> {
		let committed = matches!(info.phase, Phase::Committed { .. });
		let withdrawn = |void| if committed { Obstacle::Withdrawn } else { Obstacle::Void(void) };
		match T::Registry::status(&info.provider) {
			None | Some(ProviderStatus::Jailed) => {
				return Some(Obstacle::Void(VoidReason::ProviderGone))
			},
			Some(ProviderStatus::Leaving) => return Some(withdrawn(VoidReason::ProviderGone)),
			Some(_) => {},
		}
		if Self::model_of(&info.provider, info.gpu) != Some(info.model) {
			return Some(withdrawn(VoidReason::InventoryChanged));
		}
		if !committed && T::Commitments::is_gpu_leased(&info.provider, &info.gpu) {
			return Some(Obstacle::Void(VoidReason::Leased));
		}
		None
	}

	/// Settle a challenge that cannot be judged on its answer; `true` when there was cause.
	pub(crate) fn settle_obstacle(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
	) -> bool {
		match Self::obstacle(info) {
			None => false,
			Some(Obstacle::Void(reason)) => {
				Self::void(challenge, info, reason);
				true
			},
			Some(Obstacle::Withdrawn) => {
				Self::fail(challenge, info, FailureReason::Withdrawn);
				true
			},
		}
	}

	/// Close an open challenge.
	fn close(challenge: ChallengeId, info: &Challenge<T::AccountId, BlockNumberFor<T>>) {
		OpenChallenges::<T>::remove(challenge);
		ChallengeOfGpu::<T>::remove(&info.provider, info.gpu);
	}

	/// The challenge passed: the GPU holds a proof from now.
	pub(crate) fn pass(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) {
		Self::close(challenge, info);
		Proofs::<T>::insert(
			&info.provider,
			info.gpu,
			GpuProof { proven_at: now, model: info.model },
		);
		Results::<T>::mutate(&info.provider, |window| {
			*window = window.push(false, T::ResultWindow::get())
		});
		Self::deposit_event(Event::ChallengePassed {
			challenge,
			provider: info.provider.clone(),
			gpu: info.gpu,
		});
	}

	/// The challenge failed: its GPU loses its proof, and enough failures in the window make
	/// an offence.
	pub(crate) fn fail(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
		reason: FailureReason,
	) {
		Self::close(challenge, info);
		Proofs::<T>::remove(&info.provider, info.gpu);
		Self::deposit_event(Event::ChallengeFailed {
			challenge,
			provider: info.provider.clone(),
			gpu: info.gpu,
			reason,
		});
		let window = Results::<T>::get(&info.provider).push(true, T::ResultWindow::get());
		let failures = window.failed();
		if failures < T::FailureThreshold::get() {
			Results::<T>::insert(&info.provider, window);
			return;
		}
		// The window is judged once: the next offence needs fresh failures.
		Results::<T>::remove(&info.provider);
		let offence =
			ProviderOffence::FailedChallenge { provider: info.provider.clone(), challenge };
		match T::Offences::report(offence) {
			Ok(()) => Self::deposit_event(Event::OffenceReported {
				provider: info.provider.clone(),
				challenge,
				failures,
			}),
			Err(error) => log::warn!(
				target: LOG_TARGET,
				"failed challenge {challenge} was not reported: {error:?}"
			),
		}
	}

	/// Drop the challenge without a result.
	pub(crate) fn void(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
		reason: VoidReason,
	) {
		Self::close(challenge, info);
		Self::deposit_event(Event::ChallengeVoided { challenge, reason });
	}
}

/// What stands between an open challenge and its verdict.
pub(crate) enum Obstacle {
	/// It is dropped without a result.
	Void(VoidReason),
	/// The provider withdrew the GPU after committing: a failure.
	Withdrawn,
}
