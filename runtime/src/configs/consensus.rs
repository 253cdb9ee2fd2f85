//! Block production (Aura), finality (GRANDPA), time, sessions and the validator set.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::ConvertInto;

use crate::{
	AccountId, Aura, Balances, BlockNumber, Runtime, RuntimeEvent, SessionKeys, ValidatorSet,
	HOURS, SLOT_DURATION,
};

/// Most validators the chain supports at once.
pub const MAX_VALIDATORS: u32 = 64;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

parameter_types! {
	/// A session lasts one hour; validator-set changes take effect at session boundaries.
	pub const SessionPeriod: BlockNumber = HOURS;
	pub const SessionOffset: BlockNumber = 0;
	pub const MinValidators: u32 = 1;
	/// Held while an account's session keys are stored; returned by `session.purgeKeys`.
	pub const SessionKeyDeposit: crate::Balance = crate::EMBR;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
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
