//! Ember's own pallets: provider staking, the provider registry, the lease market, emissions and
//! slashing.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Get},
};

use crate::configs::system::RuntimeBlockWeights;
use crate::{
	AccountId, Babe, Balance, Balances, BlockNumber, Challenges, Emissions, Leases,
	ProviderStaking, Providers, Runtime, RuntimeHoldReason, Slashing, DAYS, EMBR, HOURS, MINUTES,
};
use frame_support::PalletId;
use sp_runtime::traits::AccountIdConversion;

/// Most GPUs one provider registers, and so the most in one lease.
const MAX_GPUS_PER_PROVIDER: u32 = 32;

/// Most leases one provider runs at once; each needs at least one GPU.
const MAX_LEASES_PER_PROVIDER: u32 = MAX_GPUS_PER_PROVIDER;

parameter_types! {
	/// The share of a block the lease market's hook may spend on its deadline queues (bid
	/// windows, lease checks, offline limits); a burst beyond it waits for the next blocks.
	pub LeasesHookBudget: frame_support::weights::Weight =
		sp_runtime::Perbill::from_percent(10) * RuntimeBlockWeights::get().max_block;
	/// The share of a block the registry's liveness hook may spend: every watched provider is
	/// checked there once per `MaxMissedHeartbeats + 1` periods (its deadline moved on and its
	/// availability credited, about 0.45 ms), and silent ones go Offline (with what the market
	/// does for each). At 100k providers and the default parameters that is about 667 checks,
	/// 15 % of a block; the rest is headroom for a mass outage, beyond which it waits for the
	/// next blocks.
	pub ProvidersHookBudget: frame_support::weights::Weight =
		sp_runtime::Perbill::from_percent(20) * RuntimeBlockWeights::get().max_block;
	/// The share of a block the slashing hook may spend applying slashes; a burst beyond it
	/// waits for the next blocks.
	pub SlashingHookBudget: frame_support::weights::Weight =
		sp_runtime::Perbill::from_percent(5) * RuntimeBlockWeights::get().max_block;
}

parameter_types! {
	/// Every provider bonds at least this much, whatever its GPUs.
	pub const ProviderBaseStake: Balance = 1_000 * EMBR;
	/// And this much more for each stake unit its GPUs weigh: 100 EMBR for a T4, 1,000 EMBR
	/// for an H100 (see `pallet_providers::Config::StakeUnitScore`).
	pub const ProviderStakePerUnit: Balance = 100 * EMBR;
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
	/// Agents heartbeat once per period: 50 blocks, five minutes, until governance sets another
	/// with `providers.set_heartbeat_params`.
	pub const HeartbeatPeriod: BlockNumber = 50;
	/// A provider that misses this many periods in a row goes Offline, until governance sets
	/// another number with `providers.set_heartbeat_params`.
	pub const MaxMissedHeartbeats: u32 = 2;
}

impl pallet_provider_staking::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Registry = Providers;
	type ProviderBaseStake = ProviderBaseStake;
	type ProviderStakePerUnit = ProviderStakePerUnit;
	type MinProviderBond = MinProviderBond;
	type MinDelegation = MinDelegation;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxUnlockingChunks = ConstU32<32>;
	type MaxDelegatorsPerProvider = ConstU32<MAX_DELEGATORS_PER_PROVIDER>;
	type MaxCommission = MaxCommission;
	/// Rewards earned on the old terms are paid out before backing or commission changes.
	type Observer = Emissions;
	type Punishments = Slashing;
	type WeightInfo = pallet_provider_staking::weights::SubstrateWeight<Runtime>;
}

impl pallet_providers::Config for Runtime {
	type Stake = ProviderStaking;
	/// A GPU weighs stake units by the class score emissions pay it for.
	type ClassScores = Emissions;
	/// One stake unit per 100 points of class score: a T4 (100) weighs one unit, an H100
	/// (1,000) ten.
	type StakeUnitScore = ConstU32<100>;
	type Commitments = Leases;
	/// The challenges pallet keeps its list of GPUs to draw rounds from, and drops the proof
	/// of a GPU that leaves or changes model.
	type InventoryObserver = Challenges;
	/// The market hears first (attestations are recorded in the provider's book; coming back
	/// from Offline settles its leases; a liveness check looks for walked-out leases), then
	/// emissions (availability is credited).
	type Lifecycle = (Leases, Emissions);
	/// A provider with a slash or jail pending cannot leave.
	type Punishments = Slashing;
	type MaxAttestations = ConstU32<MAX_LEASES_PER_PROVIDER>;
	type ForceOrigin = crate::configs::EnsureGovernance;
	type HeartbeatPeriod = HeartbeatPeriod;
	type MaxMissedHeartbeats = MaxMissedHeartbeats;
	type MaxGpusPerProvider = ConstU32<MAX_GPUS_PER_PROVIDER>;
	type MaxRegionLen = ConstU32<32>;
	type MaxPeerIdLen = ConstU32<64>;
	type MaxMultiaddrs = ConstU32<8>;
	type MaxMultiaddrLen = ConstU32<128>;
	type MaxDeadlinesPerBlock = ConstU32<4096>;
	type HookBudget = ProvidersHookBudget;
	type WeightInfo = pallet_providers::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ProvidersBenchmarkHelper;
}

