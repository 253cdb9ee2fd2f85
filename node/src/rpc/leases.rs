//! `ember_*`: the lease market over JSON-RPC, for dApps, wallets, the provider agent and the CLI.
//!
//! Every method reads the `LeasesApi` runtime API at a block (`at`, the best block when omitted)
//! and answers in plain JSON: accounts as SS58 addresses, balances in plancks as decimal strings
//! (they do not fit a JavaScript number), hashes as `0x`-prefixed hex, GPU models and regions as
//! text, compute capabilities as `"major.minor"` and enums by variant name. Object keys are
//! camelCase; inputs also take the snake_case names of the chain's own types.

use std::{fmt, sync::Arc};

use ember_primitives::{ComputeCapability, GpuModelName, GpuSpec, WorkloadStatus};
use ember_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned},
};
use pallet_leases::{
	runtime_api::{
		BidView, FreeGpus, GpuFilter, LeaseView, LeasesApi, OfferFilter, OfferView, OrderFilter,
		OrderView, Page,
	},
	GpuRequirement, IndexKey, LeaseOrigin, LeaseStatus, PriceQuote, UsageReport,
};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use sp_api::{ApiError, ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;

/// How many entries a listing returns when the caller names no limit. The runtime caps any
/// limit at 256.
pub const DEFAULT_LIMIT: u32 = 100;

/// Error code of a failed runtime API call (no such block, or a runtime without the lease
/// market).
pub const RUNTIME_ERROR: i32 = 1;

/// The lease market's read methods.
#[rpc(server, namespace = "ember")]
pub trait LeasesRpcApi {
	/// Open orders that a provider with the GPU, GPU count and region of `filter` could serve
	/// (no filter: all of them), the highest price per GPU-hour first, then the oldest. Returns
	/// a page of at most `limit` orders (100 by default, 256 at most) and the cursor `next` to
	/// pass as `after` for the page after it (`null` at the end).
	#[method(name = "openOrders", blocking)]
	fn open_orders(
		&self,
		filter: Option<OrderFilterJson>,
		after: Option<CursorJson>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<OrderJson>>;

	/// One open order, or `null` when there is no open order with this id (it was awarded,
	/// cancelled, expired, or never existed).
	#[method(name = "order", blocking)]
	fn order(&self, id: u64, at: Option<Hash>) -> RpcResult<Option<OrderJson>>;

	/// The open bids of an order, best first: lowest price, then more stake behind the
	/// provider, then the earliest. Empty when the order has no bids or is not open.
	#[method(name = "orderBids", blocking)]
	fn order_bids(&self, order: u64, at: Option<Hash>) -> RpcResult<Vec<BidJson>>;

	/// Direct-rent offers matching `filter` (no filter: all of them) with their unrented GPUs,
	/// the lowest price per GPU-hour first, then the oldest. Pages as `ember_openOrders` does.
	#[method(name = "offers", blocking)]
	fn offers(
		&self,
		filter: Option<OfferFilterJson>,
		after: Option<CursorJson>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<OfferJson>>;

	/// One running lease, or `null` when no lease with this id is running.
	#[method(name = "lease", blocking)]
	fn lease(&self, id: u64, at: Option<Hash>) -> RpcResult<Option<LeaseJson>>;

	/// The running leases of an account (SS58 address), as tenant and as provider owner, by
	/// id.
	#[method(name = "leasesOf", blocking)]
	fn leases_of(&self, account: String, at: Option<Hash>) -> RpcResult<Vec<LeaseJson>>;

	/// The GPUs of a provider (its owner's SS58 address) that no bid, offer or lease holds,
	/// and whether it takes new work now; `null` when it is not registered.
	#[method(name = "freeGpus", blocking)]
	fn free_gpus(&self, provider: String, at: Option<Hash>) -> RpcResult<Option<FreeGpusJson>>;

	/// Prices of recent leases whose GPUs met `requirement`, and what its GPUs would cost for
	/// `duration` blocks at the median; `null` when no recent lease met it.
	#[method(name = "quote", blocking)]
	fn quote(
		&self,
		requirement: GpuRequirementJson,
		duration: BlockNumber,
		at: Option<Hash>,
	) -> RpcResult<Option<QuoteJson>>;
}

/// Serves [`LeasesRpcApiServer`] from a client's runtime API.
pub struct Leases<C> {
	client: Arc<C>,
}

impl<C> Leases<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> Leases<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
{
	/// Runs `call` on the runtime API at `at`, or at the best block.
	fn call<R>(
		&self,
		at: Option<Hash>,
		call: impl FnOnce(&C::Api, Hash) -> Result<R, ApiError>,
	) -> RpcResult<R> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		call(&self.client.runtime_api(), at).map_err(runtime_error)
	}
}

impl<C> Leases<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: LeasesApi<Block, AccountId, BlockNumber>,
{
	/// The `LeasesApi` version of the runtime at `at`: blocks of older runtimes are read with
	/// the version they had.
	fn api_version(api: &C::Api, at: Hash) -> Result<u32, ApiError> {
		let version = api.api_version::<dyn LeasesApi<Block, AccountId, BlockNumber>>(at)?;
		Ok(version.unwrap_or(1))
	}

	/// Whether the runtime at `at` has lease views with `unsettled` (`LeasesApi` version 2).
	fn lazy_settlement_at(api: &C::Api, at: Hash) -> Result<bool, ApiError> {
		Ok(Self::api_version(api, at)? >= 2)
	}

	/// Whether the runtime at `at` lists orders and offers by price from its indexes
	/// (`LeasesApi` version 3); older ones list them by id, and their pages go on from the last
	/// id.
	fn indexed_at(api: &C::Api, at: Hash) -> Result<bool, ApiError> {
		Ok(Self::api_version(api, at)? >= 3)
	}
}

impl<C> LeasesRpcApiServer for Leases<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: LeasesApi<Block, AccountId, BlockNumber>,
{
	fn open_orders(
		&self,
		filter: Option<OrderFilterJson>,
		after: Option<CursorJson>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<OrderJson>> {
		let filter = filter.map(OrderFilter::try_from).transpose()?.unwrap_or_default();
		let limit = limit.unwrap_or(DEFAULT_LIMIT);
		let after = after.map(|cursor| cursor.0);
		let page = self.call(at, |api, at| {
			if Self::indexed_at(api, at)? {
				api.open_orders(at, filter, after, limit)
			} else {
				#[allow(deprecated)]
				let items = api.open_orders_before_version_3(at, filter, after.map(|key| key.id()), limit)?;
				let next = by_id_next(&items, limit, |order| {
					IndexKey::order(order.max_price_per_gpu_hour, order.id)
				});
				Ok(Page { items, next })
			}
		})?;
		Ok(PageJson::from_page(page, OrderJson::from))
	}

	fn order(&self, id: u64, at: Option<Hash>) -> RpcResult<Option<OrderJson>> {
		Ok(self.call(at, |api, at| api.order(at, id))?.map(OrderJson::from))
	}

	fn order_bids(&self, order: u64, at: Option<Hash>) -> RpcResult<Vec<BidJson>> {
		let bids = self.call(at, |api, at| api.bids_of(at, order))?;
		Ok(bids.into_iter().map(BidJson::from).collect())
	}

	fn offers(
		&self,
		filter: Option<OfferFilterJson>,
		after: Option<CursorJson>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<OfferJson>> {
		let filter = filter.map(OfferFilter::try_from).transpose()?.unwrap_or_default();
		let limit = limit.unwrap_or(DEFAULT_LIMIT);
		let after = after.map(|cursor| cursor.0);
		let page = self.call(at, |api, at| {
			if Self::indexed_at(api, at)? {
				api.offers(at, filter, after, limit)
			} else {
				// Older runtimes filter nothing: the filter is applied to their page here.
				#[allow(deprecated)]
				let listed = api.offers_before_version_3(at, after.map(|key| key.id()), limit)?;
				let next = by_id_next(&listed, limit, |offer| {
					IndexKey::offer(offer.price_per_gpu_hour, offer.id)
				});
				let items = listed.into_iter().filter(|offer| filter.admits(offer)).collect();
				Ok(Page { items, next })
			}
		})?;
		Ok(PageJson::from_page(page, OfferJson::from))
	}

	fn lease(&self, id: u64, at: Option<Hash>) -> RpcResult<Option<LeaseJson>> {
		let lease = self.call(at, |api, at| {
			if Self::lazy_settlement_at(api, at)? {
				api.lease(at, id)
			} else {
				#[allow(deprecated)]
				api.lease_before_version_2(at, id).map(|lease| lease.map(LeaseView::from))
			}
		})?;
		Ok(lease.map(LeaseJson::from))
	}

	fn leases_of(&self, account: String, at: Option<Hash>) -> RpcResult<Vec<LeaseJson>> {
		let account = parse_account(&account)?;
		let leases = self.call(at, |api, at| {
			if Self::lazy_settlement_at(api, at)? {
				api.leases_of(at, account)
			} else {
				#[allow(deprecated)]
				api.leases_of_before_version_2(at, account)
					.map(|leases| leases.into_iter().map(LeaseView::from).collect())
			}
		})?;
		Ok(leases.into_iter().map(LeaseJson::from).collect())
	}

	fn free_gpus(&self, provider: String, at: Option<Hash>) -> RpcResult<Option<FreeGpusJson>> {
		let provider = parse_account(&provider)?;
		Ok(self.call(at, |api, at| api.free_gpus(at, provider))?.map(FreeGpusJson::from))
	}

	fn quote(
		&self,
		requirement: GpuRequirementJson,
		duration: BlockNumber,
		at: Option<Hash>,
	) -> RpcResult<Option<QuoteJson>> {
		let requirement = GpuRequirement::try_from(requirement)?;
		Ok(self
			.call(at, |api, at| api.quote(at, requirement, duration))?
			.map(QuoteJson::from))
	}
}

/// Where the next page of an id-ordered listing (of a runtime before `LeasesApi` version 3)
/// starts: after the last entry of a full page.
fn by_id_next<Item>(
	items: &[Item],
	limit: u32,
	key_of: impl Fn(&Item) -> IndexKey,
) -> Option<IndexKey> {
	let full = items.len() >= limit.min(pallet_leases::queries::MAX_QUERY_RESULTS) as usize;
	items.last().filter(|_| full).map(key_of)
}

/// The JSON-RPC error for a failed runtime API call.
fn runtime_error(error: ApiError) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(
		RUNTIME_ERROR,
		format!("Unable to read the lease market: {error}"),
		None::<()>,
	)
}

/// The JSON-RPC error for a bad argument.
fn invalid_params(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message, None::<()>)
}

/// An account from its SS58 address.
pub fn parse_account(address: &str) -> Result<AccountId, ErrorObjectOwned> {
	AccountId::from_ss58check(address.trim()).map_err(|error| {
		invalid_params(format!("Invalid account {address:?}: not an SS58 address ({error})"))
	})
}

/// An account as its SS58 address.
pub fn account_to_string(account: &AccountId) -> String {
	account.to_ss58check()
}

/// A balance in plancks as a decimal string: JSON numbers lose precision beyond 2^53.
pub fn balance_to_string(balance: Balance) -> String {
	balance.to_string()
}

/// A model name or region as text; bytes that are not UTF-8 become U+FFFD.
pub fn bytes_to_string(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// A model name from text, which must fit the chain's limit.
fn parse_model(model: String) -> Result<GpuModelName, ErrorObjectOwned> {
	let len = model.len();
	GpuModelName::try_from(model.into_bytes()).map_err(|_| {
		invalid_params(format!(
			"GPU model name is {len} bytes long; at most {} are allowed",
			ember_primitives::gpu::MAX_GPU_MODEL_LEN
		))
	})
}

/// A CUDA compute capability: written as `"8.6"`, read from `"8.6"` or `{"major": 8, "minor": 6}`.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct CapabilityJson(pub ComputeCapability);

impl fmt::Display for CapabilityJson {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "{}.{}", self.0.major, self.0.minor)
	}
}

impl std::str::FromStr for CapabilityJson {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		let bad =
			|| format!("invalid compute capability {s:?}: expected \"major.minor\", e.g. \"8.6\"");
		let (major, minor) = s.trim().split_once('.').ok_or_else(bad)?;
		let major = major.parse().map_err(|_| bad())?;
		let minor = minor.parse().map_err(|_| bad())?;
		Ok(Self(ComputeCapability::new(major, minor)))
	}
}

