//! The libp2p node both sides run: TCP, noise, yamux and the manifest protocol on tokio.

use std::time::Duration;

use libp2p::{
	identity::Keypair,
	noise,
	request_response::{self, ProtocolSupport},
	tcp, yamux, Swarm,
};

use super::{codec::ManifestCodec, protocol::PROTOCOL, P2pError};

/// The network behaviour of a manifest-protocol node.
pub(crate) type Behaviour = request_response::Behaviour<ManifestCodec>;

/// A connection with no request under way is closed after this long.
pub const IDLE_CONNECTION_TIMEOUT: Duration = Duration::from_secs(60);

/// Builds a swarm for `keypair` that speaks the manifest protocol in the given direction(s),
/// giving each request `request_timeout` to be answered.
pub(crate) fn build_swarm(
	keypair: Keypair,
	support: ProtocolSupport,
	request_timeout: Duration,
) -> Result<Swarm<Behaviour>, P2pError> {
	let behaviour = Behaviour::new(
		[(PROTOCOL, support)],
		request_response::Config::default().with_request_timeout(request_timeout),
	);
	let swarm = libp2p::SwarmBuilder::with_existing_identity(keypair)
		.with_tokio()
		.with_tcp(tcp::Config::default().nodelay(true), noise::Config::new, yamux::Config::default)
		.map_err(|e| P2pError::Transport(e.to_string()))?
		.with_behaviour(|_| behaviour)
		.map_err(|e| P2pError::Transport(e.to_string()))?
		.with_swarm_config(|config| config.with_idle_connection_timeout(IDLE_CONNECTION_TIMEOUT))
		.build();
	Ok(swarm)
}
