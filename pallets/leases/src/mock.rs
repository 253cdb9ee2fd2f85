//! A test runtime with balances, this pallet, and a provider registry, stake view, offence sink
//! and delivery sink that tests drive and read directly.

use crate as pallet_leases;
use ember_primitives::{
	ComputeCapability, DeliveredGpuTime, GpuModelName, GpuSpec, GpuUuidHash, LeaseId, LeaseOffence,
	LeaseOffenceReporter, ProviderRegistry, ProviderStake, ProviderStatus,
};
use frame_support::{
	derive_impl,
	pallet_prelude::Weight,
	parameter_types,
	traits::{ConstU128, ConstU32, Hooks},
};
use sp_core::H256;
use sp_runtime::BuildStorage;
use std::{cell::RefCell, collections::BTreeMap};

pub type AccountId = u64;
pub type Balance = u128;
pub type BlockNumber = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Leases: pallet_leases,
	}
);

pub const EXISTENTIAL_DEPOSIT: Balance = 1;
pub const INITIAL_BALANCE: Balance = 1_000_000_000;

/// Tenants.
pub const TENANT: AccountId = 1;
pub const TENANT_2: AccountId = 2;
/// A tenant with little money.
pub const POOR: AccountId = 3;
pub const POOR_BALANCE: Balance = 1_000;
/// Providers (owner accounts) and their agents.
pub const PROVIDER_A: AccountId = 10;
pub const AGENT_A: AccountId = 11;
pub const PROVIDER_B: AccountId = 20;
pub const AGENT_B: AccountId = 21;
pub const PROVIDER_C: AccountId = 30;
pub const AGENT_C: AccountId = 31;
/// Nobody in particular.
pub const STRANGER: AccountId = 99;

/// Blocks per hour in the mock: one GPU-hour at `price` costs `price` for 600 blocks.
pub const BLOCKS_PER_HOUR: u32 = 600;
pub const STORAGE_DEPOSIT: Balance = 10;
pub const ATTESTATION_TOLERANCE: BlockNumber = 150;
pub const GRACE_PERIOD: BlockNumber = 20;
pub const OFFLINE_LIMIT: BlockNumber = 300;
/// A running lease is settled at least this often.
pub const SETTLEMENT_INTERVAL: BlockNumber = 600;
pub const MIN_BID_WINDOW: BlockNumber = 2;
pub const MAX_BID_WINDOW: BlockNumber = 100;
pub const MAX_LEASE_DURATION: BlockNumber = 10_000;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const AttestationTolerance: BlockNumber = ATTESTATION_TOLERANCE;
	pub const SettlementInterval: BlockNumber = SETTLEMENT_INTERVAL;
	pub const GracePeriod: BlockNumber = GRACE_PERIOD;
	pub storage OfflineLimit: BlockNumber = OFFLINE_LIMIT;
	pub const MinBidWindow: BlockNumber = MIN_BID_WINDOW;
	pub const MaxBidWindow: BlockNumber = MAX_BID_WINDOW;
	pub const MaxLeaseDuration: BlockNumber = MAX_LEASE_DURATION;
	/// No limit unless a test sets one.
	pub storage HookBudget: Weight = Weight::MAX;
}

impl pallet_leases::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Registry = MockRegistry;
	type Proofs = MockProofs;
	type Stake = MockStake;
	type Offences = MockOffences;
	type Delivery = MockDelivery;
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
	type BlocksPerHour = ConstU32<BLOCKS_PER_HOUR>;
	type StorageDeposit = ConstU128<STORAGE_DEPOSIT>;
	type MinBidWindow = MinBidWindow;
	type MaxBidWindow = MaxBidWindow;
	type MaxLeaseDuration = MaxLeaseDuration;
	type AttestationTolerance = AttestationTolerance;
	type GracePeriod = GracePeriod;
	type OfflineLimit = OfflineLimit;
	type SettlementInterval = SettlementInterval;
	type MaxGpusPerLease = ConstU32<8>;
	type MaxBidsPerOrder = ConstU32<4>;
	type MaxOrdersPerTenant = ConstU32<4>;
	type MaxLeasesPerTenant = ConstU32<4>;
	type MaxLeasesPerProvider = ConstU32<4>;
	type MaxOffersPerProvider = ConstU32<2>;
	type MaxDuePerBlock = ConstU32<8>;
	type MaxOfflineLimitsPerBlock = ConstU32<2>;
	type MaxRegionLen = ConstU32<16>;
	type HookBudget = HookBudget;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// A provider as the mock registry keeps it.
