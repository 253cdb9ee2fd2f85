//! The provider's side: a libp2p node that answers tenants' requests through a [`RequestHandler`].

use std::{
	collections::HashMap,
	sync::{
		atomic::{AtomicU64, Ordering},
		Arc, RwLock,
	},
	time::{Duration, Instant},
};

use futures::{
	future::{self, BoxFuture},
	stream::FuturesUnordered,
	StreamExt,
};
use libp2p::{
	core::transport::ListenerId,
	identity::Keypair,
	request_response::{self, ProtocolSupport, ResponseChannel},
	swarm::SwarmEvent,
	Multiaddr, PeerId, Swarm,
};
use tokio::{
	sync::{oneshot, watch},
	task::JoinHandle,
};

use super::{
	node::{build_swarm, Behaviour, BehaviourEvent},
	protocol::{RejectReason, Request, Response},
	P2pError,
};

/// Requests one peer may make in a burst, and how many more it earns per second.
pub const PEER_BURST: f64 = 20.0;
/// See [`PEER_BURST`].
pub const PEER_REQUESTS_PER_SEC: f64 = 5.0;
/// Most requests whose handler has not answered yet, from all peers together.
pub const MAX_IN_FLIGHT: usize = 256;
/// Most peers whose request budget is remembered; beyond, the longest-quiet one is forgotten.
/// Far above the connection limit, so that a peer that keeps asking is remembered. A new peer
/// id starts with a fresh burst: what bounds a stranger cycling ids is the connection limits and
/// [`MAX_IN_FLIGHT`], not this table.
const MAX_TRACKED_PEERS: usize = 4096;

/// Per-peer request budgets (token buckets), so that one peer cannot take every handler.
#[derive(Default)]
struct RateLimits {
	budgets: HashMap<PeerId, (f64, Instant)>,
}

impl RateLimits {
	/// Takes one request from `peer`'s budget at `now`; `false` when it has none left.
	///
	/// A full table never turns a new peer away (peers are cheap to make: a stranger cycling
	/// through thousands would otherwise lock every tenant out). Peers quiet long enough to
	/// have refilled completely are forgotten first, as they lose nothing by it; if none is,
	/// the longest-quiet peer is, which at worst gives it a fresh burst on its next request.
	fn allow(&mut self, peer: PeerId, now: Instant) -> bool {
		if self.budgets.len() >= MAX_TRACKED_PEERS && !self.budgets.contains_key(&peer) {
			let full_after = Duration::from_secs_f64(PEER_BURST / PEER_REQUESTS_PER_SEC);
			self.budgets.retain(|_, (_, last)| now.duration_since(*last) < full_after);
			if self.budgets.len() >= MAX_TRACKED_PEERS {
				let quietest =
					self.budgets.iter().min_by_key(|(_, (_, last))| *last).map(|(peer, _)| *peer);
				if let Some(quietest) = quietest {
					self.budgets.remove(&quietest);
				}
			}
		}
		let (tokens, last) = self.budgets.entry(peer).or_insert((PEER_BURST, now));
		let earned = now.duration_since(*last).as_secs_f64() * PEER_REQUESTS_PER_SEC;
		*tokens = (*tokens + earned).min(PEER_BURST);
		*last = now;
		if *tokens >= 1.0 {
			*tokens -= 1.0;
			true
		} else {
			false
		}
	}
}

/// How long the handler has to answer one request before the tenant's stream is failed.
pub const HANDLER_TIMEOUT: Duration = Duration::from_secs(60);

/// How long binding the listen addresses may take.
const LISTEN_TIMEOUT: Duration = Duration::from_secs(10);

/// What a provider node has served, for the provider's metrics.
#[derive(Debug, Default)]
pub struct NodeStats {
	connections: AtomicU64,
	answered: AtomicU64,
	throttled: AtomicU64,
	failed: AtomicU64,
}

impl NodeStats {
	/// Connections open now.
	pub fn connections(&self) -> u64 {
		self.connections.load(Ordering::Relaxed)
	}

