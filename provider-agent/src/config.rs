//! The agent's configuration: one TOML file, read and checked in full before anything starts,
//! so that a typo is reported with the file and the field instead of surfacing hours later.
//!
//! Only `[keys]`, `[provider]` and `[pricing]` are required; every other section and most keys
//! have defaults. Relative paths (`data_dir`, key files) are taken from the config file's own
//! directory, so that the agent behaves the same whatever directory it is started from.

use std::{
	collections::{BTreeMap, BTreeSet},
	fmt,
	io::Write,
	net::SocketAddr,
	path::{Path, PathBuf},
};

use ember_client::{
	keys::{address_of, keypair_from_file, keypair_from_uri},
	manifest::parse_capability,
	market::parse_account,
	p2p::Multiaddr,
	units::{parse_duration_blocks, parse_embr},
};
use serde::Deserialize;
use subxt_signer::sr25519::Keypair;

use crate::bidding::PricePolicy;

/// The node's RPC endpoint on the same machine.
pub const DEFAULT_ENDPOINT: &str = "ws://127.0.0.1:9944";
/// The manifest protocol's default listen addresses: TCP for tenants' programs, WebSocket for
/// browsers (the web app).
pub const DEFAULT_P2P_LISTEN: [&str; 2] = ["/ip4/0.0.0.0/tcp/30444", "/ip4/0.0.0.0/tcp/30445/ws"];
/// Metrics and health: one port above the node's own Prometheus port (9615).
pub const DEFAULT_METRICS_LISTEN: &str = "127.0.0.1:9616";

// Limits the chain enforces on registration; checked here so that a provider learns of them
// when it edits the file, not when its registration is refused.
const MAX_REGION_LEN: usize = 32;
const MAX_MULTIADDRS: usize = 8;
const MAX_MULTIADDR_LEN: usize = 128;
const MAX_GPU_MODEL_LEN: usize = 64;
const MAX_GPUS: usize = 32;

/// Why the configuration could not be used. Every message names the file, and the field when
/// one is at fault.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
	/// The file could not be read.
	#[error("cannot read {}: {source}", .path.display())]
	Read {
		/// The file.
		path: PathBuf,
		/// Why.
		source: std::io::Error,
	},
	/// The file could not be written (`init`).
	#[error("cannot write {}: {source}", .path.display())]
	Write {
		/// The file.
		path: PathBuf,
		/// Why.
		source: std::io::Error,
	},
	/// Not valid TOML, a value of the wrong type, a missing or an unknown key: the TOML
	/// parser's own message, which names the key and the line.
	#[error("{}: {message}", .path.display())]
	Parse {
		/// The file.
		path: PathBuf,
		/// The parser's message.
		message: String,
	},
	/// A value that parses but cannot be used.
	#[error("{}: {field}: {problem}", .path.display())]
	Invalid {
		/// The file.
		path: PathBuf,
		/// The field, as a TOML path (`pricing.default_per_gpu_hour`).
		field: String,
		/// What is wrong with it.
		problem: String,
	},
	/// `init` would overwrite an existing file.
	#[error("{} already exists: pass --force to overwrite it", .0.display())]
	Exists(PathBuf),
}

/// The whole configuration file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentConfig {
	/// Where the agent keeps its state: libp2p key, lease records, workload directories.
	pub data_dir: PathBuf,
	/// The node to follow.
	#[serde(default)]
	pub chain: ChainConfig,
	/// The agent's and the owner's keys.
	pub keys: KeysConfig,
	/// How the provider presents itself on chain.
	pub provider: ProviderConfig,
	/// The price list and the leases taken.
	pub pricing: PricingConfig,
	/// Where the GPUs come from.
	#[serde(default)]
	pub inventory: InventoryConfig,
	/// How workloads are run.
	#[serde(default)]
	pub executor: ExecutorConfig,
	/// The manifest protocol's addresses.
	#[serde(default)]
	pub p2p: P2pConfig,
	/// Metrics, health and logs.
	#[serde(default)]
	pub telemetry: TelemetryConfig,
	/// How the agent answers the chain's proof-of-compute challenges.
	#[serde(default)]
	pub challenges: ChallengesConfig,
	/// The file this configuration was loaded from, for error messages.
	#[serde(skip)]
	pub file: PathBuf,
}

/// `[chain]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainConfig {
	/// WebSocket RPC endpoint of an Ember node (`ws://` or `wss://`).
	#[serde(default = "default_endpoint")]
	pub endpoint: String,
}

impl Default for ChainConfig {
	fn default() -> Self {
		Self { endpoint: default_endpoint() }
	}
}

/// The environment variable that may hold the agent key's secret URI instead of the config.
pub const AGENT_KEY_ENV: &str = "EMBER_AGENT_KEY";
/// The environment variable that may hold the owner key's secret URI instead of the config.
pub const OWNER_KEY_ENV: &str = "EMBER_OWNER_KEY";

/// `[keys]`: exactly one of `agent_key`, `agent_key_file` and [`AGENT_KEY_ENV`], at most one of
/// `owner_key`, `owner_key_file` and [`OWNER_KEY_ENV`]. Secrets are never written in the
/// config itself: `agent_key` and `owner_key` take development keys only (`//Name…`, derived
/// from the well-known development phrase, which a development chain alone accepts).
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeysConfig {
	/// A development agent key (`//Charlie//agent`).
	pub agent_key: Option<String>,
	/// A file holding the agent key's secret URI (plain or keystore JSON), mode 0600.
	pub agent_key_file: Option<PathBuf>,
	/// The provider's owner account (SS58).
	pub owner: String,
	/// A development owner key (`//Charlie`), to let the agent register and update the
	/// provider itself.
	pub owner_key: Option<String>,
	/// A file holding the owner key's secret URI, mode 0600.
	pub owner_key_file: Option<PathBuf>,
	/// The agent key's secret URI from [`AGENT_KEY_ENV`].
	#[serde(skip)]
	pub agent_key_env: Option<String>,
	/// The owner key's secret URI from [`OWNER_KEY_ENV`].
	#[serde(skip)]
	pub owner_key_env: Option<String>,
}

impl KeysConfig {
	/// Whether any key given, in the config, the environment or a key file, is a development
	/// key (`//Name…`), which everyone can derive: a development chain only.
	pub fn has_development_key(&self) -> bool {
		let given = [&self.agent_key, &self.owner_key, &self.agent_key_env, &self.owner_key_env];
		let in_files =
			[&self.agent_key_file, &self.owner_key_file].into_iter().flatten().any(|path| {
				std::fs::read_to_string(path).is_ok_and(|text| {
					let text = text.trim();
					let secret =
						serde_json::from_str::<String>(text).unwrap_or_else(|_| text.into());
					is_development_uri(&secret)
				})
			});
		given.into_iter().flatten().any(|uri| is_development_uri(uri)) || in_files
	}
}

/// Whether `uri` is a development key: a derivation of the well-known development phrase.
fn is_development_uri(uri: &str) -> bool {
	uri.trim().starts_with("//")
}