#[derive(Clone, Debug)]
pub struct MockProvider {
	pub agent: AccountId,
	pub status: ProviderStatus,
	pub paused: bool,
	pub gpus: Vec<GpuSpec>,
	pub region: Vec<u8>,
}

thread_local! {
	static PROVIDERS: RefCell<BTreeMap<AccountId, MockProvider>> = const { RefCell::new(BTreeMap::new()) };
	static BACKING: RefCell<BTreeMap<AccountId, Balance>> = const { RefCell::new(BTreeMap::new()) };
	static OFFENCES: RefCell<Vec<LeaseOffence<AccountId, Balance, BlockNumber>>> = const { RefCell::new(Vec::new()) };
	static DELIVERED: RefCell<Vec<Delivered>> = const { RefCell::new(Vec::new()) };
}

/// A provider registry that tests set directly.
pub struct MockRegistry;

impl MockRegistry {
	/// Register `owner` with agent `agent`, the given GPUs, Active, in region `eu-west`.
	pub fn register(owner: AccountId, agent: AccountId, gpus: Vec<GpuSpec>) {
		let provider = MockProvider {
			agent,
			status: ProviderStatus::Active,
			paused: false,
			gpus,
			region: b"eu-west".to_vec(),
		};
		PROVIDERS.with(|providers| providers.borrow_mut().insert(owner, provider));
	}

	/// Change a registered provider.
	pub fn update(owner: AccountId, f: impl FnOnce(&mut MockProvider)) {
		PROVIDERS.with(|providers| {
			if let Some(provider) = providers.borrow_mut().get_mut(&owner) {
				f(provider)
			}
		});
	}

	/// Set a provider's status.
	pub fn set_status(owner: AccountId, status: ProviderStatus) {
		Self::update(owner, |provider| provider.status = status);
	}

	fn get(owner: &AccountId) -> Option<MockProvider> {
		PROVIDERS.with(|providers| providers.borrow().get(owner).cloned())
	}
}

impl ProviderRegistry<AccountId> for MockRegistry {
	fn registered_gpus(owner: &AccountId) -> Option<u32> {
		Self::get(owner).map(|provider| provider.gpus.len() as u32)
	}

	fn stake_units(owner: &AccountId) -> Option<u32> {
		Self::registered_gpus(owner)
	}

	fn status(owner: &AccountId) -> Option<ProviderStatus> {
		Self::get(owner).map(|provider| provider.status)
	}

	fn provider_of_agent(agent: &AccountId) -> Option<AccountId> {
		PROVIDERS.with(|providers| {
			providers
				.borrow()
				.iter()
				.find(|(_, provider)| provider.agent == *agent)
				.map(|(owner, _)| *owner)
		})
	}

	fn accepts_work(owner: &AccountId) -> bool {
		Self::get(owner).is_some_and(|provider| provider.status.accepts_work() && !provider.paused)
	}

	fn gpus(owner: &AccountId) -> Vec<GpuSpec> {
		Self::get(owner).map(|provider| provider.gpus).unwrap_or_default()
	}

	fn region(owner: &AccountId) -> Option<Vec<u8>> {
		Self::get(owner).map(|provider| provider.region)
	}
}

/// Stake behind providers, set by tests; it breaks ties between equal bids.
pub struct MockStake;

