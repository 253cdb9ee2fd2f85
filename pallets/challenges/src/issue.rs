//! Issuing challenges: the random draws of each block, and the agent's requests.

use crate::*;
use ember_primitives::{GpuUuidHash, ProviderCommitments, ProviderRegistry};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// This block's random challenges: `targets / ChallengePeriod` draws, the remainder carried
	/// to the next block, at most `MaxDrawsPerBlock`.
	pub(crate) fn draw_random_challenges(now: BlockNumberFor<T>) -> Weight {
		let targets = TargetCount::<T>::get();
		let period = T::ChallengePeriod::get().max(1);
		let owed = DrawCarry::<T>::get().saturating_add(targets);
		let draws = (owed / period).min(T::MaxDrawsPerBlock::get());
		DrawCarry::<T>::put(owed % period);
		for position in Self::random_positions(now, draws, targets) {
			let Some((provider, gpu)) = Targets::<T>::get(position) else { continue };
			// A GPU that cannot be challenged now (leased, already challenged, its provider
			// idle) is skipped; a full deadline queue drops the draw.
			if Self::challengeable(&provider, gpu).is_ok() {
				let _ = Self::issue(&provider, gpu, ChallengeKind::Random, now);
			}
		}
		T::WeightInfo::draw_random_challenges(draws)
	}

	/// Whether `gpu` of `provider` may be challenged now.
	pub(crate) fn challengeable(provider: &T::AccountId, gpu: GpuUuidHash) -> DispatchResult {
		ensure!(T::Registry::accepts_work(provider), Error::<T>::NotTakingWork);
		ensure!(
			T::Registry::gpus(provider).iter().any(|spec| spec.uuid_hash == gpu),
			Error::<T>::UnknownGpu
		);
		ensure!(!T::Commitments::is_gpu_leased(provider, &gpu), Error::<T>::GpuLeased);
		ensure!(!ChallengeOfGpu::<T>::contains_key(provider, gpu), Error::<T>::AlreadyChallenged);
		Ok(())
	}

	/// The agent asks for a challenge of a GPU without a proof, or whose proof ends soon.
	pub(crate) fn do_request(agent: &T::AccountId, gpu: GpuUuidHash) -> DispatchResult {
		let provider = T::Registry::provider_of_agent(agent).ok_or(Error::<T>::NotAnAgent)?;
		Self::challengeable(&provider, gpu)?;
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(proof) = Proofs::<T>::get(&provider, gpu) {
			let renew_from = proof
				.proven_at
				.saturating_add(T::ProofValidity::get())
				.saturating_sub(T::RenewalWindow::get());
			let model = Self::model_of(&provider, gpu);
			ensure!(model != Some(proof.model) || now >= renew_from, Error::<T>::ProofStillValid);
		}
		Self::issue(&provider, gpu, ChallengeKind::Requested, now).map(|_| ())
	}

	/// BLAKE2-256 of the model name of a provider's GPU, `None` when it has no such GPU.
	pub(crate) fn model_of(provider: &T::AccountId, gpu: GpuUuidHash) -> Option<sp_core::H256> {
		T::Registry::gpus(provider)
			.into_iter()
			.find(|spec| spec.uuid_hash == gpu)
			.map(|spec| sp_core::H256(sp_crypto_hashing::blake2_256(&spec.model)))
	}

	/// Open a challenge of a GPU that may be challenged.
	fn issue(
		provider: &T::AccountId,
		gpu: GpuUuidHash,
		kind: ChallengeKind,
		now: BlockNumberFor<T>,
	) -> Result<ChallengeId, DispatchError> {
		let spec = T::Registry::gpus(provider)
			.into_iter()
			.find(|spec| spec.uuid_hash == gpu)
			.ok_or(Error::<T>::UnknownGpu)?;
		let shape = Self::shape_of(&spec.model);
		let id = NextChallengeId::<T>::get();
		let commit_by = now.saturating_add(T::CommitBlocks::get());
		Self::queue_deadline(commit_by, id)?;
		NextChallengeId::<T>::put(id.saturating_add(1));
		OpenChallenges::<T>::insert(
			id,
			Challenge {
				provider: provider.clone(),
				gpu,
				model: sp_core::H256(sp_crypto_hashing::blake2_256(&spec.model)),
				shape,
				issued_at: now,
				kind,
				phase: Phase::Computing { commit_by },
			},
		);
		ChallengeOfGpu::<T>::insert(provider, gpu, id);
		Self::deposit_event(Event::ChallengeIssued {
			challenge: id,
			provider: provider.clone(),
			gpu,
			shape,
			kind,
			commit_by,
		});
		Ok(id)
	}

	/// Set or remove a row of the shape table, or set the default shape.
	pub(crate) fn do_set_shape(
		model: Option<ember_primitives::GpuModelName>,
		shape: Option<ember_compute_proof::Shape>,
	) -> DispatchResult {
		if let Some(shape) = &shape {
			ensure!(Self::valid_shape(shape), Error::<T>::InvalidShape);
		}
		match (&model, shape) {
			(None, Some(shape)) => DefaultShape::<T>::put(shape),
			(None, None) => return Err(Error::<T>::InvalidShape.into()),
			(Some(model), Some(shape)) => Self::insert_shape(model.clone(), shape)?,
			(Some(model), None) => {
				if Shapes::<T>::take(model).is_some() {
					ShapeCount::<T>::mutate(|count| *count = count.saturating_sub(1));
				}
			},
		}
		Self::deposit_event(Event::ShapeSet { model, shape });
		Ok(())
	}

	/// Put a row in the shape table, counting it when it is new.
	pub(crate) fn insert_shape(
		model: ember_primitives::GpuModelName,
		shape: ember_compute_proof::Shape,
	) -> DispatchResult {
		if !Shapes::<T>::contains_key(&model) {
			let count = ShapeCount::<T>::get();
			ensure!(count < T::MaxShapes::get(), Error::<T>::TooManyShapes);
			ShapeCount::<T>::put(count.saturating_add(1));
		}
		Shapes::<T>::insert(model, shape);
		Ok(())
	}
}
