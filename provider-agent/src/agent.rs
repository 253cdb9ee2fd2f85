//! The agent's tasks and their one shutdown signal: the block follower (registration,
//! heartbeats with attestations, lease sync, bidding), the manifest protocol server, and the
//! metrics and health endpoint.

use std::{
	collections::BTreeSet,
	sync::{
		atomic::{AtomicU32, Ordering},
		Arc,
	},
	time::Duration,
};

use ember_client::{
	chain::{AccountId, Chain, ChainError},
	market::{gpu_spec, Gpu},
	p2p,
	units::format_embr,
};
use subxt_signer::sr25519::Keypair;
use tokio::sync::watch;

use crate::{
	bidding::{self, PricePolicy},
	chain::{self as agent_chain, Submitter},
	config::{AgentConfig, ExecutorKind},
	execution,
	inventory::{self, GpuDevice, GpuSource},
	metrics::{self, Health, Metrics},
	store::{BidRecord, Store},
	workloads::{Settings, Workloads},
};

/// Why the agent could not start or had to stop.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
	/// Starting failed.
	#[error("cannot start: {0}")]
	Start(String),
	/// The chain the agent joined does not allow what its configuration asks for.
	#[error("refusing to serve {chain}: {reason}")]
	ChainNotAllowed {
		/// The chain's type, as its node reports it.
		chain: String,
		/// What the configuration asks for that only a development chain allows.
		reason: String,
	},
}

/// The chain's type, from the first node connection that answers (retrying with backoff);
/// `None` when the agent is asked to stop first.
async fn first_chain_type(url: &str) -> Option<String> {
	let mut attempt = 0u32;
	let signal = wait_for_signal();
	tokio::pin!(signal);
	loop {
		let asked = async { Chain::connect(url).await?.chain_type().await };
		let answer = tokio::select! {
			answer = asked => answer,
			() = &mut signal => return None,
		};
		match answer {
			Ok(chain_type) => return Some(chain_type),
			Err(error) => {
				let delay = agent_chain::backoff(attempt);
				attempt += 1;
				tracing::warn!(%error, ?delay, "cannot reach the chain to check its type; retrying");
				tokio::select! {
					() = tokio::time::sleep(delay) => {},
					() = &mut signal => return None,
				}
			},
		}
	}
}

/// Chain types on which simulated GPUs and the process executor are allowed: a chain spec
/// built for development or a local test network, never a live network.
pub const DEVELOPMENT_CHAIN_TYPES: [&str; 2] = ["Development", "Local"];

/// What the configuration asks for that a chain of type `chain_type` does not allow, if
/// anything: simulated GPUs would earn for hardware nobody has, and the process executor runs
/// tenant code as the agent's own user, next to its keys.
pub fn development_only(
	chain_type: &str,
	inventory_kind: &str,
	executor: ExecutorKind,
	development_keys: bool,
) -> Option<String> {
	if DEVELOPMENT_CHAIN_TYPES.contains(&chain_type) {
		return None;
	}
	let mut reasons = Vec::new();
	if inventory_kind == "simulated" {
		reasons.push(
			"the inventory is simulated, which only a development chain allows (read the real GPUs: \
			 inventory.mode = \"nvml\")",
		);
	}
	if executor == ExecutorKind::Process {
		reasons.push(
			"executor.kind = \"process\" runs tenant code as the agent's own user, which only a \
			 development chain allows (use executor.kind = \"container\")",
		);
	}
	if development_keys {
		reasons.push(
			"keys.agent_key or keys.owner_key is a development key, known to everyone (use \
			 agent_key_file or EMBER_AGENT_KEY)",
		);
	}
	(!reasons.is_empty()).then(|| reasons.join("; "))
}

fn start_err(what: &str) -> impl Fn(String) -> AgentError + '_ {
	move |e| AgentError::Start(format!("{what}: {e}"))
}

