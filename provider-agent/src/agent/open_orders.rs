//! The open orders this provider could serve, kept block by block from what changed: a block's
//! `OrderCreated` events add orders, `OrderCancelled`, `OrderExpired` and a lease started from
//! an order remove them, and an order whose bid window ended drops out. The whole set is read
//! from the chain's order index (filtered by this provider's GPUs, their number and its region)
//! at the start, after a gap in the blocks, when a block creates more orders than are worth
//! reading one by one, and once every [`FULL_READ_EVERY`] blocks at a block of the provider's
//! own (so that nobody can time a flood of orders for everyone's reading), which also mends
//! anything a change could not say.
//!
//! A full read is bounded ([`MAX_PAGES_PER_KIND`] pages for each kind of GPU); one that stopped
//! there adds to the set instead of replacing it, so that a flood of orders cannot push out the
//! ones already known.

use std::collections::{BTreeMap, BTreeSet};

use ember_client::{
	chain::{
		runtime::{self, runtime_types::pallet_leases::types::LeaseOrigin},
		Chain, ChainError, EmberConfig,
	},
	market::{Gpu, Order},
};

use crate::bidding::PricePolicy;

/// A finalized block from the follower's stream.
type Block = subxt::client::Block<EmberConfig>;

/// Orders read per request.
const ORDERS_PAGE: u32 = 100;
/// The most pages a full read reads for one kind of GPU.
const MAX_PAGES_PER_KIND: usize = 10;
/// The most new orders read one by one in a block; past it the block is read as a whole.
const MAX_NEW_ORDERS_READ: usize = 64;

/// Blocks between full reads of the open orders (about an hour at 6-second blocks).
pub(super) const FULL_READ_EVERY: u32 = 600;

/// What this provider can serve: the orders worth reading.
pub(super) struct Scope<'a> {
	/// Its GPUs as the chain records them.
	pub gpus: &'a [Gpu],
	/// Its prices, duration limits and region.
	pub policy: &'a PricePolicy,
}

impl Scope<'_> {
	/// Whether an order of `gpus` GPUs at `max_price` per GPU-hour could be bid on at all.
	fn worth_reading(&self, gpus: u32, max_price: u128) -> bool {
		let cheapest = self.gpus.iter().map(|gpu| self.policy.price_of(&gpu.model)).min();
		gpus as usize <= self.gpus.len() && cheapest.is_some_and(|ask| ask <= max_price)
	}
}

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
	/// Where in each [`FULL_READ_EVERY`] blocks this provider's periodic full read falls.
	mend_offset: u32,
}

impl OpenOrders {
	/// An empty set whose periodic full read falls at a block of this provider's own, taken
	/// from its account's bytes.
	pub fn new(owner: &[u8]) -> Self {
		let seed = owner.iter().take(4).fold(0u32, |seed, byte| seed << 8 | u32::from(*byte));
		Self { mend_offset: seed % FULL_READ_EVERY, ..Default::default() }
	}

	/// Brings the set to finalized block `block` (number `now`), reading only its changes when
	/// it follows the last block seen, and returns the orders still taking bids, the highest
	/// price first.
	pub async fn update(
		&mut self,
		chain: &Chain,
		block: &Block,
		now: u32,
		scope: &Scope<'_>,
	) -> Result<Vec<Order>, ChainError> {
		let changes =
			if self.needs_full_read(now) { None } else { Some(changes_in(block, scope).await?) };
		match changes {
			Some(changes) if changes.opened.len() <= MAX_NEW_ORDERS_READ => {
				let mut opened = BTreeMap::new();
				for id in &changes.opened {
					if let Some(order) = chain.order(*id).await? {
						opened.insert(*id, order);
					}
				}
				self.apply(changes, opened);
			},
			_ => {
				let (orders, complete) = read_all(chain, scope).await?;
				if complete {
					self.orders = orders;
				} else {
					self.orders.extend(orders);
				}
			},
		}
		self.at = Some(now);
		Ok(self.open_at(now))
	}

