//! The whole economy at once, through the real runtime: providers, staking, the lease market,
//! emissions and slashing driven together by random sequences of calls made with real origins.
//!
//! After every call and every block, every pallet's invariants hold (emissions' include its
//! issuance ledger), and total issuance has moved by exactly what emissions minted less what
//! lease fees and slashes burned, as their events tell. Every slash is its kind's share of the
//! provider's backing when reported and is taken in full when it applies, whatever its provider
//! unbonded or left since; its tenants are paid first; a jailed provider runs no lease; and the
//! calls whose outcome the state decides (closes, top-ups, heartbeats, reports, cancels,
//! unjails) succeed or fail as it says.

use crate::{
	configs::{HeartbeatPeriod, OfflineLimit},
	tests::{account, bond_and_register, check_invariants, gpu, preset_ext, run_to_block, running},
	AccountId, Balance, Balances, BlockNumber, Emissions, Leases, ProviderStaking, Providers,
	Runtime, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Slashing, System, DAYS, EMBR, HOURS,
};
use codec::Encode;
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
use sp_runtime::{DigestItem, DispatchResult};
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
		// Every block carries Alice's Aura slot, so emissions pays its author as on chain.
		System::deposit_log(DigestItem::PreRuntime(
			sp_consensus_aura::AURA_ENGINE_ID,
			sp_consensus_aura::Slot::from(0u64).encode(),
		));
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
	/// Backing (and backers) of each provider with a slash due in the block being run.
	backing: BTreeMap<AccountId, (Balance, Balance)>,
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
			backing: BTreeMap::new(),
			offences: Vec::new(),
			applied: Vec::new(),
		}
	}

	/// Run the next block; then every agent that is not silent heartbeats once a period.
	fn next_block(&mut self) {
		let next = System::block_number() + 1;
		self.backing = pallet_slashing::ApplyQueue::<Runtime>::get(next)
			.iter()
			.filter_map(PendingSlashes::get)
			.map(|slash| (slash.provider.clone(), backing_of(&slash.provider)))
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
		let leases = pallet_leases::Books::<Runtime>::get(owner(provider)).leases;
		leases.into_iter().map(running).collect()
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
			// The tenants can afford any top-up, and no extension here runs past the longest
			// lease.
			Op::TopUp { lease, amount } => match Self::lease(lease) {
				Some((id, lease)) => {
					assert_ok!(Leases::top_up(signed(&lease.tenant), id, amount));
				},
				None => assert_eq!(
					Leases::top_up(signed(&tenant(0)), u64::MAX, amount),
					Err(LeaseError::UnknownLease.into())
				),
			},
			Op::Extend { lease, blocks } => match Self::lease(lease) {
				Some((id, lease)) => {
					assert_ok!(Leases::extend(signed(&lease.tenant), id, blocks));
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
				let _ = register(provider);
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
					reason: CloseReason::ProviderEarly,
					..
				}) => walked_out.push(provider),
				RuntimeEvent::Providers(pallet_providers::Event::WentOffline {
					provider, ..
				}) => went_offline.push(provider),
				RuntimeEvent::Slashing(event) => {
					self.slashing_event(event, &mut reported, &mut slashed)
				},
				_ => {},
			}
		}
		System::reset_events();

		// A slash is its kind's share of everything backing the provider when it is reported,
		// unbonding funds included. (Unless a slash applied since took some of that backing.)
		for (kind, provider, amount) in &reported {
			if !slashed.contains(provider) {
				let share = Slashing::params_of(*kind).fraction;
				assert_eq!(*amount, share.mul_floor(backing_of(provider).0), "{kind:?} slash");
			}
		}
		// The market reports its providers' faults to slashing as they happen.
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
	) {
		use pallet_slashing::Event;
		match event {
			Event::OffenceReported { slash, provider, kind, amount, apply_at } => {
				let record = PendingSlashes::get(slash).expect("a reported slash is pending");
				assert_eq!(
					(&record.provider, record.kind, record.amount, record.apply_at),
					(&provider, kind, amount, apply_at)
				);
				self.pending.insert(slash, record);
				reported.push((kind, provider, amount));
			},
			// Tenants it harmed join the era's pending slash of its kind.
			Event::OffenceAbsorbed { provider, kind } => {
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
				let (backing, backers) =
					self.backing.get_mut(&provider).expect("a slash applies in its block");
				// Unbonding, leaving or losing delegators since the offence changes nothing:
				// the slash is taken in full, unless earlier slashes left less than it.
				if record.amount >= *backing {
					assert_eq!(slashed, *backing, "slash {slash} left backing behind");
				} else {
					assert!(
						slashed <= record.amount && record.amount - slashed < *backers,
						"slash {slash} took {slashed} of {}",
						record.amount
					);
				}
				*backing -= slashed;
				assert_eq!(compensated + to_treasury + burned, slashed, "slash {slash} leaks");
				assert_eq!(self.compensated.remove(&slash).unwrap_or_default(), compensated);
				// Tenants are paid only out of the owner's part, and first: in full when it
				// covers them, else all of it but rounding goes to them.
				assert!(from_owner <= slashed, "slash {slash} took more from the owner than in all");
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
			assert!(due < give_up, "the economy never settles");
			self.run_until(due);
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

proptest! {
	#![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

	#[test]
	fn the_economy_keeps_its_books(ops in prop::collection::vec(op(), 1..60)) {
		economy_ext().execute_with(|| {
			let mut economy = Economy::new();
			for op in ops {
				economy.apply(op);
			}
			economy.wind_down();
		});
	}
}

/// A provider goes Offline during a lease, then withdraws its listing, leaves and unbonds
/// everything, and its delegator leaves too: when the dispute window ends the downtime slash is
/// still taken in full from their unbonding funds, and the tenant is paid first.
#[test]
fn leaving_does_not_escape_a_pending_slash() {
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

		// Offline at its deadline: a downtime offence of 1 % of the backing, owed to the tenant
		// first, up to what its lease has left.
		let deadline = Registered::get(&provider).and_then(|info| info.liveness_deadline);
		economy.run_until(deadline.expect("watched"));
		assert_eq!(status(0), Some(ProviderStatus::Offline));
		let (id, slash) = PendingSlashes::iter().next().expect("downtime reported");
		let (backing, _) = backing_of(&provider);
		assert_eq!(backing, 1_000 * EMBR + 300 * EMBR + BOND_SLACK + DELEGATED);
		assert_eq!((slash.kind, slash.amount), (OffenceKind::Downtime, backing / 100));
		let unspent = LeaseRecords::get(0).expect("still running").escrow;
		assert_eq!(slash.harmed.len(), 1);
		assert_eq!((&slash.harmed[0].tenant, slash.harmed[0].unspent), (&tenant, unspent));

		// The lease closes at the offline limit; then everyone backing the provider leaves.
		economy.run_until(System::block_number() + OfflineLimit::get());
		assert!(System::block_number() < 2 * HOURS);
		assert!(LeaseRecords::get(0).is_none(), "closed at the offline limit");
		assert_ok!(Leases::unlist_offer(signed(&agent(0)), offer));
		assert_ok!(Providers::leave(signed(&provider)));
		assert!(Registered::get(&provider).is_none());
		let active = pallet_provider_staking::Ledgers::<Runtime>::get(&provider)
			.expect("bonded")
			.active;
		assert_ok!(ProviderStaking::unbond(signed(&provider), active));
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
		// Each backer loses its share of the slash, rounded down, from what it is unbonding.
		let owner_lost = owner_held - held(bond, &provider);
		let delegator_lost = delegator_held - held(delegation, &delegator());
		assert_eq!(owner_lost, slash.amount * owner_held / backing);
		assert_eq!(delegator_lost, slash.amount * delegator_held / backing);
		let slashed = owner_lost + delegator_lost;
		assert!(slash.amount - slashed <= 1, "the slash was taken in full");
		// The tenant is paid all its lease had left; the treasury takes the rest.
		assert!(unspent > 0 && unspent < slashed);
		assert_eq!(Balances::balance(&tenant), tenant_before + unspent);
		assert_eq!(economy.applied, vec![(id, slashed, unspent, slashed - unspent)]);
	});
}
