//! A test runtime with this pallet alone, and a registry, lease market, offence reporter and
//! randomness source that tests drive directly.

use crate as pallet_challenges;
use ember_compute_proof::Shape;
use ember_primitives::{
	ComputeCapability, GpuSpec, GpuUuidHash, InventoryObserver, ProviderCommitments,
	ProviderOffence, ProviderOffenceReporter, ProviderRegistry, ProviderStatus,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks, Randomness},
	weights::Weight,
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchResult};
use std::{cell::RefCell, collections::BTreeMap};

pub type AccountId = u64;
pub type BlockNumber = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Challenges: pallet_challenges,
	}
);

/// Registered providers (owner accounts) and their agents.
pub const PROVIDER_A: AccountId = 10;
pub const AGENT_A: AccountId = 11;
pub const PROVIDER_B: AccountId = 20;
pub const AGENT_B: AccountId = 21;
/// Nobody in particular.
pub const STRANGER: AccountId = 99;

pub const COMMIT_BLOCKS: BlockNumber = 3;
pub const REVEAL_BLOCKS: BlockNumber = 3;
pub const SAMPLES: u32 = 8;
pub const PROOF_VALIDITY: BlockNumber = 1_000;
pub const RENEWAL_WINDOW: BlockNumber = 100;
pub const CHALLENGE_PERIOD: u32 = 50;
pub const RESULT_WINDOW: u32 = 5;
pub const FAILURE_THRESHOLD: u32 = 2;

/// The test shape: 64×64 products of length-64 rows, twice; 128 leaves, paths of 7.
pub const TEST_SHAPE: Shape = Shape { n: 64, k: 64, batch: 2 };

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
}

parameter_types! {
	/// No random draws unless a test turns them on: the others answer only what they ask for.
	pub static MaxDraws: u32 = 0;
	pub static HookBudget: Weight = Weight::from_parts(u64::MAX, u64::MAX);
}

impl pallet_challenges::Config for Test {
	type Randomness = MockRandomness;
	type Registry = MockRegistry;
	type Commitments = MockLeases;
	type Offences = MockOffences;
	type CommitBlocks = ConstU64<COMMIT_BLOCKS>;
	type RevealBlocks = ConstU64<REVEAL_BLOCKS>;
	type Samples = ConstU32<SAMPLES>;
	type ProofValidity = ConstU64<PROOF_VALIDITY>;
	type RenewalWindow = ConstU64<RENEWAL_WINDOW>;
	type ChallengePeriod = ConstU32<CHALLENGE_PERIOD>;
	type MaxDrawsPerBlock = MaxDraws;
	type MaxIssuedPerBlock = ConstU32<8>;
	type MaxDeadlinesPerBlock = ConstU32<4>;
	type MaxSpill = ConstU32<2>;
	type ResultWindow = ConstU32<RESULT_WINDOW>;
	type FailureThreshold = ConstU32<FAILURE_THRESHOLD>;
	type MaxGpusPerProvider = ConstU32<4>;
	type MaxShapes = ConstU32<4>;
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
	type HookBudget = HookBudget;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Registers providers in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_challenges::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn provider(index: u32, gpus: u32) -> (AccountId, AccountId) {
		let owner = 1_000 + 2 * u64::from(index);
		let agent = owner + 1;
		let inventory = (0..gpus)
			.map(|gpu| {
				let mut spec = self::gpu(owner, 0);
				spec.uuid_hash = H256::from_low_u64_be(owner * 1_000 + u64::from(gpu));
				spec
			})
			.collect();
		set_inventory(owner, agent, inventory);
		(owner, agent)
	}
}

/// A provider as the mock registry holds it.
#[derive(Clone)]
pub struct MockProvider {
	pub agent: AccountId,
	pub status: ProviderStatus,
	pub gpus: Vec<GpuSpec>,
}

