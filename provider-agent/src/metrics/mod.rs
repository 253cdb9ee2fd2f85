//! Prometheus metrics and a health check, served over HTTP/1.1 by hyper: two read-only paths
//! need no web framework, but the HTTP parsing is hyper's.
//!
//! The metrics live in their own registry rather than the process-global one, so that tests
//! (and several agents in one process) do not see each other's counts.

use std::{
	convert::Infallible,
	sync::{
		atomic::{AtomicBool, AtomicU32, Ordering},
		Arc, Mutex, PoisonError,
	},
	time::{Duration, Instant},
};

use http_body_util::Full;
use hyper::{
	body::{Bytes, Incoming},
	header::{self, HeaderValue},
	server::conn::http1,
	service::service_fn,
	Method, Request, Response, StatusCode,
};
use hyper_util::rt::{TokioIo, TokioTimer};
use prometheus::{
	Encoder, Gauge, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec,
	Opts, Registry, TextEncoder,
};
use tokio::{
	net::{TcpListener, TcpStream},
	sync::{watch, Semaphore},
};
use tokio_util::task::TaskTracker;

mod operator;
pub use operator::Operator;

/// Submission latency buckets, seconds: inclusion takes one to a few 6-second blocks.
const SUBMISSION_BUCKETS: &[f64] =
	&[0.25, 0.5, 1.0, 2.0, 4.0, 6.0, 9.0, 12.0, 18.0, 30.0, 60.0, 120.0];

/// Buckets of challenge solve times, seconds: from a development chain's tiny task to a real
/// GPU's, which must finish well inside the commit window (a few 6-second blocks).
const CHALLENGE_BUCKETS: &[f64] =
	&[0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 12.0, 18.0, 30.0];

/// The calls the agent key submits, as `ember_agent_submissions_total{call}` names them.
const AGENT_CALLS: [&str; 5] =
	["heartbeat", "place_bid", "request_challenge", "challenge_commit", "challenge_reveal"];

/// The agent's metrics.
pub struct Metrics {
	registry: Registry,
	submission_seconds: HistogramVec,
	submissions: IntCounterVec,
	leases_started: IntCounter,
	leases_finished: IntCounterVec,
	leases_running: IntGauge,
	gpus_total: IntGauge,
	gpus_leased: IntGauge,
	finalized_block: IntGauge,
	chain_connected: IntGauge,
	heartbeats: IntCounterVec,
	bids: IntCounterVec,
	manifests: IntCounterVec,
	earned_plancks: Gauge,
	inventory_simulated: IntGauge,
	store_skipped: IntGauge,
	gpus_failed: IntGauge,
	challenge_solve_seconds: HistogramVec,
	challenge_steps: IntCounterVec,
	gpus_proven: IntGauge,
	/// What the operator's dashboards and alerts read: GPUs, standing, escrow, disk, p2p.
	pub operator: Operator,
}

