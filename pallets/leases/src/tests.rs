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
	UsageReport, DUE_SPILL_BLOCKS,
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

fn back_online(provider: AccountId, now: BlockNumber) {
	MockRegistry::set_status(provider, ProviderStatus::Active);
	let _weight =
		<Leases as ProviderLifecycle<AccountId, BlockNumber>>::back_online(&provider, now);
}

fn close(who: AccountId, lease: LeaseId) {
	assert_ok!(Leases::close_lease(signed(who), lease));
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
		leases: BoundedVec::truncate_from(leases.to_vec()),
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

/// `create_order`.
mod orders {
	use super::*;

	#[test]
	fn holds_the_worst_case_cost_and_a_deposit() {
		new_test_ext().execute_with(|| {
			let issuance_before = issuance();
			assert_ok!(Leases::create_order(
				signed(TENANT),
				of_model(RTX_4090, 2),
				100,
				PRICE,
				manifest(),
				Some(region(b"eu-west")),
				10,
				true,
			));

			// Two GPUs for 100 blocks at the maximum price.
			let escrow = 2 * 100 * PER_GPU_BLOCK;
			assert_eq!(escrow_held(TENANT), escrow);
			assert_eq!(deposit_held(TENANT), STORAGE_DEPOSIT);
			assert_eq!(free(TENANT), INITIAL_BALANCE - escrow - STORAGE_DEPOSIT);
			assert_eq!(issuance(), issuance_before);
			assert_eq!(
				Orders::<Test>::get(0),
				Some(Order {
					tenant: TENANT,
					requirement: of_model(RTX_4090, 2),
					duration: 100,
					max_price_per_gpu_hour: PRICE,
					manifest_hash: manifest(),
					region: Some(region(b"eu-west")),
					auto_award: true,
					created_at: 1,
					bid_window_end: 11,
					window_check: 11,
					escrow,
					deposit: STORAGE_DEPOSIT,
					bids: 0,
				})
			);
			assert_eq!(OrdersOfTenant::<Test>::get(TENANT).into_inner(), vec![0]);
			assert_eq!(NextOrderId::<Test>::get(), 1);
			assert_eq!(Due::<Test>::get(11).into_inner(), vec![DueItem::BidWindowEnd(0)]);
			System::assert_last_event(
				Event::OrderCreated {
					order: 0,
					tenant: TENANT,
					gpus: 2,
					duration: 100,
					max_price_per_gpu_hour: PRICE,
					bid_window_end: 11,
					escrow,
				}
				.into(),
			);
			check_invariants();
		});
	}

	#[test]
	fn rounds_the_escrow_up() {
		new_test_ext().execute_with(|| {
			// 1_000 per GPU-hour for one block is 1.67: 2 are held.
			order(1, 1, 1_000, MIN_BID_WINDOW, false);
			assert_eq!(escrow_held(TENANT), 2);
			// Three GPUs for 7 blocks are 35: held exactly.
			order(3, 7, 1_000, MIN_BID_WINDOW, false);
			assert_eq!(escrow_held(TENANT), 2 + 35);
			assert_eq!(Orders::<Test>::get(1).expect("order is open").escrow, 35);
			check_invariants();
		});
	}

	#[test]
	fn accepts_the_limits() {
		new_test_ext().execute_with(|| {
			assert_ok!(create(TENANT, any_gpus(8), 100, PRICE, MIN_BID_WINDOW));
			assert_ok!(create(TENANT, any_gpus(1), MAX_LEASE_DURATION, PRICE, MAX_BID_WINDOW));
			assert_eq!(
				Orders::<Test>::get(1).expect("order is open").bid_window_end,
				1 + MAX_BID_WINDOW
			);
			check_invariants();
		});
	}

	#[test]
	fn rejects_zero_or_too_many_gpus() {
		new_test_ext().execute_with(|| {
			assert_noop!(create(TENANT, any_gpus(0), 100, PRICE, 10), Error::<Test>::ZeroGpus);
			assert_noop!(create(TENANT, any_gpus(9), 100, PRICE, 10), Error::<Test>::TooManyGpus);
		});
	}

	#[test]
	fn rejects_a_zero_or_too_long_duration() {
		new_test_ext().execute_with(|| {
			assert_noop!(create(TENANT, any_gpus(1), 0, PRICE, 10), Error::<Test>::ZeroDuration);
			assert_noop!(
				create(TENANT, any_gpus(1), MAX_LEASE_DURATION + 1, PRICE, 10),
				Error::<Test>::DurationTooLong
			);
		});
	}

	#[test]
	fn rejects_a_zero_price() {
		new_test_ext().execute_with(|| {
			assert_noop!(create(TENANT, any_gpus(1), 100, 0, 10), Error::<Test>::ZeroPrice);
		});
	}

	#[test]
	fn rejects_a_cost_that_overflows() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				create(TENANT, any_gpus(2), 1, Balance::MAX / 2 + 1, 10),
				Error::<Test>::PriceOverflow
			);
		});
	}

	#[test]
	fn rejects_a_bid_window_out_of_bounds() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				create(TENANT, any_gpus(1), 100, PRICE, MIN_BID_WINDOW - 1),
				Error::<Test>::BadBidWindow
			);
			assert_noop!(
				create(TENANT, any_gpus(1), 100, PRICE, MAX_BID_WINDOW + 1),
				Error::<Test>::BadBidWindow
			);
		});
	}

	#[test]
	fn limits_the_open_orders_of_a_tenant() {
		new_test_ext().execute_with(|| {
			for _ in 0..4 {
				order(1, 100, PRICE, 10, false);
			}
			assert_noop!(create(TENANT, any_gpus(1), 100, PRICE, 10), Error::<Test>::TooManyOrders);
			// Another tenant is not affected, and a cancelled order frees a slot.
			assert_ok!(create(TENANT_2, any_gpus(1), 100, PRICE, 10));
			assert_ok!(Leases::cancel_order(signed(TENANT), 0));
			assert_ok!(create(TENANT, any_gpus(1), 100, PRICE, 10));
			check_invariants();
		});
	}

	#[test]
	fn rejects_what_the_free_balance_does_not_cover() {
		new_test_ext().execute_with(|| {
			// The escrow alone is the whole balance.
			assert_noop!(
				create(POOR, any_gpus(1), 1, POOR_BALANCE * BLOCKS_PER_HOUR as Balance, 10),
				Error::<Test>::InsufficientBalance
			);
			// The escrow (995 at one planck a block) fits, the deposit then does not: nothing
			// stays held.
			assert_noop!(
				create(POOR, any_gpus(1), 995, BLOCKS_PER_HOUR.into(), 10),
				Error::<Test>::InsufficientBalance
			);
			// 980 + the deposit fits.
			assert_ok!(create(POOR, any_gpus(1), 980, BLOCKS_PER_HOUR.into(), 10));
			assert_eq!(escrow_held(POOR), 980);
			assert_eq!(deposit_held(POOR), STORAGE_DEPOSIT);
			assert_eq!(free(POOR), POOR_BALANCE - 980 - STORAGE_DEPOSIT);
			check_invariants();
		});
	}

	#[test]
	fn a_full_queue_spills_the_window_end_to_a_later_block() {
		new_test_ext().execute_with(|| {
			let last = 11 + BlockNumber::from(DUE_SPILL_BLOCKS);
			for block in 11..last {
				Due::<Test>::insert(block, stale_bucket(block));
			}
			let order = order(1, 100, PRICE, 10, false);
			assert_eq!(Due::<Test>::get(last).into_inner(), vec![DueItem::BidWindowEnd(order)]);
			check_invariants();

			// The hook skips the stale entries and expires the order at the block it landed in.
			run_to_block(last - 1);
			assert!(Orders::<Test>::contains_key(order));
			run_to_block(last);
			assert!(!Orders::<Test>::contains_key(order));
			System::assert_has_event(Event::OrderExpired { order, tenant: TENANT }.into());
			assert_eq!(free(TENANT), INITIAL_BALANCE);
		});
	}

	#[test]
	fn fails_when_every_queue_near_the_window_end_is_full() {
		new_test_ext().execute_with(|| {
			// A 10-block window made at block 1 ends at 11; it may spill up to 16 blocks later.
			for block in 11..=11 + BlockNumber::from(DUE_SPILL_BLOCKS) {
				Due::<Test>::insert(block, stale_bucket(block));
			}
			assert_noop!(create(TENANT, any_gpus(1), 100, PRICE, 10), Error::<Test>::DueQueueFull);
		});
	}
}

/// `cancel_order`.
mod cancel {
	use super::*;

	#[test]
	fn releases_everything_and_drops_the_bids() {
		new_test_ext().execute_with(|| {
			let cancelled = order(2, 100, PRICE, 10, true);
			bid(AGENT_A, cancelled, 500_000, &[1, 2]);
			bid(AGENT_B, cancelled, 400_000, &[0x11, 0x12]);

			assert_ok!(Leases::cancel_order(signed(TENANT), cancelled));
			System::assert_last_event(
				Event::OrderCancelled { order: cancelled, tenant: TENANT }.into(),
			);
			assert_eq!(free(TENANT), INITIAL_BALANCE);
			assert_eq!(escrow_held(TENANT), 0);
			assert_eq!(deposit_held(TENANT), 0);
			assert!(!Orders::<Test>::contains_key(cancelled));
			assert!(!OrdersOfTenant::<Test>::contains_key(TENANT));
			assert_eq!(Bids::<Test>::iter_prefix(cancelled).count(), 0);
			assert!(commitments(PROVIDER_A).is_empty());
			assert!(commitments(PROVIDER_B).is_empty());
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
			assert!(!Books::<Test>::contains_key(PROVIDER_B));
			check_invariants();

			// The GPUs can back another bid, and the old window end passes without effect.
			let next = order(2, 100, PRICE, 20, false);
			bid(AGENT_A, next, 500_000, &[1, 2]);
			run_to_block(11);
			assert!(!market_events()
				.iter()
				.any(|event| matches!(event, Event::OrderExpired { order: 0, .. })));
		});
	}

	#[test]
	fn drops_the_window_entry_so_repeated_orders_never_fill_a_queue() {
		new_test_ext().execute_with(|| {
			// MaxDuePerBlock is 8 and 16 more blocks may take spills: 30 orders created and
			// cancelled with the same window would fill them all if entries stayed behind.
			for _ in 0..30 {
				let id = order(1, 100, PRICE, 10, false);
				assert_eq!(Due::<Test>::get(11).into_inner(), vec![DueItem::BidWindowEnd(id)]);
				assert_ok!(Leases::cancel_order(signed(TENANT), id));
				assert!(!Due::<Test>::contains_key(11));
			}
			// Accepting a bid drops the entry too.
			let id = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, id, PRICE, &[1]);
			assert_ok!(Leases::accept_bid(signed(TENANT), id, PROVIDER_A));
			assert!(!Due::<Test>::get(11).contains(&DueItem::BidWindowEnd(id)));
			check_invariants();
		});
	}

	#[test]
	fn rejects_an_unknown_order() {
		new_test_ext().execute_with(|| {
			assert_noop!(Leases::cancel_order(signed(TENANT), 7), Error::<Test>::UnknownOrder);
		});
	}

	#[test]
	fn only_the_tenant_may_cancel() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			assert_noop!(
				Leases::cancel_order(signed(TENANT_2), order),
				Error::<Test>::NotOrderTenant
			);
		});
	}
}

/// `place_bid` and `withdraw_bid`.
mod bids {
	use super::*;

