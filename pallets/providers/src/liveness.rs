//! Heartbeat periods, liveness deadlines and the block hook that marks silent providers Offline.
//!
//! A block only ever touches the deadline bucket for its own number, so its cost follows the
//! providers due in it and not the size of the registry.

use crate::*;
use ember_primitives::{queue::drain_within_budget, ProviderLifecycle, ProviderStatus};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use frame_support::{pallet_prelude::Weight, traits::Get};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use sp_runtime::{
	traits::{CheckedDiv, Hash, One, Saturating},
	DispatchError,
};

impl<T: Config> Pallet<T> {
	/// The heartbeat period in blocks, as governance set it or else the runtime's default; a
	/// zero setting counts as one block.
	pub fn heartbeat_period() -> BlockNumberFor<T> {
		HeartbeatParams::<T>::get()
			.map_or_else(T::HeartbeatPeriod::get, |settings| settings.period)
			.max(One::one())
	}

	/// The whole heartbeat periods a provider may miss before it is Offline, as governance set
	/// it or else the runtime's default.
	pub fn max_missed_heartbeats() -> u32 {
		HeartbeatParams::<T>::get()
			.map_or_else(T::MaxMissedHeartbeats::get, |settings| settings.max_missed)
	}

	/// The latest block a deadline scheduled at `now` can fall in: the provider's offset into
	/// the period after its window, moved on by a full queue as far as it can be.
	pub(crate) fn latest_deadline_from(now: BlockNumberFor<T>) -> BlockNumberFor<T> {
		let missed: BlockNumberFor<T> = Self::max_missed_heartbeats().into();
		Self::period_of(now)
			.saturating_add(missed)
			.saturating_add(One::one())
			.saturating_add(One::one())
			.saturating_mul(Self::heartbeat_period())
			.saturating_add(DEADLINE_SPILL_BLOCKS.into())
	}

	pub(crate) fn do_set_heartbeat_params(
		period: BlockNumberFor<T>,
		max_missed: u32,
	) -> DispatchResult {
		ensure!(
			period >= MIN_HEARTBEAT_PERIOD.into() && period <= MAX_HEARTBEAT_PERIOD.into(),
			Error::<T>::HeartbeatPeriodOutOfRange
		);
		ensure!(
			(1..=MAX_MAX_MISSED_HEARTBEATS).contains(&max_missed),
			Error::<T>::MaxMissedOutOfRange
		);
		let room = BlockNumberFor::<T>::from(T::MaxDeadlinesPerBlock::get()).saturating_mul(period);
		let providers = BlockNumberFor::<T>::from(Providers::<T>::count());
		ensure!(
			room >= providers.saturating_mul(2u32.into()),
			Error::<T>::PeriodTooShortForProviders
		);
		let now = frame_system::Pallet::<T>::block_number();
		// Deadlines set under the parameters in force until now lie no later than this.
		let earlier_deadlines_until = HeartbeatParams::<T>::get()
			.map(|settings| settings.earlier_deadlines_until)
			.unwrap_or_default()
			.max(Self::latest_deadline_from(now));
		HeartbeatParams::<T>::put(HeartbeatSettings {
			period,
			max_missed,
			earlier_deadlines_until,
		});
		Self::deposit_event(Event::HeartbeatParamsSet { period, max_missed });
		Ok(())
	}

	/// The heartbeat period that `block` lies in.
	pub fn period_of(block: BlockNumberFor<T>) -> BlockNumberFor<T> {
		block.checked_div(&Self::heartbeat_period()).unwrap_or_default()
	}

	/// The provider's fixed offset within a heartbeat period, in `[0, HeartbeatPeriod)`. It comes
	/// from the hash of the owner account so that deadlines spread evenly over the blocks.
	pub fn heartbeat_offset(owner: &T::AccountId) -> BlockNumberFor<T> {
		let hash = T::Hashing::hash_of(owner);
		let mut word = [0u8; 4];
		word.iter_mut().zip(hash.as_ref()).for_each(|(to, from)| *to = *from);
		// The period is at least one block, so the remainder is defined.
		BlockNumberFor::<T>::from(u32::from_le_bytes(word)) % Self::heartbeat_period()
	}

