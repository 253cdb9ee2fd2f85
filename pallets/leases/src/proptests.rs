//! Property tests: random sequences of orders, bids, offers, rents, top-ups, extensions, closes,
//! attestations, provider status changes and blocks. After every step the market's invariants
//! hold, a failed call has changed nothing, and no money has appeared or vanished: what is not in
//! an account was burned as a protocol fee. At the end every lease has closed, nothing is held,
//! and each tenant has lost exactly what its providers received plus the fees.

use crate::{
	mock::*, pricing, Bids, Books, CommittedGpus, Due, Event, GpuRequirement, HoldReason, Lease,
	LeaseGpusOf, LeaseOrigin, LeaseStatus, LeasesOfTenant, NextLeaseId, NextOfferId, NextOrderId,
	Offers, OfflineDue, OfflineSince, Orders, OrdersOfTenant, RegionOf, DUE_SPILL_BLOCKS,
};
use ember_primitives::{
	CloseReason, ComputeCapability, GpuModelName, HarmedLease, LeaseAttestation, LeaseId,
	LeaseOffence, ProviderLifecycle, ProviderRegistry, ProviderStatus, WorkloadStatus,
};
use frame_support::traits::fungible::{Inspect, InspectHold};
use proptest::prelude::*;
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill, StateVersion};
use std::collections::BTreeMap;

type Market = crate::Pallet<Test>;
type LeaseRecords = crate::Leases<Test>;

/// The tenants of the sequences; `POOR` can afford little, so its calls often fail.
const TENANTS: [AccountId; 3] = [TENANT, TENANT_2, POOR];
/// The mock's providers (owner, agent); a fourth pick stands for an account that is no agent.
const PROVIDERS: [(AccountId, AccountId); 3] =
	[(PROVIDER_A, AGENT_A), (PROVIDER_B, AGENT_B), (PROVIDER_C, AGENT_C)];

/// What an order asks for, against the mock's inventories (A and B: RTX 4090s, C: H100s).
#[derive(Clone, Copy, Debug)]
enum Want {
	AnyGpu,
	Rtx4090,
	H100,
	/// At least 40 GiB: H100s only.
	BigMemory,
}

/// Who closes a lease.
#[derive(Clone, Copy, Debug)]
enum Party {
	Tenant,
	Owner,
	Agent,
	/// A tenant picked at random (often not the lease's), or `STRANGER`.
	Other(usize),
}

/// One step of a sequence. Fields named after orders, offers and leases pick one of those alive
/// (see [`pick`]); calls that then fail are part of the test.
#[derive(Clone, Debug)]
enum Op {
	CreateOrder {
		tenant: usize,
		want: Want,
		count: u32,
		duration: BlockNumber,
		price: Balance,
		window: BlockNumber,
		auto_award: bool,
		/// `Some(true)`: the providers' region; `Some(false)`: a region nobody is in.
		region: Option<bool>,
	},
	CancelOrder {
		order: usize,
		impostor: Option<usize>,
	},
	PlaceBid {
		provider: usize,
		order: usize,
		/// Percent of the order's maximum price.
		price_pct: u32,
		/// Name the first GPUs of the inventory, committed or not, instead of free ones.
		sloppy: bool,
	},
	WithdrawBid {
		provider: usize,
		order: usize,
	},
	AcceptBid {
		order: usize,
		/// Picks one of the order's bidders, or now and then any provider.
		bidder: usize,
		impostor: Option<usize>,
	},
	ListOffer {
		provider: usize,
		count: u32,
		price: Balance,
		max_duration: BlockNumber,
		sloppy: bool,
	},
	UnlistOffer {
		provider: usize,
		offer: usize,
	},
	Rent {
		tenant: usize,
		offer: usize,
		count: u32,
		duration: BlockNumber,
		/// Whether the tenant's price limit is below the offer's price.
		stingy: bool,
	},
	/// The tenant rents one GPU of the offer after another, `times` times.
	RentEach {
		tenant: usize,
		offer: usize,
		times: u32,
		duration: BlockNumber,
	},
	TopUp {
		lease: usize,
		amount: Balance,
		impostor: Option<usize>,
	},
	Extend {
		lease: usize,
		blocks: BlockNumber,
		impostor: Option<usize>,
	},
	Close {
		lease: usize,
		by: Party,
	},
	ForceClose {
		lease: usize,
	},
	/// The provider's heartbeat attests the leases its book lists whose bit is set in `mask`;
	/// bit 7 adds a line for a lease that is not the provider's.
	Attest {
		provider: usize,
		mask: u8,
	},
	WentOffline(usize),
	BackOnline(usize),
	Jail(usize),
	Unjail(usize),
	SetFee(u32),
	/// Run blocks; with `heartbeats`, every Active provider attests all its leases every
	/// `HEARTBEAT_PERIOD` blocks, so leases get paid and their escrow runs down.
	Advance {
		blocks: BlockNumber,
		heartbeats: bool,
	},
}

