//! Benchmarks of the market's calls, its block hook and the registry callbacks, each at its worst
//! case: the most GPUs, bids or leases it may touch, payment due on every lease it settles, and
//! every deadline queue it may try full but the last.

use super::*;
use alloc::{vec, vec::Vec};
use ember_primitives::{
	Balance, CloseReason, ComputeCapability, GpuModelName, GpuSpec, GpuUuidHash, LeaseAttestation,
	LeaseId, OfferId, OrderId, ProviderLifecycle, ProviderRegistry, WorkloadStatus,
};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{InspectHold, Mutate},
		EnsureOrigin, Get, Hooks,
	},
	weights::Weight,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::{
	traits::{One, Saturating},
	Perbill, SaturatedConversion,
};

const SEED: u32 = 0;

/// The model of every benchmark GPU.
const MODEL: &[u8] = b"NVIDIA H100 80GB HBM3";
const VRAM_MIB: u32 = 81_559;
const COMPUTE_CAPABILITY: ComputeCapability = ComputeCapability::new(9, 0);

/// What each benchmark account is given: far more than any escrow here needs, and little enough
/// that thousands of such accounts cannot overflow the total issuance.
const FUNDS: Balance = 1 << 100;

/// What one GPU costs for one block at [`price`].
const GPU_BLOCK_COST: Balance = 1_000_000;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn assert_has_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_has_event(event.into());
}

/// The price per GPU-hour at which one GPU costs exactly `GPU_BLOCK_COST` a block.
fn price<T: Config>() -> Balance {
	GPU_BLOCK_COST.saturating_mul(T::BlocksPerHour::get().into())
}

