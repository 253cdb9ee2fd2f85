//! # Providers
//!
//! The registry of Ember's compute providers: who they are, which hot key acts for them, where
//! they can be reached, which GPUs they offer, and whether they are alive.
//!
//! ## Overview
//!
//! A provider is keyed by its **owner** account, the cold key that holds the provider's bond in
//! the staking pallet. One owner runs at most one provider. At registration the owner names an
//! **agent** account, the hot key the provider agent keeps on the machine: it signs heartbeats
//! (and, through other pallets, bids and attestations) but can move no funds. An agent serves
//! one provider only, and an owner is never an agent.
//!
//! Each provider records a region label (e.g. `eu-west`), its libp2p PeerId and multiaddrs, and
//! its GPU inventory as NVML reports it: model, VRAM, compute capability and the BLAKE2-256 hash
//! of each device UUID (raw UUIDs never go on chain). The inventory is never empty, every entry is
//! well formed and no UUID hash appears twice.
//!
//! Offering GPUs needs stake, and stronger GPUs need more: each GPU weighs **stake units** by the
//! class score of the model it claims (its score divided by [`Config::StakeUnitScore`], rounded
//! up, at least one), kept per provider in [`StakeUnits`]. Registration, and any inventory update
//! that raises the units, requires the owner's own bond to cover them
//! ([`ember_primitives::ProviderStake`]); a provider whose bond falls short (a slash, or a class
//! score raised and applied by `refresh_stake_units`) takes no new work until it tops up. The
//! registry holds no funds itself.
//!
//! ## Status
//!
//! Every provider has a [`ember_primitives::ProviderStatus`]; only `Active` providers take new
//! work. Transitions:
//!
//! ```text
//!   register ──► Active ── misses heartbeats ──► Offline ── heartbeat ──► Active
//!   Active  ── force_jail / slashing ──► Jailed
//!   Offline ── force_jail / slashing ──► Jailed
//!   Leaving ── force_jail / slashing ──► Jailed
//!   Jailed  ── force_unjail ──► Active
//!   Active  ── leave while commitments remain ──► Leaving
//!   Leaving ── misses heartbeats ──► Offline
//!   Leaving ── leave once commitments end ──► deregistered
//!   Active / Offline ── leave with no commitments ──► deregistered
//! ```
//!
//! Jailed providers cannot leave (they would escape the jail by registering again), nor can a
//! provider with a slash or jail still pending in the slashing pallet; Offline providers with
//! open commitments must come back online before they can start leaving; Leaving providers can
//! be jailed like any other. Independently of the status, the owner may **pause** a provider:
//! a paused provider stays registered and keeps heartbeating but takes no new work.
//!
//! ## Liveness
//!
//! Time is cut into heartbeat periods of `HeartbeatPeriod` blocks; block `b` lies in period
//! `b / HeartbeatPeriod`. The agent sends at most one `heartbeat` per period, and a valid one is
//! feeless. Registration counts as the heartbeat of its period.
//!
//! Each provider has a fixed **offset** `s` in `[0, HeartbeatPeriod)`, derived from the hash of
//! its owner account, which spreads the providers' deadlines evenly over the blocks of a period.
//! The exact rule: a provider whose last heartbeat fell in period `p` becomes `Offline` at block
//! `(p + MaxMissedHeartbeats + 1) * HeartbeatPeriod + s`, that is once it has missed every one of
//! the `MaxMissedHeartbeats` following periods and the first `s` blocks of the period after them.
//! When that block's deadline queue is full the deadline moves to the next block with room, at
//! most [`DEADLINE_SPILL_BLOCKS`] blocks later; past that the call that wanted to schedule it fails
//! with `DeadlineQueueFull` and changes nothing.
//!
//! Deadlines live in per-block buckets (`Deadlines`), so `on_initialize` only looks at the
//! providers due in that very block: the cost of a block never depends on how many providers
//! exist. Deadlines are **lazy**: a heartbeat writes only the provider's record (its last
//! heartbeat) and never touches a bucket. When a queued deadline comes due, the hook reads the
//! record: a provider heard from since is put back for the deadline its last heartbeat gives it
//! (so each watched provider is worked once per `MaxMissedHeartbeats + 1` periods), and only a
//! silent one goes Offline, at the same block the rule above names. Each time the hook hears
//! from a provider it tells the listeners ([`Config::Lifecycle`]'s `heard_from`: emissions
//! credits the provider's available GPU-time then), and it does so once more before the
//! provider goes Offline, is jailed, pauses or leaves. Entries of providers that left or are no
//! longer watched are skipped by comparing against the deadline stored in the record.
//!
//! `HeartbeatPeriod` and `MaxMissedHeartbeats` are the runtime's defaults; governance changes
//! both with `set_heartbeat_params`, which checks them against fixed bounds and against the
//! room in the deadline queues ([`HeartbeatParams`]). Queued deadlines are not rewritten then:
//! each provider's next heartbeat follows the new parameters, and a deadline due before that is
//! checked again under them, and put back when they give the provider longer.
//!
//! A heartbeat from an `Offline` provider brings it back to `Active`. A `Leaving` provider is
//! watched like an Active one, because its leases still run: if it falls silent it goes
//! `Offline` (and must come back and call `leave` again). `Jailed` providers may heartbeat too;
//! the chain records their liveness but their status stays.
//!
//! ## The lease market
//!
//! Heartbeats carry the agent's attestations of its running leases, which the registry hands to
//! the lease market ([`Config::Lifecycle`]) unread; one extrinsic per provider per period covers
//! all its leases. The market also hears when a provider goes Offline, comes back, or is jailed.
//!
//! ## Calls
//!
//! Owner: `register`, `update_metadata`, `update_inventory`, `set_agent`, `pause`, `resume`,
//! `leave`. Agent: `heartbeat`. Anyone: `refresh_stake_units`. `ForceOrigin` (governance): `force_jail`, `force_unjail`. The
//! slashing pallet jails through [`Pallet::do_jail`] and [`Pallet::do_unjail`].
//!
//! Other pallets read the registry through [`ember_primitives::ProviderRegistry`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod dispatch;
pub mod extension;
mod genesis;
mod impls;
// Invariants are also checked by the runtime's own tests, which build with `std`.
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod invariants;
mod liveness;
mod stake;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use extension::{CheckHeartbeat, HEARTBEAT_PRIORITY};
pub use genesis::GenesisProvider;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::providers";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use ember_primitives::{
		Balance, GpuClassScores, LeaseAttestation, ProviderCommitments, ProviderLifecycle,
		ProviderPunishments, ProviderStake,
	};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The owners' bonds: registration and inventory growth need enough own stake.
		type Stake: ProviderStake<Self::AccountId, Balance>;

		/// The GPU class scores (the emissions pallet's table): a GPU's score sets the stake
		/// units it weighs.
		type ClassScores: GpuClassScores;

		/// The class score one stake unit stands for: a GPU weighs its class score divided by
		/// this, rounded up, and at least one unit.
		#[pallet::constant]
		type StakeUnitScore: Get<u32>;

		/// Open bids and running leases: they keep GPUs in the inventory and delay leaving.
		type Commitments: ProviderCommitments<Self::AccountId>;

		/// Told of every inventory change (the challenges pallet keeps its list of GPUs).
		type InventoryObserver: ember_primitives::InventoryObserver<Self::AccountId>;

		/// The lease market: it receives the attestations that ride in heartbeats and hears when
		/// a provider goes Offline, comes back or is jailed.
		type Lifecycle: ProviderLifecycle<Self::AccountId, BlockNumberFor<Self>>;

		/// The judge of offences (the slashing pallet): a provider with a slash or jail pending
		/// may not leave, and governance's jails override its own.
		type Punishments: ProviderPunishments<Self::AccountId>;

		/// Most lease attestations one heartbeat may carry; at least the most leases a provider
		/// can run.
		#[pallet::constant]
		type MaxAttestations: Get<u32>;

		/// Who may jail and unjail providers by hand (governance).
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Length of a heartbeat period in blocks, until governance sets one (see
		/// [`HeartbeatParams`]); each agent heartbeats once per period.
		#[pallet::constant]
		type HeartbeatPeriod: Get<BlockNumberFor<Self>>;

		/// Whole heartbeat periods a provider may miss before it becomes Offline, until
		/// governance sets a number (see [`HeartbeatParams`]).
		#[pallet::constant]
		type MaxMissedHeartbeats: Get<u32>;

		/// Most GPUs one provider can register.
		#[pallet::constant]
		type MaxGpusPerProvider: Get<u32>;

		/// Longest region label, in bytes.
		#[pallet::constant]
		type MaxRegionLen: Get<u32>;

		/// Longest libp2p PeerId, in bytes.
		#[pallet::constant]
		type MaxPeerIdLen: Get<u32>;

		/// Most multiaddrs one provider can publish.
		#[pallet::constant]
		type MaxMultiaddrs: Get<u32>;

		/// Longest multiaddr, in bytes.
		#[pallet::constant]
		type MaxMultiaddrLen: Get<u32>;

		/// Most liveness deadlines one block can hold. Together with the heartbeat period it
		/// bounds the number of providers the chain can watch: keep
		/// `MaxDeadlinesPerBlock * HeartbeatPeriod` well above the expected provider count.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// Most weight the block hook spends on liveness deadlines: a burst beyond it (a mass
		/// outage) waits, in order, for the next blocks, so that it never crowds out
		/// transactions.
		#[pallet::constant]
		type HookBudget: Get<Weight>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need from other pallets.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Registered providers by owner account: agent, status and liveness. Kept small because
	/// every heartbeat reads and writes it.
	#[pallet::storage]
	pub type Providers<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, ProviderInfo<T>, OptionQuery>;

	/// Where each provider can be reached: region, PeerId and multiaddrs, by owner account.
	#[pallet::storage]
	pub type Metadata<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ProviderMetadata<T>, OptionQuery>;

	/// Each provider's GPUs, by owner account.
	#[pallet::storage]
	pub type Inventory<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, GpuInventoryOf<T>, OptionQuery>;

	/// The provider (owner account) each agent key acts for: the inverse of the agents named
	/// in `Providers`.
	#[pallet::storage]
	pub type ProviderOfAgent<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// The stake units each provider's GPUs weigh, by owner account (see [`Config::ClassScores`]):
	/// what its owner's bond must cover beyond the base. Set at registration and on every
	/// inventory change, and by `refresh_stake_units` after a class score changed. A provider
	/// without an entry weighs one unit per GPU.
	#[pallet::storage]
	pub type StakeUnits<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, OptionQuery>;

	/// Providers whose liveness deadline falls in a block, by block. An entry counts only while
	/// the provider's record still names that block as its deadline.
	#[pallet::storage]
	pub type Deadlines<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, DeadlineBucketOf<T>, ValueQuery>;

	/// The oldest block whose `Deadlines` bucket still holds providers the hook had no budget
	/// for; the next block's hook resumes there. `None` when the hook is up to date.
	#[pallet::storage]
	pub type DeadlineBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The heartbeat period and the periods a provider may miss, as governance set them with
	/// `set_heartbeat_params`; the runtime's `HeartbeatPeriod` and `MaxMissedHeartbeats` apply
	/// until it does.
	#[pallet::storage]
	pub type HeartbeatParams<T: Config> =
		StorageValue<_, HeartbeatSettings<BlockNumberFor<T>>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider registered and is Active.
		ProviderRegistered {
			/// The provider's owner account.
			provider: T::AccountId,
			/// The agent key acting for it.
			agent: T::AccountId,
			/// Number of GPUs registered.
			gpu_count: u32,
		},
		/// A provider changed its region, PeerId or multiaddrs.
		MetadataUpdated {
			/// The provider's owner account.
			provider: T::AccountId,
		},
		/// A provider replaced its GPU inventory.
		InventoryUpdated {
			/// The provider's owner account.
			provider: T::AccountId,
			/// Number of GPUs now registered.
			gpu_count: u32,
		},
		/// A provider's GPUs weigh a new number of stake units: at registration, after an
		/// inventory change, or after a class score changed. While its owner's own bond is
		/// below `required`, the provider takes no new work.
		StakeUnitsSet {
			/// The provider's owner account.
			provider: T::AccountId,
			/// The stake units its GPUs weigh.
			units: u32,
			/// The own bond its owner must hold: the base plus the units' stake.
			required: Balance,
		},
		/// A provider named a new agent key.
		AgentChanged {
			/// The provider's owner account.
			provider: T::AccountId,
			/// The agent key that no longer acts for the provider.
			old_agent: T::AccountId,
			/// The agent key that acts for the provider from now on.
			new_agent: T::AccountId,
		},
		/// A provider stopped taking new work for now.
		Paused {
			/// The provider's owner account.
			provider: T::AccountId,
		},
		/// A paused provider takes new work again.
		Resumed {
			/// The provider's owner account.
			provider: T::AccountId,
		},
		/// A provider started leaving: it takes no new work and may deregister once its
		/// commitments end.
		Leaving {
			/// The provider's owner account.
			provider: T::AccountId,
			/// Open bids and running leases it still has to see through.
			active_commitments: u32,
		},
		/// A provider left; everything the registry kept about it is gone.
		Deregistered {
			/// The former provider's owner account.
			provider: T::AccountId,
		},
		/// A provider's agent proved it is alive.
		HeartbeatReceived {
			/// The provider's owner account.
			provider: T::AccountId,
			/// The block the heartbeat was included in.
			block: BlockNumberFor<T>,
		},
		/// A provider missed too many heartbeats and is Offline.
		WentOffline {
			/// The provider's owner account.
			provider: T::AccountId,
			/// The block of its last heartbeat (or registration).
			last_heartbeat: BlockNumberFor<T>,
		},
		/// An Offline provider heartbeated and is Active again.
		BackOnline {
			/// The provider's owner account.
			provider: T::AccountId,
		},
		/// A provider was jailed: it takes no new work until unjailed.
		Jailed {
			/// The provider's owner account.
			provider: T::AccountId,
		},
		/// A jailed provider was released and is Active again.
		Unjailed {
			/// The provider's owner account.
			provider: T::AccountId,
		},
		/// Governance set the heartbeat parameters. Each provider's next heartbeat is due by
		/// the new period; its liveness deadline follows them from its next heartbeat.
		HeartbeatParamsSet {
			/// Length of a heartbeat period in blocks.
			period: BlockNumberFor<T>,
			/// Whole periods a provider may miss before it is Offline.
			max_missed: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller already runs a provider; one owner runs one provider.
		AlreadyRegistered,
		/// The account runs no provider.
		NotRegistered,
		/// The caller is no provider's agent key.
		NotAgent,
		/// The agent key must differ from the owner account.
		AgentIsOwner,
		/// The agent key already acts for a provider.
		AgentInUse,
		/// The agent key is the owner account of a provider.
		AgentIsProvider,
		/// The caller is an agent key; agent keys cannot own providers.
		OwnerIsAgent,
		/// The region label is empty.
		EmptyRegion,
		/// The PeerId is empty.
		EmptyPeerId,
		/// One of the multiaddrs is empty.
		EmptyMultiaddr,
		/// The GPU inventory is empty.
		EmptyInventory,
		/// A GPU record lacks a model name, memory or compute capability.
		MalformedGpu,
		/// Two GPUs of the inventory have the same UUID hash.
		DuplicateGpu,
		/// The new inventory drops or alters a GPU committed to an open bid or a running lease.
		CommittedGpuRemoved,
		/// The owner's own bond does not cover the stake units of the GPUs (each GPU weighs
		/// units by its class score; see the `StakeUnitsSet` event and `ProviderStaking`'s
		/// constants).
		InsufficientStake,
		/// The provider's stake units already match its GPUs and today's class scores.
		StakeUnitsUnchanged,
		/// The provider is already paused.
		AlreadyPaused,
		/// The provider is not paused.
		NotPaused,
		/// The agent already sent a heartbeat in this heartbeat period.
		HeartbeatAlreadySent,
		/// No block near the liveness deadline has room left in its deadline queue; try again
		/// in a later block.
		DeadlineQueueFull,
		/// The provider is already jailed.
		AlreadyJailed,
		/// The provider is not jailed.
		NotJailed,
		/// A jailed provider cannot leave.
		ProviderJailed,
		/// An Offline provider with open commitments must heartbeat back to Active before it
		/// can start leaving.
		ProviderOffline,
		/// A slash or jail awaits the provider; it may leave once they are done.
		PunishmentPending,
		/// The provider is leaving but still has open bids or running leases; call `leave`
		/// again once they have ended.
		CommitmentsRemain,
		/// The heartbeat period must lie within `MIN_HEARTBEAT_PERIOD` and
		/// `MAX_HEARTBEAT_PERIOD` blocks.
		HeartbeatPeriodOutOfRange,
		/// The periods a provider may miss must lie within 1 and `MAX_MAX_MISSED_HEARTBEATS`.
		MaxMissedOutOfRange,
		/// So short a period would crowd the deadline queues: the registered providers need
		/// `MaxDeadlinesPerBlock * period` to be at least twice their number.
		PeriodTooShortForProviders,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// How many later blocks a liveness deadline may move to when its own block's deadline
		/// queue is full.
		#[pallet::constant_name(DeadlineSpillBlocks)]
		fn deadline_spill_blocks() -> u32 {
			DEADLINE_SPILL_BLOCKS
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Providers registered at genesis, in order; their owners' bonds come from the staking
		/// pallet's genesis. See [`GenesisProvider`].
		pub providers: alloc::vec::Vec<GenesisProvider<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for provider in &self.providers {
				// A chain cannot start with a registration its own rules refuse.
				if let Err(reason) = Pallet::<T>::register_at_genesis(provider) {
					panic!("providers genesis: {:?} cannot register: {reason}", provider.owner);
				}
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_due_deadlines(now)
		}

		fn integrity_test() {
			assert!(
				!T::HeartbeatPeriod::get().is_zero(),
				"HeartbeatPeriod must be at least one block"
			);
			assert!(T::MaxDeadlinesPerBlock::get() > 0, "MaxDeadlinesPerBlock must be positive");
			assert!(T::MaxGpusPerProvider::get() > 0, "MaxGpusPerProvider must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state(now)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// What telling the inventory observer of a change may cost, for the largest inventory.
		pub fn observer_weight() -> Weight {
			use ember_primitives::InventoryObserver;
			T::InventoryObserver::inventory_changed_weight(T::MaxGpusPerProvider::get())
		}

		/// Why the provider takes no new work and earns no availability points: its status, a
		/// pause, or an owner's bond that no longer covers its GPUs (after a slash; top up with
		/// `bond_extra`). `None` when it takes work or is not registered.
		pub fn why_idle(owner: T::AccountId) -> Option<IdleReason> {
			Self::idle_reason(&owner)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the caller as a provider.
		///
		/// The caller becomes the provider's owner; `agent` is the hot key that will sign
		/// heartbeats for it. `gpus` is the inventory as NVML reports it. The provider starts
		/// Active and its first heartbeat is due in the next heartbeat period. The owner's own
		/// bond must cover the stake units the GPUs weigh by class (`StakeUnitsSet` says how
		/// many, and the bond they require).
		///
		/// Any signed account may call it once. Fails with `AlreadyRegistered`, `OwnerIsAgent`,
		/// `AgentIsOwner`, `AgentInUse`, `AgentIsProvider`, `EmptyRegion`, `EmptyPeerId`,
		/// `EmptyMultiaddr`, `EmptyInventory`, `MalformedGpu`, `DuplicateGpu`,
		/// `InsufficientStake` (bond first) or `DeadlineQueueFull`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register().saturating_add(Pallet::<T>::observer_weight()))]
		pub fn register(
			origin: OriginFor<T>,
			agent: T::AccountId,
			region: RegionOf<T>,
			peer_id: PeerIdOf<T>,
			multiaddrs: MultiaddrsOf<T>,
			gpus: GpuInventoryOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register(owner, agent, ProviderMetadata { region, peer_id, multiaddrs }, gpus)
		}

		/// Replace the provider's region, PeerId and multiaddrs.
		///
		/// Only the owner may call it. Fails with `NotRegistered`, `EmptyRegion`, `EmptyPeerId`
		/// or `EmptyMultiaddr`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_metadata())]
		pub fn update_metadata(
			origin: OriginFor<T>,
			region: RegionOf<T>,
			peer_id: PeerIdOf<T>,
			multiaddrs: MultiaddrsOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_update_metadata(owner, ProviderMetadata { region, peer_id, multiaddrs })
		}

		/// Replace the provider's GPU inventory.
		///
		/// Every GPU committed to an open bid or a running lease must stay, unchanged. An
		/// inventory that weighs more stake units (more GPUs, or stronger ones) needs the
		/// owner's bond to cover them. Only the owner may call it.
		/// Fails with `NotRegistered`, `EmptyInventory`, `MalformedGpu`, `DuplicateGpu`,
		/// `CommittedGpuRemoved` or `InsufficientStake`.
		#[pallet::call_index(2)]
		#[pallet::weight(
			T::WeightInfo::update_inventory().saturating_add(Pallet::<T>::observer_weight())
		)]
		pub fn update_inventory(origin: OriginFor<T>, gpus: GpuInventoryOf<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_update_inventory(owner, gpus)
		}

		/// Name a new agent key for the provider; the old key stops acting for it at once.
		///
		/// Only the owner may call it. Fails with `NotRegistered`, `AgentIsOwner`,
		/// `AgentInUse` or `AgentIsProvider`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_agent())]
		pub fn set_agent(origin: OriginFor<T>, new_agent: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_set_agent(owner, new_agent)
		}

		/// Stop taking new work for now. The provider stays registered, keeps heartbeating and
		/// finishes its running leases.
		///
		/// Only the owner may call it. Fails with `NotRegistered` or `AlreadyPaused`.
		#[pallet::call_index(4)]
		#[pallet::weight(
			T::WeightInfo::pause()
				.saturating_add(T::Lifecycle::heard_from_weight())
				.saturating_add(T::Lifecycle::paused_weight())
		)]
		pub fn pause(origin: OriginFor<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_pause(owner)
		}

		/// Take new work again after a pause.
		///
		/// Only the owner may call it. Fails with `NotRegistered` or `NotPaused`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::resume().saturating_add(T::Lifecycle::resumed_weight()))]
		pub fn resume(origin: OriginFor<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_resume(owner)
		}

		/// Leave the market.
		///
		/// With no open bids or running leases the provider is deregistered at once. Otherwise
		/// an Active provider moves to Leaving: it takes no new work, its leases run out, and
		/// the owner calls `leave` again once they have ended. Stake is unbonded separately in
		/// the staking pallet.
		///
		/// Refused while a slash or jail awaits the provider, so that leaving never escapes a
		/// punishment already decided.
		///
		/// Only the owner may call it. Fails with `NotRegistered`, `PunishmentPending`,
		/// `ProviderJailed`, `ProviderOffline` or `CommitmentsRemain`.
		#[pallet::call_index(6)]
		#[pallet::weight(
			T::WeightInfo::leave()
				.saturating_add(Pallet::<T>::observer_weight())
				.saturating_add(T::Lifecycle::heard_from_weight())
				.saturating_add(T::Lifecycle::deregistered_weight())
		)]
		pub fn leave(origin: OriginFor<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_leave(owner)
		}

		/// Prove the provider is alive, and attest its running leases. Free of fees when valid.
		///
		/// Only the provider's agent key may call it, once per heartbeat period. It records the
		/// block; the liveness deadline moves on when it comes due. An Offline provider comes
		/// back Active (with a new deadline); Jailed and Leaving providers keep their status.
		/// `attestations` carries one line per running lease (workload status, GPU utilization
		/// and memory as NVML reports them); the lease market records each line in the
		/// provider's book (money moves when the lease is settled) and ignores lines for leases
		/// that are not the provider's. Fails with `NotAgent`,
		/// `HeartbeatAlreadySent` or (coming back online only) `DeadlineQueueFull`.
		///
		/// Heartbeats are operational: they use the share of every block that ordinary
		/// transactions cannot fill, and the pool ranks them above any tip, so that filling
		/// blocks cannot take providers Offline. Only agents of registered (bonded) providers
		/// may send one, once per period, which bounds that room.
		#[pallet::call_index(7)]
		#[pallet::weight((
			T::WeightInfo::heartbeat()
				.max(T::WeightInfo::heartbeat_back_online())
				.saturating_add(T::Lifecycle::back_online_weight())
				.saturating_add(T::Lifecycle::attested_weight(attestations.len() as u32)),
			DispatchClass::Operational,
		))]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _attestations: &BoundedVec<LeaseAttestation, T::MaxAttestations>| -> bool {
			Pallet::<T>::heartbeat_is_feeless(origin)
		})]
		pub fn heartbeat(
			origin: OriginFor<T>,
			attestations: BoundedVec<LeaseAttestation, T::MaxAttestations>,
		) -> DispatchResultWithPostInfo {
			let agent = ensure_signed(origin)?;
			let (owner, came_back_online) = Self::do_heartbeat(agent)?;
			let now = frame_system::Pallet::<T>::block_number();
			let mut actual = if came_back_online {
				// The market settles the Offline time first, so the attestations below cannot
				// turn it into paid time.
				T::WeightInfo::heartbeat_back_online()
					.saturating_add(T::Lifecycle::back_online(&owner, now))
			} else {
				T::WeightInfo::heartbeat()
			};
			// Even without lines, the market hears of the heartbeat.
			actual.saturating_accrue(T::Lifecycle::attested(&owner, now, &attestations));
			Ok(Some(actual).into())
		}

		/// Jail a provider: it takes no new work until unjailed, and its running leases close.
		///
		/// Works on every registered provider, Leaving ones included. A provider the slashing
		/// pallet jailed stays jailed, now by governance: its owner can no longer release it,
		/// only `force_unjail` can.
		///
		/// Only `ForceOrigin` (governance) may call it. Fails with `NotRegistered`.
		#[pallet::call_index(8)]
		#[pallet::weight(
			T::WeightInfo::force_jail()
				.saturating_add(T::Lifecycle::heard_from_weight())
				.saturating_add(T::Lifecycle::jailed_weight())
		)]
		pub fn force_jail(origin: OriginFor<T>, provider: T::AccountId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_jail(&provider)
		}

		/// Release a jailed provider. It is Active again and must heartbeat within the usual
		/// window.
		///
		/// Only `ForceOrigin` (governance) may call it. Fails with `NotRegistered`, `NotJailed`
		/// or `DeadlineQueueFull`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::force_unjail().saturating_add(T::Lifecycle::resumed_weight()))]
		pub fn force_unjail(origin: OriginFor<T>, provider: T::AccountId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_unjail(&provider)?;
			// The slashing pallet's record of its own jail is void now.
			T::Punishments::jail_overridden(&provider);
			Ok(())
		}

		/// Set the heartbeat period (in blocks) and the whole periods a provider may miss
		/// before it is Offline. Deadlines already queued are not moved: a provider's next
		/// heartbeat is judged by the new period, and its liveness deadline follows the new
		/// parameters from that heartbeat on. A deadline that comes due before then is checked
		/// under the new parameters, and put back if they give the provider longer.
		///
		/// Only `ForceOrigin` (governance) may call it. Fails with `HeartbeatPeriodOutOfRange`,
		/// `MaxMissedOutOfRange` or `PeriodTooShortForProviders`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_heartbeat_params())]
		pub fn set_heartbeat_params(
			origin: OriginFor<T>,
			period: BlockNumberFor<T>,
			max_missed: u32,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_set_heartbeat_params(period, max_missed)
		}

		/// Bring a provider's stake units up to date with today's class scores.
		///
		/// Each GPU weighs stake units by its model's class score, worked out when the provider
		/// registers or changes its inventory. After governance changes a score, this applies
		/// the new one: a provider whose units rose takes no new work until its owner's bond
		/// covers them (`ProviderStaking::bond_extra`); one whose units fell may unbond the
		/// difference.
		///
		/// Any signed account may call it, for any provider; it is free when it changes the
		/// units (which only a score change makes possible). Fails with `NotRegistered` or
		/// `StakeUnitsUnchanged`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::refresh_stake_units())]
		pub fn refresh_stake_units(
			origin: OriginFor<T>,
			provider: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_refresh_stake_units(&provider)?;
			Ok(Pays::No.into())
		}
	}
}