	/// The block at which a provider last heard from at `now` becomes Offline unless it
	/// heartbeats again: the provider's offset into the period that follows the
	/// `MaxMissedHeartbeats` periods after the current one.
	pub fn liveness_deadline_after(
		owner: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> BlockNumberFor<T> {
		let missed: BlockNumberFor<T> = Self::max_missed_heartbeats().into();
		Self::period_of(now)
			.saturating_add(missed)
			.saturating_add(One::one())
			.saturating_mul(Self::heartbeat_period())
			.saturating_add(Self::heartbeat_offset(owner))
	}

	/// Put `owner` into the deadline bucket of `target`, or of one of the next
	/// `DEADLINE_SPILL_BLOCKS` blocks when it is full. Returns the block chosen; writes nothing
	/// when every bucket tried is full.
	pub(crate) fn schedule_deadline(
		owner: &T::AccountId,
		target: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		// Appends without decoding the bucket; fails only when it is full.
		let placed =
			ember_primitives::queue::place_with_spill(target, DEADLINE_SPILL_BLOCKS, |block| {
				Deadlines::<T>::try_append(block, owner).is_ok()
			});
		if let Some(block) = placed {
			return Ok(block);
		}
		log::warn!(
			target: LOG_TARGET,
			"deadline queues full from block {:?} on; raise MaxDeadlinesPerBlock",
			target,
		);
		Err(Error::<T>::DeadlineQueueFull.into())
	}

	/// Remove `owner`'s entry from the bucket of its pending deadline, if it has one. Costs one
	/// bucket read and write, bounded by `MaxDeadlinesPerBlock`.
	pub(crate) fn unschedule_deadline(owner: &T::AccountId, info: &ProviderInfo<T>) {
		let Some(block) = info.liveness_deadline else { return };
		let mut bucket = Deadlines::<T>::get(block);
		bucket.retain(|entry| entry != owner);
		if bucket.is_empty() {
			Deadlines::<T>::remove(block);
		} else {
			Deadlines::<T>::insert(block, bucket);
		}
	}

	/// Work the providers whose deadline has come, oldest first, within `HookBudget` (and at most
	/// one provider beyond it): one heard from since its deadline was set is put back for the
	/// deadline its last heartbeat gives it; one that was not goes Offline, and the lease market
	/// is told. Heartbeats never touch the queues, so this is where every watched provider's
	/// deadline moves on, once per `MaxMissedHeartbeats + 1` periods.
	/// Deadlines that do not fit stay queued (their block noted in `DeadlineBacklog`) and are
	/// worked first by the next blocks. Entries of providers that left or changed status are
	/// skipped.
	pub(crate) fn process_due_deadlines(now: BlockNumberFor<T>) -> Weight {
		Self::process_due_deadlines_within(now, T::HookBudget::get())
	}

	/// [`Self::process_due_deadlines`] within `budget`: the benchmarks measure a whole bucket
	/// through the same path.
	pub(crate) fn process_due_deadlines_within(now: BlockNumberFor<T>, budget: Weight) -> Weight {
		let idle = T::WeightInfo::on_initialize(0);
		let per_offline = T::WeightInfo::on_initialize(1).saturating_sub(idle);
		let per_moved = T::WeightInfo::on_initialize_moved_on(1)
			.saturating_sub(T::WeightInfo::on_initialize_moved_on(0));
		let per_deadline_at_most = per_offline
			.max(per_moved)
			.saturating_add(T::Lifecycle::heard_from_weight())
			.saturating_add(T::Lifecycle::went_offline_weight());
		let from = DeadlineBacklog::<T>::get().unwrap_or(now);
		let (used, resume) = drain_within_budget(
			from,
			now,
			budget.saturating_sub(idle),
			T::DbWeight::get().reads_writes(1, 1),
			|block| Deadlines::<T>::take(block).into_inner(),
			|block, rest| Deadlines::<T>::insert(block, DeadlineBucketOf::<T>::truncate_from(rest)),
			|_| per_deadline_at_most,
			|at, owner| match Self::deadline_reached(owner, at, now) {
				DeadlineOutcome::Skipped => per_offline,
				DeadlineOutcome::MovedOn(market) => per_moved.saturating_add(market),
				DeadlineOutcome::WentOffline(market) => per_offline.saturating_add(market),
			},
		);
		DeadlineBacklog::<T>::set(resume);
		idle.saturating_add(used).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}

	/// `owner`'s deadline queued for block `at` is worked at `now`. The deadline its last
	/// heartbeat gives it (under today's parameters) decides: still ahead, the provider is put
	/// back for it; passed, the provider is Offline since that deadline, or since `at` if it
	/// was queued later (a full bucket, or a deadline set under longer parameters).
	fn deadline_reached(
		owner: T::AccountId,
		at: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> DeadlineOutcome {
		let Some(mut info) = Providers::<T>::get(&owner) else { return DeadlineOutcome::Skipped };
		let watched = matches!(info.status, ProviderStatus::Active | ProviderStatus::Leaving);
		if !watched || info.liveness_deadline != Some(at) {
			return DeadlineOutcome::Skipped;
		}
		let last_heartbeat = info.last_heartbeat;
		// What the provider earned up to its last heartbeat, while it is still watched.
		let mut market_weight = T::Lifecycle::heard_from(&owner, last_heartbeat);
		let deadline = Self::liveness_deadline_after(&owner, last_heartbeat);
		// When every queue from its deadline on is full (the runtime's queues are too small for
		// its providers), the provider cannot be watched: it is treated as silent, and its next
		// heartbeat brings it back if there is room by then.
		if deadline > now {
			if let Ok(block) = Self::schedule_deadline(&owner, deadline) {
				info.liveness_deadline = Some(block);
				Providers::<T>::insert(&owner, info);
				return DeadlineOutcome::MovedOn(market_weight);
			}
		}
		let since = if deadline > now { at } else { deadline.max(at) };
		info.status = ProviderStatus::Offline;
		info.liveness_deadline = None;
		Providers::<T>::insert(&owner, info);
		market_weight.saturating_accrue(T::Lifecycle::went_offline(&owner, since));
		Self::deposit_event(Event::WentOffline { provider: owner, last_heartbeat });
		DeadlineOutcome::WentOffline(market_weight)
	}

	/// Whether a heartbeat from `origin` is valid and so costs no fee: the signer is an agent
	/// key and its provider has not heartbeated in the current period.
	pub fn heartbeat_is_feeless(origin: &OriginFor<T>) -> bool {
		let Ok(agent) = frame_system::ensure_signed(origin.clone()) else { return false };
		let Some(owner) = ProviderOfAgent::<T>::get(&agent) else { return false };
		let Some(info) = Providers::<T>::get(&owner) else { return false };
		let now = frame_system::Pallet::<T>::block_number();
		Self::period_of(info.last_heartbeat) < Self::period_of(now)
	}
}

/// What the hook did with one due deadline.
enum DeadlineOutcome {
	/// A stale entry: the provider left, is not watched, or is due at another block.
	Skipped,
	/// The provider heartbeated since its deadline was set: put back for its next one. Carries
	/// the weight the listeners used.
	MovedOn(Weight),
	/// The provider was silent and is Offline. Carries the weight the listeners used.
	WentOffline(Weight),
}
