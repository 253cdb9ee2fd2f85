//! The traits through which Ember's pallets talk to each other. The runtime wires them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use alloc::vec::Vec;
use frame_support::{pallet_prelude::DispatchResult, weights::Weight};
use sp_runtime::Perbill;

use crate::gpu::{GpuSpec, GpuUuidHash};

/// Lifecycle of a registered provider.
///
/// ```text
///            missed heartbeats              heartbeat
///  Active ────────────────────► Offline ───────────────► Active
///    │  ▲                          │
///    │  └──────── unjail ────┐     │ jail
///    │ jail                  │     ▼
///    └─────────────────► Jailed ◄──┘
///    │
///    │ leave while commitments remain
///    ▼
///  Leaving ── leave once commitments end ──► (deregistered)
/// ```
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub enum ProviderStatus {
	/// Heartbeating and able to take new work (unless paused by its owner).
	Active,
	/// Missed too many heartbeats: earns nothing and takes no new work until it heartbeats again.
	Offline,
	/// Barred by the chain after offences: takes no new work until unjailed.
	Jailed,
	/// Its owner is leaving: it takes no new work and deregisters once its commitments end.
	Leaving,
}

impl ProviderStatus {
	/// Whether a provider in this status may take new bids and leases.
	pub fn accepts_work(&self) -> bool {
		matches!(self, ProviderStatus::Active)
	}
}

/// What the staking pallet tells the provider registry about a provider's bond.
///
/// Stake is counted in **stake units**, not GPUs: a GPU weighs more units the stronger the
/// class it claims ([`stake_units_of_score`]), so claiming a stronger GPU puts more at risk.
pub trait ProviderStake<AccountId, Balance> {
	/// The stake an owner must have bonded to offer GPUs worth `units` stake units (base plus
	/// a fixed amount per unit).
	fn required_stake(units: u32) -> Balance;

	/// The owner's own active (not unbonding) bond.
	fn own_stake(owner: &AccountId) -> Balance;

	/// Everything backing a provider: the owner's active bond plus active delegations.
	fn total_backing(owner: &AccountId) -> Balance;

	/// Whether the owner's own bond covers GPUs worth `units` stake units.
	fn has_sufficient_stake(owner: &AccountId, units: u32) -> bool;
}

/// The stake units one GPU of class score `score` weighs when a unit stands for `unit_score`:
/// its score divided by the unit's, rounded up, and never less than one. With the reference
/// table (a T4 at 100, an H100 at 1,000) and a unit of 100, a T4 weighs 1 unit and an H100 10.
pub fn stake_units_of_score(score: u32, unit_score: u32) -> u32 {
	score.div_ceil(unit_score.max(1)).max(1)
}

/// The governance table of GPU class scores (the emissions pallet keeps it): how much compute
/// a model stands for, relative to a T4 at 100. Callers' benchmarks measure its reads.
pub trait GpuClassScores {
	/// The class score of each of `gpus`, in order: the table's entry for its model, or the
	/// default score for models not listed. Reads each distinct model once.
	fn class_scores(gpus: &[GpuSpec]) -> Vec<u32>;
}

/// No table: every GPU scores 100, the reference class.
impl GpuClassScores for () {
	fn class_scores(gpus: &[GpuSpec]) -> Vec<u32> {
		gpus.iter().map(|_| 100).collect()
	}
}

/// Who backed a provider when an offence was reported, and how much each held for it then
/// (active and unbonding): the owner first, then its delegators. Only these backers pay the
/// offence's slash, so stake that arrives later never pays for an earlier offence.
pub type Exposure<AccountId, Balance> = Vec<(AccountId, Balance)>;

/// What one slash took from a provider's backers.
#[derive(
	Clone, Copy, Debug, Decode, DecodeWithMemTracking, Default, Encode, Eq, PartialEq, TypeInfo,
)]
pub struct SlashTaken<Balance> {
	/// Taken from the owner's own bond.
	pub from_owner: Balance,
	/// Taken from its delegators.
	pub from_delegators: Balance,
}

