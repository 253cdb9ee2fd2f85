//! Records the emissions pallet keeps.

use crate::accounting::EraIndex;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use ember_primitives::Balance;
use scale_info::TypeInfo;
use sp_runtime::{traits::Saturating, Perbill};

pub use crate::schedule::ScheduleParams;

/// How each era's emission is shared, and how leased GPU-time is rewarded. Set by governance.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub struct RewardParams {
	/// Share of each era's emission minted to block authors, per block authored.
	pub validators_share: Perbill,
	/// Share of each era's emission minted to the treasury when the era closes.
	pub treasury_share: Perbill,
	/// Extra points a leased GPU-block earns on top of being available, in percent of its class
	/// score (100 doubles it).
	pub lease_bonus_percent: u32,
	/// Class score of a GPU model missing from the class table.
	pub default_class_score: u32,
}

impl Default for RewardParams {
	fn default() -> Self {
		Self {
			validators_share: Perbill::from_percent(10),
			treasury_share: Perbill::from_percent(10),
			lease_bonus_percent: 100,
			default_class_score: 100,
		}
	}
}

impl RewardParams {
	/// What is left for providers after validators and treasury.
	pub fn providers_share(&self) -> Perbill {
		Perbill::one()
			.saturating_sub(self.validators_share)
			.saturating_sub(self.treasury_share)
	}
}

/// The era in progress.
#[derive(Clone, Copy, Debug, Decode, Default, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo)]
pub struct EraInfo<BlockNumber> {
	/// The era's number, from zero at genesis.
	pub index: EraIndex,
	/// The block it started in.
	pub start: BlockNumber,
	/// What the schedule mints in it.
	pub emission: Balance,
	/// What each authored block mints its author.
	pub author_reward: Balance,
	/// What its close mints to the treasury.
	pub to_treasury: Balance,
	/// What its close mints into the providers' pot, when points were earned.
	pub to_providers: Balance,
	/// Minted to authors so far.
	pub to_authors: Balance,
	/// Points providers earned in it so far.
	pub points: u128,
}

/// Total issuance as the era in progress moves it. `try_state` checks that the chain's total
/// issuance is `start + minted - burned` at every block.
#[derive(Clone, Copy, Debug, Decode, Default, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo)]
pub struct IssuanceLedger {
	/// Total issuance when the era started.
	pub start: Balance,
	/// Minted in the era so far: authors, treasury, providers' pot.
	pub minted: Balance,
	/// Burned in the era so far: lease fees and slashes sent to burn.
	pub burned: Balance,
}

impl IssuanceLedger {
	/// The total issuance the ledger expects.
	pub fn expected(&self) -> Balance {
		self.start.saturating_add(self.minted).saturating_sub(self.burned)
	}
}

/// What one provider's split of a reward looks like.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct RewardSplit<AccountId> {
	/// The whole reward.
	pub total: Balance,
	/// What the owner receives: its stake's part plus its commission.
	pub to_owner: Balance,
	/// What each delegator receives.
	pub to_delegators: alloc::vec::Vec<(AccountId, Balance)>,
}

/// A provider's rewards as the runtime API shows them.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct PendingRewards<AccountId> {
	/// Reward of closed eras, claimable now, and how a claim would split it.
	pub claimable: RewardSplit<AccountId>,
	/// Points earned in the era in progress, valued when it closes.
	pub points_this_era: u128,
	/// Protocol fees its leases burned in the era in progress (the cap on its leased bonus).
	pub fees_this_era: Balance,
}

/// The schedule's next values, for the runtime API.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct ScheduleView<BlockNumber> {
	/// The era in progress.
	pub era: EraInfo<BlockNumber>,
	/// The block the era in progress closes in.
	pub era_ends_at: BlockNumber,
	/// Providers' reward left over from earlier eras, paid with the next era's share.
	pub carried: Balance,
	/// The schedule's parameters.
	pub params: ScheduleParams,
	/// The emission of the next eras, starting with the one in progress.
	pub next_emissions: alloc::vec::Vec<(EraIndex, Balance)>,
}

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A registered, Active provider with `gpus` GPUs of distinct models (none in the class
	/// table) and `delegators` delegators, each with some active stake.
	fn provider(index: u32, gpus: u32, delegators: u32) -> AccountId;

	/// A block author known to the runtime.
	fn author() -> AccountId;
}
