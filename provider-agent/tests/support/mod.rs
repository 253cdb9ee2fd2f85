//! Real processes for end-to-end tests: an `ember-node --dev`, provider agents with simulated
//! GPUs, and `emberctl` driven as a tenant would drive it.

#![allow(dead_code)]

use std::{
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use ember_client::chain::{
	runtime::{
		self,
		runtime_types::{
			ember_runtime::RuntimeCall, pallet_providers::pallet::Call as ProvidersCall,
		},
	},
	Chain, WaitFor,
};
use serde_json::Value;
use subxt::utils::{AccountId32, MultiAddress};
use subxt_signer::sr25519::Keypair;

/// A port nobody listens on now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|l| l.local_addr())
		.map(|a| a.port())
		.expect("the OS hands out a free port")
}

/// A number no other call in this test process gets.
fn unique() -> u64 {
	static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
	NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The IPv4 port of a node's JSON-RPC server, from the line it logs once it listens:
/// `Running JSON-RPC server: addr=127.0.0.1:PORT,[::1]:PORT`.
fn rpc_port_in_log(log: &str) -> Option<u16> {
	let (_, rest) = log.split_once("Running JSON-RPC server: addr=127.0.0.1:")?;
	let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
	digits.parse().ok()
}

/// Where the workspace's binaries are: next to this test's own `provider-agent`.
pub fn binary(name: &str) -> PathBuf {
	let agent = PathBuf::from(env!("CARGO_BIN_EXE_provider-agent"));
	let path = agent.with_file_name(name);
	assert!(
		path.exists(),
		"{} is not built: run the workspace's tests (`cargo test --workspace`) or build it first",
		path.display()
	);
	path
}

/// A child process killed when dropped, its output in a log file.
pub struct Process {
	child: Option<Child>,
	/// Its log.
	pub log_path: PathBuf,
}

impl Process {
	/// Starts `command`, its output to `log_path`.
	pub fn spawn(command: &mut Command, log_path: PathBuf) -> Self {
		let log = std::fs::File::create(&log_path).expect("log file");
		let err = log.try_clone().expect("log file handle");
		let child = command.stdout(log).stderr(err).spawn().expect("process starts");
		Self { child: Some(child), log_path }
	}

	/// The last lines of its log.
	pub fn log_tail(&self, lines: usize) -> String {
		let text = std::fs::read_to_string(&self.log_path).unwrap_or_default();
		let all: Vec<&str> = text.lines().collect();
		all[all.len().saturating_sub(lines)..].join("\n")
	}

	/// Kills it at once (SIGKILL): no chance to clean up, as in a crash.
	pub fn kill(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// Waits up to `limit` for it to exit by itself; its exit status, if it did.
	pub fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
		let started = Instant::now();
		while started.elapsed() < limit {
			if let Some(status) = self.child.as_mut()?.try_wait().ok().flatten() {
				return Some(status);
			}
			std::thread::sleep(Duration::from_millis(200));
		}
		None
	}

	/// Its process id.
	pub fn pid(&self) -> Option<u32> {
		self.child.as_ref().map(|c| c.id())
	}
}

impl Drop for Process {
	fn drop(&mut self) {
		self.kill();
	}
}

/// A development chain: Alice validates alone.
pub struct DevNode {
	/// The process.
	pub process: Process,
	/// Its WebSocket URL.
	pub url: String,
}

impl DevNode {
	/// Starts `ember-node --dev --tmp` and waits until it answers.
	pub fn start(name: &str) -> Self {
		Self::start_chain(name, "dev")
	}

	/// Starts `ember-node` on `chain` (`dev`, or a spec file, validated by Alice alone) with a
	/// temporary database, and waits until it answers.
	pub fn start_chain(name: &str, chain: &str) -> Self {
		let mut args = if chain == "dev" {
			vec!["--dev"]
		} else {
			// A live chain's validator needs a network key of its own.
			let key = "0000000000000000000000000000000000000000000000000000000000000001";
			vec!["--chain", chain, "--alice", "--validator", "--force-authoring", "--node-key", key]
		};
		args.extend(["--no-prometheus", "--port", "0"]);
		Self::start_with(name, &args)
	}

	/// Starts `ember-node` with `args` (chain, role, p2p and metrics) and a temporary database,
	/// and waits until it answers on the RPC port the OS picked.
	pub fn start_with(name: &str, args: &[&str]) -> Self {
		// The OS picks the RPC port, read back from the log: tests running side by side never
		// share one, and a test never talks to another test's node.
		let log_path = std::env::temp_dir().join(format!(
			"ember-e2e-node-{name}-{}-{}.log",
			std::process::id(),
			unique()
		));
		let process = Process::spawn(
			Command::new(binary("ember-node")).args(args).args([
				"--tmp",
				"--no-mdns",
				"--rpc-port",
				"0",
			]),
			log_path,
		);
		let started = Instant::now();
		let rpc = loop {
			let log = std::fs::read_to_string(&process.log_path).unwrap_or_default();
			if let Some(port) = rpc_port_in_log(&log) {
				break port;
			}
			assert!(
				started.elapsed() < Duration::from_secs(60),
				"ember-node did not open its RPC server:\n{}",
				process.log_tail(30)
			);
			std::thread::sleep(Duration::from_millis(200));
		};
		let node = Self { process, url: format!("ws://127.0.0.1:{rpc}") };
		while block_on(Chain::connect(&node.url)).is_err() {
			assert!(
				started.elapsed() < Duration::from_secs(60),
				"ember-node did not start:\n{}",
				node.process.log_tail(30)
			);
			std::thread::sleep(Duration::from_millis(300));
		}
		node
	}

	/// A client connection.
	pub fn chain(&self) -> Chain {
		block_on(Chain::connect(&self.url)).expect("node answers")
	}
}

/// Runs a future on the tests' shared runtime, which lives as long as the test binary: a
/// chain connection's background tasks run there between calls.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
	static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
	RUNTIME
		.get_or_init(|| {
			tokio::runtime::Builder::new_multi_thread()
				.worker_threads(2)
				.enable_all()
				.build()
				.expect("runtime")
		})
		.block_on(future)
}

