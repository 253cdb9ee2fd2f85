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
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{BlakeTwo256, Hash, One, SaturatedConversion, Saturating, Zero},
	Rounding,
};

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

	/// Record an offence that is not a duplicate: size its slash within the era's caps,
	/// schedule it with the provider's backers as they stand now, count it, and queue a jail
	/// when it calls for one. Returns the pending slash, `None` when it costs nothing more or no
	/// block had room for it.
	pub(crate) fn record_offence(
		kind: OffenceKind,
		provider: T::AccountId,
		key: H256,
		harmed: Vec<HarmedTenant<T::AccountId>>,
	) -> Option<SlashId> {
		let now = frame_system::Pallet::<T>::block_number();
		// Leases with nothing left in escrow are owed nothing; leave their room to others.
		let limit = usize::try_from(T::MaxHarmedLeases::get()).unwrap_or(usize::MAX);
		let harmed: HarmedOf<T> = BoundedVec::truncate_from(
			harmed
				.into_iter()
				.filter(|harmed| !harmed.unspent.is_zero())
				.take(limit)
				.collect(),
		);

		let exposure = T::Stake::exposure(&provider);
		let mut span = Self::current_span(&provider, &exposure, now);
		let amount = Self::slash_within_span(kind, &span, &harmed);
		let slash = if amount.is_zero() {
			Self::share_latest_slash(&span, kind, harmed);
			Self::deposit_event(Event::OffenceAbsorbed { provider: provider.clone(), kind });
			None
		} else {
			let slash = Self::schedule_slash(kind, &provider, amount, harmed, now);
			if let Some(id) = slash {
				span.total.saturating_accrue(amount);
				span.by_kind[kind.index()].saturating_accrue(amount);
				span.latest[kind.index()] = Some(id);
				SlashExposure::<T>::insert(id, BoundedVec::truncate_from(exposure));
				Self::add_pending(&provider);
			}
			slash
		};
		// A dropped slash may be reported again; one absorbed by the caps is settled for good.
		if slash.is_some() || amount.is_zero() {
			Reported::<T>::insert(key, ());
			Spans::<T>::insert(&provider, span);
		}
		// A dropped report still counts: the offence happened.
		let count = Self::count_offence(&provider, now);
		if Self::params_of(kind).jails || count >= T::JailThreshold::get() {
			Self::schedule_jail(&provider, now);
		}
		slash
	}

	/// Tenants harmed by an offence the caps absorbed join the harmed leases of the latest
	/// pending slash of its kind in the era, as far as it has room, and share its compensation.
	fn share_latest_slash(span: &SlashSpan, kind: OffenceKind, harmed: HarmedOf<T>) {
		let Some(id) = span.latest[kind.index()] else { return };
		PendingSlashes::<T>::mutate(id, |pending| {
			if let Some(pending) = pending {
				for lease in harmed {
					if pending.harmed.iter().any(|known| known.lease == lease.lease) {
						continue;
					}
					if pending.harmed.try_push(lease).is_err() {
						break;
					}
				}
			}
		});
	}

	/// The era of block `at`.
	pub(crate) fn era_of(at: BlockNumberFor<T>) -> u32 {
		let era = at / T::SpanLength::get().max(One::one());
		era.saturated_into()
	}

	/// The provider's span of the era of `now`: the stored one while it is of that era, a fresh
	/// one based on `exposure` otherwise.
	fn current_span(
		provider: &T::AccountId,
		exposure: &[(T::AccountId, Balance)],
		now: BlockNumberFor<T>,
	) -> SlashSpan {
		let era = Self::era_of(now);
		match Spans::<T>::get(provider) {
			Some(span) if span.era == era => span,
			_ => SlashSpan {
				era,
				// Unbonding funds count: leaving after the offence does not shrink the slash.
				base: exposure
					.iter()
					.fold(Balance::zero(), |sum, (_, held)| sum.saturating_add(*held)),
				..Default::default()
			},
		}
	}

	/// What a new offence of `kind` adds to the provider's slashes in `span`: a harm-sized kind
	/// its share of the harm, any other kind its whole fraction of the base, less what the kind
	/// already took in the era, and never past the era's cap.
	pub(crate) fn slash_within_span(
		kind: OffenceKind,
		span: &SlashSpan,
		harmed: &HarmedOf<T>,
	) -> Balance {
		let params = Self::params_of(kind);
		let kind_cap = params.fraction.mul_floor(span.base);
		let before = span.by_kind[kind.index()];
		let wanted = if kind.is_harm_sized() {
			let harm = harmed
				.iter()
				.fold(Balance::zero(), |sum, lease| sum.saturating_add(lease.unspent));
			let sized = multiply_by_rational_with_rounding(
				harm,
				Balance::from(params.harm_percent),
				100,
				Rounding::Down,
			)
			.unwrap_or(Balance::MAX);
			before.saturating_add(sized).min(kind_cap)
		} else {
			kind_cap
		};
		let era_room = EraSlashCap::<T>::get().mul_floor(span.base).saturating_sub(span.total);
		wanted.saturating_sub(before).min(era_room)
	}

	/// One more slash or jail awaits `provider`.
	pub(crate) fn add_pending(provider: &T::AccountId) {
		PendingPunishments::<T>::mutate(provider, |count| {
			*count = Some(count.unwrap_or(0).saturating_add(1))
		});
	}

	/// A slash or jail of `provider` is done (applied, cancelled or tried).
	pub(crate) fn remove_pending(provider: &T::AccountId) {
		PendingPunishments::<T>::mutate_exists(provider, |count| {
			let left = count.unwrap_or(0).saturating_sub(1);
			*count = if left == 0 { None } else { Some(left) };
		});
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

	/// Remove `provider`'s offence count if its window is over and its span if its era is over.
	pub(crate) fn do_prune_offence_records(provider: T::AccountId) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let count = OffenceCounts::<T>::get(&provider).is_some_and(|record| {
			now >= record.window_start.saturating_add(T::OffenceWindow::get())
		});
		let span = Spans::<T>::get(&provider).is_some_and(|span| span.era < Self::era_of(now));
		ensure!(count || span, Error::<T>::NothingToPrune);
		if count {
			OffenceCounts::<T>::remove(&provider);
		}
		if span {
			Spans::<T>::remove(&provider);
		}
		Self::deposit_event(Event::OffenceRecordsPruned { provider, count, span });
		Ok(())
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
		SlashExposure::<T>::remove(id);
		Self::remove_pending(&slash.provider);
		// The era's caps take the cancelled amount back while the era lasts.
		Spans::<T>::mutate_exists(&slash.provider, |span| {
			if let Some(current) = span {
				if current.era == Self::era_of(slash.reported_at) {
					current.total.saturating_reduce(slash.amount);
					current.by_kind[slash.kind.index()].saturating_reduce(slash.amount);
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
