//! Orders and bids: the auction half of the market.

use crate::{lease::NewLease, *};
use ember_primitives::{
	Balance, GpuProofs, GpuSpec, GpuUuidHash, LeaseId, OrderId, ProviderRegistry, ProviderStake,
};
use frame_support::{
	ensure,
	pallet_prelude::{DispatchResult, Weight},
	storage::{with_transaction, TransactionOutcome},
	traits::Get,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_create_order(
		tenant: T::AccountId,
		requirement: GpuRequirement,
		duration: BlockNumberFor<T>,
		max_price_per_gpu_hour: Balance,
		manifest_hash: H256,
		region: Option<RegionOf<T>>,
		bid_window: BlockNumberFor<T>,
		auto_award: bool,
	) -> DispatchResult {
		ensure!(requirement.count > 0, Error::<T>::ZeroGpus);
		ensure!(requirement.count <= T::MaxGpusPerLease::get(), Error::<T>::TooManyGpus);
		Self::ensure_duration(duration, T::MaxLeaseDuration::get())?;
		ensure!(max_price_per_gpu_hour > 0, Error::<T>::ZeroPrice);
		ensure!(
			bid_window >= T::MinBidWindow::get() && bid_window <= T::MaxBidWindow::get(),
			Error::<T>::BadBidWindow
		);
		let escrow = pricing::cost_ceil(
			max_price_per_gpu_hour,
			requirement.count,
			duration.saturated_into(),
			T::BlocksPerHour::get(),
		)
		.ok_or(Error::<T>::PriceOverflow)?;
		let mut tenant_orders = OrdersOfTenant::<T>::get(&tenant);
		let order_id = NextOrderId::<T>::get();
		tenant_orders.try_push(order_id).map_err(|_| Error::<T>::TooManyOrders)?;

		let deposit = T::StorageDeposit::get();
		Self::hold_escrow_and_deposit(&tenant, escrow, deposit)?;
		let now = frame_system::Pallet::<T>::block_number();
		let bid_window_end = now.saturating_add(bid_window);
		let window_check = Self::schedule_due(DueItem::BidWindowEnd(order_id), bid_window_end)?;

		let gpus = requirement.count;
		let order = Order {
			tenant: tenant.clone(),
			requirement,
			duration,
			max_price_per_gpu_hour,
			manifest_hash,
			region,
			auto_award,
			created_at: now,
			bid_window_end,
			window_check,
			escrow,
			deposit,
			bids: 0,
		};
		Self::index_order(order_id, &order);
		Orders::<T>::insert(order_id, order);
		OrdersOfTenant::<T>::insert(&tenant, tenant_orders);
		NextOrderId::<T>::put(order_id.saturating_add(1));

		Self::deposit_event(Event::OrderCreated {
			order: order_id,
			tenant,
			gpus,
			duration,
			max_price_per_gpu_hour,
			bid_window_end,
			escrow,
		});
		Ok(())
	}

	/// Cancel an order; returns the number of bids it had.
	pub(crate) fn do_cancel_order(
		tenant: T::AccountId,
		order_id: OrderId,
	) -> Result<u32, DispatchError> {
		let order = Orders::<T>::get(order_id).ok_or(Error::<T>::UnknownOrder)?;
		ensure!(order.tenant == tenant, Error::<T>::NotOrderTenant);

		let bids = order.bids;
		Self::drop_bids(order_id, None);
		Self::remove_order(order_id, &order, order.escrow, false);
		Self::deposit_event(Event::OrderCancelled { order: order_id, tenant });
		Ok(bids)
	}

	pub(crate) fn do_place_bid(
		agent: T::AccountId,
		order_id: OrderId,
		price_per_gpu_hour: Balance,
		gpus: LeaseGpusOf<T>,
	) -> DispatchResult {
		let provider = Self::provider_of_agent(&agent)?;
		ensure!(T::Registry::accepts_work(&provider), Error::<T>::ProviderUnavailable);
		let mut order = Orders::<T>::get(order_id).ok_or(Error::<T>::UnknownOrder)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < order.bid_window_end, Error::<T>::BiddingClosed);
		ensure!(order.tenant != provider && order.tenant != agent, Error::<T>::OwnBusiness);
		ensure!(price_per_gpu_hour > 0, Error::<T>::ZeroPrice);
		ensure!(price_per_gpu_hour <= order.max_price_per_gpu_hour, Error::<T>::PriceAboveMax);
		if let Some(region) = &order.region {
			ensure!(
				T::Registry::region(&provider).as_deref() == Some(region.as_slice()),
				Error::<T>::WrongRegion
			);
		}
		ensure!(!Bids::<T>::contains_key(order_id, &provider), Error::<T>::AlreadyBid);
		ensure!(order.bids < T::MaxBidsPerOrder::get(), Error::<T>::TooManyBids);
		ensure!(
			u32::try_from(gpus.len()).ok() == Some(order.requirement.count),
			Error::<T>::WrongGpuCount
		);
		Self::ensure_gpus_free(&provider, &gpus, Some(&order.requirement))?;

		Self::commit_gpus(&provider, &gpus, Commitment::Bid(order_id));
		Books::<T>::mutate(&provider, |book| book.bids.saturating_inc());
		order.bids.saturating_inc();
		Orders::<T>::insert(order_id, order);
		Bids::<T>::insert(order_id, &provider, Bid { price_per_gpu_hour, gpus, placed_at: now });

		Self::deposit_event(Event::BidPlaced { order: order_id, provider, price_per_gpu_hour });
		Ok(())
	}

	pub(crate) fn do_withdraw_bid(agent: T::AccountId, order_id: OrderId) -> DispatchResult {
		let provider = Self::provider_of_agent(&agent)?;
		let bid = Bids::<T>::take(order_id, &provider).ok_or(Error::<T>::UnknownBid)?;

		Self::uncommit_gpus(&provider, &bid.gpus);
		Self::mutate_book(&provider, |book| book.bids.saturating_dec());
		Orders::<T>::mutate(order_id, |order| {
			if let Some(order) = order {
				order.bids.saturating_dec();
			}
		});
		Self::deposit_event(Event::BidWithdrawn { order: order_id, provider });
		Ok(())
	}

	/// Accept a bid by hand; returns the number of bids the order had.
	pub(crate) fn do_accept_bid(
		tenant: T::AccountId,
		order_id: OrderId,
		provider: T::AccountId,
	) -> Result<u32, DispatchError> {
		let order = Orders::<T>::get(order_id).ok_or(Error::<T>::UnknownOrder)?;
		ensure!(order.tenant == tenant, Error::<T>::NotOrderTenant);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < order.bid_window_end, Error::<T>::BiddingClosed);
		let bid = Bids::<T>::get(order_id, &provider).ok_or(Error::<T>::UnknownBid)?;
		ensure!(T::Registry::accepts_work(&provider), Error::<T>::ProviderUnavailable);
		Self::ensure_lease_room(&order.tenant, &provider)?;
		// A proof may have lapsed, or been lost, since the GPUs were bid.
		Self::ensure_proven(&provider, &bid.gpus)?;

		let bids = order.bids;
		Self::award(order_id, order, provider, bid)?;
		Ok(bids)
	}

	/// The bid window of `order_id` ended: award the best acceptable bid when the tenant asked
	/// for it, or let the order expire. Returns the number of bids the order had, whether a
	/// lease started, and the weight of the proof checks of the bids passed over (the award's
	/// own is in its benchmark).
	pub(crate) fn end_bid_window(order_id: OrderId, order: Order<T>) -> (u32, bool, Weight) {
		let bid_count = order.bids;
		let mut passed_over: u32 = 0;
		let checks = |passed_over: u32| {
			Self::proof_check_weight(order.requirement.count).saturating_mul(passed_over.into())
		};
		if order.auto_award {
			for (provider, bid) in Self::ranked_bids(order_id) {
				// Full lease lists and unproven or challenged GPUs are seen before trying: a
				// failed try costs as much as an award, which the hook's weight counts only once.
				if !T::Registry::accepts_work(&provider)
					|| Self::ensure_lease_room(&order.tenant, &provider).is_err()
					|| Self::ensure_proven(&provider, &bid.gpus).is_err()
				{
					passed_over.saturating_inc();
					continue;
				}
				// Each try is atomic: a failed award (no deadline queue has room) leaves nothing
				// behind and the next bid is tried.
				let awarded = with_transaction(|| {
					match Self::award(order_id, order.clone(), provider.clone(), bid.clone()) {
						Ok(_) => TransactionOutcome::Commit(Ok::<bool, DispatchError>(true)),
						Err(_) => TransactionOutcome::Rollback(Ok(false)),
					}
				});
				if awarded.unwrap_or(false) {
					return (bid_count, true, checks(passed_over));
				}
				passed_over.saturating_inc();
			}
		}
		let extra = checks(passed_over);
		Self::drop_bids(order_id, None);
		Self::remove_order(order_id, &order, order.escrow, false);
		Self::deposit_event(Event::OrderExpired { order: order_id, tenant: order.tenant });
		(bid_count, false, extra)
	}

	/// The reads of checking, before an award, that a bid's `gpus` GPUs may be leased: the
	/// provider's inventory, and each GPU's proof, challenge and challenge record.
	pub(crate) fn proof_check_weight(gpus: u32) -> Weight {
		T::DbWeight::get().reads(u64::from(gpus).saturating_mul(3).saturating_add(1))
	}

	/// An order's bids, best first: lowest price, then the provider with more stake behind it,
	/// then the earliest bid.
	pub(crate) fn ranked_bids(order_id: OrderId) -> alloc::vec::Vec<(T::AccountId, Bid<T>)> {
		let mut bids: alloc::vec::Vec<_> = Bids::<T>::iter_prefix(order_id)
			.map(|(provider, bid)| {
				let standing = T::Stake::total_backing(&provider);
				(bid.price_per_gpu_hour, core::cmp::Reverse(standing), bid.placed_at, provider, bid)
			})
			.collect();
		bids.sort_by_key(|(price, standing, placed_at, _, _)| (*price, *standing, *placed_at));
		bids.into_iter().map(|(_, _, _, provider, bid)| (provider, bid)).collect()
	}

	/// Turn the winning bid into a lease: the other bids are dropped, the escrow shrinks to the
	/// lease's cost at the bid's price, and the order is gone.
	fn award(
		order_id: OrderId,
		order: Order<T>,
		provider: T::AccountId,
		bid: Bid<T>,
	) -> Result<LeaseId, DispatchError> {
		let escrow = pricing::cost_ceil(
			bid.price_per_gpu_hour,
			order.requirement.count,
			order.duration.saturated_into(),
			T::BlocksPerHour::get(),
		)
		.ok_or(Error::<T>::PriceOverflow)?;

		// The winner's GPUs stay committed (now to the lease); every other bid is dropped.
		Self::drop_bids(order_id, Some(&provider));
		Bids::<T>::remove(order_id, &provider);
		Self::mutate_book(&provider, |book| book.bids.saturating_dec());
		Self::remove_order(order_id, &order, order.escrow.saturating_sub(escrow), true);

		Self::start_lease(NewLease {
			tenant: order.tenant,
			provider,
			origin: LeaseOrigin::Order(order_id),
			gpus: bid.gpus,
			price_per_gpu_hour: bid.price_per_gpu_hour,
			manifest_hash: order.manifest_hash,
			duration: order.duration,
			escrow,
			deposit: order.deposit,
			first_settlement: None,
		})
	}

	/// Drop every bid on an order except `keep`'s, freeing their GPUs.
	fn drop_bids(order_id: OrderId, keep: Option<&T::AccountId>) {
		let providers: alloc::vec::Vec<T::AccountId> =
			Bids::<T>::iter_key_prefix(order_id).collect();
		for provider in providers {
			if Some(&provider) == keep {
				continue;
			}
			if let Some(bid) = Bids::<T>::take(order_id, &provider) {
				Self::uncommit_gpus(&provider, &bid.gpus);
				Self::mutate_book(&provider, |book| book.bids.saturating_dec());
			}
		}
	}

	/// Remove an order and its index entry, releasing `release` of its escrow, and its deposit
	/// unless a lease takes the deposit over.
	fn remove_order(
		order_id: OrderId,
		order: &Order<T>,
		release: Balance,
		lease_keeps_deposit: bool,
	) {
		Self::release_to(&order.tenant, HoldReason::Escrow, release);
		if !lease_keeps_deposit {
			Self::release_to(&order.tenant, HoldReason::StorageDeposit, order.deposit);
		}
		Orders::<T>::remove(order_id);
		Self::unindex_order(order_id, order);
		// Drop the queue entry too, so that orders created and cancelled over and over cannot
		// fill the queues. When the window has ended the entry is already gone.
		Self::unschedule_due(DueItem::BidWindowEnd(order_id), order.window_check);
		OrdersOfTenant::<T>::mutate_exists(&order.tenant, |orders| {
			if let Some(list) = orders {
				list.retain(|id| *id != order_id);
				if list.is_empty() {
					*orders = None;
				}
			}
		});
	}

	/// The provider an agent key acts for.
	pub(crate) fn provider_of_agent(agent: &T::AccountId) -> Result<T::AccountId, DispatchError> {
		T::Registry::provider_of_agent(agent).ok_or_else(|| Error::<T>::NotAgent.into())
	}

	/// A duration must be positive and no longer than `max`.
	pub(crate) fn ensure_duration(
		duration: BlockNumberFor<T>,
		max: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= max, Error::<T>::DurationTooLong);
		Ok(())
	}

	/// Every GPU named must be distinct, in the provider's inventory, meet the requirement (if
	/// any), hold a recent proof of compute and be committed nowhere.
	pub(crate) fn ensure_gpus_free(
		provider: &T::AccountId,
		gpus: &[GpuUuidHash],
		requirement: Option<&GpuRequirement>,
	) -> DispatchResult {
		ensure!(!gpus.is_empty(), Error::<T>::ZeroGpus);
		let mut sorted = gpus.to_vec();
		sorted.sort_unstable();
		ensure!(sorted.windows(2).all(|pair| pair[0] != pair[1]), Error::<T>::DuplicateGpu);

		let inventory = T::Registry::gpus(provider);
		for hash in gpus {
			let spec = Self::spec_in(&inventory, hash)?;
			if let Some(requirement) = requirement {
				ensure!(requirement.is_met_by(spec), Error::<T>::GpuMismatch);
			}
			ensure!(T::Proofs::is_proven(provider, spec), Error::<T>::GpuNotProven);
			ensure!(!CommittedGpus::<T>::contains_key(provider, hash), Error::<T>::GpuCommitted);
		}
		Ok(())
	}

	/// Every GPU named is in the provider's inventory, still holds a recent proof of compute
	/// and is in no challenge waiting for its commitment: checked once before every lease
	/// starts (by `accept_bid`, by the auto-award before it tries a bid, and GPU by GPU by
	/// `rent`), since a proof may lapse or be lost (a failed challenge) while the GPU is bid or
	/// listed, and a lease started in a challenge's first blocks would void it (a tenant could
	/// strip an honest provider's proofs that way).
	pub(crate) fn ensure_proven(provider: &T::AccountId, gpus: &[GpuUuidHash]) -> DispatchResult {
		let inventory = T::Registry::gpus(provider);
		gpus.iter()
			.try_for_each(|hash| Self::ensure_leasable(provider, &inventory, hash))
	}

	/// `hash`, one of the GPUs in `provider`'s `inventory`, may go into a lease now: see
	/// [`Self::ensure_proven`].
	pub(crate) fn ensure_leasable(
		provider: &T::AccountId,
		inventory: &[GpuSpec],
		hash: &GpuUuidHash,
	) -> DispatchResult {
		let spec = Self::spec_in(inventory, hash)?;
		ensure!(T::Proofs::is_proven(provider, spec), Error::<T>::GpuNotProven);
		ensure!(!T::Proofs::is_challenged(provider, hash), Error::<T>::GpuChallenged);
		Ok(())
	}

	/// The entry of GPU `hash` in `inventory`.
	fn spec_in<'a>(inventory: &'a [GpuSpec], hash: &GpuUuidHash) -> Result<&'a GpuSpec, Error<T>> {
		inventory
			.iter()
			.find(|gpu| gpu.uuid_hash == *hash)
			.ok_or(Error::<T>::UnknownGpu)
	}

	/// Commit free GPUs to `to`, counting them in the provider's book.
	pub(crate) fn commit_gpus(provider: &T::AccountId, gpus: &[GpuUuidHash], to: Commitment) {
		for hash in gpus {
			CommittedGpus::<T>::insert(provider, hash, to);
		}
		let count = u32::try_from(gpus.len()).unwrap_or(u32::MAX);
		Books::<T>::mutate(provider, |book| {
			book.committed_gpus = book.committed_gpus.saturating_add(count)
		});
	}

	/// Move committed GPUs to another commitment; the count does not change.
	pub(crate) fn recommit_gpus(provider: &T::AccountId, gpus: &[GpuUuidHash], to: Commitment) {
		for hash in gpus {
			CommittedGpus::<T>::insert(provider, hash, to);
		}
	}

	/// Free committed GPUs.
	pub(crate) fn uncommit_gpus(provider: &T::AccountId, gpus: &[GpuUuidHash]) {
		for hash in gpus {
			CommittedGpus::<T>::remove(provider, hash);
		}
		let count = u32::try_from(gpus.len()).unwrap_or(u32::MAX);
		Self::mutate_book(provider, |book| {
			book.committed_gpus = book.committed_gpus.saturating_sub(count)
		});
	}

	/// Change a provider's book, removing it once it holds nothing.
	pub(crate) fn mutate_book(provider: &T::AccountId, f: impl FnOnce(&mut ProviderBook<T>)) {
		Books::<T>::mutate_exists(provider, |entry| {
			let mut book = entry.take().unwrap_or_default();
			f(&mut book);
			if !book.is_empty() {
				*entry = Some(book);
			}
		});
	}
}