	#[test]
	fn commits_the_gpus() {
		new_test_ext().execute_with(|| {
			let order = order(2, 100, PRICE, 10, false);
			run_to_block(3);
			bid(AGENT_A, order, 500_000, &[1, 2]);

			assert_eq!(
				Bids::<Test>::get(order, PROVIDER_A),
				Some(Bid { price_per_gpu_hour: 500_000, gpus: hashes(&[1, 2]), placed_at: 3 })
			);
			assert_eq!(Orders::<Test>::get(order).expect("order is open").bids, 1);
			assert_eq!(book(PROVIDER_A), book_of(1, 0, &[], 2));
			assert_eq!(
				commitments(PROVIDER_A),
				vec![(1, Commitment::Bid(order)), (2, Commitment::Bid(order))]
			);
			System::assert_last_event(
				Event::BidPlaced { order, provider: PROVIDER_A, price_per_gpu_hour: 500_000 }
					.into(),
			);
			// Bids hold nothing of the provider's money.
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE);
			check_invariants();
		});
	}

	#[test]
	fn only_agents_may_bid() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			assert_noop!(place(STRANGER, order, PRICE, &[1]), Error::<Test>::NotAgent);
			// The owner key is not the agent key.
			assert_noop!(place(PROVIDER_A, order, PRICE, &[1]), Error::<Test>::NotAgent);
		});
	}

	#[test]
	fn the_provider_must_take_work() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			for status in [ProviderStatus::Offline, ProviderStatus::Jailed, ProviderStatus::Leaving]
			{
				MockRegistry::set_status(PROVIDER_A, status);
				assert_noop!(
					place(AGENT_A, order, PRICE, &[1]),
					Error::<Test>::ProviderUnavailable
				);
			}
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
			MockRegistry::update(PROVIDER_A, |provider| provider.paused = true);
			assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::ProviderUnavailable);
			MockRegistry::update(PROVIDER_A, |provider| provider.paused = false);
			bid(AGENT_A, order, PRICE, &[1]);
		});
	}

	#[test]
	fn rejects_an_unknown_order() {
		new_test_ext().execute_with(|| {
			assert_noop!(place(AGENT_A, 3, PRICE, &[1]), Error::<Test>::UnknownOrder);
		});
	}

	#[test]
	fn is_open_until_the_last_block_before_the_window_end() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			run_to_block(10);
			bid(AGENT_A, order, PRICE, &[1]);
			// At block 11 the hook expires the order before any bid can arrive.
			run_to_block(11);
			assert_noop!(place(AGENT_B, order, PRICE, &[0x11]), Error::<Test>::UnknownOrder);
		});
	}

	#[test]
	fn closes_at_the_window_end_even_when_the_deadline_spilled() {
		new_test_ext().execute_with(|| {
			let order = spilled_order(true);
			bid(AGENT_B, order, PRICE, &[0x11]);
			run_to_block(11);
			assert!(Orders::<Test>::contains_key(order));
			assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::BiddingClosed);
			// One block late, the order is awarded.
			run_to_block(12);
			assert_eq!(lease(0).provider, PROVIDER_B);
			assert_eq!(lease(0).start, 12);
		});
	}

	#[test]
	fn a_provider_cannot_bid_on_its_own_order() {
		new_test_ext().execute_with(|| {
			// TENANT_2 runs a provider too.
			MockRegistry::register(TENANT_2, AGENT_D, rtx4090s(0x41));
			let order = order_with(TENANT_2, any_gpus(1), 100, PRICE, None, 10, false);
			assert_noop!(place(AGENT_D, order, PRICE, &[0x41]), Error::<Test>::OwnBusiness);

			// An agent key that orders cannot bid on its own order either.
			fund(AGENT_A);
			let order = order_with(AGENT_A, any_gpus(1), 100, PRICE, None, 10, false);
			assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::OwnBusiness);
			bid(AGENT_B, order, PRICE, &[0x11]);
		});
	}

	#[test]
	fn the_price_must_be_positive_and_at_most_the_maximum() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			assert_noop!(place(AGENT_A, order, 0, &[1]), Error::<Test>::ZeroPrice);
			assert_noop!(place(AGENT_A, order, PRICE + 1, &[1]), Error::<Test>::PriceAboveMax);
			bid(AGENT_A, order, PRICE, &[1]);
		});
	}

	#[test]
	fn the_provider_must_be_in_the_region() {
		new_test_ext().execute_with(|| {
			let order = order_with(TENANT, any_gpus(1), 100, PRICE, Some(b"us-east"), 10, false);
			assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::WrongRegion);
			MockRegistry::update(PROVIDER_A, |provider| provider.region = b"us-east".to_vec());
			bid(AGENT_A, order, PRICE, &[1]);

			// B is in eu-west.
			let order = order_with(TENANT, any_gpus(1), 100, PRICE, Some(b"eu-west"), 10, false);
			bid(AGENT_B, order, PRICE, &[0x11]);
		});
	}

	#[test]
	fn one_bid_per_provider() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			assert_noop!(place(AGENT_A, order, PRICE - 1, &[2]), Error::<Test>::AlreadyBid);
		});
	}

	#[test]
	fn limits_the_bids_on_an_order() {
		new_test_ext().execute_with(|| {
			register_extra_providers();
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			bid(AGENT_B, order, PRICE, &[0x11]);
			bid(AGENT_D, order, PRICE, &[0x41]);
			bid(AGENT_E, order, PRICE, &[0x51]);
			assert_noop!(place(AGENT_F, order, PRICE, &[0x61]), Error::<Test>::TooManyBids);
			// A withdrawn bid makes room.
			assert_ok!(Leases::withdraw_bid(signed(AGENT_A), order));
			bid(AGENT_F, order, PRICE, &[0x61]);
			check_invariants();
		});
	}

	#[test]
	fn must_name_as_many_gpus_as_ordered() {
		new_test_ext().execute_with(|| {
			let order = order(2, 100, PRICE, 10, false);
			assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::WrongGpuCount);
			assert_noop!(place(AGENT_A, order, PRICE, &[1, 2, 3]), Error::<Test>::WrongGpuCount);
		});
	}

	#[test]
	fn rejects_a_gpu_named_twice() {
		new_test_ext().execute_with(|| {
			let order = order(2, 100, PRICE, 10, false);
			assert_noop!(place(AGENT_A, order, PRICE, &[1, 1]), Error::<Test>::DuplicateGpu);
		});
	}

	#[test]
	fn rejects_a_gpu_of_another_provider() {
		new_test_ext().execute_with(|| {
			let order = order(2, 100, PRICE, 10, false);
			assert_noop!(place(AGENT_A, order, PRICE, &[1, 0x11]), Error::<Test>::UnknownGpu);
		});
	}

	#[test]
	fn the_gpus_must_meet_the_requirement() {
		new_test_ext().execute_with(|| {
			let by_model = order_with(TENANT, of_model(H100, 1), 100, PRICE, None, 10, false);
			let by_memory = order_with(
				TENANT,
				GpuRequirement { min_vram_mib: RTX_4090_VRAM + 1, ..any_gpus(1) },
				100,
				PRICE,
				None,
				10,
				false,
			);
			let by_capability = order_with(
				TENANT,
				GpuRequirement {
					min_compute_capability: ComputeCapability::new(9, 0),
					..any_gpus(1)
				},
				100,
				PRICE,
				None,
				10,
				false,
			);
			for order in [by_model, by_memory, by_capability] {
				assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::GpuMismatch);
			}
			// C's H100s meet all three.
			bid(AGENT_C, by_model, PRICE, &[0x21]);
			bid(AGENT_C, by_memory, PRICE, &[0x22]);
			// An RTX 4090 meets its own model and exactly its memory.
			let rtx = order_with(
				TENANT_2,
				GpuRequirement { min_vram_mib: RTX_4090_VRAM, ..of_model(RTX_4090, 1) },
				100,
				PRICE,
				None,
				10,
				false,
			);
			bid(AGENT_A, rtx, PRICE, &[1]);
		});
	}

	#[test]
	fn a_gpu_backs_one_commitment_at_a_time() {
		new_test_ext().execute_with(|| {
			let first = order(2, 100, PRICE, 10, false);
			let second = order(2, 100, PRICE, 10, false);
			bid(AGENT_A, first, PRICE, &[1, 2]);
			assert_noop!(place(AGENT_A, second, PRICE, &[2, 3]), Error::<Test>::GpuCommitted);
			// Listed GPUs are committed too.
			list(AGENT_A, &[3], PRICE, 100);
			assert_noop!(place(AGENT_A, second, PRICE, &[3, 4]), Error::<Test>::GpuCommitted);
			bid(AGENT_B, second, PRICE, &[0x11, 0x12]);
		});
	}

	#[test]
	fn withdrawing_frees_the_gpus() {
		new_test_ext().execute_with(|| {
			let order = order(2, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1, 2]);
			bid(AGENT_B, order, PRICE, &[0x11, 0x12]);

			assert_ok!(Leases::withdraw_bid(signed(AGENT_A), order));
			System::assert_last_event(Event::BidWithdrawn { order, provider: PROVIDER_A }.into());
			assert!(!Bids::<Test>::contains_key(order, PROVIDER_A));
			assert_eq!(Orders::<Test>::get(order).expect("order is open").bids, 1);
			assert!(commitments(PROVIDER_A).is_empty());
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
			// The tenant's hold is untouched.
			assert_eq!(escrow_held(TENANT), 2 * 100 * PER_GPU_BLOCK);
			check_invariants();

			// The provider may bid again.
			bid(AGENT_A, order, PRICE - 1, &[1, 2]);
		});
	}

	#[test]
	fn withdrawing_needs_an_agent_and_a_bid() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			assert_noop!(Leases::withdraw_bid(signed(STRANGER), order), Error::<Test>::NotAgent);
			assert_noop!(Leases::withdraw_bid(signed(AGENT_B), order), Error::<Test>::UnknownBid);
			assert_noop!(Leases::withdraw_bid(signed(AGENT_A), 5), Error::<Test>::UnknownBid);
		});
	}
}

/// `accept_bid`.
mod accept {
	use super::*;

	#[test]
	fn starts_a_lease_at_the_bid_price() {
		new_test_ext().execute_with(|| {
			let order = order(2, 100, PRICE, 10, false);
			bid(AGENT_A, order, 300_000, &[1, 2]);
			bid(AGENT_B, order, 360_000, &[0x11, 0x12]);
			run_to_block(3);

			let lease_id = accept(TENANT, order, PROVIDER_A);
			// Two GPUs for 100 blocks at 500 a GPU-block; the rest of the order's hold is free.
			let escrow = 2 * 100 * 500;
			assert_eq!(escrow_held(TENANT), escrow);
			assert_eq!(deposit_held(TENANT), STORAGE_DEPOSIT);
			assert_eq!(free(TENANT), INITIAL_BALANCE - escrow - STORAGE_DEPOSIT);
			assert_eq!(
				lease(lease_id),
				Lease {
					tenant: TENANT,
					provider: PROVIDER_A,
					origin: LeaseOrigin::Order(order),
					gpus: hashes(&[1, 2]),
					price_per_gpu_hour: 300_000,
					manifest_hash: manifest(),
					start: 3,
					end: 103,
					escrow,
					deposit: STORAGE_DEPOSIT,
					settled_until: 3,
					paid_blocks: 0,
					downtime_blocks: 0,
					paid: 0,
					fees: 0,
					last_attested: 3,
					last_report: None,
					status: LeaseStatus::Active,
					next_check: Some(103),
				}
			);
			System::assert_last_event(
				Event::LeaseStarted {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					origin: LeaseOrigin::Order(order),
					gpus: 2,
					price_per_gpu_hour: 300_000,
					end: 103,
					escrow,
				}
				.into(),
			);

			// The order and every bid are gone; only the winner's GPUs stay committed.
			assert!(!Orders::<Test>::contains_key(order));
			assert!(!OrdersOfTenant::<Test>::contains_key(TENANT));
			assert_eq!(Bids::<Test>::iter_prefix(order).count(), 0);
			assert_eq!(
				commitments(PROVIDER_A),
				vec![(1, Commitment::Lease(lease_id)), (2, Commitment::Lease(lease_id))]
			);
			assert!(commitments(PROVIDER_B).is_empty());
			assert_eq!(book(PROVIDER_A), book_of(0, 0, &[lease_id], 2));
			assert!(!Books::<Test>::contains_key(PROVIDER_B));
			assert_eq!(LeasesOfTenant::<Test>::get(TENANT).into_inner(), vec![lease_id]);
			assert!(Due::<Test>::get(103).contains(&DueItem::LeaseCheck(lease_id)));
			assert_eq!(
				RecentPrices::<Test>::get(0),
				Some(PricePoint {
					model: model(RTX_4090),
					vram_mib: RTX_4090_VRAM,
					compute_capability: ComputeCapability::new(8, 9),
					price_per_gpu_hour: 300_000,
					at: 3,
				})
			);
			check_invariants();

			// The order's old window end passes without effect.
			run_to_block(11);
			assert!(is_running(lease_id));
			assert!(!market_events()
				.iter()
				.any(|event| matches!(event, Event::OrderExpired { .. })));
		});
	}

	#[test]
	fn rejects_an_unknown_or_awarded_order() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Leases::accept_bid(signed(TENANT), 0, PROVIDER_A),
				Error::<Test>::UnknownOrder
			);
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			bid(AGENT_B, order, PRICE, &[0x11]);
			accept(TENANT, order, PROVIDER_A);
			assert_noop!(
				Leases::accept_bid(signed(TENANT), order, PROVIDER_B),
				Error::<Test>::UnknownOrder
			);
			assert_noop!(
				Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
				Error::<Test>::UnknownOrder
			);
		});
	}

	#[test]
	fn only_the_tenant_may_accept() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			assert_noop!(
				Leases::accept_bid(signed(TENANT_2), order, PROVIDER_A),
				Error::<Test>::NotOrderTenant
			);
			assert_noop!(
				Leases::accept_bid(signed(PROVIDER_A), order, PROVIDER_A),
				Error::<Test>::NotOrderTenant
			);
		});
	}

	#[test]
	fn not_after_the_window_end() {
		new_test_ext().execute_with(|| {
			let order = spilled_order(false);
			bid(AGENT_A, order, PRICE, &[1]);
			run_to_block(11);
			assert_noop!(
				Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
				Error::<Test>::BiddingClosed
			);
		});
	}

	#[test]
	fn needs_a_bid_of_that_provider() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			assert_noop!(
				Leases::accept_bid(signed(TENANT), order, PROVIDER_B),
				Error::<Test>::UnknownBid
			);
		});
	}

	#[test]
	fn the_provider_must_still_take_work() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			bid(AGENT_B, order, PRICE, &[0x11]);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Offline);
			assert_noop!(
				Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
				Error::<Test>::ProviderUnavailable
			);
			MockRegistry::update(PROVIDER_B, |provider| provider.paused = true);
			assert_noop!(
				Leases::accept_bid(signed(TENANT), order, PROVIDER_B),
				Error::<Test>::ProviderUnavailable
			);
		});
	}

	#[test]
	fn limits_the_leases_of_a_tenant() {
		new_test_ext().execute_with(|| {
			lease_on_a(&[1], 100);
			lease_on_a(&[2], 100);
			lease_with(TENANT, AGENT_B, PROVIDER_B, &[0x11], 100);
			lease_with(TENANT, AGENT_B, PROVIDER_B, &[0x12], 100);
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[3]);
			assert_noop!(
				Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
				Error::<Test>::TooManyLeases
			);
			// Once one closes, the bid can be accepted.
			close(TENANT, 0);
			accept(TENANT, order, PROVIDER_A);
			check_invariants();
		});
	}

	#[test]
	fn limits_the_leases_of_a_provider() {
		new_test_ext().execute_with(|| {
			MockRegistry::update(PROVIDER_A, |provider| {
				provider.gpus.push(gpu(RTX_4090, RTX_4090_VRAM, 8, 9, 0x05))
			});
			lease_on_a(&[1], 100);
			lease_on_a(&[2], 100);
			lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[3], 100);
			lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[4], 100);
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[5]);
			assert_noop!(
				Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
				Error::<Test>::ProviderLeaseLimit
			);
		});
	}

	#[test]
	fn fails_when_no_queue_has_room_for_the_lease_check() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			// The lease would end at block 101.
			for block in 101..=101 + BlockNumber::from(DUE_SPILL_BLOCKS) {
				Due::<Test>::insert(block, stale_bucket(block));
			}
			assert_noop!(
				Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
				Error::<Test>::DueQueueFull
			);
		});
	}
}