/// How often providers attest while blocks run with heartbeats.
const HEARTBEAT_PERIOD: BlockNumber = 50;

fn price() -> impl Strategy<Value = Balance> {
	// Tiny prices make the per-block cost a fraction, so rounding is exercised.
	prop_oneof![1..=1_000u128, 100_000..=1_200_000u128]
}

fn duration() -> impl Strategy<Value = BlockNumber> {
	prop_oneof![
		8 => 1..=400u64,
		1 => Just(0),
		1 => Just(MAX_LEASE_DURATION + 1),
	]
}

fn window() -> impl Strategy<Value = BlockNumber> {
	prop_oneof![
		8 => MIN_BID_WINDOW..=40u64,
		1 => 0..MIN_BID_WINDOW,
		1 => MAX_BID_WINDOW - 2..=MAX_BID_WINDOW + 2,
	]
}

/// GPUs in an order or a rent: mostly one, so that many leases run at once.
fn count() -> impl Strategy<Value = u32> {
	prop_oneof![6 => Just(1u32), 3 => 2..=3u32, 1 => Just(0u32)]
}

fn sel() -> impl Strategy<Value = usize> {
	0..64usize
}

fn impostor() -> impl Strategy<Value = Option<usize>> {
	proptest::option::weighted(0.15, 0..TENANTS.len())
}

fn want() -> impl Strategy<Value = Want> {
	prop_oneof![
		3 => Just(Want::AnyGpu),
		2 => Just(Want::Rtx4090),
		1 => Just(Want::H100),
		1 => Just(Want::BigMemory),
	]
}

fn party() -> impl Strategy<Value = Party> {
	prop_oneof![
		4 => Just(Party::Tenant),
		2 => Just(Party::Owner),
		2 => Just(Party::Agent),
		1 => (0..=TENANTS.len()).prop_map(Party::Other),
	]
}

fn op() -> impl Strategy<Value = Op> {
	// Mostly the first tenant, so that its lease slots fill up now and then.
	let tenant = prop_oneof![5 => Just(0usize), 3 => Just(1usize), 2 => Just(2usize)];
	// Now and then one past the providers: an account that is no agent.
	let provider = prop_oneof![9 => 0..PROVIDERS.len(), 1 => Just(PROVIDERS.len())];
	let owner = 0..PROVIDERS.len();
	let bid_price_pct = prop_oneof![9 => 1..=100u32, 1 => 101..=120u32];
	let top_up =
		prop_oneof![1 => Just(0u128), 6 => 1..=2_000_000u128, 1 => Just(2 * INITIAL_BALANCE)];
	let extension = prop_oneof![8 => 1..=300u64, 1 => Just(0u64), 1 => Just(MAX_LEASE_DURATION)];
	let blocks = prop_oneof![4 => 1..=5u64, 3 => 6..=60u64, 1 => 100..=350u64];
	let region = proptest::option::weighted(0.2, prop_oneof![4 => Just(true), 1 => Just(false)]);
	prop_oneof![
		4 => (tenant.clone(), want(), count(), duration(), price(), window(), any::<bool>(), region)
			.prop_map(|(tenant, want, count, duration, price, window, auto_award, region)| {
				Op::CreateOrder { tenant, want, count, duration, price, window, auto_award, region }
			}),
		1 => (sel(), impostor()).prop_map(|(order, impostor)| Op::CancelOrder { order, impostor }),
		6 => (provider.clone(), sel(), bid_price_pct, prop::bool::weighted(0.1)).prop_map(
			|(provider, order, price_pct, sloppy)| Op::PlaceBid { provider, order, price_pct, sloppy }
		),
		1 => (provider.clone(), sel())
			.prop_map(|(provider, order)| Op::WithdrawBid { provider, order }),
		5 => (sel(), sel(), impostor())
			.prop_map(|(order, bidder, impostor)| Op::AcceptBid { order, bidder, impostor }),
		3 => (provider.clone(), 1..=4u32, price(), duration(), prop::bool::weighted(0.1)).prop_map(
			|(provider, count, price, max_duration, sloppy)| {
				Op::ListOffer { provider, count, price, max_duration, sloppy }
			}
		),
		1 => (provider, sel()).prop_map(|(provider, offer)| Op::UnlistOffer { provider, offer }),
		6 => (tenant.clone(), sel(), count(), duration(), prop::bool::weighted(0.1)).prop_map(
			|(tenant, offer, count, duration, stingy)| {
				Op::Rent { tenant, offer, count, duration, stingy }
			}
		),
		2 => (tenant, sel(), 2..=5u32, 1..=400u64).prop_map(
			|(tenant, offer, times, duration)| Op::RentEach { tenant, offer, times, duration }
		),
		3 => (sel(), top_up, impostor())
			.prop_map(|(lease, amount, impostor)| Op::TopUp { lease, amount, impostor }),
		3 => (sel(), extension, impostor())
			.prop_map(|(lease, blocks, impostor)| Op::Extend { lease, blocks, impostor }),
		2 => (sel(), party()).prop_map(|(lease, by)| Op::Close { lease, by }),
		1 => sel().prop_map(|lease| Op::ForceClose { lease }),
		4 => (owner.clone(), any::<u8>()).prop_map(|(provider, mask)| Op::Attest { provider, mask }),
		1 => owner.clone().prop_map(Op::WentOffline),
		1 => owner.clone().prop_map(Op::BackOnline),
		1 => owner.clone().prop_map(Op::Jail),
		1 => owner.prop_map(Op::Unjail),
		1 => (0..=100u32).prop_map(Op::SetFee),
		5 => (blocks, prop::bool::weighted(0.6))
			.prop_map(|(blocks, heartbeats)| Op::Advance { blocks, heartbeats }),
	]
}

