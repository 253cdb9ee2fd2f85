//! The manifest protocol end to end: a real provider node and a real tenant client over TCP on
//! the loopback interface, with a provider that keeps its leases in memory and applies the
//! protocol's real checks.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
	time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use ember_client::{
	manifest_hash,
	p2p::{
		check_query, check_submission, Keypair, LogLine, LogStream, LogsQuery, Multiaddr, P2pError,
		PeerId, ProviderNode, RejectReason, Request, RequestHandler, Response, SignedManifest,
		SignedQuery, TenantClient, WorkloadState, MAX_OUTPUT_CHUNK,
	},
};
use futures::future::BoxFuture;
use subxt_signer::sr25519::dev;
use tokio::sync::watch;

const TIMEOUT: Duration = Duration::from_secs(20);
/// Log lines per page, small so that paging is exercised.
const PAGE: usize = 3;
/// A lease whose requests the provider answers only after a long while.
const SLOW_LEASE: u64 = 999;

struct Lease {
	tenant: [u8; 32],
	hash: [u8; 32],
	received: Option<Vec<u8>>,
	logs: Vec<LogLine>,
	outputs: HashMap<String, Vec<u8>>,
}

/// A provider's lease table, in memory.
#[derive(Default)]
struct Provider {
	leases: Mutex<HashMap<u64, Lease>>,
}

fn now_secs() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

impl Provider {
	fn answer(&self, request: Request) -> Response {
		let reject = |reason| Response::Rejected { reason };
		let mut leases = self.leases.lock().unwrap();
		let Some(lease) = leases.get_mut(&request.lease()) else {
			return reject(RejectReason::UnknownLease);
		};
		match request {
			Request::SubmitManifest(signed) => {
				if let Err(reason) = check_submission(&signed, &lease.tenant, &lease.hash) {
					return reject(reason);
				}
				match &lease.received {
					Some(earlier) if earlier != &signed.manifest => {
						reject(RejectReason::AlreadyReceived)
					},
					_ => {
						lease.received = Some(signed.manifest);
						Response::Accepted
					},
				}
			},
			Request::Logs(query) => {
				if let Err(reason) = check_query(&query, &lease.tenant, now_secs()) {
					return reject(reason);
				}
				let from = query.query.from_seq;
				let lines: Vec<LogLine> =
					lease.logs.iter().filter(|l| l.seq >= from).take(PAGE).cloned().collect();
				let next_seq = lines.last().map_or(from, |l| l.seq + 1);
				Response::Logs { state: WorkloadState::Running, lines, next_seq }
			},
			Request::FetchOutput(query) => {
				if let Err(reason) = check_query(&query, &lease.tenant, now_secs()) {
					return reject(reason);
				}
				let Some(file) = lease.outputs.get(&query.query.path) else {
					return reject(RejectReason::NotFound);
				};
				let start = (query.query.offset as usize).min(file.len());
				let end = (start + MAX_OUTPUT_CHUNK).min(file.len());
				Response::Output {
					path: query.query.path,
					offset: start as u64,
					data: file[start..end].to_vec(),
					total_len: file.len() as u64,
					eof: end == file.len(),
				}
			},
		}
	}
}

struct Handler(Arc<Provider>);

impl RequestHandler for Handler {
	fn handle(&self, _peer: PeerId, request: Request) -> BoxFuture<'static, Response> {
		let provider = self.0.clone();
		Box::pin(async move {
			if request.lease() == SLOW_LEASE {
				tokio::time::sleep(Duration::from_secs(30)).await;
			}
			provider.answer(request)
		})
	}
}

/// Deterministic bytes that are not a repeating pattern.
fn pseudo_random(len: usize, mut seed: u64) -> Vec<u8> {
	(0..len)
		.map(|_| {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			(seed >> 24) as u8
		})
		.collect()
}

const MANIFEST: &[u8] = br#"{"version":1,"name":"train","workload":{"kind":"command","program":"python3","args":["train.py"]},"gpus":{"count":1}}"#;
const OUTPUT_PATH: &str = "out/model.bin";
const OUTPUT_LEN: usize = 2 * MAX_OUTPUT_CHUNK + 12_345;

/// A provider serving lease 1 (alice's, for [`MANIFEST`], with 5 log lines and one output file).
async fn start_provider() -> (ProviderNode, Arc<Provider>, watch::Sender<bool>) {
	start_provider_on(vec!["/ip4/127.0.0.1/tcp/0".parse().unwrap()]).await
}