impl Serialize for CapabilityJson {
	fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		serializer.collect_str(self)
	}
}

impl<'de> Deserialize<'de> for CapabilityJson {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		#[derive(Deserialize)]
		#[serde(untagged)]
		enum Written {
			Text(String),
			Parts { major: u8, minor: u8 },
		}
		match Written::deserialize(deserializer).map_err(|_| {
			de::Error::custom(
				"expected a compute capability as \"major.minor\" or {\"major\": .., \"minor\": ..}",
			)
		})? {
			Written::Text(text) => text.parse().map_err(de::Error::custom),
			Written::Parts { major, minor } => Ok(Self(ComputeCapability::new(major, minor))),
		}
	}
}

/// Which open orders to list (`ember_openOrders`); every field is optional.
#[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderFilterJson {
	/// Only orders a GPU like this one meets.
	#[serde(default)]
	pub gpu: Option<GpuFilterJson>,
	/// Only orders asking for at most this many GPUs.
	#[serde(default, alias = "max_gpus")]
	pub max_gpus: Option<u32>,
	/// Only orders open to providers in this region (orders naming no region always match).
	#[serde(default)]
	pub region: Option<String>,
}

/// A GPU to match orders against.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GpuFilterJson {
	/// Model name as NVML reports it.
	pub model: String,
	/// Device memory in MiB.
	#[serde(alias = "vram_mib")]
	pub vram_mib: u32,
	/// CUDA compute capability.
	#[serde(alias = "compute_capability")]
	pub compute_capability: CapabilityJson,
}

