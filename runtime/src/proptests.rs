//! The whole economy at once, through the real runtime: providers, staking, the lease market,
//! emissions and slashing driven together by random sequences of calls made with real origins.
//!
//! After every call and every block, every pallet's invariants hold (emissions' include its
//! issuance ledger), and total issuance has moved by exactly what emissions minted less what
//! lease fees and slashes burned, as their events tell. Every slash is sized as the model
//! computes it on its own (a harm-sized offence by the unspent value it harmed, any other by
//! its kind's fraction, within the kind's and the era's caps of the backing at the era's first
//! offence); it is taken from the backers named when it was reported, the owner's bond first,
//! whatever they unbonded or left since, and delegators never lose more than the era's cap.
//! Tenants are paid only out of the owner's part and never more than their lease had left, so
//! an owner colluding with any of its tenants gets back at most what its own bond paid: no
//! sequence moves delegators' stake to the provider's side. A jailed provider runs no lease,
//! and the calls whose outcome the state decides (closes, top-ups, extensions, heartbeats,
//! reports, cancels, unjails) succeed or fail as it says.

use crate::{
	configs::{HeartbeatPeriod, OfflineLimit},
	tests::{account, bond_and_register, check_invariants, gpu, preset_ext, run_to_block, running},
	AccountId, Balance, Balances, BlockNumber, Emissions, Leases, ProviderStaking, Providers,
	Runtime, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Slashing, System, DAYS, EMBR, HOURS,
};
use ember_primitives::{CloseReason, ComputeCapability, LeaseId, ProviderOffence, ProviderStatus};
use frame_support::{
	assert_ok,
	traits::{
		fungible::{Inspect, InspectHold, Mutate},
		tokens::Preservation,
	},
	BoundedVec,
};
use pallet_slashing::{OffenceKind, PendingSlash, SlashId};
use proptest::prelude::*;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::DispatchResult;
use std::collections::BTreeMap;

type LeaseRecords = pallet_leases::Leases<Runtime>;
type Registered = pallet_providers::Providers<Runtime>;
type PendingSlashes = pallet_slashing::PendingSlashes<Runtime>;
type LeaseError = pallet_leases::Error<Runtime>;
type SlashingError = pallet_slashing::Error<Runtime>;

const PROVIDERS: usize = 3;
/// GPUs each provider registers: the last one is listed for direct rent, the others take bids.
const GPUS: u8 = 3;
/// Bond beyond what the GPUs require, so that owners have some to unbond.
const BOND_SLACK: Balance = 500 * EMBR;
/// What the delegator backs the first provider with from the start.
const DELEGATED: Balance = 1_000 * EMBR;
/// The most tenants pay per GPU-hour.
const MAX_PRICE: Balance = 10 * EMBR;

/// Provider owners: the cold keys that hold the bonds.
fn owner(provider: usize) -> AccountId {
	account([Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave][provider])
}

/// The providers' agents: the hot keys that heartbeat, bid and list.
fn agent(provider: usize) -> AccountId {
	account(
		[Sr25519Keyring::BobStash, Sr25519Keyring::CharlieStash, Sr25519Keyring::DaveStash]
			[provider],
	)
}

fn tenant(index: usize) -> AccountId {
	account([Sr25519Keyring::Eve, Sr25519Keyring::Ferdie][index])
}