/// [`start_provider`] listening on `listen`.
async fn start_provider_on(
	listen: Vec<Multiaddr>,
) -> (ProviderNode, Arc<Provider>, watch::Sender<bool>) {
	let provider = Arc::new(Provider::default());
	let logs = (0..5)
		.map(|seq| LogLine {
			seq,
			at_ms: 1_700_000_000_000 + seq * 10,
			stream: if seq % 2 == 0 { LogStream::Stdout } else { LogStream::Stderr },
			text: format!("step {seq}"),
		})
		.collect();
	let outputs =
		HashMap::from([(OUTPUT_PATH.to_string(), pseudo_random(OUTPUT_LEN, 0x9e37_79b9))]);
	let alice = dev::alice().public_key().0;
	provider.leases.lock().unwrap().insert(
		1,
		Lease { tenant: alice, hash: manifest_hash(MANIFEST), received: None, logs, outputs },
	);
	provider.leases.lock().unwrap().insert(
		SLOW_LEASE,
		Lease {
			tenant: alice,
			hash: manifest_hash(MANIFEST),
			received: None,
			logs: Vec::new(),
			outputs: HashMap::new(),
		},
	);
	let (stop, shutdown) = watch::channel(false);
	let node = ProviderNode::start(
		Keypair::generate_ed25519(),
		listen,
		Arc::new(Handler(provider.clone())),
		shutdown,
	)
	.await
	.unwrap();
	(node, provider, stop)
}

/// A browser's way in: the provider listens on a WebSocket address as well, and a tenant that
/// dials only that address is served the same protocol, with the same checks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_protocol_runs_over_websocket_too() {
	let listen =
		vec!["/ip4/127.0.0.1/tcp/0".parse().unwrap(), "/ip4/127.0.0.1/tcp/0/ws".parse().unwrap()];
	let (node, provider, _stop) = start_provider_on(listen).await;
	let alice = dev::alice();
	let ws: Vec<Multiaddr> = node
		.listen_addrs()
		.into_iter()
		.filter(|a| a.to_string().ends_with("/ws"))
		.collect();
	assert_eq!(ws.len(), 1, "one WebSocket listener: {:?}", node.listen_addrs());
	assert_ne!(ws[0].to_string(), "/ip4/127.0.0.1/tcp/0/ws", "the actual port is reported");

	let client = TenantClient::new().unwrap();
	let sent = client
		.send_manifest(node.peer_id(), &ws, 1, MANIFEST.to_vec(), &alice, TIMEOUT)
		.await;
	assert_eq!(sent.unwrap(), Response::Accepted);
	let by_bob = client
		.send_manifest(node.peer_id(), &ws, 1, MANIFEST.to_vec(), &dev::bob(), TIMEOUT)
		.await;
	assert_eq!(rejected(by_bob.unwrap()), RejectReason::NotTenant);
	assert_eq!(provider.leases.lock().unwrap()[&1].received.as_deref(), Some(MANIFEST));
	assert!(node.stats().connections() >= 1, "the WebSocket connection is counted");
	let answered = node.stats().requests()[0];
	assert_eq!(answered, ("answered", 2), "both requests answered");
	node.shutdown().await;
}

fn rejected(response: Response) -> RejectReason {
	match response {
		Response::Rejected { reason } => reason,
		other => panic!("expected a refusal, got {other:?}"),
	}
}