impl TryFrom<OrderFilterJson> for OrderFilter {
	type Error = ErrorObjectOwned;

	fn try_from(filter: OrderFilterJson) -> Result<Self, Self::Error> {
		let gpu = filter
			.gpu
			.map(|gpu| {
				Ok::<_, ErrorObjectOwned>(GpuFilter {
					model: parse_model(gpu.model)?,
					vram_mib: gpu.vram_mib,
					compute_capability: gpu.compute_capability.0,
				})
			})
			.transpose()?;
		Ok(Self { gpu, max_gpus: filter.max_gpus, region: filter.region.map(String::into_bytes) })
	}
}

/// Which offers to list (`ember_offers`); every field is optional.
#[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OfferFilterJson {
	/// Only offers with an unrented GPU of this model.
	#[serde(default)]
	pub model: Option<String>,
	/// Only offers with at least this many unrented GPUs.
	#[serde(default, alias = "min_gpus")]
	pub min_gpus: Option<u32>,
	/// Only offers at this price per GPU-hour (plancks, a decimal string) or lower.
	#[serde(default, alias = "max_price_per_gpu_hour")]
	pub max_price_per_gpu_hour: Option<String>,
}

impl TryFrom<OfferFilterJson> for OfferFilter {
	type Error = ErrorObjectOwned;

