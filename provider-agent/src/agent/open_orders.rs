//! The open orders this provider's GPUs could serve, kept block by block from what changed: a
//! block's `OrderCreated` events add orders, `OrderCancelled`, `OrderExpired` and a lease
//! started from an order remove them, and an order whose bid window ended drops out. The whole
//! set is read from the chain's order index at the start, after a gap in the blocks, and every
//! [`FULL_READ_EVERY`] blocks, which also mends anything a change could not say.

use std::collections::{BTreeMap, BTreeSet};

use ember_client::{
	chain::{
		runtime::{self, runtime_types::pallet_leases::types::LeaseOrigin},
		Chain, ChainError, EmberConfig,
	},
	market::{Gpu, Order},
};

/// A finalized block from the follower's stream.
type Block = subxt::client::Block<EmberConfig>;

/// Orders read per request, and the most read in one full read.
const ORDERS_PAGE: u32 = 100;
const MAX_ORDERS_READ: usize = 1_000;

/// Blocks between full reads of the open orders (about an hour at 6-second blocks).
pub(super) const FULL_READ_EVERY: u32 = 600;

/// What one block did to the open orders.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub(super) struct OrderChanges {
	/// Orders created in the block.
	pub opened: Vec<u64>,
	/// Orders cancelled, expired or awarded in the block.
	pub closed: Vec<u64>,
}

/// The open orders as of the last block seen.
#[derive(Debug, Default)]
pub(super) struct OpenOrders {
	orders: BTreeMap<u64, Order>,
	/// The block the set is current at; `None` before the first full read.
	at: Option<u32>,
}

impl OpenOrders {
	/// Brings the set to finalized block `block` (number `now`), reading only its changes when
	/// it follows the last block seen, and returns the orders still taking bids, the highest
	/// price first.
	pub async fn update(
		&mut self,
		chain: &Chain,
		block: &Block,
		now: u32,
		gpus: &[Gpu],
	) -> Result<Vec<Order>, ChainError> {
		if self.needs_full_read(now) {
			self.orders = read_all(chain, gpus).await?;
		} else {
			let changes = changes_in(block).await?;
			let mut opened = BTreeMap::new();
			for id in &changes.opened {
				if let Some(order) = chain.order(*id).await? {
					opened.insert(*id, order);
				}
			}
			self.apply(changes, opened);
		}
		self.at = Some(now);
		Ok(self.open_at(now))
	}

	/// Whether block `now` needs the whole set read: the first block, a gap since the last
	/// one (a reconnection), or the periodic mend.
	fn needs_full_read(&self, now: u32) -> bool {
		match self.at {
			None => true,
			Some(at) => at.checked_add(1) != Some(now) || now.is_multiple_of(FULL_READ_EVERY),
		}
	}

	/// Applies one block's changes; `opened` holds the new orders as the chain shows them.
	fn apply(&mut self, changes: OrderChanges, opened: BTreeMap<u64, Order>) {
		let closed: BTreeSet<u64> = changes.closed.into_iter().collect();
		self.orders.extend(opened.into_iter().filter(|(id, _)| !closed.contains(id)));
		self.orders.retain(|id, _| !closed.contains(id));
	}

	/// The orders still taking bids at block `now`, the highest price first, then the oldest;
	/// those whose window ended are forgotten.
	fn open_at(&mut self, now: u32) -> Vec<Order> {
		self.orders.retain(|_, order| order.bid_window_end > now);
		let mut orders: Vec<Order> = self.orders.values().cloned().collect();
		orders.sort_by(|a, b| {
			b.max_price_per_gpu_hour.cmp(&a.max_price_per_gpu_hour).then(a.id.cmp(&b.id))
		});
		orders
	}
}

