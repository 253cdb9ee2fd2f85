//! The tenant's side: a libp2p node that dials providers and sends them requests.

use std::{
	collections::HashMap,
	time::{Duration, SystemTime, UNIX_EPOCH},
};

use futures::StreamExt;
use libp2p::{
	core::transport::TransportError,
	identity::Keypair,
	request_response::{self, OutboundFailure, OutboundRequestId, ProtocolSupport},
	swarm::{
		dial_opts::{DialOpts, PeerCondition},
		DialError, SwarmEvent,
	},
	Multiaddr, PeerId, Swarm,
};
use subxt_signer::sr25519;
use tokio::sync::{mpsc, oneshot};

use super::{
	node::{build_swarm, Behaviour, BehaviourEvent},
	protocol::{
		LogsQuery, OutputQuery, Request, Response, SignedManifest, SignedQuery, MAX_OUTPUT_CHUNK,
	},
	P2pError,
};

/// The longest any single request may take; callers give each request its own, shorter, limit.
const MAX_REQUEST_TIME: Duration = Duration::from_secs(600);

type Reply = oneshot::Sender<Result<Response, P2pError>>;

struct Command {
	peer: PeerId,
	addrs: Vec<Multiaddr>,
	request: Request,
	reply: Reply,
}

/// A tenant's connection to providers: dials them as needed and keeps connections open while
/// they are in use. Clones share the same node; dropping the last closes every connection.
#[derive(Clone)]
pub struct TenantClient {
	peer_id: PeerId,
	commands: mpsc::UnboundedSender<Command>,
}

impl TenantClient {
	/// A client with a new, throw-away ed25519 identity. Must be called inside a tokio runtime.
	pub fn new() -> Result<Self, P2pError> {
		Self::with_identity(Keypair::generate_ed25519())
	}

	/// A client with the given libp2p identity. Must be called inside a tokio runtime.
	pub fn with_identity(keypair: Keypair) -> Result<Self, P2pError> {
		let runtime = tokio::runtime::Handle::try_current().map_err(|_| P2pError::NoRuntime)?;
		let peer_id = keypair.public().to_peer_id();
		let swarm = build_swarm(keypair, ProtocolSupport::Outbound, MAX_REQUEST_TIME)?;
		let (commands, receiver) = mpsc::unbounded_channel();
		let client = Client {
			swarm,
			dialing: HashMap::new(),
			awaiting: HashMap::new(),
			tried: HashMap::new(),
		};
		runtime.spawn(client.run(receiver));
		Ok(Self { peer_id, commands })
	}

	/// This client's PeerId.
	pub fn peer_id(&self) -> PeerId {
		self.peer_id
	}

	/// Sends `request` to `peer`, dialing `addrs` unless already connected, and waits at most
	/// `timeout` for the answer (dialing included).
	pub async fn request(
		&self,
		peer: PeerId,
		addrs: &[Multiaddr],
		request: Request,
		timeout: Duration,
	) -> Result<Response, P2pError> {
		let (reply, answer) = oneshot::channel();
		let command = Command { peer, addrs: addrs.to_vec(), request, reply };
		self.commands.send(command).map_err(|_| P2pError::Stopped)?;
		match tokio::time::timeout(timeout, answer).await {
			Err(_) => Err(P2pError::Timeout { peer, after: timeout }),
			Ok(Err(_)) => Err(P2pError::Stopped),
			Ok(Ok(result)) => result,
		}
	}

	/// Sends lease `lease`'s manifest, signed with the tenant's account key. The answer is
	/// [`Response::Accepted`] or [`Response::Rejected`].
	pub async fn send_manifest(
		&self,
		peer: PeerId,
		addrs: &[Multiaddr],
		lease: u64,
		manifest: Vec<u8>,
		signer: &sr25519::Keypair,
		timeout: Duration,
	) -> Result<Response, P2pError> {
		let request = Request::SubmitManifest(SignedManifest::sign(lease, manifest, signer));
		let response = self.request(peer, addrs, request, timeout).await?;
		match response {
			Response::Accepted | Response::Rejected { .. } => Ok(response),
			other => Err(unexpected(peer, "a manifest", &other)),
		}
	}