/// Two leases by direct rent and an order with a bid for the hook to award, so that every
/// sequence starts with business.
fn opening() -> Vec<Op> {
	vec![
		Op::ListOffer { provider: 1, count: 3, price: 600_000, max_duration: 300, sloppy: false },
		Op::ListOffer { provider: 0, count: 2, price: 7, max_duration: 400, sloppy: false },
		Op::Rent { tenant: 1, offer: 0, count: 1, duration: 200, stingy: false },
		Op::Rent { tenant: 2, offer: 1, count: 1, duration: 300, stingy: false },
		Op::CreateOrder {
			tenant: 0,
			want: Want::AnyGpu,
			count: 2,
			duration: 250,
			price: 900_000,
			window: 10,
			auto_award: true,
			region: None,
		},
		Op::PlaceBid { provider: 0, order: 0, price_pct: 80, sloppy: false },
	]
}

fn requirement(want: Want, count: u32) -> GpuRequirement {
	let model = |name: &str| Some(GpuModelName::truncate_from(name.as_bytes().to_vec()));
	let (model, min_vram_mib, min_compute_capability) = match want {
		Want::AnyGpu => (None, 0, ComputeCapability::new(0, 0)),
		Want::Rtx4090 => (model("NVIDIA GeForce RTX 4090"), 24_576, ComputeCapability::new(8, 9)),
		Want::H100 => (model("NVIDIA H100 80GB HBM3"), 0, ComputeCapability::new(9, 0)),
		Want::BigMemory => (None, 40_000, ComputeCapability::new(0, 0)),
	};
	GpuRequirement { model, min_vram_mib, min_compute_capability, count }
}

/// The account that acts as agent `index`: a provider's agent, or one that is none.
fn agent(index: usize) -> AccountId {
	PROVIDERS.get(index).map_or(STRANGER, |(_, agent)| *agent)
}

fn agent_of(provider: AccountId) -> AccountId {
	PROVIDERS
		.iter()
		.find(|(owner, _)| *owner == provider)
		.map_or(STRANGER, |(_, agent)| *agent)
}

/// One of the `live` ids, or now and then any id up to `next`, which is mostly one that is gone.
fn pick(mut live: Vec<u64>, next: u64, sel: usize) -> u64 {
	live.sort_unstable();
	if live.is_empty() || sel % 8 == 7 {
		sel as u64 % (next + 1)
	} else {
		live[sel % live.len()]
	}
}

fn pick_order(sel: usize) -> u64 {
	pick(Orders::<Test>::iter_keys().collect(), NextOrderId::<Test>::get(), sel)
}

fn pick_offer(sel: usize) -> u64 {
	pick(Offers::<Test>::iter_keys().collect(), NextOfferId::<Test>::get(), sel)
}

fn pick_lease(sel: usize) -> u64 {
	pick(LeaseRecords::iter_keys().collect(), NextLeaseId::<Test>::get(), sel)
}

