//! A test runtime with balances, this pallet, and a provider registry, backing view and block
//! author that tests set directly.

use crate as pallet_emissions;
use ember_primitives::{
	ComputeCapability, GpuModelName, GpuSpec, ProviderBacking, ProviderRegistry, ProviderStatus,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, FindAuthor, Hooks},
	ConsensusEngineId, PalletId,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};
use std::{cell::RefCell, collections::BTreeMap};

pub type AccountId = u64;
pub type Balance = u128;
pub type BlockNumber = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Emissions: pallet_emissions,
	}
);

pub const EXISTENTIAL_DEPOSIT: Balance = 1;
pub const INITIAL_BALANCE: Balance = 100_000_000;

/// Providers (owner accounts), their agents and delegators.
pub const PROVIDER_A: AccountId = 10;
pub const AGENT_A: AccountId = 11;
pub const DELEGATOR_A: AccountId = 12;
pub const PROVIDER_B: AccountId = 20;
pub const AGENT_B: AccountId = 21;
/// A tenant with no tie to any provider.
pub const TENANT: AccountId = 1;
/// Block authors.
pub const VALIDATOR_1: AccountId = 100;
pub const VALIDATOR_2: AccountId = 101;
pub const TREASURY: AccountId = 500;

pub const ERA_LENGTH: BlockNumber = 100;
pub const MAX_CREDITED_GAP: BlockNumber = 20;
pub const ERAS_PER_YEAR: u32 = 10;
/// With 10 % a year over 10 eras of this supply, each era mints exactly `ERA_EMISSION`.
pub const ERA_EMISSION: Balance = 10_000_000;
/// Validators' 10 %, over 100 blocks.
pub const AUTHOR_REWARD: Balance = 10_000;
/// Treasury's 10 %.
pub const TREASURY_SHARE: Balance = 1_000_000;
/// Providers' 80 %.
pub const PROVIDERS_SHARE: Balance = 8_000_000;
/// The class score of the model the mock rates.
pub const H100_SCORE: u32 = 1_000;
/// The default class score.
pub const DEFAULT_SCORE: u32 = 100;

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
}

parameter_types! {
	pub const EmissionsPalletId: PalletId = PalletId(*b"em/rewrd");
	pub const TreasuryAccount: AccountId = TREASURY;
	pub const EraLength: BlockNumber = ERA_LENGTH;
	pub const MaxCreditedGap: BlockNumber = MAX_CREDITED_GAP;
}

impl pallet_emissions::Config for Test {
	type Currency = Balances;
	type Registry = MockRegistry;
	type Proofs = MockProofs;
	type Backing = MockBacking;
	type FindAuthor = MockAuthor;
	type TreasuryAccount = TreasuryAccount;
	type PalletId = EmissionsPalletId;
	type EraLength = EraLength;
	type MaxCreditedGap = MaxCreditedGap;
	type MaxGpusPerProvider = ConstU32<8>;
	type MaxLeaseBonusPercent = ConstU32<300>;
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// A provider as the mock registry knows it.
#[derive(Clone)]
pub struct MockProvider {
	pub agent: AccountId,
	pub status: ProviderStatus,
	pub paused: bool,
	/// Its owner's bond no longer covers its GPUs (a slash left it short).
	pub bond_short: bool,
	pub gpus: Vec<GpuSpec>,
}

/// A provider's commission and backers (owner first).
type Backing = (Perbill, Vec<(AccountId, Balance)>);

thread_local! {
	static PROVIDERS: RefCell<BTreeMap<AccountId, MockProvider>> =
		const { RefCell::new(BTreeMap::new()) };
	static BACKING: RefCell<BTreeMap<AccountId, Backing>> = const { RefCell::new(BTreeMap::new()) };
	static AUTHOR: RefCell<Option<AccountId>> = const { RefCell::new(None) };
}

/// A registry the tests fill in.
pub struct MockRegistry;

impl MockRegistry {
	pub fn register(owner: AccountId, agent: AccountId, gpus: Vec<GpuSpec>) {
		let provider = MockProvider {
			agent,
			status: ProviderStatus::Active,
			paused: false,
			bond_short: false,
			gpus,
		};
		PROVIDERS.with(|providers| providers.borrow_mut().insert(owner, provider));
	}

	/// The owner left: the registry forgets it.
	pub fn deregister(owner: AccountId) {
		PROVIDERS.with(|providers| providers.borrow_mut().remove(&owner));
	}

