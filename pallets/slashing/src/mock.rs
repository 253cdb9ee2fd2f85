//! A test runtime with balances and this pallet, and a stake ledger, registry with jail and burn
//! ledger that tests drive and read directly.
//!
//! The mock stake keeps the money it "holds" for each provider's backers in a real vault
//! account, and a slash moves real balances out of it, so that every planck can be followed.

use crate as pallet_slashing;
use ember_primitives::{
	BurnLedger, GpuSpec, ProviderJail, ProviderRegistry, ProviderStake, ProviderStakeSlashing,
	ProviderStatus, SlashTaken,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		ConstU128, ConstU32, ConstU64, Hooks,
	},
	weights::Weight,
	PalletId,
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, ModuleError, Perbill};
use std::{cell::RefCell, collections::BTreeMap};

pub type AccountId = u64;
pub type Balance = u128;
pub type BlockNumber = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Slashing: pallet_slashing,
	}
);

pub const EXISTENTIAL_DEPOSIT: Balance = 10;
pub const INITIAL_BALANCE: Balance = 1_000_000;

/// Tenants with funds.
pub const TENANT: AccountId = 1;
pub const TENANT_2: AccountId = 2;
pub const TENANT_3: AccountId = 3;
/// Accounts that do not exist until someone pays them enough.
pub const FRESH: AccountId = 7;
pub const FRESH_2: AccountId = 8;
/// Registered providers (owner accounts). A and B are backed, C has no backing.
pub const PROVIDER_A: AccountId = 10;
pub const PROVIDER_B: AccountId = 20;
pub const PROVIDER_C: AccountId = 30;
/// What backs A: its owner and one delegator.
pub const A_BACKERS: [Balance; 2] = [8_000, 2_000];
pub const A_BACKING: Balance = 10_000;
/// What backs B: its owner alone.
pub const B_BACKING: Balance = 4_000;
/// The funded treasury.
pub const TREASURY: AccountId = 90;
/// Where the mock stake keeps what backers hold, and the balance it keeps of its own.
pub const VAULT: AccountId = 900;
pub const VAULT_FLOAT: Balance = 1_000;
/// Nobody in particular: not registered, no funds.
pub const STRANGER: AccountId = 99;

pub const DISPUTE_WINDOW: BlockNumber = 10;
pub const OFFENCE_WINDOW: BlockNumber = 100;
pub const JAIL_COOLDOWN: BlockNumber = 50;
pub const JAIL_THRESHOLD: u32 = 3;
pub const MAX_HARMED_LEASES: u32 = 4;
pub const MAX_SLASHES_PER_BLOCK: u32 = 2;
pub const MAX_JAILS_PER_BLOCK: u32 = 2;
pub const MAX_SPILL: u32 = 2;
/// Blocks in one slashing era.
pub const SPAN_LENGTH: BlockNumber = 1_000;
/// Most backers of one provider.
pub const MAX_BACKERS: u32 = 8;
/// What the mock registry says one jail costs.
pub const JAIL_WEIGHT: Weight = Weight::from_parts(7_000_000, 0);
pub const UNJAIL_WEIGHT: Weight = Weight::from_parts(3_000_000, 0);

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
	pub const SlashingPalletId: PalletId = PalletId(*b"embr/sla");
	pub const DisputeWindow: BlockNumber = DISPUTE_WINDOW;
	pub const OffenceWindow: BlockNumber = OFFENCE_WINDOW;
	pub const JailCooldown: BlockNumber = JAIL_COOLDOWN;
	pub const MaxSlashFraction: Perbill = Perbill::from_percent(50);
	pub const StakeSlashWeight: Weight = Weight::zero();
	pub static TreasuryAccount: AccountId = TREASURY;
	/// No limit unless a test sets one.
	pub storage HookBudget: Weight = Weight::MAX;
}

