//! Running leases: start, settlement, escrow, top-up, extension and every way of closing.

use crate::*;
use ember_primitives::{
	Balance, CloseReason, DeliveredGpuTime, LeaseId, LeaseOffence, LeaseOffenceReporter,
	ProviderRegistry,
};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	DispatchError, SaturatedConversion,
};

/// Everything a new lease is made of.
pub(crate) struct NewLease<T: Config> {
	pub tenant: T::AccountId,
	pub provider: T::AccountId,
	pub origin: LeaseOrigin,
	pub gpus: LeaseGpusOf<T>,
	pub price_per_gpu_hour: Balance,
	pub manifest_hash: H256,
	pub duration: BlockNumberFor<T>,
	pub escrow: Balance,
	pub deposit: Balance,
	/// The latest block for its first settlement; `SettlementInterval` from now when `None`.
	pub first_settlement: Option<BlockNumberFor<T>>,
}

impl<T: Config> Pallet<T> {
	/// Start a lease on GPUs already committed (to the winning bid or the offer) and escrow
	/// already held.
	pub(crate) fn start_lease(new: NewLease<T>) -> Result<LeaseId, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let lease_id = NextLeaseId::<T>::get();

		let mut tenant_leases = LeasesOfTenant::<T>::get(&new.tenant);
		tenant_leases.try_push(lease_id).map_err(|_| Error::<T>::TooManyLeases)?;
		let mut book = Books::<T>::get(&new.provider);
		book.leases
			.try_push(RunningLease::started(lease_id, now))
			.map_err(|_| Error::<T>::ProviderLeaseLimit)?;

		let mut lease = Lease {
			tenant: new.tenant.clone(),
			provider: new.provider.clone(),
			origin: new.origin,
			gpus: new.gpus,
			price_per_gpu_hour: new.price_per_gpu_hour,
			manifest_hash: new.manifest_hash,
			start: now,
			end: now.saturating_add(new.duration),
			escrow: new.escrow,
			deposit: new.deposit,
			settled_until: now,
			paid_blocks: Zero::zero(),
			downtime_blocks: Zero::zero(),
			paid: 0,
			fees: 0,
			status: LeaseStatus::Active,
			next_check: None,
		};
		let first_settlement = new
			.first_settlement
			.unwrap_or_else(|| now.saturating_add(T::SettlementInterval::get()));
		Self::schedule_check(lease_id, &mut lease, now, first_settlement)?;

		Self::recommit_gpus(&new.provider, &lease.gpus, Commitment::Lease(lease_id));
		Books::<T>::insert(&new.provider, book);
		LeasesOfTenant::<T>::insert(&new.tenant, tenant_leases);
		NextLeaseId::<T>::put(lease_id.saturating_add(1));
		Self::record_price(&lease, now);