fn delegator() -> AccountId {
	account(Sr25519Keyring::One)
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn index_of(provider: &AccountId) -> usize {
	(0..PROVIDERS)
		.find(|p| owner(*p) == *provider)
		.expect("one of the test's providers")
}

/// The providers list their GPU at different prices.
fn offer_price(provider: usize) -> Balance {
	(2 + provider as Balance) * EMBR
}

fn status(provider: usize) -> Option<ProviderStatus> {
	Registered::get(owner(provider)).map(|info| info.status)
}

fn register(provider: usize) -> DispatchResult {
	Providers::register(
		signed(&owner(provider)),
		agent(provider),
		BoundedVec::truncate_from(b"eu-west".to_vec()),
		BoundedVec::truncate_from(b"12D3KooWEmberTestPeer".to_vec()),
		BoundedVec::truncate_from(vec![BoundedVec::truncate_from(
			b"/ip4/127.0.0.1/tcp/30555".to_vec(),
		)]),
		BoundedVec::truncate_from((0..GPUS).map(gpu).collect::<Vec<_>>()),
	)
}

/// The first offer the provider has listed.
fn offer_of(provider: usize) -> Option<u64> {
	pallet_leases::Offers::<Runtime>::iter()
		.filter(|(_, offer)| offer.provider == owner(provider))
		.map(|(id, _)| id)
		.min()
}

/// The provider's GPUs for an order of `count`: free ones when it has enough, else the first
/// ones of its inventory, committed or not (the bid then fails).
fn gpus_for(provider: usize, count: u32) -> pallet_leases::LeaseGpusOf<Runtime> {
	let free: Vec<H256> = Leases::free_gpus(&owner(provider))
		.map(|free| free.gpus.iter().map(|gpu| gpu.uuid_hash).collect())
		.unwrap_or_default();
	let gpus = if free.len() >= count as usize {
		free
	} else {
		(0..GPUS).map(|index| gpu(index).uuid_hash).collect()
	};
	BoundedVec::truncate_from(gpus.into_iter().take(count as usize).collect())
}

/// One of `ids` picked by `sel`, or `next` (no such record yet) when there is none.
fn pick(mut ids: Vec<u64>, next: u64, sel: usize) -> u64 {
	ids.sort_unstable();
	ids.get(sel % ids.len().max(1)).copied().unwrap_or(next)
}

/// Everything backing `provider`, active and unbonding, and how many backers hold it, from the
/// staking records themselves.
fn backing_of(provider: &AccountId) -> (Balance, Balance) {
	let mut backing = 0;
	let mut backers = 0;
	if let Some(ledger) = pallet_provider_staking::Ledgers::<Runtime>::get(provider) {
		backing +=
			ledger.active + ledger.unlocking.iter().map(|chunk| chunk.value).sum::<Balance>();
		backers += 1;
	}
	for (_, delegation) in pallet_provider_staking::Delegations::<Runtime>::iter_prefix(provider) {
		backing += delegation.active
			+ delegation.unlocking.iter().map(|chunk| chunk.value).sum::<Balance>();
		backers += 1;
	}
	(backing, backers)
}

/// What `who` holds for `provider`, active and unbonding: its bond when it is the owner, its
/// delegation otherwise.
fn held_for(provider: &AccountId, who: &AccountId) -> Balance {
	let unlocking = |chunks: &[pallet_provider_staking::UnlockChunk<Balance, BlockNumber>]| {
		chunks.iter().map(|chunk| chunk.value).sum::<Balance>()
	};
	if who == provider {
		pallet_provider_staking::Ledgers::<Runtime>::get(provider)
			.map_or(0, |ledger| ledger.active + unlocking(&ledger.unlocking))
	} else {
		pallet_provider_staking::Delegations::<Runtime>::get(provider, who)
			.map_or(0, |delegation| delegation.active + unlocking(&delegation.unlocking))
	}
}

/// A backer named in a slash's exposure.
struct Backer {
	who: AccountId,
	/// What it held for the provider when the offence was reported.
	then: Balance,
	/// What it held just before the slash applied.
	now: Balance,
}

/// A provider's slashes in one era.
#[derive(Default)]
struct EraSlashes {
	/// Everything that backed the provider at its first offence of the era.
	base: Balance,
	/// Scheduled and not cancelled, all kinds together and per kind.
	total: Balance,
	by_kind: [Balance; 4],
	/// What the applied ones took from delegators.
	from_delegators: Balance,
}

/// All of the issuance is in accounts, and every lease is run by a registered provider. Checked
/// after calls only: iterating accounts at every block would cost most of the test's time.
fn check_accounts() {
	let in_accounts: Balance = frame_system::Account::<Runtime>::iter_values()
		.map(|account| account.data.free + account.data.reserved)
		.sum();
	assert_eq!(in_accounts, Balances::total_issuance(), "accounts and issuance differ");
	for lease in LeaseRecords::iter_values() {
		assert!(
			Registered::contains_key(&lease.provider),
			"a lease outlived its provider's registration"
		);
	}
}

fn requirement(gpus: u32) -> pallet_leases::GpuRequirement {
	pallet_leases::GpuRequirement {
		model: None,
		min_vram_mib: 20_000,
		min_compute_capability: ComputeCapability::new(8, 0),
		count: gpus,
	}
}

/// Who closes a lease.
#[derive(Clone, Copy, Debug)]
enum Closer {
	Tenant,
	Agent,
	Owner,
	/// The other tenant: not a party to the lease.
	Stranger,
}

#[derive(Clone, Copy, Debug)]
enum Offence {
	/// The provider's GPU of this index was misstated.
	FalseInventory(u8),
	FailedChallenge(u64),
}

/// One step of a sequence. `order`, `lease` and `slash` pick one of those alive; calls that then
/// fail are part of the test.
#[derive(Clone, Copy, Debug)]
enum Op {
	/// The agent heartbeats now, attesting its provider's leases, and every period from now on.
	Heartbeat(usize),
	/// The agent falls silent until its next `Heartbeat`.
	Silence(usize),
	CreateOrder {
		tenant: usize,
		gpus: u32,
		duration: BlockNumber,
		window: BlockNumber,
		auto_award: bool,
	},
	PlaceBid {
		order: usize,
		provider: usize,
		price: Balance,
	},
	AcceptBid {
		order: usize,
		provider: usize,
	},
	/// An order that the provider bids on and the tenant accepts at once.
	Lease {
		tenant: usize,
		provider: usize,
		gpus: u32,
		duration: BlockNumber,
		price: Balance,
	},
	ListOffer(usize),
	Unlist(usize),
	Rent {
		tenant: usize,
		provider: usize,
		duration: BlockNumber,
	},
	Close {
		lease: usize,
		by: Closer,
	},
	TopUp {
		lease: usize,
		amount: Balance,
	},
	Extend {
		lease: usize,
		blocks: BlockNumber,
	},
	Delegate {
		provider: usize,
		amount: Balance,
	},
	Undelegate {
		provider: usize,
		amount: Balance,
	},
	Claim(usize),
	Report {
		provider: usize,
		offence: Offence,
	},
	CancelSlash(usize),
	Unjail(usize),
	Leave(usize),
	Rejoin(usize),
	BondExtra {
		provider: usize,
		amount: Balance,
	},
	/// Unbond that much, or the whole active bond.
	Unbond {
		provider: usize,
		amount: Option<Balance>,
	},
	Advance(BlockNumber),
}

fn embr(range: std::ops::RangeInclusive<u128>) -> impl Strategy<Value = Balance> {
	range.prop_map(|amount| amount * EMBR)
}

fn op() -> impl Strategy<Value = Op> {
	let provider = || 0..PROVIDERS;
	let tenant = || 0..2usize;
	let sel = || 0..8usize;
	let duration = || 100..3_000 as BlockNumber;
	prop_oneof![
		3 => provider().prop_map(Op::Heartbeat),
		2 => provider().prop_map(Op::Silence),
		2 => (tenant(), 1..=2u32, duration(), 5..=60 as BlockNumber, any::<bool>()).prop_map(
			|(tenant, gpus, duration, window, auto_award)| Op::CreateOrder {
				tenant,
				gpus,
				duration,
				window,
				auto_award
			}
		),
		2 => (sel(), provider(), embr(1..=12))
			.prop_map(|(order, provider, price)| Op::PlaceBid { order, provider, price }),
		2 => (sel(), provider()).prop_map(|(order, provider)| Op::AcceptBid { order, provider }),
		5 => (tenant(), provider(), 1..=2u32, duration(), embr(1..=10)).prop_map(
			|(tenant, provider, gpus, duration, price)| Op::Lease {
				tenant,
				provider,
				gpus,
				duration,
				price
			}
		),
		1 => provider().prop_map(Op::ListOffer),
		1 => provider().prop_map(Op::Unlist),
		4 => (tenant(), provider(), duration())
			.prop_map(|(tenant, provider, duration)| Op::Rent { tenant, provider, duration }),
		3 => (
			sel(),
			prop_oneof![
				Just(Closer::Tenant),
				Just(Closer::Agent),
				Just(Closer::Owner),
				Just(Closer::Stranger)
			]
		)
			.prop_map(|(lease, by)| Op::Close { lease, by }),
		2 => (sel(), embr(1..=50)).prop_map(|(lease, amount)| Op::TopUp { lease, amount }),
		1 => (sel(), 1..2_000 as BlockNumber)
			.prop_map(|(lease, blocks)| Op::Extend { lease, blocks }),
		1 => (provider(), embr(5..=500))
			.prop_map(|(provider, amount)| Op::Delegate { provider, amount }),
		1 => (provider(), embr(5..=500))
			.prop_map(|(provider, amount)| Op::Undelegate { provider, amount }),
		2 => provider().prop_map(Op::Claim),
		1 => (
			provider(),
			prop_oneof![
				(0..GPUS).prop_map(Offence::FalseInventory),
				(0..3u64).prop_map(Offence::FailedChallenge)
			]
		)
			.prop_map(|(provider, offence)| Op::Report { provider, offence }),
		1 => sel().prop_map(Op::CancelSlash),
		1 => provider().prop_map(Op::Unjail),
		1 => provider().prop_map(Op::Leave),
		1 => provider().prop_map(Op::Rejoin),
		1 => (provider(), embr(10..=500))
			.prop_map(|(provider, amount)| Op::BondExtra { provider, amount }),
		1 => (provider(), proptest::option::of(embr(50..=600)))
			.prop_map(|(provider, amount)| Op::Unbond { provider, amount }),
		10 => (1..=300 as BlockNumber).prop_map(Op::Advance),
		1 => (HOURS..=3 * HOURS).prop_map(Op::Advance),
	]
}

/// Genesis of the development preset with three providers (bonded with some slack, registered
/// with three GPUs, one of them listed), their agents funded, and a delegator behind the first.
fn economy_ext() -> sp_io::TestExternalities {
	let mut ext = preset_ext("development");
	ext.execute_with(|| {
		// Every block carries a BABE digest naming Alice (see `run_to_block`), so emissions
		// pays its author as on chain.
		let alice = account(Sr25519Keyring::Alice);
		let fund = |who: &AccountId, amount: Balance| {
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&alice,
				who,
				amount,
				Preservation::Preserve
			));
		};
		fund(&delegator(), 10_000 * EMBR);
		for provider in 0..PROVIDERS {
			fund(&agent(provider), 10 * EMBR);
			bond_and_register(&owner(provider), &agent(provider), GPUS);
			assert_ok!(ProviderStaking::bond_extra(signed(&owner(provider)), BOND_SLACK));
			assert_ok!(Leases::list_offer(
				signed(&agent(provider)),
				BoundedVec::truncate_from(vec![gpu(GPUS - 1).uuid_hash]),
				offer_price(provider),
				DAYS,
			));
		}
		assert_ok!(ProviderStaking::delegate(signed(&delegator()), owner(0), DELEGATED));
		check_invariants(System::block_number());
		System::reset_events();
	});
	ext
}