	pub fn set_status(owner: AccountId, status: ProviderStatus) {
		Self::update(owner, |provider| provider.status = status);
	}

	pub fn set_paused(owner: AccountId, paused: bool) {
		Self::update(owner, |provider| provider.paused = paused);
	}

	/// Whether the owner's bond falls short of what its GPUs require, as after a slash, until
	/// it tops up.
	pub fn set_bond_short(owner: AccountId, short: bool) {
		Self::update(owner, |provider| provider.bond_short = short);
	}

	fn update(owner: AccountId, change: impl FnOnce(&mut MockProvider)) {
		PROVIDERS.with(|providers| {
			if let Some(provider) = providers.borrow_mut().get_mut(&owner) {
				change(provider);
			}
		});
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
		// As the registry decides: Active, not paused, and its bond covering its GPUs.
		Self::get(owner).is_some_and(|provider| {
			provider.status.accepts_work() && !provider.paused && !provider.bond_short
		})
	}

	fn gpus(owner: &AccountId) -> Vec<GpuSpec> {
		Self::get(owner).map(|provider| provider.gpus).unwrap_or_default()
	}

	fn region(_owner: &AccountId) -> Option<Vec<u8>> {
		None
	}
}

/// Backing the tests set: commission and backers per provider.
pub struct MockBacking;

impl MockBacking {
	pub fn set(provider: AccountId, commission: Perbill, backers: Vec<(AccountId, Balance)>) {
		BACKING.with(|backing| backing.borrow_mut().insert(provider, (commission, backers)));
	}
}

impl ProviderBacking<AccountId, Balance> for MockBacking {
	fn commission(provider: &AccountId) -> Perbill {
		BACKING.with(|backing| backing.borrow().get(provider).map(|(c, _)| *c).unwrap_or_default())
	}

	fn backers(provider: &AccountId) -> Vec<(AccountId, Balance)> {
		BACKING.with(|backing| {
			backing
				.borrow()
				.get(provider)
				.map(|(_, backers)| backers.clone())
				.unwrap_or_default()
		})
	}

	fn is_delegator(provider: &AccountId, who: &AccountId) -> bool {
		who != provider && Self::backers(provider).iter().any(|(backer, _)| backer == who)
	}

	fn max_backers() -> u32 {
		17
	}
}

/// The author of the block in progress, as the tests set it.
pub struct MockAuthor;

impl MockAuthor {
	pub fn set(author: Option<AccountId>) {
		AUTHOR.with(|current| *current.borrow_mut() = author);
	}
}

impl FindAuthor<AccountId> for MockAuthor {
	fn find_author<'a, I>(_digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		AUTHOR.with(|author| *author.borrow())
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn provider(index: u32, gpus: u32, delegators: u32) -> AccountId {
		let owner = 10_000 + AccountId::from(index) * 1_000;
		let specs = (0..gpus)
			.map(|gpu| gpu_of_model(format!("Model {gpu}").as_bytes(), gpu as u8))
			.collect();
		MockRegistry::register(owner, owner + 999, specs);
		let mut backers = vec![(owner, 1_000)];
		for delegator in 0..AccountId::from(delegators) {
			let account = owner + 1 + delegator;
			let _ =
				<Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(&account, 10);
			backers.push((account, 100));
		}
		let _ = <Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(&owner, 10);
		MockBacking::set(owner, Perbill::from_percent(10), backers);
		owner
	}