parameter_types! {
	/// Refundable deposit for the storage of each order and lease.
	pub const LeaseStorageDeposit: Balance = EMBR;
	/// Bid windows last from 30 seconds to an hour.
	pub const MinBidWindow: BlockNumber = 5;
	pub const MaxBidWindow: BlockNumber = HOURS;
	/// A lease may run up to 90 days ahead.
	pub const MaxLeaseDuration: BlockNumber = 90 * DAYS;
	/// The tenant is warned an hour before its escrow runs out.
	pub const GracePeriod: BlockNumber = HOURS;
	/// A provider Offline this long loses its leases. It goes Offline after about 15 minutes
	/// of silence, so leases close after about 45 minutes without a word.
	pub const OfflineLimit: BlockNumber = 30 * MINUTES;
	/// A running lease is settled at least once a day (and at every top-up, grace and close),
	/// as often as Akash providers withdraw by default; at 500k leases that is about 35 lease
	/// checks a block.
	pub const SettlementInterval: BlockNumber = DAYS;
}

/// An attestation covers a lease for as long as a silent provider takes to be marked Offline:
/// `(MaxMissedHeartbeats + 1)` heartbeat periods. It follows the heartbeat parameters.
pub struct AttestationTolerance;

impl Get<BlockNumber> for AttestationTolerance {
	fn get() -> BlockNumber {
		Providers::max_missed_heartbeats()
			.saturating_add(1)
			.saturating_mul(Providers::heartbeat_period())
	}
}

/// The longest two heartbeats of a provider that stays Active can lie apart:
/// `(MaxMissedHeartbeats + 2)` heartbeat periods (a heartbeat early in one period, the next late
/// in the period after the missed ones). It follows the heartbeat parameters.
pub struct HeartbeatGap;

impl Get<BlockNumber> for HeartbeatGap {
	fn get() -> BlockNumber {
		Providers::max_missed_heartbeats()
			.saturating_add(2)
			.saturating_mul(Providers::heartbeat_period())
	}
}

impl pallet_leases::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Registry = Providers;
	/// A GPU is bid, listed and leased only while it holds a recent proof of compute.
	type Proofs = Challenges;
	type Stake = ProviderStaking;
	type Offences = Slashing;
	type Delivery = Emissions;
	type ForceOrigin = crate::configs::EnsureGovernance;
	type BlocksPerHour = ConstU32<HOURS>;
	type StorageDeposit = LeaseStorageDeposit;
	type MinBidWindow = MinBidWindow;
	type MaxBidWindow = MaxBidWindow;
	type MaxLeaseDuration = MaxLeaseDuration;
	type AttestationTolerance = AttestationTolerance;
	type GracePeriod = GracePeriod;
	type OfflineLimit = OfflineLimit;
	type SettlementInterval = SettlementInterval;
	type MaxGpusPerLease = ConstU32<MAX_GPUS_PER_PROVIDER>;
	type MaxBidsPerOrder = ConstU32<32>;
	type MaxOrdersPerTenant = ConstU32<32>;
	type MaxLeasesPerTenant = ConstU32<128>;
	type MaxLeasesPerProvider = ConstU32<MAX_LEASES_PER_PROVIDER>;
	type MaxOffersPerProvider = ConstU32<8>;
	type MaxDuePerBlock = ConstU32<1024>;
	type MaxOfflineLimitsPerBlock = ConstU32<16>;
	type HookBudget = LeasesHookBudget;
	type MaxRegionLen = ConstU32<32>;
	type WeightInfo = pallet_leases::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::LeasesBenchmarkHelper;
}

parameter_types! {
	/// The treasury's account: transaction fees, dust, its share of emissions and of slashes.
	pub TreasuryAccount: AccountId = PalletId(*b"py/trsry").into_account_truncating();
	/// Derives the providers' reward pot.
	pub const EmissionsPalletId: PalletId = PalletId(*b"em/rewrd");
	/// An era is an hour.
	pub const EraLength: BlockNumber = HOURS;
}

impl pallet_emissions::Config for Runtime {
	type Currency = Balances;
	type Registry = Providers;
	/// A GPU earns availability points only while it holds a recent proof of compute.
	type Proofs = Challenges;
	type Backing = ProviderStaking;
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Runtime, Babe>;
	type TreasuryAccount = TreasuryAccount;
	type PalletId = EmissionsPalletId;
	type EraLength = EraLength;
	/// A liveness check credits at most the longest two heartbeats of an Active provider can
	/// lie apart.
	type MaxCreditedGap = HeartbeatGap;
	type MaxGpusPerProvider = ConstU32<MAX_GPUS_PER_PROVIDER>;
	type MaxLeaseBonusPercent = ConstU32<300>;
	type ForceOrigin = crate::configs::EnsureGovernance;
	type WeightInfo = pallet_emissions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::EmissionsBenchmarkHelper;
}