/// A dev key.
pub fn key(uri: &str) -> Keypair {
	ember_client::keys::keypair_from_uri(uri).expect("dev URI")
}

/// A key's account.
pub fn account(key: &Keypair) -> AccountId32 {
	AccountId32::from(key.public_key().0)
}

/// Sets the heartbeat period (blocks) and missed-heartbeat limit through sudo (the dev chain's
/// governance), so that tests see heartbeats, attestations and Offline within a minute or two.
pub fn speed_up_liveness(chain: &Chain, period: u32, max_missed: u32) {
	let call = runtime::tx()
		.sudo()
		.sudo(RuntimeCall::Providers(ProvidersCall::set_heartbeat_params { period, max_missed }));
	// Finalized, so that an agent started next reads the new period from its first block.
	block_on(chain.submit(&call, &key("//Alice"), WaitFor::Finalized, &mut |_| {}))
		.expect("sudo set_heartbeat_params succeeds");
}

/// The time block `number` was authored at (its timestamp inherent), in Unix milliseconds.
pub fn block_time_ms(node: &DevNode, number: u64) -> u64 {
	let chain = node.chain();
	block_on(async {
		let at = chain.api().at_block(number).await.expect("the block exists");
		at.storage()
			.try_fetch(runtime::storage().timestamp().now(), ())
			.await
			.expect("timestamp readable")
			.expect("every block has a timestamp")
			.decode()
			.expect("timestamp decodes")
	})
}

/// Sends `amount` plancks from Alice to `to`.
pub fn fund(chain: &Chain, to: &AccountId32, amount: u128) {
	let call = runtime::tx().balances().transfer_keep_alive(MultiAddress::Id(*to), amount);
	block_on(chain.submit(&call, &key("//Alice"), WaitFor::InBlock, &mut |_| {}))
		.expect("transfer succeeds");
}

