//! The bid engine: which open orders to bid on, with which GPUs, at what price.
//!
//! Pure decisions over plain data, so that the policy is tested without a chain: the agent
//! feeds it the open orders, its free GPUs (the chain's view minus what it has bid with and not
//! yet seen settled) and its price list, and submits what comes out.

use std::collections::{BTreeMap, BTreeSet};

use ember_client::market::{Gpu, Order};

/// The provider's price list and limits.
#[derive(Clone, Debug, Default)]
pub struct PricePolicy {
	/// Price per GPU-hour for models without their own price, plancks.
	pub default_per_gpu_hour: u128,
	/// Price per GPU-hour by exact model name, plancks.
	pub per_model: BTreeMap<String, u128>,
	/// Shortest lease worth taking, blocks.
	pub min_duration: u32,
	/// Longest lease taken, blocks.
	pub max_duration: u32,
	/// Most leases (running plus bid for) at once.
	pub max_leases: u32,
	/// The provider's region; orders restricted to another region are skipped.
	pub region: String,
}

impl PricePolicy {
	/// The asking price for one GPU of `model`.
	pub fn price_of(&self, model: &str) -> u128 {
		self.per_model.get(model).copied().unwrap_or(self.default_per_gpu_hour)
	}
}

/// A bid to place.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct BidPlan {
	/// The order.
	pub order: u64,
	/// Price per GPU-hour, plancks.
	pub price_per_gpu_hour: u128,
	/// The GPUs committed, by UUID hash (hex).
	pub gpus: Vec<String>,
}

/// Why an order was passed over; logged at debug level and counted.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum Skip {
	/// Already bid on.
	AlreadyBid,
	/// The tenant is this provider's owner.
	OwnOrder,
	/// Region restricted elsewhere.
	OtherRegion,
	/// Shorter or longer than the policy takes.
	Duration,
	/// Not enough free GPUs meeting the requirement.
	NoGpus,
	/// The tenant's maximum is below the asking price.
	TooCheap,
	/// At the lease limit.
	Full,
}

/// Whether `gpu` meets `order`'s requirement.
pub fn meets(order: &Order, gpu: &Gpu) -> bool {
	let capability = |text: &str| ember_client::manifest::parse_capability(text).unwrap_or((0, 0));
	order.model.as_ref().is_none_or(|m| *m == gpu.model)
		&& gpu.vram_mib >= order.min_vram_mib
		&& capability(&gpu.compute_capability) >= capability(&order.min_compute_capability)
}

/// The GPUs of `free` whose UUID hash is not in `taken` (those of this agent's own bids,
/// which the finalized state `free` comes from may not show yet).
pub fn without(free: &[Gpu], taken: &BTreeSet<String>) -> Vec<Gpu> {
	free.iter().filter(|gpu| !taken.contains(&gpu.uuid_hash)).cloned().collect()
}

/// Whether `gpu` holds a proof of compute through block `block`: the chain takes a bid only
/// with proven GPUs, and starts its lease only if they are still proven then, as late as the
/// order's last bid block (the agent renews proofs well before they end).
fn proven_through(gpu: &Gpu, block: u32) -> bool {
	gpu.proven_until.is_some_and(|until| until > block)
}