parameter_types! {
	/// Derives the account slashed stake passes through on its way to tenants and treasury.
	pub const SlashingPalletId: PalletId = PalletId(*b"em/slash");
	/// Governance has two eras to cancel an unjust slash.
	pub const DisputeWindow: BlockNumber = 2 * HOURS;
	/// Offences within a day count towards jail.
	pub const OffenceWindow: BlockNumber = DAYS;
	/// A jailed provider may release itself after a day.
	pub const JailCooldown: BlockNumber = DAYS;
	/// No single offence may take more than half of the backing.
	pub const MaxSlashFraction: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(50);
	/// The most a slash can cost in staking: a provider with every delegator it may have.
	pub StakeSlashWeight: frame_support::weights::Weight = ProviderStaking::max_slash_weight();
}

/// Stake unbonded at an offence normally stays held past its slash (its dispute window and the
/// blocks it may spill); when the apply hook's backlog makes a slash wait longer, withdrawals
/// from behind the provider wait for it (`PunishmentPending`).
const _: () = assert!(UnbondingPeriod::get() > DisputeWindow::get() + MAX_SLASH_SPILL);

/// Most delegators one provider may have.
const MAX_DELEGATORS_PER_PROVIDER: u32 = 64;

/// Most blocks a slash may move past its own when its block's queue is full.
const MAX_SLASH_SPILL: BlockNumber = 64;

impl pallet_slashing::Config for Runtime {
	type Currency = Balances;
	type Stake = ProviderStaking;
	type Jail = Providers;
	type Registry = Providers;
	type Burns = Emissions;
	type TreasuryAccount = TreasuryAccount;
	type PalletId = SlashingPalletId;
	type DisputeWindow = DisputeWindow;
	type OffenceWindow = OffenceWindow;
	type JailCooldown = JailCooldown;
	/// Three offences within the window jail the provider.
	type JailThreshold = ConstU32<3>;
	type MaxSlashFraction = MaxSlashFraction;
	/// A provider's offences are capped per emissions era.
	type SpanLength = EraLength;
	/// The owner, every delegator it may have, and as many displaced ones still unbonding.
	type MaxBackers = ConstU32<{ 2 * MAX_DELEGATORS_PER_PROVIDER + 1 }>;
	type MaxHarmedLeases = ConstU32<MAX_LEASES_PER_PROVIDER>;
	type MaxSlashesPerBlock = ConstU32<64>;
	type HookBudget = SlashingHookBudget;
	type MaxJailsPerBlock = ConstU32<16>;
	type MaxSpill = ConstU32<MAX_SLASH_SPILL>;
	type StakeSlashWeight = StakeSlashWeight;
	type ForceOrigin = crate::configs::EnsureGovernance;
	type WeightInfo = pallet_slashing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::SlashingBenchmarkHelper;
}

parameter_types! {
	/// The share of a block the challenges hook may spend failing challenges whose deadline
	/// passed; a burst beyond it waits for the next blocks.
	pub ChallengesHookBudget: frame_support::weights::Weight =
		sp_runtime::Perbill::from_percent(5) * RuntimeBlockWeights::get().max_block;
}

impl pallet_challenges::Config for Runtime {
	/// The VRF output of the parent block: fresh in every block, chosen by nobody.
	type Randomness = pallet_babe::ParentBlockRandomness<Runtime>;
	type Registry = Providers;
	type Commitments = Leases;
	type Offences = Slashing;
	/// Four blocks (24 s) to commit, four more to reveal.
	type CommitBlocks = ConstU32<4>;
	type RevealBlocks = ConstU32<4>;
	/// A provider that computed a fraction f of the answer passes with f^16.
	type Samples = ConstU32<16>;
	/// A pass proves a GPU for three days; it may be renewed in the last twelve hours.
	type ProofValidity = ConstU32<{ 3 * DAYS }>;
	type RenewalWindow = ConstU32<{ 12 * HOURS }>;
	/// Each GPU is challenged about once a day, at random.
	type ChallengePeriod = ConstU32<DAYS>;
	/// 1M GPUs need about 70 draws a block.
	type MaxDrawsPerBlock = ConstU32<128>;
	/// Rounds of at most 256 challenges a block: room for ~3.6 times the 70 a block of 1M GPUs
	/// needs on average, and for 8 rounds of the largest provider.
	type MaxIssuedPerBlock = ConstU32<256>;
	type MaxDeadlinesPerBlock = ConstU32<512>;
	type MaxSpill = ConstU32<8>;
	/// Two failures among a provider's last five challenges are an offence.
	type ResultWindow = ConstU32<5>;
	type FailureThreshold = ConstU32<2>;
	type MaxGpusPerProvider = ConstU32<MAX_GPUS_PER_PROVIDER>;
	type MaxShapes = ConstU32<64>;
	type ForceOrigin = crate::configs::EnsureGovernance;
	type HookBudget = ChallengesHookBudget;
	type WeightInfo = pallet_challenges::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ChallengesBenchmarkHelper;
}