/// What happens at the end of a bid window.
mod award {
	use super::*;

	#[test]
	fn the_lowest_price_wins() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, true);
			bid(AGENT_A, order, 500_000, &[1]);
			bid(AGENT_B, order, 400_000, &[0x11]);
			run_to_block(10);
			assert!(Orders::<Test>::contains_key(order));

			run_to_block(11);
			// One GPU for 100 blocks at 400_000 per hour is 66_666.67: 66_667 held.
			let escrow = 66_667;
			System::assert_has_event(
				Event::LeaseStarted {
					lease: 0,
					tenant: TENANT,
					provider: PROVIDER_B,
					origin: LeaseOrigin::Order(order),
					gpus: 1,
					price_per_gpu_hour: 400_000,
					end: 111,
					escrow,
				}
				.into(),
			);
			assert_eq!(lease(0).start, 11);
			assert_eq!(escrow_held(TENANT), escrow);
			assert_eq!(free(TENANT), INITIAL_BALANCE - escrow - STORAGE_DEPOSIT);
			assert!(commitments(PROVIDER_A).is_empty());
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
			assert_eq!(commitments(PROVIDER_B), vec![(0x11, Commitment::Lease(0))]);
			assert!(!Orders::<Test>::contains_key(order));
		});
	}

	#[test]
	fn on_equal_prices_more_stake_wins() {
		new_test_ext().execute_with(|| {
			MockStake::set_backing(PROVIDER_A, 500);
			MockStake::set_backing(PROVIDER_B, 1_000);
			let order = order(1, 100, PRICE, 10, true);
			// A bids first, but B has more stake behind it.
			bid(AGENT_A, order, 400_000, &[1]);
			run_to_block(2);
			bid(AGENT_B, order, 400_000, &[0x11]);
			run_to_block(11);
			assert_eq!(lease(0).provider, PROVIDER_B);
		});
	}

	#[test]
	fn on_equal_price_and_stake_the_earlier_bid_wins() {
		for (first, second) in [(AGENT_A, AGENT_B), (AGENT_B, AGENT_A)] {
			new_test_ext().execute_with(|| {
				let gpu_of = |agent| if agent == AGENT_A { 1 } else { 0x11 };
				let order = order(1, 100, PRICE, 10, true);
				bid(first, order, 400_000, &[gpu_of(first)]);
				run_to_block(2);
				bid(second, order, 400_000, &[gpu_of(second)]);
				run_to_block(11);
				let winner = if first == AGENT_A { PROVIDER_A } else { PROVIDER_B };
				assert_eq!(lease(0).provider, winner);
			});
		}
	}

	#[test]
	fn a_best_bidder_that_no_longer_takes_work_is_skipped() {
		new_test_ext().execute_with(|| {
			register_extra_providers();
			let order = order(1, 100, PRICE, 10, true);
			bid(AGENT_A, order, 500_000, &[1]);
			bid(AGENT_B, order, 300_000, &[0x11]);
			bid(AGENT_D, order, 400_000, &[0x41]);
			MockRegistry::set_status(PROVIDER_B, ProviderStatus::Offline);
			MockRegistry::update(PROVIDER_D, |provider| provider.paused = true);
			run_to_block(11);
			assert_eq!(lease(0).provider, PROVIDER_A);
			assert_eq!(lease(0).price_per_gpu_hour, 500_000);
			// The skipped bids are dropped.
			assert!(!Books::<Test>::contains_key(PROVIDER_B));
			assert!(!Books::<Test>::contains_key(PROVIDER_D));
		});
	}

	#[test]
	fn with_no_bids_the_order_expires() {
		new_test_ext().execute_with(|| {
			let order = order(2, 100, PRICE, 10, true);
			run_to_block(11);
			System::assert_last_event(Event::OrderExpired { order, tenant: TENANT }.into());
			assert!(!Orders::<Test>::contains_key(order));
			assert!(!OrdersOfTenant::<Test>::contains_key(TENANT));
			assert_eq!(free(TENANT), INITIAL_BALANCE);
			assert_eq!(escrow_held(TENANT), 0);
			assert_eq!(deposit_held(TENANT), 0);
			assert!(!Due::<Test>::contains_key(11));
		});
	}

	#[test]
	fn without_auto_award_the_order_expires_and_the_bids_are_dropped() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, 500_000, &[1]);
			bid(AGENT_B, order, 400_000, &[0x11]);
			run_to_block(11);
			System::assert_last_event(Event::OrderExpired { order, tenant: TENANT }.into());
			assert_eq!(NextLeaseId::<Test>::get(), 0);
			assert_eq!(free(TENANT), INITIAL_BALANCE);
			assert_eq!(Bids::<Test>::iter_prefix(order).count(), 0);
			assert!(commitments(PROVIDER_A).is_empty());
			assert!(commitments(PROVIDER_B).is_empty());
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
			assert!(!Books::<Test>::contains_key(PROVIDER_B));
		});
	}

	#[test]
	fn an_award_that_fails_leaves_nothing_behind_and_the_order_expires() {
		new_test_ext().execute_with(|| {
			// The tenant already runs as many leases as it may.
			for id in [0x11, 0x12, 0x13, 0x14] {
				lease_with(TENANT, AGENT_B, PROVIDER_B, &[id], 1_000);
			}
			let order = order(1, 100, PRICE, 10, true);
			bid(AGENT_A, order, PRICE, &[1]);
			run_to_block(11);
			System::assert_has_event(Event::OrderExpired { order, tenant: TENANT }.into());
			assert_eq!(NextLeaseId::<Test>::get(), 4);
			assert!(commitments(PROVIDER_A).is_empty());
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
			// Only the four leases' escrow stays held.
			assert_eq!(escrow_held(TENANT), 4 * 1_000 * PER_GPU_BLOCK);
			assert_eq!(deposit_held(TENANT), 4 * STORAGE_DEPOSIT);
		});
	}
}

/// `list_offer`, `unlist_offer` and `rent`.
mod offers {
	use super::*;

	#[test]
	fn listing_commits_the_gpus() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
			assert_eq!(
				Offers::<Test>::get(offer),
				Some(Offer {
					provider: PROVIDER_A,
					available: hashes(&[1, 2, 3]),
					rented: 0,
					price_per_gpu_hour: PRICE,
					max_duration: 500,
					listed_at: 1,
				})
			);
			assert_eq!(NextOfferId::<Test>::get(), offer + 1);
			assert_eq!(book(PROVIDER_A), book_of(0, 1, &[], 3));
			assert_eq!(
				commitments(PROVIDER_A),
				vec![
					(1, Commitment::Offer(offer)),
					(2, Commitment::Offer(offer)),
					(3, Commitment::Offer(offer))
				]
			);
			System::assert_last_event(
				Event::OfferListed {
					offer,
					provider: PROVIDER_A,
					gpus: 3,
					price_per_gpu_hour: PRICE,
					max_duration: 500,
				}
				.into(),
			);
			check_invariants();
		});
	}

	#[test]
	fn listing_needs_an_available_agent() {
		new_test_ext().execute_with(|| {
			let list_a = |agent| Leases::list_offer(signed(agent), hashes(&[1]), PRICE, 100);
			assert_noop!(list_a(STRANGER), Error::<Test>::NotAgent);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Offline);
			assert_noop!(list_a(AGENT_A), Error::<Test>::ProviderUnavailable);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
			MockRegistry::update(PROVIDER_A, |provider| provider.paused = true);
			assert_noop!(list_a(AGENT_A), Error::<Test>::ProviderUnavailable);
		});
	}

	#[test]
	fn listing_rejects_bad_terms() {
		new_test_ext().execute_with(|| {
			let try_list = |gpus: &[u8], price, max_duration| {
				Leases::list_offer(signed(AGENT_A), hashes(gpus), price, max_duration)
			};
			assert_noop!(try_list(&[], PRICE, 100), Error::<Test>::ZeroGpus);
			assert_noop!(try_list(&[1], 0, 100), Error::<Test>::ZeroPrice);
			assert_noop!(try_list(&[1], PRICE, 0), Error::<Test>::ZeroDuration);
			assert_noop!(
				try_list(&[1], PRICE, MAX_LEASE_DURATION + 1),
				Error::<Test>::DurationTooLong
			);
			assert_noop!(try_list(&[1, 2], Balance::MAX / 2, 2), Error::<Test>::PriceOverflow);
			assert_noop!(try_list(&[1, 1], PRICE, 100), Error::<Test>::DuplicateGpu);
			assert_noop!(try_list(&[1, 0x21], PRICE, 100), Error::<Test>::UnknownGpu);
			assert_ok!(try_list(&[1], PRICE, MAX_LEASE_DURATION));
		});
	}

	#[test]
	fn listing_limits_offers_and_committed_gpus() {
		new_test_ext().execute_with(|| {
			list(AGENT_A, &[1], PRICE, 100);
			assert_noop!(
				Leases::list_offer(signed(AGENT_A), hashes(&[1]), PRICE, 100),
				Error::<Test>::GpuCommitted
			);
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[2]);
			assert_noop!(
				Leases::list_offer(signed(AGENT_A), hashes(&[2]), PRICE, 100),
				Error::<Test>::GpuCommitted
			);
			list(AGENT_A, &[3], PRICE, 100);
			assert_noop!(
				Leases::list_offer(signed(AGENT_A), hashes(&[4]), PRICE, 100),
				Error::<Test>::TooManyOffers
			);
		});
	}

	#[test]
	fn unlisting_frees_the_gpus() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1, 2], PRICE, 100);
			assert_ok!(Leases::unlist_offer(signed(AGENT_A), offer));
			System::assert_last_event(Event::OfferUnlisted { offer, provider: PROVIDER_A }.into());
			assert!(!Offers::<Test>::contains_key(offer));
			assert!(commitments(PROVIDER_A).is_empty());
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
			check_invariants();
			list(AGENT_A, &[1, 2], PRICE, 100);
		});
	}

	#[test]
	fn unlisting_needs_the_offers_agent() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1], PRICE, 100);
			assert_noop!(Leases::unlist_offer(signed(STRANGER), offer), Error::<Test>::NotAgent);
			assert_noop!(Leases::unlist_offer(signed(AGENT_A), 9), Error::<Test>::UnknownOffer);
			assert_noop!(
				Leases::unlist_offer(signed(AGENT_B), offer),
				Error::<Test>::NotOfferProvider
			);
		});
	}

	#[test]
	fn unlisting_leaves_running_leases_alone() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
			let lease_id = rent(TENANT, offer, 2, 100);
			assert_ok!(Leases::unlist_offer(signed(AGENT_A), offer));
			assert!(is_running(lease_id));
			assert_eq!(
				commitments(PROVIDER_A),
				vec![(1, Commitment::Lease(lease_id)), (2, Commitment::Lease(lease_id))]
			);
			assert_eq!(book(PROVIDER_A), book_of(0, 0, &[lease_id], 2));

			// At its end the lease's GPUs are free, with no offer to go back to.
			run_to_block(101);
			assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
			assert!(commitments(PROVIDER_A).is_empty());
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
		});
	}

	#[test]
	fn renting_starts_a_lease_on_the_first_listed_gpus() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
			run_to_block(5);
			let lease_id = rent(TENANT, offer, 2, 300);

			let escrow = 2 * 300 * PER_GPU_BLOCK;
			assert_eq!(escrow_held(TENANT), escrow);
			assert_eq!(deposit_held(TENANT), STORAGE_DEPOSIT);
			assert_eq!(free(TENANT), INITIAL_BALANCE - escrow - STORAGE_DEPOSIT);
			let record = lease(lease_id);
			assert_eq!(record.origin, LeaseOrigin::Offer(offer));
			assert_eq!(record.gpus, hashes(&[1, 2]));
			assert_eq!((record.start, record.end, record.escrow), (5, 305, escrow));
			assert_eq!(record.next_check, Some(305));
			let listed = Offers::<Test>::get(offer).expect("offer is listed");
			assert_eq!((listed.available, listed.rented), (hashes(&[3]), 2));
			assert_eq!(
				commitments(PROVIDER_A),
				vec![
					(1, Commitment::Lease(lease_id)),
					(2, Commitment::Lease(lease_id)),
					(3, Commitment::Offer(offer))
				]
			);
			assert_eq!(book(PROVIDER_A), book_of(0, 1, &[lease_id], 3));
			System::assert_last_event(
				Event::LeaseStarted {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					origin: LeaseOrigin::Offer(offer),
					gpus: 2,
					price_per_gpu_hour: PRICE,
					end: 305,
					escrow,
				}
				.into(),
			);
			check_invariants();
		});
	}

	#[test]
	fn rented_gpus_return_to_the_offer() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
			let closed_early = rent(TENANT, offer, 2, 100);
			close(TENANT, closed_early);
			let listed = Offers::<Test>::get(offer).expect("offer is listed");
			assert_eq!((listed.available, listed.rented), (hashes(&[3, 1, 2]), 0));
			assert_eq!(
				commitments(PROVIDER_A),
				vec![
					(1, Commitment::Offer(offer)),
					(2, Commitment::Offer(offer)),
					(3, Commitment::Offer(offer))
				]
			);
			assert_eq!(book(PROVIDER_A), book_of(0, 1, &[], 3));

			// Also when a lease expires.
			let expiring = rent(TENANT_2, offer, 1, 50);
			assert_eq!(lease(expiring).gpus, hashes(&[3]));
			run_to_block(51);
			assert!(!is_running(expiring));
			let listed = Offers::<Test>::get(offer).expect("offer is listed");
			assert_eq!((listed.available, listed.rented), (hashes(&[1, 2, 3]), 0));
			assert_eq!(book(PROVIDER_A), book_of(0, 1, &[], 3));
		});
	}

	#[test]
	fn renting_rejects_bad_requests() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
			assert_noop!(try_rent(TENANT, 9, 1, 100, PRICE), Error::<Test>::UnknownOffer);
			assert_noop!(try_rent(PROVIDER_A, offer, 1, 100, PRICE), Error::<Test>::OwnBusiness);
			assert_noop!(try_rent(AGENT_A, offer, 1, 100, PRICE), Error::<Test>::OwnBusiness);
			assert_noop!(try_rent(TENANT, offer, 0, 100, PRICE), Error::<Test>::ZeroGpus);
			assert_noop!(try_rent(TENANT, offer, 4, 100, PRICE), Error::<Test>::NotEnoughGpus);
			assert_noop!(try_rent(TENANT, offer, 1, 0, PRICE), Error::<Test>::ZeroDuration);
			// Longer than the offer allows, though shorter than any lease may be.
			assert_noop!(try_rent(TENANT, offer, 1, 501, PRICE), Error::<Test>::DurationTooLong);
			assert_noop!(
				try_rent(TENANT, offer, 1, 100, PRICE - 1),
				Error::<Test>::OfferAboveMaxPrice
			);
			assert_noop!(try_rent(POOR, offer, 1, 1, PRICE), Error::<Test>::InsufficientBalance);

			// What is rented is no longer available.
			rent(TENANT, offer, 2, 500);
			assert_noop!(try_rent(TENANT_2, offer, 2, 100, PRICE), Error::<Test>::NotEnoughGpus);
			rent(TENANT_2, offer, 1, 100);
		});
	}

	#[test]
	fn renting_needs_a_provider_that_takes_work() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1, 2], PRICE, 500);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Offline);
			assert_noop!(
				try_rent(TENANT, offer, 1, 100, PRICE),
				Error::<Test>::ProviderUnavailable
			);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
			MockRegistry::update(PROVIDER_A, |provider| provider.paused = true);
			assert_noop!(
				try_rent(TENANT, offer, 1, 100, PRICE),
				Error::<Test>::ProviderUnavailable
			);
		});
	}

	#[test]
	fn renting_fails_when_no_queue_has_room_for_the_lease_check() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1], PRICE, 500);
			// The lease would end at block 101.
			for block in 101..=101 + BlockNumber::from(DUE_SPILL_BLOCKS) {
				Due::<Test>::insert(block, stale_bucket(block));
			}
			assert_noop!(try_rent(TENANT, offer, 1, 100, PRICE), Error::<Test>::DueQueueFull);
		});
	}

	#[test]
	fn renting_respects_the_lease_limits() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1, 2, 3, 4], PRICE, 500);
			let offer_b = list(AGENT_B, &[0x11, 0x12, 0x13, 0x14], PRICE, 500);
			for _ in 0..4 {
				rent(TENANT, offer_b, 1, 100);
			}
			assert_noop!(try_rent(TENANT, offer, 1, 100, PRICE), Error::<Test>::TooManyLeases);
			for _ in 0..4 {
				rent(TENANT_2, offer, 1, 100);
			}
			fund(STRANGER);
			MockRegistry::update(PROVIDER_A, |provider| {
				provider.gpus.push(gpu(RTX_4090, RTX_4090_VRAM, 8, 9, 0x05))
			});
			let more = list(AGENT_A, &[5], PRICE, 500);
			assert_noop!(
				try_rent(STRANGER, more, 1, 100, PRICE),
				Error::<Test>::ProviderLeaseLimit
			);
		});
	}
}