/// A provider agent process and its files.
pub struct Agent {
	/// The process, while running.
	pub process: Option<Process>,
	/// Its config file.
	pub config: PathBuf,
	/// Its data dir.
	pub data_dir: PathBuf,
	/// Its metrics address.
	pub metrics: String,
	name: String,
}

/// The `[executor]` section of the agents these tests start by default: workloads as child
/// processes, as a development chain allows.
pub const PROCESS_EXECUTOR: &str =
	"[executor]\nkind = \"process\"\nstop_grace_secs = 3\nwarn_before_end_secs = 60\n";

impl Agent {
	/// Writes a config for `owner_uri`/`agent_uri` with `gpus` simulated GPUs and starts it.
	pub fn start(
		name: &str,
		dir: &Path,
		node: &DevNode,
		owner_uri: &str,
		agent_uri: &str,
		gpus: u32,
	) -> Self {
		Self::start_with(name, dir, node, owner_uri, agent_uri, gpus, PROCESS_EXECUTOR)
	}

	/// [`Agent::start`] with `executor` as the config's `[executor]` section(s).
	pub fn start_with(
		name: &str,
		dir: &Path,
		node: &DevNode,
		owner_uri: &str,
		agent_uri: &str,
		gpus: u32,
		executor: &str,
	) -> Self {
		let mut agent = Self::configure(name, dir, node, owner_uri, agent_uri, gpus, executor);
		agent.restart();
		agent
	}

	/// Writes the config [`Agent::start_with`] would, without starting a process: for a test
	/// that runs the agent in its own process.
	pub fn configure(
		name: &str,
		dir: &Path,
		node: &DevNode,
		owner_uri: &str,
		agent_uri: &str,
		gpus: u32,
		executor: &str,
	) -> Self {
		let data_dir = dir.join(format!("agent-{name}"));
		let metrics_port = free_port();
		// Each port is free when picked but not held: the two must at least differ.
		let p2p = std::iter::repeat_with(free_port)
			.find(|&port| port != metrics_port)
			.expect("another free port");
		let metrics = format!("127.0.0.1:{metrics_port}");
		let mut simulated = String::new();
		for i in 0..gpus {
			simulated.push_str(&format!(
				"\n[[inventory.simulated]]\nmodel = \"NVIDIA L4\"\nvram_mib = 23034\ncompute_capability = \"8.9\"\nuuid = \"GPU-e2e-{name}-{i}\"\n"
			));
		}
		let config = dir.join(format!("agent-{name}.toml"));
		let text = format!(
			r#"data_dir = "{data}"

[chain]
endpoint = "{url}"

[keys]
agent_key = "{agent_uri}"
owner = "{owner}"
owner_key = "{owner_uri}"

[provider]
region = "eu-west"
bond = "1500"

[pricing]
default_per_gpu_hour = "2"

[inventory]
mode = "simulated"
{simulated}
{executor}
[p2p]
listen = ["/ip4/127.0.0.1/tcp/{p2p}"]

[telemetry]
metrics_listen = "{metrics}"
log_format = "text"
"#,
			data = data_dir.display(),
			url = node.url,
			owner = account(&key(owner_uri)),
		);
		std::fs::write(&config, text).expect("config written");
		Self { process: None, config, data_dir, metrics, name: name.to_string() }
	}

	/// Starts (again) the agent process on the same config and data dir.
	pub fn restart(&mut self) {
		let log_path = std::env::temp_dir().join(format!(
			"ember-e2e-agent-{}-{}-{}.log",
			self.name,
			std::process::id(),
			std::time::SystemTime::now()
				.duration_since(std::time::UNIX_EPOCH)
				.map(|d| d.as_millis())
				.unwrap_or_default()
		));
		self.process = Some(Process::spawn(
			Command::new(binary("provider-agent"))
				.arg("--config")
				.arg(&self.config)
				.arg("run")
				.env("RUST_LOG", "info,provider_agent=debug"),
			log_path,
		));
	}

