//! The lease market as tenants, providers and their tools see it: plain views of the chain's
//! records (serializable for `--json`), the queries that read them, and builders for the calls
//! that change them.

use serde::{Deserialize, Serialize};
use subxt::utils::H256;

use crate::{
	chain::{
		runtime::{
			self,
			runtime_types::{
				bounded_collections::bounded_vec::BoundedVec,
				ember_primitives::{gpu as rt_gpu, traits::ProviderStatus},
				pallet_leases::{
					market_index as rt_index, runtime_api as rt_api, types as rt_leases,
				},
			},
		},
		AccountId, AtBlock, Chain, ChainError, WithinDeadline,
	},
	units::format_embr_number,
};

/// Where a listing goes on: a page's `next`, passed back as `after`.
pub type Cursor = [u8; 24];

/// One page of a listing, and where the next one starts (`None` when the listing ended). A page
/// may hold fewer entries than asked for and still have a next one.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Listing<Item> {
	/// The entries, in the listing's order.
	pub items: Vec<Item>,
	/// Where the next page starts.
	pub next: Option<Cursor>,
}

/// A GPU as the chain records it (and as `provider-agent inventory --json` prints it).
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
pub struct Gpu {
	/// Model name as NVML reports it.
	pub model: String,
	/// Device memory in MiB.
	pub vram_mib: u32,
	/// CUDA compute capability, `major.minor`.
	pub compute_capability: String,
	/// BLAKE2-256 hash of the device UUID, hex.
	pub uuid_hash: String,
	/// The first block its proof of compute no longer covers, `None` when it holds none (or
	/// one of another model): a GPU is bid, listed, leased and paid availability only while
	/// proven. Set where the chain was read; `None` in what the agent reports.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub proven_until: Option<u32>,
}

impl From<&rt_gpu::GpuSpec> for Gpu {
	fn from(spec: &rt_gpu::GpuSpec) -> Self {
		Self {
			model: String::from_utf8_lossy(&spec.model.0).into_owned(),
			vram_mib: spec.vram_mib,
			compute_capability: format!(
				"{}.{}",
				spec.compute_capability.major, spec.compute_capability.minor
			),
			uuid_hash: hex_h256(&spec.uuid_hash),
			proven_until: None,
		}
	}
}

impl Gpu {
	/// The chain's record of this GPU; `None` when a field is malformed.
	pub fn to_spec(&self) -> Option<rt_gpu::GpuSpec> {
		let capability = crate::manifest::parse_capability(&self.compute_capability)?;
		Some(gpu_spec(&self.model, self.vram_mib, capability, parse_h256(&self.uuid_hash)?))
	}
}

/// A GPU spec for the chain: what the agent registers.
pub fn gpu_spec(
	model: &str,
	vram_mib: u32,
	capability: (u8, u8),
	uuid_hash: [u8; 32],
) -> rt_gpu::GpuSpec {
	rt_gpu::GpuSpec {
		model: BoundedVec(model.as_bytes().to_vec()),
		vram_mib,
		compute_capability: rt_gpu::ComputeCapability { major: capability.0, minor: capability.1 },
		uuid_hash: H256(uuid_hash),
	}
}

/// A registered provider.
#[derive(Clone, Debug, Serialize)]
pub struct Provider {
	/// Owner account (SS58).
	pub owner: String,
	/// Agent account (SS58).
	pub agent: String,
	/// `Active`, `Offline`, `Jailed` or `Leaving`.
	pub status: String,
	/// Paused by its owner.
	pub paused: bool,
	/// Region label.
	pub region: String,
	/// libp2p PeerId.
	pub peer_id: String,
	/// libp2p multiaddrs.
	pub multiaddrs: Vec<String>,
	/// Every GPU.
	pub gpus: Vec<Gpu>,
	/// GPUs not committed to a bid, offer or lease.
	pub free_gpus: Vec<Gpu>,
	/// Whether it takes new work now.
	pub accepts_work: bool,
	/// Why it takes no new work (`None` when it does): its status, a pause, or a bond below
	/// what its GPUs require (after a slash, or a class score raised), as the chain's
	/// `Providers.why_idle` says.
	pub idle_reason: Option<String>,
	/// The stake units its GPUs weigh by class: its owner's bond must cover the base plus
	/// `ProviderStakePerUnit` for each.
	pub stake_units: u32,
	/// Block of its last heartbeat.
	pub last_heartbeat: u32,
}