impl Metrics {
	/// Creates and registers every metric.
	pub fn new() -> Result<Self, prometheus::Error> {
		let registry = Registry::new();
		let submission_seconds = HistogramVec::new(
			HistogramOpts::new(
				"ember_agent_submission_seconds",
				"Time from submitting a transaction to its inclusion or failure.",
			)
			.buckets(SUBMISSION_BUCKETS.to_vec()),
			&["call"],
		)?;
		let submissions = IntCounterVec::new(
			Opts::new(
				"ember_agent_submissions_total",
				"Transactions submitted, by call and result.",
			),
			&["call", "result"],
		)?;
		let leases_started =
			IntCounter::new("ember_agent_leases_started_total", "Leases taken on.")?;
		let leases_finished = IntCounterVec::new(
			Opts::new("ember_agent_leases_finished_total", "Leases finished, by reason."),
			&["reason"],
		)?;
		let leases_running =
			IntGauge::new("ember_agent_leases_running", "Leases currently served.")?;
		let gpus_total = IntGauge::new("ember_agent_gpus", "GPUs in the inventory.")?;
		let gpus_leased = IntGauge::new("ember_agent_gpus_leased", "GPUs held by running leases.")?;
		let finalized_block = IntGauge::new(
			"ember_agent_finalized_block",
			"Number of the last finalized block seen.",
		)?;
		let chain_connected = IntGauge::new(
			"ember_agent_chain_connected",
			"1 while connected to the node, 0 otherwise.",
		)?;
		let heartbeats = IntCounterVec::new(
			Opts::new("ember_agent_heartbeats_total", "Heartbeats sent, by result."),
			&["result"],
		)?;
		let bids = IntCounterVec::new(
			Opts::new("ember_agent_bids_total", "Bids placed or refused, by result."),
			&["result"],
		)?;
		let manifests = IntCounterVec::new(
			Opts::new("ember_agent_manifests_total", "Manifests received, by result."),
			&["result"],
		)?;
		let earned_plancks = Gauge::new(
			"ember_agent_earned_plancks",
			"Earnings of the provider's leases, plancks (approximate above 2^53).",
		)?;
		let inventory_simulated = IntGauge::new(
			"ember_agent_inventory_simulated",
			"1 when the GPUs are simulated (development chains only), 0 when read through NVML.",
		)?;
		let gpus_failed = IntGauge::new(
			"ember_agent_gpus_failed",
			"GPUs the driver lists but that cannot be read; withdrawn from bidding.",
		)?;
		let store_skipped = IntGauge::new(
			"ember_agent_store_skipped_records",
			"Records of the agent's database skipped because they did not decode.",
		)?;
		let challenge_solve_seconds = HistogramVec::new(
			HistogramOpts::new(
				"ember_agent_challenge_solve_seconds",
				"Time to compute a challenge's product and its Merkle tree, by solver.",
			)
			.buckets(CHALLENGE_BUCKETS.to_vec()),
			&["solver"],
		)?;
		let challenge_steps = IntCounterVec::new(
			Opts::new(
				"ember_agent_challenge_steps_total",
				"Challenge steps (request, commit, reveal) submitted, by step and result.",
			),
			&["step", "result"],
		)?;
		let gpus_proven = IntGauge::new(
			"ember_agent_gpus_proven",
			"GPUs holding an unexpired proof of compute, as of the last best block read.",
		)?;
		let build_info = IntGaugeVec::new(
			Opts::new("ember_agent_build_info", "The agent's version; always 1."),
			&["version"],
		)?;
		build_info.with_label_values(&[env!("CARGO_PKG_VERSION")]).set(1);

		registry.register(Box::new(submission_seconds.clone()))?;
		registry.register(Box::new(submissions.clone()))?;
		registry.register(Box::new(leases_started.clone()))?;
		registry.register(Box::new(leases_finished.clone()))?;
		registry.register(Box::new(leases_running.clone()))?;
		registry.register(Box::new(gpus_total.clone()))?;
		registry.register(Box::new(gpus_leased.clone()))?;
		registry.register(Box::new(finalized_block.clone()))?;
		registry.register(Box::new(chain_connected.clone()))?;
		registry.register(Box::new(heartbeats.clone()))?;
		registry.register(Box::new(bids.clone()))?;
		registry.register(Box::new(manifests.clone()))?;
		registry.register(Box::new(earned_plancks.clone()))?;
		registry.register(Box::new(inventory_simulated.clone()))?;
		registry.register(Box::new(store_skipped.clone()))?;
		registry.register(Box::new(gpus_failed.clone()))?;
		registry.register(Box::new(challenge_solve_seconds.clone()))?;
		registry.register(Box::new(challenge_steps.clone()))?;
		registry.register(Box::new(gpus_proven.clone()))?;
		registry.register(Box::new(build_info))?;
		// Every call the agent key makes, and every solver, from the start at zero: a rate on
		// a dashboard sees the first observation instead of a series born at 1.
		for call in AGENT_CALLS {
			submission_seconds.with_label_values(&[call]);
			for result in ["ok", "failed"] {
				submissions.with_label_values(&[call, result]);
			}
		}
		for solver in ["cpu", "cuda"] {
			challenge_solve_seconds.with_label_values(&[solver]);
		}
		for result in ["ok", "failed"] {
			heartbeats.with_label_values(&[result]);
		}
		for result in ["accepted", "refused"] {
			manifests.with_label_values(&[result]);
		}
		let operator = Operator::register(&registry)?;
		Ok(Self {
			operator,
			registry,
			submission_seconds,
			submissions,
			leases_started,
			leases_finished,
			leases_running,
			gpus_total,
			gpus_leased,
			finalized_block,
			chain_connected,
			heartbeats,
			bids,
			manifests,
			earned_plancks,
			inventory_simulated,
			store_skipped,
			gpus_failed,
			challenge_solve_seconds,
			challenge_steps,
			gpus_proven,
		})
	}