	/// Asks for lease `lease`'s log lines from `from_seq` on. The answer is [`Response::Logs`]
	/// (checked to be in order and from `from_seq` on) or [`Response::Rejected`].
	pub async fn logs(
		&self,
		peer: PeerId,
		addrs: &[Multiaddr],
		lease: u64,
		from_seq: u64,
		signer: &sr25519::Keypair,
		timeout: Duration,
	) -> Result<Response, P2pError> {
		let query = SignedQuery::sign(lease, now_secs(), LogsQuery { from_seq }, signer);
		let response = self.request(peer, addrs, Request::Logs(query), timeout).await?;
		match &response {
			Response::Rejected { .. } => Ok(response),
			Response::Logs { lines, next_seq, .. } => {
				check_log_page(from_seq, lines.iter().map(|l| l.seq), *next_seq)
					.map_err(|detail| P2pError::BadResponse { peer, detail })?;
				Ok(response)
			},
			other => Err(unexpected(peer, "logs", other)),
		}
	}

	/// Asks for the piece of lease `lease`'s output file `path` that starts at `offset`. The
	/// answer is [`Response::Output`] (checked to be that piece, at most
	/// [`MAX_OUTPUT_CHUNK`] long) or [`Response::Rejected`].
	// Each argument is one field of the signed query or of the request's routing.
	#[allow(clippy::too_many_arguments)]
	pub async fn fetch_output(
		&self,
		peer: PeerId,
		addrs: &[Multiaddr],
		lease: u64,
		path: &str,
		offset: u64,
		signer: &sr25519::Keypair,
		timeout: Duration,
	) -> Result<Response, P2pError> {
		let query = OutputQuery { path: path.to_string(), offset };
		let query = SignedQuery::sign(lease, now_secs(), query, signer);
		let response = self.request(peer, addrs, Request::FetchOutput(query), timeout).await?;
		match &response {
			Response::Rejected { .. } => Ok(response),
			Response::Output { path: got_path, offset: got_offset, data, total_len, eof } => {
				if got_path != path {
					return Err(bad(peer, format!("asked for `{path}`, got `{got_path}`")));
				}
				check_output_chunk(offset, *got_offset, data.len(), *total_len, *eof)
					.map_err(|detail| P2pError::BadResponse { peer, detail })?;
				Ok(response)
			},
			other => Err(unexpected(peer, "an output file", other)),
		}
	}
}

fn now_secs() -> u64 {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map(|d| d.as_secs())
		.unwrap_or_default()
}

/// An error and its causes, each once.
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
	let mut text = error.to_string();
	let mut source = error.source();
	while let Some(cause) = source {
		let cause_text = cause.to_string();
		if !text.contains(&cause_text) {
			text.push_str(": ");
			text.push_str(&cause_text);
		}
		source = cause.source();
	}
	text
}

fn bad(peer: PeerId, detail: String) -> P2pError {
	P2pError::BadResponse { peer, detail }
}

fn unexpected(peer: PeerId, asked: &str, got: &Response) -> P2pError {
	let got = match got {
		Response::Accepted => "an acceptance",
		Response::Rejected { .. } => "a refusal",
		Response::Logs { .. } => "logs",
		Response::Output { .. } => "an output chunk",
	};
	bad(peer, format!("asked for {asked}, got {got}"))
}

/// Whether a page of logs fits a request from `from_seq`: lines in increasing order, none
/// before `from_seq`, and `next_seq` past the last.
fn check_log_page(
	from_seq: u64,
	seqs: impl Iterator<Item = u64>,
	next_seq: u64,
) -> Result<(), String> {
	let mut floor = from_seq;
	let mut first = true;
	for seq in seqs {
		if seq < floor || (!first && seq == floor) {
			return Err(format!("log line {seq} is out of order (asked from {from_seq})"));
		}
		floor = seq;
		first = false;
	}
	let least_next = if first { from_seq } else { floor.saturating_add(1) };
	if next_seq < least_next {
		return Err(format!("next sequence number {next_seq} is before {least_next}"));
	}
	Ok(())
}