/// What the test knows from outside the chain: the sums its events add up to, the slashes they
/// announced, and which agents have fallen silent.
struct Economy {
	/// Total issuance before the first block.
	genesis: Balance,
	/// Minted in the eras closed so far.
	minted: Balance,
	/// Burned so far: lease fees and slashes.
	burned: Balance,
	silent: [bool; PROVIDERS],
	/// Slashes reported and neither applied nor cancelled, as reported.
	pending: BTreeMap<SlashId, PendingSlash<Runtime>>,
	/// What each slash being applied has paid its tenants so far.
	compensated: BTreeMap<SlashId, Balance>,
	/// For each slash due in the block being run: what its exposure names, as reported, and
	/// what each of those backers holds for the provider before the block.
	due: BTreeMap<SlashId, Vec<Backer>>,
	/// Providers with more than one slash due in the block being run.
	crowded: Vec<AccountId>,
	/// Slashes of each provider in each era, as the events tell.
	eras: BTreeMap<(AccountId, u32), EraSlashes>,
	/// Offences governance has reported.
	offences: Vec<ProviderOffence<AccountId>>,
	/// Slashes applied so far: how much each took, paid its tenants and sent to the treasury.
	applied: Vec<(SlashId, Balance, Balance, Balance)>,
}

impl Economy {
	fn new() -> Self {
		Self {
			genesis: Balances::total_issuance(),
			minted: 0,
			burned: 0,
			silent: [false; PROVIDERS],
			pending: BTreeMap::new(),
			compensated: BTreeMap::new(),
			due: BTreeMap::new(),
			crowded: Vec::new(),
			eras: BTreeMap::new(),
			offences: Vec::new(),
			applied: Vec::new(),
		}
	}

	/// Run the next block; then every agent that is not silent heartbeats once a period.
	fn next_block(&mut self) {
		let next = System::block_number() + 1;
		// The slashes that may apply in the next block: its own, and those of earlier blocks the
		// hook's budget left for later.
		let from = pallet_slashing::ApplyBacklog::<Runtime>::get().unwrap_or(next);
		let due: Vec<(SlashId, AccountId)> = (from..=next)
			.flat_map(pallet_slashing::ApplyQueue::<Runtime>::get)
			.filter_map(|id| PendingSlashes::get(id).map(|slash| (id, slash.provider)))
			.collect();
		self.crowded = due
			.iter()
			.filter(|(_, provider)| due.iter().filter(|(_, other)| other == provider).count() > 1)
			.map(|(_, provider)| provider.clone())
			.collect();
		self.due = due
			.into_iter()
			.map(|(id, provider)| {
				let exposure =
					pallet_slashing::SlashExposure::<Runtime>::get(id).unwrap_or_default();
				let backers = exposure
					.iter()
					.map(|(who, then)| Backer {
						who: who.clone(),
						then: *then,
						now: held_for(&provider, who),
					})
					.collect();
				(id, backers)
			})
			.collect();
		// Checks every pallet's invariants after the block's hooks.
		run_to_block(next);
		let mut heartbeats = false;
		for provider in 0..PROVIDERS {
			let due = Registered::get(owner(provider)).is_some_and(|info| {
				Providers::period_of(info.last_heartbeat) < Providers::period_of(next)
			});
			if due && !self.silent[provider] {
				assert_ok!(Providers::heartbeat(
					signed(&agent(provider)),
					BoundedVec::truncate_from(Self::attestations(provider)),
				));
				heartbeats = true;
			}
		}
		if heartbeats {
			check_invariants(next);
		}
		self.absorb();
		self.check_economy();
	}