	fn author() -> AccountId {
		MockAuthor::set(Some(VALIDATOR_1));
		VALIDATOR_1
	}
}

/// A GPU of `model` whose UUID hash ends in `tag`.
pub fn gpu_of_model(model: &[u8], tag: u8) -> GpuSpec {
	GpuSpec {
		model: GpuModelName::try_from(model.to_vec()).expect("model names are short"),
		vram_mib: 81_559,
		compute_capability: ComputeCapability { major: 9, minor: 0 },
		uuid_hash: H256::repeat_byte(tag),
	}
}

/// `count` H100s (rated `H100_SCORE`) tagged from `first`.
pub fn h100s(first: u8, count: u8) -> Vec<GpuSpec> {
	(0..count).map(|i| gpu_of_model(b"NVIDIA H100 80GB HBM3", first + i)).collect()
}

/// `count` GPUs of a model the class table does not know (`DEFAULT_SCORE`).
pub fn unrated(first: u8, count: u8) -> Vec<GpuSpec> {
	(0..count).map(|i| gpu_of_model(b"NVIDIA Unknown", first + i)).collect()
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	PROVIDERS.with(|providers| providers.borrow_mut().clear());
	BACKING.with(|backing| backing.borrow_mut().clear());
	MockAuthor::set(None);

	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(TENANT, INITIAL_BALANCE),
			(PROVIDER_A, INITIAL_BALANCE),
			(AGENT_A, INITIAL_BALANCE),
			(DELEGATOR_A, INITIAL_BALANCE),
			(PROVIDER_B, INITIAL_BALANCE),
			(AGENT_B, INITIAL_BALANCE),
			(VALIDATOR_1, INITIAL_BALANCE),
			(VALIDATOR_2, INITIAL_BALANCE),
			// Brings the issuance at genesis to a round billion with the pot and treasury.
			(1_000, 1_000_000_000 - 8 * INITIAL_BALANCE - 2),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_emissions::GenesisConfig::<Test> {
		schedule: crate::ScheduleParams {
			initial_supply: 0,
			initial_annual_rate: Perbill::from_percent(10),
			half_life_eras: 0,
			tail_annual_rate: Perbill::zero(),
			eras_per_year: ERAS_PER_YEAR,
		},
		rewards: crate::RewardParams::default(),
		class_scores: vec![(b"NVIDIA H100 80GB HBM3".to_vec(), H100_SCORE)],
		_config: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();

	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		MockRegistry::register(PROVIDER_A, AGENT_A, h100s(0x01, 2));
		MockRegistry::register(PROVIDER_B, AGENT_B, unrated(0x11, 2));
		MockBacking::set(PROVIDER_A, Perbill::zero(), vec![(PROVIDER_A, 1_000)]);
		MockBacking::set(PROVIDER_B, Perbill::zero(), vec![(PROVIDER_B, 1_000)]);
	});
	ext
}

/// Run blocks up to `n`, each authored by `VALIDATOR_1` unless the test set another author:
/// each block's hook, then every invariant.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Emissions::on_initialize(next);
		check_invariants();
	}
}

/// Check the pallet's invariants at the current block.
pub fn check_invariants() {
	Emissions::do_try_state(System::block_number()).expect("invariants hold");
}

std::thread_local! {
	static UNPROVEN: core::cell::RefCell<Vec<(AccountId, ember_primitives::GpuUuidHash)>> =
		const { core::cell::RefCell::new(Vec::new()) };
	static PROOFS_VERSION: core::cell::Cell<u32> = const { core::cell::Cell::new(0) };
	static PROOF_EXPIRY: core::cell::RefCell<Vec<(AccountId, ember_primitives::GpuUuidHash, BlockNumber)>> =
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
}

impl MockProofs {
	/// `gpu` of `provider`'s proof runs out at block `at` (it is not proven from then on),
	/// without its proofs version changing, as a real proof ages out.
	pub fn expire_at(provider: AccountId, gpu: ember_primitives::GpuUuidHash, at: BlockNumber) {
		PROOF_EXPIRY.with(|expiry| expiry.borrow_mut().push((provider, gpu, at)));
	}
}

impl ember_primitives::GpuProofs<AccountId> for MockProofs {
	fn is_proven(provider: &AccountId, gpu: &GpuSpec) -> bool {
		Self::proven_for(provider, gpu).is_some()
	}

	fn proven_for(provider: &AccountId, gpu: &GpuSpec) -> Option<u32> {
		if UNPROVEN.with(|unproven| unproven.borrow().contains(&(*provider, gpu.uuid_hash))) {
			return None;
		}
		let now = System::block_number();
		let expires = PROOF_EXPIRY.with(|expiry| {
			expiry.borrow().iter().find_map(|(who, hash, at)| {
				(*who == *provider && *hash == gpu.uuid_hash).then_some(*at)
			})
		});
		match expires {
			Some(at) if now >= at => None,
			Some(at) => Some(u32::try_from(at - now).unwrap_or(u32::MAX)),
			None => Some(u32::MAX),
		}
	}

	/// One count for every provider: any change makes every provider's proofs look changed.
	fn proofs_version(_provider: &AccountId) -> u32 {
		PROOFS_VERSION.with(|version| version.get())
	}

	fn is_challenged(_provider: &AccountId, _gpu: &ember_primitives::GpuUuidHash) -> bool {
		false
	}
}