/// A TCP port on the loopback interface that nobody listens on.
fn closed_port_addr() -> Multiaddr {
	let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
	let port = listener.local_addr().unwrap().port();
	drop(listener);
	format!("/ip4/127.0.0.1/tcp/{port}").parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_node_reports_its_bound_address() {
	let (node, _, _stop) = start_provider().await;
	let addrs = node.listen_addrs();
	assert_eq!(addrs.len(), 1, "{addrs:?}");
	let text = addrs[0].to_string();
	assert!(text.starts_with("/ip4/127.0.0.1/tcp/"), "{text}");
	assert_ne!(text, "/ip4/127.0.0.1/tcp/0", "the actual port is reported");
	node.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manifests_are_checked_end_to_end() {
	let (node, provider, _stop) = start_provider().await;
	let (peer, addrs) = (node.peer_id(), node.listen_addrs());
	let client = TenantClient::new().unwrap();
	let alice = dev::alice();

	let first = client.send_manifest(peer, &addrs, 1, MANIFEST.to_vec(), &alice, TIMEOUT).await;
	assert_eq!(first.unwrap(), Response::Accepted);
	assert_eq!(provider.leases.lock().unwrap()[&1].received.as_deref(), Some(MANIFEST));

	// The same manifest again is an idempotent resend.
	let again = client.send_manifest(peer, &addrs, 1, MANIFEST.to_vec(), &alice, TIMEOUT).await;
	assert_eq!(again.unwrap(), Response::Accepted);

	let mut other = MANIFEST.to_vec();
	other.extend_from_slice(b"\n");
	let wrong_hash = client.send_manifest(peer, &addrs, 1, other, &alice, TIMEOUT).await;
	assert_eq!(rejected(wrong_hash.unwrap()), RejectReason::HashMismatch);

	let bob = dev::bob();
	let by_bob = client.send_manifest(peer, &addrs, 1, MANIFEST.to_vec(), &bob, TIMEOUT).await;
	assert_eq!(rejected(by_bob.unwrap()), RejectReason::NotTenant);

	let unknown = client.send_manifest(peer, &addrs, 2, MANIFEST.to_vec(), &alice, TIMEOUT).await;
	assert_eq!(rejected(unknown.unwrap()), RejectReason::UnknownLease);

	// A signature that does not match its fields, sent as a raw request.
	let mut forged = SignedManifest::sign(1, MANIFEST.to_vec(), &dev::bob());
	forged.tenant = alice.public_key().0;
	let forged = client.request(peer, &addrs, Request::SubmitManifest(forged), TIMEOUT).await;
	assert_eq!(rejected(forged.unwrap()), RejectReason::BadSignature);

	// Nothing refused changed what the provider holds.
	assert_eq!(provider.leases.lock().unwrap()[&1].received.as_deref(), Some(MANIFEST));
	node.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_page_and_outputs_reassemble() {
	let (node, provider, _stop) = start_provider().await;
	let (peer, addrs) = (node.peer_id(), node.listen_addrs());
	let client = TenantClient::new().unwrap();
	let alice = dev::alice();

	let Response::Logs { state, lines, next_seq } =
		client.logs(peer, &addrs, 1, 0, &alice, TIMEOUT).await.unwrap()
	else {
		panic!("expected logs");
	};
	assert_eq!(state, WorkloadState::Running);
	assert_eq!(lines.iter().map(|l| l.seq).collect::<Vec<_>>(), [0, 1, 2]);
	assert_eq!(lines[1].text, "step 1");
	assert_eq!(lines[1].stream, LogStream::Stderr);
	assert_eq!(next_seq, 3);
	let Response::Logs { lines, next_seq, .. } =
		client.logs(peer, &addrs, 1, next_seq, &alice, TIMEOUT).await.unwrap()
	else {
		panic!("expected logs");
	};
	assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["step 3", "step 4"]);
	assert_eq!(next_seq, 5);
	let Response::Logs { lines, next_seq, .. } =
		client.logs(peer, &addrs, 1, next_seq, &alice, TIMEOUT).await.unwrap()
	else {
		panic!("expected logs");
	};
	assert!(lines.is_empty());
	assert_eq!(next_seq, 5);

	// Only the tenant may read, and only with a fresh query.
	let by_bob = client.logs(peer, &addrs, 1, 0, &dev::bob(), TIMEOUT).await.unwrap();
	assert_eq!(rejected(by_bob), RejectReason::NotTenant);
	let old = SignedQuery::sign(1, now_secs() - 3600, LogsQuery { from_seq: 0 }, &alice);
	let old = client.request(peer, &addrs, Request::Logs(old), TIMEOUT).await.unwrap();
	assert_eq!(rejected(old), RejectReason::Stale);

	let mut file = Vec::new();
	let mut chunks = 0;
	loop {
		let response = client
			.fetch_output(peer, &addrs, 1, OUTPUT_PATH, file.len() as u64, &alice, TIMEOUT)
			.await
			.unwrap();
		let Response::Output { path, offset, data, total_len, eof } = response else {
			panic!("expected an output chunk, got {response:?}");
		};
		assert_eq!(path, OUTPUT_PATH);
		assert_eq!(offset, file.len() as u64);
		assert_eq!(total_len, OUTPUT_LEN as u64);
		assert!(data.len() <= MAX_OUTPUT_CHUNK);
		file.extend_from_slice(&data);
		chunks += 1;
		if eof {
			break;
		}
		assert!(chunks < 10, "the download does not end");
	}
	assert_eq!(chunks, 3);
	assert_eq!(file, provider.leases.lock().unwrap()[&1].outputs[OUTPUT_PATH]);

	let missing = client
		.fetch_output(peer, &addrs, 1, "out/nothing", 0, &alice, TIMEOUT)
		.await
		.unwrap();
	assert_eq!(rejected(missing), RejectReason::NotFound);
	let by_bob = client
		.fetch_output(peer, &addrs, 1, OUTPUT_PATH, 0, &dev::bob(), TIMEOUT)
		.await
		.unwrap();
	assert_eq!(rejected(by_bob), RejectReason::NotTenant);
	node.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dialing_a_closed_port_fails_fast_and_names_the_address() {
	let client = TenantClient::new().unwrap();
	let addr = closed_port_addr();
	let peer = Keypair::generate_ed25519().public().to_peer_id();
	let started = Instant::now();
	let error = client
		.send_manifest(
			peer,
			std::slice::from_ref(&addr),
			1,
			MANIFEST.to_vec(),
			&dev::alice(),
			TIMEOUT,
		)
		.await
		.unwrap_err();
	assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
	assert!(matches!(error, P2pError::Dial { .. }), "{error:?}");
	let text = error.to_string();
	assert!(text.contains(&addr.to_string()), "{text}");
	assert!(text.contains(&peer.to_string()), "{text}");

	let error = client.logs(peer, &[], 1, 0, &dev::alice(), TIMEOUT).await.unwrap_err();
	assert!(matches!(error, P2pError::NoAddresses { .. }), "{error:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_provider_times_out() {
	let (node, _, _stop) = start_provider().await;
	let client = TenantClient::new().unwrap();
	let wait = Duration::from_millis(500);
	let started = Instant::now();
	let error = client
		.logs(node.peer_id(), &node.listen_addrs(), SLOW_LEASE, 0, &dev::alice(), wait)
		.await
		.unwrap_err();
	assert!(matches!(error, P2pError::Timeout { after, .. } if after == wait), "{error:?}");
	assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
	// The client still works afterwards.
	let answer = client
		.logs(node.peer_id(), &node.listen_addrs(), 1, 0, &dev::alice(), TIMEOUT)
		.await;
	assert!(matches!(answer, Ok(Response::Logs { .. })), "{answer:?}");
	node.shutdown().await;
}

/// Waits until nothing answers at `addrs` any more: the node stopped listening.
async fn assert_stops_answering(peer: PeerId, addrs: &[Multiaddr]) {
	let deadline = Instant::now() + Duration::from_secs(10);
	loop {
		// A new client each time, so that no connection made earlier is reused.
		let client = TenantClient::new().unwrap();
		let answer = client.logs(peer, addrs, 1, 0, &dev::alice(), TIMEOUT).await;
		if let Err(P2pError::Dial { .. }) = answer {
			return;
		}
		assert!(Instant::now() < deadline, "the node still answers: {answer:?}");
		tokio::time::sleep(Duration::from_millis(50)).await;
	}
}

async fn assert_answers(peer: PeerId, addrs: &[Multiaddr]) {
	let client = TenantClient::new().unwrap();
	let answer = client.logs(peer, addrs, 1, 0, &dev::alice(), TIMEOUT).await;
	assert!(matches!(answer, Ok(Response::Logs { .. })), "{answer:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shutdown_signal_stops_the_node() {
	let (node, _, stop) = start_provider().await;
	let (peer, addrs) = (node.peer_id(), node.listen_addrs());
	assert_answers(peer, &addrs).await;
	stop.send(true).unwrap();
	assert_stops_answering(peer, &addrs).await;
	drop(node);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_and_drop_stop_the_node() {
	let (node, _, _stop) = start_provider().await;
	let (peer, addrs) = (node.peer_id(), node.listen_addrs());
	assert_answers(peer, &addrs).await;
	node.shutdown().await;
	assert_stops_answering(peer, &addrs).await;

	let (node, _, _stop) = start_provider().await;
	let (peer, addrs) = (node.peer_id(), node.listen_addrs());
	assert_answers(peer, &addrs).await;
	drop(node);
	assert_stops_answering(peer, &addrs).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_without_the_protocol_is_reported_as_such() {
	// A libp2p node that speaks no protocol at all.
	let mut other = libp2p::SwarmBuilder::with_new_identity()
		.with_tokio()
		.with_tcp(Default::default(), libp2p::noise::Config::new, libp2p::yamux::Config::default)
		.unwrap()
		.with_behaviour(|_| libp2p::swarm::dummy::Behaviour)
		.unwrap()
		.with_swarm_config(|c| c.with_idle_connection_timeout(Duration::from_secs(60)))
		.build();
	other.listen_on("/ip4/127.0.0.1/tcp/0".parse().unwrap()).unwrap();
	let addr = loop {
		if let libp2p::swarm::SwarmEvent::NewListenAddr { address, .. } =
			futures::StreamExt::select_next_some(&mut other).await
		{
			break address;
		}
	};
	let peer = *other.local_peer_id();
	let serve = tokio::spawn(async move {
		loop {
			futures::StreamExt::select_next_some(&mut other).await;
		}
	});
	let client = TenantClient::new().unwrap();
	let error = client.logs(peer, &[addr], 1, 0, &dev::alice(), TIMEOUT).await.unwrap_err();
	assert!(matches!(error, P2pError::ProtocolNotSupported { .. }), "{error:?}");
	assert!(error.to_string().contains("/ember/manifest/1"), "{error}");
	serve.abort();
}