/// Attestations and the payments they trigger.
mod settlement {
	use super::*;

	#[test]
	fn an_attestation_pays_the_blocks_since_the_last_settlement_less_the_fee() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1, 2], 1_000);
			run_to_block(11);
			let issuance_before = issuance();
			let escrow_before = escrow_held(TENANT);

			attest(PROVIDER_A, lease_id, 11);
			// Two GPUs for 10 blocks; 2 % of it is burned.
			let amount = 2 * 10 * PER_GPU_BLOCK;
			let fee = amount / 50;
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + amount - fee);
			assert_eq!(escrow_held(TENANT), escrow_before - amount);
			assert_eq!(issuance(), issuance_before - fee);
			assert_eq!(
				MockDelivery::taken(),
				vec![Delivered {
					provider: PROVIDER_A,
					tenant: TENANT,
					lease: lease_id,
					gpu_blocks: 20,
					paid: amount,
					fee,
				}]
			);
			System::assert_has_event(
				Event::LeaseSettled {
					lease: lease_id,
					paid_blocks: 10,
					downtime_blocks: 0,
					to_provider: amount - fee,
					fee,
				}
				.into(),
			);
			System::assert_last_event(
				Event::LeaseAttested {
					lease: lease_id,
					status: WorkloadStatus::Running,
					gpu_utilization_pct: 90,
					memory_used_mib: 20_000,
				}
				.into(),
			);
			let record = lease(lease_id);
			assert_eq!(
				(record.settled_until, record.paid_blocks, record.paid, record.fees),
				(11, 10, amount, fee)
			);
			assert_eq!(record.escrow, 2 * 1_000 * PER_GPU_BLOCK - amount);
			assert_eq!(record.last_attested, 11);
			assert_eq!(
				record.last_report,
				Some(UsageReport {
					at: 11,
					status: WorkloadStatus::Running,
					gpu_utilization_pct: 90,
					memory_used_mib: 20_000,
				})
			);
			check_invariants();
		});
	}

	#[test]
	fn a_second_attestation_in_the_same_block_pays_nothing() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(21);
			attest(PROVIDER_A, lease_id, 21);
			assert_eq!(MockDelivery::taken().len(), 1);
			let provider_balance = free(PROVIDER_A);
			let escrow = escrow_held(TENANT);
			let settlements = settled_events();

			attest_lines(
				PROVIDER_A,
				21,
				&[LeaseAttestation { status: WorkloadStatus::Completed, ..line(lease_id) }],
			);
			assert_eq!(free(PROVIDER_A), provider_balance);
			assert_eq!(escrow_held(TENANT), escrow);
			assert!(MockDelivery::taken().is_empty());
			assert_eq!(settled_events(), settlements);
			// The report is still recorded.
			assert_eq!(
				lease(lease_id).last_report.map(|report| report.status),
				Some(WorkloadStatus::Completed)
			);
		});
	}

	#[test]
	fn attestations_of_unknown_or_foreign_leases_are_ignored() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(21);
			let before = lease(lease_id);
			let provider_balance = free(PROVIDER_B);

			attest_lines(PROVIDER_B, 21, &[line(lease_id), line(7)]);
			System::assert_has_event(
				Event::AttestationIgnored { provider: PROVIDER_B, lease: lease_id }.into(),
			);
			System::assert_last_event(
				Event::AttestationIgnored { provider: PROVIDER_B, lease: 7 }.into(),
			);
			assert_eq!(lease(lease_id), before);
			assert_eq!(free(PROVIDER_B), provider_balance);
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE);
			assert!(MockDelivery::taken().is_empty());
		});
	}

	#[test]
	fn one_heartbeat_attests_many_leases_and_skips_bad_lines() {
		new_test_ext().execute_with(|| {
			let first = lease_on_a(&[1], 1_000);
			let second = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
			run_to_block(31);
			attest_lines(
				PROVIDER_A,
				31,
				&[
					line(first),
					line(99),
					LeaseAttestation { gpu_utilization_pct: 250, ..line(second) },
				],
			);
			assert_eq!(lease(first).paid_blocks, 30);
			assert_eq!(lease(second).paid_blocks, 30);
			// Utilization is capped at 100 %.
			assert_eq!(
				lease(second).last_report.map(|report| report.gpu_utilization_pct),
				Some(100)
			);
			System::assert_has_event(
				Event::AttestationIgnored { provider: PROVIDER_A, lease: 99 }.into(),
			);
			let paid = 2 * 30 * PER_GPU_BLOCK;
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
		});
	}

	#[test]
	fn time_beyond_the_tolerance_is_downtime() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			// Silent since the start (block 1): covered until 151.
			run_to_block(201);
			attest(PROVIDER_A, lease_id, 201);
			let paid = ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK;
			System::assert_has_event(
				Event::LeaseSettled {
					lease: lease_id,
					paid_blocks: ATTESTATION_TOLERANCE,
					downtime_blocks: 50,
					to_provider: paid - paid / 50,
					fee: paid / 50,
				}
				.into(),
			);
			let record = lease(lease_id);
			assert_eq!(
				(record.settled_until, record.paid_blocks, record.downtime_blocks),
				(201, ATTESTATION_TOLERANCE, 50)
			);
			// The unpaid time stays in escrow, and the escrow now lasts past the end.
			assert_eq!(record.escrow, 1_000 * PER_GPU_BLOCK - paid);
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
			// Its check stays at the silence limit of its start: attestations never move it.
			assert_eq!(record.next_check, Some(1 + ATTESTATION_TOLERANCE + OFFLINE_LIMIT));

			// Attested again in time, everything since is paid.
			run_to_block(301);
			attest(PROVIDER_A, lease_id, 301);
			let record = lease(lease_id);
			assert_eq!((record.paid_blocks, record.downtime_blocks), (250, 50));
		});
	}

	#[test]
	fn governance_sets_the_fee_that_is_burned() {
		new_test_ext().execute_with(|| {
			assert_eq!(ProtocolFee::<Test>::get(), Perbill::from_percent(2));
			assert_noop!(
				Leases::set_protocol_fee(signed(TENANT), Perbill::from_percent(10)),
				DispatchError::BadOrigin
			);
			assert_ok!(Leases::set_protocol_fee(RuntimeOrigin::root(), Perbill::from_percent(10)));
			System::assert_last_event(
				Event::ProtocolFeeSet { fee: Perbill::from_percent(10) }.into(),
			);
			assert_eq!(ProtocolFee::<Test>::get(), Perbill::from_percent(10));

			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(11);
			let issuance_before = issuance();
			attest(PROVIDER_A, lease_id, 11);
			let amount = 10 * PER_GPU_BLOCK;
			assert_eq!(issuance(), issuance_before - amount / 10);
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + amount - amount / 10);

			// With no fee nothing is burned.
			assert_ok!(Leases::set_protocol_fee(RuntimeOrigin::root(), Perbill::zero()));
			run_to_block(21);
			attest(PROVIDER_A, lease_id, 21);
			assert_eq!(issuance(), issuance_before - amount / 10);
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + 2 * amount - amount / 10);
		});
	}
}

/// `top_up` and `extend`.
mod escrow {
	use super::*;

	#[test]
	fn top_up_settles_then_adds_escrow() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(51);
			assert_ok!(Leases::top_up(signed(TENANT), lease_id, 5_000));