/// `count` GPUs of `provider` that meet `requirement` (if any) and are free; when there are too
/// few, or when `sloppy`, the first of its inventory whatever their state.
fn choose_gpus(
	provider: AccountId,
	requirement: Option<&GpuRequirement>,
	count: u32,
	sloppy: bool,
) -> LeaseGpusOf<Test> {
	let inventory = <MockRegistry as ProviderRegistry<AccountId>>::gpus(&provider);
	let free: Vec<H256> = inventory
		.iter()
		.filter(|gpu| requirement.is_none_or(|requirement| requirement.is_met_by(gpu)))
		.map(|gpu| gpu.uuid_hash)
		.filter(|hash| !CommittedGpus::<Test>::contains_key(provider, hash))
		.collect();
	let gpus = if sloppy || free.len() < count as usize {
		inventory.iter().map(|gpu| gpu.uuid_hash).collect()
	} else {
		free
	};
	LeaseGpusOf::<Test>::truncate_from(gpus.into_iter().take(count as usize).collect())
}

/// Run a call's `do_*` body; when it fails, it must leave storage exactly as it was.
///
/// The bodies are called directly because dispatch wraps each call in a storage layer that
/// would roll back a partial write and hide it.
fn call<R>(dispatch: impl FnOnce() -> Result<R, DispatchError>) -> bool {
	let root_before = sp_io::storage::root(StateVersion::V1);
	let result = dispatch();
	if let Err(error) = &result {
		assert_eq!(
			sp_io::storage::root(StateVersion::V1),
			root_before,
			"a failed call changed storage: {error:?}"
		);
	}
	result.is_ok()
}

fn status(provider: AccountId) -> Option<ProviderStatus> {
	<MockRegistry as ProviderRegistry<AccountId>>::status(&provider)
}