/// An open order.
#[derive(Clone, Debug, Serialize)]
pub struct Order {
	/// Its id.
	pub id: u64,
	/// Who pays.
	pub tenant: String,
	/// Exact model wanted, if any.
	pub model: Option<String>,
	/// Least memory per GPU, MiB.
	pub min_vram_mib: u32,
	/// Least compute capability.
	pub min_compute_capability: String,
	/// GPUs wanted.
	pub count: u32,
	/// Lease length in blocks.
	pub duration: u32,
	/// Highest acceptable price per GPU-hour, plancks.
	pub max_price_per_gpu_hour: u128,
	/// BLAKE2-256 of the manifest, hex.
	pub manifest_hash: String,
	/// Region restriction.
	pub region: Option<String>,
	/// Whether the best bid is taken automatically at the window's end.
	pub auto_award: bool,
	/// Last block bids are taken.
	pub bid_window_end: u32,
	/// Bids so far.
	pub bids: u32,
}

/// A bid on an order.
#[derive(Clone, Debug, Serialize)]
pub struct Bid {
	/// The provider (owner account).
	pub provider: String,
	/// Price per GPU-hour, plancks.
	pub price_per_gpu_hour: u128,
	/// The committed GPUs' UUID hashes, hex.
	pub gpus: Vec<String>,
	/// Block placed.
	pub placed_at: u32,
}

/// A direct-rent offer.
#[derive(Clone, Debug, Serialize)]
pub struct Offer {
	/// Its id.
	pub id: u64,
	/// The provider (owner account).
	pub provider: String,
	/// GPUs free to rent now.
	pub available: Vec<Gpu>,
	/// GPUs rented now.
	pub rented: u32,
	/// Price per GPU-hour, plancks.
	pub price_per_gpu_hour: u128,
	/// Longest lease, blocks.
	pub max_duration: u32,
}

/// A running lease.
#[derive(Clone, Debug, Serialize)]
pub struct Lease {
	/// Its id.
	pub id: u64,
	/// Who pays.
	pub tenant: String,
	/// Who is paid (owner account).
	pub provider: String,
	/// `order N` or `offer N`.
	pub origin: String,
	/// Leased GPUs' UUID hashes, hex.
	pub gpus: Vec<String>,
	/// Price per GPU-hour, plancks.
	pub price_per_gpu_hour: u128,
	/// BLAKE2-256 of the manifest, hex.
	pub manifest_hash: String,
	/// First block.
	pub start: u32,
	/// Block it ends at.
	pub end: u32,
	/// Escrow left, plancks.
	pub escrow: u128,
	/// Settled up to this block.
	pub settled_until: u32,
	/// The escrow pays up to this block.
	pub funded_until: u32,
	/// Paid so far, fees included, plancks.
	pub paid: u128,
	/// Burned as protocol fee, plancks.
	pub fees: u128,
	/// Blocks not charged because the provider was down.
	pub downtime_blocks: u32,
	/// Owed to the provider for attested time since `settled_until`, plancks; paid out of the
	/// escrow at the next settlement.
	pub unsettled: u128,
	/// The block of the provider's last attestation of the lease, or its start.
	pub attested_at: u32,
}

/// A price quote from recent leases.
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
	/// Leases the quote rests on.
	pub samples: u32,
	/// Lowest price per GPU-hour, plancks.
	pub min: u128,
	/// Median.
	pub median: u128,
	/// Highest.
	pub max: u128,
	/// Cost of the request at the median, plancks.
	pub estimated_cost: u128,
}

/// A free balance.
#[derive(Clone, Debug, Serialize)]
pub struct Balance {
	/// Spendable, plancks.
	pub free: u128,
	/// Held (bonds, escrow, deposits), plancks.
	pub held: u128,
}

/// What GPUs an order asks for.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct Requirement {
	/// Exact model, or any.
	pub model: Option<String>,
	/// Least memory per GPU, MiB.
	pub min_vram_mib: u32,
	/// Least compute capability.
	pub min_compute_capability: (u8, u8),
	/// How many.
	pub count: u32,
}

