//! The agent's tasks and their one shutdown signal, one concern per module: the chain gate
//! ([`gate`]: what this chain allows), the finalized-block follower ([`follower`]: lease sync,
//! and through [`registration`], [`open_orders`] and [`bids`] the provider's record, the orders
//! it could serve and its bids), the heartbeat
//! loop on best blocks ([`heartbeat`]), the proof-of-compute challenges on best blocks
//! ([`challenges`]), awards taken on from best blocks and forgotten when retracted
//! ([`awards`]), the manifest protocol server, and the metrics and health endpoint.

mod awards;
mod bids;
mod challenges;
mod follower;
mod gate;
mod gauges;
mod heartbeat;
mod open_orders;
mod registration;

use std::{
	sync::{atomic::AtomicU32, Arc},
	time::Duration,
};

use ember_client::{
	chain::{AccountId, ChainError},
	p2p,
};
use subxt_signer::sr25519::Keypair;
use tokio::sync::watch;
use tokio_util::{sync::CancellationToken, task::TaskTracker};

use crate::{
	bidding::PricePolicy,
	chain::Submitter,
	config::AgentConfig,
	execution,
	inventory::{self, GpuDevice, GpuSource},
	metrics::{self, Health, Metrics},
	proving::{self, Solver},
	store::Store,
	workloads::{Settings, Workloads},
};

pub use gate::{development_only, DEVELOPMENT_CHAIN_TYPES};

