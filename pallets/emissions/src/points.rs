//! Points: available GPU-time credited at heartbeats, leased GPU-time credited at settlement.

use crate::*;
use alloc::vec::Vec;
use ember_primitives::{Balance, GpuModelName, GpuProofs, GpuSpec, GpuUuidHash, ProviderRegistry};
use frame_support::{pallet_prelude::Weight, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Bounded, Saturating, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
	/// The provider's record, with any closed era folded into its unclaimed reward (what the
	/// bonus cap withheld goes back to the pot).
	pub(crate) fn current_record(provider: &T::AccountId) -> ProviderRewards<BlockNumberFor<T>> {
		let mut record = ProviderPoints::<T>::get(provider).unwrap_or_default();
		let era = CurrentEra::<T>::get().index;
		if record.era != era {
			let (held, recorded_era) = (holds_points(&record), record.era);
			let withheld = record.roll_to(era, EraRewardPerPoint::<T>::get(recorded_era));
			if withheld > 0 {
				Carried::<T>::mutate(|carried| *carried = carried.saturating_add(withheld));
			}
			if held {
				Self::release_era(recorded_era);
			}
		}
		record
	}

	/// One record no longer holds points of the closed `era`: the last one to let go removes
	/// the era's rate, which nothing will read again.
	pub(crate) fn release_era(era: EraIndex) {
		let left = EraHolders::<T>::mutate_exists(era, |holders| {
			let left = holders.unwrap_or_default().saturating_sub(1);
			*holders = (left > 0).then_some(left);
			left
		});
		if left == 0 {
			EraRewardPerPoint::<T>::remove(era);
		}
	}

	/// `record`, which held no points before, now holds some of its era: counted, so that the
	/// era's rate is kept until the record is folded.
	fn note_holding(held_before: bool, record: &ProviderRewards<BlockNumberFor<T>>) {
		if !held_before && holds_points(record) {
			EraHolders::<T>::mutate(record.era, |holders| *holders = holders.saturating_add(1));
		}
	}

	/// The registry heard from the provider, its latest heartbeat at `until`: credit the
	/// GPU-time since the last credit of the GPUs holding a recent proof of compute, if the
	/// provider takes work (Active, unpaused, its bond covering its GPUs), at most
	/// `MaxCreditedGap` blocks of it. The registry calls this once per liveness check
	/// (`MaxMissedHeartbeats + 1` periods) and before a provider stops being watched, not at
	/// every heartbeat, so a heartbeat writes nothing here.
	/// A provider that takes no work starts nothing: its time is credited again from the
	/// check (or resume, release, or return online) at which it takes work. Returns the weight
	/// used: a check whose score still holds ([`ProvenScores`]) and whose record stays in its
	/// era costs `credit_availability_cached`, any other what its GPUs cost.
	pub(crate) fn credit_availability(provider: &T::AccountId, until: BlockNumberFor<T>) -> Weight {
		let era = CurrentEra::<T>::get().index;
		let folds = ProviderPoints::<T>::get(provider).is_some_and(|record| record.era != era);
		let mut record = Self::current_record(provider);
		let working = T::Registry::accepts_work(provider);
		let blocks = match record.last_credit {
			Some(last) if working => until.saturating_sub(last).min(T::MaxCreditedGap::get()),
			_ => Default::default(),
		};
		// A provider that starts earning here starts now: nothing says since when it has taken
		// work (a bond topped up, a pause lifted without a resume hook in between).
		let now = frame_system::Pallet::<T>::block_number();
		record.last_credit = match record.last_credit {
			Some(last) if working => Some(until.max(last)),
			_ => working.then_some(now),
		};
		let blocks: u128 = blocks.unique_saturated_into();
		let mut looked_at = None;
		let held = holds_points(&record);
		if blocks > 0 {
			let (score, worked_out) = Self::proven_score(provider);
			looked_at = worked_out;
			Self::add_points(&mut record.points, blocks.saturating_mul(score));
		}
		Self::note_holding(held, &record);
		ProviderPoints::<T>::insert(provider, record);
		match looked_at {
			Some(gpus) => T::WeightInfo::credit_availability(gpus.max(1)),
			None if folds => T::WeightInfo::credit_availability(1),
			None => T::WeightInfo::credit_availability_cached(),
		}
	}

	/// Upper bound of [`Self::credit_availability`].
	pub(crate) fn credit_availability_weight() -> Weight {
		T::WeightInfo::credit_availability(T::MaxGpusPerProvider::get())
			.max(T::WeightInfo::credit_availability_cached())
	}

	/// The summed class score of the provider's GPUs proven now: the one last worked out while
	/// it still holds, else worked out again from every GPU's proof and class (and kept). Returns
	/// it, and how many GPUs were looked at when it was worked out again.
	pub(crate) fn proven_score(provider: &T::AccountId) -> (u128, Option<u32>) {
		let now = frame_system::Pallet::<T>::block_number();
		let proofs = T::Proofs::proofs_version(provider);
		let table = ClassTableVersion::<T>::get();
		if let Some(kept) = ProvenScores::<T>::get(provider) {
			if kept.proofs == proofs && kept.table == table && now < kept.until {
				return (kept.score, None);
			}
		}
		let mut gpus = T::Registry::gpus(provider);
		let looked_at = u32::try_from(gpus.len()).unwrap_or(u32::MAX);
		let mut until = BlockNumberFor::<T>::max_value();
		gpus.retain(|gpu| match T::Proofs::proven_for(provider, gpu) {
			Some(left) => {
				until = until.min(now.saturating_add(left.into()));
				true
			},
			None => false,
		});
		let score = Self::score_of(gpus.iter());
		ProvenScores::<T>::insert(provider, ProvenScore { score, until, proofs, table });
		(score, Some(looked_at))
	}

	/// The provider takes work again from `now` (back online, or resumed): its time counts from
	/// there, whatever it did before.
	pub(crate) fn start_crediting(provider: &T::AccountId, now: BlockNumberFor<T>) {
		if !T::Registry::accepts_work(provider) {
			return;
		}
		let mut record = Self::current_record(provider);
		record.last_credit = Some(now);
		ProviderPoints::<T>::insert(provider, record);
	}

	/// Upper bound of [`Self::start_crediting`]: the reads and writes of a credit, with no GPU
	/// looked at, within what crediting a one-GPU provider costs.
	pub(crate) fn start_crediting_weight() -> Weight {
		T::WeightInfo::credit_availability(1)
	}

	/// The provider stopped being watched (Offline or jailed) or paused: the gap until it takes
	/// work again is never credited. The registry has the time up to its last heartbeat
	/// credited first.
	pub(crate) fn stop_crediting(provider: &T::AccountId) {
		ProviderPoints::<T>::mutate_exists(provider, |record| {
			if let Some(record) = record {
				record.last_credit = None;
			}
		});
	}

	/// A lease settlement: the fee was burned, and unless the tenant is the provider's own
	/// side, the leased GPU-time earns its bonus.
	pub(crate) fn credit_lease(
		provider: &T::AccountId,
		tenant: &T::AccountId,
		gpus: &[GpuUuidHash],
		blocks: u32,
		fee: Balance,
	) {
		Self::note_burned(fee);
		let mut record = Self::current_record(provider);
		record.fees = record.fees.saturating_add(fee);
		let held = holds_points(&record);
		let bonus_percent = Rewards::<T>::get().lease_bonus_percent;
		if bonus_percent > 0 && blocks > 0 && !Self::is_own_side(provider, tenant) {
			let inventory = T::Registry::gpus(provider);
			let leased = inventory.iter().filter(|gpu| gpus.contains(&gpu.uuid_hash));
			let points = u128::from(blocks)
				.saturating_mul(Self::score_of(leased))
				.saturating_mul(u128::from(bonus_percent))
				/ 100;
			Self::add_points(&mut record.bonus_points, points);
		}
		Self::note_holding(held, &record);
		ProviderPoints::<T>::insert(provider, record);
	}

	/// Whether `tenant` is the provider's owner or its agent: leasing from yourself earns no
	/// bonus. A tenant that delegates to its provider is not its own side: otherwise any tenant
	/// could cancel its provider's bonus by delegating the minimum. A delegator renting to
	/// farm the bonus gains nothing either, as the bonus never exceeds the fees burned.
	pub fn is_own_side(provider: &T::AccountId, tenant: &T::AccountId) -> bool {
		tenant == provider || T::Registry::provider_of_agent(tenant).as_ref() == Some(provider)
	}

	/// Sum of the class scores of `gpus`, each model looked up once.
	pub fn score_of<'a>(gpus: impl Iterator<Item = &'a GpuSpec>) -> u128 {
		Self::class_scores_of(gpus)
			.into_iter()
			.fold(0u128, |sum, score| sum.saturating_add(u128::from(score)))
	}

	/// The class score of each of `gpus`, in order: the table's entry for its model, or the
	/// default score. Reads the parameters once and each distinct model once.
	pub fn class_scores_of<'a>(gpus: impl Iterator<Item = &'a GpuSpec>) -> Vec<u32> {
		let default = Rewards::<T>::get().default_class_score;
		let mut known: Vec<(&GpuModelName, u32)> = Vec::new();
		gpus.map(|gpu| match known.iter().find(|(model, _)| *model == &gpu.model) {
			Some((_, score)) => *score,
			None => {
				let score = ClassScores::<T>::get(&gpu.model).unwrap_or(default);
				known.push((&gpu.model, score));
				score
			},
		})
		.collect()
	}

	/// Add `points` to a provider's counter and to the era's total.
	fn add_points(counter: &mut u128, points: u128) {
		if points == 0 {
			return;
		}
		*counter = counter.saturating_add(points);
		CurrentEra::<T>::mutate(|era| era.points = era.points.saturating_add(points));
	}

	/// Record a burn in the era's issuance ledger.
	pub(crate) fn note_burned(amount: Balance) {
		if amount > 0 {
			Issuance::<T>::mutate(|ledger| ledger.burned = ledger.burned.saturating_add(amount));
		}
	}
}

/// Whether `record` holds points of its era that are still to be turned into reward.
pub(crate) fn holds_points<BlockNumber>(record: &ProviderRewards<BlockNumber>) -> bool {
	record.points > 0 || record.bonus_points > 0
}
