//! A test runtime with balances, this pallet and a registry whose GPU counts tests can set.

use crate as pallet_provider_staking;
use ember_primitives::{ProviderRegistry, ProviderStatus};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, OnFinalize, OnInitialize},
};
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
		ProviderStaking: pallet_provider_staking,
	}
);

pub const EXISTENTIAL_DEPOSIT: Balance = 10;
pub const INITIAL_BALANCE: Balance = 1_000_000;

/// Owners of providers.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// Delegators.
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
/// Funded account that receives slashes in tests.
pub const TREASURY: AccountId = 90;
/// Account with too little to bond.
pub const POOR: AccountId = 91;
pub const POOR_BALANCE: Balance = 500;
/// Account that does not exist.
pub const NOBODY: AccountId = 99;

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
	pub const ProviderBaseStake: Balance = 1_000;
	pub const ProviderStakePerUnit: Balance = 500;
	pub const MinProviderBond: Balance = 1_000;
	pub const MinDelegation: Balance = 100;
	pub const UnbondingPeriod: BlockNumber = 10;
	pub const MaxUnlockingChunks: u32 = 3;
	pub const MaxDelegatorsPerProvider: u32 = 3;
	pub const MaxCommission: Perbill = Perbill::from_percent(50);
}

impl pallet_provider_staking::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Registry = MockRegistry;
	type ProviderBaseStake = ProviderBaseStake;
	type ProviderStakePerUnit = ProviderStakePerUnit;
	type MinProviderBond = MinProviderBond;
	type MinDelegation = MinDelegation;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxUnlockingChunks = MaxUnlockingChunks;
	type MaxDelegatorsPerProvider = MaxDelegatorsPerProvider;
	type MaxCommission = MaxCommission;
	type Observer = MockObserver;
	type Punishments = MockPunishments;
	type WeightInfo = ();
}

thread_local! {
	static OBSERVED: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
	static PUNISHED: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
}

/// Providers a slash or a jail awaits, as the tests set them.
pub struct MockPunishments;

impl MockPunishments {
	/// A punishment now awaits `provider`.
	pub fn pending(provider: AccountId) {
		PUNISHED.with(|punished| punished.borrow_mut().push(provider));
	}

	/// Every punishment is settled.
	pub fn settle_all() {
		PUNISHED.with(|punished| punished.borrow_mut().clear());
	}
}

impl ember_primitives::ProviderPunishments<AccountId> for MockPunishments {
	fn is_pending(provider: &AccountId) -> bool {
		PUNISHED.with(|punished| punished.borrow().contains(provider))
	}

	fn jail_overridden(_provider: &AccountId) {}
}

/// Records each provider whose backing or commission was about to change.
pub struct MockObserver;

impl MockObserver {
	/// The providers notified since the last call, in order.
	pub fn taken() -> Vec<AccountId> {
		OBSERVED.with(|observed| std::mem::take(&mut *observed.borrow_mut()))
	}
}

impl ember_primitives::BackingObserver<AccountId> for MockObserver {
	fn backing_changing(provider: &AccountId) -> frame_support::weights::Weight {
		OBSERVED.with(|observed| observed.borrow_mut().push(*provider));
		frame_support::weights::Weight::zero()
	}

	fn backing_changing_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

thread_local! {
	static REGISTERED_GPUS: RefCell<BTreeMap<AccountId, u32>> = const { RefCell::new(BTreeMap::new()) };
}

/// A provider registry whose registrations tests set directly.
pub struct MockRegistry;

impl MockRegistry {
	/// Register `owner` with `gpus` GPUs of the reference class, one stake unit each (or
	/// change its count).
	pub fn register(owner: AccountId, gpus: u32) {
		REGISTERED_GPUS.with(|registered| registered.borrow_mut().insert(owner, gpus));
	}

	/// Deregister `owner`.
	pub fn deregister(owner: AccountId) {
		REGISTERED_GPUS.with(|registered| registered.borrow_mut().remove(&owner));
	}

	fn clear() {
		REGISTERED_GPUS.with(|registered| registered.borrow_mut().clear());
	}
}

impl ProviderRegistry<AccountId> for MockRegistry {
	fn registered_gpus(owner: &AccountId) -> Option<u32> {
		REGISTERED_GPUS.with(|registered| registered.borrow().get(owner).copied())
	}

	fn stake_units(owner: &AccountId) -> Option<u32> {
		Self::registered_gpus(owner)
	}

	fn status(owner: &AccountId) -> Option<ProviderStatus> {
		Self::registered_gpus(owner).map(|_| ProviderStatus::Active)
	}

	fn provider_of_agent(_agent: &AccountId) -> Option<AccountId> {
		None
	}

	fn accepts_work(owner: &AccountId) -> bool {
		Self::registered_gpus(owner).is_some()
	}

	fn gpus(_owner: &AccountId) -> Vec<ember_primitives::GpuSpec> {
		Vec::new()
	}

	fn region(_owner: &AccountId) -> Option<Vec<u8>> {
		None
	}
}

pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		let mut balances: Vec<(AccountId, Balance)> = [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE]
			.into_iter()
			.map(|who| (who, INITIAL_BALANCE))
			.collect();
		balances.push((TREASURY, INITIAL_BALANCE));
		balances.push((POOR, POOR_BALANCE));
		Self { balances }
	}
}

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		MockRegistry::clear();
		MockObserver::taken();
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system genesis builds");
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, dev_accounts: None }
			.assimilate_storage(&mut storage)
			.expect("balances genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		// Events are only recorded from block 1 on.
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test` and check the pallet's invariants at its end.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			check_invariants();
		});
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

pub fn check_invariants() {
	ProviderStaking::do_try_state().expect("provider staking invariants hold");
}

/// Finish the current block and run blocks up to `n`, checking the invariants after each one.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let now = System::block_number();
		AllPalletsWithSystem::on_finalize(now);
		check_invariants();
		System::set_block_number(now + 1);
		AllPalletsWithSystem::on_initialize(now + 1);
	}
}

/// Run `blocks` more blocks.
pub fn advance_blocks(blocks: BlockNumber) {
	run_to_block(System::block_number() + blocks);
}

/// This pallet's events so far, oldest first.
pub fn staking_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ProviderStaking(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last event this pallet emitted.
pub fn last_staking_event() -> crate::Event<Test> {
	staking_events().pop().expect("an event was emitted")
}

/// Funds `who` holds for owner bonds.
pub fn bond_held(who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(
		&RuntimeHoldReason::ProviderStaking(crate::HoldReason::ProviderBond),
		&who,
	)
}

/// Funds `who` holds for delegations.
pub fn delegation_held(who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(
		&RuntimeHoldReason::ProviderStaking(crate::HoldReason::Delegation),
		&who,
	)
}

/// Free balance of `who`.
pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}