	fn run_until(&mut self, block: BlockNumber) {
		while System::block_number() < block {
			self.next_block();
		}
	}

	/// One line for each running lease of the provider.
	fn attestations(provider: usize) -> Vec<ember_primitives::LeaseAttestation> {
		let book = pallet_leases::Books::<Runtime>::get(owner(provider));
		book.lease_ids().map(running).collect()
	}

	fn lease(sel: usize) -> Option<(LeaseId, pallet_leases::Lease<Runtime>)> {
		let id = pick(LeaseRecords::iter_keys().collect(), u64::MAX, sel);
		LeaseRecords::get(id).map(|lease| (id, lease))
	}

	/// Make the step's calls; those that fail are part of the test. A failed call leaves nothing
	/// behind by construction: the pallet macro runs every call's body in its own storage layer.
	fn apply(&mut self, op: Op) {
		match op {
			Op::Heartbeat(provider) => {
				self.silent[provider] = false;
				let lines = BoundedVec::truncate_from(Self::attestations(provider));
				let now = System::block_number();
				// One heartbeat per period, from a registered provider's agent.
				let due = Registered::get(owner(provider)).is_some_and(|info| {
					Providers::period_of(info.last_heartbeat) < Providers::period_of(now)
				});
				assert_eq!(Providers::heartbeat(signed(&agent(provider)), lines).is_ok(), due);
			},
			Op::Silence(provider) => self.silent[provider] = true,
			Op::CreateOrder { tenant: t, gpus, duration, window, auto_award } => {
				let _ = Leases::create_order(
					signed(&tenant(t)),
					requirement(gpus),
					duration,
					MAX_PRICE,
					H256::repeat_byte(0xaa),
					None,
					window,
					auto_award,
				);
			},
			Op::PlaceBid { order, provider, price } => {
				let ids = pallet_leases::Orders::<Runtime>::iter_keys().collect();
				let order = pick(ids, pallet_leases::NextOrderId::<Runtime>::get(), order);
				let count = pallet_leases::Orders::<Runtime>::get(order)
					.map_or(1, |order| order.requirement.count);
				let gpus = gpus_for(provider, count);
				let _ = Leases::place_bid(signed(&agent(provider)), order, price, gpus);
			},
			Op::AcceptBid { order, provider } => {
				let ids = pallet_leases::Orders::<Runtime>::iter_keys().collect();
				let order = pick(ids, pallet_leases::NextOrderId::<Runtime>::get(), order);
				let tenant = pallet_leases::Orders::<Runtime>::get(order)
					.map_or_else(|| tenant(0), |order| order.tenant);
				let _ = Leases::accept_bid(signed(&tenant), order, owner(provider));
			},
			Op::Lease { tenant: t, provider, gpus, duration, price } => {
				let order = pallet_leases::NextOrderId::<Runtime>::get();
				let bid = Leases::create_order(
					signed(&tenant(t)),
					requirement(gpus),
					duration,
					MAX_PRICE,
					H256::repeat_byte(0xab),
					None,
					10,
					false,
				)
				.and_then(|()| {
					let gpus = gpus_for(provider, gpus);
					Leases::place_bid(signed(&agent(provider)), order, price, gpus)
				});
				if bid.is_ok() {
					let _ = Leases::accept_bid(signed(&tenant(t)), order, owner(provider));
				}
			},
			Op::ListOffer(provider) => {
				let gpus = gpus_for(provider, 1);
				let _ =
					Leases::list_offer(signed(&agent(provider)), gpus, offer_price(provider), DAYS);
			},
			Op::Unlist(provider) => {
				let next = pallet_leases::NextOfferId::<Runtime>::get();
				let offers: Vec<u64> = pallet_leases::Offers::<Runtime>::iter()
					.filter(|(_, offer)| offer.provider == owner(provider))
					.map(|(id, _)| id)
					.collect();
				for offer in if offers.is_empty() { vec![next] } else { offers } {
					let _ = Leases::unlist_offer(signed(&agent(provider)), offer);
				}
			},
			Op::Rent { tenant: t, provider, duration } => {
				let offer =
					offer_of(provider).unwrap_or_else(pallet_leases::NextOfferId::<Runtime>::get);
				let hash = H256::repeat_byte(0xac);
				let _ = Leases::rent(signed(&tenant(t)), offer, 1, duration, MAX_PRICE, hash);
			},
			Op::Close { lease, by } => match Self::lease(lease) {
				Some((id, lease)) => {
					let who = match by {
						Closer::Tenant => lease.tenant,
						Closer::Agent => agent(index_of(&lease.provider)),
						Closer::Owner => lease.provider,
						Closer::Stranger => {
							if lease.tenant == tenant(0) {
								tenant(1)
							} else {
								tenant(0)
							}
						},
					};
					// Either party may close at any time; no one else may.
					let result = Leases::close_lease(signed(&who), id);
					if matches!(by, Closer::Stranger) {
						assert_eq!(result, Err(LeaseError::NotLeaseParty.into()));
					} else {
						assert_ok!(result);
					}
				},
				None => assert_eq!(
					Leases::close_lease(signed(&tenant(0)), u64::MAX),
					Err(LeaseError::UnknownLease.into())
				),
			},
			// The tenants can afford any top-up.
			Op::TopUp { lease, amount } => match Self::lease(lease) {
				Some((id, lease)) => {
					assert_ok!(Leases::top_up(signed(&lease.tenant), id, amount));
				},
				None => assert_eq!(
					Leases::top_up(signed(&tenant(0)), u64::MAX, amount),
					Err(LeaseError::UnknownLease.into())
				),
			},
			// A lease grows only as far as its provider's standing offer allows, and no
			// extension here runs past the longest lease.
			Op::Extend { lease, blocks } => match Self::lease(lease) {
				Some((id, lease)) => {
					let offered = match lease.origin {
						pallet_leases::LeaseOrigin::Offer(offer) => {
							pallet_leases::Offers::<Runtime>::get(offer).is_some_and(|offer| {
								offer.price_per_gpu_hour <= lease.price_per_gpu_hour
									&& lease.end + blocks - lease.start <= offer.max_duration
							})
						},
						pallet_leases::LeaseOrigin::Order(_)
						| pallet_leases::LeaseOrigin::Genesis => false,
					};
					let available =
						<Providers as ember_primitives::ProviderRegistry<AccountId>>::accepts_work(
							&lease.provider,
						);
					let result = Leases::extend(signed(&lease.tenant), id, blocks);
					if !available {
						// A provider that takes no work (Offline, jailed, paused) agrees to none.
						assert_eq!(result, Err(LeaseError::ProviderUnavailable.into()));
					} else if offered {
						assert_ok!(result);
					} else {
						assert_eq!(result, Err(LeaseError::ExtensionNotOffered.into()));
					}
				},
				None => assert_eq!(
					Leases::extend(signed(&tenant(0)), u64::MAX, blocks),
					Err(LeaseError::UnknownLease.into())
				),
			},
			Op::Delegate { provider, amount } => {
				let _ = ProviderStaking::delegate(signed(&delegator()), owner(provider), amount);
			},
			Op::Undelegate { provider, amount } => {
				let _ = ProviderStaking::undelegate(signed(&delegator()), owner(provider), amount);
			},
			Op::Claim(provider) => {
				let _ = Emissions::claim_rewards(signed(&tenant(0)), owner(provider));
			},
			Op::Report { provider, offence } => {
				let provider = owner(provider);
				let offence = match offence {
					Offence::FalseInventory(index) => {
						ProviderOffence::FalseInventory { provider, gpu: gpu(index).uuid_hash }
					},
					Offence::FailedChallenge(challenge) => {
						ProviderOffence::FailedChallenge { provider, challenge }
					},
				};
				// The same offence is never punished twice, even once its slash is cancelled.
				let result = Slashing::report_offence(RuntimeOrigin::root(), offence.clone());
				if !self.offences.contains(&offence) {
					self.offences.push(offence);
					assert_ok!(result);
				} else {
					assert_eq!(result, Err(SlashingError::DuplicateOffence.into()));
				}
			},
			Op::CancelSlash(sel) => {
				let ids: Vec<SlashId> = PendingSlashes::iter_keys().collect();
				let pending = !ids.is_empty();
				let slash = pick(ids, pallet_slashing::NextSlashId::<Runtime>::get(), sel);
				let result = Slashing::cancel_slash(RuntimeOrigin::root(), slash);
				if pending {
					assert_ok!(result);
				} else {
					assert_eq!(result, Err(SlashingError::UnknownSlash.into()));
				}
			},
			Op::Unjail(provider) => {
				// Only a jail this pallet imposed, and only once its cool-down has passed.
				let until = pallet_slashing::JailedUntil::<Runtime>::get(owner(provider));
				let expected = match until {
					None => Err(SlashingError::NotJailedBySlashing.into()),
					Some(until) if System::block_number() < until => {
						Err(SlashingError::CooldownNotOver.into())
					},
					Some(_) => Ok(()),
				};
				assert_eq!(Slashing::unjail(signed(&owner(provider))), expected);
			},
			Op::Leave(provider) => {
				let _ = Providers::leave(signed(&owner(provider)));
			},
			Op::Rejoin(provider) => {
				if register(provider).is_ok() {
					crate::proven::prove_gpus(&owner(provider));
				}
			},
			Op::BondExtra { provider, amount } => {
				let _ = ProviderStaking::bond_extra(signed(&owner(provider)), amount);
			},
			Op::Unbond { provider, amount } => {
				let amount = amount.unwrap_or_else(|| {
					pallet_provider_staking::Ledgers::<Runtime>::get(owner(provider))
						.map_or(EMBR, |ledger| ledger.active)
				});
				let _ = ProviderStaking::unbond(signed(&owner(provider)), amount);
			},
			Op::Advance(blocks) => self.run_until(System::block_number() + blocks),
		}
		check_invariants(System::block_number());
		self.absorb();
		self.check_economy();
		check_accounts();
	}