// Secrets stay out of debug output and therefore out of logs.
impl fmt::Debug for KeysConfig {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let redacted = |set: bool| if set { Some("<secret>") } else { None };
		f.debug_struct("KeysConfig")
			.field("agent_key", &redacted(self.agent_key.is_some()))
			.field("agent_key_file", &self.agent_key_file)
			.field("owner", &self.owner)
			.field("owner_key", &redacted(self.owner_key.is_some()))
			.field("owner_key_file", &self.owner_key_file)
			.field("agent_key_env", &redacted(self.agent_key_env.is_some()))
			.field("owner_key_env", &redacted(self.owner_key_env.is_some()))
			.finish()
	}
}

/// `[provider]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
	/// Region label, e.g. `eu-west`; orders restricted to another region are not bid on.
	pub region: String,
	/// The owner's bond in EMBR, placed or topped up to before registering (e.g. `"1500"`).
	pub bond: Option<String>,
}

/// `[pricing]`: amounts in EMBR, durations as `90m`, `2h`, `1d` or a block count.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PricingConfig {
	/// Asking price per GPU-hour for models without their own price.
	pub default_per_gpu_hour: String,
	/// Asking price per GPU-hour by exact model name as NVML reports it.
	#[serde(default)]
	pub per_model: BTreeMap<String, String>,
	/// Shortest lease worth bidding on.
	#[serde(default = "default_min_duration")]
	pub min_duration: String,
	/// Longest lease bid on.
	#[serde(default = "default_max_duration")]
	pub max_duration: String,
	/// Most leases running or bid for at once; 0 for no limit.
	#[serde(default = "default_max_leases")]
	pub max_leases: u32,
}

/// Where the GPU list comes from.
#[derive(Clone, Copy, Debug, Default, Deserialize, Eq, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum InventoryMode {
	/// NVML when a driver answers with at least one GPU, the simulated list otherwise.
	#[default]
	Auto,
	/// NVML only; no driver is an error.
	Nvml,
	/// The simulated list only.
	Simulated,
}

/// `[inventory]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventoryConfig {
	/// Where the GPU list comes from.
	#[serde(default)]
	pub mode: InventoryMode,
	/// GPUs to pretend to have, for development and tests.
	#[serde(default)]
	pub simulated: Vec<SimulatedGpu>,
	/// The NVML library to load instead of the driver's `libnvidia-ml.so.1`.
	#[serde(default)]
	pub nvml_library: Option<PathBuf>,
}

/// One `[[inventory.simulated]]` GPU.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SimulatedGpu {
	/// Model name, as NVML would report it (`NVIDIA L4`).
	pub model: String,
	/// Device memory, MiB.
	pub vram_mib: u32,
	/// CUDA compute capability, `major.minor`.
	pub compute_capability: String,
	/// Device UUID; unique on the machine.
	pub uuid: String,
	/// Utilization reported while leased, percent (87 when absent).
	#[serde(default)]
	pub busy_utilization_pct: Option<u8>,
	/// Memory reported used while leased, MiB (a third of `vram_mib` when absent).
	#[serde(default)]
	pub busy_memory_mib: Option<u32>,
}

/// How workloads are isolated.
#[derive(Clone, Copy, Debug, Default, Deserialize, Eq, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum ExecutorKind {
	/// A child process of the agent, as the agent's own user: development chains only.
	Process,
	/// A hardened container (docker or podman): the default, and the only kind a chain that
	/// is not a development chain allows.
	#[default]
	Container,
}

/// `[executor.sandbox]`: what one lease's container may use. Limits scale with the lease's
/// GPU count where noted; a manifest asking for more than a limit is refused, and a limit it
/// leaves out is the maximum.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SandboxConfig {
	/// The `uid:gid` the workload runs as inside its container.
	#[serde(default = "default_sandbox_user")]
	pub user: String,
	/// Memory per leased GPU, MiB.
	#[serde(default = "default_memory_mib_per_gpu")]
	pub memory_mib_per_gpu: u64,
	/// CPU per leased GPU, thousandths of a core.
	#[serde(default = "default_cpu_millis_per_gpu")]
	pub cpu_millis_per_gpu: u64,
	/// Processes and threads per lease.
	#[serde(default = "default_pids")]
	pub pids: u64,
	/// `/dev/shm` per leased GPU, MiB (counted in the memory limit when used).
	#[serde(default = "default_shm_mib_per_gpu")]
	pub shm_mib_per_gpu: u64,
	/// `/tmp` (a tmpfs, counted in the memory limit when used), MiB.
	#[serde(default = "default_tmp_mib")]
	pub tmp_mib: u64,
	/// Disk for the workload directory and its raw output, per lease, MiB.
	#[serde(default = "default_disk_mib")]
	pub disk_mib: u64,
	/// Whether a manifest may ask for the network (`"network": true`).
	#[serde(default)]
	pub allow_network: bool,
}

impl Default for SandboxConfig {
	fn default() -> Self {
		Self {
			user: default_sandbox_user(),
			memory_mib_per_gpu: default_memory_mib_per_gpu(),
			cpu_millis_per_gpu: default_cpu_millis_per_gpu(),
			pids: default_pids(),
			shm_mib_per_gpu: default_shm_mib_per_gpu(),
			tmp_mib: default_tmp_mib(),
			disk_mib: default_disk_mib(),
			allow_network: false,
		}
	}
}

/// `[executor]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExecutorConfig {
	/// Process or container.
	#[serde(default)]
	pub kind: ExecutorKind,
	/// `docker` or `podman`; `None` picks whichever is installed.
	#[serde(default)]
	pub container_runtime: Option<String>,
	/// Seconds between asking a workload to stop and killing it.
	#[serde(default = "default_stop_grace_secs")]
	pub stop_grace_secs: u64,
	/// Seconds before a lease's end (or its escrow running out) the tenant is warned.
	#[serde(default = "default_warn_before_end_secs")]
	pub warn_before_end_secs: u64,
	/// Largest total size of a lease's outputs, bytes.
	#[serde(default = "default_max_output_bytes")]
	pub max_output_bytes: u64,
	/// Whether URL inputs may come from private addresses (loopback, the LAN, link-local):
	/// off, so that a tenant cannot read the provider's own network through its inputs.
	#[serde(default)]
	pub allow_private_inputs: bool,
	/// The container sandbox's limits.
	#[serde(default)]
	pub sandbox: SandboxConfig,
}

impl Default for ExecutorConfig {
	fn default() -> Self {
		Self {
			kind: ExecutorKind::default(),
			container_runtime: None,
			stop_grace_secs: default_stop_grace_secs(),
			warn_before_end_secs: default_warn_before_end_secs(),
			max_output_bytes: default_max_output_bytes(),
			allow_private_inputs: false,
			sandbox: SandboxConfig::default(),
		}
	}
}