/// Prints the agent's PeerId.
pub fn print_identity(config: &AgentConfig) -> Result<(), AgentError> {
	let keypair = p2p::load_or_generate(&config.data_dir.join("p2p-key"))
		.map_err(|e| start_err("libp2p key")(e.to_string()))?;
	println!("{}", keypair.public().to_peer_id());
	Ok(())
}

/// Everything the tasks share.
struct Shared {
	config: AgentConfig,
	owner: AccountId,
	owner_key: Option<Keypair>,
	submitter: Submitter,
	store: Arc<Store>,
	gpus: Arc<dyn GpuSource>,
	metrics: Arc<Metrics>,
	health: Arc<Health>,
	workloads: Arc<Workloads>,
	peer_id: String,
	announced: Vec<String>,
	policy: PricePolicy,
	liveness: Liveness,
}

/// What the finalized-block follower tells the heartbeat loop, which runs on best blocks so
/// that a finality stall does not silence every provider at once.
#[derive(Default)]
struct Liveness {
	/// The heartbeat period, blocks; 0 until read.
	period: AtomicU32,
	/// The provider's last heartbeat: as finalized, or as included by this agent since.
	last_heartbeat: AtomicU32,
	/// Whether the provider is registered (only then are heartbeats sent).
	registered: std::sync::atomic::AtomicBool,
}

/// The longest a heartbeat waits for the GPUs' usage.
const USAGE_READ_LIMIT: Duration = Duration::from_secs(5);

/// How often the heartbeat loop looks at the best block.
const HEARTBEAT_TICK: Duration = Duration::from_secs(2);

/// Whether a heartbeat is due at best block `best`: none yet in its period.
fn heartbeat_due(best: u32, period: u32, last_heartbeat: u32) -> bool {
	period > 0 && best / period > last_heartbeat / period
}

