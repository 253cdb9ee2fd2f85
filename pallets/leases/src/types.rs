//! The records the lease market keeps: orders, bids, offers, leases, the GPUs each provider has
//! committed, and the entries of the per-block deadline queue.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use ember_primitives::{
	Balance, ComputeCapability, GpuModelName, GpuSpec, GpuUuidHash, LeaseId, OfferId, OrderId,
	WorkloadStatus,
};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;

/// Suggested protocol fee: 2 % of every lease payment is burned.
pub const DEFAULT_PROTOCOL_FEE_PERCENT: u32 = 2;

/// How many later blocks a deadline may move to when its own block's queue is full.
pub const DUE_SPILL_BLOCKS: u32 = 16;

/// How many recent lease prices the chain keeps for quotes.
pub const RECENT_PRICES: u32 = 64;

/// A region label such as `eu-west`.
pub type RegionOf<T> = BoundedVec<u8, <T as Config>::MaxRegionLen>;

/// The GPUs of a bid, offer or lease, by UUID hash.
pub type LeaseGpusOf<T> = BoundedVec<GpuUuidHash, <T as Config>::MaxGpusPerLease>;

/// The deadline queue of one block.
pub type DueBucketOf<T> = BoundedVec<DueItem, <T as Config>::MaxDuePerBlock>;

/// What GPUs an order asks for. A GPU meets it when it is of the named model (if one is named)
/// and has at least the memory and compute capability asked for; `min_vram_mib` and
/// `min_compute_capability` together describe a class of GPUs when no model is named.
#[derive(
	Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo,
)]
pub struct GpuRequirement {
	/// Exact model name as NVML reports it, e.g. `NVIDIA H100 80GB HBM3`; `None` takes any model.
	pub model: Option<GpuModelName>,
	/// Least device memory per GPU, in MiB.
	pub min_vram_mib: u32,
	/// Least CUDA compute capability.
	pub min_compute_capability: ComputeCapability,
	/// Number of GPUs wanted, all from one provider.
	pub count: u32,
}

impl GpuRequirement {
	/// Whether `gpu` meets the requirement (its count aside).
	pub fn is_met_by(&self, gpu: &GpuSpec) -> bool {
		self.admits(&gpu.model, gpu.vram_mib, gpu.compute_capability)
	}

	/// Whether a GPU of this model, memory and compute capability meets the requirement.
	pub fn admits(
		&self,
		model: &GpuModelName,
		vram_mib: u32,
		compute_capability: ComputeCapability,
	) -> bool {
		self.model.as_ref().is_none_or(|wanted| wanted == model)
			&& vram_mib >= self.min_vram_mib
			&& compute_capability >= self.min_compute_capability
	}
}

/// A tenant's request for GPUs, open for bids until `bid_window_end`.
#[derive(
	CloneNoBound, DebugNoBound, Decode, Encode, EqNoBound, MaxEncodedLen, PartialEqNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Order<T: Config> {
	/// Who pays, and who owns the lease.
	pub tenant: T::AccountId,
	/// The GPUs wanted.
	pub requirement: GpuRequirement,
	/// Lease length in blocks.
	pub duration: BlockNumberFor<T>,
	/// Highest acceptable price per GPU-hour, in plancks.
	pub max_price_per_gpu_hour: Balance,
	/// BLAKE2-256 hash of the workload manifest, which the tenant sends the provider off chain.
	pub manifest_hash: H256,
	/// The region the provider must be in, if any.
	pub region: Option<RegionOf<T>>,
	/// Whether the best bid is accepted by itself when the bid window ends.
	pub auto_award: bool,
	/// The block the order was created in.
	pub created_at: BlockNumberFor<T>,
	/// The first block in which no more bids are taken; the order is awarded or expires then.
	pub bid_window_end: BlockNumberFor<T>,
	/// The block whose deadline queue holds the order's window end: `bid_window_end`, or a
	/// later block when that queue was full.
	pub window_check: BlockNumberFor<T>,
	/// The worst-case cost held from the tenant: `count` GPUs for `duration` at the maximum price.
	pub escrow: Balance,
	/// The refundable storage deposit held from the tenant.
	pub deposit: Balance,
	/// Number of open bids.
	pub bids: u32,
}