			let paid = 50 * PER_GPU_BLOCK;
			System::assert_has_event(
				Event::LeaseSettled {
					lease: lease_id,
					paid_blocks: 50,
					downtime_blocks: 0,
					to_provider: paid - paid / 50,
					fee: paid / 50,
				}
				.into(),
			);
			System::assert_last_event(
				Event::LeaseToppedUp { lease: lease_id, amount: 5_000, funded_until: 1_001 }.into(),
			);
			let escrow = 1_000 * PER_GPU_BLOCK - paid + 5_000;
			assert_eq!(lease(lease_id).escrow, escrow);
			assert_eq!(escrow_held(TENANT), escrow);
			assert_eq!(
				free(TENANT),
				INITIAL_BALANCE - 1_000 * PER_GPU_BLOCK - STORAGE_DEPOSIT - 5_000
			);
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
			check_invariants();
		});
	}

	#[test]
	fn top_up_rejects_bad_requests() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			assert_noop!(Leases::top_up(signed(TENANT), 5, 1), Error::<Test>::UnknownLease);
			assert_noop!(
				Leases::top_up(signed(TENANT_2), lease_id, 1),
				Error::<Test>::NotLeaseTenant
			);
			assert_noop!(
				Leases::top_up(signed(PROVIDER_A), lease_id, 1),
				Error::<Test>::NotLeaseTenant
			);
			assert_noop!(Leases::top_up(signed(TENANT), lease_id, 0), Error::<Test>::ZeroAmount);
			assert_noop!(
				Leases::top_up(signed(TENANT), lease_id, free(TENANT) + 1),
				Error::<Test>::InsufficientBalance
			);
		});
	}

	#[test]
	fn top_up_fails_when_no_queue_has_room() {
		new_test_ext().execute_with(|| {
			let lease_id = rented_on_a(&[1], 100);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
			// Ten more blocks paid for would move the start of grace to 91.
			for block in 91..=91 + BlockNumber::from(DUE_SPILL_BLOCKS) {
				Due::<Test>::insert(block, stale_bucket(block));
			}
			assert_noop!(
				Leases::top_up(signed(TENANT), lease_id, 10 * PER_GPU_BLOCK),
				Error::<Test>::DueQueueFull
			);
		});
	}

	/// A lease rented from an offer that is still listed moves its end at once; the tenant
	/// pays for the extra time separately.
	#[test]
	fn extend_moves_the_end_without_holding_more() {
		new_test_ext().execute_with(|| {
			let lease_id = rented_on_a(&[1], 100);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 50));
			// The escrow still lasts until 101: the lease is checked at the start of grace.
			System::assert_last_event(
				Event::LeaseExtended { lease: lease_id, end: 151, funded_until: 101 }.into(),
			);
			let record = lease(lease_id);
			assert_eq!((record.end, record.status), (151, LeaseStatus::Active));
			assert_eq!(record.next_check, Some(101 - GRACE_PERIOD));
			assert!(!Due::<Test>::get(101).contains(&DueItem::LeaseCheck(lease_id)));
			assert!(Due::<Test>::get(101 - GRACE_PERIOD).contains(&DueItem::LeaseCheck(lease_id)));
			assert_eq!(escrow_held(TENANT), 100 * PER_GPU_BLOCK);

			// Paid for, the lease is checked at its new end and runs to it.
			assert_ok!(Leases::top_up(signed(TENANT), lease_id, 50 * PER_GPU_BLOCK));
			System::assert_last_event(
				Event::LeaseToppedUp {
					lease: lease_id,
					amount: 50 * PER_GPU_BLOCK,
					funded_until: 151,
				}
				.into(),
			);
			assert_eq!(lease(lease_id).next_check, Some(151));
			run_to_block(101);
			attest(PROVIDER_A, lease_id, 101);
			run_to_block(151);
			System::assert_has_event(
				Event::LeaseClosed {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					reason: CloseReason::Expired,
					paid: 150 * PER_GPU_BLOCK,
					fees: 150 * PER_GPU_BLOCK / 50,
					refunded: 0,
				}
				.into(),
			);
		});
	}

	#[test]
	fn extend_rejects_bad_requests() {
		new_test_ext().execute_with(|| {
			// The offer takes leases as long as any may be, so only the lease limits bind.
			let lease_id = rented_on_a(&[1], 100);
			assert_noop!(Leases::extend(signed(TENANT), 5, 10), Error::<Test>::UnknownLease);
			assert_noop!(
				Leases::extend(signed(TENANT_2), lease_id, 10),
				Error::<Test>::NotLeaseTenant
			);
			assert_noop!(Leases::extend(signed(TENANT), lease_id, 0), Error::<Test>::ZeroDuration);
			assert_noop!(
				Leases::extend(signed(TENANT), lease_id, MAX_LEASE_DURATION + 1),
				Error::<Test>::DurationTooLong
			);
			// The end (101) may run at most MAX_LEASE_DURATION ahead of now (1).
			assert_noop!(
				Leases::extend(signed(TENANT), lease_id, MAX_LEASE_DURATION - 99),
				Error::<Test>::DurationTooLong
			);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, MAX_LEASE_DURATION - 100));
			assert_eq!(lease(lease_id).end, 1 + MAX_LEASE_DURATION);
		});
	}

	#[test]
	fn extend_fails_when_no_queue_has_room() {
		new_test_ext().execute_with(|| {
			let lease_id = rented_on_a(&[1], 100);
			// After extending, the lease's next check would be the start of grace, 81.
			let target = 101 - GRACE_PERIOD;
			for block in target..=target + BlockNumber::from(DUE_SPILL_BLOCKS) {
				Due::<Test>::insert(block, stale_bucket(block));
			}
			assert_noop!(Leases::extend(signed(TENANT), lease_id, 50), Error::<Test>::DueQueueFull);
		});
	}

	/// The provider agreed to an order's lease for the order's duration only: a lease won on an
	/// order cannot be extended, even while the provider lists other GPUs at the same price.
	#[test]
	fn extend_refuses_a_lease_won_on_an_order() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 100);
			list(AGENT_A, &[2, 3], PRICE, MAX_LEASE_DURATION);
			assert_noop!(
				Leases::extend(signed(TENANT), lease_id, 1),
				Error::<Test>::ExtensionNotOffered
			);
			let record = lease(lease_id);
			assert_eq!((record.end, record.next_check), (101, Some(101)));
			// It runs to its original end.
			run_to_block(101);
			assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
		});
	}

	/// A provider that takes no work (paused, jailed, Offline or short of stake) has not agreed
	/// to serve longer, whatever its offer says.
	#[test]
	fn extend_refuses_while_the_provider_takes_no_work() {
		new_test_ext().execute_with(|| {
			let lease_id = rented_on_a(&[1], 100);
			for status in [ProviderStatus::Offline, ProviderStatus::Jailed] {
				MockRegistry::set_status(PROVIDER_A, status);
				assert_noop!(
					Leases::extend(signed(TENANT), lease_id, 10),
					Error::<Test>::ProviderUnavailable
				);
			}
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 10));
			assert_eq!(lease(lease_id).end, 111);
		});
	}

	/// An offer is the provider's standing consent: a lease rented from it extends, again and
	/// again, as long as the whole lease stays within the offer's longest duration, even when
	/// the offer has no GPU left to rent.
	#[test]
	fn extend_stays_within_the_offers_longest_duration() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1], PRICE, 300);
			let lease_id = rent(TENANT, offer, 1, 100);
			assert!(Offers::<Test>::get(offer).expect("offer is listed").available.is_empty());
			run_to_block(11);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
			assert_eq!(lease(lease_id).end, 201);

			// The lease started at block 1: it may end at 301 at the latest, whatever the
			// current block.
			assert_noop!(
				Leases::extend(signed(TENANT), lease_id, 101),
				Error::<Test>::ExtensionNotOffered
			);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
			System::assert_last_event(
				Event::LeaseExtended { lease: lease_id, end: 301, funded_until: 101 }.into(),
			);
			assert_noop!(
				Leases::extend(signed(TENANT), lease_id, 1),
				Error::<Test>::ExtensionNotOffered
			);
			assert_eq!(lease(lease_id).end, 301);
		});
	}

	/// The offer must not ask more than the lease pays: a provider that would now rent the GPUs
	/// out dearer has not agreed to more time at the old price. No call reprices an offer, so
	/// the test sets the price in storage.
	#[test]
	fn extend_needs_the_offer_at_most_at_the_leases_price() {
		new_test_ext().execute_with(|| {
			let lease_id = rented_on_a(&[1], 100);
			let offer = offer_of(lease_id);
			let set_price = |price| {
				Offers::<Test>::mutate(offer, |listed| {
					listed.as_mut().expect("offer is listed").price_per_gpu_hour = price
				})
			};

			set_price(PRICE + 1);
			assert_noop!(
				Leases::extend(signed(TENANT), lease_id, 10),
				Error::<Test>::ExtensionNotOffered
			);

			// Cheaper than the lease, the offer still agrees; the lease keeps its price.
			set_price(PRICE - 1);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 10));
			set_price(PRICE);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 10));
			let record = lease(lease_id);
			assert_eq!((record.end, record.price_per_gpu_hour), (121, PRICE));
		});
	}

	/// Unlisting the offer withdraws the consent: the lease it rented runs on to its end, but
	/// no longer, and another offer of the provider is no consent for it.
	#[test]
	fn extend_ends_with_the_offer() {
		new_test_ext().execute_with(|| {
			let lease_id = rented_on_a(&[1], 100);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 10));
			assert_ok!(Leases::unlist_offer(signed(AGENT_A), offer_of(lease_id)));
			assert_noop!(
				Leases::extend(signed(TENANT), lease_id, 10),
				Error::<Test>::ExtensionNotOffered
			);
			let other = list(AGENT_A, &[2], PRICE, MAX_LEASE_DURATION);
			assert_noop!(
				Leases::extend(signed(TENANT), lease_id, 10),
				Error::<Test>::ExtensionNotOffered
			);

			// Paid for, it runs to the end it was extended to before the offer went.
			assert_ok!(Leases::top_up(signed(TENANT), lease_id, 10 * PER_GPU_BLOCK));
			run_to_block(101);
			attest(PROVIDER_A, lease_id, 101);
			run_to_block(110);
			assert!(is_running(lease_id));
			run_to_block(111);
			assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
			assert_eq!(free(TENANT), INITIAL_BALANCE - 110 * PER_GPU_BLOCK);
			// Its GPU is free: the offer it came from is gone.
			assert_eq!(commitments(PROVIDER_A), vec![(2, Commitment::Offer(other))]);
		});
	}
}

/// Escrow running out: grace, top-ups, and closing for lack of funds.
mod grace {
	use super::*;

	/// TENANT rents one GPU of A for 100 blocks at block 1 and extends it by 100 without paying
	/// (the offer takes leases that long): the escrow lasts until 101, grace starts at 81. A
	/// attests at block 51.
	fn underfunded_lease() -> LeaseId {
		let lease_id = rented_on_a(&[1], 100);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
		run_to_block(51);
		attest(PROVIDER_A, lease_id, 51);
		lease_id
	}

	#[test]
	fn without_a_top_up_the_lease_closes_when_the_escrow_runs_out() {
		new_test_ext().execute_with(|| {
			let lease_id = underfunded_lease();
			let offer = offer_of(lease_id);
			let issuance_before = issuance();
			run_to_block(80);
			assert_eq!(lease(lease_id).status, LeaseStatus::Active);
			assert_eq!(escrow_low_events(), 0);

			run_to_block(81);
			let record = lease(lease_id);
			assert_eq!(record.status, LeaseStatus::Grace);
			assert_eq!(record.next_check, Some(101));
			assert_eq!(record.settled_until, 81);
			System::assert_has_event(
				Event::EscrowLow { lease: lease_id, tenant: TENANT, funded_until: 101 }.into(),
			);

			run_to_block(100);
			assert!(is_running(lease_id));
			run_to_block(101);
			let paid = 100 * PER_GPU_BLOCK;
			System::assert_has_event(
				Event::LeaseClosed {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					reason: CloseReason::InsufficientFunds,
					paid,
					fees: paid / 50,
					refunded: 0,
				}
				.into(),
			);
			// Every covered block was paid; the tenant has its deposit back.
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
			assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
			assert_eq!(escrow_held(TENANT), 0);
			assert_eq!(deposit_held(TENANT), 0);
			assert_eq!(issuance(), issuance_before - (paid - 50 * PER_GPU_BLOCK) / 50);
			// The GPU is back in the offer it was rented from.
			assert_eq!(commitments(PROVIDER_A), vec![(1, Commitment::Offer(offer))]);
			assert_eq!(book(PROVIDER_A), book_of(0, 1, &[], 1));
		});
	}

	#[test]
	fn a_top_up_past_the_grace_period_makes_the_lease_active_again() {
		new_test_ext().execute_with(|| {
			let lease_id = underfunded_lease();
			run_to_block(90);
			assert_eq!(lease(lease_id).status, LeaseStatus::Grace);

			// 89 blocks paid, 11 left; 5 more keep the escrow within the grace period.
			assert_ok!(Leases::top_up(signed(TENANT), lease_id, 5 * PER_GPU_BLOCK));
			System::assert_last_event(
				Event::LeaseToppedUp {
					lease: lease_id,
					amount: 5 * PER_GPU_BLOCK,
					funded_until: 106,
				}
				.into(),
			);
			assert_eq!(lease(lease_id).status, LeaseStatus::Grace);
			assert_eq!(lease(lease_id).next_check, Some(106));

			// 50 more last until 156, past the grace period: Active, checked again at 136.
			assert_ok!(Leases::top_up(signed(TENANT), lease_id, 50 * PER_GPU_BLOCK));
			let record = lease(lease_id);
			assert_eq!(record.status, LeaseStatus::Active);
			assert_eq!(record.next_check, Some(156 - GRACE_PERIOD));
			assert_eq!(escrow_low_events(), 1);

			// Paying for the rest lets it run to its end.
			assert_ok!(Leases::top_up(signed(TENANT), lease_id, 45 * PER_GPU_BLOCK));
			assert_eq!(lease(lease_id).next_check, Some(201));
			run_to_block(151);
			attest(PROVIDER_A, lease_id, 151);
			run_to_block(200);
			assert_eq!(lease(lease_id).status, LeaseStatus::Active);
			run_to_block(201);
			assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
			assert_eq!(escrow_low_events(), 1);
			assert_eq!(free(TENANT), INITIAL_BALANCE - 200 * PER_GPU_BLOCK);
		});
	}