/// Runs the agent until SIGINT or SIGTERM.
pub async fn run(config: AgentConfig) -> Result<(), AgentError> {
	let (shutdown_tx, shutdown) = watch::channel(false);
	std::fs::create_dir_all(&config.data_dir).map_err(|e| start_err("data dir")(e.to_string()))?;
	let metrics = Arc::new(Metrics::new().map_err(|e| start_err("metrics")(e.to_string()))?);
	let health = Arc::new(Health::new());
	let gpus: Arc<dyn GpuSource> = Arc::from(
		inventory::detect(&config.inventory).map_err(|e| start_err("inventory")(e.to_string()))?,
	);
	health.set_inventory_source(gpus.kind());
	metrics.set_inventory_simulated(gpus.kind() == "simulated");
	// Nothing starts (no stored workload, no listener) before the chain is known to allow
	// this configuration.
	let Some(chain_type) = first_chain_type(&config.chain.endpoint).await else {
		return Ok(());
	};
	if let Some(reason) = development_only(
		&chain_type,
		gpus.kind(),
		config.executor.kind,
		config.keys.has_development_key(),
	) {
		return Err(AgentError::ChainNotAllowed { chain: chain_type, reason });
	}
	let store =
		Arc::new(Store::open(&config.data_dir).map_err(|e| start_err("store")(e.to_string()))?);
	let agent_key = config.agent_keypair().map_err(|e| start_err("agent key")(e.to_string()))?;
	let owner_key = config.owner_keypair().map_err(|e| start_err("owner key")(e.to_string()))?;
	let owner = ember_client::market::parse_account(&config.keys.owner)
		.map_err(|e| start_err("keys.owner")(e.to_string()))?;
	let executor = execution::executor_for(&config.executor, gpus.kind() == "simulated")
		.map_err(|e| start_err("executor")(e.to_string()))?;
	let workloads = Workloads::open(
		store.clone(),
		executor,
		gpus.clone(),
		metrics.clone(),
		config.data_dir.clone(),
		owner.to_string(),
		Settings {
			stop_grace: Duration::from_secs(config.executor.stop_grace_secs),
			// Blocks are 6 s; a warning a little early is better than one too late.
			warn_before_end: config.executor.warn_before_end_secs.div_ceil(6) as u32,
			max_output_bytes: config.executor.max_output_bytes,
			allow_private_inputs: config.executor.allow_private_inputs,
		},
	)
	.map_err(|e| start_err("lease records")(e.to_string()))?;
	metrics.set_store_skipped(store.skipped());

	// The manifest protocol.
	let p2p_key = p2p::load_or_generate(&config.data_dir.join("p2p-key"))
		.map_err(|e| start_err("libp2p key")(e.to_string()))?;
	let peer_id = p2p_key.public().to_peer_id().to_string();
	let listen = p2p::parse_multiaddrs(&config.p2p.listen)
		.map_err(|e| start_err("p2p.listen")(e.to_string()))?;
	let handler = Arc::new(Handler { workloads: workloads.clone() });
	let node = p2p::ProviderNode::start(p2p_key, listen, handler, shutdown.clone())
		.await
		.map_err(|e| start_err("p2p")(e.to_string()))?;
	let announced = if config.p2p.external.is_empty() {
		node.listen_addrs().iter().map(|a| a.to_string()).collect()
	} else {
		config.p2p.external.clone()
	};
	tracing::info!(%peer_id, addrs = ?announced, "manifest protocol listening");

	// Metrics and health.
	let listener = tokio::net::TcpListener::bind(&config.telemetry.metrics_listen)
		.await
		.map_err(|e| start_err("telemetry.metrics_listen")(e.to_string()))?;
	tracing::info!(addr = %config.telemetry.metrics_listen, "metrics at /metrics, health at /health");
	let metrics_task =
		tokio::spawn(metrics::serve(listener, metrics.clone(), health.clone(), shutdown.clone()));

	let policy = config.price_policy();
	let shared = Arc::new(Shared {
		submitter: Submitter::new(agent_key, metrics.clone()),
		config,
		owner,
		owner_key,
		store,
		gpus,
		metrics,
		health,
		workloads,
		peer_id,
		announced,
		policy,
		liveness: Liveness::default(),
	});
	let mut follower = tokio::spawn(follow_chain(shared.clone(), shutdown.clone()));

	let outcome = tokio::select! {
		() = wait_for_signal() => {
			tracing::info!("shutting down");
			Ok(())
		},
		joined = &mut follower => match joined {
			Ok(Err(error)) => {
				tracing::error!(%error, "stopping");
				Err(error)
			},
			_ => Ok(()),
		},
	};
	let _ = shutdown_tx.send(true);
	let _ = tokio::time::timeout(Duration::from_secs(10), async {
		if !follower.is_finished() {
			let _ = follower.await;
		}
		let _ = metrics_task.await;
	})
	.await;
	drop(node);
	outcome
}

async fn wait_for_signal() {
	#[cfg(unix)]
	{
		use tokio::signal::unix::{signal, SignalKind};
		if let Ok(mut term) = signal(SignalKind::terminate()) {
			tokio::select! {
				_ = tokio::signal::ctrl_c() => {},
				_ = term.recv() => {},
			}
			return;
		}
	}
	let _ = tokio::signal::ctrl_c().await;
}

/// Serves tenants' requests from the lease table.
struct Handler {
	workloads: Arc<Workloads>,
}

impl p2p::RequestHandler for Handler {
	fn handle(
		&self,
		_peer: p2p::PeerId,
		request: p2p::Request,
	) -> futures::future::BoxFuture<'static, p2p::Response> {
		let workloads = self.workloads.clone();
		let now = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map(|d| d.as_secs())
			.unwrap_or_default();
		Box::pin(workloads.handle(request, now))
	}
}