/// Plans bids on `orders` using `free` GPUs, never committing one GPU twice, cheapest
/// sufficient GPUs first so that big ones stay free for orders that need them. `bid_on` are
/// the orders already bid on; `open_commitments` is running leases plus outstanding bids.
pub fn plan(
	orders: &[Order],
	free: &[Gpu],
	policy: &PricePolicy,
	owner: &str,
	bid_on: &BTreeSet<u64>,
	open_commitments: u32,
) -> (Vec<BidPlan>, Vec<(u64, Skip)>) {
	let mut available: Vec<&Gpu> = free.iter().collect();
	available.sort_by_key(|g| (policy.price_of(&g.model), g.vram_mib, g.uuid_hash.clone()));
	let mut plans = Vec::new();
	let mut skipped = Vec::new();
	let mut commitments = open_commitments;
	for order in orders {
		let skip = |why| (order.id, why);
		if bid_on.contains(&order.id) {
			skipped.push(skip(Skip::AlreadyBid));
			continue;
		}
		if order.tenant == owner {
			skipped.push(skip(Skip::OwnOrder));
			continue;
		}
		if order.region.as_ref().is_some_and(|r| *r != policy.region) {
			skipped.push(skip(Skip::OtherRegion));
			continue;
		}
		if order.duration < policy.min_duration
			|| (policy.max_duration > 0 && order.duration > policy.max_duration)
		{
			skipped.push(skip(Skip::Duration));
			continue;
		}
		if policy.max_leases > 0 && commitments >= policy.max_leases {
			skipped.push(skip(Skip::Full));
			continue;
		}
		let chosen: Vec<usize> = available
			.iter()
			.enumerate()
			.filter(|(_, g)| meets(order, g) && proven_through(g, order.bid_window_end))
			.map(|(i, _)| i)
			.take(order.count as usize)
			.collect();
		if order.count == 0 || chosen.len() < order.count as usize {
			skipped.push(skip(Skip::NoGpus));
			continue;
		}
		// One price per lease: the dearest chosen GPU's.
		let price = chosen.iter().map(|&i| policy.price_of(&available[i].model)).max().unwrap_or(0);
		if price == 0 || price > order.max_price_per_gpu_hour {
			skipped.push(skip(Skip::TooCheap));
			continue;
		}
		let gpus = chosen.iter().map(|&i| available[i].uuid_hash.clone()).collect();
		for &i in chosen.iter().rev() {
			available.remove(i);
		}
		commitments += 1;
		plans.push(BidPlan { order: order.id, price_per_gpu_hour: price, gpus });
	}
	(plans, skipped)
}

#[cfg(test)]
mod tests {
	use super::*;

	const EMBR: u128 = 1_000_000_000_000;

	fn gpu(model: &str, vram: u32, cc: &str, n: u8) -> Gpu {
		Gpu {
			model: model.into(),
			vram_mib: vram,
			compute_capability: cc.into(),
			uuid_hash: format!("0x{:064x}", n),
			proven_until: Some(u32::MAX),
		}
	}

	fn order(id: u64, count: u32, model: Option<&str>, max_price: u128) -> Order {
		Order {
			id,
			tenant: "tenant".into(),
			model: model.map(Into::into),
			min_vram_mib: 0,
			min_compute_capability: "0.0".into(),
			count,
			duration: 600,
			max_price_per_gpu_hour: max_price,
			manifest_hash: String::new(),
			region: None,
			auto_award: false,
			bid_window_end: 100,
			bids: 0,
		}
	}

	fn policy() -> PricePolicy {
		PricePolicy {
			default_per_gpu_hour: 2 * EMBR,
			per_model: [("H100".to_string(), 4 * EMBR)].into(),
			min_duration: 10,
			max_duration: 10_000,
			max_leases: 8,
			region: "eu".into(),
		}
	}

	#[test]
	fn gpus_of_bids_not_yet_finalized_are_not_offered_again() {
		let free = vec![gpu("NVIDIA L4", 23_034, "8.9", 1), gpu("NVIDIA L4", 23_034, "8.9", 2)];
		let taken: BTreeSet<String> = [free[0].uuid_hash.clone()].into();
		let left = without(&free, &taken);
		assert_eq!(left, vec![free[1].clone()]);
		let orders = [order(1, 1, None, 10 * EMBR), order(2, 1, None, 10 * EMBR)];
		let (plans, _) = plan(&orders, &left, &policy(), "p", &BTreeSet::new(), 0);
		assert_eq!(plans.len(), 1, "one GPU left, one bid");
		assert_eq!(plans[0].gpus, vec![free[1].uuid_hash.clone()]);
	}