/// `[p2p]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct P2pConfig {
	/// Multiaddrs to listen on.
	#[serde(default = "default_p2p_listen")]
	pub listen: Vec<String>,
	/// Multiaddrs announced on chain; the listen addresses when empty.
	#[serde(default)]
	pub external: Vec<String>,
}

impl Default for P2pConfig {
	fn default() -> Self {
		Self { listen: default_p2p_listen(), external: Vec::new() }
	}
}

/// Log line format.
#[derive(Clone, Copy, Debug, Default, Deserialize, Eq, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
	/// Human-readable lines.
	#[default]
	Text,
	/// One JSON object per line.
	Json,
}

/// Which solver answers the chain's proof-of-compute challenges.
#[derive(Clone, Copy, Debug, Default, Deserialize, Eq, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum SolverChoice {
	/// The CUDA solver when the CUDA driver and NVRTC load and the GPUs come from NVML; the CPU
	/// solver otherwise.
	#[default]
	Auto,
	/// The CPU solver.
	Cpu,
	/// The CUDA solver; the agent does not start without it (simulated GPUs excepted, which the
	/// CPU solver always answers).
	Cuda,
}

/// `[challenges]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengesConfig {
	/// Which solver answers challenges.
	#[serde(default)]
	pub solver: SolverChoice,
	/// Threads of the CPU solver; every core but one when unset.
	#[serde(default)]
	pub cpu_threads: Option<usize>,
}

/// `[telemetry]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelemetryConfig {
	/// `host:port` serving `/metrics` and `/health`.
	#[serde(default = "default_metrics_listen")]
	pub metrics_listen: String,
	/// Log line format.
	#[serde(default)]
	pub log_format: LogFormat,
}

impl Default for TelemetryConfig {
	fn default() -> Self {
		Self { metrics_listen: default_metrics_listen(), log_format: LogFormat::default() }
	}
}

fn default_endpoint() -> String {
	DEFAULT_ENDPOINT.to_string()
}

fn default_min_duration() -> String {
	"5m".to_string()
}

fn default_max_duration() -> String {
	"30d".to_string()
}

fn default_max_leases() -> u32 {
	16
}

fn default_stop_grace_secs() -> u64 {
	10
}

fn default_warn_before_end_secs() -> u64 {
	300
}

fn default_max_output_bytes() -> u64 {
	1 << 30
}

/// `uid:gid`, both numeric.
fn is_uid_gid(text: &str) -> bool {
	text.split_once(':').is_some_and(|(uid, gid)| {
		[uid, gid].iter().all(|id| !id.is_empty() && id.parse::<u32>().is_ok())
	})
}

fn default_sandbox_user() -> String {
	"65534:65534".into()
}

fn default_memory_mib_per_gpu() -> u64 {
	32 * 1024
}

fn default_cpu_millis_per_gpu() -> u64 {
	8_000
}

fn default_pids() -> u64 {
	4_096
}

fn default_shm_mib_per_gpu() -> u64 {
	8 * 1024
}

fn default_tmp_mib() -> u64 {
	1024
}

fn default_disk_mib() -> u64 {
	100 * 1024
}

fn default_p2p_listen() -> Vec<String> {
	DEFAULT_P2P_LISTEN.map(String::from).to_vec()
}

fn default_metrics_listen() -> String {
	DEFAULT_METRICS_LISTEN.to_string()
}

impl AgentConfig {
	/// Reads, parses and checks `path`.
	pub fn load(path: &Path) -> Result<AgentConfig, ConfigError> {
		let text = std::fs::read_to_string(path)
			.map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
		Self::from_toml_with_env(path, &text, &|name| std::env::var(name).ok())
	}

	/// Parses and checks `text` as if read from `path` (which names the file in errors and
	/// anchors relative paths), with no key from the environment.
	pub fn from_toml(path: &Path, text: &str) -> Result<AgentConfig, ConfigError> {
		Self::from_toml_with_env(path, text, &|_| None)
	}

	/// [`AgentConfig::from_toml`] with keys from `env` ([`AGENT_KEY_ENV`], [`OWNER_KEY_ENV`]).
	pub fn from_toml_with_env(
		path: &Path,
		text: &str,
		env: &dyn Fn(&str) -> Option<String>,
	) -> Result<AgentConfig, ConfigError> {
		let mut config: AgentConfig = toml::from_str(text).map_err(|e| ConfigError::Parse {
			path: path.to_path_buf(),
			message: e.to_string().trim_end().to_string(),
		})?;
		config.file = path.to_path_buf();
		let base = path.parent().unwrap_or_else(|| Path::new(""));
		let resolve = |p: &mut PathBuf| {
			if p.is_relative() && !p.as_os_str().is_empty() {
				*p = base.join(&*p);
			}
		};
		resolve(&mut config.data_dir);
		if let Some(file) = config.keys.agent_key_file.as_mut() {
			resolve(file);
		}
		if let Some(file) = config.keys.owner_key_file.as_mut() {
			resolve(file);
		}
		if let Some(file) = config.inventory.nvml_library.as_mut() {
			resolve(file);
		}
		let set = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
		config.keys.agent_key_env = set(env(AGENT_KEY_ENV));
		config.keys.owner_key_env = set(env(OWNER_KEY_ENV));
		config.validate()?;
		Ok(config)
	}

	fn invalid(&self, field: impl Into<String>, problem: impl Into<String>) -> ConfigError {
		ConfigError::Invalid {
			path: self.file.clone(),
			field: field.into(),
			problem: problem.into(),
		}
	}

	/// Checks every field, so that the accessors below cannot fail on a loaded configuration.
	fn validate(&self) -> Result<(), ConfigError> {
		if self.data_dir.as_os_str().is_empty() {
			return Err(self.invalid("data_dir", "must not be empty"));
		}
		self.validate_chain()?;
		self.validate_keys()?;
		self.validate_provider()?;
		self.validate_pricing()?;
		self.validate_inventory()?;
		self.validate_executor()?;
		self.validate_p2p()?;
		self.validate_telemetry()
	}

	fn validate_chain(&self) -> Result<(), ConfigError> {
		let endpoint = self.chain.endpoint.trim();
		let rest = endpoint.strip_prefix("wss://").or_else(|| endpoint.strip_prefix("ws://"));
		match rest {
			Some(rest) if !rest.is_empty() => Ok(()),
			Some(_) => Err(self.invalid("chain.endpoint", "no host after the scheme")),
			None => Err(self.invalid(
				"chain.endpoint",
				format!("{endpoint:?} must start with ws:// or wss://"),
			)),
		}
	}