/// A provider's offer on an order.
#[derive(
	CloneNoBound, DebugNoBound, Decode, Encode, EqNoBound, MaxEncodedLen, PartialEqNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Bid<T: Config> {
	/// Price per GPU-hour, in plancks; at most the order's maximum.
	pub price_per_gpu_hour: Balance,
	/// The provider's GPUs it commits, as many as the order asks for.
	pub gpus: LeaseGpusOf<T>,
	/// The block the bid was placed in; earlier bids win ties.
	pub placed_at: BlockNumberFor<T>,
}

/// GPUs a provider lists at a fixed price for anyone to rent at once.
#[derive(
	CloneNoBound, DebugNoBound, Decode, Encode, EqNoBound, MaxEncodedLen, PartialEqNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Offer<T: Config> {
	/// The provider (owner account).
	pub provider: T::AccountId,
	/// The listed GPUs that are not rented right now.
	pub available: LeaseGpusOf<T>,
	/// The listed GPUs rented right now; they come back to `available` when their lease ends.
	pub rented: u32,
	/// Price per GPU-hour, in plancks.
	pub price_per_gpu_hour: Balance,
	/// Longest lease the provider accepts on these GPUs, in blocks.
	pub max_duration: BlockNumberFor<T>,
	/// The block the offer was listed in.
	pub listed_at: BlockNumberFor<T>,
}

/// Where a lease came from.
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
pub enum LeaseOrigin {
	/// Awarded on an order.
	Order(OrderId),
	/// Rented from a direct offer.
	Offer(OfferId),
	/// Running since the chain's genesis (test networks and the scale harness).
	Genesis,
}

/// Whether a lease's escrow is healthy.
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
pub enum LeaseStatus {
	/// Running, with escrow for more than the grace period (or until its end).
	Active,
	/// Running, but its escrow runs out within the grace period; it closes when the escrow is
	/// exhausted unless the tenant tops up.
	Grace,
}

/// The last attestation the provider's agent made for a lease.
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
pub struct UsageReport<BlockNumber> {
	/// The block of the attestation.
	pub at: BlockNumber,
	/// The workload's state.
	pub status: WorkloadStatus,
	/// Mean GPU utilization, in percent.
	pub gpu_utilization_pct: u8,
	/// Device memory in use, in MiB.
	pub memory_used_mib: u32,
}

/// What an attestation reported of a lease's workload.
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
pub struct WorkloadUsage {
	/// The workload's state.
	pub status: WorkloadStatus,
	/// Mean GPU utilization, in percent.
	pub gpu_utilization_pct: u8,
	/// Device memory in use, in MiB.
	pub memory_used_mib: u32,
}

/// A running lease as its provider's book keeps it: when the provider last attested it, and
/// what it reported. Settlement pays attested time from here.
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
pub struct RunningLease<BlockNumber> {
	/// The lease.
	pub lease: LeaseId,
	/// The block of the provider's last attestation of the lease, or its start.
	pub attested_at: BlockNumber,
	/// What that attestation reported; `None` before the first.
	pub usage: Option<WorkloadUsage>,
	/// Whether the lease waits in no deadline queue (every queue near its check was full), so
	/// that its next attestation schedules it again.
	pub unscheduled: bool,
}

impl<BlockNumber: Copy> RunningLease<BlockNumber> {
	/// A lease that starts at `at`, which counts as its first attestation.
	pub fn started(lease: LeaseId, at: BlockNumber) -> Self {
		Self { lease, attested_at: at, usage: None, unscheduled: false }
	}