	fn try_from(filter: OfferFilterJson) -> Result<Self, Self::Error> {
		let max_price_per_gpu_hour = filter
			.max_price_per_gpu_hour
			.map(|price| {
				price.trim().parse::<Balance>().map_err(|_| {
					invalid_params(format!(
						"Invalid price {price:?}: expected plancks as a decimal string"
					))
				})
			})
			.transpose()?;
		Ok(Self {
			model: filter.model.map(parse_model).transpose()?,
			min_gpus: filter.min_gpus,
			max_price_per_gpu_hour,
		})
	}
}

/// What an [`OfferFilter`] lets through, for runtimes that did not filter offers themselves.
trait Admits {
	fn admits(&self, offer: &OfferView<AccountId, BlockNumber>) -> bool;
}

impl Admits for OfferFilter {
	fn admits(&self, offer: &OfferView<AccountId, BlockNumber>) -> bool {
		self.model
			.as_ref()
			.is_none_or(|model| offer.available.iter().any(|gpu| gpu.model == *model))
			&& self.min_gpus.is_none_or(|min| offer.available.len() >= min as usize)
			&& self.max_price_per_gpu_hour.is_none_or(|max| offer.price_per_gpu_hour <= max)
	}
}

/// A place in a listing to go on from: the `next` of a page, written as `0x`-prefixed hex.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct CursorJson(pub IndexKey);

impl Serialize for CursorJson {
	fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		let hex: String = self.0 .0.iter().map(|byte| format!("{byte:02x}")).collect();
		serializer.collect_str(&format_args!("0x{hex}"))
	}
}

impl<'de> Deserialize<'de> for CursorJson {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let text = String::deserialize(deserializer).map_err(|_| {
			de::Error::custom("invalid cursor: pass a page's `next`, a 0x-prefixed hex string")
		})?;
		let bad = || de::Error::custom(format!("invalid cursor {text:?}: pass a page's `next`"));
		let hex = text.strip_prefix("0x").ok_or_else(bad)?;
		let mut key = [0u8; 24];
		if hex.len() != key.len() * 2 || !hex.is_ascii() {
			return Err(bad());
		}
		for (byte, pair) in key.iter_mut().zip(hex.as_bytes().chunks(2)) {
			let pair = std::str::from_utf8(pair).map_err(|_| bad())?;
			*byte = u8::from_str_radix(pair, 16).map_err(|_| bad())?;
		}
		Ok(Self(IndexKey(key)))
	}
}

/// One page of a listing.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageJson<Item> {
	/// The entries.
	pub items: Vec<Item>,
	/// Pass as `after` for the next page; `null` when the listing ended. A page may hold fewer
	/// entries than asked for and still have a next one.
	pub next: Option<CursorJson>,
}

impl<Item> PageJson<Item> {
	fn from_page<View>(page: Page<View>, json: impl Fn(View) -> Item) -> Self {
		Self { items: page.items.into_iter().map(json).collect(), next: page.next.map(CursorJson) }
	}
}

/// What GPUs an order asks for (and what `ember_quote` prices).
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GpuRequirementJson {
	/// Exact model name; `null` or absent takes any model.
	#[serde(default)]
	pub model: Option<String>,
	/// Least device memory per GPU, in MiB.
	#[serde(alias = "min_vram_mib")]
	pub min_vram_mib: u32,
	/// Least CUDA compute capability.
	#[serde(alias = "min_compute_capability")]
	pub min_compute_capability: CapabilityJson,
	/// Number of GPUs, all from one provider.
	pub count: u32,
}

impl From<GpuRequirement> for GpuRequirementJson {
	fn from(requirement: GpuRequirement) -> Self {
		Self {
			model: requirement.model.map(|model| bytes_to_string(&model)),
			min_vram_mib: requirement.min_vram_mib,
			min_compute_capability: CapabilityJson(requirement.min_compute_capability),
			count: requirement.count,
		}
	}
}

impl TryFrom<GpuRequirementJson> for GpuRequirement {
	type Error = ErrorObjectOwned;