impl Requirement {
	fn to_runtime(&self) -> rt_leases::GpuRequirement {
		rt_leases::GpuRequirement {
			model: self.model.as_ref().map(|m| BoundedVec(m.as_bytes().to_vec())),
			min_vram_mib: self.min_vram_mib,
			min_compute_capability: rt_gpu::ComputeCapability {
				major: self.min_compute_capability.0,
				minor: self.min_compute_capability.1,
			},
			count: self.count,
		}
	}
}

/// Hex of a hash, `0x`-prefixed.
pub fn hex_h256(hash: &H256) -> String {
	format!("0x{}", hex::encode(hash.0))
}

/// Parses a `0x`-prefixed or bare 32-byte hex hash.
pub fn parse_h256(text: &str) -> Option<[u8; 32]> {
	let bytes = hex::decode(text.trim().trim_start_matches("0x")).ok()?;
	bytes.try_into().ok()
}

/// Parses an SS58 address.
pub fn parse_account(text: &str) -> Result<AccountId, ChainError> {
	text.trim()
		.parse::<AccountId>()
		.map_err(|_| ChainError::NotFound(format!("`{text}` is not an SS58 account address")))
}

fn text(bytes: &BoundedVec<u8>) -> String {
	String::from_utf8_lossy(&bytes.0).into_owned()
}

fn status_name(status: &ProviderStatus) -> &'static str {
	match status {
		ProviderStatus::Active => "Active",
		ProviderStatus::Offline => "Offline",
		ProviderStatus::Jailed => "Jailed",
		ProviderStatus::Leaving => "Leaving",
	}
}

/// Why a provider takes no work, in words.
/// The chain's `Providers.why_idle` view function for `owner`.
///
/// Called through the `RuntimeViewFunction` runtime API directly: the runtime takes the query id
/// and the SCALE-encoded arguments as a length-prefixed byte vector, which subxt's own view
/// function call leaves out (the runtime then traps, and the call never returns).
async fn why_idle(
	at: &AtBlock,
	owner: AccountId,
) -> Result<Option<runtime::runtime_types::pallet_providers::types::IdleReason>, ChainError> {
	use codec::{Decode, Encode};
	const QUERY_ID_LEN: usize = 32;
	let encoded = at
		.view_functions()
		.encode_args(runtime::view_functions().providers().why_idle(owner))
		.map_err(ChainError::rpc)?;
	if encoded.len() < QUERY_ID_LEN {
		return Err(ChainError::rpc("a view function query without its id"));
	}
	let (query_id, args) = encoded.split_at(QUERY_ID_LEN);
	let mut call = query_id.to_vec();
	args.to_vec().encode_to(&mut call);
	let bytes = at
		.runtime_apis()
		.call_raw("RuntimeViewFunction_execute_view_function", Some(&call))
		.within_deadline()
		.await?;
	// `Result<Vec<u8>, ViewFunctionDispatchError>`: the error's details do not matter here.
	let output = match bytes.split_first() {
		Some((0, rest)) => Vec::<u8>::decode(&mut &rest[..]).map_err(ChainError::rpc)?,
		_ => return Err(ChainError::rpc("the chain refused the why_idle view function")),
	};
	let metadata = at.metadata_ref();
	subxt::ext::frame_decode::view_functions::decode_view_function_response(
		"Providers",
		"why_idle",
		&mut &output[..],
		metadata,
		metadata.types(),
		<Option<runtime::runtime_types::pallet_providers::types::IdleReason> as subxt::ext::scale_decode::IntoVisitor>::into_visitor(),
	)
	.map_err(ChainError::rpc)
}

fn idle_reason_text(
	reason: &runtime::runtime_types::pallet_providers::types::IdleReason,
) -> String {
	use runtime::runtime_types::pallet_providers::types::IdleReason;
	match reason {
		IdleReason::Status(status) => status_name(status).to_string(),
		IdleReason::Paused => "paused by its owner".to_string(),
		IdleReason::BondTooLow { bonded, required } => format!(
			"bond too low for its GPUs' stake units (after a slash, or a class score raised): {} bonded, {} required (top up with `emberctl provider bond`)",
			crate::units::format_embr(*bonded),
			crate::units::format_embr(*required),
		),
	}
}

