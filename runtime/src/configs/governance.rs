//! Governance: a council (`pallet-collective`, its seats kept by `pallet-membership`) whose
//! majority is the governance origin of every Ember pallet and spends the treasury, and whose
//! two-thirds reach Root through `pallet-whitelist` (runtime upgrades). Root (the sudo key,
//! which only the `dev` preset sets) may do all of it. Utility batches calls.

use frame_support::{
	parameter_types,
	traits::{
		tokens::{PayFromAccount, UnityAssetBalanceConversion},
		EitherOf, EitherOfDiverse,
	},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureRoot, EnsureWithSuccess};
use sp_runtime::{traits::IdentityLookup, Perbill, Permill};

use crate::{
	configs::{ember::TreasuryAccount, system::RuntimeBlockWeights},
	AccountId, Balance, Balances, BlockNumber, Council, OriginCaller, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, System, DAYS, EMBR,
};

/// The council's collective instance.
pub type CouncilCollective = pallet_collective::Instance1;

/// The council's membership instance.
pub type CouncilMembershipInstance = pallet_membership::Instance1;

/// More than half of the council.
pub type CouncilMajority =
	pallet_collective::EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>;

/// At least two thirds of the council: what it takes to act as Root.
pub type CouncilSupermajority =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// Who may whitelist a call and dispatch it as Root: Root itself or two thirds of the council.
pub type EnsureRootOrCouncilSupermajority =
	EitherOfDiverse<EnsureRoot<AccountId>, CouncilSupermajority>;

/// Who governs Ember's parameters, jails, slashes and validators: Root or a council majority.
pub type EnsureGovernance = EitherOfDiverse<EnsureRoot<AccountId>, CouncilMajority>;

/// Most council members.
pub const MAX_COUNCIL_MEMBERS: u32 = 13;

parameter_types! {
	/// How long a council motion stays open. A motion that reaches its threshold earlier can
	/// be closed at once.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// A motion may carry at most half a block's weight.
	pub CouncilMaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
	/// The most the council may spend from the treasury in one motion.
	pub const MaxTreasurySpend: Balance = 1_000_000 * EMBR;
	/// The treasury's pallet id: its account is the one fees, dust and slashes already pay to.
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// Approved local spends are paid out once a day; spends through `spend` are paid by
	/// anyone's `payout` as soon as they are approved.
	pub const TreasurySpendPeriod: BlockNumber = DAYS;
	/// An approved spend must be paid out within this long.
	pub const TreasuryPayoutPeriod: BlockNumber = 30 * DAYS;
	/// Nothing the treasury holds is burned.
	pub const TreasuryBurn: Permill = Permill::zero();
	/// A dispatch the council deferred (asked for before the call was whitelisted) may be
	/// relayed by anyone for this long once the call is whitelisted.
	pub const WhitelistDeferredDispatchExpiration: BlockNumber = 7 * DAYS;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = frame_support::traits::ConstU32<100>;
	type MaxMembers = frame_support::traits::ConstU32<MAX_COUNCIL_MEMBERS>;
	/// Once the motion's time is up, members who did not vote count as ayes if the ayes
	/// already hold a majority of the whole council, else as the prime member votes (as nays
	/// when there is no prime).
	type DefaultVote = pallet_collective::MoreThanMajorityThenPrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Seats change through the membership pallet, or by Root.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = CouncilMaxProposalWeight;
	type DisapproveOrigin = EnsureGovernance;
	type KillOrigin = EnsureGovernance;
	/// Only members propose, so proposals need no deposit.
	type Consideration = ();
}

impl pallet_membership::Config<CouncilMembershipInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureGovernance;
	type RemoveOrigin = EnsureGovernance;
	type SwapOrigin = EnsureGovernance;
	type ResetOrigin = EnsureGovernance;
	type PrimeOrigin = EnsureGovernance;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = frame_support::traits::ConstU32<MAX_COUNCIL_MEMBERS>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = EnsureGovernance;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = TreasurySpendPeriod;
	type Burn = TreasuryBurn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = frame_support::traits::ConstU32<100>;
	type SpendOrigin = EitherOf<
		EnsureWithSuccess<EnsureRoot<AccountId>, AccountId, MaxTreasurySpend>,
		EnsureWithSuccess<CouncilMajority, AccountId, MaxTreasurySpend>,
	>;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = TreasuryPayoutPeriod;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type BlockNumberProvider = System;
}

/// The council's way to Root: a motion of two thirds whitelists a call and dispatches it as
/// Root (`whitelist.whitelistCall` and `whitelist.dispatchWhitelistedCallWithPreimage`, batched
/// in one motion). The call travels inline in the motion, so no preimage store is kept; a
/// runtime upgrade goes through `system.authorizeUpgrade(codeHash)`, and anyone then submits
/// the code with `system.applyAuthorizedUpgrade`.
impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = EnsureRootOrCouncilSupermajority;
	type DispatchWhitelistedOrigin = EnsureRootOrCouncilSupermajority;
	type Preimages = ();
	type DeferredDispatchExpiration = WhitelistDeferredDispatchExpiration;
	type BlockNumberProvider = System;
	type WeightInfo = pallet_whitelist::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}
