//! Outcomes: a pass records a proof, a failure takes it away; a void leaves no trace. A round
//! (one provider's GPUs of one model, challenged together) is judged once its last challenge
//! closes: one outcome in the provider's window, a failure if any of its challenges failed, and
//! enough failures make an offence.

use crate::*;
use ember_primitives::{
	ProviderCommitments, ProviderOffence, ProviderOffenceReporter, ProviderRegistry, ProviderStatus,
};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;

/// How one challenge ended.
#[derive(Clone, Copy, Eq, PartialEq)]
enum Outcome {
	Passed,
	Failed,
	Voided,
}

impl<T: Config> Pallet<T> {
	/// What stands between an open challenge and its verdict, if anything.
	///
	/// Before the commitment nothing about the answer is known, so a GPU that went into a
	/// lease, left the inventory or changed model, or a provider that stopped, voids the
	/// challenge. After it the samples may be known, and a provider that cannot answer them
	/// could walk away: a withdrawn GPU or a provider that began leaving or left is then a
	/// failure, and a lease no obstacle (the answer is already computed; revealing it needs no
	/// GPU). Only a provider jailed, which is not its own choice, still voids.
	pub(crate) fn obstacle(info: &Challenge<T::AccountId, BlockNumberFor<T>>) -> Option<Obstacle> {
		let committed = matches!(info.phase, Phase::Committed { .. });
		let withdrawn = |void| if committed { Obstacle::Withdrawn } else { Obstacle::Void(void) };
		match T::Registry::status(&info.provider) {
			Some(ProviderStatus::Jailed) => return Some(Obstacle::Void(VoidReason::ProviderGone)),
			None | Some(ProviderStatus::Leaving) => {
				return Some(withdrawn(VoidReason::ProviderGone))
			},
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

	/// Settle a challenge that cannot be judged on its answer: `None` when nothing stands in
	/// its way, else whether settling it reported an offence.
	pub(crate) fn settle_obstacle(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
	) -> Option<Reported> {
		match Self::obstacle(info)? {
			Obstacle::Void(reason) => Some(Self::void(challenge, info, reason)),
			Obstacle::Withdrawn => Some(Self::fail(challenge, info, FailureReason::Withdrawn)),
		}
	}

	/// Close an open challenge; the last of its round judges the round.
	fn close(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
		outcome: Outcome,
	) -> Reported {
		OpenChallenges::<T>::remove(challenge);
		ChallengeOfGpu::<T>::remove(&info.provider, info.gpu);
		let finished = Rounds::<T>::mutate_exists(info.round, |slot| {
			let round = slot.as_mut()?;
			round.open = round.open.saturating_sub(1);
			round.judged |= outcome != Outcome::Voided;
			round.failed |= outcome == Outcome::Failed;
			if round.open == 0 {
				slot.take()
			} else {
				None
			}
		});
		match finished.filter(|round| round.judged) {
			Some(round) => Self::judge_round(info.round, &round.provider, round.failed),
			None => Reported(false),
		}
	}

	/// The challenge passed: the GPU holds a proof from now.
	pub(crate) fn pass(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> Reported {
		Self::set_proof(&info.provider, info.gpu, GpuProof { proven_at: now, model: info.model });
		Self::deposit_event(Event::ChallengePassed {
			challenge,
			provider: info.provider.clone(),
			gpu: info.gpu,
		});
		Self::close(challenge, info, Outcome::Passed)
	}

	/// The challenge failed: its GPU loses its proof, and its round is a failure.
	pub(crate) fn fail(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
		reason: FailureReason,
	) -> Reported {
		Self::drop_proof(&info.provider, info.gpu);
		Self::deposit_event(Event::ChallengeFailed {
			challenge,
			provider: info.provider.clone(),
			gpu: info.gpu,
			reason,
		});
		Self::close(challenge, info, Outcome::Failed)
	}

	/// Drop the challenge without a result. A GPU whose round was escaped before the
	/// commitment, by a lease (which the market refuses while a challenge waits for its
	/// commitment, so this is a second line) or by its provider leaving or being jailed, loses
	/// its proof: nobody keeps an old proof to earn on by escaping a round, and the GPU proves
	/// itself again before it bids or earns.
	pub(crate) fn void(
		challenge: ChallengeId,
		info: &Challenge<T::AccountId, BlockNumberFor<T>>,
		reason: VoidReason,
	) -> Reported {
		if matches!(reason, VoidReason::Leased | VoidReason::ProviderGone) {
			Self::drop_proof(&info.provider, info.gpu);
		}
		Self::deposit_event(Event::ChallengeVoided { challenge, reason });
		Self::close(challenge, info, Outcome::Voided)
	}

	/// A round ended with at least one judged challenge: one outcome in the provider's window,
	/// and an offence when the window holds `FailureThreshold` failures.
	fn judge_round(round: ChallengeId, provider: &T::AccountId, failed: bool) -> Reported {
		Self::deposit_event(Event::RoundJudged { round, provider: provider.clone(), failed });
		let window = Results::<T>::get(provider).push(failed, T::ResultWindow::get());
		let failures = window.failed();
		if !failed || failures < T::FailureThreshold::get() {
			Results::<T>::insert(provider, window);
			return Reported(false);
		}
		// The window is judged once: the next offence needs fresh failures.
		Results::<T>::remove(provider);
		let offence =
			ProviderOffence::FailedChallenge { provider: provider.clone(), challenge: round };
		match T::Offences::report(offence) {
			Ok(()) => Self::deposit_event(Event::OffenceReported {
				provider: provider.clone(),
				round,
				failures,
			}),
			Err(error) => log::warn!(
				target: LOG_TARGET,
				"failed round {round} was not reported: {error:?}"
			),
		}
		// Charged whether or not the reporter took it: it did the work of looking.
		Reported(true)
	}

	/// What closing a challenge cost beyond its own step: an offence report, if it made one.
	pub(crate) fn report_cost(reported: Reported) -> Weight {
		if reported.0 {
			T::Offences::report_weight()
		} else {
			Weight::zero()
		}
	}
}

/// Whether closing a challenge reported an offence (its round's, at the threshold).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Reported(pub bool);

/// What stands between an open challenge and its verdict.
pub(crate) enum Obstacle {
	/// It is dropped without a result.
	Void(VoidReason),
	/// The provider withdrew the GPU after committing: a failure.
	Withdrawn,
}
