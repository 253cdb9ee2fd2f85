//! Read-only views of the market for the runtime API. Never called from a transaction: they may
//! iterate, within the limits they are given.

use crate::{runtime_api::*, *};
use alloc::vec::Vec;
use ember_primitives::{LeaseId, OrderId, ProviderRegistry};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::SaturatedConversion;

/// Most entries one query returns.
pub const MAX_QUERY_RESULTS: u32 = 256;

impl<T: Config> Pallet<T> {
	/// One open order.
	pub fn order_view_of(id: OrderId) -> Option<OrderView<T::AccountId, BlockNumberFor<T>>> {
		Orders::<T>::get(id).map(|order| Self::order_view(id, order))
	}

	/// An order's bids, best first.
	pub fn bids_of(order: OrderId) -> Vec<BidView<T::AccountId, BlockNumberFor<T>>> {
		Self::ranked_bids(order)
			.into_iter()
			.map(|(provider, bid)| BidView {
				provider,
				price_per_gpu_hour: bid.price_per_gpu_hour,
				gpus: bid.gpus.into_inner(),
				placed_at: bid.placed_at,
			})
			.collect()
	}

	/// One running lease.
	pub fn lease_view_of(id: LeaseId) -> Option<LeaseView<T::AccountId, BlockNumberFor<T>>> {
		Leases::<T>::get(id).map(|lease| Self::lease_view(id, lease))
	}

	/// The running leases of `account`, as tenant and as provider.
	pub fn leases_of(account: &T::AccountId) -> Vec<LeaseView<T::AccountId, BlockNumberFor<T>>> {
		let mut ids: Vec<LeaseId> = LeasesOfTenant::<T>::get(account).into_inner();
		ids.extend(Books::<T>::get(account).lease_ids());
		ids.sort_unstable();
		ids.dedup();
		ids.into_iter()
			.filter_map(|id| Leases::<T>::get(id).map(|lease| Self::lease_view(id, lease)))
			.collect()
	}

	/// A provider's free GPUs.
	pub fn free_gpus(provider: &T::AccountId) -> Option<FreeGpus> {
		T::Registry::status(provider)?;
		let gpus = T::Registry::gpus(provider)
			.into_iter()
			.filter(|gpu| !CommittedGpus::<T>::contains_key(provider, gpu.uuid_hash))
			.collect();
		Some(FreeGpus { gpus, accepts_work: T::Registry::accepts_work(provider) })
	}

	/// A quote for `requirement` over `duration` blocks from recent lease prices.
	pub fn quote(requirement: &GpuRequirement, duration: BlockNumberFor<T>) -> Option<PriceQuote> {
		let mut prices: Vec<_> = RecentPrices::<T>::iter_values()
			.filter(|point| {
				requirement.admits(&point.model, point.vram_mib, point.compute_capability)
			})
			.map(|point| point.price_per_gpu_hour)
			.collect();
		if prices.is_empty() {
			return None;
		}
		prices.sort_unstable();
		let median = prices[prices.len() / 2];
		let estimated_cost = pricing::cost(
			median,
			requirement.count,
			duration.saturated_into(),
			T::BlocksPerHour::get(),
		)
		.unwrap_or(ember_primitives::Balance::MAX);
		Some(PriceQuote {
			samples: prices.len().saturated_into(),
			min: prices.first().copied().unwrap_or_default(),
			median,
			max: prices.last().copied().unwrap_or_default(),
			estimated_cost,
		})
	}

	pub(crate) fn order_matches(order: &Order<T>, filter: &OrderFilter) -> bool {
		let gpu_ok = filter.gpu.as_ref().is_none_or(|gpu| {
			order.requirement.admits(&gpu.model, gpu.vram_mib, gpu.compute_capability)
		});
		let count_ok = filter.max_gpus.is_none_or(|max| order.requirement.count <= max);
		let region_ok = match (&order.region, &filter.region) {
			(Some(wanted), Some(offered)) => wanted.as_slice() == offered.as_slice(),
			(Some(_), None) | (None, _) => true,
		};
		gpu_ok && count_ok && region_ok
	}

	pub(crate) fn order_view(
		id: OrderId,
		order: Order<T>,
	) -> OrderView<T::AccountId, BlockNumberFor<T>> {
		OrderView {
			id,
			tenant: order.tenant,
			requirement: order.requirement,
			duration: order.duration,
			max_price_per_gpu_hour: order.max_price_per_gpu_hour,
			manifest_hash: order.manifest_hash,
			region: order.region.map(|region| region.into_inner()),
			auto_award: order.auto_award,
			bid_window_end: order.bid_window_end,
			bids: order.bids,
		}
	}

	fn lease_view(id: LeaseId, lease: Lease<T>) -> LeaseView<T::AccountId, BlockNumberFor<T>> {
		let funded_until = Self::funded_until(&lease).min(lease.end);
		let running = Books::<T>::get(&lease.provider).running(id).copied();
		let now = frame_system::Pallet::<T>::block_number();
		let unsettled = running
			.and_then(|running| Self::settlement(&lease, running.attested_at, now))
			.map_or(0, |settlement| settlement.amount);
		LeaseView {
			id,
			tenant: lease.tenant,
			provider: lease.provider,
			origin: lease.origin,
			gpus: lease.gpus.into_inner(),
			price_per_gpu_hour: lease.price_per_gpu_hour,
			manifest_hash: lease.manifest_hash,
			start: lease.start,
			end: lease.end,
			escrow: lease.escrow,
			settled_until: lease.settled_until,
			funded_until,
			paid: lease.paid,
			fees: lease.fees,
			downtime_blocks: lease.downtime_blocks,
			status: lease.status,
			unsettled,
			last_report: running.and_then(|running| running.report()),
		}
	}
}