	/// Records one challenge solved by `solver` in `took`.
	pub fn observe_challenge_solve(&self, solver: &str, took: Duration) {
		self.challenge_solve_seconds
			.with_label_values(&[solver])
			.observe(took.as_secs_f64());
	}

	/// Counts one challenge step (`request`, `commit`, `reveal`) submitted.
	pub fn challenge_step(&self, step: &str, ok: bool) {
		self.challenge_steps.with_label_values(&[step, ok_or_failed(ok)]).inc();
	}

	/// Sets how many GPUs hold an unexpired proof.
	pub fn set_gpus_proven(&self, count: i64) {
		self.gpus_proven.set(count);
	}

	/// Records one transaction submission: how long it took and whether it was included.
	pub fn observe_submission(&self, call: &str, took: Duration, ok: bool) {
		self.submission_seconds.with_label_values(&[call]).observe(took.as_secs_f64());
		self.submissions.with_label_values(&[call, ok_or_failed(ok)]).inc();
	}

	/// Counts a lease taken on.
	pub fn lease_started(&self) {
		self.leases_started.inc();
	}

	/// Counts a lease finished, by why.
	pub fn lease_finished(&self, reason: &str) {
		self.leases_finished.with_label_values(&[reason]).inc();
	}

	/// Sets the number of leases served.
	pub fn set_leases_running(&self, count: i64) {
		self.leases_running.set(count);
	}

	/// Sets the number of GPUs in the inventory.
	pub fn set_gpus_total(&self, count: i64) {
		self.gpus_total.set(count);
	}

	/// Sets the number of GPUs held by leases.
	pub fn set_gpus_leased(&self, count: i64) {
		self.gpus_leased.set(count);
	}

	/// Sets the last finalized block seen.
	pub fn set_finalized_block(&self, number: u32) {
		self.finalized_block.set(i64::from(number));
	}

	/// Sets whether the agent is connected to its node.
	pub fn set_chain_connected(&self, connected: bool) {
		self.chain_connected.set(i64::from(connected));
	}

	/// Counts a heartbeat, included or not.
	pub fn heartbeat(&self, ok: bool) {
		self.heartbeats.with_label_values(&[ok_or_failed(ok)]).inc();
	}

	/// Counts a bid by result: `placed`, or why it was refused.
	pub fn bid(&self, result: &str) {
		self.bids.with_label_values(&[result]).inc();
	}

	/// Counts a manifest, accepted or refused.
	pub fn manifest(&self, accepted: bool) {
		self.manifests
			.with_label_values(&[if accepted { "accepted" } else { "refused" }])
			.inc();
	}

	/// Says whether the inventory is simulated.
	pub fn set_inventory_simulated(&self, simulated: bool) {
		self.inventory_simulated.set(i64::from(simulated));
	}

	/// Sets how many GPUs cannot be read.
	pub fn set_gpus_failed(&self, count: i64) {
		self.gpus_failed.set(count);
	}

	/// Sets how many database records were skipped as unreadable.
	pub fn set_store_skipped(&self, records: u64) {
		self.store_skipped.set(i64::try_from(records).unwrap_or(i64::MAX));
	}

	/// Sets the provider's earnings, plancks.
	pub fn set_earnings(&self, plancks: u128) {
		self.earned_plancks.set(plancks as f64);
	}

	/// Every metric in the Prometheus text exposition format.
	pub fn render(&self) -> String {
		self.operator.refresh();
		let mut buffer = Vec::new();
		if let Err(error) = TextEncoder::new().encode(&self.registry.gather(), &mut buffer) {
			tracing::warn!(%error, "encoding the metrics failed");
		}
		String::from_utf8(buffer).unwrap_or_default()
	}
}

fn ok_or_failed(ok: bool) -> &'static str {
	if ok {
		"ok"
	} else {
		"failed"
	}
}

/// The agent's state as `/health` reports it.
pub struct Health {
	started: Instant,
	inventory_source: Mutex<String>,
	chain_connected: AtomicBool,
	finalized: AtomicU32,
	registered: AtomicBool,
	/// 0 until the first heartbeat is included.
	last_heartbeat: AtomicU32,
}