impl<Balance: sp_runtime::Saturating + Copy> SlashTaken<Balance> {
	/// Everything taken.
	pub fn total(&self) -> Balance {
		self.from_owner.saturating_add(self.from_delegators)
	}
}

/// Taking stake from a provider's backers, used by the slashing pallet.
pub trait ProviderStakeSlashing<AccountId, Balance> {
	/// The provider's backers now and what each holds for it, active and unbonding alike: the
	/// owner first (when it has a ledger), then every delegator holding anything. At most
	/// [`Self::max_exposure`] entries.
	fn exposure(provider: &AccountId) -> Exposure<AccountId, Balance>;

	/// Slash up to `amount` from the backers of `provider` named in `exposure` (taken when the
	/// offence was reported): the owner's own bond first, up to what it held then, and only the
	/// rest from the delegators, each in proportion to what it held then. Nobody pays more
	/// than it holds now (active funds first), and backers not in `exposure` pay nothing. The
	/// slashed funds go to `beneficiary`, or are burned when it is `None`. Returns what was
	/// taken from the owner and from the delegators.
	fn slash(
		provider: &AccountId,
		exposure: &[(AccountId, Balance)],
		amount: Balance,
		beneficiary: Option<&AccountId>,
	) -> SlashTaken<Balance>;

	/// Everything a slash of `provider` can reach: the owner's and every delegator's active and
	/// unbonding funds. A provider that unbonded everything is still this slashable until its
	/// funds are withdrawn.
	fn slashable_backing(provider: &AccountId) -> Balance;

	/// The most entries [`Self::exposure`] returns.
	fn max_exposure() -> u32;
}

/// What the provider registry tells other pallets about providers.
pub trait ProviderRegistry<AccountId> {
	/// Number of GPUs a provider has registered, `None` when it is not registered.
	fn registered_gpus(owner: &AccountId) -> Option<u32>;

	/// The stake units a provider's GPUs weigh (see [`ProviderStake`]), `None` when it is not
	/// registered.
	fn stake_units(owner: &AccountId) -> Option<u32>;

	/// The provider's status, `None` when it is not registered.
	fn status(owner: &AccountId) -> Option<ProviderStatus>;

	/// The provider (owner account) an agent key acts for.
	fn provider_of_agent(agent: &AccountId) -> Option<AccountId>;

	/// Whether the provider may take new work: registered, Active and not paused.
	fn accepts_work(owner: &AccountId) -> bool;

	/// The provider's GPU inventory; empty when it is not registered.
	fn gpus(owner: &AccountId) -> Vec<GpuSpec>;

	/// The provider's region label, `None` when it is not registered.
	fn region(owner: &AccountId) -> Option<Vec<u8>>;
}

/// What the lease market tells the provider registry about a provider's open business.
pub trait ProviderCommitments<AccountId> {
	/// Number of open bids and running leases that bind the provider.
	fn active_commitments(provider: &AccountId) -> u32;

	/// Whether the GPU is committed to an open bid, a listed offer or a running lease.
	fn is_gpu_committed(provider: &AccountId, gpu: &GpuUuidHash) -> bool;

	/// Whether the GPU serves a running lease.
	fn is_gpu_leased(provider: &AccountId, gpu: &GpuUuidHash) -> bool;
}

/// No lease market: nothing is ever committed.
impl<AccountId> ProviderCommitments<AccountId> for () {
	fn active_commitments(_provider: &AccountId) -> u32 {
		0
	}

	fn is_gpu_committed(_provider: &AccountId, _gpu: &GpuUuidHash) -> bool {
		false
	}

	fn is_gpu_leased(_provider: &AccountId, _gpu: &GpuUuidHash) -> bool {
		false
	}
}

/// Which GPUs have recently proven their compute (the challenges pallet).
pub trait GpuProofs<AccountId> {
	/// Whether `gpu` of `provider` passed a challenge, as the model it is registered as,
	/// recently enough to earn availability points and take bids.
	fn is_proven(provider: &AccountId, gpu: &GpuSpec) -> bool;

