//! Unit tests of the lease market: every call's success path and every error, the block hook,
//! settlement, and what the provider registry tells the market.
//!
//! Prices are mostly [`PRICE`] per GPU-hour, so that one GPU for one block costs exactly
//! [`PER_GPU_BLOCK`]; the tests that care about rounding use other prices.

use crate::{
	mock::*,
	pricing,
	runtime_api::{BidView, FreeGpus, GpuFilter, OfferView, OrderFilter, OrderView},
	Bid, Bids, Books, Commitment, CommittedGpus, Due, DueBucketOf, DueItem, Error, Event,
	GpuRequirement, HoldReason, Lease, LeaseGpusOf, LeaseOrigin, LeaseStatus, LeasesOfTenant,
	NextLeaseId, NextOfferId, NextOrderId, Offer, Offers, OfflineDue, OfflineSince, Order, Orders,
	OrdersOfTenant, PricePoint, PriceQuote, ProtocolFee, ProviderBook, RecentPrices, RegionOf,
	RunningLease, UsageReport, DUE_SPILL_BLOCKS,
};
use ember_primitives::{
	CloseReason, ComputeCapability, GpuModelName, HarmedLease, LeaseAttestation, LeaseId,
	LeaseOffence, OfferId, OrderId, ProviderCommitments, ProviderLifecycle, ProviderStatus,
	WorkloadStatus,
};
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::DispatchResult,
	traits::fungible::{Inspect, InspectHold, Mutate},
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

/// A price per GPU-hour at which one GPU costs [`PER_GPU_BLOCK`] a block.
const PRICE: Balance = 600_000;
/// What one GPU costs for one block at [`PRICE`].
const PER_GPU_BLOCK: Balance = PRICE / BLOCKS_PER_HOUR as Balance;
const RTX_4090: &str = "NVIDIA GeForce RTX 4090";
const H100: &str = "NVIDIA H100 80GB HBM3";
/// Memory of the mock's RTX 4090s, in MiB.
const RTX_4090_VRAM: u32 = 24_576;
/// Memory of the mock's H100s, in MiB.
const H100_VRAM: u32 = 81_559;
/// Extra providers some tests register: owner and agent.
const PROVIDER_D: AccountId = 40;
const AGENT_D: AccountId = 41;
const PROVIDER_E: AccountId = 50;
const AGENT_E: AccountId = 51;
const PROVIDER_F: AccountId = 60;
const AGENT_F: AccountId = 61;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn manifest() -> H256 {
	H256::repeat_byte(0xaa)
}

fn model(name: &str) -> GpuModelName {
	GpuModelName::truncate_from(name.as_bytes().to_vec())
}

fn region(label: &[u8]) -> RegionOf<Test> {
	RegionOf::<Test>::truncate_from(label.to_vec())
}

/// `count` GPUs of any model.
fn any_gpus(count: u32) -> GpuRequirement {
	GpuRequirement {
		model: None,
		min_vram_mib: 0,
		min_compute_capability: ComputeCapability::default(),
		count,
	}
}

/// `count` GPUs of model `name`.
fn of_model(name: &str, count: u32) -> GpuRequirement {
	GpuRequirement { model: Some(model(name)), ..any_gpus(count) }
}

/// GPU UUID hashes from the id bytes the mock builds them from.
fn hashes(ids: &[u8]) -> LeaseGpusOf<Test> {
	LeaseGpusOf::<Test>::truncate_from(ids.iter().map(|id| H256::repeat_byte(*id)).collect())
}

/// Give `who` the standard balance.
fn fund(who: AccountId) {
	assert_eq!(
		<Balances as Mutate<AccountId>>::set_balance(&who, INITIAL_BALANCE),
		INITIAL_BALANCE
	);
}

/// Call `create_order` without a region or auto-award.
fn create(
	tenant: AccountId,
	requirement: GpuRequirement,
	duration: BlockNumber,
	max_price: Balance,
	window: BlockNumber,
) -> DispatchResult {
	Leases::create_order(
		signed(tenant),
		requirement,
		duration,
		max_price,
		manifest(),
		None,
		window,
		false,
	)
}

/// Create an order with every parameter given; returns its id.
fn order_with(
	tenant: AccountId,
	requirement: GpuRequirement,
	duration: BlockNumber,
	max_price: Balance,
	in_region: Option<&[u8]>,
	window: BlockNumber,
	auto_award: bool,
) -> OrderId {
	let id = NextOrderId::<Test>::get();
	assert_ok!(Leases::create_order(
		signed(tenant),
		requirement,
		duration,
		max_price,
		manifest(),
		in_region.map(region),
		window,
		auto_award,
	));
	id
}