	fn validate_keys(&self) -> Result<(), ConfigError> {
		let keys = &self.keys;
		let owner = parse_account(&keys.owner).map_err(|_| {
			self.invalid("keys.owner", format!("{:?} is not an SS58 address", keys.owner))
		})?;
		let owner = owner.to_string();
		for (field, uri, file, variable) in [
			("keys.agent_key", &keys.agent_key, "agent_key_file", AGENT_KEY_ENV),
			("keys.owner_key", &keys.owner_key, "owner_key_file", OWNER_KEY_ENV),
		] {
			if uri.as_deref().is_some_and(|uri| !is_development_uri(uri)) {
				return Err(self.invalid(
					field,
					format!(
						"holds a secret, which must not be written in the config: put it in \
						 {file} (a file of mode 0600) or the {variable} environment variable \
						 (only development keys, //Name…, may be written here)"
					),
				));
			}
		}
		let sources =
			[keys.agent_key_env.is_some(), keys.agent_key.is_some(), keys.agent_key_file.is_some()];
		let agent = match sources.iter().filter(|set| **set).count() {
			0 => {
				return Err(self.invalid(
					"keys",
					format!("set agent_key_file (or {AGENT_KEY_ENV}, or a development agent_key)"),
				))
			},
			1 => self.agent_keypair()?,
			_ => {
				return Err(self.invalid(
					"keys",
					format!("set only one of agent_key, agent_key_file and {AGENT_KEY_ENV}"),
				))
			},
		};
		// The chain refuses an agent key that is the owner account.
		if address_of(&agent) == owner {
			let field = if keys.agent_key_env.is_some() {
				AGENT_KEY_ENV
			} else if keys.agent_key.is_some() {
				"keys.agent_key"
			} else {
				"keys.agent_key_file"
			};
			return Err(self.invalid(
				field,
				"is the owner's key: the agent needs a key of its own (e.g. the owner's URI + //agent)",
			));
		}
		let owner_sources =
			[keys.owner_key_env.is_some(), keys.owner_key.is_some(), keys.owner_key_file.is_some()];
		if owner_sources.iter().filter(|set| **set).count() > 1 {
			return Err(self.invalid(
				"keys",
				format!("set only one of owner_key, owner_key_file and {OWNER_KEY_ENV}"),
			));
		}
		if let Some(owner_key) = self.owner_keypair()? {
			let address = address_of(&owner_key);
			if address != owner {
				let field = if keys.owner_key_env.is_some() {
					OWNER_KEY_ENV
				} else if keys.owner_key.is_some() {
					"keys.owner_key"
				} else {
					"keys.owner_key_file"
				};
				return Err(self.invalid(
					field,
					format!("is the key of {address}, not of keys.owner {owner}"),
				));
			}
		}
		Ok(())
	}

	fn validate_provider(&self) -> Result<(), ConfigError> {
		let region = self.provider.region.trim();
		if region.is_empty() {
			return Err(self.invalid("provider.region", "must not be empty"));
		}
		if region.len() > MAX_REGION_LEN {
			return Err(self.invalid(
				"provider.region",
				format!("longer than the chain's {MAX_REGION_LEN} bytes"),
			));
		}
		if let Some(bond) = &self.provider.bond {
			if self.amount("provider.bond", bond)? == 0 {
				return Err(self.invalid("provider.bond", "must be more than 0 (or leave it out)"));
			}
		}
		Ok(())
	}

	fn amount(&self, field: &str, text: &str) -> Result<u128, ConfigError> {
		parse_embr(text)
			.map_err(|e| self.invalid(field, format!("{text:?} is not an EMBR amount ({e})")))
	}

	fn duration(&self, field: &str, text: &str) -> Result<u32, ConfigError> {
		parse_duration_blocks(text).ok_or_else(|| {
			self.invalid(
				field,
				format!("{text:?} is not a duration (e.g. \"45s\", \"90m\", \"2h\", \"1d\" or a block count)"),
			)
		})
	}

	fn validate_pricing(&self) -> Result<(), ConfigError> {
		let pricing = &self.pricing;
		// A zero price is never bid (the bid engine skips it), so it is a mistake here.
		if self.amount("pricing.default_per_gpu_hour", &pricing.default_per_gpu_hour)? == 0 {
			return Err(self.invalid("pricing.default_per_gpu_hour", "must be more than 0"));
		}
		for (model, price) in &pricing.per_model {
			let field = format!("pricing.per_model.{model:?}");
			if model.trim().is_empty() {
				return Err(self.invalid(field, "the model name is empty"));
			}
			if self.amount(&field, price)? == 0 {
				return Err(self.invalid(field, "must be more than 0"));
			}
		}
		let min = self.duration("pricing.min_duration", &pricing.min_duration)?;
		let max = self.duration("pricing.max_duration", &pricing.max_duration)?;
		if max == 0 {
			return Err(self.invalid("pricing.max_duration", "must be more than 0"));
		}
		if min > max {
			return Err(self.invalid(
				"pricing.max_duration",
				format!(
					"{:?} is shorter than pricing.min_duration {:?}",
					pricing.max_duration, pricing.min_duration
				),
			));
		}
		Ok(())
	}

	fn validate_inventory(&self) -> Result<(), ConfigError> {
		let inventory = &self.inventory;
		if inventory.mode == InventoryMode::Simulated && inventory.simulated.is_empty() {
			return Err(self.invalid(
				"inventory.simulated",
				"mode = \"simulated\" needs at least one [[inventory.simulated]] GPU",
			));
		}
		if inventory.simulated.len() > MAX_GPUS {
			return Err(self.invalid(
				"inventory.simulated",
				format!("more than the chain's {MAX_GPUS} GPUs per provider"),
			));
		}
		let mut uuids = BTreeSet::new();
		for (i, gpu) in inventory.simulated.iter().enumerate() {
			let field = |name: &str| format!("inventory.simulated[{i}].{name}");
			if gpu.model.trim().is_empty() {
				return Err(self.invalid(field("model"), "must not be empty"));
			}
			if gpu.model.len() > MAX_GPU_MODEL_LEN {
				return Err(self.invalid(
					field("model"),
					format!("longer than the chain's {MAX_GPU_MODEL_LEN} bytes"),
				));
			}
			if gpu.vram_mib == 0 {
				return Err(self.invalid(field("vram_mib"), "must be more than 0"));
			}
			match parse_capability(&gpu.compute_capability) {
				Some((major, _)) if major > 0 => {},
				Some(_) => {
					return Err(self.invalid(
						field("compute_capability"),
						"the major version must be more than 0",
					))
				},
				None => {
					return Err(self.invalid(
						field("compute_capability"),
						format!(
							"expected major.minor (e.g. \"8.9\"), got {:?}",
							gpu.compute_capability
						),
					))
				},
			}
			if gpu.uuid.trim().is_empty() {
				return Err(self.invalid(field("uuid"), "must not be empty"));
			}
			if !uuids.insert(gpu.uuid.as_str()) {
				return Err(self.invalid(field("uuid"), format!("{:?} is listed twice", gpu.uuid)));
			}
			if gpu.busy_utilization_pct.is_some_and(|pct| pct > 100) {
				return Err(self.invalid(field("busy_utilization_pct"), "must be at most 100"));
			}
			if gpu.busy_memory_mib.is_some_and(|mib| mib > gpu.vram_mib) {
				return Err(self.invalid(field("busy_memory_mib"), "must be at most vram_mib"));
			}
		}
		Ok(())
	}