	/// The last report, as the lease's views show it.
	pub fn report(&self) -> Option<UsageReport<BlockNumber>> {
		self.usage.map(|usage| UsageReport {
			at: self.attested_at,
			status: usage.status,
			gpu_utilization_pct: usage.gpu_utilization_pct,
			memory_used_mib: usage.memory_used_mib,
		})
	}
}

/// A running lease: GPUs of one provider, reserved for one tenant, paid from escrow.
///
/// Accounting: time from `start` to `settled_until` has been settled, `paid_blocks` of it paid
/// for and `downtime_blocks` of it not (the provider had not attested in time, or the escrow ran
/// out). The provider has received `paid - fees`, `fees` were burned, and `escrow` is still held
/// from the tenant. What the provider last attested of the lease is kept in its book
/// ([`RunningLease`]), so that attesting writes one record per provider, not one per lease.
#[derive(
	CloneNoBound, DebugNoBound, Decode, Encode, EqNoBound, MaxEncodedLen, PartialEqNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Lease<T: Config> {
	/// Who pays.
	pub tenant: T::AccountId,
	/// The provider (owner account), who is paid.
	pub provider: T::AccountId,
	/// The order or offer it came from.
	pub origin: LeaseOrigin,
	/// The leased GPUs, by UUID hash.
	pub gpus: LeaseGpusOf<T>,
	/// Price per GPU-hour, in plancks.
	pub price_per_gpu_hour: Balance,
	/// BLAKE2-256 hash of the workload manifest.
	pub manifest_hash: H256,
	/// The block the lease started in.
	pub start: BlockNumberFor<T>,
	/// The block the lease ends at, unless closed before.
	pub end: BlockNumberFor<T>,
	/// Funds still held from the tenant to pay for the rest of the lease.
	pub escrow: Balance,
	/// The refundable storage deposit held from the tenant.
	pub deposit: Balance,
	/// Time up to this block has been settled.
	pub settled_until: BlockNumberFor<T>,
	/// Blocks paid for so far.
	pub paid_blocks: BlockNumberFor<T>,
	/// Blocks settled without payment: the provider had not attested in time (or the escrow no
	/// longer reached them, just before the lease closed for lack of funds).
	pub downtime_blocks: BlockNumberFor<T>,
	/// Total paid out of escrow so far, fees included.
	pub paid: Balance,
	/// Part of `paid` burned as the protocol fee.
	pub fees: Balance,
	/// Whether the escrow is healthy.
	pub status: LeaseStatus,
	/// The block whose deadline queue holds this lease's next check (expiry, grace, exhaustion
	/// or silence); `None` only when every queue near the wanted block was full.
	pub next_check: Option<BlockNumberFor<T>>,
}

impl<T: Config> Lease<T> {
	/// Number of leased GPUs.
	pub fn gpu_count(&self) -> u32 {
		u32::try_from(self.gpus.len()).unwrap_or(u32::MAX)
	}
}

/// What settling a lease moves: computed by `Pallet::settlement`, applied by `Pallet::settle`.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Settlement<BlockNumber> {
	/// Time is settled up to this block.
	pub until: BlockNumber,
	/// Blocks paid for now.
	pub paid_blocks: u32,
	/// Blocks settled without payment.
	pub unpaid: BlockNumber,
	/// Paid out of escrow, fee included.
	pub amount: Balance,
	/// Part of `amount` burned as the protocol fee.
	pub fee: Balance,
}

/// What keeps a GPU of a provider from other work.
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
pub enum Commitment {
	/// It backs an open bid on this order.
	Bid(OrderId),
	/// It is listed, unrented, in this offer.
	Offer(OfferId),
	/// It serves this lease.
	Lease(LeaseId),
}