/// Follows finalized blocks, reconnecting with backoff, until shutdown; stops with an error on
/// a chain that does not allow what the configuration asks for.
async fn follow_chain(
	shared: Arc<Shared>,
	mut shutdown: watch::Receiver<bool>,
) -> Result<(), AgentError> {
	let mut attempt = 0u32;
	loop {
		if *shutdown.borrow() {
			return Ok(());
		}
		let url = shared.config.chain.endpoint.clone();
		let mut refused = None;
		let session = async {
			let chain = Chain::connect(&url).await?;
			let chain_type = chain.chain_type().await?;
			if let Some(reason) = development_only(
				&chain_type,
				shared.gpus.kind(),
				shared.config.executor.kind,
				shared.config.keys.has_development_key(),
			) {
				refused = Some(AgentError::ChainNotAllowed { chain: chain_type, reason });
				return Ok(());
			}
			attempt = 0;
			shared.health.set_chain_connected(true);
			shared.metrics.set_chain_connected(true);
			tracing::info!(%url, "connected to the chain");
			tokio::select! {
				result = follow_session(&shared, &chain) => result,
				result = heartbeat_loop(&shared, &chain) => result,
			}
		};
		let result = tokio::select! {
			result = session => result,
			_ = shutdown.changed() => return Ok(()),
		};
		if let Some(refusal) = refused {
			return Err(refusal);
		}
		shared.health.set_chain_connected(false);
		shared.metrics.set_chain_connected(false);
		shared.submitter.resync();
		let delay = agent_chain::backoff(attempt);
		attempt += 1;
		match result {
			Ok(()) => tracing::warn!(?delay, "the block subscription ended; reconnecting"),
			Err(error) => tracing::warn!(%error, ?delay, "chain connection lost; reconnecting"),
		}
		tokio::select! {
			_ = tokio::time::sleep(delay) => {},
			_ = shutdown.changed() => return Ok(()),
		}
	}
}

/// Sends one heartbeat per period, carrying one attestation line per running lease, timed by
/// the best block rather than the finalized one: a finality stall does not stop heartbeats,
/// and neither does a failing GPU read (attestations come from the workloads' own state).
async fn heartbeat_loop(shared: &Arc<Shared>, chain: &Chain) -> Result<(), ChainError> {
	let in_flight = Arc::new(tokio::sync::Mutex::new(()));
	let mut tick = tokio::time::interval(HEARTBEAT_TICK);
	tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
	loop {
		tick.tick().await;
		let liveness = &shared.liveness;
		if !liveness.registered.load(Ordering::Relaxed) {
			continue;
		}
		let best = chain.best_number().await?;
		let period = liveness.period.load(Ordering::Relaxed);
		if !heartbeat_due(best, period, liveness.last_heartbeat.load(Ordering::Relaxed)) {
			continue;
		}
		let Ok(guard) = in_flight.clone().try_lock_owned() else { continue };
		// Usage comes from the GPU driver, which can hang on a failing GPU: read off the async
		// workers, and given up on (the heartbeat goes without usage) rather than waited for.
		let workloads = shared.workloads.clone();
		let read = tokio::task::spawn_blocking(move || workloads.attestations(true));
		let lines = match tokio::time::timeout(USAGE_READ_LIMIT, read).await {
			Ok(Ok(lines)) => lines,
			_ => {
				tracing::warn!("reading GPU usage took too long: heartbeating without it");
				shared.workloads.attestations(false)
			},
		};
		let shared = shared.clone();
		let chain = chain.clone();
		tokio::spawn(async move {
			let _guard = guard;
			let result = shared
				.submitter
				.submit(&chain, "heartbeat", &agent_chain::heartbeat_call(&lines))
				.await;
			shared.metrics.heartbeat(result.is_ok());
			if let Ok(receipt) = result {
				let block = receipt.block_number as u32;
				shared.liveness.last_heartbeat.fetch_max(block, Ordering::Relaxed);
				shared.health.set_last_heartbeat(block);
			}
		});
	}
}

/// Open orders read per request, and the most looked at per block (oldest first).
const ORDERS_PAGE: u32 = 100;
const MAX_ORDERS_SCANNED: usize = 1_000;