	fn validate_executor(&self) -> Result<(), ConfigError> {
		let executor = &self.executor;
		if let Some(runtime) = &executor.container_runtime {
			if !matches!(runtime.as_str(), "docker" | "podman") {
				return Err(self.invalid(
					"executor.container_runtime",
					format!("{runtime:?} is neither \"docker\" nor \"podman\" (leave it out to use whichever is installed)"),
				));
			}
		}
		if executor.max_output_bytes == 0 {
			return Err(self.invalid("executor.max_output_bytes", "must be more than 0"));
		}
		let sandbox = &executor.sandbox;
		if !is_uid_gid(&sandbox.user) {
			return Err(self.invalid(
				"executor.sandbox.user",
				format!("{:?} is not a numeric \"uid:gid\" such as \"65534:65534\"", sandbox.user),
			));
		}
		if sandbox.user.split(':').any(|id| id.parse::<u32>() == Ok(0)) {
			return Err(self.invalid(
				"executor.sandbox.user",
				"must not be root (0): workloads run unprivileged",
			));
		}
		for (name, value) in [
			("memory_mib_per_gpu", sandbox.memory_mib_per_gpu),
			("cpu_millis_per_gpu", sandbox.cpu_millis_per_gpu),
			("pids", sandbox.pids),
			("shm_mib_per_gpu", sandbox.shm_mib_per_gpu),
			("tmp_mib", sandbox.tmp_mib),
			("disk_mib", sandbox.disk_mib),
		] {
			if value == 0 {
				return Err(self.invalid(format!("executor.sandbox.{name}"), "must be more than 0"));
			}
		}
		Ok(())
	}

	fn multiaddrs(&self, section: &str, texts: &[String]) -> Result<(), ConfigError> {
		for (i, text) in texts.iter().enumerate() {
			let field = format!("p2p.{section}[{i}]");
			if let Err(e) = text.trim().parse::<Multiaddr>() {
				return Err(self.invalid(field, format!("{text:?} is not a multiaddr ({e})")));
			}
			if text.len() > MAX_MULTIADDR_LEN {
				return Err(self
					.invalid(field, format!("longer than the chain's {MAX_MULTIADDR_LEN} bytes")));
			}
		}
		Ok(())
	}

	fn validate_p2p(&self) -> Result<(), ConfigError> {
		if self.p2p.listen.is_empty() {
			return Err(self.invalid("p2p.listen", "needs at least one multiaddr"));
		}
		self.multiaddrs("listen", &self.p2p.listen)?;
		self.multiaddrs("external", &self.p2p.external)?;
		// The announced addresses go on chain, which keeps a bounded list.
		let (field, announced) = if self.p2p.external.is_empty() {
			("p2p.listen", self.p2p.listen.len())
		} else {
			("p2p.external", self.p2p.external.len())
		};
		if announced > MAX_MULTIADDRS {
			return Err(self.invalid(
				field,
				format!("more than the chain's {MAX_MULTIADDRS} announced addresses"),
			));
		}
		Ok(())
	}

	fn validate_telemetry(&self) -> Result<(), ConfigError> {
		let listen = self.telemetry.metrics_listen.trim();
		if !is_host_port(listen) {
			return Err(self.invalid(
				"telemetry.metrics_listen",
				format!("{listen:?} is not host:port (e.g. \"{DEFAULT_METRICS_LISTEN}\")"),
			));
		}
		Ok(())
	}

	/// The agent's signing key.
	pub fn agent_keypair(&self) -> Result<Keypair, ConfigError> {
		let keys = &self.keys;
		match (&keys.agent_key_env, &keys.agent_key, &keys.agent_key_file) {
			(Some(uri), _, _) => {
				keypair_from_uri(uri).map_err(|e| self.invalid(AGENT_KEY_ENV, e.to_string()))
			},
			(None, Some(uri), _) => {
				keypair_from_uri(uri).map_err(|e| self.invalid("keys.agent_key", e.to_string()))
			},
			(None, None, Some(file)) => keypair_from_file(file)
				.map_err(|e| self.invalid("keys.agent_key_file", e.to_string())),
			(None, None, None) => Err(self.invalid("keys", "set agent_key_file")),
		}
	}

	/// The owner's signing key, when the configuration holds it.
	pub fn owner_keypair(&self) -> Result<Option<Keypair>, ConfigError> {
		if let Some(uri) = &self.keys.owner_key_env {
			return keypair_from_uri(uri)
				.map(Some)
				.map_err(|e| self.invalid(OWNER_KEY_ENV, e.to_string()));
		}
		match (&self.keys.owner_key, &self.keys.owner_key_file) {
			(Some(uri), _) => keypair_from_uri(uri)
				.map(Some)
				.map_err(|e| self.invalid("keys.owner_key", e.to_string())),
			(None, Some(file)) => keypair_from_file(file)
				.map(Some)
				.map_err(|e| self.invalid("keys.owner_key_file", e.to_string())),
			(None, None) => Ok(None),
		}
	}

	/// The price list in plancks and blocks, for the bid engine.
	pub fn price_policy(&self) -> PricePolicy {
		let pricing = &self.pricing;
		// `load` checked every value; 0 only stands in for what cannot happen.
		PricePolicy {
			default_per_gpu_hour: parse_embr(&pricing.default_per_gpu_hour).unwrap_or(0),
			per_model: pricing
				.per_model
				.iter()
				.map(|(model, price)| (model.clone(), parse_embr(price).unwrap_or(0)))
				.collect(),
			min_duration: parse_duration_blocks(&pricing.min_duration).unwrap_or(0),
			max_duration: parse_duration_blocks(&pricing.max_duration).unwrap_or(0),
			max_leases: pricing.max_leases,
			region: self.provider.region.trim().to_string(),
		}
	}

	/// The bond to place before registering, in plancks, when configured.
	pub fn bond_plancks(&self) -> Option<u128> {
		self.provider.bond.as_deref().and_then(|bond| parse_embr(bond).ok())
	}
}

