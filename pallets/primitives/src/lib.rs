//! Ember primitives: the types every Ember pallet, the node and the off-chain tools share, and the
//! traits through which the pallets talk to each other.
//!
//! Pallets never read each other's storage. The runtime wires them together through the traits
//! defined here, so a pallet's mock runtime can stand in for any neighbour.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod gpu;
pub mod market;
pub mod queue;
pub mod traits;

pub use gpu::{ComputeCapability, GpuModelName, GpuSpec, GpuUuidHash};
pub use market::{
	CloseReason, DeliveredGpuTime, HarmedLease, LeaseAttestation, LeaseId, LeaseOffence,
	LeaseOffenceReporter, OfferId, OrderId, ProviderLifecycle, WorkloadStatus,
};
pub use traits::{
	stake_units_of_score, BackingObserver, BurnLedger, Exposure, GpuClassScores, GpuProofs,
	InventoryObserver, ProviderBacking, ProviderCommitments, ProviderJail, ProviderOffence,
	ProviderOffenceReporter, ProviderPunishments, ProviderRegistry, ProviderStake,
	ProviderStakeSlashing, ProviderStatus, SlashTaken,
};

/// Balance of an account, in plancks (10^-12 EMBR).
pub type Balance = u128;

/// Block number type used by the Ember runtime.
pub type BlockNumber = u32;

/// One EMBR in plancks: the token has 12 decimals.
pub const EMBR: Balance = 1_000_000_000_000;

/// One thousandth of an EMBR.
pub const MILLI_EMBR: Balance = EMBR / 1_000;

/// The token symbol shown by wallets.
pub const TOKEN_SYMBOL: &str = "EMBR";

/// The number of decimals of the token.
pub const TOKEN_DECIMALS: u8 = 12;