/// The open orders, oldest first, page by page up to [`MAX_ORDERS_SCANNED`]: a backlog of
/// orders this provider cannot serve does not hide newer ones it can.
async fn open_orders(chain: &Chain) -> Result<Vec<ember_client::market::Order>, ChainError> {
	let mut orders: Vec<ember_client::market::Order> = Vec::new();
	loop {
		let page = chain.open_orders(orders.last().map(|o| o.id), ORDERS_PAGE).await?;
		let full = page.len() == ORDERS_PAGE as usize;
		orders.extend(page);
		if !full || orders.len() >= MAX_ORDERS_SCANNED {
			return Ok(orders);
		}
	}
}

/// Blocks the GPUs of a bid whose order closed stay out of new bids: about the finality lag,
/// so that a lease awarded in a block not yet finalized is not bid over.
const BID_GPU_HOLD_BLOCKS: u32 = 10;

/// Blocks between attempts to register while registration fails or cannot be done.
const REGISTRATION_RETRY_BLOCKS: u32 = 10;

/// One connection's worth of blocks.
async fn follow_session(shared: &Arc<Shared>, chain: &Chain) -> Result<(), ChainError> {
	let mut blocks =
		chain.api().stream_blocks().await.map_err(|e| ChainError::Rpc(e.to_string()))?;
	let mut period = agent_chain::heartbeat_period(chain).await?;
	let mut registered = false;
	let mut retry_registration_at = 0;
	let bids_in_flight = Arc::new(tokio::sync::Mutex::new(()));
	// GPUs of this agent's bids, until which block they stay out of new bids.
	let mut bid_gpus_held: std::collections::BTreeMap<String, u32> = Default::default();
	let mut idle_reason: Option<String> = None;
	let mut gpu_failures: Vec<String> = Vec::new();
	while let Some(block) = blocks.next().await {
		let block = block.map_err(|e| ChainError::Rpc(e.to_string()))?;
		let now = block.number() as u32;
		shared.health.set_finalized(now);
		shared.metrics.set_finalized_block(now);
		// Governance may change the period at any block; a heartbeat late by the old period
		// could cost the provider its Active status.
		period = agent_chain::heartbeat_period(chain).await.unwrap_or(period);
		let devices = match shared.gpus.devices() {
			Ok(devices) => devices,
			Err(error) => {
				tracing::error!(%error, "reading the GPUs failed");
				continue;
			},
		};
		shared.metrics.set_gpus_total(devices.len() as i64);
		let failures = shared.gpus.failures();
		shared.metrics.set_gpus_failed(failures.len() as i64);
		if failures != gpu_failures {
			for failure in &failures {
				tracing::error!(%failure, "a GPU cannot be read: it is withdrawn from bidding");
			}
			if failures.is_empty() && !gpu_failures.is_empty() {
				tracing::info!("every GPU reads again");
			}
			gpu_failures = failures;
		}
		if (!registered && now >= retry_registration_at) || now.is_multiple_of(50) {
			registered = match ensure_registered(shared, chain, &devices).await {
				Ok(registered) => registered,
				Err(error @ (ChainError::Rpc(_) | ChainError::Connect { .. })) => {
					return Err(error)
				},
				// Refused or failed on chain: the connection is fine; try again a little later
				// rather than paying fees for the same failure every block.
				Err(error) => {
					tracing::warn!(%error, "registering the provider failed");
					false
				},
			};
			shared.health.set_registered(registered);
			// Also after a registration that went through: the finalized state this loop
			// reads shows it a few blocks later, and until then it must not be redone.
			retry_registration_at = now + REGISTRATION_RETRY_BLOCKS;
		}
		if !registered {
			continue;
		}
		let Some(provider) = chain.provider(&shared.owner).await? else {
			registered = false;
			shared.liveness.registered.store(false, Ordering::Relaxed);
			continue;
		};
		// Say once, when it changes, why the chain gives this provider no new work.
		if provider.idle_reason != idle_reason {
			match &provider.idle_reason {
				Some(reason) => tracing::warn!(%reason, "the provider takes no new work"),
				None => tracing::info!("the provider takes new work again"),
			}
			idle_reason = provider.idle_reason.clone();
		}
		let leases = chain.leases_of(&shared.owner).await?;
		shared.workloads.sync(&leases, now, &devices);
		shared
			.metrics
			.set_gpus_leased(leases.iter().map(|l| l.gpus.len()).sum::<usize>() as i64);

		shared.liveness.period.store(period, Ordering::Relaxed);
		shared
			.liveness
			.last_heartbeat
			.fetch_max(provider.last_heartbeat, Ordering::Relaxed);
		shared.liveness.registered.store(true, Ordering::Relaxed);

		// Bids on open orders, with GPUs nobody holds.
		if provider.accepts_work {
			if let Ok(guard) = bids_in_flight.clone().try_lock_owned() {
				let orders = open_orders(chain).await?;
				let open: BTreeSet<u64> = orders.iter().map(|o| o.id).collect();
				let mut bid_on = BTreeSet::new();
				let hex_of = |h: &[u8; 32]| format!("0x{}", hex::encode(h));
				for bid in shared.store.bids().unwrap_or_default() {
					if open.contains(&bid.order) {
						bid_on.insert(bid.order);
						bid_gpus_held.extend(bid.gpu_hashes.iter().map(|h| (hex_of(h), u32::MAX)));
					} else {
						// Closed: perhaps awarded in a block not finalized yet, whose lease
						// the finalized state does not show. Its GPUs wait a little longer.
						let _ = shared.store.remove_bid(bid.order);
						let until = now.saturating_add(BID_GPU_HOLD_BLOCKS);
						bid_gpus_held.extend(bid.gpu_hashes.iter().map(|h| (hex_of(h), until)));
					}
				}
				bid_gpus_held.retain(|_, until| *until > now);
				let bid_gpus: BTreeSet<String> = bid_gpus_held.keys().cloned().collect();
				// Open bids are re-read next block: only closed ones' holds persist.
				bid_gpus_held.retain(|_, until| *until != u32::MAX);
				// The finalized state lags the bids this agent placed since: their GPUs are not
				// free, whatever it still says.
				let free = bidding::without(&provider.free_gpus, &bid_gpus);
				let commitments = (leases.len() + bid_on.len()) as u32;
				let (plans, _skipped) = bidding::plan(
					&orders,
					&free,
					&shared.policy,
					&shared.owner.to_string(),
					&bid_on,
					commitments,
				);
				if !plans.is_empty() {
					let shared = shared.clone();
					let chain = chain.clone();
					tokio::spawn(async move {
						let _guard = guard;
						for plan in plans {
							place_bid(&shared, &chain, plan, now).await;
						}
					});
				}
			}
		}
	}
	Ok(())
}

