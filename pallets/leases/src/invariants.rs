//! The market's invariants, checked by `try_state` and after every block in tests.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use ember_primitives::{Balance, ProviderRegistry};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, SaturatedConversion, TryRuntimeError};

/// What the records say one account should have held.
#[derive(Default)]
struct Owed {
	escrow: Balance,
	deposit: Balance,
}

/// What the records say one provider has committed.
#[derive(Default)]
struct Committed {
	gpus: u32,
	bids: u32,
	offers: u32,
	leases: u32,
}

impl<T: Config> Pallet<T> {
	/// Check every invariant of the market at block `now` (after that block's hook ran).
	pub fn do_try_state(now: BlockNumberFor<T>) -> Result<(), TryRuntimeError> {
		let mut owed: BTreeMap<T::AccountId, Owed> = BTreeMap::new();
		let mut committed: BTreeMap<T::AccountId, Committed> = BTreeMap::new();

		for (order_id, order) in Orders::<T>::iter() {
			ensure!(order_id < NextOrderId::<T>::get(), "an order id lies ahead of the counter");
			let entry = owed.entry(order.tenant.clone()).or_default();
			entry.escrow.saturating_accrue(order.escrow);
			entry.deposit.saturating_accrue(order.deposit);
			ensure!(
				OrdersOfTenant::<T>::get(&order.tenant).contains(&order_id),
				"an order is missing from its tenant's index"
			);
			ensure!(order.window_check >= order.bid_window_end, "an order is checked early");
			ensure!(
				Due::<T>::get(order.window_check).contains(&DueItem::BidWindowEnd(order_id)),
				"an order is missing from its window queue"
			);
			let mut bids = 0u32;
			for (provider, bid) in Bids::<T>::iter_prefix(order_id) {
				bids.saturating_inc();
				ensure!(bid.price_per_gpu_hour <= order.max_price_per_gpu_hour, "bid above max");
				ensure!(
					u32::try_from(bid.gpus.len()).ok() == Some(order.requirement.count),
					"a bid names the wrong number of GPUs"
				);
				Self::check_commitments(&provider, &bid.gpus, Commitment::Bid(order_id))?;
				let entry = committed.entry(provider).or_default();
				entry.bids.saturating_inc();
				entry.gpus.saturating_accrue(bid.gpus.len().saturated_into());
			}
			ensure!(bids == order.bids, "an order's bid count is off");
		}
		for (order_id, _) in Bids::<T>::iter_keys() {
			ensure!(Orders::<T>::contains_key(order_id), "a bid outlived its order");
		}
		// Each open order sits on exactly its two shelves of the index, under its price.
		for (shelf, key) in OrderIndex::<T>::iter_keys() {
			let order = Orders::<T>::get(key.id()).ok_or("an index entry outlived its order")?;
			ensure!(
				key == IndexKey::order(order.max_price_per_gpu_hour, key.id()),
				"an order is indexed under another price"
			);
			let own_shelf = order.requirement.model.clone().map_or(Shelf::AnyModel, Shelf::Model);
			ensure!(shelf == Shelf::All || shelf == own_shelf, "an order is on a wrong shelf");
		}
		ensure!(
			OrderIndex::<T>::iter_keys().count()
				== Orders::<T>::iter_keys().count().saturating_mul(2),
			"an open order is missing from the index"
		);

		for (offer_id, offer) in Offers::<T>::iter() {
			Self::check_commitments(
				&offer.provider,
				&offer.available,
				Commitment::Offer(offer_id),
			)?;
			ensure!(
				OfferIndex::<T>::contains_key(IndexKey::offer(offer.price_per_gpu_hour, offer_id)),
				"an offer is missing from the index"
			);
			let entry = committed.entry(offer.provider.clone()).or_default();
			entry.offers.saturating_inc();
			entry.gpus.saturating_accrue(offer.available.len().saturated_into());
		}

		ensure!(
			OfferIndex::<T>::iter_keys().count() == Offers::<T>::iter_keys().count(),
			"an index entry outlived its offer"
		);

		let per_hour = T::BlocksPerHour::get();
		for (lease_id, lease) in Leases::<T>::iter() {
			ensure!(lease_id < NextLeaseId::<T>::get(), "a lease id lies ahead of the counter");
			let entry = owed.entry(lease.tenant.clone()).or_default();
			entry.escrow.saturating_accrue(lease.escrow);
			entry.deposit.saturating_accrue(lease.deposit);
			ensure!(
				LeasesOfTenant::<T>::get(&lease.tenant).contains(&lease_id),
				"a lease is missing from its tenant's index"
			);
			let running = Books::<T>::get(&lease.provider).running(lease_id).copied();
			let Some(running) = running else {
				return Err("a lease is missing from its provider's book".into());
			};
			ensure!(
				running.attested_at >= lease.start && running.attested_at <= now,
				"a lease's attestation lies outside its life"
			);
			Self::check_commitments(&lease.provider, &lease.gpus, Commitment::Lease(lease_id))?;
			let entry = committed.entry(lease.provider.clone()).or_default();
			entry.leases.saturating_inc();
			entry.gpus.saturating_accrue(lease.gpus.len().saturated_into());

			// Settled time is paid time plus downtime, and payment follows the blocks paid.
			ensure!(
				lease
					.start
					.saturating_add(lease.paid_blocks)
					.saturating_add(lease.downtime_blocks)
					== lease.settled_until,
				"a lease's settled time does not add up"
			);
			ensure!(lease.settled_until <= lease.end.min(now), "a lease is settled ahead");
			ensure!(
				pricing::cost(
					lease.price_per_gpu_hour,
					lease.gpu_count(),
					lease.paid_blocks.saturated_into(),
					per_hour
				) == Some(lease.paid),
				"a lease's payments drifted from its blocks paid"
			);
			ensure!(lease.fees <= lease.paid, "fees exceed payments");
			match lease.next_check {
				Some(block) => {
					ensure!(
						block > now || DueBacklog::<T>::get().is_some_and(|from| block >= from),
						"a lease check was left behind"
					);
					ensure!(
						Due::<T>::get(block).contains(&DueItem::LeaseCheck(lease_id)),
						"a lease is missing from its check queue"
					);
					// The check comes no later than the settlement it stands for (a queue that
					// was full may have moved it a few blocks on).
					let latest_settlement = now
						.saturating_add(T::SettlementInterval::get())
						.saturating_add(DUE_SPILL_BLOCKS.into());
					ensure!(block <= latest_settlement, "a lease is not settled in time");
				},
				None => {
					ensure!(running.unscheduled, "an unscheduled lease is not marked in its book");
					log::warn!(target: LOG_TARGET, "lease {lease_id} has no check scheduled");
				},
			}
			if lease.status == LeaseStatus::Grace {
				ensure!(Self::funded_until(&lease) < lease.end, "a funded lease is in grace");
			}
		}

		// Money: what is held is exactly what the open orders and leases say.
		let escrow_reason = T::RuntimeHoldReason::from(HoldReason::Escrow);
		let deposit_reason = T::RuntimeHoldReason::from(HoldReason::StorageDeposit);
		for (tenant, owed) in owed.iter() {
			ensure!(
				T::Currency::balance_on_hold(&escrow_reason, tenant) == owed.escrow,
				"escrow held differs from escrow owed"
			);
			ensure!(
				T::Currency::balance_on_hold(&deposit_reason, tenant) == owed.deposit,
				"deposit held differs from deposits owed"
			);
		}
		for tenant in OrdersOfTenant::<T>::iter_keys().chain(LeasesOfTenant::<T>::iter_keys()) {
			ensure!(owed.contains_key(&tenant), "a tenant index outlived its orders and leases");
		}

		// Counters: each book matches the records, and no provider commits more than it has.
		for (provider, book) in Books::<T>::iter() {
			let records = committed.remove(&provider).unwrap_or_default();
			ensure!(!book.is_empty(), "an empty book is stored");
			ensure!(book.committed_gpus == records.gpus, "committed GPU count is off");
			ensure!(book.bids == records.bids, "bid count is off");
			ensure!(book.offers == records.offers, "offer count is off");
			ensure!(
				u32::try_from(book.leases.len()).ok() == Some(records.leases),
				"lease list is off"
			);
			ensure!(
				CommittedGpus::<T>::iter_prefix(&provider).count()
					== usize::try_from(book.committed_gpus).unwrap_or(usize::MAX),
				"commitment entries differ from the count"
			);
			let inventory = T::Registry::gpus(&provider);
			ensure!(
				book.committed_gpus as usize <= inventory.len(),
				"a provider committed more GPUs than it has"
			);
		}
		ensure!(committed.is_empty(), "a provider with commitments has no book");
		for (provider, _) in OfflineSince::<T>::iter() {
			ensure!(
				!Books::<T>::get(&provider).leases.is_empty(),
				"an offline record outlived the provider's leases"
			);
		}
		// Queues at or before `now` are only those the hook had no budget for yet.
		for block in Due::<T>::iter_keys() {
			ensure!(
				block > now || DueBacklog::<T>::get().is_some_and(|from| block >= from),
				"a due queue was left behind by its block"
			);
		}
		for block in OfflineDue::<T>::iter_keys() {
			ensure!(
				block > now || OfflineDueBacklog::<T>::get().is_some_and(|from| block >= from),
				"an offline-limit queue was left behind by its block"
			);
		}
		Ok(())
	}

	/// Every GPU is in the provider's inventory and committed to `to`.
	fn check_commitments(
		provider: &T::AccountId,
		gpus: &[ember_primitives::GpuUuidHash],
		to: Commitment,
	) -> Result<(), TryRuntimeError> {
		let inventory = T::Registry::gpus(provider);
		for hash in gpus {
			ensure!(
				CommittedGpus::<T>::get(provider, hash) == Some(to),
				"a GPU is not committed to what holds it"
			);
			ensure!(
				inventory.iter().any(|gpu| gpu.uuid_hash == *hash),
				"a committed GPU is not in the inventory"
			);
		}
		Ok(())
	}
}
