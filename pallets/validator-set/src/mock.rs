//! A test runtime: frame-system, pallet-balances (for session key deposits), this pallet and
//! pallet-session with this pallet as its session manager.

use crate as pallet_validator_set;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, OnFinalize, OnInitialize},
};
use frame_system::EnsureRoot;
use sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage};

pub type AccountId = u64;
pub type Balance = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		// Before Session: its genesis must be built by the time Session asks for the set.
		ValidatorSet: pallet_validator_set,
		Session: pallet_session,
	}
);

/// Blocks per session: rotations happen at blocks 5, 10, 15, ...
pub const SESSION_PERIOD: u64 = 5;
pub const MAX_VALIDATORS: u32 = 6;
pub const MIN_VALIDATORS: u32 = 2;
pub const KEY_DEPOSIT: Balance = 10;
pub const INITIAL_BALANCE: Balance = 1_000;

/// Accounts endowed at genesis.
pub const FUNDED_ACCOUNTS: core::ops::RangeInclusive<AccountId> = 1..=10;
/// The default genesis validators.
pub const GENESIS_VALIDATORS: [AccountId; 3] = [1, 2, 3];
/// Accounts with session keys at genesis that are not validators.
pub const KEYED_CANDIDATES: [AccountId; 5] = [4, 5, 6, 7, 8];
/// Funded accounts without session keys.
pub const KEYLESS_ACCOUNTS: [AccountId; 2] = [9, 10];

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

parameter_types! {
	pub const KeyDeposit: Balance = KEY_DEPOSIT;
}

type Sessions = pallet_session::PeriodicSessions<ConstU64<SESSION_PERIOD>, ConstU64<0>>;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = ValidatorSet;
	type SessionHandler = pallet_session::TestSessionHandler;
	type Keys = UintAuthorityId;
	// A third of 3 validators rounds to none; half lets the punishment tests see one disabled.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy<2>;
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = KeyDeposit;
}

impl pallet_validator_set::Config for Test {
	type AddRemoveOrigin = EnsureRoot<AccountId>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Funds the account and sets its keys through the real `session.set_keys` call.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn set_session_keys(validator: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		assert_ok!(Balances::mint_into(validator, INITIAL_BALANCE));
		assert_ok!(set_session_keys(*validator));
	}
}

/// Registers test session keys for `who`, as the validator's own `session.set_keys` call would.
pub fn set_session_keys(who: AccountId) -> sp_runtime::DispatchResult {
	Session::set_keys(RuntimeOrigin::signed(who), UintAuthorityId(who), Vec::new())
}

/// Genesis of the test runtime.
pub struct ExtBuilder {
	validators: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { validators: GENESIS_VALIDATORS.to_vec() }
	}
}

impl ExtBuilder {
	/// Uses `validators` as the genesis set (they get session keys too).
	pub fn validators(mut self, validators: Vec<AccountId>) -> Self {
		self.validators = validators;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let keys_of = |who: &AccountId| (*who, *who, UintAuthorityId(*who));
		let non_authority_keys = KEYED_CANDIDATES
			.iter()
			.filter(|who| !self.validators.contains(*who))
			.map(keys_of)
			.collect();
		let genesis = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig {
				balances: FUNDED_ACCOUNTS.map(|who| (who, INITIAL_BALANCE)).collect(),
				dev_accounts: None,
			},
			validator_set: pallet_validator_set::GenesisConfig {
				initial_validators: self.validators.clone(),
			},
			session: pallet_session::GenesisConfig {
				keys: self.validators.iter().map(keys_of).collect(),
				non_authority_keys,
			},
		};
		let storage = genesis.build_storage().expect("test genesis is valid");
		let mut ext = sp_io::TestExternalities::new(storage);
		// Events are only recorded from block 1 on.
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			assert_ok!(ValidatorSet::do_try_state());
		});
	}
}

/// The externalities used by the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Runs blocks up to and including `target`, checking the invariants after each.
pub fn run_to_block(target: u64) {
	while System::block_number() < target {
		let finished = System::block_number();
		AllPalletsWithSystem::on_finalize(finished);
		let next = finished + 1;
		System::set_block_number(next);
		AllPalletsWithSystem::on_initialize(next);
		assert_ok!(ValidatorSet::do_try_state());
	}
}

/// Runs to the block of the next session rotation.
pub fn run_to_next_session() {
	let next_rotation = (System::block_number() / SESSION_PERIOD + 1) * SESSION_PERIOD;
	run_to_block(next_rotation);
}

/// The set this pallet will hand to pallet-session.
pub fn planned_validators() -> Vec<AccountId> {
	pallet_validator_set::Validators::<Test>::get().into_inner()
}

/// The set validating the current session.
pub fn active_validators() -> Vec<AccountId> {
	pallet_session::Validators::<Test>::get()
}

/// The set queued to validate the next session.
pub fn queued_validators() -> Vec<AccountId> {
	pallet_session::QueuedKeys::<Test>::get()
		.into_iter()
		.map(|(who, _)| who)
		.collect()
}

pub fn current_session() -> u32 {
	pallet_session::CurrentIndex::<Test>::get()
}