/// Whether an output chunk is the one asked for and consistent with itself.
fn check_output_chunk(
	asked_offset: u64,
	offset: u64,
	len: usize,
	total_len: u64,
	eof: bool,
) -> Result<(), String> {
	if offset != asked_offset {
		return Err(format!("asked for offset {asked_offset}, got {offset}"));
	}
	if len > MAX_OUTPUT_CHUNK {
		return Err(format!("chunk of {len} bytes; at most {MAX_OUTPUT_CHUNK} are allowed"));
	}
	let end = offset.saturating_add(len as u64);
	if len > 0 && end > total_len {
		return Err(format!("chunk ends at {end}, past the file's {total_len} bytes"));
	}
	if len == 0 && !eof {
		return Err(format!("empty chunk at {offset} of {total_len} bytes, and not the end"));
	}
	if eof != (end >= total_len) {
		return Err(format!("chunk ending at {end} of {total_len} bytes says eof = {eof}"));
	}
	Ok(())
}

/// The client's swarm and the requests under way on it.
struct Client {
	swarm: Swarm<Behaviour>,
	/// Requests waiting for a connection to their peer.
	dialing: HashMap<PeerId, Vec<(Request, Reply)>>,
	/// Requests sent, waiting for their answer.
	awaiting: HashMap<OutboundRequestId, Reply>,
	/// The addresses last dialed for each peer, to name them in errors.
	tried: HashMap<PeerId, Vec<Multiaddr>>,
}

impl Client {
	async fn run(mut self, mut commands: mpsc::UnboundedReceiver<Command>) {
		loop {
			tokio::select! {
				command = commands.recv() => match command {
					Some(command) => self.on_command(command),
					// Every handle is gone.
					None => break,
				},
				event = self.swarm.select_next_some() => self.on_event(event),
			}
		}
	}

	fn on_command(&mut self, Command { peer, addrs, request, reply }: Command) {
		if self.swarm.is_connected(&peer) {
			self.send(peer, request, reply);
			return;
		}
		if let Some(waiting) = self.dialing.get_mut(&peer) {
			waiting.push((request, reply));
			return;
		}
		if addrs.is_empty() {
			let _ = reply.send(Err(P2pError::NoAddresses { peer }));
			return;
		}
		tracing::debug!(%peer, ?addrs, "dialing");
		let opts = DialOpts::peer_id(peer)
			.addresses(addrs.clone())
			.condition(PeerCondition::DisconnectedAndNotDialing)
			.build();
		self.tried.insert(peer, addrs);
		match self.swarm.dial(opts) {
			// A dial already under way (or a connection just made) will flush the queue.
			Ok(()) | Err(DialError::DialPeerConditionFalse(_)) => {
				self.dialing.insert(peer, vec![(request, reply)]);
			},
			Err(error) => {
				let detail = self.describe_dial_error(&peer, &error);
				let _ = reply.send(Err(P2pError::Dial { peer, detail }));
			},
		}
	}

	fn send(&mut self, peer: PeerId, request: Request, reply: Reply) {
		if reply.is_closed() {
			// The caller gave up already.
			return;
		}
		let id = self.swarm.behaviour_mut().manifest.send_request(&peer, request);
		self.awaiting.insert(id, reply);
	}

	fn on_event(&mut self, event: SwarmEvent<BehaviourEvent>) {
		match event {
			SwarmEvent::ConnectionEstablished { peer_id, endpoint, .. } => {
				tracing::debug!(peer = %peer_id, addr = %endpoint.get_remote_address(), "connected");
				for (request, reply) in self.dialing.remove(&peer_id).unwrap_or_default() {
					self.send(peer_id, request, reply);
				}
			},
			SwarmEvent::OutgoingConnectionError { peer_id: Some(peer), error, .. } => {
				let detail = self.describe_dial_error(&peer, &error);
				tracing::debug!(%peer, %detail, "dial failed");
				for (_, reply) in self.dialing.remove(&peer).unwrap_or_default() {
					let _ = reply.send(Err(P2pError::Dial { peer, detail: detail.clone() }));
				}
			},
			SwarmEvent::Behaviour(BehaviourEvent::Manifest(request_response::Event::Message {
				message: request_response::Message::Response { request_id, response },
				..
			})) => {
				if let Some(reply) = self.awaiting.remove(&request_id) {
					let _ = reply.send(Ok(response));
				}
			},
			SwarmEvent::Behaviour(BehaviourEvent::Manifest(
				request_response::Event::OutboundFailure { peer, request_id, error },
			)) => {
				tracing::debug!(%peer, %error, "request failed");
				if let Some(reply) = self.awaiting.remove(&request_id) {
					let _ = reply.send(Err(self.describe_failure(peer, error)));
				}
			},
			SwarmEvent::ConnectionClosed { peer_id, cause, .. } => {
				tracing::debug!(peer = %peer_id, ?cause, "disconnected");
			},
			other => tracing::trace!(?other, "swarm event"),
		}
	}