impl Default for Health {
	fn default() -> Self {
		Self::new()
	}
}

impl Health {
	/// Nothing known yet: unhealthy until connected and registered.
	pub fn new() -> Self {
		Self {
			started: Instant::now(),
			inventory_source: Mutex::new(String::new()),
			chain_connected: AtomicBool::new(false),
			finalized: AtomicU32::new(0),
			registered: AtomicBool::new(false),
			last_heartbeat: AtomicU32::new(0),
		}
	}

	/// Records where the GPU list comes from (`nvml` or `simulated`).
	pub fn set_inventory_source(&self, kind: &str) {
		*self.inventory_source.lock().unwrap_or_else(PoisonError::into_inner) = kind.to_string();
	}

	/// Records whether the agent is connected to its node.
	pub fn set_chain_connected(&self, connected: bool) {
		self.chain_connected.store(connected, Ordering::Relaxed);
	}

	/// Records the last finalized block seen.
	pub fn set_finalized(&self, number: u32) {
		self.finalized.store(number, Ordering::Relaxed);
	}

	/// Records whether the provider is registered with this agent.
	pub fn set_registered(&self, registered: bool) {
		self.registered.store(registered, Ordering::Relaxed);
	}

	/// Records the block of the last included heartbeat.
	pub fn set_last_heartbeat(&self, block: u32) {
		self.last_heartbeat.store(block, Ordering::Relaxed);
	}

	/// Connected to the chain and registered: the agent can earn.
	pub fn is_healthy(&self) -> bool {
		self.chain_connected.load(Ordering::Relaxed) && self.registered.load(Ordering::Relaxed)
	}

	/// Everything as JSON.
	pub fn snapshot(&self) -> serde_json::Value {
		let last_heartbeat = match self.last_heartbeat.load(Ordering::Relaxed) {
			0 => serde_json::Value::Null,
			block => block.into(),
		};
		let source = self.inventory_source.lock().unwrap_or_else(PoisonError::into_inner).clone();
		serde_json::json!({
			"healthy": self.is_healthy(),
			"chain_connected": self.chain_connected.load(Ordering::Relaxed),
			"registered": self.registered.load(Ordering::Relaxed),
			"finalized_block": self.finalized.load(Ordering::Relaxed),
			"last_heartbeat_block": last_heartbeat,
			"inventory_source": source,
			"uptime_secs": self.started.elapsed().as_secs(),
			"version": env!("CARGO_PKG_VERSION"),
		})
	}
}

/// Largest request head accepted (hyper's smallest read buffer): these paths need no more
/// than a line and a few headers. A larger head is answered 431.
const MAX_HEAD_BYTES: usize = 8 * 1024;
/// Time allowed to send the request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// Time a whole connection may take, head to last byte, so a client that stops reading does
/// not hold a connection slot.
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections served at once; more are closed at once rather than queued.
const MAX_CONNECTIONS: usize = 64;
/// How long shutdown waits for answers in progress.
const SHUTDOWN_WAIT: Duration = Duration::from_secs(1);

/// Serves `GET /metrics` and `GET /health` over HTTP/1.1 (hyper) on `listener` until
/// `shutdown` turns true (or its sender is dropped), then waits up to a second for the
/// connections it is serving. One task per connection; every response closes its connection.
pub async fn serve(
	listener: TcpListener,
	metrics: Arc<Metrics>,
	health: Arc<Health>,
	mut shutdown: watch::Receiver<bool>,
) {
	let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
	let connections = TaskTracker::new();
	loop {
		if *shutdown.borrow() {
			break;
		}
		tokio::select! {
			accepted = listener.accept() => match accepted {
				Ok((stream, _peer)) => {
					let Ok(permit) = permits.clone().try_acquire_owned() else {
						drop(stream);
						continue;
					};
					let metrics = metrics.clone();
					let health = health.clone();
					connections.spawn(async move {
						let _permit = permit;
						serve_connection(stream, metrics, health).await;
					});
				},
				Err(error) => {
					// Typically out of file descriptors: pause rather than spin.
					tracing::warn!(%error, "accepting a metrics connection failed");
					tokio::time::sleep(Duration::from_millis(100)).await;
				},
			},
			changed = shutdown.changed() => {
				if changed.is_err() {
					break;
				}
			},
		}
	}
	// Answers in progress get a moment to finish; a client holding one open does not hold up
	// the agent's shutdown (its task ends with the runtime).
	connections.close();
	let _ = tokio::time::timeout(SHUTDOWN_WAIT, connections.wait()).await;
}