fn order_view(view: rt_api::OrderView<AccountId, u32>) -> Order {
	Order {
		id: view.id,
		tenant: view.tenant.to_string(),
		model: view.requirement.model.as_ref().map(text),
		min_vram_mib: view.requirement.min_vram_mib,
		min_compute_capability: format!(
			"{}.{}",
			view.requirement.min_compute_capability.major,
			view.requirement.min_compute_capability.minor
		),
		count: view.requirement.count,
		duration: view.duration,
		max_price_per_gpu_hour: view.max_price_per_gpu_hour,
		manifest_hash: hex_h256(&view.manifest_hash),
		region: view.region.map(|r| String::from_utf8_lossy(&r).into_owned()),
		auto_award: view.auto_award,
		bid_window_end: view.bid_window_end,
		bids: view.bids,
	}
}

fn lease_view(view: rt_api::LeaseView<AccountId, u32>) -> Lease {
	Lease {
		id: view.id,
		tenant: view.tenant.to_string(),
		provider: view.provider.to_string(),
		origin: match view.origin {
			rt_leases::LeaseOrigin::Order(id) => format!("order {id}"),
			rt_leases::LeaseOrigin::Offer(id) => format!("offer {id}"),
			rt_leases::LeaseOrigin::Genesis => "genesis".into(),
		},
		gpus: view.gpus.iter().map(hex_h256).collect(),
		price_per_gpu_hour: view.price_per_gpu_hour,
		manifest_hash: hex_h256(&view.manifest_hash),
		start: view.start,
		end: view.end,
		escrow: view.escrow,
		settled_until: view.settled_until,
		funded_until: view.funded_until,
		paid: view.paid,
		fees: view.fees,
		downtime_blocks: view.downtime_blocks,
		unsettled: view.unsettled,
		attested_at: view.last_report.map_or(view.start, |report| report.at),
	}
}

/// What an owner must bond to register GPUs: `base`, plus `per_unit` for each stake unit its
/// GPUs weigh. A GPU weighs its class score divided by `unit_score`, rounded up, and at least
/// one unit, so claiming a stronger GPU needs more stake.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct StakeRules {
	/// The bond every provider needs, plancks.
	pub base: u128,
	/// What each stake unit adds, plancks.
	pub per_unit: u128,
	/// The class score one stake unit stands for.
	pub unit_score: u32,
}

impl StakeRules {
	/// The stake units GPUs of class scores `scores` weigh, counted as the runtime counts them.
	pub fn units(&self, scores: &[u32]) -> u32 {
		scores
			.iter()
			.map(|score| score.div_ceil(self.unit_score.max(1)).max(1))
			.fold(0u32, u32::saturating_add)
	}

	/// The bond GPUs weighing `units` stake units need.
	pub fn required(&self, units: u32) -> u128 {
		self.base.saturating_add(self.per_unit.saturating_mul(u128::from(units)))
	}
}

/// Lease `id` in the state of block `at`, while it runs.
pub async fn lease_at(at: &AtBlock, id: u64) -> Result<Option<Lease>, ChainError> {
	let view = at
		.runtime_apis()
		.call(runtime::runtime_apis().leases_api().lease(id))
		.within_deadline()
		.await?;
	Ok(view.map(lease_view))
}

/// The running leases `account` pays for or is paid by, in the state of block `at`.
pub async fn leases_of_at(at: &AtBlock, account: &AccountId) -> Result<Vec<Lease>, ChainError> {
	let views = at
		.runtime_apis()
		.call(runtime::runtime_apis().leases_api().leases_of(*account))
		.within_deadline()
		.await?;
	Ok(views.into_iter().map(lease_view).collect())
}

impl Chain {
	/// Queries read the finalized state: what they show will not be reverted.
	async fn at_finalized(&self) -> Result<AtBlock, ChainError> {
		self.api().at_current_block().await.map_err(ChainError::rpc)
	}

	/// The latest finalized block number: the state every query here reads.
	pub async fn finalized_block(&self) -> Result<u64, ChainError> {
		Ok(self.at_finalized().await?.block_number())
	}

	/// Every registered provider, with its free GPUs.
	pub async fn providers(&self) -> Result<Vec<Provider>, ChainError> {
		let at = self.at_finalized().await?;
		let mut entries = at
			.storage()
			.iter(runtime::storage().providers().providers(), ())
			.await
			.map_err(ChainError::rpc)?;
		let mut owners = Vec::new();
		while let Some(entry) = entries.next().await {
			let entry = entry.map_err(ChainError::rpc)?;
			let owner = entry.key().map_err(ChainError::rpc)?.decode().map_err(ChainError::rpc)?.0;
			let info = entry.value().decode().map_err(ChainError::rpc)?;
			owners.push((owner, info));
		}
		let mut providers = Vec::with_capacity(owners.len());
		for (owner, info) in owners {
			providers.push(self.provider_from(&at, owner, info).await?);
		}
		Ok(providers)
	}