	/// For how many more blocks `gpu` of `provider` counts as proven (at least one), or `None`
	/// when it does not.
	fn proven_for(provider: &AccountId, gpu: &GpuSpec) -> Option<u32>;

	/// A number that changes whenever one of `provider`'s proofs is gained or lost (other than
	/// by running out, which [`Self::proven_for`] foretells): what was worked out from its
	/// proofs stays true while it is unchanged.
	fn proofs_version(provider: &AccountId) -> u32;

	/// Whether `gpu` of `provider` is in a challenge not yet committed: a lease must wait the
	/// few blocks until the commitment, or it would void the challenge.
	fn is_challenged(provider: &AccountId, gpu: &GpuUuidHash) -> bool;
}

/// No proof of compute: every GPU counts as proven, and none is challenged.
impl<AccountId> GpuProofs<AccountId> for () {
	fn is_proven(_provider: &AccountId, _gpu: &GpuSpec) -> bool {
		true
	}

	fn proven_for(_provider: &AccountId, _gpu: &GpuSpec) -> Option<u32> {
		Some(u32::MAX)
	}

	fn proofs_version(_provider: &AccountId) -> u32 {
		0
	}

	fn is_challenged(_provider: &AccountId, _gpu: &GpuUuidHash) -> bool {
		false
	}
}

/// Told of every change to a provider's GPU inventory (the challenges pallet keeps its list of
/// GPUs to draw from).
pub trait InventoryObserver<AccountId> {
	/// `provider`'s inventory went from `before` to `after` (empty when it left).
	fn inventory_changed(provider: &AccountId, before: &[GpuSpec], after: &[GpuSpec]);

	/// The worst-case weight of `inventory_changed` for inventories of at most `gpus` GPUs.
	fn inventory_changed_weight(gpus: u32) -> Weight;
}

/// Nobody is told.
impl<AccountId> InventoryObserver<AccountId> for () {
	fn inventory_changed(_provider: &AccountId, _before: &[GpuSpec], _after: &[GpuSpec]) {}

	fn inventory_changed_weight(_gpus: u32) -> Weight {
		Weight::zero()
	}
}

/// No registry: nobody is registered.
impl<AccountId> ProviderRegistry<AccountId> for () {
	fn registered_gpus(_owner: &AccountId) -> Option<u32> {
		None
	}

	fn stake_units(_owner: &AccountId) -> Option<u32> {
		None
	}

	fn status(_owner: &AccountId) -> Option<ProviderStatus> {
		None
	}

	fn provider_of_agent(_agent: &AccountId) -> Option<AccountId> {
		None
	}

	fn accepts_work(_owner: &AccountId) -> bool {
		false
	}

	fn gpus(_owner: &AccountId) -> Vec<GpuSpec> {
		Vec::new()
	}

	fn region(_owner: &AccountId) -> Option<Vec<u8>> {
		None
	}
}

/// Who backs a provider and on what terms, for splitting its rewards (the staking pallet).
pub trait ProviderBacking<AccountId, Balance> {
	/// The share of its delegators' rewards the owner keeps.
	fn commission(provider: &AccountId) -> Perbill;

	/// The owner's active bond, then every delegator with a non-zero active delegation and its
	/// amount. At most [`Self::max_backers`] entries.
	fn backers(provider: &AccountId) -> Vec<(AccountId, Balance)>;

	/// Whether `who` has a delegation (active or unbonding) behind `provider`.
	fn is_delegator(provider: &AccountId, who: &AccountId) -> bool;

	/// The most entries [`Self::backers`] returns: the owner plus the delegator limit.
	fn max_backers() -> u32;
}

/// Told before the backing or commission of a provider changes, so that rewards already earned
/// are paid out on the old terms (the emissions pallet).
pub trait BackingObserver<AccountId> {
	/// `provider`'s backing or commission is about to change. Returns the weight used.
	fn backing_changing(provider: &AccountId) -> Weight;