impl pallet_slashing::Config for Test {
	type Currency = Balances;
	type Stake = MockStake;
	type Jail = MockRegistry;
	type Registry = MockRegistry;
	type Burns = MockBurns;
	type TreasuryAccount = TreasuryAccount;
	type PalletId = SlashingPalletId;
	type DisputeWindow = DisputeWindow;
	type OffenceWindow = OffenceWindow;
	type JailCooldown = JailCooldown;
	type JailThreshold = ConstU32<JAIL_THRESHOLD>;
	type MaxSlashFraction = MaxSlashFraction;
	type SpanLength = ConstU64<SPAN_LENGTH>;
	type MaxBackers = ConstU32<MAX_BACKERS>;
	type MaxHarmedLeases = ConstU32<MAX_HARMED_LEASES>;
	type MaxSlashesPerBlock = ConstU32<MAX_SLASHES_PER_BLOCK>;
	type MaxJailsPerBlock = ConstU32<MAX_JAILS_PER_BLOCK>;
	type MaxSpill = ConstU32<MAX_SPILL>;
	type StakeSlashWeight = StakeSlashWeight;
	type HookBudget = HookBudget;
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// One call of the mock stake's `slash`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlashCall {
	pub provider: AccountId,
	pub asked: Balance,
	pub beneficiary: Option<AccountId>,
	pub slashed: Balance,
}

/// The account of the `index`-th delegator behind `provider` in [`MockStake::back`].
pub fn delegator_of(provider: AccountId, index: usize) -> AccountId {
	provider * 1_000 + index as AccountId + 1
}

thread_local! {
	static BACKERS: RefCell<BTreeMap<AccountId, Vec<(AccountId, Balance)>>> = const { RefCell::new(BTreeMap::new()) };
	static ACTIVE: RefCell<BTreeMap<AccountId, Balance>> = const { RefCell::new(BTreeMap::new()) };
	static SLASH_CALLS: RefCell<Vec<SlashCall>> = const { RefCell::new(Vec::new()) };
	static STATUS: RefCell<BTreeMap<AccountId, ProviderStatus>> = const { RefCell::new(BTreeMap::new()) };
	static JAIL_CALLS: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
	static UNJAIL_CALLS: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
	static UNJAIL_ERROR: RefCell<Option<DispatchError>> = const { RefCell::new(None) };
	static BURNS: RefCell<Vec<Balance>> = const { RefCell::new(Vec::new()) };
}

/// An error of the mock registry, as a module error that survives the round trip through
/// stored events.
const fn registry_error(index: u8) -> DispatchError {
	DispatchError::Module(ModuleError { index: 200, error: [index, 0, 0, 0], message: None })
}

pub const NOT_REGISTERED: DispatchError = registry_error(0);
pub const ALREADY_JAILED: DispatchError = registry_error(1);
pub const NOT_JAILED: DispatchError = registry_error(3);
pub const DEADLINE_QUEUE_FULL: DispatchError = registry_error(4);

/// A stake ledger: each provider's backers, owner first, with what each holds (active and
/// unbonding alike), and the active backing the pallet reads at report time.
pub struct MockStake;

impl MockStake {
	/// Set what each of `provider`'s backers holds: the owner the first amount, its delegators
	/// ([`delegator_of`]) the others; mint it into the vault. The active backing becomes their
	/// total.
	pub fn back(provider: AccountId, held: &[Balance]) {
		let backers: Vec<(AccountId, Balance)> = held
			.iter()
			.enumerate()
			.map(|(index, held)| {
				let who = if index == 0 { provider } else { delegator_of(provider, index - 1) };
				(who, *held)
			})
			.collect();
		Self::back_with(provider, &backers);
	}

	/// Set `provider`'s backers and what each holds (the owner is the entry of `provider`), and
	/// mint it into the vault. The active backing becomes their total.
	pub fn back_with(provider: AccountId, backers: &[(AccountId, Balance)]) {
		let total: Balance = backers.iter().map(|(_, held)| held).sum();
		let before = Self::held(provider);
		if total > before {
			<Balances as Mutate<AccountId>>::mint_into(&VAULT, total - before)
				.expect("vault takes the stake");
		}
		BACKERS.with(|all| all.borrow_mut().insert(provider, backers.to_vec()));
		ACTIVE.with(|active| active.borrow_mut().insert(provider, total));
	}