	#[test]
	fn extending_within_the_grace_period_enters_grace_at_once() {
		new_test_ext().execute_with(|| {
			let lease_id = rented_on_a(&[1], 100);
			run_to_block(90);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 50));
			System::assert_has_event(
				Event::EscrowLow { lease: lease_id, tenant: TENANT, funded_until: 101 }.into(),
			);
			let record = lease(lease_id);
			assert_eq!((record.status, record.next_check), (LeaseStatus::Grace, Some(101)));
			run_to_block(101);
			assert_eq!(closed(), vec![(lease_id, CloseReason::InsufficientFunds)]);
		});
	}
}

/// Closing leases: by the tenant, the provider, expiry and governance.
mod closing {
	use super::*;

	#[test]
	fn the_tenant_pays_the_used_time_and_gets_the_rest_back() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(101);
			let issuance_before = issuance();
			close(TENANT, lease_id);

			let paid = 100 * PER_GPU_BLOCK;
			System::assert_last_event(
				Event::LeaseClosed {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					reason: CloseReason::Tenant,
					paid,
					fees: paid / 50,
					refunded: 900 * PER_GPU_BLOCK,
				}
				.into(),
			);
			assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
			assert_eq!(escrow_held(TENANT), 0);
			assert_eq!(deposit_held(TENANT), 0);
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
			assert_eq!(issuance(), issuance_before - paid / 50);
			assert!(!is_running(lease_id));
			assert!(!LeasesOfTenant::<Test>::contains_key(TENANT));
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
			assert!(commitments(PROVIDER_A).is_empty());
			assert!(!Due::<Test>::contains_key(1_001));
			assert!(MockOffences::taken().is_empty());
			check_invariants();

			// The GPU is free for new work.
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
		});
	}

	#[test]
	fn the_provider_closing_early_is_an_offence() {
		for closer in [PROVIDER_A, AGENT_A] {
			new_test_ext().execute_with(|| {
				let lease_id = lease_on_a(&[1], 1_000);
				run_to_block(101);
				close(closer, lease_id);
				System::assert_last_event(
					Event::LeaseClosed {
						lease: lease_id,
						tenant: TENANT,
						provider: PROVIDER_A,
						reason: CloseReason::ProviderEarly,
						paid: 100 * PER_GPU_BLOCK,
						fees: 100 * PER_GPU_BLOCK / 50,
						refunded: 900 * PER_GPU_BLOCK,
					}
					.into(),
				);
				assert_eq!(
					MockOffences::taken(),
					vec![LeaseOffence::EarlyClose {
						provider: PROVIDER_A,
						lease: lease_id,
						tenant: TENANT,
						unserved_value: 900 * PER_GPU_BLOCK,
					}]
				);
				assert_eq!(free(TENANT), INITIAL_BALANCE - 100 * PER_GPU_BLOCK);
				assert!(!Books::<Test>::contains_key(PROVIDER_A));
			});
		}
	}

	#[test]
	fn the_unserved_value_is_at_most_the_escrow_left() {
		new_test_ext().execute_with(|| {
			let lease_id = rented_on_a(&[1], 100);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
			run_to_block(51);
			close(AGENT_A, lease_id);
			// 150 blocks were left, but only 50 of them were paid for.
			assert_eq!(
				MockOffences::taken(),
				vec![LeaseOffence::EarlyClose {
					provider: PROVIDER_A,
					lease: lease_id,
					tenant: TENANT,
					unserved_value: 50 * PER_GPU_BLOCK,
				}]
			);
		});
	}

	#[test]
	fn only_the_parties_may_close() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			for who in [STRANGER, PROVIDER_B, AGENT_B, TENANT_2] {
				assert_noop!(
					Leases::close_lease(signed(who), lease_id),
					Error::<Test>::NotLeaseParty
				);
			}
		});
	}

	#[test]
	fn a_closed_lease_cannot_be_closed_again() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			close(TENANT, lease_id);
			assert_noop!(
				Leases::close_lease(signed(TENANT), lease_id),
				Error::<Test>::UnknownLease
			);
			assert_noop!(
				Leases::close_lease(signed(AGENT_A), lease_id),
				Error::<Test>::UnknownLease
			);
		});
	}

	#[test]
	fn an_attested_lease_expires_at_its_end_fully_paid() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			let issuance_before = issuance();
			for block in (101..=901).step_by(100) {
				run_to_block(block);
				attest(PROVIDER_A, lease_id, block);
			}
			run_to_block(1_000);
			assert!(is_running(lease_id));
			run_to_block(1_001);
			let paid = 1_000 * PER_GPU_BLOCK;
			System::assert_has_event(
				Event::LeaseClosed {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					reason: CloseReason::Expired,
					paid,
					fees: paid / 50,
					refunded: 0,
				}
				.into(),
			);
			assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
			assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
			assert_eq!(issuance(), issuance_before - paid / 50);
			assert!(MockOffences::taken().is_empty());
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
			assert!(!LeasesOfTenant::<Test>::contains_key(TENANT));
		});
	}

	/// A lease never attested, but shorter than its silence limit (a longer one closes as
	/// silent then: see the `silence` tests), expires at its end with only the time its start
	/// covers paid, and no offence.
	#[test]
	fn an_unattested_lease_expires_with_only_the_covered_time_paid() {
		new_test_ext().execute_with(|| {
			let silence_limit = 1 + ATTESTATION_TOLERANCE + OFFLINE_LIMIT;
			let lease_id = lease_on_a(&[1], 400);
			assert!(1 + 400 < silence_limit);
			run_to_block(401);
			let paid = ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK;
			System::assert_has_event(
				Event::LeaseClosed {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					reason: CloseReason::Expired,
					paid,
					fees: paid / 50,
					refunded: 400 * PER_GPU_BLOCK - paid,
				}
				.into(),
			);
			assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
			assert_eq!(Due::<Test>::iter().count(), 0, "a closed lease left a check queued");
			run_to_block(silence_limit);
			assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
			assert!(MockOffences::taken().is_empty());
			assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
		});
	}

	#[test]
	fn governance_may_close_any_lease() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(11);
			assert_noop!(
				Leases::force_close_lease(signed(TENANT), lease_id),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Leases::force_close_lease(RuntimeOrigin::root(), 9),
				Error::<Test>::UnknownLease
			);
			assert_ok!(Leases::force_close_lease(RuntimeOrigin::root(), lease_id));
			System::assert_last_event(
				Event::LeaseClosed {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					reason: CloseReason::Governance,
					paid: 10 * PER_GPU_BLOCK,
					fees: 10 * PER_GPU_BLOCK / 50,
					refunded: 990 * PER_GPU_BLOCK,
				}
				.into(),
			);
			assert!(MockOffences::taken().is_empty());
			assert!(!is_running(lease_id));
		});
	}
}

/// What the registry reports about providers: offline, back online, jailed.
mod provider_faults {
	use super::*;

	#[test]
	fn going_offline_with_leases_reports_downtime_and_schedules_the_limit() {
		new_test_ext().execute_with(|| {
			let first = lease_on_a(&[1], 1_000);
			let second = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
			run_to_block(50);
			went_offline(PROVIDER_A, 50);
			let escrow_of =
				|id| crate::Leases::<Test>::get(id).map(|lease| lease.escrow).unwrap_or(0);
			let harmed = vec![
				HarmedLease { lease: first, tenant: TENANT, unspent: escrow_of(first) },
				HarmedLease { lease: second, tenant: TENANT_2, unspent: escrow_of(second) },
			];
			assert!(harmed.iter().all(|lease| lease.unspent > 0));
			assert_eq!(
				MockOffences::taken(),
				vec![LeaseOffence::Downtime { provider: PROVIDER_A, since: 50, harmed }]
			);
			let limit = 50 + OFFLINE_LIMIT;
			assert_eq!(OfflineSince::<Test>::get(PROVIDER_A), Some((50, Some(limit))));
			assert_eq!(OfflineDue::<Test>::get(limit).into_inner(), vec![PROVIDER_A]);

			// Still Offline at the limit: both leases close, and only the time before the
			// provider went Offline is paid, although the tolerance would cover more.
			run_to_block(limit - 1);
			assert!(is_running(first) && is_running(second));
			run_to_block(limit);
			assert_eq!(
				closed(),
				vec![(first, CloseReason::ProviderOffline), (second, CloseReason::ProviderOffline)]
			);
			let paid_blocks = 50 - 1;
			assert!(paid_blocks < ATTESTATION_TOLERANCE);
			let paid = paid_blocks as Balance * PER_GPU_BLOCK;
			System::assert_has_event(
				Event::LeaseSettled {
					lease: first,
					paid_blocks,
					downtime_blocks: limit - 1 - paid_blocks,
					to_provider: paid - paid / 50,
					fee: paid / 50,
				}
				.into(),
			);
			System::assert_has_event(
				Event::LeaseClosed {
					lease: first,
					tenant: TENANT,
					provider: PROVIDER_A,
					reason: CloseReason::ProviderOffline,
					paid,
					fees: paid / 50,
					refunded: 1_000 * PER_GPU_BLOCK - paid,
				}
				.into(),
			);
			assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
			assert_eq!(free(TENANT_2), INITIAL_BALANCE - paid);
			assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
		});
	}

	#[test]
	fn coming_back_before_the_limit_closes_nothing() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(50);
			went_offline(PROVIDER_A, 50);
			run_to_block(100);
			back_online(PROVIDER_A, 100);
			assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
			run_to_block(50 + OFFLINE_LIMIT + 1);
			assert!(is_running(lease_id));
			assert!(closed().is_empty());
		});
	}

	#[test]
	fn time_spent_offline_is_never_paid_even_within_the_tolerance() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			let provider_before = free(PROVIDER_A);
			run_to_block(40);
			attest(PROVIDER_A, lease_id, 40);
			assert_eq!(lease(lease_id).paid_blocks, 39);

			// Offline at 60, back at 100: coming back settles 40..60 as paid and 60..100 as
			// downtime, although the attestation at 40 would cover up to 190.
			run_to_block(60);
			went_offline(PROVIDER_A, 60);
			run_to_block(100);
			back_online(PROVIDER_A, 100);
			let record = lease(lease_id);
			assert_eq!(record.settled_until, 100);
			assert_eq!(record.paid_blocks, 59);
			assert_eq!(record.downtime_blocks, 40);
			System::assert_has_event(
				Event::LeaseSettled {
					lease: lease_id,
					paid_blocks: 20,
					downtime_blocks: 40,
					to_provider: 20 * PER_GPU_BLOCK - 20 * PER_GPU_BLOCK / 50,
					fee: 20 * PER_GPU_BLOCK / 50,
				}
				.into(),
			);

			// The attestation that rides in the same heartbeat pays nothing more, and later
			// ones pay as usual.
			attest(PROVIDER_A, lease_id, 100);
			assert_eq!(lease(lease_id).paid_blocks, 59);
			run_to_block(110);
			attest(PROVIDER_A, lease_id, 110);
			let record = lease(lease_id);
			assert_eq!((record.paid_blocks, record.downtime_blocks), (69, 40));
			let paid = 69 * PER_GPU_BLOCK;
			assert_eq!(record.paid, paid);
			assert_eq!(free(PROVIDER_A), provider_before + paid - record.fees);
		});
	}

	#[test]
	fn a_tenant_closing_during_an_outage_pays_nothing_for_it() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(30);
			went_offline(PROVIDER_A, 30);
			run_to_block(80);
			let tenant_before = free(TENANT);
			close(TENANT, lease_id);
			let paid = 29 * PER_GPU_BLOCK;
			// Everything but the 29 blocks before the outage comes back, with the deposit.
			assert_eq!(
				free(TENANT),
				tenant_before + 1_000 * PER_GPU_BLOCK - paid + STORAGE_DEPOSIT
			);
			assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
		});
	}

	#[test]
	fn offline_again_after_coming_back_counts_from_the_new_time() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			went_offline(PROVIDER_A, 1);
			run_to_block(100);
			back_online(PROVIDER_A, 100);
			run_to_block(200);
			went_offline(PROVIDER_A, 200);
			// The first limit passes while the provider is Offline again, but it is stale.
			run_to_block(1 + OFFLINE_LIMIT);
			assert!(is_running(lease_id));
			run_to_block(200 + OFFLINE_LIMIT);
			assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderOffline)]);
		});
	}

	#[test]
	fn jail_closes_every_lease_of_the_provider() {
		new_test_ext().execute_with(|| {
			let first = lease_on_a(&[1], 1_000);
			let second = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
			let other = lease_with(TENANT, AGENT_B, PROVIDER_B, &[0x11], 1_000);
			run_to_block(50);
			went_offline(PROVIDER_A, 50);
			run_to_block(60);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Jailed);
			let _weight =
				<Leases as ProviderLifecycle<AccountId, BlockNumber>>::jailed(&PROVIDER_A);
			assert_eq!(closed(), vec![(first, CloseReason::Jailed), (second, CloseReason::Jailed)]);
			assert!(is_running(other));
			assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
			// Only the time before the provider went Offline is paid: 49 blocks each.
			assert_eq!(free(TENANT_2), INITIAL_BALANCE - 49 * PER_GPU_BLOCK);
			// The stale offline limit passes harmlessly.
			run_to_block(50 + OFFLINE_LIMIT);
			assert_eq!(closed().len(), 2);
		});
	}

	#[test]
	fn going_offline_without_leases_changes_nothing() {
		new_test_ext().execute_with(|| {
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			list(AGENT_A, &[2], PRICE, 100);
			went_offline(PROVIDER_A, 5);
			assert!(MockOffences::taken().is_empty());
			assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
			assert!(!OfflineDue::<Test>::contains_key(5 + OFFLINE_LIMIT));
		});
	}

	#[test]
	fn with_no_room_in_the_offline_queues_no_limit_is_set() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			let limit = 50 + OFFLINE_LIMIT;
			for block in limit..=limit + BlockNumber::from(DUE_SPILL_BLOCKS) {
				// Providers with no record here, as if they came back since.
				OfflineDue::<Test>::mutate(block, |queue| {
					assert_ok!(queue.try_push(97));
					assert_ok!(queue.try_push(98));
				});
			}
			run_to_block(50);
			went_offline(PROVIDER_A, 50);
			assert_eq!(OfflineSince::<Test>::get(PROVIDER_A), Some((50, None)));
			assert_eq!(MockOffences::taken().len(), 1);
			run_to_block(limit + BlockNumber::from(DUE_SPILL_BLOCKS) + 1);
			assert!(is_running(lease_id));
		});
	}
}