	/// One provider by owner account, if registered.
	pub async fn provider(&self, owner: &AccountId) -> Result<Option<Provider>, ChainError> {
		let at = self.at_finalized().await?;
		let info = at
			.storage()
			.try_fetch(runtime::storage().providers().providers(), (*owner,))
			.await
			.map_err(ChainError::rpc)?;
		match info {
			None => Ok(None),
			Some(info) => {
				let info = info.decode().map_err(ChainError::rpc)?;
				Ok(Some(self.provider_from(&at, *owner, info).await?))
			},
		}
	}

	/// The provider (owner account) an agent key acts for.
	pub async fn provider_of_agent(
		&self,
		agent: &AccountId,
	) -> Result<Option<AccountId>, ChainError> {
		let at = self.at_finalized().await?;
		let owner = at
			.storage()
			.try_fetch(runtime::storage().providers().provider_of_agent(), (*agent,))
			.await
			.map_err(ChainError::rpc)?;
		owner.map(|o| o.decode().map_err(ChainError::rpc)).transpose()
	}

	async fn provider_from(
		&self,
		at: &AtBlock,
		owner: AccountId,
		info: runtime::runtime_types::pallet_providers::types::ProviderInfo,
	) -> Result<Provider, ChainError> {
		let metadata = at
			.storage()
			.try_fetch(runtime::storage().providers().metadata(), (owner,))
			.await
			.map_err(ChainError::rpc)?
			.map(|m| m.decode())
			.transpose()
			.map_err(ChainError::rpc)?;
		let inventory = at
			.storage()
			.try_fetch(runtime::storage().providers().inventory(), (owner,))
			.await
			.map_err(ChainError::rpc)?
			.map(|m| m.decode())
			.transpose()
			.map_err(ChainError::rpc)?;
		let free = at
			.runtime_apis()
			.call(runtime::runtime_apis().leases_api().free_gpus(owner))
			.within_deadline()
			.await?;
		let idle_reason = why_idle(at, owner).await?.map(|reason| idle_reason_text(&reason));
		let stake_units = at
			.storage()
			.try_fetch(runtime::storage().providers().stake_units(), (owner,))
			.await
			.map_err(ChainError::rpc)?
			.map(|units| units.decode())
			.transpose()
			.map_err(ChainError::rpc)?
			// A provider without a record weighs one unit per GPU.
			.unwrap_or(info.gpu_count);
		let (region, peer_id, multiaddrs) = match metadata {
			Some(m) => {
				(text(&m.region), text(&m.peer_id), m.multiaddrs.0.iter().map(text).collect())
			},
			None => (String::new(), String::new(), Vec::new()),
		};
		let proofs = crate::challenges::proofs(at, &owner).await?;
		let rules = crate::challenges::rules(at)?;
		let with_proof = |spec: &rt_gpu::GpuSpec| {
			let model = sp_crypto_hashing::blake2_256(&spec.model.0);
			Gpu {
				proven_until: proofs
					.get(&spec.uuid_hash.0)
					.and_then(|proof| proof.valid_until(&model, &rules)),
				..Gpu::from(spec)
			}
		};
		Ok(Provider {
			owner: owner.to_string(),
			agent: info.agent.to_string(),
			status: status_name(&info.status).to_string(),
			paused: info.paused,
			region,
			peer_id,
			multiaddrs,
			gpus: inventory.map(|i| i.0.iter().map(with_proof).collect()).unwrap_or_default(),
			free_gpus: free
				.as_ref()
				.map(|f| f.gpus.iter().map(with_proof).collect())
				.unwrap_or_default(),
			accepts_work: free.map(|f| f.accepts_work).unwrap_or(false),
			idle_reason,
			stake_units,
			last_heartbeat: info.last_heartbeat,
		})
	}