	/// A new delegator `who` backs `provider` with `amount` from now on.
	pub fn add_delegator(provider: AccountId, who: AccountId, amount: Balance) {
		let mut backers = Self::backers_with_accounts(provider);
		backers.push((who, amount));
		Self::back_with(provider, &backers);
	}

	/// Change what the pallet sees as `provider`'s active backing, as unbonding would.
	pub fn set_active(provider: AccountId, amount: Balance) {
		ACTIVE.with(|active| active.borrow_mut().insert(provider, amount));
	}

	/// Everything `provider`'s backers hold.
	pub fn held(provider: AccountId) -> Balance {
		Self::backers(provider).iter().sum()
	}

	/// What `who` holds behind `provider`.
	pub fn held_by(provider: AccountId, who: AccountId) -> Balance {
		Self::backers_with_accounts(provider)
			.iter()
			.filter(|(backer, _)| *backer == who)
			.map(|(_, held)| held)
			.sum()
	}

	/// What each of `provider`'s backers holds, owner first.
	pub fn backers(provider: AccountId) -> Vec<Balance> {
		Self::backers_with_accounts(provider)
			.into_iter()
			.map(|(_, held)| held)
			.collect()
	}

	/// `provider`'s backers and what each holds, owner first.
	pub fn backers_with_accounts(provider: AccountId) -> Vec<(AccountId, Balance)> {
		BACKERS.with(|backers| backers.borrow().get(&provider).cloned().unwrap_or_default())
	}

	/// The calls of `slash` so far, drained.
	pub fn slash_calls() -> Vec<SlashCall> {
		SLASH_CALLS.with(|calls| calls.borrow_mut().drain(..).collect())
	}

	/// Move `amount` out of the vault to `beneficiary`, or burn it, as the staking pallet
	/// would: a payment the beneficiary cannot take is burned instead.
	fn pay_out(amount: Balance, beneficiary: Option<&AccountId>) {
		let paid = beneficiary.is_some_and(|to| {
			<Balances as Mutate<AccountId>>::transfer(&VAULT, to, amount, Preservation::Preserve)
				.is_ok()
		});
		if !paid {
			<Balances as Mutate<AccountId>>::burn_from(
				&VAULT,
				amount,
				Preservation::Preserve,
				Precision::Exact,
				Fortitude::Polite,
			)
			.expect("the vault holds every backer's stake");
		}
	}
}

impl ProviderStake<AccountId, Balance> for MockStake {
	fn required_stake(_gpu_count: u32) -> Balance {
		0
	}

	fn own_stake(owner: &AccountId) -> Balance {
		Self::held_by(*owner, *owner)
	}

	fn total_backing(owner: &AccountId) -> Balance {
		ACTIVE.with(|active| active.borrow().get(owner).copied().unwrap_or_default())
	}

	fn has_sufficient_stake(_owner: &AccountId, _gpu_count: u32) -> bool {
		true
	}
}

impl ProviderStakeSlashing<AccountId, Balance> for MockStake {
	fn exposure(provider: &AccountId) -> Vec<(AccountId, Balance)> {
		Self::backers_with_accounts(*provider)
			.into_iter()
			.filter(|(_, held)| *held > 0)
			.collect()
	}

