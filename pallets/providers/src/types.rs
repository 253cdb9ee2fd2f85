//! The records the registry keeps for each provider, and the bounded types of its calls.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use ember_primitives::{Balance, GpuSpec, ProviderStatus};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// How many later blocks a liveness deadline may move to when its own block's deadline queue is
/// full. A deadline therefore tries `DEADLINE_SPILL_BLOCKS + 1` blocks in all.
pub const DEADLINE_SPILL_BLOCKS: u32 = 8;

/// Suggested heartbeat period: 50 blocks, five minutes at 6 s blocks.
pub const DEFAULT_HEARTBEAT_PERIOD: u32 = 50;

/// Suggested number of whole heartbeat periods a provider may miss before it is Offline.
pub const DEFAULT_MAX_MISSED_HEARTBEATS: u32 = 2;

/// Shortest heartbeat period governance may set, in blocks.
pub const MIN_HEARTBEAT_PERIOD: u32 = 2;

/// Longest heartbeat period governance may set, in blocks: a day at 6 s blocks.
pub const MAX_HEARTBEAT_PERIOD: u32 = 14_400;

/// Most whole heartbeat periods governance may let a provider miss.
pub const MAX_MAX_MISSED_HEARTBEATS: u32 = 20;

/// The heartbeat parameters governance set, replacing the runtime's defaults.
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
pub struct HeartbeatSettings<BlockNumber> {
	/// Length of a heartbeat period in blocks.
	pub period: BlockNumber,
	/// Whole periods a provider may miss before it is Offline.
	pub max_missed: u32,
	/// The latest block a liveness deadline set under the parameters before these may fall
	/// in. Such deadlines are not moved when the parameters change: a provider's next
	/// heartbeat sets its deadline under the new ones, and a deadline that comes due before
	/// that is checked again under the new ones (and put back when they give it longer).
	pub earlier_deadlines_until: BlockNumber,
}

/// A region label such as `eu-west`.
pub type RegionOf<T> = BoundedVec<u8, <T as Config>::MaxRegionLen>;

/// A libp2p PeerId in its binary form.
pub type PeerIdOf<T> = BoundedVec<u8, <T as Config>::MaxPeerIdLen>;

/// One libp2p multiaddr in its binary form.
pub type MultiaddrOf<T> = BoundedVec<u8, <T as Config>::MaxMultiaddrLen>;

/// The multiaddrs a provider publishes.
pub type MultiaddrsOf<T> = BoundedVec<MultiaddrOf<T>, <T as Config>::MaxMultiaddrs>;

/// A provider's GPUs.
pub type GpuInventoryOf<T> = BoundedVec<GpuSpec, <T as Config>::MaxGpusPerProvider>;

/// The providers whose liveness deadline falls in one block.
pub type DeadlineBucketOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxDeadlinesPerBlock>;

/// The registry's record of a provider. Every heartbeat reads and writes it, so it holds only
/// what liveness and the other pallets' lookups need; metadata and inventory live apart.
#[derive(
	CloneNoBound, DebugNoBound, Decode, Encode, EqNoBound, MaxEncodedLen, PartialEqNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ProviderInfo<T: Config> {
	/// The hot key that signs heartbeats (and bids and attestations) for the provider.
	pub agent: T::AccountId,
	/// Where the provider stands in its lifecycle.
	pub status: ProviderStatus,
	/// Whether the owner has paused the provider: it then takes no new work.
	pub paused: bool,
	/// Number of GPUs in the inventory.
	pub gpu_count: u32,
	/// The block the provider registered in.
	pub registered_at: BlockNumberFor<T>,
	/// The block of the last heartbeat; registration counts as one.
	pub last_heartbeat: BlockNumberFor<T>,
	/// The block at which the provider becomes Offline unless it heartbeats first. Set exactly
	/// while the provider is Active.
	pub liveness_deadline: Option<BlockNumberFor<T>>,
}

/// Why a registered provider takes no new work and earns no availability points.
#[derive(Clone, Copy, Debug, Decode, DecodeWithMemTracking, Encode, Eq, PartialEq, TypeInfo)]
pub enum IdleReason {
	/// Its status is not Active.
	Status(ProviderStatus),
	/// Its owner paused it.
	Paused,
	/// Its owner's bond no longer covers its GPUs' stake units (after a slash, or after a
	/// class score rose): top up with `bond_extra`.
	BondTooLow {
		/// The owner's active bond.
		bonded: Balance,
		/// What its GPUs require.
		required: Balance,
	},
}

/// Where a provider can be reached.
#[derive(
	CloneNoBound, DebugNoBound, Decode, Encode, EqNoBound, MaxEncodedLen, PartialEqNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ProviderMetadata<T: Config> {
	/// Region label, e.g. `eu-west`.
	pub region: RegionOf<T>,
	/// libp2p PeerId of the provider agent.
	pub peer_id: PeerIdOf<T>,
	/// libp2p multiaddrs the provider agent listens on.
	pub multiaddrs: MultiaddrsOf<T>,
}

/// What the benchmarks need from outside this pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Make `owner`'s own bond cover GPUs worth `units` stake units.
	fn ensure_stake(owner: &AccountId, units: u32);
}
