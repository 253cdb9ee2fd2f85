//! Ember's own pallets: provider staking and the provider registry.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{
	AccountId, Balance, Balances, BlockNumber, ProviderStaking, Providers, Runtime,
	RuntimeHoldReason, DAYS, EMBR,
};

parameter_types! {
	/// Every provider bonds at least this much, whatever its GPUs.
	pub const ProviderBaseStake: Balance = 1_000 * EMBR;
	/// And this much more for each GPU it offers.
	pub const ProviderStakePerGpu: Balance = 100 * EMBR;
	/// Smallest bond that opens an owner ledger.
	pub const MinProviderBond: Balance = 1_000 * EMBR;
	/// Smallest delegation to a provider.
	pub const MinDelegation: Balance = 10 * EMBR;
	/// Unbonded funds stay held (and slashable) this long.
	pub const UnbondingPeriod: BlockNumber = 7 * DAYS;
	/// The highest commission an owner may take from its delegators' rewards.
	pub const MaxCommission: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(50);

}

parameter_types! {
	/// Agents heartbeat once per period: 50 blocks, five minutes. Governance can change it by
	/// writing the SCALE-encoded `u32` at storage key `twox128(":HeartbeatPeriod:")`.
	pub storage HeartbeatPeriod: BlockNumber = 50;
	/// A provider that misses this many periods in a row goes Offline. Governance can change
	/// it at storage key `twox128(":MaxMissedHeartbeats:")`.
	pub storage MaxMissedHeartbeats: u32 = 2;
}

impl pallet_provider_staking::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Registry = Providers;
	type ProviderBaseStake = ProviderBaseStake;
	type ProviderStakePerGpu = ProviderStakePerGpu;
	type MinProviderBond = MinProviderBond;
	type MinDelegation = MinDelegation;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxUnlockingChunks = ConstU32<32>;
	type MaxDelegatorsPerProvider = ConstU32<64>;
	type MaxCommission = MaxCommission;
	type WeightInfo = pallet_provider_staking::weights::SubstrateWeight<Runtime>;
}

impl pallet_providers::Config for Runtime {
	type Stake = ProviderStaking;
	/// The lease market does not exist yet: nothing is committed.
	type Commitments = ();
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
	type HeartbeatPeriod = HeartbeatPeriod;
	type MaxMissedHeartbeats = MaxMissedHeartbeats;
	type MaxGpusPerProvider = ConstU32<32>;
	type MaxRegionLen = ConstU32<32>;
	type MaxPeerIdLen = ConstU32<64>;
	type MaxMultiaddrs = ConstU32<8>;
	type MaxMultiaddrLen = ConstU32<128>;
	type MaxDeadlinesPerBlock = ConstU32<4096>;
	type WeightInfo = pallet_providers::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ProvidersBenchmarkHelper;
}