/// The open orders a GPU of this provider can serve, from the chain's order index: one listing
/// per kind of GPU (model, memory, compute capability), page by page, up to
/// [`MAX_ORDERS_READ`] in all.
async fn read_all(chain: &Chain, gpus: &[Gpu]) -> Result<BTreeMap<u64, Order>, ChainError> {
	let kinds: BTreeMap<_, _> = gpus
		.iter()
		.filter_map(|gpu| gpu.to_spec())
		.map(|spec| {
			let capability = (spec.compute_capability.major, spec.compute_capability.minor);
			((spec.model.0.clone(), spec.vram_mib, capability), spec)
		})
		.collect();
	let mut orders = BTreeMap::new();
	'kinds: for spec in kinds.into_values() {
		let mut after = None;
		loop {
			let page = chain.open_orders(Some(spec.clone()), after, ORDERS_PAGE).await?;
			orders.extend(page.items.into_iter().map(|order| (order.id, order)));
			after = page.next;
			if orders.len() >= MAX_ORDERS_READ {
				break 'kinds;
			}
			if after.is_none() {
				break;
			}
		}
	}
	Ok(orders)
}

/// The orders one block opened and closed, from its events.
async fn changes_in(block: &Block) -> Result<OrderChanges, ChainError> {
	let rpc = |e: &dyn std::fmt::Display| ChainError::Rpc(e.to_string());
	let at = block.at().await.map_err(|e| rpc(&e))?;
	let events = at.events().fetch().await.map_err(|e| rpc(&e))?;
	let mut changes = OrderChanges::default();
	for created in events.find::<runtime::leases::events::OrderCreated>() {
		changes.opened.push(created.map_err(|e| rpc(&e))?.order);
	}
	for cancelled in events.find::<runtime::leases::events::OrderCancelled>() {
		changes.closed.push(cancelled.map_err(|e| rpc(&e))?.order);
	}
	for expired in events.find::<runtime::leases::events::OrderExpired>() {
		changes.closed.push(expired.map_err(|e| rpc(&e))?.order);
	}
	for started in events.find::<runtime::leases::events::LeaseStarted>() {
		if let LeaseOrigin::Order(order) = started.map_err(|e| rpc(&e))?.origin {
			changes.closed.push(order);
		}
	}
	Ok(changes)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn order(id: u64, price: u128, window_end: u32) -> Order {
		Order {
			id,
			tenant: "tenant".into(),
			model: None,
			min_vram_mib: 0,
			min_compute_capability: "7.0".into(),
			count: 1,
			duration: 100,
			max_price_per_gpu_hour: price,
			manifest_hash: String::new(),
			region: None,
			auto_award: false,
			bid_window_end: window_end,
			bids: 0,
		}
	}

	fn ids(orders: &[Order]) -> Vec<u64> {
		orders.iter().map(|order| order.id).collect()
	}

	#[test]
	fn a_block_adds_and_removes_only_what_it_changed() {
		let mut open = OpenOrders::default();
		assert!(open.needs_full_read(10), "the first block reads everything");
		open.orders = [(1, order(1, 500, 20)), (2, order(2, 900, 20))].into_iter().collect();
		open.at = Some(10);
		assert!(!open.needs_full_read(11));

		// Block 11 opens 3 and 4 and closes 1; an order opened and closed in the same block
		// (4) never shows.
		let changes = OrderChanges { opened: vec![3, 4], closed: vec![1, 4] };
		let fetched = [(3, order(3, 700, 12)), (4, order(4, 800, 30))].into_iter().collect();
		open.apply(changes, fetched);
		open.at = Some(11);
		assert_eq!(ids(&open.open_at(11)), vec![2, 3], "the highest price first");

		// At block 12 order 3's window has ended.
		assert_eq!(ids(&open.open_at(12)), vec![2]);
	}

	#[test]
	fn equal_prices_go_oldest_first() {
		let mut open = OpenOrders::default();
		open.orders = [(7, order(7, 500, 20)), (5, order(5, 500, 20)), (6, order(6, 600, 20))]
			.into_iter()
			.collect();
		assert_eq!(ids(&open.open_at(1)), vec![6, 5, 7]);
	}

	#[test]
	fn gaps_and_the_periodic_mend_read_everything() {
		let mut open = OpenOrders { at: Some(10), ..Default::default() };
		assert!(open.needs_full_read(12), "a skipped block");
		assert!(open.needs_full_read(10), "the same block again");
		open.at = Some(FULL_READ_EVERY - 1);
		assert!(open.needs_full_read(FULL_READ_EVERY));
		open.at = Some(u32::MAX);
		assert!(open.needs_full_read(0));
	}
}