/// Providers that stay online but stop attesting a lease: each running lease's silence check.
mod silence {
	use super::*;

	/// How long after its last attestation a lease's provider may stay silent about it.
	const SILENCE: BlockNumber = ATTESTATION_TOLERANCE + OFFLINE_LIMIT;

	/// A provider that keeps heartbeating but leaves one lease out of its attestations has
	/// walked out of it: `AttestationTolerance + OfflineLimit` after its last attestation the
	/// lease closes, only the attested time paid, and the walk-out is reported as an early
	/// close. The lease it keeps attesting runs on.
	#[test]
	fn a_lease_left_out_of_the_attestations_closes_as_silent() {
		new_test_ext().execute_with(|| {
			let kept = lease_on_a(&[1], 1_000);
			let left_out = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
			assert!(Due::<Test>::get(1 + SILENCE).contains(&DueItem::LeaseCheck(left_out)));
			run_to_block(101);
			attest_lines(PROVIDER_A, 101, &[line(kept), line(left_out)]);
			// From now on the heartbeats attest only `kept`.
			for block in [201, 301, 401] {
				run_to_block(block);
				attest(PROVIDER_A, kept, block);
			}

			// The first check finds both attested since the start: each waits for its new limit.
			run_to_block(1 + SILENCE);
			assert!(is_running(left_out));
			assert!(Due::<Test>::get(101 + SILENCE).contains(&DueItem::LeaseCheck(left_out)));
			assert!(Due::<Test>::get(401 + SILENCE).contains(&DueItem::LeaseCheck(kept)));
			run_to_block(501);
			attest(PROVIDER_A, kept, 501);
			run_to_block(101 + SILENCE - 1);
			assert!(is_running(left_out));
			assert!(closed().is_empty());

			run_to_block(101 + SILENCE);
			// Paid up to where the attestation at 101 reaches (settled by the check at
			// `1 + SILENCE`); the 300 blocks since, unpaid.
			let settled = ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK;
			System::assert_has_event(
				Event::LeaseSettled {
					lease: left_out,
					paid_blocks: 0,
					downtime_blocks: 100,
					to_provider: 0,
					fee: 0,
				}
				.into(),
			);
			let paid = 100 * PER_GPU_BLOCK + settled;
			System::assert_has_event(
				Event::LeaseClosed {
					lease: left_out,
					tenant: TENANT_2,
					provider: PROVIDER_A,
					reason: CloseReason::ProviderSilent,
					paid,
					fees: paid / 50,
					refunded: 1_000 * PER_GPU_BLOCK - paid,
				}
				.into(),
			);
			assert_eq!(closed(), vec![(left_out, CloseReason::ProviderSilent)]);
			// The 450 blocks from the close to the lease's end went unserved.
			let end = 1_001;
			assert_eq!(
				MockOffences::taken(),
				vec![LeaseOffence::EarlyClose {
					provider: PROVIDER_A,
					lease: left_out,
					tenant: TENANT_2,
					unserved_value: (end - (101 + SILENCE)) as Balance * PER_GPU_BLOCK,
				}]
			);
			assert_eq!(free(TENANT_2), INITIAL_BALANCE - paid);
			assert_eq!(escrow_held(TENANT_2), 0);
			assert_eq!(deposit_held(TENANT_2), 0);
			assert!(!LeasesOfTenant::<Test>::contains_key(TENANT_2));
			assert_eq!(book(PROVIDER_A), book_of(0, 0, &[kept], 1));
			assert_eq!(commitments(PROVIDER_A), vec![(1, Commitment::Lease(kept))]);

			// The attested lease runs to its end, fully paid.
			for block in [601, 701, 801, 901] {
				run_to_block(block);
				attest(PROVIDER_A, kept, block);
			}
			run_to_block(end);
			assert_eq!(
				closed(),
				vec![(left_out, CloseReason::ProviderSilent), (kept, CloseReason::Expired)]
			);
			assert_eq!(free(TENANT), INITIAL_BALANCE - 1_000 * PER_GPU_BLOCK);
			assert!(MockOffences::taken().is_empty());
		});
	}

	/// A lease no heartbeat ever attests is silent from its start.
	#[test]
	fn a_lease_never_attested_closes_as_silent_from_its_start() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(SILENCE);
			assert!(is_running(lease_id));
			run_to_block(1 + SILENCE);
			assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderSilent)]);
			let paid = ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK;
			assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
			assert_eq!(
				MockOffences::taken(),
				vec![LeaseOffence::EarlyClose {
					provider: PROVIDER_A,
					lease: lease_id,
					tenant: TENANT,
					unserved_value: (1_001 - (1 + SILENCE)) as Balance * PER_GPU_BLOCK,
				}]
			);
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
		});
	}

	/// A lease attested in time, however long it runs, is never closed as silent: each time its
	/// check comes due for the silence limit it goes back in the queue for the limit of the
	/// latest attestation (or the end, when that comes first), and the lease expires at its end
	/// fully paid.
	#[test]
	fn a_lease_that_keeps_being_attested_is_never_closed_by_its_silence_check() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 2_000);
			// Each check, when it comes due, moves to the limit of the last attestation before
			// it: (due at, moved to).
			let checks = [
				(1 + SILENCE, 401 + SILENCE),
				(401 + SILENCE, 801 + SILENCE),
				(801 + SILENCE, 1_201 + SILENCE),
				// The next limit is past the end: the end comes first.
				(1_201 + SILENCE, 2_001),
			];
			for block in (101..=1_901).step_by(100) {
				run_to_block(block);
				attest(PROVIDER_A, lease_id, block);
				for (due, next) in &checks {
					if block > *due && block <= *due + 100 {
						assert!(is_running(lease_id));
						assert!(!Due::<Test>::contains_key(*due));
						assert_eq!(
							Due::<Test>::get(*next).into_inner(),
							vec![DueItem::LeaseCheck(lease_id)]
						);
					}
				}
			}
			run_to_block(2_000);
			assert!(closed().is_empty());
			run_to_block(2_001);
			assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
			assert_eq!(free(TENANT), INITIAL_BALANCE - 2_000 * PER_GPU_BLOCK);
			assert!(MockOffences::taken().is_empty());
			assert_eq!(Due::<Test>::iter().count(), 0, "a closed lease left a check queued");
		});
	}

	/// A provider marked Offline is not silent about one lease but gone: its silence checks
	/// wait, and the offline limit closes its leases as `ProviderOffline`, with the downtime
	/// reported and no early close.
	#[test]
	fn an_offline_provider_is_left_to_its_offline_limit() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(400);
			went_offline(PROVIDER_A, 400);
			assert!(matches!(
				MockOffences::taken().as_slice(),
				[LeaseOffence::Downtime { provider: PROVIDER_A, since: 400, .. }]
			));
			run_to_block(1 + SILENCE);
			assert!(is_running(lease_id));
			assert!(Due::<Test>::get(1 + SILENCE + OFFLINE_LIMIT)
				.contains(&DueItem::LeaseCheck(lease_id)));
			run_to_block(400 + OFFLINE_LIMIT);
			assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderOffline)]);
			assert!(MockOffences::taken().is_empty());
			// Only what the start covers was paid.
			assert_eq!(
				free(TENANT),
				INITIAL_BALANCE - ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK
			);
		});
	}

	/// Back online, a provider has until the pending check to attest the lease again; a lease
	/// it still leaves out closes as silent then.
	#[test]
	fn back_online_the_provider_must_attest_again() {
		new_test_ext().execute_with(|| {
			let attested = lease_on_a(&[1], 1_000);
			let forgotten = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
			run_to_block(400);
			went_offline(PROVIDER_A, 400);
			assert_eq!(MockOffences::taken().len(), 1);
			run_to_block(500);
			back_online(PROVIDER_A, 500);
			attest(PROVIDER_A, attested, 500);
			// The checks put off at 451 come due at 751.
			let due = 1 + SILENCE + OFFLINE_LIMIT;
			run_to_block(due - 1);
			assert!(is_running(attested) && is_running(forgotten));
			run_to_block(due);
			assert_eq!(closed(), vec![(forgotten, CloseReason::ProviderSilent)]);
			assert_eq!(
				MockOffences::taken(),
				vec![LeaseOffence::EarlyClose {
					provider: PROVIDER_A,
					lease: forgotten,
					tenant: TENANT_2,
					unserved_value: (1_001 - due) as Balance * PER_GPU_BLOCK,
				}]
			);
			assert!(is_running(attested));
			assert!(Due::<Test>::get(500 + SILENCE).contains(&DueItem::LeaseCheck(attested)));
		});
	}

	/// A lease has one entry in the deadline queues, and closing it takes it out: renting and
	/// closing again and again in one block never fills the queues (each queue holds
	/// `MaxDuePerBlock` entries, and a deadline may spill over `DUE_SPILL_BLOCKS` more).
	#[test]
	fn renting_and_closing_in_a_loop_leaves_the_queues_empty() {
		new_test_ext().execute_with(|| {
			let offer = list(AGENT_A, &[1], PRICE, MAX_LEASE_DURATION);
			let room = 8 * (1 + DUE_SPILL_BLOCKS);
			for _ in 0..=room {
				let lease_id = rent(TENANT, offer, 1, 1_000);
				close(TENANT, lease_id);
			}
			assert_eq!(Due::<Test>::iter().count(), 0, "a closed lease left a check queued");
			let lease_id = rent(TENANT, offer, 1, 1_000);
			assert_eq!(
				Due::<Test>::get(1 + SILENCE).into_inner(),
				vec![DueItem::LeaseCheck(lease_id)]
			);
		});
	}

	/// A lease that reaches its end on the block its silence limit comes due expires: the
	/// provider owed no more service, so there is no walk-out and no offence.
	#[test]
	fn a_lease_ending_at_its_silence_limit_expires_without_an_offence() {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], SILENCE);
			assert_eq!(lease(lease_id).next_check, Some(1 + SILENCE));
			run_to_block(1 + SILENCE);
			assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
			assert!(MockOffences::taken().is_empty());
		});
	}

	/// The lease's check stands for its silence limit even when its life alone would have it
	/// checked earlier: after the start of grace is handled, the check goes back for whichever
	/// comes first.
	#[test]
	fn a_lease_in_grace_is_still_checked_for_silence() {
		new_test_ext().execute_with(|| {
			let lease_id = rented_on_a(&[1], 100);
			assert_ok!(Leases::extend(signed(TENANT), lease_id, 1_000));
			run_to_block(101 - GRACE_PERIOD);
			assert_eq!(lease(lease_id).status, LeaseStatus::Grace);
			assert_ok!(Leases::top_up(signed(TENANT), lease_id, 1_000 * PER_GPU_BLOCK));
			assert_eq!(lease(lease_id).next_check, Some(1 + SILENCE));
			run_to_block(1 + SILENCE);
			assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderSilent)]);
		});
	}
}

/// What the market tells the registry about a provider's business.
mod commitments {
	use super::*;

	fn active(provider: AccountId) -> u32 {
		<Leases as ProviderCommitments<AccountId>>::active_commitments(&provider)
	}

	fn is_committed(provider: AccountId, id: u8) -> bool {
		<Leases as ProviderCommitments<AccountId>>::is_gpu_committed(
			&provider,
			&H256::repeat_byte(id),
		)
	}

	#[test]
	fn count_bids_offers_and_leases() {
		new_test_ext().execute_with(|| {
			assert_eq!(active(PROVIDER_A), 0);
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1]);
			assert_eq!(active(PROVIDER_A), 1);
			let offer = list(AGENT_A, &[2, 3], PRICE, 100);
			assert_eq!(active(PROVIDER_A), 2);
			let lease_id = rent(TENANT_2, offer, 1, 50);
			assert_eq!(active(PROVIDER_A), 3);
			assert!(is_committed(PROVIDER_A, 1));
			assert!(is_committed(PROVIDER_A, 2));
			assert!(is_committed(PROVIDER_A, 3));
			assert!(!is_committed(PROVIDER_A, 4));
			assert!(!is_committed(PROVIDER_B, 1));

			assert_ok!(Leases::withdraw_bid(signed(AGENT_A), order));
			assert_eq!(active(PROVIDER_A), 2);
			assert!(!is_committed(PROVIDER_A, 1));
			close(TENANT_2, lease_id);
			assert_eq!(active(PROVIDER_A), 1);
			// Back in the offer, the GPU is still committed.
			assert!(is_committed(PROVIDER_A, 2));
			assert_ok!(Leases::unlist_offer(signed(AGENT_A), offer));
			assert_eq!(active(PROVIDER_A), 0);
			assert!(!is_committed(PROVIDER_A, 2));
		});
	}
}