	/// One page of the open orders that a provider with a GPU like `gpu`, at most `max_gpus`
	/// GPUs and in `region` can serve (`None`: any), the highest price first: at most `limit`
	/// after `after`, and where the next page starts. Needs a runtime with `LeasesApi`
	/// version 3.
	pub async fn open_orders(
		&self,
		gpu: Option<rt_gpu::GpuSpec>,
		max_gpus: Option<u32>,
		region: Option<&str>,
		after: Option<Cursor>,
		limit: u32,
	) -> Result<Listing<Order>, ChainError> {
		let gpu = gpu.map(|spec| rt_api::GpuFilter {
			model: spec.model,
			vram_mib: spec.vram_mib,
			compute_capability: spec.compute_capability,
		});
		let region = region.map(|region| region.as_bytes().to_vec());
		let filter = rt_api::OrderFilter { gpu, max_gpus, region };
		let after = after.map(rt_index::IndexKey);
		let page = self
			.at_finalized()
			.await?
			.runtime_apis()
			.call(runtime::runtime_apis().leases_api().open_orders(filter, after, limit))
			.within_deadline()
			.await?;
		Ok(Listing {
			items: page.items.into_iter().map(order_view).collect(),
			next: page.next.map(|key| key.0),
		})
	}

	/// An order, while it is open.
	pub async fn order(&self, id: u64) -> Result<Option<Order>, ChainError> {
		let view = self
			.at_finalized()
			.await?
			.runtime_apis()
			.call(runtime::runtime_apis().leases_api().order(id))
			.within_deadline()
			.await?;
		Ok(view.map(order_view))
	}

	/// An order's bids.
	pub async fn bids(&self, order: u64) -> Result<Vec<Bid>, ChainError> {
		let views = self
			.at_finalized()
			.await?
			.runtime_apis()
			.call(runtime::runtime_apis().leases_api().bids_of(order))
			.within_deadline()
			.await?;
		Ok(views
			.into_iter()
			.map(|b| Bid {
				provider: b.provider.to_string(),
				price_per_gpu_hour: b.price_per_gpu_hour,
				gpus: b.gpus.iter().map(hex_h256).collect(),
				placed_at: b.placed_at,
			})
			.collect())
	}

	/// One page of the direct-rent offers with a free GPU of `model` (every offer when
	/// `None`), the cheapest first: at most `limit` after `after`, and where the next page
	/// starts. Needs a runtime with `LeasesApi` version 3.
	pub async fn offers(
		&self,
		model: Option<&str>,
		after: Option<Cursor>,
		limit: u32,
	) -> Result<Listing<Offer>, ChainError> {
		let filter = rt_api::OfferFilter {
			model: model.map(|model| BoundedVec(model.as_bytes().to_vec())),
			min_gpus: None,
			max_price_per_gpu_hour: None,
		};
		let after = after.map(rt_index::IndexKey);
		let page = self
			.at_finalized()
			.await?
			.runtime_apis()
			.call(runtime::runtime_apis().leases_api().offers(filter, after, limit))
			.within_deadline()
			.await?;
		let next = page.next.map(|key| key.0);
		let items = page
			.items
			.into_iter()
			.map(|o| Offer {
				id: o.id,
				provider: o.provider.to_string(),
				available: o.available.iter().map(Gpu::from).collect(),
				rented: o.rented,
				price_per_gpu_hour: o.price_per_gpu_hour,
				max_duration: o.max_duration,
			})
			.collect();
		Ok(Listing { items, next })
	}

	/// A running lease.
	pub async fn lease(&self, id: u64) -> Result<Option<Lease>, ChainError> {
		lease_at(&self.at_finalized().await?, id).await
	}

	/// A running lease as the best block shows it: one awarded a moment ago, in a block that
	/// is not final yet (and may still be retracted), is there already.
	pub async fn lease_at_best(&self, id: u64) -> Result<Option<Lease>, ChainError> {
		lease_at(&self.at_best().await?, id).await
	}

	/// The running leases `account` pays for or is paid by.
	pub async fn leases_of(&self, account: &AccountId) -> Result<Vec<Lease>, ChainError> {
		leases_of_at(&self.at_finalized().await?, account).await
	}

	/// What `requirement` would cost for `duration` blocks at recent prices.
	pub async fn quote(
		&self,
		requirement: &Requirement,
		duration: u32,
	) -> Result<Option<Quote>, ChainError> {
		let quote = self
			.at_finalized()
			.await?
			.runtime_apis()
			.call(runtime::runtime_apis().leases_api().quote(requirement.to_runtime(), duration))
			.within_deadline()
			.await?;
		Ok(quote.map(|q| Quote {
			samples: q.samples,
			min: q.min,
			median: q.median,
			max: q.max,
			estimated_cost: q.estimated_cost,
		}))
	}