	#[test]
	fn only_gpus_proven_through_the_bid_window_are_bid() {
		let proven_until = |until: Option<u32>, n: u8| Gpu {
			proven_until: until,
			..gpu("NVIDIA L4", 23_034, "8.9", n)
		};
		let free =
			vec![proven_until(None, 1), proven_until(Some(100), 2), proven_until(Some(101), 3)];
		// The orders' windows end at block 100 (see `order`): only GPU 3's proof lasts.
		let orders = [order(1, 1, None, 10 * EMBR), order(2, 1, None, 10 * EMBR)];
		let (plans, skipped) = plan(&orders, &free, &policy(), "p", &BTreeSet::new(), 0);
		assert_eq!(plans.len(), 1);
		assert_eq!(plans[0].gpus, vec![free[2].uuid_hash.clone()]);
		assert_eq!(skipped, vec![(2, Skip::NoGpus)]);
	}

	#[test]
	fn never_commits_a_gpu_twice() {
		let free = [
			gpu("L4", 23_034, "8.9", 1),
			gpu("L4", 23_034, "8.9", 2),
			gpu("H100", 81_559, "9.0", 3),
		];
		let orders =
			[order(1, 2, None, 5 * EMBR), order(2, 2, None, 5 * EMBR), order(3, 1, None, 5 * EMBR)];
		let (plans, skipped) = plan(&orders, &free, &policy(), "owner", &BTreeSet::new(), 0);
		// The two cheap L4s go to order 1; order 2 cannot get two more; order 3 gets the H100.
		assert_eq!(plans.len(), 2);
		assert_eq!(plans[0].order, 1);
		assert_eq!(plans[0].price_per_gpu_hour, 2 * EMBR);
		assert_eq!(plans[1].order, 3);
		assert_eq!(plans[1].price_per_gpu_hour, 4 * EMBR);
		assert_eq!(skipped, vec![(2, Skip::NoGpus)]);
		let mut all: Vec<&String> = plans.iter().flat_map(|p| &p.gpus).collect();
		all.sort();
		all.dedup();
		assert_eq!(all.len(), 3);
	}

	#[test]
	fn respects_price_model_region_and_limits() {
		let free = [gpu("H100", 81_559, "9.0", 1), gpu("L4", 23_034, "8.9", 2)];
		let mut regional = order(4, 1, None, 5 * EMBR);
		regional.region = Some("us".into());
		let mut own = order(5, 1, None, 5 * EMBR);
		own.tenant = "owner".into();
		let mut short = order(6, 1, None, 5 * EMBR);
		short.duration = 5;
		let orders = [
			order(1, 1, Some("H100"), 3 * EMBR),
			order(2, 1, Some("A100"), 9 * EMBR),
			order(3, 1, None, 5 * EMBR),
			regional,
			own,
			short,
		];
		let already: BTreeSet<u64> = [3].into();
		let (plans, skipped) = plan(&orders, &free, &policy(), "owner", &already, 0);
		assert!(plans.is_empty());
		assert_eq!(
			skipped,
			vec![
				(1, Skip::TooCheap),
				(2, Skip::NoGpus),
				(3, Skip::AlreadyBid),
				(4, Skip::OtherRegion),
				(5, Skip::OwnOrder),
				(6, Skip::Duration),
			]
		);
		let (plans, skipped) =
			plan(&[order(7, 1, None, 9 * EMBR)], &free, &policy(), "owner", &BTreeSet::new(), 8);
		assert!(plans.is_empty());
		assert_eq!(skipped, vec![(7, Skip::Full)]);
	}

	#[test]
	fn requirement_checks_memory_and_capability() {
		let mut o = order(1, 1, None, 9 * EMBR);
		o.min_vram_mib = 40_000;
		o.min_compute_capability = "8.0".into();
		assert!(meets(&o, &gpu("H100", 81_559, "9.0", 1)));
		assert!(!meets(&o, &gpu("L4", 23_034, "8.9", 2)));
		assert!(!meets(&o, &gpu("V100", 32_768, "7.0", 3)));
		o.min_vram_mib = 0;
		o.min_compute_capability = "8.10".into();
		assert!(meets(&o, &gpu("X", 1, "9.0", 4)));
		assert!(!meets(&o, &gpu("X", 1, "8.9", 5)));
	}
}