	/// Kills the agent as a crash would.
	pub fn kill(&mut self) {
		if let Some(mut process) = self.process.take() {
			process.kill();
		}
	}

	/// The log tail, to explain a failure.
	pub fn log_tail(&self) -> String {
		self.process.as_ref().map(|p| p.log_tail(60)).unwrap_or_default()
	}
}

/// A provider's PeerId and multiaddrs, from its entry in `emberctl providers`.
pub fn peer_of(provider: &Value) -> (ember_client::p2p::PeerId, Vec<ember_client::p2p::Multiaddr>) {
	let peer = ember_client::p2p::parse_peer_id(provider["peer_id"].as_str().expect("peer id"))
		.expect("PeerId");
	let addrs: Vec<String> = provider["multiaddrs"]
		.as_array()
		.expect("multiaddrs")
		.iter()
		.filter_map(|a| a.as_str().map(str::to_string))
		.collect();
	(peer, ember_client::p2p::parse_multiaddrs(&addrs).expect("multiaddrs"))
}

/// Runs `emberctl --url <node> --json --yes <args>` and returns its JSON output, or its error text.
/// Transactions are followed to finality, as emberctl does by default: its queries read the
/// finalized state, so the next command sees what the last one did.
pub fn emberctl(node: &DevNode, key_uri: Option<&str>, args: &[&str]) -> Result<Value, String> {
	let mut command = Command::new(binary("emberctl"));
	// The tests are the user here: what would be asked on a terminal is answered yes.
	command.args(["--url", &node.url, "--json", "--yes"]);
	if let Some(uri) = key_uri {
		command.args(["--key", uri]);
	}
	let output = command.args(args).stdin(Stdio::null()).output().map_err(|e| e.to_string())?;
	let stdout = String::from_utf8_lossy(&output.stdout).to_string();
	let stderr = String::from_utf8_lossy(&output.stderr).to_string();
	if !output.status.success() {
		return Err(format!("emberctl {args:?} failed: {stderr}{stdout}"));
	}
	serde_json::from_str(&stdout)
		.map_err(|e| format!("emberctl {args:?} printed no JSON ({e}): {stdout}\n{stderr}"))
}

/// The provider `owner_uri` registered, as `emberctl providers` shows it, once Active with
/// `gpus` GPUs (any number when `None`) that all hold a proof of compute: the agent proves
/// them itself after registering, and the chain takes bids only with proven GPUs.
pub fn wait_proven_provider(
	node: &DevNode,
	agent: &Agent,
	owner_uri: &str,
	gpus: Option<usize>,
) -> Value {
	let owner = account(&key(owner_uri)).to_string();
	let started = Instant::now();
	let provider = wait_for(
		"the agent to bond, register, heartbeat and prove its GPUs",
		Duration::from_secs(240),
		|| {
			let list = emberctl(node, None, &["providers"]).ok()?;
			list.as_array()?
				.iter()
				.find(|p| {
					let listed = p["gpus"].as_array();
					p["owner"] == owner.as_str()
						&& p["status"] == "Active"
						&& listed.is_some_and(|listed| {
							gpus.is_none_or(|gpus| listed.len() == gpus)
								&& !listed.is_empty() && listed
								.iter()
								.all(|gpu| gpu["proven_until"].is_u64())
						})
				})
				.cloned()
		},
		|| agent.log_tail(),
	);
	eprintln!("provider registered and proven (waited {:?})", started.elapsed());
	provider
}