/// Whether `text` is `host:port` with a plausible host: an IP address, `[v6]` or a DNS name.
fn is_host_port(text: &str) -> bool {
	if text.parse::<SocketAddr>().is_ok() {
		return true;
	}
	let Some((host, port)) = text.rsplit_once(':') else { return false };
	if port.parse::<u16>().is_err() || host.is_empty() {
		return false;
	}
	host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// The file `provider-agent init` writes: every key, with what it does. The values suit a
/// development chain (`ember-node --dev`), where Charlie is a funded account.
pub const EXAMPLE: &str = r#"# provider-agent configuration.
#
# Amounts are EMBR as decimal strings ("2.5"); durations are "45s", "90m", "2h", "1d" or a
# bare number of 6-second blocks. Relative paths are taken from this file's directory.

# Where the agent keeps its libp2p key, lease records and workload directories.
data_dir = "agent-data"

[chain]
# WebSocket RPC endpoint of an Ember node (ws:// or wss://).
endpoint = "ws://127.0.0.1:9944"

[keys]
# The agent key signs heartbeats and bids. Keep it in a file of mode 0600 holding its secret
# URI (`provider-agent init` creates one), or in the EMBER_AGENT_KEY environment variable.
# Secrets are never written here: only development keys may be (agent_key with a URI such
# as //Charlie//agent), and only a development chain accepts them.
agent_key_file = "agent.key"
# The provider's owner account (SS58): it bonds, registers and receives the earnings.
owner = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"
# Optional: the owner key, so that the agent can bond, register and update the provider by
# itself. Leave it out to keep the owner key off this machine (recommended): the agent then
# prints the `emberctl provider register` command to run with it elsewhere.
# owner_key_file = "owner.key"   (or EMBER_OWNER_KEY)

[provider]
# Region label published on chain (at most 32 bytes); orders limited to another region are
# not bid on.
region = "eu-west"
# With owner_key set: the owner's bond, in EMBR, placed (or topped up to) before registering.
# The chain asks for 1000 EMBR plus 100 per GPU.
bond = "1500"

[pricing]
# Asking price per GPU-hour, in EMBR, for models without their own price below.
default_per_gpu_hour = "2"
# Shortest and longest lease worth bidding on.
min_duration = "5m"
max_duration = "30d"
# Most leases running or bid for at once (0 for no limit).
max_leases = 16

# Asking price per GPU-hour by exact model name, as `provider-agent inventory` shows it.
[pricing.per_model]
"NVIDIA H100 80GB HBM3" = "6"

[inventory]
# "auto": the GPUs NVML reports (an NVML failure on a machine with an NVIDIA driver is an
# error, never a silent fallback); "nvml": the same; "simulated": the [[inventory.simulated]]
# list below, allowed only on a development chain (the agent checks the chain it joins).
mode = "auto"

# Simulated GPUs, for development chains on machines without one (with mode = "simulated").
# Optional per GPU: busy_utilization_pct (default 87) and busy_memory_mib (default a third of
# vram_mib) are reported while the GPU is leased.
# [[inventory.simulated]]
# model = "NVIDIA L4"
# vram_mib = 23034
# compute_capability = "8.9"
# uuid = "GPU-00000000-0000-4000-8000-000000000001"

[executor]
# "container": each workload in a hardened container (the default, and the only kind allowed
# on a chain that is not a development chain); "process": as a child process of the agent,
# under the agent's own user, for development chains only.
kind = "container"
# "docker" or "podman"; leave it out to use whichever is installed.
# container_runtime = "podman"
# Seconds between asking a workload to stop and killing it.
stop_grace_secs = 10
# Seconds before a lease ends (or its escrow runs out) that the tenant is warned.
warn_before_end_secs = 300
# Largest total size of a lease's outputs, in bytes (1 GiB).
max_output_bytes = 1073741824
# URL inputs are downloaded from public addresses only; true also allows loopback, the LAN
# and link-local addresses (a tenant could then read services of the provider's network).
allow_private_inputs = false

# What one lease's container may use. A manifest's `resources` may ask for less; a manifest
# asking for more is refused. Per-GPU limits are multiplied by the lease's GPU count.
[executor.sandbox]
# The unprivileged uid:gid the workload runs as inside its container (never root).
user = "65534:65534"
memory_mib_per_gpu = 32768
# Thousandths of a core: 8000 = 8 cores per GPU.
cpu_millis_per_gpu = 8000
pids = 4096
shm_mib_per_gpu = 8192
tmp_mib = 1024
# The workload directory (inputs, outputs, files it writes) and its raw output; a workload
# that outgrows it is stopped.
disk_mib = 102400
# Whether a manifest may ask for network access ("network": true); off otherwise.
allow_network = false

[p2p]
# Multiaddrs the manifest protocol listens on: TCP, and WebSocket for tenants in a browser
# (a page served over https can only reach a wss:// address: put a TLS proxy in front of it).
listen = ["/ip4/0.0.0.0/tcp/30444", "/ip4/0.0.0.0/tcp/30445/ws"]
# Multiaddrs published on chain for tenants to dial (at most 8); the listen addresses when
# empty. Set it when the agent is behind NAT or listens on 0.0.0.0.
external = []

[telemetry]
# host:port serving Prometheus metrics at /metrics and a health check at /health.
metrics_listen = "127.0.0.1:9616"
# Log lines: "text" or "json"; the level comes from RUST_LOG (default info).
log_format = "text"

[challenges]
# What computes the answers to the chain's proof-of-compute challenges: "auto" (the CUDA solver
# when the CUDA driver and NVRTC, libnvrtc.so, load and the GPUs come from NVML; the CPU solver
# otherwise), "cuda" (the agent does not start without it) or "cpu". Simulated GPUs are always
# answered by the CPU solver.
solver = "auto"
# Threads of the CPU solver; every core but one when left out.
# cpu_threads = 8
"#;

/// Creates `path` (mode 0600) holding a new random agent key's secret URI, unless it exists;
/// returns the key's account address either way.
pub fn create_agent_key(path: &Path) -> Result<String, ConfigError> {
	let write_err = |source| ConfigError::Write { path: path.to_path_buf(), source };
	if path.exists() {
		return keypair_from_file(path).map(|key| address_of(&key)).map_err(|e| {
			ConfigError::Invalid {
				path: path.to_path_buf(),
				field: "agent key".into(),
				problem: e.to_string(),
			}
		});
	}
	let mut seed = [0u8; 32];
	std::fs::File::open("/dev/urandom")
		.and_then(|mut random| std::io::Read::read_exact(&mut random, &mut seed))
		.map_err(write_err)?;
	let uri = format!("0x{}", hex::encode(seed));
	let key = keypair_from_uri(&uri).map_err(|e| ConfigError::Invalid {
		path: path.to_path_buf(),
		field: "agent key".into(),
		problem: e.to_string(),
	})?;
	let mut options = std::fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		options.mode(0o600);
	}
	let mut file = options.open(path).map_err(write_err)?;
	file.write_all(format!("{uri}\n").as_bytes()).map_err(write_err)?;
	Ok(address_of(&key))
}

/// Writes [`EXAMPLE`] to `path`, with `data_dir` in place of the example's when given (the
/// packages put it under `/var/lib`), refusing to replace an existing file unless `force`. The
/// file is private to its owner.
pub fn write_example(path: &Path, force: bool, data_dir: Option<&Path>) -> Result<(), ConfigError> {
	if !force && path.exists() {
		return Err(ConfigError::Exists(path.to_path_buf()));
	}
	let write_err = |source| ConfigError::Write { path: path.to_path_buf(), source };
	if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
		std::fs::create_dir_all(parent).map_err(write_err)?;
	}
	let mut options = std::fs::OpenOptions::new();
	options.write(true);
	if force {
		options.create(true).truncate(true);
	} else {
		// Closes the gap between the check above and the write.
		options.create_new(true);
	}
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		options.mode(0o600);
	}
	let mut file = options.open(path).map_err(|source| {
		if source.kind() == std::io::ErrorKind::AlreadyExists {
			ConfigError::Exists(path.to_path_buf())
		} else {
			write_err(source)
		}
	})?;
	let text = match data_dir {
		Some(dir) => EXAMPLE.replacen(
			"data_dir = \"agent-data\"",
			&format!("data_dir = {}", toml::Value::String(dir.display().to_string())),
			1,
		),
		None => EXAMPLE.to_string(),
	};
	file.write_all(text.as_bytes()).map_err(write_err)
}