	/// Requests so far by result: `answered` (whatever the answer), `throttled` (refused
	/// before any work: over the peer's budget, or every handler busy) and `failed` (timed out,
	/// or the peer left before the answer).
	pub fn requests(&self) -> [(&'static str, u64); 3] {
		[
			("answered", self.answered.load(Ordering::Relaxed)),
			("throttled", self.throttled.load(Ordering::Relaxed)),
			("failed", self.failed.load(Ordering::Relaxed)),
		]
	}

	fn count(counter: &AtomicU64) {
		counter.fetch_add(1, Ordering::Relaxed);
	}
}

/// Answers tenants' requests; the provider agent implements it with its lease table.
pub trait RequestHandler: Send + Sync + 'static {
	/// Answers `request` from `peer`. Authorisation is the handler's: see
	/// [`check_submission`](super::check_submission) and [`check_query`](super::check_query).
	fn handle(&self, peer: PeerId, request: Request) -> BoxFuture<'static, Response>;
}

/// A running provider node. Dropping it (or [`ProviderNode::shutdown`], or the shutdown signal
/// given to [`ProviderNode::start`]) stops it.
pub struct ProviderNode {
	peer_id: PeerId,
	listen_addrs: Arc<RwLock<Vec<Multiaddr>>>,
	stats: Arc<NodeStats>,
	stop: oneshot::Sender<()>,
	task: JoinHandle<()>,
}

impl ProviderNode {
	/// Starts a node with `keypair`'s identity listening on `listen`, answering requests with
	/// `handler`, until `shutdown` turns `true` or the node is dropped. Returns once every
	/// listen address is bound, so [`ProviderNode::listen_addrs`] holds the actual ports.
	pub async fn start(
		keypair: Keypair,
		listen: Vec<Multiaddr>,
		handler: Arc<dyn RequestHandler>,
		shutdown: watch::Receiver<bool>,
	) -> Result<Self, P2pError> {
		tokio::runtime::Handle::try_current().map_err(|_| P2pError::NoRuntime)?;
		if listen.is_empty() {
			return Err(P2pError::Transport("no listen address given".into()));
		}
		let peer_id = keypair.public().to_peer_id();
		let swarm = build_swarm(keypair, ProtocolSupport::Inbound, HANDLER_TIMEOUT)?;
		let mut server = Server {
			swarm,
			handler,
			in_flight: FuturesUnordered::new(),
			listen_addrs: Arc::new(RwLock::new(Vec::new())),
			limits: RateLimits::default(),
			stats: Arc::new(NodeStats::default()),
		};
		server.bind(listen).await?;
		let listen_addrs = server.listen_addrs.clone();
		let stats = server.stats.clone();
		tracing::info!(%peer_id, addrs = ?server.addrs(), "manifest protocol node listening");
		let (stop, stopped) = oneshot::channel();
		let task = tokio::spawn(server.run(shutdown, stopped));
		Ok(Self { peer_id, listen_addrs, stats, stop, task })
	}

	/// The node's PeerId, as registered on chain.
	pub fn peer_id(&self) -> PeerId {
		self.peer_id
	}

	/// The addresses the node listens on now (with the actual ports of `tcp/0` listeners).
	pub fn listen_addrs(&self) -> Vec<Multiaddr> {
		read_addrs(&self.listen_addrs)
	}

	/// Its connection and request counts, kept current while it runs.
	pub fn stats(&self) -> Arc<NodeStats> {
		self.stats.clone()
	}

	/// Stops the node and waits for its task to end.
	pub async fn shutdown(self) {
		let Self { stop, task, .. } = self;
		let _ = stop.send(());
		if let Err(error) = task.await {
			tracing::warn!(%error, "the manifest protocol node's task failed");
		}
	}
}

fn read_addrs(addrs: &RwLock<Vec<Multiaddr>>) -> Vec<Multiaddr> {
	match addrs.read() {
		Ok(addrs) => addrs.clone(),
		Err(poisoned) => poisoned.into_inner().clone(),
	}
}

