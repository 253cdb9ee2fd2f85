//! Outcomes: a pass records a proof, a failure counts in the provider's window and, at the
//! threshold, becomes an offence; a void leaves no trace.

use crate::*;
use ember_primitives::{
	ProviderCommitments, ProviderOffence, ProviderOffenceReporter, ProviderRegistry, ProviderStatus,
};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Why an open challenge can no longer judge its GPU, if it cannot.
	pub(crate) fn void_reason(
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
	) -> Option<VoidReason> {
		match T::Registry::status(&info.provider) {
			None | Some(ProviderStatus::Jailed) | Some(ProviderStatus::Leaving) => {
				return Some(VoidReason::ProviderGone)
			},
			Some(_) => {},
		}
		if T::Commitments::is_gpu_leased(&info.provider, &info.gpu) {
			return Some(VoidReason::Leased);
		}
		if Self::model_of(&info.provider, info.gpu) != Some(info.model) {
			return Some(VoidReason::InventoryChanged);
		}
		None
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