/// The read-only views behind the runtime API.
mod queries {
	use super::*;

	fn gpu_filter(name: &str, vram_mib: u32, major: u8, minor: u8) -> GpuFilter {
		GpuFilter {
			model: model(name),
			vram_mib,
			compute_capability: ComputeCapability::new(major, minor),
		}
	}

	fn ids(views: Vec<OrderView<AccountId, BlockNumber>>) -> Vec<OrderId> {
		views.into_iter().map(|view| view.id).collect()
	}

	#[test]
	fn open_orders_filter_and_page() {
		new_test_ext().execute_with(|| {
			let rtx = order_with(TENANT, of_model(RTX_4090, 2), 100, PRICE, None, 10, false);
			let h100 =
				order_with(TENANT, of_model(H100, 1), 100, PRICE, Some(b"us-east"), 10, true);
			let big_memory = order_with(
				TENANT,
				GpuRequirement { min_vram_mib: 40_000, ..any_gpus(4) },
				100,
				PRICE,
				Some(b"eu-west"),
				10,
				false,
			);
			let anything = order_with(TENANT_2, any_gpus(8), 100, PRICE, None, 10, false);
			let all = vec![rtx, h100, big_memory, anything];

			assert_eq!(ids(Leases::open_orders(OrderFilter::default(), None, 10)), all);
			let rtx_filter = OrderFilter {
				gpu: Some(gpu_filter(RTX_4090, RTX_4090_VRAM, 8, 9)),
				..Default::default()
			};
			assert_eq!(ids(Leases::open_orders(rtx_filter, None, 10)), vec![rtx, anything]);
			let h100_filter =
				OrderFilter { gpu: Some(gpu_filter(H100, H100_VRAM, 9, 0)), ..Default::default() };
			assert_eq!(
				ids(Leases::open_orders(h100_filter.clone(), None, 10)),
				vec![h100, big_memory, anything]
			);
			let small = OrderFilter { max_gpus: Some(2), ..Default::default() };
			assert_eq!(ids(Leases::open_orders(small, None, 10)), vec![rtx, h100]);
			let eu = OrderFilter { region: Some(b"eu-west".to_vec()), ..Default::default() };
			assert_eq!(ids(Leases::open_orders(eu, None, 10)), vec![rtx, big_memory, anything]);
			let combined =
				OrderFilter { max_gpus: Some(4), region: Some(b"eu-west".to_vec()), ..h100_filter };
			assert_eq!(ids(Leases::open_orders(combined, None, 10)), vec![big_memory]);

			// Paging.
			assert_eq!(
				ids(Leases::open_orders(OrderFilter::default(), Some(rtx), 2)),
				vec![h100, big_memory]
			);
			assert_eq!(
				ids(Leases::open_orders(OrderFilter::default(), Some(big_memory), 10)),
				vec![anything]
			);
			assert!(Leases::open_orders(OrderFilter::default(), None, 0).is_empty());

			// What a view holds.
			MockRegistry::update(PROVIDER_C, |provider| provider.region = b"us-east".to_vec());
			bid(AGENT_C, h100, PRICE, &[0x21]);
			assert_eq!(
				Leases::order_view_of(h100),
				Some(OrderView {
					id: h100,
					tenant: TENANT,
					requirement: of_model(H100, 1),
					duration: 100,
					max_price_per_gpu_hour: PRICE,
					manifest_hash: manifest(),
					region: Some(b"us-east".to_vec()),
					auto_award: true,
					bid_window_end: 11,
					bids: 1,
				})
			);
			assert_eq!(Leases::order_view_of(9), None);
		});
	}

	#[test]
	fn bids_of_ranks_the_bids() {
		new_test_ext().execute_with(|| {
			MockStake::set_backing(PROVIDER_B, 100);
			let order = order(1, 100, PRICE, 10, false);
			bid(AGENT_A, order, 500_000, &[1]);
			bid(AGENT_C, order, 400_000, &[0x21]);
			run_to_block(2);
			bid(AGENT_B, order, 400_000, &[0x11]);
			assert_eq!(
				Leases::bids_of(order),
				vec![
					BidView {
						provider: PROVIDER_B,
						price_per_gpu_hour: 400_000,
						gpus: vec![H256::repeat_byte(0x11)],
						placed_at: 2,
					},
					BidView {
						provider: PROVIDER_C,
						price_per_gpu_hour: 400_000,
						gpus: vec![H256::repeat_byte(0x21)],
						placed_at: 1,
					},
					BidView {
						provider: PROVIDER_A,
						price_per_gpu_hour: 500_000,
						gpus: vec![H256::repeat_byte(1)],
						placed_at: 1,
					},
				]
			);
			assert!(Leases::bids_of(9).is_empty());
		});
	}

	#[test]
	fn leases_of_lists_tenant_and_provider_leases() {
		new_test_ext().execute_with(|| {
			let first = lease_on_a(&[1], 1_000);
			let second = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
			let third = lease_with(TENANT, AGENT_B, PROVIDER_B, &[0x11], 500);
			let lease_ids = |who| -> Vec<LeaseId> {
				Leases::leases_of(&who).into_iter().map(|view| view.id).collect()
			};
			assert_eq!(lease_ids(TENANT), vec![first, third]);
			assert_eq!(lease_ids(TENANT_2), vec![second]);
			assert_eq!(lease_ids(PROVIDER_A), vec![first, second]);
			assert_eq!(lease_ids(PROVIDER_B), vec![third]);
			assert!(lease_ids(STRANGER).is_empty());

			let view = Leases::lease_view_of(third).expect("lease is running");
			assert_eq!((view.tenant, view.provider, view.end), (TENANT, PROVIDER_B, 501));
			assert_eq!((view.escrow, view.funded_until), (500 * PER_GPU_BLOCK, 501));
			assert_eq!(Leases::lease_view_of(7), None);
		});
	}

	#[test]
	fn offers_lists_unrented_gpus_and_pages() {
		new_test_ext().execute_with(|| {
			let first = list(AGENT_A, &[1, 2], PRICE, 500);
			let second = list(AGENT_C, &[0x21], 900_000, 100);
			rent(TENANT, first, 1, 100);

			// The rent took the first listed GPU.
			let spare_rtx = vec![gpu(RTX_4090, RTX_4090_VRAM, 8, 9, 2)];
			let h100 = vec![gpu(H100, H100_VRAM, 9, 0, 0x21)];
			assert_eq!(
				Leases::offers(None, 10),
				vec![
					OfferView {
						id: first,
						provider: PROVIDER_A,
						available: spare_rtx,
						rented: 1,
						price_per_gpu_hour: PRICE,
						max_duration: 500,
					},
					OfferView {
						id: second,
						provider: PROVIDER_C,
						available: h100,
						rented: 0,
						price_per_gpu_hour: 900_000,
						max_duration: 100,
					},
				]
			);
			let offer_ids = |after, limit| -> Vec<OfferId> {
				Leases::offers(after, limit).into_iter().map(|view| view.id).collect()
			};
			assert_eq!(offer_ids(None, 1), vec![first]);
			assert_eq!(offer_ids(Some(first), 10), vec![second]);
			assert!(offer_ids(Some(second), 10).is_empty());
		});
	}

	#[test]
	fn free_gpus_excludes_committed_ones() {
		new_test_ext().execute_with(|| {
			let order = order(2, 100, PRICE, 10, false);
			bid(AGENT_A, order, PRICE, &[1, 2]);
			let spare = rtx4090s(0x01).split_off(2);
			assert_eq!(
				Leases::free_gpus(&PROVIDER_A),
				Some(FreeGpus { gpus: spare.clone(), accepts_work: true })
			);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Offline);
			assert_eq!(
				Leases::free_gpus(&PROVIDER_A),
				Some(FreeGpus { gpus: spare, accepts_work: false })
			);
			assert_eq!(
				Leases::free_gpus(&PROVIDER_C),
				Some(FreeGpus { gpus: h100s(0x21), accepts_work: true })
			);
			assert_eq!(Leases::free_gpus(&STRANGER), None);
		});
	}

	#[test]
	fn quote_summarises_recent_prices_that_meet_the_requirement() {
		new_test_ext().execute_with(|| {
			assert_eq!(Leases::quote(&of_model(RTX_4090, 1), 600), None);
			lease_at(TENANT, AGENT_A, PROVIDER_A, &[1], 500_000, 100);
			lease_at(TENANT, AGENT_B, PROVIDER_B, &[0x11], 300_000, 100);
			lease_at(TENANT_2, AGENT_A, PROVIDER_A, &[2], 400_000, 100);
			lease_at(TENANT_2, AGENT_C, PROVIDER_C, &[0x21], 900_000, 100);

			// The three RTX 4090 leases; 2 GPUs for an hour at the median.
			assert_eq!(
				Leases::quote(&of_model(RTX_4090, 2), 600),
				Some(PriceQuote {
					samples: 3,
					min: 300_000,
					median: 400_000,
					max: 500_000,
					estimated_cost: 800_000,
				})
			);
			// Only the H100 has 40 GiB.
			let big_memory = GpuRequirement { min_vram_mib: 40_000, ..any_gpus(1) };
			assert_eq!(
				Leases::quote(&big_memory, 60),
				Some(PriceQuote {
					samples: 1,
					min: 900_000,
					median: 900_000,
					max: 900_000,
					estimated_cost: 90_000,
				})
			);
			assert_eq!(Leases::quote(&any_gpus(1), 600).map(|quote| quote.samples), Some(4));
			assert_eq!(Leases::quote(&of_model("NVIDIA A100", 1), 600), None);
		});
	}
}

/// Money over a lease's whole life.
mod conservation {
	use super::*;

	#[test]
	fn the_tenant_pays_exactly_what_the_provider_gets_and_the_fees_burn() {
		new_test_ext().execute_with(|| {
			// A price that leaves remainders everywhere: 3 GPUs for 250 blocks.
			let price = 1_000_003;
			let (gpus, duration) = (3, 250);
			let issuance_before = issuance();
			let offer = list(AGENT_A, &[1, 2, 3], price, 1_000);
			let lease_id = NextLeaseId::<Test>::get();
			assert_ok!(try_rent(TENANT, offer, gpus, duration, price));
			let escrow = pricing::cost_ceil(price, gpus, 250, BLOCKS_PER_HOUR).expect("fits");
			assert_eq!(escrow_held(TENANT), escrow);

			// Attestations at irregular times, each within the tolerance of the last.
			for block in [7, 58, 133, 200] {
				run_to_block(block);
				attest(PROVIDER_A, lease_id, block);
			}
			run_to_block(1 + duration);
			assert!(!is_running(lease_id));

			let owed = pricing::cost(price, gpus, 250, BLOCKS_PER_HOUR).expect("fits");
			let tenant_spent = INITIAL_BALANCE - free(TENANT);
			let provider_received = free(PROVIDER_A) - INITIAL_BALANCE;
			let fees = issuance_before - issuance();
			assert_eq!(escrow_held(TENANT) + deposit_held(TENANT), 0);
			assert_eq!(tenant_spent, owed);
			assert_eq!(tenant_spent, provider_received + fees);
			assert!(fees > 0);
			// The rounding of the escrow is returned.
			assert_eq!(escrow - owed, 1);
			System::assert_has_event(
				Event::LeaseClosed {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					reason: CloseReason::Expired,
					paid: owed,
					fees,
					refunded: escrow - owed,
				}
				.into(),
			);
			let delivered = MockDelivery::taken();
			assert_eq!(delivered.iter().map(|report| report.paid).sum::<Balance>(), owed);
			assert_eq!(delivered.iter().map(|report| report.fee).sum::<Balance>(), fees);
			assert_eq!(
				delivered.iter().map(|report| report.gpu_blocks).sum::<u64>(),
				u64::from(gpus) * duration
			);
			assert!(delivered.iter().all(|report| report.provider == PROVIDER_A
				&& report.tenant == TENANT
				&& report.lease == lease_id));
		});
	}
}

mod hook_budget;
mod proofs;

mod parameters {
	use super::*;
	use frame_support::traits::Hooks;

	#[test]
	fn an_offline_limit_of_zero_is_refused_when_the_runtime_is_built() {
		new_test_ext().execute_with(|| {
			<crate::Pallet<Test> as Hooks<BlockNumber>>::integrity_test();
			OfflineLimit::set(&0);
			let refused = std::panic::catch_unwind(|| {
				<crate::Pallet<Test> as Hooks<BlockNumber>>::integrity_test()
			});
			let message = refused
				.err()
				.and_then(|panic| panic.downcast_ref::<&str>().map(|text| text.to_string()))
				.unwrap_or_default();
			assert!(message.contains("OfflineLimit must be positive"), "{message:?}");
		});
	}
}
