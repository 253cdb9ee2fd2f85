//! The Ember runtime: a FRAME solochain runtime for an open market in GPU compute.
//!
//! Consensus is BABE (6 s slots, a VRF output in every block) with GRANDPA finality; the validator set is managed by
//! `pallet-session` and Ember's `pallet-validator-set`. Ember's own pallets hold the provider
//! registry and the provider bonds.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-generated code is large.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// Declared first: it defines the benchmark-listing macros `apis` uses.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod feeless;
pub mod genesis_config_presets;
#[cfg(feature = "std")]
pub mod signing;
pub mod weights;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use ember_primitives::{Balance, BlockNumber, EMBR, MILLI_EMBR, TOKEN_DECIMALS, TOKEN_SYMBOL};
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types the node uses without knowing the runtime's extrinsic format, so that it keeps syncing
/// across runtime upgrades that change it.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers with `session.setKeys`: BABE for authoring, GRANDPA for
	/// finality.
	pub struct SessionKeys {
		pub babe: Babe,
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. Bump `spec_version` for every runtime upgrade.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("ember"),
	impl_name: alloc::borrow::Cow::Borrowed("ember-node"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Block production targets one block every 6 seconds.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;

/// BABE slot duration. It cannot change once the chain runs: block production would stop.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks in a minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks in an hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks in a day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Slots in a BABE epoch, which is also a session: one hour. It cannot change once the chain
/// runs.
pub const EPOCH_DURATION_IN_SLOTS: u64 = HOURS as u64;

/// BABE's parameters at genesis: a slot has a primary author with probability 1/4 per
/// validator share, and every slot without one gets a secondary author that also proves a VRF
/// output, so that every block carries fresh randomness.
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
	sp_consensus_babe::BabeEpochConfiguration {
		c: (1, 4),
		allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
	};

/// The smallest balance an account may hold: one thousandth of an EMBR.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_EMBR;

/// Transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account is identified by the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Per-account transaction counter.
pub type Nonce = u32;

/// Block and state hash.
pub type Hash = sp_core::H256;

/// How extrinsics address accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;

/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The checks every signed transaction goes through. Valid provider heartbeats are feeless
/// (`feeless_if` with `SkipCheckIfFeeless`, whose skipped storage access `RefundSkippedPayment`
/// gives back to the block); `CheckHeartbeat` keeps invalid and repeated ones out of the
/// transaction pool.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_providers::CheckHeartbeat<Runtime>,
	feeless::RefundSkippedPayment<
		Runtime,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Extrinsic as the runtime sees it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a transaction signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to run on the next runtime upgrade, besides the pallets' own.
#[allow(unused_parens)]
type Migrations = (
	pallet_slashing::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_provider_staking::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_emissions::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_leases::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_leases::migrations::v2::MigrateV1ToV2<Runtime>,
);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(4)]
	pub type SkipFeelessPayment = pallet_skip_feeless_payment;

	// The validator set must come before Session, and Session before Babe and Grandpa, so that
	// a new set reaches consensus in the same block. (BABE initializes itself when Session asks
	// it whether the session ends, so its slot is current either way.)
	#[runtime::pallet_index(10)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(11)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(12)]
	pub type Babe = pallet_babe;

	#[runtime::pallet_index(13)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(14)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(15)]
	pub type Historical = pallet_session::historical;

	#[runtime::pallet_index(16)]
	pub type Offences = pallet_offences;

	#[runtime::pallet_index(20)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(21)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(22)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(23)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	#[runtime::pallet_index(24)]
	pub type Treasury = pallet_treasury;

	#[runtime::pallet_index(25)]
	pub type Whitelist = pallet_whitelist;

	#[runtime::pallet_index(30)]
	pub type ProviderStaking = pallet_provider_staking;

	#[runtime::pallet_index(31)]
	pub type Providers = pallet_providers;

	#[runtime::pallet_index(32)]
	pub type Leases = pallet_leases;

	#[runtime::pallet_index(33)]
	pub type Emissions = pallet_emissions;

	#[runtime::pallet_index(34)]
	pub type Slashing = pallet_slashing;

	#[runtime::pallet_index(35)]
	pub type Challenges = pallet_challenges;
}

#[cfg(test)]
mod adversaries;
#[cfg(test)]
mod attacks;
#[cfg(test)]
mod equivocation;
#[cfg(test)]
mod proof_gates;
#[cfg(test)]
mod proptests;
#[cfg(any(test, feature = "runtime-benchmarks"))]
mod proven;
#[cfg(test)]
mod tests;