	fn slash(
		provider: &AccountId,
		exposure: &[(AccountId, Balance)],
		amount: Balance,
		beneficiary: Option<&AccountId>,
	) -> SlashTaken<Balance> {
		let mut backers = Self::backers_with_accounts(*provider);
		let mut taken = SlashTaken::default();
		// The owner's bond first, as the staking pallet: up to what it held then.
		let owner_then: Balance =
			exposure.iter().filter(|(who, _)| who == provider).map(|(_, held)| held).sum();
		let owner_share = amount.min(owner_then);
		if let Some((_, held)) = backers.iter_mut().find(|(who, _)| who == provider) {
			let share = owner_share.min(*held);
			if share > 0 {
				*held -= share;
				taken.from_owner = share;
				Self::pay_out(share, beneficiary);
			}
		}
		// The rest from the delegators, each in proportion to what it held then, rounded
		// down, and at most what it holds now.
		let rest = amount - owner_share;
		let delegated: Balance =
			exposure.iter().filter(|(who, _)| who != provider).map(|(_, held)| held).sum();
		if rest > 0 && delegated > 0 {
			for (who, held_then) in exposure.iter().filter(|(who, _)| who != provider) {
				let share =
					if rest >= delegated { *held_then } else { rest * *held_then / delegated };
				let Some((_, held)) = backers.iter_mut().find(|(backer, _)| backer == who) else {
					continue;
				};
				let share = share.min(*held);
				if share == 0 {
					continue;
				}
				*held -= share;
				taken.from_delegators += share;
				Self::pay_out(share, beneficiary);
			}
		}
		let slashed = taken.total();
		BACKERS.with(|all| all.borrow_mut().insert(*provider, backers));
		ACTIVE.with(|active| {
			let mut active = active.borrow_mut();
			let entry = active.entry(*provider).or_default();
			*entry = entry.saturating_sub(slashed);
		});
		SLASH_CALLS.with(|calls| {
			calls.borrow_mut().push(SlashCall {
				provider: *provider,
				asked: amount,
				beneficiary: beneficiary.copied(),
				slashed,
			})
		});
		taken
	}

	fn slashable_backing(provider: &AccountId) -> Balance {
		Self::held(*provider)
	}

	fn max_exposure() -> u32 {
		MAX_BACKERS
	}
}

/// A provider registry that tests set directly, and that jails and releases as the real one.
pub struct MockRegistry;

impl MockRegistry {
	/// Register `owner`, Active.
	pub fn register(owner: AccountId) {
		Self::set_status(owner, ProviderStatus::Active);
	}

	pub fn set_status(owner: AccountId, status: ProviderStatus) {
		STATUS.with(|all| all.borrow_mut().insert(owner, status));
	}

	/// `owner` leaves the registry.
	pub fn deregister(owner: AccountId) {
		STATUS.with(|all| all.borrow_mut().remove(&owner));
	}

	/// The providers jailed through the trait so far, drained.
	pub fn jail_calls() -> Vec<AccountId> {
		JAIL_CALLS.with(|calls| calls.borrow_mut().drain(..).collect())
	}

	/// The providers released through the trait so far, drained.
	pub fn unjail_calls() -> Vec<AccountId> {
		UNJAIL_CALLS.with(|calls| calls.borrow_mut().drain(..).collect())
	}

	/// Make every later `unjail` fail with `error`.
	pub fn fail_unjail_with(error: DispatchError) {
		UNJAIL_ERROR.with(|slot| *slot.borrow_mut() = Some(error));
	}
}

impl ProviderRegistry<AccountId> for MockRegistry {
	fn registered_gpus(owner: &AccountId) -> Option<u32> {
		Self::status(owner).map(|_| 1)
	}

	fn stake_units(owner: &AccountId) -> Option<u32> {
		Self::registered_gpus(owner)
	}

	fn status(owner: &AccountId) -> Option<ProviderStatus> {
		STATUS.with(|all| all.borrow().get(owner).copied())
	}

	fn provider_of_agent(_agent: &AccountId) -> Option<AccountId> {
		None
	}

	fn accepts_work(owner: &AccountId) -> bool {
		Self::status(owner).is_some_and(|status| status.accepts_work())
	}

	fn gpus(_owner: &AccountId) -> Vec<GpuSpec> {
		Vec::new()
	}

	fn region(_owner: &AccountId) -> Option<Vec<u8>> {
		None
	}
}

impl ProviderJail<AccountId> for MockRegistry {
	fn jail(provider: &AccountId) -> DispatchResult {
		match Self::status(provider) {
			None => return Err(NOT_REGISTERED),
			Some(ProviderStatus::Jailed) => return Err(ALREADY_JAILED),
			Some(ProviderStatus::Active | ProviderStatus::Offline | ProviderStatus::Leaving) => {},
		}
		Self::set_status(*provider, ProviderStatus::Jailed);
		JAIL_CALLS.with(|calls| calls.borrow_mut().push(*provider));
		Ok(())
	}