thread_local! {
	static PROVIDERS: RefCell<BTreeMap<AccountId, MockProvider>> = const { RefCell::new(BTreeMap::new()) };
	static LEASED: RefCell<Vec<(AccountId, GpuUuidHash)>> = const { RefCell::new(Vec::new()) };
	static OFFENCES: RefCell<Vec<ProviderOffence<AccountId>>> = const { RefCell::new(Vec::new()) };
	static NO_RANDOMNESS: RefCell<bool> = const { RefCell::new(false) };
}

/// The `index`-th test GPU of `provider`, each index its own model (so that a request
/// challenges that GPU alone): `index` 0 is an `NVIDIA L4`.
pub fn gpu(provider: AccountId, index: u8) -> GpuSpec {
	let model = match index {
		0 => b"NVIDIA L4".to_vec(),
		_ => format!("NVIDIA L4 #{index}").into_bytes(),
	};
	gpu_of_model(provider, index, &model)
}

/// The `index`-th test GPU of `provider`, of `model`.
pub fn gpu_of_model(provider: AccountId, index: u8, model: &[u8]) -> GpuSpec {
	GpuSpec {
		model: BoundedVec::truncate_from(model.to_vec()),
		vram_mib: 24_576,
		compute_capability: ComputeCapability::new(8, 9),
		uuid_hash: H256::from_low_u64_be(provider * 1_000 + u64::from(index)),
	}
}

/// Register `provider` with `gpus` GPUs, telling the pallet as the registry does.
pub fn register(provider: AccountId, agent: AccountId, gpus: u8) {
	let inventory: Vec<GpuSpec> = (0..gpus).map(|index| gpu(provider, index)).collect();
	set_inventory(provider, agent, inventory);
}

/// Replace `provider`'s inventory, telling the pallet.
pub fn set_inventory(provider: AccountId, agent: AccountId, gpus: Vec<GpuSpec>) {
	let before = MockRegistry::gpus(&provider);
	PROVIDERS.with(|providers| {
		providers.borrow_mut().insert(
			provider,
			MockProvider { agent, status: ProviderStatus::Active, gpus: gpus.clone() },
		)
	});
	Challenges::inventory_changed(&provider, &before, &gpus);
}

/// Take `provider` out of the registry, telling the pallet as the registry does.
pub fn deregister(provider: AccountId) {
	let before = MockRegistry::gpus(&provider);
	PROVIDERS.with(|providers| providers.borrow_mut().remove(&provider));
	Challenges::inventory_changed(&provider, &before, &[]);
}

/// Set `provider`'s status.
pub fn set_status(provider: AccountId, status: ProviderStatus) {
	PROVIDERS.with(|providers| {
		if let Some(record) = providers.borrow_mut().get_mut(&provider) {
			record.status = status;
		}
	});
}

/// Put `gpu` of `provider` into a lease, or take it out.
pub fn set_leased(provider: AccountId, gpu: GpuUuidHash, leased: bool) {
	LEASED.with(|set| {
		let mut set = set.borrow_mut();
		set.retain(|entry| *entry != (provider, gpu));
		if leased {
			set.push((provider, gpu));
		}
	});
}

/// The offences reported so far.
pub fn offences() -> Vec<ProviderOffence<AccountId>> {
	OFFENCES.with(|offences| offences.borrow().clone())
}

/// Make the randomness source answer `None` (a chain without VRF outputs).
pub fn set_no_randomness(off: bool) {
	NO_RANDOMNESS.with(|flag| *flag.borrow_mut() = off);
}

pub struct MockRegistry;

impl ProviderRegistry<AccountId> for MockRegistry {
	fn registered_gpus(owner: &AccountId) -> Option<u32> {
		PROVIDERS.with(|providers| providers.borrow().get(owner).map(|p| p.gpus.len() as u32))
	}

	fn stake_units(owner: &AccountId) -> Option<u32> {
		Self::registered_gpus(owner)
	}