impl MockStake {
	pub fn set_backing(provider: AccountId, amount: Balance) {
		BACKING.with(|backing| backing.borrow_mut().insert(provider, amount));
	}
}

impl ProviderStake<AccountId, Balance> for MockStake {
	fn required_stake(_gpu_count: u32) -> Balance {
		0
	}

	fn own_stake(owner: &AccountId) -> Balance {
		Self::total_backing(owner)
	}

	fn total_backing(owner: &AccountId) -> Balance {
		BACKING.with(|backing| backing.borrow().get(owner).copied().unwrap_or_default())
	}

	fn has_sufficient_stake(_owner: &AccountId, _gpu_count: u32) -> bool {
		true
	}
}

/// Records reported offences.
pub struct MockOffences;

impl MockOffences {
	pub fn taken() -> Vec<LeaseOffence<AccountId, Balance, BlockNumber>> {
		OFFENCES.with(|offences| offences.borrow_mut().drain(..).collect())
	}
}

impl LeaseOffenceReporter<AccountId, Balance, BlockNumber> for MockOffences {
	fn report(offence: LeaseOffence<AccountId, Balance, BlockNumber>) {
		OFFENCES.with(|offences| offences.borrow_mut().push(offence));
	}
}

/// One report of delivered GPU-time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivered {
	pub provider: AccountId,
	pub tenant: AccountId,
	pub lease: LeaseId,
	pub gpu_blocks: u64,
	pub paid: Balance,
	pub fee: Balance,
}

/// Records delivered GPU-time.
pub struct MockDelivery;

impl MockDelivery {
	pub fn taken() -> Vec<Delivered> {
		DELIVERED.with(|delivered| delivered.borrow_mut().drain(..).collect())
	}
}

impl DeliveredGpuTime<AccountId, Balance> for MockDelivery {
	fn delivered(
		provider: &AccountId,
		tenant: &AccountId,
		lease: LeaseId,
		gpus: &[GpuUuidHash],
		blocks: u32,
		paid: Balance,
		fee: Balance,
	) {
		let gpu_blocks = u64::from(blocks).saturating_mul(gpus.len() as u64);
		let record =
			Delivered { provider: *provider, tenant: *tenant, lease, gpu_blocks, paid, fee };
		DELIVERED.with(|delivered| delivered.borrow_mut().push(record));
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn register_provider(owner: &AccountId, agent: &AccountId, gpus: &[GpuSpec]) {
		MockRegistry::register(*owner, *agent, gpus.to_vec());
	}

	fn set_offline(owner: &AccountId) {
		MockRegistry::set_status(*owner, ProviderStatus::Offline);
	}

	// The mock market reports offences to nobody: there is no exposure to record.
	fn back_fully(_owner: &AccountId) {}
}

/// A GPU of model `model` with `vram_mib` MiB and compute capability `major.minor`; `id` makes
/// its UUID hash unique.
pub fn gpu(model: &str, vram_mib: u32, major: u8, minor: u8, id: u8) -> GpuSpec {
	GpuSpec {
		model: GpuModelName::truncate_from(model.as_bytes().to_vec()),
		vram_mib,
		compute_capability: ComputeCapability::new(major, minor),
		uuid_hash: H256::repeat_byte(id),
	}
}

/// Four RTX 4090s (24 GiB, 8.9) with UUID hash bytes `first..first+4`.
pub fn rtx4090s(first: u8) -> Vec<GpuSpec> {
	(first..first + 4)
		.map(|id| gpu("NVIDIA GeForce RTX 4090", 24_576, 8, 9, id))
		.collect()
}

/// Two H100s (80 GiB, 9.0) with UUID hash bytes `first..first+2`.
pub fn h100s(first: u8) -> Vec<GpuSpec> {
	(first..first + 2)
		.map(|id| gpu("NVIDIA H100 80GB HBM3", 81_559, 9, 0, id))
		.collect()
}

/// Externalities with funded accounts and three registered providers: A with four RTX 4090s
/// (hashes 0x01..0x04), B with four RTX 4090s (0x11..0x14), C with two H100s (0x21..0x22).
pub fn new_test_ext() -> sp_io::TestExternalities {
	PROVIDERS.with(|providers| providers.borrow_mut().clear());
	BACKING.with(|backing| backing.borrow_mut().clear());
	OFFENCES.with(|offences| offences.borrow_mut().clear());
	DELIVERED.with(|delivered| delivered.borrow_mut().clear());

	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(TENANT, INITIAL_BALANCE),
			(TENANT_2, INITIAL_BALANCE),
			(POOR, POOR_BALANCE),
			(PROVIDER_A, INITIAL_BALANCE),
			(PROVIDER_B, INITIAL_BALANCE),
			(PROVIDER_C, INITIAL_BALANCE),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();

	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		MockRegistry::register(PROVIDER_A, AGENT_A, rtx4090s(0x01));
		MockRegistry::register(PROVIDER_B, AGENT_B, rtx4090s(0x11));
		MockRegistry::register(PROVIDER_C, AGENT_C, h100s(0x21));
	});
	ext
}