#[cfg(test)]
mod tests {
	use super::*;

	const EMBR: u128 = 1_000_000_000_000;

	/// The example with two simulated GPUs listed and development keys, as on a development
	/// machine.
	fn with_gpus() -> String {
		let gpus = (1..=2)
			.map(|i| {
				format!(
					"[[inventory.simulated]]\nmodel = \"NVIDIA L4\"\nvram_mib = 23034\n\
					 compute_capability = \"8.9\"\nuuid = \"GPU-00000000-0000-4000-8000-00000000000{i}\"\n\n"
				)
			})
			.collect::<String>();
		with_dev_keys(&EXAMPLE.replacen("[executor]\n", &format!("{gpus}[executor]\n"), 1))
	}

	/// `text` with development agent and owner keys instead of the agent key file.
	fn with_dev_keys(text: &str) -> String {
		text.replacen(
			"agent_key_file = \"agent.key\"\n",
			"agent_key = \"//Charlie//agent\"\nowner_key = \"//Charlie\"\n",
			1,
		)
	}

	/// [`with_gpus`] with `from` replaced by `to`.
	fn example_with(from: &str, to: &str) -> String {
		let text = with_gpus();
		assert!(text.contains(from), "the example contains {from:?}");
		text.replacen(from, to, 1)
	}

	/// [`with_gpus`] with the last `from` replaced by `to`.
	fn last_replaced(from: &str, to: &str) -> String {
		let text = with_gpus();
		let at = text.rfind(from).unwrap_or_else(|| panic!("the example contains {from:?}"));
		format!("{}{to}{}", &text[..at], &text[at + from.len()..])
	}

	fn error_of(text: &str) -> String {
		match AgentConfig::from_toml(Path::new("provider-agent.toml"), text) {
			Ok(_) => panic!("the configuration was accepted"),
			Err(error) => error.to_string(),
		}
	}

