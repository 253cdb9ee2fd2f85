//! # Leases
//!
//! Ember's market for GPU time. Tenants order GPUs, providers bid with GPUs they have registered,
//! the chain holds the tenant's money in escrow and pays the provider as the lease runs.
//!
//! ## Lifecycle
//!
//! ```text
//!  create_order ──► Order ── place_bid / withdraw_bid ──► Order with bids
//!                     │  accept_bid, or the best bid when the window ends (auto_award)
//!                     ▼
//!  list_offer ──► Offer ── rent ──► Lease ── attested, settled at its checks ──► ...
//!                                     │ close: tenant, provider (an offence), expiry, exhausted
//!                                     ▼ escrow, provider offline too long, jail, governance
//!                                   closed: owed time paid, the rest of the escrow returned
//! ```
//!
//! - **Orders.** A tenant states a [`GpuRequirement`], a duration, a maximum price per
//!   GPU-hour, the hash of its workload manifest (the manifest itself travels off chain), an
//!   optional region and a bid window. The worst-case cost is held from it at once, plus a
//!   refundable storage deposit (`OrderDeposit`).
//! - **Bids.** A provider's agent bids a price at most the maximum and names as many of its free
//!   GPUs as the order asks for; they must be registered, meet the requirement and not be
//!   committed anywhere else. Bids can be withdrawn until the order is awarded.
//! - **Award.** The tenant accepts a bid while the window is open. When the window ends, an
//!   order with `auto_award` goes to the best bid still acceptable (lowest price, then the
//!   provider with more stake behind it, then the earliest); otherwise, or with no acceptable
//!   bid, it expires and its hold is released.
//! - **Direct rent.** An agent lists GPUs at a fixed price; a tenant rents some of them at once.
//!   Rented GPUs return to the offer when their lease ends.
//! - **Leases** reserve their GPUs until they close. The escrow of a lease covers its whole
//!   duration at the agreed price; the tenant can `extend` the end and `top_up` the escrow.
//!
//! ## Settlement
//!
//! Settlement is lazy: an attestation only records, in the provider's book, that the lease was
//! attested and what its workload reported. A lease is settled at its checks (at least once
//! per `SettlementInterval`, and at grace), when the tenant tops it up, when it closes, when its
//! provider comes back from Offline, and by an attestation that comes after the last one's cover
//! ran out. The provider is paid for the time since the last settlement that its attestations
//! cover: a lease is covered for `AttestationTolerance` blocks after each attestation, which is
//! how long a silent provider takes to be marked Offline. Time past that
//! is downtime: it is not paid and stays in escrow for the tenant. Of each payment the protocol
//! fee ([`ProtocolFee`], 2 % by default) is burned and the rest goes to the provider. Amounts are
//! computed from the total of blocks paid (see [`pricing`]), so rounding never drifts.
//!
//! Attestations ride in the provider's heartbeat (one extrinsic per provider per heartbeat
//! period, whatever the number of leases); the registry hands them over through
//! [`ember_primitives::ProviderLifecycle`].
//!
//! ## Escrow running low
//!
//! When the escrow will run out before the lease's end (after an `extend` that was not fully
//! paid for), the lease enters `Grace` `GracePeriod` blocks before the escrow is exhausted and
//! [`Event::EscrowLow`] tells the tenant and the agent. A top-up that covers more than the grace
//! period brings it back to `Active`; otherwise it closes when the escrow is exhausted, and the
//! provider has been paid for every covered block.
//!
//! ## Providers in trouble
//!
//! A missed heartbeat or two changes nothing. When the registry marks a provider Offline while
//! it has leases, the market reports a downtime offence, and if the provider is still Offline
//! `OfflineLimit` blocks later its leases close (reason `ProviderOffline`). A jailed provider's
//! leases close at once. A provider that closes a lease before its end commits an offence, and
//! so does one that stays online but leaves a lease out of its attestations for
//! `AttestationTolerance + OfflineLimit` blocks: the registry's liveness check, which visits
//! every watched provider once per `MaxMissedHeartbeats + 1` heartbeat periods, finds the lease
//! silent in the provider's book and brings its check forward, and the check closes it (reason
//! `ProviderSilent`).
//!
//! ## Cost per block
//!
//! Bid windows, lease checks and offline limits sit in per-block queues ([`Due`] and
//! [`OfflineDue`]); a block's hook reads only its own queues, so its work never depends on how
//! many orders or leases exist. A lease has one entry, at its next check: the earliest of its
//! end, its grace and its next settlement (`SettlementInterval` after the last check). An
//! attestation on time writes only its provider's book, whatever the number of lines; a late
//! one also settles its lease.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod genesis;
mod impls;
// Invariants are also checked by the runtime's own tests, which build with `std`.
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod invariants;
mod lease;
pub mod market_index;
pub mod migrations;
mod offers;
mod orders;
pub mod pricing;
pub mod queries;
pub mod runtime_api;
mod schedule;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use genesis::GenesisLease;
pub use market_index::{IndexKey, Shelf};
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::leases";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use ember_primitives::{
		Balance, CloseReason, DeliveredGpuTime, LeaseId, LeaseOffenceReporter, OfferId, OrderId,
		ProviderRegistry, ProviderStake, WorkloadStatus,
	};
	use frame_support::{pallet_prelude::*, traits::fungible};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The runtime's hold reasons, which include this pallet's [`HoldReason`].
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency escrow and deposits are held in.
		type Currency: fungible::Inspect<Self::AccountId, Balance = Balance>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::InspectHold<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The provider registry: agents, status, inventory and region.
		type Registry: ProviderRegistry<Self::AccountId>;

		/// Which GPUs have recently proven their compute: only those are bid or listed.
		type Proofs: ember_primitives::GpuProofs<Self::AccountId>;

		/// The stake behind each provider, which breaks ties between equal bids.
		type Stake: ProviderStake<Self::AccountId, Balance>;

		/// Where provider faults go (the slashing pallet).
		type Offences: LeaseOffenceReporter<Self::AccountId, Balance, BlockNumberFor<Self>>;

		/// Who hears about paid GPU-time (the emissions pallet).
		type Delivery: DeliveredGpuTime<Self::AccountId, Balance>;

		/// Who may close leases and set the protocol fee (governance).
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Blocks in an hour: prices are per GPU-hour.
		#[pallet::constant]
		type BlocksPerHour: Get<u32>;

		/// Refundable deposit held for each order and each lease, for the storage they use.
		#[pallet::constant]
		type StorageDeposit: Get<Balance>;

		/// Shortest bid window, in blocks.
		#[pallet::constant]
		type MinBidWindow: Get<BlockNumberFor<Self>>;

		/// Longest bid window, in blocks.
		#[pallet::constant]
		type MaxBidWindow: Get<BlockNumberFor<Self>>;

		/// Longest a lease may run ahead of the current block, in blocks.
		#[pallet::constant]
		type MaxLeaseDuration: Get<BlockNumberFor<Self>>;

		/// How long one attestation covers a lease, in blocks. Set it to the time a silent
		/// provider takes to be marked Offline, so that only time in which the provider was not
		/// Offline is paid.
		#[pallet::constant]
		type AttestationTolerance: Get<BlockNumberFor<Self>>;

		/// How long before its escrow runs out a lease enters grace, in blocks.
		#[pallet::constant]
		type GracePeriod: Get<BlockNumberFor<Self>>;

		/// How long a provider may stay Offline before its leases close, in blocks.
		#[pallet::constant]
		type OfflineLimit: Get<BlockNumberFor<Self>>;

		/// Longest a running lease goes unsettled, in blocks: its check comes at least this
		/// often, and pays its provider for the attested time. Attestations move no money, so
		/// this (with top-ups, closes and grace) is when a provider is paid; every lease is
		/// checked once per interval, so it also sets the lease hook's steady load.
		#[pallet::constant]
		type SettlementInterval: Get<BlockNumberFor<Self>>;

		/// Most GPUs in one order, bid, offer or lease.
		#[pallet::constant]
		type MaxGpusPerLease: Get<u32>;

		/// Most open bids on one order.
		#[pallet::constant]
		type MaxBidsPerOrder: Get<u32>;

		/// Most open orders of one tenant.
		#[pallet::constant]
		type MaxOrdersPerTenant: Get<u32>;

		/// Most running leases of one tenant.
		#[pallet::constant]
		type MaxLeasesPerTenant: Get<u32>;

		/// Most running leases of one provider; bounds what closing them all at once costs.
		#[pallet::constant]
		type MaxLeasesPerProvider: Get<u32>;

		/// Most listed offers of one provider.
		#[pallet::constant]
		type MaxOffersPerProvider: Get<u32>;

		/// Most bid windows and lease checks due in one block.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// Most providers whose offline limit falls in one block.
		#[pallet::constant]
		type MaxOfflineLimitsPerBlock: Get<u32>;

		/// Longest region label, in bytes.
		#[pallet::constant]
		type MaxRegionLen: Get<u32>;

		/// Most weight the block hook spends on the deadline queues: what does not fit waits,
		/// in order, for the next blocks (a share of the block, so that a burst of deadlines
		/// never crowds out transactions).
		#[pallet::constant]
		type HookBudget: Get<Weight>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need from other pallets.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A tenant's escrow for an order or a lease.
		Escrow,
		/// A tenant's refundable deposit for the storage of an order or a lease.
		StorageDeposit,
	}

	/// The protocol fee's default: 2 %.
	#[pallet::type_value]
	pub fn DefaultProtocolFee() -> Perbill {
		Perbill::from_percent(DEFAULT_PROTOCOL_FEE_PERCENT)
	}

	/// Share of every lease payment that is burned.
	#[pallet::storage]
	pub type ProtocolFee<T: Config> = StorageValue<_, Perbill, ValueQuery, DefaultProtocolFee>;

	/// The id the next order gets.
	#[pallet::storage]
	pub type NextOrderId<T: Config> = StorageValue<_, OrderId, ValueQuery>;

	/// The id the next lease gets.
	#[pallet::storage]
	pub type NextLeaseId<T: Config> = StorageValue<_, LeaseId, ValueQuery>;

	/// The id the next offer gets.
	#[pallet::storage]
	pub type NextOfferId<T: Config> = StorageValue<_, OfferId, ValueQuery>;

	/// Open orders.
	#[pallet::storage]
	pub type Orders<T: Config> = StorageMap<_, Twox64Concat, OrderId, Order<T>, OptionQuery>;

	/// Open bids, by order and provider (owner account).
	#[pallet::storage]
	pub type Bids<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		OrderId,
		Blake2_128Concat,
		T::AccountId,
		Bid<T>,
		OptionQuery,
	>;

	/// Each tenant's open orders.
	#[pallet::storage]
	pub type OrdersOfTenant<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<OrderId, T::MaxOrdersPerTenant>,
		ValueQuery,
	>;

	/// Listed direct-rent offers.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<_, Twox64Concat, OfferId, Offer<T>, OptionQuery>;

	/// The open orders in order of price, highest first, on each of their shelves (see
	/// [`market_index`]). Its keys are stored unhashed so that they sort: a tenant picks the
	/// price bytes and so may lengthen the trie path to its own entries (by 24 bytes at most);
	/// each entry costs it an order's deposit, and the listings read a bounded number.
	#[pallet::storage]
	pub type OrderIndex<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Shelf, Identity, IndexKey, (), OptionQuery>;

	/// The listed offers in order of price, lowest first (see [`market_index`]).
	#[pallet::storage]
	pub type OfferIndex<T: Config> = StorageMap<_, Identity, IndexKey, (), OptionQuery>;

	/// Running leases.
	#[pallet::storage]
	pub type Leases<T: Config> = StorageMap<_, Twox64Concat, LeaseId, Lease<T>, OptionQuery>;

	/// Each tenant's running leases.
	#[pallet::storage]
	pub type LeasesOfTenant<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<LeaseId, T::MaxLeasesPerTenant>,
		ValueQuery,
	>;

	/// Each provider's bids, offers, leases and committed GPU count; absent when it has none.
	#[pallet::storage]
	pub type Books<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ProviderBook<T>, ValueQuery>;

	/// What each committed GPU is committed to, by provider and GPU UUID hash.
	#[pallet::storage]
	pub type CommittedGpus<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Identity,
		ember_primitives::GpuUuidHash,
		Commitment,
		OptionQuery,
	>;

	/// Bid windows ending and lease checks due, by block.
	#[pallet::storage]
	pub type Due<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, DueBucketOf<T>, ValueQuery>;

	/// The oldest block whose `Due` queue still holds entries the hook had no budget for; the
	/// next block's hook resumes there. `None` when the hook is up to date.
	#[pallet::storage]
	pub type DueBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The oldest block whose `OfflineDue` queue still holds providers the hook had no budget
	/// for. `None` when the hook is up to date.
	#[pallet::storage]
	pub type OfflineDueBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// Providers reaching the offline limit, by block.
	#[pallet::storage]
	pub type OfflineDue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<T::AccountId, T::MaxOfflineLimitsPerBlock>,
		ValueQuery,
	>;

	/// Providers that went Offline with running leases: when, and the block their leases close
	/// at unless they come back (`None` when no queue had room).
	#[pallet::storage]
	pub type OfflineSince<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		(BlockNumberFor<T>, Option<BlockNumberFor<T>>),
		OptionQuery,
	>;

	/// The prices of the last `RECENT_PRICES` leases, a ring indexed by `RecentPriceCursor`.
	#[pallet::storage]
	pub type RecentPrices<T: Config> =
		StorageMap<_, Twox64Concat, u32, PricePoint<BlockNumberFor<T>>, OptionQuery>;

	/// Where the next price goes in `RecentPrices`.
	#[pallet::storage]
	pub type RecentPriceCursor<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A tenant opened an order.
		OrderCreated {
			/// The new order.
			order: OrderId,
			/// The tenant.
			tenant: T::AccountId,
			/// Number of GPUs asked for.
			gpus: u32,
			/// Lease length in blocks.
			duration: BlockNumberFor<T>,
			/// Highest acceptable price per GPU-hour.
			max_price_per_gpu_hour: Balance,
			/// The first block in which no more bids are taken.
			bid_window_end: BlockNumberFor<T>,
			/// Worst-case cost held from the tenant.
			escrow: Balance,
		},
		/// A tenant cancelled its order; its hold and deposit are released.
		OrderCancelled {
			/// The order.
			order: OrderId,
			/// The tenant.
			tenant: T::AccountId,
		},
		/// An order's bid window ended with no acceptable bid (or without auto-award); its hold
		/// and deposit are released.
		OrderExpired {
			/// The order.
			order: OrderId,
			/// The tenant.
			tenant: T::AccountId,
		},
		/// A provider bid on an order.
		BidPlaced {
			/// The order.
			order: OrderId,
			/// The provider (owner account).
			provider: T::AccountId,
			/// Price per GPU-hour.
			price_per_gpu_hour: Balance,
		},
		/// A provider withdrew its bid; its GPUs are free again.
		BidWithdrawn {
			/// The order.
			order: OrderId,
			/// The provider (owner account).
			provider: T::AccountId,
		},
		/// A provider listed GPUs for direct rent.
		OfferListed {
			/// The new offer.
			offer: OfferId,
			/// The provider (owner account).
			provider: T::AccountId,
			/// Number of GPUs listed.
			gpus: u32,
			/// Price per GPU-hour.
			price_per_gpu_hour: Balance,
			/// Longest lease accepted, in blocks.
			max_duration: BlockNumberFor<T>,
		},
		/// A provider withdrew an offer; its unrented GPUs are free again.
		OfferUnlisted {
			/// The offer.
			offer: OfferId,
			/// The provider (owner account).
			provider: T::AccountId,
		},
		/// A lease started: awarded on an order or rented from an offer.
		LeaseStarted {
			/// The new lease.
			lease: LeaseId,
			/// The tenant.
			tenant: T::AccountId,
			/// The provider (owner account).
			provider: T::AccountId,
			/// The order or offer it came from.
			origin: LeaseOrigin,
			/// Number of GPUs leased.
			gpus: u32,
			/// Price per GPU-hour.
			price_per_gpu_hour: Balance,
			/// The block it ends at.
			end: BlockNumberFor<T>,
			/// Escrow held for it.
			escrow: Balance,
		},
		/// The provider's agent attested a lease.
		LeaseAttested {
			/// The lease.
			lease: LeaseId,
			/// State of the workload.
			status: WorkloadStatus,
			/// Mean GPU utilization, in percent.
			gpu_utilization_pct: u8,
			/// Device memory in use, in MiB.
			memory_used_mib: u32,
		},
		/// An attestation line was ignored: the lease does not exist or is not the provider's.
		AttestationIgnored {
			/// The provider (owner account) whose agent attested.
			provider: T::AccountId,
			/// The lease named.
			lease: LeaseId,
		},
		/// Time of a lease was settled.
		LeaseSettled {
			/// The lease.
			lease: LeaseId,
			/// Blocks paid for in this settlement.
			paid_blocks: BlockNumberFor<T>,
			/// Blocks settled unpaid: the provider had not attested in time (or, when the lease
			/// is about to close for lack of funds, the escrow no longer reached them).
			downtime_blocks: BlockNumberFor<T>,
			/// Amount the provider received.
			to_provider: Balance,
			/// Protocol fee burned.
			fee: Balance,
		},
		/// A lease's escrow runs out within the grace period: top it up or it closes.
		EscrowLow {
			/// The lease.
			lease: LeaseId,
			/// The tenant.
			tenant: T::AccountId,
			/// The block the escrow runs out at.
			funded_until: BlockNumberFor<T>,
		},
		/// A tenant added escrow to a lease.
		LeaseToppedUp {
			/// The lease.
			lease: LeaseId,
			/// Amount added.
			amount: Balance,
			/// The block the escrow now lasts until (or the lease's end).
			funded_until: BlockNumberFor<T>,
		},
		/// A tenant moved a lease's end later.
		LeaseExtended {
			/// The lease.
			lease: LeaseId,
			/// The new end block.
			end: BlockNumberFor<T>,
			/// The block the escrow lasts until (or the new end).
			funded_until: BlockNumberFor<T>,
		},
		/// A lease closed: what was owed is paid, the rest of the escrow and the deposit returned,
		/// and its GPUs are free.
		LeaseClosed {
			/// The lease.
			lease: LeaseId,
			/// The tenant.
			tenant: T::AccountId,
			/// The provider (owner account).
			provider: T::AccountId,
			/// Why it closed.
			reason: CloseReason,
			/// Total paid out of escrow over the lease, fees included.
			paid: Balance,
			/// Part of `paid` burned as the protocol fee.
			fees: Balance,
			/// Escrow returned to the tenant.
			refunded: Balance,
		},
		/// Governance set the protocol fee.
		ProtocolFeeSet {
			/// The new fee.
			fee: Perbill,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// An order or offer must name at least one GPU.
		ZeroGpus,
		/// More GPUs than one lease may have.
		TooManyGpus,
		/// A lease must last at least one block.
		ZeroDuration,
		/// The lease would run further ahead than `MaxLeaseDuration`.
		DurationTooLong,
		/// Prices must be positive.
		ZeroPrice,
		/// The cost does not fit in a balance.
		PriceOverflow,
		/// The bid window is shorter than `MinBidWindow` or longer than `MaxBidWindow`.
		BadBidWindow,
		/// The tenant's free balance does not cover the escrow and deposit.
		InsufficientBalance,
		/// The tenant has as many open orders as allowed.
		TooManyOrders,
		/// No such order is open.
		UnknownOrder,
		/// Only the order's tenant may do this.
		NotOrderTenant,
		/// The order's bid window has ended.
		BiddingClosed,
		/// The caller is no provider's agent key.
		NotAgent,
		/// The provider is not taking new work (Offline, Jailed, Leaving or paused).
		ProviderUnavailable,
		/// A provider cannot bid on or rent from its own business.
		OwnBusiness,
		/// The price is above the order's maximum.
		PriceAboveMax,
		/// The bid names a different number of GPUs than the order asks for.
		WrongGpuCount,
		/// A named GPU is not in the provider's inventory.
		UnknownGpu,
		/// A named GPU does not meet the order's requirement.
		GpuMismatch,
		/// A named GPU is named twice.
		DuplicateGpu,
		/// A named GPU is already committed to a bid, offer or lease.
		GpuCommitted,
		/// A named GPU holds no recent proof of compute: it must pass a challenge first (checked
		/// when it is bid or listed, and again when its lease starts).
		GpuNotProven,
		/// A named GPU is in a challenge not yet committed (a few blocks): try again shortly.
		GpuChallenged,
		/// The provider is not in the order's region.
		WrongRegion,
		/// The provider already bid on this order.
		AlreadyBid,
		/// The order has as many bids as allowed.
		TooManyBids,
		/// The provider has no bid on this order.
		UnknownBid,
		/// No such offer is listed.
		UnknownOffer,
		/// Only the offer's provider may do this.
		NotOfferProvider,
		/// The provider has as many offers as allowed.
		TooManyOffers,
		/// The offer has fewer unrented GPUs than asked for.
		NotEnoughGpus,
		/// The offer's price is above the tenant's limit.
		OfferAboveMaxPrice,
		/// No such lease is running (it may have closed already).
		UnknownLease,
		/// Only the lease's tenant may do this.
		NotLeaseTenant,
		/// Only the lease's tenant or provider may do this.
		NotLeaseParty,
		/// The tenant has as many running leases as allowed.
		TooManyLeases,
		/// The provider has as many running leases as allowed.
		ProviderLeaseLimit,
		/// The amount must be positive.
		ZeroAmount,
		/// No block near the wanted one has room in its deadline queue; try again later.
		DueQueueFull,
		/// The provider has not agreed to a longer lease: only a lease rented from an offer
		/// still listed at a price no higher than the lease's can be extended, within the
		/// offer's longest duration. Order or rent again instead.
		ExtensionNotOffered,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// How many later blocks a deadline may move to when its own block's queue is full.
		#[pallet::constant_name(DueSpillBlocks)]
		fn due_spill_blocks() -> u32 {
			DUE_SPILL_BLOCKS
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Leases running from genesis, in order (their ids count from 0); their providers come
		/// from the registry's genesis, their tenants' funds from the balances genesis.
		pub leases: alloc::vec::Vec<GenesisLease<T::AccountId, BlockNumberFor<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for lease in &self.leases {
				// A chain cannot start with a lease its own rules refuse.
				if let Err(error) = Pallet::<T>::lease_at_genesis(lease) {
					panic!("leases genesis: a lease of {:?} refused: {error:?}", lease.tenant);
				}
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_due(now)
		}

		fn integrity_test() {
			assert!(T::BlocksPerHour::get() > 0, "BlocksPerHour must be positive");
			assert!(T::MaxGpusPerLease::get() > 0, "MaxGpusPerLease must be positive");
			assert!(T::MaxDuePerBlock::get() > 0, "MaxDuePerBlock must be positive");
			// A zero limit would close every lease of a provider the block it goes Offline, and
			// recheck a silent lease every block.
			assert!(T::OfflineLimit::get() > Zero::zero(), "OfflineLimit must be positive");
			// A zero interval would check every lease every block.
			assert!(
				T::SettlementInterval::get() > Zero::zero(),
				"SettlementInterval must be positive"
			);
			assert!(T::MinBidWindow::get() > Zero::zero(), "MinBidWindow must be positive");
			assert!(T::MinBidWindow::get() <= T::MaxBidWindow::get(), "bid window bounds reversed");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state(now)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Order GPUs.
		///
		/// Holds the worst-case cost (`requirement.count` GPUs for `duration` blocks at
		/// `max_price_per_gpu_hour`) and the storage deposit at once. Providers bid until
		/// `bid_window` blocks from now; accept a bid with `accept_bid`, or set `auto_award` to
		/// have the best bid accepted when the window ends. `manifest_hash` is the BLAKE2-256
		/// hash of the workload manifest you will send the provider; `region` restricts bids
		/// to providers in that region.
		///
		/// Fails with `ZeroGpus`, `TooManyGpus`, `ZeroDuration`, `DurationTooLong`, `ZeroPrice`,
		/// `PriceOverflow`, `BadBidWindow`, `TooManyOrders`, `InsufficientBalance` or
		/// `DueQueueFull`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_order())]
		#[allow(clippy::too_many_arguments)]
		pub fn create_order(
			origin: OriginFor<T>,
			requirement: GpuRequirement,
			duration: BlockNumberFor<T>,
			max_price_per_gpu_hour: Balance,
			manifest_hash: H256,
			region: Option<RegionOf<T>>,
			bid_window: BlockNumberFor<T>,
			auto_award: bool,
		) -> DispatchResult {
			let tenant = ensure_signed(origin)?;
			Self::do_create_order(
				tenant,
				requirement,
				duration,
				max_price_per_gpu_hour,
				manifest_hash,
				region,
				bid_window,
				auto_award,
			)
		}

		/// Cancel an open order: its bids are dropped, their GPUs freed, and the hold and
		/// deposit released.
		///
		/// Only the order's tenant may call it. Fails with `UnknownOrder` or `NotOrderTenant`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_order(T::MaxBidsPerOrder::get()))]
		pub fn cancel_order(origin: OriginFor<T>, order: OrderId) -> DispatchResultWithPostInfo {
			let tenant = ensure_signed(origin)?;
			let bids = Self::do_cancel_order(tenant, order)?;
			Ok(Some(T::WeightInfo::cancel_order(bids)).into())
		}

		/// Bid on an order with some of the provider's free GPUs.
		///
		/// Only a provider's agent key may call it, for an Active, unpaused provider, while the
		/// order's bid window is open. `gpus` names exactly as many of the provider's GPUs as
		/// the order asks for, each meeting the requirement and committed nowhere else; they
		/// stay committed until the bid is withdrawn or the order is settled.
		///
		/// Fails with `NotAgent`, `ProviderUnavailable`, `UnknownOrder`, `BiddingClosed`,
		/// `OwnBusiness`, `ZeroPrice`, `PriceAboveMax`, `WrongRegion`, `AlreadyBid`,
		/// `TooManyBids`, `WrongGpuCount`, `DuplicateGpu`, `UnknownGpu`, `GpuMismatch` or
		/// `GpuCommitted`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::place_bid(T::MaxGpusPerLease::get()))]
		pub fn place_bid(
			origin: OriginFor<T>,
			order: OrderId,
			price_per_gpu_hour: Balance,
			gpus: LeaseGpusOf<T>,
		) -> DispatchResult {
			let agent = ensure_signed(origin)?;
			Self::do_place_bid(agent, order, price_per_gpu_hour, gpus)
		}

		/// Withdraw a bid before the order is awarded; its GPUs are free again.
		///
		/// Only the provider's agent key may call it. Fails with `NotAgent` or `UnknownBid`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_bid(T::MaxGpusPerLease::get()))]
		pub fn withdraw_bid(origin: OriginFor<T>, order: OrderId) -> DispatchResult {
			let agent = ensure_signed(origin)?;
			Self::do_withdraw_bid(agent, order)
		}

		/// Accept a provider's bid: the lease starts now at the bid's price, the other bids are
		/// dropped, and the hold beyond what the lease costs is released.
		///
		/// Only the order's tenant may call it, while the bid window is open. Fails with
		/// `UnknownOrder`, `NotOrderTenant`, `BiddingClosed`, `UnknownBid`,
		/// `ProviderUnavailable`, `GpuNotProven` (a bid GPU lost its proof of compute since),
		/// `GpuChallenged` (a bid GPU is in a challenge's first few blocks), `TooManyLeases`,
		/// `ProviderLeaseLimit` or `DueQueueFull`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::accept_bid(T::MaxBidsPerOrder::get()))]
		pub fn accept_bid(
			origin: OriginFor<T>,
			order: OrderId,
			provider: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let tenant = ensure_signed(origin)?;
			let bids = Self::do_accept_bid(tenant, order, provider)?;
			Ok(Some(T::WeightInfo::accept_bid(bids)).into())
		}

		/// List some of the provider's free GPUs at a fixed price for anyone to rent at once.
		///
		/// Only a provider's agent key may call it, for an Active, unpaused provider. The GPUs
		/// stay committed to the offer until it is unlisted; rented ones come back to it when
		/// their lease ends.
		///
		/// Fails with `NotAgent`, `ProviderUnavailable`, `ZeroGpus`, `ZeroPrice`,
		/// `ZeroDuration`, `DurationTooLong`, `PriceOverflow`, `TooManyOffers`, `DuplicateGpu`,
		/// `UnknownGpu` or `GpuCommitted`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::list_offer(T::MaxGpusPerLease::get()))]
		pub fn list_offer(
			origin: OriginFor<T>,
			gpus: LeaseGpusOf<T>,
			price_per_gpu_hour: Balance,
			max_duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let agent = ensure_signed(origin)?;
			Self::do_list_offer(agent, gpus, price_per_gpu_hour, max_duration)
		}

		/// Withdraw an offer; its unrented GPUs are free again and running leases continue.
		///
		/// Only the provider's agent key may call it. Fails with `NotAgent`, `UnknownOffer` or
		/// `NotOfferProvider`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::unlist_offer(T::MaxGpusPerLease::get()))]
		pub fn unlist_offer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
			let agent = ensure_signed(origin)?;
			Self::do_unlist_offer(agent, offer)
		}

		/// Rent `gpus` GPUs of an offer for `duration` blocks at once, with no auction.
		///
		/// Holds the lease's cost and the storage deposit. `max_price_per_gpu_hour` guards
		/// against paying more than you expect. `manifest_hash` is the BLAKE2-256 hash of the
		/// workload manifest you will send the provider.
		///
		/// Fails with `UnknownOffer`, `OwnBusiness`, `ProviderUnavailable`, `ZeroGpus`,
		/// `NotEnoughGpus`, `ZeroDuration`, `DurationTooLong`, `OfferAboveMaxPrice`,
		/// `PriceOverflow`, `GpuNotProven` (fewer listed GPUs than asked hold a proof of compute
		/// and are out of a challenge's first few blocks; the first such are leased),
		/// `TooManyLeases`, `ProviderLeaseLimit`, `InsufficientBalance` or `DueQueueFull`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::rent(T::MaxGpusPerLease::get()))]
		pub fn rent(
			origin: OriginFor<T>,
			offer: OfferId,
			gpus: u32,
			duration: BlockNumberFor<T>,
			max_price_per_gpu_hour: Balance,
			manifest_hash: H256,
		) -> DispatchResult {
			let tenant = ensure_signed(origin)?;
			Self::do_rent(tenant, offer, gpus, duration, max_price_per_gpu_hour, manifest_hash)
		}

		/// Add `amount` to a lease's escrow. The lease is settled first; a lease in grace
		/// whose escrow now lasts past the grace period is Active again.
		///
		/// Only the lease's tenant may call it. Fails with `UnknownLease`, `NotLeaseTenant`,
		/// `ZeroAmount`, `InsufficientBalance` or `DueQueueFull`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::top_up())]
		pub fn top_up(origin: OriginFor<T>, lease: LeaseId, amount: Balance) -> DispatchResult {
			let tenant = ensure_signed(origin)?;
			Self::do_top_up(tenant, lease, amount)
		}

		/// Move a lease's end `blocks` blocks later. Nothing is held: pay for the extra time
		/// with `top_up` (in the same batch, or before the escrow runs low).
		///
		/// The provider agreed only to the lease's original end, so an extension needs its
		/// standing consent: the lease was rented from an offer that is still listed, at a price
		/// no higher than the lease's, and the whole lease stays within the offer's longest
		/// duration, and the provider takes work now. A lease won through an order cannot be
		/// extended: order again.
		///
		/// Only the lease's tenant may call it. Fails with `UnknownLease`, `NotLeaseTenant`,
		/// `ZeroDuration`, `DurationTooLong`, `ProviderUnavailable`, `ExtensionNotOffered` or
		/// `DueQueueFull`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::extend())]
		pub fn extend(
			origin: OriginFor<T>,
			lease: LeaseId,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			let tenant = ensure_signed(origin)?;
			Self::do_extend(tenant, lease, blocks)
		}

		/// Close a lease now: the owed time is paid, the rest of the escrow and the deposit go
		/// back to the tenant, and the GPUs are free.
		///
		/// The tenant may close at any time. The provider's owner or agent may close too, but
		/// before the lease's end that is an early close, reported as an offence. Fails with
		/// `UnknownLease` or `NotLeaseParty`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::close_lease())]
		pub fn close_lease(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_by(who, lease)
		}

		/// Close a lease by governance, settling it like any other close.
		///
		/// Only `ForceOrigin` may call it. Fails with `UnknownLease`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::close_lease())]
		pub fn force_close_lease(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			let record = Leases::<T>::get(lease).ok_or(Error::<T>::UnknownLease)?;
			Self::close(lease, record, CloseReason::Governance);
			Ok(())
		}

		/// Set the share of every lease payment that is burned.
		///
		/// Only `ForceOrigin` may call it.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_protocol_fee())]
		pub fn set_protocol_fee(origin: OriginFor<T>, fee: Perbill) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			ProtocolFee::<T>::put(fee);
			Self::deposit_event(Event::ProtocolFeeSet { fee });
			Ok(())
		}
	}
}