/// TENANT orders `count` GPUs of any model; returns the order.
fn order(
	count: u32,
	duration: BlockNumber,
	max_price: Balance,
	window: BlockNumber,
	auto_award: bool,
) -> OrderId {
	order_with(TENANT, any_gpus(count), duration, max_price, None, window, auto_award)
}

fn place(agent: AccountId, order: OrderId, price: Balance, gpus: &[u8]) -> DispatchResult {
	Leases::place_bid(signed(agent), order, price, hashes(gpus))
}

fn bid(agent: AccountId, order: OrderId, price: Balance, gpus: &[u8]) {
	assert_ok!(place(agent, order, price, gpus));
}

/// Accept `provider`'s bid; returns the new lease.
fn accept(tenant: AccountId, order: OrderId, provider: AccountId) -> LeaseId {
	let id = NextLeaseId::<Test>::get();
	assert_ok!(Leases::accept_bid(signed(tenant), order, provider));
	id
}

/// A lease of `tenant` on `gpus` of `provider` at `price` for `duration` blocks, starting now
/// through an order accepted at once.
fn lease_at(
	tenant: AccountId,
	agent: AccountId,
	provider: AccountId,
	gpus: &[u8],
	price: Balance,
	duration: BlockNumber,
) -> LeaseId {
	let count = u32::try_from(gpus.len()).expect("few GPUs");
	let order = order_with(tenant, any_gpus(count), duration, price, None, MIN_BID_WINDOW, false);
	bid(agent, order, price, gpus);
	accept(tenant, order, provider)
}

/// A lease of `tenant` on `gpus` of `provider` at [`PRICE`].
fn lease_with(
	tenant: AccountId,
	agent: AccountId,
	provider: AccountId,
	gpus: &[u8],
	duration: BlockNumber,
) -> LeaseId {
	lease_at(tenant, agent, provider, gpus, PRICE, duration)
}

/// A lease of TENANT on `gpus` of A at [`PRICE`].
fn lease_on_a(gpus: &[u8], duration: BlockNumber) -> LeaseId {
	lease_with(TENANT, AGENT_A, PROVIDER_A, gpus, duration)
}

/// List `gpus` of the agent's provider; returns the offer.
fn list(agent: AccountId, gpus: &[u8], price: Balance, max_duration: BlockNumber) -> OfferId {
	let id = NextOfferId::<Test>::get();
	assert_ok!(Leases::list_offer(signed(agent), hashes(gpus), price, max_duration));
	id
}

fn try_rent(
	tenant: AccountId,
	offer: OfferId,
	gpus: u32,
	duration: BlockNumber,
	max_price: Balance,
) -> DispatchResult {
	Leases::rent(signed(tenant), offer, gpus, duration, max_price, manifest())
}

/// Rent `gpus` GPUs of an offer priced at most [`PRICE`]; returns the lease.
fn rent(tenant: AccountId, offer: OfferId, gpus: u32, duration: BlockNumber) -> LeaseId {
	let id = NextLeaseId::<Test>::get();
	assert_ok!(try_rent(tenant, offer, gpus, duration, PRICE));
	id
}

/// TENANT rents `gpus` of A from a new offer of just those GPUs at [`PRICE`], listed for leases
/// as long as any may be: a lease A agreed to extend while that offer stays listed.
fn rented_on_a(gpus: &[u8], duration: BlockNumber) -> LeaseId {
	let offer = list(AGENT_A, gpus, PRICE, MAX_LEASE_DURATION);
	rent(TENANT, offer, u32::try_from(gpus.len()).expect("few GPUs"), duration)
}

/// The offer a running lease was rented from.
fn offer_of(lease_id: LeaseId) -> OfferId {
	match lease(lease_id).origin {
		LeaseOrigin::Offer(offer) => offer,
		LeaseOrigin::Order(order) => panic!("lease {lease_id} was won on order {order}"),
		LeaseOrigin::Genesis => panic!("lease {lease_id} runs from genesis"),
	}
}

/// The provider's agent attests `lease` at `now`, as the registry passes it on from a heartbeat.
fn attest(provider: AccountId, lease: LeaseId, now: BlockNumber) {
	attest_lines(provider, now, &[line(lease)]);
}

fn attest_lines(provider: AccountId, now: BlockNumber, lines: &[LeaseAttestation]) {
	let _weight =
		<Leases as ProviderLifecycle<AccountId, BlockNumber>>::attested(&provider, now, lines);
}

fn line(lease: LeaseId) -> LeaseAttestation {
	LeaseAttestation {
		lease,
		status: WorkloadStatus::Running,
		gpu_utilization_pct: 90,
		memory_used_mib: 20_000,
	}
}

fn went_offline(provider: AccountId, at: BlockNumber) {
	MockRegistry::set_status(provider, ProviderStatus::Offline);
	let _weight =
		<Leases as ProviderLifecycle<AccountId, BlockNumber>>::went_offline(&provider, at);
}