	/// Whether block `now` needs the whole set read: the first block, a gap since the last
	/// one (a reconnection), or the periodic mend.
	fn needs_full_read(&self, now: u32) -> bool {
		match self.at {
			None => true,
			Some(at) => {
				at.checked_add(1) != Some(now)
					|| now.wrapping_add(self.mend_offset).is_multiple_of(FULL_READ_EVERY)
			},
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

/// The open orders this provider can serve, from the chain's order index: one listing per kind
/// of GPU (model, memory, compute capability) for at most as many GPUs as it has and its
/// region, up to [`MAX_PAGES_PER_KIND`] pages each; and whether every listing was read to its
/// end.
async fn read_all(
	chain: &Chain,
	scope: &Scope<'_>,
) -> Result<(BTreeMap<u64, Order>, bool), ChainError> {
	let max_gpus = u32::try_from(scope.gpus.len()).unwrap_or(u32::MAX);
	let region = Some(scope.policy.region.as_str());
	let kinds: BTreeMap<_, _> = scope
		.gpus
		.iter()
		.filter_map(|gpu| gpu.to_spec())
		.map(|spec| {
			let capability = (spec.compute_capability.major, spec.compute_capability.minor);
			((spec.model.0.clone(), spec.vram_mib, capability), spec)
		})
		.collect();
	let mut orders = BTreeMap::new();
	let mut complete = true;
	for spec in kinds.into_values() {
		let mut after = None;
		for _ in 0..MAX_PAGES_PER_KIND {
			let page = chain
				.open_orders(Some(spec.clone()), Some(max_gpus), region, after, ORDERS_PAGE)
				.await?;
			orders.extend(page.items.into_iter().map(|order| (order.id, order)));
			after = page.next;
			if after.is_none() {
				break;
			}
		}
		complete &= after.is_none();
	}
	Ok((orders, complete))
}

/// The orders one block opened (those worth reading) and closed, from its events.
async fn changes_in(block: &Block, scope: &Scope<'_>) -> Result<OrderChanges, ChainError> {
	let rpc = |e: &dyn std::fmt::Display| ChainError::Rpc(e.to_string());
	let at = block.at().await.map_err(|e| rpc(&e))?;
	let events = at.events().fetch().await.map_err(|e| rpc(&e))?;
	let mut changes = OrderChanges::default();
	for created in events.find::<runtime::leases::events::OrderCreated>() {
		let created = created.map_err(|e| rpc(&e))?;
		if scope.worth_reading(created.gpus, created.max_price_per_gpu_hour) {
			changes.opened.push(created.order);
		}
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
		let orders = [(7, order(7, 500, 20)), (5, order(5, 500, 20)), (6, order(6, 600, 20))];
		let mut open = OpenOrders { orders: orders.into_iter().collect(), ..Default::default() };
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

	#[test]
	fn each_provider_mends_at_a_block_of_its_own() {
		let mut open = OpenOrders::new(&[0, 0, 0, 7, 0xff]);
		assert_eq!(open.mend_offset, 7);
		open.at = Some(FULL_READ_EVERY - 8);
		assert!(open.needs_full_read(FULL_READ_EVERY - 7));
		open.at = Some(FULL_READ_EVERY - 1);
		assert!(!open.needs_full_read(FULL_READ_EVERY));
		assert!(OpenOrders::new(&[0xff; 32]).mend_offset < FULL_READ_EVERY);
	}

	#[test]
	fn only_orders_the_provider_could_serve_are_read() {
		let gpus: Vec<Gpu> = ["A", "B"]
			.iter()
			.map(|model| Gpu {
				model: (*model).into(),
				vram_mib: 1,
				compute_capability: "8.0".into(),
				uuid_hash: String::new(),
				proven_until: None,
			})
			.collect();
		let policy = PricePolicy {
			default_per_gpu_hour: 500,
			per_model: [("B".to_string(), 300)].into_iter().collect(),
			..Default::default()
		};
		let scope = Scope { gpus: &gpus, policy: &policy };
		assert!(scope.worth_reading(2, 300), "at the cheapest ask, on every GPU");
		assert!(!scope.worth_reading(3, 1_000), "more GPUs than the provider has");
		assert!(!scope.worth_reading(1, 299), "below every ask");
		assert!(!Scope { gpus: &[], policy: &policy }.worth_reading(0, u128::MAX));
	}
}