	fn try_from(requirement: GpuRequirementJson) -> Result<Self, Self::Error> {
		Ok(Self {
			model: requirement.model.map(parse_model).transpose()?,
			min_vram_mib: requirement.min_vram_mib,
			min_compute_capability: requirement.min_compute_capability.0,
			count: requirement.count,
		})
	}
}

/// One GPU of a provider's inventory.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GpuJson {
	/// Model name as NVML reports it.
	pub model: String,
	/// Device memory in MiB.
	pub vram_mib: u32,
	/// CUDA compute capability.
	pub compute_capability: CapabilityJson,
	/// BLAKE2-256 hash of the device UUID.
	pub uuid_hash: Hash,
}

impl From<GpuSpec> for GpuJson {
	fn from(gpu: GpuSpec) -> Self {
		Self {
			model: bytes_to_string(&gpu.model),
			vram_mib: gpu.vram_mib,
			compute_capability: CapabilityJson(gpu.compute_capability),
			uuid_hash: gpu.uuid_hash,
		}
	}
}

/// An open order.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderJson {
	/// The order's id.
	pub id: u64,
	/// Who ordered (SS58).
	pub tenant: String,
	/// The GPUs wanted.
	pub requirement: GpuRequirementJson,
	/// Lease length in blocks.
	pub duration: BlockNumber,
	/// Highest acceptable price per GPU-hour, in plancks.
	pub max_price_per_gpu_hour: String,
	/// BLAKE2-256 hash of the workload manifest.
	pub manifest_hash: Hash,
	/// The region asked for, if any.
	pub region: Option<String>,
	/// Whether the best bid wins by itself when the window ends.
	pub auto_award: bool,
	/// The first block in which no more bids are taken.
	pub bid_window_end: BlockNumber,
	/// Number of open bids.
	pub bids: u32,
}

impl From<OrderView<AccountId, BlockNumber>> for OrderJson {
	fn from(order: OrderView<AccountId, BlockNumber>) -> Self {
		Self {
			id: order.id,
			tenant: account_to_string(&order.tenant),
			requirement: order.requirement.into(),
			duration: order.duration,
			max_price_per_gpu_hour: balance_to_string(order.max_price_per_gpu_hour),
			manifest_hash: order.manifest_hash,
			region: order.region.as_deref().map(bytes_to_string),
			auto_award: order.auto_award,
			bid_window_end: order.bid_window_end,
			bids: order.bids,
		}
	}
}

/// An open bid.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BidJson {
	/// The bidding provider's owner account (SS58).
	pub provider: String,
	/// Price per GPU-hour, in plancks.
	pub price_per_gpu_hour: String,
	/// UUID hashes of the GPUs committed.
	pub gpus: Vec<Hash>,
	/// The block it was placed in.
	pub placed_at: BlockNumber,
}

impl From<BidView<AccountId, BlockNumber>> for BidJson {
	fn from(bid: BidView<AccountId, BlockNumber>) -> Self {
		Self {
			provider: account_to_string(&bid.provider),
			price_per_gpu_hour: balance_to_string(bid.price_per_gpu_hour),
			gpus: bid.gpus,
			placed_at: bid.placed_at,
		}
	}
}

/// A direct-rent offer.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferJson {
	/// The offer's id.
	pub id: u64,
	/// The provider's owner account (SS58).
	pub provider: String,
	/// The listed GPUs not rented now.
	pub available: Vec<GpuJson>,
	/// How many of its GPUs are rented now.
	pub rented: u32,
	/// Price per GPU-hour, in plancks.
	pub price_per_gpu_hour: String,
	/// Longest lease accepted, in blocks.
	pub max_duration: BlockNumber,
}

impl From<OfferView<AccountId, BlockNumber>> for OfferJson {
	fn from(offer: OfferView<AccountId, BlockNumber>) -> Self {
		Self {
			id: offer.id,
			provider: account_to_string(&offer.provider),
			available: offer.available.into_iter().map(GpuJson::from).collect(),
			rented: offer.rented,
			price_per_gpu_hour: balance_to_string(offer.price_per_gpu_hour),
			max_duration: offer.max_duration,
		}
	}
}

/// Where a lease came from: `{"kind": "Order", "id": 3}`, `{"kind": "Offer", "id": 1}`, or
/// `{"kind": "Genesis"}` for a lease running since the chain's genesis.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Serialize)]
pub struct OriginJson {
	/// `Order`, `Offer` or `Genesis`.
	pub kind: OriginKind,
	/// The order's or offer's id; none for a genesis lease.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub id: Option<u64>,
}

/// The kind of a lease's origin.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Serialize)]
pub enum OriginKind {
	/// Awarded on an order.
	Order,
	/// Rented from a direct offer.
	Offer,
	/// Running since genesis (test networks).
	Genesis,
}