async fn place_bid(shared: &Shared, chain: &Chain, plan: bidding::BidPlan, now: u32) {
	let Some(call) = agent_chain::bid_call(plan.order, plan.price_per_gpu_hour, &plan.gpus) else {
		return;
	};
	// Recorded first: a crash between here and inclusion must not lead to a second bid.
	let record = BidRecord {
		order: plan.order,
		gpu_hashes: plan.gpus.iter().filter_map(|g| ember_client::market::parse_h256(g)).collect(),
		price: plan.price_per_gpu_hour,
		placed_at_block: now,
		tx_hash: None,
	};
	if let Err(error) = shared.store.put_bid(&record) {
		tracing::error!(order = plan.order, %error, "cannot record the bid; not placing it");
		return;
	}
	match shared.submitter.submit(chain, "place_bid", &call).await {
		Ok(_) => {
			shared.metrics.bid("placed");
			tracing::info!(order = plan.order, price = %plan.price_per_gpu_hour, gpus = plan.gpus.len(), "bid placed");
		},
		Err(error) => {
			shared.metrics.bid(error.module_error().as_deref().unwrap_or("failed"));
			// A refused bid may be retried on a later block unless the chain said why not; a
			// GPU committed meanwhile (a lease awarded in a block not yet finalized) is no
			// reason to give up on the order.
			let retry = match error.module_error().as_deref() {
				None => true,
				Some(module_error) => module_error.ends_with("GpuCommitted"),
			};
			if retry {
				let _ = shared.store.remove_bid(plan.order);
			}
		},
	}
}

