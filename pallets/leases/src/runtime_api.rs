//! The runtime API through which nodes, wallets and the provider agent read the market, and the
//! views it returns. The node serves it as the `ember_*` JSON-RPC methods.

use crate::{
	market_index::IndexKey,
	types::{GpuRequirement, LeaseOrigin, LeaseStatus, PriceQuote, UsageReport},
};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use ember_primitives::{
	Balance, ComputeCapability, GpuModelName, GpuSpec, GpuUuidHash, LeaseId, OfferId, OrderId,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// Which open orders to list: those a provider with these GPUs could serve.
#[derive(Clone, Debug, Decode, Default, Encode, Eq, PartialEq, TypeInfo)]
pub struct OrderFilter {
	/// Only orders a GPU of this model, memory and compute capability meets.
	pub gpu: Option<GpuFilter>,
	/// Only orders asking for at most this many GPUs.
	pub max_gpus: Option<u32>,
	/// Only orders open to providers in this region (orders with no region always match).
	pub region: Option<Vec<u8>>,
}

/// Which offers to list.
#[derive(Clone, Debug, Decode, Default, Encode, Eq, PartialEq, TypeInfo)]
pub struct OfferFilter {
	/// Only offers with an unrented GPU of this model.
	pub model: Option<GpuModelName>,
	/// Only offers with at least this many unrented GPUs.
	pub min_gpus: Option<u32>,
	/// Only offers at this price per GPU-hour or lower.
	pub max_price_per_gpu_hour: Option<Balance>,
}

/// One page of a listing.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct Page<Item> {
	/// The entries, in the listing's order.
	pub items: Vec<Item>,
	/// Where the next page starts (pass it as `after`); `None` when the listing ended. A page
	/// may hold fewer entries than asked for, even none, and still have a next one: a query
	/// looks at a bounded number of index entries.
	pub next: Option<IndexKey>,
}

/// A GPU to match orders against.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct GpuFilter {
	/// Model name as NVML reports it.
	pub model: GpuModelName,
	/// Device memory in MiB.
	pub vram_mib: u32,
	/// CUDA compute capability.
	pub compute_capability: ComputeCapability,
}

/// An open order.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct OrderView<AccountId, BlockNumber> {
	/// The order's id.
	pub id: OrderId,
	/// Who ordered.
	pub tenant: AccountId,
	/// The GPUs wanted.
	pub requirement: GpuRequirement,
	/// Lease length in blocks.
	pub duration: BlockNumber,
	/// Highest acceptable price per GPU-hour.
	pub max_price_per_gpu_hour: Balance,
	/// Hash of the workload manifest.
	pub manifest_hash: H256,
	/// The region asked for.
	pub region: Option<Vec<u8>>,
	/// Whether the best bid wins by itself when the window ends.
	pub auto_award: bool,
	/// The first block in which no more bids are taken.
	pub bid_window_end: BlockNumber,
	/// Number of open bids.
	pub bids: u32,
}

/// An open bid.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct BidView<AccountId, BlockNumber> {
	/// The bidding provider (owner account).
	pub provider: AccountId,
	/// Price per GPU-hour.
	pub price_per_gpu_hour: Balance,
	/// The GPUs committed.
	pub gpus: Vec<GpuUuidHash>,
	/// The block it was placed in.
	pub placed_at: BlockNumber,
}

/// A direct-rent offer.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct OfferView<AccountId, BlockNumber> {
	/// The offer's id.
	pub id: OfferId,
	/// The provider (owner account).
	pub provider: AccountId,
	/// The unrented GPUs listed.
	pub available: Vec<GpuSpec>,
	/// How many of its GPUs are rented now.
	pub rented: u32,
	/// Price per GPU-hour.
	pub price_per_gpu_hour: Balance,
	/// Longest lease accepted, in blocks.
	pub max_duration: BlockNumber,
}

/// A running lease.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct LeaseView<AccountId, BlockNumber> {
	/// The lease's id.
	pub id: LeaseId,
	/// Who pays.
	pub tenant: AccountId,
	/// The provider (owner account).
	pub provider: AccountId,
	/// The order or offer it came from.
	pub origin: LeaseOrigin,
	/// The leased GPUs.
	pub gpus: Vec<GpuUuidHash>,
	/// Price per GPU-hour.
	pub price_per_gpu_hour: Balance,
	/// Hash of the workload manifest.
	pub manifest_hash: H256,
	/// The block it started in.
	pub start: BlockNumber,
	/// The block it ends at.
	pub end: BlockNumber,
	/// Escrow still held.
	pub escrow: Balance,
	/// Time settled up to this block.
	pub settled_until: BlockNumber,
	/// The block the escrow runs out at (or the end, when it lasts).
	pub funded_until: BlockNumber,
	/// Paid so far, fees included.
	pub paid: Balance,
	/// Fees burned so far.
	pub fees: Balance,
	/// Blocks not paid because the provider was not attesting.
	pub downtime_blocks: BlockNumber,
	/// Whether the escrow is healthy.
	pub status: LeaseStatus,
	/// Owed to the provider for attested time since `settled_until`, paid out of `escrow` at
	/// the next settlement.
	pub unsettled: Balance,
	/// The agent's last report.
	pub last_report: Option<UsageReport<BlockNumber>>,
}