/// Why the agent could not start or had to stop.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
	/// The data directory cannot be created.
	#[error("cannot create the data dir {path}: {source}")]
	DataDir {
		/// The directory.
		path: std::path::PathBuf,
		/// Why.
		source: std::io::Error,
	},
	/// The metrics registry refused a metric.
	#[error("metrics: {0}")]
	Metrics(#[from] prometheus::Error),
	/// The GPUs cannot be read.
	#[error("inventory: {0}")]
	Inventory(#[from] inventory::InventoryError),
	/// `[challenges] solver = "cuda"`, and the CUDA solver cannot start.
	#[error("challenges.solver = \"cuda\": {0}")]
	Cuda(#[from] proving::CudaError),
	/// The embedded database failed.
	#[error("store: {0}")]
	Store(#[from] crate::store::StoreError),
	/// A key or another part of the configuration is unusable.
	#[error("{0}")]
	Config(#[from] crate::config::ConfigError),
	/// The owner account does not parse.
	#[error("keys.owner: {0}")]
	Owner(ChainError),
	/// The executor cannot run here, or the lease records cannot be opened.
	#[error("executor: {0}")]
	Executor(#[from] execution::ExecutionError),
	/// The manifest protocol cannot start (its key, its addresses, its listener).
	#[error("libp2p: {0}")]
	P2p(#[from] p2p::P2pError),
	/// The metrics and health endpoint cannot listen.
	#[error("telemetry.metrics_listen {addr}: {source}")]
	MetricsListen {
		/// The address.
		addr: String,
		/// Why.
		source: std::io::Error,
	},
	/// The chain the agent joined does not allow what its configuration asks for.
	#[error("refusing to serve {chain}: {reason}")]
	ChainNotAllowed {
		/// The chain's type, as its node reports it.
		chain: String,
		/// What the configuration asks for that only a development chain allows.
		reason: String,
	},
}

/// Prints the agent's PeerId.
pub fn print_identity(config: &AgentConfig) -> Result<(), AgentError> {
	let keypair = p2p::load_or_generate(&config.data_dir.join("p2p-key"))?;
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
	/// Computes the answers to the chain's proof-of-compute challenges.
	solver: Arc<dyn Solver>,
	/// Every task spawned for the agent's work, awaited at shutdown.
	tasks: TaskTracker,
	/// Cancels every task.
	cancel: CancellationToken,
	/// The GPUs as the follower last read them.
	inventory: std::sync::Mutex<Vec<GpuDevice>>,
}

impl Shared {
	/// The GPUs as the follower last read them (none before its first block).
	fn inventory(&self) -> Vec<GpuDevice> {
		self.inventory.lock().map(|devices| devices.clone()).unwrap_or_default()
	}

	fn set_inventory(&self, devices: &[GpuDevice]) {
		if let Ok(mut inventory) = self.inventory.lock() {
			devices.clone_into(&mut inventory);
		}
	}
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
	/// The last finalized block the follower read.
	finalized: AtomicU32,
}

/// Runs the agent until SIGINT or SIGTERM, answering challenges with the solver
/// `[challenges] solver` asks for (see [`proving::select`]).
pub async fn run(config: AgentConfig) -> Result<(), AgentError> {
	start(config, None, wait_for_signal()).await
}

/// Runs the agent with `solver` answering its challenges, until `stop` completes.
pub async fn run_with(
	config: AgentConfig,
	solver: Arc<dyn Solver>,
	stop: impl std::future::Future<Output = ()>,
) -> Result<(), AgentError> {
	start(config, Some(solver), stop).await
}

/// Runs the agent until `stop` completes, answering challenges with `solver`, or the one the
/// configuration asks for when `None` (which needs the inventory's kind, so is picked here).
async fn start(
	config: AgentConfig,
	solver: Option<Arc<dyn Solver>>,
	stop: impl std::future::Future<Output = ()>,
) -> Result<(), AgentError> {
	let (shutdown_tx, shutdown) = watch::channel(false);
	std::fs::create_dir_all(&config.data_dir)
		.map_err(|source| AgentError::DataDir { path: config.data_dir.clone(), source })?;
	let metrics = Arc::new(Metrics::new()?);
	let health = Arc::new(Health::new());
	let gpus: Arc<dyn GpuSource> = Arc::from(inventory::detect(&config.inventory)?);
	health.set_inventory_source(gpus.kind());
	metrics.set_inventory_simulated(gpus.kind() == "simulated");
	let solver = match solver {
		Some(solver) => solver,
		None => proving::select(&config.challenges, gpus.kind())?,
	};
	// Nothing starts (no stored workload, no listener) before the chain is known to allow
	// this configuration.
	let Some(chain_type) = gate::first_chain_type(&config.chain.endpoint).await else {
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
	let store = Arc::new(Store::open(&config.data_dir)?);
	let agent_key = config.agent_keypair()?;
	let owner_key = config.owner_keypair()?;
	let owner =
		ember_client::market::parse_account(&config.keys.owner).map_err(AgentError::Owner)?;
	let executor = execution::executor_for(&config.executor, gpus.kind() == "simulated")?;
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
	)?;
	metrics.set_store_skipped(store.skipped());

	// The manifest protocol.
	let p2p_key = p2p::load_or_generate(&config.data_dir.join("p2p-key"))?;
	let peer_id = p2p_key.public().to_peer_id().to_string();
	let listen = p2p::parse_multiaddrs(&config.p2p.listen)?;
	let handler = Arc::new(Handler { workloads: workloads.clone() });
	let node = p2p::ProviderNode::start(p2p_key, listen, handler, shutdown.clone()).await?;
	metrics.operator.watch_p2p(node.stats());
	let announced = if config.p2p.external.is_empty() {
		node.listen_addrs().iter().map(|a| a.to_string()).collect()
	} else {
		config.p2p.external.clone()
	};
	tracing::info!(%peer_id, addrs = ?announced, "manifest protocol listening");

	// Metrics and health.
	let listener = tokio::net::TcpListener::bind(&config.telemetry.metrics_listen).await.map_err(
		|source| AgentError::MetricsListen {
			addr: config.telemetry.metrics_listen.clone(),
			source,
		},
	)?;
	tracing::info!(addr = %config.telemetry.metrics_listen, "metrics at /metrics, health at /health");
	// Every task the agent spawns is tracked, and one token cancels them all; the p2p node
	// and the metrics server take the same signal as a watch.
	let tasks = TaskTracker::new();
	let cancel = CancellationToken::new();
	tasks.spawn(metrics::serve(listener, metrics.clone(), health.clone(), shutdown.clone()));
	{
		let cancel = cancel.clone();
		tasks.spawn(async move {
			cancel.cancelled().await;
			let _ = shutdown_tx.send(true);
		});
	}

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
		solver,
		tasks: tasks.clone(),
		cancel: cancel.clone(),
		inventory: Default::default(),
	});
	tasks.spawn(gauges::gauge_loop(shared.clone()));
	let mut follower = tasks.spawn(follower::follow_chain(shared.clone()));

	let outcome = tokio::select! {
		() = stop => {
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
	cancel.cancel();
	tasks.close();
	shared.workloads.tasks().close();
	// Tasks under way (a submission, a workload being stopped) get a moment to finish; the
	// workloads themselves run on, to be adopted by the next start.
	let drained = tokio::time::timeout(SHUTDOWN_GRACE, async {
		tasks.wait().await;
		shared.workloads.tasks().wait().await;
	})
	.await;
	if drained.is_err() {
		tracing::warn!("some tasks did not finish within {SHUTDOWN_GRACE:?}; stopping anyway");
	}
	node.shutdown().await;
	outcome
}

/// How long shutting down waits for the agent's tasks.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

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