/// A provider's standing business in the market.
#[derive(
	CloneNoBound,
	DebugNoBound,
	Decode,
	Encode,
	EqNoBound,
	MaxEncodedLen,
	PartialEqNoBound,
	TypeInfo,
	frame_support::DefaultNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ProviderBook<T: Config> {
	/// Open bids.
	pub bids: u32,
	/// Listed offers.
	pub offers: u32,
	/// Running leases, with what the provider last attested of each.
	pub leases: BoundedVec<RunningLease<BlockNumberFor<T>>, T::MaxLeasesPerProvider>,
	/// GPUs committed to bids, offers and leases together.
	pub committed_gpus: u32,
}

impl<T: Config> ProviderBook<T> {
	/// Whether the provider has no open business left.
	pub fn is_empty(&self) -> bool {
		self.bids == 0 && self.offers == 0 && self.leases.is_empty() && self.committed_gpus == 0
	}

	/// The ids of the running leases.
	pub fn lease_ids(&self) -> impl Iterator<Item = LeaseId> + '_ {
		self.leases.iter().map(|running| running.lease)
	}

	/// A running lease's entry.
	pub fn running(&self, lease: LeaseId) -> Option<&RunningLease<BlockNumberFor<T>>> {
		self.leases.iter().find(|running| running.lease == lease)
	}

	/// A running lease's entry, to change.
	pub fn running_mut(&mut self, lease: LeaseId) -> Option<&mut RunningLease<BlockNumberFor<T>>> {
		self.leases.iter_mut().find(|running| running.lease == lease)
	}
}

/// Something due at a block.
#[derive(
	Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo,
)]
pub enum DueItem {
	/// An order's bid window ends: award it or let it expire.
	BidWindowEnd(OrderId),
	/// A lease's next check: expiry, start of grace, exhausted escrow, or whether its provider
	/// still attests it (due when its last attestation would be older than
	/// `AttestationTolerance + OfflineLimit`). An attestation never moves it; a check that
	/// finds the lease attested since puts it back for the new limit.
	LeaseCheck(LeaseId),
	/// A separate silence check, as queued before a lease had one check for everything. Never
	/// queued any more; one left in a queue moves its lease's check to the earlier of the two.
	#[codec(index = 2)]
	LegacySilenceCheck(LeaseId),
}

/// A recent lease price, kept for quotes.
#[derive(
	Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo,
)]
pub struct PricePoint<BlockNumber> {
	/// Model of the leased GPUs (of the first, when they differ).
	pub model: GpuModelName,
	/// Memory of the smallest leased GPU, in MiB.
	pub vram_mib: u32,
	/// Lowest compute capability among the leased GPUs.
	pub compute_capability: ComputeCapability,
	/// Price per GPU-hour, in plancks.
	pub price_per_gpu_hour: Balance,
	/// The block the lease started in.
	pub at: BlockNumber,
}

/// A price quote for a requirement, from recent leases whose GPUs met it.
#[derive(Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, PartialEq, TypeInfo)]
pub struct PriceQuote {
	/// Number of recent leases the quote rests on.
	pub samples: u32,
	/// Lowest price per GPU-hour seen.
	pub min: Balance,
	/// Median price per GPU-hour.
	pub median: Balance,
	/// Highest price per GPU-hour seen.
	pub max: Balance,
	/// What `count` GPUs for `duration` blocks would cost at the median price.
	pub estimated_cost: Balance,
}

/// What the benchmarks need from outside this pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Register `owner` as an Active provider with agent `agent` and `gpus` GPUs of the
	/// benchmark model, bonding what that takes.
	fn register_provider(owner: &AccountId, agent: &AccountId, gpus: &[GpuSpec]);

	/// Mark the registered provider `owner` Offline in the registry, as missed heartbeats would,
	/// without telling the market (the benchmarks call `went_offline` themselves).
	fn set_offline(owner: &AccountId);

	/// Put every backer it may have behind the provider `owner` (a full list of delegators and
	/// as many displaced ones still unbonding), so that an offence it commits records (and
	/// later slashes) the largest exposure there is.
	fn back_fully(owner: &AccountId);
}
