//! A test runtime with the registry, balances, and stand-ins for the staking pallet and the lease
//! market whose answers tests set at will, and which records what the registry tells the market.

use crate as pallet_providers;
use codec::Encode;
use core::cell::RefCell;
use ember_primitives::{
	gpu::GpuModelName, Balance, ComputeCapability, GpuSpec, GpuUuidHash, LeaseAttestation,
	ProviderCommitments, ProviderLifecycle, ProviderPunishments, ProviderStake,
};
use frame_support::{
	derive_impl,
	storage::unhashed,
	traits::{ConstU32, ConstU64},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type BlockNumber = u64;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system::Pallet<Test>;

	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances::Pallet<Test>;

	#[runtime::pallet_index(2)]
	pub type Providers = pallet_providers::Pallet<Test>;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// Blocks per heartbeat period in tests.
pub const PERIOD: BlockNumber = 10;
/// Periods a provider may miss in tests.
pub const MAX_MISSED: u32 = 2;
/// GPUs per provider in tests.
pub const MAX_GPUS: u32 = 4;
/// Deadlines per block in tests: small, so that spilling is easy to provoke.
pub const MAX_DEADLINES: u32 = 4;
/// Attestation lines one heartbeat may carry in tests.
pub const MAX_ATTESTATIONS: u32 = 4;
/// Bond every provider needs whatever its size.
pub const BASE_STAKE: Balance = 100;
/// Bond needed per stake unit on top of the base.
pub const STAKE_PER_UNIT: Balance = 10;
/// The class score of one stake unit in tests; a model scores it unless a test sets a score.
pub const UNIT_SCORE: u32 = 100;

frame_support::parameter_types! {
	/// No limit unless a test sets one.
	pub storage HookBudget: Weight = Weight::MAX;
}

impl pallet_providers::Config for Test {
	type Stake = MockStake;
	type ClassScores = MockClassScores;
	type StakeUnitScore = ConstU32<UNIT_SCORE>;
	type Commitments = MockCommitments;
	type InventoryObserver = MockInventoryObserver;
	type Lifecycle = MockLifecycle;
	type Punishments = MockPunishments;
	type MaxAttestations = ConstU32<MAX_ATTESTATIONS>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type HeartbeatPeriod = ConstU64<PERIOD>;
	type MaxMissedHeartbeats = ConstU32<MAX_MISSED>;
	type MaxGpusPerProvider = ConstU32<MAX_GPUS>;
	type MaxRegionLen = ConstU32<16>;
	type MaxPeerIdLen = ConstU32<52>;
	type MaxMultiaddrs = ConstU32<3>;
	type MaxMultiaddrLen = ConstU32<64>;
	type MaxDeadlinesPerBlock = ConstU32<MAX_DEADLINES>;
	type HookBudget = HookBudget;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockStake;
}

// The stand-ins keep their settings in raw storage of the test externalities, so each test (and
// each property-test case) starts from nothing and `assert_noop!` sees them as state.

/// The staking pallet's answers: each owner's own bond, set by tests.
pub struct MockStake;

fn stake_key(who: &AccountId) -> alloc::vec::Vec<u8> {
	(b"mock:stake", who).encode()
}

/// Set `who`'s own bond.
pub fn set_stake(who: AccountId, amount: Balance) {
	unhashed::put(&stake_key(&who), &amount);
}

/// Give `who` exactly the bond that covers `units` stake units (one per GPU of a model scored
/// at the unit).
pub fn stake_for(who: AccountId, units: u32) {
	set_stake(who, MockStake::required_stake(units));
}

impl ProviderStake<AccountId, Balance> for MockStake {
	fn required_stake(units: u32) -> Balance {
		BASE_STAKE.saturating_add(STAKE_PER_UNIT.saturating_mul(units.into()))
	}

	fn own_stake(owner: &AccountId) -> Balance {
		unhashed::get_or_default(&stake_key(owner))
	}

	fn total_backing(owner: &AccountId) -> Balance {
		Self::own_stake(owner)
	}

	fn has_sufficient_stake(owner: &AccountId, units: u32) -> bool {
		Self::own_stake(owner) >= Self::required_stake(units)
	}
}

/// The emissions pallet's class table: scores set by tests, `UNIT_SCORE` otherwise.
pub struct MockClassScores;

fn class_score_key(model: &[u8]) -> alloc::vec::Vec<u8> {
	(b"mock:class-score", model).encode()
}

/// Score `model` at `score`.
pub fn set_class_score(model: &str, score: u32) {
	unhashed::put(&class_score_key(model.as_bytes()), &score);
}

impl ember_primitives::GpuClassScores for MockClassScores {
	fn class_scores(gpus: &[GpuSpec]) -> alloc::vec::Vec<u32> {
		gpus.iter()
			.map(|gpu| unhashed::get(&class_score_key(&gpu.model)).unwrap_or(UNIT_SCORE))
			.collect()
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockStake {
	fn ensure_stake(owner: &AccountId, units: u32) {
		stake_for(*owner, units);
	}
}

/// The lease market's answers: open commitments and committed GPUs, set by tests.
pub struct MockCommitments;

std::thread_local! {
	static INVENTORY_CHANGES: core::cell::RefCell<alloc::vec::Vec<InventoryChange>> =
		const { core::cell::RefCell::new(alloc::vec::Vec::new()) };
}

/// One inventory change the observer was told of: the provider, and the GPUs before and after.
pub type InventoryChange = (AccountId, alloc::vec::Vec<GpuUuidHash>, alloc::vec::Vec<GpuUuidHash>);

/// Weight the mock observer reports per GPU.
pub const OBSERVED_PER_GPU: Weight = Weight::from_parts(1_000_000, 100);

/// The challenges pallet's side of inventories: records every change it is told of.
pub struct MockInventoryObserver;

impl MockInventoryObserver {
	/// The changes recorded since the last time, oldest first; clears the record.
	pub fn taken() -> alloc::vec::Vec<InventoryChange> {
		INVENTORY_CHANGES.with(|changes| core::mem::take(&mut *changes.borrow_mut()))
	}
}

impl ember_primitives::InventoryObserver<AccountId> for MockInventoryObserver {
	fn inventory_changed(provider: &AccountId, before: &[GpuSpec], after: &[GpuSpec]) {
		let hashes = |gpus: &[GpuSpec]| gpus.iter().map(|gpu| gpu.uuid_hash).collect();
		INVENTORY_CHANGES
			.with(|changes| changes.borrow_mut().push((*provider, hashes(before), hashes(after))));
	}

	fn inventory_changed_weight(gpus: u32) -> Weight {
		OBSERVED_PER_GPU.saturating_mul(u64::from(gpus))
	}
}

fn commitments_key(who: &AccountId) -> alloc::vec::Vec<u8> {
	(b"mock:commitments", who).encode()
}

fn committed_gpu_key(who: &AccountId, gpu: &GpuUuidHash) -> alloc::vec::Vec<u8> {
	(b"mock:committed", who, gpu).encode()
}

/// Set how many open bids and running leases bind `who`.
pub fn set_commitments(who: AccountId, count: u32) {
	unhashed::put(&commitments_key(&who), &count);
}

/// Mark `gpu` of `who` as committed to a bid or lease.
pub fn commit_gpu(who: AccountId, gpu: GpuUuidHash) {
	unhashed::put(&committed_gpu_key(&who, &gpu), &true);
}

/// Release `gpu` of `who`.
pub fn release_gpu(who: AccountId, gpu: GpuUuidHash) {
	unhashed::kill(&committed_gpu_key(&who, &gpu));
}

impl ProviderCommitments<AccountId> for MockCommitments {
	fn active_commitments(provider: &AccountId) -> u32 {
		unhashed::get_or_default(&commitments_key(provider))
	}

	fn is_gpu_committed(provider: &AccountId, gpu: &GpuUuidHash) -> bool {
		unhashed::get_or_default(&committed_gpu_key(provider, gpu))
	}

	fn is_gpu_leased(provider: &AccountId, gpu: &GpuUuidHash) -> bool {
		Self::is_gpu_committed(provider, gpu)
	}
}

/// The slashing pallet's answers: whether a punishment awaits a provider, set by tests, and the
/// jails governance took over.
pub struct MockPunishments;

fn pending_key(who: &AccountId) -> alloc::vec::Vec<u8> {
	(b"mock:pending", who).encode()
}

fn overridden_key(who: &AccountId) -> alloc::vec::Vec<u8> {
	(b"mock:overridden", who).encode()
}

/// Set whether a slash or jail awaits `who`.
pub fn set_punishment_pending(who: AccountId, pending: bool) {
	unhashed::put(&pending_key(&who), &pending);
}

/// How many times governance overrode the slashing pallet's jail of `who`.
pub fn jail_overrides(who: AccountId) -> u32 {
	unhashed::get_or_default(&overridden_key(&who))
}

impl ProviderPunishments<AccountId> for MockPunishments {
	fn is_pending(provider: &AccountId) -> bool {
		unhashed::get_or_default(&pending_key(provider))
	}

	fn jail_overridden(provider: &AccountId) {
		unhashed::put(&overridden_key(provider), &(jail_overrides(*provider) + 1));
	}
}

/// A call the registry made into the lease market.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LifecycleCall {
	Attested { provider: AccountId, now: BlockNumber, lines: alloc::vec::Vec<LeaseAttestation> },
	WentOffline { provider: AccountId, at: BlockNumber },
	BackOnline { provider: AccountId, now: BlockNumber },
	Jailed { provider: AccountId },
	Paused { provider: AccountId },
	Resumed { provider: AccountId, now: BlockNumber },
	HeardFrom { provider: AccountId, last_heartbeat: BlockNumber },
	Deregistered { provider: AccountId },
}

// Kept outside storage on purpose: a call made inside a dispatch that then fails is still
// recorded, so tests can prove failed calls never reach the market.
thread_local! {
	static LIFECYCLE_CALLS: RefCell<alloc::vec::Vec<LifecycleCall>> =
		const { RefCell::new(alloc::vec::Vec::new()) };
}

/// Weight the mock market reports per attestation line.
pub const ATTESTED_PER_LINE: Weight = Weight::from_parts(1_000_000, 100);
/// Weight the mock market reports for a provider going Offline.
pub const WENT_OFFLINE: Weight = Weight::from_parts(2_000_000, 200);
/// Weight the mock market reports for a provider coming back online.
pub const BACK_ONLINE: Weight = Weight::from_parts(3_000_000, 300);
/// Weight the mock market reports for a jailed provider.
pub const JAILED: Weight = Weight::from_parts(4_000_000, 400);
/// Weight the mock market reports for a paused provider.
pub const PAUSED: Weight = Weight::from_parts(5_000_000, 500);
/// Weight the mock market reports for a resumed provider.
pub const RESUMED: Weight = Weight::from_parts(6_000_000, 600);
/// Weight the mock market reports for a provider the liveness check heard from.
pub const HEARD_FROM: Weight = Weight::from_parts(7_000_000, 700);
/// Weight the mock market reports for a provider that left.
pub const DEREGISTERED: Weight = Weight::from_parts(8_000_000, 800);
/// What every declared upper bound adds on top of the weight the mock market reports, so that
/// tests can tell a declared bound from a reported weight.
pub const BOUND_SLACK: Weight = Weight::from_parts(500_000, 50);

/// The lease market's side of the provider lifecycle: records every call and reports fixed,
/// distinct weights.
pub struct MockLifecycle;

impl MockLifecycle {
	/// The calls recorded since the last time, oldest first; clears the record.
	pub fn taken() -> alloc::vec::Vec<LifecycleCall> {
		LIFECYCLE_CALLS.with(|calls| core::mem::take(&mut *calls.borrow_mut()))
	}

	fn record(call: LifecycleCall) {
		LIFECYCLE_CALLS.with(|calls| calls.borrow_mut().push(call));
	}

	/// The weight reported for `lines` attestation lines.
	pub fn attested_for(lines: usize) -> Weight {
		ATTESTED_PER_LINE.saturating_mul(lines as u64)
	}
}

impl ProviderLifecycle<AccountId, BlockNumber> for MockLifecycle {
	fn attested(provider: &AccountId, now: BlockNumber, lines: &[LeaseAttestation]) -> Weight {
		Self::record(LifecycleCall::Attested { provider: *provider, now, lines: lines.to_vec() });
		Self::attested_for(lines.len())
	}

	fn attested_weight(lines: u32) -> Weight {
		Self::attested_for(lines as usize).saturating_add(BOUND_SLACK)
	}

	fn went_offline(provider: &AccountId, at: BlockNumber) -> Weight {
		Self::record(LifecycleCall::WentOffline { provider: *provider, at });
		WENT_OFFLINE
	}

	fn went_offline_weight() -> Weight {
		WENT_OFFLINE.saturating_add(BOUND_SLACK)
	}

	fn back_online(provider: &AccountId, now: BlockNumber) -> Weight {
		Self::record(LifecycleCall::BackOnline { provider: *provider, now });
		BACK_ONLINE
	}

	fn back_online_weight() -> Weight {
		BACK_ONLINE.saturating_add(BOUND_SLACK)
	}

	fn jailed(provider: &AccountId) -> Weight {
		Self::record(LifecycleCall::Jailed { provider: *provider });
		JAILED
	}

	fn jailed_weight() -> Weight {
		JAILED.saturating_add(BOUND_SLACK)
	}

	fn paused(provider: &AccountId) -> Weight {
		Self::record(LifecycleCall::Paused { provider: *provider });
		PAUSED
	}

	fn paused_weight() -> Weight {
		PAUSED.saturating_add(BOUND_SLACK)
	}

	fn resumed(provider: &AccountId, now: BlockNumber) -> Weight {
		Self::record(LifecycleCall::Resumed { provider: *provider, now });
		RESUMED
	}

	fn resumed_weight() -> Weight {
		RESUMED.saturating_add(BOUND_SLACK)
	}

	fn heard_from(provider: &AccountId, last_heartbeat: BlockNumber) -> Weight {
		Self::record(LifecycleCall::HeardFrom { provider: *provider, last_heartbeat });
		HEARD_FROM
	}

	fn heard_from_weight() -> Weight {
		HEARD_FROM.saturating_add(BOUND_SLACK)
	}

	fn deregistered(provider: &AccountId) -> Weight {
		Self::record(LifecycleCall::Deregistered { provider: *provider });
		DEREGISTERED
	}

	fn deregistered_weight() -> Weight {
		DEREGISTERED.saturating_add(BOUND_SLACK)
	}
}

/// The UUID hash of GPU number `index` of `owner`'s machine.
pub fn gpu_hash(owner: AccountId, index: u32) -> GpuUuidHash {
	GpuUuidHash::from_low_u64_be(owner.saturating_mul(1_000).saturating_add(index.into()))
}

/// A well-formed RTX 4090 record with the given UUID hash.
pub fn gpu(uuid_hash: GpuUuidHash) -> GpuSpec {
	GpuSpec {
		model: GpuModelName::truncate_from(b"NVIDIA GeForce RTX 4090".to_vec()),
		vram_mib: 24_564,
		compute_capability: ComputeCapability::new(8, 9),
		uuid_hash,
	}
}

/// GPUs `0..count` of `owner`'s machine.
pub fn inventory(owner: AccountId, count: u32) -> crate::GpuInventoryOf<Test> {
	crate::GpuInventoryOf::<Test>::truncate_from(
		(0..count).map(|index| gpu(gpu_hash(owner, index))).collect(),
	)
}

pub fn region(label: &[u8]) -> crate::RegionOf<Test> {
	crate::RegionOf::<Test>::truncate_from(label.to_vec())
}

pub fn peer_id(id: &[u8]) -> crate::PeerIdOf<Test> {
	crate::PeerIdOf::<Test>::truncate_from(id.to_vec())
}

pub fn multiaddrs(addresses: &[&[u8]]) -> crate::MultiaddrsOf<Test> {
	crate::MultiaddrsOf::<Test>::truncate_from(
		addresses
			.iter()
			.map(|address| crate::MultiaddrOf::<Test>::truncate_from(address.to_vec()))
			.collect(),
	)
}

/// Register `owner` with `agent` and `gpus` GPUs, bonding enough first.
pub fn register_provider(owner: AccountId, agent: AccountId, gpus: u32) {
	stake_for(owner, gpus);
	frame_support::assert_ok!(Providers::register(
		RuntimeOrigin::signed(owner),
		agent,
		region(b"eu-west"),
		peer_id(b"12D3KooWProvider"),
		multiaddrs(&[b"/ip4/10.0.0.1/tcp/30333"]),
		inventory(owner, gpus),
	));
}

/// Run blocks up to `n`, checking the registry's invariants after every block's hook.
pub fn run_to_block(n: BlockNumber) {
	System::run_to_block_with::<AllPalletsWithSystem>(
		n,
		frame_system::RunToBlockHooks::default().after_initialize(|block| {
			if let Err(error) = Providers::do_try_state(block) {
				panic!("invariant broken after block {block}: {error:?}");
			}
		}),
	);
}

/// The registry's events so far, oldest first.
pub fn provider_events() -> alloc::vec::Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Providers(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Accounts funded at genesis.
pub const FUNDED: core::ops::RangeInclusive<AccountId> = 1..=50;
/// Free balance of each funded account.
pub const INITIAL_BALANCE: u64 = 1_000_000;

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system genesis builds");
		pallet_balances::GenesisConfig::<Test> {
			balances: FUNDED.map(|who| (who, INITIAL_BALANCE)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.expect("balances genesis builds");
		// Tests share threads, so a record left by an earlier test must not leak into this one.
		MockLifecycle::taken();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the registry's invariants at the block it ended in.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			if let Err(error) = Providers::do_try_state(System::block_number()) {
				panic!("invariant broken at the end of the test: {error:?}");
			}
		});
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder.build()
}