	fn unjail(provider: &AccountId) -> DispatchResult {
		if let Some(error) = UNJAIL_ERROR.with(|slot| *slot.borrow()) {
			return Err(error);
		}
		match Self::status(provider) {
			None => return Err(NOT_REGISTERED),
			Some(ProviderStatus::Jailed) => {},
			Some(_) => return Err(NOT_JAILED),
		}
		Self::set_status(*provider, ProviderStatus::Active);
		UNJAIL_CALLS.with(|calls| calls.borrow_mut().push(*provider));
		Ok(())
	}

	fn jail_weight() -> Weight {
		JAIL_WEIGHT
	}

	fn unjail_weight() -> Weight {
		UNJAIL_WEIGHT
	}
}

/// Records what it is told was burned.
pub struct MockBurns;

impl MockBurns {
	/// The burns reported so far, drained.
	pub fn taken() -> Vec<Balance> {
		BURNS.with(|burns| burns.borrow_mut().drain(..).collect())
	}
}

impl BurnLedger<Balance> for MockBurns {
	fn burned(amount: Balance) {
		BURNS.with(|burns| burns.borrow_mut().push(amount));
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn backed_provider(index: u32, delegators: u32) -> AccountId {
		let owner = 1_000 + AccountId::from(index);
		MockRegistry::register(owner);
		let mut held = vec![1_000_000];
		held.extend(core::iter::repeat_n(100_000, delegators as usize));
		MockStake::back(owner, &held);
		owner
	}

	fn register_providers(count: u32) {
		for index in 0..count {
			let owner = 100_000 + AccountId::from(index);
			MockRegistry::register(owner);
			MockStake::back(owner, &[1_000]);
		}
	}
}

/// The genesis of the pallet in [`new_test_ext`].
pub fn default_genesis() -> pallet_slashing::GenesisConfig<Test> {
	pallet_slashing::GenesisConfig::default()
}

/// Externalities with funded tenants and treasury, and three registered providers: A backed by
/// [`A_BACKERS`], B by [`B_BACKING`] and C by nothing.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(default_genesis())
}

/// [`new_test_ext`] with this pallet's genesis as given.
pub fn new_test_ext_with(
	genesis: pallet_slashing::GenesisConfig<Test>,
) -> sp_io::TestExternalities {
	BACKERS.with(|backers| backers.borrow_mut().clear());
	ACTIVE.with(|active| active.borrow_mut().clear());
	SLASH_CALLS.with(|calls| calls.borrow_mut().clear());
	STATUS.with(|status| status.borrow_mut().clear());
	JAIL_CALLS.with(|calls| calls.borrow_mut().clear());
	UNJAIL_CALLS.with(|calls| calls.borrow_mut().clear());
	UNJAIL_ERROR.with(|slot| *slot.borrow_mut() = None);
	BURNS.with(|burns| burns.borrow_mut().clear());
	TreasuryAccount::reset();

	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(TENANT, INITIAL_BALANCE),
			(TENANT_2, INITIAL_BALANCE),
			(TENANT_3, INITIAL_BALANCE),
			(TREASURY, INITIAL_BALANCE),
			(VAULT, VAULT_FLOAT),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	genesis.assimilate_storage(&mut storage).unwrap();

	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		MockRegistry::register(PROVIDER_A);
		MockRegistry::register(PROVIDER_B);
		MockRegistry::register(PROVIDER_C);
		MockStake::back(PROVIDER_A, &A_BACKERS);
		MockStake::back(PROVIDER_B, &[B_BACKING]);
	});
	ext
}

/// Run blocks up to `n`: each block's hook, then every invariant.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Slashing::on_initialize(next);
		check_invariants();
	}
}

/// Check the pallet's invariants at the current block.
pub fn check_invariants() {
	Slashing::do_try_state(System::block_number()).expect("invariants hold");
}

/// The free balance of `who`.
pub fn free(who: AccountId) -> Balance {
	<Balances as Inspect<AccountId>>::balance(&who)
}

/// The total issuance of the currency.
pub fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}