		Self::deposit_event(Event::LeaseStarted {
			lease: lease_id,
			tenant: new.tenant,
			provider: new.provider,
			origin: lease.origin,
			gpus: lease.gpu_count(),
			price_per_gpu_hour: lease.price_per_gpu_hour,
			end: lease.end,
			escrow: lease.escrow,
		});
		Leases::<T>::insert(lease_id, lease);
		Ok(lease_id)
	}

	pub(crate) fn do_top_up(
		tenant: T::AccountId,
		lease_id: LeaseId,
		amount: Balance,
	) -> DispatchResult {
		let mut lease = Leases::<T>::get(lease_id).ok_or(Error::<T>::UnknownLease)?;
		ensure!(lease.tenant == tenant, Error::<T>::NotLeaseTenant);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		Self::hold_from(&tenant, HoldReason::Escrow, amount)?;

		let now = frame_system::Pallet::<T>::block_number();
		let attested_at = Self::attested_at(lease_id, &lease);
		Self::settle(lease_id, &mut lease, attested_at, now);
		lease.escrow = lease.escrow.saturating_add(amount);
		Self::refresh_schedule(lease_id, &mut lease, now)?;
		let funded_until = Self::funded_until(&lease).min(lease.end);
		Leases::<T>::insert(lease_id, lease);
		Self::deposit_event(Event::LeaseToppedUp { lease: lease_id, amount, funded_until });
		Ok(())
	}

	pub(crate) fn do_extend(
		tenant: T::AccountId,
		lease_id: LeaseId,
		blocks: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut lease = Leases::<T>::get(lease_id).ok_or(Error::<T>::UnknownLease)?;
		ensure!(lease.tenant == tenant, Error::<T>::NotLeaseTenant);
		let now = frame_system::Pallet::<T>::block_number();
		let end = lease.end.saturating_add(blocks);
		Self::ensure_duration(blocks, T::MaxLeaseDuration::get())?;
		ensure!(end.saturating_sub(now) <= T::MaxLeaseDuration::get(), Error::<T>::DurationTooLong);
		// The provider agreed to the original end; a longer lease needs its standing offer.
		ensure!(T::Registry::accepts_work(&lease.provider), Error::<T>::ProviderUnavailable);
		let offered = match lease.origin {
			LeaseOrigin::Offer(offer) => Offers::<T>::get(offer).is_some_and(|offer| {
				offer.price_per_gpu_hour <= lease.price_per_gpu_hour
					&& end.saturating_sub(lease.start) <= offer.max_duration
			}),
			LeaseOrigin::Order(_) | LeaseOrigin::Genesis => false,
		};
		ensure!(offered, Error::<T>::ExtensionNotOffered);

		lease.end = end;
		Self::refresh_schedule(lease_id, &mut lease, now)?;
		let funded_until = Self::funded_until(&lease).min(end);
		Leases::<T>::insert(lease_id, lease);
		Self::deposit_event(Event::LeaseExtended { lease: lease_id, end, funded_until });
		Ok(())
	}

	/// Close a lease on behalf of `who`, its tenant or its provider (owner or agent).
	pub(crate) fn do_close_by(who: T::AccountId, lease_id: LeaseId) -> DispatchResult {
		let lease = Leases::<T>::get(lease_id).ok_or(Error::<T>::UnknownLease)?;
		let now = frame_system::Pallet::<T>::block_number();
		let ended = now >= lease.end;
		let reason = if who == lease.tenant {
			if ended {
				CloseReason::Expired
			} else {
				CloseReason::Tenant
			}
		} else if who == lease.provider
			|| T::Registry::provider_of_agent(&who).as_ref() == Some(&lease.provider)
		{
			if ended {
				CloseReason::Expired
			} else {
				CloseReason::ProviderEarly
			}
		} else {
			return Err(Error::<T>::NotLeaseParty.into());
		};
		Self::close(lease_id, lease, reason);
		Ok(())
	}

	/// Close a lease: settle what is owed, report an early close, return the rest of the escrow
	/// and the deposit, and free the GPUs. Cannot fail.
	pub(crate) fn close(lease_id: LeaseId, mut lease: Lease<T>, reason: CloseReason) {
		let now = frame_system::Pallet::<T>::block_number();
		let attested_at = Self::attested_at(lease_id, &lease);
		Self::settle(lease_id, &mut lease, attested_at, now);

		if matches!(reason, CloseReason::ProviderEarly | CloseReason::ProviderSilent) {
			let unserved_blocks: u32 = lease.end.saturating_sub(now).saturated_into();
			let unserved_value = pricing::cost(
				lease.price_per_gpu_hour,
				lease.gpu_count(),
				unserved_blocks,
				T::BlocksPerHour::get(),
			)
			.unwrap_or(Balance::MAX)
			.min(lease.escrow);
			T::Offences::report(LeaseOffence::EarlyClose {
				provider: lease.provider.clone(),
				lease: lease_id,
				tenant: lease.tenant.clone(),
				unserved_value,
			});
		}

		let refunded = lease.escrow;
		Self::release_to(&lease.tenant, HoldReason::Escrow, refunded);
		Self::release_to(&lease.tenant, HoldReason::StorageDeposit, lease.deposit);
		Self::free_lease_gpus(lease_id, &lease);
		if let Some(block) = lease.next_check {
			Self::unschedule_due(DueItem::LeaseCheck(lease_id), block);
		}
		LeasesOfTenant::<T>::mutate_exists(&lease.tenant, |leases| {
			if let Some(list) = leases {
				list.retain(|id| *id != lease_id);
				if list.is_empty() {
					*leases = None;
				}
			}
		});
		let mut no_leases_left = false;
		Self::mutate_book(&lease.provider, |book| {
			book.leases.retain(|running| running.lease != lease_id);
			no_leases_left = book.leases.is_empty();
		});
		if no_leases_left {
			OfflineSince::<T>::remove(&lease.provider);
		}
		Leases::<T>::remove(lease_id);

		Self::deposit_event(Event::LeaseClosed {
			lease: lease_id,
			tenant: lease.tenant,
			provider: lease.provider,
			reason,
			paid: lease.paid,
			fees: lease.fees,
			refunded,
		});
	}

	/// Close every running lease of a provider. Returns how many closed.
	pub(crate) fn close_all_of(provider: &T::AccountId, reason: CloseReason) -> u32 {
		let leases: alloc::vec::Vec<LeaseId> = Books::<T>::get(provider).lease_ids().collect();
		let mut closed = 0u32;
		for lease_id in leases {
			if let Some(lease) = Leases::<T>::get(lease_id) {
				Self::close(lease_id, lease, reason);
				closed.saturating_inc();
			}
		}
		closed
	}

	/// A closed lease's GPUs return to the offer they were rented from while it is listed, and
	/// are free otherwise.
	fn free_lease_gpus(lease_id: LeaseId, lease: &Lease<T>) {
		if let LeaseOrigin::Offer(offer_id) = lease.origin {
			if let Some(mut offer) = Offers::<T>::get(offer_id) {
				offer.rented = offer.rented.saturating_sub(lease.gpu_count());
				let mut returned = true;
				for hash in lease.gpus.iter() {
					returned &= offer.available.try_push(*hash).is_ok();
				}
				if returned {
					Self::recommit_gpus(&lease.provider, &lease.gpus, Commitment::Offer(offer_id));
					Offers::<T>::insert(offer_id, offer);
					return;
				}
				log::error!(
					target: LOG_TARGET,
					"offer {offer_id} cannot take back the GPUs of lease {lease_id}"
				);
			}
		}
		Self::uncommit_gpus(&lease.provider, &lease.gpus);
	}

	/// When the provider last attested `lease`, from its book. A lease missing from its
	/// provider's book (which the invariants rule out) counts as attested just long enough ago
	/// that nothing more is paid.
	pub(crate) fn attested_at(lease_id: LeaseId, lease: &Lease<T>) -> BlockNumberFor<T> {
		Books::<T>::get(&lease.provider)
			.running(lease_id)
			.map(|running| running.attested_at)
			.unwrap_or_else(|| {
				log::error!(target: LOG_TARGET, "lease {lease_id} is missing from its provider's book");
				lease.settled_until.saturating_sub(T::AttestationTolerance::get())
			})
	}

	/// What settling the lease's time up to `now` (never past its end) would move, given the
	/// provider last attested it at `attested_at`. Time up to `AttestationTolerance` blocks
	/// after that attestation, and before the provider went Offline if it is Offline now, is
	/// paid as far as the escrow reaches; the rest is downtime. `None` when there is nothing
	/// to settle.
	pub(crate) fn settlement(
		lease: &Lease<T>,
		attested_at: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> Option<Settlement<BlockNumberFor<T>>> {
		let until = now.min(lease.end);
		if until <= lease.settled_until {
			return None;
		}
		// Paid: what the last attestation covers, and never time the provider spent Offline.
		let mut covered_until = attested_at.saturating_add(T::AttestationTolerance::get());
		if let Some((offline_since, _)) = OfflineSince::<T>::get(&lease.provider) {
			covered_until = covered_until.min(offline_since);
		}
		let payable_until = until.min(covered_until.max(lease.settled_until));
		let wanted: u32 = payable_until.saturating_sub(lease.settled_until).saturated_into();
		let paid_blocks = wanted.min(Self::blocks_covered(lease));

		let paid_total: u32 = lease.paid_blocks.saturated_into::<u32>().saturating_add(paid_blocks);
		let owed_total = pricing::cost(
			lease.price_per_gpu_hour,
			lease.gpu_count(),
			paid_total,
			T::BlocksPerHour::get(),
		)
		.unwrap_or(Balance::MAX);
		let amount = owed_total.saturating_sub(lease.paid).min(lease.escrow);
		// Unattested time, and time the escrow no longer reached (the lease closes for it), are
		// settled unpaid.
		let unpaid = until.saturating_sub(lease.settled_until).saturating_sub(paid_blocks.into());
		Some(Settlement {
			until,
			paid_blocks,
			unpaid,
			amount,
			fee: ProtocolFee::<T>::get().mul_floor(amount),
		})
	}

	/// Settle the lease's time up to `now` (see [`Self::settlement`]). The provider receives
	/// the payment less the protocol fee, which is burned. Returns whether the lease is settled
	/// up to `now`: `false` only when the payment failed and nothing moved.
	pub(crate) fn settle(
		lease_id: LeaseId,
		lease: &mut Lease<T>,
		attested_at: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> bool {
		let Some(settlement) = Self::settlement(lease, attested_at, now) else { return true };
		let Settlement { until, paid_blocks, unpaid, amount, fee } = settlement;
		let to_provider = amount.saturating_sub(fee);
		if !Self::pay_from_escrow(&lease.tenant, &lease.provider, to_provider, fee) {
			// Nothing moved: leave the lease as it was and settle again later.
			return false;
		}
		lease.escrow = lease.escrow.saturating_sub(amount);
		lease.paid = lease.paid.saturating_add(amount);
		lease.fees = lease.fees.saturating_add(fee);
		lease.paid_blocks = lease.paid_blocks.saturating_add(paid_blocks.into());
		lease.downtime_blocks = lease.downtime_blocks.saturating_add(unpaid);
		lease.settled_until = until;

		T::Delivery::delivered(
			&lease.provider,
			&lease.tenant,
			lease_id,
			&lease.gpus,
			paid_blocks,
			amount,
			fee,
		);
		Self::deposit_event(Event::LeaseSettled {
			lease: lease_id,
			paid_blocks: paid_blocks.into(),
			downtime_blocks: unpaid,
			to_provider,
			fee,
		});
		true
	}

	/// Move `to_provider` of the tenant's escrow to the provider and burn `fee` of it. Returns
	/// whether it succeeded; on failure nothing moved.
	fn pay_from_escrow(
		tenant: &T::AccountId,
		provider: &T::AccountId,
		to_provider: Balance,
		fee: Balance,
	) -> bool {
		let reason = T::RuntimeHoldReason::from(HoldReason::Escrow);
		let held = T::Currency::balance_on_hold(&reason, tenant);
		if held < to_provider.saturating_add(fee) {
			log::error!(target: LOG_TARGET, "escrow hold smaller than the lease's escrow");
			return false;
		}
		// A transfer that fails (say, less than the existential deposit to an account that
		// does not exist) moves nothing; the amount waits for the next settlement.
		if to_provider > 0
			&& T::Currency::transfer_on_hold(
				&reason,
				tenant,
				provider,
				to_provider,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)
			.is_err()
		{
			log::error!(target: LOG_TARGET, "paying a provider from escrow failed");
			return false;
		}
		if fee > 0 {
			let burned = T::Currency::burn_held(
				&reason,
				tenant,
				fee,
				Precision::BestEffort,
				Fortitude::Force,
			);
			if burned.ok() != Some(fee) {
				log::error!(target: LOG_TARGET, "burning the protocol fee from escrow failed");
			}
		}
		true
	}

	/// How many more blocks the lease's escrow pays for.
	pub(crate) fn blocks_covered(lease: &Lease<T>) -> u32 {
		pricing::blocks_covered(
			lease.price_per_gpu_hour,
			lease.gpu_count(),
			lease.paid_blocks.saturated_into(),
			lease.paid,
			lease.escrow,
			T::BlocksPerHour::get(),
		)
	}

	/// The block the lease's escrow runs out at, counting from the settled time.
	pub fn funded_until(lease: &Lease<T>) -> BlockNumberFor<T> {
		lease.settled_until.saturating_add(Self::blocks_covered(lease).into())
	}

	/// Schedule the lease's next check and set its status. The check is due at the earliest of
	/// the lease's end (when the escrow lasts that long), else the start of grace, else (in
	/// grace) the block the escrow runs out at, and its next settlement, `SettlementInterval`
	/// from now. Entering grace emits `EscrowLow`. A lease has one entry in the deadline queues,
	/// whatever it is waiting for.
	pub(crate) fn refresh_schedule(
		lease_id: LeaseId,
		lease: &mut Lease<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::schedule_check(lease_id, lease, now, now.saturating_add(T::SettlementInterval::get()))
	}

	/// [`Self::refresh_schedule`] with the next settlement due by `settle_by`.
	fn schedule_check(
		lease_id: LeaseId,
		lease: &mut Lease<T>,
		now: BlockNumberFor<T>,
		settle_by: BlockNumberFor<T>,
	) -> DispatchResult {
		let funded_until = Self::funded_until(lease);
		let grace_start = funded_until.saturating_sub(T::GracePeriod::get());
		let (lifecycle, status) = if funded_until >= lease.end {
			(lease.end, LeaseStatus::Active)
		} else if grace_start > now {
			(grace_start, LeaseStatus::Active)
		} else {
			(funded_until, LeaseStatus::Grace)
		};
		// This block's queue has been processed already.
		let wanted = lifecycle.min(settle_by).max(now.saturating_add(One::one()));

		if lease.status == LeaseStatus::Active && status == LeaseStatus::Grace {
			Self::deposit_event(Event::EscrowLow {
				lease: lease_id,
				tenant: lease.tenant.clone(),
				funded_until,
			});
		}
		lease.status = status;
		if lease.next_check == Some(wanted) {
			return Ok(());
		}
		Self::move_check(lease_id, lease, wanted)
	}

	/// Move the lease's one entry in the deadline queues to `wanted` (or the first later block
	/// with room). On failure the lease keeps its entry.
	fn move_check(
		lease_id: LeaseId,
		lease: &mut Lease<T>,
		wanted: BlockNumberFor<T>,
	) -> DispatchResult {
		let block = Self::schedule_due(DueItem::LeaseCheck(lease_id), wanted)?;
		if let Some(old) = lease.next_check.replace(block) {
			Self::unschedule_due(DueItem::LeaseCheck(lease_id), old);
		}
		Ok(())
	}

	/// The registry heard from `provider`: every lease of its book that it has left out of its
	/// attestations past the silence limit was walked out of, and its check is brought forward
	/// to the next block, which closes it. Returns how many leases the book holds and how many
	/// of them were past the limit, each of which may have cost a move.
	pub(crate) fn find_walk_outs(provider: &T::AccountId, now: BlockNumberFor<T>) -> (u32, u32) {
		let book = Books::<T>::get(provider);
		let next = now.saturating_add(One::one());
		let mut walked_out = 0u32;
		for running in book
			.leases
			.iter()
			.filter(|running| now >= Self::silence_limit(running.attested_at))
		{
			walked_out.saturating_inc();
			let Some(mut lease) = Leases::<T>::get(running.lease) else { continue };
			if lease.next_check.is_some_and(|check| check <= next) {
				continue;
			}
			// With every queue near the next block full, the lease waits for its own check or
			// the next time the registry hears from the provider, whichever comes first.
			if Self::move_check(running.lease, &mut lease, next).is_ok() {
				Leases::<T>::insert(running.lease, lease);
			}
		}
		(u32::try_from(book.leases.len()).unwrap_or(u32::MAX), walked_out)
	}

	/// The block from which a lease whose provider has not attested it is treated as walked out
	/// of: its last attestation covers `AttestationTolerance` blocks, and the provider then has
	/// the `OfflineLimit` a silent provider has.
	pub(crate) fn silence_limit(attested_at: BlockNumberFor<T>) -> BlockNumberFor<T> {
		attested_at
			.saturating_add(T::AttestationTolerance::get())
			.saturating_add(T::OfflineLimit::get())
	}

	/// A lease's check is due. A lease that has reached its end expires. A lease whose
	/// provider, online, has not attested it within its silence limit was walked out of: it
	/// closes, its unattested time unpaid, and the walk-out is reported as an early close (an
	/// Offline provider is left to its own offline limit). A lease whose escrow is exhausted
	/// closes. Any other is settled and scheduled again (entering grace when the escrow runs
	/// low): this is where a well-attested lease's money moves between top-ups, at least once
	/// per `SettlementInterval`. Returns whether the lease closed.
	pub(crate) fn check_lease(
		lease_id: LeaseId,
		mut lease: Lease<T>,
		now: BlockNumberFor<T>,
	) -> bool {
		lease.next_check = None;
		let reason = if now >= lease.end {
			Some(CloseReason::Expired)
		} else {
			let attested_at = Self::attested_at(lease_id, &lease);
			if now >= Self::silence_limit(attested_at)
				&& !OfflineSince::<T>::contains_key(&lease.provider)
			{
				Some(CloseReason::ProviderSilent)
			} else {
				Self::settle(lease_id, &mut lease, attested_at, now);
				(Self::funded_until(&lease) <= now).then_some(CloseReason::InsufficientFunds)
			}
		};
		if let Some(reason) = reason {
			Self::close(lease_id, lease, reason);
			return true;
		}
		if Self::refresh_schedule(lease_id, &mut lease, now).is_err() {
			// Settlement caps payment at the escrow and pays no unattested time, so an unwatched
			// lease loses no one money; its next attestation, a top-up or an extension schedules
			// it again, and its tenant may close it.
			log::warn!(target: LOG_TARGET, "no deadline queue has room for lease {lease_id}");
			Self::mutate_book(&lease.provider, |book| {
				if let Some(running) = book.running_mut(lease_id) {
					running.unscheduled = true;
				}
			});
		}
		Leases::<T>::insert(lease_id, lease);
		false
	}

	/// Record the provider's attestations of its leases in its book, and return how many of
	/// them had to be settled first.
	///
	/// An attestation moves no money: it marks the lease attested now, and settlement later
	/// pays the time up to `AttestationTolerance` blocks after the last attestation. Only a
	/// late line (its lease unattested for longer than that, so that the gap must be settled
	/// unpaid before the new attestation covers time again) and a lease waiting in no deadline
	/// queue are settled here. Every line writes the same record, the provider's book.
	pub(crate) fn record_attestations(
		provider: &T::AccountId,
		lines: &[ember_primitives::LeaseAttestation],
		now: BlockNumberFor<T>,
	) -> u32 {
		let mut book = Books::<T>::get(provider);
		let tolerance = T::AttestationTolerance::get();
		let mut settled = 0u32;
		let mut recorded = false;
		for line in lines {
			let Some(running) = book.running_mut(line.lease) else {
				Self::deposit_event(Event::AttestationIgnored {
					provider: provider.clone(),
					lease: line.lease,
				});
				continue;
			};
			if running.unscheduled || now > running.attested_at.saturating_add(tolerance) {
				settled.saturating_inc();
				let mut settled_now = false;
				if let Some(mut lease) = Leases::<T>::get(line.lease) {
					settled_now = Self::settle(line.lease, &mut lease, running.attested_at, now);
					if lease.next_check.is_none() {
						let _ = Self::refresh_schedule(line.lease, &mut lease, now);
					}
					running.unscheduled = lease.next_check.is_none();
					Leases::<T>::insert(line.lease, lease);
				}
				// Until the gap is settled unpaid, the new attestation must not cover it.
				if settled_now {
					running.attested_at = now;
				}
			} else {
				running.attested_at = now;
			}
			let usage = WorkloadUsage {
				status: line.status,
				gpu_utilization_pct: line.gpu_utilization_pct.min(100),
				memory_used_mib: line.memory_used_mib,
			};
			running.usage = Some(usage);
			recorded = true;
			Self::deposit_event(Event::LeaseAttested {
				lease: line.lease,
				status: usage.status,
				gpu_utilization_pct: usage.gpu_utilization_pct,
				memory_used_mib: usage.memory_used_mib,
			});
		}
		// A provider with no running lease has no book to write.
		if recorded {
			Books::<T>::insert(provider, book);
		}
		settled
	}

	/// Keep a lease's price for quotes, overwriting the oldest.
	fn record_price(lease: &Lease<T>, now: BlockNumberFor<T>) {
		let inventory = T::Registry::gpus(&lease.provider);
		let specs: alloc::vec::Vec<_> =
			inventory.iter().filter(|gpu| lease.gpus.contains(&gpu.uuid_hash)).collect();
		let Some(first) = specs.first() else { return };
		let point = PricePoint {
			model: first.model.clone(),
			vram_mib: specs.iter().map(|gpu| gpu.vram_mib).min().unwrap_or_default(),
			compute_capability: specs
				.iter()
				.map(|gpu| gpu.compute_capability)
				.min()
				.unwrap_or_default(),
			price_per_gpu_hour: lease.price_per_gpu_hour,
			at: now,
		};
		let cursor = RecentPriceCursor::<T>::get();
		RecentPrices::<T>::insert(cursor % RECENT_PRICES, point);
		RecentPriceCursor::<T>::put(cursor.wrapping_add(1) % RECENT_PRICES);
	}

	/// A new lease needs room in its tenant's and its provider's lists. Checked before a call
	/// writes anything, so that a full list fails it cleanly.
	pub(crate) fn ensure_lease_room(
		tenant: &T::AccountId,
		provider: &T::AccountId,
	) -> DispatchResult {
		let tenant_leases = LeasesOfTenant::<T>::decode_len(tenant).unwrap_or_default();
		ensure!(
			tenant_leases < usize::try_from(T::MaxLeasesPerTenant::get()).unwrap_or(usize::MAX),
			Error::<T>::TooManyLeases
		);
		let provider_leases = Books::<T>::get(provider).leases.len();
		ensure!(
			provider_leases < usize::try_from(T::MaxLeasesPerProvider::get()).unwrap_or(usize::MAX),
			Error::<T>::ProviderLeaseLimit
		);
		Ok(())
	}

	/// Hold the escrow and the storage deposit of a new order or lease from `tenant`: both, or
	/// neither when it cannot afford them together.
	pub(crate) fn hold_escrow_and_deposit(
		tenant: &T::AccountId,
		escrow: Balance,
		deposit: Balance,
	) -> DispatchResult {
		let escrow_reason = T::RuntimeHoldReason::from(HoldReason::Escrow);
		let deposit_reason = T::RuntimeHoldReason::from(HoldReason::StorageDeposit);
		ensure!(
			T::Currency::can_hold(&escrow_reason, tenant, escrow.saturating_add(deposit))
				&& T::Currency::can_hold(&deposit_reason, tenant, deposit),
			Error::<T>::InsufficientBalance
		);
		Self::hold_from(tenant, HoldReason::Escrow, escrow)?;
		Self::hold_from(tenant, HoldReason::StorageDeposit, deposit)
	}

	/// Hold `amount` from `who`; a shortfall is `InsufficientBalance`.
	pub(crate) fn hold_from(
		who: &T::AccountId,
		reason: HoldReason,
		amount: Balance,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Ok(())
	}

	/// Release `amount` held from `who`.
	pub(crate) fn release_to(who: &T::AccountId, reason: HoldReason, amount: Balance) {
		if amount.is_zero() {
			return;
		}
		if T::Currency::release(&reason.into(), who, amount, Precision::BestEffort).ok()
			!= Some(amount)
		{
			log::error!(target: LOG_TARGET, "released less than the market held");
		}
	}
}