/// The registry's liveness check heard from `provider` at the current block, as it does once
/// per `MaxMissedHeartbeats + 1` heartbeat periods.
fn heard_from(provider: AccountId) {
	let _weight = <Leases as ProviderLifecycle<AccountId, BlockNumber>>::heard_from(
		&provider,
		System::block_number(),
	);
}

fn back_online(provider: AccountId, now: BlockNumber) {
	MockRegistry::set_status(provider, ProviderStatus::Active);
	let _weight =
		<Leases as ProviderLifecycle<AccountId, BlockNumber>>::back_online(&provider, now);
}

fn close(who: AccountId, lease: LeaseId) {
	assert_ok!(Leases::close_lease(signed(who), lease));
}

/// What the provider's book says it last attested of `id`.
fn running(id: LeaseId) -> RunningLease<BlockNumber> {
	let provider = lease(id).provider;
	*book(provider).running(id).expect("lease is in its provider's book")
}

/// Settle `id` now, as a top-up, a close or its check would.
fn settle_now(id: LeaseId) {
	let mut record = lease(id);
	let attested_at = running(id).attested_at;
	Leases::settle(id, &mut record, attested_at, System::block_number());
	crate::Leases::<Test>::insert(id, record);
}

fn lease(id: LeaseId) -> Lease<Test> {
	crate::Leases::<Test>::get(id).expect("lease is running")
}

fn is_running(id: LeaseId) -> bool {
	crate::Leases::<Test>::contains_key(id)
}

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

fn escrow_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Escrow.into(), &who)
}

fn deposit_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::StorageDeposit.into(), &who)
}

fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

fn book(provider: AccountId) -> ProviderBook<Test> {
	Books::<Test>::get(provider)
}

fn book_of(bids: u32, offers: u32, leases: &[LeaseId], committed_gpus: u32) -> ProviderBook<Test> {
	ProviderBook {
		bids,
		offers,
		leases: BoundedVec::truncate_from(
			leases
				.iter()
				.map(|id| RunningLease::started(*id, lease(*id).start))
				.collect::<Vec<_>>(),
		),
		committed_gpus,
	}
}

/// A provider's committed GPUs, by the id byte of their hash.
fn commitments(provider: AccountId) -> Vec<(u8, Commitment)> {
	let mut list: Vec<_> = CommittedGpus::<Test>::iter_prefix(provider)
		.map(|(hash, commitment)| (hash.0[0], commitment))
		.collect();
	list.sort_by_key(|(id, _)| *id);
	list
}

/// This pallet's events so far.
fn market_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Leases(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The leases closed so far and why.
fn closed() -> Vec<(LeaseId, CloseReason)> {
	market_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::LeaseClosed { lease, reason, .. } => Some((lease, reason)),
			_ => None,
		})
		.collect()
}

fn escrow_low_events() -> usize {
	market_events()
		.iter()
		.filter(|event| matches!(event, Event::EscrowLow { .. }))
		.count()
}

fn settled_events() -> usize {
	market_events()
		.iter()
		.filter(|event| matches!(event, Event::LeaseSettled { .. }))
		.count()
}

/// A full deadline queue of windows of orders that no longer exist (cancelled orders leave
/// such entries behind).
fn stale_bucket(seed: u64) -> DueBucketOf<Test> {
	DueBucketOf::<Test>::truncate_from(
		(0..8).map(|index| DueItem::BidWindowEnd(1_000 + seed * 8 + index)).collect(),
	)
}

/// An order of TENANT for one GPU whose window ends at block 11 but whose deadline spilled to
/// block 12, because the queue of block 11 was full; made at block 1.
fn spilled_order(auto_award: bool) -> OrderId {
	Due::<Test>::insert(11, stale_bucket(0));
	let order = order(1, 100, PRICE, 10, auto_award);
	assert_eq!(Orders::<Test>::get(order).expect("order is open").bid_window_end, 11);
	assert_eq!(Due::<Test>::get(12).into_inner(), vec![DueItem::BidWindowEnd(order)]);
	order
}

/// Register the extra providers D, E and F, each with four RTX 4090s.
fn register_extra_providers() {
	MockRegistry::register(PROVIDER_D, AGENT_D, rtx4090s(0x41));
	MockRegistry::register(PROVIDER_E, AGENT_E, rtx4090s(0x51));
	MockRegistry::register(PROVIDER_F, AGENT_F, rtx4090s(0x61));
}

mod accept;
mod award;
mod bids;
mod cancel;
mod closing;
mod commitments;
mod conservation;
mod escrow;
mod genesis;
mod grace;
mod hook_budget;
mod migration;
mod offers;
mod orders;
mod parameters;
mod proofs;
mod provider_faults;
mod queries;
mod settlement;
mod silence;