	fn status(owner: &AccountId) -> Option<ProviderStatus> {
		PROVIDERS.with(|providers| providers.borrow().get(owner).map(|p| p.status))
	}

	fn provider_of_agent(agent: &AccountId) -> Option<AccountId> {
		PROVIDERS.with(|providers| {
			providers
				.borrow()
				.iter()
				.find(|(_, p)| p.agent == *agent)
				.map(|(owner, _)| *owner)
		})
	}

	fn accepts_work(owner: &AccountId) -> bool {
		Self::status(owner) == Some(ProviderStatus::Active)
	}

	fn gpus(owner: &AccountId) -> Vec<GpuSpec> {
		PROVIDERS.with(|providers| {
			providers.borrow().get(owner).map(|p| p.gpus.clone()).unwrap_or_default()
		})
	}

	fn region(_owner: &AccountId) -> Option<Vec<u8>> {
		None
	}
}

pub struct MockLeases;

impl ProviderCommitments<AccountId> for MockLeases {
	fn active_commitments(_provider: &AccountId) -> u32 {
		0
	}

	fn is_gpu_committed(provider: &AccountId, gpu: &GpuUuidHash) -> bool {
		Self::is_gpu_leased(provider, gpu)
	}

	fn is_gpu_leased(provider: &AccountId, gpu: &GpuUuidHash) -> bool {
		LEASED.with(|set| set.borrow().contains(&(*provider, *gpu)))
	}
}

pub struct MockOffences;

impl ProviderOffenceReporter<AccountId> for MockOffences {
	fn report(offence: ProviderOffence<AccountId>) -> DispatchResult {
		OFFENCES.with(|offences| {
			let mut offences = offences.borrow_mut();
			if offences.contains(&offence) {
				return Err(sp_runtime::DispatchError::Other("duplicate offence"));
			}
			offences.push(offence);
			Ok(())
		})
	}

	fn report_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

/// The parent block's "VRF output": a hash of its number, as unpredictable to the tests'
/// solvers as a real one (they never look ahead).
pub struct MockRandomness;

impl Randomness<Option<H256>, BlockNumber> for MockRandomness {
	fn random(subject: &[u8]) -> (Option<H256>, BlockNumber) {
		let now = System::block_number();
		if NO_RANDOMNESS.with(|flag| *flag.borrow()) {
			return (None, now);
		}
		let parent = now.saturating_sub(1);
		let seed = sp_crypto_hashing::blake2_256(&(b"mock-vrf", parent, subject).encode());
		(Some(H256(seed)), now)
	}
}

use codec::Encode;

/// Externalities with the test shape as the default, block 1 started.
pub fn new_test_ext() -> sp_io::TestExternalities {
	PROVIDERS.with(|providers| providers.borrow_mut().clear());
	LEASED.with(|set| set.borrow_mut().clear());
	OFFENCES.with(|offences| offences.borrow_mut().clear());
	set_no_randomness(false);
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		challenges: pallet_challenges::GenesisConfig {
			default_shape: Some((TEST_SHAPE.n, TEST_SHAPE.k, TEST_SHAPE.batch)),
			shapes: vec![],
			_config: Default::default(),
		},
	}
	.build_storage()
	.expect("genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Challenges::on_initialize(1);
	});
	ext
}

/// Finish the current block and run the next ones up to `n`, checking the invariants.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Challenges::on_initialize(next);
		Challenges::do_try_state(next).expect("invariants hold");
	}
}

/// Jump to block `n` without running the blocks between, for tests that wait out a long
/// stretch in which nothing is due: the VRF outputs those blocks would have pruned are gone.
pub fn jump_to_block(n: BlockNumber) {
	System::set_block_number(n);
	let _ = crate::BlockRandomness::<Test>::clear(u32::MAX, None);
}

/// Externalities for the benchmark tests: random draws on, as in the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let ext = new_test_ext();
	MaxDraws::set(8);
	ext
}
