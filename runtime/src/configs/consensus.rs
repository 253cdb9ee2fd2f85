//! Block production (BABE), finality (GRANDPA), time, sessions and the validator set, and the
//! punishment of equivocations: BABE and GRANDPA reports carry a historical-session proof of the
//! offender's key, pallet-offences checks they are new, and the validator set disables the
//! offender and takes it out of the set.
//!
//! A session is a BABE epoch: BABE decides when one ends, so that the authorities of every
//! epoch are the validators of its session.

use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_runtime::traits::{Convert, ConvertInto};
use sp_staking::SessionIndex;

use crate::{
	AccountId, Babe, Balances, BlockNumber, Historical, Offences, Runtime, RuntimeEvent, Session,
	SessionKeys, ValidatorSet, EPOCH_DURATION_IN_SLOTS, HOURS, MILLI_SECS_PER_BLOCK, SLOT_DURATION,
};

/// Most validators the chain supports at once.
pub const MAX_VALIDATORS: u32 = 64;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Babe;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

parameter_types! {
	/// Slots in an epoch (and so in a session). It cannot change once the chain runs.
	pub const EpochDuration: u64 = EPOCH_DURATION_IN_SLOTS;
	/// One block per slot: secondary slots fill the slots no primary author won.
	pub const ExpectedBlockTime: u64 = MILLI_SECS_PER_BLOCK;
}

impl pallet_babe::Config for Runtime {
	type EpochDuration = EpochDuration;
	type ExpectedBlockTime = ExpectedBlockTime;
	/// Sessions end epochs: the session pallet asks BABE when to rotate.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	/// A validator disabled for an offence cannot author blocks until the set changes.
	type DisabledValidators = Session;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type MaxNominators = ConstU32<0>;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_babe::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type MaxNominators = ConstU32<0>;
	/// GRANDPA remembers the session of each authority set as long as the historical proofs
	/// that a report needs are kept.
	type MaxSetIdSessionEntries = ConstU64<{ HISTORY_DEPTH as u64 }>;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

/// Sessions (hours) for which a validator's keys can still be proven, so for which its
/// equivocations can still be reported: one week.
pub const HISTORY_DEPTH: SessionIndex = 24 * 7;

parameter_types! {
	/// How long an equivocation report stays valid in the transaction pool.
	pub const ReportLongevity: u64 = HISTORY_DEPTH as u64 * HOURS as u64;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Babe>;
	type EventHandler = ();
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = ValidatorSet;
}

/// Validators carry no economic identity beyond their account: a historical proof shows only
/// that an account held a key in a session.
pub struct AccountIsIdentity;

impl Convert<AccountId, Option<()>> for AccountIsIdentity {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = AccountIsIdentity;
}

/// The validator set's sessions, identified for historical proofs, keeping the proofs of the
/// last `HISTORY_DEPTH` sessions only.
pub struct ValidatorSessions;

impl pallet_session::SessionManager<AccountId> for ValidatorSessions {
	fn new_session(index: SessionIndex) -> Option<alloc::vec::Vec<AccountId>> {
		<ValidatorSet as pallet_session::SessionManager<_>>::new_session(index)
	}
	fn new_session_genesis(index: SessionIndex) -> Option<alloc::vec::Vec<AccountId>> {
		<ValidatorSet as pallet_session::SessionManager<_>>::new_session_genesis(index)
	}
	fn end_session(index: SessionIndex) {
		<ValidatorSet as pallet_session::SessionManager<_>>::end_session(index)
	}
	fn start_session(index: SessionIndex) {
		<ValidatorSet as pallet_session::SessionManager<_>>::start_session(index)
	}
}

impl pallet_session::historical::SessionManager<AccountId, ()> for ValidatorSessions {
	fn new_session(index: SessionIndex) -> Option<alloc::vec::Vec<(AccountId, ())>> {
		if let Some(oldest_kept) = index.checked_sub(HISTORY_DEPTH) {
			Historical::prune_up_to(oldest_kept);
		}
		<Self as pallet_session::SessionManager<_>>::new_session(index)
			.map(|validators| validators.into_iter().map(|validator| (validator, ())).collect())
	}
	fn new_session_genesis(index: SessionIndex) -> Option<alloc::vec::Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(index)
			.map(|validators| validators.into_iter().map(|validator| (validator, ())).collect())
	}
	fn start_session(index: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::start_session(index)
	}
	fn end_session(index: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::end_session(index)
	}
}

parameter_types! {
	/// A session is an epoch, one hour of slots (of blocks while every slot has one);
	/// validator-set changes take effect at session boundaries.
	pub const SessionPeriod: BlockNumber = EPOCH_DURATION_IN_SLOTS as BlockNumber;
	pub const MinValidators: u32 = 1;
	/// Held while an account's session keys are stored; returned by `session.purgeKeys`.
	pub const SessionKeyDeposit: crate::Balance = crate::EMBR;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager =
		pallet_session::historical::NoteHistoricalRoot<Runtime, ValidatorSessions>;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// At most a third of the validators (the Byzantine bound) are disabled at once, so that
	/// punishment can never stop block production.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Anyone may register session keys, so storing them takes a refundable deposit.
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_validator_set::Config for Runtime {
	type AddRemoveOrigin = crate::configs::EnsureGovernance;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type MinValidators = MinValidators;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ValidatorSetBenchmarkHelper;
}