fn specs(
	devices: &[GpuDevice],
) -> Vec<ember_client::chain::runtime::runtime_types::ember_primitives::gpu::GpuSpec> {
	devices
		.iter()
		.map(|d| gpu_spec(&d.model, d.vram_mib, d.compute_capability, d.uuid_hash()))
		.collect()
}

/// Makes sure the owner's own bond covers `gpus` GPUs before registering: bonds (or adds to
/// the bond) up to `provider.bond` when that is configured. Explains in the log, and answers
/// `false`, when the configured or existing bond is too small.
async fn bond_enough(
	shared: &Shared,
	chain: &Chain,
	owner_key: &Keypair,
	gpus: u32,
) -> Result<bool, ChainError> {
	let at = chain
		.api()
		.at_current_block()
		.await
		.map_err(|e| ChainError::Rpc(e.to_string()))?;
	let constants = ember_client::chain::runtime::constants().provider_staking();
	let base = at
		.constants()
		.entry(constants.provider_base_stake())
		.map_err(|e| ChainError::Rpc(e.to_string()))?;
	let per_gpu = at
		.constants()
		.entry(constants.provider_stake_per_gpu())
		.map_err(|e| ChainError::Rpc(e.to_string()))?;
	let required = base.saturating_add(per_gpu.saturating_mul(u128::from(gpus)));
	let active = at
		.storage()
		.try_fetch(
			ember_client::chain::runtime::storage().provider_staking().ledgers(),
			(shared.owner,),
		)
		.await
		.map_err(|e| ChainError::Rpc(e.to_string()))?
		.map(|ledger| ledger.decode().map(|l| l.active))
		.transpose()
		.map_err(|e| ChainError::Rpc(e.to_string()))?;
	let have = active.unwrap_or(0);
	if have >= required {
		return Ok(true);
	}
	let need = format!(
		"{} to register {gpus} GPU(s) ({} base + {} per GPU)",
		format_embr(required),
		format_embr(base),
		format_embr(per_gpu)
	);
	let Some(target) = shared.config.bond_plancks() else {
		tracing::error!(
			"the owner's bond is {}; it needs {need}: bond more with `emberctl provider bond` (or set provider.bond)",
			format_embr(have)
		);
		return Ok(false);
	};
	if target < required {
		tracing::error!(
			"provider.bond is {}; it needs {need}: raise provider.bond",
			format_embr(target)
		);
		return Ok(false);
	}
	match active {
		None => {
			agent_chain::submit_as_owner(chain, owner_key, "bond", &agent_chain::bond_call(target))
				.await?;
		},
		Some(active) => {
			let extra = target - active;
			agent_chain::submit_as_owner(
				chain,
				owner_key,
				"bond_extra",
				&agent_chain::bond_extra_call(extra),
			)
			.await?;
		},
	}
	Ok(true)
}