	/// Upper bound of [`Self::backing_changing`].
	fn backing_changing_weight() -> Weight;
}

/// Nobody listens.
impl<AccountId> BackingObserver<AccountId> for () {
	fn backing_changing(_provider: &AccountId) -> Weight {
		Weight::zero()
	}

	fn backing_changing_weight() -> Weight {
		Weight::zero()
	}
}

/// Jailing and releasing providers, used by the slashing pallet (the provider registry).
pub trait ProviderJail<AccountId> {
	/// Jail a provider: it takes no new work and its running leases close and settle.
	fn jail(provider: &AccountId) -> DispatchResult;

	/// Release a jailed provider: it is Active again and must heartbeat as usual.
	fn unjail(provider: &AccountId) -> DispatchResult;

	/// Upper bound of [`Self::jail`], running leases' closes included.
	fn jail_weight() -> Weight;

	/// Upper bound of [`Self::unjail`].
	fn unjail_weight() -> Weight;
}

/// What the provider registry asks of the judge of offences (the slashing pallet).
pub trait ProviderPunishments<AccountId> {
	/// Whether a slash or a jail still awaits the provider. It may not leave until none does,
	/// so that leaving never escapes a punishment already decided.
	fn is_pending(provider: &AccountId) -> bool;

	/// Governance jailed or released the provider by force: the judge forgets any jail of its
	/// own, so that the owner can never lift governance's jail with the judge's release.
	fn jail_overridden(provider: &AccountId);
}

/// No judge: nothing is ever pending.
impl<AccountId> ProviderPunishments<AccountId> for () {
	fn is_pending(_provider: &AccountId) -> bool {
		false
	}

	fn jail_overridden(_provider: &AccountId) {}
}

/// Told of every deliberate burn outside the lease market (slashes sent to burn), so that total
/// issuance reconciles every era (the emissions pallet).
pub trait BurnLedger<Balance> {
	/// `amount` was burned.
	fn burned(amount: Balance);
}

/// Nobody keeps the ledger.
impl<Balance> BurnLedger<Balance> for () {
	fn burned(_amount: Balance) {}
}

/// Offences proven outside the lease market.
#[derive(Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, PartialEq, TypeInfo)]
pub enum ProviderOffence<AccountId> {
	/// The provider registered a GPU it does not have, or misstated one.
	FalseInventory {
		/// The provider (owner account).
		provider: AccountId,
		/// The GPU that was misstated.
		gpu: GpuUuidHash,
	},
	/// The provider failed a proof-of-compute challenge.
	FailedChallenge {
		/// The provider (owner account).
		provider: AccountId,
		/// The challenge it failed.
		challenge: u64,
	},
}

/// Where verified offences outside the lease market are sent (the slashing pallet).
pub trait ProviderOffenceReporter<AccountId> {
	/// Record a proven offence. Fails when the same offence was already reported.
	fn report(offence: ProviderOffence<AccountId>) -> DispatchResult;

	/// The most one `report` costs, for callers that charge it in their own weight.
	fn report_weight() -> Weight;
}

#[cfg(test)]
mod tests {
	use super::stake_units_of_score;

	#[test]
	fn a_gpu_weighs_its_score_in_units_rounded_up_and_at_least_one() {
		assert_eq!(stake_units_of_score(100, 100), 1);
		assert_eq!(stake_units_of_score(1_000, 100), 10);
		assert_eq!(stake_units_of_score(850, 100), 9);
		assert_eq!(stake_units_of_score(101, 100), 2);
		// A model scored below the reference, or at zero, still weighs a unit.
		assert_eq!(stake_units_of_score(40, 100), 1);
		assert_eq!(stake_units_of_score(0, 100), 1);
		// A zero unit is read as one point, never a division by zero.
		assert_eq!(stake_units_of_score(7, 0), 7);
		assert_eq!(stake_units_of_score(u32::MAX, 1), u32::MAX);
	}
}