fn manifest() -> H256 {
	H256::repeat_byte(0x4d)
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

fn set_block<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

/// Start past genesis, where events are recorded; returns the current block.
fn start<T: Config>() -> BlockNumberFor<T> {
	let block = now::<T>().max(One::one());
	set_block::<T>(block);
	block
}

/// Move to `target`, running the hook of every block before it that has something due, as the
/// chain would.
fn advance_to<T: Config>(target: BlockNumberFor<T>) {
	loop {
		let current = now::<T>();
		let next = Due::<T>::iter_keys()
			.chain(OfflineDue::<T>::iter_keys())
			.filter(|block| *block > current && *block < target)
			.min();
		let Some(block) = next else { break };
		set_block::<T>(block);
		Pallet::<T>::on_initialize(block);
	}
	set_block::<T>(target);
}

/// Half the longest lease: long enough for any grace period, short enough to be extended by as
/// much again.
fn duration<T: Config>() -> BlockNumberFor<T> {
	let two: BlockNumberFor<T> = 2u32.into();
	(T::MaxLeaseDuration::get() / two).max(One::one())
}

/// How long after its last attestation (or its start) a lease's silence limit is: a lease
/// nobody attests by then closes as silent.
fn silence<T: Config>() -> BlockNumberFor<T> {
	T::AttestationTolerance::get().saturating_add(T::OfflineLimit::get())
}

/// The longest lease, up to [`duration`], that ends before its first settlement check, so that
/// its one check is its end.
fn unwatched_length<T: Config>() -> BlockNumberFor<T> {
	duration::<T>()
		.min(T::SettlementInterval::get().saturating_sub(One::one()))
		.min(silence::<T>().saturating_sub(One::one()))
		.max(One::one())
}

/// The block a lease scheduled at `from` is next checked at, when its life alone would have it
/// checked at `target`: its next settlement may come first.
fn first_check<T: Config>(from: BlockNumberFor<T>, target: BlockNumberFor<T>) -> BlockNumberFor<T> {
	target.min(from.saturating_add(T::SettlementInterval::get()))
}

/// A lease short enough that its start of grace, after an extension nobody paid for, comes
/// before its first settlement and is covered by an attestation at its start: extending or
/// topping it up moves its check.
fn short_length<T: Config>() -> BlockNumberFor<T> {
	let limit = T::SettlementInterval::get().min(T::AttestationTolerance::get());
	duration::<T>().min(limit.saturating_add(T::GracePeriod::get()).saturating_sub(One::one()))
}

/// The block that something aimed at `target` lands in when `fill_due_from(target)` ran first.
fn spilled<T: Config>(target: BlockNumberFor<T>) -> BlockNumberFor<T> {
	target.saturating_add(DUE_SPILL_BLOCKS.into())
}

/// Fill the deadline queues of the `DUE_SPILL_BLOCKS` blocks from `target` on with the bid
/// windows of orders that do not exist, so that whatever is scheduled for `target` has to try
/// each of them and lands in the last block it may.
fn fill_due_from<T: Config>(target: BlockNumberFor<T>) {
	let mut block = target;
	let mut filler = OrderId::MAX;
	for _ in 0..DUE_SPILL_BLOCKS {
		while Due::<T>::try_append(block, DueItem::BidWindowEnd(filler)).is_ok() {
			filler = filler.saturating_sub(1);
		}
		block = block.saturating_add(One::one());
	}
}

/// Like [`fill_due_from`], for the offline-limit queues, with providers that have no record.
fn fill_offline_due_from<T: Config>(target: BlockNumberFor<T>) {
	let mut block = target;
	for spill in 0..DUE_SPILL_BLOCKS {
		let mut index = 0u32;
		while OfflineDue::<T>::try_append(block, account::<T::AccountId>("filler", index, spill))
			.is_ok()
		{
			index.saturating_inc();
		}
		block = block.saturating_add(One::one());
	}
}

/// A UUID hash for GPU `index` of provider `provider`, distinct across all of them.
fn uuid(provider: u32, index: u32) -> GpuUuidHash {
	let mut bytes = [0u8; 32];
	bytes[..4].copy_from_slice(&provider.to_be_bytes());
	bytes[28..].copy_from_slice(&index.saturating_add(1).to_be_bytes());
	H256(bytes)
}

fn model() -> GpuModelName {
	GpuModelName::truncate_from(MODEL.to_vec())
}

/// `count` GPUs of the benchmark model; every benchmark GPU meets it.
fn requirement(count: u32) -> GpuRequirement {
	GpuRequirement {
		model: Some(model()),
		min_vram_mib: VRAM_MIB,
		min_compute_capability: COMPUTE_CAPABILITY,
		count,
	}
}

fn held<T: Config>(who: &T::AccountId, reason: HoldReason) -> Balance {
	T::Currency::balance_on_hold(&reason.into(), who)
}

/// A funded account that acts as tenant `index`.
fn tenant<T: Config>(index: u32) -> T::AccountId {
	let who: T::AccountId = account("tenant", index, SEED);
	T::Currency::set_balance(&who, FUNDS);
	who
}

/// The tenant of the `index`-th lease of a benchmark. Every lease has its own tenant: settling
/// leases of different tenants touches the most accounts and holds, the worst case.
fn tenant_of_lease<T: Config>(index: u32) -> T::AccountId {
	tenant::<T>(index)
}

fn signed<T: Config>(who: &T::AccountId) -> T::RuntimeOrigin {
	RawOrigin::Signed(who.clone()).into()
}

/// A provider registered for a benchmark.
struct Provider<T: Config> {
	owner: T::AccountId,
	agent: T::AccountId,
	gpus: Vec<GpuUuidHash>,
}

impl<T: Config> Provider<T> {
	/// Register provider `index`, funded, with `gpus` GPUs of the benchmark model.
	fn new(index: u32, gpus: u32) -> Self {
		let owner: T::AccountId = account("provider", index, SEED);
		let agent: T::AccountId = account("agent", index, SEED);
		T::Currency::set_balance(&owner, FUNDS);
		let specs: Vec<GpuSpec> = (0..gpus)
			.map(|gpu| GpuSpec {
				model: model(),
				vram_mib: VRAM_MIB,
				compute_capability: COMPUTE_CAPABILITY,
				uuid_hash: uuid(index, gpu),
			})
			.collect();
		T::BenchmarkHelper::register_provider(&owner, &agent, &specs);
		Self { owner, agent, gpus: specs.iter().map(|gpu| gpu.uuid_hash).collect() }
	}

	/// Its last `count` GPUs, which lookups in its inventory find last.
	fn last_gpus(&self, count: u32) -> LeaseGpusOf<T> {
		let skip = self.gpus.len().saturating_sub(count as usize);
		LeaseGpusOf::<T>::truncate_from(self.gpus.iter().skip(skip).copied().collect())
	}

	/// Its `index`-th GPU alone.
	fn gpu(&self, index: u32) -> LeaseGpusOf<T> {
		LeaseGpusOf::<T>::truncate_from(
			self.gpus.iter().skip(index as usize).take(1).copied().collect(),
		)
	}

	/// Its region as an order's region, when it fits one.
	fn region(&self) -> Option<RegionOf<T>> {
		T::Registry::region(&self.owner).and_then(|region| RegionOf::<T>::try_from(region).ok())
	}
}

/// Open an order of `tenant` for `count` GPUs at `price()`, with the shortest bid window.
fn open_order<T: Config>(
	tenant: &T::AccountId,
	count: u32,
	length: BlockNumberFor<T>,
	region: Option<RegionOf<T>>,
	auto_award: bool,
) -> Result<OrderId, BenchmarkError> {
	let order = NextOrderId::<T>::get();
	Pallet::<T>::create_order(
		signed::<T>(tenant),
		requirement(count),
		length,
		price::<T>(),
		manifest(),
		region,
		T::MinBidWindow::get(),
		auto_award,
	)?;
	Ok(order)
}

/// The price bidder `index` of [`bidders`] bids: the later the bidder, the cheaper.
fn bid_price<T: Config>(index: u32) -> Balance {
	price::<T>().saturating_sub(index.into())
}

/// `bids` new providers, each bidding on `order` with `count` GPUs; the last bids cheapest.
fn bidders<T: Config>(
	order: OrderId,
	bids: u32,
	count: u32,
) -> Result<Vec<Provider<T>>, BenchmarkError> {
	let mut providers = Vec::new();
	for index in 0..bids {
		let provider = Provider::<T>::new(index, count);
		Pallet::<T>::place_bid(
			signed::<T>(&provider.agent),
			order,
			bid_price::<T>(index),
			provider.last_gpus(count),
		)?;
		providers.push(provider);
	}
	Ok(providers)
}

/// A lease of `gpus` of `provider` for `tenant`, awarded on an order.
fn lease_by_order<T: Config>(
	tenant: &T::AccountId,
	provider: &Provider<T>,
	gpus: LeaseGpusOf<T>,
	length: BlockNumberFor<T>,
) -> Result<LeaseId, BenchmarkError> {
	let count = u32::try_from(gpus.len()).map_err(|_| BenchmarkError::Stop("too many GPUs"))?;
	let order = open_order::<T>(tenant, count, length, None, false)?;
	Pallet::<T>::place_bid(signed::<T>(&provider.agent), order, price::<T>(), gpus)?;
	let lease = NextLeaseId::<T>::get();
	Pallet::<T>::accept_bid(signed::<T>(tenant), order, provider.owner.clone())?;
	Ok(lease)
}

/// `count` one-GPU leases on `provider`'s first `count` GPUs, awarded on orders, for as many
/// tenants as it takes; each lasts a block less than the one before, so their checks spread.
fn leases_on<T: Config>(
	provider: &Provider<T>,
	count: u32,
) -> Result<Vec<LeaseId>, BenchmarkError> {
	(0..count)
		.map(|index| {
			let length = duration::<T>().saturating_sub(index.into()).max(One::one());
			lease_by_order::<T>(&tenant_of_lease::<T>(index), provider, provider.gpu(index), length)
		})
		.collect()
}

/// List `gpus` of `provider` at `price()`, for leases as long as allowed.
fn list<T: Config>(
	provider: &Provider<T>,
	gpus: LeaseGpusOf<T>,
) -> Result<OfferId, BenchmarkError> {
	let offer = NextOfferId::<T>::get();
	Pallet::<T>::list_offer(
		signed::<T>(&provider.agent),
		gpus,
		price::<T>(),
		T::MaxLeaseDuration::get(),
	)?;
	Ok(offer)
}

/// Rent `count` GPUs of `offer` for `tenant`.
fn rent_from<T: Config>(
	tenant: &T::AccountId,
	offer: OfferId,
	count: u32,
	length: BlockNumberFor<T>,
) -> Result<LeaseId, BenchmarkError> {
	let lease = NextLeaseId::<T>::get();
	Pallet::<T>::rent(signed::<T>(tenant), offer, count, length, price::<T>(), manifest())?;
	Ok(lease)
}

/// A lease as big as they come, from a direct offer.
struct RentedLease<T: Config> {
	provider: Provider<T>,
	tenant: T::AccountId,
	offer: OfferId,
	lease: LeaseId,
}

/// A new provider lists `MaxGpusPerLease` GPUs and a new tenant rents them all for `length`.
fn full_rented_lease<T: Config>(
	length: BlockNumberFor<T>,
) -> Result<RentedLease<T>, BenchmarkError> {
	let gpus = T::MaxGpusPerLease::get();
	let provider = Provider::<T>::new(0, gpus);
	let offer = list::<T>(&provider, provider.last_gpus(gpus))?;
	let tenant = tenant::<T>(0);
	let lease = rent_from::<T>(&tenant, offer, gpus, length)?;
	Ok(RentedLease { provider, tenant, offer, lease })
}

fn lease_record<T: Config>(lease: LeaseId) -> Result<Lease<T>, BenchmarkError> {
	Leases::<T>::get(lease).ok_or(BenchmarkError::Stop("no such lease"))
}

/// The provider attests `leases` at the current block.
fn attest_now<T: Config>(provider: &T::AccountId, leases: &[LeaseId]) {
	<Pallet<T> as ProviderLifecycle<_, _>>::attested(provider, now::<T>(), &attestations(leases));
}

fn attestations(leases: &[LeaseId]) -> Vec<LeaseAttestation> {
	leases
		.iter()
		.map(|lease| LeaseAttestation {
			lease: *lease,
			status: WorkloadStatus::Running,
			gpu_utilization_pct: 97,
			memory_used_mib: 70_000,
		})
		.collect()
}

/// The `LeaseClosed` event of `lease` when it closes at the current block for `reason`, and what
/// its final settlement pays: the blocks since its last settlement that its attestations cover,
/// as far as its escrow reaches.
fn closing<T: Config>(id: LeaseId, lease: &Lease<T>, reason: CloseReason) -> (Event<T>, Balance) {
	let until = now::<T>().min(lease.end);
	let mut covered_until =
		Pallet::<T>::attested_at(id, lease).saturating_add(T::AttestationTolerance::get());
	if let Some((offline_since, _)) = OfflineSince::<T>::get(&lease.provider) {
		covered_until = covered_until.min(offline_since);
	}
	let covered_until = covered_until.max(lease.settled_until);
	let wanted: u32 = until.min(covered_until).saturating_sub(lease.settled_until).saturated_into();
	let paid_blocks = lease
		.paid_blocks
		.saturated_into::<u32>()
		.saturating_add(wanted.min(Pallet::<T>::blocks_covered(lease)));
	let paid = pricing::cost(
		lease.price_per_gpu_hour,
		lease.gpu_count(),
		paid_blocks,
		T::BlocksPerHour::get(),
	)
	.unwrap_or(Balance::MAX);
	let amount = paid.saturating_sub(lease.paid).min(lease.escrow);
	let event = Event::LeaseClosed {
		lease: id,
		tenant: lease.tenant.clone(),
		provider: lease.provider.clone(),
		reason,
		paid: lease.paid.saturating_add(amount),
		fees: lease.fees.saturating_add(ProtocolFee::<T>::get().mul_floor(amount)),
		refunded: lease.escrow.saturating_sub(amount),
	};
	(event, amount)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_order() -> Result<(), BenchmarkError> {
		let block = start::<T>();
		let tenant = tenant::<T>(0);
		// The tenant's list of orders is one short of full.
		for _ in 1..T::MaxOrdersPerTenant::get() {
			open_order::<T>(&tenant, 1, duration::<T>(), None, false)?;
		}
		let window = T::MaxBidWindow::get();
		let window_end = block.saturating_add(window);
		fill_due_from::<T>(window_end);
		let count = T::MaxGpusPerLease::get();
		let length = T::MaxLeaseDuration::get();
		let region = RegionOf::<T>::truncate_from(vec![b'r'; T::MaxRegionLen::get() as usize]);
		let escrow = pricing::cost_ceil(
			price::<T>(),
			count,
			length.saturated_into(),
			T::BlocksPerHour::get(),
		)
		.ok_or(BenchmarkError::Stop("escrow overflows"))?;
		let order = NextOrderId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(tenant.clone()),
			requirement(count),
			length,
			price::<T>(),
			manifest(),
			Some(region),
			window,
			true,
		);

		assert_eq!(Orders::<T>::get(order).map(|order| order.escrow), Some(escrow));
		assert_eq!(OrdersOfTenant::<T>::get(&tenant).len() as u32, T::MaxOrdersPerTenant::get());
		assert!(Due::<T>::get(spilled::<T>(window_end)).contains(&DueItem::BidWindowEnd(order)));
		assert_last_event::<T>(Event::OrderCreated {
			order,
			tenant,
			gpus: count,
			duration: length,
			max_price_per_gpu_hour: price::<T>(),
			bid_window_end: window_end,
			escrow,
		});
		Ok(())
	}

	#[benchmark]
	fn cancel_order(b: Linear<0, { T::MaxBidsPerOrder::get() }>) -> Result<(), BenchmarkError> {
		start::<T>();
		let tenant = tenant::<T>(0);
		let count = T::MaxGpusPerLease::get();
		let order = open_order::<T>(&tenant, count, duration::<T>(), None, false)?;
		let providers = bidders::<T>(order, b, count)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(tenant.clone()), order);

		assert!(!Orders::<T>::contains_key(order));
		assert_eq!(Bids::<T>::iter_prefix(order).count(), 0);
		for provider in &providers {
			assert!(!Books::<T>::contains_key(&provider.owner), "a bidder's GPUs stay committed");
		}
		assert_eq!(held::<T>(&tenant, HoldReason::Escrow), 0);
		assert_eq!(held::<T>(&tenant, HoldReason::StorageDeposit), 0);
		assert_last_event::<T>(Event::OrderCancelled { order, tenant });
		Ok(())
	}

	#[benchmark]
	fn place_bid(g: Linear<1, { T::MaxGpusPerLease::get() }>) -> Result<(), BenchmarkError> {
		start::<T>();
		let tenant = tenant::<T>(0);
		let provider = Provider::<T>::new(0, T::MaxGpusPerLease::get());
		// An order in the provider's region, so the region is checked too.
		let order = open_order::<T>(&tenant, g, duration::<T>(), provider.region(), false)?;
		let gpus = provider.last_gpus(g);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.agent.clone()), order, price::<T>(), gpus.clone());

		assert_eq!(Bids::<T>::get(order, &provider.owner).map(|bid| bid.gpus), Some(gpus.clone()));
		for gpu in gpus.iter() {
			assert_eq!(CommittedGpus::<T>::get(&provider.owner, gpu), Some(Commitment::Bid(order)));
		}
		assert_last_event::<T>(Event::BidPlaced {
			order,
			provider: provider.owner,
			price_per_gpu_hour: price::<T>(),
		});
		Ok(())
	}

	#[benchmark]
	fn withdraw_bid(g: Linear<1, { T::MaxGpusPerLease::get() }>) -> Result<(), BenchmarkError> {
		start::<T>();
		let tenant = tenant::<T>(0);
		let provider = Provider::<T>::new(0, T::MaxGpusPerLease::get());
		let order = open_order::<T>(&tenant, g, duration::<T>(), None, false)?;
		Pallet::<T>::place_bid(
			signed::<T>(&provider.agent),
			order,
			price::<T>(),
			provider.last_gpus(g),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.agent.clone()), order);

		assert!(!Bids::<T>::contains_key(order, &provider.owner));
		assert!(!Books::<T>::contains_key(&provider.owner));
		assert_eq!(Orders::<T>::get(order).map(|order| order.bids), Some(0));
		assert_last_event::<T>(Event::BidWithdrawn { order, provider: provider.owner });
		Ok(())
	}

	#[benchmark]
	fn accept_bid(b: Linear<1, { T::MaxBidsPerOrder::get() }>) -> Result<(), BenchmarkError> {
		let block = start::<T>();
		let tenant = tenant::<T>(0);
		let count = T::MaxGpusPerLease::get();
		let length = duration::<T>();
		let order = open_order::<T>(&tenant, count, length, None, false)?;
		let providers = bidders::<T>(order, b, count)?;
		let winner = b.saturating_sub(1);
		let winner_account =
			providers.last().map(|provider| provider.owner.clone()).ok_or("no bidder")?;
		let end = block.saturating_add(length);
		let check = first_check::<T>(block, end);
		fill_due_from::<T>(check);
		let lease = NextLeaseId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(tenant.clone()), order, winner_account.clone());

		let record = lease_record::<T>(lease)?;
		let escrow = pricing::cost_ceil(
			bid_price::<T>(winner),
			count,
			length.saturated_into(),
			T::BlocksPerHour::get(),
		)
		.ok_or("escrow overflows")?;
		assert_eq!(record.provider, winner_account);
		assert_eq!(record.escrow, escrow);
		assert_eq!(record.next_check, Some(spilled::<T>(check)));
		assert_eq!(held::<T>(&tenant, HoldReason::Escrow), escrow);
		assert!(!Orders::<T>::contains_key(order));
		assert_eq!(Bids::<T>::iter_prefix(order).count(), 0);
		for loser in providers.iter().take(winner as usize) {
			assert!(!Books::<T>::contains_key(&loser.owner), "a losing bid stays committed");
		}
		assert_last_event::<T>(Event::LeaseStarted {
			lease,
			tenant,
			provider: winner_account,
			origin: LeaseOrigin::Order(order),
			gpus: count,
			price_per_gpu_hour: bid_price::<T>(winner),
			end,
			escrow,
		});
		Ok(())
	}

	#[benchmark]
	fn list_offer(g: Linear<1, { T::MaxGpusPerLease::get() }>) -> Result<(), BenchmarkError> {
		start::<T>();
		let provider = Provider::<T>::new(0, T::MaxGpusPerLease::get());
		let gpus = provider.last_gpus(g);
		let length = T::MaxLeaseDuration::get();
		let offer = NextOfferId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.agent.clone()), gpus.clone(), price::<T>(), length);

		assert_eq!(Offers::<T>::get(offer).map(|offer| offer.available), Some(gpus.clone()));
		for gpu in gpus.iter() {
			assert_eq!(
				CommittedGpus::<T>::get(&provider.owner, gpu),
				Some(Commitment::Offer(offer))
			);
		}
		assert_last_event::<T>(Event::OfferListed {
			offer,
			provider: provider.owner,
			gpus: g,
			price_per_gpu_hour: price::<T>(),
			max_duration: length,
		});
		Ok(())
	}

	#[benchmark]
	fn unlist_offer(g: Linear<1, { T::MaxGpusPerLease::get() }>) -> Result<(), BenchmarkError> {
		start::<T>();
		let provider = Provider::<T>::new(0, T::MaxGpusPerLease::get());
		let offer = list::<T>(&provider, provider.last_gpus(g))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.agent.clone()), offer);

		assert!(!Offers::<T>::contains_key(offer));
		assert!(!Books::<T>::contains_key(&provider.owner));
		assert_last_event::<T>(Event::OfferUnlisted { offer, provider: provider.owner });
		Ok(())
	}

	#[benchmark]
	fn rent(g: Linear<1, { T::MaxGpusPerLease::get() }>) -> Result<(), BenchmarkError> {
		let block = start::<T>();
		let provider = Provider::<T>::new(0, T::MaxGpusPerLease::get());
		let gpus = provider.last_gpus(g);
		let offer = list::<T>(&provider, gpus.clone())?;
		let tenant = tenant::<T>(0);
		let length = T::MaxLeaseDuration::get();
		let end = block.saturating_add(length);
		let check = first_check::<T>(block, end);
		fill_due_from::<T>(check);
		let escrow =
			pricing::cost_ceil(price::<T>(), g, length.saturated_into(), T::BlocksPerHour::get())
				.ok_or("escrow overflows")?;
		let lease = NextLeaseId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(tenant.clone()), offer, g, length, price::<T>(), manifest());

		let record = lease_record::<T>(lease)?;
		assert_eq!(record.gpus, gpus);
		assert_eq!(record.next_check, Some(spilled::<T>(check)));
		let listed = Offers::<T>::get(offer).ok_or("offer gone")?;
		assert_eq!((listed.available.len(), listed.rented), (0, g));
		assert_eq!(held::<T>(&tenant, HoldReason::Escrow), escrow);
		assert_last_event::<T>(Event::LeaseStarted {
			lease,
			tenant,
			provider: provider.owner,
			origin: LeaseOrigin::Offer(offer),
			gpus: g,
			price_per_gpu_hour: price::<T>(),
			end,
			escrow,
		});
		Ok(())
	}

	#[benchmark]
	fn top_up() -> Result<(), BenchmarkError> {
		// A lease extended without paying, topped up a block later: the top-up settles a block
		// and moves the lease's check from the start of grace to its new end or, when that
		// comes later, its silence limit.
		let block = start::<T>();
		let RentedLease { tenant, lease, .. } = full_rented_lease::<T>(short_length::<T>())?;
		let extra = duration::<T>();
		Pallet::<T>::extend(signed::<T>(&tenant), lease, extra)?;
		let next = block.saturating_add(One::one());
		advance_to::<T>(next);
		let end = lease_record::<T>(lease)?.end;
		let check = first_check::<T>(next, end);
		fill_due_from::<T>(check);
		let amount = pricing::cost_ceil(
			price::<T>(),
			T::MaxGpusPerLease::get(),
			extra.saturated_into(),
			T::BlocksPerHour::get(),
		)
		.ok_or("top-up overflows")?;

		#[extrinsic_call]
		_(RawOrigin::Signed(tenant), lease, amount);

		let record = lease_record::<T>(lease)?;
		assert_eq!(record.status, LeaseStatus::Active);
		assert_eq!(record.next_check, Some(spilled::<T>(check)));
		assert_eq!(record.settled_until, next);
		assert!(record.paid > 0, "the top-up settled nothing");
		assert_last_event::<T>(Event::LeaseToppedUp { lease, amount, funded_until: end });
		Ok(())
	}

	#[benchmark]
	fn extend() -> Result<(), BenchmarkError> {
		// Extending without paying moves the lease's check from its end to the start of grace.
		let block = start::<T>();
		let length = short_length::<T>();
		let RentedLease { tenant, lease, .. } = full_rented_lease::<T>(length)?;
		let funded_until = block.saturating_add(length);
		let grace_start = funded_until.saturating_sub(T::GracePeriod::get());
		fill_due_from::<T>(grace_start);

		#[extrinsic_call]
		_(RawOrigin::Signed(tenant), lease, length);

		let record = lease_record::<T>(lease)?;
		let end = funded_until.saturating_add(length);
		assert_eq!(record.end, end);
		assert_eq!(record.status, LeaseStatus::Active);
		assert_eq!(record.next_check, Some(spilled::<T>(grace_start)));
		assert_last_event::<T>(Event::LeaseExtended { lease, end, funded_until });
		Ok(())
	}

	#[benchmark]
	fn close_lease() -> Result<(), BenchmarkError> {
		// The provider's agent closes a full lease from an offer early, a block in: the close
		// pays that block, reports an offence and puts the GPUs back into the offer.
		let block = start::<T>();
		// Every delegator it may have backs it: the offence records all of them.
		let RentedLease { provider, tenant, offer, lease } =
			full_rented_lease::<T>(duration::<T>())?;
		T::BenchmarkHelper::back_fully(&provider.owner);
		advance_to::<T>(block.saturating_add(One::one()));
		let (closed, payment) =
			closing::<T>(lease, &lease_record::<T>(lease)?, CloseReason::ProviderEarly);
		assert!(payment > 0, "nothing is due");

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.agent.clone()), lease);

		assert!(!Leases::<T>::contains_key(lease));
		let listed = Offers::<T>::get(offer).ok_or("offer gone")?;
		assert_eq!(listed.available.len() as u32, T::MaxGpusPerLease::get());
		assert_eq!(listed.rented, 0);
		assert_eq!(held::<T>(&tenant, HoldReason::Escrow), 0);
		assert_last_event::<T>(closed);
		Ok(())
	}

	#[benchmark]
	fn set_protocol_fee() -> Result<(), BenchmarkError> {
		start::<T>();
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let fee = Perbill::from_percent(5);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, fee);

		assert_eq!(ProtocolFee::<T>::get(), fee);
		assert_last_event::<T>(Event::ProtocolFeeSet { fee });
		Ok(())
	}

	#[benchmark]
	fn attest(l: Linear<1, { T::MaxLeasesPerProvider::get() }>) -> Result<(), BenchmarkError> {
		// Each line is on time: it is recorded in the provider's book, and no money moves.
		let block = start::<T>();
		let provider = Provider::<T>::new(0, l);
		let leases = leases_on::<T>(&provider, l)?;
		let at = block.saturating_add(One::one());
		advance_to::<T>(at);
		let lines = attestations(&leases);

		#[block]
		{
			<Pallet<T> as ProviderLifecycle<_, _>>::attested(&provider.owner, at, &lines);
		}

		let book = Books::<T>::get(&provider.owner);
		for lease in leases {
			let running = book.running(lease).ok_or("lease not in the book")?;
			assert_eq!(running.attested_at, at);
			assert!(running.usage.is_some());
			assert_eq!(lease_record::<T>(lease)?.settled_until, block);
		}
		Ok(())
	}

	#[benchmark]
	fn heard_from(l: Linear<0, { T::MaxLeasesPerProvider::get() }>) -> Result<(), BenchmarkError> {
		// The everyday case: the registry hears from a provider that attests all of its `l`
		// leases; its book is read and looked through, and nothing moves.
		let block = start::<T>();
		let provider = Provider::<T>::new(0, l.max(1));
		let leases = leases_on::<T>(&provider, l)?;
		let at = block.saturating_add(silence::<T>());
		advance_to::<T>(at);
		if !leases.is_empty() {
			attest_now::<T>(&provider.owner, &leases);
		}
		let checks = leases
			.iter()
			.map(|lease| lease_record::<T>(*lease).map(|record| record.next_check))
			.collect::<Result<Vec<_>, _>>()?;

		#[block]
		{
			<Pallet<T> as ProviderLifecycle<_, _>>::heard_from(&provider.owner, at);
		}

		for (lease, check) in leases.into_iter().zip(checks) {
			assert_eq!(lease_record::<T>(lease)?.next_check, check);
		}
		Ok(())
	}

	#[benchmark]
	fn find_walk_outs(
		l: Linear<0, { T::MaxLeasesPerProvider::get() }>,
	) -> Result<(), BenchmarkError> {
		// The registry hears from a provider that has attested none of its leases since they
		// started: `l` of them are past the silence limit, and each one's check moves to the
		// next block, past full queues.
		let block = start::<T>();
		let provider = Provider::<T>::new(0, l.max(1));
		let leases = leases_on::<T>(&provider, l)?;
		let at = block.saturating_add(silence::<T>());
		advance_to::<T>(at);
		let next = at.saturating_add(One::one());
		for lease in &leases {
			assert!(lease_record::<T>(*lease)?.next_check > Some(next), "checked already");
		}
		fill_due_from::<T>(next);

		#[block]
		{
			<Pallet<T> as ProviderLifecycle<_, _>>::heard_from(&provider.owner, at);
		}

		for lease in leases {
			assert_eq!(lease_record::<T>(lease)?.next_check, Some(spilled::<T>(next)));
		}
		Ok(())
	}

	#[benchmark]
	fn attest_late(l: Linear<1, { T::MaxLeasesPerProvider::get() }>) -> Result<(), BenchmarkError> {
		// Each line comes after its last attestation's cover ran out: the lease is settled
		// first, paying the covered time and leaving the gap unpaid.
		let block = start::<T>();
		let provider = Provider::<T>::new(0, l);
		let leases = leases_on::<T>(&provider, l)?;
		let tolerance = T::AttestationTolerance::get();
		let at = block.saturating_add(tolerance).saturating_add(One::one());
		advance_to::<T>(at);
		let lines = attestations(&leases);

		#[block]
		{
			<Pallet<T> as ProviderLifecycle<_, _>>::attested(&provider.owner, at, &lines);
		}

		let book = Books::<T>::get(&provider.owner);
		for lease in leases {
			assert_eq!(book.running(lease).map(|running| running.attested_at), Some(at));
			let record = lease_record::<T>(lease)?;
			assert_eq!(record.settled_until, at);
			assert_eq!(record.paid_blocks, tolerance);
			assert_eq!(record.downtime_blocks, One::one());
		}
		Ok(())
	}

	#[benchmark]
	fn went_offline() -> Result<(), BenchmarkError> {
		let block = start::<T>();
		let count = T::MaxLeasesPerProvider::get();
		let provider = Provider::<T>::new(0, count);
		leases_on::<T>(&provider, count)?;
		// Every delegator it may have backs it: the downtime records all of them.
		T::BenchmarkHelper::back_fully(&provider.owner);
		let limit = block.saturating_add(T::OfflineLimit::get());
		fill_offline_due_from::<T>(limit);

		#[block]
		{
			<Pallet<T> as ProviderLifecycle<_, _>>::went_offline(&provider.owner, block);
		}

		let close_at = spilled::<T>(limit);
		assert_eq!(OfflineSince::<T>::get(&provider.owner), Some((block, Some(close_at))));
		assert!(OfflineDue::<T>::get(close_at).contains(&provider.owner));
		Ok(())
	}

	#[benchmark]
	fn on_initialize_idle() -> Result<(), BenchmarkError> {
		let block = start::<T>().saturating_add(One::one());
		set_block::<T>(block);
		assert!(Due::<T>::get(block).is_empty() && OfflineDue::<T>::get(block).is_empty());
		let events = frame_system::Pallet::<T>::events().len();

		#[block]
		{
			Pallet::<T>::process_due_within(block, Weight::MAX);
		}

		assert_eq!(frame_system::Pallet::<T>::events().len(), events);
		Ok(())
	}

	#[benchmark]
	fn bid_window_award(b: Linear<1, { T::MaxBidsPerOrder::get() }>) -> Result<(), BenchmarkError> {
		// The window ends with `b` bids; the cheapest wins and the rest are dropped.
		start::<T>();
		let tenant = tenant::<T>(0);
		let count = T::MaxGpusPerLease::get();
		let length = duration::<T>();
		let order = open_order::<T>(&tenant, count, length, None, true)?;
		let providers = bidders::<T>(order, b, count)?;
		let winner = providers.last().map(|provider| provider.owner.clone()).ok_or("no bidder")?;
		let window_end = Orders::<T>::get(order).ok_or("no order")?.bid_window_end;
		let check = first_check::<T>(window_end, window_end.saturating_add(length));
		fill_due_from::<T>(check);
		advance_to::<T>(window_end);
		let lease = NextLeaseId::<T>::get();

		#[block]
		{
			Pallet::<T>::process_due_within(window_end, Weight::MAX);
		}

		let record = lease_record::<T>(lease)?;
		assert_eq!(record.provider, winner);
		assert_eq!(record.origin, LeaseOrigin::Order(order));
		assert_eq!(record.price_per_gpu_hour, bid_price::<T>(b.saturating_sub(1)));
		assert_eq!(record.next_check, Some(spilled::<T>(check)));
		assert!(!Orders::<T>::contains_key(order));
		assert_eq!(Bids::<T>::iter_prefix(order).count(), 0);
		for loser in providers.iter().take(b.saturating_sub(1) as usize) {
			assert!(!Books::<T>::contains_key(&loser.owner), "a losing bid stays committed");
		}
		Ok(())
	}

	#[benchmark]
	fn bid_window_expire(
		b: Linear<0, { T::MaxBidsPerOrder::get() }>,
	) -> Result<(), BenchmarkError> {
		// The window of an order without auto-award ends with `b` bids: all of them are dropped.
		start::<T>();
		let tenant = tenant::<T>(0);
		let count = T::MaxGpusPerLease::get();
		let order = open_order::<T>(&tenant, count, duration::<T>(), None, false)?;
		let providers = bidders::<T>(order, b, count)?;
		let window_end = Orders::<T>::get(order).ok_or("no order")?.bid_window_end;
		advance_to::<T>(window_end);

		#[block]
		{
			Pallet::<T>::process_due_within(window_end, Weight::MAX);
		}

		assert!(!Orders::<T>::contains_key(order));
		assert_eq!(Bids::<T>::iter_prefix(order).count(), 0);
		for provider in &providers {
			assert!(!Books::<T>::contains_key(&provider.owner), "a bid stays committed");
		}
		assert_eq!(held::<T>(&tenant, HoldReason::Escrow), 0);
		assert_eq!(held::<T>(&tenant, HoldReason::StorageDeposit), 0);
		assert_last_event::<T>(Event::OrderExpired { order, tenant });
		Ok(())
	}

	#[benchmark]
	fn lease_check_close() -> Result<(), BenchmarkError> {
		// A full lease from an offer, attested the block before, expires: its last block is
		// paid and its GPUs go back into the offer. It ends before its first settlement, so its
		// check is due at its end.
		let block = start::<T>();
		let length = unwatched_length::<T>();
		let RentedLease { provider, offer, lease, .. } = full_rented_lease::<T>(length)?;
		let end = block.saturating_add(length);
		advance_to::<T>(end.saturating_sub(One::one()));
		attest_now::<T>(&provider.owner, &[lease]);
		advance_to::<T>(end);
		let (closed, payment) =
			closing::<T>(lease, &lease_record::<T>(lease)?, CloseReason::Expired);
		assert!(payment > 0, "nothing is due");
		assert_eq!(Due::<T>::get(end).into_inner(), vec![DueItem::LeaseCheck(lease)]);

		#[block]
		{
			Pallet::<T>::process_due_within(end, Weight::MAX);
		}

		assert!(!Leases::<T>::contains_key(lease));
		let listed = Offers::<T>::get(offer).ok_or("offer gone")?;
		assert_eq!(listed.available.len() as u32, T::MaxGpusPerLease::get());
		assert_last_event::<T>(closed);
		Ok(())
	}

	#[benchmark]
	fn lease_check_grace() -> Result<(), BenchmarkError> {
		// A full lease extended without paying reaches the start of grace: the check settles
		// the block since its last attestation, puts it in grace and schedules the next check
		// for when its escrow runs out. The lease is short enough for one attestation to cover
		// it up to there, so no downtime stretches its escrow.
		let block = start::<T>();
		let length = short_length::<T>();
		let RentedLease { provider, tenant, lease, .. } = full_rented_lease::<T>(length)?;
		Pallet::<T>::extend(signed::<T>(&tenant), lease, duration::<T>())?;
		let funded_until = block.saturating_add(length);
		let grace_start = funded_until.saturating_sub(T::GracePeriod::get());
		advance_to::<T>(grace_start.saturating_sub(One::one()));
		attest_now::<T>(&provider.owner, &[lease]);
		advance_to::<T>(grace_start);
		let check = first_check::<T>(grace_start, funded_until);
		fill_due_from::<T>(check);
		let paid_before = lease_record::<T>(lease)?.paid;

		#[block]
		{
			Pallet::<T>::process_due_within(grace_start, Weight::MAX);
		}

		let record = lease_record::<T>(lease)?;
		assert_eq!(record.status, LeaseStatus::Grace);
		assert_eq!(record.settled_until, grace_start);
		assert!(record.paid > paid_before, "the check settled nothing");
		assert_eq!(record.next_check, Some(spilled::<T>(check)));
		assert_has_event::<T>(Event::EscrowLow { lease, tenant, funded_until });
		Ok(())
	}

	#[benchmark]
	fn offline_limit(
		l: Linear<0, { T::MaxLeasesPerProvider::get() }>,
	) -> Result<(), BenchmarkError> {
		// A provider Offline since it went Offline with `l` leases reaches the limit: they all
		// close, each paid up to where its attestations reach.
		let block = start::<T>();
		let provider = Provider::<T>::new(0, l.max(1));
		let mut leases = leases_on::<T>(&provider, l.max(1))?;
		// It served a while before going Offline, so every lease has payment due.
		let offline_at = block.saturating_add(10u32.into());
		advance_to::<T>(offline_at);
		<Pallet<T> as ProviderLifecycle<_, _>>::went_offline(&provider.owner, offline_at);
		T::BenchmarkHelper::set_offline(&provider.owner);
		if l == 0 {
			// Its only lease is closed by the tenant: the limit finds no record to act on.
			Pallet::<T>::close_lease(signed::<T>(&tenant_of_lease::<T>(0)), leases[0])?;
			leases.clear();
		}
		let limit = offline_at.saturating_add(T::OfflineLimit::get());
		advance_to::<T>(limit);
		let closed = leases
			.iter()
			.map(|lease| {
				lease_record::<T>(*lease)
					.map(|record| closing::<T>(*lease, &record, CloseReason::ProviderOffline).0)
			})
			.collect::<Result<Vec<_>, _>>()?;

		#[block]
		{
			Pallet::<T>::process_due_within(limit, Weight::MAX);
		}

		assert!(OfflineSince::<T>::get(&provider.owner).is_none());
		assert!(!Books::<T>::contains_key(&provider.owner));
		for event in closed {
			assert_has_event::<T>(event);
		}
		Ok(())
	}

	#[benchmark]
	fn expire_leases(
		n: Linear<1, { T::MaxDuePerBlock::get().min(50) }>,
		s: Linear<0, 200>,
	) -> Result<(), BenchmarkError> {
		// `n` one-GPU leases from offers end in this block, attested the block before; `s`
		// more end later. The hook closes the `n` and never looks at the `s`. It runs without
		// its budget, which would leave some of a large bucket to the next blocks: what is
		// measured is what each lease it closes costs.
		//
		// Each lease is short enough to end before its first settlement, so its one check is due
		// at its end. They start in batches a queue can hold, the `n` first, then the `s`, a
		// block apart, so that this block's queue holds only the ends of the `n`.
		let block = start::<T>();
		let per_provider = T::MaxLeasesPerProvider::get().min(T::MaxGpusPerLease::get()).max(1);
		let per_block = T::MaxDuePerBlock::get().max(1);
		let length = unwatched_length::<T>();
		let end = block.saturating_add(length);
		let stride: BlockNumberFor<T> = One::one();
		let mut offers: Vec<(Provider<T>, OfferId)> = Vec::new();
		let mut due: Vec<LeaseId> = Vec::new();
		let mut later: Vec<LeaseId> = Vec::new();
		for index in 0..n.saturating_add(s) {
			let batch = if index < n { 0 } else { (index - n) / per_block + 1 };
			let starts = block.saturating_add(stride.saturating_mul(batch.into()));
			if starts >= end.saturating_sub(One::one()) {
				return Err(BenchmarkError::Stop("leases too short to start in batches"));
			}
			if starts > now::<T>() {
				advance_to::<T>(starts);
			}
			let slot = index % per_provider;
			if slot == 0 {
				let provider = Provider::<T>::new(index / per_provider, per_provider);
				let offer = list::<T>(&provider, provider.last_gpus(per_provider))?;
				offers.push((provider, offer));
			}
			let offer = offers.last().map(|(_, offer)| *offer).ok_or("no offer")?;
			let lease = rent_from::<T>(&tenant_of_lease::<T>(index), offer, 1, length)?;
			if index < n {
				due.push(lease);
			} else {
				later.push(lease);
			}
		}
		advance_to::<T>(end.saturating_sub(One::one()));
		for (provider, _) in &offers {
			let own: Vec<LeaseId> = due
				.iter()
				.copied()
				.filter(|lease| {
					Leases::<T>::get(lease).is_some_and(|record| record.provider == provider.owner)
				})
				.collect();
			if !own.is_empty() {
				attest_now::<T>(&provider.owner, &own);
			}
		}
		advance_to::<T>(end);
		let closed = due
			.iter()
			.map(|lease| {
				lease_record::<T>(*lease)
					.map(|record| closing::<T>(*lease, &record, CloseReason::Expired))
			})
			.collect::<Result<Vec<_>, _>>()?;
		assert!(closed.iter().all(|(_, payment)| *payment > 0), "nothing is due");
		assert_eq!(Due::<T>::get(end).len(), due.len(), "more than the `n` is due");

		#[block]
		{
			Pallet::<T>::process_due_within(end, Weight::MAX);
		}

		for lease in due {
			assert!(!Leases::<T>::contains_key(lease));
		}
		for lease in later {
			assert!(Leases::<T>::contains_key(lease));
		}
		for (event, _) in closed {
			assert_has_event::<T>(event);
		}
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