/// Polls `check` every `every` until it gives `Some`, or panics with `what` and `context()`.
pub fn wait_for<T>(
	what: &str,
	timeout: Duration,
	mut check: impl FnMut() -> Option<T>,
	context: impl Fn() -> String,
) -> T {
	let started = Instant::now();
	loop {
		if let Some(value) = check() {
			return value;
		}
		if started.elapsed() > timeout {
			panic!("timed out after {timeout:?} waiting for {what}\n{}", context());
		}
		std::thread::sleep(Duration::from_millis(500));
	}
}

/// Resident memory (KiB) and CPU time used so far (seconds) of process `pid`, from /proc.
pub fn process_usage(pid: u32) -> Option<(u64, f64)> {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
	let rss_kib = status
		.lines()
		.find_map(|l| l.strip_prefix("VmRSS:"))
		.and_then(|v| v.split_whitespace().next())
		.and_then(|v| v.parse().ok())?;
	let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
	// Fields after the command name (which may hold spaces) start at ") ".
	let fields: Vec<&str> = stat.rsplit_once(") ")?.1.split_whitespace().collect();
	let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
	// The kernel counts CPU time in USER_HZ ticks, 100 per second on Linux.
	Some((rss_kib, ticks as f64 / 100.0))
}

/// The agent's mean CPU use (percent of one core) and RSS (MiB) over `window`.
pub fn sample_usage(pid: u32, window: Duration) -> Option<(f64, f64)> {
	let (_, cpu_before) = process_usage(pid)?;
	std::thread::sleep(window);
	let (rss, cpu_after) = process_usage(pid)?;
	Some(((cpu_after - cpu_before) / window.as_secs_f64() * 100.0, rss as f64 / 1024.0))
}

/// A number in emberctl's JSON: plain, or a string for amounts beyond what JSON numbers hold.
pub fn num(value: &Value) -> u128 {
	value
		.as_u64()
		.map(u128::from)
		.or_else(|| value.as_str().and_then(|s| s.parse().ok()))
		.or_else(|| value.as_f64().map(|f| f as u128))
		.unwrap_or_else(|| panic!("{value} is not a number"))
}

/// Orders one GPU for `blocks` as `tenant_uri`, with `manifest` and bids taken for
/// `bid_window` blocks, and waits for the bid of `owner_uri`'s agent at the configured 2 EMBR
/// per GPU-hour; returns the order id.
pub fn order_with_bid(
	node: &DevNode,
	agent: &Agent,
	(tenant_uri, owner_uri): (&str, &str),
	manifest: &Path,
	blocks: u32,
	bid_window: u32,
) -> u64 {
	let manifest = manifest.to_str().expect("utf-8 path");
	emberctl(
		node,
		Some(tenant_uri),
		&[
			"order",
			"create",
			"--count",
			"1",
			"--duration",
			&blocks.to_string(),
			"--max-price",
			"3",
			"--manifest",
			manifest,
			"--bid-window",
			&bid_window.to_string(),
		],
	)
	.expect("order created");
	let tenant = account(&key(tenant_uri)).to_string();
	let order = wait_for(
		"the order to be listed",
		Duration::from_secs(30),
		|| {
			let orders = emberctl(node, None, &["order", "list"]).ok()?;
			orders
				.as_array()?
				.iter()
				.find(|o| o["tenant"] == tenant.as_str())
				.map(|o| num(&o["id"]) as u64)
		},
		String::new,
	);
	let owner = account(&key(owner_uri)).to_string();
	let bid = wait_bid(node, agent, order);
	assert_eq!(bid["provider"], owner.as_str(), "the bid comes from our provider");
	assert_eq!(
		num(&bid["price_per_gpu_hour"]),
		2_000_000_000_000,
		"the agent bids its configured price"
	);
	order
}

/// The first bid on `order`, once the agent placed it.
pub fn wait_bid(node: &DevNode, agent: &Agent, order: u64) -> Value {
	wait_for(
		"the agent's bid",
		Duration::from_secs(90),
		|| {
			let bids = emberctl(node, None, &["bids", &order.to_string()]).ok()?;
			bids.as_array()?.first().cloned()
		},
		|| agent.log_tail(),
	)
}