	/// Read the events of the last call or block, check what they say together, and forget them.
	fn absorb(&mut self) {
		let mut went_offline = Vec::new();
		let mut walked_out = Vec::new();
		let mut reported = Vec::new();
		let mut slashed = Vec::new();
		let mut new_eras = Vec::new();
		for record in System::events() {
			match record.event {
				RuntimeEvent::Emissions(pallet_emissions::Event::EraClosed {
					to_authors,
					to_treasury,
					to_providers,
					..
				}) => self.minted += to_authors + to_treasury + to_providers,
				RuntimeEvent::Emissions(pallet_emissions::Event::RewardsClaimed {
					total,
					to_owner,
					to_delegators,
					..
				}) => assert_eq!(to_owner + to_delegators, total, "a claim split more than it had"),
				RuntimeEvent::Leases(pallet_leases::Event::LeaseSettled { fee, .. }) => {
					self.burned += fee
				},
				RuntimeEvent::Leases(pallet_leases::Event::LeaseClosed {
					provider,
					reason: CloseReason::ProviderEarly | CloseReason::ProviderSilent,
					..
				}) => walked_out.push(provider),
				RuntimeEvent::Providers(pallet_providers::Event::WentOffline {
					provider, ..
				}) => went_offline.push(provider),
				RuntimeEvent::Slashing(event) => {
					self.slashing_event(event, &mut reported, &mut slashed, &mut new_eras)
				},
				_ => {},
			}
		}
		System::reset_events();

		// An era's caps are shares of everything backing the provider at its first offence of
		// the era, unbonding funds included. (Unless a slash applied since took some of it.)
		for (provider, era) in new_eras {
			if !slashed.contains(&provider) {
				let base = self.eras[&(provider.clone(), era)].base;
				assert_eq!(base, backing_of(&provider).0, "the era's base is not the backing");
			}
		}
		// The market reports its providers' faults to slashing as they happen: walking out of a
		// lease, by closing it or by falling silent, is an early close.
		for provider in walked_out {
			let report = reported
				.iter()
				.position(|(kind, who, _)| *kind == OffenceKind::EarlyClose && *who == provider);
			reported.remove(report.expect("an early close is reported as an offence"));
		}
		for provider in went_offline {
			// No lease starts with an Offline provider: the ones it runs now, it ran then.
			if !pallet_leases::Books::<Runtime>::get(&provider).leases.is_empty() {
				assert!(
					reported.iter().any(|(kind, who, _)| {
						*kind == OffenceKind::Downtime && *who == provider
					}),
					"a provider went Offline with leases and no downtime was reported"
				);
			}
		}
	}