impl From<LeaseOrigin> for OriginJson {
	fn from(origin: LeaseOrigin) -> Self {
		match origin {
			LeaseOrigin::Order(id) => Self { kind: OriginKind::Order, id: Some(id) },
			LeaseOrigin::Offer(id) => Self { kind: OriginKind::Offer, id: Some(id) },
			LeaseOrigin::Genesis => Self { kind: OriginKind::Genesis, id: None },
		}
	}
}

/// Whether a lease's escrow is healthy.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Serialize)]
pub enum LeaseStatusJson {
	/// Escrow for more than the grace period, or until the end.
	Active,
	/// The escrow runs out within the grace period.
	Grace,
}

impl From<LeaseStatus> for LeaseStatusJson {
	fn from(status: LeaseStatus) -> Self {
		match status {
			LeaseStatus::Active => Self::Active,
			LeaseStatus::Grace => Self::Grace,
		}
	}
}

/// A workload's state, as the provider's agent reports it.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Serialize)]
pub enum WorkloadStatusJson {
	/// The agent has not received a valid manifest yet.
	AwaitingManifest,
	/// The workload is being prepared.
	Starting,
	/// The workload runs.
	Running,
	/// The workload exited with status 0.
	Completed,
	/// The workload failed or could not start.
	Failed,
}

impl From<WorkloadStatus> for WorkloadStatusJson {
	fn from(status: WorkloadStatus) -> Self {
		match status {
			WorkloadStatus::AwaitingManifest => Self::AwaitingManifest,
			WorkloadStatus::Starting => Self::Starting,
			WorkloadStatus::Running => Self::Running,
			WorkloadStatus::Completed => Self::Completed,
			WorkloadStatus::Failed => Self::Failed,
		}
	}
}

/// The agent's last report on a lease.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageReportJson {
	/// The block of the attestation.
	pub at: BlockNumber,
	/// The workload's state.
	pub status: WorkloadStatusJson,
	/// Mean GPU utilization, in percent.
	pub gpu_utilization_pct: u8,
	/// Device memory in use, in MiB.
	pub memory_used_mib: u32,
}

impl From<UsageReport<BlockNumber>> for UsageReportJson {
	fn from(report: UsageReport<BlockNumber>) -> Self {
		Self {
			at: report.at,
			status: report.status.into(),
			gpu_utilization_pct: report.gpu_utilization_pct,
			memory_used_mib: report.memory_used_mib,
		}
	}
}

/// A running lease.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeaseJson {
	/// The lease's id.
	pub id: u64,
	/// Who pays (SS58).
	pub tenant: String,
	/// The provider's owner account (SS58).
	pub provider: String,
	/// The order or offer it came from.
	pub origin: OriginJson,
	/// UUID hashes of the leased GPUs.
	pub gpus: Vec<Hash>,
	/// Price per GPU-hour, in plancks.
	pub price_per_gpu_hour: String,
	/// BLAKE2-256 hash of the workload manifest.
	pub manifest_hash: Hash,
	/// The block it started in.
	pub start: BlockNumber,
	/// The block it ends at.
	pub end: BlockNumber,
	/// Escrow still held, in plancks.
	pub escrow: String,
	/// Time is settled up to this block.
	pub settled_until: BlockNumber,
	/// The block the escrow runs out at (or the end, when it lasts).
	pub funded_until: BlockNumber,
	/// Paid so far, fees included, in plancks.
	pub paid: String,
	/// Fees burned so far, in plancks.
	pub fees: String,
	/// Blocks not paid because the provider was not attesting.
	pub downtime_blocks: BlockNumber,
	/// `Active` or `Grace`.
	pub status: LeaseStatusJson,
	/// Owed to the provider for attested time since `settledUntil`, in plancks; paid out of
	/// `escrow` at the next settlement.
	pub unsettled: String,
	/// The agent's last report, if any.
	pub last_report: Option<UsageReportJson>,
}

impl From<LeaseView<AccountId, BlockNumber>> for LeaseJson {
	fn from(lease: LeaseView<AccountId, BlockNumber>) -> Self {
		Self {
			id: lease.id,
			tenant: account_to_string(&lease.tenant),
			provider: account_to_string(&lease.provider),
			origin: lease.origin.into(),
			gpus: lease.gpus,
			price_per_gpu_hour: balance_to_string(lease.price_per_gpu_hour),
			manifest_hash: lease.manifest_hash,
			start: lease.start,
			end: lease.end,
			escrow: balance_to_string(lease.escrow),
			settled_until: lease.settled_until,
			funded_until: lease.funded_until,
			paid: balance_to_string(lease.paid),
			fees: balance_to_string(lease.fees),
			downtime_blocks: lease.downtime_blocks,
			status: lease.status.into(),
			unsettled: balance_to_string(lease.unsettled),
			last_report: lease.last_report.map(UsageReportJson::from),
		}
	}
}

/// A provider's uncommitted GPUs.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FreeGpusJson {
	/// The GPUs no bid, offer or lease holds.
	pub gpus: Vec<GpuJson>,
	/// Whether the provider takes new work now (Active and not paused).
	pub accepts_work: bool,
}