async fn serve_connection(stream: TcpStream, metrics: Arc<Metrics>, health: Arc<Health>) {
	let service = service_fn(move |request: Request<Incoming>| {
		let response = route(request.method(), request.uri().path(), &metrics, &health);
		async move { Ok::<_, Infallible>(response) }
	});
	let connection = http1::Builder::new()
		.timer(TokioTimer::new())
		.header_read_timeout(HEAD_TIMEOUT)
		.max_buf_size(MAX_HEAD_BYTES)
		.keep_alive(false)
		.serve_connection(TokioIo::new(stream), service);
	match tokio::time::timeout(CONNECTION_TIMEOUT, connection).await {
		Ok(Ok(())) => {},
		// Clients that hang up or send garbage are theirs to worry about.
		Ok(Err(error)) => tracing::debug!(%error, "metrics connection ended with an error"),
		Err(_) => tracing::debug!("metrics connection timed out"),
	}
}

fn reply(status: StatusCode, content_type: &'static str, body: String) -> Response<Full<Bytes>> {
	let mut response = Response::new(Full::new(Bytes::from(body)));
	*response.status_mut() = status;
	let headers = response.headers_mut();
	headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
	headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
	response
}

fn text(status: StatusCode, body: &str) -> Response<Full<Bytes>> {
	reply(status, "text/plain; charset=utf-8", format!("{body}\n"))
}