/// A running lease as version 1 of [`LeasesApi`] returned it, before settlement was lazy (every
/// attestation settled, so nothing attested was left unsettled).
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct LeaseViewV1<AccountId, BlockNumber> {
	pub id: LeaseId,
	pub tenant: AccountId,
	pub provider: AccountId,
	pub origin: LeaseOrigin,
	pub gpus: Vec<GpuUuidHash>,
	pub price_per_gpu_hour: Balance,
	pub manifest_hash: H256,
	pub start: BlockNumber,
	pub end: BlockNumber,
	pub escrow: Balance,
	pub settled_until: BlockNumber,
	pub funded_until: BlockNumber,
	pub paid: Balance,
	pub fees: Balance,
	pub downtime_blocks: BlockNumber,
	pub status: LeaseStatus,
	pub last_report: Option<UsageReport<BlockNumber>>,
}

impl<AccountId, BlockNumber> From<LeaseViewV1<AccountId, BlockNumber>>
	for LeaseView<AccountId, BlockNumber>
{
	fn from(old: LeaseViewV1<AccountId, BlockNumber>) -> Self {
		Self {
			id: old.id,
			tenant: old.tenant,
			provider: old.provider,
			origin: old.origin,
			gpus: old.gpus,
			price_per_gpu_hour: old.price_per_gpu_hour,
			manifest_hash: old.manifest_hash,
			start: old.start,
			end: old.end,
			escrow: old.escrow,
			settled_until: old.settled_until,
			funded_until: old.funded_until,
			paid: old.paid,
			fees: old.fees,
			downtime_blocks: old.downtime_blocks,
			status: old.status,
			unsettled: 0,
			last_report: old.last_report,
		}
	}
}

/// A provider's GPUs that no bid, offer or lease holds.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub struct FreeGpus {
	/// The free GPUs.
	pub gpus: Vec<GpuSpec>,
	/// Whether the provider takes new work now (Active and not paused).
	pub accepts_work: bool,
}

sp_api::decl_runtime_apis! {
	/// Read access to the lease market. Version 2 adds `unsettled` to the lease views; version 3
	/// lists orders and offers by price from ordered indexes, a page at a time.
	#[api_version(3)]
	pub trait LeasesApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Open orders matching `filter`, oldest first, starting after order `after`, at most
		/// `limit` (capped at 256): versions 1 and 2.
		#[changed_in(3)]
		fn open_orders(
			filter: OrderFilter,
			after: Option<OrderId>,
			limit: u32,
		) -> Vec<OrderView<AccountId, BlockNumber>>;

		/// Open orders matching `filter`, the highest price per GPU-hour first (then the
		/// oldest), starting after `after` (a page's `next`), at most `limit` (capped at 256).
		fn open_orders(
			filter: OrderFilter,
			after: Option<IndexKey>,
			limit: u32,
		) -> Page<OrderView<AccountId, BlockNumber>>;

		/// One open order.
		fn order(id: OrderId) -> Option<OrderView<AccountId, BlockNumber>>;

		/// The open bids of an order, best first.
		fn bids_of(order: OrderId) -> Vec<BidView<AccountId, BlockNumber>>;

		/// Listed offers, oldest first, starting after offer `after`, at most `limit` (capped at
		/// 256): versions 1 and 2.
		#[changed_in(3)]
		fn offers(after: Option<OfferId>, limit: u32) -> Vec<OfferView<AccountId, BlockNumber>>;

		/// Listed offers matching `filter`, the lowest price per GPU-hour first (then the
		/// oldest), starting after `after` (a page's `next`), at most `limit` (capped at 256).
		fn offers(
			filter: OfferFilter,
			after: Option<IndexKey>,
			limit: u32,
		) -> Page<OfferView<AccountId, BlockNumber>>;

		/// One running lease, as version 1 returned it.
		#[changed_in(2)]
		fn lease(id: LeaseId) -> Option<LeaseViewV1<AccountId, BlockNumber>>;

		/// One running lease.
		fn lease(id: LeaseId) -> Option<LeaseView<AccountId, BlockNumber>>;

		/// The running leases of an account, as version 1 returned them.
		#[changed_in(2)]
		fn leases_of(account: AccountId) -> Vec<LeaseViewV1<AccountId, BlockNumber>>;

		/// The running leases of an account, as tenant and as provider.
		fn leases_of(account: AccountId) -> Vec<LeaseView<AccountId, BlockNumber>>;

		/// A provider's free GPUs; `None` when it is not registered.
		fn free_gpus(provider: AccountId) -> Option<FreeGpus>;

		/// A price quote for `requirement` over `duration` blocks, from the recent leases whose
		/// GPUs met it; `None` when there are none.
		fn quote(requirement: GpuRequirement, duration: BlockNumber) -> Option<PriceQuote>;
	}
}