/// Makes sure the provider is registered with this machine's GPUs and addresses: registers or
/// updates with the owner key when the config holds it, otherwise says what the owner must run.
async fn ensure_registered(
	shared: &Shared,
	chain: &Chain,
	devices: &[GpuDevice],
) -> Result<bool, ChainError> {
	let agent = *shared.submitter.account();
	let region = shared.config.provider.region.clone();
	match chain.provider(&shared.owner).await? {
		Some(provider) => {
			if provider.agent != agent.to_string() {
				tracing::error!(
					registered_agent = %provider.agent,
					our_agent = %agent,
					"the provider is registered with another agent key: run `emberctl provider set-agent {agent}` with the owner key"
				);
				return Ok(false);
			}
			let mut on_chain: Vec<&str> =
				provider.gpus.iter().map(|g| g.uuid_hash.as_str()).collect();
			let local_hashes: Vec<String> =
				devices.iter().map(|d| format!("0x{}", hex::encode(d.uuid_hash()))).collect();
			let mut local: Vec<&str> = local_hashes.iter().map(String::as_str).collect();
			on_chain.sort();
			local.sort();
			if on_chain != local {
				match &shared.owner_key {
					Some(owner_key) => {
						let _ = agent_chain::submit_as_owner(
							chain,
							owner_key,
							"update_inventory",
							&agent_chain::update_inventory_call(specs(devices)),
						)
						.await;
					},
					None => tracing::warn!(
						"the GPUs on chain differ from this machine's: update the inventory with the owner key"
					),
				}
			}
			if provider.peer_id != shared.peer_id
				|| provider.multiaddrs != shared.announced
				|| provider.region != region
			{
				if let Some(owner_key) = &shared.owner_key {
					let _ = agent_chain::submit_as_owner(
						chain,
						owner_key,
						"update_metadata",
						&agent_chain::update_metadata_call(
							&region,
							&shared.peer_id,
							&shared.announced,
						),
					)
					.await;
				} else {
					tracing::warn!(peer_id = %shared.peer_id, addrs = ?shared.announced, "the provider's PeerId or addresses on chain are stale: update them with the owner key");
				}
			}
			Ok(true)
		},
		None => {
			let Some(owner_key) = &shared.owner_key else {
				let gpus: Vec<Gpu> = devices.iter().map(inventory::to_chain_gpu).collect();
				tracing::error!(
					"the provider is not registered. With the owner key: `provider-agent inventory --json > gpus.json` then \
					 `emberctl --key-file <owner key> provider register --agent {agent} --region {region} --peer-id {} {} --inventory gpus.json` \
					 ({} GPU(s))",
					shared.peer_id,
					shared.announced.iter().map(|a| format!("--multiaddr {a}")).collect::<Vec<_>>().join(" "),
					gpus.len()
				);
				return Ok(false);
			};
			if !bond_enough(shared, chain, owner_key, devices.len() as u32).await? {
				return Ok(false);
			}
			let call = agent_chain::register_call(
				agent,
				&region,
				&shared.peer_id,
				&shared.announced,
				specs(devices),
			);
			agent_chain::submit_as_owner(chain, owner_key, "register", &call).await?;
			tracing::info!(gpus = devices.len(), "registered the provider");
			Ok(true)
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_heartbeat_is_due_once_per_period_of_the_best_block() {
		assert!(!heartbeat_due(105, 0, 0), "no period read yet");
		assert!(heartbeat_due(105, 10, 99));
		assert!(!heartbeat_due(109, 10, 100), "one already in this period");
		assert!(heartbeat_due(110, 10, 100));
		// Blocks the finalized view has not reached yet still count.
		assert!(heartbeat_due(230, 10, 100));
	}

	#[test]
	fn simulated_gpus_and_the_process_executor_serve_development_chains_only() {
		for chain in DEVELOPMENT_CHAIN_TYPES {
			assert_eq!(development_only(chain, "simulated", ExecutorKind::Process, true), None);
		}
		assert_eq!(development_only("Live", "nvml", ExecutorKind::Container, false), None);
		let simulated = development_only("Live", "simulated", ExecutorKind::Container, false)
			.expect("refused on a live chain");
		assert!(simulated.contains("simulated"), "{simulated}");
		let process = development_only("Live", "nvml", ExecutorKind::Process, false)
			.expect("refused on a live chain");
		assert!(process.contains("executor.kind = \"process\""), "{process}");
		let keys = development_only("Live", "nvml", ExecutorKind::Container, true)
			.expect("refused on a live chain");
		assert!(keys.contains("development key"), "{keys}");
		// A custom chain type is not a development chain either.
		let all =
			development_only("Staging", "simulated", ExecutorKind::Process, true).expect("refused");
		assert!(all.contains("simulated") && all.contains("process"), "{all}");
	}
}