	/// An account's balance.
	pub async fn balance(&self, account: &AccountId) -> Result<Balance, ChainError> {
		let info = self
			.at_finalized()
			.await?
			.storage()
			.try_fetch(runtime::storage().system().account(), (*account,))
			.await
			.map_err(ChainError::rpc)?
			.map(|v| v.decode())
			.transpose()
			.map_err(ChainError::rpc)?;
		Ok(info
			.map(|i| Balance { free: i.data.free, held: i.data.reserved })
			.unwrap_or(Balance { free: 0, held: 0 }))
	}

	/// The heartbeat period in blocks, as governance set it (`Providers.HeartbeatParams`),
	/// else the runtime's default from the metadata.
	pub async fn heartbeat_period(&self) -> Result<u32, ChainError> {
		let at = self.at_finalized().await?;
		let settings = at
			.storage()
			.try_fetch(runtime::storage().providers().heartbeat_params(), ())
			.await
			.map_err(ChainError::rpc)?
			.map(|value| value.decode())
			.transpose()
			.map_err(ChainError::rpc)?;
		if let Some(settings) = settings.filter(|settings| settings.period > 0) {
			return Ok(settings.period);
		}
		at.constants()
			.entry(runtime::constants().providers().heartbeat_period())
			.map_err(ChainError::rpc)
	}

	/// The deposit an order or a lease holds while it exists, plancks.
	pub async fn leases_storage_deposit(&self) -> Result<u128, ChainError> {
		let at = self.at_finalized().await?;
		at.constants()
			.entry(runtime::constants().leases().storage_deposit())
			.map_err(ChainError::rpc)
	}

	/// What an owner must bond to register GPUs.
	pub async fn stake_rules(&self) -> Result<StakeRules, ChainError> {
		let at = self.at_finalized().await?;
		let constants = runtime::constants().provider_staking();
		Ok(StakeRules {
			base: at.constants().entry(constants.provider_base_stake()).map_err(ChainError::rpc)?,
			per_unit: at
				.constants()
				.entry(constants.provider_stake_per_unit())
				.map_err(ChainError::rpc)?,
			unit_score: at
				.constants()
				.entry(runtime::constants().providers().stake_unit_score())
				.map_err(ChainError::rpc)?,
		})
	}

	/// The class score of each of `models` (exact NVML names), as the chain's table rates it:
	/// the default score for models the table does not list.
	pub async fn class_scores(&self, models: &[&str]) -> Result<Vec<u32>, ChainError> {
		let at = self.at_finalized().await?;
		let default = at
			.storage()
			.fetch(runtime::storage().emissions().rewards(), ())
			.await
			.map_err(ChainError::rpc)?
			.decode()
			.map_err(ChainError::rpc)?
			.default_class_score;
		let mut scores = Vec::with_capacity(models.len());
		for model in models {
			let listed = at
				.storage()
				.try_fetch(
					runtime::storage().emissions().class_scores(),
					(BoundedVec(model.as_bytes().to_vec()),),
				)
				.await
				.map_err(ChainError::rpc)?
				.map(|score| score.decode())
				.transpose()
				.map_err(ChainError::rpc)?;
			scores.push(listed.unwrap_or(default));
		}
		Ok(scores)
	}

	/// An owner's active bond, or `None` when it never bonded (its first bond is `bond`, later
	/// ones `bond_extra`).
	pub async fn bonded(&self, owner: &AccountId) -> Result<Option<u128>, ChainError> {
		self.at_finalized()
			.await?
			.storage()
			.try_fetch(runtime::storage().provider_staking().ledgers(), (*owner,))
			.await
			.map_err(ChainError::rpc)?
			.map(|ledger| ledger.decode().map(|ledger| ledger.active))
			.transpose()
			.map_err(ChainError::rpc)
	}

	/// Total issuance, plancks.
	pub async fn total_issuance(&self) -> Result<u128, ChainError> {
		let at = self.at_finalized().await?;
		let value = at
			.storage()
			.fetch(runtime::storage().balances().total_issuance(), ())
			.await
			.map_err(ChainError::rpc)?;
		value.decode().map_err(ChainError::rpc)
	}
}