	#[test]
	fn example_round_trips() {
		let dir = tempfile::tempdir().expect("temp dir");
		let path = dir.path().join("provider-agent.toml");
		write_example(&path, false, None).expect("written");
		let address = create_agent_key(&dir.path().join("agent.key")).expect("a new agent key");
		let again = create_agent_key(&dir.path().join("agent.key")).expect("the same key");
		assert_eq!(address, again, "an existing key is kept");
		let config = AgentConfig::load(&path).expect("the example is valid");
		assert_eq!(config.data_dir, dir.path().join("agent-data"));
		assert_eq!(config.chain.endpoint, DEFAULT_ENDPOINT);
		assert_eq!(config.inventory.mode, InventoryMode::Auto);
		assert!(config.inventory.simulated.is_empty(), "no simulated GPU outside a dev chain");
		assert_eq!(config.executor.kind, ExecutorKind::Container);
		assert_eq!(config.executor.sandbox, SandboxConfig::default());
		assert_eq!(config.telemetry.metrics_listen, DEFAULT_METRICS_LISTEN);
		assert_eq!(config.challenges.solver, SolverChoice::Auto);
		assert_eq!(config.challenges.cpu_threads, None);
		assert_eq!(config.bond_plancks(), Some(1_500 * EMBR));
		let agent = config.agent_keypair().expect("agent key");
		assert_eq!(address_of(&agent), address);
		assert!(config.owner_keypair().expect("no owner key").is_none(), "kept off the machine");
		assert!(!config.keys.has_development_key());
		let policy = config.price_policy();
		assert_eq!(policy.default_per_gpu_hour, 2 * EMBR);
		assert_eq!(policy.price_of("NVIDIA H100 80GB HBM3"), 6 * EMBR);
		assert_eq!(policy.min_duration, 50);
		assert_eq!(policy.max_duration, 30 * 14_400);
		assert_eq!(policy.max_leases, 16);
		assert_eq!(policy.region, "eu-west");

		// Not overwritten without force; overwritten with it.
		assert!(matches!(write_example(&path, false, None), Err(ConfigError::Exists(_))));
		std::fs::write(&path, "garbage").expect("write");
		// As the packages write it: the data under /var/lib.
		let data_dir = Path::new("/var/lib/ember-agent \"quoted\"");
		write_example(&path, true, Some(data_dir)).expect("forced");
		assert_eq!(AgentConfig::load(&path).expect("valid again").data_dir, data_dir);
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			let mode = std::fs::metadata(&path).expect("metadata").permissions().mode();
			assert_eq!(mode & 0o077, 0, "private to its owner");
		}
	}

	#[test]
	fn sections_have_defaults() {
		let text = r#"
data_dir = "/var/lib/agent"
[keys]
agent_key = "//Charlie//agent"
owner = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"
[provider]
region = "eu-west"
[pricing]
default_per_gpu_hour = "1.5"
"#;
		let config = AgentConfig::from_toml(Path::new("/etc/agent.toml"), text).expect("valid");
		assert_eq!(config.data_dir, PathBuf::from("/var/lib/agent"));
		assert_eq!(config.p2p.listen, DEFAULT_P2P_LISTEN.map(String::from).to_vec());
		assert_eq!(config.executor.stop_grace_secs, 10);
		assert_eq!(config.executor.warn_before_end_secs, 300);
		assert_eq!(config.executor.max_output_bytes, 1 << 30);
		assert_eq!(config.telemetry.log_format, LogFormat::Text);
		assert_eq!(config.inventory.mode, InventoryMode::Auto);
		assert_eq!(config.challenges.solver, SolverChoice::Auto);
		assert!(config.owner_keypair().expect("no owner key").is_none());
		assert_eq!(config.bond_plancks(), None);
		assert_eq!(config.price_policy().default_per_gpu_hour, 1_500_000_000_000);
		// Secrets stay out of debug output.
		assert!(!format!("{config:?}").contains("//Charlie"));
	}

	#[test]
	fn errors_name_the_file_and_the_field() {
		let cases = [
			// A missing field.
			(example_with("default_per_gpu_hour = \"2\"\n", ""), "default_per_gpu_hour"),
			// A bad amount.
			(
				example_with("default_per_gpu_hour = \"2\"", "default_per_gpu_hour = \"abc\""),
				"pricing.default_per_gpu_hour: \"abc\" is not an EMBR amount",
			),
			// An unknown key.
			(example_with("max_leases = 16", "max_leases = 16\nmax_lease = 3"), "max_lease"),
			// A bad capability, on the second simulated GPU.
			(
				last_replaced("compute_capability = \"8.9\"", "compute_capability = \"8\""),
				"inventory.simulated[1].compute_capability: expected major.minor",
			),
			(example_with("owner = \"5FLS", "owner = \"x5FLS"), "keys.owner: \"x5FLS"),
			(example_with("agent_key = \"//Charlie//agent\"\n", ""), "keys: set agent_key_file"),
			(
				example_with("owner_key = \"//Charlie\"", "owner_key = \"//Dave\""),
				"keys.owner_key: is the key of",
			),
			(
				example_with("agent_key = \"//Charlie//agent\"", "agent_key = \"//Charlie\""),
				"keys.agent_key: is the owner's key",
			),
			(example_with("listen = [\"/ip4/", "listen = [\"ip4/"), "p2p.listen[0]: \"ip4/"),
			(
				example_with("metrics_listen = \"127.0.0.1:9616\"", "metrics_listen = \"9616\""),
				"telemetry.metrics_listen: \"9616\" is not host:port",
			),
			(
				example_with("endpoint = \"ws://", "endpoint = \"http://"),
				"chain.endpoint: \"http://",
			),
			(
				example_with("min_duration = \"5m\"", "min_duration = \"5 minutes\""),
				"pricing.min_duration: \"5 minutes\" is not a duration",
			),
			(
				example_with("max_duration = \"30d\"", "max_duration = \"1m\""),
				"pricing.max_duration: \"1m\" is shorter",
			),
			(example_with("mode = \"auto\"", "mode = \"gpu\""), "unknown variant `gpu`"),
			(
				example_with("solver = \"auto\"", "solver = \"opencl\""),
				"unknown variant `opencl`, expected one of `auto`, `cpu`, `cuda`",
			),
			(
				example_with(
					"kind = \"container\"",
					"kind = \"container\"\ncontainer_runtime = \"lxc\"",
				),
				"executor.container_runtime",
			),
			(
				example_with("user = \"65534:65534\"", "user = \"nobody\""),
				"executor.sandbox.user: \"nobody\" is not a numeric",
			),
			(
				example_with("user = \"65534:65534\"", "user = \"0:0\""),
				"executor.sandbox.user: must not be root",
			),
			(
				example_with("user = \"65534:65534\"", "user = \"1000:00\""),
				"executor.sandbox.user: must not be root",
			),
			(example_with("pids = 4096", "pids = 0"), "executor.sandbox.pids: must be more than 0"),
			(
				example_with("bond = \"1500\"", "bond = \"lots\""),
				"provider.bond: \"lots\" is not an EMBR amount",
			),
			(
				example_with(
					"\"NVIDIA H100 80GB HBM3\" = \"6\"",
					"\"NVIDIA H100 80GB HBM3\" = \"-6\"",
				),
				"pricing.per_model.\"NVIDIA H100 80GB HBM3\"",
			),
			(
				example_with("region = \"eu-west\"", "region = \"\""),
				"provider.region: must not be empty",
			),
			(
				example_with(
					"uuid = \"GPU-00000000-0000-4000-8000-000000000002\"",
					"uuid = \"GPU-00000000-0000-4000-8000-000000000001\"",
				),
				"inventory.simulated[1].uuid",
			),
		];
		for (text, expected) in cases {
			let error = error_of(&text);
			assert!(error.starts_with("provider-agent.toml: "), "{error}");
			assert!(error.contains(expected), "{expected:?} not in: {error}");
		}
	}

	#[test]
	fn simulated_mode_needs_gpus() {
		let text = with_dev_keys(EXAMPLE).replace("mode = \"auto\"", "mode = \"simulated\"");
		let error = error_of(&text);
		assert!(error.contains("inventory.simulated: mode = \"simulated\" needs"), "{error}");
	}

	#[test]
	fn key_files_resolve_against_the_config_file() {
		let dir = tempfile::tempdir().expect("temp dir");
		let key = dir.path().join("agent.key");
		std::fs::write(&key, "//Charlie//agent\n").expect("write");
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).expect("chmod");
		}
		let text =
			example_with("agent_key = \"//Charlie//agent\"", "agent_key_file = \"agent.key\"");
		let path = dir.path().join("provider-agent.toml");
		std::fs::write(&path, text).expect("write");
		let config = AgentConfig::load(&path).expect("valid");
		assert_eq!(config.keys.agent_key_file.as_deref(), Some(key.as_path()));
		assert!(config.keys.has_development_key(), "a development key, if from a file");
		let uri = keypair_from_uri("//Charlie//agent").expect("uri");
		assert_eq!(address_of(&config.agent_keypair().expect("key")), address_of(&uri));

		let missing =
			example_with("agent_key = \"//Charlie//agent\"", "agent_key_file = \"nope.key\"");
		std::fs::write(&path, missing).expect("write");
		let error = AgentConfig::load(&path).err().map(|e| e.to_string()).unwrap_or_default();
		assert!(error.contains("keys.agent_key_file: cannot read key file"), "{error}");
	}

	#[test]
	fn secrets_are_never_written_in_the_config_but_come_from_a_file_or_the_environment() {
		let phrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
		for secret in [phrase.to_string(), format!("0x{}", "11".repeat(32))] {
			let error = error_of(&example_with(
				"agent_key = \"//Charlie//agent\"",
				&format!("agent_key = \"{secret}\""),
			));
			assert!(error.contains("keys.agent_key: holds a secret"), "{error}");
			assert!(!error.contains(&secret), "the error repeats the secret: {error}");
			let error = error_of(&example_with(
				"owner_key = \"//Charlie\"",
				&format!("owner_key = \"{secret}\""),
			));
			assert!(error.contains("keys.owner_key: holds a secret"), "{error}");
		}

		let path = Path::new("provider-agent.toml");
		let no_agent_key = example_with("agent_key = \"//Charlie//agent\"\n", "");
		let from_env = |name: &str| (name == AGENT_KEY_ENV).then(|| "//Charlie//agent".to_string());
		let config =
			AgentConfig::from_toml_with_env(path, &no_agent_key, &from_env).expect("key from env");
		let expected = keypair_from_uri("//Charlie//agent").expect("uri");
		assert_eq!(address_of(&config.agent_keypair().expect("key")), address_of(&expected));
		assert!(!format!("{:?}", config.keys).contains("Charlie//agent"), "redacted");
		assert!(config.keys.has_development_key(), "a development key, if from the environment");
		let twice = AgentConfig::from_toml_with_env(path, &with_gpus(), &from_env)
			.err()
			.map(|e| e.to_string())
			.unwrap_or_default();
		assert!(twice.contains("set only one of agent_key, agent_key_file and EMBER_AGENT_KEY"));
	}

	#[test]
	fn a_missing_file_is_named() {
		let error = AgentConfig::load(Path::new("/nonexistent/provider-agent.toml"))
			.err()
			.map(|e| e.to_string())
			.unwrap_or_default();
		assert!(error.starts_with("cannot read /nonexistent/provider-agent.toml"), "{error}");
	}
}
