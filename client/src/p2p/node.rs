//! The libp2p node both sides run: TCP and WebSocket over TCP (for browsers), both with DNS
//! names, noise, yamux and the manifest protocol on tokio, behind connection limits. A
//! WebSocket connection carries exactly what a TCP one does, under the same limits and checks.

use std::time::Duration;

use libp2p::{
	connection_limits::{self, ConnectionLimits},
	core::upgrade,
	identity::Keypair,
	noise,
	request_response::{self, ProtocolSupport},
	swarm::NetworkBehaviour,
	tcp, websocket, yamux, Swarm, Transport,
};

use super::{codec::ManifestCodec, protocol::PROTOCOL, P2pError};

/// Most connections one peer may hold to a node at once.
pub const MAX_CONNECTIONS_PER_PEER: u32 = 4;
/// Most established connections a node holds at once.
pub const MAX_CONNECTIONS: u32 = 512;
/// Most incoming connections still being set up (noise, yamux) at once.
pub const MAX_PENDING_INCOMING: u32 = 128;
/// Most manifest-protocol streams open at once on one connection.
pub const MAX_STREAMS_PER_CONNECTION: usize = 16;

/// Largest WebSocket message accepted, in bytes: a few noise frames (64 KiB each).
pub const MAX_WEBSOCKET_MESSAGE: usize = 1024 * 1024;

/// The network behaviour of a manifest-protocol node: the connection limits, then the
/// protocol itself.
#[derive(NetworkBehaviour)]
#[behaviour(prelude = "libp2p::swarm::derive_prelude")]
pub(crate) struct Behaviour {
	limits: connection_limits::Behaviour,
	pub(crate) manifest: request_response::Behaviour<ManifestCodec>,
}

/// A connection with no request under way is closed after this long.
pub const IDLE_CONNECTION_TIMEOUT: Duration = Duration::from_secs(60);

/// Builds a swarm for `keypair` that speaks the manifest protocol in the given direction(s),
/// giving each request `request_timeout` to be answered.
pub(crate) fn build_swarm(
	keypair: Keypair,
	support: ProtocolSupport,
	request_timeout: Duration,
) -> Result<Swarm<Behaviour>, P2pError> {
	let limits = ConnectionLimits::default()
		.with_max_established_per_peer(Some(MAX_CONNECTIONS_PER_PEER))
		.with_max_established(Some(MAX_CONNECTIONS))
		.with_max_pending_incoming(Some(MAX_PENDING_INCOMING));
	let behaviour = Behaviour {
		limits: connection_limits::Behaviour::new(limits),
		manifest: request_response::Behaviour::new(
			[(PROTOCOL, support)],
			request_response::Config::default()
				.with_request_timeout(request_timeout)
				.with_max_concurrent_streams(MAX_STREAMS_PER_CONNECTION),
		),
	};
	let swarm = libp2p::SwarmBuilder::with_existing_identity(keypair)
		.with_tokio()
		.with_tcp(tcp::Config::default().nodelay(true), noise::Config::new, yamux::Config::default)
		.map_err(|e| P2pError::Transport(e.to_string()))?
		// `/tcp/<port>/ws` addresses: the same security and multiplexing over WebSocket frames.
		.with_other_transport(|key| -> Result<_, Box<dyn std::error::Error + Send + Sync>> {
			let tcp = tcp::tokio::Transport::new(tcp::Config::default().nodelay(true));
			let mut ws = websocket::WsConfig::new(tcp);
			// The default accepts 256 MiB WebSocket messages and reserves the announced size
			// before the noise handshake: a stranger's 128 pending connections could take 32 GiB.
			// A noise frame is at most 64 KiB; a browser may batch a few into one message.
			ws.set_max_data_size(MAX_WEBSOCKET_MESSAGE);
			Ok(ws
				.upgrade(upgrade::Version::V1)
				.authenticate(noise::Config::new(key)?)
				.multiplex(yamux::Config::default()))
		})
		.map_err(|e| P2pError::Transport(e.to_string()))?
		.with_dns()
		.map_err(|e| P2pError::Transport(e.to_string()))?
		.with_behaviour(|_| behaviour)
		.map_err(|e| P2pError::Transport(e.to_string()))?
		.with_swarm_config(|config| config.with_idle_connection_timeout(IDLE_CONNECTION_TIMEOUT))
		.build();
	Ok(swarm)
}