/// Builders for the market's calls.
pub mod calls {
	use super::*;

	/// `leases.create_order`.
	pub fn create_order(
		requirement: &Requirement,
		duration: u32,
		max_price_per_gpu_hour: u128,
		manifest_hash: [u8; 32],
		region: Option<&str>,
		bid_window: u32,
		auto_award: bool,
	) -> impl subxt::tx::Payload {
		runtime::tx().leases().create_order(
			requirement.to_runtime(),
			duration,
			max_price_per_gpu_hour,
			H256(manifest_hash),
			region.map(|r| BoundedVec(r.as_bytes().to_vec())),
			bid_window,
			auto_award,
		)
	}

	fn bounded(text: &str) -> BoundedVec<u8> {
		BoundedVec(text.as_bytes().to_vec())
	}

	/// `providers.register(agent, region, peer_id, multiaddrs, gpus)`, signed by the owner.
	pub fn register(
		agent: AccountId,
		region: &str,
		peer_id: &str,
		multiaddrs: &[String],
		gpus: Vec<rt_gpu::GpuSpec>,
	) -> impl subxt::tx::Payload {
		runtime::tx().providers().register(
			agent,
			bounded(region),
			bounded(peer_id),
			BoundedVec(multiaddrs.iter().map(|m| bounded(m)).collect()),
			BoundedVec(gpus),
		)
	}

	/// `providers.update_inventory(gpus)`, signed by the owner.
	pub fn update_inventory(gpus: Vec<rt_gpu::GpuSpec>) -> impl subxt::tx::Payload {
		runtime::tx().providers().update_inventory(BoundedVec(gpus))
	}

	/// `providers.update_metadata(region, peer_id, multiaddrs)`, signed by the owner.
	pub fn update_metadata(
		region: &str,
		peer_id: &str,
		multiaddrs: &[String],
	) -> impl subxt::tx::Payload {
		runtime::tx().providers().update_metadata(
			bounded(region),
			bounded(peer_id),
			BoundedVec(multiaddrs.iter().map(|m| bounded(m)).collect()),
		)
	}

	/// `provider_staking.bond(value)`, signed by the owner.
	pub fn bond(value: u128) -> impl subxt::tx::Payload {
		runtime::tx().provider_staking().bond(value)
	}

	/// `provider_staking.bond_extra(value)`, signed by the owner.
	pub fn bond_extra(value: u128) -> impl subxt::tx::Payload {
		runtime::tx().provider_staking().bond_extra(value)
	}

	/// `leases.place_bid(order, price, gpus)` naming GPUs by their UUID hashes (`0x…`);
	/// `None` when one is malformed.
	pub fn place_bid(order: u64, price: u128, gpus: &[String]) -> Option<impl subxt::tx::Payload> {
		let hashes = gpus.iter().map(|g| parse_h256(g).map(H256)).collect::<Option<Vec<_>>>()?;
		Some(runtime::tx().leases().place_bid(order, price, BoundedVec(hashes)))
	}

	/// `providers.heartbeat(lines)`, signed by the agent key.
	pub fn heartbeat(
		lines: Vec<runtime::runtime_types::ember_primitives::market::LeaseAttestation>,
	) -> impl subxt::tx::Payload {
		runtime::tx().providers().heartbeat(BoundedVec(lines))
	}

	/// Formats plancks per GPU-hour for tables.
	pub fn price(plancks: u128) -> String {
		format_embr_number(plancks)
	}
}

#[cfg(test)]
mod tests {
	use super::StakeRules;

	#[test]
	fn gpus_weigh_stake_units_by_class_as_the_runtime_counts_them() {
		let rules = StakeRules { base: 1_000, per_unit: 100, unit_score: 100 };
		// A T4 (100), an RTX 4090 (350, rounded up to 4), an H100 (1,000), and a model scored
		// below the unit that still weighs one.
		assert_eq!(rules.units(&[100, 350, 1_000, 40]), 1 + 4 + 10 + 1);
		assert_eq!(rules.required(rules.units(&[1_000; 32])), 1_000 + 100 * 320);
		assert_eq!(rules.units(&[]), 0);
		// A zero unit reads as one point rather than dividing by zero.
		assert_eq!(StakeRules { unit_score: 0, ..rules }.units(&[7]), 7);
	}
}