/// The answer to one request; hyper leaves the body out of a HEAD answer.
fn route(method: &Method, path: &str, metrics: &Metrics, health: &Health) -> Response<Full<Bytes>> {
	if method != Method::GET && method != Method::HEAD {
		let mut response = text(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD");
		response
			.headers_mut()
			.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
		return response;
	}
	match path {
		"/metrics" => {
			reply(StatusCode::OK, "text/plain; version=0.0.4; charset=utf-8", metrics.render())
		},
		"/health" => {
			let status =
				if health.is_healthy() { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
			let mut body = health.snapshot().to_string();
			body.push('\n');
			reply(status, "application/json", body)
		},
		_ => text(StatusCode::NOT_FOUND, "not found: try /metrics or /health"),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use tokio::io::{AsyncReadExt, AsyncWriteExt};

	#[test]
	fn render_names_every_metric() {
		let metrics = Metrics::new().expect("metrics");
		metrics.observe_submission("heartbeat", Duration::from_millis(1500), true);
		metrics.observe_submission("place_bid", Duration::from_secs(7), false);
		metrics.lease_started();
		metrics.lease_finished("the lease was closed");
		metrics.set_leases_running(1);
		metrics.set_gpus_total(2);
		metrics.set_gpus_leased(1);
		metrics.set_finalized_block(1234);
		metrics.set_chain_connected(true);
		metrics.heartbeat(true);
		metrics.bid("placed");
		metrics.manifest(false);
		metrics.set_earnings(2_500_000_000_000);
		let text = metrics.render();
		for expected in [
			"ember_agent_submission_seconds_bucket{call=\"heartbeat\"",
			"ember_agent_submission_seconds_count{call=\"place_bid\"} 1",
			"ember_agent_submissions_total{call=\"heartbeat\",result=\"ok\"} 1",
			"ember_agent_submissions_total{call=\"place_bid\",result=\"failed\"} 1",
			"ember_agent_leases_started_total 1",
			"ember_agent_leases_finished_total{reason=\"the lease was closed\"} 1",
			"ember_agent_leases_running 1",
			"ember_agent_gpus 2",
			"ember_agent_gpus_leased 1",
			"ember_agent_finalized_block 1234",
			"ember_agent_chain_connected 1",
			"ember_agent_heartbeats_total{result=\"ok\"} 1",
			"ember_agent_bids_total{result=\"placed\"} 1",
			"ember_agent_manifests_total{result=\"refused\"} 1",
			"ember_agent_earned_plancks 2500000000000",
			"ember_agent_build_info{version=",
		] {
			assert!(text.contains(expected), "{expected:?} not in:\n{text}");
		}
		// Separate registries: a second instance starts from zero.
		let other = Metrics::new().expect("metrics");
		assert!(!other.render().contains("ember_agent_leases_started_total 1"));
	}

	#[test]
	fn health_needs_chain_and_registration() {
		let health = Health::new();
		health.set_inventory_source("simulated");
		assert!(!health.is_healthy());
		assert_eq!(health.snapshot()["last_heartbeat_block"], serde_json::Value::Null);
		health.set_chain_connected(true);
		assert!(!health.is_healthy());
		health.set_registered(true);
		health.set_finalized(42);
		health.set_last_heartbeat(40);
		assert!(health.is_healthy());
		let snapshot = health.snapshot();
		assert_eq!(snapshot["healthy"], true);
		assert_eq!(snapshot["finalized_block"], 42);
		assert_eq!(snapshot["last_heartbeat_block"], 40);
		assert_eq!(snapshot["inventory_source"], "simulated");
	}

	async fn get(addr: std::net::SocketAddr, request: &str) -> String {
		let mut stream = TcpStream::connect(addr).await.expect("connect");
		stream.write_all(request.as_bytes()).await.expect("send");
		let mut response = Vec::new();
		tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut response))
			.await
			.expect("answered in time")
			.expect("read");
		String::from_utf8(response).expect("utf-8")
	}

	fn request(path: &str) -> String {
		format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: test\r\n\r\n")
	}

	#[tokio::test]
	async fn serves_metrics_health_and_404() {
		let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
		let addr = listener.local_addr().expect("address");
		let metrics = Arc::new(Metrics::new().expect("metrics"));
		let health = Arc::new(Health::new());
		let (stop, shutdown) = watch::channel(false);
		let server = tokio::spawn(serve(listener, metrics.clone(), health.clone(), shutdown));

		metrics.set_finalized_block(77);
		let response = get(addr, &request("/metrics")).await;
		assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
		assert!(
			response
				.to_ascii_lowercase()
				.contains("content-type: text/plain; version=0.0.4"),
			"{response}"
		);
		assert!(response.contains("ember_agent_finalized_block 77"), "{response}");

		let response = get(addr, &request("/health")).await;
		assert!(response.starts_with("HTTP/1.1 503 Service Unavailable\r\n"), "{response}");
		assert!(response.contains("\"registered\":false"), "{response}");

		health.set_chain_connected(true);
		health.set_registered(true);
		let response = get(addr, &request("/health?verbose=1")).await;
		assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
		let body = response.split("\r\n\r\n").nth(1).expect("a body");
		let json: serde_json::Value = serde_json::from_str(body).expect("JSON body");
		assert_eq!(json["healthy"], true);

		let response = get(addr, &request("/nope")).await;
		assert!(response.starts_with("HTTP/1.1 404 Not Found\r\n"), "{response}");
		let response = get(addr, "POST /metrics HTTP/1.1\r\n\r\n").await;
		assert!(response.starts_with("HTTP/1.1 405"), "{response}");
		let response = get(addr, "HEAD /metrics HTTP/1.1\r\n\r\n").await;
		assert!(
			response.starts_with("HTTP/1.1 200 OK\r\n") && response.ends_with("\r\n\r\n"),
			"{response}"
		);
		let huge = format!(
			"GET /metrics HTTP/1.1\r\nX-Filler: {}\r\n\r\n",
			"x".repeat(MAX_HEAD_BYTES * 2)
		);
		let response = get(addr, &huge).await;
		assert!(response.starts_with("HTTP/1.1 431"), "{response}");

		// A client that opens a connection and never finishes its head is cut off; meanwhile
		// others are served.
		let mut slow = TcpStream::connect(addr).await.expect("connect");
		slow.write_all(b"GET /metrics HTTP/1.1\r\n").await.expect("send");
		let response = get(addr, &request("/metrics")).await;
		assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
		let mut rest = Vec::new();
		let cut = tokio::time::timeout(HEAD_TIMEOUT * 3, slow.read_to_end(&mut rest)).await;
		assert!(cut.is_ok(), "a stalled head is cut off within the head timeout");

		stop.send(true).expect("server listening");
		tokio::time::timeout(Duration::from_secs(5), server)
			.await
			.expect("stops on shutdown")
			.expect("no panic");
	}
}
