//! Issuing challenges: the random draws of each block, and the agent's requests. Challenges come
//! in rounds: every idle GPU of one model of one provider at once, so that one real GPU cannot
//! answer for several claimed ones in turn.

use crate::*;
use alloc::vec::Vec;
use ember_primitives::{GpuModelName, GpuSpec, GpuUuidHash, ProviderCommitments, ProviderRegistry};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// This block's random rounds. `targets / ChallengePeriod` GPUs are drawn (the remainder
	/// carried to the next block, at most `MaxDrawsPerBlock`). A drawn GPU's round (every idle
	/// GPU of the provider of its model) is taken with probability one over the number of the
	/// provider's GPUs of that model, so that each GPU is still in a round about once a period.
	/// Rounds stop at `MaxIssuedPerBlock` challenges; the draws left are owed to the next block.
	pub(crate) fn draw_random_challenges(now: BlockNumberFor<T>) -> Weight {
		let targets = TargetCount::<T>::get();
		let period = T::ChallengePeriod::get().max(1);
		let owed = DrawCarry::<T>::get().saturating_add(targets);
		let draws = (owed / period).min(T::MaxDrawsPerBlock::get());
		let max_issued = T::MaxIssuedPerBlock::get();
		let (mut issued, mut done) = (0u32, 0u32);
		for (position, acceptance) in Self::random_draws(now, draws, targets) {
			let drawn = Targets::<T>::get(position);
			let inventory = drawn.as_ref().map(|(provider, _)| T::Registry::gpus(provider));
			let round = drawn.as_ref().zip(inventory.as_ref()).and_then(|((_, gpu), inventory)| {
				let model = &inventory.iter().find(|spec| spec.uuid_hash == *gpu)?.model;
				let size = inventory.iter().filter(|spec| spec.model == *model).count() as u32;
				Some((model, size))
			});
			let Some((model, size)) = round else {
				done.saturating_inc();
				continue;
			};
			if issued.saturating_add(size) > max_issued {
				break;
			}
			done.saturating_inc();
			if acceptance % u64::from(size.max(1)) != 0 {
				continue;
			}
			let (Some((provider, _)), Some(inventory)) = (&drawn, &inventory) else { continue };
			if T::Registry::accepts_work(provider) {
				let round =
					Self::issue_round(provider, inventory, model, ChallengeKind::Random, now);
				// A round that cannot be issued (no shape for the model, no room for its
				// deadlines) issues nothing.
				issued.saturating_accrue(round.unwrap_or(0));
			}
		}
		// Draws not taken for want of room are owed to the next block, as is the remainder;
		// never more than one block's most draws, so that a backlog cannot grow without end.
		let carry = owed.saturating_sub(done.saturating_mul(period));
		DrawCarry::<T>::put(carry.min(T::MaxDrawsPerBlock::get().saturating_mul(period)));
		T::WeightInfo::draw_random_challenges(done).saturating_add(Self::issue_weight(issued))
	}

	/// Whether `gpu` of `provider` is idle: neither leased nor already challenged.
	fn idle(provider: &T::AccountId, gpu: GpuUuidHash) -> bool {
		!T::Commitments::is_gpu_leased(provider, &gpu)
			&& !ChallengeOfGpu::<T>::contains_key(provider, gpu)
	}

	/// The agent asks for a challenge of a GPU without a proof, or whose proof ends soon: a
	/// round of every idle GPU of its model. Returns how many challenges were issued.
	pub(crate) fn do_request(agent: &T::AccountId, gpu: GpuUuidHash) -> Result<u32, DispatchError> {
		let provider = T::Registry::provider_of_agent(agent).ok_or(Error::<T>::NotAnAgent)?;
		ensure!(T::Registry::accepts_work(&provider), Error::<T>::NotTakingWork);
		let inventory = T::Registry::gpus(&provider);
		let spec = inventory
			.iter()
			.find(|spec| spec.uuid_hash == gpu)
			.ok_or(Error::<T>::UnknownGpu)?;
		ensure!(!T::Commitments::is_gpu_leased(&provider, &gpu), Error::<T>::GpuLeased);
		ensure!(!ChallengeOfGpu::<T>::contains_key(&provider, gpu), Error::<T>::AlreadyChallenged);
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(proof) = Proofs::<T>::get(&provider, gpu) {
			let renew_from = proof
				.proven_at
				.saturating_add(T::ProofValidity::get())
				.saturating_sub(T::RenewalWindow::get());
			let model = sp_core::H256(sp_crypto_hashing::blake2_256(&spec.model));
			ensure!(model != proof.model || now >= renew_from, Error::<T>::ProofStillValid);
		}
		Self::issue_round(&provider, &inventory, &spec.model, ChallengeKind::Requested, now)
	}

	/// BLAKE2-256 of the model name of a provider's GPU, `None` when it has no such GPU.
	pub(crate) fn model_of(provider: &T::AccountId, gpu: GpuUuidHash) -> Option<sp_core::H256> {
		T::Registry::gpus(provider)
			.into_iter()
			.find(|spec| spec.uuid_hash == gpu)
			.map(|spec| sp_core::H256(sp_crypto_hashing::blake2_256(&spec.model)))
	}

	/// Open a round: a challenge of every idle GPU of `model` in the provider's `inventory`,
	/// all issued now with one deadline. All of them or none; returns how many.
	pub(crate) fn issue_round(
		provider: &T::AccountId,
		inventory: &[GpuSpec],
		model: &GpuModelName,
		kind: ChallengeKind,
		now: BlockNumberFor<T>,
	) -> Result<u32, DispatchError> {
		let shape = Self::shape_of(model).ok_or(Error::<T>::NoShape)?;
		let members: Vec<GpuUuidHash> = inventory
			.iter()
			.filter(|spec| spec.model == *model)
			.map(|spec| spec.uuid_hash)
			.filter(|gpu| Self::idle(provider, *gpu))
			.collect();
		let count = members.len() as u32;
		if count == 0 {
			return Ok(0);
		}
		let model = sp_core::H256(sp_crypto_hashing::blake2_256(model));
		let commit_by = now.saturating_add(T::CommitBlocks::get());
		let round = NextChallengeId::<T>::get();
		frame_support::storage::with_storage_layer(|| {
			for gpu in members {
				let id = NextChallengeId::<T>::get();
				Self::queue_deadline(commit_by, id)?;
				NextChallengeId::<T>::put(id.saturating_add(1));
				OpenChallenges::<T>::insert(
					id,
					Challenge {
						provider: provider.clone(),
						gpu,
						model,
						shape,
						issued_at: now,
						kind,
						round,
						phase: Phase::Computing { commit_by },
					},
				);
				ChallengeOfGpu::<T>::insert(provider, gpu, id);
				Self::deposit_event(Event::ChallengeIssued {
					challenge: id,
					round,
					provider: provider.clone(),
					gpu,
					shape,
					kind,
					commit_by,
				});
			}
			Rounds::<T>::insert(
				round,
				Round { provider: provider.clone(), open: count, judged: false, failed: false },
			);
			Ok(count)
		})
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
			(None, None) => DefaultShape::<T>::kill(),
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