	/// Follow a slash from its report to its end. `reported` collects the offences reported and
	/// `slashed_providers` the providers slashed.
	fn slashing_event(
		&mut self,
		event: pallet_slashing::Event<Runtime>,
		reported: &mut Vec<(OffenceKind, AccountId, Balance)>,
		slashed_providers: &mut Vec<AccountId>,
		new_eras: &mut Vec<(AccountId, u32)>,
	) {
		use pallet_slashing::Event;
		match event {
			Event::OffenceReported { slash, provider, kind, amount, apply_at } => {
				let record = PendingSlashes::get(slash).expect("a reported slash is pending");
				assert_eq!(
					(&record.provider, record.kind, record.amount, record.apply_at),
					(&provider, kind, amount, apply_at)
				);
				let era = self.era_slashes(&provider, record.reported_at, new_eras);
				// A harm-sized offence costs its share of the unspent value of the leases it
				// harmed, any other its kind's whole fraction, both within the kind's and the
				// era's caps.
				let params = Slashing::params_of(kind);
				let kind_cap = params.fraction.mul_floor(era.base);
				let era_cap = pallet_slashing::EraSlashCap::<Runtime>::get().mul_floor(era.base);
				let before = era.by_kind[kind.index()];
				let wanted = if kind.is_harm_sized() {
					let harm: Balance = record.harmed.iter().map(|lease| lease.unspent).sum();
					(before + harm * Balance::from(params.harm_percent) / 100).min(kind_cap)
				} else {
					kind_cap
				};
				let expected = wanted.saturating_sub(before).min(era_cap.saturating_sub(era.total));
				assert_eq!(amount, expected, "{kind:?} slash {slash}");
				assert!(amount > 0, "a slash of nothing is scheduled");
				era.by_kind[kind.index()] += amount;
				era.total += amount;
				self.pending.insert(slash, record);
				reported.push((kind, provider, amount));
			},
			// Tenants it harmed join the era's pending slash of its kind.
			Event::OffenceAbsorbed { provider, kind } => {
				self.era_slashes(&provider, System::block_number(), new_eras);
				reported.push((kind, provider.clone(), 0));
				let latest = pallet_slashing::Spans::<Runtime>::get(&provider)
					.and_then(|span| span.latest[kind.index()]);
				if let Some((id, stored)) =
					latest.and_then(|id| PendingSlashes::get(id).map(|stored| (id, stored)))
				{
					if let Some(record) = self.pending.get_mut(&id) {
						record.harmed = stored.harmed;
					}
				}
			},
			Event::SlashCancelled { slash, provider } => {
				let record = self.pending.remove(&slash).expect("a cancelled slash was reported");
				assert_eq!(record.provider, provider);
				// The era's caps take it back.
				let era = self.era_slashes(&provider, record.reported_at, &mut Vec::new());
				era.total -= record.amount;
				era.by_kind[record.kind.index()] -= record.amount;
			},
			Event::TenantCompensated { slash, lease, tenant, amount } => {
				let record = self.pending.get(&slash).expect("compensation from a reported slash");
				let harmed = record
					.harmed
					.iter()
					.find(|harmed| harmed.lease == lease)
					.expect("only harmed leases are compensated");
				assert_eq!(harmed.tenant, tenant);
				assert!(amount <= harmed.unspent, "a tenant got more than its lease had left");
				*self.compensated.entry(slash).or_default() += amount;
			},
			Event::SlashApplied {
				slash,
				provider,
				slashed,
				from_owner,
				compensated,
				to_treasury,
				burned,
			} => {
				let record = self.pending.remove(&slash).expect("an applied slash was reported");
				assert_eq!(record.provider, provider);
				let backers =
					self.due.remove(&slash).expect("a slash applies once its window is over");
				// The owner's bond is the first loss, up to what it held when the offence was
				// reported; delegators pay only the rest, each in proportion to what it held
				// then, and nobody pays more than it still holds. Backers that came later pay
				// nothing. (Exact while no other slash of the provider applies in the block.)
				let owner_then = backers
					.iter()
					.find(|backer| backer.who == provider)
					.map_or(0, |backer| backer.then);
				let owner_share = record.amount.min(owner_then);
				let rest = record.amount - owner_share;
				let delegated_then: Balance = backers
					.iter()
					.filter(|backer| backer.who != provider)
					.map(|backer| backer.then)
					.sum();
				let owner_now = backers
					.iter()
					.find(|backer| backer.who == provider)
					.map_or(0, |backer| backer.now);
				let expected_owner = owner_share.min(owner_now);
				let expected_delegators: Balance = backers
					.iter()
					.filter(|backer| backer.who != provider && delegated_then > 0)
					.map(|backer| {
						let share = sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
							rest,
							backer.then,
							delegated_then,
							sp_runtime::Rounding::Down,
						)
						.unwrap_or(0);
						share.min(backer.now)
					})
					.sum();
				if !self.crowded.contains(&provider) {
					assert_eq!(from_owner, expected_owner, "slash {slash} from the owner");
					assert_eq!(
						slashed - from_owner,
						expected_delegators,
						"slash {slash} from delegators"
					);
				} else {
					assert!(from_owner <= owner_share, "slash {slash} over the owner's share");
					assert!(slashed - from_owner <= rest, "slash {slash} over the delegators'");
				}
				// However many offences, a delegator never loses more than the era's cap.
				let era = self.era_slashes(&provider, record.reported_at, &mut Vec::new());
				era.from_delegators += slashed - from_owner;
				let cap = pallet_slashing::EraSlashCap::<Runtime>::get().mul_floor(era.base);
				assert!(era.from_delegators <= cap, "delegators of {provider} lost past the cap");
				assert_eq!(compensated + to_treasury + burned, slashed, "slash {slash} leaks");
				assert_eq!(self.compensated.remove(&slash).unwrap_or_default(), compensated);
				// Tenants are paid only out of the owner's part, and first: in full when it
				// covers them, else all of it but rounding goes to them.
				assert!(
					from_owner <= slashed,
					"slash {slash} took more from the owner than in all"
				);
				assert!(compensated <= from_owner, "slash {slash} paid tenants from delegators");
				let owed: Balance = record.harmed.iter().map(|harmed| harmed.unspent).sum();
				if from_owner >= owed {
					assert_eq!(compensated, owed, "slash {slash} left a tenant short");
				} else {
					assert!(from_owner - compensated <= record.harmed.len() as Balance);
				}
				self.burned += burned;
				self.applied.push((slash, slashed, compensated, to_treasury));
				slashed_providers.push(provider);
			},
			_ => {},
		}
	}

	/// The model's record of `provider`'s slashes in the era of block `at`, started from the
	/// chain's span (and noted in `new_eras`) when it is the first the model hears of.
	fn era_slashes(
		&mut self,
		provider: &AccountId,
		at: BlockNumber,
		new_eras: &mut Vec<(AccountId, u32)>,
	) -> &mut EraSlashes {
		let span_length = <Runtime as pallet_slashing::Config>::SpanLength::get();
		let era = at / span_length;
		self.eras.entry((provider.clone(), era)).or_insert_with(|| {
			let span = pallet_slashing::Spans::<Runtime>::get(provider)
				.filter(|span| span.era == era)
				.expect("an offence of the era leaves its span");
			new_eras.push((provider.clone(), era));
			EraSlashes { base: span.base, ..Default::default() }
		})
	}

	/// What must hold after every call and every block besides each pallet's invariants.
	fn check_economy(&self) {
		let minted = self.minted + pallet_emissions::CurrentEra::<Runtime>::get().to_authors;
		assert_eq!(
			Balances::total_issuance(),
			self.genesis + minted - self.burned,
			"issuance moved by other than what was minted and burned"
		);
		for provider in 0..PROVIDERS {
			if status(provider) == Some(ProviderStatus::Jailed) {
				assert!(
					pallet_leases::Books::<Runtime>::get(owner(provider)).leases.is_empty(),
					"a jailed provider runs leases"
				);
			}
		}
	}

	/// Run until every offence has been judged: the leases of Offline providers closed, every
	/// pending slash applied and every jail served; then the jailed owners unjail.
	fn wind_down(&mut self) {
		let give_up = System::block_number() + 4 * DAYS;
		loop {
			let due = PendingSlashes::iter_values()
				.map(|slash| slash.apply_at)
				.chain(pallet_slashing::JailQueue::<Runtime>::iter_keys())
				.chain(pallet_leases::OfflineDue::<Runtime>::iter_keys())
				.max();
			let Some(due) = due else { break };
			assert!(due.max(System::block_number()) < give_up, "the economy never settles");
			// Work the hooks left for later (their budget spent) lies in the past: run on
			// until it is done, or until `give_up` says it never will be.
			self.run_until(due.max(System::block_number() + 1));
		}
		assert!(self.pending.is_empty(), "a reported slash was never applied nor cancelled");

		let jails: Vec<(AccountId, BlockNumber)> =
			pallet_slashing::JailedUntil::<Runtime>::iter().collect();
		if let Some(until) = jails.iter().map(|(_, until)| *until).max() {
			self.run_until(until);
			for (provider, _) in jails {
				assert_ok!(Slashing::unjail(signed(&provider)));
				// Jailed providers cannot leave: this one is back at work.
				assert_eq!(status(index_of(&provider)), Some(ProviderStatus::Active));
			}
			check_invariants(System::block_number());
			self.absorb();
			// Released providers are watched again.
			self.run_until(System::block_number() + 2 * HeartbeatPeriod::get());
		}
		check_accounts();
	}
}