fn market_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Leases(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn last_closed() -> Option<(LeaseId, CloseReason)> {
	market_events().into_iter().rev().find_map(|event| match event {
		Event::LeaseClosed { lease, reason, .. } => Some((lease, reason)),
		_ => None,
	})
}

/// Protocol fees burned so far, from the settlements' events.
fn burned() -> Balance {
	market_events()
		.iter()
		.map(|event| match event {
			Event::LeaseSettled { fee, .. } => *fee,
			_ => 0,
		})
		.sum()
}

fn total_issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

/// Free and held funds of every account.
fn funds_in_accounts() -> Balance {
	frame_system::Account::<Test>::iter()
		.map(|(_, info)| info.data.free + info.data.reserved)
		.sum()
}

fn held(who: AccountId, reason: HoldReason) -> Balance {
	<Balances as InspectHold<AccountId>>::balance_on_hold(&RuntimeHoldReason::Leases(reason), &who)
}

/// Apply one step.
fn apply(op: &Op) {
	let now = System::block_number();
	match *op {
		Op::CreateOrder { tenant, want, count, duration, price, window, auto_award, region } => {
			let region = region.map(|ours| {
				RegionOf::<Test>::truncate_from(if ours {
					b"eu-west".to_vec()
				} else {
					b"mars".to_vec()
				})
			});
			call(|| {
				Market::do_create_order(
					TENANTS[tenant],
					requirement(want, count),
					duration,
					price,
					H256::repeat_byte(7),
					region,
					window,
					auto_award,
				)
			});
		},
		Op::CancelOrder { order, impostor } => {
			let order = pick_order(order);
			let tenant = impostor
				.map(|index| TENANTS[index])
				.or_else(|| Orders::<Test>::get(order).map(|order| order.tenant))
				.unwrap_or(TENANT);
			if call(|| Market::do_cancel_order(tenant, order)) {
				assert!(!Orders::<Test>::contains_key(order));
				assert_eq!(Bids::<Test>::iter_prefix(order).count(), 0);
			}
		},
		Op::PlaceBid { provider, order, price_pct, sloppy } => {
			let order = pick_order(order);
			let record = Orders::<Test>::get(order);
			let max_price = record.as_ref().map_or(600_000, |order| order.max_price_per_gpu_hour);
			let price = (max_price * Balance::from(price_pct) / 100).max(1);
			let owner = PROVIDERS.get(provider).map_or(STRANGER, |(owner, _)| *owner);
			let gpus = match &record {
				Some(order) => {
					choose_gpus(owner, Some(&order.requirement), order.requirement.count, sloppy)
				},
				None => choose_gpus(owner, None, 1, sloppy),
			};
			call(|| Market::do_place_bid(agent(provider), order, price, gpus));
		},
		Op::WithdrawBid { provider, order } => {
			let order = pick_order(order);
			call(|| Market::do_withdraw_bid(agent(provider), order));
		},
		Op::AcceptBid { order, bidder, impostor } => {
			let order = pick_order(order);
			let tenant = impostor
				.map(|index| TENANTS[index])
				.or_else(|| Orders::<Test>::get(order).map(|order| order.tenant))
				.unwrap_or(TENANT);
			let bidders: Vec<AccountId> = Bids::<Test>::iter_key_prefix(order).collect();
			let anyone = PROVIDERS[bidder % PROVIDERS.len()].0;
			let provider = match bidders.get(bidder % bidders.len().max(1)) {
				Some(provider) if bidder % 8 != 7 => *provider,
				_ => anyone,
			};
			let lease = NextLeaseId::<Test>::get();
			if call(|| Market::do_accept_bid(tenant, order, provider)) {
				let record = LeaseRecords::get(lease).expect("the accepted bid started a lease");
				assert_eq!((record.tenant, record.provider), (tenant, provider));
				assert_eq!(record.origin, LeaseOrigin::Order(order));
				assert!(!Orders::<Test>::contains_key(order));
			}
		},
		Op::ListOffer { provider, count, price, max_duration, sloppy } => {
			let owner = PROVIDERS.get(provider).map_or(STRANGER, |(owner, _)| *owner);
			let gpus = choose_gpus(owner, None, count, sloppy);
			call(|| Market::do_list_offer(agent(provider), gpus, price, max_duration));
		},
		Op::UnlistOffer { provider, offer } => {
			let offer = pick_offer(offer);
			call(|| Market::do_unlist_offer(agent(provider), offer));
		},
		Op::Rent { tenant, offer, count, duration, stingy } => {
			let offer = pick_offer(offer);
			let offer_price = Offers::<Test>::get(offer).map_or(600_000, |o| o.price_per_gpu_hour);
			let limit = if stingy { offer_price - 1 } else { offer_price };
			let lease = NextLeaseId::<Test>::get();
			if call(|| {
				Market::do_rent(
					TENANTS[tenant],
					offer,
					count,
					duration,
					limit,
					H256::repeat_byte(9),
				)
			}) {
				let record = LeaseRecords::get(lease).expect("the rent started a lease");
				assert_eq!(record.gpu_count(), count);
				assert_eq!(record.origin, LeaseOrigin::Offer(offer));
			}
		},
		Op::RentEach { tenant, offer, times, duration } => {
			for _ in 0..times {
				apply(&Op::Rent { tenant, offer, count: 1, duration, stingy: false });
			}
		},
		Op::TopUp { lease, amount, impostor } => {
			let lease = pick_lease(lease);
			let record = LeaseRecords::get(lease);
			let tenant = impostor
				.map(|index| TENANTS[index])
				.or_else(|| record.as_ref().map(|lease| lease.tenant))
				.unwrap_or(TENANT);
			if call(|| Market::do_top_up(tenant, lease, amount)) {
				let before = record.expect("a topped-up lease existed");
				let after = LeaseRecords::get(lease).expect("a top-up closes nothing");
				let settled = after.paid - before.paid;
				assert_eq!(after.escrow, before.escrow + amount - settled);
				assert_eq!(after.settled_until, now.min(after.end));
			}
		},
		Op::Extend { lease, blocks, impostor } => {
			let lease = pick_lease(lease);
			let record = LeaseRecords::get(lease);
			let tenant = impostor
				.map(|index| TENANTS[index])
				.or_else(|| record.as_ref().map(|lease| lease.tenant))
				.unwrap_or(TENANT);
			if call(|| Market::do_extend(tenant, lease, blocks)) {
				let before = record.expect("an extended lease existed");
				let after = LeaseRecords::get(lease).expect("an extension closes nothing");
				assert_eq!(after.end, before.end + blocks);
				assert_eq!(after.escrow, before.escrow, "an extension holds nothing");
			}
		},
		Op::Close { lease, by } => {
			let lease = pick_lease(lease);
			let record = LeaseRecords::get(lease);
			let who = match (by, &record) {
				(Party::Tenant, Some(record)) => record.tenant,
				(Party::Owner, Some(record)) => record.provider,
				(Party::Agent, Some(record)) => agent_of(record.provider),
				(Party::Other(index), _) => TENANTS.get(index).copied().unwrap_or(STRANGER),
				(_, None) => TENANT,
			};
			MockOffences::taken();
			if call(|| Market::do_close_by(who, lease)) {
				let record = record.expect("a closed lease existed");
				let early = now < record.end;
				let by_tenant = who == record.tenant;
				let expected = match (early, by_tenant) {
					(false, _) => CloseReason::Expired,
					(true, true) => CloseReason::Tenant,
					(true, false) => CloseReason::ProviderEarly,
				};
				assert_eq!(last_closed(), Some((lease, expected)));
				let offences = MockOffences::taken();
				let reported = offences.iter().any(
					|offence| matches!(offence, LeaseOffence::EarlyClose { lease: id, .. } if *id == lease),
				);
				assert_eq!(reported, expected == CloseReason::ProviderEarly);
				assert!(!LeaseRecords::contains_key(lease));
			}
		},
		Op::ForceClose { lease } => {
			let lease = pick_lease(lease);
			if call(|| Market::force_close_lease(RuntimeOrigin::root(), lease)) {
				assert_eq!(last_closed(), Some((lease, CloseReason::Governance)));
			}
		},
		Op::Attest { provider, mask } => {
			let (owner, _) = PROVIDERS[provider];
			// A heartbeat brings an Offline provider back.
			if status(owner) == Some(ProviderStatus::Offline) {
				MockRegistry::set_status(owner, ProviderStatus::Active);
				let _weight = <Market as ProviderLifecycle<_, _>>::back_online(
					&owner,
					System::block_number(),
				);
			}
			let book_before = Books::<Test>::get(owner);
			let mut leases: Vec<LeaseId> = book_before
				.lease_ids()
				.enumerate()
				.filter(|(index, _)| mask & (1 << (index % 7)) != 0)
				.map(|(_, lease)| lease)
				.collect();
			// Another provider's lease, or one that does not exist: the line is ignored.
			let stranger = (mask & 0x80 != 0).then(|| {
				LeaseRecords::iter()
					.find(|(_, lease)| lease.provider != owner)
					.map_or(NextLeaseId::<Test>::get() + 3, |(id, _)| id)
			});
			let stranger_before = stranger.and_then(LeaseRecords::get);
			leases.extend(stranger);
			let lines: Vec<LeaseAttestation> = leases
				.iter()
				.map(|lease| LeaseAttestation {
					lease: *lease,
					status: WorkloadStatus::Running,
					gpu_utilization_pct: mask,
					memory_used_mib: 1_000,
				})
				.collect();
			let records_before: Vec<_> = leases.iter().map(LeaseRecords::get).collect();
			<Market as ProviderLifecycle<_, _>>::attested(&owner, now, &lines);
			let book = Books::<Test>::get(owner);
			for (lease, before) in leases.iter().zip(records_before) {
				if Some(*lease) == stranger {
					continue;
				}
				let record = LeaseRecords::get(lease).expect("an attestation closes nothing");
				assert_eq!(book.running(*lease).map(|running| running.attested_at), Some(now));
				// A line on time moves no money; a late one settles the gap first.
				let attested_before = book_before.running(*lease).expect("in the book").attested_at;
				if now > attested_before + AttestationTolerance::get() {
					assert_eq!(record.settled_until, now.min(record.end));
				} else {
					assert_eq!(Some(record), before, "an attestation on time moved money");
				}
			}
			if let Some(stranger) = stranger {
				assert_eq!(LeaseRecords::get(stranger), stranger_before, "an ignored line counted");
				System::assert_has_event(
					Event::AttestationIgnored { provider: owner, lease: stranger }.into(),
				);
			}
		},
		Op::WentOffline(provider) => {
			let (owner, _) = PROVIDERS[provider];
			if status(owner) == Some(ProviderStatus::Active) {
				MockOffences::taken();
				// Compensation is bounded by what each lease holds beyond what it owes for
				// attested time (`OfflineSince` is not set yet, so that is up to the cover).
				let running: Vec<_> = Books::<Test>::get(owner)
					.leases
					.iter()
					.filter_map(|running| {
						crate::Leases::<Test>::get(running.lease).map(|lease| {
							let owed = Market::settlement(&lease, running.attested_at, now)
								.map_or(0, |settlement| settlement.amount);
							HarmedLease {
								lease: running.lease,
								unspent: lease.escrow - owed,
								tenant: lease.tenant,
							}
						})
					})
					.collect();
				MockRegistry::set_status(owner, ProviderStatus::Offline);
				<Market as ProviderLifecycle<_, _>>::went_offline(&owner, now);
				let offences = MockOffences::taken();
				if !running.is_empty() {
					assert_eq!(
						offences,
						vec![LeaseOffence::Downtime {
							provider: owner,
							since: now,
							harmed: running
						}]
					);
					assert_eq!(OfflineSince::<Test>::get(owner).map(|(since, _)| since), Some(now));
				} else {
					assert!(offences.is_empty());
				}
			}
		},
		Op::BackOnline(provider) => {
			let (owner, _) = PROVIDERS[provider];
			if status(owner) == Some(ProviderStatus::Offline) {
				MockRegistry::set_status(owner, ProviderStatus::Active);
				let _weight = <Market as ProviderLifecycle<_, _>>::back_online(
					&owner,
					System::block_number(),
				);
				assert!(OfflineSince::<Test>::get(owner).is_none());
			}
		},
		Op::Jail(provider) => {
			let (owner, _) = PROVIDERS[provider];
			if matches!(status(owner), Some(ProviderStatus::Active | ProviderStatus::Offline)) {
				MockRegistry::set_status(owner, ProviderStatus::Jailed);
				<Market as ProviderLifecycle<_, _>>::jailed(&owner);
				assert!(Books::<Test>::get(owner).leases.is_empty());
				assert!(OfflineSince::<Test>::get(owner).is_none());
			}
		},
		Op::Unjail(provider) => {
			let (owner, _) = PROVIDERS[provider];
			if status(owner) == Some(ProviderStatus::Jailed) {
				MockRegistry::set_status(owner, ProviderStatus::Active);
			}
		},
		Op::SetFee(percent) => {
			let fee = Perbill::from_percent(percent);
			assert!(call(|| Market::set_protocol_fee(RuntimeOrigin::root(), fee)));
			assert_eq!(crate::ProtocolFee::<Test>::get(), fee);
		},
		Op::Advance { blocks, heartbeats } => {
			for _ in 0..blocks {
				next_block();
				if heartbeats && System::block_number().is_multiple_of(HEARTBEAT_PERIOD) {
					for (provider, (owner, _)) in PROVIDERS.iter().enumerate() {
						if status(*owner) == Some(ProviderStatus::Active) {
							apply(&Op::Attest { provider, mask: 0x7f });
						}
					}
				}
			}
		},
	}
}

/// Run the next block, and check that each lease its hook closed closed for a reason that holds,
/// and that every lease still running has been checked in time.
fn next_block() {
	let running: BTreeMap<LeaseId, Lease<Test>> = LeaseRecords::iter().collect();
	let offline: BTreeMap<AccountId, BlockNumber> = OfflineSince::<Test>::iter()
		.map(|(provider, (since, _))| (provider, since))
		.collect();
	let seen = System::events().len();
	let now = System::block_number() + 1;
	run_to_block(now);

	for record in System::events().into_iter().skip(seen) {
		let RuntimeEvent::Leases(Event::LeaseClosed { lease, reason, refunded, .. }) = record.event
		else {
			continue;
		};
		let before = running.get(&lease).expect("the hook closes running leases");
		match reason {
			CloseReason::Expired => assert!(now >= before.end, "lease {lease} expired early"),
			CloseReason::InsufficientFunds => {
				assert!(now < before.end);
				// Less than one more block's worth was left.
				let block = pricing::cost_ceil(
					before.price_per_gpu_hour,
					before.gpu_count(),
					1,
					BLOCKS_PER_HOUR,
				)
				.expect("prices here fit");
				assert!(refunded < block, "lease {lease} closed with funds left");
			},
			CloseReason::ProviderOffline => {
				assert_eq!(status(before.provider), Some(ProviderStatus::Offline));
				let since = offline.get(&before.provider).expect("the provider was Offline");
				assert!(now >= since + OFFLINE_LIMIT, "lease {lease} closed before the limit");
			},
			other => panic!("the hook closed lease {lease} for {other:?}"),
		}
	}
	for (id, lease) in LeaseRecords::iter() {
		assert!(lease.end > now, "lease {id} outlived its end");
		// Escrow only grows while a lease runs unchecked, so an Active lease is always more than
		// the grace period from running out.
		let funded_until = Market::funded_until(&lease);
		if lease.status == LeaseStatus::Active {
			assert!(
				funded_until >= lease.end || funded_until.saturating_sub(GRACE_PERIOD) > now,
				"lease {id} should be in grace"
			);
		}
	}
}

/// Withdraw every offer, then run past every end, window and offline limit, so that everything
/// closes.
fn wind_down() {
	let offers: Vec<_> = Offers::<Test>::iter().collect();
	for (offer, record) in offers {
		assert!(call(|| Market::do_unlist_offer(agent_of(record.provider), offer)));
	}
	// An order still open becomes a lease that ends later: go round until nothing is left.
	let spill = u64::from(DUE_SPILL_BLOCKS);
	let give_up = System::block_number() + 10 * MAX_LEASE_DURATION;
	while let Some(horizon) = LeaseRecords::iter_values()
		.map(|lease| lease.end)
		.chain(
			Orders::<Test>::iter_values()
				.map(|order| order.bid_window_end + spill + order.duration),
		)
		.chain(Due::<Test>::iter_keys())
		.chain(OfflineDue::<Test>::iter_keys())
		.max()
	{
		assert!(System::block_number() < give_up, "the market never winds down");
		let target = horizon.max(System::block_number()) + spill + 1;
		while System::block_number() < target {
			next_block();
		}
	}
}

/// Per lease: its tenant and provider, what its settlements paid (fees included) and burned, and
/// what its close reported.
#[derive(Default, Debug)]
struct LeaseBooks {
	parties: Option<(AccountId, AccountId)>,
	settled: Balance,
	settled_fees: Balance,
	closed: Option<(Balance, Balance)>,
}

fn lease_books() -> BTreeMap<LeaseId, LeaseBooks> {
	let mut books: BTreeMap<LeaseId, LeaseBooks> = BTreeMap::new();
	for event in market_events() {
		match event {
			Event::LeaseStarted { lease, tenant, provider, .. } => {
				books.entry(lease).or_default().parties = Some((tenant, provider));
			},
			Event::LeaseSettled { lease, to_provider, fee, .. } => {
				let entry = books.entry(lease).or_default();
				entry.settled += to_provider + fee;
				entry.settled_fees += fee;
			},
			Event::LeaseClosed { lease, paid, fees, .. } => {
				books.entry(lease).or_default().closed = Some((paid, fees));
			},
			_ => {},
		}
	}
	books
}

/// Everything is closed and released, and each lease's money went where its events say.
fn check_final_accounts(initial: &BTreeMap<AccountId, Balance>) {
	assert_eq!(Orders::<Test>::iter().count(), 0, "an order outlived its window");
	assert_eq!(Bids::<Test>::iter().count(), 0, "a bid outlived its order");
	assert_eq!(LeaseRecords::iter().count(), 0, "a lease outlived its end");
	assert_eq!(Offers::<Test>::iter().count(), 0);
	assert_eq!(Books::<Test>::iter().count(), 0, "a provider still has business");
	assert_eq!(CommittedGpus::<Test>::iter().count(), 0, "a GPU is still committed");
	assert_eq!(OrdersOfTenant::<Test>::iter().count(), 0);
	assert_eq!(LeasesOfTenant::<Test>::iter().count(), 0);
	assert_eq!(OfflineSince::<Test>::iter().count(), 0);
	assert_eq!(Due::<Test>::iter().count(), 0, "a deadline was never processed");
	assert_eq!(OfflineDue::<Test>::iter().count(), 0);

	let mut lost: BTreeMap<AccountId, Balance> = BTreeMap::new();
	let mut earned: BTreeMap<AccountId, Balance> = BTreeMap::new();
	let mut fees = 0;
	for (lease, books) in lease_books() {
		let (tenant, provider) = books.parties.expect("every settled lease started");
		let (paid, lease_fees) = books.closed.expect("every lease closed");
		assert_eq!((paid, lease_fees), (books.settled, books.settled_fees), "lease {lease}");
		*lost.entry(tenant).or_default() += paid;
		*earned.entry(provider).or_default() += paid - lease_fees;
		fees += lease_fees;
	}
	assert_eq!(fees, burned());
	for (who, balance) in initial {
		assert_eq!(held(*who, HoldReason::Escrow), 0);
		assert_eq!(held(*who, HoldReason::StorageDeposit), 0);
		let expected = balance - lost.get(who).copied().unwrap_or_default()
			+ earned.get(who).copied().unwrap_or_default();
		assert_eq!(<Balances as Inspect<AccountId>>::total_balance(who), expected, "account {who}");
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	#[test]
	fn market_keeps_its_books_and_its_money(ops in prop::collection::vec(op(), 1..60)) {
		new_test_ext().execute_with(|| {
			let initial_issuance = total_issuance();
			let initial: BTreeMap<AccountId, Balance> = frame_system::Account::<Test>::iter()
				.map(|(who, info)| (who, info.data.free + info.data.reserved))
				.collect();
			assert_eq!(initial.values().sum::<Balance>(), initial_issuance);
			let check_money = || {
				let burned = burned();
				assert_eq!(total_issuance(), initial_issuance - burned, "issuance drifted");
				assert_eq!(funds_in_accounts() + burned, initial_issuance, "funds appeared or vanished");
			};

			for op in opening().iter().chain(ops.iter()) {
				apply(op);
				check_invariants();
				check_money();
			}
			wind_down();
			check_money();
			check_final_accounts(&initial);
		});
	}
}