type Answer = (PeerId, &'static str, ResponseChannel<Response>, Response);

struct Server {
	swarm: Swarm<Behaviour>,
	handler: Arc<dyn RequestHandler>,
	/// Requests whose handler has not answered yet.
	in_flight: FuturesUnordered<BoxFuture<'static, Answer>>,
	listen_addrs: Arc<RwLock<Vec<Multiaddr>>>,
	limits: RateLimits,
	stats: Arc<NodeStats>,
}

impl Server {
	fn addrs(&self) -> Vec<Multiaddr> {
		read_addrs(&self.listen_addrs)
	}

	fn update_addrs(&self, change: impl FnOnce(&mut Vec<Multiaddr>)) {
		match self.listen_addrs.write() {
			Ok(mut addrs) => change(&mut addrs),
			Err(poisoned) => change(&mut poisoned.into_inner()),
		}
	}

	/// Starts listening on each address and waits until each has been bound.
	async fn bind(&mut self, listen: Vec<Multiaddr>) -> Result<(), P2pError> {
		let mut unbound: HashMap<ListenerId, Multiaddr> = HashMap::new();
		for address in listen {
			let id = self.swarm.listen_on(address.clone()).map_err(|e| P2pError::Listen {
				address: address.clone(),
				detail: e.to_string(),
			})?;
			unbound.insert(id, address);
		}
		let deadline = tokio::time::sleep(LISTEN_TIMEOUT);
		tokio::pin!(deadline);
		while !unbound.is_empty() {
			let event = tokio::select! {
				event = self.swarm.select_next_some() => event,
				() = &mut deadline => {
					let address = unbound.into_values().next().unwrap_or_else(Multiaddr::empty);
					return Err(P2pError::Listen {
						address,
						detail: format!("not bound within {LISTEN_TIMEOUT:?}"),
					});
				},
			};
			match &event {
				SwarmEvent::NewListenAddr { listener_id, .. } => {
					unbound.remove(listener_id);
				},
				SwarmEvent::ListenerClosed { listener_id, reason, .. } => {
					if let Some(address) = unbound.remove(listener_id) {
						let detail = match reason {
							Err(error) => error.to_string(),
							Ok(()) => "the listener closed".into(),
						};
						return Err(P2pError::Listen { address, detail });
					}
				},
				SwarmEvent::ListenerError { listener_id, error } => {
					if let Some(address) = unbound.remove(listener_id) {
						return Err(P2pError::Listen { address, detail: error.to_string() });
					}
				},
				_ => {},
			}
			self.on_event(event);
		}
		Ok(())
	}

	/// Serves until `shutdown` turns `true` or `stopped` fires (or its sender is dropped).
	async fn run(mut self, mut shutdown: watch::Receiver<bool>, stopped: oneshot::Receiver<()>) {
		let external = async move {
			// A dropped sender can no longer ask for a shutdown: keep serving then.
			if shutdown.wait_for(|stop| *stop).await.is_err() {
				future::pending::<()>().await;
			}
		};
		tokio::pin!(external);
		tokio::pin!(stopped);
		loop {
			tokio::select! {
				event = self.swarm.select_next_some() => self.on_event(event),
				Some((peer, kind, channel, response)) = self.in_flight.next(), if !self.in_flight.is_empty() => {
					self.respond(peer, kind, channel, response);
				},
				() = &mut external => break,
				_ = &mut stopped => break,
			}
		}
		tracing::info!(peer_id = %self.swarm.local_peer_id(), "manifest protocol node stopped");
	}

	fn respond(
		&mut self,
		peer: PeerId,
		kind: &'static str,
		channel: ResponseChannel<Response>,
		response: Response,
	) {
		if let Response::Rejected { reason } = &response {
			tracing::debug!(%peer, kind, %reason, "refused a request");
		}
		let counter = match &response {
			Response::Rejected { reason: RejectReason::TooManyRequests } => &self.stats.throttled,
			_ => &self.stats.answered,
		};
		NodeStats::count(counter);
		if self.swarm.behaviour_mut().manifest.send_response(channel, response).is_err() {
			tracing::debug!(%peer, kind, "the tenant left before the answer was ready");
		}
	}

	fn on_event(&mut self, event: SwarmEvent<BehaviourEvent>) {
		match event {
			SwarmEvent::Behaviour(BehaviourEvent::Manifest(request_response::Event::Message {
				peer,
				message: request_response::Message::Request { request, channel, .. },
			})) => {
				let kind = request.kind();
				tracing::debug!(%peer, kind, lease = request.lease(), "request");
				// Refused before any work (no signature is checked): a peer over its budget,
				// or every handler busy.
				if !self.limits.allow(peer, Instant::now()) || self.in_flight.len() >= MAX_IN_FLIGHT
				{
					self.respond(
						peer,
						kind,
						channel,
						Response::Rejected { reason: RejectReason::TooManyRequests },
					);
					return;
				}
				// Each request runs in its own task, so a slow or failing handler holds up
				// neither the node nor the other requests.
				let task = tokio::spawn(self.handler.handle(peer, request));
				self.in_flight.push(Box::pin(async move {
					let response = task.await.unwrap_or_else(|error| {
						tracing::error!(%peer, kind, %error, "the request handler failed");
						Response::Rejected {
							reason: RejectReason::Internal("the request handler failed".into()),
						}
					});
					(peer, kind, channel, response)
				}));
			},
			SwarmEvent::Behaviour(BehaviourEvent::Manifest(
				request_response::Event::InboundFailure { peer, error, .. },
			)) => {
				tracing::debug!(%peer, %error, "an inbound request failed");
				NodeStats::count(&self.stats.failed);
			},
			SwarmEvent::Behaviour(event) => tracing::trace!(?event, "request-response event"),
			SwarmEvent::NewListenAddr { address, .. } => {
				tracing::debug!(%address, "listening");
				self.update_addrs(|addrs| {
					if !addrs.contains(&address) {
						addrs.push(address);
					}
				});
			},
			SwarmEvent::ExpiredListenAddr { address, .. } => {
				tracing::debug!(%address, "no longer listening");
				self.update_addrs(|addrs| addrs.retain(|a| a != &address));
			},
			SwarmEvent::ListenerClosed { addresses, reason, .. } => {
				tracing::warn!(?addresses, ?reason, "a listener closed");
				self.update_addrs(|addrs| addrs.retain(|a| !addresses.contains(a)));
			},
			SwarmEvent::ListenerError { error, .. } => {
				tracing::warn!(%error, "a listener failed");
			},
			SwarmEvent::ConnectionEstablished { peer_id, endpoint, .. } => {
				tracing::debug!(peer = %peer_id, addr = %endpoint.get_remote_address(), "connected");
				NodeStats::count(&self.stats.connections);
			},
			SwarmEvent::ConnectionClosed { peer_id, cause, .. } => {
				tracing::debug!(peer = %peer_id, ?cause, "disconnected");
				let _ = self.stats.connections.fetch_update(
					Ordering::Relaxed,
					Ordering::Relaxed,
					|open| open.checked_sub(1),
				);
			},
			SwarmEvent::IncomingConnectionError { send_back_addr, error, .. } => {
				tracing::debug!(from = %send_back_addr, %error, "an incoming connection failed");
			},
			other => tracing::trace!(?other, "swarm event"),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_peer_gets_its_burst_then_its_rate() {
		let mut limits = RateLimits::default();
		let peer = PeerId::random();
		let start = Instant::now();
		let burst = (0..100).filter(|_| limits.allow(peer, start)).count();
		assert_eq!(burst, PEER_BURST as usize);
		// One second later: five more, not a new burst.
		let later = start + Duration::from_secs(1);
		let refill = (0..100).filter(|_| limits.allow(peer, later)).count();
		assert_eq!(refill, PEER_REQUESTS_PER_SEC as usize);
		// Another peer has its own budget.
		assert!(limits.allow(PeerId::random(), later));
	}

	#[test]
	fn a_full_table_of_budgets_stays_bounded_and_never_locks_a_tenant_out() {
		let mut limits = RateLimits::default();
		let start = Instant::now();
		for _ in 0..MAX_TRACKED_PEERS {
			assert!(limits.allow(PeerId::random(), start));
		}
		// A full table of busy peers (a stranger cycling through made-up peers): a tenant
		// arriving now is still served, in full, and the table stays bounded.
		let tenant = PeerId::random();
		let now = start + Duration::from_millis(1);
		let served = (0..100).filter(|_| limits.allow(tenant, now)).count();
		assert_eq!(served, PEER_BURST as usize);
		assert!(limits.budgets.len() <= MAX_TRACKED_PEERS);
		// The stranger keeps cycling: its older peers are forgotten before the tenant.
		for _ in 0..MAX_TRACKED_PEERS - 1 {
			assert!(limits.allow(PeerId::random(), now));
			assert!(limits.budgets.len() <= MAX_TRACKED_PEERS);
		}
		assert!(
			limits.budgets.get(&tenant).is_some_and(|(tokens, _)| *tokens < 1.0),
			"the tenant's spent budget is remembered"
		);
		// Once they have been quiet long enough, the others are forgotten at once.
		let quiet = start + Duration::from_secs(10);
		assert!(limits.allow(PeerId::random(), quiet));
		assert_eq!(limits.budgets.len(), 1);
	}
}