/// Sequences the default run tries; `EMBER_PROPTEST_CASES` asks for more.
const DEFAULT_CASES: u32 = 24;

/// Play `cases` random sequences drawn from `seed`, each to its wind-down; returns a digest of
/// every sequence's final state root, in order. Panics with the shrunk sequence when one fails.
fn play_economies(cases: u32, seed: u64) -> [u8; 32] {
	use proptest::test_runner::{Config, RngSeed, TestRunner};
	let mut runner = TestRunner::new(Config {
		cases,
		rng_seed: RngSeed::Fixed(seed),
		// A failure prints its seed and shrunk sequence; rerun it with EMBER_PROPTEST_SEED.
		failure_persistence: None,
		..Config::default()
	});
	let roots = std::cell::RefCell::new(Vec::new());
	let result = runner.run(&prop::collection::vec(op(), 1..60), |ops| {
		economy_ext().execute_with(|| {
			let mut economy = Economy::new();
			for op in ops {
				economy.apply(op);
			}
			economy.wind_down();
			roots.borrow_mut().extend(sp_io::storage::root(sp_runtime::StateVersion::V1));
		});
		Ok(())
	});
	if let Err(failure) = result {
		panic!("EMBER_PROPTEST_SEED={seed}: {failure}");
	}
	sp_io::hashing::blake2_256(&roots.into_inner())
}