impl From<FreeGpus> for FreeGpusJson {
	fn from(free: FreeGpus) -> Self {
		Self {
			gpus: free.gpus.into_iter().map(GpuJson::from).collect(),
			accepts_work: free.accepts_work,
		}
	}
}

/// A price quote; prices are per GPU-hour, all in plancks.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteJson {
	/// Number of recent leases the quote rests on.
	pub samples: u32,
	/// Lowest price seen.
	pub min: String,
	/// Median price.
	pub median: String,
	/// Highest price seen.
	pub max: String,
	/// What the requirement's GPUs would cost for the duration at the median price.
	pub estimated_cost: String,
}

impl From<PriceQuote> for QuoteJson {
	fn from(quote: PriceQuote) -> Self {
		Self {
			samples: quote.samples,
			min: balance_to_string(quote.min),
			median: balance_to_string(quote.median),
			max: balance_to_string(quote.max),
			estimated_cost: balance_to_string(quote.estimated_cost),
		}
	}
}

/// The JSON conversions: what dApps and the CLI see, and what they may send.
#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;
	use sp_keyring::Sr25519Keyring;

	#[test]
	fn cursors_round_trip_as_hex_and_bad_ones_are_refused() {
		let key = IndexKey::order(600_000, 42);
		let written = serde_json::to_value(CursorJson(key)).expect("serializes");
		assert_eq!(written, json!(format!("0x{:032x}{:016x}", u128::MAX - 600_000, 42)));
		let read: CursorJson = serde_json::from_value(written).expect("reads back");
		assert_eq!((read.0, read.0.id()), (key, 42));
		for bad in [json!("42"), json!("0x00"), json!(format!("0x{}", "zz".repeat(24))), json!(7)] {
			let error = serde_json::from_value::<CursorJson>(bad.clone()).expect_err("refused");
			assert!(error.to_string().contains("invalid cursor"), "{bad}: {error}");
		}
	}

	#[test]
	fn offer_filters_read_prices_as_decimal_strings() {
		let filter: OfferFilterJson = serde_json::from_value(
			json!({"model": "NVIDIA H100 80GB HBM3", "minGpus": 2, "max_price_per_gpu_hour": "900000"}),
		)
		.expect("reads");
		let filter = OfferFilter::try_from(filter).expect("valid");
		assert_eq!((filter.min_gpus, filter.max_price_per_gpu_hour), (Some(2), Some(900_000)));
		let bad =
			OfferFilterJson { max_price_per_gpu_hour: Some("lots".into()), ..Default::default() };
		assert!(OfferFilter::try_from(bad).is_err());
	}

	#[test]
	fn balances_are_exact_decimal_strings() {
		assert_eq!(balance_to_string(0), "0");
		assert_eq!(balance_to_string(6 * ember_runtime::EMBR), "6000000000000");
		// Far beyond what a JavaScript number holds exactly.
		assert_eq!(balance_to_string(u128::MAX), "340282366920938463463374607431768211455");
	}

	#[test]
	fn model_bytes_become_text_even_when_not_utf8() {
		assert_eq!(bytes_to_string(b"NVIDIA H100 80GB HBM3"), "NVIDIA H100 80GB HBM3");
		assert_eq!(bytes_to_string(b"RTX \xff4090"), "RTX \u{fffd}4090");
		assert_eq!(bytes_to_string(b""), "");
	}

	#[test]
	fn ss58_addresses_round_trip() {
		for keyring in [Sr25519Keyring::Alice, Sr25519Keyring::Bob] {
			let account = keyring.to_account_id();
			let address = account_to_string(&account);
			assert_eq!(parse_account(&address).expect("own address parses"), account);
		}
		// The well-known generic-prefix (42) address of Alice.
		assert_eq!(
			account_to_string(&Sr25519Keyring::Alice.to_account_id()),
			"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
		);
	}

	#[test]
	fn bad_ss58_is_rejected_with_a_clear_message() {
		let alice = account_to_string(&Sr25519Keyring::Alice.to_account_id());
		// A changed character breaks the checksum.
		let mut corrupted = alice.clone().into_bytes();
		corrupted[10] = if corrupted[10] == b'a' { b'b' } else { b'a' };
		let corrupted = String::from_utf8(corrupted).expect("still ASCII");
		for bad in ["", "not-an-address", "0x1234", corrupted.as_str()] {
			let error = parse_account(bad).expect_err("bad address is rejected");
			assert_eq!(error.code(), INVALID_PARAMS_CODE);
			assert!(
				error
					.message()
					.starts_with(&format!("Invalid account {bad:?}: not an SS58 address (")),
				"unexpected message: {}",
				error.message()
			);
		}
	}

	#[test]
	fn compute_capability_reads_text_or_parts_and_writes_text() {
		let cc = CapabilityJson(ComputeCapability::new(8, 6));
		assert_eq!(serde_json::to_value(cc).unwrap(), json!("8.6"));
		assert_eq!(serde_json::from_value::<CapabilityJson>(json!("8.6")).unwrap(), cc);
		assert_eq!(
			serde_json::from_value::<CapabilityJson>(json!({"major": 8, "minor": 6})).unwrap(),
			cc
		);
		for bad in [json!("8"), json!("8.x"), json!("300.0"), json!(8.6), json!({"major": 8})] {
			assert!(serde_json::from_value::<CapabilityJson>(bad.clone()).is_err(), "{bad}");
		}
	}

	#[test]
	fn requirement_takes_camel_or_snake_case_and_checks_the_model_length() {
		let camel: GpuRequirementJson = serde_json::from_value(json!({
			"model": "NVIDIA RTX A6000", "minVramMib": 40000, "minComputeCapability": "8.0", "count": 1
		}))
		.unwrap();
		let snake: GpuRequirementJson = serde_json::from_value(json!({
			"model": "NVIDIA RTX A6000", "min_vram_mib": 40000,
			"min_compute_capability": {"major": 8, "minor": 0}, "count": 1
		}))
		.unwrap();
		assert_eq!(camel, snake);
		let requirement = GpuRequirement::try_from(camel).unwrap();
		assert_eq!(
			requirement.model.as_ref().map(|m| m.as_slice()),
			Some(&b"NVIDIA RTX A6000"[..])
		);
		assert_eq!(requirement.min_vram_mib, 40_000);
		assert_eq!(requirement.min_compute_capability, ComputeCapability::new(8, 0));
		assert_eq!(requirement.count, 1);

		let too_long = GpuRequirementJson { model: Some("x".repeat(65)), ..snake };
		let error = GpuRequirement::try_from(too_long).expect_err("65 bytes is too long");
		assert_eq!(error.code(), INVALID_PARAMS_CODE);
		assert_eq!(error.message(), "GPU model name is 65 bytes long; at most 64 are allowed");

		// A misspelt field is an error, not a silently ignored constraint.
		assert!(serde_json::from_value::<OrderFilterJson>(json!({"maxGPUs": 1})).is_err());
	}

	#[test]
	fn lease_view_becomes_the_documented_json() {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let view = LeaseView {
			id: 7,
			tenant: alice.clone(),
			provider: bob.clone(),
			origin: LeaseOrigin::Order(3),
			gpus: vec![Hash::repeat_byte(1)],
			price_per_gpu_hour: 6 * ember_runtime::EMBR,
			manifest_hash: Hash::repeat_byte(0xab),
			start: 10,
			end: 610,
			escrow: u128::MAX,
			settled_until: 10,
			funded_until: 610,
			paid: 0,
			fees: 0,
			downtime_blocks: 0,
			status: LeaseStatus::Grace,
			unsettled: 42,
			last_report: Some(UsageReport {
				at: 12,
				status: WorkloadStatus::AwaitingManifest,
				gpu_utilization_pct: 0,
				memory_used_mib: 512,
			}),
		};
		assert_eq!(
			serde_json::to_value(LeaseJson::from(view)).unwrap(),
			json!({
				"id": 7,
				"tenant": alice.to_ss58check(),
				"provider": bob.to_ss58check(),
				"origin": {"kind": "Order", "id": 3},
				"gpus": [format!("0x{}", "01".repeat(32))],
				"pricePerGpuHour": "6000000000000",
				"manifestHash": format!("0x{}", "ab".repeat(32)),
				"start": 10,
				"end": 610,
				"escrow": "340282366920938463463374607431768211455",
				"settledUntil": 10,
				"fundedUntil": 610,
				"paid": "0",
				"fees": "0",
				"downtimeBlocks": 0,
				"status": "Grace",
				"unsettled": "42",
				"lastReport": {
					"at": 12, "status": "AwaitingManifest", "gpuUtilizationPct": 0, "memoryUsedMib": 512
				},
			})
		);
	}

	#[test]
	fn order_filter_becomes_the_runtime_filter() {
		let filter: OrderFilterJson = serde_json::from_value(json!({
			"gpu": {"model": "NVIDIA RTX A6000", "vramMib": 49140, "computeCapability": "8.6"},
			"max_gpus": 2,
			"region": "eu-west"
		}))
		.unwrap();
		assert_eq!(
			OrderFilter::try_from(filter).unwrap(),
			OrderFilter {
				gpu: Some(GpuFilter {
					model: GpuModelName::truncate_from(b"NVIDIA RTX A6000".to_vec()),
					vram_mib: 49_140,
					compute_capability: ComputeCapability::new(8, 6),
				}),
				max_gpus: Some(2),
				region: Some(b"eu-west".to_vec()),
			}
		);
		assert_eq!(
			OrderFilter::try_from(OrderFilterJson::default()).unwrap(),
			OrderFilter::default()
		);
	}
}