	fn describe_failure(&self, peer: PeerId, error: OutboundFailure) -> P2pError {
		match error {
			OutboundFailure::DialFailure => P2pError::Dial {
				peer,
				detail: format!("the connection was lost ({})", self.tried_list(&peer)),
			},
			OutboundFailure::Timeout => P2pError::Timeout { peer, after: MAX_REQUEST_TIME },
			OutboundFailure::ConnectionClosed => P2pError::ConnectionClosed { peer },
			OutboundFailure::UnsupportedProtocols => P2pError::ProtocolNotSupported { peer },
			// The codec refuses malformed or oversize answers with `InvalidData`.
			OutboundFailure::Io(source) if source.kind() == std::io::ErrorKind::InvalidData => {
				P2pError::BadResponse { peer, detail: source.to_string() }
			},
			OutboundFailure::Io(source) => P2pError::Stream { peer, source },
		}
	}

	fn tried_list(&self, peer: &PeerId) -> String {
		let addrs = self.tried.get(peer).map(Vec::as_slice).unwrap_or_default();
		let addrs: Vec<String> = addrs.iter().map(ToString::to_string).collect();
		format!("tried {}", addrs.join(", "))
	}

	/// A dial failure in words, naming every address tried.
	fn describe_dial_error(&self, peer: &PeerId, error: &DialError) -> String {
		match error {
			DialError::Transport(failures) => failures
				.iter()
				.map(|(addr, error)| match error {
					TransportError::MultiaddrNotSupported(_) => {
						format!("{addr}: this kind of address is not supported")
					},
					TransportError::Other(error) => format!("{addr}: {}", error_chain(error)),
				})
				.collect::<Vec<_>>()
				.join("; "),
			DialError::WrongPeerId { obtained, endpoint } => {
				format!("{} is {obtained}, not the peer expected", endpoint.get_remote_address())
			},
			DialError::NoAddresses => format!("no usable address ({})", self.tried_list(peer)),
			DialError::LocalPeerId { .. } => {
				format!("it is this client itself ({})", self.tried_list(peer))
			},
			DialError::Aborted => format!("the dial was aborted ({})", self.tried_list(peer)),
			DialError::Denied { cause } => {
				format!("the connection was refused locally: {cause} ({})", self.tried_list(peer))
			},
			DialError::DialPeerConditionFalse(_) => {
				format!("a dial is already under way ({})", self.tried_list(peer))
			},
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn log_pages_must_be_in_order_from_the_asked_line() {
		assert_eq!(check_log_page(5, [5, 6, 9].into_iter(), 10), Ok(()));
		assert_eq!(check_log_page(5, [].into_iter(), 5), Ok(()));
		assert!(check_log_page(5, [4, 5].into_iter(), 6).is_err());
		assert!(check_log_page(5, [6, 6].into_iter(), 7).is_err());
		assert!(check_log_page(5, [7, 6].into_iter(), 8).is_err());
		assert!(check_log_page(5, [5, 6].into_iter(), 6).is_err());
		assert!(check_log_page(5, [].into_iter(), 4).is_err());
	}

	#[test]
	fn output_chunks_must_match_the_request_and_themselves() {
		assert_eq!(check_output_chunk(0, 0, 10, 25, false), Ok(()));
		assert_eq!(check_output_chunk(20, 20, 5, 25, true), Ok(()));
		assert_eq!(check_output_chunk(0, 0, 0, 0, true), Ok(()));
		assert!(check_output_chunk(10, 0, 10, 25, false).is_err(), "wrong offset");
		assert!(check_output_chunk(0, 0, MAX_OUTPUT_CHUNK + 1, u64::MAX, false).is_err());
		assert!(check_output_chunk(20, 20, 6, 25, true).is_err(), "past the end");
		assert!(check_output_chunk(20, 20, 5, 25, false).is_err(), "end without eof");
		assert!(check_output_chunk(0, 0, 10, 25, true).is_err(), "eof too early");
		assert!(check_output_chunk(0, 0, 0, 25, false).is_err(), "no progress");
	}
}