/// `EMBER_PROPTEST_CASES` sequences (24 by default) from `EMBER_PROPTEST_SEED`, or from a fresh
/// seed that is printed: `EMBER_PROPTEST_CASES=10000 EMBER_PROPTEST_SEED=<seed> cargo test …
/// the_economy_keeps_its_books -- --nocapture` replays a run and prints the same final digest.
#[test]
fn the_economy_keeps_its_books() {
	let cases = std::env::var("EMBER_PROPTEST_CASES")
		.map(|cases| cases.parse().expect("EMBER_PROPTEST_CASES is a number"))
		.unwrap_or(DEFAULT_CASES);
	let seed = std::env::var("EMBER_PROPTEST_SEED")
		.map(|seed| seed.parse().expect("EMBER_PROPTEST_SEED is a number"))
		.unwrap_or_else(|_| {
			use std::hash::{BuildHasher, RandomState};
			RandomState::new().hash_one(std::time::SystemTime::now())
		});
	println!("EMBER_PROPTEST_SEED={seed} EMBER_PROPTEST_CASES={cases}");
	let digest = play_economies(cases, seed);
	println!("final state roots: 0x{}", sp_core::hexdisplay::HexDisplay::from(&digest));
}

/// The same seed plays the same sequences to the same final states.
#[test]
fn a_seed_replays_to_the_same_final_state() {
	assert_eq!(play_economies(2, 7), play_economies(2, 7));
	assert_ne!(play_economies(2, 7), play_economies(2, 8));
}

/// A provider falls silent and a tenant rents from it: the model's checks hold as its lease is
/// closed and its offences are sized by what the lease had left. (A sequence the random economy
/// found.)
#[test]
fn a_silent_provider_s_rented_lease_is_closed_and_slashed_by_its_harm() {
	economy_ext().execute_with(|| {
		let mut economy = Economy::new();
		economy.apply(Op::Silence(2));
		economy.apply(Op::Rent { tenant: 0, provider: 2, duration: 153 });
		assert_eq!(LeaseRecords::iter().count(), 1);
		economy.apply(Op::Advance(153));
		economy.wind_down();
	});
}

/// A provider goes Offline during a lease. While the downtime slash is pending it cannot
/// leave; its owner unbonds what it may and its delegator leaves: when the dispute window ends
/// the slash is still taken in full from the owner's bond, the first loss, and the tenant is
/// paid all of it.
#[test]
fn unbonding_does_not_escape_a_pending_slash() {
	economy_ext().execute_with(|| {
		let mut economy = Economy::new();
		let (provider, tenant) = (owner(0), tenant(0));
		let offer = offer_of(0).expect("listed");
		assert_ok!(Leases::rent(
			signed(&tenant),
			offer,
			1,
			2 * HOURS,
			MAX_PRICE,
			H256::repeat_byte(0xbb)
		));
		economy.apply(Op::Advance(2 * HeartbeatPeriod::get()));
		economy.apply(Op::Silence(0));

		// Offline at its deadline (the queued one moves on while it finds heartbeats): a
		// downtime offence sized by what the lease has left beyond what it owes for attested
		// time (well under the 1 % of the backing that caps it), owed to the tenant.
		while let Some(deadline) =
			Registered::get(&provider).and_then(|info| info.liveness_deadline)
		{
			economy.run_until(deadline);
		}
		assert_eq!(status(0), Some(ProviderStatus::Offline));
		let (id, slash) = PendingSlashes::iter().next().expect("downtime reported");
		let (backing, _) = backing_of(&provider);
		// The base, and three RTX 4090s of 4 stake units each.
		assert_eq!(backing, 1_000 * EMBR + 1_200 * EMBR + BOND_SLACK + DELEGATED);
		let view = Leases::lease_view_of(0).expect("still running");
		let unspent = view.escrow - view.unsettled;
		assert!(view.unsettled > 0, "the attested time is owed");
		assert!(unspent > 0 && unspent < backing / 100);
		assert_eq!((slash.kind, slash.amount), (OffenceKind::Downtime, unspent));
		assert_eq!(slash.harmed.len(), 1);
		assert_eq!((&slash.harmed[0].tenant, slash.harmed[0].unspent), (&tenant, unspent));

		// The lease closes at the offline limit. The provider may not leave while punished,
		// but everyone backing it may unbond.
		economy.run_until(System::block_number() + OfflineLimit::get());
		assert!(System::block_number() < 2 * HOURS);
		assert!(LeaseRecords::get(0).is_none(), "closed at the offline limit");
		assert_ok!(Leases::unlist_offer(signed(&agent(0)), offer));
		assert_eq!(
			Providers::leave(signed(&provider)),
			Err(pallet_providers::Error::<Runtime>::PunishmentPending.into())
		);
		// Registered, the owner may unbond only what its GPUs do not require.
		assert_ok!(ProviderStaking::unbond(signed(&provider), BOND_SLACK));
		assert_ok!(ProviderStaking::undelegate(signed(&delegator()), provider.clone(), DELEGATED));
		economy.absorb();
		assert_eq!(backing_of(&provider).0, backing, "all of it unbonding, none withdrawn");

		let held = |reason, who: &AccountId| {
			<Balances as InspectHold<_>>::balance_on_hold(&RuntimeHoldReason::from(reason), who)
		};
		let bond = pallet_provider_staking::HoldReason::ProviderBond;
		let delegation = pallet_provider_staking::HoldReason::Delegation;
		let owner_held = held(bond, &provider);
		let delegator_held = held(delegation, &delegator());
		assert_eq!(owner_held + delegator_held, backing);
		let tenant_before = Balances::balance(&tenant);

		economy.run_until(slash.apply_at);
		assert!(PendingSlashes::get(id).is_none());
		// The owner's bond pays it all; the delegator, whose share of the backing was no
		// first loss, pays nothing.
		assert_eq!(owner_held - held(bond, &provider), slash.amount);
		assert_eq!(held(delegation, &delegator()), delegator_held);
		// The tenant is paid all its lease had left, which was the whole slash.
		assert_eq!(Balances::balance(&tenant), tenant_before + unspent);
		assert_eq!(economy.applied, vec![(id, slash.amount, unspent, 0)]);
		// With the slash done the provider may leave.
		assert_ok!(Providers::leave(signed(&provider)));
	});
}