/// Run blocks up to `n`: each block's hook, then every invariant.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Leases::on_initialize(next);
		check_invariants();
	}
}

/// Check the pallet's invariants at the current block.
pub fn check_invariants() {
	Leases::do_try_state(System::block_number()).expect("invariants hold");
}

std::thread_local! {
	static UNPROVEN: core::cell::RefCell<Vec<(AccountId, ember_primitives::GpuUuidHash)>> =
		const { core::cell::RefCell::new(Vec::new()) };
	static PROOFS_VERSION: core::cell::Cell<u32> = const { core::cell::Cell::new(0) };
	static CHALLENGED: core::cell::RefCell<Vec<(AccountId, ember_primitives::GpuUuidHash)>> =
		const { core::cell::RefCell::new(Vec::new()) };
}

/// The challenges pallet's answers: every GPU is proven unless a test revokes its proof.
pub struct MockProofs;

impl MockProofs {
	/// `gpu` of `provider` loses its proof (or gets it back).
	pub fn set_proven(provider: AccountId, gpu: ember_primitives::GpuUuidHash, proven: bool) {
		UNPROVEN.with(|unproven| {
			let mut unproven = unproven.borrow_mut();
			unproven.retain(|entry| *entry != (provider, gpu));
			if !proven {
				unproven.push((provider, gpu));
			}
		});
		PROOFS_VERSION.with(|version| version.set(version.get().wrapping_add(1)));
	}

	/// `gpu` of `provider` enters a challenge not yet committed (or leaves it).
	pub fn set_challenged(provider: AccountId, gpu: ember_primitives::GpuUuidHash, on: bool) {
		CHALLENGED.with(|challenged| {
			let mut challenged = challenged.borrow_mut();
			challenged.retain(|entry| *entry != (provider, gpu));
			if on {
				challenged.push((provider, gpu));
			}
		});
	}
}

impl ember_primitives::GpuProofs<AccountId> for MockProofs {
	fn is_proven(provider: &AccountId, gpu: &GpuSpec) -> bool {
		UNPROVEN.with(|unproven| !unproven.borrow().contains(&(*provider, gpu.uuid_hash)))
	}

	fn proven_for(provider: &AccountId, gpu: &GpuSpec) -> Option<u32> {
		Self::is_proven(provider, gpu).then_some(u32::MAX)
	}

	/// One count for every provider: any change makes every provider's proofs look changed.
	fn proofs_version(_provider: &AccountId) -> u32 {
		PROOFS_VERSION.with(|version| version.get())
	}

	fn is_challenged(provider: &AccountId, gpu: &ember_primitives::GpuUuidHash) -> bool {
		CHALLENGED.with(|challenged| challenged.borrow().contains(&(*provider, *gpu)))
	}
}
