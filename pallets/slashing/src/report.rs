//! Turning reported offences into pending slashes, counting them towards jail, and cancelling
//! pending slashes.

use crate::*;
use alloc::vec::Vec;
use codec::Encode;
use ember_primitives::{
	queue::place_with_spill, Balance, LeaseOffence, ProviderOffence, ProviderStakeSlashing,
};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Record an offence proven outside the lease market, refusing one already recorded.
	pub(crate) fn do_report_provider_offence(
		offence: ProviderOffence<T::AccountId>,
	) -> DispatchResult {
		let (kind, provider, key) = match offence {
			ProviderOffence::FalseInventory { provider, gpu } => {
				let key = Self::offence_key(OffenceKind::FalseInventory, &provider, &gpu);
				(OffenceKind::FalseInventory, provider, key)
			},
			ProviderOffence::FailedChallenge { provider, challenge } => {
				let key = Self::offence_key(OffenceKind::FailedChallenge, &provider, &challenge);
				(OffenceKind::FailedChallenge, provider, key)
			},
		};
		ensure!(!Reported::<T>::contains_key(key), Error::<T>::DuplicateOffence);
		Self::record_offence(kind, provider, key, Vec::new());
		Ok(())
	}

	/// Record a fault the lease market reports; one already recorded is ignored with an event.
	pub(crate) fn do_report_lease_offence(
		offence: LeaseOffence<T::AccountId, Balance, BlockNumberFor<T>>,
	) {
		let (kind, provider, key, harmed) = match offence {
			LeaseOffence::Downtime { provider, since, harmed } => {
				let key = Self::offence_key(OffenceKind::Downtime, &provider, &since);
				let harmed = harmed.into_iter().map(HarmedTenant::from).collect();
				(OffenceKind::Downtime, provider, key, harmed)
			},
			LeaseOffence::EarlyClose { provider, lease, tenant, unserved_value } => {
				let key = Self::offence_key(OffenceKind::EarlyClose, &provider, &lease);
				let harmed = alloc::vec![HarmedTenant { lease, tenant, unspent: unserved_value }];
				(OffenceKind::EarlyClose, provider, key, harmed)
			},
		};
		if Reported::<T>::contains_key(key) {
			Self::deposit_event(Event::DuplicateOffenceIgnored { provider, kind });
			return;
		}
		Self::record_offence(kind, provider, key, harmed);
	}

	/// The identity of an offence: BLAKE2-256 of its kind, provider and subject.
	pub fn offence_key(kind: OffenceKind, provider: &T::AccountId, subject: &impl Encode) -> H256 {
		BlakeTwo256::hash_of(&(kind, provider, subject))
	}

	/// Record an offence that is not a duplicate: schedule its slash, count it, and queue a jail
	/// when it calls for one. Returns the pending slash, `None` when no block had room for it.
	pub(crate) fn record_offence(
		kind: OffenceKind,
		provider: T::AccountId,
		key: H256,
		harmed: Vec<HarmedTenant<T::AccountId>>,
	) -> Option<SlashId> {
		let now = frame_system::Pallet::<T>::block_number();
		let params = Self::params_of(kind);
		// Unbonding funds count: leaving after the offence does not shrink the slash.
		let amount = params.fraction.mul_floor(T::Stake::slashable_backing(&provider));
		// Leases with nothing left in escrow are owed nothing; leave their room to others.
		let limit = usize::try_from(T::MaxHarmedLeases::get()).unwrap_or(usize::MAX);
		let harmed = BoundedVec::truncate_from(
			harmed
				.into_iter()
				.filter(|harmed| !harmed.unspent.is_zero())
				.take(limit)
				.collect(),
		);

		let slash = Self::schedule_slash(kind, &provider, amount, harmed, now);
		if slash.is_some() {
			Reported::<T>::insert(key, ());
		}
		// A dropped report still counts: the offence happened.
		let count = Self::count_offence(&provider, now);
		if params.jails || count >= T::JailThreshold::get() {
			Self::schedule_jail(&provider, now);
		}
		slash
	}

	/// Store a pending slash and put it in the apply queue of the block its dispute window ends
	/// in, or of one of the `MaxSpill` blocks after it. Writes nothing but an event when every
	/// queue tried is full.
	fn schedule_slash(
		kind: OffenceKind,
		provider: &T::AccountId,
		amount: Balance,
		harmed: HarmedOf<T>,
		now: BlockNumberFor<T>,
	) -> Option<SlashId> {
		let id = NextSlashId::<T>::get();
		let target = now.saturating_add(T::DisputeWindow::get());
		let Some(apply_at) = place_with_spill(target, T::MaxSpill::get(), |block| {
			ApplyQueue::<T>::try_append(block, id).is_ok()
		}) else {
			log::warn!(target: LOG_TARGET, "apply queues full from block {target:?} on");
			Self::deposit_event(Event::SlashDropped { provider: provider.clone(), kind });
			return None;
		};
		NextSlashId::<T>::put(id.saturating_add(1));
		PendingSlashes::<T>::insert(
			id,
			PendingSlash {
				provider: provider.clone(),
				kind,
				amount,
				harmed,
				reported_at: now,
				apply_at,
			},
		);
		Self::deposit_event(Event::OffenceReported {
			slash: id,
			provider: provider.clone(),
			kind,
			amount,
			apply_at,
		});
		Some(id)
	}

	/// Count an offence of `provider` at `now`, starting a new window when the current one is
	/// `OffenceWindow` blocks old or more. Returns the count in the window, this one included.
	fn count_offence(provider: &T::AccountId, now: BlockNumberFor<T>) -> u32 {
		let window = T::OffenceWindow::get();
		let record = match OffenceCounts::<T>::get(provider) {
			Some(record) if now < record.window_start.saturating_add(window) => {
				OffenceCount { count: record.count.saturating_add(1), ..record }
			},
			_ => OffenceCount { window_start: now, count: 1 },
		};
		OffenceCounts::<T>::insert(provider, record);
		record.count
	}

	/// Cancel a pending slash: take it out of its queue and out of its provider's count.
	pub(crate) fn do_cancel_slash(id: SlashId) -> DispatchResult {
		let slash = PendingSlashes::<T>::take(id).ok_or(Error::<T>::UnknownSlash)?;
		ApplyQueue::<T>::mutate_exists(slash.apply_at, |bucket| {
			if let Some(ids) = bucket {
				ids.retain(|entry| *entry != id);
				if ids.is_empty() {
					*bucket = None;
				}
			}
		});
		// Only the current window counts; an offence from an older one was forgotten already.
		OffenceCounts::<T>::mutate_exists(&slash.provider, |record| {
			if let Some(current) = record {
				if current.window_start <= slash.reported_at {
					current.count = current.count.saturating_sub(1);
					if current.count == 0 {
						*record = None;
					}
				}
			}
		});
		Self::deposit_event(Event::SlashCancelled { slash: id, provider: slash.provider });
		Ok(())
	}
}
